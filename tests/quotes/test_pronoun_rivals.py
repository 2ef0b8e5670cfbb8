"""He/she with two people of that gender named just before (issue 19, round 6): unattributed, not a guess."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article

Analyze = Callable[[str], Article]


def _speaker(art: Article, needle: str) -> str | None:
    q = next(q for q in art.quotes if needle in q.text)
    return q.speaker.name if q.speaker else None


def test_he_after_a_man_named_as_object_is_no_one(analyze: Analyze) -> None:
    art = analyze("Tom Reed met Mark Cole on Monday. “We agreed on nothing,” he said.")
    assert _speaker(art, "agreed on nothing") is None


def test_he_with_a_woman_as_the_other_person_is_the_man(analyze: Analyze) -> None:
    art = analyze("Tom Reed met Mrs. Ann Cole on Monday. “We agreed on nothing,” he said.")
    assert _speaker(art, "agreed on nothing") == "Tom Reed"


def test_a_rival_named_in_the_speakers_own_cue_sentence_does_not_block(analyze: Analyze) -> None:
    art = analyze("“It was a fine speech,” Tom Reed said of Mark Cole. “He earned it,” he added.")
    assert _speaker(art, "He earned it") == "Tom Reed"


def test_a_possessor_is_no_rival(analyze: Analyze) -> None:
    art = analyze(
        "On Friday, Tom Reed, Mark Cole’s press secretary, redefined the request. “The plan stands,” he said."
    )
    assert _speaker(art, "plan stands") == "Tom Reed"


def test_a_rival_three_sentences_back_does_not_block(analyze: Analyze) -> None:
    text = (
        "Tom Reed met Mark Cole in March. The talks ended in April. The city waited. "
        "Tom Reed spoke on Monday. “We agreed on nothing,” he said."
    )
    assert _speaker(analyze(text), "agreed on nothing") == "Tom Reed"


def test_the_subject_of_the_pronouns_own_sentence_is_kept(analyze: Analyze) -> None:
    art = analyze("Later, Tom Reed alluded to Mark Cole when he asserted that the plan had failed.")
    assert _speaker(art, "plan had failed") == "Tom Reed"


def test_the_earlier_speaker_who_is_the_subject_again_is_kept(analyze: Analyze) -> None:
    text = (
        "“I admired him as a student,” Tom Reed said. “I still do.”\n\n"
        "Later, Tom Reed alluded to Mark Cole when he asserted that the plan had failed."
    )
    assert _speaker(analyze(text), "plan had failed") == "Tom Reed"


def test_a_capitalised_pronoun_tagged_as_a_name_is_no_speaker(analyze: Analyze) -> None:
    art = analyze("‹ He A: He claimed “ ‘")  # the property test's example (test_robust)
    assert all(q.speaker is None or q.speaker.name.lower() != "he" for q in art.quotes)
