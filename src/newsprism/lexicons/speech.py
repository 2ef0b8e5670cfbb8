"""Speech and report verbs and nouns: the one word list for every stage (quotes, tone, claims).

Three families, kept apart (issue 19):

- **speech acts** (``ACTS``): verbs that report an utterance, each with its class — ``assertion``,
  ``denial``, ``question``, ``promise``, ``accusation``, ``agreement``. Words that introduce reported
  content without a verb ("according to", "in a statement", "In a new poll, …", a colon line, an
  interview's Q/A) get ``report`` / ``question`` / ``answer`` from the extractor.
- **cognition and attitude** (``COGNITION``, ``ATTITUDE``): know, think, believe, oppose, support, want,
  attribute, blame … They are attributions in PolNeAR's sense, never a quotation on their own: a quote
  needs a speech act or quotation marks that a speech act governs.
- **writer's modals** (``WRITER_MODALS``): "would confirm", "should be noted", "could show" — an
  auxiliary of the writer's inference, not a speech act of the subject.

The quotes extractor's cue families (``NEUTRAL``/``LOADED`` class, object and prepositional frames,
evidence, passive and raising cues) are the PolNeAR-era lists, chosen on its training part (docs/quotes.md).
"""

from __future__ import annotations


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Neutral reporting verbs: they report that something was said without judging it.
NEUTRAL = _w(
    "vow thank congratulate echo add agree announce answer argue ask attribute call cite comment confirm continue "
    "declare describe disclose estimate explain indicate mention note observe offer pledge post predict propose "
    "quote recall recount refer reiterate remark reply report respond reveal say state suggest tell testify tweet "
    "urge write"
)
# Loaded verbs: they colour the statement (doubt, concession, aggression, emphasis).
LOADED = _w(
    "accuse acknowledge admit allege assert attack blast boast brag charge claim complain concede confess contend "
    "criticise criticize decry demand deny dismiss fume grumble gush insist lament lash maintain mock proclaim "
    "question rant scoff slam snap sneer swear threaten trumpet vow warn whine"
)
# Stance verbs: attribution in PolNeAR's sense (beliefs, intentions, findings); neutral class.
STANCE = _w(
    "decide refuse decline endorse defend consider see agree applaud believe condemn doubt expect fear feel find "
    "hope know oppose plan point praise promise reject seek show support think want worry"
)
# Verbs PolNeAR annotates as cues with a nominal object or a prepositional frame (talking about, describing,
# listing, blaming, portraying, backing, favouring …), found on its training part (issue 4).
NEUTRAL_MORE = _w(
    "talk discuss list repeat remind assure express highlight reference present advocate conclude tout retweet imply"
)
LOADED_MORE = _w("blast denounce challenge portray blame")
STANCE_MORE = _w("describe name order promote prefer welcome favor favour back view remember focus hope")
# Prepositional frames: the cue covers the preposition ("talks about", "pointed to") and its object is
# the content.
PREP_FRAMES: dict[str, frozenset[str]] = {
    "talk": _w("about of"),
    "focus": _w("on"),
    "point": _w("to"),
    "refer": _w("to"),
    "call": _w("for on"),
    "ask": _w("for about"),
    "comment": _w("on"),
    "advocate": _w("for"),
    "complain": _w("about"),
    "warn": _w("about of against"),
    "worry": _w("about"),
    "insist": _w("on"),
    "hope": _w("for"),
}
# Frames that report a wish or an attitude, not an utterance ("asked for asylum", "called for calm").
ATTITUDE_FRAMES = frozenset(
    [("ask", "for"), ("call", "for"), ("hope", "for"), ("point", "to"), ("focus", "on"), ("add", "to")]
)  # "added to the concern": no utterance either
# Cues whose content is a topic, not words ("discussed the budget", "talked about housing"): no speech act.
TOPIC_CUES = _w("discuss talk debate")
# Auxiliaries that put a cue in the future or a possibility: no utterance took place ("will say", "could predict").
UNUTTERED_AUX = _w("will wo 'll ’ll would could should might may must can ca 'd ’d")
# Cues whose object (not a clause) is what is reported: "called X a liar", "wants to …".
OBJECT_CUES = (
    _w(
        "vow decline refuse endorse defend thank congratulate consider blame charge accuse announce applaud ask call "
        "cite condemn criticize demand offer oppose pledge praise promise propose question recall reject reveal seek "
        "support tell urge want warn"
    )
    | NEUTRAL_MORE
    | LOADED_MORE
    | STANCE_MORE
    | _w("show find see dismiss mock attack")
)
# Cues that report an attitude (belief, wish, criticism) rather than words: quotes get ``attitude: true``.
ATTITUDE = (
    (STANCE - {"agree"}) | STANCE_MORE | _w("blame criticize criticise praise applaud condemn attack dismiss portray")
)
# Cognition and attitude verbs: never a speech act of their own (they may still be PolNeAR attributions).
COGNITION = ATTITUDE | _w("attribute express imply remember conclude estimate")
SPEECH = NEUTRAL | LOADED
CUES = SPEECH | STANCE | NEUTRAL_MORE | LOADED_MORE | STANCE_MORE
# Plain reporting verbs: they keep an outlet's reported block going and take content after them.
REPORT_CUES = _w("say tell add report note state explain write")
# Cues that may follow or interrupt their reported clause ("Such efforts, they believe, will fail.")
CLAUSE_CUES = REPORT_CUES | SPEECH | _w("believe think fear hope expect worry doubt feel")
# Evidence cues: any noun may be their source ("the poll shows …", "a study found …", "footage showed …").
EVIDENCE_CUES = _w("show find suggest indicate reveal conclude estimate predict")
RAISING_CUES = _w("appear")  # "X appears to …": an attribution with no source ("seem" lost precision)
PASSIVE_CUES = _w("expect believe think say report know consider rumor rumour")
# Auxiliaries of the writer's inference: "would confirm", "should be noted", "could show".
WRITER_MODALS = _w("would could should might may must 'd ’d")

