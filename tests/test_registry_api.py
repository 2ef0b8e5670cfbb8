"""Registry API details the contract tests leave open: messages, defaults, cycles, entry points (issue 25:
written to kill mutmut's surviving mutants of registry.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsprism import registry
from newsprism.errors import ConfigError
from newsprism.model import Article
from newsprism.options import Options
from newsprism.registry import Work, check_contract, check_flow, complete, get, registered, resolve, stage


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, registry.StageInfo]]:
    """A registry holding the built-ins; stages registered in a test vanish after it."""
    stages = dict(registered())
    monkeypatch.setattr(registry, "_STAGES", stages)
    yield stages


def _message(exc: pytest.ExceptionInfo[ConfigError]) -> str:
    return str(exc.value)


def test_contract_messages_name_the_kind_and_every_unknown_name() -> None:
    with pytest.raises(ConfigError) as err:
        check_contract("s", ("no_a", "sentences", "no_b"), ())
    assert err.value.code == "E024"
    assert "stage 's' requires no_a, no_b: not an Article field" in _message(err)
    with pytest.raises(ConfigError) as err:
        check_contract("s", ("sentences",), ("slant", "no_c"))
    assert "stage 's' produces no_c: not an Article field" in _message(err)


@pytest.mark.parametrize("field", ["text", "id"])
def test_producing_an_input_is_refused(field: str) -> None:
    with pytest.raises(ConfigError) as err:
        check_contract("s", (), ("slant", field))
    assert err.value.code == "E024"
    assert f"stage 's' produces {field} (input or shared field)" in _message(err)


def test_producing_a_shared_field_is_refused() -> None:
    shared = sorted(registry.ALWAYS_WRITABLE)[0]
    with pytest.raises(ConfigError, match=r"\(input or shared field\)"):
        check_contract("s", (), (shared,))


def test_stage_refuses_a_bad_contract_naming_the_stage(scratch: dict[str, registry.StageInfo]) -> None:
    with pytest.raises(ConfigError) as err:
        stage("t_bad", produces=("text",))
    assert "stage 't_bad' produces text (input or shared field)" in _message(err)
    with pytest.raises(ConfigError) as err:
        check_contract("s", (), ("text", "id"))
    assert "produces text, id (input or shared field)" in _message(err)


def test_a_valid_contract_passes() -> None:
    check_contract("s", ("sentences", "doc"), ("slant", "sentences.bias"))


def test_stage_defaults_and_description(scratch: dict[str, registry.StageInfo]) -> None:
    @stage("t_plain", requires=iter(["sentences"]), produces=(p for p in ["slant"]))
    def plain(batch: list[Work], options: Options) -> None:
        """First line.

        Second line."""

    @stage("t_nodoc", models=["slant/phrases.json"])
    def nodoc(batch: list[Work], options: Options) -> None:
        pass

    info = scratch["t_plain"]
    assert (info.name, info.requires, info.produces) == ("t_plain", ("sentences",), ("slant",))
    assert (info.version, info.description, info.models, info.per_article) == ("1", "First line.", (), False)
    assert info.fn is plain  # a batch stage is called with the batch itself
    assert scratch["t_nodoc"].description == "" and scratch["t_nodoc"].models == ("slant/phrases.json",)


def test_per_article_stage_is_called_once_per_article(scratch: dict[str, registry.StageInfo]) -> None:
    seen: list[str] = []

    def models(options: Options) -> dict[str, Path]:
        return {}

    @stage("t_each", produces=("slant",), per_article=True, version="7", models=models)
    def each(work: Work, options: Options) -> None:
        assert options is opts
        seen.append(work.article.id)

    info = scratch["t_each"]
    assert info.per_article and info.version == "7" and info.models is models
    returned = stage("t_each2", per_article=True)(each)
    assert returned is each  # the decorator returns the function unchanged
    opts = Options.model_construct()
    info.fn([Work(article=Article(id=i, text="x")) for i in ("a", "b", "c")], opts)
    assert seen == ["a", "b", "c"]


def test_unknown_stage_message_lists_the_known_ones_sorted() -> None:
    with pytest.raises(ConfigError) as err:
        get("nope")
    assert err.value.code == "E020"
    assert _message(err) == "E020: unknown stage 'nope'; known stages: " + ", ".join(sorted(registered()))


def test_resolve_names_the_stage_and_all_its_missing_needs(scratch: dict[str, registry.StageInfo]) -> None:
    @stage("t_needy", requires=("sentences", "quotes"), produces=("slant",))
    def needy(batch: list[Work], options: Options) -> None:
        pass

    with pytest.raises(ConfigError) as err:
        resolve(["t_needy"])
    assert "stage 't_needy' needs sentences, quotes, which no earlier stage produces" in _message(err)
    assert [i.name for i in resolve(["nlp", "quotes", "t_needy"])] == ["nlp", "quotes", "t_needy"]


def test_complete_stops_at_a_cycle(scratch: dict[str, registry.StageInfo]) -> None:
    @stage("t_a", requires=("frames",), produces=("tone",))
    def a(batch: list[Work], options: Options) -> None:
        pass

    @stage("t_b", requires=("tone",), produces=("frames",))
    def b(batch: list[Work], options: Options) -> None:
        pass

    for name in list(scratch):  # only the cycle produces tone and frames
        if name not in ("t_a", "t_b") and {"tone", "frames"} & set(scratch[name].produces):
            del scratch[name]
    assert complete(["t_a"]) == ["t_b", "t_a"]  # t_b's need (tone) would lead back to t_a: left unmet


def test_flow_keeps_every_stage_s_problems(scratch: dict[str, registry.StageInfo]) -> None:
    @stage("t_first", requires=("entities.label",), produces=("slant",))
    def first(batch: list[Work], options: Options) -> None:
        pass

    @stage("t_second", requires=("quotes.confidence",), produces=("tone",))
    def second(batch: list[Work], options: Options) -> None:
        pass

    problems = check_flow(["t_first", "t_second"]).problems
    assert problems[0] == "'t_first' needs 'entities.label', which no earlier stage produces"
    assert "'t_second' needs 'quotes.confidence', which no earlier stage produces" in problems


def test_a_field_produced_only_through_its_records_counts_as_produced(scratch: dict[str, registry.StageInfo]) -> None:
    for name in list(scratch):
        if "frames" in scratch[name].produces:
            del scratch[name]

    @stage("t_frames", requires=("frames",), produces=("frames.score",))
    def frames(batch: list[Work], options: Options) -> None:
        pass

    assert not [p for p in check_flow(["nlp"]).problems if "'frames'" in p]


def test_entry_point_stages_load_once(monkeypatch: pytest.MonkeyPatch, scratch: dict[str, registry.StageInfo]) -> None:
    groups: list[str] = []

    def load() -> None:
        @stage("t_plugin", produces=("slant",))
        def plugin(batch: list[Work], options: Options) -> None:
            pass

    def entry_points(*, group: str) -> list[SimpleNamespace]:
        groups.append(group)
        return [SimpleNamespace(load=load)]

    monkeypatch.setattr(registry, "entry_points", entry_points)
    monkeypatch.setattr(registry, "_LOADED", False)
    assert "t_plugin" in registered() and "nlp" in registered()
    assert groups == ["newsprism.stages"]  # asked once: later calls find the registry loaded
