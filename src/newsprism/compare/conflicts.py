"""Number and date conflicts a fact-checker can trust (issue 26): the same quantity of the same thing at the same
time, in claims matched as the same proposition, with values that cannot both be true.

Two numbers are the same quantity when they have the same role (count, money, percent, duration, age, measure;
ranks never conflict), the same unit, the same counted noun (lemma) with no contradicting modifiers, and no
contradicting predicate or subject; they disagree when their value intervals do not overlap, where an approximator
widens the interval ("about 19" covers 17-21, "more than 20" covers everything above 20, "10 to 12" is a range) and a
rounded figure covers what it rounds ("1.2 million" covers 1.15-1.25 million). Two dates are the same date when
their claims are in one claim group and they attach to the same predicate ("announced"), and disagree when their
spans (day, week, month, year) do not overlap. Claims dated at different times are not compared, and a number
that the other article also reports (for the same counted noun) is not a disagreement.

Each conflict carries ``why`` (in words) and a ``confidence``: a sum of the evidence that the two are the same
quantity (see :func:`_number_confidence`, :func:`_date_confidence`); reports show conflicts with confidence >=
``SHOW_THRESHOLD``, the JSON keeps all of them.

Round 2 of issue 26 (:class:`Rules`, each change a switch so that ``ROUND1``, the rules as of commit 10f56dd, stays
callable by ``bench stories``): a figure is precise to at least two significant digits ("50,000" covers 49,500-
50,500, not 55,000); subjects are compared only for the same predicate (Trump *took* the oath Roberts
*administered*); and day dates of claims matched as the same event, or of similar claims, conflict when both attach
to the same word (a parsed predicate, or for sentences without claims a verb-like word next to the date):
"apologized Friday" vs "apologize Saturday". Found on the BASIL training triplets (``strict_counted``): a unit word
the parse gives as the counted noun is none ("46 percent", "the next 75 years"), modifiers must agree ("Republican
senators" vs "Republican state senators"), and a date after "since"/"until" is a bound, not an event's day.

Round 4 (``event_months``; ``ROUND3`` is the rule set scored on round 3): two planned dates (future tense) of the
same parsed verb in claims matched as the same event are compared at month precision too ("will leave at the end
of February" vs "will be leaving on January 1").

Round 5 (``event_amounts``; ``ROUND4`` is the rule set scored on round 4): amounts without a counted noun (money, a
measure with a unit) in claims matched as one proposition or the same event are compared when their claims tell one
act and thing (:func:`amount_conflict`, :mod:`newsprism.compare.amounts`).

Round 6 (``depart_dates``, ``amount_precision``; ``ROUND5`` is the rule set scored on round 5): the verbs and words of
leaving a post are one event for two planned dates ("will be leaving on January 1" vs "would be retiring at the end
of February", "His resignation is effective December 31" vs "his final day in office will be Feb. 28"; a past
"resigned Thursday" is the act of resigning, not the last day), a sentence's resolved DATE entity replaces an
unresolved regex date it overlaps, "about" before a money figure of two significant digits or more is that figure's
rounding, a bound ("less than $5.7 billion") states no figure, and one verb of one event alone is shown when both
amounts are exact.

After round 6 (``date_agents``, ``count_acts``; ``ROUND6`` is the rule set scored on round 6): two dates whose verbs
have two different named subjects are two events ("McConnell announced Thursday" vs "The House Judiciary Committee
announced Friday"; a pronoun, a title or an unknown subject does not tell them apart), and a count of a predicate's
subject is a count of that act ("four people struck" vs "Six people were injured": the verb says who is counted),
compared only with a count of the same verb or one ``COUNT_ACTS`` class. A number that is part of a date ("the
Sept. 11 attacks", "9/11") is no count (``date_parts``).
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.claims.dates import future_context
from newsprism.compare import amounts
from newsprism.compare.conflict_rules import ROUND1 as ROUND1
from newsprism.compare.conflict_rules import ROUND3 as ROUND3
from newsprism.compare.conflict_rules import ROUND4 as ROUND4
from newsprism.compare.conflict_rules import ROUND5 as ROUND5
from newsprism.compare.conflict_rules import ROUND6 as ROUND6
from newsprism.compare.conflict_rules import SHIPPED, Rules
from newsprism.compare.intervals import (
    amount_interval,
    date_interval,
    number_interval,
    unit_of,
)
from newsprism.lexicons.calendar import MONTH_PATTERN
from newsprism.model import ConflictValue, DateMention, NumberConflict, NumberMention, Span

SHOW_THRESHOLD = 0.7
"""Conflicts shown in Markdown/HTML reports (chosen on BASIL training triplets; docs/conflicts.md)."""
GROUP_BASE = 0.4  # the two claims are one claim group, or a partial match by the claim-pair scorer (issue 21)
SIMILAR_BASE = 0.25  # only similar claims (cosine >= CONFLICT_COS)
REPORTING = {"say", "tell", "add", "write", "note", "state", "report", "speak", "ask", "claim", "explain", "tweet"}
"""Predicates that date a statement, not the event: "said Monday" vs "said Tuesday" are mostly two statements."""
_NEAR_SKIP = {"on", "late", "early", "last", "this", "next", "the", "by", "until", "since", "of", "and", "for", "in"}
_NEAR_SKIP |= {"at", "a", "an", "to", "that", "was", "were", "had", "has", "have", "been", "be", "who", "which"}
_NEAR_SKIP |= {"he", "she", "they", "them", "his", "her", "their", "it", "its", "we", "i", "you", "also", "then"}
_MODALS = {"to", "will", "would", "did", "must", "could", "should", "can", "may", "might", "does", "do"}
_NEAR_SKIP |= _MODALS
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_REPORTING_STEMS = {w[:5] for w in REPORTING} | {"said", "told", "wrote", "spoke", "asked"}
UNIT_WORDS = {"percent", "percentage", "point", "year", "month", "week", "day", "hour", "minute", "dollar", "cent"}
"""Words the parse may give as a number's counted noun that are its unit ("46 percent", "75 years"): no thing."""
BOUNDS = re.compile(r"\b(?:since|until|till|through|by|before|after|from|as of)\s*$", re.IGNORECASE)
"""A date after these is a bound of a span ("found since Monday"), not the day of an event."""
DEPART_VERBS = {"leave", "retire", "resign", "depart", "quit", "exit", "step"}
"""Verbs of leaving a post: one event for a date ("will be leaving on January 1" vs "would be retiring at the end of
February"; round 6)."""
DEPART_RE = re.compile(
    r"\b(?:leav(?:e|es|ing)|retir(?:e|es|ed|ing|ement)|resign(?:s|ed|ing|ation)?|depart(?:s|ed|ing|ure)?|"
    r"step(?:s|ped|ping)?\s+down|(?:final|last)\s+day)\b",
    re.IGNORECASE,
)
"""Words in a date's clause before it that make it the date of leaving a post ("His resignation is effective
December 31", "his final day in office will be Feb. 28"; round 6)."""
DATE_PART_BEFORE = re.compile(rf"(?:\b(?:{MONTH_PATTERN})\.?\s*|\d\s*/\s*)$")
"""Text right before a number that makes it part of a date: "the Sept. [11] attacks", "9/[11]"."""
COUNT_ACTS = ({"kill", "die"}, {"injure", "wound", "hurt"}, {"arrest", "detain"})
"""Verbs that count one set of people when a count is their subject ("19 people were killed" vs "21 people died")."""


