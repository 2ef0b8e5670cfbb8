"""Write models/slant/topic_phrases.json: lexicon phrases that are topic, not slant (docs/slant.md, "Evidence").

A phrase is topic when left and right use it at similar rates:
* same story (BASIL triplets, Fox = right vs HuffPost/NYT = left): of the stories where either side uses it (at
  least 2), both sides use it in at least a third; or
* corpus document frequency (AllSides, training outlets of the seed-13 media split only): in >= 1% of the articles
  of both sides, with the right/left document-frequency ratio within [1/2, 2].
Run: .venv/bin/python scripts/slant_topic_phrases.py [DATA_DIR]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from newsprism.datasets import slant as data
from newsprism.slant.score import MODEL_DIR, phrase_matches, phrases

MIN_STORIES, SHARED = 2, 1 / 3
MIN_DF, MAX_RATIO = 0.01, 2.0


def _found(text: str, lex: dict[str, float]) -> set[str]:
    return {text[s:e].lower().replace("\u2019", "'") for s, e, _ in phrase_matches(text, lex)}


def main(root: Path) -> None:
    lex = phrases()
    stories: dict[str, dict[str, set[str]]] = {}
    for f in sorted((root / "basil" / "articles").glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        body = "\n".join(p if isinstance(p, str) else " ".join(p) for p in d["body-paragraphs"])
        side = "right" if d["source"].lower() == "fox" else "left"
        stories.setdefault(d["triplet-uuid"], {}).setdefault(side, set()).update(_found(f"{d['title']}\n{body}", lex))
    either: Counter[str] = Counter()
    both: Counter[str] = Counter()
    for s in stories.values():
        right, left = s.get("right", set()), s.get("left", set())
        either.update(right | left)
        both.update(right & left)
    story_topic = {p for p in either if either[p] >= MIN_STORIES and both[p] / either[p] >= SHARED}
    rows = data.read_allsides(root / "allsides")
    val = data.media_split([str(r["source"]) for r in rows], 13)
    df = {0: Counter[str](), 2: Counter[str]()}
    n = {0: 0, 2: 0}
    for r, v in zip(rows, val.tolist(), strict=True):
        label = int(r["label"])  # type: ignore[call-overload]
        if v or label not in df:
            continue
        n[label] += 1
        df[label].update(_found(str(r["text"]), lex))
    df_topic = set()
    for p in lex:
        rl, rr = df[0][p] / n[0], df[2][p] / n[2]
        if min(rl, rr) >= MIN_DF and max(rl, rr) / min(rl, rr) <= MAX_RATIO:
            df_topic.add(p)
    out = {
        "rule": __doc__.split("\n\n")[0] if __doc__ else "",
        "same_story": sorted(story_topic),
        "similar_df": sorted(df_topic),
    }
    (MODEL_DIR / "topic_phrases.json").write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(len(story_topic), "same-story topic phrases;", len(df_topic), "similar-df topic phrases")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data"))
