"""The techniques stage on the seeds and on small synthetic texts."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.model import Article, content_id, validate_offsets
from newsprism.techniques import TECHNIQUES
from newsprism.techniques.model import shipped_model


@pytest.fixture(scope="module")
def pipe() -> Any:
    from newsprism.pipeline import Pipeline

    return Pipeline(stages=["nlp", "techniques"])


def run(pipe: Any, text: str) -> Article:
    return pipe(Article(id=content_id(text), text=text))


def find(art: Article, phrase: str) -> Any:
    hits = [t for t in art.techniques if phrase in t.text]
    assert hits, f"{phrase!r} not detected; got {[t.text for t in art.techniques][:30]}"
    return hits[0]


def test_seed_003_loaded_labels(pipe: Any, seed_texts: dict[str, str]) -> None:
    art = run(pipe, seed_texts["003"])
    assert validate_offsets(art) == []
    regime = find(art, "Biden regime")
    assert regime.technique == "Name_Calling,Labeling"
    assert regime.neutral == "Biden administration"
    assert "“Biden regime”" in regime.explanation
    socialists = find(art, "criminal socialists")
    assert socialists.technique == "Name_Calling,Labeling"
    assert socialists.neutral == "political opponents"
    assert "“criminal socialists”" in socialists.explanation
    flood = find(art, "flood the country with illegal immigrants")
    assert flood.technique == "Loaded_Language"
    assert flood.neutral == "bring more undocumented immigrants"
    assert "“flood the country with illegal immigrants”" in flood.explanation
    for t in art.techniques:
        assert t.technique in TECHNIQUES
        assert 0.0 <= t.score <= 1.0
        assert t.explanation.endswith(f"({t.technique}).")
    summary = art.technique_summary
    assert summary is not None and sum(summary.counts.values()) == sum(
        1 for t in art.techniques if t.shown is not False
    )
    assert summary.most_used in TECHNIQUES
    assert summary.per_1000_words > 0
    assert summary.densest_sentences[0].count >= summary.densest_sentences[-1].count


def test_seed_000_illegals(pipe: Any, seed_texts: dict[str, str]) -> None:
    art = run(pipe, seed_texts["000"])
    assert validate_offsets(art) == []
    hit = find(art, "illegals")
    assert hit.technique == "Name_Calling,Labeling"
    assert hit.neutral == "undocumented immigrants"


def test_neutral_text_has_few_detections(pipe: Any) -> None:
    text = "The city council met on Tuesday to discuss the budget. The meeting lasted two hours.\n"
    art = run(pipe, text)
    assert validate_offsets(art) == []
    assert all(t.method != "lexicon" for t in art.techniques)


def test_repetition_detected(pipe: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    import newsprism.techniques.stage as stage_mod
    from newsprism.techniques.model import shipped_model

    text = (
        "We need secure borders now. Voters want secure borders. The plan delivers secure borders.\n"
        "Nothing matters more than secure borders, and the senator promised secure borders again.\n"
    )
    # the shipped model's re-scorer filters repetition spans (chosen on the tuning split); every span it keeps
    # is rated at or above the cut. Without the filter the rule reports each later use with its count.
    shipped = shipped_model()
    art = run(pipe, text)
    assert validate_offsets(art) == []
    for t in art.techniques:
        if t.method == "repetition":
            assert t.text.lower() == "secure borders"
    unfiltered = dataclasses.replace(shipped, meta={**shipped.meta, "rescore_repetition": False})
    monkeypatch.setattr(stage_mod, "shipped_model", lambda: unfiltered)
    art = run(pipe, text)
    reps = [t for t in art.techniques if t.technique == "Repetition"]
    assert reps and all(t.text.lower() == "secure borders" for t in reps)
    assert "times in the article" in reps[0].explanation


def test_slogan_and_flag_waving_are_flagged(pipe: Any) -> None:
    text = (
        "Make America Great Again! We will stand up for our great nation and defend the American people, "
        "because patriots never surrender.\n"
    )
    art = run(pipe, text)
    assert validate_offsets(art) == []
    assert art.techniques, "no technique found in an openly patriotic slogan"
    found = {t.technique for t in art.techniques}
    assert found & {"Slogans", "Flag-Waving", "Loaded_Language"}


@pytest.mark.parametrize(
    ("seed", "phrase", "neutral", "voice"),
    [
        ("002", "continued to dodge a request", "did not answer a request", "author"),
        ("003", "socialist agitators", "left-wing activists", "author"),
        ("003", "impose socialism", "push left-wing policies", "author"),
        # inside the partial quote “a planning session to funnel more Democrat voters into the country.”
        ("003", "funnel more Democrat voters", "bring more Democrat voters", "quoted"),
    ],
)
def test_issue_27_framing_found_by_lexicon_patterns(
    pipe: Any, seed_texts: dict[str, str], seed: str, phrase: str, neutral: str, voice: str
) -> None:
    art = run(pipe, seed_texts[seed])
    hit = find(art, phrase)
    assert hit.method == "lexicon" and hit.neutral == neutral
    # shown by the one rule for every span: score (the lexicon's PTC precision) >= the model's shown threshold
    assert hit.voice == voice and hit.shown is (hit.score >= shipped_model().shown_threshold)
    if voice == "quoted":
        quote = next(q for q in art.quotes if q.start <= hit.start and hit.end <= q.end)
        assert hit.speaker == (quote.speaker.name if quote.speaker else None)


def test_tagger_spans_stay_in_sentences_with_voice_and_shown(seed_texts: dict[str, str]) -> None:
    from newsprism.options import load_options
    from newsprism.pipeline import Pipeline

    pipe = Pipeline(load_options().replace(techniques_model="tagger"), stages=["nlp", "techniques"])
    art = run(pipe, seed_texts["003"])
    assert validate_offsets(art) == []
    model_spans = [t for t in art.techniques if t.method == "model"]
    assert model_spans, "the tagger found nothing on seed 003"
    for t in art.techniques:
        assert any(s.start <= t.start and t.end <= s.end for s in art.sentences), t.text
        assert t.voice in ("author", "quoted") and isinstance(t.shown, bool) and 0.0 <= t.score <= 1.0
        assert t.technique in TECHNIQUES and t.text == t.text.strip()
    assert find(art, "socialist agitators").method == "lexicon"
    summary = art.technique_summary
    assert summary is not None and sum(summary.counts.values()) == sum(1 for t in art.techniques if t.shown)


def test_lexicon_spans_shown_by_their_row_score(pipe: Any) -> None:
    """A lexicon row precise on the PTC training articles is shown; an imprecise one stays in the JSON only (the
    row score is the calibrator's main input for a lexicon span)."""
    from newsprism.techniques.lexicon_scores import shipped_scores

    art = run(pipe, "Senators called the inquiry a witch hunt on Tuesday. Crowds marched against the regime.")
    cut, scores = shipped_model().shown_threshold, shipped_scores()
    hunt, regime = find(art, "witch hunt"), find(art, "regime")
    assert scores["witch hunt"] > cut > scores["regime"]
    assert hunt.score >= cut and hunt.shown
    assert regime.score < cut and not regime.shown


@pytest.mark.parametrize("which", ["linear", "tagger"])
def test_analyse_encodes_states_when_absent(seed_texts: dict[str, str], which: str) -> None:
    """One ``states`` parameter serves both models: passed from the shared pass or encoded by ``analyse``, the
    spans are the same."""
    from newsprism.nlp.encoder import encode
    from newsprism.pipeline import Pipeline
    from newsprism.techniques.stage import analyse

    work = Pipeline(stages=["nlp"]).run_batch([Article(id="x", text=seed_texts["003"][:3000])])[0]
    art, doc = work.article, work.doc
    assert doc is not None
    states = encode([art.text[s.start : s.end] for s in art.sentences])
    analyse(art, doc, which=which, states=states)
    given = [(t.start, t.end, t.technique, t.score, t.shown) for t in art.techniques]
    analyse(art, doc, which=which)
    assert [(t.start, t.end, t.technique, t.score, t.shown) for t in art.techniques] == given
    assert any(t.method == "model" for t in art.techniques)
