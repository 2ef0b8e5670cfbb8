"""Conflicts only between the same quantity of the same thing at the same time (issue 26)."""

from __future__ import annotations

from types import SimpleNamespace

from newsprism.compare.align import entity_dates
from newsprism.compare.conflicts import (
    ROUND1,
    ROUND3,
    ROUND5,
    ROUND6,
    SHOW_THRESHOLD,
    anchors,
    date_interval,
    find_conflicts,
    number_interval,
    same_quantity,
)
from newsprism.compare.numbers import Mention, find_numbers
from newsprism.model import Article, DateMention, Entity, NumberMention


def _num(text: str, value: float, counted: str | None = "person", **kw: object) -> NumberMention:
    fields = {"role": "count", "predicate": "kill", **kw}
    return NumberMention(text=text, start=0, end=len(text), value=value, counted=counted, **fields)  # type: ignore[arg-type]


def _unit(article: str, numbers: list[NumberMention], dates: list[DateMention] | None = None) -> SimpleNamespace:
    def m(x: NumberMention | DateMention) -> Mention:
        kind = "date" if isinstance(x, DateMention) else "number"
        value = getattr(x, "value", None)
        return Mention(x.text, x.start, x.end, value, None, None, kind, src=x)

    return SimpleNamespace(
        article=article,
        text="claim",
        start=0,
        end=5,
        numbers=[m(n) for n in numbers],
        dates=[m(d) for d in dates or []],
    )


def _conflicts(a: list[NumberMention], b: list[NumberMention], group: str | None = "c1") -> list[object]:
    ua, ub = _unit("a", a), _unit("b", b)
    return find_conflicts([(ua, ub, group)], [ua, ub])


def test_same_count_different_values_conflicts_with_why_and_confidence() -> None:
    (c,) = _conflicts([_num("19", 19)], [_num("21", 21)])
    assert c.why and "person" in c.why  # type: ignore[attr-defined]
    assert c.confidence >= SHOW_THRESHOLD  # type: ignore[attr-defined]


def test_compatible_forms_are_not_conflicts() -> None:
    assert _conflicts([_num("about 19", 19, approx="about")], [_num("19", 19)]) == []
    assert _conflicts([_num("about 19", 19, approx="about")], [_num("21", 21)]) == []
    years = {"role": "duration", "unit": "year", "counted": "career", "predicate": None}
    assert _conflicts([_num("over 20 years", 20, approx="more_than", **years)], [_num("21-year", 21, **years)]) == []
    assert _conflicts([_num("10 to 12", 10, approx="range", high=12)], [_num("11", 11)]) == []
    assert _conflicts([_num("1.2 million", 1.2e6)], [_num("1,234,000", 1_234_000)]) == []
    watch = {"role": "money", "unit": "USD", "counted": "watch"}
    assert _conflicts([_num("$43,000", 43_000, **watch)], [_num("$43,350", 43_350, **watch)]) == []  # round figure
    assert len(_conflicts([_num("$43,000", 43_000, **watch)], [_num("$45,350", 45_350, **watch)])) == 1


def test_different_quantities_are_not_conflicts() -> None:
    assert _conflicts([_num("11 nations", 11, counted="nation")], [_num("12-nation", 12, counted="deal")]) == []
    assert (
        _conflicts([_num("No. 2", 2, role="rank", counted="job")], [_num("No. 3", 3, role="rank", counted="job")]) == []
    )
    rep, dem = _num("19", 19, modifiers=["republican"]), _num("12", 12, modifiers=["democratic"])
    assert _conflicts([rep], [dem]) == []
    assert _conflicts([_num("19", 19, counted=None)], [_num("21", 21, counted=None)]) == []


def test_different_subjects_are_different_quantities() -> None:
    obama = _num("$716 billion", 716e9, counted=None, role="money", unit="USD", predicate="cut", subject="obama")
    mccain = _num("$800 billion", 800e9, counted=None, role="money", unit="USD", predicate="cut", subject="mccain")
    assert _conflicts([obama], [mccain]) == []


