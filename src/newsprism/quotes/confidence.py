"""Confidence per quotation: a small model over the candidate's features (gradient-boosted trees since session 9;
a logistic regression in older weight files), Platt-calibrated; weights are JSON
(``models/quotes/confidence.json``, written by ``newsprism train quotes``).

Since session 9 (issue 19) it is an **attribution scorer**: the probability that the quotation is real, has the right
span **and the right speaker**. Besides the pass and reading that found it, speech-act class, speaker type, cue class
and length, its features say how the speaker was found (a name in the clause, a pronoun, a role noun, a possessor,
an organisation, inherited from the paragraph before, a transcript label), how far the cue and the speaker are apart
and how close another person is named, how many persons the sentence and the two before name, whether the mention
sits inside an organisation's name, and where in the article the quotation stands. Fitted on PolNeAR's training
part (content and source of one gold attribution) and the judged items of the blind rounds (tuning data), calibrated
on other judged articles; the shown threshold is chosen for precision on a third part (training/quotes.py).

Reports show a quotation as speech when :func:`shown` holds: :func:`speech` (not a quoted term, not a
cognition/attitude attribution, not a quotation whose written source resolved to no one) and
``confidence >= threshold`` (the threshold is stored with the weights): below it the scorer abstains.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.lexicons.speech import ACT_CLASSES, LOADED, LOADED_MORE
from newsprism.quotes.sentences import starts_paragraph, three_sentences

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsprism.model import Quote
    from newsprism.quotes.candidate import Candidate

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "quotes" / "confidence.json"
RULES = (
    "direct", "partial", "block", "transcript", "interview", "headline", "clause", "clause_before", "before",
    "comma", "parenthetical", "as_reported", "object", "object_clause", "trailing", "according", "sourceless",
    "nominal", "record",
)  # fmt: skip
SPEAKER_KINDS = ("person", "organization", "outlet", "anonymous", "document", "none")
# how the speaker was found (session 9): a name in the clause, a pronoun's antecedent, a role or other noun, a
# possessor ("his aides", "Sanders' claim"), inherited from the quotation before, a transcript label
HOW = ("name", "pronoun", "noun", "possessor", "inherited", "transcript", "none")
NAME_ENTS = ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "GPE", "NORP")
NEAR = 40  # tokens each side of the source searched for another person's name
FEATURES = (
    *(f"rule={r}" for r in RULES),
    *(f"act={a}" for a in (*ACT_CLASSES, "none")),
    *(f"speaker={k}" for k in SPEAKER_KINDS),
    "pronoun_source",
    "loaded_cue",
    "log_words",
    "unclosed",
    "inherited_speaker",
    *(f"how={h}" for h in HOW),
    "no_cue",
    "log_cue_distance",
    "source_after_cue",
    "source_is_object",
    "other_person_near",
    "log_other_person_distance",
    "persons_near",
    "persons_in_quote",
    "mention_in_name",
    "mention_one_word",
    "shared_surname",
    "log_cluster_mentions",
    "mention_outside_sentence",
    "log_mention_gap",
    "starts_paragraph",
    "position",
)


def features(c: Candidate, text: str) -> dict[str, float]:
    """Named feature values of a kept, classified and resolved candidate (absent names are 0)."""
    x: dict[str, float] = {f"rule={c.rule}": 1.0}
    x[f"act={c.extra.get('speech_act') or 'none'}"] = 1.0
    x[f"speaker={c.speaker.cluster.kind if c.speaker is not None else 'none'}"] = 1.0
    if c.subj is not None and c.subj.pos_ == "PRON":
        x["pronoun_source"] = 1.0
    if c.cue is not None and c.cue.lemma_.lower() in LOADED | LOADED_MORE:
        x["loaded_cue"] = 1.0
    x["log_words"] = math.log1p(len(text[c.start : c.end].split()))
    if c.extra.get("closed") is False:
        x["unclosed"] = 1.0
    if c.extra.get("inherited_speaker"):
        x["inherited_speaker"] = 1.0
    x.update(speaker_features(c, text))
    return {k: v for k, v in x.items() if v}


def how(c: Candidate) -> str:
    """How the speaker was found (:data:`HOW`)."""
    if c.speaker is None:
        return "none"
    if c.extra.get("inherited_speaker"):
        return "inherited"
    if c.rule == "transcript":
        return "transcript"
    s = c.subj
    if s is None:
        return "noun"
    if s.pos_ == "PRON":
        return "pronoun"
    if s.dep_ == "poss" or any(t.dep_ == "poss" for t in s.children):
        return "possessor"
    return "name" if s.pos_ == "PROPN" else "noun"


def speaker_features(c: Candidate, text: str) -> dict[str, float]:
    """What speaks to the speaker being right: how it was found, the cue and other persons around the source, the
    mention's place and form, the quotation's place in the article. Each looks at a bounded window (no scan of
    the whole text per quotation: issue 24)."""
    x: dict[str, float] = {f"how={how(c)}": 1.0, "position": c.start / max(1, len(text))}
    x["starts_paragraph"] = float(starts_paragraph(text, c.start))
    if c.cue is None:
        x["no_cue"] = 1.0
    s = c.subj
    if s is not None:
        if c.cue is not None and c.cue.doc is s.doc:
            x["log_cue_distance"] = math.log1p(abs(c.cue.i - s.i))
            x["source_after_cue"] = float(s.i > c.cue.i)
        x["source_is_object"] = float(s.dep_ in ("dobj", "pobj", "dative"))
        x.update(_persons_around(c, s))
    r = c.speaker
    if r is not None:
        words = text[r.start : r.end].split()
        x["mention_one_word"] = float(len(words) <= 1)
        x["shared_surname"] = float(r.cluster.shared)
        x["log_cluster_mentions"] = math.log1p(len(r.cluster.mentions))
        gap = max(0, c.start - r.end, r.start - c.end)
        x["log_mention_gap"] = math.log1p(gap)
        x["mention_outside_sentence"] = float(s is None or not s.sent.start_char <= r.start < s.sent.end_char)
    return x


def _persons_around(c: Candidate, s: Token) -> dict[str, float]:
    """Other persons named near the source token ``s``: the nearest one's distance, how many the sentence and
    the two before name, how many the quotation names, and whether the source sits inside another name."""
    doc = s.doc
    own = set((c.speaker.cluster.name if c.speaker is not None else s.text).split())
    near = [
        abs(t.i - s.i)
        for t in doc[max(0, s.i - NEAR) : s.i + NEAR + 1]
        if t.ent_type_ == "PERSON" and t.text not in own and abs(t.i - s.i) > 0
    ]
    x = {"other_person_near": float(bool(near)), "log_other_person_distance": math.log1p(min(near, default=NEAR))}
    window = three_sentences(s)
    names = {t.text for t in window if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"}
    x["persons_near"] = float(min(5, len(names)))
    inside = [t for t in window if c.start <= t.idx < c.end and t.ent_type_ == "PERSON"]
    x["persons_in_quote"] = float(min(3, sum(t.ent_iob_ == "B" for t in inside)))
    x["mention_in_name"] = float(s.ent_type_ in NAME_ENTS or (s.dep_ == "compound" and s.head.pos_ == "PROPN"))
    return x


def nested(c: Candidate, quotes: list[Candidate]) -> Candidate | None:
    """The quotation that ``c`` sits inside (a partial inside an indirect clause), if any."""
    return next(
        (
            o
            for o in quotes
            if o is not c and o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end)
        ),
        None,
    )


def vector(x: dict[str, float]) -> list[float]:
    return [x.get(f, 0.0) for f in FEATURES]


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any] | None:
    """The shipped weights, or None when they are absent (confidence then stays null)."""
    if not path.exists():
        return None
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if list(model.get("features", [])) != list(FEATURES):
        return None  # weights from another feature set: retrain (newsprism train quotes)
    return model


def probability(model: dict[str, Any], vec: list[float]) -> float:
    """Calibrated probability that the quotation is real, with the right span and speaker: Platt scaling of the
    model's score (a tree ensemble's when the weights hold ``trees``, else the logistic regression's)."""
    if "trees" in model:
        z = model["intercept"] + sum(tree_value(t, vec) for t in model["trees"])
    else:
        z = model["intercept"] + sum(w * v for w, v in zip(model["coef"], vec, strict=True))
    t = model["platt_a"] * z + model["platt_b"]
    return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, t))))


