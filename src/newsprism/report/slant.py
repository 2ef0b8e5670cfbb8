"""How every report shows an article's slant: what is measured first, and plainly what is not.

No lean line is shown anywhere: the phrase lexicon separates right from left articles of unseen outlets at chance
(``lexicon_auc_right_vs_left`` 0.52) and the outlet-style classifier (TF-IDF word 1-2-grams + LR) stays below the
:data:`LEAN_AUC` a lean would need (``allsides_auc_right_vs_left`` 0.66; docs/slant.md). Reports lead with the
measured signals: the hyperpartisan probability (with its validation accuracy), the share of sentences BABE's model
calls biased (with its validation macro-F1) and loaded language found by the techniques stage; then
:func:`lean_not_shown`. The matched phrases stay in the JSON and are listed as evidence of partisan-coded wording,
never summed into a verdict. Validation numbers are read from the pinned floors (``bench/floors/slant.json``,
through ``report/pinned.py``), so the text follows the last ``newsprism bench slant --update-floors``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.model import Article, Slant
from newsprism.report import pinned
from newsprism.techniques.summary import shown_techniques

CLASSIFIER_NAME = "Outlet-style classifier"
LOADED = ("Loaded_Language", "Name_Calling,Labeling")  # the techniques counted as loaded language
BIASED = 0.5  # a sentence counts as biased when BABE's calibrated P(biased) is at least this
LEAN_AUC = 0.70  # left-vs-right AUC on unseen outlets a lean line would need (issue 20); none reaches it


def validation() -> dict[str, float]:
    """The pinned full-validation value of each slant metric (``{}`` when the floor file cannot be read)."""
    return pinned.validation("slant")


def _num(name: str, fmt: str = "{:.2f}") -> str:
    v = validation().get(name)
    return fmt.format(v) if v is not None else "not measured"


def lean_not_shown() -> str:
    """The plain statement that no lean is shown, with the numbers that say why."""
    return (
        "Lean: not shown — no lexicon or classifier here tells left from right on unseen outlets well enough "
        f"(right-vs-left AUC: phrase lexicon AUC {_num('lexicon_auc_right_vs_left')}, outlet-style classifier "
        f"AUC {_num('allsides_auc_right_vs_left')}; a lean needs {LEAN_AUC:.2f}, chance 0.50)."
    )


PHRASES_NOTE = (
    "Partisan-coded wording: phrases used more by right (or left) training outlets, filtered of topic words, names "
    "and function words; listed as evidence of wording, not summed into a lean."
)


def hyperpartisan_line(slant: Slant) -> str | None:
    """``Hyperpartisan probability 0.72 (validation accuracy 0.79)``; None when not measured."""
    if slant.hyperpartisan is None:
        return None
    return f"Hyperpartisan probability {slant.hyperpartisan:.2f} (validation accuracy {_num('hyperpartisan_accuracy')})"


def biased_share(art: Article) -> tuple[int, int] | None:
    """(biased sentences, scored sentences) from ``sentences[i].bias``; None when no sentence was scored."""
    scored = [s.bias for s in art.sentences if s.bias is not None]
    if not scored:
        return None
    return sum(b >= BIASED for b in scored), len(scored)


def biased_line(art: Article) -> str | None:
    """``Biased sentences (BABE model): 5 of 40 (12%; validation macro-F1 0.72)``."""
    share = biased_share(art)
    if share is None:
        return None
    k, n = share
    return f"Biased sentences (BABE model): {k} of {n} ({k / n:.0%}; validation macro-F1 {_num('babe_macro_f1')})"


def loaded_count(art: Article) -> int:
    """Shown loaded-language spans (spans below the shown-span threshold are in the JSON only)."""
    return sum(t.technique in LOADED for t in shown_techniques(art))


def loaded_line(art: Article) -> str | None:
    """``Loaded language: 3 spans (techniques stage)``; None when the techniques stage did not run."""
    ran = art.provenance is not None and "techniques" in art.provenance.stages
    if not ran and not art.techniques:
        return None
    return f"Loaded language: {loaded_count(art)} spans (techniques stage)"


def measured_lines(art: Article) -> list[str]:
    """What is measured about the article's slant, in the order every report leads with it."""
    lines = [hyperpartisan_line(art.slant) if art.slant else None, biased_line(art), loaded_line(art)]
    return [line for line in lines if line]


