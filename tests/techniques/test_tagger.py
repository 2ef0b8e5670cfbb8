"""Decoding of the fine-tuned tagger: spans stay inside sentences, snap to phrase edges, heads run padded."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from newsprism.model import Article, Quote, Sentence, Speaker
from newsprism.nlp.encoder import Head, SentenceStates
from newsprism.techniques.features import Tok
from newsprism.techniques.stage import voice_of
from newsprism.techniques.tagger import decode_tokens, tag
from newsprism.training.techniques_encoder import shown_cut

POS = {"socialist": "ADJ", "agitators": "NOUN", "the": "DET", "met": "VERB", "they": "PRON", "left": "VERB"}


def _toks(text: str) -> list[Tok]:
    out, pos = [], 0
    for w in text.split():
        s = text.index(w, pos)
        word = w.strip(".")
        out.append(
            Tok(
                s,
                s + len(word),
                word.lower(),
                word.lower(),
                POS.get(word.lower(), "NOUN"),
                "x",
                word in ("the", "they"),
            )
        )
        if w.endswith("."):
            out.append(Tok(s + len(word), s + len(w), ".", ".", "PUNCT", ".", False))
        pos = s + len(w)
    return out


def _sentence(text: str, start: int, end: int, p_in: dict[str, float]) -> tuple[SentenceStates, dict[str, np.ndarray]]:
    """One wordpiece per word, plus [CLS]/[SEP]; BIO rows give each word its P(in) (as I)."""
    words = [(text.index(w, start) if i == 0 else None, w) for i, w in enumerate(text[start:end].split())]
    offs = [(0, 0)]
    pos = start
    for _, w in words:
        s = text.index(w.strip("."), pos)
        offs.append((s - start, s - start + len(w.strip("."))))
        pos = s + len(w)
    offs.append((0, 0))
    bio = np.zeros((len(offs), 3), np.float32)
    bio[:, 0] = 1.0
    for k, (_, w) in enumerate(words, start=1):
        p = p_in.get(w.strip(".").lower(), 0.0)
        bio[k] = (1 - p, 0.0, p)
    n = len(offs)
    enc = SentenceStates(np.zeros((n, 384), np.float32), np.asarray(offs, np.int64), np.zeros(384, np.float32))
    return enc, {"tok_bio": bio, "tok_hidden": np.ones((n, 384), np.float32)}


def _classify(feats: np.ndarray) -> np.ndarray:
    return np.full((len(feats), 2), 0.5, np.float32)


def test_span_never_crosses_a_sentence_boundary() -> None:
    text = "They met socialist agitators. Agitators left."
    sents = [(0, 29), (30, len(text))]
    high = {"met": 0.9, "socialist": 0.9, "agitators": 0.9, "left": 0.9}
    encs, outs = zip(*[_sentence(text, s, e, high) for s, e in sents], strict=True)
    spans, _ = tag(sents, list(encs), list(outs), _toks(text), 0.5, 0.5, _classify)
    got = [text[x.start : x.end] for x in spans]
    assert got == ["met socialist agitators", "Agitators left"]
    assert all(any(s <= x.start and x.end <= e for s, e in sents) for x in spans)


def test_span_ending_on_an_adjective_snaps_to_the_noun() -> None:
    toks = _toks("They met socialist agitators.")
    p_in = np.asarray([0.0, 0.1, 0.9, 0.2, 0.0])
    spans = decode_tokens(toks, p_in, np.zeros(5), 0.5)
    assert [(toks[a].lower, toks[b - 1].lower) for a, b, _ in spans] == [("socialist", "agitators")]


def test_edges_are_trimmed_of_function_words_and_a_confident_b_splits() -> None:
    toks = _toks("the socialist agitators met the agitators.")
    p_in = np.asarray([0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.0])
    p_b = np.asarray([0.9, 0.0, 0.0, 0.0, 0.9, 0.0, 0.0])
    spans = decode_tokens(toks, p_in, p_b, 0.5)
    assert [(a, b) for a, b, _ in spans] == [(1, 4), (5, 6)]


def test_shown_cut_is_the_lowest_score_reaching_the_precision() -> None:
    scores = [(0.9, 1)] * 30 + [(0.7, 1)] * 10 + [(0.6, 0)] * 20 + [(0.3, 0)] * 50
    assert shown_cut(scores, 0.6) == 0.6  # with the 0.6 spans 40/60 = 0.67 >= 0.6; with the 0.3 ones 0.36
    assert shown_cut(scores, 0.7) == 0.7  # 0.67 < 0.7 at 0.6
    assert shown_cut([(0.9, 0)] * 40, 0.6) == 1.0  # never reached: nothing is shown


def test_voice_is_the_speaker_inside_a_direct_quote() -> None:
    text = 'Smith said: "The socialist agitators won." The agitators left.'
    art = Article(id="v", text=text, sentences=[Sentence(start=0, end=42), Sentence(start=43, end=len(text))])
    art.quotes = [Quote(start=12, end=41, text=text[12:41], kind="direct", speaker=Speaker(name="Smith"))]
    inside = text.index("socialist agitators")
    assert voice_of(art, inside, inside + 19) == ("quoted", "Smith")
    later = text.index("agitators left")
    assert voice_of(art, later, later + 9) == ("author", None)


def test_head_runs_padded_batches_and_cuts_each_sentence(tmp_path: Path) -> None:
    import onnx
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [
            helper.make_node("Cast", ["mask"], ["m"], to=TensorProto.FLOAT),
            helper.make_node("Unsqueeze", ["m", "axes"], ["m3"]),
            helper.make_node("Mul", ["states", "m3"], ["tok_x"]),
            helper.make_node("ReduceSum", ["tok_x", "axes1"], ["total"], keepdims=0),
        ],
        "toy",
        [
            helper.make_tensor_value_info("states", TensorProto.FLOAT, ["b", "t", 384]),
            helper.make_tensor_value_info("mask", TensorProto.INT64, ["b", "t"]),
        ],
        [
            helper.make_tensor_value_info("tok_x", TensorProto.FLOAT, ["b", "t", 384]),
            helper.make_tensor_value_info("total", TensorProto.FLOAT, ["b", 384]),
        ],
        [
            helper.make_tensor("axes", TensorProto.INT64, [1], [2]),
            helper.make_tensor("axes1", TensorProto.INT64, [1], [1]),
        ],
    )
    path = tmp_path / "toy.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), path)
    items = [
        SentenceStates(np.full((n, 384), float(n), np.float32), np.zeros((n, 2), np.int64), np.zeros(384, np.float32))
        for n in (5, 2, 9)
    ]
    out = Head(path).run(items, token_budget=12)
    for it, o in zip(items, out, strict=True):
        assert o["tok_x"].shape == it.states.shape and np.array_equal(o["tok_x"], it.states)
        assert np.allclose(o["total"], it.states.sum(0))  # padding contributes nothing
