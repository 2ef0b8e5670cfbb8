"""Fine-tuned check-worthiness and subjectivity heads on the shared encoder (issue 23).

Needs the ``train`` extra (torch, safetensors) and :mod:`newsprism.nlp.encoder`. The frozen base (int8 MiniLM
layers 0-4, the graph the analysis runs) gives each sentence's layer-4 states once (cached as float16 under
``$NEWSPRISM_CACHE/claims-states``); per task, a float copy of layer 5 (initialised from all-MiniLM-L6-v2, as
the techniques heads are) plus a mean-pooled logistic output is trained on the task's TRAINING part only.

Grouped inner validation: the training part is split 80/20 with identical texts kept on one side (ClaimBuster
and CheckThat hold repeated sentences); the epoch (early stopping) and the decision threshold are chosen on the
inner 20% (F1 for check-worthiness, macro-F1 for subjectivity). The validation splits of ``bench claims`` choose
nothing. Exported as ONNX (inputs ``states``/``mask``, output ``probability``) for
:class:`newsprism.nlp.encoder.Head`, with meta.json, under benchmarks/models/claims/finetuned (the stage keeps the
linear heads: the fine-tuned ones did not beat them on inner validation, docs/models/claims.md).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.claims.features import normalise
from newsprism.datasets import claims as D
from newsprism.metrics import f1_at, macro_f1
from newsprism.nlp.encoder import DIM, SentenceStates

log = logging.getLogger(__name__)
CACHE = Path(os.environ.get("NEWSPRISM_CACHE", "/tmp/newsprism-cache")) / "claims-states"
FINETUNED_DIR = Path(__file__).resolve().parents[3] / "benchmarks" / "models" / "claims" / "finetuned"
"""Training-part heads, scored by ``bench claims`` beside the linear held-out heads (repository only)."""
INNER_SHARE = 0.2
BATCH_TOKENS = 512  # ~16 sentences a step: enough steps on the small subjectivity set
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)


# --- encoder states of a data file (cached) --------------------------------------------------------------------


def _key(texts: list[str]) -> str:
    return hashlib.sha256("\x1e".join(texts).encode("utf-8")).hexdigest()[:20]


def states_of(rows: list[D.Example]) -> list[np.ndarray]:
    """Layer-4 encoder states (float32, [CLS] .. [SEP]) of every row; one encoder pass per file, cached."""
    texts = [r.text for r in rows]
    path = CACHE / f"{_key(texts)}.npz"
    if not path.is_file():
        from newsprism.nlp.encoder import encode

        enc = encode(texts)
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.stem + ".tmp.npz")
        lens = np.array([len(e.states) for e in enc])
        np.savez(tmp, states=np.concatenate([e.states for e in enc]).astype(np.float16), lens=lens)
        tmp.replace(path)
    with np.load(path, allow_pickle=False) as z:
        flat, lens = z["states"], z["lens"]
    cuts = np.concatenate([[0], np.cumsum(lens)])
    return [flat[a:b].astype(np.float32) for a, b in itertools.pairwise(cuts)]


# --- inner split ---------------------------------------------------------------------------------------------


def grouped_inner_split(rows: list[D.Example], seed: int) -> tuple[list[int], list[int]]:
    """(inner-train, inner-validation) indices: ~``INNER_SHARE`` of the distinct normalised texts (every copy of a
    text on the same side), seeded."""
    texts = sorted({normalise(r.text).lower() for r in rows})
    random.Random(seed).shuffle(texts)
    held = set(texts[: round(len(texts) * INNER_SHARE)])
    inner = [i for i, r in enumerate(rows) if normalise(r.text).lower() in held]
    fit = [i for i, r in enumerate(rows) if normalise(r.text).lower() not in held]
    return fit, inner


# --- the net -------------------------------------------------------------------------------------------------


def build(dropout: float = 0.1) -> Any:
    """Layer 5 of all-MiniLM-L6-v2 (the techniques trainer's module and weights) + mean pool + logistic output."""
    import torch
    from torch import nn

    from newsprism.training.techniques_net import base_weights, build_net

    class ClaimHead(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer = build_net(1, base_weights(), dropout).layer
            self.drop = nn.Dropout(dropout)
            self.out = nn.Linear(DIM, 1)

        def forward(self, states: Any, mask: Any) -> Any:
            h = self.layer(states, mask)
            m = mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
            return torch.sigmoid(self.out(self.drop(pooled))).squeeze(-1)

    return ClaimHead()


def _batches(lens: list[int], idx: list[int], rng: random.Random | None) -> list[list[int]]:
    """Length-bucketed batches of at most ``BATCH_TOKENS`` padded tokens (shuffled when ``rng``)."""
    order = sorted(idx, key=lambda i: lens[i])
    out: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        if cur and (len(cur) + 1) * lens[i] > BATCH_TOKENS:
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    if rng is not None:
        rng.shuffle(out)
    return out


def _pad(states: list[np.ndarray], idx: list[int]) -> tuple[Any, Any]:
    import torch

    longest = max(len(states[i]) for i in idx)
    x = np.zeros((len(idx), longest, DIM), np.float32)
    m = np.zeros((len(idx), longest), np.int64)
    for r, i in enumerate(idx):
        x[r, : len(states[i])] = states[i]
        m[r, : len(states[i])] = 1
    return torch.from_numpy(x), torch.from_numpy(m)


def predict(net: Any, states: list[np.ndarray]) -> np.ndarray:
    import torch

    net.eval()
    out = np.zeros(len(states), np.float32)
    lens = [len(s) for s in states]
    with torch.no_grad():
        for idx in _batches(lens, list(range(len(states))), None):
            out[idx] = net(*_pad(states, idx)).numpy()
    return out


def _metric(metric: str, y: np.ndarray, p: np.ndarray, t: float) -> float:
    return f1_at(y, p, t) if metric == "f1" else macro_f1(y, p >= t)


@dataclass
class Fitted:
    net: Any
    threshold: float
    inner: float
    epoch: int
    history: list[dict[str, float]]


def fit(states: list[np.ndarray], y: np.ndarray, fit_idx: list[int], inner_idx: list[int], metric: str,
        seed: int = 13, epochs: int = 3, lr: float = 1e-4, head_lr: float = 2e-3) -> Fitted:  # fmt: skip
    """Train on ``fit_idx``; after each epoch score the inner part at its best threshold; keep the best epoch."""
    import copy

    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    net = build()
    layer = [p for n, p in net.named_parameters() if n.startswith("layer.")]
    head = [p for n, p in net.named_parameters() if not n.startswith("layer.")]
    opt = torch.optim.AdamW([{"params": layer, "lr": lr}, {"params": head, "lr": head_lr}], weight_decay=0.01)
    lens = [len(s) for s in states]
    pos = float(y[fit_idx].mean())
    w_pos, w_neg = 0.5 / max(pos, 1e-6), 0.5 / max(1 - pos, 1e-6)  # balanced classes
    steps = epochs * len(_batches(lens, fit_idx, None))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, steps // 10)) * max(0.0, 1 - s / max(1, steps))
    )
    best: Fitted | None = None
    history = []
    yt = torch.from_numpy(y.astype(np.float32))
    for epoch in range(1, epochs + 1):
        net.train()
        t0, tot, nb = time.time(), 0.0, 0
        for idx in _batches(lens, fit_idx, rng):
            x, m = _pad(states, idx)
            p = net(x, m).clamp(1e-6, 1 - 1e-6)
            target = yt[idx]
            weight = target * w_pos + (1 - target) * w_neg
            loss = torch.nn.functional.binary_cross_entropy(p, target, weight=weight)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            tot, nb = tot + float(loss.detach()), nb + 1
        p_inner = predict(net, [states[i] for i in inner_idx])
        scored = [(_metric(metric, y[inner_idx], p_inner, float(t)), float(t)) for t in THRESHOLDS]
        score, t = max(scored)
        history.append({"epoch": epoch, "loss": tot / max(1, nb), "inner": score, "threshold": t,
                        "seconds": round(time.time() - t0)})  # fmt: skip
        log.info("epoch %d: loss %.4f inner %s %.4f at %.2f (%.0fs)", epoch, tot / max(1, nb), metric, score, t,
                 time.time() - t0)  # fmt: skip
        if best is None or score > best.inner:
            best = Fitted(copy.deepcopy(net), t, score, epoch, history)
    assert best is not None
    best.history = history
    return best


def export(net: Any, path: Path) -> None:
    """ONNX with inputs ``states`` (batch, seq, 384) / ``mask`` (batch, seq) and output ``probability`` (batch,)."""
    import torch

    net.eval()
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        net,
        (torch.zeros(2, 7, DIM), torch.ones(2, 7, dtype=torch.int64)),
        str(path),
        input_names=["states", "mask"],
        output_names=["probability"],
        dynamic_axes={"states": {0: "b", 1: "t"}, "mask": {0: "b", 1: "t"}, "probability": {0: "b"}},
        opset_version=17,
        dynamo=False,
    )


