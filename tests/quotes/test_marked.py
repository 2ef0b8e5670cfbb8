"""Direct quotations and their cue (issue 19, round 4, class 'words credited to the person relaying them'):
sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article, Quote
from newsprism.quotes.confidence import shown

Analyze = Callable[[str], Article]


def _direct(art: Article, needle: str) -> Quote:
    hits = [q for q in art.quotes if q.kind == "direct" and needle in q.text]
    assert hits, f"no direct quote containing {needle!r}: {[(q.kind, q.text) for q in art.quotes]}"
    return hits[0]


def test_words_relayed_by_a_second_speaker_are_the_first_speakers(analyze: Analyze) -> None:
    art = analyze("The guards did not listen. “You are going back tomorrow,” Marco said one agent told him.")
    q = _direct(art, "going back tomorrow")
    assert q.speaker is None or q.speaker.name != "Marco"
    assert q.cue == "told"


def test_plain_cue_after_a_quotation_is_unchanged(analyze: Analyze) -> None:
    art = analyze("“We will win the vote,” Senator Maria Lopez said.")
    assert _direct(art, "win the vote").speaker.name == "Maria Lopez"  # type: ignore[union-attr]


def test_speaker_line_wins_over_a_relaying_according_to(analyze: Analyze) -> None:
    art = analyze(
        "Moments later, Officer Dale Pratt reported on his radio: “The car is stopped and the driver ran,” "
        "according to police reports."
    )
    q = _direct(art, "driver ran")
    assert q.speaker is not None and "Pratt" in q.speaker.name
    relayed = [x for x in art.quotes if x.kind == "indirect" and "reported on his radio" in x.text]
    assert not relayed  # the relaying "according to" makes no second quotation of the whole sentence


def test_according_to_alone_still_names_the_document(analyze: Analyze) -> None:
    art = analyze("“The car is stopped,” according to police reports.")
    q = _direct(art, "car is stopped")
    assert q.speaker is not None and "report" in q.speaker.name


def test_earlier_cue_wins_when_the_later_cue_has_its_own_clause(analyze: Analyze) -> None:
    art = analyze(
        "The aides brought the lists he mentioned when he said in the interview, “We found a whole stack of names.” "
        "Ms. Tran said the list was drawn up for the winner."
    )
    q = _direct(art, "stack of names")
    assert q.speaker is None or "Tran" not in q.speaker.name
    assert not shown(q) or q.speaker is not None


def test_next_sentences_own_report_is_not_the_quotations_cue(analyze: Analyze) -> None:
    art = analyze(
        "The budget fight went on. “If there were no good cause, it would not matter to me.” "
        "The Tribune has reported that Reyes discussed ways to cut the fund."
    )
    q = _direct(art, "no good cause")
    assert q.speaker is None or "Tribune" not in q.speaker.name


def _src(art: Article, q: Quote) -> str | None:
    return None if q.source_start is None else art.text[q.source_start : q.source_end]


def test_quotation_right_after_a_cue_verb_is_direct(analyze: Analyze) -> None:
    art = analyze("Jones said “We are ready to go now” in the hall.")
    q = _direct(art, "ready to go")
    assert (q.text, q.cue, _src(art, q)) == ("We are ready to go now", "said", "Jones")
    art = analyze("Jones liked “We are ready to go now” in the hall.")
    assert [q.kind for q in art.quotes] == ["term"]


def test_quote_only_paragraph_inherits_the_previous_speakers_mention(analyze: Analyze) -> None:
    art = analyze("“We will not stop,” said Mayor Ann Lee.\n\n“The city deserves better than this.”")
    q = _direct(art, "deserves better")
    assert q.inherited_speaker is True and _src(art, q) == "Mayor Ann Lee" and q.cue == "said"


def test_cueless_quotation_takes_a_later_cue_of_its_paragraph_not_the_previous_speaker(analyze: Analyze) -> None:
    art = analyze(
        "“We will not stop,” said Mayor Ann Lee.\n\n"
        "“We will win the vote today.” The crowd cheered for a long time and then Ben Smith said nothing more."
    )
    q = _direct(art, "win the vote")
    assert q.speaker is not None and q.speaker.name == "Ben Smith" and not q.inherited_speaker
    assert _src(art, q) == "Ben Smith" and q.cue_start == art.text.index("said nothing")


def test_speaker_line_paragraph_gives_its_speaker_to_a_quotation_opening_the_next(analyze: Analyze) -> None:
    art = analyze("The rally ended late.\n\nJoe Biden said:\n\n“We will win this state.”")
    q = _direct(art, "win this state")
    assert q.speaker is not None and q.speaker.name == "Joe Biden" and q.cue == "said"
    art = analyze("The rally ended late.\n\nJoe Biden said:\n\n“Never.” And then: “We go home now.”")
    q = _direct(art, "go home now")  # not the paragraph's opening quotation: the speaker line is not its cue
    assert q.speaker is None and q.cue is None and q.unattributed


def test_speaker_line_of_at_most_25_tokens_gives_its_speaker(analyze: Analyze) -> None:
    line = (
        "On a cold and windy night in the old town hall after a long meeting with many angry people{}, Joe Biden said:"
    )
    for extra, named in (("", True), (" there", False)):  # 25 tokens, then 26
        art = analyze(f"The rally ended late.\n\n{line.format(extra)}\n\n“We will win this state.”")
        q = _direct(art, "win this state")
        assert (q.speaker is not None) is named


def _kinds(art: Article) -> list[tuple[str, str]]:
    return [(q.kind, q.text) for q in art.quotes]


def test_partial_quotation_hanging_from_a_possessed_noun_is_the_possessors(analyze: Analyze) -> None:
    art = analyze("Mayor Smith's plan for “a new deal for cities” failed.")
    (q,) = [q for q in art.quotes if q.kind == "partial"]
    assert q.speaker is not None and q.speaker.name == "Smith" and _src(art, q) == "Mayor Smith's"


def test_marks_paired_across_a_speaker_line_are_no_quotation(analyze: Analyze) -> None:
    art = analyze('"We will win. Asked if he would run again, Schiff said: "No way we lose this one."')
    assert not [q for q in art.quotes if "Asked if" in q.text]


def test_quotations_with_different_cues_are_different_events(analyze: Analyze) -> None:
    art = analyze("“A b c,” said Jones. “D e f,” said Smith.")
    a, b = _direct(art, "A b c"), _direct(art, "D e f")
    assert a.event != b.event and {a.event, b.event} == {1, 2}


def test_only_a_speech_verb_not_a_belief_makes_a_quotation_after_it_direct(analyze: Analyze) -> None:
    assert ("term", "we are ready now") in _kinds(analyze("He believes “we are ready now” in the hall."))
    art = analyze("The vote was close.\nJones said “We are ready to go now” in the hall.")
    assert _kinds(art) == [("direct", "We are ready to go now")]  # the cue in a later paragraph


def test_quotation_glued_to_a_word_is_not_direct(analyze: Analyze) -> None:
    assert _kinds(analyze("Vote for Plan X “We are all ready now” today.")) == [("term", "We are all ready now")]


def test_partial_quotation_in_an_according_to_sentence_takes_that_cue(analyze: Analyze) -> None:
    art = analyze("The plan, according to the mayor, is “a total mess” for us.")
    (q,) = [q for q in art.quotes if q.kind == "partial"]
    assert (q.text, q.cue, q.cue_lemma) == ("a total mess", "according to", "according to")


def test_according_to_after_a_closing_mark_is_the_cue_whatever_its_case(analyze: Analyze) -> None:
    q = _direct(analyze("“We are ready to go,” According to the mayor."), "ready to go")
    assert (q.cue, q.cue_lemma) == ("According to", "according to")


def test_words_a_quotation_needs_to_be_direct_at_a_paragraph_start_or_after_a_colon(analyze: Analyze) -> None:
    assert _kinds(analyze("“Ready now.” He left.")) == [("direct", "Ready now.")]  # two words
    assert _kinds(analyze("“Now.” He left.")) == [("term", "Now.")]
    assert _kinds(analyze("He had one answer: “Yes we can” today.")) == [("direct", "Yes we can")]  # three words
    assert _kinds(analyze("He had one answer: “Yes sir” today.")) == [("term", "Yes sir")]


def test_marks_paired_across_narration_ending_in_a_colon_need_a_cue_verb_in_its_last_words(analyze: Analyze) -> None:
    art = analyze('"We will win. The list is as follows: "A b c d."')  # no cue verb: a quotation
    assert ("direct", "We will win. The list is as follows:") in _kinds(art)
    art = analyze('"We will win. Schiff said it was true: "No way we lose this one."')  # the cue is four words back
    assert ("direct", "We will win. Schiff said it was true:") in _kinds(art)
    art = analyze('The vote was close. "Then Schiff said: "No way we lose this one."')  # a three-word speaker line
    assert not [q for q in art.quotes if "Schiff said" in q.text]


def test_a_belief_verb_after_a_quotation_is_not_its_cue(analyze: Analyze) -> None:
    q = _direct(analyze("“We are ready to go,” Jones believes."), "ready to go")
    assert q.cue is None and q.speaker is None


# -- session 8 (issue 19, round-4 classes "a list subheading in quotation marks", "the neighbouring quotation's
# speaker"): a quotation-only paragraph inherits the previous speaker only when it reads as their next words -----


def test_quoted_subheading_does_not_inherit_the_speaker(analyze: Analyze) -> None:
    for head in ("“Fix the bridge”", "1. “Fix the bridge”", "• “Fix the bridge”"):
        art = analyze(f"“We will fix it,” Reed said.\n\n{head}\n\nThe first promise was to fix the bridge.")
        hits = [q for q in art.quotes if "Fix the bridge" in q.text]  # a direct quotation or a term
        assert hits and all(q.speaker is None and not shown(q) for q in hits)


def test_other_subject_after_the_cue_stops_inheritance(analyze: Analyze) -> None:
    art = analyze("“We will fix it,” Reed said. Cole disagreed.\n\n“That is too slow and too costly for the city.”")
    q = _direct(art, "too costly")
    assert q.speaker is None and not shown(q)


def test_quotation_paragraph_after_the_speaker_still_inherits(analyze: Analyze) -> None:
    for between in ("", " Reed spoke at the hall."):
        art = analyze(f"“We will fix it,” Reed said.{between}\n\n“That is too slow and too costly for the city.”")
        q = _direct(art, "too costly")
        assert q.speaker is not None and q.speaker.name == "Reed"


def test_caption_after_a_colon_is_no_ones_words(analyze: Analyze) -> None:
    art = analyze("Reed posted a chart.\n\nReed's chart: “Spending by county, 2024”\n\nThe numbers fell.")
    hits = [q for q in art.quotes if "Spending by county" in q.text]
    assert hits and all(q.speaker is None and not shown(q) for q in hits)
    said = analyze("Cruz's response: “We will not back down.”")
    assert _direct(said, "back down").speaker is not None


def test_quoted_label_before_a_colon_does_not_inherit(analyze: Analyze) -> None:
    art = analyze("“We will fix it,” Reed said.\n\n“Lock her up”: The chant began at rallies in 2016.")
    hits = [q for q in art.quotes if "Lock her up" in q.text]
    assert hits and all(q.speaker is None and not shown(q) for q in hits)


def test_other_subject_in_the_paragraph_stops_the_paragraph_cue(analyze: Analyze) -> None:
    art = analyze("“We will fix it,” Reed said. Cole laughed. “That is what you said last year.”")
    q = _direct(art, "last year")
    assert q.speaker is None and not shown(q)
    for between in ("", " He paused."):
        art = analyze(f"“We will fix it,” Reed said.{between} “It will take two years.”")
        q = _direct(art, "two years")
        assert q.speaker is not None and q.speaker.name == "Reed"
