from newsprism.model import Article, Quote, Speaker, content_id, make_span, validate_offsets


def test_content_id_is_stable_and_short() -> None:
    assert content_id("abc") == content_id("abc")
    assert content_id("abc") != content_id("abd")
    assert len(content_id("abc")) == 16


def test_make_span_slices_canonical_text() -> None:
    art = Article(id="a", text="Biden said: “We will.”")
    q = make_span(art, 13, 21, Quote, kind="direct", speaker=Speaker(name="Biden", start=0, end=5), cue="said")
    art.quotes.append(q)
    assert q.text == "We will."
    assert validate_offsets(art) == []


def test_validate_offsets_catches_mismatch() -> None:
    art = Article(id="a", text="Hello world")
    art.quotes.append(Quote(text="world!", start=6, end=11, kind="direct"))
    art.quotes.append(Quote(text="x", start=6, end=99, kind="direct"))
    problems = validate_offsets(art)
    assert len(problems) == 2


def test_json_uses_schema_alias() -> None:
    data = Article(id="a", text="t").to_json_dict()
    assert data["schema"] == "newsprism.article/1"
    assert "schema_" not in data


def test_warn_deduplicates() -> None:
    art = Article(id="a", text="t")
    art.warn("W1", "m")
    art.warn("W1", "m")
    assert len(art.warnings) == 1
