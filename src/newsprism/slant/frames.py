"""Policy frames (Boydstun et al. 2014, 15 frames) per sentence and per article.

No labelled data ships: each frame has seed phrases and prototype sentences written for this project.
A sentence's frame score = cosine similarity (MiniLM) to the frame's prototypes + 0.15 per seed phrase hit.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from newsprism.model import Article, Frame, Span, make_span

FRAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "economic": (("cost", "costs", "economy", "jobs", "billion", "tax", "taxes", "budget", "wages", "inflation"),
                 ("The policy will cost taxpayers billions of dollars.", "The economy and jobs will suffer.")),
    "capacity and resources": (("shortage", "capacity", "overwhelmed", "resources", "staff", "backlog"),
                               ("Officials say they lack the staff and resources to cope.",)),
    "morality": (("moral", "immoral", "evil", "sin", "god", "values", "shame"),
                 ("It is a moral outrage and a betrayal of our values.",)),
    "fairness and equality": (("fair", "unfair", "equal", "equality", "discrimination", "rights"),
                              ("The rule treats some groups unfairly and deepens inequality.",)),
    "legality": (("court", "judge", "law", "legal", "illegal", "unconstitutional", "lawsuit", "ruling"),
                 ("A federal judge ruled the order unconstitutional.",)),
    "policy prescription": (("policy", "plan", "proposal", "bill", "reform", "executive order", "legislation"),
                            ("The administration announced a new plan to fix the problem.",)),
    "crime and punishment": (("crime", "criminal", "arrest", "police", "cartel", "smuggling", "prison", "gang"),
                             ("Police arrested members of the drug cartel.",)),
    "security and defense": (("border", "security", "military", "troops", "threat", "terrorist", "invasion"),
                             ("Troops were sent to secure the border against the threat.",)),
    "health and safety": (("health", "deaths", "disease", "safety", "hospital", "overdose", "fentanyl"),
                          ("The outbreak has put public health and safety at risk.",)),
    "quality of life": (("families", "communities", "homes", "neighborhood", "daily life", "children"),
                        ("Families in the community say their daily lives have changed.",)),
    "cultural identity": (("culture", "tradition", "heritage", "identity", "american way", "language"),
                          ("The debate is about national identity and cultural heritage.",)),
    "public opinion": (("poll", "polls", "voters", "survey", "approval", "protest", "public"),
                       ("A new poll shows most voters disapprove.",)),
    "political": (("democrats", "republicans", "campaign", "election", "congress", "senate", "partisan"),
                  ("Republicans and Democrats traded blame ahead of the election.",)),
    "external regulation and reputation": (
        ("foreign", "international", "relations", "diplomatic", "tariffs", "ally", "treaty", "sovereignty"),
        ("The dispute strained diplomatic relations with the neighbouring country.",)),
    "other": ((), ()),
}  # fmt: skip
MIN_SCORE = 0.28


@lru_cache(maxsize=1)
def _prototypes() -> tuple[list[str], np.ndarray]:
    from newsprism.nlp import embed

    names = [f for f, (_, protos) in FRAMES.items() if protos]
    vecs = []
    for f in names:
        v = np.asarray(embed(list(FRAMES[f][1]))).mean(axis=0)
        vecs.append(v / (np.linalg.norm(v) + 1e-9))
    return names, np.stack(vecs)


def _seed_hits(text: str, frame: str) -> int:
    low = text.lower()
    return sum(1 for p in FRAMES[frame][0] if re.search(rf"\b{re.escape(p)}\b", low))


def frames(article: Article) -> list[Frame]:
    """Article-level frames (score = share of sentences with this top frame) with evidence sentences.

    Each sentence also gets ``frame`` and ``frame_score`` extras.
    """
    from newsprism.nlp import embed

    sents = [s for s in article.sentences if s.end - s.start > 20]
    if not sents:
        return []
    names, protos = _prototypes()
    texts = [article.text[s.start : s.end] for s in sents]
    sims = np.asarray(embed(texts)) @ protos.T
    bonus = np.array([[0.15 * min(_seed_hits(t, f), 2) for f in names] for t in texts])
    score = sims + bonus
    per: dict[str, list[tuple[float, int]]] = {}
    for i, s in enumerate(sents):
        j = int(score[i].argmax())
        frame, val = (names[j], float(score[i, j])) if score[i, j] >= MIN_SCORE else ("other", float(score[i, j]))
        setattr(s, "frame", frame)  # noqa: B010 - pydantic extra field
        setattr(s, "frame_score", round(val, 4))  # noqa: B010
        per.setdefault(frame, []).append((val, i))
    out = []
    for frame, items in per.items():
        items.sort(reverse=True)
        ev = [make_span(article, sents[i].start, sents[i].end, Span, weight=round(v, 3)) for v, i in items[:3]]
        out.append(
            Frame(frame=frame, score=round(len(items) / len(sents), 4), evidence=ev, **{"sentences": len(items)})
        )
    out.sort(key=lambda f: -f.score)
    return out
