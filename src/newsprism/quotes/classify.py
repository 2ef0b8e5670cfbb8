"""After the merge: each quotation's speech-act class, and quoted terms (titles, names of policies or works,
scare quotes) told apart from quoted speech."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.lexicons.speech import ATTITUDE_FRAMES, EVIDENCE_CUES, TOPIC_CUES, UNUTTERED_AUX, speech_act
from newsprism.quotes.lexicon import words_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsprism.quotes.candidate import Candidate
    from newsprism.quotes.context import Context

# Words right before a quotation that introduce a name, not someone's words ("the so-called “reform”").
NAMING_BEFORE = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|titled|entitled|branded|known as|labell?ed)\s*$", re.I
)
# Nouns right after a quotation that make it the name of a policy, programme, law or work.
NAME_NOUNS = words_set(
    "policy policies program programs programme programmes act bill law laws plan initiative doctrine campaign "
    "operation movement slogan book film movie documentary show series song album podcast column op-ed agenda "
    "deal rule order strategy project protocol agreement pact accord framework fund caucus"
)
HEADLINE_BEFORE = re.compile(r"\b(?:headline|headlined|headlines|title|caption|subject line)\s*[:,]?\s*$", re.I)
SMALL_WORDS = words_set("a an the of in on at to for and or but with from by as is vs")
# Verbs governing a cue's to-infinitive that still report the utterance ("went on to say", "continued to argue").
GOING_ON = words_set("go continue begin start proceed repeat")
PERSON_PRONOUNS = words_set("i we you he she they")
# Cues that name a topic when they take no reported clause ("mentions a new law", "recounting what happened").
MENTION_CUES = words_set("mention recount cite reference recall describe")
WH_TOPIC = words_set("what how why where when who which")
# The writer's gloss of what someone meant ("In effect, Paul was saying …"), not a report of words.
GLOSS = ("in effect", "effectively", "essentially", "basically", "in other words", "in essence")
WRITER_OWNERS = words_set("our my")
# Cues that narrate a resolve or a mood ("vowed to fight", "fumed over the ruling"): speech only with a quotation
# mark or a "that"-clause (session 8, issue 19, round 7).
RESOLVE_CUES = words_set("vow fume seethe")
QUOTE_MARKS = '“”"‘’'
# A caption, credit or chart line: "Photo: …", "(Photo by …)", "Source: …", "Chart: …", "Getty Images".
CREDIT_LINE = re.compile(
    r"(?:\b(?:photos?|photograph|credits?|sources?|charts?|graphs?|graphics?|tables?|images?|illustration|map|"
    r"video)\s*(?::|by\b)|\bGetty Images\b|\bAP Photo\b)",
    re.I,
)
CREDIT_WORDS = 40  # a caption or credit line is short
MAX_CREDIT_CHARS = CREDIT_WORDS * 40  # a longer line is taken as no caption (40 words of 40 characters)
TABLE_CELLS = re.compile(r"\||\t")


POLICY_NOUNS = frozenset(["proposal", "plan", "suggestion", "call", "demand", "push", "bid", "effort"])
ASKED_MARKS = frozenset(["when", "if", "after", "before", "once", "unless", "until", "as"])


def not_uttered(q: Candidate) -> bool:
    """The cue reports no utterance that took place (issue 19): a future or modal one ("will talk about", "could
    predict"), a to-infinitive of another verb ("had been called to testify", "declined to say"), a passive whose
    subject is the hearer ("was told that"), evidence verbs of things ("the data suggests"), "All told"."""
    cue = q.cue
    if cue is None or cue.text == ":" or cue.lower_ == "according" or cue.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(cue.children)
    later = any(c.lower_ == "later" for c in kids)  # "she would later say": a past utterance told in sequence
    if any(c.dep_ == "aux" and c.lower_ in UNUTTERED_AUX for c in kids) and not later:
        return True
    if _unuttered_head(cue):
        return True
    subj = q.subj
    if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == cue.i:
        return True
    if _asked_when(cue):
        return True
    if cue.lemma_.lower() in EVIDENCE_CUES and subj is not None:
        person = subj.ent_type_ == "PERSON" or subj.lower_ in PERSON_PRONOUNS
        if not person:
            return True
    if cue.i > 0 and cue.nbor(-1).lower_ in ("the", "a", "an"):
        return True  # "the question to recant": a noun the parser took for a cue verb
    return cue.lower_ == "told" and cue.i > 0 and cue.nbor(-1).lower_ == "all"


def _asked_when(cue: Token) -> bool:
    """ "A person who answered hung up when asked whether …": a bare participle of ask/tell with no subject of its
    own; the main clause's subject is the hearer, and the question is the writer's (issue 19, round 4)."""
    if cue.tag_ != "VBN" or cue.lemma_.lower() not in ("ask", "tell", "question", "press"):
        return False
    kids = list(cue.children)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return False
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in ASKED_MARKS for c in kids)


def _unuttered_head(cue: Token) -> bool:
    """A to-infinitive of another verb ("declined to say"), also through a coordination ("directed him to call …
    and say that …": what he was told to say, not what he said)."""
    verb = cue
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        verb = verb.head
        if any(c.dep_ == "aux" and c.lower_ in UNUTTERED_AUX for c in verb.children):
            return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in GOING_ON


def writers_own(q: Candidate) -> bool:
    """Not a report of anyone's words (issue 19, round-2 judged class 'non-speech treated as speech'): the
    writer's gloss ("In effect, Paul was saying …"), the writer's own analysis ("according to our analysis"), a
    mention or recounting of a topic ("always mentions a new law", "as Mueller is recounting what happened")."""
    cue = q.cue
    if cue is None or cue.text == ":":
        return False
    if q.extra.get("according_to"):
        src = q.subj
        if src is None:
            return False
        if src.lower_ in ("us", "me") or any(c.dep_ == "poss" and c.lower_ in WRITER_OWNERS for c in src.children):
            return True
        # "according to RAPTOR, our new player metric": the writer's own measure named by an apposition (round 4)
        # the 12 characters after the source, from the tokens (Doc.text would join the whole text per call)
        after = (src.whitespace_ + src.doc[src.i + 1 : src.i + 13].text_with_ws)[:12]
        return re.match(r"\s*,\s*(?:our|my)\b", after, re.I) is not None
    lead = cue.doc[cue.sent.start : cue.i].text_with_ws.lower()
    if any(g in lead for g in GLOSS):
        return True
    if cue.lemma_.lower() in MENTION_CUES:
        comps = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i]
        first = comps[0].left_edge.lower_ if comps else ""
        has_obj = any(c.dep_ in ("dobj", "dative") for c in cue.children)  # "mentioned Reade in 35 clips, …"
        return not comps or has_obj or first in WH_TOPIC
    return False


def _title_case(text: str) -> bool:
    """A name written in title case ("Remain in Mexico", "Build Back Better"), not a quoted sentence."""
    words = re.findall(r"[\w’'-]+", text)
    if not 2 <= len(words) <= 8 or text.rstrip()[-1:] in ".!?,;:":
        return False
    big = [w for w in words if w.lower() not in SMALL_WORDS]
    return len(big) >= 2 and all(w[:1].isupper() for w in big)


def _headline(ctx: Context, q: Candidate) -> bool:
    """A headline quoted or linked, not an utterance (issue 19, round-2 judged class 'title as speech'): "with the
    headline: “Durham … could ‘punt’ …”", or a headline-cased attribution ("Trump Must Meet Xi to Stop Trade
    War, Top House Republican Says" below the article's first line)."""
    before = ctx.text[max(0, q.start - 40) : q.start].rstrip(" “\"‘'")
    if HEADLINE_BEFORE.search(before):
        return True
    cue = q.cue
    if q.kind != "indirect" or cue is None or not cue.text[:1].isupper() or cue.i == cue.sent.start:
        return False
    if "\n" not in ctx.text[: q.start].lstrip():
        return False  # the article's own headline ("Newspaper Says Clinton Needs To Quit …") does attribute
    words = re.findall(r"[\w’'-]+", ctx.text[q.start : q.end])
    big = [w for w in words if w.lower() not in SMALL_WORDS]
    return len(big) >= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in big)