TASKS = {
    "checkworthiness": ("cb_all", "cb_train", "f1", 2),  # 2 epochs: ~10 min each on 2 shared cores
    "subjectivity": ("subj_train", "subj_train", "macro_f1", 8),
}
"""task: (file whose states are cached, its training part, inner metric, epochs at most)"""


def train_finetuned(data_dir: Path, out_dir: Path = FINETUNED_DIR, seed: int = 13,
                    tasks: tuple[str, ...] = tuple(TASKS)) -> dict[str, Any]:  # fmt: skip
    """Train, choose (inner) and export every task's head; meta.json gets thresholds and the inner history."""
    from newsprism.training.claims import load_sets

    sets = load_sets(data_dir, seed)
    meta_path = out_dir / "meta.json"
    meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    meta.update(
        {"seed": seed, "encoder": "minilm layer-4 states (newsprism.nlp.encoder)", "heads": meta.get("heads", {})}
    )
    for task in tasks:
        pool, part, metric, epochs = TASKS[task]
        rows = sets[part]
        at = {id(r): i for i, r in enumerate(sets[pool])}
        pooled = states_of(sets[pool])
        states = [pooled[at[id(r)]] for r in rows]
        y = np.array([r.label for r in rows])
        fit_idx, inner_idx = grouped_inner_split(rows, seed)
        got = fit(states, y, fit_idx, inner_idx, metric, seed, epochs)
        export(got.net, out_dir / f"{task}.onnx")
        meta["heads"][task] = {
            "file": f"{task}.onnx",
            "threshold": got.threshold,
            "epoch": got.epoch,
            "inner": {"metric": metric, "score": got.inner, "fit_rows": len(fit_idx), "inner_rows": len(inner_idx)},
            "history": got.history,
            "training": f"{part} (training part only); grouped inner split {INNER_SHARE:g} by text",
        }
        tmp = meta_path.with_suffix(".tmp")
        out_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(meta_path)
    return meta


def load_heads(model_dir: Path = FINETUNED_DIR) -> dict[str, tuple[Any, float]] | None:
    """{task: (encoder Head, threshold)} of the fine-tuned heads, or None when they are not shipped."""
    meta_path = model_dir / "meta.json"
    if not meta_path.is_file():
        return None
    from newsprism.nlp.encoder import load_head

    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return {t: (load_head(str(model_dir / h["file"])), float(h["threshold"])) for t, h in meta["heads"].items()}


def head_probabilities(head: Any, states: list[np.ndarray]) -> np.ndarray:
    """P(positive) of each sentence from an encoder :class:`~newsprism.nlp.encoder.Head`."""
    items = [SentenceStates(s, np.zeros((len(s), 2), np.int64), np.zeros(DIM, np.float32)) for s in states]
    return np.array([float(r["probability"]) for r in head.run(items)], dtype=np.float32)


if __name__ == "__main__":  # python -m newsprism.training.claims_finetune DATA_DIR [task ...]
    import sys

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    chosen = tuple(sys.argv[2:]) or tuple(TASKS)
    print(json.dumps(train_finetuned(Path(sys.argv[1]), tasks=chosen)["heads"], indent=2))