def test_an_amount_without_counted_noun_needs_one_claim_group() -> None:
    cut = {"counted": None, "role": "money", "unit": "USD", "predicate": "cut"}
    assert _conflicts([_num("$716 billion", 716e9, **cut)], [_num("$800 billion", 800e9, **cut)], group=None) == []
    assert len(_conflicts([_num("$716 billion", 716e9, **cut)], [_num("$800 billion", 800e9, **cut)])) == 1


def test_each_article_also_reporting_the_other_figure_is_no_conflict() -> None:
    assert _conflicts([_num("19", 19), _num("21", 21)], [_num("21", 21)]) == []


def test_claims_at_different_times_are_not_compared() -> None:
    aug = DateMention(text="August", start=0, end=6, iso="2012-08", granularity="month")
    sep = DateMention(text="September", start=0, end=9, iso="2012-09", granularity="month")
    ua = _unit("a", [_num("8.1%", 8.1, role="percent", unit="percent", counted="rate")], [aug])
    ub = _unit("b", [_num("7.8%", 7.8, role="percent", unit="percent", counted="rate")], [sep])
    assert [c.kind for c in find_conflicts([(ua, ub, "c1")], [ua, ub])] == ["date"]  # no number conflict


def _date(text: str, iso: str, predicate: str | None = "announce", **kw: object) -> DateMention:
    return DateMention(text=text, start=0, end=len(text), iso=iso, predicate=predicate, **kw)  # type: ignore[arg-type]


def test_dates_conflict_only_in_one_claim_group_with_the_same_predicate() -> None:
    ua, ub = _unit("a", [], [_date("Monday", "2012-11-12")]), _unit("b", [], [_date("Nov. 13", "2012-11-13")])
    (c,) = find_conflicts([(ua, ub, "c1")], [ua, ub])
    assert c.kind == "date" and "announce" in (c.why or "")
    assert find_conflicts([(ua, ub, None)], [ua, ub]) == []  # neither is known to be day-precise
    assert find_conflicts([(ua, ub, None)], [ua, ub], ROUND1) == []
    uc = _unit("c", [], [_date("Nov. 13", "2012-11-13", predicate="vote")])
    assert find_conflicts([(ua, uc, "c1")], [ua, uc]) == []


def test_dates_of_different_precision_are_compatible() -> None:
    week = _date("earlier this week", "2012-11-12", iso_end="2012-11-14", granularity="week")
    ua, ub = _unit("a", [], [week]), _unit("b", [], [_date("Tuesday", "2012-11-13")])
    assert find_conflicts([(ua, ub, "c1")], [ua, ub]) == []
    uc = _unit("c", [], [_date("November", "2012-11")])
    assert find_conflicts([(ub, uc, "c1")], [ub, uc]) == []


def test_intervals() -> None:
    assert number_interval(_num("dozens", 12)) is None
    iv = number_interval(_num("more than 20", 20, approx="more_than"))
    assert iv is not None and iv.low == 20 and iv.low_open
    assert date_interval(_date("2012", "2012")) is not None
    assert date_interval(_date("bad", "2012-13")) is None


def test_same_quantity_needs_role_and_unit() -> None:
    assert not same_quantity(_num("5", 5), _num("5%", 5, role="percent", unit="percent"))[0]
    assert same_quantity(_num("5", 5), _num("6", 6))[0]


def test_regex_numbers_carry_a_record_for_the_conflict_rules() -> None:
    (m,) = find_numbers("About 40 people died.")
    assert m.src is not None and m.src.approx == "about" and m.src.role == "count"


# round 2 of issue 26: each change on made-up sentences, with the round-1 rules (ROUND1) for contrast


