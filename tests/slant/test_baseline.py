"""The TF-IDF + LR baseline of `bench slant`: C chosen on outlet-grouped inner CV, validation rows never fitted."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.slant import baseline


def _rows(n_outlets: int = 10, per: int = 12) -> tuple[list[str], np.ndarray, list[str]]:
    rng = np.random.default_rng(0)
    words = {0: "tax fairness workers climate", 1: "report data officials said", 2: "freedom border liberty faith"}
    texts, y, groups = [], [], []
    for o in range(n_outlets):
        label = o % 3
        for _ in range(per):
            noise = " ".join(rng.choice(["the", "a", "news", "today", "city", "plan"], 8))
            texts.append(f"{words[label]} {noise} outlet{o}")
            y.append(label)
            groups.append(f"o{o}")
    return texts, np.array(y), groups


def test_c_is_chosen_on_inner_cv_and_predicts_unseen_outlets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    texts, y, groups = _rows()
    val = np.array([g in {"o0", "o1", "o2"} for g in groups])
    c, inner, pred = baseline.validation_predictions(texts, y, groups, val)
    assert set(inner) == set(baseline.C_GRID) and inner[c] == max(inner.values())
    assert len(pred) == int(val.sum()) and (pred == y[val]).mean() > 0.9  # topic words carry the class here
    assert list((tmp_path / "slant").glob("baseline-*.json"))  # cached ...
    # ... and the cache is keyed by the split: changing which outlets are held out refits
    val2 = np.array([g in {"o3", "o4", "o5"} for g in groups])
    _, _, pred2 = baseline.validation_predictions(texts, y, groups, val2)
    assert len(list((tmp_path / "slant").glob("baseline-*.json"))) == 2 and len(pred2) == int(val2.sum())


def test_inner_cv_holds_out_whole_outlets_and_keeps_the_chosen_fold_models() -> None:
    texts, y, groups = _rows()
    cv = baseline.inner_cv(texts, y, groups)
    g = np.array(groups)
    for a, b in cv.folds:
        assert not set(g[a]) & set(g[b])
    assert len(cv.fold_models) == baseline.INNER_FOLDS and cv.oof.shape == (len(y), 3)
    assert np.allclose(cv.oof.sum(1), 1.0) and cv.inner_macro_f1[cv.c] == max(cv.inner_macro_f1.values())


def test_stored_model_predicts_as_scikit_learn_and_survives_a_round_trip(tmp_path: Path) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, y, _ = _rows()
    vec = baseline.vectorizer()
    x = vec.fit_transform(texts)
    lr = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced").fit(x, y)
    m = baseline.WordLR.from_sklearn(vec, lr)
    unseen = ["Tax fairness for workers, the city plan", "border liberty and faith today", "officials said data"]
    ref = lr.predict_proba(vec.transform(unseen))
    assert np.allclose(m.predict_proba(unseen), ref, atol=1e-5)  # float32 weights
    assert isinstance(vec, TfidfVectorizer) and (m.predict(unseen) == ref.argmax(1)).all()
    m.save(tmp_path, "allsides")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(baseline.model_files("allsides"))
    back = baseline.WordLR.load(tmp_path, "allsides")
    assert back.terms == m.terms and np.array_equal(back.predict_proba(unseen), m.predict_proba(unseen))
    assert not any(t.count(" ") > 1 for t in back.terms)  # word 1-2-grams only


def test_min_df_prunes_rare_ngrams() -> None:
    texts, y, _ = _rows()
    rare = {t for t in baseline.vectorizer(1).fit(texts).vocabulary_} - set(baseline.fit(texts, y, 1.0).terms)
    assert rare and all(sum(r in t.lower() for t in texts) < baseline.MIN_DF for r in rare if " " not in r)


def test_a_stored_model_with_mismatched_arrays_is_refused(tmp_path: Path) -> None:
    texts, y, _ = _rows()
    m = baseline.fit(texts, y, 1.0)
    m.save(tmp_path, "x")
    np.save(tmp_path / "x_idf.npy", np.ones(3, dtype=np.float32))
    with pytest.raises(ValueError, match="disagree"):
        baseline.WordLR.load(tmp_path, "x")
