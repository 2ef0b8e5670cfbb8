"""Corpus page and API over a store: outlets × techniques, slant over time, top speakers, search."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse

from newsprism.report.truncation import truncated
from newsprism.store import Store
from newsprism.store.query import QUESTIONS, ask, run_sql
from newsprism.titles import title_of
from newsprism.web.context import web
from newsprism.web.errors import LOOKUP_RESPONSES

NO_OUTLET = "(no outlet)"
SPEAKERS_REST = "newsprism query --store DIR quotes-by-speaker NAME asks about any speaker"
SEARCH_LIMIT = 50
SPEAKERS_LIMIT = 20
SEARCH_SQL = (
    "SELECT id, outlet, published, title, slant_score, slant_label, substr(text, 1, 2000) AS head, "
    "count(*) OVER () AS total FROM articles "
    "WHERE lower(coalesce(title, '')) LIKE '%' || lower(?) || '%' OR lower(text) LIKE '%' || lower(?) || '%' "
    f"ORDER BY published DESC NULLS LAST LIMIT {SEARCH_LIMIT}"
)
TOP_SPEAKERS_SQL = (
    "SELECT speaker, count(*) AS quotes, count(DISTINCT outlet) AS outlets, count(*) OVER () AS total FROM quotes "
    f"WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY quotes DESC LIMIT {SPEAKERS_LIMIT}"
)
TOTALS_SQL = (
    "SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets, count(*) - count(outlet) AS no_outlet "
    "FROM articles"
)


def _rows(columns: list[str], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [dict(zip(columns, r, strict=True)) for r in rows]


def _search(store: Store, text: str) -> list[dict[str, Any]]:
    from newsprism.store.catalog import connect

    cur = connect(store).execute(SEARCH_SQL, [text, text])
    return _rows([d[0] for d in cur.description], cur.fetchall())


def search(store: Store, text: str) -> list[dict[str, Any]]:
    """The matching articles, newest first (at most ``SEARCH_LIMIT``): what the search API returns."""
    return [{k: v for k, v in r.items() if k not in ("head", "total")} for r in _search(store, text)]


def search_view(store: Store, text: str) -> dict[str, Any]:
    """The search results as the page shows them: each with its display title (never a path; an untitled
    article by its first headline-like line), how many matched and the line saying how many are shown."""
    rows = _search(store, text)
    total = int(rows[0]["total"]) if rows else 0
    for r in rows:
        r["display_title"] = title_of(r["title"], r.pop("head") or "", str(r["id"]))
    rest = "narrow the search to see the others"
    return {"rows": rows, "total": total, "note": truncated(len(rows), total, "matching articles (newest first)", rest)}


def stored_article(store: Store, article_id: str) -> dict[str, Any] | None:
    from newsprism.store.catalog import connect

    cur = connect(store).execute("SELECT * FROM articles WHERE id = ? LIMIT 1", [article_id])
    rows = _rows([d[0] for d in cur.description], cur.fetchall())
    return rows[0] if rows else None


def corpus_view(store: Store) -> dict[str, Any]:
    """The numbers behind the corpus page; a missing outlet is shown as "(no outlet)", never "None"."""
    tech = _rows(*ask(store, "techniques-per-outlet", []))
    name = lambda o: NO_OUTLET if o is None else str(o)  # noqa: E731
    outlets = sorted({name(r["outlet"]) for r in tech})
    techniques = sorted({str(r["technique"]) for r in tech})
    grid = {(name(r["outlet"]), str(r["technique"])): r["per_1000_words"] or 0.0 for r in tech}
    peak = max(grid.values(), default=0.0) or 1.0
    slant = _rows(*ask(store, "slant-over-time", []))
    total = _rows(*run_sql(store, TOTALS_SQL))
    speakers = _rows(*run_sql(store, TOP_SPEAKERS_SQL))
    speakers_total = int(speakers[0]["total"]) if speakers else 0
    return {
        "totals": total[0] if total else {"articles": 0, "outlets": 0, "no_outlet": 0},
        "outlets": outlets,
        "techniques": techniques,
        "grid": {f"{o}|{t}": v for (o, t), v in grid.items()},
        "peak": peak,
        "slant": slant,
        "speakers": speakers,
        "speakers_note": truncated(len(speakers), speakers_total, "speakers (most quoted first)", SPEAKERS_REST),
    }


def add_corpus_routes(app: FastAPI, root: Path) -> None:
    store = Store(root)

    def page(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        return web(request).page(name, request, status, **context)

    @app.get("/corpus", response_class=HTMLResponse, include_in_schema=False)
    def corpus_page(request: Request, q: str | None = Query(None, max_length=200)) -> HTMLResponse:
        results = search_view(store, q) if q else None
        return page("corpus.html", request, view=corpus_view(store), q=q or "", results=results)

    @app.get("/corpus/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def corpus_article(request: Request, article_id: str) -> HTMLResponse:
        """One stored article: its full report when the store keeps the record, else its text."""
        from newsprism.model import Article
        from newsprism.report import render_articles
        from newsprism.web.pages import with_nav

        row = stored_article(store, article_id)
        if row is None:
            return page("message.html", request, 404, title="Not found", text="No article with this id in the store.")
        if row.get("record"):
            html = render_articles([Article.model_validate(json.loads(row["record"]))], "html")
            nav = '<nav class="np-nav"><strong>newsprism</strong> <a href="/">home</a> <a href="/corpus">← corpus</a>'
            nav += "</nav>"
            return HTMLResponse(with_nav(html, nav, request.state.csp_nonce))
        return page("stored.html", request, row=row, title=title_of(row.get("title"), row.get("text") or "", row["id"]))

    @app.get("/api/corpus/questions")
    def api_questions() -> dict[str, str]:
        return {name: spec[1] for name, spec in QUESTIONS.items()}

    @app.get("/api/corpus/ask/{question}", responses=LOOKUP_RESPONSES)
    def api_ask(question: str, arg: list[str] = Query(default=[])) -> dict[str, Any]:
        columns, rows = ask(store, question, arg)
        return {"columns": columns, "rows": [list(map(_jsonable, r)) for r in rows]}

    @app.get("/api/corpus/search", responses=LOOKUP_RESPONSES)
    def api_search(q: str = Query(..., min_length=1, max_length=200)) -> list[dict[str, Any]]:
        return [{k: _jsonable(v) for k, v in r.items()} for r in search(store, q)]


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)