def test_a_one_digit_round_figure_does_not_cover_the_next_round_figure() -> None:
    pages = {"counted": "page", "predicate": "deliver"}
    fifty, fifty_five = _num("50,000", 50_000, **pages), _num("55,000", 55_000, **pages)
    assert len(_conflicts([fifty], [fifty_five])) == 1
    ua, ub = _unit("a", [fifty]), _unit("b", [fifty_five])
    assert find_conflicts([(ua, ub, "c1")], [ua, ub], ROUND1) == []  # round 1: "50,000" covered +-5,000
    assert _conflicts([fifty], [_num("50,400", 50_400, **pages)]) == []  # still covers its own rounding
    assert _conflicts([_num("about 50,000", 50_000, approx="about", **pages)], [fifty_five]) == []
    iv = number_interval(_num("2 million", 2e6))
    assert iv is not None and iv.high == 2.05e6


def test_subjects_of_different_predicates_are_not_compared() -> None:
    oath = {"counted": "oath", "modifiers": ["word"]}
    took = _num("35", 35, predicate="take", subject="trump", **oath)
    gave = _num("38", 38, predicate="administer", subject="roberts", **oath)
    assert len(_conflicts([took], [gave], group=None)) == 1
    ua, ub = _unit("a", [took]), _unit("b", [gave])
    assert find_conflicts([(ua, ub, None)], [ua, ub], ROUND1) == []
    other = _num("38", 38, predicate="take", subject="obama", **oath)
    assert _conflicts([took], [other]) == []  # the same act by two people: two quantities


def test_compatible_forms_stay_compatible_under_round_2() -> None:
    years = {"role": "duration", "unit": "year", "counted": "career", "predicate": None}
    assert _conflicts([_num("over 20 years", 20, approx="more_than", **years)], [_num("21-year", 21, **years)]) == []
    assert _conflicts([_num("about 19", 19, approx="about")], [_num("19", 19)]) == []
    nations = _num("11 nations", 11, counted="nation", predicate="sign", subject="nation")
    assert _conflicts([nations], [_num("12-nation", 12, counted="deal", predicate="reach", subject="us")]) == []


def _sentence_unit(
    article: str, text: str, date: str, iso: str, partial: bool = True, **kw: str | None
) -> SimpleNamespace:
    s = text.index(date)
    fields = {"granularity": "day", "basis": "published", **kw}
    d = DateMention(text=date, start=s, end=s + len(date), iso=iso, **fields)  # type: ignore[arg-type]
    m = Mention(date, s, s + len(date), None, iso, "date", "date", src=d)
    other = "b" if article == "a" else "a"
    return SimpleNamespace(
        article=article,
        text=text,
        start=0,
        end=len(text),
        numbers=[],
        dates=[],
        entity_dates=[m],
        partial={(other, 0)} if partial else set(),
    )


def test_day_dates_of_the_same_event_in_sentences_without_claims() -> None:
    ua = _sentence_unit(
        "a", "A party aide on Friday apologized for a post about the two girls.", "Friday", "2014-11-28"
    )
    ub = _sentence_unit("b", "The aide had to apologize Saturday for a post about the girls.", "Saturday", "2014-11-29")
    (c,) = find_conflicts([(ua, ub, None)], [ua, ub])
    assert c.kind == "date" and "apolo" in (c.why or "") and (c.confidence or 0) >= SHOW_THRESHOLD
    assert find_conflicts([(ua, ub, None)], [ua, ub], ROUND1) == []
    assert anchors(ua, ua.entity_dates[0]) == {"apolo"}  # the verb-like neighbour ("aide" is none)
    assert anchors(ub, ub.entity_dates[0]) == {"apolo"}  # after "to"
    same_day = _sentence_unit("b", "The aide had to apologize Friday for a post.", "Friday", "2014-11-28")
    assert find_conflicts([(ua, same_day, None)], [ua, same_day]) == []


