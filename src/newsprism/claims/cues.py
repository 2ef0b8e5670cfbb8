"""Word cues behind the kind decision's abstention (issue 23): what makes a sentence not a clean claim, or an
explicit judgement.

Closed lists, written from the labelling guide (docs/claims_judging.md: recommendations, speculation and
forecasts are not checkable now) and checked on CheckThat's training sentences (share SUBJ per cue, printed by
``python -m newsprism.training.claims_abstain``); which cue groups the stage uses and the score cuts were chosen
by cross-validation on round 1 of the blind sample (docs/claims.md).

- ``recommendation``: deontic modals and exhortations ("should", "ought to", "must" + verb, "need to",
  "let's", "we demand/urge"): a judgement of what ought to happen, even when reported.
- ``speculation``: the writer's epistemic hedges ("perhaps", "possibly", "probably", "arguably", "seems to",
  "is likely to"): a guess, not a statement of record. Sourcing hedges ("reportedly", "allegedly",
  "according to") are not speculation: they attribute a checkable statement.
- ``stance``: first-person stance ("I think", "I feel", "in my view", "we believe", "I am proud") and judgement
  frames ("it would be shameful", "it is not hard to imagine"): the sentence says what someone thinks.
- ``forecast``: a future marker and a verb ("will", "won't", "'ll", "is going to", "is scheduled to";
  ``claims.future``): a prediction, not checkable now.
"""

from __future__ import annotations

import re

from newsprism.claims.future import FORECAST_RE

_W = r"(?:\w+\s+){0,3}?"  # up to three words between a subject and its verb ("I really do think")
CUES: dict[str, re.Pattern[str]] = {
    "recommendation": re.compile(
        r"\b(?:should(?:n[’']t)?|ought\s+to|must(?!\s+have\b)(?:n[’']t)?\s+(?:not\s+)?\w+|(?<!the\s)(?<!no\s)needs?\s+to|"
        r"let[’']s|let\s+us|we\s+(?:demand|urge|call\s+on|ask)|(?:has|have)\s+to\s+(?!do\s+with)\w+)\b",
        re.IGNORECASE,
    ),
    "speculation": re.compile(
        r"\b(?:perhaps|possibly|probably|arguably|presumably|conceivably|seemingly|"
        r"(?:seems?|seemed|appears?|appeared)\s+to|(?:is|are|was|were|be)\s+(?:\w+\s+)?likely\s+to|"
        r"likely\s+(?:will|would)|will\s+likely|would\s+likely|(?:very|highly|quite|fairly)\s+likely|"
        r"(?:makes?|made|making)\s+it\s+(?:\w+\s+)?likely|likely\s+that|unlikely)\b",
        re.IGNORECASE,
    ),
    "stance": re.compile(
        rf"\b(?:(?:I|we)\s+{_W}(?:think|believe|feel|hope|fear|worry|doubt|suspect|suppose|guess|wish|"
        r"like|love|hate|am\s+proud|are\s+proud|am\s+sure|am\s+confident)|in\s+my\s+(?:view|opinion|judgment)|"
        r"my\s+heart|it\s+(?:would|will)\s+be\s+(?:\w+\s+)?(?:shameful|wrong|foolish|a\s+mistake|a\s+shame|"
        r"a\s+disaster|tragic|absurd|one\s+thing)|(?:it\s+is|it[’']s)\s+not\s+hard\s+to\s+(?:imagine|see))\b",
        re.IGNORECASE,
    ),
    "forecast": FORECAST_RE,  # the one future-tense definition (claims.future)
}


def cues(text: str) -> list[str]:
    """The cue groups present in ``text``, in ``CUES`` order."""
    return [name for name, rx in CUES.items() if rx.search(text)]
