"""The fine-tuned techniques tagger: a tuned copy of MiniLM's last layer + BIO tagger + technique classifier.

It runs on the encoder states of :mod:`newsprism.nlp.encoder` (no second transformer pass). Per sentence:
wordpiece B/I/O probabilities are carried onto spaCy tokens (a token's "in span" probability is the highest of
its wordpieces'), runs of tokens at or above the threshold become spans (a confident B starts a new one), edges
are trimmed of function words and punctuation and a span that stops inside a noun phrase is extended to the
phrase's last noun. A span never leaves its sentence. Its technique comes from a linear head on [mean tuned
state over the span, mean over the sentence].
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.errors import ModelError
from newsprism.nlp.encoder import DIM
from newsprism.techniques.features import EDGE_POS, Tok, snap_end

if TYPE_CHECKING:
    from newsprism.nlp.encoder import Head, SentenceStates

TAGGER_DIR = Path(__file__).resolve().parents[1] / "models" / "techniques" / "tagger"


@dataclass
class TaggedSpan:
    start: int
    end: int
    prob: float  # mean "in span" probability of its tokens (raw; calibrated by TaggerModel.score)
    technique_probs: np.ndarray  # (n_classes,)


def _junk(t: Tok) -> bool:
    return t.stop or t.pos in EDGE_POS


def token_probs(toks: list[Tok], offsets: np.ndarray, bio: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per spaCy token: P(in span) (max over its wordpieces of P(B) + P(I)) and P(B) of its first wordpiece.

    ``offsets`` are absolute character offsets of the wordpieces ([CLS]/[SEP] have start == end)."""
    p_in = np.zeros(len(toks), np.float32)
    p_b = np.zeros(len(toks), np.float32)
    real = offsets[:, 1] > offsets[:, 0]
    starts, ends = offsets[real, 0], offsets[real, 1]
    b_in = (bio[real, 1] + bio[real, 2]).astype(np.float32)
    b_b = bio[real, 1].astype(np.float32)
    for j, t in enumerate(toks):
        sel = np.where((starts < t.end) & (ends > t.start))[0]
        if len(sel):
            p_in[j] = float(b_in[sel].max())
            p_b[j] = float(b_b[sel[0]])
    return p_in, p_b


def decode_tokens(
    toks: list[Tok], p_in: np.ndarray, p_b: np.ndarray, threshold: float, split_b: float = 0.5
) -> list[tuple[int, int, float]]:
    """Token runs with P(in) >= threshold (split where P(B) >= ``split_b``), trimmed and snapped to phrase edges
    -> (first token, last token + 1, mean P(in)). ``toks`` are one sentence's tokens."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        if p_in[i] < threshold:
            i += 1
            continue
        j = i + 1
        while j < n and p_in[j] >= threshold and p_b[j] < split_b:
            j += 1
        runs.append((i, j))
        i = j
    out: list[tuple[int, int, float]] = []
    for a, b in runs:
        mean = float(p_in[a:b].mean())
        while a < b and _junk(toks[a]):
            a += 1
        while b > a and _junk(toks[b - 1]):
            b -= 1
        if a >= b:
            continue
        # snap to the phrase's end: "socialist" + "agitators" when the tagger stopped on the adjective
        out.append((a, snap_end(toks, a, b), mean))
    return out


def span_wordpieces(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Index range of the wordpieces overlapping [start, end) (empty range if none)."""
    real = offsets[:, 1] > offsets[:, 0]
    sel = np.where(real & (offsets[:, 0] < end) & (offsets[:, 1] > start))[0]
    return (int(sel[0]), int(sel[-1]) + 1) if len(sel) else (0, 0)


