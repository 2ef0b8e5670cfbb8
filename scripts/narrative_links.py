"""How the narrative link rule (issue 21, ``newsprism.compare.related``) labels the blind claim-pair samples.

    .venv/bin/python scripts/narrative_links.py --split train    # while developing
    .venv/bin/python scripts/narrative_links.py --split val      # round 1: the blind report set of session 9
    .venv/bin/python scripts/narrative_links.py --split val2     # round 2 (session 10; rounds 1 and train are tuning)

A narrative links two statements when the pair scorer calls them the same claim, or related (its ``near`` head at or
above its threshold) and they share a lowercase two-word phrase (``related._phrases``). Here pairs are judged alone
(no story, so no "rare in the story" cap, which can only remove links). Prints, for the ``near`` head alone and for
the narrative link, how many sampled pairs each links and their gold labels (same / related / different); also for
the partial matches' cut (P(same or related) >= the model's ``partial_cut``, not same).
Sample-weighted: the samples over-represent high-cosine pairs (docs/stories.md).
"""

from __future__ import annotations

import argparse

import numpy as np

from newsprism.bench.registry import default_data_dir
from newsprism.bench.stories_claims import labelled_matrix
from newsprism.compare.pairs import load_model, pair_features
from newsprism.compare.related import _phrases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("train", "val", "val2"), default="train")
    args = ap.parse_args()
    model = load_model()
    if model is None:
        raise SystemExit("no claim pair model")
    _pairs, texts, cos, labels = labelled_matrix(args.split, default_data_dir())
    x = np.vstack([pair_features(a, b, float(c)) for (a, b), c in zip(texts, cos, strict=True)])
    p_same, p_near = model.scores(x)
    cand = cos >= model.candidate_cos
    near = cand & (p_near >= model.near.threshold)
    same = cand & (p_same >= model.same.threshold)
    shared = np.array([bool(_phrases(a).keys() & _phrases(b).keys()) for a, b in texts])
    gold = np.array(labels)
    print(f"{args.split}: {len(gold)} pairs, {int((gold == 'same').sum())} same")
    partial = cand & (p_near >= model.partial_cut) & ~same
    rows = (("near head alone", near), ("narrative link", (near & shared) | same), ("partial-match cut", partial))
    for name, mask in rows:
        counts = {lab: int((gold[mask] == lab).sum()) for lab in ("same", "related", "different")}
        n = int(mask.sum())
        share = (counts["same"] + counts["related"]) / n if n else 0.0
        print(f"{name}: {n} links {counts}; same or related {share:.3f}; same {counts['same'] / max(n, 1):.3f}")


if __name__ == "__main__":
    main()
