"""The stage compares an article's quotations with a transcript file given in the options."""

from __future__ import annotations

from pathlib import Path

from newsprism.model import Article
from newsprism.options import load_options
from newsprism.pipeline import Pipeline
from newsprism.registry import get


def test_registration() -> None:
    info = get("quotes")
    assert info.requires == ("doc",)  # quotes reads the text and the spaCy Doc only
    assert {"quotes", "quote_groups"} <= set(info.produces)


def test_transcript_option(tmp_path: Path) -> None:
    transcript = tmp_path / "speech.txt"
    transcript.write_text("Good evening. We will rebuild every bridge in this state within four years. Thank you.")
    pipe = Pipeline(options=load_options(transcript=str(transcript)), stages=["nlp", "quotes"])
    art = pipe(
        Article(
            id="a",
            text="“We will rebuild every bridge in this state within five years,” the governor said.\n\n"
            "“Nobody pays more taxes under my plan,” she added.",
        )
    )
    verdicts = sorted(g.verdict for g in art.quote_groups)
    assert verdicts == ["altered", "not_in_transcript"]
    found = next(g for g in art.quote_groups if g.verdict == "altered")
    assert found.members[0].article == "transcript"
    assert ("replace", "four", "five") in [(d.op, d.a, d.b) for d in found.diff]


def test_unreadable_transcript_warns(tmp_path: Path) -> None:
    pipe = Pipeline(options=load_options(transcript=str(tmp_path / "missing.txt")), stages=["nlp", "quotes"])
    art = pipe(Article(id="a", text="“We are ready for this,” she said."))
    assert any(w.code == "W070" for w in art.warnings)
