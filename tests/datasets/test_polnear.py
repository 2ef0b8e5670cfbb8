"""PolNeAR reader: brat spans, the seeded split and the evaluator on a tiny test compartment."""

from __future__ import annotations

from pathlib import Path

from newsprism.bench.registry import BenchContext
from newsprism.bench.task_quotes import split_files
from newsprism.datasets.polnear import articles, parse_ann
from shared_data import missing

ANN = (
    "T1\tSource 0 3\tSam\nT2\tCue 4 8\tsaid\nT3\tContent 10 15;17 20\tx\n"
    "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4\n"
)


def test_parse_ann_splits_discontinuous_pieces() -> None:
    spans = parse_ann(ANN)
    assert spans == {"source": [(0, 3)], "cue": [(4, 8)], "content": [(10, 15), (17, 20)]}


def test_split_is_seeded_and_disjoint_from_nothing(data_dir: Path) -> None:
    root = data_dir / "polnear"
    if not root.exists():
        missing("../shared/data/polnear")
    a = split_files(BenchContext(data_dir, quick=True))
    b = split_files(BenchContext(data_dir, quick=True))
    c = split_files(BenchContext(data_dir, quick=True, seed=14))
    assert a == b and len(a) == 25 and a != c
    full = split_files(BenchContext(data_dir))
    pool = len(articles(root / "train")) + len(articles(root / "dev"))
    assert len(full) == int(pool * 0.2)
    assert set(a) <= set(full)


def test_evaluator_scores_a_tiny_test_compartment(tmp_path: Path) -> None:
    """split="test" scores the given files without training; a plain quoted statement is found."""
    from newsprism.bench.task_quotes import evaluate

    root = tmp_path / "polnear" / "test"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    text = 'The mayor opened the bridge on Monday.\n\n"We finished the bridge two months early," Anna Berg said.\n'
    (root / "text" / "doc1.txt").write_text(text, encoding="utf-8")
    q0 = text.index('"We')
    q1 = text.index('early,"') + len('early,"')
    s0 = text.index("Anna Berg")
    c0 = text.index("said")
    ann = (
        f"T1\tSource {s0} {s0 + 9}\tAnna Berg\nT2\tCue {c0} {c0 + 4}\tsaid\n"
        f"T3\tContent {q0} {q1}\t{text[q0:q1]}\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    )
    (root / "attributions" / "doc1_abcd.ann").write_text(ann, encoding="utf-8")
    metrics = {m.name: m for m in evaluate(BenchContext(tmp_path, split="test"))}
    assert metrics["content_r_overlap"].value == 1.0
    assert metrics["source_r_overlap"].value == 1.0
    assert metrics["cue_r_exact"].value == 1.0
    assert {m.split for m in metrics.values()} == {"test"} and metrics["all_f1_overlap"].n == 1
