"""Stance toward a target: predicates it is agent/patient of and descriptors, author voice apart from quoted voice."""

from __future__ import annotations

import pytest

from newsprism.model import Article, Tone, content_id
from newsprism.pipeline import Pipeline
from newsprism.report.tone import stance_sentence


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(stages=["nlp", "tone"])


def _tones(pipe: Pipeline, text: str) -> dict[str, Tone]:
    return {t.target: t for t in pipe(Article(id=content_id(text), text=text)).tone}


def _lemmas(t: Tone) -> set[str]:
    return {c.lemma for c in t.author.cues} if t.author else set()


def test_what_the_target_does_is_the_writers_stance(pipe: Pipeline) -> None:
    t = _tones(
        pipe, "Vice President Kamala Harris continued to dodge a request by President Biden to visit the border."
    )
    harris = t["Kamala Harris"]
    assert harris.author is not None and harris.author.label == "negative" and "dodge" in _lemmas(harris)
    cue = harris.author.cues[0]
    assert cue.relation == "agent" and cue.polarity == -1 and cue.text == "dodge"
    assert (cue.mention_start, cue.mention_end) == (15, 28) and not harris.quoted
    assert stance_sentence(harris) == "the writer describes Kamala Harris negatively (dodge)"


def test_descriptors_and_imposing_are_negative_toward_biden(pipe: Pipeline) -> None:
    t = _tones(pipe, "The Biden regime will impose socialism on the country, and the radical Joe Biden knows it.")
    biden = next(v for k, v in t.items() if "Biden" in k)
    assert biden.author is not None and biden.author.label == "negative"
    assert {"regime", "radical"} <= _lemmas(biden)
    assert {c.relation for c in biden.author.cues if c.lemma in ("regime", "radical")} == {"descriptor"}


def test_a_quoted_attack_is_the_quoted_speakers_stance(pipe: Pipeline) -> None:
    text = '"Kamala Harris has failed the country," said Ken Cuccinelli, the former acting deputy secretary.'
    harris = _tones(pipe, text)["Kamala Harris"]
    assert harris.author is None
    assert [(q.speaker, q.label) for q in harris.quoted] == [("Ken Cuccinelli", "negative")]
    assert harris.quoted[0].cues[0].lemma == "fail" and text[harris.quoted[0].cues[0].start :].startswith("failed")
    assert stance_sentence(harris) == "quoted sources: Ken Cuccinelli negative"


def test_patient_of_blame_and_praise_and_the_attacker_unjudged(pipe: Pipeline) -> None:
    t = _tones(pipe, "Critics blamed Senator Tom Reed for the shutdown, while voters praised Maria Lopez.")
    assert t["Tom Reed"].author is not None and t["Tom Reed"].author.label == "negative"
    assert t["Maria Lopez"].author is not None and t["Maria Lopez"].author.label == "positive"
    assert t["Maria Lopez"].author.cues[0].relation == "patient"
    attacker = _tones(pipe, "In a long speech on the floor, Senator Tom Reed slammed Joe Biden over the budget.")
    assert attacker["Tom Reed"].author is None  # his own attack is not a judgement of him
    assert attacker["Joe Biden"].author is not None and attacker["Joe Biden"].author.cues[0].lemma == "slam"


def test_routine_and_negated_predicates_give_no_stance(pipe: Pipeline) -> None:
    t = _tones(pipe, "Kamala Harris met the governor, Gavin Newsom, about roads on Monday.")
    assert all(v.author is None and not v.quoted for v in t.values())
    assert all(stance_sentence(v) == "" for v in t.values())
    neg = _tones(pipe, "At the long hearing on the budget, Senator Tom Reed did not fail the voters.")
    assert neg["Tom Reed"].author is None


def test_without_a_parse_there_is_no_stance() -> None:
    from newsprism.model import Entity, Sentence, make_span
    from newsprism.tone.score import tone

    text = "Critics blamed Tom Reed for the long shutdown of the city."
    art = Article(id="x", text=text, sentences=[Sentence(start=0, end=len(text))])
    art.entities = [make_span(art, 15, 23, Entity, label="PERSON")]
    (t,) = tone(art)
    assert t.author is None and t.quoted == []


def test_descriptors_and_reported_speech_inside_quotations_are_the_speakers(pipe: Pipeline) -> None:
    direct = _tones(pipe, '"The Biden regime has wrecked the border," said Senator Tom Reed on Tuesday.')
    biden = next(v for k, v in direct.items() if "Biden" in k)
    assert biden.author is None and [q.speaker for q in biden.quoted] == ["Tom Reed"]
    assert "regime" in {c.lemma for c in biden.quoted[0].cues}
    indirect = _tones(pipe, "Senator Tom Reed said on Tuesday that Joe Biden failed the voters of the state.")
    assert indirect["Joe Biden"].author is None
    assert [(q.speaker, q.label) for q in indirect["Joe Biden"].quoted] == [("Tom Reed", "negative")]
