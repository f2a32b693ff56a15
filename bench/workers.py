"""Where the time of ``pipe(n_process=2)`` goes: the workers' busy time against one process.

For each pass, the same articles go through ``Extractor.pipe`` with one process, then with
``--workers`` worker processes whose every task is timed inside the worker (wall and CPU). The
table shows, per pass: one process's time, the workers' call time and speed-up, the parent's
CPU time during that call, each worker's busy time, and how long the call ran after the busier
worker's last task ended (orchestration: pickling, the parent's unpickling, the tail).

If the workers' summed CPU time is well above one process's time for the same articles, the
work itself runs slower with every core busy, and no scheduling can give the full speed-up.

Run: ``python bench/workers.py [--model blank] [--limit 100] [--generated] [--passes 5] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import Any

import quotekit
from quotekit import _api

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _articles import add_text_options, texts_for  # noqa: E402

_untimed = _api._work_batch
_busy: dict[int, list[float]] = {}
# Workers send their timings here (created before they fork); results keep their own channel.
_stamps: Any = None


def _timed_work_batch(token: int, batch: list[Any], batch_size: int, first: int) -> list[Any]:
    """``_api._work_batch``, timed in the worker; the times go to ``_stamps`` before the results go back."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = _untimed(token, batch, batch_size, first)
    _stamps.put((os.getpid(), time.perf_counter() - wall, time.process_time() - cpu, time.time()))
    return out


def _collect(results: Any) -> list[Any]:
    # Every task's timing is in the queue by the time its results have arrived.
    kept = list(results)
    while not _stamps.empty():
        pid, wall, cpu, ended = _stamps.get()
        slot = _busy.setdefault(pid, [0.0, 0.0, 0.0])
        slot[0] += wall
        slot[1] += cpu
        slot[2] = max(slot[2], ended)
    return kept


def main(argv: list[str] | None = None) -> int:
    """Time the passes and print a markdown table.

    Args:
        argv: Command-line arguments.

    Returns:
        The exit code.
    """
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="blank", help="blank (default) or an installed pipeline")
    add_text_options(ap, 100, "articles")
    ap.add_argument("--passes", type=int, default=5, help="passes (default 5)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--json", type=Path, help="write the passes here")
    args = ap.parse_args(argv)
    chosen = texts_for(args)
    if chosen is None:
        return 1
    texts, source = chosen
    global _stamps
    _stamps = multiprocessing.get_context("fork").SimpleQueue()
    _api._work_batch = _timed_work_batch  # before the workers fork, so that they run it
    ex = quotekit.load(args.model)
    _collect(ex.pipe(texts[:8], n_process=args.workers))  # start the workers
    rows = []
    print(f"# pipe(n_process={args.workers}) workers, {args.model}, {len(texts)} {source} articles, "
          f"{time.strftime('%Y-%m-%d %H:%M')}\n")
    print("| pass | one process s | workers' call s | speed-up | parent CPU s | workers busy s (wall / CPU) "
          "| workers' CPU summed / one process | call ran on after the last task, s |")
    print("|---:|---:|---:|---:|---:|---|---:|---:|")
    for k in range(1, args.passes + 1):
        t = time.perf_counter()
        one = len(list(ex.pipe(texts)))
        t_one = time.perf_counter() - t
        _busy.clear()
        cpu0 = time.process_time()
        t = time.perf_counter()
        many = len(_collect(ex.pipe(texts, n_process=args.workers)))
        end = time.time()
        t_many = time.perf_counter() - t
        parent_cpu = time.process_time() - cpu0
        assert one == many == len(texts)
        cpu_sum = sum(v[1] for v in _busy.values())
        tail = end - max(v[2] for v in _busy.values())
        busy = ", ".join(f"{v[0]:.3f} / {v[1]:.3f}" for v in _busy.values())
        rows.append({"one": t_one, "many": t_many, "parent_cpu": parent_cpu,
                     "workers": [v[:2] for v in _busy.values()], "tail": tail})
        print(f"| {k} | {t_one:.3f} | {t_many:.3f} | {t_one / t_many:.2f}x | {parent_cpu:.3f} | {busy} "
              f"| {cpu_sum / t_one:.2f} | {tail:.3f} |")
    ex.close()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"model": args.model, "articles": len(texts), "passes": rows}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
