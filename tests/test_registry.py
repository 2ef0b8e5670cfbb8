import json
from pathlib import Path

import pytest
from pydantic import BaseModel

from newsprism import registry
from newsprism.errors import ConfigError
from newsprism.model import Article, content_id
from newsprism.options import Options, load_options
from newsprism.pipeline import Pipeline, blank
from newsprism.registry import (
    ALWAYS_WRITABLE,
    ARTIFACTS,
    INPUTS,
    PIPELINE_FIELDS,
    StageInfo,
    Work,
    check_flow,
    complete,
    contract_names,
    registered,
    resolve,
    stage,
)

GOLDEN = Path(__file__).parent / "stage_registrations.json"


def test_golden_stage_list() -> None:
    """No stage disappears silently: the registered set equals the golden list."""
    expected = json.loads(GOLDEN.read_text())
    got = {name: {"requires": list(i.requires), "produces": list(i.produces)} for name, i in registered().items()}
    assert sorted(got) == sorted(expected)
    for name, spec in expected.items():
        assert got[name] == spec, name


def test_resolve_checks_order() -> None:
    with pytest.raises(ConfigError, match="E020"):
        resolve(["nlp", "no-such-stage"])
    with pytest.raises(ConfigError, match="E021"):
        resolve(["claims"])
    assert complete(["claims"]) == ["nlp", "quotes", "claims"]
    assert complete(["tone", "nlp"]) == ["nlp", "quotes", "tone"]  # tone reads quotes for the quoted voice


def test_default_stages_resolve() -> None:
    assert [i.name for i in resolve(load_options().stages)] == list(load_options().stages)


def test_declared_names_are_real_fields_or_artifacts() -> None:
    names = contract_names()
    for info in registered().values():
        assert set(info.requires) <= names and set(info.produces) <= names, info.name
    assert "doc" in ARTIFACTS and "sentences.bias" in names and "tokens" not in names


@pytest.mark.parametrize(
    ("requires", "produces", "bad"),
    [
        ((), ("tokens",), "tokens"),
        (("nope",), (), "nope"),
        ((), ("sentences.nope",), "sentences.nope"),
        ((), ("text",), "text"),
    ],
)
def test_unknown_contract_name_is_refused_at_registration(
    requires: tuple[str, ...], produces: tuple[str, ...], bad: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "_STAGES", dict(registered()))
    with pytest.raises(ConfigError, match="E024") as err:
        stage("t_bad", requires=requires, produces=produces)
    assert bad in str(err.value)
    assert "t_bad" not in registry._STAGES


def test_default_pipeline_flow_has_no_problems() -> None:
    flow = check_flow(load_options().stages)
    assert flow.problems == [] and flow.added == []


def test_flow_reports_unmet_needs_double_writes_and_orphan_record_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_STAGES", dict(registered()))

    @stage("t_again", requires=("entities.label",), produces=("quotes", "sentences.bias"))
    def t_again(batch: list[Work], options: Options) -> None:
        """Writes what quotes writes; needs what nobody declares."""

    problems = check_flow(["nlp", "quotes", "t_again"]).problems
    assert "'t_again' needs 'entities.label', which no earlier stage produces" in problems
    assert "'quotes' is produced by both 'quotes' and 't_again'" in problems
    assert check_flow(["t_again"]).problems[:2] == [
        "'t_again' needs 'entities.label', which no earlier stage produces",
        "'t_again' writes 'sentences.bias' but no earlier stage produces 'sentences'",
    ]


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    import sys

    from newsprism.cli.app import main

    monkeypatch.setattr(sys, "argv", ["newsprism", *args])
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as exit_info:
        main()
        raise SystemExit(0)
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), capsys.readouterr().out


