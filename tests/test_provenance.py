"""Provenance: newsprism version, the ingest step and each stage's version and the sha256 of every model file it
reads."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

import newsprism
from newsprism.compare.pairs import compare_models
from newsprism.errors import ModelError
from newsprism.ingest.provenance import ingest_models
from newsprism.options import load_options
from newsprism.provenance import MODELS_DIR, fingerprint, model_paths, pipeline_provenance, sha256_of
from newsprism.registry import StageInfo, get, resolve
from newsprism.slant import baseline


def _stage(name: str, version: str = "1", models: object = ()) -> StageInfo:
    return StageInfo(name, lambda b, o: None, (), (), version, "", models)  # type: ignore[arg-type]


def _paths(info: StageInfo, **overrides: str) -> list[Path]:
    paths = model_paths(info, load_options(**overrides)).values()
    return [p for p in paths if p.resolve().is_relative_to(MODELS_DIR)]


def test_default_pipeline_provenance_names_real_files() -> None:
    stages = resolve(load_options().stages)
    prov = pipeline_provenance(stages, load_options())
    assert prov.newsprism == newsprism.__version__
    assert prov.ingest is not None and set(prov.ingest.models) == {"boilerplate/line_model.json"}
    assert list(prov.stages) == [s.name for s in stages]
    assert all(prov.stages[s.name].version == s.version for s in stages)
    nlp = prov.stages["nlp"].models
    assert len(nlp) == 1 and next(iter(nlp)).startswith("spacy:en_core_web_sm") and "==" in next(iter(nlp))
    claims = prov.stages["claims"].models
    assert "claims/meta.json" in claims and any(k.startswith("minilm:") and k.endswith(".onnx") for k in claims)
    expected = hashlib.sha256((MODELS_DIR / "claims" / "meta.json").read_bytes()).hexdigest()
    assert claims["claims/meta.json"] == expected
    allsides = {f"slant/{f}" for f in baseline.model_files("allsides")}
    assert {"slant/phrases.json", "slant/calibration.json", *allsides} <= set(prov.stages["slant"].models)
    assert not any(k.startswith("slant/allsides.npz") for k in prov.stages["slant"].models)  # the old char model
    assert "techniques/meta.json" in prov.stages["techniques"].models
    assert set(prov.stages["tone"].models) == {"vader:vader_lexicon.txt", "vader:emoji_utf8_lexicon.txt"}
    for entries in prov.stages.values():
        assert all(len(h) == 64 and int(h, 16) >= 0 for h in entries.models.values())


def test_every_shipped_model_file_is_declared_by_a_stage_or_ingestion() -> None:
    """A file in models/ that no stage (nor ingestion) declares would change output without changing the
    fingerprint."""
    opts = load_options()
    variants: list[dict[str, str]] = [{}, {"techniques_model": "tagger"}, {"tone_model": "head"}]  # each choice's files
    declared = {
        p.resolve().relative_to(MODELS_DIR).as_posix()
        for s in resolve(opts.stages)
        for v in variants
        for p in _paths(s, **v)
    }
    declared |= {p.resolve().relative_to(MODELS_DIR).as_posix() for p in ingest_models(opts).values()}
    declared |= set(compare_models())  # the comparison is not a stage: it declares its scorer itself (issue 21)
    shipped = {p.relative_to(MODELS_DIR).as_posix() for p in MODELS_DIR.rglob("*") if p.is_file()}
    not_read_by_stages = {f for f in shipped if f.endswith("scores.json")}  # training reports, read by no one
    assert shipped - not_read_by_stages - {f for f in shipped if "/heldout/" in f} <= declared


def test_fingerprint_is_stable_and_follows_versions_and_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.bin", tmp_path / "b.bin"
    a.write_bytes(b"weights one")
    b.write_bytes(b"weights two")
    base = pipeline_provenance([_stage("x", models=lambda o: {"w": a})], load_options())
    same = pipeline_provenance([_stage("x", models=lambda o: {"w": a})], load_options())
    other_file = pipeline_provenance([_stage("x", models=lambda o: {"w": b})], load_options())
    other_version = pipeline_provenance([_stage("x", version="2", models=lambda o: {"w": a})], load_options())
    two = [_stage("x"), _stage("y")]
    fps = {fingerprint(p) for p in (base, other_file, other_version)}
    assert fingerprint(base) == fingerprint(same) and len(fps) == 3
    assert base.stages["x"].models == {"w": hashlib.sha256(b"weights one").hexdigest()}
    assert fingerprint(pipeline_provenance(two)) != fingerprint(pipeline_provenance(two[::-1]))


def test_directory_hash_covers_names_and_contents(tmp_path: Path) -> None:
    for name, content in (("d1", b"x"), ("d2", b"y")):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "sub" / "f").write_bytes(content)
    (tmp_path / "d3" / "sub").mkdir(parents=True)
    (tmp_path / "d3" / "sub" / "g").write_bytes(b"x")
    hashes = {sha256_of(tmp_path / d) for d in ("d1", "d2", "d3")}
    assert len(hashes) == 3


def test_missing_model_file_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="E030"):
        pipeline_provenance([_stage("x", models=lambda o: {"w": tmp_path / "gone.npy"})])


def test_user_neutral_lexicon_is_part_of_techniques_provenance(tmp_path: Path) -> None:
    lexicon = tmp_path / "neutral.tsv"
    lexicon.write_text("slammed\tcriticised\tloaded\tuser\n", encoding="utf-8")
    info = get("techniques")
    plain = pipeline_provenance([info], load_options())
    with_user = pipeline_provenance([info], load_options(neutral_lexicon=str(lexicon)))
    assert "user:neutral_lexicon" in with_user.stages["techniques"].models
    assert fingerprint(plain) != fingerprint(with_user)


def test_stage_version_change_changes_fingerprint() -> None:
    info = get("tone")
    bumped = dataclasses.replace(info, version=info.version + ".1")
    assert fingerprint(pipeline_provenance([info])) != fingerprint(pipeline_provenance([bumped]))
