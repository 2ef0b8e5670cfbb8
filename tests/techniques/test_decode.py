"""Decoding of the linear model's token probabilities (the default ``techniques_model``): spans stay inside one
sentence and snap to phrase edges, like the fine-tuned tagger's (tests/techniques/test_tagger.py)."""

from __future__ import annotations

import numpy as np

from newsprism.techniques.features import TC_FEATURES, Tok, decode, decode_sentences, snap_end
from newsprism.techniques.model import TechniquesModel, candidates

POS = {"socialist": "ADJ", "agitators": "NOUN", "the": "DET", "met": "VERB", "they": "PRON", "left": "VERB"}


def _toks(text: str) -> list[Tok]:
    out, pos = [], 0
    for w in text.split():
        s = text.index(w, pos)
        word = w.strip(".")
        out.append(Tok(s, s + len(word), word.lower(), word.lower(), POS.get(word.lower(), "NOUN"), "x", word == "the"))
        if w.endswith("."):
            out.append(Tok(s + len(word), s + len(w), ".", ".", "PUNCT", ".", False))
        pos = s + len(w)
    return out


TEXT = "They met socialist agitators.\nAgitators left."
SENTS = [(0, 29), (30, len(TEXT))]


def test_a_run_does_not_bridge_into_the_next_sentence() -> None:
    toks = _toks(TEXT)  # They met socialist agitators . Agitators left .
    probs = np.asarray([0.0, 0.0, 0.0, 0.9, 0.0, 0.9, 0.9, 0.0])
    # one text unit: the two-token gap ("." and nothing else) is bridged across the line break
    assert [TEXT[s:e] for s, e, _ in decode(toks, probs, 0.5)] == ["agitators.\nAgitators left"]
    got = [TEXT[s:e] for s, e, _ in decode_sentences(toks, probs, 0.5, SENTS)]
    assert got == ["agitators", "Agitators left"]


def test_every_decoded_span_lies_inside_one_sentence() -> None:
    toks = _toks(TEXT)
    rng = np.random.default_rng(3)
    for _ in range(50):
        probs = rng.random(len(toks))
        for s, e, _ in decode_sentences(toks, probs, 0.4, SENTS):
            assert any(a <= s and e <= b for a, b in SENTS), (s, e)


def test_a_span_ending_on_an_adjective_snaps_to_the_noun() -> None:
    toks = _toks("They met socialist agitators.")
    probs = np.asarray([0.0, 0.0, 0.9, 0.1, 0.0])
    assert [(s, e) for s, e, _ in decode(toks, probs, 0.5)] == [(9, 28)]  # "socialist agitators"
    assert snap_end(toks, 2, 3) == 4
    assert snap_end(toks, 0, 2) == 2  # a verb: already at a phrase edge


def test_a_span_between_two_nouns_snaps_to_the_second() -> None:
    text = "They met border patrol agents."
    toks = _toks(text)  # border/patrol/agents default to NOUN
    probs = np.asarray([0.0, 0.0, 0.9, 0.0, 0.0, 0.0])
    assert [text[s:e] for s, e, _ in decode(toks, probs, 0.5)] == ["border patrol agents"]


def test_snap_stays_inside_the_sentence() -> None:
    text = "They met socialist.\nAgitators left."
    toks = _toks(text)
    probs = np.asarray([0.0, 0.0, 0.9, 0.0, 0.0, 0.0, 0.0])
    got = [text[s:e] for s, e, _ in decode_sentences(toks, probs, 0.5, [(0, 19), (20, len(text))])]
    assert got == ["socialist"]


def test_linear_candidates_stay_in_their_sentences() -> None:
    model = TechniquesModel(
        np.zeros(2**18, dtype=np.float32),
        5.0,  # every token is "in span": only the sentence boundary (and edge trimming) splits the runs
        np.zeros((1, TC_FEATURES), dtype=np.float32),
        np.zeros(1, dtype=np.float32),
        ["Loaded_Language"],
        {"threshold": 0.5},
    )
    toks = _toks(TEXT)
    cand = candidates(model, TEXT, toks, SENTS, (), use_repetition=False)
    assert [TEXT[s:e] for s, e, _, _ in cand.model] == ["They met socialist agitators", "Agitators left"]
