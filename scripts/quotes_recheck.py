"""Re-run a judged blind quote sample with the current quotes code (issue 19): for each drawn item, is it still shown
with the same span and speaker ("same"), shown with another span or speaker ("changed"), or no longer shown?

This is the extractor author's own re-reading aid, not a blind judgement: the counts say what changed, never whether
the change is right. Offsets and ids only are read from the sample; article text comes from ../shared.

    .venv/bin/python scripts/quotes_recheck.py                       # round 3 (sample_r3 / judgements_r3)
    .venv/bin/python scripts/quotes_recheck.py --sample S --judgements J
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from draw_quote_sample import DATA, valid_records  # noqa: E402

SAMPLES = ROOT / "benchmarks" / "quotes_sample"


def shown_quotes(ids: list[str], texts: dict[str, str], cache: Path) -> dict[str, list[Any]]:
    """The shown quotations of each article (spaCy docs parsed once and cached as a DocBin)."""
    from spacy.tokens import DocBin

    from newsprism.model import Article
    from newsprism.options import load_options
    from newsprism.quotes.build import quotes_for
    from newsprism.quotes.confidence import shown
    from newsprism.stages.nlp import pipeline

    nlp = pipeline(load_options().spacy_model)
    if not cache.exists():
        db = DocBin(store_user_data=False)
        for doc in nlp.pipe((texts[i] for i in ids), batch_size=8):
            db.add(doc)
        db.to_disk(cache)
    docs = dict(zip(ids, DocBin().from_disk(cache).get_docs(nlp.vocab), strict=True))
    out = {}
    for i in ids:
        quotes, _ = quotes_for(Article(id=i, text=texts[i]), docs[i])
        out[i] = [q for q in quotes if shown(q)]
    return out


def status(item: dict[str, Any], quotes: list[Any]) -> str:
    """same / changed -> [start,end] kind speaker / not shown."""
    same = [q for q in quotes if (q.start, q.end) == (item["start"], item["end"])]
    if same and (same[0].speaker.name if same[0].speaker else None) == item["speaker"]:
        return "same"
    near = [q for q in quotes if q.start < item["end"] and item["start"] < q.end]
    if not near:
        return "not shown"
    q = near[0]
    return f"changed -> [{q.start},{q.end}] {q.kind} speaker={q.speaker.name if q.speaker else None!r}"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sample", type=Path, default=SAMPLES / "sample_r3.jsonl")
    ap.add_argument("--judgements", type=Path, default=SAMPLES / "judgements_r3.jsonl")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsprism_quotes_recheck.spacy"))
    args = ap.parse_args()
    items = [json.loads(x) for x in args.sample.read_text(encoding="utf-8").splitlines() if x.strip()]
    items = [x for x in items if not x.get("meta")]
    judged = {j["n"]: j for j in map(json.loads, args.judgements.read_text(encoding="utf-8").splitlines())}
    ids = sorted({x["record_id"] for x in items})
    records = valid_records(DATA)
    quotes = shown_quotes(ids, {i: records[i]["content_original"] for i in ids}, args.cache)
    counts: dict[tuple[bool, str], int] = {}
    for item in items:
        j = judged[item["n"]]
        right = bool(j["real_quote"] and j["right_span"] and j["right_speaker"])
        st = status(item, quotes[item["record_id"]])
        counts[(right, st.split(" ->")[0])] = counts.get((right, st.split(" ->")[0]), 0) + 1
        if st != "same":
            print(item["n"], "judged right" if right else "judged wrong", st, "| note:", j.get("note", "")[:80])
    for right in (False, True):
        parts = ", ".join(f"{k} {counts.get((right, k), 0)}" for k in ("same", "changed", "not shown"))
        print(f"judged {'right' if right else 'wrong'}: {parts}")


if __name__ == "__main__":
    main()
