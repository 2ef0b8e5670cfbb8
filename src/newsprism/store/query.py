"""Ready questions and read-only SQL over the store's catalog."""

from __future__ import annotations

from typing import Any

import duckdb

from newsprism.errors import StoreError
from newsprism.store.catalog import connect, time_limit
from newsprism.store.layout import Store

DEFAULT_TIMEOUT = 300.0  # seconds a query may run (query --timeout; 0 = no limit)
QUESTIONS: dict[str, tuple[str, str, int]] = {
    # name: (SQL with ? parameters, help, number of arguments)
    "quotes-by-speaker": (
        "SELECT speaker, outlet, published, article_id, text FROM quotes "
        "WHERE lower(speaker) LIKE '%' || lower(?) || '%' ORDER BY published NULLS LAST, article_id, idx",
        "quotes whose resolved speaker name contains NAME",
        1,
    ),
    "same-quote-across-outlets": (
        "SELECT lower(regexp_replace(text, '\\W+', ' ', 'g')) AS quote, count(DISTINCT outlet) AS outlets, "
        "string_agg(DISTINCT outlet, ' | ') AS outlet_list, count(*) AS n FROM quotes "
        "WHERE length(text) >= 20 GROUP BY 1 HAVING count(DISTINCT outlet) > 1 ORDER BY outlets DESC, n DESC",
        "the same quote text (normalised) printed by more than one outlet",
        0,
    ),
    "techniques-per-outlet": (
        "SELECT a.outlet, t.technique, count(*) AS n, round(1000.0 * count(*) / any_value(w.words), 3) "
        "AS per_1000_words FROM techniques t JOIN articles a ON a.id = t.article_id "
        "JOIN (SELECT outlet, sum(n_words) AS words FROM articles GROUP BY outlet) w ON w.outlet IS NOT DISTINCT "
        "FROM a.outlet WHERE t.shown IS NOT FALSE GROUP BY a.outlet, t.technique ORDER BY a.outlet, n DESC",
        "shown persuasion-technique counts per outlet (and per 1,000 words of that outlet)",
        0,
    ),
    "slant-over-time": (
        "SELECT substr(published, 1, 7) AS month, outlet, slant_label, count(*) AS n, round(avg(slant_score), 3) "
        "AS mean_score FROM articles WHERE slant_label IS NOT NULL GROUP BY ALL ORDER BY month NULLS LAST, outlet",
        "slant labels per month and outlet",
        0,
    ),
    "claims-with-number": (
        "SELECT outlet, published, article_id, text FROM claims WHERE has_number "
        "AND (? = '' OR lower(text) LIKE '%' || lower(?) || '%') ORDER BY published NULLS LAST, article_id, idx",
        "claims that mention a number (optionally containing WORD)",
        -1,
    ),
    "stories": (
        "SELECT s.story, any_value(s.story_label) AS label, count(*) AS articles, count(DISTINCT a.outlet) AS outlets, "
        "string_agg(DISTINCT a.outlet, ' | ') AS outlet_list, min(s.first_day) AS first_day, "
        "max(s.last_day) AS last_day FROM stories s JOIN articles a ON a.id = s.id GROUP BY s.story "
        "HAVING count(*) > 1 ORDER BY outlets DESC, articles DESC, s.story",
        "stories covered by more than one article, with their outlets and dates",
        0,
    ),
}


def ask(
    store: Store, question: str, args: list[str], timeout: float | None = DEFAULT_TIMEOUT
) -> tuple[list[str], list[tuple[Any, ...]]]:
    if question not in QUESTIONS:
        raise StoreError("E120", name=question, known=", ".join(QUESTIONS))
    sql, _help, nargs = QUESTIONS[question]
    if nargs == -1:  # one optional argument used twice
        params: list[str] = [args[0] if args else ""] * 2
    else:
        if len(args) != nargs:
            raise StoreError("E121", name=question, expected=nargs, got=len(args))
        params = list(args)
    con = connect(store)
    try:
        with time_limit(con, timeout):
            cur = con.execute(sql, params)
            return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as exc:  # a shard damaged after the catalog was built
        raise StoreError("E131", path=str(store.root), reason=f"{type(exc).__name__}: {exc}") from exc


def run_sql(store: Store, sql: str, timeout: float | None = DEFAULT_TIMEOUT) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one read-only SELECT (DuckDB's parser decides; anything else is refused), stopped after ``timeout`` s."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError("E122", reason=str(exc)) from exc
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
        raise StoreError("E122", reason="only one SELECT statement is allowed")
    con = connect(store)
    # the views read the store's files; nothing else on disk is reachable from user SQL
    root = str(store.root.resolve()).replace("'", "''")
    con.execute(f"SET allowed_directories = ['{root}/']")
    con.execute("SET enable_external_access = false")
    try:
        with time_limit(con, timeout):
            cur = con.execute(sql)
            return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as exc:
        if isinstance(exc, duckdb.IOException | duckdb.InvalidInputException) and str(store.root.resolve()) in str(exc):
            raise StoreError("E131", path=str(store.root), reason=str(exc)) from exc  # a shard, not the query
        raise StoreError("E122", reason=str(exc)) from exc
