"""Cue (reporting) verbs and their class: neutral reporting vs loaded (evaluative) reporting."""

from __future__ import annotations

# Neutral reporting verbs: they report that something was said without judging it.
NEUTRAL = frozenset(
    [
        "vow",
        "thank",
        "congratulate",
        "echo",
        "add",
        "agree",
        "announce",
        "answer",
        "argue",
        "ask",
        "attribute",
        "call",
        "cite",
        "comment",
        "confirm",
        "continue",
        "declare",
        "describe",
        "disclose",
        "estimate",
        "explain",
        "indicate",
        "mention",
        "note",
        "observe",
        "offer",
        "pledge",
        "post",
        "predict",
        "propose",
        "quote",
        "recall",
        "recount",
        "refer",
        "reiterate",
        "remark",
        "reply",
        "report",
        "respond",
        "reveal",
        "say",
        "state",
        "suggest",
        "tell",
        "testify",
        "tweet",
        "urge",
        "write",
    ]
)
# Loaded verbs: they colour the statement (doubt, concession, aggression, emphasis).
LOADED = frozenset(
    [
        "accuse",
        "acknowledge",
        "admit",
        "allege",
        "assert",
        "attack",
        "blast",
        "boast",
        "brag",
        "charge",
        "claim",
        "complain",
        "concede",
        "confess",
        "contend",
        "criticise",
        "criticize",
        "decry",
        "demand",
        "deny",
        "dismiss",
        "fume",
        "grumble",
        "gush",
        "insist",
        "lament",
        "lash",
        "maintain",
        "mock",
        "proclaim",
        "question",
        "rant",
        "scoff",
        "slam",
        "snap",
        "sneer",
        "swear",
        "threaten",
        "trumpet",
        "vow",
        "warn",
        "whine",
    ]
)
# Stance verbs: attribution in PolNeAR's sense (beliefs, intentions, findings); neutral class.
STANCE = frozenset(
    [
        "decide",
        "refuse",
        "decline",
        "endorse",
        "defend",
        "consider",
        "need",
        "see",
        "agree",
        "applaud",
        "believe",
        "condemn",
        "doubt",
        "expect",
        "fear",
        "feel",
        "find",
        "hope",
        "know",
        "oppose",
        "plan",
        "point",
        "praise",
        "promise",
        "reject",
        "seek",
        "show",
        "support",
        "think",
        "want",
        "worry",
    ]
)
# Cues whose object (not a clause) is what is reported: "called X a liar", "wants to …".
OBJECT_CUES = frozenset(
    [
        "vow",
        "decline",
        "refuse",
        "endorse",
        "defend",
        "thank",
        "congratulate",
        "consider",
        "need",
        "blame",
        "charge",
        "accuse",
        "announce",
        "applaud",
        "ask",
        "call",
        "cite",
        "condemn",
        "criticize",
        "demand",
        "offer",
        "oppose",
        "pledge",
        "praise",
        "promise",
        "propose",
        "question",
        "recall",
        "reject",
        "reveal",
        "seek",
        "support",
        "tell",
        "urge",
        "want",
        "warn",
    ]
)
# Cues that report an attitude (belief, wish, criticism) rather than words: quotes get ``attitude: true``.
ATTITUDE = (STANCE - {"agree"}) | frozenset(
    ["blame", "criticize", "criticise", "praise", "applaud", "condemn", "attack", "dismiss"]
)
SPEECH = NEUTRAL | LOADED
CUES = SPEECH | STANCE


def cue_class(lemma: str) -> str:
    """``loaded`` for evaluative reporting verbs, else ``neutral``."""
    return "loaded" if lemma.lower() in LOADED else "neutral"


def is_cue(lemma: str, *, stance: bool = True) -> bool:
    return lemma.lower() in (CUES if stance else SPEECH)
