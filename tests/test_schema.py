"""The JSON contract: the schemas are generated from the model; the seeds' output validates and round-trips."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsprism.model import Article, Comparison, Quote, Story, validate_offsets
from newsprism.options import load_options
from newsprism.report import schema_gen
from newsprism.report.render import load_schema

NEWSPRISM = [str(Path(sys.executable).parent / "newsprism")]


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = load_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def seed_json(seeds_dir: Path) -> list[dict[str, object]]:
    # every default stage, no fallback: a stage whose shipped model fails to load fails this contract test
    stages = load_options().stages
    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    proc = subprocess.run(
        [*NEWSPRISM, "analyze", *paths, "--format", "json", "--stages", ",".join(stages), "--quiet"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert len(lines) == len(paths)  # JSON Lines: one article per line, input order
    return [json.loads(ln) for ln in lines]


@pytest.mark.slow
def test_seed_output_validates_and_offsets_are_exact(seed_json: list[dict[str, object]]) -> None:
    validator = _validator("article")
    for data in seed_json:
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
        article = Article.model_validate(data)
        assert validate_offsets(article) == []
        assert data["sentences"], "the nlp stage always runs and yields sentences"


@pytest.mark.slow
def test_seed_analysis_round_trips_through_the_model(seed_json: list[dict[str, object]]) -> None:
    for data in seed_json:
        assert Article.model_validate(data).to_json_dict() == data  # every field the stages wrote is declared


@pytest.mark.slow
def test_seed_comparison_validates(seed_json: list[dict[str, object]]) -> None:
    from newsprism.compare import compare

    comparison = compare([Article.model_validate(d) for d in seed_json]).to_json_dict()
    errors = sorted(_validator("comparison").iter_errors(comparison), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    assert comparison["stories"] and comparison["stories"][0]["side_by_side"]
    assert Comparison.model_validate(comparison).to_json_dict() == comparison


def test_schema_rejects_broken_records() -> None:
    validator = _validator("article")
    art = Article(id="x", text="He said “hi”.")
    good = art.to_json_dict()
    assert not list(validator.iter_errors(good))
    quote = Quote(text="hi", start=9, end=11, kind="direct").model_dump()
    assert not list(validator.iter_errors({**good, "quotes": [quote]}))
    for broken in (
        {**good, "schema": "newsprism.article/2"},
        {k: v for k, v in good.items() if k != "quotes"},
        {**good, "quotes": [{**quote, "kind": "shouted"}]},
        {**good, "quotes": [{**quote, "cue_class": "furious"}]},
        {**good, "quotes": [{**quote, "mood": "cheerful"}]},
        {**good, "sentences": [{"start": -1, "end": 2}]},
        {**good, "brand_new_field": {"anything": 1}},
    ):
        assert list(validator.iter_errors(broken))


def test_comparison_schema() -> None:
    validator = _validator("comparison")
    data = Comparison().to_json_dict()
    assert not list(validator.iter_errors(data))
    data["stories"] = [Story(id="s1", label="x", articles=["a", "b"]).model_dump()]
    assert not list(validator.iter_errors(data))
    del data["stories"][0]["articles"]
    assert list(validator.iter_errors(data))


def test_committed_schemas_are_generated_from_the_model() -> None:
    """Golden test: a model change that alters the contract fails here until the schemas are regenerated, which
    needs a changelog entry (python -m newsprism.report.schema_gen --version X.Y --note '...')."""
    assert schema_gen.stale() == [], "run python -m newsprism.report.schema_gen (docs/schema.md)"
    versions = [e["version"] for e in schema_gen.changelog()]
    assert load_schema("article")["version"] == schema_gen.version() == versions[-1]
    assert len(set(versions)) == len(versions)


@pytest.fixture()
def widened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The contract with one more Article field, and a scratch copy of the schema directory."""

    class Widened(Article):
        mood: str | None = None

    for name in ("article.schema.json", "comparison.schema.json", "changelog.json"):
        shutil.copy(schema_gen.SCHEMA_DIR / name, tmp_path / name)
    _, title, description = schema_gen.CONTRACTS["article"]
    monkeypatch.setitem(schema_gen.CONTRACTS, "article", (Widened, title, description))
    monkeypatch.setattr(schema_gen, "SCHEMA_DIR", tmp_path)
    monkeypatch.setattr(schema_gen, "CHANGELOG", tmp_path / "changelog.json")
    return tmp_path


def test_contract_change_needs_a_version_note(widened: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (widened / "article.schema.json").read_text(encoding="utf-8")
    with pytest.raises(schema_gen.SchemaError, match="without a changelog entry"):
        schema_gen.version()
    assert schema_gen.main([]) == 1 and "--note" in capsys.readouterr().err
    assert (widened / "article.schema.json").read_text(encoding="utf-8") == before  # nothing written
    assert schema_gen.main(["--version", "9.1"]) == 1  # a version needs its note
    assert schema_gen.main(["--version", "9.1", "--note", "adds Article.mood"]) == 0
    assert '"mood"' in (widened / "article.schema.json").read_text(encoding="utf-8")
    assert schema_gen.changelog()[-1]["version"] == "9.1" and schema_gen.stale() == []
    assert schema_gen.main(["--check"]) == 0
    assert schema_gen.main(["--version", "9.2", "--note", "again"]) == 1  # nothing changed since 9.1


def test_check_finds_a_hand_edited_schema_and_the_generator_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("article.schema.json", "comparison.schema.json", "changelog.json"):
        shutil.copy(schema_gen.SCHEMA_DIR / name, tmp_path / name)
    monkeypatch.setattr(schema_gen, "SCHEMA_DIR", tmp_path)
    monkeypatch.setattr(schema_gen, "CHANGELOG", tmp_path / "changelog.json")
    edited = tmp_path / "comparison.schema.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace('"additionalProperties": false', '"x": 1', 1))
    assert schema_gen.stale() == ["comparison.schema.json"] and schema_gen.main(["--check"]) == 1
    assert schema_gen.main([]) == 0 and schema_gen.stale() == []
