"""The values a number or date mention allows (issue 26): intervals from approximators ("about", "more than",
ranges), from the rounding a written figure implies, and the days a resolved date covers."""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date

from newsprism.compare.conflict_rules import SHIPPED, Rules
from newsprism.model import DateMention, NumberMention

ABOUT = 0.15  # "about 19": +-15%
VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "several", "few", "many"}
_MONEY = {"USD": "USD", "dollar": "USD", "EUR": "EUR", "euro": "EUR", "GBP": "GBP", "JPY": "JPY", "cent": "cent"}


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low and (self.high_open or other.low_open):
            return False
        return not (other.high == self.low and (other.high_open or self.low_open))


def rounding(q: NumberMention, two_digits: bool = True) -> float:
    """Half a unit of the last significant written digit, scaled: "1.2 million" covers +-0.05 million, "$43,000"
    +-500 (a round figure); at least 0.5% of the value. With ``two_digits`` a figure with one significant digit is
    read to two: "50,000" covers +-500 (not +-5,000, which would reach 55,000), "2 million" +-50,000."""
    digits = "".join(ch for ch in q.text.split()[0] if ch.isdigit() or ch == ".")
    if q.value is None or not digits.strip(".") or digits.count(".") > 1:
        return 0.005 * abs(q.value or 0.0)
    raw = float(digits)
    scale = q.value / raw if raw else 1.0
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if raw else 0
        step = 10.0**zeros if zeros >= 2 else 1.0  # "43,000": rounded to the thousand; "40": exact
    if two_digits and len(digits.replace(".", "").strip("0")) < 2:
        step /= 10.0
    half = 0.5 * step * scale if (scale > 1 or step > 1) else 0.0
    return max(half, 0.005 * abs(q.value))


def number_interval(q: NumberMention, rules: Rules = SHIPPED) -> Interval | None:
    """The values ``q`` allows (None when it is too vague to disagree with anything)."""
    if q.value is None or q.text.lower().strip() in VAGUE:
        return None
    v = q.value
    if q.approx == "range" and q.high is not None:
        return Interval(v, q.high)
    if q.approx == "about":
        return Interval(v * (1 - ABOUT), v * (1 + ABOUT))
    if q.approx == "more_than":
        return Interval(v, math.inf, low_open=True)
    if q.approx == "at_least":
        return Interval(v, math.inf)
    if q.approx == "less_than":
        return Interval(-math.inf, v, high_open=True)
    if q.approx == "at_most":
        return Interval(-math.inf, v)
    tol = rounding(q, rules.two_digits)
    return Interval(v - tol, v + tol)


def date_interval(d: DateMention) -> tuple[date, date] | None:
    """The days a resolved date covers (a day, a week span, a month or a year)."""
    if not d.iso:
        return None
    try:
        parts = [int(x) for x in d.iso.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        lo = date(*parts)
        hi = date.fromisoformat(d.iso_end) if d.iso_end else lo
    except ValueError:
        return None
    return lo, hi


def unit_of(q: NumberMention) -> str | None:
    return _MONEY.get(q.unit or "", q.unit) if q.role == "money" else q.unit


def amount_interval(q: NumberMention, precise_about: bool = False) -> Interval | None:
    """``number_interval`` with an exact figure's rounding half-open, as rounding is: "$3.5 billion" covers 3.45 up
    to (not including) 3.55 billion, which "$3.6 billion" covers. With ``precise_about`` (round 6) "about" before
    a figure written to two significant digits or more is that figure's rounding: "about $3.6 billion" covers 3.55
    up to 3.65 billion (the writer chose the precision), not +-15 %."""
    if precise_about and q.approx == "about" and significant(q.text) >= 2:
        q = q.model_copy(update={"approx": None})
    iv = number_interval(q)
    return Interval(iv.low, iv.high, high_open=True) if iv is not None and q.approx is None else iv


def significant(text: str) -> int:
    """Significant digits of the first figure in ``text`` ("$3.6 billion" 2, "$3 billion" 1, "43,000" 2)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    digits = m.group(0).replace(",", "") if m else ""
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0"))
    return len(digits.strip("0"))