def _credit_line(ctx: Context, q: Candidate) -> bool:
    """The quotation stands in a short caption, credit, chart or table line ("“…” (Graphic: Labor Department)",
    "Source: …", "“Ohio” | 12% | 15%") with no speech verb in it: chart or credit text, not speech (session 8,
    issue 19, round 7)."""
    text = ctx.text
    # only a short line can be a caption: look for its ends within MAX_CREDIT_CHARS, so a hostile one-line text
    # costs constant work per quotation (tests/test_adversarial_scaling.py), not the whole line each time
    lo = text.rfind("\n", max(0, q.start - MAX_CREDIT_CHARS), q.start)
    if lo < 0 and q.start > MAX_CREDIT_CHARS:
        return False
    hi = text.find("\n", q.end, q.end + MAX_CREDIT_CHARS)
    if hi < 0 and len(text) - q.end > MAX_CREDIT_CHARS:
        return False
    lo, hi = lo + 1, len(text) if hi < 0 else hi
    if hi - lo > MAX_CREDIT_CHARS:
        return False
    line = text[lo:hi]
    if not (CREDIT_LINE.search(line) or TABLE_CELLS.search(line)) or len(line.split()) > CREDIT_WORDS:
        return False
    span = ctx.doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return False
    return not any(t.pos_ == "VERB" and speech_act(t.lemma_) is not None for t in span if not _inside(q, t))


