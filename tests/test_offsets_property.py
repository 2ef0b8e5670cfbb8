"""Property: any text through ingest + the nlp stage keeps every span offset valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import InputError
from newsprism.ingest import article_from_text
from newsprism.model import validate_offsets
from newsprism.options import load_options

OPTS = load_options()
WORDS = st.sampled_from(
    [
        "Harris",
        "said",
        "the",
        "border",
        "“quoted”",
        '"plain"',
        "‘single’",
        "naïve",
        "café",
        "שלום",
        "مرحبا",
        "\U0001f600",
        "e\u0301",
        "\u200b",
        "Mr.",
        "U.S.",
        "3.5%",
        "—",
        "…",
        "\t",
        "\r\n",
        "\n",
        "\n\n",
        ".",
    ]
)
TEXTS = st.one_of(
    st.lists(WORDS, min_size=1, max_size=60).map(" ".join),
    st.text(min_size=1, max_size=300),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_spans_stay_valid(text: str, nlp_pipeline) -> None:  # type: ignore[no-untyped-def]
    try:
        article = article_from_text(text, source="<hypothesis>", options=OPTS)
    except InputError as exc:  # empty/whitespace-only or binary-looking: a clean, coded refusal
        assert exc.code in {"E002", "E003"}
        return
    assert validate_offsets(article) == []
    (done,) = list(nlp_pipeline.pipe([article]))
    assert validate_offsets(done) == []
    assert "\r" not in done.text and "\u200b" not in done.text
    for sent in done.sentences:
        assert "\n" not in done.text[sent.start : sent.end].strip()
