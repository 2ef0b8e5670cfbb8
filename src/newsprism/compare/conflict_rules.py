"""The switchable rule sets of the number and date conflicts (issue 26): each round's change is a flag of
:class:`Rules`, so the rule set scored on an earlier blind round stays callable by ``bench stories``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rules:
    """Which round-2 changes apply (module docstring); the default is the shipped rule set."""

    two_digits: bool = True  # a figure is precise to at least two significant digits
    subject_same_predicate: bool = True  # different subjects only matter for the same predicate
    event_dates: bool = True  # day dates of same-event or similar claims, and of sentences without claims
    strict_counted: bool = True  # a unit word is no counted noun; modifiers must agree; a bound date is no day
    event_months: bool = True  # round 4: planned dates (future tense) of one verb, same event: a month vs a day
    event_amounts: bool = True  # round 5: amounts without a counted noun of one act/thing, same event
    depart_dates: bool = True  # round 6: the verbs and words of leaving a post are one event for a date
    amount_precision: bool = True  # round 6: "about $3.6 billion" is its rounding; one verb alone is shown
    date_agents: bool = True  # after round 6: dates of verbs with two different named subjects are two events
    count_acts: bool = True  # after round 6: a count of a predicate's subject is a count of that act only
    date_parts: bool = True  # after round 6: "the Sept. 11 attacks", "9/11": a number in a date is no count


SHIPPED = Rules()
_LATER = {"date_agents": False, "count_acts": False, "date_parts": False}  # after round 6; off in older rule sets
ROUND1 = Rules(
    two_digits=False,
    subject_same_predicate=False,
    event_dates=False,
    strict_counted=False,
    event_amounts=False,
    **_LATER,
)
"""The rules of round 1 (commit 10f56dd), kept for ``bench stories``."""
ROUND3 = Rules(event_months=False, event_amounts=False, **_LATER)
"""The rules scored on round 3 (commit 9a6d87b..e67d267), before the round-4 changes."""
ROUND4 = Rules(event_amounts=False, **_LATER)
"""The rules scored on round 4 (commit 38cf7fd), before the round-5 amount rule."""
ROUND5 = Rules(depart_dates=False, amount_precision=False, **_LATER)
"""The rules scored on round 5 (commit f21f048), before the round-6 changes (the claims stage's changes of round 6
— "$5.6” billion", "would"/"is effective" dates read forward — are not switchable)."""
ROUND6 = Rules(**_LATER)
"""The rules scored on round 6 (commit 58d4c6c), before the date-agent, count-act and date-part checks."""
