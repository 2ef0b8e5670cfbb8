"""The pipeline: a stage that fails on one article fails that article alone; the rest of its batch is analysed."""

from __future__ import annotations

import pytest

from newsprism import registry
from newsprism.errors import ConfigError, InputError
from newsprism.model import Article, Frame, Tone
from newsprism.options import Options, load_options
from newsprism.pipeline import Pipeline
from newsprism.registry import Work, stage

BOOM = "boom"


@pytest.fixture
def test_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register throwaway stages (no spaCy) that fail on articles whose text says ``boom``."""
    registry.registered()  # built-ins first, so the copy below holds them
    monkeypatch.setattr(registry, "_STAGES", dict(registry._STAGES))

    @stage("t_tone", produces=("tone",), per_article=True)
    def t_tone(work: Work, options: Options) -> None:
        work.article.tone = [Tone(target="half-written", score=0.0, mentions=1)]
        if BOOM in work.article.text:
            raise RuntimeError("deliberate")
        work.article.tone = [Tone(target=work.article.id, score=0.5, mentions=1)]

    @stage("t_batch", produces=("frames",))
    def t_batch(batch: list[Work], options: Options) -> None:
        for work in batch:
            work.article.frames = [Frame(frame="half-written", score=0.0)]
        if any(BOOM in w.article.text for w in batch):
            raise ValueError("deliberate batch failure")
        for work in batch:
            work.article.frames = [Frame(frame=work.article.id, score=1.0)]

    @stage("t_after", requires=("tone",), produces=("techniques",), per_article=True)
    def t_after(work: Work, options: Options) -> None:
        work.article.slant = None  # reads its input only

    @stage("t_language", produces=("language", "sentences.bias"), per_article=True)
    def t_language(work: Work, options: Options) -> None:
        work.article.language = "xx"
        for sentence in work.article.sentences:
            sentence.bias = 0.99
        if BOOM in work.article.text:
            raise RuntimeError("deliberate")

    @stage("t_input_error", produces=("slant",), per_article=True)
    def t_input_error(work: Work, options: Options) -> None:
        raise InputError("E002", source=work.article.id)


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", text=text) for i, text in enumerate(["fine one", f"{BOOM} here", "fine two"])]


def _warnings(article: Article) -> list[str]:
    return [w.message for w in article.warnings if w.code == "W900"]


def test_per_article_stage_failure_warns_that_article_only(test_stages: None) -> None:
    seen: list[str] = []
    pipe = Pipeline(load_options(), stages=["t_tone", "t_after"])
    pipe.set_error_handler(lambda article, exc: seen.append(article.id))
    ok1, bad, ok2 = (w.article for w in pipe.run_batch(_articles()))
    assert [t.target for t in ok1.tone] == ["a0"] and [t.target for t in ok2.tone] == ["a2"]
    assert not _warnings(ok1) and not _warnings(ok2)
    [message] = _warnings(bad)
    assert "stage t_tone failed: RuntimeError: deliberate" in message
    assert message.endswith("not run on this article: t_after")  # it needs the tone t_tone did not produce
    assert bad.tone == []  # the half-written output is blanked
    assert seen == ["a1"]


def test_batch_stage_failure_is_retried_article_by_article(test_stages: None) -> None:
    pipe = Pipeline(load_options(batch_size=3), stages=["t_batch"])
    pipe.set_error_handler(lambda article, exc: None)
    ok1, bad, ok2 = pipe.pipe(_articles())
    assert [f.frame for f in ok1.frames] == ["a0"] and [f.frame for f in ok2.frames] == ["a2"]
    assert not _warnings(ok1) and not _warnings(ok2)
    assert _warnings(bad) == ["stage t_batch failed: ValueError: deliberate batch failure"]
    assert bad.frames == []


def test_failed_stage_restores_what_it_overwrote(test_stages: None) -> None:
    from newsprism.model import Sentence

    pipe = Pipeline(load_options(), stages=["t_language"])
    pipe.set_error_handler(lambda article, exc: None)
    bad = Article(id="b", text=f"{BOOM}.", language="de", sentences=[Sentence(start=0, end=5, bias=0.1)])
    good = Article(id="g", text="fine.", language="de", sentences=[Sentence(start=0, end=5, bias=0.1)])
    pipe.run_batch([bad, good])
    assert (bad.language, bad.sentences[0].bias) == ("de", 0.1)  # the input value and the earlier output survive
    assert (good.language, good.sentences[0].bias) == ("xx", 0.99)


def test_default_handler_reraises_and_newsprism_errors_propagate(test_stages: None) -> None:
    with pytest.raises(RuntimeError, match="deliberate"):
        Pipeline(load_options(), stages=["t_tone"]).run_batch(_articles())
    pipe = Pipeline(load_options(), stages=["t_input_error"])
    pipe.set_error_handler(lambda article, exc: None)
    with pytest.raises(InputError, match="E002"):
        pipe.run_batch(_articles())


def test_needed_stages_are_added_and_every_article_gets_provenance(test_stages: None) -> None:
    assert [s.name for s in Pipeline(load_options(), stages=["claims"]).stages] == ["nlp", "quotes", "claims"]
    pipe = Pipeline(load_options(), stages=["t_tone", "t_after"])
    arts = [w.article for w in pipe.run_batch([_articles()[0], _articles()[2]])]
    assert all(a.provenance == pipe.provenance for a in arts)
    assert list(pipe.provenance.stages) == ["t_tone", "t_after"]
    assert arts[0].provenance is not arts[1].provenance  # each article owns its record


def test_unproducible_need_is_refused(test_stages: None) -> None:
    @stage("t_orphan", requires=("entities.label",), produces=("slant",))
    def t_orphan(batch: list[Work], options: Options) -> None:
        """Needs a record field no stage declares."""

    with pytest.raises(ConfigError, match="E021"):
        Pipeline(load_options(), stages=["t_orphan"])


def test_later_stages_see_the_doc_the_nlp_stage_made() -> None:
    """The quotes stage used to repair cue-verb lemmas on the shared Doc, so tone read other lemmas after quotes
    than without it; the repair is now the nlp stage's, and quotes leaves the Doc as it found it."""
    text = "Maria Lopez hopes the bridge opens soon.\n\nJohn Park retweeted the plan on Monday."

    def lemmas(stages: list[str]) -> list[str]:
        work = Pipeline(stages=stages).run_batch([Article(id="a", text=text)])[0]
        assert work.doc is not None
        return [t.lemma_ for t in work.doc]

    after_nlp = lemmas(["nlp"])
    assert "hope" in after_nlp and "retweet" in after_nlp  # the small model says "hop" and "retweete"
    assert lemmas(["nlp", "quotes"]) == after_nlp


def test_wrapped_stage_functions_run_for_per_article_stages(test_stages: None) -> None:
    """A caller may wrap ``StageInfo.fn`` (the web app reports progress that way); per-article stages honour it."""
    import dataclasses

    calls: list[str] = []
    pipe = Pipeline(load_options(), stages=["t_tone"])

    def wrap(info: registry.StageInfo) -> registry.StageInfo:
        def fn(batch: list[Work], options: Options) -> None:
            calls.append(info.name)
            info.fn(batch, options)

        return dataclasses.replace(info, fn=fn)

    pipe.stages = [wrap(s) for s in pipe.stages]
    pipe.run_batch([_articles()[0]])
    assert calls == ["t_tone"]
