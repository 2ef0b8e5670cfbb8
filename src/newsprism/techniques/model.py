"""The shipped techniques model: linear SI token tagger + linear TC span classifier (JSON + .npy, no pickle)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.errors import ModelError
from newsprism.techniques import neutral as lex
from newsprism.techniques.embcache import embed_unique
from newsprism.techniques.features import (
    Tok,
    decode_sentences,
    hash_spans,
    hash_tokens,
    lex_mask,
    span_features,
    token_features,
)
from newsprism.techniques.lexicon_scores import shipped_scores
from newsprism.techniques.repetition import long_quotes, repeated_ngrams
from newsprism.techniques.rescore import Rescorer, span_vector
from newsprism.techniques.shown import Calibrator, read_calibrator
from newsprism.techniques.shown import features as calibrator_features

if TYPE_CHECKING:
    from newsprism.nlp.encoder import SentenceStates

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "techniques"
CALIBRATOR_FILE = "shown_calibrator.json"


@dataclass
class Detection:
    start: int
    end: int
    technique: str
    score: float
    technique_probability: float
    source: str  # "model" | "lexicon" | "repetition"
    neutral: str | None = None
    evidence: str = ""
    shown: bool = True  # False: kept in the JSON, below the model's shown-span threshold
    reason: str = ""  # the lexicon row's explanation of why the wording is loaded


class Taken:
    """Spans already claimed by a detection: a later span is kept only where it overlaps none of them."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.spans)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))


