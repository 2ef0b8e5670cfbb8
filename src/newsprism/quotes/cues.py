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
# Verbs PolNeAR annotates as cues with a nominal object or a prepositional frame (talking about, describing,
# listing, blaming, portraying, backing, favouring …), found on its training part (issue 4).
NEUTRAL_MORE = frozenset(
    [
        "talk",
        "discuss",
        "list",
        "repeat",
        "remind",
        "assure",
        "express",
        "highlight",
        "reference",
        "present",
        "advocate",
        "conclude",
        "tout",
        "retweet",
        "imply",
    ]
)
LOADED_MORE = frozenset(["blast", "denounce", "challenge", "portray", "blame"])
STANCE_MORE = frozenset(
    [
        "describe",
        "name",
        "order",
        "promote",
        "prefer",
        "welcome",
        "favor",
        "favour",
        "back",
        "view",
        "remember",
        "focus",
        "hope",
    ]
)
# Prepositional frames: the cue covers the preposition ("talks about", "pointed to") and its object is
# the content.
PREP_FRAMES: dict[str, frozenset[str]] = {
    "talk": frozenset(["about", "of"]),
    "focus": frozenset(["on"]),
    "point": frozenset(["to"]),
    "refer": frozenset(["to"]),
    "call": frozenset(["for", "on"]),
    "ask": frozenset(["for", "about"]),
    "comment": frozenset(["on"]),
    "advocate": frozenset(["for"]),
    "complain": frozenset(["about"]),
    "warn": frozenset(["about", "of", "against"]),
    "worry": frozenset(["about"]),
    "insist": frozenset(["on"]),
    "hope": frozenset(["for"]),
}
# Cues whose object (not a clause) is what is reported: "called X a liar", "wants to …".
OBJECT_CUES = (
    frozenset(
        [
            "vow",
            "decline",
            "refuse",
            "endorse",
            "defend",
            "thank",
            "congratulate",
            "consider",
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
    | NEUTRAL_MORE
    | LOADED_MORE
    | STANCE_MORE
    | frozenset(["show", "find", "see", "dismiss", "mock", "attack"])
)
# Cues that report an attitude (belief, wish, criticism) rather than words: quotes get ``attitude: true``.
ATTITUDE = (
    (STANCE - {"agree"})
    | STANCE_MORE
    | frozenset(["blame", "criticize", "criticise", "praise", "applaud", "condemn", "attack", "dismiss", "portray"])
)
SPEECH = NEUTRAL | LOADED
# Plain reporting verbs: they keep an outlet's reported block going and take content after them.
REPORT_CUES = frozenset(["say", "tell", "add", "report", "note", "state", "explain", "write"])
# Cues that may follow or interrupt their reported clause ("Such efforts, they believe, will fail.")
CLAUSE_CUES = REPORT_CUES | SPEECH | frozenset(["believe", "think", "fear", "hope", "expect", "worry", "doubt", "feel"])
# Evidence cues: any noun may be their source ("the poll shows …", "a study found …", "footage showed …").
EVIDENCE_CUES = frozenset(["show", "find", "suggest", "indicate", "reveal", "conclude", "estimate", "predict"])
RAISING_CUES = frozenset(["appear"])  # "X appears to …": an attribution with no source ("seem" lost precision)
PASSIVE_CUES = frozenset(["expect", "believe", "think", "say", "report", "know", "consider", "rumor", "rumour"])
CUES = SPEECH | STANCE | NEUTRAL_MORE | LOADED_MORE | STANCE_MORE


def cue_class(lemma: str) -> str:
    """``loaded`` for evaluative reporting verbs, else ``neutral``."""
    return "loaded" if lemma.lower() in LOADED | LOADED_MORE else "neutral"


def is_cue(lemma: str, *, stance: bool = True) -> bool:
    return lemma.lower() in (CUES if stance else SPEECH)