def same_quantity(a: NumberMention, b: NumberMention, rules: Rules = SHIPPED) -> tuple[bool, list[str]]:
    """Whether two numbers quantify the same thing, and the evidence (words) for it."""
    if a.role != b.role or a.role in (None, "rank") or unit_of(a) != unit_of(b):
        return False, []
    why = [f"both {a.role}s" + (f" in {unit_of(a)}" if unit_of(a) else "")]
    if a.counted and b.counted:
        if a.counted != b.counted:
            return False, []
        why.append(f"of '{a.counted}'")
    elif a.role in ("count", "measure", "duration", "age"):
        return False, []  # a count of an unknown thing cannot be matched
    if a.modifiers and b.modifiers and not set(a.modifiers) & set(b.modifiers):
        return False, []  # "Republican senators" vs "Democratic senators"
    if rules.strict_counted and a.modifiers and b.modifiers and set(a.modifiers) != set(b.modifiers):
        return False, []  # "Republican senators" vs "Republican state senators"
    two_acts = rules.subject_same_predicate and a.predicate and b.predicate and a.predicate != b.predicate
    if a.subject and b.subject and a.subject != b.subject and not two_acts:
        return False, []  # "Obama cut $716 billion" vs "McCain would cut $800 billion"; not "took" vs "administered"
    if a.predicate and b.predicate:
        if a.predicate != b.predicate and a.role in ("money", "percent") and not (a.counted and b.counted):
            return False, []
        if a.predicate == b.predicate:
            why.append(f"with the verb '{a.predicate}'")
    return True, why


