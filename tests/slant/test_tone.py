"""Tone toward each person: clause-level scoring and headline mentions skipped."""

from __future__ import annotations

from newsprism.model import Article, content_id
from newsprism.pipeline import Pipeline
from newsprism.slant.tone import clause_bounds, title_case


def test_clause_bounds_split_contrasts_and_keep_short_clauses_whole() -> None:
    t = "Harris praised the new border plan, but critics slammed Biden for the delays."
    assert t[slice(*clause_bounds(t, 0, len(t), 0))] == "Harris praised the new border plan"
    assert t[slice(*clause_bounds(t, 0, len(t), t.index("Biden")))] == "critics slammed Biden for the delays."
    short = "He won; Biden lost the vote badly."
    assert clause_bounds(short, 0, len(short), 0) == (0, len(short))  # "He won" is too short to stand alone


def test_title_case_lines() -> None:
    assert title_case("Biden Says Harris Will Lead Border Effort With Mexico")
    assert not title_case("Harris met the president of Mexico on Tuesday.")
    assert not title_case("Biden Wins")  # too short to tell


def test_opposite_tones_in_one_sentence_and_headline_skipped() -> None:
    text = (
        "Senate Passes Border Bill After Marathon Session\n\n"
        "Senator Maria Lopez praised the careful new border plan, but critics angrily slammed Senator Tom Reed "
        "for the shameful delays. Reed did not respond."
    )
    art = Pipeline(stages=["nlp", "tone"])(Article(id=content_id(text), text=text))
    tone = {t.target: t for t in art.tone}
    lopez = next(t for name, t in tone.items() if "Lopez" in name)
    reed = next(t for name, t in tone.items() if "Reed" in name)
    assert lopez.score > 0 > reed.score
    assert all(not title_case(art.text[e.start : e.end]) for t in art.tone for e in t.evidence)
    assert all(e.text == art.text[e.start : e.end] for t in art.tone for e in t.evidence)
