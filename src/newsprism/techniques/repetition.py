"""Repetition: content n-grams (2-4 words, content words at both ends) repeated within one article."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsprism.techniques.features import Tok

CONTENT = {"NOUN", "PROPN", "ADJ", "VERB", "NUM"}
# Names and figures recur because the story is about them, not to persuade: n-grams holding one are skipped
# (on the inner PTC tuning split this lifted the detector's SI F1; see docs/models/techniques.md).
NEUTRAL_REPEATS = {"PROPN", "NUM"}
# A passage quoted twice (a statement given in part, then in full) repeats every phrase in it: an occurrence
# inside a run of PASSAGE words that recurs verbatim elsewhere in the article is a re-quote, not repetition.
PASSAGE = 6
# Words inside a quotation longer than LONG_QUOTE words are the speaker's, not the writer's: they neither count
# towards nor are reported as repetition. Short quotes (scare quotes, a quoted label) are the writer's framing
# and stay (on PTC training articles, n-gram uses inside quotes of <= 8 words overlap a gold span 43% of the time).
LONG_QUOTE = 8
_QUOTED = re.compile(r"“[^”\n]{1,5000}”|\"[^\"\n]{1,5000}\"")


def long_quotes(text: str, min_words: int = LONG_QUOTE) -> list[tuple[int, int]]:
    """(start, end) of quotations (curly or straight double quotes, within one line) over ``min_words`` words."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text) if len(m.group().split()) > min_words]


def requoted(toks: list[Tok], inside: list[bool] | None = None, window: int = PASSAGE) -> list[bool]:
    """Per token: it lies inside a ``window``-word run (punctuation ignored) that occurs twice or more.

    When one copy of such a run lies inside a quotation (``inside``), every copy is marked in ``inside`` too:
    the passage is the speaker's words quoted again without quotation marks (a block quote).
    """
    words = [i for i, t in enumerate(toks) if t.pos != "PUNCT"]
    lemmas = [toks[i].lemma for i in words]
    grams = [tuple(lemmas[k : k + window]) for k in range(len(lemmas) - window + 1)]
    counts = Counter(grams)
    quoted_grams = {g for k, g in enumerate(grams) if counts[g] > 1 and inside and inside[words[k]]}
    out = [False] * len(toks)
    for k, g in enumerate(grams):
        if counts[g] > 1:
            for i in range(words[k], words[k + window - 1] + 1):
                out[i] = True
                if g in quoted_grams and inside is not None:
                    inside[i] = True
    return out


def repeated_ngrams(
    toks: list[Tok], min_count: int = 4, max_n: int = 4, quoted: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int]]:
    """(start, end, count) for the 2nd and later occurrences of content n-grams seen ``min_count``+ times.

    Longer n-grams win over the shorter ones they contain. Occurrences inside a re-quoted passage
    (:func:`requoted`) count once together and are never reported; occurrences inside ``quoted`` character
    spans (long quotations: :func:`long_quotes`) neither count nor are reported.
    """
    found: list[tuple[int, int, int]] = []
    covered: set[int] = set()
    inside = [any(s <= t.start and t.end <= e for s, e in quoted or ()) for t in toks]
    again = requoted(toks, inside)
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
            starts = [i for i in starts if not any(inside[i : i + n])]
            own = [i for i in starts if not any(again[i : i + n])]
            count = len(own) + (len(own) < len(starts))
            if count < min_count:
                continue
            for i in own if len(own) < len(starts) else own[1:]:
                idx = set(range(i, i + n))
                if idx & covered:
                    continue
                covered |= idx
                found.append((toks[i].start, toks[i + n - 1].end, count))
    return sorted(found)
