"""The future tense, defined once for the claims stage (issue 23).

Three readers use this one definition of a future marker:

* the ``forecast`` cue (``claims.cues``): a marker followed by a verb anywhere in the sentence;
* the parse check of the kind decision (``claims.abstain.main_verb_future``): the marker is the sentence's
  main verb group (the root, its auxiliaries and the "to" of its complement: "will cost", "is going to
  raise", "is scheduled to close"), not a subordinate clause ("workers complained that new hires will get
  raises" is past);
* the dates' future context (``claims.dates.future_context``): a marker in the same clause before a
  year-less date ("will leave on January 1", "is scheduled to close in March") reads the date forward.

Markers: the modal future ("will", "won't", "shall", "'ll"), "is/are/am/'s/'re/'m going to" and a schedule ("is/are/was/
were set/scheduled/due/expected/slated to"). Before this module the three readers each had their own list; the
union is measured in docs/claims.md.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_APOS = "'’"
MODAL = rf"\b(?:will|won[{_APOS}]t|shall)\b|\w[{_APOS}]ll\b"
GOING_TO = rf"(?:\b(?:is|are|am)|[{_APOS}](?:s|re|m))\s+going\s+to\b"
SCHEDULED = r"\b(?:is|are|was|were)\s+(?:set|scheduled|due|expected|slated)\s+to\b"
MARKER = rf"(?:{MODAL}|{GOING_TO}|{SCHEDULED})"
MARKER_RE = re.compile(MARKER, re.IGNORECASE)
FORECAST_RE = re.compile(rf"{MARKER}\s+(?:\w+ly\s+)?\w+", re.IGNORECASE)
"""A future marker followed by a verb ("will cost", "will likely rise", "'ll see", "is going to raise")."""
BEFORE_RE = re.compile(rf"{MARKER}[^.;:!?]{{0,60}}$", re.IGNORECASE)
"""A future marker at most 60 characters before the end of the text, with no clause end between."""


def before(text: str, start: int) -> bool:
    """Whether a future marker stands in the same clause within 60 characters before ``text[start]``."""
    return bool(BEFORE_RE.search(text[max(0, start - 80) : start]))


_SPLIT = {"wo": "won't", "'ll": "x'll", "'s": "x's", "'re": "x're", "'m": "x'm"}
"""spaCy's tokens of contractions ("won't" → "wo" "n't", "she'll" → "she" "'ll"), read back as the text forms."""


def verb_group(root: Token) -> str:
    """The main verb group of a parse root as text: its auxiliaries, the root, and the "to" of its clausal
    complement ("will" "cost"; "is" "going" "to"; "is" "scheduled" "to")."""
    toks = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i] + [root]
    comp = next((c for c in root.children if c.dep_ == "xcomp" and c.i > root.i), None)
    if comp is not None:
        toks += [c for c in comp.children if c.lower_ == "to" and c.i < comp.i]
    toks.sort(key=lambda t: t.i)
    return " ".join(_SPLIT.get(t.lower_.replace("’", "'"), t.lower_) for t in toks)


def main_verb(root: Token) -> bool:
    """Whether the parse root's verb group is in the future tense (a marker of this module)."""
    return bool(MARKER_RE.search(verb_group(root)))
