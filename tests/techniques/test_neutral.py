"""Neutral-wording lexicon: patterns generalise, user TSVs extend and take precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import ConfigError
from newsprism.techniques.neutral import find, load_lexicon, neutral_for, read_tsv


def test_regime_pattern_generalises_to_any_name() -> None:
    text = "Critics said the Maduro regime and the Smith regime were alike."
    hits = find(text, load_lexicon())
    got = {text[h.start : h.end]: h.neutral for h in hits}
    assert got["Maduro regime"] == "Maduro administration"
    assert got["Smith regime"] == "Smith administration"


def test_flood_pattern_rewrites_object_with_lexicon() -> None:
    text = "They want to flood our borders with illegal aliens."
    hits = find(text, load_lexicon())
    assert len(hits) == 1
    assert text[hits[0].start : hits[0].end] == "flood our borders with illegal aliens"
    assert hits[0].neutral == "bring more undocumented immigrants"


def test_plain_phrases_and_case() -> None:
    assert neutral_for("Illegals crossed", load_lexicon()) == "Undocumented immigrants crossed"
    assert neutral_for("a plan for amnesty", load_lexicon()) == "a plan for legalization"
    assert neutral_for("a quiet afternoon", load_lexicon()) is None


def test_insult_plus_group_pattern() -> None:
    for phrase in ("criminal socialists", "radical leftists", "corrupt globalists"):
        assert neutral_for(phrase, load_lexicon()) == "political opponents"


def test_user_lexicon_extends_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("loaded\tneutral\ttechnique\ncrooks\tofficials\tName_Calling,Labeling\namnesty\tlegal status\n")
    entries = load_lexicon(str(user))
    assert neutral_for("those crooks", entries) == "those officials"
    assert neutral_for("amnesty", entries) == "legal status"
    assert neutral_for("crooks", load_lexicon()) is None


def test_bad_user_lexicon_raises_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("re:(unclosed\tx\n")
    with pytest.raises(ConfigError) as exc:
        read_tsv(bad)
    assert exc.value.code == "E090"
    with pytest.raises(ConfigError):
        read_tsv(tmp_path / "missing.tsv")


def test_pattern_rows_carry_their_explanation_into_hits() -> None:
    from newsprism.techniques.explain import explain

    text = "The spokesman continued to dodge a request for comment."
    (hit,) = find(text, load_lexicon())
    assert hit.neutral == "did not answer a request" and "evasion" in hit.explanation
    out = explain(hit.technique, text[hit.start : hit.end], hit.neutral, reason=hit.explanation)
    assert out.startswith("“continued to dodge a request” frames a non-answer as evasion")
    assert out.endswith("a neutral alternative is “did not answer a request” (Loaded_Language).")


def test_evasion_rows_need_an_object_a_reporter_asks_for() -> None:
    entries = load_lexicon()
    assert find("He evaded taxes and the ducks swam away.", entries) == []
    assert neutral_for("stonewalled the subpoenas", entries) == "did not answer the subpoenas"
