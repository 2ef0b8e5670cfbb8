"""Reproducible training of the shipped models: ``newsprism train TASK``."""

from newsprism.train.registry import trainer, trainers

__all__ = ["trainer", "trainers"]
