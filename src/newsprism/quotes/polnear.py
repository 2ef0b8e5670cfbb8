"""PolNeAR reader (brat standoff) and span scoring for attribution (source, cue, content).

PolNeAR (Newell et al., LREC 2018) annotates every attribution: ``T`` lines are Source/Cue/Content
spans (character offsets into ``text/<name>.txt``, discontinuous pieces joined by ``;``) and ``E``
lines link them into one attribution. Some articles have several annotators' files
(``<name>_<annotator>.ann``): the first in sorted order is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("source", "cue", "content")
EDGE = " \t\n.,;:!?“”\"‘’'()[]—–-"  # ignored at span edges when comparing (quote marks, punctuation)
ANN_RE = re.compile(r"^(?P<name>.+)_[0-9a-f]{4}\.ann$")


@dataclass
class PolnearDoc:
    name: str
    text: str
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def articles(root: Path) -> dict[str, tuple[Path, Path]]:
    """name -> (text file, annotation file) for one compartment (e.g. ``polnear/train``)."""
    out: dict[str, tuple[Path, Path]] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        m = ANN_RE.match(ann.name)
        name = m.group("name") if m else ann.stem
        txt = root / "text" / f"{name}.txt"
        if name not in out and txt.exists():
            out[name] = (txt, ann)
    return out


def parse_ann(ann: str) -> dict[str, list[tuple[int, int]]]:
    """Source/Cue/Content pieces of every attribution (Discuss/Discard spans are not attributions)."""
    spans: dict[str, list[tuple[int, int]]] = {k: [] for k in KINDS}
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        kind = label.lower()
        if kind not in spans:
            continue
        for piece in offsets.split(";"):
            a, _, b = piece.strip().partition(" ")
            if a.isdigit() and b.isdigit():
                spans[kind].append((int(a), int(b)))
    return spans


def load(text_path: Path, ann_path: Path) -> PolnearDoc:
    text = text_path.read_text(encoding="utf-8")
    return PolnearDoc(text_path.stem, text, parse_ann(ann_path.read_text(encoding="utf-8")))


def norm(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Span with quote marks, punctuation and spaces stripped from both edges (None if nothing is left)."""
    s, e = span
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return (s, e) if e > s else None


@dataclass
class Counts:
    """Matched predicted / predicted and matched gold / gold, exact and overlap."""

    pred: int = 0
    gold: int = 0
    pred_exact: int = 0
    gold_exact: int = 0
    pred_overlap: int = 0
    gold_overlap: int = 0

    def add(self, text: str, pred: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> None:
        p = sorted({n for sp in pred if (n := norm(text, sp))})
        g = sorted({n for sp in gold if (n := norm(text, sp))})
        gs = set(g)
        ps = set(p)
        self.pred += len(p)
        self.gold += len(g)
        self.pred_exact += sum(x in gs for x in p)
        self.gold_exact += sum(x in ps for x in g)
        self.pred_overlap += sum(any(a < d and c < b for c, d in g) for a, b in p)
        self.gold_overlap += sum(any(a < d and c < b for c, d in p) for a, b in g)

    def merge(self, other: Counts) -> None:
        for k in ("pred", "gold", "pred_exact", "gold_exact", "pred_overlap", "gold_overlap"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, mode: str) -> tuple[float, float, float]:
        mp, mg = getattr(self, f"pred_{mode}"), getattr(self, f"gold_{mode}")
        p = mp / self.pred if self.pred else 0.0
        r = mg / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
