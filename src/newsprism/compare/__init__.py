"""Stories: group articles about the same event and compare how each told it.

``compare(articles, options)`` returns a :class:`~newsprism.model.Comparison`
(``newsprism.comparison/1``): stories with claim groups, quote groups, a coverage matrix, number
conflicts, a timeline and a side-by-side summary. It reads whatever the analysis stages produced
and degrades gracefully when a stage did not run.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from pathlib import Path

import numpy as np

from newsprism.compare.align import align_claims
from newsprism.compare.conflicts import find_conflicts
from newsprism.compare.coverage import clean_name, coverage_matrix, speaker_canon
from newsprism.compare.features import StoryFeatures, norm_entity, story_features
from newsprism.compare.grouping import (
    ENTITY_WEIGHT,
    THRESHOLD,
    WINDOW_DAYS,
    StoryIndex,
    group_features,
    story_label,
    timeline,
)
from newsprism.compare.related import narratives, partial_matches
from newsprism.compare.sidebyside import outlet_of, side_by_side
from newsprism.errors import InputError
from newsprism.model import Article, ArticleRef, Comparison, Grouping, Quote, QuoteGroup, Story, Warning
from newsprism.options import Options, load_options
from newsprism.titles import display_title

__all__ = ["StoryIndex", "compare", "compare_story", "group_articles"]
log = logging.getLogger(__name__)
_TITLE_WORDS = {"president", "vice", "vp", "sen", "senator", "rep", "gov", "governor", "mr", "mrs", "ms", "dr"}


def group_articles(articles: list[Article], options: Options | None = None) -> list[list[Article]]:
    """Articles grouped into stories (lists of articles), in order of each story's first article."""
    opts = options or load_options()
    feats = story_features(articles, model=opts.embedding_model)
    labels = group_features(feats)
    stories: dict[int, list[Article]] = {}
    for art, lab in zip(articles, labels, strict=True):
        stories.setdefault(lab, []).append(art)
    return list(stories.values())


def _transcript(options: Options, warnings: list[Warning]) -> str | None:
    ref = options.transcript
    if not ref:
        return None
    path = Path(ref)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            warnings.append(Warning(code="W111", message=f"cannot read transcript {ref}: {exc}"))
            return None
    message = f"transcript {ref} is not a local file; quotes not checked against it"
    warnings.append(Warning(code="W111", message=message))
    return None


def _quote_groups(articles: list[Article], options: Options, warnings: list[Warning]) -> list[QuoteGroup]:
    canon = speaker_canon(articles)

    def named(aid: str, q: Quote) -> Quote:
        if q.speaker is None or not q.speaker.name:
            return q
        name = canon.get((aid, clean_name(q.speaker.name)))
        return q.model_copy(update={"speaker": q.speaker.model_copy(update={"name": name})}) if name else q

    items: list[tuple[str, Quote]] = [(a.id, named(a.id, q)) for a in articles for q in a.quotes]
    if not items:
        return []
    try:
        from newsprism.quotes.fidelity import group_quotes
    except ImportError:
        warnings.append(Warning(code="W110", message="quote grouping unavailable (newsprism.quotes.fidelity missing)"))
        return []
    try:
        groups = group_quotes(items, _transcript(options, warnings))
        out = [g if isinstance(g, QuoteGroup) else QuoteGroup.model_validate(g) for g in groups]
        # utterances rendered by several articles first (what "quotes across outlets" is about), stable otherwise
        return sorted(out, key=lambda g: -len({m.article for m in g.members} - {"transcript"}))  # fidelity.TRANSCRIPT
    except Exception as exc:  # a bug there must not lose the rest of the comparison
        log.exception("group_quotes failed")
        warnings.append(Warning(code="W110", message=f"quote grouping failed: {type(exc).__name__}: {exc}"))
        return []


def _story_id(ids: list[str]) -> str:
    return "story-" + hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:12]


