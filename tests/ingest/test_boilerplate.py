"""Boilerplate removal: generic rules, the shipped line classifier, and the seeds."""

from __future__ import annotations

import numpy as np

from newsprism.ingest.boilerplate import (
    N_FEATURES,
    LineModel,
    classify_lines,
    line_features,
    main_block,
    remove_boilerplate,
    rule_reason,
    shipped_model,
    strip_boilerplate,
)

PROSE = (
    "The council voted on Tuesday to approve the new budget, which raises spending on schools by four percent "
    "and cuts the road maintenance fund."
)


def test_rules_are_generic() -> None:
    lines = [PROSE] * 6 + [
        "Share this story",
        "Leave a comment",
        "Sign up for our daily newsletter.",
        "Read this in English",
        "Related Articles",
        "© 2024 Example Media. All rights reserved.",
    ]
    reasons = [rule_reason(t, i, lines) for i, t in enumerate(lines)]
    assert reasons[:6] == [None] * 6
    assert reasons[6:] == ["share", "comments", "subscription", "language switch", "related", "copyright"]


def test_bio_only_near_the_end() -> None:
    bio = "Jane Roe is a freelance journalist and author based in Lisbon."
    lines = [PROSE] * 8 + ["Jane Roe", bio]
    assert rule_reason(bio, 9, lines) == "author bio"
    assert rule_reason("Jane Roe", 8, lines) == "author bio"
    assert rule_reason(bio, 0, [bio, *[PROSE] * 8]) is None


def test_quoted_subscription_word_is_kept() -> None:
    line = '"People cancel their subscriptions when prices rise," she said.'
    assert rule_reason(line, 3, [PROSE] * 3 + [line]) is None


def test_shipped_model_loads_and_scores_prose_above_chrome() -> None:
    model = shipped_model()
    assert model is not None and model.coef.shape == (N_FEATURES,)
    lines = ["Home", "News", "Sport", PROSE, PROSE, PROSE, PROSE, "Privacy policy", "Cookie settings"]
    p = model.proba(line_features(lines))
    assert p[3:7].min() > p[[0, 1, 2, 7, 8]].max()


def test_model_json_round_trip() -> None:
    m = LineModel(np.zeros(N_FEATURES), np.ones(N_FEATURES), np.arange(N_FEATURES) / 10, -1.0, 0.4, 0.5, 0.3, 0.2)
    again = LineModel.from_json(m.to_json())
    x = np.random.default_rng(0).normal(size=(5, N_FEATURES))
    assert np.allclose(m.proba(x), again.proba(x))
    assert (again.block_threshold, again.inner_threshold) == (0.3, 0.2)


def test_main_block_is_the_maximum_sum_run() -> None:
    assert main_block(np.array([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0])) == (1, 4)
    assert main_block(np.array([-2.0, -1.0, -3.0])) == (1, 2)
    assert main_block(np.array([])) == (0, 0)


def test_block_selection_drops_prose_detached_from_the_main_block() -> None:
    # A model that scores only by line length: prose ~0.99, one-word lines ~0.01.
    coef = np.zeros(N_FEATURES)
    coef[1] = 4.0  # log1p(words)
    lines = [f"Part {k}: {PROSE}" for k in range(6)] + ["Home"] * 30 + [f"Part 6: {PROSE}"]
    plain = LineModel(np.zeros(N_FEATURES), np.ones(N_FEATURES), coef, -8.0, 0.4, 0.0)
    kept = [i for i, r in enumerate(classify_lines(lines, model=plain)) if r is None]
    assert kept == [0, 1, 2, 3, 4, 5, 36]
    blocky = LineModel(np.zeros(N_FEATURES), np.ones(N_FEATURES), coef, -8.0, 0.4, 0.0, 0.3, 0.4)
    reasons = classify_lines(lines, model=blocky)
    assert reasons[:6] == [None] * 6
    assert reasons[-1] is not None and reasons[-1].startswith("outside the main text block")


def test_strip_never_empties_and_records_reasons() -> None:
    body, removed = strip_boilerplate("Subscribe now\nShare", use_model=False)
    assert body and removed == []
    body, removed = strip_boilerplate(f"{PROSE}\n\nShare this article\n\n{PROSE} Again.", use_model=False)
    assert "Share this" not in body and removed == [{"text": "Share this article", "reason": "share"}]


def test_a_repeated_long_line_is_kept_once() -> None:
    short = "Read the full story."
    text = f"{PROSE}\n\n{short}\n\n{PROSE.upper()}\n\n{short}"
    body, removed = strip_boilerplate(text, use_model=False)
    assert body.count("council") == 1 and body.count(short) == 2  # short lines may legitimately repeat
    assert removed == [{"text": PROSE.upper(), "reason": "repeated line"}]


def test_seed_003_loses_its_boilerplate(seed_texts: dict[str, str]) -> None:
    body, removed = remove_boilerplate(seed_texts["003"])
    reasons = {r for _, r in removed}
    assert {"author bio", "related", "subscription", "comments", "language switch", "photo caption"} <= reasons
    assert "Leave a Reply" not in body and "More Posts" not in body and "Lea en español" not in body
    assert "Subscribe here" not in body and "is a businessman, writer" not in body
    assert "(Gage Skidmore)" not in body
    assert "Based on current policy, the answer is yes." in body


def test_seed_002_keeps_all_quotes(seed_texts: dict[str, str]) -> None:
    text = seed_texts["002"]
    body, _ = remove_boilerplate(text)
    quoted = [ln.strip() for ln in text.splitlines() if any(q in ln for q in '"“”')]
    assert quoted
    for line in quoted:
        assert line in body
