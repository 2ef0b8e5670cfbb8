"""Calendar words: weekday and month names with their abbreviations, the one list for every module that reads
or filters dates (claims' relative-time rule, the comparison's date mentions, the slant phrase filter)."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# full names, three-letter abbreviations and "sept" -> month number
MONTH_NUMBERS: dict[str, int] = {
    **{m: i + 1 for i, m in enumerate(MONTHS)},
    **{m[:3]: i + 1 for i, m in enumerate(MONTHS)},
    "sept": 9,
}
# the forms AP style writes in running text: abbreviated when six letters or longer, else spelled out
AP_MONTHS = ("jan", "feb", "march", "april", "may", "june", "july", "aug", "sept", "oct", "nov", "dec")
# regex alternation of a month name, full or abbreviated, capitalised ("Sept", "September", "May")
MONTH_PATTERN = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
WEEKDAY_PATTERN = "|".join(WEEKDAYS)
