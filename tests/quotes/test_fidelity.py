from __future__ import annotations

from newsprism.model import Quote, Speaker
from newsprism.quotes.fidelity import group_quotes, renders, verdict, word_diff

UTTERANCE = "We will rebuild the economy and we will do it for every family in this country"


def _q(text: str, speaker: str | None = "Jane Doe", kind: str = "direct", start: int = 0) -> Quote:
    spk = Speaker(name=speaker, start=None, end=None) if speaker else None
    act = "assertion" if kind == "indirect" else None
    return Quote(text=text, start=start, end=start + len(text), kind=kind, speaker=spk, speech_act=act)  # type: ignore[arg-type]


def test_verdicts() -> None:
    assert verdict(UTTERANCE, UTTERANCE, "A", "A") == "identical"
    assert verdict(UTTERANCE, "We will rebuild the economy … for every family in this country", None, None) == "trimmed"
    assert (
        verdict(UTTERANCE, "We will rebuild the economy and we will do it for all families in this nation", None, None)
        == "altered"
    )
    assert verdict(UTTERANCE, UTTERANCE, "Jane Doe", "John Roe") == "different_speaker"
    assert (
        verdict(UTTERANCE, "Families across the country will see the economy rebuilt by us", None, None)
        == "paraphrase_as_quote"
    )


def test_word_diff_ops() -> None:
    diff = word_diff("we will do it for every family", "we will do it for all families")
    assert (diff[0].op, diff[0].a, diff[0].b) == ("equal", "we will do it for", "we will do it for")
    assert (diff[1].op, diff[1].a, diff[1].b) == ("replace", "every family", "all families")


def test_groups_across_articles_and_ignores_unrelated() -> None:
    items = [
        ("a1", _q(UTTERANCE)),
        ("a2", _q("and we will do it for all families in this nation", start=40)),
        ("a2", _q("The weather was fine and nobody complained about it at all", start=200)),
    ]
    groups = group_quotes(items)
    assert len(groups) == 1
    g = groups[0]
    assert {m.article for m in g.members} == {"a1", "a2"}
    assert g.verdict == "altered" and g.speaker == "Jane Doe"
    assert any(d.op == "replace" for d in g.diff)


def test_against_transcript() -> None:
    transcript = "Thank you all. " + UTTERANCE + ". And now questions."
    items = [
        ("a1", _q("we will do it for every family in this country")),
        ("a1", _q("Taxes will go down for everyone next year", start=100)),
    ]
    groups = group_quotes(items, transcript)
    verdicts = sorted(g.verdict for g in groups)
    assert verdicts == ["identical", "not_in_transcript"]
    found = next(g for g in groups if g.verdict == "identical")
    ref = found.members[0]
    assert ref.article == "transcript" and transcript[ref.start : ref.end] == ref.text


def test_short_scare_quotes_are_not_grouped() -> None:
    items = [("a1", _q("root causes", kind="partial")), ("a2", _q("root causes", kind="partial", start=50))]
    assert group_quotes(items) == []


def test_paraphrase_and_later_verbatim_block_are_one_group() -> None:
    """Issue 19: "… said it was a “tough job”" and the block quote of the same remark, in one article and across."""
    block = "So Madam Vice President, thank you. I gave you a tough job and you are smiling at all of us."
    para = "that it was a “tough job” for her"
    for items in ([("a", _q(para, kind="indirect", start=0)), ("a", _q(block, kind="block", start=100))],
                  [("a", _q(para, kind="indirect")), ("b", _q(block, kind="block"))]):  # fmt: skip
        (g,) = group_quotes(items)
        assert g.verdict == "paraphrased"
        assert [m.verdict for m in g.members] == ["reference", "paraphrased"]
        assert g.members[0].text == block


def test_paraphrase_needs_its_words_or_most_content_and_the_same_speaker() -> None:
    block = "I gave you a tough job and you are smiling at all of us here today."
    unrelated = ("a", _q("that the weather had been fine for the whole week", kind="indirect"))
    other_speaker = ("a", _q("that it was a “tough job”", speaker="John Roe", kind="indirect"))
    attitude = ("a", _q("that it was a “tough job”", kind="indirect").model_copy(update={"speech_act": None}))
    for item in (unrelated, other_speaker, attitude):
        assert group_quotes([item, ("a", _q(block, kind="block", start=300))]) == []


