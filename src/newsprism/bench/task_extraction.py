"""``newsprism bench extraction``: article-body token F1 from plain text and from HTML.

Metric (the dataset README's): per page, precision/recall of the bag of 4-word shingles of ``\\w+``
tokens against ``articleBody``; P and R averaged over pages; F1 from the averages. The validation
split is the seeded 30% of pages (by page) that ``newsprism train boilerplate`` does not train on.
"""

from __future__ import annotations

from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files
from newsprism.datasets.extraction import Page, load_pages, split_pages
from newsprism.ingest.boilerplate import LineModel, shipped_model, strip_boilerplate_with
from newsprism.metrics import corpus_f1


def _plain(page: Page) -> str:
    return page.plain.read_text(encoding="utf-8", errors="replace")


def score_plain(pages: list[Page], model: LineModel | None) -> tuple[float, float, float]:
    """(P, R, F1) of boilerplate removal on the pages' whole-page plain text."""
    return corpus_f1([(strip_boilerplate_with(_plain(p), model)[0], p.body) for p in pages])


def score_keep_all(pages: list[Page]) -> tuple[float, float, float]:
    return corpus_f1([(_plain(p), p.body) for p in pages])


def score_html(pages: list[Page], boilerplate: bool = True) -> tuple[float, float, float]:
    """(P, R, F1) of the HTML ingest path (trafilatura favor_precision + boilerplate rules)."""
    from newsprism.ingest.html import extract_html

    out = []
    for p in pages:
        body = extract_html(p.html.read_text(encoding="utf-8", errors="replace"), boilerplate=boilerplate)["text"]
        out.append((body, p.body))
    return corpus_f1(out)


@evaluator("extraction", datasets=("extraction",))
def evaluate_extraction(ctx: BenchContext) -> list[Metric]:
    """Boilerplate removal / body extraction token F1 (plain text and HTML)."""
    pages = load_pages(ctx.data_dir)
    if ctx.split == "test":
        valid = pages
    else:
        _, valid = split_pages(pages, seed=13)
    files = [p.plain for p in valid] + [p.html for p in valid]
    data_hash = hash_files(files) if files else ""  # over the whole split, so quick and full runs share it
    if ctx.quick:
        valid = valid[:20]
    rows = []
    for name, (_, _, f1), ref, note in (
        ("plain_f1", score_plain(valid, shipped_model()), 0.709, "trafilatura 2.3 on plain text (held-out pages)"),
        ("plain_f1_rules_only", score_plain(valid, None), None, ""),
        ("plain_f1_keep_all", score_keep_all(valid), 0.684, "keeping everything (held-out pages)"),
        ("html_f1", score_html(valid), 0.964, "trafilatura 2.3 on HTML (held-out pages)"),
        ("html_f1_no_rules", score_html(valid, boilerplate=False), None, ""),
    ):
        rows.append(
            Metric("extraction", name, round(f1, 4), ref, note, n=len(valid), split=ctx.split, data_hash=data_hash)
        )
    return rows
