"""A claim's source resolves through the quotes stage's speakers (issue 23)."""

from __future__ import annotations

from newsprism.claims.proposition import named_source
from newsprism.model import Article, Span, SpeakerCluster

TEXT = "Councilman Rick Hale said no. He added: The tunnel cost $2 billion. They agreed."


def _article() -> Article:
    hale, he = TEXT.index("Rick Hale"), TEXT.index("He added")
    mentions = [Span(text="Rick Hale", start=hale, end=hale + 9), Span(text="He", start=he, end=he + 2)]
    return Article(
        id="t", text=TEXT, speakers=[SpeakerCluster(id=0, name="Rick Hale", kind="person", mentions=mentions)]
    )


def test_a_pronoun_source_becomes_the_speakers_named_mention() -> None:
    art = _article()
    he = TEXT.index("He added")
    got = named_source(art, Span(text="He", start=he, end=he + 2))
    assert got is not None and (got.text, got.start) == ("Rick Hale", TEXT.index("Rick Hale"))


def test_a_named_or_unresolved_source_is_kept() -> None:
    art = _article()
    named = Span(text="Rick Hale", start=11, end=20)
    assert named_source(art, named) is named
    they = Span(text="They", start=TEXT.index("They"), end=TEXT.index("They") + 4)
    assert named_source(art, they) is they  # a pronoun that is no speaker's mention stays as written
    assert named_source(art, None) is None
