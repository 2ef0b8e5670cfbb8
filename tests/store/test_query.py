"""Ready questions and read-only SQL give the rows a user asks for, and coded errors otherwise."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsprism.errors import StoreError
from newsprism.model import Article, Claim, NumberMention, Quote, Slant, Speaker, Technique
from newsprism.store import Store
from newsprism.store.dedup import update_duplicates
from newsprism.store.query import DEFAULT_TIMEOUT, QUESTIONS, ask, run_sql
from newsprism.store.stories import STORY_SCHEMA

from .conftest import new_store

LINE = "We will build the river bridge this year"  # 40 characters, printed by two outlets


def article(aid: str, outlet: str | None, published: str | None, speaker: str, slant: str) -> Article:
    text = f'"{LINE}," {speaker} said. Costs rose 5 percent. It is a shameful disaster for {aid}.'
    q0 = text.index(LINE)
    c0 = text.index("Costs")
    t0 = text.index("shameful")
    return Article(
        id=aid,
        outlet=outlet,
        published=published,
        text=text,
        quotes=[
            Quote(text=LINE, start=q0, end=q0 + len(LINE), kind="direct", speaker=Speaker(name=speaker)),
            Quote(text="short", start=0, end=5, kind="term"),
        ],
        claims=[
            Claim(
                text="Costs rose 5 percent.",
                start=c0,
                end=c0 + 21,
                checkworthiness=0.8,
                subjectivity=0,
                type="n",
                numbers=[NumberMention(text="5", start=c0 + 11, end=c0 + 12, value=5)],
            ),
            Claim(
                text=f"It is a shameful disaster for {aid}.",
                start=t0 - 8,
                end=len(text),
                checkworthiness=0.1,
                subjectivity=0.9,
                type="o",
            ),
        ],
        techniques=[
            Technique(text="shameful", start=t0, end=t0 + 8, technique="loaded", score=0.9, explanation="e"),
            Technique(
                text="disaster", start=t0 + 9, end=t0 + 17, technique="loaded", score=0.2, explanation="e", shown=False
            ),
        ],
        slant=Slant(label=slant, score=0.5 if slant == "right" else -0.25, confidence=0.9),  # type: ignore[arg-type]
    )


WRITERS = {"Daily": [("a1", "Ann Lee"), ("a3", "Dr. Ann Leeds")], "Herald": [("a2", "Bob Ray")], None: [("a4", "X")]}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    root = tmp_path_factory.mktemp("q") / "st"
    store = new_store(
        root,
        {
            "p00000000": [
                article("a1", "Daily", "2024-03-02", "Ann Lee", "left"),
                article("a2", "Herald", "2024-03-09", "Bob Ray", "right"),
            ],
            "p00000001": [
                article("a3", "Daily", None, "Dr. Ann Leeds", "left"),
                article("a4", None, "2024-04-01", "X", "right"),
            ],
        },
    )
    update_duplicates(store)
    rows = [
        {
            "id": "a1",
            "story": 0,
            "story_size": 2,
            "story_label": "Bridge",
            "first_day": "2024-03-02",
            "last_day": "2024-03-09",
        },
        {
            "id": "a2",
            "story": 0,
            "story_size": 2,
            "story_label": "Bridge",
            "first_day": "2024-03-02",
            "last_day": "2024-03-09",
        },
        {"id": "a3", "story": 1, "story_size": 1, "story_label": "Other", "first_day": None, "last_day": None},
        {
            "id": "a4",
            "story": 2,
            "story_size": 1,
            "story_label": "",
            "first_day": "2024-04-01",
            "last_day": "2024-04-01",
        },
    ]
    store.stories_path.parent.mkdir()
    pq.write_table(pa.Table.from_pylist(rows, schema=STORY_SCHEMA), store.stories_path)
    return store


def test_quotes_by_speaker_matches_part_of_the_name_any_case(store: Store) -> None:
    cols, rows = ask(store, "quotes-by-speaker", ["ann LEE"])
    assert cols == ["speaker", "outlet", "published", "article_id", "text"]
    assert rows == [("Ann Lee", "Daily", "2024-03-02", "a1", LINE), ("Dr. Ann Leeds", "Daily", None, "a3", LINE)]


def test_same_quote_across_outlets(store: Store) -> None:
    cols, rows = ask(store, "same-quote-across-outlets", [])
    assert cols == ["quote", "outlets", "outlet_list", "n"]
    assert rows == [(LINE.lower(), 2, rows[0][2], 4)] and sorted(rows[0][2].split(" | ")) == ["Daily", "Herald"]


def test_techniques_per_outlet_count_shown_spans_per_1000_words(store: Store) -> None:
    cols, rows = ask(store, "techniques-per-outlet", [])
    assert cols == ["outlet", "technique", "n", "per_1000_words"]
    words = {o: sum(len(article(a, o, None, s, "left").text.split()) for a, s in ids) for o, ids in WRITERS.items()}
    assert rows == [
        ("Daily", "loaded", 2, round(2000 / words["Daily"], 3)),
        ("Herald", "loaded", 1, round(1000 / words["Herald"], 3)),
        (None, "loaded", 1, round(1000 / words[None], 3)),
    ]
    assert words["Daily"] != words["Herald"]


def test_slant_over_time(store: Store) -> None:
    cols, rows = ask(store, "slant-over-time", [])
    assert cols == ["month", "outlet", "slant_label", "n", "mean_score"]
    assert rows == [
        ("2024-03", "Daily", "left", 1, -0.25),
        ("2024-03", "Herald", "right", 1, 0.5),
        ("2024-04", None, "right", 1, 0.5),
        (None, "Daily", "left", 1, -0.25),
    ]


def test_claims_with_number_optionally_containing_a_word(store: Store) -> None:
    cols, rows = ask(store, "claims-with-number", [])
    assert cols == ["outlet", "published", "article_id", "text"]
    assert [r[2] for r in rows] == ["a1", "a2", "a4", "a3"]
    assert {r[3] for r in rows} == {"Costs rose 5 percent."}
    assert [r[2] for r in ask(store, "claims-with-number", ["COSTS"])[1]] == ["a1", "a2", "a4", "a3"]
    assert ask(store, "claims-with-number", ["bridge"])[1] == []


def test_stories_covered_by_more_than_one_article(store: Store) -> None:
    cols, rows = ask(store, "stories", [])
    assert cols == ["story", "label", "articles", "outlets", "outlet_list", "first_day", "last_day"]
    assert len(rows) == 1 and rows[0][:4] == (0, "Bridge", 2, 2) and rows[0][5:] == ("2024-03-02", "2024-03-09")


def test_question_names_and_argument_counts_are_checked(store: Store) -> None:
    with pytest.raises(StoreError) as err:
        ask(store, "nope", [])
    assert err.value.code == "E120" and err.value.fields == {"name": "nope", "known": ", ".join(QUESTIONS)}
    with pytest.raises(StoreError) as err:
        ask(store, "slant-over-time", ["x"])
    assert err.value.code == "E121" and err.value.fields == {"name": "slant-over-time", "expected": 0, "got": 1}
    assert [q[2] for q in QUESTIONS.values()] == [1, 0, 0, 0, -1, 0]
    assert DEFAULT_TIMEOUT == 300.0


def test_a_question_over_a_shard_damaged_inside_is_e131(store: Store, tmp_path: Path) -> None:
    import shutil

    copy = Store(shutil.copytree(store.root, tmp_path / "c"))
    path = copy.shard_path("quotes", "p00000000")
    data = bytearray(path.read_bytes())
    end = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    data[4:end] = b"\xff" * (end - 4)  # pages garbled, footer intact
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as err:
        ask(copy, "quotes-by-speaker", ["a"])
    assert err.value.code == "E131" and err.value.fields["path"] == str(copy.root)
    assert str(err.value.fields["reason"]).startswith("Error: ")  # DuckDB's error type, then its message


def test_question_time_limit(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.store import query

    slow = "SELECT count(*) AS n FROM range(100000000000) a, range(10) b WHERE ? = ?"
    monkeypatch.setitem(query.QUESTIONS, "slow", (slow, "", -1))
    with pytest.raises(StoreError) as err:
        ask(store, "slow", [], timeout=0.2)
    assert err.value.code == "E132"


def test_sql_returns_columns_and_rows(store: Store) -> None:
    cols, rows = run_sql(store, "SELECT id, outlet FROM articles ORDER BY id LIMIT 2")
    assert cols == ["id", "outlet"] and rows == [("a1", "Daily"), ("a2", "Herald")]
    assert run_sql(store, "SELECT count(*) AS n FROM duplicates") == (["n"], [(0,)])


def test_sql_refuses_anything_but_one_select(store: Store) -> None:
    for sql, reason in (
        ("DELETE FROM articles", "only one SELECT statement is allowed"),
        ("SELECT 1; SELECT 2", "only one SELECT statement is allowed"),
        ("", "only one SELECT statement is allowed"),
    ):
        with pytest.raises(StoreError) as err:
            run_sql(store, sql)
        assert err.value.code == "E122" and err.value.fields == {"reason": reason}
    with pytest.raises(StoreError) as err:
        run_sql(store, "SELEC 1")
    assert err.value.code == "E122" and "syntax error" in str(err.value.fields["reason"])
    with pytest.raises(StoreError) as err:
        run_sql(store, "SELECT * FROM no_table")
    assert err.value.code == "E122" and "no_table" in str(err.value.fields["reason"])


def test_sql_reaches_no_file_outside_the_views(store: Store, tmp_path: Path) -> None:
    other = tmp_path / "x.csv"
    other.write_text("a\n1\n")
    for sql in (f"SELECT * FROM read_csv('{other}')", f"SELECT * FROM '{other}'"):
        with pytest.raises(StoreError) as err:
            run_sql(store, sql)
        assert err.value.code == "E122"


def test_sql_time_limit(store: Store) -> None:
    with pytest.raises(StoreError) as err:
        run_sql(store, "SELECT count(*) FROM range(100000000000) a, range(10) b", timeout=0.2)
    assert err.value.code == "E132"


def test_sql_on_a_store_whose_path_has_a_quote(store: Store, tmp_path: Path) -> None:
    import shutil

    copy = Store(shutil.copytree(store.root, tmp_path / "it's here"))
    assert run_sql(copy, "SELECT count(*) AS n FROM articles") == (["n"], [(4,)])


def test_a_shard_lost_after_the_catalog_was_built_is_e131_not_a_query_error(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from newsprism.store import query

    copy = Store(shutil.copytree(store.root, tmp_path / "c"))
    real = query.connect

    def connect_then_lose(s: Store) -> object:
        con = real(s)
        copy.shard_path("articles", "p00000001").unlink(missing_ok=True)
        return con

    monkeypatch.setattr(query, "connect", connect_then_lose)
    with pytest.raises(StoreError) as err:
        run_sql(copy, "SELECT count(*) FROM articles")
    assert err.value.code == "E131" and err.value.fields["path"] == str(copy.root)
    assert str(copy.shard_path("articles", "p00000001").resolve()) in str(err.value.fields["reason"])


def test_an_invalid_input_in_the_users_sql_is_e122(store: Store) -> None:
    with pytest.raises(StoreError) as err:
        run_sql(store, "SELECT regexp_matches('a', '(')")
    assert err.value.code == "E122" and "missing )" in str(err.value.fields["reason"])
