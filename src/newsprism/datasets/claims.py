"""Readers for the claim datasets (check-worthiness, subjectivity, BABE opinion) and their seeded splits."""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from pathlib import Path

from newsprism.errors import BenchError

CLAIMBUSTER = "claimbuster_train.json"
CLEF2019 = "clef2019_train.csv"
SUBJ_TRAIN = "train_en.tsv"
SUBJ_DEV = "dev_en.tsv"
BABE = "babe_train.csv"
VALID_SHARE = 0.2


@dataclass
class Example:
    text: str
    label: int
    group: str = ""  # debate file (CLEF) or "" when there is none


def _need(path: Path) -> Path:
    if not path.is_file():
        raise BenchError("E080", path=path)
    return path


def read_claimbuster(path: Path) -> list[Example]:
    """ClaimBuster 2.5xNCS JSON list: {sentence_id, label (1=check-worthy factual), text}."""
    rows = json.loads(_need(path).read_text(encoding="utf-8"))
    return [Example(str(r["text"]), int(r["label"]), "claimbuster") for r in rows]


def read_clef2019(path: Path) -> list[Example]:
    """CLEF CheckThat! 2019 Task 1 CSV: line_number, speaker, text, label, file_name (one debate per file)."""
    with _need(path).open(encoding="utf-8", newline="") as fh:
        return [Example(r["text"], int(r["label"]), r["file_name"]) for r in csv.DictReader(fh)]


def read_subjectivity(path: Path) -> list[Example]:
    """CheckThat! subjectivity TSV: sentence_id, sentence, label (SUBJ=1 / OBJ=0)."""
    with _need(path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Example(r["sentence"], int(r["label"] == "SUBJ")) for r in reader if r.get("label") in ("SUBJ", "OBJ")]


def read_babe_opinion(path: Path) -> list[Example]:
    """BABE ';'-separated CSV: label_opinion "Entirely factual" -> 0, writer's opinion / opinionated -> 1.

    Rows labelled "No agreement" (and malformed rows) are skipped.
    """
    out: list[Example] = []
    with _need(path).open(encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            lab = (r.get("label_opinion") or "").strip()
            text = (r.get("text") or "").strip()
            if not text:
                continue
            if lab == "Entirely factual":
                out.append(Example(text, 0))
            elif lab in ("Expresses writer’s opinion", "Somewhat factual but also opinionated"):
                out.append(Example(text, 1))
    return out


def split_claimbuster(rows: list[Example], seed: int) -> tuple[list[Example], list[Example]]:
    """Seeded 20% validation split by sentence."""
    idx = list(range(len(rows)))
    random.Random(seed).shuffle(idx)
    n_val = round(len(rows) * VALID_SHARE)
    val = set(idx[:n_val])
    return [r for i, r in enumerate(rows) if i not in val], [r for i, r in enumerate(rows) if i in val]


def validation_debates(rows: list[Example], seed: int) -> list[str]:
    """Seeded 20% of the CLEF debate files (at least one) held out for validation."""
    debates = sorted({r.group for r in rows})
    random.Random(seed).shuffle(debates)
    return sorted(debates[: max(1, round(len(debates) * VALID_SHARE))])


def split_clef(rows: list[Example], seed: int) -> tuple[list[Example], list[Example]]:
    """Split BY DEBATE file: whole debates go to validation."""
    val = set(validation_debates(rows, seed))
    return [r for r in rows if r.group not in val], [r for r in rows if r.group in val]


def checkworthiness_dir(data_dir: Path) -> Path:
    return data_dir / "checkworthiness" if (data_dir / "checkworthiness").is_dir() else data_dir
