"""PTC reader on a tiny synthetic corpus: spans per task, the seeded by-article split, line sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.datasets.ptc import line_sentences, load_ptc, split
from newsprism.errors import BenchError


def _corpus(root: Path, n: int) -> None:
    (root / "train-articles").mkdir(parents=True)
    si, tc = [], []
    for i in range(n):
        text = f"Headline {i}\n\nThe mayor said the plan is a disaster.\nOfficials disagreed.\n"
        (root / "train-articles" / f"article{100 + i}.txt").write_text(text, encoding="utf-8")
        start = text.index("a disaster")
        si.append(f"{100 + i}\t{start}\t{start + 10}")
        tc.append(f"{100 + i}\tLoaded_Language\t{start}\t{start + 10}")
    si.append("999\t0\t3")  # an article that is not in the corpus is ignored
    (root / "train-task1-SI.labels").write_text("\n".join(si) + "\n", encoding="utf-8")
    (root / "train-task2-TC.labels").write_text("\n".join(tc) + "\n", encoding="utf-8")


def test_reader_and_split(tmp_path: Path) -> None:
    _corpus(tmp_path, 10)
    arts = load_ptc(tmp_path)
    assert [a.id for a in arts] == [str(100 + i) for i in range(10)]
    a = arts[0]
    assert a.text[a.si[0][0] : a.si[0][1]] == "a disaster" and a.tc == [("Loaded_Language", *a.si[0])]
    train, valid = split(arts, seed=13)
    assert len(valid) == 2 and {x.id for x in train}.isdisjoint(x.id for x in valid)
    assert {x.id for x in split(list(reversed(arts)), seed=13)[1]} == {x.id for x in valid}  # by id, not order


def test_line_sentences_skip_blank_lines() -> None:
    text = "One.\n\n  \nTwo three.\n"
    assert [text[s:e] for s, e in line_sentences(text)] == ["One.", "Two three."]


def test_missing_corpus_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(BenchError) as err:
        load_ptc(tmp_path)
    assert err.value.code == "E050"