@dataclass
class Phrase:
    """One evidence phrase: its first occurrence, z-score (positive = right-coded) and number of occurrences."""

    text: str
    start: int
    end: int
    weight: float
    count: int

    @property
    def side(self) -> str:
        return "right" if self.weight > 0 else "left"

    @property
    def label(self) -> str:
        return f"“{self.text}”" + (f" ×{self.count}" if self.count > 1 else "")


@dataclass
class SlantView:
    """Everything a report says about one article's slant, in the order it is shown."""

    measured: list[str]
    not_shown: str
    phrases: list[Phrase]
    classifier: str
    reason: str | None
    hyperpartisan: float | None
    label: str

    def phrase_list(self, limit: int = 6) -> str:
        """``“illegal aliens” ×3, “amnesty”, …`` (strongest first) or ``no partisan-coded phrases found``."""
        if not self.phrases:
            return "no partisan-coded phrases found"
        more = ", …" if len(self.phrases) > limit else ""
        return ", ".join(p.label for p in self.phrases[:limit]) + more


def thresholds() -> tuple[float, float] | None:
    """(min_words, min_confidence) of the shipped classifier (models/slant/calibration.json), None if unreadable."""
    try:
        from newsprism.slant.score import calibration

        cal = calibration()["allsides"]
        return cal["min_words"], cal["min_confidence"]
    except (OSError, KeyError, ValueError):
        return None


def probabilities(slant: Slant) -> dict[str, float]:
    """The classifier's class probabilities by label ({} when the record has none)."""
    return slant.probabilities.model_dump() if slant.probabilities is not None else {}


def classifier_line(slant: Slant) -> str:
    """``Outlet-style classifier: uncertain (right 0.50, center 0.30, left 0.20)``, most probable class first."""
    probs = probabilities(slant)
    if probs:
        detail = ", ".join(f"{k} {v:.2f}" for k, v in sorted(probs.items(), key=lambda kv: -kv[1]))
    else:
        detail = f"confidence {slant.confidence:.2f}"
    return f"{CLASSIFIER_NAME}: {slant.label} ({detail})"


def uncertain_reason(slant: Slant) -> str | None:
    """Why the label was withheld (short text / low confidence, with the shipped thresholds); None when labelled."""
    if slant.label != "uncertain":
        return None
    limits = thresholds()
    words = slant.words
    if limits is None:
        return "Label withheld: the classifier is not confident enough to name a side."
    min_words, min_conf = limits
    why = []
    if words is not None and words < min_words:
        why.append(f"short text ({words} words, a label needs {int(min_words)})")
    if min_conf > 1:  # no threshold reached the target accuracy on inner held-out outlets: never labelled
        why.append("no confidence is enough (on held-out training outlets no threshold made labels 60% right)")
    elif slant.confidence < min_conf:
        why.append(f"low confidence ({slant.confidence:.2f}, a label needs {min_conf:.2f})")
    if not why:
        return "Label withheld when the article was analysed (thresholds have changed since)."
    return (
        "Label withheld: "
        + " and ".join(why)
        + "; on outlets it was not trained on, the classifier is rarely reliable enough to name a side."
    )


def phrases_of(slant: Slant) -> list[Phrase]:
    """The evidence phrases, strongest |z| first (the stage's order, re-sorted in case a record was edited)."""
    return [Phrase(e.text, e.start, e.end, e.weight, e.count) for e in slant.strongest_phrases()]


def view(art: Article) -> SlantView:
    """The slant section of ``art`` (which must carry a slant record)."""
    assert art.slant is not None
    slant = art.slant
    return SlantView(
        measured=measured_lines(art),
        not_shown=lean_not_shown(),
        phrases=phrases_of(slant),
        classifier=classifier_line(slant),
        reason=uncertain_reason(slant),
        hyperpartisan=slant.hyperpartisan,
        label=slant.label,
    )


def one_line(art: Article) -> str:
    """The CLI summary: ``hyperpartisan 0.72 · biased sentences 5/40 · loaded language 3 · lean not shown``."""
    parts = []
    if art.slant is not None and art.slant.hyperpartisan is not None:
        parts.append(f"hyperpartisan {art.slant.hyperpartisan:.2f}")
    share = biased_share(art)
    if share is not None:
        parts.append(f"biased sentences {share[0]}/{share[1]}")
    if art.techniques or (art.provenance is not None and "techniques" in art.provenance.stages):
        parts.append(f"loaded language {loaded_count(art)}")
    parts.append(f"lean not shown (lexicon AUC {_num('lexicon_auc_right_vs_left')} on unseen outlets)")
    return " · ".join(parts)
