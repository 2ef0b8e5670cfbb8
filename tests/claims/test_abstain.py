"""The kind decision abstains (issue 23): claim only on clear evidence, opinion on the subjectivity cut or an
explicit judgement cue; the scores are fixed here so that the rules, not the heads, are under test."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.claims import stage
from newsprism.claims.abstain import CLAIM_BELOW, CLAIM_CHECKWORTHINESS, blocking_cue, opinion_cue
from newsprism.claims.cues import cues
from newsprism.claims.model import ClaimsModel, shipped
from newsprism.claims.other import other_reason
from newsprism.model import Article
from newsprism.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("Congress should cut the budget by 10 percent.", ["recommendation"]),
        ("Let's not pretend the vote was close.", ["recommendation"]),
        ("The senator must resign.", ["recommendation"]),
        ("The plan was perhaps the cheapest option.", ["speculation"]),
        ("Prices are likely to rise again.", ["speculation"]),
        ("I think the senator misled voters.", ["stance"]),
        ("It would be shameful if the school closed.", ["stance"]),
        ("The plan will cost $4 billion.", ["forecast"]),
        ("The mayor has reportedly resigned, according to two aides.", []),  # sourcing hedge, not speculation
        ("Comments suggested the need to revive the ban.", []),  # 'the need to' is a noun, not a deontic modal
        ("The bill passed 52-48 on Tuesday.", []),
        ("A recession next year is very likely, the economist wrote.", ["speculation"]),  # round 4
        ("The new rule makes it likely that rents rise.", ["speculation"]),
        ("The tax cut made it more likely that the deficit grew.", ["speculation"]),
        ("A deal before the deadline is unlikely.", ["speculation"]),
        ("The poll surveyed 900 likely voters in May.", []),  # "likely voters" is no hedge
    ],
)
def test_cue_groups(text: str, groups: list[str]) -> None:
    assert cues(text) == groups


def test_forecast_blocks_a_claim_only_when_unattributed() -> None:
    assert blocking_cue("The plan will cost $4 billion.", attributed=False) == "forecast"
    assert blocking_cue("Officials said the plan will cost $4 billion.", attributed=True) is None
    assert blocking_cue("Officials said the budget should be cut.", attributed=True) == "recommendation"
    assert opinion_cue("I believe the count was wrong.") == "stance"
    assert opinion_cue("The count was wrong, the court found.") is None


def test_saying_and_recalled_are_reporting_verbs() -> None:
    from newsprism.claims.fields import ATTRIBUTION_RE

    assert ATTRIBUTION_RE.search("The mayor praised the plan, saying it was a very good deal.")
    assert ATTRIBUTION_RE.search("The rates were too high, the treasurer recalled.")
    assert not ATTRIBUTION_RE.search("The rates were too high in June.")


def test_a_video_link_with_running_time_is_other() -> None:
    assert other_reason("Extend unemployment insurance 05:07", headline=False) is not None
    assert other_reason("The hearing began at 10:30 on Monday.", headline=False) is None


class FixedScores(ClaimsModel):
    """The shipped heads' cuts, with scores read from a table (default: not check-worthy, not subjective)."""

    def __init__(self, table: dict[str, tuple[float, float]]) -> None:
        super().__init__(shipped().heads, shipped().meta)
        self.table = table

    @property
    def needs_embeddings(self) -> bool:
        return False

    def score(self, texts: list[str], emb: np.ndarray | None = None) -> dict[str, np.ndarray]:
        got = [self.table.get(t.strip(), (0.1, 0.1)) for t in texts]
        return {"checkworthiness": np.array([g[0] for g in got]), "subjectivity": np.array([g[1] for g in got])}


CLEAR = (0.95, CLAIM_BELOW - 0.1)  # check-worthy, clearly objective
OPINION_FROM = stage.Cuts.of(shipped()).opinion_from  # the shipped subjectivity cut (meta.json)
CASES = [
    ("The senator voted against the bill on the floor.", CLEAR, "claim", ""),
    ("The senator voted against the bill on the floor.", (0.95, CLAIM_BELOW + 0.05), "other", "abstained"),
    ("The senator voted against the bill on the floor.", (CLAIM_CHECKWORTHINESS - 0.05, 0.1), "other", "abstained"),
    ("A video posted by Jane Doe (@janedoe) on Dec 31, 2016 at 6:44am PST", CLEAR, "other", "embed"),
    ("Congress should raise the minimum wage for every worker.", CLEAR, "other", "recommendation"),
    ("The company will raise prices for its customers.", CLEAR, "other", "forecast"),
    ("Congress should cut the budget by $2 billion next year.", CLEAR, "mixed", "recommendation cue"),  # fact kept
    ("Officials said the company will raise prices by 5 percent.", CLEAR, "claim", ""),
    ("Officials said the company treated its customers badly.", CLEAR, "other", "reported words"),  # no number
    ("Workers complained that the new hires will get raises of 5 percent.", CLEAR, "claim", ""),  # main verb is past
    ("I think the senator misled the voters about the bill.", CLEAR, "opinion", "stance"),
    ("This policy is a disgrace to everyone in the nation.", (0.2, OPINION_FROM + 0.02), "opinion", "subjective"),
    ("This policy is a disgrace to everyone in the nation.", (0.2, OPINION_FROM - 0.05), "other", ""),
    ("This policy is a disgrace to everyone in the nation.", (0.95, OPINION_FROM + 0.02), "other", "undecided"),
    ('"I think the senator misled the voters," the mayor said.', CLEAR, "other", "stance cue"),  # quoted stance
    ('"I think the senator misled the voters," the mayor said.', (0.1, 0.1), "other", "neither"),
]


@pytest.mark.parametrize(("text", "scores", "kind", "reason"), CASES)
def test_kind_with_fixed_scores(
    monkeypatch: pytest.MonkeyPatch,
    claims_pipeline: Pipeline,
    text: str,
    scores: tuple[float, float],
    kind: str,
    reason: str,
) -> None:
    monkeypatch.setattr(stage, "shipped", lambda: FixedScores({text: scores}))
    art = claims_pipeline(Article(id="t", text=text))
    (sent,) = art.sentences
    assert sent.kind == kind, sent.kind_reason
    assert reason in (sent.kind_reason or "")
    assert [c.kind for c in art.claims] == ([kind] if kind in ("claim", "mixed") else [])


def test_session_10_rules_quoted_stance_reported_words_and_checkworthy_opinions() -> None:
    from newsprism.claims import abstain

    assert opinion_cue("I think the count was wrong.", quoted=True) is None  # a speaker's "I think …"
    assert opinion_cue("I think the count was wrong.", quoted=False) == "stance"
    assert abstain.reported_block(attributed=True, anchored=False) == "reported"
    assert abstain.reported_block(attributed=True, anchored=True) is None  # "said it cost $4 billion"
    assert abstain.reported_block(attributed=False, anchored=False) is None
    assert abstain.is_opinion_label("opinion") and not abstain.is_opinion_label("both")
