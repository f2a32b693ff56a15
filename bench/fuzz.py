"""Fuzz quotekit: the property checks of tests/test_properties.py, many more times, plus mutations.

Two fuzzers, both in blank mode, both checking every invariant of
``tests/test_properties.py:check_text`` (offsets in range, ``q.text`` the parts' text joined, parts
ordered, spans matching the text, mentions inside it, two runs identical, JSON round trip,
input unchanged, ``normalize`` keeping the length):

1. hypothesis, with the article-like and any-text strategies of the tests (``--examples``);
2. a random-mutation fuzzer: synthetic articles (no corpus text) with random characters,
   quotation marks included, inserted, deleted and replaced (``--mutations``).

Failures do not stop the run: each is counted, and the shortest failing text per kind of
failure is printed at the end. Quotation overlap is checked and counted separately
(``overlap``), since it is a known open issue.

Usage::

    python bench/fuzz.py --examples 100000 --mutations 20000 --seed 1
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _load_properties() -> Any:
    spec = importlib.util.spec_from_file_location("qk_properties", ROOT / "tests" / "test_properties.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


props = _load_properties()

import quotekit  # noqa: E402

FIRST = ("Ann", "Maria", "John", "Peter", "Sarah", "David", "Laura", "Omar", "Priya", "Chen")
LAST = ("Lee", "Smith", "Okafor", "Garcia", "Novak", "Khan", "Rossi", "Silva", "Cohen", "Walsh")
ROLES = ("a councillor", "the finance minister", "a spokeswoman for the council", "a local resident")
VERBS = ("said", "added", "told reporters", "warned", "insisted")
WORDS = ("the council budget bridge plan would cost more than expected and residents were not "
         "consulted about it before the vote last week").split()
MUTATION_CHARS = props.QUOTE_CHARS + " \n\n\r\u00a0\u200b\x00.,:;!?—-()😀𝔘abcXYZ"


class Tally:
    """Counts of examples and failures, with the shortest failing text of each kind."""

    def __init__(self) -> None:
        self.runs = 0
        self.failures = 0
        self.overlaps = 0
        self.shortest: dict[str, str] = {}
        self.errors: dict[str, str] = {}

    def check(self, extractor: quotekit.Extractor, text: str) -> None:
        """Run every check on ``text`` and record what fails."""
        self.runs += 1
        try:
            found = props.check_text(extractor, text, overlaps=True)
        except Exception as exc:  # a crash is a failure too
            found = [f"{type(exc).__name__}: {exc}"]
        overlap = [p for p in found if p.startswith("quotes [") and " overlap " in p]
        problems = [p for p in found if p not in overlap]
        if overlap:
            self.overlaps += 1
            self._keep("overlap", text)
        if problems:
            self.failures += 1
            for p in problems:
                kind = p.split(":")[-1].strip()[:60] if "quote " in p else p[:60]
                self._keep(kind, text)
                self.errors.setdefault(kind, p)

    def _keep(self, kind: str, text: str) -> None:
        if kind not in self.shortest or len(text) < len(self.shortest[kind]):
            self.shortest[kind] = text


def run_hypothesis(extractor: quotekit.Extractor, tally: Tally, examples: int, seed: int) -> None:
    """Run ``examples`` hypothesis examples, split over the two text strategies (3:1)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    def runner(strategy: Any, n: int) -> Callable[[], None]:
        @hseed(seed)
        @settings(max_examples=n, deadline=None, database=None, phases=(Phase.generate,),
                  suppress_health_check=list(HealthCheck))
        @given(text=strategy)
        def body(text: str) -> None:
            tally.check(extractor, text)

        return body

    if examples <= 0:
        return
    runner(props.articles, examples - examples // 4)()
    if examples // 4:
        runner(props.any_text, examples // 4)()


def synthetic_article(rnd: random.Random) -> str:
    """A short news-like article with direct, partial, indirect and multi-paragraph quotations."""

    def sentence() -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 10))).capitalize()

    paras = []
    for _ in range(rnd.randint(2, 10)):
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        verb, role = rnd.choice(VERBS), rnd.choice(ROLES)
        paras.append(rnd.choice((
            f"“{sentence()},” {verb} {name}, {role}. {sentence()}.",
            f"{name} {verb}: “{sentence()}. {sentence()}.”",
            f"{name}, {role}, {verb} that {sentence().lower()}.",
            f"“{sentence()},” she said. “{sentence()}.”",
            f"According to {name}, the plan is ‘{sentence().lower()}’.",
            f"“{sentence()}.\n\n“{sentence()},” {name} {verb}.",
            f"{sentence()}. {sentence()}.",
        )))
    return "\n\n".join(paras)


def mutate(text: str, rnd: random.Random) -> str:
    """Apply 1-8 random insertions, deletions and replacements."""
    chars = list(text)
    for _ in range(rnd.randint(1, 8)):
        op = rnd.randrange(3)
        pos = rnd.randrange(len(chars) + 1)
        if op == 0 or not chars:
            chars.insert(pos, rnd.choice(MUTATION_CHARS))
        elif op == 1:
            del chars[min(pos, len(chars) - 1)]
        else:
            chars[min(pos, len(chars) - 1)] = rnd.choice(MUTATION_CHARS)
    return "".join(chars)


def run_mutations(extractor: quotekit.Extractor, tally: Tally, n: int, seed: int) -> None:
    """Check ``n`` mutated synthetic articles."""
    rnd = random.Random(seed)
    for _ in range(n):
        tally.check(extractor, mutate(synthetic_article(rnd), rnd))


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzers and print a report; exit status 1 where an invariant failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=100_000, help="hypothesis examples")
    parser.add_argument("--mutations", type=int, default=10_000, help="mutated articles")
    parser.add_argument("--seed", type=int, default=0, help="seed for both fuzzers")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)

    extractor = quotekit.load("blank")
    started = time.perf_counter()
    hyp, mut = Tally(), Tally()
    run_hypothesis(extractor, hyp, args.examples, args.seed)
    run_mutations(extractor, mut, args.mutations, args.seed)
    seconds = time.perf_counter() - started
    report = {
        "seed": args.seed, "seconds": round(seconds, 1),
        "hypothesis": {"examples": hyp.runs, "failures": hyp.failures, "overlap": hyp.overlaps},
        "mutation": {"examples": mut.runs, "failures": mut.failures, "overlap": mut.overlaps},
        "shortest_failing": {k: v for t in (hyp, mut) for k, v in t.shortest.items()},
        "messages": {k: v for t in (hyp, mut) for k, v in t.errors.items()},
    }
    if args.json:
        print(json.dumps(report, indent=1))  # ASCII: texts may hold lone surrogates
    else:
        print(f"seed {args.seed}: {seconds:.0f} s")
        for name, t in (("hypothesis", hyp), ("mutation", mut)):
            print(f"{name}: {t.runs} examples, {t.failures} invariant failures, "
                  f"{t.overlaps} with overlapping quotations")
        for kind, text in report["shortest_failing"].items():
            print(f"shortest failing [{kind}]: {ascii(text)}")
    return 1 if hyp.failures or mut.failures else 0


if __name__ == "__main__":
    sys.exit(main())
