"""Tone toward people and organisations: VADER on the clause around each mention, read through the
mention's syntactic role, with a neutral band.

Clauses are cut at semicolons, dashes and contrastive conjunctions ("Harris praised the plan, but critics
slammed Biden" gives Harris and Biden opposite tones); a clause under ``MIN_CLAUSE_WORDS`` words falls back
to the whole sentence. With the spaCy ``Doc`` (the ``nlp`` stage's parse) each mention gets a role
(:func:`mention_role`): the OBJECT of an attack verb or noun ("critics slammed X", "X was accused", "criticism of
X", "X came under scrutiny") gets ``-CUE_WEIGHT``, the object of a praise verb/noun ``+CUE_WEIGHT``; the
SUBJECT of an attack/praise verb or of a speech verb ("X slammed Y", "X said ...", "according to X") gets no
VADER tone at all (what X says is not tone toward X); a negated cue ("did not criticize X") counts as none.
The mention's score is ``clause VADER`` (or 0 for a speaker/agent) + the cue term, clipped to [-1, 1]; a target's
``label`` is neutral inside ``NEUTRAL_BAND`` (chosen by cross-validation on docs/tone_tuning_allsides.tsv, see
docs/slant.md). Mentions inside title-case lines (headlines, where the tagger labels capitalised common words as
names) are skipped. Hand-written because VADER scores text, not targets, and no library pinned here does
targeted sentiment offline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, cast

from newsprism.model import Article, Tone, ToneEvidence, make_span
from newsprism.tone.clauses import clause_bounds, title_case
from newsprism.tone.roles import mention_role
from newsprism.tone.stance import stances

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.nlp.encoder import SentenceStates

ToneLabel = Literal["negative", "neutral", "positive"]
CUE_WEIGHT = 0.75  # +/- when the mention is the object of a praise/attack cue or fails/succeeds (CV, docs/slant.md)
NEUTRAL_BAND = (-0.2, 0.7)  # score inside the band: neutral label (5-fold CV on the tuning sample, docs/slant.md)
KINDS = {"PERSON", "ORG", "NORP", "GPE"}
TARGET_KINDS = {"PERSON", "ORG"}
# forms of address and bare titles the tagger sometimes labels PERSON ("So Madam Vice President, thank you"): no one
TITLES_ONLY = {
    "madam", "madame", "sir", "mister", "miss", "mr", "mrs", "ms", "dr", "president", "vice", "senator", "sen",
    "governor", "gov", "secretary", "speaker", "chairman", "chairwoman", "mayor", "judge", "justice", "general",
}  # fmt: skip


@lru_cache(maxsize=1)
def vader() -> Any:
    """The VADER analyser, built once."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _key(name: str) -> str:
    """Group name variants: a person is keyed by the last name ("Kamala Harris", "Harris" -> "harris")."""
    name = re.sub(r"^(the|president|vice president|sen\.|senator|mr\.|ms\.|mrs\.)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"('s|\u2019s)$", "", name)
    parts = name.split()
    return parts[-1].lower() if parts else ""


def label(score: float | None, band: tuple[float, float] = NEUTRAL_BAND) -> ToneLabel:
    """Three classes from a score: neutral inside ``band`` (inclusive) or without a score."""
    if score is None or band[0] <= score <= band[1]:
        return "neutral"
    return "positive" if score > band[1] else "negative"


def _head_probs(
    head: dict[str, Any],
    article: Article,
    doc: Doc | None,
    ent: Any,
    sent: tuple[int, int],
    states: SentenceStates | None,
    cue_weight: float,
) -> list[float]:
    """The head's class probabilities for mention ``ent`` of the sentence ``sent`` (start, end)."""
    from newsprism.tone.head import head_vector, mention_features, mention_state, probabilities

    f = mention_features(article, doc, ent, sent[0], sent[1], cue_weight)
    state = mention_state(states, ent.start - sent[0], ent.end - sent[0])
    return [float(p) for p in probabilities(head, head_vector(head, f, state))[0]]


def _head_label(head: dict[str, Any], probs: list[list[float]]) -> tuple[float, ToneLabel]:
    """(mean P(positive) - P(negative), the class of the highest mean probability) over a target's mentions."""
    classes = list(head["classes"])
    mean = [sum(col) / len(probs) for col in zip(*probs, strict=True)]
    score = mean[classes.index("positive")] - mean[classes.index("negative")]
    return round(score, 4), cast("ToneLabel", classes[max(range(len(mean)), key=mean.__getitem__)])


def _groups(article: Article) -> list[dict[str, Any]]:
    """PERSON/ORG mentions grouped by last name (`_key`): {"names": {name: weight}, "mentions": [Entity]}."""
    groups: dict[str, dict[str, Any]] = {}
    for ent in article.entities:
        if ent.label not in TARGET_KINDS or "\n" in ent.text.strip() or not ent.text[:1].isupper():
            continue
        k = _key(ent.text)
        if len(k) < 2 or all(w.strip(".,").lower() in TITLES_ONLY for w in ent.text.split()):
            continue
        g = groups.setdefault(k, {"names": {}, "mentions": []})
        g["names"][ent.text] = g["names"].get(ent.text, 0) + len(ent.text)
        g["mentions"].append(ent)
    return list(groups.values())


def tone(
    article: Article,
    doc: Doc | None = None,
    *,
    cue_weight: float = CUE_WEIGHT,
    band: tuple[float, float] = NEUTRAL_BAND,
    head: dict[str, Any] | None = None,
    states: list[SentenceStates] | None = None,
) -> list[Tone]:
    """Tone per PERSON/ORG target. ``doc``: spaCy parse of ``article.text`` (same offsets); without it no roles and
    no stance (`tone.stance`: author and quoted voice). With ``head`` (`tone.head.load_head`) the label is the
    learned head's (mean class probabilities over the target's mentions) and the score its mean P(positive) -
    P(negative); without it the v2 rule's (mean clause score, neutral ``band``). ``states``: the encoder states of
    ``article.sentences`` (`nlp.encoder.sentence_encodings`), for a head that reads them."""
    sents = article.sentences
    out = []
    for g in _groups(article):
        scores, evidence, seen, used, probs = [], [], set(), [], []
        for ent in g["mentions"]:
            k, sent = next(((i, s) for i, s in enumerate(sents) if s.start <= ent.start < s.end), (-1, None))
            if sent is None or title_case(article.text[sent.start : sent.end]):
                continue
            used.append(ent)
            a, b = clause_bounds(article.text, sent.start, sent.end, ent.start)
            role, cue, sign = mention_role(doc, ent.start, ent.end) if doc is not None else ("", "", 0)
            val = 0.0 if role == "speaker" else float(vader().polarity_scores(article.text[a:b])["compound"])
            val = max(-1.0, min(1.0, val + sign * cue_weight))
            scores.append(val)
            if head is not None:
                st = states[k] if states and k < len(states) else None
                probs.append(_head_probs(head, article, doc, ent, (sent.start, sent.end), st, cue_weight))
            if (a, b) not in seen:
                seen.add((a, b))
                extra = {"role": role, "cue": cue} if role else {}
                evidence.append(make_span(article, a, b, ToneEvidence, weight=round(val, 3), **extra))
        if not scores:
            continue
        target = re.sub(r"('s|\u2019s)$", "", max(g["names"], key=lambda n: (g["names"][n], len(n))).strip())
        evidence.sort(key=lambda s: -abs(s.weight))
        score, lab = round(sum(scores) / len(scores), 4), cast("ToneLabel | None", None)
        if probs:
            score, lab = _head_label(head or {}, probs)
        author, quoted = stances(article, doc, used) if doc is not None else (None, [])
        out.append(
            Tone(
                target=target,
                score=score,
                label=lab or label(score, band),
                mentions=len(g["mentions"]),
                evidence=evidence[:5],
                author=author,
                quoted=quoted,
                **{"kind": g["mentions"][0].label},
            )
        )
    out.sort(key=lambda t: -t.mentions)
    return out
