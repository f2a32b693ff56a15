"""Speed: end-to-end throughput ratios, and where quotekit's own time goes.

Ratios, measured as ``../shared/tools/speed_ratio.py`` does (words per second; the two sides of
a ratio alternate, A B in each round; the median of the rounds' ratios):

* trained: ``quotekit.load("auto").extract`` against the full ``spacy.load`` pipeline of the
  same name, target >= 1.3x (quotekit runs only the components it needs);
* blank: ``quotekit.load("blank").extract`` against ``spacy.blank("en")``, target >= 0.5x;
* ``pipe(n_process=2)`` against ``pipe(n_process=1)``, blank and trained, target >= 1.6x.

The profile wraps every stage that ``quotekit._pipeline._stages`` calls (without touching the
stage modules) and reads the articles with ``extract``: each stage's seconds, and the stages'
share of the whole call (the rest is spaCy and the glue).

Usage::

    python bench/speed.py --limit 40                 # ../shared/corpora/bbc/dev.jsonl
    python bench/speed.py --generated --limit 40     # no shared files needed
    python bench/speed.py --only profile --json bench/out/profile.json
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy
from _articles import add_text_options, texts_for, write_json

import quotekit
import quotekit._pipeline as pipeline

TARGETS = {"trained": 1.3, "blank": 0.5, "n_process=2 blank": 1.6, "n_process=2 trained": 1.6}


def _words_per_s(read: Callable[[str], Any], texts: list[str], words: int) -> float:
    start = time.perf_counter()
    for text in texts:
        read(text)
    return words / (time.perf_counter() - start)


def _pipe_words_per_s(extractor: quotekit.Extractor, texts: list[str], words: int, n_process: int) -> float:
    start = time.perf_counter()
    for _ in extractor.pipe(texts, n_process=n_process):
        pass
    return words / (time.perf_counter() - start)


def paired(a: Callable[[], float], b: Callable[[], float], rounds: int) -> dict[str, Any]:
    """Run ``b`` and ``a`` alternately (swapping who goes first) and give ``b``'s throughput over ``a``'s.

    Args:
        a: The baseline; returns words per second.
        b: The configuration compared with it.
        rounds: How many times each runs (after one warm-up each).

    Returns:
        The median ratio, each round's ratio, and each side's median words per second.
    """
    a(), b()  # warm-up: caches, lazily loaded components, worker processes
    ra: list[float] = []
    rb: list[float] = []
    for i in range(rounds):
        if i % 2:
            rb.append(b())
            ra.append(a())
        else:
            ra.append(a())
            rb.append(b())
    ratios = [y / x for x, y in zip(ra, rb)]
    return {"ratio": statistics.median(ratios), "rounds": ratios,
            "a_words_per_s": statistics.median(ra), "b_words_per_s": statistics.median(rb)}


def ratios(texts: list[str], rounds: int, trained: quotekit.Extractor | None) -> dict[str, dict[str, Any]]:
    """The end-to-end ratios of the module docstring."""
    words = sum(len(t.split()) for t in texts)
    blank = quotekit.load("blank")
    tokenizer = spacy.blank("en")
    out = {"blank": paired(lambda: _words_per_s(tokenizer, texts, words), lambda: _words_per_s(blank.extract, texts, words), rounds)}
    out["n_process=2 blank"] = paired(lambda: _pipe_words_per_s(blank, texts, words, 1), lambda: _pipe_words_per_s(blank, texts, words, 2), rounds)
    blank.close()
    if trained is not None:
        full = spacy.load(trained.model)
        out["trained"] = paired(lambda: _words_per_s(full, texts, words), lambda: _words_per_s(trained.extract, texts, words), rounds)
        out["n_process=2 trained"] = paired(
            lambda: _pipe_words_per_s(trained, texts, words, 1), lambda: _pipe_words_per_s(trained, texts, words, 2), rounds)
        trained.close()
    return out


def _stage_names() -> list[str]:
    # Whatever _stages calls that the module imported from a quotekit stage: the list follows the code.
    names = pipeline._stages.__code__.co_names
    return [n for n in names if callable(getattr(pipeline, n, None)) and getattr(getattr(pipeline, n), "__module__", "").startswith("quotekit.")]


@functools.cache
def _timers() -> dict[str, float]:
    return {}


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    totals = _timers()

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def profile(extractor: quotekit.Extractor, texts: list[str], rounds: int) -> dict[str, Any]:
    """Seconds per stage over ``rounds`` passes of ``extractor.extract`` (the median pass's whole call).

    Args:
        extractor: A loaded extractor.
        texts: The articles.
        rounds: Passes; each stage's figure is its median over the passes.

    Returns:
        ``extract`` seconds, the stages' summed seconds, and each stage's seconds.
    """
    names = _stage_names()
    originals = {n: getattr(pipeline, n) for n in names}
    for n, fn in originals.items():
        setattr(pipeline, n, _timed(n, fn))
    passes: list[tuple[float, dict[str, float]]] = []
    try:
        for text in texts[:3]:
            extractor.extract(text)  # warm-up
        for _ in range(rounds):
            _timers().clear()
            start = time.perf_counter()
            for text in texts:
                extractor.extract(text)
            passes.append((time.perf_counter() - start, dict(_timers())))
    finally:
        for n, fn in originals.items():
            setattr(pipeline, n, fn)
    stages = {n: statistics.median(p[1].get(n, 0.0) for p in passes) for n in names}
    return {"extract_s": statistics.median(p[0] for p in passes), "stages_s": sum(stages.values()), "stages": stages}


def report(source: str, n: int, results: dict[str, Any]) -> Iterator[str]:
    """Markdown for what :func:`main` measured."""
    yield f"{n} articles from {source}; quotekit {quotekit.__version__}, spaCy {spacy.__version__}, {os.cpu_count()} CPUs"
    if "ratios" in results:
        yield "\n| ratio | median | rounds | target | met |\n|---|---:|---|---:|---|"
        for name, r in results["ratios"].items():
            each = ", ".join(f"{x:.2f}" for x in r["rounds"])
            met = "yes" if r["ratio"] >= TARGETS[name] else "**no**"
            yield f"| {name} | {r['ratio']:.2f}x | {each} | >= {TARGETS[name]}x | {met} |"
    for mode, p in results.get("profile", {}).items():
        share = p["stages_s"] / p["extract_s"]
        yield (f"\n{mode}: extract {p['extract_s']:.3f} s, stages {p['stages_s']:.3f} s ({share:.1%} of the call)\n\n"
               "| stage | seconds | share of stages | µs/article |\n|---|---:|---:|---:|")
        for name, s in sorted(p["stages"].items(), key=lambda kv: -kv[1]):
            yield f"| {name} | {s:.4f} | {s / max(p['stages_s'], 1e-12):.1%} | {s / n * 1e6:,.0f} |"


def main(argv: list[str] | None = None) -> int:
    """Measure, print markdown, optionally write JSON."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    add_text_options(ap, 40)
    ap.add_argument("--rounds", type=int, default=3, help="rounds per ratio and profile passes (default %(default)s)")
    ap.add_argument("--only", choices=("ratios", "profile"), help="run one part only")
    ap.add_argument("--no-trained", action="store_true", help="blank mode only")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    chosen = texts_for(args)
    if chosen is None:
        return 2
    texts, source = chosen
    trained = None if args.no_trained else quotekit.load("auto")
    if trained is not None and trained.model == "blank":
        print("no trained English pipeline installed: blank mode only", file=sys.stderr)
        trained = None
    results: dict[str, Any] = {}
    if args.only != "ratios":
        results["profile"] = {"blank": profile(quotekit.load("blank"), texts, args.rounds)}
        if trained is not None:
            results["profile"][f"trained ({trained.model})"] = profile(trained, texts, args.rounds)
    if args.only != "profile":
        results["ratios"] = ratios(texts, args.rounds, trained)
    print("\n".join(report(source, len(texts), results)))
    if args.json:
        write_json(args.json, {"source": source, "articles": len(texts), **results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
