"""Word lists shared by several stages (``speech``) and data files (``neutral.tsv``)."""
