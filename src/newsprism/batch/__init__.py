"""Batch execution: the same partition function on a local process pool or a Dask cluster."""

from newsprism.batch.runner import IngestResult, ingest

__all__ = ["IngestResult", "ingest"]
