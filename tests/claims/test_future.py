"""One future-tense definition (claims.future) for the forecast cue, the main-verb parse check and the dates."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.claims.abstain import main_verb_future
from newsprism.claims.cues import cues
from newsprism.claims.dates import future_context
from newsprism.nlp.spacy_loader import load_spacy
from newsprism.options import load_options


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy(load_options().spacy_model)


@pytest.mark.parametrize(
    ("text", "is_forecast"),
    [
        ("The plan will cost $4 billion.", True),
        ("The plan won’t cost $4 billion.", True),
        ("They'll vote in November.", True),
        ("It's going to rain.", True),
        ("The plant is scheduled to close in March.", True),
        ("The trend is expected to reverse next month.", True),
        ("The plan cost $4 billion.", False),
        ("This going to court was a mistake.", False),  # 'is' inside 'This' is no marker
    ],
)
def test_one_marker_for_the_cue_and_the_dates(text: str, is_forecast: bool) -> None:
    assert ("forecast" in cues(text)) is is_forecast  # the cue reads future.FORECAST_RE
    end = text.rstrip(".").rsplit(" ", 1)[-1]
    assert future_context(text, text.rindex(end)) is is_forecast  # the same markers put a date forward


@pytest.mark.parametrize(
    ("text", "main"),
    [
        ("The plan will cost $4 billion.", True),
        ("The company won't raise prices.", True),
        ("She'll leave office in March.", True),
        ("We're going to raise taxes.", True),
        ("The plant is scheduled to close in March.", True),
        ("Workers complained that the new hires will get raises.", False),  # future in a subordinate clause
        ("The senator voted against the bill.", False),
    ],
)
def test_the_parse_reads_the_main_verb_group(nlp: Any, text: str, main: bool) -> None:
    doc = nlp(text)
    assert main_verb_future(doc, 0, len(text)) is main
    assert main_verb_future(None, 0, len(text)) is True  # no parse: the cue alone decides
