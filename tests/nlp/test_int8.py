"""Option ``encoder_compute``: the default stays float (byte-identical output); "int8" runs a derived int8-compute
graph with the layer-states output, built once into the cache, rebuilt when damaged (issue 22)."""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import ModelError
from newsprism.nlp import int8
from newsprism.nlp.embed import INT8_LABEL, Embedder, _locate, default_compute, embedder, model_files, set_compute
from newsprism.nlp.encoder import DIM, encode
from newsprism.options import load_options
from newsprism.provenance import pipeline_provenance, sha256_of
from newsprism.registry import resolve

embed_mod = importlib.import_module("newsprism.nlp.embed")  # newsprism.nlp.embed is also a function's name
TEXTS = [
    "The regime continued to dodge a request for comment.",
    "Short.",
    "",
    "A longer sentence about a council meeting, a budget vote and the questions reporters asked afterwards. " * 4,
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private cache directory with the int8 graph built once for the module."""
    root = tmp_path_factory.mktemp("cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSPRISM_CACHE", str(root))
    int8._int8_model.cache_clear()
    int8.int8_model(_locate("minilm")[0])
    yield root
    int8._int8_model.cache_clear()
    mp.undo()


@pytest.fixture
def compute_reset(monkeypatch: pytest.MonkeyPatch) -> None:
    """Restore the process-wide compute after a test (a Pipeline sets it)."""
    monkeypatch.setattr(embed_mod, "_COMPUTE", embed_mod._COMPUTE)


def test_default_is_float_and_the_default_pass_is_the_float_one(compute_reset: None) -> None:
    assert load_options().encoder_compute == "float"
    set_compute(None)
    assert default_compute() == "float"
    assert embedder() is embedder(compute="float")
    default = np.stack([s.pooled for s in encode(TEXTS)])
    assert np.array_equal(default, np.stack([s.pooled for s in encode(TEXTS, compute="float")]))
    assert INT8_LABEL not in model_files("minilm") and INT8_LABEL not in model_files("minilm", compute="float")


def test_default_provenance_names_no_int8_graph() -> None:
    opts = load_options()
    prov = pipeline_provenance(resolve(opts.stages), opts)
    assert not any(INT8_LABEL in s.models for s in prov.stages.values())


def test_int8_vectors_and_states_have_the_float_shapes(cache: Path) -> None:
    emb = embedder(compute="int8")
    assert emb is not embedder(compute="float") and emb.has_states
    q, f = encode(TEXTS, compute="int8"), encode(TEXTS, compute="float")
    for a, b in zip(q, f, strict=True):
        assert a.states.shape == b.states.shape and a.states.shape[1] == DIM
        assert np.array_equal(a.offsets, b.offsets)
        assert np.isfinite(a.states).all() and np.isfinite(a.pooled).all()
        assert abs(float(np.linalg.norm(a.pooled)) - 1.0) < 1e-4
        assert float(a.pooled @ b.pooled) > 0.95  # measured 0.97-1.00 on 752 sentences
    assert not np.array_equal(np.stack([s.pooled for s in q]), np.stack([s.pooled for s in f]))
    built = int8.int8_model(_locate("minilm")[0]).read_bytes()
    assert b"MatMulInteger" in built and b"DynamicQuantizeLinear" in built  # integer compute, not dequantized


def test_cache_is_reused_without_a_rebuild(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _locate("minilm")[0]
    int8._int8_model.cache_clear()

    def no_build(*args: object) -> None:
        raise AssertionError("rebuilt a valid cache")

    monkeypatch.setattr(int8, "build", no_build)
    path = int8.int8_model(source)
    assert path.parent == cache / "encoder" and path.name.startswith("minilm-int8-")
    assert "-ort" in path.name and path == int8.cached_path(source)
    int8._int8_model.cache_clear()


def test_a_damaged_cache_file_is_rebuilt(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    source = _locate("minilm")[0]
    path = int8.cached_path(source)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not an onnx graph")
    path.with_suffix(".sha256").write_text("0" * 64)
    int8._int8_model.cache_clear()
    with caplog.at_level(logging.WARNING, logger="newsprism.nlp.int8"):
        got = int8.int8_model(source)
    int8._int8_model.cache_clear()
    assert got == path and "rebuilding" in caplog.text
    assert int8._valid(path) and path.stat().st_size > 1_000_000
    assert path.read_bytes() == (cache / "encoder" / path.name).read_bytes()  # the build is deterministic
    fresh = Embedder("minilm", compute="int8")  # loads, with the states output
    assert [o.name for o in fresh.session.get_outputs()] == ["last_hidden_state", "layer_states"]


def test_unwritable_cache_is_a_model_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSPRISM_CACHE", str(blocker))  # the cache dir would have to live under a file
    int8._int8_model.cache_clear()
    with pytest.raises(ModelError, match="E030"):
        int8.int8_model(_locate("minilm")[0])
    int8._int8_model.cache_clear()


def test_missing_onnx_package_is_a_model_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime.quantization", None)  # import fails as without onnx
    with pytest.raises(ModelError, match="onnx package"):
        int8.build(b"", tmp_path / "x.onnx")


def test_int8_choice_is_in_the_provenance(cache: Path, compute_reset: None) -> None:
    from newsprism.pipeline import Pipeline

    opts = load_options(encoder_compute="int8")
    pipe = Pipeline(opts, stages=["claims", "slant", "frames", "techniques"])
    assert default_compute() == "int8"  # every MiniLM call of the process follows the option
    path = int8.int8_model(_locate("minilm")[0])
    for name in ("claims", "slant", "frames", "techniques"):
        assert pipe.provenance.stages[name].models[INT8_LABEL] == sha256_of(path)
    assert pipe.provenance.stages["nlp"].models.keys().isdisjoint({INT8_LABEL})


def test_vector_caches_of_the_two_computes_never_share_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Disk caches of MiniLM vectors are keyed by text only, so an int8 process reads and writes its own folder."""
    from newsprism.claims.features import cache_dir as claims_cache
    from newsprism.compare.features import cache_dir as compare_cache
    from newsprism.datasets.slant import cache_dir as slant_cache
    from newsprism.nlp.embed import vector_cache_root

    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    monkeypatch.setattr(embed_mod, "_COMPUTE", "float")
    assert vector_cache_root() == tmp_path
    assert (claims_cache(), compare_cache(), slant_cache()) == (tmp_path / "claims", tmp_path, tmp_path / "slant")
    monkeypatch.setattr(embed_mod, "_COMPUTE", "int8")
    assert vector_cache_root() == tmp_path / "int8"
    assert claims_cache() == tmp_path / "int8" / "claims" and slant_cache() == tmp_path / "int8" / "slant"
