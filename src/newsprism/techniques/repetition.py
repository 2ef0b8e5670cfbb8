"""Repetition: content n-grams (2-4 words, content words at both ends) repeated within one article."""

from __future__ import annotations

from collections import defaultdict

from newsprism.techniques.features import Tok

CONTENT = {"NOUN", "PROPN", "ADJ", "VERB", "NUM"}
# Names and figures recur because the story is about them, not to persuade: n-grams holding one are skipped
# (on the inner PTC tuning split this lifted the detector's SI F1; see docs/models/techniques.md).
NEUTRAL_REPEATS = {"PROPN", "NUM"}


def repeated_ngrams(toks: list[Tok], min_count: int = 4, max_n: int = 4) -> list[tuple[int, int, int]]:
    """(start, end, count) for the 2nd and later occurrences of content n-grams seen ``min_count``+ times.

    Longer n-grams win over the shorter ones they contain.
    """
    found: list[tuple[int, int, int]] = []
    covered: set[int] = set()
    for n in range(max_n, 1, -1):
        occ: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in range(len(toks) - n + 1):
            win = toks[i : i + n]
            if win[0].pos not in CONTENT or win[-1].pos not in CONTENT:
                continue
            if any(t.pos == "PUNCT" or t.pos in NEUTRAL_REPEATS for t in win):
                continue
            occ[tuple(t.lemma for t in win)].append(i)
        for _key, starts in occ.items():
            if len(starts) < min_count:
                continue
            for i in starts[1:]:
                idx = set(range(i, i + n))
                if idx & covered:
                    continue
                covered |= idx
                found.append((toks[i].start, toks[i + n - 1].end, len(starts)))
    return sorted(found)
