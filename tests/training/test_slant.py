"""Inner-CV helpers of the slant trainer and the outlet-neutral classifier features."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.metrics import selective_accuracy
from newsprism.slant import classifier
from newsprism.training import text_classifier
from newsprism.training.slant import (
    TARGET_ACCURACY,
    choose_min_confidence,
    truncate,
)


def test_min_confidence_is_the_smallest_threshold_reaching_the_target() -> None:
    # confident rows (0.9) are right, hesitant rows (0.4) are wrong: the threshold must skip the hesitant ones
    p = np.array([[0.9, 0.05, 0.05]] * 60 + [[0.4, 0.35, 0.25]] * 60)
    y = np.array([0] * 60 + [1] * 60)
    tau = choose_min_confidence(p, y)
    assert 0.4 < tau <= 0.9
    acc, cov = selective_accuracy(p, y, tau)
    assert acc >= TARGET_ACCURACY and cov == 0.5


def test_truncate_keeps_whole_words() -> None:
    assert truncate("One two, three four.", 2) == "One two"
    assert truncate("short", 10) == "short"


def test_clean_model_ignores_outlet_names(tmp_path: Path) -> None:
    texts = ["CNN reports the senate passed the bill", "Fox News says the border is open"] * 20
    y = np.array([0, 1] * 20)
    m = text_classifier.fit(texts, y, c=1.0, clean=True)
    a = m.predict_proba(["WASHINGTON (CNN) -- the senate passed the bill"])
    b = m.predict_proba(["the senate passed the bill"])
    assert np.allclose(a, b)
    m.save(tmp_path / "m.npz")
    back = classifier.LinearText.load(tmp_path / "m.npz")
    assert back.clean and np.allclose(
        back.predict_proba(["the border is open"]), m.predict_proba(["the border is open"])
    )


def test_min_confidence_never_when_the_target_is_out_of_reach() -> None:
    from newsprism.training.slant import NEVER

    p = np.array([[0.9, 0.05, 0.05]] * 10 + [[0.4, 0.35, 0.25]] * 90)
    y = np.ones(100, dtype=int)  # every prediction (class 0) is wrong
    assert choose_min_confidence(p, y) == NEVER > 1.0


def test_selective_accuracy_weights_outlets() -> None:
    from newsprism.training.slant import outlet_cap

    groups = np.array(["big"] * 900 + ["a"] * 50 + ["b"] * 50)
    w = outlet_cap(groups, 100)
    p = np.tile([[0.8, 0.1, 0.1]], (1000, 1))
    y = np.array([1] * 900 + [0] * 100)  # the big outlet is always wrong, the small ones always right
    assert selective_accuracy(p, y, 0.5)[0] == 0.1
    assert abs(selective_accuracy(p, y, 0.5, w)[0] - 0.5) < 1e-9


def test_char_model_shares_evidence_across_word_forms(tmp_path: Path) -> None:
    texts = ["they denounced the scheme", "the council met today"] * 20
    y = np.array([1, 0] * 20)
    char = text_classifier.fit(texts, y, c=4.0, ngram_max=5, char=True)
    word = text_classifier.fit(texts, y, c=4.0, ngram_max=1)
    unseen = ["denouncing schemes"]  # no word in common with the training texts, many character n-grams
    assert char.predict_proba(unseen)[0, 1] > 0.6
    assert abs(word.predict_proba(unseen)[0, 1] - 0.5) < 0.05
    char.save(tmp_path / "c.npz")
    back = classifier.LinearText.load(tmp_path / "c.npz")
    assert back.char and np.allclose(back.predict_proba(unseen), char.predict_proba(unseen))


def test_grid_fit_all_refits_on_every_labelled_row() -> None:
    from newsprism.training.slant import Grid, TextSpec

    words = ["tax cut", "border wall", "union jobs", "climate plan", "gun rights", "health care"]
    texts = [f"{words[i % 6]} story number {i} {words[(i * 5) % 6]}" for i in range(60)]
    y = np.array([i % 2 for i in range(60)])
    tr = np.arange(40)
    grid = Grid(texts, y, tr, 13)
    spec = TextSpec(False, 1, 1.0)
    part, full = grid.fit(spec), grid.fit_all(spec)
    assert not np.allclose(part.coef, full.coef)  # the 20 validation rows changed the fit
    direct = text_classifier.fit(texts, y, ngram_max=1, c=1.0)
    assert np.allclose(full.coef, direct.coef)


def test_lexicon_center_is_halfway_between_left_and_right_medians() -> None:
    from newsprism.training.slant_phrases import lexicon_center

    lex = {"amnesty": 3.0, "border wall": 2.0, "climate justice": -2.0}
    rows: list[dict[str, object]] = [
        {"text": "amnesty amnesty border wall", "label": 2},
        {"text": "amnesty and the border wall", "label": 2},
        {"text": "climate justice now", "label": 0},
        {"text": "climate justice and amnesty", "label": 0},
        {"text": "a center story about amnesty", "label": 1},
    ]
    # by hand, score = sum(z) / (sum|z| + 20): rows 0..3 read 8/28, 5/25, -2/22, 1/25 (row 4 is centre, unused);
    # right median (8/28 + 5/25) / 2 = 0.242857, left median (-2/22 + 1/25) / 2 = -0.025455, halfway 0.108701
    assert lexicon_center(rows, list(range(5)), lex) == 0.1087
    assert lexicon_center(rows, [0, 1, 4], lex) == 0.1214  # no left rows: the left median counts as 0


def test_log_odds_accepts_weighted_counts() -> None:
    from newsprism.training.logodds import log_odds

    z = log_odds({"amnesty": 9.5, "tax": 10.5}, {"amnesty": 0.5, "tax": 19.5}, alpha0=10.0, min_count=1)
    assert z["amnesty"] > 0 > z["tax"]


def test_allsides_classifier_is_the_bench_baseline_by_construction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trainer stores the TF-IDF word 1-2-gram + LR fitted on the training part with the C of the outlet-grouped
    inner CV: on the validation rows it predicts exactly what `bench slant`'s baseline row predicts."""
    from newsprism.slant.baseline import WordLR, validation_predictions
    from newsprism.training.slant import _allsides

    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    rng = np.random.default_rng(0)
    words = {0: "tax fairness workers climate", 1: "report data officials said", 2: "freedom border liberty faith"}
    rows: list[dict[str, object]] = []
    for o in range(12):
        for _ in range(12):
            noise = " ".join(rng.choice(["the", "a", "news", "today", "city", "plan", "tax", "border"], 30))
            rows.append({"text": f"{words[o % 3]} {noise}", "label": o % 3, "source": f"o{o}"})
    val = np.array([str(r["source"]) in {"o0", "o4", "o8"} for r in rows])
    out, held = tmp_path / "out", tmp_path / "held"
    out.mkdir(), held.mkdir()
    report = _allsides(rows, np.flatnonzero(~val), np.flatnonzero(val), 13, out, held)
    texts, y = [str(r["text"]) for r in rows], np.array([int(r["label"]) for r in rows])  # type: ignore[call-overload]
    c, _, pred = validation_predictions(texts, y, [str(r["source"]) for r in rows], val)
    stored = WordLR.load(held, "allsides")
    assert np.array_equal(stored.predict([t for t, v in zip(texts, val, strict=True) if v]), pred)
    assert report["chosen"].endswith(f"C={c:g}, balanced") and report["min_confidence"] > 0 and report["min_words"]
    assert len(WordLR.load(out, "allsides").terms) >= len(stored.terms)  # refitted on every row