@dataclass
class TaggerModel:
    head: Head
    tc_coef: np.ndarray  # (n_classes, 768)
    tc_bias: np.ndarray
    classes: list[str]
    meta: dict[str, Any]

    @classmethod
    def load(cls, path: Path = TAGGER_DIR) -> TaggerModel:
        from newsprism.nlp.encoder import load_head

        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            coef = np.load(path / "tc_coef.npy", allow_pickle=False).astype(np.float32)
        except (OSError, ValueError) as exc:
            raise ModelError("E091", path=path, reason=str(exc)) from exc
        return cls(
            load_head(str(path / "tagger.onnx")),
            coef,
            np.asarray(meta["tc_bias"], np.float32),
            list(meta["classes"]),
            meta,
        )

    @property
    def threshold(self) -> float:
        return float(self.meta["threshold"])

    @property
    def shown_threshold(self) -> float:
        return float(self.meta["shown_threshold"])

    def score(self, prob: float) -> float:
        """Platt-scaled P(span overlaps a persuasive span) from the mean token probability (``meta["calibration"]``)."""
        cal = self.meta["calibration"]
        q = min(max(prob, 1e-6), 1 - 1e-6)
        return float(1.0 / (1.0 + np.exp(-(float(cal["a"]) * np.log(q / (1 - q)) + float(cal["b"])))))

    def classify(self, feats: np.ndarray) -> np.ndarray:
        logits = feats @ self.tc_coef.T + self.tc_bias
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return np.asarray(e / e.sum(axis=1, keepdims=True), np.float32)

    def run(
        self,
        sentences: list[tuple[int, int]],
        encodings: list[SentenceStates],
        toks: list[Tok],
        gold: list[tuple[int, int]] | None = None,
        threshold: float | None = None,
    ) -> tuple[list[TaggedSpan], np.ndarray]:
        """Tagged spans of all sentences (offsets absolute), plus technique probabilities of ``gold`` spans."""
        outs = self.head.run(encodings)
        th = self.threshold if threshold is None else threshold
        return tag(sentences, encodings, outs, toks, th, float(self.meta.get("split_b", 0.5)), self.classify, gold)


def tag(
    sentences: list[tuple[int, int]],
    encodings: list[SentenceStates],
    outs: list[dict[str, np.ndarray]],
    toks: list[Tok],
    threshold: float,
    split_b: float,
    classify: Any,
    gold: list[tuple[int, int]] | None = None,
    token_p: np.ndarray | None = None,
) -> tuple[list[TaggedSpan], np.ndarray]:
    """Decode the head outputs (``tok_bio``, ``tok_hidden`` per sentence) into spans; ``classify(features)`` gives
    technique probabilities. ``gold`` spans are classified in the sentence they start in (zeros elsewhere);
    ``token_p`` (one slot per token of ``toks``) receives each token's P(in span)."""
    starts = np.asarray([t.start for t in toks])
    spans: list[TaggedSpan] = []
    gold = gold or []
    gold_feats: list[np.ndarray | None] = [None] * len(gold)
    for (s, e), enc, out in zip(sentences, encodings, outs, strict=True):
        offs = enc.offsets + s
        bio, hidden = out["tok_bio"], out["tok_hidden"]
        lo, hi = int(np.searchsorted(starts, s, side="left")), int(np.searchsorted(starts, e, side="left"))
        st = toks[lo:hi]
        p_in, p_b = token_probs(st, offs, bio)
        if token_p is not None:
            token_p[lo:hi] = p_in
        feats, found = [], []
        for a, b, mean in decode_tokens(st, p_in, p_b, threshold, split_b):
            first, last = span_wordpieces(offs, st[a].start, st[b - 1].end)
            if last > first:
                feats.append(np.concatenate([hidden[first:last].mean(0), hidden.mean(0)]))
                found.append((st[a].start, st[b - 1].end, mean))
        if feats:
            probs = classify(np.stack(feats))
            spans += [TaggedSpan(a, b, m, p) for (a, b, m), p in zip(found, probs, strict=True)]
        for k, (gs, ge) in enumerate(gold):
            if s <= gs < e:
                first, last = span_wordpieces(offs, gs, min(ge, e))
                if last > first:
                    gold_feats[k] = np.concatenate([hidden[first:last].mean(0), hidden.mean(0)])
    if not gold:
        return spans, np.zeros((0, 0), np.float32)
    width = next((len(f) for f in gold_feats if f is not None), 2 * DIM)
    return spans, classify(np.stack([f if f is not None else np.zeros(width, np.float32) for f in gold_feats]))


@lru_cache(maxsize=1)
def shipped_tagger() -> TaggerModel:
    return TaggerModel.load(TAGGER_DIR)
