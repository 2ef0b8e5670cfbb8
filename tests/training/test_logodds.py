"""Monroe et al. log-odds on a toy corpus."""

from __future__ import annotations

from newsprism.training.logodds import count, log_odds, tokens, top_phrases


def test_tokens_normalise_apostrophes_and_possessives() -> None:
    assert tokens("Biden\u2019s border plan") == ["biden", "border", "plan"]


def test_log_odds_sign_and_ranking() -> None:
    right = count(["illegal aliens crossed the border"] * 20 + ["the economy grew"] * 10)
    left = count(["undocumented immigrants crossed the border"] * 20 + ["the economy grew"] * 10)
    z = log_odds(right, left, alpha0=50.0, min_count=5)
    assert z["illegal aliens"] > 1.5 > 0 > -1.5 > z["undocumented immigrants"]
    assert abs(z["economy grew"]) < 0.5  # shared phrases are neutral
    top = top_phrases(z, 5)
    assert "illegal aliens" in top and "undocumented immigrants" in top


def test_prior_shrinks_rare_phrases() -> None:
    a = count(["rare word"] * 1 + ["common thing"] * 50)
    b = count(["common thing"] * 50)
    z = log_odds(a, b, min_count=1)
    assert abs(z["rare"]) < abs(log_odds(count(["rare"] * 30), b, min_count=1)["rare"])


def test_shipped_lexicon_has_no_house_style_and_keeps_loaded_phrases() -> None:
    from newsprism.slant.score import phrases
    from newsprism.training.slant_phrases import HOUSE_STYLE

    lex = phrases()
    assert not [p for p in lex if set(p.split()) <= HOUSE_STYLE]
    assert "president" not in lex and "people" not in lex
    assert all(abs(z) >= 1.96 for z in lex.values())
    for loaded in ("illegal aliens", "amnesty", "regime"):
        assert lex.get(loaded, 0.0) > 0, loaded  # right-coded in the AllSides training outlets