def tree_value(tree: dict[str, list[Any]], vec: list[float]) -> float:
    """The leaf value of one regression tree (JSON arrays: feature index ``f`` (-1 at a leaf), split ``t``, left
    ``l`` and right ``r`` child, leaf value ``v`` with the learning rate folded in) for ``vec``."""
    node = 0
    while tree["f"][node] >= 0:
        node = tree["l"][node] if vec[tree["f"][node]] <= tree["t"][node] else tree["r"][node]
    return float(tree["v"][node])


def threshold() -> float:
    model = load_model()
    return float(model["threshold"]) if model is not None else 0.5


def speech(q: Quote) -> bool:
    """Whether the quotation is speech a report could show, before the scorer's threshold: not a term, not an
    attitude, not an outlet's relay, not a source resolved to no one, not a quotation nothing attributes."""
    if q.kind == "term" or q.attitude:  # cognition/attitude attributions carry attitude: true
        return False
    if q.kind == "indirect" and q.outlet_report:
        return False  # a relay of someone else's reported speech: the inner quotation is shown (session 8)
    if q.unattributed and q.source_start is not None:
        return False  # the text names a source that could not be resolved to one speaker ("she", "supporters")
    # nothing attributes it (a run of hearing quotations, "…," an affidavit claims): no one's words
    return not (q.unattributed and q.cue is None and not q.interview)


def shown(q: Quote) -> bool:
    """Whether a report shows (and counts) this quotation as speech: :func:`speech` and the scorer's confidence at
    or above the shipped threshold (below it the scorer abstains)."""
    return speech(q) and (q.confidence is None or q.confidence >= threshold())
