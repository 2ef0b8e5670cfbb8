"""Readers for the training data in ../shared/data (allsides, hyperpartisan, babe); nothing is copied."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np


def data_file(root: Path, name: str, pattern: str) -> Path:
    """``root/name`` (the training portion's file name), else the one file matching ``pattern`` (a test portion
    laid out with its own names, e.g. ``articles-test-byarticle-*.xml``); E050 when none or several match."""
    from newsprism.errors import BenchError

    if (root / name).is_file():
        return root / name
    found = sorted(root.glob(pattern))
    if len(found) != 1:
        why = f"{root / name} (or one file matching {pattern!r}; found {len(found)})"
        raise BenchError("E050", task=root.name, path=why)
    return found[0]


def read_allsides(root: Path) -> list[dict[str, object]]:
    """Rows with text (title + body), label index, source."""
    rows = []
    with data_file(root, "media_train_valid.jsonl", "*.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            text = f"{d.get('title') or ''}\n{d.get('content_original') or ''}"
            rows.append({"text": text, "label": int(d["bias"]), "source": str(d.get("source", ""))})
    return rows


def media_split(sources: list[str], seed: int, frac: float = 0.25) -> np.ndarray:
    """Boolean mask of validation rows: a seeded ~``frac`` of OUTLETS (by article count) go to validation."""
    rng = np.random.default_rng(seed)
    uniq = sorted(set(sources))
    order = rng.permutation(len(uniq))
    counts = {s: 0 for s in uniq}
    for s in sources:
        counts[s] += 1
    target, total, val = frac * len(sources), 0, set()
    for i in order:
        if total >= target:
            break
        val.add(uniq[i])
        total += counts[uniq[i]]
    return np.array([s in val for s in sources])


def read_hyperpartisan(root: Path) -> list[dict[str, object]]:
    """SemEval-2019 by-article: text and label (1 = hyperpartisan)."""
    from lxml import etree

    truth = {}
    truth_file = data_file(root, "ground-truth-training-byarticle-20181122.xml", "ground-truth-*byarticle*.xml")
    for _, el in etree.iterparse(str(truth_file), tag="article"):
        truth[el.get("id")] = el.get("hyperpartisan") == "true"
        el.clear()
    rows = []
    articles_file = data_file(root, "articles-training-byarticle-20181122.xml", "articles-*byarticle*.xml")
    for _, el in etree.iterparse(str(articles_file), tag="article"):
        text = (el.get("title") or "") + "\n" + " ".join(el.itertext())
        rows.append({"text": re.sub(r"\s+", " ", text), "label": int(truth[el.get("id")])})
        el.clear()
    return rows


def read_babe(root: Path) -> Iterator[dict[str, object]]:
    """BABE sentences with label 1 = Biased (rows with no agreed label are skipped)."""
    with data_file(root, "babe_train.csv", "*.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            lab = row.get("label_bias")
            if lab in ("Biased", "Non-biased"):
                yield {"text": row["text"], "label": int(lab == "Biased"), "outlet": row.get("outlet", "")}


def seeded_split(n: int, seed: int, frac: float = 0.2) -> np.ndarray:
    """Boolean validation mask over ``n`` rows."""
    rng = np.random.default_rng(seed)
    mask = np.zeros(n, dtype=bool)
    mask[rng.permutation(n)[: round(frac * n)]] = True
    return mask
