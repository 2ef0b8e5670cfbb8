from __future__ import annotations

import pytest

from newsprism.ingest.dates import normalize_published
from newsprism.ingest.records import record_to_article


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("1/21/18", "2018-01-21"),  # US month/day/year, as in some AllSides records
        ("March 26, 2019", "2019-03-26"),
        ("Tue, 26 Mar 2019 10:20:00 +0000", "2019-03-26T10:20:00+00:00"),
        ("2019-03-25T10:00Z", "2019-03-25T10:00Z"),  # ISO is kept exactly as given
        ("May 2019", "May 2019"),  # no day: never completed with invented parts
        ("5 hours ago", "5 hours ago"),
        ("  ", None),
        (None, None),
    ],
)
def test_dates_become_iso_only_when_fully_specified(given: str | None, expected: str | None) -> None:
    assert normalize_published(given) == expected


def test_records_get_iso_publication_dates() -> None:
    art = record_to_article({"content_original": "Senators met on Tuesday to vote.", "date": "9/16/17"}, "t.jsonl:1")
    assert art.published == "2017-09-16"
