"""Policy frames (Boydstun et al. 2014, 15 frames) per sentence and per article.

No labelled training data ships. Each frame has seed phrases and three to five prototype sentences written for
this project from the Codebook's frame definitions (not taken from any sampled sentence); ``other`` has prototypes
too (sign-up boxes, copyright lines, captions, "did not respond"), so boilerplate competes with the frames
instead of relying on a cut alone.

A sentence's score for a frame = cosine(MiniLM(sentence), mean MiniLM(prototypes)) + ``SEED_BONUS`` per seed-phrase
hit (at most ``MAX_SEED_HITS``). The sentence gets the best-scoring frame, or ``other`` when that score is below
``MIN_SCORE``. ``SEED_BONUS`` and ``MIN_SCORE`` were chosen by cross-validation on the tuning sample
(docs/frames_tuning_allsides.tsv, training outlets; see docs/slant.md), never on the blind evaluation sample.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from newsprism.model import Article, Frame, WeightedSpan, make_span

FRAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "economic": (
        ("cost", "costs", "economy", "economic", "jobs", "billion", "tax", "taxes", "budget", "wages", "inflation",
         "prices", "profit", "deficit", "spending"),
        (
            "The policy will cost taxpayers billions of dollars.",
            "The economy and jobs will suffer.",
            "Prices rose sharply and wages failed to keep up.",
            "The company reported lower profits and weaker sales.",
            "The tax cut would add to the federal deficit.",
        ),
    ),
    "capacity and resources": (
        ("shortage", "capacity", "overwhelmed", "resources", "understaffed", "backlog"),
        (
            "Officials say they lack the staff and resources to cope.",
            "The agency does not have enough money or workers to handle the demand.",
            "There is a shortage of equipment and trained personnel.",
        ),
    ),
    "morality": (
        ("moral", "immoral", "evil", "sin", "god", "values", "shame", "conscience", "faith"),
        (
            "It is a moral outrage and a betrayal of our values.",
            "Religious leaders said it is a sin and our duty is to do what is right.",
            "It is shameful and wrong, and people of conscience should say so.",
        ),
    ),
    "fairness and equality": (
        ("fair", "unfair", "equal", "equality", "inequality", "discrimination", "discriminated", "civil rights"),
        (
            "The rule treats some groups unfairly and deepens inequality.",
            "Minorities still face discrimination and unequal treatment.",
            "Critics say the law violates their equal rights.",
        ),
    ),
    "legality": (
        ("court", "judge", "law", "legal", "unconstitutional", "lawsuit", "lawsuits", "ruling", "constitution",
         "justices"),
        (
            "A federal judge ruled the order unconstitutional.",
            "The lawsuit was filed in federal court.",
            "The Supreme Court will hear arguments in the case.",
            "Lawyers argued the action broke the law.",
        ),
    ),
    "policy prescription": (
        ("plan", "proposal", "bill", "reform", "executive order", "legislation", "ban", "regulation"),
        (
            "The administration announced a new plan to fix the problem.",
            "The bill would require states to expand the program.",
            "Experts doubt the new rule will work as intended.",
            "Under the proposal, the government would ban the practice.",
        ),
    ),
    "crime and punishment": (
        ("crime", "criminal", "arrest", "arrested", "cartel", "smuggling", "prison", "gang", "charged", "murder"),
        (
            "Police arrested members of the drug cartel.",
            "He was charged with the crime and sentenced to prison.",
            "Violent crime in the city rose last year.",
        ),
    ),
    "security and defense": (
        ("security", "military", "troops", "threat", "terrorist", "terrorism", "invasion", "war", "pentagon"),
        (
            "Troops were sent to secure the border against the threat.",
            "The military launched strikes against terrorist targets.",
            "Intelligence officials warned of a threat to national security.",
            "The conflict could escalate into war.",
        ),
    ),
    "health and safety": (
        ("public health", "deaths", "disease", "safety", "hospital", "overdose", "fentanyl", "virus", "patients"),
        (
            "The outbreak has put public health and safety at risk.",
            "Patients struggle to get medical treatment.",
            "The disaster killed several people and injured dozens.",
        ),
    ),
    "quality of life": (
        ("families", "communities", "homes", "neighborhood", "daily life", "children"),
        (
            "Families in the community say their daily lives have changed.",
            "People worry about their children's future and their own well-being.",
            "Residents say life in the neighborhood has become harder.",
        ),
    ),
    "cultural identity": (
        ("culture", "tradition", "heritage", "identity", "american way", "language"),
        (
            "The debate is about national identity and cultural heritage.",
            "The community's language, religion and traditions shape who they are.",
            "Race and gender remain central to how Americans see themselves.",
        ),
    ),
    "public opinion": (
        ("poll", "polls", "voters", "survey", "approval", "protest", "protesters", "percent"),
        (
            "A new poll shows most voters disapprove.",
            "A majority of Americans said they support the idea.",
            "Protesters marched to express public anger.",
            "The public remains deeply divided on the question.",
        ),
    ),
    "political": (
        ("democrats", "republicans", "republican", "democratic", "gop", "campaign", "election", "congress", "senate",
         "partisan", "party", "primary", "candidate", "candidates", "nominee"),
        (
            "Republicans and Democrats traded blame ahead of the election.",
            "The senator announced her campaign for president.",
            "Party leaders struck a deal to win over wavering members.",
            "The candidate won the primary and will face the incumbent.",
            "The Senate will vote on the nominee next week.",
        ),
    ),
    "external regulation and reputation": (
        ("foreign", "international", "relations", "diplomatic", "tariffs", "ally", "allies", "treaty", "sovereignty",
         "sanctions"),
        (
            "The dispute strained diplomatic relations with the neighbouring country.",
            "Foreign governments criticised the country's conduct.",
            "The two countries signed an international agreement.",
        ),
    ),
    "other": (
        (),
        (
            "Sign up for our newsletter to receive updates.",
            "Copyright by the publisher. All rights reserved.",
            "Photo caption: image courtesy of the photographer.",
            "Follow us on social media.",
            "He did not respond to a request for comment.",
        ),
    ),
}  # fmt: skip
SEED_BONUS = 0.1  # per seed-phrase hit
MAX_SEED_HITS = 2
MIN_SCORE = 0.20  # best score under this -> ``other``
MIN_SENTENCE_CHARS = 21


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


def frame_features(texts: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Frame names, cosine similarities to each frame's prototype centroid and capped seed-phrase hit counts
    (both ``len(texts) x len(names)``)."""
    from newsprism.nlp import embed

    names, protos = _prototypes()
    if not texts:
        return names, np.zeros((0, len(names))), np.zeros((0, len(names)))
    sims = np.asarray(embed(texts)) @ protos.T
    hits = np.array([[min(_seed_hits(t, f), MAX_SEED_HITS) for f in names] for t in texts], dtype=float)
    return names, sims, hits


