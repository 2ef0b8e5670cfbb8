"""The frames stage on constructed sentences, its ``other`` rule, evidence offsets, and the tuning sample
(training-outlet AllSides sentences the stage's settings were chosen on) when the data is present."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.bench.task_frames import (
    ALLSIDES_FILE,
    ALLSIDES_SAMPLE,
    MAX_CHARS,
    MIN_CHARS,
    TUNING_SAMPLE,
    TUNING_SEED,
    TUNING_SIZE,
    _select,
    draw_allsides_sample,
    read_allsides_records,
    read_allsides_sample,
    sample_texts,
    split_sentences,
)
from newsprism.frames.codebook import FRAMES
from newsprism.frames.score import MIN_SCORE, SEED_BONUS, assign, frame_features, frames, sentence_frames
from newsprism.model import Article, Sentence, content_id, validate_offsets
from shared_data import missing


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The factory closed and hundreds of workers lost their jobs as wages fell.", "economic"),
        ("The judge dismissed the lawsuit on Monday.", "legality"),
        ("Senate Republicans blocked the Democratic nominee in a party-line vote.", "political"),
        ("A new survey found that 60 percent of Americans oppose the plan.", "public opinion"),
        ("Reporting by Jane Doe; editing by John Smith.", "other"),
        ("Follow the author on Twitter and Instagram.", "other"),
    ],
)
def test_clear_sentences(text: str, frame: str) -> None:
    assert sentence_frames([text])[0][0] == frame


def test_other_below_min_score_and_seed_bonus() -> None:
    names = ["economic", "political"]
    sims = np.array([[0.10, 0.05], [0.30, 0.25], [0.25, 0.24]])
    hits = np.array([[0, 0], [0, 0], [0, 1]], dtype=float)
    got = assign(names, sims, hits, bonus=0.1, min_score=0.2)
    assert [f for f, _ in got] == ["other", "economic", "political"]
    assert got[2][1] == pytest.approx(0.34)


def test_article_frames_have_evidence_with_exact_offsets() -> None:
    text = (
        "Prices rose and the budget deficit widened by a billion dollars.\n"
        "Sign up for our newsletter to get the news in your inbox.\n"
        "The court ruled the law unconstitutional on Friday."
    )
    starts = [0, text.index("Sign"), text.index("The court")]
    ends = [text.index("\n"), text.index("\nThe court"), len(text)]
    art = Article(
        id=content_id(text), text=text, sentences=[Sentence(start=s, end=e) for s, e in zip(starts, ends, strict=True)]
    )
    out = frames(art)
    assert {f.frame for f in out} == {"economic", "other", "legality"}
    for f in out:
        assert f.evidence and 0 < f.score <= 1
        assert all(e.text == text[e.start : e.end] for e in f.evidence)
    assert validate_offsets(art) == []
    assert [getattr(s, "frame", None) for s in art.sentences] == ["economic", "other", "legality"]


def test_every_frame_has_prototypes() -> None:
    assert len(FRAMES) == 15
    names, sims, hits = frame_features([])
    assert set(names) == set(FRAMES) and sims.shape == hits.shape == (0, 15)
    assert all(len(protos) >= 3 for protos in (FRAMES[f][1] for f in FRAMES))


def test_tuning_sample_parses() -> None:
    rows = read_allsides_sample(TUNING_SAMPLE)
    assert len(rows) == TUNING_SIZE and len({r[0] for r in rows}) == len(rows)
    assert TUNING_SAMPLE.read_text(encoding="utf-8").splitlines()[0] == "record_id\tstart\tend\tframe"
    for rid, start, end, frame in rows:
        assert rid and frame in FRAMES and MIN_CHARS <= end - start <= MAX_CHARS
    assert not {r[0] for r in rows} & {r[0] for r in read_allsides_sample(ALLSIDES_SAMPLE)}


def test_tuning_rows_point_to_records_and_reproduce_draw(data_dir: Path) -> None:
    path = data_dir / "allsides" / ALLSIDES_FILE
    if not path.is_file():
        missing("../shared/data/allsides")
    texts = {r["id"]: r["content"] for r in read_allsides_records(path)}
    rows = read_allsides_sample(TUNING_SAMPLE)
    for rid, start, end, _ in rows:
        assert rid in texts and end <= len(texts[rid])
        assert (start, end) in split_sentences(texts[rid])
    assert draw_allsides_sample(path, TUNING_SIZE, TUNING_SEED, validation=False) == [r[:3] for r in rows]


@pytest.mark.slow
def test_shipped_settings_are_the_tuning_choice(data_dir: Path) -> None:
    if not (data_dir / "allsides" / ALLSIDES_FILE).is_file():
        missing("../shared/data/allsides")
    texts, gold = sample_texts(data_dir, TUNING_SAMPLE)
    names, sims, hits = frame_features(texts)
    assert _select(names, sims, hits, gold)[1] == (SEED_BONUS, MIN_SCORE)