def _inside(q: Candidate, t: Token) -> bool:
    return q.start <= t.idx < q.end


def is_term(ctx: Context, q: Candidate) -> bool:
    """A partial quotation that is a term, not speech: unattributed (a scare quote), attributed only through a
    cognition/attitude verb, or a name (title case, "so-called …", "the “…” policy"); a direct quotation written
    in title case is a title too."""
    if q.kind in ("direct", "indirect") and _headline(ctx, q):
        return True
    if _credit_line(ctx, q):
        return True
    if q.kind == "direct":  # "His book, “The Art of the Deal,” says …": a title, not words anyone said
        return _title_case(ctx.text[q.start : q.end].rstrip(".,"))
    if q.kind != "partial":
        return False
    if q.subj is None:
        return True
    if q.cue is not None and q.cue.text != ":" and q.cue.lower_ != "according" and speech_act(q.cue.lemma_) is None:
        return True
    text = ctx.text
    before = text[max(0, q.start - 40) : q.start].rstrip(" “\"‘'")
    after = re.match(r"[”\"’']?\s*([\w-]+)", text[q.end : q.end + 40])
    if NAMING_BEFORE.search(before):
        return True
    if after is not None and after.group(1).lower() in NAME_NOUNS:
        return True
    return _title_case(text[q.start : q.end])


def act_of(q: Candidate) -> str | None:
    """The speech-act class of a kept quotation (None: a cognition/attitude attribution)."""
    x = q.extra
    if x.get("interview"):
        return "question" if x.get("question") else "answer"
    if x.get("according_to") or x.get("in_record"):
        return None if writers_own(q) else "report"
    cue = q.cue
    if cue is None or cue.text == ":":
        return "assertion"
    if x.get("nominal"):  # with no one whose remark it is ("the question to recant"), no utterance to show
        if _policy_noun(cue):
            return None  # "Romney's proposal to cap deductions": a policy, not a remark (issue 19, round 4)
        return speech_act(cue.lemma_, noun=True) if q.subj is not None else None
    if q.rule == "object" or not_uttered(q) or cue.lemma_.lower() in TOPIC_CUES or writers_own(q):
        return None  # "The NGO criticized the administration": the object is the target, not the words
    if cue.lemma_.lower() in RESOLVE_CUES and q.kind == "indirect" and not _spoken_content(cue, q):
        return None  # "vowed to fight the ruling": a resolve, not an utterance
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if nxt is not None and nxt.dep_ == "prep" and (cue.lemma_.lower(), nxt.lower_) in ATTITUDE_FRAMES:
        return None  # "asked for asylum", "called for calm": a wish, not an utterance
    return speech_act(cue.lemma_)


def _spoken_content(cue: Token, q: Candidate) -> bool:
    """The content of a resolve cue is a "that"-clause or holds a quotation mark."""
    content = cue.doc.text[q.start : q.end]
    return content.lower().startswith("that ") or any(m in content for m in QUOTE_MARKS)


def _policy_noun(cue: Token) -> bool:
    """A plan-like noun with a to-infinitive ("proposal to cap deductions", "plan to close the base")."""
    return cue.lemma_.lower() in POLICY_NOUNS and any(
        c.dep_ in ("acl", "xcomp", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in cue.children
    )


def classify(ctx: Context, quotes: list[Candidate]) -> None:
    """Set ``kind = "term"`` (no speaker, cue or event) and the ``speech_act`` / ``attitude`` flags."""
    for q in quotes:
        if is_term(ctx, q):
            q.kind, q.subj, q.cue, q.event = "term", None, None, 0
            q.extra.pop("inherited_speaker", None)
            continue
        act = act_of(q)
        q.extra["speech_act"] = act
        if act is None and q.kind in ("indirect", "partial"):
            q.extra["attitude"] = True
