"""parse_context / date_predicate: the noun a number counts, its modifiers and the clause's verb (issue 26)."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.nlp.parse_context import counts_subject, date_predicate, date_subject, parse_context


@pytest.fixture(scope="module")
def nlp() -> Any:
    from newsprism.nlp.spacy_loader import load_spacy
    from newsprism.options import load_options

    return load_spacy(load_options().spacy_model)


def _at(text: str, needle: str) -> tuple[int, int]:
    s = text.index(needle)
    return s, s + len(needle)


@pytest.mark.parametrize(
    ("text", "number", "counted", "predicate"),
    [
        ("At least 19 people were killed in the attack.", "19", "people", "kill"),
        ("The senator said that about 2,000 troops would leave.", "2,000", "troop", "leave"),
        ("Some 5% of voters backed the plan.", "5%", "voter", "back"),
        ("The leaders signed a 12-nation deal with the United States.", "12", "deal", "sign"),
    ],
)
def test_counted_noun_and_predicate(nlp: Any, text: str, number: str, counted: str, predicate: str) -> None:
    got = parse_context(nlp(text), *_at(text, number))
    assert (got[0], got[2]) == (counted, predicate)


def test_modifiers_are_words_of_the_counted_noun(nlp: Any) -> None:
    text = "The panel questioned 19 Republican senators on Tuesday."
    counted, mods, _, _ = parse_context(nlp(text), *_at(text, "19"))
    assert counted == "senator" and "republican" in mods


def test_without_a_parse_nothing_is_invented() -> None:
    assert parse_context(None, 0, 2) == (None, [], None, None)
    assert date_predicate(None, 0, 2) is None


def test_date_attaches_to_the_verb_or_the_event_noun(nlp: Any) -> None:
    text = "The governor announced the plan on Monday before the Nov. 6 election."
    doc = nlp(text)
    assert date_predicate(doc, *_at(text, "Monday")) == "announce"
    assert date_predicate(doc, *_at(text, "Nov. 6")) == "election"


def test_subject_of_the_predicate(nlp: Any) -> None:
    text = "Obama has cut $716 billion from Medicare, aides said."
    assert parse_context(nlp(text), *_at(text, "$716 billion"))[3] == "obama"
    text = "He cut $716 billion from Medicare."
    assert parse_context(nlp(text), *_at(text, "$716 billion"))[3] is None  # a pronoun says nothing


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Four states have legalized the drug.", "Four", True),
        ("Six people, including two aides, were injured in the attack.", "Six", True),
        ("Two of the states sued the government.", "Two", True),
        ("A gunman opened fire, striking four people.", "four", False),
        ("The 47-page indictment says the money was spent.", "47", False),
        ("There were six arrests on Wednesday.", "six", False),
    ],
)
def test_whether_a_number_counts_its_verbs_subject(nlp: Any, text: str, number: str, expected: bool) -> None:
    assert counts_subject(nlp(text), *_at(text, number)) is expected


def test_subject_of_a_dates_verb(nlp: Any) -> None:
    text = "Senator Jane Roe announced Thursday on the floor that the bill passed."
    assert date_subject(nlp(text), *_at(text, "Thursday")) == "Roe"  # a name as written
    text = "The press secretary of a senator had to apologize Saturday for the post."
    assert date_subject(nlp(text), *_at(text, "Saturday")) == "secretary"  # through "had to"
    text = "He will leave on January 1."
    assert date_subject(nlp(text), *_at(text, "January 1")) is None  # a pronoun says nothing
    text = "They met before the Nov. 6 election."
    assert date_subject(nlp(text), *_at(text, "Nov. 6")) is None  # an event noun
    assert counts_subject(None, 0, 2) is None and date_subject(None, 0, 2) is None
