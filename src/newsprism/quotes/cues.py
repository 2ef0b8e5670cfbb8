"""Cue (reporting) verbs and their class: neutral reporting vs loaded (evaluative) reporting."""

from __future__ import annotations

# Neutral reporting verbs: they report that something was said without judging it.
NEUTRAL = frozenset(
    [
        "say",
        "tell",
        "add",
        "note",
        "state",
        "report",
        "explain",
        "mention",
        "write",
        "continue",
        "reply",
        "respond",
        "ask",
        "announce",
        "comment",
        "describe",
        "remark",
        "testify",
        "quote",
        "answer",
        "declare",
        "observe",
        "reiterate",
        "recall",
        "tweet",
        "post",
        "indicate",
        "suggest",
        "argue",
        "predict",
        "estimate",
        "confirm",
        "agree",
        "disclose",
        "recount",
        "urge",
        "attribute",
        "offer",
        "propose",
        "recall",
        "cite",
        "refer",
        "pledge",
        "reveal",
        "call",
    ]
)
# Loaded verbs: they colour the statement (doubt, concession, aggression, emphasis).
LOADED = frozenset(
    [
        "claim",
        "admit",
        "insist",
        "concede",
        "slam",
        "blast",
        "boast",
        "allege",
        "charge",
        "deny",
        "acknowledge",
        "complain",
        "rant",
        "brag",
        "lash",
        "scoff",
        "confess",
        "assert",
        "contend",
        "maintain",
        "swear",
        "vow",
        "warn",
        "threaten",
        "accuse",
        "attack",
        "criticize",
        "criticise",
        "mock",
        "decry",
        "dismiss",
        "demand",
        "proclaim",
        "trumpet",
        "gush",
        "fume",
        "grumble",
        "whine",
        "snap",
        "sneer",
        "lament",
        "question",
    ]
)
# Cognitive / stance verbs: attribution in PolNeAR's sense (beliefs, intentions); neutral class.
STANCE = frozenset(
    ["think", "believe", "know", "hope", "expect", "fear", "want", "feel", "worry", "promise", "plan", "doubt"]
)
# Verbs that introduce a quotation or a block quotation but only with a speech reading.
SPEECH = NEUTRAL | LOADED
CUES = SPEECH | STANCE
# Words that never report speech even if tagged as such.
NOT_CUE: frozenset[str] = frozenset()


def cue_class(lemma: str) -> str:
    """``loaded`` for evaluative reporting verbs, else ``neutral``."""
    return "loaded" if lemma.lower() in LOADED else "neutral"


def is_cue(lemma: str, *, stance: bool = True) -> bool:
    lem = lemma.lower()
    if lem in NOT_CUE:
        return False
    return lem in (CUES if stance else SPEECH)
