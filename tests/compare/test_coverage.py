"""Coverage: central omissions only, sources merged by entity, generic words never sources."""

from __future__ import annotations

import pytest

from newsprism.compare.coverage import central, coverage_matrix, source_key
from newsprism.model import Article, ClaimGroup, Member, Quote, Speaker, SpeakerCluster, make_span


def _group(gid: str, arts: list[str], text: str = "A claim about the dam.") -> ClaimGroup:
    members = [Member(article=a, text=text, start=0, end=len(text)) for a in arts]
    return ClaimGroup(id=gid, text=text, members=members, articles=arts, score=0.5, similarity=None, source="claim")


def _arts(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text="A claim about the dam.") for i in range(n)]


@pytest.mark.parametrize(
    ("reporting", "others", "block", "expected"),
    [
        (1, 2, False, False),  # one outlet's own claim is not the story's
        (1, 2, True, False),  # not even its figure
        (2, 2, False, True),
        (2, 4, False, True),  # half of four others
        (1, 4, True, False),
        (3, 7, False, False),  # fewer than half
        (1, 1, False, False),  # two articles: a plain claim of the other is not enough
        (1, 1, True, True),  # but its figures, quotes and sources are
        (0, 3, True, False),
    ],
)
def test_central(reporting: int, others: int, block: bool, expected: bool) -> None:
    assert central(reporting, others, block) is expected


def test_omits_only_rows_half_the_others_report() -> None:
    arts = _arts(5)
    ids = [a.id for a in arts]
    groups = [
        _group("c1", ids[1:]),  # a0 omits: all 4 others report it
        _group("c2", ids[1:3]),  # a0 omits: 2 of 4
        _group("c3", ids[1:2]),  # only a1: nobody omits it
        _group("c4", ids[:1]),
    ]
    cov = coverage_matrix(arts, groups, [])
    assert cov.omits["a0"].claims == ["c1", "c2"]  # more reporting first
    assert cov.omits["a3"].claims == ["c2"]  # a3 reports c1; c2 is reported by 2 of its 4 others
    assert cov.omits["a1"].claims == []  # c4 is a0's alone
    assert "c3" not in {c for o in cov.omits.values() for c in o.claims}
    assert "c4" not in {c for o in cov.omits.values() for c in o.claims}
    for a in ids:
        for gid in cov.omits[a].claims:
            row = next(r for r in cov.rows if r.id == gid)
            others = [b for b in ids if b != a]
            assert 2 * sum(row.present[b] for b in others) >= len(others)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("President Biden", ("biden", None)),
        ("Joe Biden", ("biden", None)),
        ("Joe Biden's", ("biden", None)),
        ("Biden administration", ("biden administration", "biden")),
        ("Biden regime", ("biden administration", "biden")),
        ("the Biden administration’s", ("biden administration", "biden")),
        ("White House", ("biden administration", "biden")),
        ("anyone", None),
        ("groups", None),
        ("people", None),
        ("She", None),
        ("video of his statement", None),
    ],
)
def test_source_key(name: str, key: tuple[str, str | None] | None) -> None:
    assert source_key(name, president="biden") == key


def test_source_key_without_a_president_and_for_organisations() -> None:
    assert source_key("White House") == ("white house", None)
    assert source_key("Breitbart News", person=False) == ("breitbart news", None)
    assert source_key("Fox News", person=False) != source_key("Breitbart News", person=False)


def _quoting(aid: str, speaker: str, **flags: object) -> Article:
    text = f'"We will rebuild," {speaker} said. President Biden visited.'
    art = Article(id=aid, text=text)
    art.quotes = [make_span(art, 0, 18, Quote, kind="direct", speaker=Speaker(name=speaker), **flags)]
    return art


def test_sources_merge_aliases_and_link_institutions() -> None:
    arts = [
        _quoting("a", "President Biden"),
        _quoting("b", "Joe Biden"),
        _quoting("c", "Biden regime"),
        _quoting("d", "White House"),
        _quoting("e", "anyone", unattributed=True),
    ]
    arts[1].speakers = [SpeakerCluster(id=0, name="Joe Biden", kind="person")]
    cov = coverage_matrix(arts, [], [])
    src = {r.id: r for r in cov.rows if r.kind == "source"}
    assert set(src) == {"src:biden", "src:biden administration"}
    person, inst = src["src:biden"], src["src:biden administration"]
    assert person.text == "Joe Biden" and person.speaker is None
    assert [a for a, p in person.present.items() if p] == ["a", "b"]
    assert inst.speaker == "Joe Biden"  # kept apart from the person, linked to them
    assert [a for a, p in inst.present.items() if p] == ["c", "d"]
    assert "White House" in inst.text
    # c, d and e each lack the person: 2 of their 4 others report it -> central; the institution likewise for a, b
    assert cov.omits["e"].sources == ["src:biden", "src:biden administration"]
