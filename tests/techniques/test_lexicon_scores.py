"""Per-row lexicon span scores (issue 27): smoothing, their use in detections, the shipped file."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.techniques import neutral as lex
from newsprism.techniques.lexicon_scores import SCORES_PATH, build_scores, read_scores, smoothed, source_group
from newsprism.techniques.model import lexicon_detections, shipped_model


def test_source_group_is_the_source_family() -> None:
    assert source_group("babe: frequent biased word") == "babe"
    assert source_group("style-guide (AP)") == "style-guide"
    assert source_group("ptc+babe") == "ptc+babe"
    assert source_group("") == "unknown"


def test_rows_smoothed_toward_group_and_group_toward_lexicon() -> None:
    rows = [("good", "babe", 9, 10), ("bad", "babe: x", 1, 10), ("unseen", "babe", 0, 0), ("new", "pattern: y", 0, 0)]
    got = build_scores(rows, strength=10.0)
    assert got["lexicon_precision"] == 0.5 and got["n"] == 20
    group = smoothed(10, 20, 0.5, 10.0)  # (10 + 5) / 30
    assert got["groups"]["babe"]["score"] == round(group, 4)
    assert got["rows"]["good"]["score"] == round(smoothed(9, 10, round(group, 4), 10.0), 4) == 0.7
    assert got["rows"]["bad"]["score"] == 0.3
    assert got["rows"]["unseen"]["score"] == got["groups"]["babe"]["score"]  # no matches: its group's score
    assert got["rows"]["new"]["score"] == got["groups"]["pattern"]["score"] == 0.5  # no group matches: lexicon-wide


def test_detections_score_their_row_and_fall_back_to_the_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "scores.json"
    path.write_text(json.dumps(build_scores([("witch hunt", "ptc", 9, 10), ("regime", "style-guide", 0, 10)])))
    scores = read_scores(path)
    entries = lex.load_lexicon(None)
    hits = lex.find("They called it a witch hunt by the regime and a hoax.", entries)
    got = {d.start: d.score for d in lexicon_detections(hits, 0.4, scores)}
    by_key = {h.key: got[h.start] for h in hits}
    assert by_key["witch hunt"] > 0.6 > 0.3 > by_key["regime"]
    assert by_key["hoax"] == 0.4  # a row without a score: the lexicon-wide precision
    assert all(d.score == 0.4 for d in lexicon_detections(hits, 0.4, {}))  # {}: lexicon-wide only
    assert read_scores(tmp_path / "absent.json") == {}


def test_shipped_scores_cover_every_row_and_split_the_rows_at_the_shown_threshold() -> None:
    data = json.loads(SCORES_PATH.read_text(encoding="utf-8"))
    keys = {e.key for e in lex.read_tsv(lex.LEXICON_PATH)}
    assert set(data["rows"]) == keys
    assert data["prior_strength"] == 10.0 and data["n_train_articles"] == 297
    cut = shipped_model().shown_threshold
    rows = data["rows"]
    assert rows["witch hunt"]["n"] >= 10 and rows["witch hunt"]["score"] >= cut  # precise on PTC: shown
    assert rows["regime"]["n"] >= 10 and rows["regime"]["score"] < cut  # imprecise on PTC: hidden
