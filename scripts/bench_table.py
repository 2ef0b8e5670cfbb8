"""Turn `newsprism bench --json` output into the Markdown table the README quotes.

    .venv/bin/newsprism bench --json --no-gate > bench.json && .venv/bin/python scripts/bench_table.py bench.json
    (--brief leaves out the precision/recall rows that sit beside each F1)
"""

from __future__ import annotations

import json
import sys


def brief_skip(name: str) -> bool:
    return any(part in name for part in ("_p_", "_r_", "precision", "recall")) or name.endswith(("_p", "_r"))


def main(path: str, brief: bool = False) -> None:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    print("| task | metric | ours | published reference | n | data hash |")
    print("|---|---|---|---|---|---|")
    for m in data["metrics"]:
        if brief and brief_skip(m["name"]):
            continue
        ref = "–" if m["reference"] is None else f"{m['reference']:.3f}"
        if m.get("reference_note"):
            ref = f"{ref} ({m['reference_note']})"
        print(f"| {m['task']} | {m['name']} | {m['value']:.3f} | {ref} | {m['n']} | `{m['data_hash']}` |")
    for task, secs in data.get("seconds", {}).items():
        print(f"<!-- {task}: {secs}s -->")


if __name__ == "__main__":
    main(sys.argv[1], brief="--brief" in sys.argv[2:])
