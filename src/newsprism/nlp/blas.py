"""BLAS threads while stages run."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any


def one_blas_thread() -> AbstractContextManager[Any]:
    """Single-threaded BLAS for the duration of a ``with`` block.

    The stages' matrix products are small (sentences x 384), and OpenBLAS's idle workers busy-wait after each
    one: on 2 cores that took a core from whatever ran next (the frames stage's CPU time doubled on a
    20,000-character text; tests/test_adversarial_scaling.py). Articles run in parallel by process instead.
    Libraries loaded later (scipy's own OpenBLAS) are seen, as the controller scans at each call (~2 ms).
    """
    import numpy  # noqa: F401  -- its OpenBLAS must be loaded for threadpoolctl to find and limit it
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")
