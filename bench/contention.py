"""Does the work slow down when both cores are busy? One process alone against two at once.

Two forked processes hold the same loaded extractor and the same articles. Each pass times
one of them reading the articles alone (they take turns), then both reading them at the same
moment; no results travel between processes, so nothing but the shared machine differs. If the
"both" passes take longer than the "alone" ones, the cores slow each other down (shared cache,
memory bandwidth, the host), and ``pipe(n_process=2)`` cannot reach 2x whatever it does. A pure
Python loop is timed the same way for comparison. Then the same articles are read three ways in
turns: one process, ``pipe(n_process=2)``, and the two processes each reading half with nothing
sent back (the most two processes can give here).

Run: ``python bench/contention.py [--model blank] [--limit 50] [--passes 12] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import multiprocessing.process
import statistics
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import quotekit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _articles import add_text_options, texts_for  # noqa: E402


def _serve(conn: Connection, ex: quotekit.Extractor, texts: list[str], half: list[str]) -> None:
    """Run the work each time the parent asks and send back its wall time."""
    while True:
        kind = conn.recv()
        if kind is None:
            return
        t = time.perf_counter()
        if kind in ("quotekit", "half"):
            for _ in ex.pipe(texts if kind == "quotekit" else half):
                pass
        else:
            s = 0
            for i in range(3_000_000):
                s += i * i % 7
        conn.send(time.perf_counter() - t)


def main(argv: list[str] | None = None) -> int:
    """Time the passes and print a markdown table.

    Args:
        argv: Command-line arguments.

    Returns:
        The exit code.
    """
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="blank", help="blank (default) or an installed pipeline")
    add_text_options(ap, 50, "articles per process")
    ap.add_argument("--passes", type=int, default=12, help="passes (default 12)")
    ap.add_argument("--json", type=Path, help="write the passes here")
    args = ap.parse_args(argv)
    chosen = texts_for(args)
    if chosen is None:
        return 1
    texts, source = chosen
    ex = quotekit.load(args.model)
    for _ in ex.pipe(texts[:5]):
        pass
    ctx = multiprocessing.get_context("fork")
    # Halves of about equal characters (longest article first, each to the lighter half).
    halves: list[list[str]] = [[], []]
    for text in sorted(texts, key=len, reverse=True):
        min(halves, key=lambda h: sum(map(len, h))).append(text)
    conns: list[Connection] = []
    procs: list[multiprocessing.process.BaseProcess] = []
    for half in halves:
        mine, theirs = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(theirs, ex, texts, half))
        proc.start()
        conns.append(mine)
        procs.append(proc)
    print(f"# one process alone against two at once, {args.model}, {len(texts)} {source} articles per "
          f"process, {time.strftime('%Y-%m-%d %H:%M')}\n")
    print("| work | alone s (per pass) | both at once s, mean of the two (per pass) | both / alone: ratio of "
          "the totals | median of the passes | best n_process=2 speed-up this allows |")
    print("|---|---|---|---:|---:|---:|")
    out: dict[str, Any] = {"model": args.model, "articles": len(texts), "source": source}
    for kind in ("quotekit", "python loop"):
        for c in conns:  # warm both up
            c.send(kind)
        for c in conns:
            c.recv()
        alone: list[float] = []
        both: list[float] = []
        for k in range(args.passes):
            conns[k % 2].send(kind)
            alone.append(conns[k % 2].recv())
            for c in conns:
                c.send(kind)
            both.append(sum(c.recv() for c in conns) / 2)
        totals = sum(both) / sum(alone)
        median = statistics.median(b / a for a, b in zip(alone, both))
        print(f"| {kind} | {', '.join(f'{x:.3f}' for x in alone)} | {', '.join(f'{x:.3f}' for x in both)} "
              f"| {totals:.2f} | {median:.2f} | {2 / totals:.2f}x |")
        out[kind] = {"alone": alone, "both": both, "ratio_of_totals": totals, "median": median}
    # The same articles three ways, in turns (order reversed every other pass): one process;
    # pipe(n_process=2); and this script's two processes each reading half the characters and
    # sending nothing back, which is as good as two processes can do on this machine.
    def split() -> None:
        for c in conns:
            c.send("half")
        for c in conns:
            c.recv()

    ways = {"one process": lambda: sum(1 for _ in ex.pipe(texts)),
            "pipe(n_process=2)": lambda: sum(1 for _ in ex.pipe(texts, n_process=2)),
            "two bare processes, half each": split}
    times: dict[str, list[float]] = {k: [] for k in ways}
    for fn in ways.values():
        fn()
    for k in range(args.passes):
        for name in (list(ways) if k % 2 == 0 else list(ways)[::-1]):
            t = time.perf_counter()
            ways[name]()
            times[name].append(time.perf_counter() - t)
    ex.close()
    one = times["one process"]
    print(f"\nThe same {len(texts)} articles three ways, {args.passes} passes in turns:\n")
    print("| way | seconds (per pass) | speed-up over one process: median of the passes | ratio of the totals |")
    print("|---|---|---:|---:|")
    for name, ts in times.items():
        med = statistics.median(a / b for a, b in zip(one, ts))
        print(f"| {name} | {', '.join(f'{x:.3f}' for x in ts)} | {med:.2f}x | {sum(one) / sum(ts):.2f}x |")
    out["ways"] = times
    for c in conns:
        c.send(None)
    for p in procs:
        p.join()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
