"""Amounts without a counted noun, of one act and thing in claims of one event (issue 26, rounds 5 and 6)."""

from __future__ import annotations

from types import SimpleNamespace

from newsprism.compare.amounts import different_years, money_head, phrase_words, same_act
from newsprism.compare.conflicts import ROUND4, ROUND5, SHOW_THRESHOLD, find_conflicts
from newsprism.compare.numbers import Mention
from newsprism.model import NumberConflict, NumberMention


def _unit(article: str, text: str, amounts: list[tuple[str, float, dict[str, object]]]) -> SimpleNamespace:
    """A claim unit (offsets from 0) whose money mentions are the given (text, value, fields) amounts."""
    numbers = []
    for written, value, fields in amounts:
        start = text.index(written)
        kw = {"role": "money", "unit": "USD", **fields}
        q = NumberMention(text=written, start=start, end=start + len(written), value=value, **kw)  # type: ignore[arg-type]
        numbers.append(Mention(written, q.start, q.end, value, "USD", None, "number", src=q))
    return SimpleNamespace(article=article, text=text, start=0, end=len(text), numbers=numbers, dates=[], partial=set())


def _same_event(ua: SimpleNamespace, ub: SimpleNamespace, rules: object = None) -> list[NumberConflict]:
    ua.partial.add((ub.article, ub.start))
    ub.partial.add((ua.article, ua.start))
    args = (rules,) if rules is not None else ()
    return find_conflicts([(ua, ub, None)], [ua, ub], *args)


A = "The plan would divert $3.5 billion from military construction projects to the wall."
B = "Officials said the order lets the president divert $3.6 billion from military construction projects."


def test_one_act_and_thing_of_one_event_conflicts_and_is_shown() -> None:
    ua = _unit("a", A, [("$3.5 billion", 3.5e9, {"predicate": "divert"})])
    ub = _unit("b", B, [("$3.6 billion", 3.6e9, {"predicate": "divert"})])
    (c,) = _same_event(ua, ub)
    assert c.confidence is not None and c.confidence >= SHOW_THRESHOLD
    assert c.why and "divert" in c.why and "military" in c.why and "same event" in c.why
    assert _same_event(ua, ub, ROUND4) == []  # the rule is new in round 5


def test_rounding_is_half_open_and_close_figures_agree() -> None:
    ua = _unit("a", A, [("$3.5 billion", 3.5e9, {"predicate": "divert"})])
    close = B.replace("$3.6", "$3.54")
    ub = _unit("b", close, [("$3.54 billion", 3.54e9, {"predicate": "divert"})])
    assert _same_event(ua, ub) == []


def test_a_verb_of_the_same_act_class_needs_a_shared_thing() -> None:
    ua = _unit("a", "It would unlock money from the military construction budget, to the tune of $3.5 billion.", [])
    ua = _unit("a", ua.text, [("$3.5 billion", 3.5e9, {"predicate": "unlock"})])
    ub = _unit("b", B, [("$3.6 billion", 3.6e9, {"predicate": "divert"})])
    (c,) = _same_event(ua, ub)
    assert "one act" in (c.why or "")
    bare = _unit("a", "Of that, $3 billion could be used.", [("$3 billion", 3e9, {"predicate": "use"})])
    assert _same_event(bare, _unit("b", B, [("$3.6 billion", 3.6e9, {"predicate": "divert"})])) == []


def test_two_acts_agents_years_or_heads_are_different_amounts() -> None:
    asked = _unit(
        "a", "Trump requested $5.7 billion for the wall.", [("$5.7 billion", 5.7e9, {"predicate": "request"})]
    )
    moved = _unit(
        "b", "The White House will move $8 billion toward the wall.", [("$8 billion", 8e9, {"predicate": "move"})]
    )
    assert _same_event(asked, moved) == []
    obama = _unit("a", A, [("$3.5 billion", 3.5e9, {"predicate": "divert", "subject": "obama"})])
    mccain = _unit("b", B, [("$3.6 billion", 3.6e9, {"predicate": "divert", "subject": "mccain"})])
    assert _same_event(obama, mccain) == []
    y19 = _unit("a", A + " (2019)", [("$3.5 billion", 3.5e9, {"predicate": "divert"})])
    y20 = _unit("b", B + " (2020)", [("$3.6 billion", 3.6e9, {"predicate": "divert"})])
    assert _same_event(y19, y20) == []
    fine = _unit("a", "The bank paid a fine of $5 million.", [("$5 million", 5e6, {"predicate": "pay"})])
    settle = _unit("b", "The bank paid a settlement of $7 million.", [("$7 million", 7e6, {"predicate": "pay"})])
    assert _same_event(fine, settle) == []


