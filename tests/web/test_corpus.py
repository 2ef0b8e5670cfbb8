"""Corpus page and API over a real (small) store built from the seeds."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.batch import ingest
from newsprism.options import load_options


@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[TestClient]:
    from newsprism.web import create_app

    tmp = tmp_path_factory.mktemp("corpus")
    src = tmp / "seeds.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i, path in enumerate(sorted(seeds_dir.glob("*.txt"))):
            fh.write(
                json.dumps(
                    {
                        "id": path.stem,
                        "outlet": f"Outlet {i} <b>" if i < 2 else None,  # the third has no outlet
                        "date": f"2021-0{i + 3}-01",
                        "text": path.read_text(encoding="utf-8"),
                    }
                )
                + "\n"
            )
    stages = ("nlp", "quotes", "techniques", "slant")
    ingest([str(src)], str(tmp / "store"), load_options(stages=stages), batch_size=2)
    opts = load_options(stages=stages, web_workers=0, web_jobs_dir=str(tmp / "jobs"))
    with TestClient(create_app(opts, store=tmp / "store"), base_url="http://localhost") as client:
        yield client


def test_corpus_page_shows_charts_and_escapes(corpus_client: TestClient) -> None:
    page = corpus_client.get("/corpus").text
    assert "3 articles from 2 outlets (1 article without an outlet)." in page
    assert ">None<" not in page and "(no outlet)" in page
    assert not re.search(r"\b1 (quotes|outlets|articles|results)\b", page)
    assert 'id="top-speakers"' in page
    assert "Outlet 0 &lt;b&gt;" in page and "Outlet 0 <b>" not in page
    # no lean line: the phrase balance is shown as a number with the reason it is not a lean
    table = page[page.index('id="slant-over-time"') :]
    assert table.index("partisan-phrase balance (mean; not a lean: Lean: not shown") < table.index("classifier label")
    assert re.search(r"<td>[+-]\d\.\d\d</td>", table) and "leans" not in page


def test_corpus_search_and_api(corpus_client: TestClient) -> None:
    page = corpus_client.get("/corpus", params={"q": "Guatemala"}).text
    assert "2 results for" in page and "How Kamala Harris Can Mitigate" in page
    links = re.findall(r'<a href="(/corpus/articles/[^"]+)">', page)
    assert len(links) == 2
    article = corpus_client.get(links[0].replace("&amp;", "&"))
    assert article.status_code == 200 and 'href="/corpus"' in article.text
    assert corpus_client.get("/corpus/articles/no-such-id").status_code == 404
    one = corpus_client.get("/corpus", params={"q": "Honduras"}).text
    assert "1 result for" in one
    assert "lean not shown" in page and "classifier: " in page and "wording: " not in page
    found = corpus_client.get("/api/corpus/search", params={"q": "Honduras"}).json()
    assert [r["id"][:3] for r in found] == ["002"]
    questions = corpus_client.get("/api/corpus/questions").json()
    assert "quotes-by-speaker" in questions
    rows = corpus_client.get("/api/corpus/ask/quotes-by-speaker", params={"arg": "Sanders"}).json()["rows"]
    assert rows and all("sanders" in r[0].lower() for r in rows)
    bad = corpus_client.get("/api/corpus/ask/no-such-question")
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "E120"


def test_capped_corpus_tables_say_so_only_when_cut(corpus_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.web import corpus

    page = corpus_client.get("/corpus", params={"q": "Guatemala"}).text
    assert "Showing" not in page
    monkeypatch.setattr(corpus, "SEARCH_SQL", corpus.SEARCH_SQL.replace(f"LIMIT {corpus.SEARCH_LIMIT}", "LIMIT 1"))
    monkeypatch.setattr(corpus, "TOP_SPEAKERS_SQL", corpus.TOP_SPEAKERS_SQL.replace("LIMIT 20", "LIMIT 1"))
    page = corpus_client.get("/corpus", params={"q": "Guatemala"}).text
    assert "2 results for" in page and "Showing 1 of 2 matching articles (newest first)" in page
    assert re.search(r"Showing 1 of \d+ speakers \(most quoted first\)", page)
    assert [r["id"][:3] for r in corpus_client.get("/api/corpus/search", params={"q": "Honduras"}).json()] == ["002"]
    assert "head" not in corpus_client.get("/api/corpus/search", params={"q": "Honduras"}).json()[0]
