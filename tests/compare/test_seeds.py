"""The three seed articles, through the stages that exist now, form one story."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare import compare
from newsprism.ingest import article_from_text
from newsprism.model import Article, validate_offsets
from newsprism.options import load_options
from newsprism.pipeline import Pipeline
from newsprism.report.comparison import comparison_html, comparison_markdown


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path) -> list[Article]:
    opts = load_options()
    arts = [article_from_text(p.read_text(encoding="utf-8"), source=p.name) for p in sorted(seeds_dir.glob("*.txt"))]
    return list(Pipeline(opts).pipe(arts))


def test_seeds_form_one_story(seed_articles: list[Article]) -> None:
    comp = compare(seed_articles)
    assert len(seed_articles) == 3
    assert len(comp.stories) == 1
    story = comp.stories[0]
    assert sorted(story.articles) == sorted(a.id for a in seed_articles)
    assert "Harris" in story.label
    data = comp.to_json_dict()["stories"][0]
    texts = {a.id: a.text for a in seed_articles}
    for g in data["claim_groups"]:
        for m in g["members"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]
    for qg in data["quote_groups"]:
        for m in qg["members"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]
    # The seeds share few concrete facts; with real claims every article must at least own claim groups, so the
    # coverage matrix can say what each reports and the others omit. Cross-article alignment is tested on
    # synthetic articles in test_compare.py.
    assert {a for g in data["claim_groups"] for a in g["articles"]} == set(texts)
    assert set(data["coverage"]["omits"]) == set(texts)
    for a in seed_articles:
        assert validate_offsets(a) == []
    md = comparison_markdown(comp, seed_articles)
    html = comparison_html(comp, seed_articles)
    assert "Claims: who reports what" in md and "<table>" in html
