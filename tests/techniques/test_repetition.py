"""The repetition detector counts content n-grams, not function-word runs."""

from __future__ import annotations

from newsprism.techniques.features import Tok
from newsprism.techniques.repetition import repeated_ngrams


def _toks(words: list[tuple[str, str]]) -> list[Tok]:
    out, pos = [], 0
    for w, p in words:
        out.append(Tok(pos, pos + len(w), w.lower(), w.lower(), p, "xxxx", p in ("DET", "ADP")))
        pos += len(w) + 1
    return out


def test_repetition_counts_content_ngrams() -> None:
    phrase = [("open", "ADJ"), ("borders", "NOUN")]
    filler = [("we", "PRON"), ("reject", "VERB"), ("the", "DET")]
    verbs = ["reject", "fear", "oppose", "hate"]  # varied contexts: an identical 6-word run is a re-quote
    toks = _toks([w for v in verbs for w in [("we", "PRON"), (v, "VERB"), ("the", "DET"), *phrase]] + filler)
    reps = repeated_ngrams(toks)
    assert len(reps) == 3  # 2nd..4th occurrence
    assert all(c == 4 for _, _, c in reps)
    assert repeated_ngrams(_toks((filler + phrase) * 2)) == []