def _number_confidence(a: NumberMention, b: NumberMention, grouped: bool) -> float:
    score = GROUP_BASE if grouped else SIMILAR_BASE
    if a.counted and b.counted:
        score += 0.3
    if a.predicate and a.predicate == b.predicate:
        score += 0.2
    elif a.predicate and b.predicate:
        score -= 0.1
    if a.modifiers and b.modifiers and set(a.modifiers) & set(b.modifiers):
        score += 0.05
    if a.approx is None and b.approx is None:
        score += 0.05
    return round(min(max(score, 0.0), 1.0), 3)


def _date_confidence(a: DateMention, b: DateMention, grouped: bool) -> float:
    score = GROUP_BASE if grouped else SIMILAR_BASE
    if a.predicate and a.predicate == b.predicate:
        score += 0.35
    if a.granularity == b.granularity == "day":
        score += 0.1
    if a.basis == b.basis == "text":
        score += 0.05
    return round(min(score, 1.0), 3)


def dates_disagree(a: DateMention, b: DateMention) -> bool:
    ia, ib = date_interval(a), date_interval(b)
    return ia is not None and ib is not None and (ia[1] < ib[0] or ib[1] < ia[0])


def _different_times(ua: Any, ub: Any) -> bool:
    """Both claims carry a resolved date and no two of their dates overlap: they are about different times."""
    da = [m.src for m in ua.dates if isinstance(m.src, DateMention) and m.src.iso]
    db = [m.src for m in ub.dates if isinstance(m.src, DateMention) and m.src.iso]
    return bool(da and db) and all(dates_disagree(x, y) for x in da for y in db)


def counted_noun(q: NumberMention, rules: Rules = SHIPPED) -> NumberMention:
    """``q`` without its counted noun when that is a unit word (``UNIT_WORDS``; with ``rules.strict_counted``)."""
    if rules.strict_counted and q.counted in UNIT_WORDS:
        return q.model_copy(update={"counted": None})
    return q


def _reports_value(q: NumberMention, others: list[NumberMention], rules: Rules) -> bool:
    q = counted_noun(q, rules)
    iq = number_interval(q, rules)
    for o in others:
        o = counted_noun(o, rules)
        io = number_interval(o, rules)
        if iq is not None and io is not None and same_quantity(q, o, rules)[0] and iq.overlaps(io):
            return True
    return False