def test_day_dates_of_different_acts_or_statements_are_not_conflicts() -> None:
    said_a = _sentence_unit("a", "The senator said Friday that the bill would pass easily.", "Friday", "2014-11-28")
    said_b = _sentence_unit("b", "The senator said Saturday that the bill would pass.", "Saturday", "2014-11-29")
    assert find_conflicts([(said_a, said_b, None)], [said_a, said_b]) == []  # "said": two statements
    voted = _sentence_unit("a", "The House voted Friday on the spending bill.", "Friday", "2014-11-28")
    meets = _sentence_unit("b", "The Senate meets Saturday on the spending bill.", "Saturday", "2014-11-29")
    assert find_conflicts([(voted, meets, None)], [voted, meets]) == []
    signed = _sentence_unit("a", "Trump on Friday signed the spending bill.", "Friday", "2014-11-28")
    tweeted = _sentence_unit("b", "Trump on Saturday tweeted about the spending bill.", "Saturday", "2014-11-29")
    assert find_conflicts([(signed, tweeted, None)], [signed, tweeted]) == []  # a name is no anchor


def test_entity_dates_resolve_date_entities_of_a_sentence_against_the_article_date() -> None:
    text = "A party aide on Friday apologized for a post. She resigned in 2015."
    s = text.index("Friday")
    ents = [Entity(text="Friday", start=s, end=s + 6, label="DATE")]
    art = Article(id="x", text=text, published="2014-11-29", entities=ents)
    (m,) = entity_dates(art, 0, text.index(".") + 1)
    assert m.src is not None and m.src.iso == "2014-11-28" and m.src.predicate is None


def test_a_unit_word_is_no_counted_noun_and_modifiers_must_agree() -> None:
    horizon = _num("75", 75, counted="year", predicate=None)
    age = _num("69", 69, counted="year", predicate="raise")
    assert _conflicts([horizon], [age], group=None) == []  # "the next 75 years" vs "raise the age to 69"
    ua, ub = _unit("a", [horizon]), _unit("b", [age])
    assert len(find_conflicts([(ua, ub, None)], [ua, ub], ROUND1)) == 1
    senators = _num("two", 2, counted="senator", modifiers=["republican"], predicate="call")
    state = _num("three", 3, counted="senator", modifiers=["republican", "state"], predicate="echo")
    assert _conflicts([senators], [state]) == []  # US senators vs state senators
    assert len(_conflicts([senators], [_num("three", 3, counted="senator", modifiers=["republican"])])) == 1


def test_a_date_after_since_or_until_is_no_event_day() -> None:
    ua = _sentence_unit("a", "Twelve devices have been found since Monday in the mail.", "Monday", "2018-10-22")
    ub = _sentence_unit("b", "A package was also found Friday in the mail.", "Friday", "2018-10-26")
    for u in (ua, ub):
        u.entity_dates[0].src.predicate = "find"
    assert find_conflicts([(ua, ub, None)], [ua, ub]) == []
    uc = _sentence_unit("a", "A package was found Monday in the mail.", "Monday", "2018-10-22")
    uc.entity_dates[0].src.predicate = "find"
    assert len(find_conflicts([(uc, ub, None)], [uc, ub])) == 1


def test_planned_dates_of_one_event_conflict_at_month_precision() -> None:
    ua = _sentence_unit(
        "a", "The minister will be leaving office on January 1.", "January 1", "2019-01-01", predicate="leave"
    )
    ub = _sentence_unit(
        "b", "The minister will leave at the end of February.", "the end of February", "2019-02",
        granularity="month", predicate="leave",
    )  # fmt: skip
    (c,) = find_conflicts([(ua, ub, None)], [ua, ub])
    assert c.kind == "date" and "planned date (future tense) of 'leave'" in (c.why or "")
    assert (c.confidence or 0) >= SHOW_THRESHOLD
    assert find_conflicts([(ua, ub, None)], [ua, ub], ROUND3) == []  # before round 4: days only
    inside = _sentence_unit("b", "The minister will leave in January.", "January", "2019-01", granularity="month",
                            predicate="leave")  # fmt: skip
    assert find_conflicts([(ua, inside, None)], [ua, inside]) == []  # the month covers the day: compatible


