"""A pronoun whose only fitting antecedent was named in passing (issue 19, round 7): an object or a name in a
prepositional phrase is no antecedent while a subject of unknown gender could be meant. Sentences are written for
the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article, Quote

Analyze = Callable[[str], Article]


def _find(art: Article, needle: str) -> Quote:
    hits = [q for q in art.quotes if needle in q.text]
    assert hits, f"no quote containing {needle!r}: {[(q.kind, q.text) for q in art.quotes]}"
    return hits[0]


@pytest.mark.parametrize(
    "lead",
    [
        "Kerry Vance met Tom Reed on Monday.\n\n",  # an object
        "Kerry Vance spoke with Tom Reed on Monday. ",  # a name in a prepositional phrase
    ],
)
def test_name_in_passing_is_no_antecedent_beside_a_subject_of_unknown_gender(analyze: Analyze, lead: str) -> None:
    assert _find(analyze(lead + "“The plan is good,” he said."), "plan is good").speaker is None


def test_subject_of_known_gender_stays_the_antecedent(analyze: Analyze) -> None:
    q = _find(analyze("Tom Reed met Kerry Vance on Monday.\n\n“The plan is good,” he said."), "plan is good")
    assert q.speaker is not None and q.speaker.name == "Tom Reed"
