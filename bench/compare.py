"""Show that a change keeps quotekit's output: save ``to_dict()`` of every article, then compare.

Reads PolNeAR train+dev, the BBC dev set and the seed article from ``../shared`` (where present)
and the project's own ``examples/articles``, in blank and trained modes, and writes one JSON
Lines file per set and mode. Run it once on the old tree and once on the new one::

    PYTHONPATH=/path/to/old/checkout python bench/compare.py --save /tmp/before
    python bench/compare.py --save /tmp/after --against /tmp/before

``--against`` prints, per set and mode, how many articles are identical and the first
differences, and exits 1 where any article differs. ``--limit N`` reads only N articles a set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "polnear_train": SHARED / "corpora" / "polnear" / "train.jsonl",
    "polnear_dev": SHARED / "corpora" / "polnear" / "dev.jsonl",
    "bbc_dev": SHARED / "corpora" / "bbc" / "dev.jsonl",
    "seed": SHARED / "seed" / "met_police.gold.jsonl",
}


def articles(name: str, limit: int | None) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of one set's articles."""
    if name == "examples":
        paths = sorted((ROOT / "examples" / "articles").glob("*.txt"))[:limit]
        for p in paths:
            yield p.stem, p.read_text(encoding="utf-8")
        return
    with SETS[name].open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            row = json.loads(line)
            yield str(row["id"]), row["text"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--save", required=True, type=Path, help="folder for this tree's output")
    ap.add_argument("--against", type=Path, help="folder of an earlier --save to compare with")
    ap.add_argument("--models", default="blank,auto", help="comma-separated models (default: blank,auto)")
    ap.add_argument("--limit", type=int, help="articles a set at most")
    ap.add_argument("--sets", help="comma-separated sets (default: all that are present)")
    args = ap.parse_args(argv)

    import quotekit

    print(f"quotekit from {Path(quotekit.__file__).parent}", file=sys.stderr)
    args.save.mkdir(parents=True, exist_ok=True)
    names = [n for n in SETS if SETS[n].is_file()] + ["examples"]
    if args.sets:
        names = [n for n in names if n in args.sets.split(",")]
    differ = 0
    for model in args.models.split(","):
        ex = quotekit.load(model)
        for name in names:
            out = args.save / f"{name}.{model}.jsonl"
            rows = [json.dumps({"id": id_, **ex.extract(text).to_dict()}, ensure_ascii=False, sort_keys=True)
                    for id_, text in articles(name, args.limit)]
            out.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
            if args.against is None:
                print(f"{name} {model}: {len(rows)} articles saved")
                continue
            old_path = args.against / out.name
            old = old_path.read_text(encoding="utf-8").splitlines() if old_path.is_file() else []
            same = sum(a == b for a, b in zip(rows, old))
            print(f"{name} {model}: {same}/{len(rows)} identical" + ("" if len(old) == len(rows) else f" (before: {len(old)} articles)"))
            shown = 0
            for n, (a, b) in enumerate(zip(rows, old)):
                if a != b and shown < 3:
                    shown += 1
                    qa, qb = json.loads(a)["quotes"], json.loads(b)["quotes"]
                    for x, y in zip(qa + [None] * len(qb), qb + [None] * len(qa)):
                        if x != y:
                            print(f"  article {n}: now {json.dumps(x)[:300]}\n  article {n}: was {json.dumps(y)[:300]}")
                            break
            differ += len(rows) - same + abs(len(old) - len(rows))
    return 1 if differ and args.against is not None else 0


if __name__ == "__main__":
    sys.exit(main())