def test_past_or_unmatched_dates_at_month_precision_are_not_compared() -> None:
    ua = _sentence_unit("a", "The president announced on Sunday that she goes.", "Sunday", "2018-12-23",
                        predicate="announce")  # fmt: skip
    ub = _sentence_unit("b", "An aide announced her resignation in February.", "February", "2018-02",
                        granularity="month", predicate="announce")  # fmt: skip
    assert find_conflicts([(ua, ub, None)], [ua, ub]) == []  # past events: many announcements, not one plan
    uc = _sentence_unit("a", "The minister will be leaving office on January 1.", "January 1", "2019-01-01",
                        predicate="leave", partial=False)  # fmt: skip
    ud = _sentence_unit("b", "The minister will leave at the end of February.", "the end of February", "2019-02",
                        granularity="month", predicate="leave", partial=False)  # fmt: skip
    assert find_conflicts([(uc, ud, None)], [uc, ud]) == []  # only similar claims, not the same event
    ue = _sentence_unit("b", "The minister will return at the end of February.", "the end of February", "2019-02",
                        granularity="month", predicate="return")  # fmt: skip
    ua2 = _sentence_unit("a", "The minister will be leaving office on January 1.", "January 1", "2019-01-01",
                         predicate="leave")  # fmt: skip
    assert find_conflicts([(ua2, ue, None)], [ua2, ue]) == []  # two verbs: two events


def test_planned_dates_of_leaving_a_post_are_one_event() -> None:
    """Round 6: "will be leaving on January 1" vs "would be retiring at the end of February" (two verbs of leaving a
    post), and sentences without a parsed predicate whose clause names the departure before the date."""
    ua = _sentence_unit(
        "a", "The minister will be leaving office on January 1.", "January 1", "2019-01-01", predicate="leave"
    )
    ub = _sentence_unit(
        "b", "The minister would be retiring at the end of February.", "the end of February", "2019-02",
        granularity="month", predicate="retire",
    )  # fmt: skip
    (c,) = find_conflicts([(ua, ub, None)], [ua, ub])
    assert "leaving a post ('leave'/'retire')" in (c.why or "") and (c.confidence or 0) >= SHOW_THRESHOLD
    assert find_conflicts([(ua, ub, None)], [ua, ub], ROUND5) == []  # round 5: two verbs, two events
    effective = _sentence_unit("a", "His resignation is effective December 31.", "December 31", "2018-12-31")
    final = _sentence_unit("b", "His final day in office will be Feb. 28.", "Feb. 28", "2019-02-28")
    (c,) = find_conflicts([(effective, final, None)], [effective, final])
    assert "the date of leaving a post" in (c.why or "")
    assert anchors(effective, effective.entity_dates[0]) == {"depart"}
    assert find_conflicts([(effective, final, None)], [effective, final], ROUND5) == []  # no anchor word


def test_a_past_resignation_is_no_planned_leaving_date() -> None:
    """ "resigned Thursday" (the act of resigning) vs "will be leaving on January 1" (the planned last day)."""
    ua = _sentence_unit(
        "a", "The minister will be leaving office on January 1.", "January 1", "2019-01-01", predicate="leave"
    )
    ub = _sentence_unit("b", "The minister resigned Thursday in protest.", "Thursday", "2018-12-20", predicate="resign")
    assert find_conflicts([(ua, ub, None)], [ua, ub]) == []
    assert anchors(ub, ub.entity_dates[0], depart=False) == {"resig"}


def test_a_resolved_date_entity_replaces_an_unresolved_regex_date() -> None:
    """A sentence's regex date without a resolution ("Feb. 28", no src) no longer hides its resolved DATE entity."""
    effective = _sentence_unit("a", "His resignation is effective December 31.", "December 31", "2018-12-31")
    final = _sentence_unit("b", "His final day in office will be Feb. 28.", "Feb. 28", "2019-02-28")
    s = final.text.index("Feb. 28")
    final.dates = [Mention("Feb. 28", s, s + 7, None, "--02-28", "date", "date", src=None)]
    assert len(find_conflicts([(effective, final, None)], [effective, final])) == 1
    assert find_conflicts([(effective, final, None)], [effective, final], ROUND5) == []