# Speech-act class of the speech verbs that are not plain assertions.
_ACT_WORDS = {
    "denial": _w("deny dismiss reject refute dispute scoff rebut disavow contradict"),
    "question": _w("ask question wonder inquire query quiz"),
    "promise": _w("promise pledge vow swear threaten assure guarantee commit"),
    "accusation": _w(
        "accuse allege charge attack blast slam criticize criticise condemn decry denounce mock lash sneer fume "
        "rant challenge blame portray"
    ),
    "agreement": _w(
        "agree acknowledge concede confirm echo thank congratulate praise applaud welcome endorse admit confess"
    ),
}
ACTS: dict[str, str] = {w: act for act, ws in _ACT_WORDS.items() for w in ws}
# assertion … agreement: a cue verb's class; report: "according to", "in a statement", documents;
# question / answer: an interview's Q and A paragraphs.
ACT_CLASSES = ("assertion", "denial", "question", "promise", "accusation", "agreement", "report", "answer")

# Nouns that name a statement or an attitude (PolNeAR's nominal cues); the speech ones are not attitudes.
SPEECH_NOUNS = _w(
    "statement comment remark claim allegation accusation announcement warning message question response promise "
    "pledge vow assertion denial admission call demand proposal suggestion description complaint criticism attack "
    "argument contention insistence threat assurance charge"
)
NOMINAL_CUES = SPEECH_NOUNS | _w(
    "support opposition endorsement plan decision refusal hope view belief idea theory fear concern desire goal "
    "intention position praise defense objection hostility distrust rejection condemnation commitment expectation"
)
_NOUN_ACTS = {
    **dict.fromkeys(["denial"], "denial"),
    **dict.fromkeys(["question"], "question"),
    **dict.fromkeys(["promise", "pledge", "vow", "threat", "assurance"], "promise"),
    **dict.fromkeys(["allegation", "accusation", "charge", "criticism", "attack", "complaint"], "accusation"),
    **dict.fromkeys(["admission"], "agreement"),
}

# The subject of these does not receive the tone of what it says ("X said ...", "X slammed Y") — tone stage.
TONE_SPEAKER_VERBS = _w(
    "say tell add note argue claim insist write explain announce declare warn caution ask call suggest contend "
    "state testify tweet point respond reply acknowledge admit deny predict urge complain recall describe report "
    "confirm believe think decry charge question"
)


def cue_class(lemma: str) -> str:
    """``loaded`` for evaluative reporting verbs, else ``neutral``."""
    return "loaded" if lemma.lower() in LOADED | LOADED_MORE else "neutral"


def is_cue(lemma: str, *, stance: bool = True) -> bool:
    """A cue of an attribution (``stance``: beliefs and attitudes too) or, without it, a speech verb."""
    return lemma.lower() in (CUES if stance else SPEECH)


def speech_act(lemma: str, *, noun: bool = False) -> str | None:
    """The speech-act class of a cue lemma; None for cognition/attitude words and non-cues."""
    low = lemma.lower()
    if noun:
        return _NOUN_ACTS.get(low, "assertion") if low in SPEECH_NOUNS else None
    if low in COGNITION and low not in ACTS:
        return None
    if low in ACTS:
        return ACTS[low]
    return "assertion" if low in SPEECH or low in NEUTRAL_MORE else None
