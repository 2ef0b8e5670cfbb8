"""Tone toward each person: clause-level scoring and headline mentions skipped."""

from __future__ import annotations

from newsprism.model import Article, content_id
from newsprism.pipeline import Pipeline
from newsprism.tone.clauses import title_case
from newsprism.tone.roles import mention_role
from newsprism.tone.score import NEUTRAL_BAND, label


def test_opposite_tones_in_one_sentence_and_headline_skipped() -> None:
    text = (
        "Senate Passes Border Bill After Marathon Session\n\n"
        "Voters warmly praised Senator Maria Lopez for the careful new border plan, "
        "but critics angrily slammed Senator Tom Reed "
        "for the shameful delays. Reed did not respond."
    )
    art = Pipeline(stages=["nlp", "tone"])(Article(id=content_id(text), text=text))
    tone = {t.target: t for t in art.tone}
    lopez = next(t for name, t in tone.items() if "Lopez" in name)
    reed = next(t for name, t in tone.items() if "Reed" in name)
    assert lopez.score > 0 > reed.score
    assert all(not title_case(art.text[e.start : e.end]) for t in art.tone for e in t.evidence)
    assert all(e.text == art.text[e.start : e.end] for t in art.tone for e in t.evidence)


def _tones(text: str) -> dict[str, object]:
    art = Pipeline(stages=["nlp", "tone"])(Article(id=content_id(text), text=text))
    return {t.target: t for t in art.tone}


def test_object_of_attack_is_negative_and_the_attacker_is_not() -> None:
    tone = _tones("In a long speech on the floor, Senator Tom Reed slammed Joe Biden over the budget.")
    biden, reed = tone["Joe Biden"], tone["Tom Reed"]
    assert biden.label == "negative" and biden.score < 0
    assert reed.label == "neutral" and reed.score == 0.0
    assert biden.evidence[0].role == "object" and biden.evidence[0].cue == "slam"
    assert reed.evidence[0].role == "speaker"
    passive = _tones("In the morning, Joe Biden was sharply criticized by Senator Tom Reed over the budget.")
    assert passive["Joe Biden"].label == "negative" and passive["Tom Reed"].label == "neutral"


def test_routine_action_is_neutral_for_both() -> None:
    tone = _tones("On a sunny morning in the capital, Kamala Harris met the governor, Gavin Newsom, about roads.")
    assert {t.label for t in tone.values()} == {"neutral"}


def test_praise_is_positive_toward_its_object() -> None:
    tone = _tones("At the end of a long day of talks, Senator Tom Reed praised Joe Biden for the deal.")
    assert tone["Joe Biden"].label == "positive"
    assert tone["Tom Reed"].label == "neutral"


def test_speaker_gets_no_tone_and_negated_cue_counts_as_none() -> None:
    tone = _tones('"This is a terrible, disgraceful failure of the whole system," Joe Biden said in an interview.')
    assert tone["Joe Biden"].label == "neutral" and tone["Joe Biden"].score == 0.0
    neg = _tones("At the long hearing on the budget, Senator Tom Reed did not criticize Joe Biden.")
    assert neg["Joe Biden"].label == "neutral"


def test_mention_role_and_label_band() -> None:
    from newsprism.nlp.spacy_loader import load_spacy

    doc = load_spacy()("Critics slammed Biden for the delays.")
    assert mention_role(doc, doc.text.index("Biden"), doc.text.index("Biden") + 5) == ("object", "slam", -1)
    assert mention_role(doc, 0, 7) == ("speaker", "slam", 0)  # the attacker: its words are not tone toward it
    lo, hi = NEUTRAL_BAND
    assert label(None) == label(lo) == label(hi) == "neutral"
    assert label(lo - 0.01) == "negative" and label(hi + 0.01) == "positive"


def test_forms_of_address_are_not_targets() -> None:
    from newsprism.model import Entity, Sentence
    from newsprism.tone.score import tone

    text = "So Madam Vice President, thank you. Critics slammed Reed over the budget plan."
    art = Article(id="m", text=text)
    art.sentences = [Sentence(start=0, end=35), Sentence(start=36, end=len(text))]
    art.entities = [
        Entity(text="Madam", label="PERSON", start=3, end=8),
        Entity(text="Reed", label="PERSON", start=52, end=56),
    ]
    assert [t.target for t in tone(art)] == ["Reed"]