def test_the_same_money_noun_is_the_same_thing() -> None:
    ua = _unit("a", "The company agreed to a $2.1 billion deal.", [("$2.1 billion", 2.1e9, {"counted": "deal"})])
    ub = _unit("b", "The deal is worth $1.8 billion, the company said.", [("$1.8 billion", 1.8e9, {"predicate": "be"})])
    (c,) = _same_event(ua, ub)
    assert c.quantity == "deal" and c.why and "of 'deal'" in c.why


def test_not_the_same_event_or_each_stating_the_other_is_no_conflict() -> None:
    ua = _unit("a", A, [("$3.5 billion", 3.5e9, {"predicate": "divert"})])
    ub = _unit("b", B, [("$3.6 billion", 3.6e9, {"predicate": "divert"})])
    assert find_conflicts([(ua, ub, None)], [ua, ub]) == []  # similar claims only: not compared
    other = _unit("b", "Another $3.5 billion comes later.", [("$3.5 billion", 3.5e9, {"predicate": "come"})])
    assert _same_event(ua, ub) and find_conflicts([(ua, ub, None)], [ua, ub, other]) == []


def test_the_same_verb_without_a_shared_thing_is_shown_only_when_both_are_exact() -> None:
    ua = _unit("a", "Of that, $3 billion could be diverted with help from the order.", [])
    ua = _unit("a", ua.text, [("$3 billion", 3e9, {"predicate": "divert", "subject": "billion"})])
    ub = _unit("b", B, [("$3.6 billion", 3.6e9, {"predicate": "divert"})])
    (c,) = _same_event(ua, ub)
    assert c.confidence == SHOW_THRESHOLD  # round 6: the same verb 0.25 (was 0.20), both exact 0.05
    assert c.why and "sharing" not in c.why  # "diverted" / "divert" is the act, not a shared thing
    (old,) = _same_event(ua, ub, ROUND5)
    assert old.confidence is not None and old.confidence < SHOW_THRESHOLD
    about = _unit(
        "a", ua.text.replace("$3", "about $3"), [("$3 billion", 3e9, {"predicate": "divert", "approx": "about"})]
    )
    (c,) = _same_event(about, ub)
    assert c.confidence is not None and c.confidence < SHOW_THRESHOLD


def test_about_a_figure_of_two_digits_is_its_rounding() -> None:
    text = "The order lets the administration use about $3.6 billion from Defense Department construction projects."
    ua = _unit("a", text, [("$3.6 billion", 3.6e9, {"predicate": "use", "approx": "about"})])
    other = "It would unlock money from the Defense Department's construction budget, to the tune of $3.5 billion."
    ub = _unit("b", other, [("$3.5 billion", 3.5e9, {"predicate": "unlock"})])
    (c,) = _same_event(ua, ub)
    assert c.confidence is not None and c.confidence >= SHOW_THRESHOLD and "one act" in (c.why or "")
    assert _same_event(ua, ub, ROUND5) == []  # +-15 % covered $3.5 billion
    rough = _unit("a", text.replace("$3.6", "$4"), [("$4 billion", 4e9, {"predicate": "use", "approx": "about"})])
    assert _same_event(rough, ub) == []  # one significant digit: "about" is still +-15 %


def test_a_bound_states_no_figure() -> None:
    ua = _unit("a", A, [("$3.5 billion", 3.5e9, {"predicate": "divert"})])
    ub = _unit("b", B, [("$3.6 billion", 3.6e9, {"predicate": "divert"})])
    bound = _unit("b", "The bill holds less than $5.7 billion.", [("$5.7 billion", 5.7e9, {"approx": "less_than"})])
    assert _same_event(ua, ub) and find_conflicts([(ua, ub, None)], [ua, ub, bound]) != []
    assert find_conflicts([(ua, ub, None)], [ua, ub, bound], ROUND5) == []  # round 5 read it as stating $3.5 billion


def test_readings() -> None:
    text = "use $3.6 billion from defense construction projects, along with another $2.5 billion for drug programs"
    first, second = text.index("$3.6 billion"), text.index("$2.5 billion")
    words = phrase_words(text, second, second + 12, [(first, first + 12)])
    assert words == {"drug", "program"}  # the words before it belong to the first amount
    assert "defense" in phrase_words(text, first, first + 12, [(second, second + 12)])
    assert same_act("divert", "divert") == (True, "verb")
    assert same_act("unlock", "divert") == (True, "class")
    assert same_act("request", "move") == (False, "")
    assert same_act("be", "appropriate") == (True, "")
    assert money_head(None, {"fine", "bank"}) == "fine" and money_head("deal", set()) == "deal"
    assert different_years("in 2019", "in 2020") and not different_years("in 2019", "no year")