def find_conflicts(
    pairs: list[tuple[Any, Any, str | None]], units: list[Any], rules: Rules = SHIPPED
) -> list[NumberConflict]:
    """Conflicts among candidate unit pairs ``(unit_a, unit_b, group_id)`` of different articles (module doc)."""
    by_article: dict[str, list[NumberMention]] = {}
    for u in units:
        by_article.setdefault(u.article, []).extend(m.src for m in u.numbers if isinstance(m.src, NumberMention))
    out: list[NumberConflict] = []
    seen: set[tuple[tuple[str, int, int], ...]] = set()
    for a, b, group in pairs:
        numbers = [] if _different_times(a, b) else b.numbers  # claims about different times: no number conflicts
        for ma in a.numbers:
            for mb in numbers:
                c = _number_conflict(a, b, group, ma, mb, by_article, rules)
                if c is None and rules.event_amounts:
                    c = amount_conflict(a, b, group, ma, mb, by_article, rules)
                if c is not None and _new(seen, a, ma, b, mb):
                    out.append(c)
        if group is None and not rules.event_dates:
            continue  # round 1: dates only of claims matched as one proposition
        for ma in _dates(a, rules):
            for mb in _dates(b, rules):
                claimed = any(ma is m for m in a.dates) and any(mb is m for m in b.dates)
                if group and claimed:
                    c = _date_conflict(a, b, group, ma, mb, rules)
                else:  # a similar or same-event pair, or a date of a sentence without claims
                    c = _event_date_conflict(a, b, group, ma, mb, rules)
                if c is not None and _new(seen, a, ma, b, mb):
                    out.append(c)
    out.sort(key=lambda c: -(c.confidence or 0.0))
    for i, c in enumerate(out, 1):
        c.id = f"n{i}"
    return out


def _dates(u: Any, rules: Rules) -> list[Any]:
    """The unit's date mentions; with ``rules.event_dates`` also the resolved DATE entities of a sentence without
    claims (``Unit.entity_dates``) that no other date mention overlaps."""
    extra = getattr(u, "entity_dates", []) if rules.event_dates else []
    own = list(u.dates)
    if rules.depart_dates:  # round 6: a resolved DATE entity replaces an unresolved regex date it overlaps
        own = [m for m in own if isinstance(m.src, DateMention) or not any(_over(m, d) for d in extra)]
    out = own + [d for d in extra if not any(_over(d, m) for m in own)]
    if rules.strict_counted:  # "since Monday" is a span's bound, not an event's day
        out = [m for m in out if not BOUNDS.search(u.text[: max(m.start - u.start, 0)])]
    return out


def _over(x: Any, y: Any) -> bool:
    return bool(x.start < y.end and y.start < x.end)


def anchors(u: Any, m: Any, depart: bool = True) -> set[str]:
    """What a date attaches to, as 5-letter stems: its parsed predicate, else the nearest verb-like word on either
    side of it in the unit (``_NEAR_SKIP`` words skipped; a lower-case word ending in "-ed" or after "to"/a modal:
    "on Friday [apologized]", "had to [apologize] Saturday"); reporting verbs ("said Monday") are left out."""
    d = m.src
    s, e = m.start - u.start, m.end - u.start
    clause = u.text[: max(s, 0)][-80:]
    clause = re.split(r"[.;:!?]", clause)[-1]
    leaving: set[str] = {"depart"} if depart and DEPART_RE.search(clause) else set()
    if isinstance(d, DateMention) and d.predicate:
        if depart and event_verb(d.predicate) == "depart":
            return {"depart"}
        return leaving if d.predicate in REPORTING else {d.predicate[:5]} | leaving
    before = _WORD.findall(u.text[:s])
    after = _WORD.findall(u.text[e:])
    out = set()
    for words, order in ((before, range(len(before) - 1, -1, -1)), (after, range(len(after)))):
        i = next((k for k in order if words[k].lower() not in _NEAR_SKIP), None)
        if i is None or len(words[i]) < 4 or not words[i][0].islower():
            continue
        if words[i].endswith("ed") or (i > 0 and words[i - 1].lower() in _MODALS):
            out.add(words[i][:5])
    return (out - _REPORTING_STEMS) | leaving


def event_verb(predicate: str | None) -> str | None:
    """A date's predicate as an event: the verbs of leaving a post are one (``DEPART_VERBS``: "depart")."""
    return "depart" if predicate in DEPART_VERBS else predicate


