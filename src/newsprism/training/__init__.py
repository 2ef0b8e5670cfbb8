"""Reproducible training of the shipped models (``newsprism train TASK``): one module per stage family's
trainer, plus the training-only helpers (temperature fitting). Readers live in :mod:`newsprism.datasets`,
metrics in :mod:`newsprism.metrics`; inference never imports this package."""

from newsprism.training.registry import trainer, trainers

__all__ = ["trainer", "trainers"]
