"""One-sentence explanations that quote the evidence."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    "Loaded_Language": "Uses the emotionally loaded wording {q} to sway the reader",
    "Name_Calling,Labeling": "Uses the emotionally loaded label {q} to characterise its target",
    "Repetition": "Repeats {q}{count} to drive the message home",
    "Exaggeration,Minimisation": "Overstates or plays down the matter with {q}",
    "Doubt": "Casts doubt on credibility with {q}",
    "Appeal_to_fear-prejudice": "Appeals to fear or prejudice with {q}",
    "Flag-Waving": "Appeals to national or group pride with {q}",
    "Causal_Oversimplification": "Reduces a complex issue to a single cause in {q}",
    "Slogans": "Uses the slogan-like phrase {q}",
    "Appeal_to_Authority": "Rests the claim on an authority in {q}",
    "Black-and-White_Fallacy": "Presents only two options in {q}",
    "Thought-terminating_Cliches": "Cuts discussion short with the cliché {q}",
    "Whataboutism,Straw_Men,Red_Herring": "Deflects or misrepresents the opposing view in {q}",
    "Bandwagon,Reductio_ad_hitlerum": "Argues from popularity or by association with a hated group in {q}",
}
MAX_QUOTE = 120


def quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_QUOTE:
        text = text[: MAX_QUOTE - 1].rstrip() + "…"
    return f"“{text}”"


def explain(
    technique: str, span_text: str, neutral: str | None = None, count: int | None = None, reason: str = ""
) -> str:
    """E.g. 'Uses the emotionally loaded label “X” to characterise its target (Name_Calling,Labeling).'

    ``reason`` (a lexicon row's explanation) replaces the technique's generic wording: '“X” frames …'."""
    template = TEMPLATES.get(technique, "Shows the persuasion technique {technique} in {q}")
    body = template.format(
        q=quote(span_text), technique=technique, count=f" ({count} times in the article)" if count else ""
    )
    if reason:
        body = f"{quote(span_text)} {reason}"
    if neutral:
        body += f"; a neutral alternative is “{neutral}”"
    return f"{body} ({technique})."