def _event_date_conflict(
    a: Any, b: Any, group: str | None, ma: Any, mb: Any, rules: Rules = SHIPPED
) -> NumberConflict | None:
    """Day dates that attach to the same word, in claims matched as one proposition or the same event, or in
    similar claims; with ``rules.event_months`` also a month against a day or month when both are planned dates
    (future tense) of the same parsed verb in claims matched as one proposition or the same event ("will leave at
    the end of February" vs "will be leaving on January 1"; not "announced Sunday" vs "announced in February")."""
    da, db = ma.src, mb.src
    if not isinstance(da, DateMention) or not isinstance(db, DateMention):
        return None
    partial = group is not None or (b.article, b.start) in getattr(a, "partial", ())
    if da.iso_end or db.iso_end or not dates_disagree(da, db):
        return None
    if rules.date_agents and different_agents(da, db):
        return None  # "McConnell announced Thursday" vs "The House Judiciary Committee announced Friday"
    planned = partial and future_context(a.text, ma.start - a.start) and future_context(b.text, mb.start - b.start)
    if not _granular_enough(da, db, planned, rules):
        return None
    depart = rules.depart_dates and bool(planned)  # leaving a post: two planned dates only ("resigned Thursday")
    shared = anchors(a, ma, depart) & anchors(b, mb, depart)
    ea, eb = (event_verb(x) if depart else x for x in (da.predicate, db.predicate))
    if not shared or (ea and eb and ea != eb):
        return None
    where = "the same claim group" if group else "claims matched as the same event" if partial else "similar claims"
    days = da.granularity == db.granularity == "day"
    event = "leaving a post" if ea == "depart" or "depart" in shared else f"'{sorted(shared)[0]}…'"
    one_verb = da.predicate == db.predicate
    planned_of = f"'{da.predicate}'" if one_verb else f"leaving a post ('{da.predicate}'/'{db.predicate}')"
    what = f"the date of {event}" if days else f"the planned date (future tense) of {planned_of}"
    differ = "are different days" if days else "do not overlap"
    text = f"{what} in {where}; {da.iso} ('{da.text}') and {db.iso} ('{db.text}') {differ}"
    score = (GROUP_BASE if partial else SIMILAR_BASE) + 0.35 + 0.1 * days + 0.05 * (da.basis == db.basis == "text")
    return make_conflict(
        "date", da.predicate or "date", None, group, text, round(score, 3), (a, ma, da.iso), (b, mb, db.iso)
    )


def _granular_enough(da: DateMention, db: DateMention, planned: bool, rules: Rules) -> bool:
    """Two days; or (``rules.event_months``, two planned dates of one event) a month and a day or month of one
    parsed verb."""
    if da.granularity == db.granularity == "day":
        return True
    grains = {da.granularity, db.granularity}
    ea, eb = (event_verb(x) if rules.depart_dates else x for x in (da.predicate, db.predicate))
    same_verb = bool(ea) and ea == eb
    return rules.event_months and planned and same_verb and grains <= {"day", "month"}


def _new(seen: set[tuple[tuple[str, int, int], ...]], a: Any, ma: Any, b: Any, mb: Any) -> bool:
    key = tuple(sorted([(a.article, ma.start, ma.end), (b.article, mb.start, mb.end)]))
    if key in seen:
        return False
    seen.add(key)
    return True


def _number_conflict(
    a: Any, b: Any, group: str | None, ma: Any, mb: Any, by_article: dict[str, list[NumberMention]], rules: Rules
) -> NumberConflict | None:
    qa, qb = ma.src, mb.src
    if not isinstance(qa, NumberMention) or not isinstance(qb, NumberMention):
        return None
    qa, qb = counted_noun(qa, rules), counted_noun(qb, rules)
    same, why = same_quantity(qa, qb, rules)
    ia, ib = number_interval(qa, rules), number_interval(qb, rules)
    if not same or ia is None or ib is None or ia.overlaps(ib):
        return None
    if rules.count_acts and not one_act_count(qa, qb):
        return None  # "four people struck" vs "Six people were injured": two acts, two sets of people
    if rules.date_parts and (part_of_date(a, ma) or part_of_date(b, mb)):
        return None  # "the Sept. 11 attacks" vs "the 9/11 attacks": dates, not counts of attacks
    if group is None and not (qa.counted and qb.counted):
        return None  # an amount without a counted noun: only inside one claim group
    if _reports_value(qa, by_article.get(b.article, []), rules) or _reports_value(
        qb, by_article.get(a.article, []), rules
    ):
        return None  # each article also reports the other's figure: two quantities, not a disagreement
    partial = (b.article, b.start) in getattr(a, "partial", ())  # the pair scorer: same event, another figure
    where = "the same claim group" if group else "claims matched as the same event" if partial else "similar claims"
    text = f"{' '.join(why)} in {where}; '{qa.text}' and '{qb.text}' cannot both hold"
    conf = _number_confidence(qa, qb, group is not None or partial)
    sides = ((a, ma, qa.value), (b, mb, qb.value))
    return make_conflict("number", qa.counted or qa.what, unit_of(qa), group, text, conf, *sides)


