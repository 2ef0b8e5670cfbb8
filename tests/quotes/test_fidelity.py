from __future__ import annotations

from newsprism.model import Quote, Speaker
from newsprism.quotes.fidelity import group_quotes, verdict, word_diff

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
