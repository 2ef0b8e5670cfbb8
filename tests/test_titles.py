"""What a reader sees as an article's title (issue 21): the title, else a headline-like line, never a path."""

from __future__ import annotations

import pytest

from newsprism.model import Article
from newsprism.titles import display_title, headline_like, headline_title, title_of


@pytest.mark.parametrize(
    "line",
    ["Storm Hits Town", "Is the Tunnel Worth It?", "Council Votes 7-2 For Tunnel", "Election 2024",
     "March 4 Rally Draws Thousands", "3 Mayors Resign Over Audit", "ANTI-TRUST RULING STANDS"],
)  # fmt: skip
def test_headline_like_lines(line: str) -> None:
    assert headline_like(line)


@pytest.mark.parametrize(
    "line",
    ["By Staff", "Photo: Reuters", "Updated 5 min ago", "Dec. 3, 2026", "Thursday, December 3, 2026",
     "5:30 PM ET", "2026-12-03 14:02", "Published on 12/03/2026", "WASHINGTON (AP) — The council voted",
     "NEW YORK - Officials said", "The city council voted.", "Politics", "And then, as expected,",
     " ".join(["word"] * 21)],
)  # fmt: skip
def test_bylines_datelines_sentences_and_single_words_are_not_headlines(line: str) -> None:
    assert not headline_like(line)


def test_untitled_text_is_called_by_its_first_headline_like_line_never_its_path() -> None:
    text = "By Staff\nDec. 3, 2026\nStorm Hits Town\nA storm hit the town on Monday, officials said."
    art = Article(id="x1", text=text, source="/data/feeds/0001_abc.txt")
    assert display_title(art) == "Storm Hits Town"
    assert display_title(art.model_copy(update={"title": "  Given Title "})) == "Given Title"


def test_no_headline_line_falls_back_to_the_opening_words_then_the_id() -> None:
    body = "A storm hit the town on Monday and flooded the old quarter, officials said on Tuesday."
    art = Article(id="y", text=body, source="/tmp/y.txt")
    assert display_title(art) == "A storm hit the town on Monday and flooded the old quarter,…"
    assert title_of(None, "", "y") == "y"
    assert headline_title(None, body) is None and headline_title("T", body) == "T"
    assert "/tmp" not in display_title(art)
