"""Draw a further tone sample (issue 20): references only, no tone column filled in.

    python scripts/draw_tone_sample.py --seed 29 --n 100 --out benchmarks/samples/tone_sample_r2.tsv
    python scripts/draw_tone_sample.py --split train --seed 43 --n 600 --out benchmarks/samples/tone_train_r1.tsv

``--split validation`` (default) draws from the slant validation outlets (a blind evaluation sample);
``--split train`` from the slant TRAINING outlets only (a training sample for the learned head; never an
evaluation set). Records of every existing tone sample (``EXCLUDE``) are skipped, so the new rows never repeat an
earlier record; the rows are ``draw_tone_sample``'s (one 40-400 character sentence with a PERSON/ORG mention
each), the first ``--n`` new records in record-id order. Labellers write their own files (docs/slant.md, guide).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from newsprism.bench.task_frames import ALLSIDES_FILE
from newsprism.bench.task_tone import R2_SAMPLE, SAMPLES, TONE_SAMPLE, TUNING_SAMPLE, draw_tone_sample

EXCLUDE = (TONE_SAMPLE, TUNING_SAMPLE, R2_SAMPLE, SAMPLES / "tone_train_r1.tsv")
HEADER = {
    "validation": """# Blind tone sample, round 2 (issue 20): references only, no text. Offsets index the raw
# `content_original` of
# allsides/media_train_valid.jsonl. Drawn by scripts/draw_tone_sample.py --seed {seed} --n {n} (draw_tone_sample over
# the slant validation outlets, seed {seed}, records of docs/tone_sample_allsides.tsv and the tuning sample skipped).
# Labels live apart, one file per labeller: benchmarks/samples/tone_labels_r2_<who>.jsonl ({{"row": i, "tone": ...}}).
""",
    "train": """# Tone TRAINING sample, round 1 (issue 20): references only, no text. Offsets index the raw
# `content_original` of allsides/media_train_valid.jsonl.
# Drawn by scripts/draw_tone_sample.py --split train --seed {seed} --n {n}
# (draw_tone_sample over the slant TRAINING outlets, media_split(seed 13) False, seed {seed}; records of every
# earlier tone sample skipped). Training data for the learned tone head: never an evaluation set.
# Labels live apart, one file per labeller: benchmarks/samples/tone_train_labels_<who>.jsonl
# ({{"row": i, "tone": ...}}).
""",
}


def sample_records(paths: tuple[Path, ...], out: Path) -> set[str]:
    """Record ids of the existing samples in ``paths`` (``out`` itself and missing files skipped)."""
    seen: set[str] = set()
    for p in paths:
        if p.is_file() and p.resolve() != out.resolve():
            with p.open(encoding="utf-8") as fh:
                seen |= {
                    r["record_id"] for r in csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t")
                }
    return seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--split", choices=("validation", "train"), default="validation")
    ap.add_argument("--seed", type=int, default=29)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    seen = sample_records(EXCLUDE, args.out)
    rows = draw_tone_sample(
        args.data / "allsides" / ALLSIDES_FILE, n=args.n + len(seen), seed=args.seed, validation=args.split != "train"
    )
    fresh = [r for r in rows if r[0] not in seen][: args.n]
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(HEADER[args.split].format(seed=args.seed, n=args.n))
        fh.write("row\trecord_id\tsent_start\tsent_end\ttarget_start\ttarget_end\tkind\n")
        for i, r in enumerate(fresh):
            fh.write("\t".join(map(str, (i, *r))) + "\n")
    print(f"wrote {len(fresh)} rows to {args.out}")


if __name__ == "__main__":
    main()