def _key_entities(feats: list[StoryFeatures], n: int = 6) -> list[str]:
    df: Counter[str] = Counter()
    for f in feats:
        df.update(list(f.entities))  # each key once per article, in first-seen order (a set made ties random)
    need = 2 if len(feats) > 1 else 1
    ranked = sorted(df.items(), key=lambda kc: (-kc[1], kc[0]))  # ties by key: set order varies between runs
    return [k for k, c in ranked if c >= need][:n]


def key_entity_names(articles: list[Article], keys: list[str], feats: list[StoryFeatures]) -> list[str]:
    """How to write each key entity: its most frequent full mention ("United States", not the key's "States"),
    titles left out ("President Biden" -> "Biden"), falling back to the matching word as written."""
    forms: dict[str, Counter[str]] = {k: Counter() for k in keys}
    for a in articles:
        for e in a.entities:
            key = norm_entity(e.text)
            if key in forms:
                form = re.sub(r"(?:'s|’s)$", "", " ".join(e.text.split())).strip()
                words = form.split()
                while len(words) > 1 and words[0].lower().strip(".") in _TITLE_WORDS:
                    words = words[1:]
                form = re.sub(r"^the\s+", "", " ".join(words), flags=re.IGNORECASE)
                if form:
                    forms[key][form] += 1
    out = []
    for k in keys:
        fallback = next((f.surfaces[k] for f in feats if k in f.surfaces), k)
        out.append(max(forms[k], key=lambda f: (forms[k][f], len(f), f)) if forms[k] else fallback)
    return out


def compare_story(
    articles: list[Article], options: Options | None = None, feats: list[StoryFeatures] | None = None
) -> Story:
    """Compare the articles of one story (they are assumed to be about the same event)."""
    opts = options or load_options()
    if feats is None:
        feats = story_features(articles, model=opts.embedding_model)
    warnings: list[Warning] = []

    def embed_fn(texts: list[str]) -> np.ndarray:
        from newsprism.nlp import embed

        return embed(texts, name=opts.embedding_model)

    found = align_claims(articles, embed_fn)
    groups = found.groups
    quote_groups = _quote_groups(articles, opts, warnings)
    key = _key_entities(feats)
    published = {a.id: a.published for a in articles}
    by_id = {a.id: a for a in articles}
    return Story(
        id=_story_id([a.id for a in articles]),
        label=story_label(feats),
        articles=[a.id for a in articles],
        quote_groups=quote_groups,
        claim_groups=groups,
        narratives=narratives(articles, found),
        related_claims=partial_matches(articles, found),
        key_entities=key_entity_names(articles, key, feats),
        coverage=coverage_matrix(articles, groups, quote_groups),
        number_conflicts=find_conflicts(found.conflict_pairs, found.units),
        timeline=[
            t.model_copy(update={"title": display_title(by_id[t.article]) or None}) for t in timeline(feats, published)
        ],
        side_by_side=side_by_side(articles, key),
        warnings=warnings,
    )


def compare(articles: list[Article], options: Options | None = None) -> Comparison:
    """Group analysed articles into stories and compare how each told its story."""
    opts = options or load_options()
    ids = [a.id for a in articles]
    dupes = sorted(k for k, v in Counter(ids).items() if v > 1)
    if dupes:
        raise InputError("E110", reason=f"duplicate article ids: {', '.join(dupes[:5])}")
    feats = story_features(articles, model=opts.embedding_model)
    labels = group_features(feats)
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        members.setdefault(lab, []).append(i)
    stories = [compare_story([articles[i] for i in idx], opts, [feats[i] for i in idx]) for idx in members.values()]
    return Comparison(
        stories=stories,
        grouping=Grouping(threshold=THRESHOLD, entity_weight=ENTITY_WEIGHT, window_days=WINDOW_DAYS),
        articles=[ArticleRef(id=a.id, title=a.title, outlet=outlet_of(a), published=a.published) for a in articles],
    )
