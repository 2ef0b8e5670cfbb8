"""claims.stage helpers on parses where the number's head chain ends in a non-verb root."""

from __future__ import annotations

import pytest

from newsprism.claims.stage import fact_span
from newsprism.model import Article
from newsprism.nlp.spacy_loader import load_spacy


@pytest.mark.timeout(60)  # the old `tok.head is not tok` never held at the root (Tokens are views): it looped forever
@pytest.mark.parametrize("text", ["A disgraceful 20 percent cut.", "Shameful: $2 billion for nothing."])
def test_fact_span_ends_at_a_root_that_is_no_verb(text: str) -> None:
    doc = load_spacy()(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.pos_ not in ("VERB", "AUX")  # the case under test: no verb above the number
    anchor = next(t.idx for t in doc if t.like_num)
    art = Article(id="t", text=text)
    assert fact_span(art, doc, anchor, 0, len(text)) == (0, len(text))