def _rows(groups: list) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (g.speaker, g.verdict, [(m.article, m.start, m.end, m.text, m.verdict, m.speaker) for m in g.members])
        for g in groups
    ]


def test_reference_is_cut_to_the_words_the_other_rendering_quotes() -> None:
    (g,) = group_quotes([("a1", _q(UTTERANCE, start=10)), ("a2", _q("we will do it for every family", start=40))])
    assert _rows([g]) == [
        (
            "Jane Doe",
            "identical",
            [
                ("a1", 42, 72, "we will do it for every family", "reference", "Jane Doe"),
                ("a2", 40, 70, "we will do it for every family", "identical", "Jane Doe"),
            ],
        )
    ]
    assert [(d.op, d.a, d.b) for d in g.diff] == [("equal",) + ("we will do it for every family",) * 2]


def test_identical_renderings_keep_the_longest_as_reference_and_its_speaker() -> None:
    (g,) = group_quotes(
        [("a2", _q("we will do it for every family", start=40)), ("a1", _q(UTTERANCE, start=10, speaker=None))]
    )
    assert g.speaker is None and g.verdict == "identical"
    assert [(m.article, m.verdict, m.speaker) for m in g.members] == [
        ("a1", "reference", None),
        ("a2", "identical", "Jane Doe"),
    ]
    (g,) = group_quotes([("a1", _q(UTTERANCE, start=10)), ("a2", _q(UTTERANCE, start=5))])
    assert (g.members[0].start, g.members[0].end, g.members[0].text) == (10, 88, UTTERANCE)
    assert [d.op for d in g.diff] == ["equal"]


def test_speakers_differing_by_name_are_a_different_speaker_verdict() -> None:
    (g,) = group_quotes([("a1", _q(UTTERANCE)), ("a2", _q("we will do it for every family", speaker="Jane"))])
    assert g.verdict == "different_speaker"
    assert [m.verdict for m in g.members] == ["reference", "different_speaker"]
    assert [m.speaker for m in g.members] == ["Jane Doe", "Jane"]


def test_transcript_windows_members_and_speakers() -> None:
    other = "Our schools need more teachers and better pay for the ones we already have"
    transcript = UTTERANCE + ". " + other + "."
    items = [
        ("a0", _q("Nothing of this was ever said by anyone here", speaker="Zed")),
        ("a1", _q("We will rebuild the economy and we will", speaker=None)),
        ("a2", _q("every family in this country", start=7, speaker="Bob")),
        ("a3", _q("more teachers and better pay for the ones", start=100, speaker=None)),
        ("a4", _q("Our schools need more teachers and pay for the ones", start=100, speaker="Al")),
    ]
    groups = group_quotes(items, transcript)
    assert _rows(groups) == [
        ("Zed", "not_in_transcript", [("a0", 0, 44, items[0][1].text, "not_in_transcript", "Zed")]),
        (
            None,
            "identical",
            [
                ("transcript", 0, 39, "We will rebuild the economy and we will", "reference", None),
                ("a1", 0, 39, "We will rebuild the economy and we will", "identical", None),
            ],
        ),
        (
            "Bob",
            "identical",
            [
                ("transcript", 50, 78, "every family in this country", "reference", None),
                ("a2", 7, 35, "every family in this country", "identical", "Bob"),
            ],
        ),
        (
            "Al",  # the first member with a speaker
            "trimmed",
            [
                ("transcript", 97, 138, "more teachers and better pay for the ones", "reference", None),
                ("a3", 100, 141, "more teachers and better pay for the ones", "identical", None),
                ("a4", 100, 151, items[4][1].text, "trimmed", "Al"),
            ],
        ),
    ]
    assert groups[0].diff == []
    assert [(d.op, d.a, d.b) for d in groups[1].diff] == [("equal",) + ("We will rebuild the economy and we will",) * 2]
    assert [(d.op, d.b) for d in groups[3].diff] == [
        ("equal", "Our schools need more teachers and"),
        ("delete", ""),
        ("equal", "pay for the ones"),
    ]


