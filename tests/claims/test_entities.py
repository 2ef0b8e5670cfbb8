"""Title-case verb phrases misread as PERSON are not reported as a claim's entities (issue 23)."""

from __future__ import annotations

import pytest

from newsprism.claims.entities import misread_person
from newsprism.model import Entity
from newsprism.nlp.spacy_loader import load_spacy
from newsprism.options import load_options


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_spacy(load_options().spacy_model)


@pytest.mark.parametrize(
    ("sentence", "mention", "misread"),
    [
        ("The Plan Was Sharply Criticized By Democrats", "Sharply Criticized", True),
        ("He Strongly Opposed the deal, said Fred Upton.", "Strongly Opposed", True),
        ("Ted Cruz criticized the plan on Monday.", "Ted Cruz", False),
        ("Reed Hastings said Netflix would grow.", "Reed Hastings", False),
        ("Kelly Craft was named ambassador.", "Kelly Craft", False),
        ("He Strongly Opposed the deal, said Fred Upton.", "Fred Upton", False),
        ("Emily Willing sued the company.", "Emily Willing", False),
    ],
)
def test_misread_person(nlp, sentence: str, mention: str, misread: bool) -> None:  # type: ignore[no-untyped-def]
    i = sentence.index(mention)
    ent = Entity(text=mention, label="PERSON", start=i, end=i + len(mention))
    assert misread_person(sentence, ent, 0, len(sentence), nlp) is misread


def test_only_person_mentions_are_checked(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Plan Was Sharply Criticized By Democrats"
    i = text.index("Sharply")
    ent = Entity(text="Sharply Criticized", label="ORG", start=i, end=i + 18)
    assert misread_person(text, ent, 0, len(text), nlp) is False
