"""The newsprism command line: thin wrappers over plain functions (see newsprism.api)."""
