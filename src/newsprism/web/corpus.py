"""Corpus page and API over a store: outlets × techniques, slant over time, top speakers, search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from newsprism.store import Store
from newsprism.store.query import QUESTIONS, ask, run_sql

SEARCH_SQL = (
    "SELECT id, outlet, published, title, slant_score, slant_label FROM articles "
    "WHERE lower(coalesce(title, '')) LIKE '%' || lower(?) || '%' OR lower(text) LIKE '%' || lower(?) || '%' "
    "ORDER BY published DESC NULLS LAST LIMIT 50"
)
TOP_SPEAKERS_SQL = (
    "SELECT speaker, count(*) AS quotes, count(DISTINCT outlet) AS outlets FROM quotes "
    "WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY quotes DESC LIMIT 20"
)


def _rows(columns: list[str], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [dict(zip(columns, r, strict=True)) for r in rows]


def search(store: Store, text: str) -> list[dict[str, Any]]:
    from newsprism.store.catalog import connect

    cur = connect(store).execute(SEARCH_SQL, [text, text])
    return _rows([d[0] for d in cur.description], cur.fetchall())


def corpus_view(store: Store) -> dict[str, Any]:
    """The numbers behind the corpus page."""
    tech = _rows(*ask(store, "techniques-per-outlet", []))
    outlets = sorted({str(r["outlet"]) for r in tech})
    techniques = sorted({str(r["technique"]) for r in tech})
    grid = {(str(r["outlet"]), str(r["technique"])): r["per_1000_words"] or 0.0 for r in tech}
    peak = max(grid.values(), default=0.0) or 1.0
    slant = _rows(*ask(store, "slant-over-time", []))
    total = _rows(*run_sql(store, "SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets FROM articles"))
    return {
        "totals": total[0] if total else {"articles": 0, "outlets": 0},
        "outlets": outlets,
        "techniques": techniques,
        "grid": {f"{o}|{t}": v for (o, t), v in grid.items()},
        "peak": peak,
        "slant": slant,
        "speakers": _rows(*run_sql(store, TOP_SPEAKERS_SQL)),
    }


def add_corpus_routes(app: FastAPI, env: Environment, root: Path) -> None:
    store = Store(root)

    @app.get("/corpus", response_class=HTMLResponse)
    def corpus_page(q: str | None = Query(None, max_length=200)) -> str:
        results = search(store, q) if q else None
        return env.get_template("corpus.html").render(
            view=corpus_view(store), q=q or "", results=results, has_store=True, version=app.version
        )

    @app.get("/api/corpus/questions")
    def api_questions() -> dict[str, str]:
        return {name: spec[1] for name, spec in QUESTIONS.items()}

    @app.get("/api/corpus/ask/{question}")
    def api_ask(question: str, arg: list[str] = Query(default=[])) -> dict[str, Any]:
        columns, rows = ask(store, question, arg)
        return {"columns": columns, "rows": [list(map(_jsonable, r)) for r in rows]}

    @app.get("/api/corpus/search")
    def api_search(q: str = Query(..., min_length=1, max_length=200)) -> list[dict[str, Any]]:
        return [{k: _jsonable(v) for k, v in r.items()} for r in search(store, q)]


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)
