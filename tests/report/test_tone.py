"""The stance sentence of the article report: the writer's voice first, then each quoted source."""

from __future__ import annotations

from newsprism.model import Article, QuotedStance, Stance, StanceCue, Tone, make_span
from newsprism.report.tone import stance_sentence

TEXT = "Smith dodged, Smith failed, Smith won and Smith rescued the deal."
ART = Article(id="t", text=TEXT)


LEMMA = {"dodged": "dodge", "failed": "fail", "won": "win", "rescued": "rescue"}


def _cue(word: str, polarity: int) -> StanceCue:
    start = TEXT.index(word)
    return make_span(ART, start, start + len(word), StanceCue, lemma=LEMMA[word], relation="agent",
                     polarity=polarity, mention_start=0, mention_end=5)  # fmt: skip


def _stance(*cues: StanceCue) -> dict[str, object]:
    score = sum(c.polarity for c in cues) / len(cues)
    label = "negative" if score < 0 else "positive" if score > 0 else "neutral"
    return {"label": label, "score": score, "cues": list(cues)}


def test_mixed_cues_read_as_mixed_terms_with_the_agreeing_lemmas_first() -> None:
    author = Stance.model_validate(_stance(_cue("won", 1), _cue("dodged", -1)))
    t = Tone(target="Smith", score=0.0, mentions=4, author=author)
    assert stance_sentence(t) == "the writer describes Smith in mixed terms (win, dodge)"
    neg = Stance.model_validate(_stance(_cue("won", 1), _cue("dodged", -1), _cue("failed", -1)))
    assert stance_sentence(Tone(target="Smith", score=0.0, mentions=4, author=neg)).endswith(
        "negatively (dodge, fail, win)"
    )


def test_quoted_sources_are_named_capped_and_unattributed_said_so() -> None:
    quoted = [
        QuotedStance.model_validate({**_stance(_cue("failed", -1)), "speaker": name})
        for name in ("Ken Cuccinelli", None, "Ann Lee", "Bo Diaz", "Cy Young")
    ]
    t = Tone(target="Smith", score=0.0, mentions=4, quoted=quoted)
    assert (
        stance_sentence(t)
        == "quoted sources: Ken Cuccinelli negative, unattributed negative, Ann Lee negative and 2 more"
    )
    assert stance_sentence(Tone(target="Smith", score=0.0, mentions=1)) == ""


def test_stance_brief_keeps_voices_apart_with_their_words_compactly() -> None:
    from newsprism.report.tone import stance_brief

    author = Stance.model_validate(_stance(_cue("dodged", -1), _cue("failed", -1)))
    quoted = [QuotedStance.model_validate({**_stance(_cue("won", 1)), "speaker": "Ann Lee"})]
    t = Tone(target="Smith", score=-0.5, mentions=4, author=author, quoted=quoted)
    assert stance_brief(t) == "writer negative (dodge, fail); quoted: Ann Lee positive (win)"
    assert stance_brief(Tone(target="Smith", score=0.0, mentions=1)) == "no judging words"


def test_caveat_takes_the_blind_number_from_the_pinned_tone_floors() -> None:
    import json

    from newsprism.bench.gate import floors_dir
    from newsprism.report.tone import AIM_MACRO_F1, BLIND_METRIC, caveat, caveat_line

    spec = json.loads((floors_dir() / "tone.json").read_text(encoding="utf-8"))
    value = spec["metrics"][BLIND_METRIC]["full"]["measured"]
    assert caveat() == f"unvalidated: blind macro-F1 {value:.2f}, aim {AIM_MACRO_F1:.2f}"
    assert caveat_line() == f"Tone labels {caveat()}."
