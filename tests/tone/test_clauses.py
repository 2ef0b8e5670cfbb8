"""The clause around a mention and headline-style lines."""

from __future__ import annotations

from newsprism.tone.clauses import clause_bounds, title_case


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
