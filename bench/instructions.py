"""Instruction counts under valgrind's callgrind: the blank-mode speed ratios without the machine's noise.

On a shared machine a second of blank-mode work takes anything from 0.55 s to 1.0 s from one
pass to the next (docs/performance.md), so wall-clock ratios near a target wobble across it.
Callgrind counts the instructions each process runs, which do not depend on what else the
machine is doing: the same code, inputs and environment give the same counts. Instructions are
not seconds (a cache miss costs more than an add), but the split of the work is exact:

- ``tokenizer``: ``spacy.blank("en").pipe(texts)``, the bare tokenizer (speed.py's ``blank_tok``);
- ``own``: quotekit's own work, ``read_doc`` over docs tokenized beforehand (``own_blank``);
- ``one process``: ``Extractor.pipe(texts)`` end to end;
- ``n_process=2``: ``Extractor.pipe(texts, n_process=2)``: each worker's count and the parent's.

From these: own work / tokenizer, the parallel overhead (what two workers and the parent run
beyond one process) and the speed-up the counts allow on two cores of equal speed,
``one / max(busier worker, (workers + parent) / 2)``.

The script runs itself under ``valgrind --tool=callgrind`` with instrumentation off, turns it
on (``callgrind_control``) once everything is loaded and warm, and dumps the counts after each
part. The workers of the measured ``n_process=2`` call are forked after that, so their counts
are theirs alone. One process's counts repeat to within about 1%; how the tasks fall between
the two workers, and the parent's count (its pool threads wait and wake), follow the run's
timing. About 3–5 minutes for 100 articles. Needs valgrind (``apt-get install valgrind``).

Run: ``python bench/instructions.py [--limit 100] [--generated] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _articles import add_text_options, texts_for  # noqa: E402

_PARTS = ("tokenizer", "own", "one", "double")


def _inner(args: argparse.Namespace) -> int:
    # Runs under valgrind: warm everything up uninstrumented, then count each part.
    import spacy

    import quotekit
    from quotekit import _pipeline

    chosen = texts_for(args)
    if chosen is None:
        return 1
    texts, _ = chosen
    tok = spacy.blank("en")
    ex = quotekit.load("blank")
    lex = ex._lexicons
    docs = [ex.nlp(_pipeline.tokenizable(t), disable=ex._disable_in_process) for t in texts]

    def tokenizer() -> None:
        for _ in tok.pipe(texts):
            pass

    def own() -> None:
        for doc, text in zip(docs, texts, strict=True):
            _pipeline.read_doc(doc, lex, text)

    def run(n: int) -> None:
        for _ in ex.pipe(texts, n_process=n):
            pass

    for _ in range(2):
        tokenizer()
        own()
        run(1)
        run(2)
    ex.close()  # the measured call forks new workers, which inherit the counting

    def ctl(*what: str) -> None:
        subprocess.run(["callgrind_control", *what, str(os.getpid())], check=True, capture_output=True)

    ctl("--instr=on")
    ctl("--zero")
    tokenizer()
    ctl("--dump=tokenizer")
    own()
    ctl("--dump=own")
    run(1)
    ctl("--dump=one")
    run(2)
    ctl("--dump=double")
    ex.close()  # the workers end here and write their counts
    return 0


def _counts(folder: Path, parent: int) -> tuple[dict[str, int], list[int]]:
    parts: dict[str, int] = {}
    workers = []
    for path in folder.iterdir():
        head = path.read_text(errors="replace")[:4000]
        trigger = re.search(r"^desc: Trigger: (.*)$", head, re.M)
        total = re.search(r"^summary: (\d+)$", head, re.M)
        if not (trigger and total):
            continue
        pid = int(path.name.split(".")[1])
        if pid == parent and trigger.group(1).startswith("dump "):
            parts[trigger.group(1)[5:]] = int(total.group(1))
        elif pid != parent and int(total.group(1)) > 0:
            workers.append(int(total.group(1)))
    return parts, sorted(workers, reverse=True)


def main(argv: list[str] | None = None) -> int:
    """Count, then print a markdown table.

    Args:
        argv: Command-line arguments.

    Returns:
        The exit code.
    """
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_text_options(ap, 100, "articles")
    ap.add_argument("--json", type=Path, help="write the counts here")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.inner:
        return _inner(args)
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("bench/instructions.py needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    chosen = texts_for(args)
    if chosen is None:
        return 1
    texts, source = chosen
    inner = ["--limit", str(args.limit), "--polnear", str(args.polnear)]
    if args.generated:
        inner.append("--generated")
    with tempfile.TemporaryDirectory(prefix="qk-callgrind-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no",
             f"--callgrind-out-file={folder}/cg.%p.out",
             sys.executable, __file__, "--inner", *inner],
            capture_output=True, text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},  # the same set and dict layouts every run
        )
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            return proc.returncode
        parent = int(re.search(r"==(\d+)== Callgrind", proc.stderr).group(1))  # type: ignore[union-attr]
        parts, workers = _counts(folder, parent)
    missing = [p for p in _PARTS if p not in parts]
    if missing or len(workers) < 2:
        print(f"bench/instructions.py: counts missing ({missing}, {len(workers)} workers)", file=sys.stderr)
        return 1
    one, parent_n2 = parts["one"], parts["double"]
    bound = one / max(workers[0], (sum(workers) + parent_n2) / 2)
    overhead = (sum(workers) + parent_n2 - one) / one
    words = sum(len(t.split()) for t in texts)
    print(f"# instruction counts (callgrind), blank, {len(texts)} {source} articles, {words:,} words, "
          f"{time.strftime('%Y-%m-%d %H:%M')}, {time.perf_counter() - started:.0f} s under valgrind\n")
    print("| part | instructions | per word |\n|---|---:|---:|")
    rows = [("bare tokenizer", parts["tokenizer"]), ("quotekit own work (read_doc)", parts["own"]),
            ("quotekit end to end, one process", one),
            *[(f"n_process=2: worker {k}", n) for k, n in enumerate(workers, 1)],
            ("n_process=2: parent", parent_n2)]
    for name, n in rows:
        print(f"| {name} | {n:,} | {n / words:,.0f} |")
    print(f"\n- own work / bare tokenizer: {parts['own'] / parts['tokenizer']:.2f} (target <= 1)")
    print(f"- n_process=2 overhead (workers + parent - one process): {100 * overhead:+.1f}%, "
          f"of which the parent {100 * parent_n2 / one:.1f}%; workers' shares "
          + ", ".join(f"{100 * n / sum(workers):.1f}%" for n in workers))
    print(f"- n_process=2 speed-up the counts allow on two equal cores: {bound:.2f}x (target >= 1.6)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        out: dict[str, Any] = {"articles": len(texts), "source": source, "words": words, **parts,
                               "workers": workers, "bound": bound, "overhead": overhead}
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
