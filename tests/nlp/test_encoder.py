"""The shared encoder pass: the extra intermediate-state output leaves the sentence vectors bit-identical."""

from __future__ import annotations

import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import ModelError
from newsprism.model import Article, Sentence
from newsprism.nlp.embed import Embedder, _locate, embedder
from newsprism.nlp.encoder import (
    SENTENCE_EMBEDDINGS,
    SENTENCE_STATES,
    Head,
    encode,
    sentence_encodings,
    with_state_output,
)
from newsprism.options import load_options
from newsprism.registry import Work

TEXTS = [
    "The regime continued to dodge a request for comment.",
    "Short.",
    "",
    "A longer sentence about a council meeting, a budget vote and the questions reporters asked afterwards. " * 4,
]


def _plain_embedder() -> Embedder:
    """The shipped int8 MiniLM graph exactly as published (no extra output), same tokenizer."""
    import onnxruntime as ort

    onnx, _ = _locate("minilm")
    plain = Embedder.__new__(Embedder)
    plain.__dict__.update(embedder().__dict__)
    plain.session = ort.InferenceSession(str(onnx), providers=["CPUExecutionProvider"])
    plain._memo = OrderedDict()
    return plain


def test_pooled_vectors_bit_identical_to_the_unmodified_graph() -> None:
    ours = embedder()
    assert ours.has_states and len(ours.session.get_outputs()) == 2
    ours._memo.clear()
    got = np.stack([s.pooled for s in encode(TEXTS)])
    assert np.array_equal(got, _plain_embedder().encode(TEXTS))
    ours._memo.clear()
    assert np.array_equal(ours.encode(TEXTS), got)


def test_states_cover_every_wordpiece_with_offsets() -> None:
    out = encode(TEXTS[:2])
    first = out[0]
    n = len(embedder().tokenizer.encode(TEXTS[0]).ids)
    assert first.states.shape == (n, 384) and first.offsets.shape == (n, 2)
    real = first.offsets[:, 1] > first.offsets[:, 0]
    assert not real[0] and not real[-1]  # [CLS] and [SEP]
    words = [TEXTS[0][s:e].lower() for s, e in first.offsets[real]]
    assert words[:3] == ["the", "regime", "continued"]
    # intermediate states differ from the last layer's (they are the input of layer 5, not its output)
    hidden = embedder().hidden_states([TEXTS[0]])[0][0]
    assert not np.allclose(hidden, first.states, atol=1e-2)


def test_encode_fills_the_embed_memo_so_other_stages_do_not_re_encode() -> None:
    emb = embedder()
    emb._memo.clear()
    encode(["Only this sentence."])
    assert "Only this sentence." in emb._memo


def test_sentence_encodings_shared_through_work_cache() -> None:
    text = "Stocks fell sharply. The cat sat on the mat."
    art = Article(id="a", text=text, sentences=[Sentence(start=0, end=20), Sentence(start=21, end=len(text))])
    work = Work(article=art)
    states = sentence_encodings([work], load_options())[0]
    assert len(states) == 2 and SENTENCE_STATES in work.cache
    assert np.array_equal(work.cache[SENTENCE_EMBEDDINGS], np.stack([s.pooled for s in states]))
    from newsprism.nlp.shared import sentence_embeddings

    assert sentence_embeddings([work], load_options())[0] is work.cache[SENTENCE_EMBEDDINGS]


def test_surgery_refuses_a_graph_without_the_layer() -> None:
    onnx, _ = _locate("minilm")
    with pytest.raises(ModelError):
        with_state_output(onnx.read_bytes(), layer=17)


def _onnx_surgery(model_bytes: bytes, layer: int) -> bytes:
    """The edit as the ``onnx`` package makes it (what with_state_output did before issue 22's ingest work): the
    reference copy that ``benchmarks/ingest_cpu.py --onnx-edit`` runs for its before/after comparison."""
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "ingest_cpu.py"
    spec = importlib.util.spec_from_file_location("ingest_cpu_bench", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bytes(bench._onnx_edit(model_bytes, layer))


@pytest.mark.parametrize("layer", [0, 4, 5])
def test_wire_surgery_writes_the_bytes_onnx_writes(layer: int) -> None:
    onnx, _ = _locate("minilm")
    model = onnx.read_bytes()
    assert with_state_output(model, layer) == _onnx_surgery(model, layer)


def test_loading_the_encoder_does_not_import_onnx() -> None:
    """``import onnx`` (ml_dtypes) cost ~0.6 s CPU in every ingest worker; onnxruntime alone loads the graph."""
    code = (
        "import sys; from newsprism.nlp.embed import Embedder; e = Embedder('minilm', 1); "
        "assert e.has_states; assert 'onnx' not in sys.modules, 'onnx imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)


def test_head_missing_file_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as exc:
        Head(tmp_path / "missing.onnx")
    assert exc.value.code == "E091"
