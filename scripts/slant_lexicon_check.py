"""How far the slant lexicon score separates AllSides left from right articles (docs/slant.md, "Presentation").

Usage: .venv/bin/python scripts/slant_lexicon_check.py [DATA_DIR]   (DATA_DIR holds allsides/media_train_valid.jsonl)
Prints, for the training and the validation outlets (media split, seed 13): articles, median score per class
and overall, and the AUC of the score for right vs left articles.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from newsprism.bench.registry import default_data_dir
from newsprism.datasets.slant import media_split, read_allsides
from newsprism.slant.score import LABELS, lexicon_center, lexicon_score, phrase_matches, phrases


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default_data_dir()
    rows = read_allsides(root / "allsides")
    valid = media_split([str(r["source"]) for r in rows], 13)
    lex, center = phrases(), lexicon_center()
    scores = np.array([lexicon_score(phrase_matches(str(r["text"]), lex), center) for r in rows])
    labels = np.array([int(str(r["label"])) for r in rows])
    for name, part in (("training outlets", ~valid), ("validation outlets", valid)):
        s, y = scores[part], labels[part]
        per = ", ".join(f"{LABELS[k]} {np.median(s[y == k]):+.3f}" for k in range(3))
        lr = y != 1
        auc = roc_auc_score(y[lr] == 2, s[lr])
        print(f"{name}: {part.sum()} articles; median score {np.median(s):+.3f} ({per}); AUC right vs left {auc:.3f}")


if __name__ == "__main__":
    main()