def part_of_date(u: Any, m: Any) -> bool:
    """Whether mention ``m`` is part of a date in unit ``u``'s text: after a month name ("Sept. 11") or around a
    slash between digits ("9/11")."""
    before, after = u.text[: max(m.start - u.start, 0)][-12:], u.text[m.end - u.start :][:3]
    return bool(DATE_PART_BEFORE.search(before) or re.match(r"\s*/\s*\d", after))


def one_act_count(qa: NumberMention, qb: NumberMention) -> bool:
    """False when one number counts its predicate's subject ("Six people were injured") and the other is not a
    count of the same verb or of one ``COUNT_ACTS`` class (another verb, or none known: "striking four people")."""
    if qa.role != "count" or not (qa.counts_subject or qb.counts_subject):
        return True
    if not qa.predicate or not qb.predicate:
        return False
    return qa.predicate == qb.predicate or any({qa.predicate, qb.predicate} <= acts for acts in COUNT_ACTS)


def different_agents(da: DateMention, db: DateMention) -> bool:
    """Whether two dates' verbs have different named subjects ("McConnell" vs "Committee"): two agents, two
    events. A pronoun or an unknown subject (None), or a common noun ("staffer", "director", "resignation": a title
    or description that may stand for the other's name) never tells two agents apart."""
    sa, sb = da.subject, db.subject
    if not sa or not sb or not (sa[0].isupper() and sb[0].isupper()):
        return False
    return sa.lower() != sb.lower()


def _date_conflict(a: Any, b: Any, group: str, ma: Any, mb: Any, rules: Rules = SHIPPED) -> NumberConflict | None:
    da, db = ma.src, mb.src
    if not isinstance(da, DateMention) or not isinstance(db, DateMention) or not dates_disagree(da, db):
        return None
    if rules.date_agents and different_agents(da, db):
        return None  # two named agents: two events
    if da.predicate and db.predicate and da.predicate != db.predicate:
        return None  # dates of two different events
    what = f"the date of '{da.predicate}'" if da.predicate and da.predicate == db.predicate else "the claim's date"
    text = f"{what} in the same claim group; {da.iso} ('{da.text}') and {db.iso} ('{db.text}') do not overlap"
    conf = _date_confidence(da, db, True)
    return make_conflict("date", da.predicate or "date", None, group, text, conf, (a, ma, da.iso), (b, mb, db.iso))


def make_conflict(
    kind: str,
    what: str | None,
    unit: str | None,
    group: str | None,
    why: str | None,
    conf: float | None,
    *sides: tuple[Any, ...],
) -> NumberConflict:
    """A conflict record from (unit, mention, value) sides; the legacy rules pass no ``why``/``conf``."""
    return NumberConflict(
        id="",
        kind="number" if kind == "number" else "date",
        quantity=what,
        unit=unit,
        group=group,
        match="claim_group" if group else "similar_claims",
        values=[
            ConflictValue(
                article=u.article,
                text=m.text,
                start=m.start,
                end=m.end,
                value=value,
                claim=Span(text=u.text, start=u.start, end=u.end),
            )
            for u, m, value in sides
        ],
        why=why,
        confidence=conf,
    )


