"""Every suggested neutral wording keeps its sentence grammatical: each lexicon row with an example sentence
(column 7) is rewritten and the result re-read through the spaCy parser."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.techniques.neutral import Entry, find, load_lexicon

EXAMPLES = [e for e in load_lexicon() if e.example]


def _head(doc: Any, start: int, end: int) -> Any:
    """The token of doc[start:end] (characters) whose syntactic head lies outside the span."""
    toks = [t for t in doc if t.idx >= start and t.idx + len(t.text) <= end]
    heads = [t for t in toks if t.head.i == t.i or not (start <= t.head.idx < end)]
    assert len(heads) == 1, [t.text for t in heads]
    return heads[0]


def _tenses(doc: Any, start: int, end: int) -> set[str]:
    return {
        tense
        for t in doc
        if t.idx >= start and t.idx + len(t.text) <= end and t.pos_ in ("VERB", "AUX")
        for tense in t.morph.get("Tense")
    }


def test_patterns_have_examples() -> None:
    # the generalising patterns each come with an example sentence, so the grammar test covers them
    patterns = [e for e in load_lexicon() if e.is_regex]
    assert len(patterns) >= 15
    assert all(e.example and e.explanation for e in patterns), [e.pattern.pattern for e in patterns if not e.example]


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e.example[:40] for e in EXAMPLES])
def test_neutral_wording_parses_like_the_original(entry: Entry) -> None:
    from newsprism.nlp.spacy_loader import load_spacy

    nlp = load_spacy()
    text = entry.example
    hits = find(text, load_lexicon())
    own = [h for h in hits if entry.pattern.fullmatch(text[h.start : h.end])]
    assert len(own) == 1, f"the row does not match its own example: {text!r}"
    hit = own[0]
    assert hit.neutral, "a pattern row needs a neutral wording"
    new = text[: hit.start] + hit.neutral + text[hit.end :]
    new_end = hit.start + len(hit.neutral)
    before, after = nlp(text), nlp(new)
    assert len(list(after.sents)) == 1, new
    roots = [t for t in after if t.dep_ == "ROOT"]
    assert len(roots) == 1 and roots[0].pos_ in ("VERB", "AUX"), (new, [(t.text, t.pos_) for t in roots])
    old_head, new_head = _head(before, hit.start, hit.end), _head(after, hit.start, new_end)
    # the rewrite plays the same part in the sentence: same kind of word, same grammatical relation
    assert new_head.pos_ == old_head.pos_ or {new_head.pos_, old_head.pos_} <= {"NOUN", "PROPN"}, (new, new_head.pos_)
    assert new_head.dep_ == old_head.dep_, (new, old_head.dep_, new_head.dep_)
    # a finite verb keeps its tense (carried by the rewrite's verb or auxiliary)
    assert _tenses(before, hit.start, hit.end) <= _tenses(after, hit.start, new_end), new