def assign(
    names: list[str], sims: np.ndarray, hits: np.ndarray, bonus: float = SEED_BONUS, min_score: float = MIN_SCORE
) -> list[tuple[str, float]]:
    """(frame, score) per row: the best ``sims + bonus * hits`` frame, ``other`` when that score < ``min_score``."""
    score = sims + bonus * hits
    best = score.argmax(axis=1)
    top = score[np.arange(len(score)), best]
    return [
        (names[j] if v >= min_score else "other", float(v)) for j, v in zip(best.tolist(), top.tolist(), strict=True)
    ]


def sentence_frames(texts: list[str]) -> list[tuple[str, float]]:
    """(frame, score) for each sentence text with the shipped settings."""
    return assign(*frame_features(texts))


def frames(article: Article) -> list[Frame]:
    """Article-level frames (score = share of sentences with this top frame) with evidence sentences.

    Each sentence also gets its ``frame`` and ``frame_score``.
    """
    sents = [s for s in article.sentences if s.end - s.start >= MIN_SENTENCE_CHARS]
    if not sents:
        return []
    got = sentence_frames([article.text[s.start : s.end] for s in sents])
    per: dict[str, list[tuple[float, int]]] = {}
    for i, (s, (frame, val)) in enumerate(zip(sents, got, strict=True)):
        s.frame = frame
        s.frame_score = round(val, 4)
        per.setdefault(frame, []).append((val, i))
    out = []
    for frame, items in per.items():
        items.sort(reverse=True)
        ev = [make_span(article, sents[i].start, sents[i].end, WeightedSpan, weight=round(v, 3)) for v, i in items[:3]]
        out.append(
            Frame(frame=frame, score=round(len(items) / len(sents), 4), evidence=ev, **{"sentences": len(items)})
        )
    out.sort(key=lambda f: -f.score)
    return out
