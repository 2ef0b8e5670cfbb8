from collections import Counter
from datetime import date

import numpy as np

from newsprism.compare.features import StoryFeatures, key_entities, parse_day
from newsprism.compare.grouping import StoryIndex, cluster_matrix, group_features, similarity_matrix, story_label
from newsprism.model import Article


def _feat(i: str, vec: list[float], day: str | None = None, ents: dict[str, int] | None = None) -> StoryFeatures:
    v = np.asarray(vec, dtype=np.float32)
    return StoryFeatures(i, v / np.linalg.norm(v), Counter(ents or {}), parse_day(day), title=f"title {i}")


def test_cluster_matrix_splits_two_topics() -> None:
    feats = [_feat("a", [1, 0.1, 0]), _feat("b", [1, 0, 0.1]), _feat("c", [0, 1, 0]), _feat("d", [0.1, 1, 0])]
    assert group_features(feats) == [0, 0, 1, 1]
    assert cluster_matrix(np.zeros((0, 0)), 0.5) == []


def test_date_window_separates_same_topic_far_apart() -> None:
    feats = [_feat("a", [1, 0], "2020-01-01"), _feat("b", [1, 0.05], "2020-01-03"), _feat("c", [1, 0], "2021-05-01")]
    assert group_features(feats) == [0, 0, 1]
    sim = similarity_matrix(feats)
    assert sim[0, 2] == -1.0


def test_story_index_incremental_with_window() -> None:
    index = StoryIndex(threshold=0.8, window_days=3)
    assert index.add(_feat("a", [1, 0, 0], "2020-01-01")) == 0
    assert index.add(_feat("b", [0, 1, 0], "2020-01-01")) == 1
    assert index.add(_feat("c", [1, 0.1, 0], "2020-01-02")) == 0
    assert index.add(_feat("d", [0.05, 1, 0], "2020-01-03")) == 1
    # the first story closed: same content ten days later opens a new story
    assert index.add(_feat("e", [1, 0, 0], "2020-01-13")) == 2
    assert [s.members for s in index.stories] == [[0, 2], [1, 3], [4]]


def test_stream_and_batch_agree_on_clear_clusters() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(5, 16))
    feats = [
        _feat(f"{k}-{j}", list(centres[k] + 0.05 * rng.normal(size=16)), f"2020-0{k + 1}-1{j}")
        for k in range(5)
        for j in range(4)
    ]
    batch = group_features(feats)
    stream = group_features(feats, exact_max=0)
    assert batch == stream == [k for k in range(5) for _ in range(4)]


def test_key_entities_without_nlp_and_label() -> None:
    art = Article(
        id="x", title="Harris meets Obrador", text="Vice President Kamala Harris met Andrés Obrador. Harris spoke."
    )
    ents = key_entities(art)
    # sentence-initial single capitalised words are not counted; runs and mid-sentence names are
    assert ents["obrador"] == 2 and ents["harris"] == 1
    feats = [
        StoryFeatures(
            "x", np.ones(2) / np.sqrt(2), ents, date(2021, 6, 7), "Harris meets Obrador", {"harris": "Harris"}
        )
    ]
    assert story_label(feats) == "Obrador, Harris: meets"


def test_vectorised_matrix_equals_pairwise_definition() -> None:
    from newsprism.compare.grouping import pair_similarity

    rng = np.random.default_rng(1)
    feats = []
    for i in range(40):
        ents = {f"e{rng.integers(0, 12)}": int(rng.integers(1, 4)) for _ in range(int(rng.integers(0, 5)))}
        day = f"2020-01-{int(rng.integers(1, 28)):02d}" if i % 5 else None
        feats.append(_feat(str(i), list(rng.normal(size=8)), day, ents))
    sim = similarity_matrix(feats)
    for i in range(40):
        for j in range(40):
            if i != j:
                assert abs(sim[i, j] - pair_similarity(feats[i], feats[j])) < 1e-6


def test_story_index_on_articles(story_articles: list[Article]) -> None:
    index = StoryIndex()
    other = Article(id="z", text="The Riverside chess club won the regional final after a tense tie-break on Saturday.")
    assert index.add_articles([*story_articles, other]) == [0, 0, 0, 1]
    assert index.story_articles() == [["a", "b", "c"], ["z"]]


def test_label_keywords_skip_names_but_keep_title_case_topics() -> None:
    from newsprism.compare.features import story_features

    arts = [
        Article(
            id=str(i),
            title=f"Kamala Harris Visits Guatemala on Migration Trip {i}",
            text="Vice President Kamala Harris flew to Guatemala. The migration talks with Kamala Harris "
            "focused on migration and corruption. Migration Policy Experts said migration rose.",
        )
        for i in range(2)
    ]
    label = story_label(story_features(arts))
    assert set(label.split(":")[0].split(", ")[:2]) == {"Harris", "Guatemala"}
    assert "migration" in label.split(":")[1]
    assert "kamala" not in label.lower().split(":")[1]


def test_parse_day_formats() -> None:
    assert parse_day("2019-03-25T10:00:00Z") == date(2019, 3, 25)
    assert parse_day("Mon, 25 Mar 2019 10:00:00 +0000") == date(2019, 3, 25)
    assert parse_day("last week") is None and parse_day(None) is None and parse_day("2019-02-30") is None
