"""The three seeds through nlp + slant + frames + tone: evidence, frames, per-person tone, exact offsets."""

from __future__ import annotations

import pytest

from newsprism.model import Article, content_id, validate_offsets


@pytest.fixture(scope="module")
def analysed(seed_texts: dict[str, str]) -> dict[str, Article]:
    from newsprism.pipeline import Pipeline

    p = Pipeline(stages=["nlp", "slant", "frames", "tone"])
    return {k: p(Article(id=content_id(t), text=t)) for k, t in seed_texts.items()}


def test_slant_with_evidence(analysed: dict[str, Article]) -> None:
    for a in analysed.values():
        s = a.slant
        assert s is not None and s.label in {"left", "center", "right", "uncertain"}
        assert -1 <= s.score <= 1 and 0 <= s.confidence <= 1 and s.hyperpartisan is not None
        assert s.evidence and all(e.text == a.text[e.start : e.end] for e in s.evidence)
        assert all(isinstance(getattr(e, "weight", None), float) for e in s.evidence)
        assert all(0 <= (x.bias or 0) <= 1 for x in a.sentences) and any(x.bias is not None for x in a.sentences)
        assert validate_offsets(a) == []


def test_right_leaning_seeds_have_right_evidence(analysed: dict[str, Article]) -> None:
    # seeds 002 (Breitbart) and 003 (opinion) use right-coded vocabulary: positive-weight phrases must appear
    for k in ("002", "003"):
        weights = [float(e.weight) for e in analysed[k].slant.evidence]  # type: ignore[union-attr]
        assert max(weights) > 3


def test_frames_with_evidence(analysed: dict[str, Article]) -> None:
    for a in analysed.values():
        assert a.frames and any(f.frame != "other" for f in a.frames)
        for f in a.frames:
            assert f.evidence and 0 < f.score <= 1


def test_tone_per_person(analysed: dict[str, Article]) -> None:
    for a in analysed.values():
        targets = " ".join(t.target for t in a.tone)
        assert "Harris" in targets and "Biden" in targets
        for t in a.tone:
            assert -1 <= t.score <= 1 and t.mentions >= 1 and t.evidence


def test_short_text_is_uncertain() -> None:
    from newsprism.pipeline import Pipeline

    t = "The senator criticised the border bill on Tuesday."
    a = Pipeline(stages=["nlp", "slant"])(Article(id=content_id(t), text=t))
    assert a.slant is not None and a.slant.label == "uncertain"


def test_seed_reports_show_what_is_measured_and_no_lean(analysed: dict[str, Article]) -> None:
    from newsprism.cli.cmd_analyze import summary_line
    from newsprism.report.article import article_markdown, articles_html

    for a in analysed.values():
        md, html, line = article_markdown(a), articles_html([a]), summary_line(a)
        sec = md[md.index("## Slant") :]
        assert sec.index("- Hyperpartisan probability") < sec.index("- Biased sentences (BABE model)")
        assert sec.index("- Biased sentences") < sec.index("**Lean: not shown — no lexicon or classifier")
        assert "Lean: not shown" in html and "slant: hyperpartisan " in line and "lean not shown" in line
        for text in (md, html, line):
            assert "leans" not in text and "no clear lean" not in text.lower()
        assert a.slant is not None and a.slant.evidence  # the phrases stay in the JSON as evidence of wording


def test_evidence_is_never_topic_names_or_function_words(analysed: dict[str, Article]) -> None:
    from newsprism.slant.score import topic_phrases

    topic = topic_phrases()
    assert {"border", "mexico", "funding", "comments", "policy", "voters", "know"} <= topic
    for a in analysed.values():
        assert a.slant is not None
        for e in a.slant.evidence:
            assert e.text.lower() not in topic
            assert not any(x.start < e.end and e.start < x.end for x in a.entities), e.text  # no names or places


def test_is_evidence_rules() -> None:
    from newsprism.model import Entity, make_span
    from newsprism.slant.score import is_evidence

    text = "Illegal aliens crossed the border, Smith said. We know that."
    art = Article(id="e", text=text)
    art.entities = [make_span(art, 35, 40, Entity, label="PERSON")]
    assert is_evidence(art, 0, 14)  # "Illegal aliens": not topic, not a name
    assert not is_evidence(art, 27, 33)  # "border": used alike by both sides on the same story
    assert not is_evidence(art, 35, 40)  # "Smith": a named entity
    assert not is_evidence(art, 47, 49)  # "We": function words only