def test_stages_check_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _cli(monkeypatch, capsys, "stages", "--check")
    assert code == 0 and "No problems found" in out and "sentences.bias" in out
    code, out = _cli(monkeypatch, capsys, "stages", "--check", "--stages", "claims")
    assert code == 0 and "quotes (added)" in out
    monkeypatch.setattr(registry, "_STAGES", dict(registered()))

    @stage("t_twice", requires=("doc",), produces=("quotes",))
    def t_twice(batch: list[Work], options: Options) -> None:
        """Writes what quotes writes."""

    code, out = _cli(monkeypatch, capsys, "stages", "--check", "--stages", "nlp,quotes,t_twice")
    assert code == 1 and "'quotes' is produced by both 'quotes' and 't_twice'" in out


# --- every stage on an Article holding only what it requires --------------------------------------------------

CONTRACT_FIELDS = [f for f in Article.model_fields if f not in (*INPUTS, *ALWAYS_WRITABLE, *PIPELINE_FIELDS)]


def _strip(value: object, subs: set[str]) -> object:
    """``value`` as JSON with the record fields ``subs`` removed (a stage may write those)."""
    if isinstance(value, list):
        return [{k: v for k, v in item.items() if k not in subs} if isinstance(item, dict) else item for item in value]
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k not in subs}
    return value


def _doc_state(work: Work) -> bytes | None:
    if work.doc is None:
        return None
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    return bytes(work.doc.to_array([LEMMA, TAG, POS, MORPH, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]).tobytes())


def _only_what_it_requires(info: StageInfo, work: Work) -> None:
    """Blank every contract field ``info`` does not require (fields, record fields other stages write, artifacts)."""
    declared = {n for i in registered().values() for n in (*i.requires, *i.produces)}
    drop = [f for f in CONTRACT_FIELDS if f not in info.requires]
    drop += [n for n in declared if "." in n and n not in info.requires and n.partition(".")[0] in info.requires]
    drop += [a for a in ARTIFACTS if a not in info.requires]
    blank(work, drop)


@pytest.fixture(scope="module")
def article(seeds_dir: Path) -> Article:
    text = min((p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")), key=len)
    text += "\n\nMaria Lopez hopes the bridge opens soon, John Park retweeted."  # lemmas the nlp stage repairs
    return Article(id=content_id(text), text=text)


@pytest.mark.parametrize("name", load_options().stages)  # every default stage must be registered
def test_stage_runs_on_what_it_requires_and_writes_only_what_it_produces(name: str, article: Article) -> None:
    info = registered()[name]
    upstream = complete([name])[:-1]
    work = Pipeline(stages=upstream).run_batch([article.model_copy(deep=True)])[0] if upstream else None
    work = work or Work(article=article.model_copy(deep=True))
    _only_what_it_requires(info, work)
    before, doc_before = work.article.model_dump(mode="json"), _doc_state(work)
    info.fn([work], load_options())
    after = work.article.model_dump(mode="json")
    subs: dict[str, set[str]] = {}
    for out in info.produces:
        top, _, sub = out.partition(".")
        if sub:
            subs.setdefault(top, set()).add(sub)
    allowed = {p for p in info.produces if "." not in p} | set(ALWAYS_WRITABLE)
    changed = {k for k in before if before[k] != after[k]}
    assert changed - allowed - set(subs) == set(), f"{name} wrote undeclared fields"
    for top, fields in subs.items():
        if top not in allowed:
            assert _strip(before[top], fields) == _strip(after[top], fields), f"{name} wrote {top} beyond {fields}"
    assert changed & {p.partition(".")[0] for p in info.produces}, f"{name} produced nothing"
    if "doc" not in info.produces:
        assert _doc_state(work) == doc_before, f"{name} changed the spaCy Doc another stage produced"


def test_blank_resets_fields_record_fields_and_artifacts() -> None:
    from newsprism.model import Sentence, Slant

    art = Article(id="x", text="One. Two.", sentences=[Sentence(start=0, end=4, bias=0.3)])
    art.slant = Slant(label="left", score=-0.5, confidence=0.9)
    work = Work(article=art, doc=object())  # type: ignore[arg-type]
    blank(work, ["slant", "sentences.bias", "doc"])
    assert art.slant is None and art.sentences[0].bias is None and art.sentences[0].end == 4 and work.doc is None
    assert isinstance(art.sentences[0], BaseModel)
