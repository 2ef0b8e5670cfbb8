"""CPU seconds per part of one 1-worker ingest of `bench ingest --quick`'s sample (issue 22), in this process.

    .venv/bin/python benchmarks/ingest_cpu.py [--n 30] [--onnx-edit] [--keep]

Wall-clock scaling needs idle cores; CPU seconds (``time.process_time``) of each part do not, so two code
versions can be compared on a loaded box. Parts: the analysis (spaCy import, load and parse with ``nlp``), the
shard and signature writes, the workers' story vectors (MiniLM load shown apart), and the coordinator's
duplicate and story passes (outside the timed rate of ``bench ingest``). ``--onnx-edit`` loads MiniLM as the
code before issue 22's ingest work did (the graph edit made by the ``onnx`` package), for a before/after run.
Prints one row per part; ``--keep`` keeps the store and prints its path (to compare stores).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides" / "media_train_valid.jsonl"
SEED = 13  # BenchContext's default seed: the bench's own sample


def _timed(module: Any, name: str, key: str, cpu: dict[str, float]) -> None:
    inner: Callable[..., Any] = getattr(module, name)

    def call(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            cpu[key] = cpu.get(key, 0.0) + time.process_time() - t0

    setattr(module, name, call)


def _onnx_edit(model_bytes: bytes, layer: int = 4) -> bytes:
    """The layer-states edit as the ``onnx`` package makes it (imports onnx and ml_dtypes)."""
    import onnx
    from onnx import TensorProto, helper

    model = onnx.load_from_string(model_bytes)
    suffix = f"encoder.layer.{layer}.output.LayerNorm.weight"
    node = next(n for n in model.graph.node if n.op_type == "LayerNormalization" and n.input[1].endswith(suffix))
    model.graph.node.append(helper.make_node("Identity", [node.output[0]], ["layer_states"], name="newsprism_states"))
    model.graph.output.append(
        helper.make_tensor_value_info("layer_states", TensorProto.FLOAT, ["batch", "sequence", 384])
    )
    return bytes(model.SerializeToString())


def _instrument(cpu: dict[str, float], onnx_edit: bool) -> None:
    import newsprism.batch.runner as runner
    import newsprism.batch.worker as worker
    import newsprism.nlp.embed  # noqa: F401  (the package exports a function of the same name)
    import newsprism.nlp.encoder as encoder

    embed_module = sys.modules["newsprism.nlp.embed"]
    if onnx_edit:
        encoder.with_state_output = _onnx_edit
    _timed(worker, "analyse_isolated", "nlp (spaCy import, load, parse)", cpu)
    _timed(worker, "write_partition", "store (shards)", cpu)
    _timed(worker, "write_signatures", "store (signatures)", cpu)
    _timed(worker, "write_features", "stories in the workers", cpu)
    _timed(embed_module, "Embedder", "  of which MiniLM load", cpu)
    _timed(runner, "update_duplicates", "coordinator: duplicates", cpu)
    _timed(runner, "rebuild_stories", "coordinator: story pass", cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--onnx-edit", action="store_true")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    cpu: dict[str, float] = {}
    _instrument(cpu, args.onnx_edit)
    from newsprism.batch import ingest
    from newsprism.options import load_options

    lines = [x for x in SHARED.read_text(encoding="utf-8").splitlines() if x.strip()]
    sample = sorted(random.Random(SEED).sample(range(len(lines)), min(args.n, len(lines))))
    tmp = Path(tempfile.mkdtemp(prefix="newsprism-ingest-cpu-"))
    with open(tmp / "in.jsonl", "w", encoding="utf-8") as fh:
        for i in sample:
            rec = json.loads(lines[i])
            rec.setdefault("id", f"allsides-{i}")
            fh.write(json.dumps(rec) + "\n")
    t0 = time.process_time()
    res = ingest(
        [str(tmp / "in.jsonl")],
        str(tmp / "1w"),
        load_options(stages=("nlp",), threads=1),
        1,
        None,
        max(5, args.n // 20),
    )
    total = time.process_time() - t0
    for key, seconds in cpu.items():
        print(f"{key:34s} {seconds:6.2f} s CPU")
    print(f"{'whole ingest()':34s} {total:6.2f} s CPU ({res.articles} articles, {res.stories} stories)")
    if args.keep:
        print(f"store: {tmp / '1w'}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
