"""Fit ``Quote.confidence``: how often a quotation of each rule and kind is right, on the gold.

A predicted quotation part is right when it matches a gold unit (Jaccard ≥ τ, one to one, as
``quotekit evaluate`` and ``../shared/tools/score.py`` match them) and the speaker is right
where the gold names one. The table is fitted on BBC dev and the seed (annotated to quotekit's
own definition: every kind counts) and PolNeAR train (direct quotations only: PolNeAR
annotates every direct quotation, but its other attributions follow another definition), in
blank and trained modes pooled, with a Beta prior at the overall rate (weight 4). PolNeAR dev
(direct) is held out to check the calibration::

    python bench/calibrate.py                      # writes quotekit/data/en/confidence.tsv
    python bench/calibrate.py --doc                # also the table for docs/accuracy.md and docs/calibration.png
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIT = [("bbc", SHARED / "corpora/bbc/dev.jsonl", None), ("seed", SHARED / "seed/met_police.gold.jsonl", None),
       ("polnear-train", SHARED / "corpora/polnear/train.jsonl", "direct")]
HELD_OUT = [("polnear-dev", SHARED / "corpora/polnear/dev.jsonl", "direct")]
OUT = ROOT / "quotekit" / "data" / "en" / "confidence.tsv"
PRIOR_WEIGHT = 4.0


def outcomes(path: Path, only_kind: str | None, models: list[str], limit: int | None) -> Iterator[tuple[str, str, bool]]:
    """``(rule, kind, right)`` for every predicted quotation part of every article of a gold file."""
    import quotekit
    from quotekit.evaluate import _is_content, _match, _speaker_right, _units

    docs = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    for model in models:
        ex = quotekit.load(model)
        for doc in docs:
            text = doc["text"]
            result = ex.extract(text)
            preds = [q.to_dict() for q in result]
            cum = list(accumulate((1 if _is_content(c) else 0 for c in text), initial=0))
            gu = _units(doc["quotes"], "fragments", cum, len(text))
            pu = _units(preds, "parts", cum, len(text))
            matched = dict((j, i) for i, j in _match(gu, pu, cum, 0.5))
            for j, u in enumerate(pu):
                q = result.quotes[u.quote]
                if only_kind and q.kind != only_kind:
                    continue
                i = matched.get(j)
                gold = doc["quotes"][gu[i].quote] if i is not None else None
                if gold is not None and gold.get("optional"):
                    continue
                named = gold is not None and bool(gold.get("speaker") or gold.get("speaker_entity"))
                right = gold is not None and (not named or _speaker_right(gold, preds[u.quote]))
                yield str(q.rule), q.kind, right


def fit(rows: list[tuple[str, str, bool]]) -> dict[tuple[str, str], tuple[float, int]]:
    """Confidence and count per (rule, kind), shrunk toward the overall rate."""
    n: Counter[tuple[str, str]] = Counter()
    ok: Counter[tuple[str, str]] = Counter()
    for rule, kind, right in rows:
        n[rule, kind] += 1
        ok[rule, kind] += right
    p0 = sum(ok.values()) / max(1, sum(n.values()))
    return {k: ((ok[k] + PRIOR_WEIGHT * p0) / (n[k] + PRIOR_WEIGHT), n[k]) for k in sorted(n)}


def write_table(table: dict[tuple[str, str], tuple[float, int]], rows: int, models: list[str]) -> None:
    lines = [
        "# quotekit lexicon: Quote.confidence, how often a quotation attributed by a rule (and of a kind) is right.",
        f"# Source: measured by `python bench/calibrate.py` on {datetime.date.today()}: {rows} predicted quotation parts of",
        "# ../shared/corpora/bbc/dev.jsonl and the seed (every kind) and PolNeAR train (direct only), models "
        + ", ".join(models) + ";",
        f"# right = matched a gold unit (Jaccard >= 0.5) with the right speaker; Beta prior at the overall rate, weight {PRIOR_WEIGHT:g}.",
        "# Format: rule<TAB>kind<TAB>confidence<TAB>parts measured. A pair not listed gets the rule's mean, else 'none'.",
    ]
    lines += [f"{rule}\t{kind}\t{conf:.3f}\t{count}" for (rule, kind), (conf, count) in table.items()]
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, OUT)


def calibration(rows: list[tuple[str, str, bool]], table: dict[tuple[str, str], tuple[float, int]]) -> list[tuple[str, int, float, float]]:
    """Per confidence bin: (bin, parts, mean predicted confidence, observed accuracy)."""
    bins: dict[int, list[tuple[float, bool]]] = {}
    for rule, kind, right in rows:
        conf = table.get((rule, kind), (0.5, 0))[0]
        bins.setdefault(min(9, int(conf * 10)), []).append((conf, right))
    out = []
    for b in sorted(bins):
        xs = bins[b]
        out.append((f"{b / 10:.1f}–{(b + 1) / 10:.1f}", len(xs), sum(c for c, _ in xs) / len(xs), sum(r for _, r in xs) / len(xs)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default="blank,auto", help="models to pool (default: blank,auto)")
    ap.add_argument("--limit", type=int, help="articles a set at most (for a quick look)")
    ap.add_argument("--doc", action="store_true", help="print the calibration tables and write docs/calibration.png")
    args = ap.parse_args(argv)
    models = args.models.split(",")
    missing = [str(p) for _, p, _ in FIT + HELD_OUT if not p.is_file()]
    if missing:
        print(f"calibrate: needs the shared corpora; missing {', '.join(missing)}", file=sys.stderr)
        return 2
    fit_rows = [r for _, p, k in FIT for r in outcomes(p, k, models, args.limit)]
    table = fit(fit_rows)
    write_table(table, len(fit_rows), models)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(table)} (rule, kind) pairs from {len(fit_rows)} parts")
    if args.doc:
        held = [r for _, p, k in HELD_OUT for r in outcomes(p, k, models, args.limit)]
        sections: list[tuple[str, Any]] = [("fitted sets (in sample)", calibration(fit_rows, table)),
                                           ("PolNeAR dev, direct (held out)", calibration(held, table))]
        for title, rows in sections:
            print(f"\n{title}\n\n| confidence bin | parts | mean confidence | observed accuracy |\n|---|---:|---:|---:|")
            for b, n, c, a in rows:
                print(f"| {b} | {n} | {c:.3f} | {a:.3f} |")
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(4.5, 4.5))
        ax.plot([0, 1], [0, 1], color="#999", linestyle="--", linewidth=1, label="perfect calibration")
        for (title, rows), marker in zip(sections, ("o", "s")):
            ax.plot([c for _, _, c, _ in rows], [a for _, _, _, a in rows], marker=marker, label=title)
        ax.set_xlabel("Quote.confidence (bin mean)")
        ax.set_ylabel("observed share right")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.legend(loc="upper left", fontsize=8)
        fig.tight_layout()
        fig.savefig(ROOT / "docs" / "calibration.png", dpi=120)
        print("\nwrote docs/calibration.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
