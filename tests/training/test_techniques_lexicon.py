"""Per-row lexicon counts on PTC-like articles (issue 27): a match counts when it overlaps a gold SI span."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.datasets.ptc import PtcArticle
from newsprism.techniques import neutral as lex
from newsprism.training.techniques_lexicon import row_counts


def test_row_counts_match_against_gold_spans() -> None:
    text = "A witch hunt. Another witch hunt. Then the regime spoke."
    second = text.index("witch hunt", 5)
    arts = [PtcArticle("a1", text, si=[(second, second + 5)])]
    entries = tuple(lex.read_tsv(lex.LEXICON_PATH))
    counts = {k: (hits, n) for k, _, hits, n in row_counts(arts, entries)}
    assert counts["witch hunt"] == (1, 2) and counts["regime"] == (0, 1)
    assert counts["hoax"] == (0, 0) and len(counts) == len({e.key for e in entries})


def test_shipped_file_names_its_protocol() -> None:
    path = Path(lex.__file__).resolve().parents[1] / "models" / "techniques" / "lexicon_scores.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "training articles" in data["protocol"] and data["seed"] == 13
