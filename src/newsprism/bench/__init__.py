"""Benchmark harness: evaluators registered by task, a metric table, and a floor gate."""

from newsprism.bench.registry import BenchContext, Metric, evaluator, evaluators

__all__ = ["BenchContext", "Metric", "evaluator", "evaluators"]
