from newsprism.compare import compare
from newsprism.model import COMPARISON_SCHEMA, Article, Omissions, validate_offsets
from newsprism.options import load_options


def _members_valid(story: dict, articles: dict[str, Article]) -> None:
    for g in story["claim_groups"]:
        assert len(g["articles"]) == len(set(g["articles"]))  # at most one member per article
        for m in g["members"]:
            assert articles[m["article"]].text[m["start"] : m["end"]] == m["text"]
    for c in story["number_conflicts"]:
        for v in c["values"]:
            text = articles[v["article"]].text
            assert text[v["start"] : v["end"]] == v["text"]
            assert text[v["claim"]["start"] : v["claim"]["end"]] == v["claim"]["text"]


def test_synthetic_story_alignment_coverage_and_conflicts(story_articles: list[Article]) -> None:
    comp = compare(story_articles, load_options())
    data = comp.to_json_dict()
    assert data["schema"] == COMPARISON_SCHEMA
    assert len(data["stories"]) == 1
    story = data["stories"][0]
    arts = {a.id: a for a in story_articles}
    _members_valid(story, arts)
    groups = {frozenset(g["articles"]): g for g in story["claim_groups"] if len(g["articles"]) > 1}
    emergency = [g for g in story["claim_groups"] if "emergency" in g["text"]]
    assert len(emergency) == 1 and set(emergency[0]["articles"]) == {"a", "b"}
    power = [g for g in story["claim_groups"] if "Power was cut" in g["text"]]
    assert len(power) == 1 and set(power[0]["articles"]) == {"a", "c"}
    assert groups  # several multi-article groups
    event = [g for g in story["claim_groups"] if "storm" in g["text"] and "Monday" in g["text"]]
    assert len(event) == 1 and set(event[0]["articles"]) == {"a", "b", "c"}  # the event, worded three ways
    for g in story["claim_groups"]:
        assert (g["similarity"] is None) == (len(g["articles"]) == 1)
    # the death toll disagrees: 12 (a) vs 15 (b), both spans given
    tolls = [c for c in story["number_conflicts"] if c["quantity"] == "people"]
    assert len(tolls) == 1 and {v["text"] for v in tolls[0]["values"]} == {"12", "15"}
    assert not any(c["quantity"] == "home" for c in story["number_conflicts"])  # 40,000 homes agree
    # coverage: c omits the emergency claim that a and b report; b omits the power cut
    cov = story["coverage"]
    assert emergency[0]["id"] in cov["omits"]["c"]["claims"]
    assert power[0]["id"] in cov["omits"]["b"]["claims"]
    assert emergency[0]["id"] not in cov["omits"]["a"]["claims"]
    smith = [r for r in cov["rows"] if r["kind"] == "source" and r["id"] == "src:smith"]
    assert smith and smith[0]["present"] == {"a": True, "b": True, "c": False}
    assert "src:smith" in cov["omits"]["c"]["sources"]
    # timeline ordered by date; side by side reads slant/techniques
    assert [t["article"] for t in story["timeline"]][-1] == "c"
    side = {col["article"]: col for col in story["side_by_side"]}
    assert (
        side["b"]["slant"]["label"] == "left"
        and side["b"]["slant"]["evidence"][0]["text"] == "ignored repeated flood warnings"
    )
    assert side["b"]["techniques"]["counts"] == {"Loaded_Language": 1} and side["b"]["techniques"]["per_1000_words"] > 0
    assert side["a"]["sourcing"]["named"] == 1 and side["c"]["sourcing"] == {
        "named": 0,
        "anonymous": 0,
        "unattributed": 0,
    }
    # quote groups come from the quotes package when present, else a warning says why not
    assert story["quote_groups"] or any(w["code"] == "W110" for w in story["warnings"])
    for a in story_articles:
        assert validate_offsets(a) == []


def test_unrelated_articles_are_separate_stories(story_articles: list[Article]) -> None:
    other = Article(
        id="z",
        title="Chess club wins regional final",
        text="The Riverside chess club won the regional final on Saturday after a tense tie-break.\n"
        "Captain Ana Ruiz said the team had trained for eight months.",
        published="2024-05-06",
    )
    comp = compare([*story_articles, other])
    stories = comp.stories
    assert sorted(len(s.articles) for s in stories) == [1, 3]
    single = next(s for s in stories if len(s.articles) == 1)
    assert single.articles == ["z"] and single.coverage is not None
    assert single.coverage.omits == {"z": Omissions()}


def test_duplicate_ids_are_refused(story_articles: list[Article]) -> None:
    import pytest

    from newsprism.errors import InputError

    with pytest.raises(InputError, match="E110"):
        compare([story_articles[0], story_articles[0]])


def test_empty_input() -> None:
    assert compare([]).stories == []


def test_sources_fall_back_to_attributed_entities() -> None:
    from newsprism.compare.coverage import article_sources
    from newsprism.model import Entity, Sentence

    text = "Ana Ruiz said the dam held. Ben Cole visited the dam."
    art = Article(id="x", text=text)
    art.sentences = [Sentence(start=0, end=27), Sentence(start=28, end=len(text))]
    art.entities = [
        Entity(text="Ana Ruiz", start=0, end=8, label="PERSON"),
        Entity(text="Ben Cole", start=28, end=36, label="PERSON"),
    ]
    assert article_sources(art) == {"ruiz": "Ana Ruiz"}  # Cole is mentioned, not a source