def test_dates_of_one_verb_with_two_named_subjects_are_two_events() -> None:
    text_a, text_b = "Senator Lee announced Thursday that the bill passed.", "The Finance Committee announced Friday."
    ua = _sentence_unit("a", text_a, "Thursday", "2019-02-14", predicate="announce", subject="Lee")
    ub = _sentence_unit("b", text_b, "Friday", "2019-02-15", predicate="announce", subject="Committee")
    assert find_conflicts([(ua, ub, None)], [ua, ub]) == []
    assert len(find_conflicts([(ua, ub, None)], [ua, ub], ROUND6)) == 1  # round 6 reported it
    da, db = ua.entity_dates[0].src, ub.entity_dates[0].src
    ga, gb = _unit("a", [], [da]), _unit("b", [], [db])
    assert find_conflicts([(ga, gb, "c1")], [ga, gb]) == []  # also inside one claim group


def test_a_pronoun_title_or_unknown_subject_does_not_make_two_events() -> None:
    for sa, sb in (("Lee", None), ("Lee", "senator"), ("staffer", "director"), ("Lee", "lee"), (None, None)):
        ua = _sentence_unit("a", "Lee announced Thursday.", "Thursday", "2019-02-14", predicate="announce", subject=sa)
        ub = _sentence_unit(
            "b", "The senator announced Friday.", "Friday", "2019-02-15", predicate="announce", subject=sb
        )
        assert len(find_conflicts([(ua, ub, None)], [ua, ub])) == 1, (sa, sb)


def test_a_count_of_a_verbs_subject_is_a_count_of_that_act() -> None:
    hurt = _num("Six", 6, counted="people", predicate="injure", counts_subject=True)
    struck = _num("four", 4, counted="people", predicate=None)
    assert _conflicts([struck], [hurt], None) == []  # the other verb unknown ("striking four people")
    shot = _num("four", 4, counted="people", predicate="shoot")
    assert _conflicts([shot], [hurt]) == []  # two verbs, two sets of people
    assert len(_conflicts([_num("four", 4, counted="people", predicate="wound")], [hurt])) == 1  # one class
    assert len(_conflicts([_num("four", 4, counted="people", predicate="injure")], [hurt])) == 1
    ua, ub = _unit("a", [shot]), _unit("b", [hurt])
    assert len(find_conflicts([(ua, ub, "c1")], [ua, ub], ROUND6)) == 1  # round 6 compared them


def test_a_count_that_is_no_subject_keeps_its_verbs_apart_only_by_subject() -> None:
    took = _num("35", 35, counted="oath", predicate="take", subject="smith", modifiers=["word"])
    gave = _num("38", 38, counted="oath", predicate="administer", subject="jones", modifiers=["word"])
    assert len(_conflicts([took], [gave])) == 1  # "the 35-word oath": the number counts words of one oath
    says = _num("47", 47, counted="indictment", predicate="say", modifiers=["page"])
    filed = _num("48", 48, counted="indictment", predicate="charge", modifiers=["page"])
    assert len(_conflicts([filed], [says])) == 1  # counts_subject False: an attribute, not the subject's count


def test_a_number_inside_a_date_is_no_count() -> None:
    def unit(article: str, text: str, number: str, value: float) -> SimpleNamespace:
        s = text.index(number)
        q = NumberMention(text=number, start=s, end=s + len(number), value=value, role="count", counted="attack")
        u = _unit(article, [q])
        u.text, u.end = text, len(text)
        return u

    sept = unit("a", "He sued over the Sept. 11 attacks.", "11", 11)
    slash = unit("b", "Courts heard claims over the 9/11 attacks.", "9", 9)
    assert find_conflicts([(sept, slash, "c1")], [sept, slash]) == []
    assert len(find_conflicts([(sept, slash, "c1")], [sept, slash], ROUND6)) == 1  # round 6 reported it
