"""PolNeAR reader (brat standoff): attribution spans (source, cue, content); scoring is ``metrics.SpanCounts``.

PolNeAR (Newell et al., LREC 2018) annotates every attribution: ``T`` lines are Source/Cue/Content
spans (character offsets into ``text/<name>.txt``, discontinuous pieces joined by ``;``) and ``E``
lines link them into one attribution. Some articles have several annotators' files
(``<name>_<annotator>.ann``): the first in sorted order is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("source", "cue", "content")
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