def test_ellipsis_trims_only_when_the_reference_has_none() -> None:
    assert verdict("We will win this vote today", "We will win ... this vote today", None, None) == "trimmed"
    assert verdict("We will win … this vote today", "We will win … this vote today", None, None) == "identical"
    assert verdict("We will win … this vote today", "We will win this vote today", None, None) == "identical"


def test_word_diff_of_a_long_speech_keeps_common_words_between_changes() -> None:
    """Over 200 words, difflib's automatic junk would drop the frequent "the" and merge two changes into one."""
    a = ["the" if i % 10 == 0 else f"w{i}" for i in range(220)]
    b = [{49: "x", 51: "y"}.get(i, w) for i, w in enumerate(a)]
    changed = [(d.op, d.a, d.b) for d in word_diff(" ".join(a), " ".join(b)) if d.op != "equal"]
    assert changed == [("replace", "w49", "x"), ("replace", "w51", "y")]


def test_transcript_windows_that_overlap_form_one_group_in_either_order() -> None:
    transcript = UTTERANCE + "."
    first = "We will rebuild the economy and we will do it"
    second = "and we will do it for every family in this country"
    for items in ([("a", _q(first)), ("b", _q(second))], [("b", _q(second)), ("a", _q(first))]):
        (g,) = group_quotes(items, transcript)
        assert [m.verdict for m in g.members] == ["reference", "identical", "identical"]
        assert g.members[0].text == items[0][1].text


def test_reference_shown_covers_the_words_a_paraphrase_quotes() -> None:
    block = "So Madam Vice President, thank you. I gave you a tough job and you are smiling at all of us."
    para = ("c", _q("that it was a “tough job” for her", kind="indirect", start=7))
    items = [("a", _q("So Madam Vice President, thank you", start=5)), ("b", _q(block, kind="block", start=100))]
    (g,) = group_quotes([*items, para])
    assert (g.verdict, g.diff) == ("paraphrased", [])
    assert [(m.article, m.start, m.end, m.text, m.verdict) for m in g.members] == [
        ("b", 100, 158, "So Madam Vice President, thank you. I gave you a tough job", "reference"),
        ("a", 5, 39, "So Madam Vice President, thank you", "identical"),
        ("c", 7, 40, para[1].text, "paraphrased"),
    ]
    (g,) = group_quotes([para, items[1], ("a", _q("I gave you a tough job and you are smiling", start=5))])
    assert [(m.article, m.start, m.end, m.verdict) for m in g.members] == [
        ("b", 136, 178, "reference"),
        ("a", 5, 47, "identical"),
        ("c", 7, 40, "paraphrased"),
    ]


def test_long_quote_with_two_words_cut_is_trimmed_not_altered() -> None:
    a = ["the" if i % 10 == 0 else f"w{i}" for i in range(220)]
    cut = [w for i, w in enumerate(a) if i not in (49, 51)]  # the "the" between the cuts stays
    assert verdict(" ".join(a), " ".join(cut), None, None) == "trimmed"


def test_word_similarity_of_exactly_the_altered_ratio_is_altered() -> None:
    ref = " ".join(f"w{i}" for i in range(20))
    member = " ".join([f"w{i}" for i in range(11)] + [f"x{i}" for i in range(9)])  # 2 * 11 / 40 = 0.55
    assert verdict(ref, member, None, None) == "altered"
    member = " ".join([f"w{i}" for i in range(10)] + [f"x{i}" for i in range(10)])
    assert verdict(ref, member, None, None) == "paraphrase_as_quote"


def _para(text: str, speaker: str | None = "Jane Doe") -> Quote:
    return _q(text, speaker=speaker, kind="indirect")


