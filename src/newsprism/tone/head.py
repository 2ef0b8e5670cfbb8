"""The learned tone head (issue 20): a small multinomial logistic regression over what the pipeline already computes
for a (sentence, target mention) pair — the v2 clause score and role, the stance cues of :mod:`newsprism.tone.stance`
by relation, polarity and voice, VADER on the clause and sentence, negation and quotation context — and, when the
model has ``state_dim`` > 0, the mean MiniLM encoder state (layer ``STATE_LAYER`` of :mod:`newsprism.nlp.encoder`)
of the mention's wordpieces, taken from the encoder pass the other stages share (no second pass).

Weights are JSON (``models/tone/head.json``, written by ``newsprism train tone``; no pickle): per-feature mean and
scale, one coefficient row and intercept per class. Prediction is numpy only (no scikit-learn at run time).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.tone.clauses import clause_bounds
from newsprism.tone.roles import mention_role
from newsprism.tone.stance import mention_cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsprism.model import Article, Entity
    from newsprism.nlp.encoder import SentenceStates

HEAD_PATH = Path(__file__).resolve().parents[1] / "models" / "tone" / "head.json"
CLASSES = ("negative", "neutral", "positive")
STRONG = 1.5  # |VADER word valence| (scale -4..4) for a clause word to count as loaded
FEATURES = (
    "clause_vader", "sentence_vader", "clause_neg", "clause_pos", "rule_score",
    "role_object", "role_subject", "role_speaker", "role_sign",
    "agent_neg", "agent_pos", "patient_neg", "patient_pos", "descriptor_neg", "descriptor_pos",
    "quoted_cue_neg", "quoted_cue_pos", "strong_neg_words", "strong_pos_words",
    "negation", "mention_quoted", "quoted_share", "person",
    "window_vader", "sentence_neg_cues", "sentence_pos_cues", "mention_subject", "speech_verb",
    "near_neg", "near_pos", "predicate_vader",
)  # fmt: skip
WINDOW = 6  # tokens either side of the mention for ``window_vader``


def _vader_words(text: str) -> tuple[float, float]:
    """Counts of strongly negative / positive VADER lexicon words in ``text``."""
    from newsprism.tone.score import vader

    lex = vader().lexicon
    vals = [float(lex.get(w.strip(".,;:!?\"'()\u201c\u201d\u2018\u2019").lower(), 0.0)) for w in text.split()]
    return float(sum(v <= -STRONG for v in vals)), float(sum(v >= STRONG for v in vals))


def _quoted(article: Article, pos: int) -> bool:
    """Offset ``pos`` lies in the quoted voice (the stance's rule, ``stance._voice``)."""
    from newsprism.tone.stance import _voice

    return _voice(article, pos)[0]


def _quote_share(article: Article, start: int, end: int) -> float:
    inside = {i for q in article.quotes if q.kind != "term" for i in range(max(q.start, start), min(q.end, end))}
    return len(inside) / max(1, end - start)


def mention_features(
    article: Article, doc: Doc | None, ent: Entity, start: int, end: int, cue_weight: float
) -> dict[str, float]:
    """The head's features of mention ``ent`` in the sentence ``article.text[start:end]`` (``doc``: the parse)."""
    from newsprism.tone.score import vader

    text = article.text
    a, b = clause_bounds(text, start, end, ent.start)
    clause = vader().polarity_scores(text[a:b])
    role, _, sign = mention_role(doc, ent.start, ent.end) if doc is not None else ("", "", 0)
    rule = max(-1.0, min(1.0, (0.0 if role == "speaker" else float(clause["compound"])) + sign * cue_weight))
    f = dict.fromkeys(FEATURES, 0.0)
    neg_words, pos_words = _vader_words(text[a:b])
    f |= {
        "clause_vader": float(clause["compound"]),
        "sentence_vader": float(vader().polarity_scores(text[start:end])["compound"]),
        "clause_neg": float(clause["neg"]),
        "clause_pos": float(clause["pos"]),
        "rule_score": rule,
        "role_sign": float(sign),
        "strong_neg_words": neg_words,
        "strong_pos_words": pos_words,
        "mention_quoted": float(_quoted(article, ent.start)),
        "quoted_share": _quote_share(article, start, end),
        "person": float(ent.label == "PERSON"),
    }
    if role:
        f[f"role_{role}"] = 1.0
    for tok, rel, pol in mention_cues(doc, ent.start, ent.end) if doc is not None else []:
        f[f"{rel}_{'neg' if pol < 0 else 'pos'}"] += 1.0
        if _quoted(article, tok.idx):
            f[f"quoted_cue_{'neg' if pol < 0 else 'pos'}"] += 1.0
    if doc is not None:
        f |= _parse_features(doc, ent, start, end)
    return f


def _parse_features(doc: Doc, ent: Entity, start: int, end: int) -> dict[str, float]:
    """Negation, judging words anywhere in the sentence, VADER near the mention, its subjecthood, speech verbs."""
    from newsprism.tone.roles import SPEECH, climb
    from newsprism.tone.score import vader
    from newsprism.tone.stance import AGENT_NEG, AGENT_POS, DESCRIPTOR_NEG, DESCRIPTOR_POS, PATIENT_NEG, PATIENT_POS

    sent = doc.char_span(start, end, alignment_mode="expand")
    mention = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if sent is None or mention is None or not len(mention):
        return {}
    lemmas = [t.lemma_.lower() for t in sent]
    neg, pos = AGENT_NEG | PATIENT_NEG | DESCRIPTOR_NEG, AGENT_POS | PATIENT_POS | DESCRIPTOR_POS
    window = doc[max(sent.start, mention.start - WINDOW) : min(sent.end, mention.end + WINDOW)]
    return {
        "negation": float(any(t.dep_ == "neg" for t in sent)),
        "sentence_neg_cues": float(sum(w in neg for w in lemmas)),
        "sentence_pos_cues": float(sum(w in pos for w in lemmas)),
        "window_vader": float(vader().polarity_scores(window.text)["compound"]),
        "mention_subject": float(climb(mention.root).dep_ in ("nsubj", "nsubjpass")),
        "speech_verb": float(any(w in SPEECH for w in lemmas)),
    } | _near(sent, climb(mention.root), set(range(mention.start, mention.end)))


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between ``a`` and ``b`` in the dependency tree."""
    up_a = [a, *a.ancestors]
    depth = {t.i: k for k, t in enumerate(up_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return k + depth[t.i]
    return len(up_a) + 99


def _near(sent: Span, tok: Token, inside: set[int]) -> dict[str, float]:
    """Strong VADER words weighted by closeness in the parse to the mention (1 / (1 + edges)), and VADER on the
    subtree of the predicate that governs the mention (its own words included)."""
    from newsprism.tone.score import vader

    lex = vader().lexicon
    near = {"near_neg": 0.0, "near_pos": 0.0}
    for t in sent:
        v = float(lex.get(t.text.lower(), 0.0))
        if abs(v) >= STRONG and t.i not in inside:
            near["near_neg" if v < 0 else "near_pos"] += 1.0 / (1 + _tree_distance(tok, t))
    head = tok.head if tok.head.i != tok.i else tok
    words = " ".join(t.text for t in head.subtree)
    return near | {"predicate_vader": float(vader().polarity_scores(words)["compound"])}


def vector(features: dict[str, float], names: tuple[str, ...] | list[str] = FEATURES) -> np.ndarray:
    return np.array([features[n] for n in names], dtype=np.float64)


def mention_state(states: SentenceStates | None, start: int, end: int) -> np.ndarray | None:
    """Mean encoder state of the wordpieces overlapping ``start:end`` (offsets into the sentence); the pooled
    sentence vector when none does (the mention cut off by the encoder's length limit); None without states."""
    if states is None:
        return None
    off = states.offsets
    sel = (off[:, 1] > start) & (off[:, 0] < end) & (off[:, 1] > off[:, 0])
    return np.asarray(states.states[sel].mean(axis=0) if sel.any() else states.pooled, dtype=np.float64)


def head_vector(model: dict[str, Any], features: dict[str, float], state: np.ndarray | None) -> np.ndarray:
    """The model's input row: its named features, then its ``state_dim`` encoder-state values (the training mean
    when the state is missing, so it adds nothing)."""
    x = vector(features, model["features"])
    k = int(model.get("state_dim", 0))
    if not k:
        return x
    fill = np.asarray(model["mean"][len(x) : len(x) + k]) if state is None else state
    return np.concatenate([x, fill])


def probabilities(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Class probabilities (order ``model["classes"]``) of feature rows ``x`` (n, d) under ``model``."""
    z = (np.atleast_2d(x) - np.asarray(model["mean"])) / np.asarray(model["scale"])
    logits = z @ np.asarray(model["coef"]).T + np.asarray(model["intercept"])
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return np.asarray(p / p.sum(axis=1, keepdims=True))


@lru_cache(maxsize=4)
def load_head(path: Path = HEAD_PATH) -> dict[str, Any] | None:
    """The shipped head (None when the file is absent: the stage then uses the rule)."""
    if not path.is_file():
        return None
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return model