def _reports_amount(q: NumberMention, others: list[NumberMention], precise: bool = False) -> bool:
    """Whether an article states an amount of ``q``'s unit that ``q``'s interval covers (anywhere in it); with
    ``precise`` (round 6) a bound ("less than", "more than") is no stated amount."""
    iq = amount_interval(q, precise)
    for o in others:
        if precise and o.approx in ("more_than", "less_than", "at_least", "at_most"):
            continue  # a bound ("less than $5.7 billion") states no figure (round 6)
        io = amount_interval(o, precise)
        if iq is not None and io is not None and o.role == q.role and unit_of(o) == unit_of(q) and iq.overlaps(io):
            return True
    return False


def amount_conflict(
    a: Any,
    b: Any,
    group: str | None,
    ma: Any,
    mb: Any,
    by_article: dict[str, list[NumberMention]],
    rules: Rules = SHIPPED,
) -> NumberConflict | None:
    """Two amounts without a counted noun (money, or a measure with a unit) of one act and thing in claims matched as
    one proposition or the same event (module :mod:`newsprism.compare.amounts`), that neither article also states
    and whose values cannot both hold; the act alone (the same verb, no shared thing) stays below the show bar."""
    qa, qb = ma.src, mb.src
    if not isinstance(qa, NumberMention) or not isinstance(qb, NumberMention) or (qa.counted and qb.counted):
        return None
    if qa.role != qb.role or qa.role not in ("money", "measure") or not unit_of(qa) or unit_of(qa) != unit_of(qb):
        return None
    partial = (b.article, b.start) in getattr(a, "partial", ())
    precise = rules.amount_precision
    ia, ib = amount_interval(qa, precise), amount_interval(qb, precise)
    if not (group or partial) or ia is None or ib is None or ia.overlaps(ib):
        return None
    agents = amounts.agent(qa.subject), amounts.agent(qb.subject)
    same, act = amounts.same_act(qa.predicate, qb.predicate)
    if not same or (agents[0] and agents[1] and agents[0] != agents[1]) or amounts.different_years(a.text, b.text):
        return None
    if _reports_amount(qa, by_article.get(b.article, []), precise) or _reports_amount(
        qb, by_article.get(a.article, []), precise
    ):
        return None
    wa, wb = _phrase(a, ma), _phrase(b, mb)
    ha, hb = amounts.money_head(qa.counted, wa), amounts.money_head(qb.counted, wb)
    if ha and hb and ha != hb:
        return None  # "a $5 million fine" vs "a $7 million settlement"
    shared = sorted((wa & wb) - amounts.verb_stems(qa.predicate, qb.predicate))  # the act is no thing
    one_head = bool(ha) and ha == hb
    thing = f"of '{ha}'" if one_head else f"sharing '{', '.join(shared)}'" if len(shared) >= 2 else ""
    if not thing and act != "verb":
        return None
    verb = f"with the verb '{qa.predicate}'" if act == "verb" else ""
    verb = verb or (f"with the verbs '{qa.predicate}'/'{qb.predicate}' (one act)" if act == "class" else "")
    where = "the same claim group" if group else "claims matched as the same event"
    kind = "amounts of money" if qa.role == "money" else "measures"
    why = " ".join(x for x in (f"{kind} in {unit_of(qa)}", thing, verb) if x)
    text = f"{why} in {where}, neither article stating the other's; '{qa.text}' and '{qb.text}' cannot both hold"
    verb_weight = 0.25 if precise else 0.2  # round 6: one verb of one event alone, both exact, is shown (0.70)
    score = GROUP_BASE + {"verb": verb_weight, "class": 0.1}.get(act, 0.0) + (0.3 if one_head else 0.2 * bool(thing))
    score += 0.05 * (qa.approx is None and qb.approx is None)
    sides = ((a, ma, qa.value), (b, mb, qb.value))
    return make_conflict("number", ha or qa.what, unit_of(qa), group, text, round(min(score, 1.0), 3), *sides)


def _phrase(u: Any, m: Any) -> set[str]:
    """The content words of mention ``m``'s phrase in unit ``u`` (:func:`amounts.phrase_words`)."""
    others = [(o.start - u.start, o.end - u.start) for o in u.numbers if o is not m]
    return amounts.phrase_words(u.text, m.start - u.start, m.end - u.start, others)