def test_renders_finds_a_quoted_fragment_of_two_words_or_more() -> None:
    quote = _q("I gave you a tough job and you are smiling at all of us here today.")
    assert renders(_para("said “jobs” and “tough job” for her"), quote) == (13, 22)  # one word: skipped
    assert renders(_para("it was “here today” and more"), quote) == (56, 66)  # the quotation's last words
    assert renders(_para("that “tough job and” was it"), quote) == (13, 26)


def test_renders_by_content_words_needs_five_shared_and_seven_in_ten() -> None:
    quote = _q("I gave you a tough job and you are smiling at all of us here today.")
    whole = (0, len(quote.text))
    assert renders(_para("smiling tough here today gave"), quote) == whole  # four-letter words count
    assert renders(_para("so she said it was smiling tough here today gave"), quote) == whole  # short/stop words do not
    assert renders(_para("smiling tough here today"), quote) is None
    assert renders(_para("smiling tough here today gave cookies bread"), quote) == whole  # 5 of 7
    farmers = _q("Farmers need water, roads, schools, markets, clinics, bridges and honest leaders")
    assert renders(_para("farmers water roads schools markets clinics bridges cookies bread wine"), farmers) == (
        0,
        len(farmers.text),
    )  # 7 of 10
    assert renders(_para("farmers water roads schools markets clinics cookies bread wine sugar"), farmers) is None


def test_paraphrase_links_when_a_speaker_is_unknown_or_one_name_holds_the_other() -> None:
    block = _q("I gave you a tough job and you are smiling at all of us here today.", kind="block", start=300)
    for speaker in (None, "Doe", "jane doe"):
        (g,) = group_quotes([("a", _para("that it was a “tough job”", speaker=speaker)), ("a", block)])
        assert [m.verdict for m in g.members] == ["reference", "paraphrased"]
    assert group_quotes([("a", _para("that it was a “tough job”", speaker="Doe Smith")), ("a", block)]) == []


def test_reference_covers_a_member_linked_through_another_rendering() -> None:
    """The third rendering overlaps the reference in its article, so it is linked only through the second."""
    items = [
        ("a", _q(UTTERANCE)),
        ("b", _q("we will do it for every family in this country")),
        ("a", _q("the economy and we will do it for every family", start=10)),
    ]
    (g,) = group_quotes(items)
    assert (g.members[0].start, g.members[0].end) == (16, 78)
    assert [m.verdict for m in g.members] == ["reference", "trimmed", "trimmed"]


def test_reference_covers_the_words_of_every_paraphrase() -> None:
    block = "So Madam Vice President, thank you. I gave you a tough job and you are smiling at all of us."
    items = [
        ("a", _q("So Madam Vice President, thank you", start=5)),
        ("b", _q(block, kind="block", start=100)),
        ("c", _para("that she said “thank you” to her")),
        ("d", _para("that it was a “tough job” for her")),
    ]
    (g,) = group_quotes(items)
    assert g.members[0].text == "So Madam Vice President, thank you. I gave you a tough job"
    assert [m.verdict for m in g.members] == ["reference", "identical", "paraphrased", "paraphrased"]


def _long_speech() -> tuple[str, str]:
    filler = " ".join(f"word{i}" for i in range(30))
    quote = "we will build the new bridge over the river this year"
    return "today " + filler + " " + quote + " " + filler.replace("word", "item") + " the end today", quote


def test_reference_window_in_a_long_speech_is_the_quoted_words_only() -> None:
    """A word of the rendering that the speech has only far from the quoted words ("today") stays outside."""
    speech, quote = _long_speech()
    for member in ("Today " + quote, quote + " today"):
        (g,) = group_quotes([("a", _q(speech)), ("b", _q(member))])
        assert (g.members[0].text, g.members[0].start) == (quote, speech.index(quote))


def test_renderings_that_touch_in_one_article_are_grouped() -> None:
    speech, quote = _long_speech()
    touching = ("a", _q(quote, start=len(speech)))
    for items in ([("a", _q(speech)), touching], [touching, ("a", _q(speech))]):
        (g,) = group_quotes(items)
        assert [m.verdict for m in g.members] == ["reference", "identical"]
