from newsprism.quotes.marks import find_marks, paragraphs


def _inner(text: str) -> list[str]:
    return [text[m.inner_start : m.inner_end] for m in find_marks(text)]


def test_curly_straight_single_and_mixed_marks() -> None:
    text = '“One two three,” he said. "Four five" and ‘six seven’ and “mixed marks" end.'
    assert _inner(text) == ["One two three", "Four five", "six seven", "mixed marks"]


def test_apostrophes_are_not_quotes() -> None:
    assert _inner("It's Sanders’ claim and the voters' choice.") == []


def test_doubled_apostrophes_nyt_style() -> None:
    assert _inner("''It's preseason,'' he said.") == ["It's preseason"]


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "“This is open, she said. And it goes on.\nNext paragraph."
    (m,) = find_marks(text)
    assert not m.closed
    assert text[m.inner_start : m.inner_end] == "This is open, she said. And it goes on."


def test_multi_paragraph_quote_continues() -> None:
    text = "“First part of it.\n“Second part.” she said."
    a, b = find_marks(text)
    assert not a.closed and b.continues and b.closed


def test_paragraphs_skip_blank_lines() -> None:
    assert paragraphs("a\n\n b \n") == [(0, 1), (4, 5)]