def lexicon_detections(
    hits: list[lex.Hit], precision: float, scores: Mapping[str, float] | None = None
) -> list[Detection]:
    """One detection per lexicon hit, scored with its row's smoothed precision on the PTC training articles
    (``scores``, default the shipped lexicon_scores.json); a row without one scores ``precision`` (lexicon-wide)."""
    row = shipped_scores() if scores is None else scores
    return [
        Detection(
            h.start,
            h.end,
            h.technique,
            row.get(h.key, precision),
            1.0,
            "lexicon",
            h.neutral or None,
            h.source,
            reason=h.explanation,
        )
        for h in hits
    ]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class TechniquesModel:
    si_coef: np.ndarray
    si_bias: float
    tc_coef: np.ndarray  # (n_classes, n_features)
    tc_bias: np.ndarray
    classes: list[str]
    meta: dict[str, Any]
    tc_emb_coef: np.ndarray | None = None  # (n_classes, 768): MiniLM [span, sentence] embeddings
    si_gate_coef: np.ndarray | None = None  # (384,): "sentence holds a propaganda span" from its MiniLM vector
    calibrator: Calibrator | None = None  # every detection's score and shown cut (shown_calibrator.json)
    _rescorer: tuple[str, Rescorer] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> TechniquesModel:
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            si = np.load(path / "si_coef.npy", allow_pickle=False)
            tc = np.load(path / "tc_coef.npy", allow_pickle=False)
            emb_path = path / "tc_emb_coef.npy"
            tc_emb = np.load(emb_path, allow_pickle=False).astype(np.float32) if emb_path.exists() else None
            gate_path = path / "si_gate_coef.npy"
            gate = np.load(gate_path, allow_pickle=False).astype(np.float32) if gate_path.exists() else None
            calibrator = read_calibrator(path / CALIBRATOR_FILE)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError("E091", path=path, reason=str(exc)) from exc
        return cls(
            si.astype(np.float32),
            float(meta["si_bias"]),
            tc.astype(np.float32),
            np.asarray(meta["tc_bias"], dtype=np.float32),
            list(meta["classes"]),
            meta,
            tc_emb,
            gate,
            calibrator,
        )

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.save(path / "si_coef.npy", self.si_coef.astype(np.float16), allow_pickle=False)
        np.save(path / "tc_coef.npy", self.tc_coef.astype(np.float16), allow_pickle=False)
        if self.tc_emb_coef is not None:
            np.save(path / "tc_emb_coef.npy", self.tc_emb_coef.astype(np.float32), allow_pickle=False)
        if self.si_gate_coef is not None:
            np.save(path / "si_gate_coef.npy", self.si_gate_coef.astype(np.float32), allow_pickle=False)
        if self.calibrator is not None:
            (path / CALIBRATOR_FILE).write_text(json.dumps(self.calibrator.data, indent=1) + "\n", encoding="utf-8")
        meta = dict(self.meta, si_bias=self.si_bias, tc_bias=[float(b) for b in self.tc_bias], classes=self.classes)
        (path / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @property
    def threshold(self) -> float:
        return float(self.meta.get("threshold", 0.5))

    def calibrate(self, p: float) -> float:
        """Platt-scaled probability that a model span overlaps a gold span, from its mean token probability.

        ``meta["calibration"] = {"a", "b"}`` (fitted on out-of-fold spans of the training articles):
        sigmoid(a * logit(p) + b); without it ``p`` is returned unchanged (identity calibration).
        """
        cal = self.meta.get("calibration")
        if not cal:
            return p
        q = min(max(p, 1e-6), 1 - 1e-6)
        z = float(cal["a"]) * float(np.log(q / (1 - q))) + float(cal["b"])
        return float(1.0 / (1.0 + np.exp(-z)))

    @property
    def shown_threshold(self) -> float:
        """Spans scoring below it are kept in the JSON with ``shown`` false: the calibrator's cut when the model has
        one (:mod:`newsprism.training.techniques_calibrator`), else ``meta["shown_threshold"]`` (chosen on
        out-of-fold training articles: :mod:`newsprism.training.techniques_shown`); 0 shows every span."""
        if self.calibrator is not None:
            return self.calibrator.cut
        return float(self.meta.get("shown_threshold", 0.0))

    @property
    def span_states(self) -> bool:
        """The TC classifier reads span vectors from the shared encoder pass (``meta["tc_span_vector"]`` =
        "states" or "states_wide"), not MiniLM embeddings of the span texts."""
        return self.meta.get("tc_span_vector") in ("states", "states_wide")

    @property
    def wide_states(self) -> bool:
        """The span vectors use the wide layout (:func:`newsprism.techniques.spanvec.span_state_vectors`)."""
        return self.meta.get("tc_span_vector") == "states_wide"

    @property
    def gate_weight(self) -> float:
        return float(self.meta.get("gate_weight", 0.0))

    @property
    def rescorer(self) -> Rescorer | None:
        """The span re-scorer (``meta["rescorer"]``), or None for models trained without one."""
        d = self.meta.get("rescorer")
        if not d:
            return None
        key = json.dumps(d, sort_keys=True)
        if self._rescorer is None or self._rescorer[0] != key:
            self._rescorer = (key, Rescorer.from_json(d))
        return self._rescorer[1]

    def keep(self, x: list[float]) -> bool:
        """A tagger span survives the re-scorer filter (always, without a re-scorer)."""
        rescorer = self.rescorer
        return rescorer is None or rescorer.prob(x) >= float(self.meta.get("rescore_cut", 0.0))

    def span_score(self, mean_p: float, x: list[float]) -> float:
        """Calibrated P(span overlaps a gold span): ``meta["span_score"]`` = "rescorer" (re-scorer probability
        from the span features ``x``) or "platt"/"raw" (:meth:`calibrate` of the mean token probability)."""
        rescorer = self.rescorer
        if rescorer is not None and self.meta.get("span_score", "rescorer") == "rescorer":
            return rescorer.prob(x)
        return self.calibrate(mean_p)

    def sparse_logits(self, text: str, toks: list[Tok], hits: list[lex.Hit]) -> np.ndarray:
        """Per-token logit of the hashed-feature tagger (without the sentence gate)."""
        if not toks:
            return np.zeros(0, dtype=np.float32)
        mask = lex_mask(toks, [(h.start, h.end) for h in hits])
        x = hash_tokens(token_features(text, toks, mask))
        return (np.asarray(x @ self.si_coef).ravel() + self.si_bias).astype(np.float32)

    def token_probs(
        self, text: str, toks: list[Tok], hits: list[lex.Hit], gate: np.ndarray | None = None
    ) -> np.ndarray:
        """Per-token span probability; ``gate`` (per-token sentence logit) is added with weight ``gate_weight``."""
        logits = self.sparse_logits(text, toks, hits)
        if gate is not None and len(logits):
            logits = logits + self.gate_weight * gate
        return _sigmoid(logits)

    def sentence_gate(
        self, toks: list[Tok], sentences: list[tuple[int, int]], vectors: np.ndarray | None
    ) -> np.ndarray | None:
        """Per-token logit of the sentence classifier (None without a gate or sentence vectors)."""
        if self.si_gate_coef is None or vectors is None or len(vectors) != len(sentences) or not sentences:
            return None
        sent_logit = np.asarray(vectors, dtype=np.float32) @ self.si_gate_coef + float(self.meta["gate_bias"])
        starts = np.asarray([s for s, _ in sentences])
        idx = np.clip(np.searchsorted(starts, [t.start for t in toks], side="right") - 1, 0, len(sentences) - 1)
        return sent_logit[idx]

    def classify(
        self,
        text: str,
        spans: list[tuple[int, int]],
        contexts: list[str],
        lemmas: list[list[str]],
        embed: Any = embed_unique,
        dense: np.ndarray | None = None,
    ) -> np.ndarray:
        """Technique probabilities per span. The dense columns: ``dense`` ((n, 768), from the shared encoder pass:
        :func:`newsprism.techniques.spanvec.span_state_vectors`) when given, else MiniLM vectors of the span and
        context texts from ``embed(list[str]) -> (n, 384)``."""
        if not spans:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        x = hash_spans(
            [span_features(text, s, e, c, lm) for (s, e), c, lm in zip(spans, contexts, lemmas, strict=True)]
        )
        logits = np.asarray(x @ self.tc_coef.T) + self.tc_bias
        if self.tc_emb_coef is not None:
            vecs = dense if dense is not None else tc_embeddings(text, spans, contexts, embed)
            logits = logits + vecs @ self.tc_emb_coef.T
        return _softmax(logits)


def tc_embeddings(text: str, spans: list[tuple[int, int]], contexts: list[str], embed: Any) -> np.ndarray:
    """[span vector, sentence vector] per span (one embedding batch for all distinct strings)."""
    n = len(spans)
    vecs = np.asarray(embed([text[s:e] for s, e in spans] + list(contexts)), dtype=np.float32)
    return np.hstack([vecs[:n], vecs[n:]])


@lru_cache(maxsize=1)
def shipped_model() -> TechniquesModel:
    return TechniquesModel.load(MODEL_DIR)


def _sentence_of(sentences: list[tuple[int, int]], start: int, end: int, text: str) -> str:
    for s, e in sentences:
        if s <= start < e:
            return text[s : max(e, end)]
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return text[ls : le if le >= 0 else len(text)]


def _lemmas(toks: list[Tok], start: int, end: int) -> list[str]:
    return [t.lemma for t in toks if t.start >= start and t.end <= end]


def _state_vectors(
    text: str,
    sentences: list[tuple[int, int]],
    spans: list[tuple[int, int]],
    encodings: list[SentenceStates] | None,
    wide: bool = False,
) -> np.ndarray:
    """[span, sentence] vectors (``wide``: and the wide blocks) from the sentences' encoder states (encoded now
    when the caller has none)."""
    from newsprism.techniques.spanvec import span_state_vectors

    if encodings is None:
        from newsprism.nlp.encoder import encode

        encodings = encode([text[s:e] for s, e in sentences])
    return span_state_vectors(sentences, encodings, spans, wide)


@dataclass
class Candidates:
    """What :func:`detect` sees before classifying: rule spans and the tagger's spans with re-scorer features."""

    hits: list[lex.Hit]
    rule: list[Detection]  # lexicon and repetition detections
    rule_x: list[list[float] | None]  # re-scorer features of each repetition span (None for lexicon spans)
    model: list[tuple[int, int, float, list[float]]]  # (start, end, mean token probability, re-scorer features)
    lexicon_x: list[list[float]] = field(default_factory=list)  # re-scorer features of each lexicon span


def candidates(
    model: TechniquesModel,
    text: str,
    toks: list[Tok],
    sentences: list[tuple[int, int]],
    entries: tuple[lex.Entry, ...],
    *,
    use_lexicon: bool = True,
    use_repetition: bool = True,
    sentence_vectors: np.ndarray | None = None,
    quoted: list[tuple[int, int]] | None = None,
    lexicon_scores: Mapping[str, float] | None = None,
) -> Candidates:
    """Lexicon and repetition spans, then tagger spans (decoded at ``threshold``) that do not overlap them.

    ``lexicon_scores``: per-row lexicon scores (default the shipped file; ``{}``: the lexicon-wide precision)."""
    hits = lex.find(text, entries) if use_lexicon else []
    quoted = long_quotes(text) if quoted is None else quoted
    sparse = model.sparse_logits(text, toks, hits)
    gate = model.sentence_gate(toks, sentences, sentence_vectors)
    gate_arr = gate if gate is not None else np.zeros_like(sparse)
    probs = _sigmoid(sparse + model.gate_weight * gate_arr)

    def features(s: int, e: int) -> list[float]:
        return span_vector(text, toks, sparse, gate_arr, model.gate_weight, s, e, sentences, quoted)

    # rule spans score their rule's measured precision on the PTC training articles: on the inner tuning split
    # this calibrated them better (ECE) than max(precision, model-span score) (docs/models/techniques.md)
    rule = lexicon_detections(hits, float(model.meta.get("lexicon_precision", 0.5)), lexicon_scores)
    rule_x: list[list[float] | None] = [None] * len(rule)
    lexicon_x = [features(h.start, h.end) for h in hits]
    taken = Taken()
    for h in hits:
        taken.add(h.start, h.end)
    if use_repetition:
        rep_precision = float(model.meta.get("repetition_precision", 0.5))
        for s, e, n in repeated_ngrams(toks, quoted=quoted):
            if taken.free(s, e):
                rule.append(Detection(s, e, "Repetition", rep_precision, 1.0, "repetition", None, str(n)))
                rule_x.append(features(s, e))
                taken.add(s, e)
    # decoded sentence by sentence: a span never crosses a sentence boundary, and ends on its phrase's last noun
    decoded = decode_sentences(toks, probs, model.threshold, sorted(sentences))
    spans = [(s, e, p, features(s, e)) for s, e, p in decoded if taken.free(s, e)]
    return Candidates(hits, rule, rule_x, spans, lexicon_x)


def _classify_spans(
    model: TechniquesModel,
    text: str,
    toks: list[Tok],
    sentences: list[tuple[int, int]],
    where: list[tuple[int, int]],
    embed: Any,
    encodings: list[SentenceStates] | None,
) -> np.ndarray:
    """TC probabilities of the spans ``where`` (dense columns from the encoder states when the model reads them)."""
    if not where:
        return np.zeros((0, len(model.classes)), dtype=np.float32)
    ctx = [_sentence_of(sentences, s, e, text) for s, e in where]
    lem = [_lemmas(toks, s, e) for s, e in where]
    dense = _state_vectors(text, sentences, where, encodings, model.wide_states) if model.span_states else None
    return model.classify(text, where, ctx, lem, embed, dense)


def _kept_rules(model: TechniquesModel, cand: Candidates) -> list[tuple[Detection, list[float]]]:
    """Rule detections with their re-scorer features; repetition spans the re-scorer rates below the cut are
    dropped (when ``meta["rescore_repetition"]``), and the tagger does not report their place either."""
    filter_rep = bool(model.meta.get("rescore_repetition"))
    return [
        (d, cand.lexicon_x[i] if x is None else x)  # lexicon detections come first, one per hit
        for i, (d, x) in enumerate(zip(cand.rule, cand.rule_x, strict=True))
        if x is None or not filter_rep or model.keep(x)
    ]


def _score(
    model: TechniquesModel,
    dets: list[Detection],
    xs: list[list[float]],
    tc: np.ndarray,
    trace: list[tuple[Detection, list[float], np.ndarray]] | None,
) -> None:
    """With a calibrator, every detection's score from all the detector knows of it (``trace`` gets the inputs);
    then ``shown`` from the model's shown threshold."""
    if trace is not None:
        trace += list(zip(dets, xs, tc, strict=True))
    cal = model.calibrator
    if cal is not None:
        for d, x, row in zip(dets, xs, tc, strict=True):
            d.score = cal.prob(calibrator_features(d.source, d.score, x, row, d.technique))
    cut = model.shown_threshold
    for d in dets:
        d.shown = d.score >= cut


def detect(
    model: TechniquesModel,
    text: str,
    toks: list[Tok],
    sentences: list[tuple[int, int]],
    entries: tuple[lex.Entry, ...],
    *,
    use_lexicon: bool = True,
    use_repetition: bool = True,
    embed: Any = embed_unique,
    sentence_vectors: np.ndarray | None = None,
    quoted: list[tuple[int, int]] | None = None,
    encodings: list[SentenceStates] | None = None,
    lexicon_scores: Mapping[str, float] | None = None,
    trace: list[tuple[Detection, list[float], np.ndarray]] | None = None,
) -> list[Detection]:
    """Spans from the lexicon (with neutral wording), repeated n-grams and the SI tagger, each classified.

    ``sentence_vectors`` (MiniLM, one row per sentence) feed the sentence gate of the SI tagger when given.
    ``quoted``: character spans of quoted speech the repetition rule ignores (default: long quotations found
    by quotation marks, :func:`newsprism.techniques.repetition.long_quotes`). With a re-scorer in the model,
    tagger spans (and, with ``meta["rescore_repetition"]``, repetition spans) whose re-scorer probability is
    below ``meta["rescore_cut"]`` are dropped. Scores: with a calibrator (:mod:`newsprism.techniques.shown`) its
    probability for every detection, else tagger spans :meth:`TechniquesModel.span_score` and rule spans their
    rule's measured precision; every detection scoring below :attr:`TechniquesModel.shown_threshold` has
    ``shown`` false. A model with :attr:`TechniquesModel.span_states` classifies spans from ``encodings`` (one per
    sentence, sentences sorted; encoded here when absent) and ignores ``embed``. ``lexicon_scores``: as
    :func:`candidates`. ``trace`` receives (detection, re-scorer features, TC probabilities) of every detection
    before calibration (the calibrator's training rows: :mod:`newsprism.training.techniques_calibrator`).
    """
    cand = candidates(
        model,
        text,
        toks,
        sentences,
        entries,
        use_lexicon=use_lexicon,
        use_repetition=use_repetition,
        sentence_vectors=sentence_vectors,
        quoted=quoted,
        lexicon_scores=lexicon_scores,
    )
    rule = _kept_rules(model, cand)
    spans = [(s, e, model.span_score(p, x), x) for s, e, p, x in cand.model if model.keep(x)]
    where = [(d.start, d.end) for d, _ in rule] if model.calibrator is not None or trace is not None else []
    where += [(s, e) for s, e, _, _ in spans]
    tc = _classify_spans(model, text, toks, sentences, where, embed, encodings)
    out = [d for d, _ in rule]
    for (s, e, q, _), row in zip(spans, tc[len(where) - len(spans) :], strict=True):
        k = int(np.argmax(row))
        out.append(Detection(s, e, model.classes[k], q, float(row[k]), "model", lex.neutral_for(text[s:e], entries)))
    _score(model, out, [x for _, x in rule] + [x for *_, x in spans], tc, trace)
    return sorted(out, key=lambda d: (d.start, d.end))
