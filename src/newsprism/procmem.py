"""Peak resident memory of the current process (for the speed and ingest benchmarks)."""

from __future__ import annotations

import resource
import sys


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux: VmHWM of the current address space. ``ru_maxrss`` is not used there because exec keeps the
    forking parent's high-water mark, so a spawned worker or subprocess would report its parent's memory.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
