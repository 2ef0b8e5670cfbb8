"""Confidence per quotation (shipped JSON weights) and which quotations reports show as speech."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article, Quote
from newsprism.quotes.confidence import FEATURES, load_model, shown, threshold

Analyze = Callable[[str], Article]


def test_shipped_weights_match_the_features() -> None:
    model = load_model()
    assert model is not None and model["features"] == list(FEATURES)
    assert 0.0 < threshold() < 1.0


def test_every_quote_but_terms_gets_a_probability(analyze: Analyze) -> None:
    art = analyze(
        "“We will not back down on this bill,” Senator Maria Lopez said on Monday.\n\n"
        "Critics of the so-called “reform agenda” remain unconvinced."
    )
    for q in art.quotes:
        assert (q.confidence is None) == (q.kind == "term")
        assert q.confidence is None or 0.0 <= q.confidence <= 1.0
    direct = next(q for q in art.quotes if q.kind == "direct")
    assert direct.confidence is not None and direct.confidence >= threshold() and shown(direct)


def test_reports_show_speech_above_the_threshold_only() -> None:
    base = {"text": "x y z", "start": 0, "end": 5}
    assert shown(Quote(kind="direct", speech_act="assertion", confidence=0.9, **base))
    assert not shown(Quote(kind="direct", speech_act="assertion", confidence=threshold() - 0.01, **base))
    assert not shown(Quote(kind="term", **base))
    assert not shown(Quote(kind="indirect", speech_act=None, attitude=True, confidence=0.99, **base))


def test_quotation_that_nothing_attributes_is_not_shown(analyze: Analyze) -> None:
    # issue 19, round 4: a quotation with no cue and no speaker is no one's words for a reader (a run of hearing
    # lines); an attributed one in the same article is still shown (sentences written for the test)
    art = analyze(
        "The hearing ran late into the evening.\n\n"
        "“Would you share the names of the people you wrote to?” “No, I would not do that here.”\n\n"
        "“We will publish the letters next week,” Senator Maria Lopez said afterwards."
    )
    bare = [q for q in art.quotes if q.speaker is None and q.cue is None and q.kind == "direct"]
    assert bare and not any(shown(q) for q in bare)
    said = next(q for q in art.quotes if "publish the letters" in q.text)
    assert said.speaker is not None and shown(said)
