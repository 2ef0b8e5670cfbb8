"""Loaders: plain text, directories, JSONL/Parquet records, stdin, decoding repairs, errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import article_from_text, iter_articles
from newsprism.ingest.decode import clean_text, decode_bytes
from newsprism.ingest.text import split_title
from newsprism.model import content_id, validate_offsets
from newsprism.options import load_options

BODY = "The river rose two metres overnight, and officials said the dam held. Residents were told to stay home."
OPTS = load_options()


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_plain_text_title_and_hash_id(tmp_path: Path) -> None:
    art = next(iter_articles([write(tmp_path / "a.txt", f"River rises in the north\n\n{BODY}\n")], OPTS))
    assert art.title == "River rises in the north"
    assert art.text == BODY and art.id == content_id(BODY) and art.source == str(tmp_path / "a.txt")
    assert validate_offsets(art) == []


def test_title_only_for_short_unpunctuated_first_line() -> None:
    assert split_title(f"{BODY}\n\n{BODY}") == (None, f"{BODY}\n\n{BODY}")
    assert split_title(f"Headline here\n\n{BODY}")[0] == "Headline here"


def test_seed_titles(seed_texts: dict[str, str]) -> None:
    assert article_from_text(seed_texts["000"], options=OPTS).title
    assert article_from_text(seed_texts["003"], options=OPTS).title
    assert article_from_text(seed_texts["002"], options=OPTS).title is None


def test_directory_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "b.txt", "Second one. " + BODY)
    write(tmp_path / "sub" / "c.txt", "Third one. " + BODY)
    write(tmp_path / "a.txt", "First one. " + BODY)
    texts = [a.text[:5] for a in iter_articles([tmp_path], OPTS)]
    assert texts == ["First", "Secon", "Third"]


def test_jsonl_records_fields_and_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "r1", "text": BODY, "title": "T1", "source": "Outlet A", "author": "Kim", "date": "2024-01-02"}
        ),
        "{not json",
        json.dumps({"id": "r2", "content_original": "Another body. " + BODY, "source": "Outlet B"}),
        json.dumps({"id": "r3", "title": "no text here"}),
        json.dumps({"html": f"<html><body><article><p>{BODY * 3}</p></article></body></html>", "url": "http://x"}),
    ]
    path = write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    errors: list[InputError] = []
    arts = list(iter_articles([path], OPTS, on_error=errors.append))
    assert [a.id for a in arts[:2]] == ["r1", "r2"]
    assert arts[0].outlet == "Outlet A" and arts[0].byline == "Kim" and arts[0].published == "2024-01-02"
    assert arts[0].title == "T1" and arts[1].outlet == "Outlet B"
    assert "river rose" in arts[2].text and arts[2].url == "http://x"
    assert [e.code for e in errors] == ["E006", "E009"]
    with pytest.raises(InputError) as exc:
        list(iter_articles([path], OPTS))
    assert exc.value.code == "E006"


def test_parquet_records(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": ["p1", "p2"], "text": [BODY, "Other. " + BODY], "outlet": ["X", "Y"]})
    pq.write_table(table, tmp_path / "c.parquet")
    arts = list(iter_articles([tmp_path / "c.parquet"], OPTS))
    assert [(a.id, a.outlet) for a in arts] == [("p1", "X"), ("p2", "Y")]


def test_parquet_record_over_the_size_cap_is_rejected_alone(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsprism.ingest.records import record_bytes

    big = BODY * 40
    table = pa.table({"id": ["p1", "p2", "p3"], "text": [BODY, big, "Other. " + BODY], "outlet": ["X", "Y", "Z"]})
    pq.write_table(table, tmp_path / "c.parquet")
    cap = len(big.encode("utf-8"))  # the big record is over it by its id and outlet
    errors: list[InputError] = []
    opts = OPTS.replace(max_bytes=cap)
    arts = list(iter_articles([tmp_path / "c.parquet"], opts, on_error=errors.append))
    assert [a.id for a in arts] == ["p1", "p3"]
    assert [e.code for e in errors] == ["E004"] and str(tmp_path / "c.parquet") + ":2" in errors[0].message
    assert record_bytes({"id": "p2", "text": big, "n": 3}) == cap + 2


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(BODY.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake)
    (art,) = list(iter_articles(["-"], OPTS))
    assert art.text == BODY and art.source == "<stdin>"


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "E002"), (b"  \n\t \r\n", "E002"), (b"\x00\x01\x02binary\x00" * 10, "E003"), (b"x" * 300, "E004")],
)
def test_unreadable_inputs(tmp_path: Path, data: bytes, code: str) -> None:
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(InputError) as exc:
        list(iter_articles([path], OPTS.replace(max_bytes=200)))
    assert exc.value.code == code


def test_missing_path() -> None:
    with pytest.raises(InputError) as exc:
        list(iter_articles(["/no/such/file.txt"], OPTS))
    assert exc.value.code == "E001"


def test_decoding_repairs(tmp_path: Path) -> None:
    utf16 = next(iter_articles([write(tmp_path / "u16.txt", BODY.encode("utf-16"))], OPTS))
    assert utf16.text == BODY and [w.code for w in utf16.warnings] == ["W001"]
    cp = next(
        iter_articles([write(tmp_path / "cp.txt", ("Caf\u00e9 \u201cquoted\u201d. " + BODY).encode("cp1252"))], OPTS)
    )
    assert cp.text.startswith("Caf\u00e9 \u201cquoted\u201d") and "W002" in [w.code for w in cp.warnings]
    crlf = next(iter_articles([write(tmp_path / "crlf.txt", BODY.replace(", ", ",\r\n"))], OPTS))
    assert "\r" not in crlf.text and "W003" in [w.code for w in crlf.warnings]


def test_clean_text_keeps_emoji_and_rtl_drops_invisible() -> None:
    text, warnings = clean_text("Hello\u200b world \U0001f600 \u05e9\u05dc\u05d5\u05dd\x07 e\u0301")
    assert text == "Hello world \U0001f600 \u05e9\u05dc\u05d5\u05dd \u00e9"
    assert {c for c, _ in warnings} == {"W004", "W005", "W006"}
    assert decode_bytes(b"\xef\xbb\xbfplain", "x") == ("plain", [])
