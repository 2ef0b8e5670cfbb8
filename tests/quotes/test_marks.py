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


def _spans(text: str) -> list[tuple[int, int, str, int, bool, bool]]:
    return [
        (m.start, m.end, text[m.inner_start : m.inner_end], m.para, m.closed, m.continues) for m in find_marks(text)
    ]


def test_paragraphs_trim_spaces_and_tabs_and_count_offsets_across_lines() -> None:
    assert paragraphs("  a b \t\n\n\tc\n   \nd") == [(2, 5), (10, 11), (16, 17)]
    assert paragraphs("") == [] and paragraphs("x\n") == [(0, 1)] and paragraphs("\n\nab") == [(2, 4)]


def test_single_mark_opens_at_text_start_after_brackets_and_dashes() -> None:
    assert _spans("'quoted words' end x") == [(0, 14, "quoted words", 0, True, False)]
    assert _inner("(‘in parens’) x") == ["in parens"]
    assert _inner("[‘in brackets’] x") == ["in brackets"]
    for dash in "—–-":
        assert _inner(f"x {dash}‘after dash’ y") == ["after dash"]
    assert _inner("x\n‘next line’ y") == ["next line"]


def test_single_mark_glued_to_a_word_or_before_a_space_opens_nothing() -> None:
    assert _inner("AX‘yz’ w") == []
    assert _inner("x ‘ ab’ c") == []
    assert _inner("the voters'") == []  # an apostrophe ending the text
    assert _inner("x ‘a b") == []  # an opener never closed is an apostrophe


def test_single_mark_closes_at_text_end_but_not_before_a_letter() -> None:
    assert _spans("He said ‘yes sir’") == [(8, 17, "yes sir", 0, True, False)]
    assert _inner("x ‘ab’c ‘d’") == ["ab’c ‘d"]
    assert _inner("x ‘ab’c") == []  # the letter after the mark ends the paragraph
    assert _inner("x ‘ab ’c d’ e") == ["ab ’c d"]  # a mark after a space does not close
    assert _inner("it’s ‘fine’ and ‘ok’") == ["fine", "ok"]
    assert _inner("a'b 'c d' e") == ["c d"]


def test_inner_text_drops_spaces_and_a_trailing_comma() -> None:
    assert _spans("“ spaced words ,” he said") == [(0, 17, "spaced words", 0, True, False)]
    assert _spans("“ , ” and “” x") == []  # nothing inside: no quotation
    assert _spans("“a b, c") == [(0, 7, "a b, c", 0, False, False)]
    assert _spans("“unclosed, \nnext") == [(0, 10, "unclosed", 0, False, False)]


def test_nyt_doubled_marks_open_and_close_only_at_word_edges() -> None:
    assert _spans("''Done'' said, ''Again''") == [(0, 8, "Done", 0, True, False), (15, 24, "Again", 0, True, False)]
    assert _spans("''Open words''") == [(0, 14, "Open words", 0, True, False)]
    assert _inner("x''y z'' w") == []
    assert _inner("''A''b c''") == ["A''b c"]
    assert _spans("“It ended''” x") == [(0, 11, "It ended", 0, True, False)]


def test_double_marks_of_every_kind_and_a_new_opener_ending_an_unclosed_one() -> None:
    assert _inner("«Oui» dit") == ["Oui"]
    assert _inner("„Ja” sagte") == ["Ja"]
    assert _spans("“open then “another” close") == [
        (0, 11, "open then", 0, False, False),
        (11, 20, "another", 0, True, False),
    ]
    assert _spans("“a «b» c") == [(0, 3, "a", 0, False, False), (3, 6, "b", 0, True, False)]
    assert _spans("“a”“b”") == [(0, 3, "a", 0, True, False), (3, 6, "b", 0, True, False)]
    assert _spans(" “lead space” ") == [(1, 13, "lead space", 0, True, False)]


def test_closing_mark_used_as_an_opener_only_before_a_word() -> None:
    assert _spans("”Bad typography” here") == [(0, 16, "Bad typography", 0, True, False)]
    assert _spans("a ”not opener") == [(2, 13, "not opener", 0, False, False)]
    assert _inner("x”y z” w") == []
    assert _inner("a ” b") == []
    assert _inner("a ”") == []


def test_continuation_needs_an_unclosed_quote_in_the_paragraph_just_before() -> None:
    assert _spans("“one\nplain “two”")[1][5] is False  # the quotation does not open the paragraph
    assert _spans("“one”\n“two”")[1][5] is False  # the quote before was closed
    assert _spans("“x\nplain\n“y”")[1][5] is False  # two paragraphs back
    assert _spans("text\n“y\n“z”") == [(5, 7, "y", 1, False, False), (8, 11, "z", 2, True, True)]
    assert _spans("“x\n\n  \n“y”") == [(0, 2, "x", 0, False, False), (7, 10, "y", 1, True, True)]
