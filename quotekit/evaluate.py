"""Score quotekit (or any system) against a gold corpus of quotations with speakers.

>>> from quotekit.evaluate import evaluate
>>> report = evaluate("dev.jsonl")                     # doctest: +SKIP
>>> print(report.to_table())                           # doctest: +SKIP

The metrics are the ones of the corpora's README: quotations are compared piece by piece.
Each fragment of a gold quotation (or its ``start..end`` where it has no fragments) and each
part of a predicted one (or its ``start..end``) is a *unit* that carries its quotation's
speaker. A unit is the set of its characters less white space and punctuation; two units
match when the Jaccard overlap of those sets is at least τ. Matching is one-to-one, best
overlap first (ties broken by gold unit, then predicted unit, in text order of the input).
Gold quotations marked ``optional`` count neither for nor against.

Gold format (JSON Lines, one article a line)::

    {"id": "...", "text": "...", "quotes": [{"start": 0, "end": 9, "fragments": [[0, 4]],
     "kind": "direct", "speaker": "Jane Smith", "speaker_start": 20, "speaker_end": 30,
     "speaker_entity": "Jane Smith", "speaker_aliases": [], "role": null,
     "organization": null, "optional": false}]}

Predictions are quotekit's JSON Lines output (``Result.to_dict()`` per article).
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import accumulate
from typing import Any, Literal

from ._api import Failure, load
from ._errors import OptionError, QuotekitError
from ._types import Result

__all__ = [
    "ErrorItem",
    "Report",
    "add_arguments",
    "evaluate",
    "run",
]

ErrorKind = Literal["missed", "spurious", "wrong_speaker"]

PRONOUNS: frozenset[str] = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their",
     "our"}
)
"""Words that are never name-words of a speaker."""

_KINDS = ("direct", "mixed", "partial", "indirect")
_CONTEXT = 40  # characters of context either side of a quotation in the error listing
_MAX_QUOTE_IN_CONTEXT = 120
_STOP_WORDS = frozenset({"the", "a", "an", "of", "'s", "s"})


# --------------------------------------------------------------------------------------
# Public result types


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One unit the system got wrong, for reading through a system's errors.

    Attributes:
        kind: ``"missed"`` (a gold unit no prediction matched), ``"spurious"`` (a predicted
            unit that matched no gold unit) or ``"wrong_speaker"`` (a matched unit given to
            the wrong speaker).
        doc_id: The article's id.
        start: Offset of the unit's first character (the gold unit's for ``wrong_speaker``).
        end: Offset one past the unit's last character.
        text: ``article[start:end]``.
        context: About 80 characters around the unit, with the unit marked by ``⟦ ⟧`` (a long
            unit is shortened in the middle with ``…``), white space collapsed.
        gold_speaker: The gold speaker (``speaker``, else ``speaker_entity``), or ``None``.
        predicted_speaker: The predicted speaker's name, or ``None``.
    """

    kind: ErrorKind
    doc_id: Any
    start: int
    end: int
    text: str
    context: str
    gold_speaker: str | None
    predicted_speaker: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the item as a JSON-ready dict (one line of the errors file)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Report:
    """The scores of one evaluation. Fractions run from 0 to 1, rounded to 4 places.

    Attributes:
        quote_P: Quotation precision over units.
        quote_R: Quotation recall over units.
        quote_F1: F1 of ``quote_P`` and ``quote_R``.
        recall_direct: Recall of gold ``direct`` units, ``None`` where the gold has none.
        recall_mixed: Recall of gold ``mixed`` units, ``None`` where the gold has none.
        recall_partial: Recall of gold ``partial`` units, ``None`` where the gold has none.
        recall_indirect: Recall of gold ``indirect`` units, ``None`` where the gold has none.
        speaker_acc: Share of matched units (whose gold has a speaker) given to the right
            speaker; 0.0 where there are none.
        speaker_acc_direct: The same over gold ``direct`` units; 0.0 where there are none.
        attribution_F1: F1 with precision and recall each multiplied by ``speaker_acc``.
        n_gold: Gold units counted (optional ones left out).
        n_pred: Predicted units counted (those matched to optional gold left out).
        role_acc: Share of matched units whose gold has a ``role`` where the predicted
            speaker's role is right (all the gold's role words, and no words beyond them and
            the gold organization's); ``None`` where the gold has no roles, 0.0 where it has
            some but no unit carrying one was matched.
        organization_acc: The same for ``organization`` (all the gold organization's words
            are in the predicted one).
        tau: The Jaccard threshold used.
        model: The spaCy pipeline quotekit ran with, or the one named by the
            :class:`~quotekit.Result` objects passed in; ``None`` for prediction dicts.
        errors: Every missed, spurious and wrong-speaker unit, in article and text order.
        failures: ``(doc_id, error)`` of each article quotekit could not read.
    """

    quote_P: float
    quote_R: float
    quote_F1: float
    recall_direct: float | None
    recall_mixed: float | None
    recall_partial: float | None
    recall_indirect: float | None
    speaker_acc: float
    speaker_acc_direct: float
    attribution_F1: float
    n_gold: int
    n_pred: int
    role_acc: float | None = None
    organization_acc: float | None = None
    tau: float = 0.5
    model: str | None = None
    errors: tuple[ErrorItem, ...] = field(default=(), repr=False, compare=False)
    failures: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the metrics as a JSON-ready dict (``errors`` and ``failures`` left out).

        Returns:
            The README's report keys, then ``role_acc``, ``organization_acc``, ``tau`` and
            ``model``.
        """
        return {
            "quote_P": self.quote_P,
            "quote_R": self.quote_R,
            "quote_F1": self.quote_F1,
            "recall_direct": self.recall_direct,
            "recall_mixed": self.recall_mixed,
            "recall_partial": self.recall_partial,
            "recall_indirect": self.recall_indirect,
            "speaker_acc": self.speaker_acc,
            "speaker_acc_direct": self.speaker_acc_direct,
            "attribution_F1": self.attribution_F1,
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "role_acc": self.role_acc,
            "organization_acc": self.organization_acc,
            "tau": self.tau,
            "model": self.model,
        }

    def to_table(self) -> str:
        """Return the metrics as an aligned, human-readable text table.

        Returns:
            One line per metric (``n/a`` where a figure does not apply), no trailing newline.
        """
        rows: list[tuple[str, str, str]] = [
            ("quotation precision", "quote_P", _fmt(self.quote_P)),
            ("quotation recall", "quote_R", _fmt(self.quote_R)),
            ("quotation F1", "quote_F1", _fmt(self.quote_F1)),
            ("recall, direct", "recall_direct", _fmt(self.recall_direct)),
            ("recall, mixed", "recall_mixed", _fmt(self.recall_mixed)),
            ("recall, partial", "recall_partial", _fmt(self.recall_partial)),
            ("recall, indirect", "recall_indirect", _fmt(self.recall_indirect)),
            ("speaker accuracy", "speaker_acc", _fmt(self.speaker_acc)),
            ("speaker accuracy, direct", "speaker_acc_direct", _fmt(self.speaker_acc_direct)),
            ("attribution F1", "attribution_F1", _fmt(self.attribution_F1)),
            ("role accuracy", "role_acc", _fmt(self.role_acc)),
            ("organization accuracy", "organization_acc", _fmt(self.organization_acc)),
            ("gold units", "n_gold", str(self.n_gold)),
            ("predicted units", "n_pred", str(self.n_pred)),
        ]
        w0 = max(len(r[0]) for r in rows)
        w1 = max(len(r[1]) for r in rows)
        w2 = max(len(r[2]) for r in rows)
        head = f"quotekit evaluation (tau {self.tau:g}, model {self.model or 'n/a'})"
        lines = [head, "-" * max(len(head), w0 + w1 + w2 + 4)]
        lines += [f"{a:<{w0}}  {b:<{w1}}  {c:>{w2}}" for a, b, c in rows]
        if self.failures:
            lines.append(f"{len(self.failures)} article(s) could not be read")
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


# --------------------------------------------------------------------------------------
# Loading and validation


def _check_tau(tau: object) -> float:
    ok = (
        isinstance(tau, (int, float))
        and not isinstance(tau, bool)
        and math.isfinite(tau)
        and 0.0 < tau <= 1.0
    )
    if not ok:
        raise OptionError(f"tau must be a float in (0, 1] (0 < tau <= 1), got {tau!r}")
    return float(tau)  # type: ignore[arg-type]


def _is_path(value: object) -> bool:
    return isinstance(value, (str, os.PathLike))


def _read_jsonl(path: str | os.PathLike[str], what: str) -> Iterator[tuple[str, Any]]:
    """Yield ``(location, object)`` per non-blank line of a JSON Lines file."""
    name = os.fspath(path)
    try:
        fh = open(name, encoding="utf-8")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise FileNotFoundError(f"{what} file not found: {name}") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{name}, line {n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise QuotekitError(f"{where}: not valid JSON ({exc.msg})") from None
            yield where, obj


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_range(where: str, label: str, s: object, e: object, n: int) -> None:
    if not (_is_int(s) and _is_int(e)):
        raise QuotekitError(f"{where}: {label} offsets must be ints, got {s!r}, {e!r}")
    assert isinstance(s, int) and isinstance(e, int)
    if not 0 <= s <= e <= n:
        raise QuotekitError(
            f"{where}: {label} offsets {s}..{e} are outside the text (0..{n}) or reversed"
        )


def _validate_gold(where: str, doc: Mapping[str, Any]) -> None:
    missing = [k for k in ("id", "text", "quotes") if k not in doc]
    if missing:
        raise QuotekitError(f"{where}: gold article lacks {', '.join(map(repr, missing))}")
    text, quotes = doc["text"], doc["quotes"]
    if not isinstance(text, str):
        raise QuotekitError(f"{where}: 'text' must be a string, got {type(text).__name__}")
    if not isinstance(quotes, list):
        raise QuotekitError(f"{where}: 'quotes' must be a list, got {type(quotes).__name__}")
    n = len(text)
    for qi, q in enumerate(quotes):
        label = f"quote {qi}"
        if not isinstance(q, Mapping):
            raise QuotekitError(f"{where}: {label} is not an object")
        if "start" not in q or "end" not in q:
            raise QuotekitError(f"{where}: {label} lacks 'start'/'end'")
        _check_range(where, label, q["start"], q["end"], n)
        frags = q.get("fragments")
        if frags:
            if not isinstance(frags, list):
                raise QuotekitError(f"{where}: {label} 'fragments' must be a list of [start, end]")
            for f in frags:
                if not (isinstance(f, (list, tuple)) and len(f) == 2):
                    raise QuotekitError(f"{where}: {label} has a fragment that is not [start, end]")
                _check_range(where, f"{label} fragment", f[0], f[1], n)
        if q.get("speaker_start") is not None or q.get("speaker_end") is not None:
            _check_range(where, f"{label} speaker", q.get("speaker_start"), q.get("speaker_end"), n)


def _load_gold(gold: object) -> list[Mapping[str, Any]]:
    docs: list[Mapping[str, Any]] = []
    if _is_path(gold):
        assert isinstance(gold, (str, os.PathLike))
        for where, obj in _read_jsonl(gold, "gold"):
            if not isinstance(obj, Mapping):
                raise QuotekitError(f"{where}: a gold line must be a JSON object")
            _validate_gold(where, obj)
            docs.append(obj)
        return docs
    if isinstance(gold, (bytes, bytearray, Mapping)) or not isinstance(gold, Iterable):
        raise TypeError(
            "gold must be a path (str or pathlib.Path) to a JSON Lines file or an iterable "
            f"of gold article dicts, got {type(gold).__name__}"
        )
    for i, obj in enumerate(gold, 1):
        if not isinstance(obj, Mapping):
            raise TypeError(f"gold article {i} must be a dict, got {type(obj).__name__}")
        _validate_gold(f"gold article {i}", obj)
        docs.append(obj)
    return docs


def _validate_pred(where: str, doc: Mapping[str, Any]) -> None:
    quotes = doc.get("quotes")
    if not isinstance(quotes, list):
        raise QuotekitError(f"{where}: a prediction needs a 'quotes' list")
    for qi, q in enumerate(quotes):
        if not isinstance(q, Mapping):
            raise QuotekitError(f"{where}: quote {qi} is not an object")
        parts = q.get("parts")
        spans = parts if parts else [[q.get("start"), q.get("end")]]
        for sp in spans:
            if not (isinstance(sp, (list, tuple)) and len(sp) == 2 and all(map(_is_int, sp))):
                raise QuotekitError(f"{where}: quote {qi} needs int 'start'/'end' (or 'parts')")


def _load_predictions(
    predictions: object, gold: Sequence[Mapping[str, Any]]
) -> tuple[dict[Any, Mapping[str, Any]], str | None, list[tuple[str, str]]]:
    """Return predictions by article id, the model that made them and the failures."""
    by_id: dict[Any, Mapping[str, Any]] = {}
    failures: list[tuple[str, str]] = []
    model: str | None = None
    if _is_path(predictions):
        assert isinstance(predictions, (str, os.PathLike))
        for where, obj in _read_jsonl(predictions, "prediction"):
            if not isinstance(obj, Mapping) or "id" not in obj:
                raise QuotekitError(f"{where}: a prediction line must be an object with an 'id'")
            _validate_pred(where, obj)
            by_id[obj["id"]] = obj
        return by_id, model, failures
    if isinstance(predictions, (bytes, bytearray, Mapping)) or not isinstance(
        predictions, Iterable
    ):
        raise TypeError(
            "predictions must be None, a path to a JSON Lines file or an iterable of "
            f"prediction dicts or quotekit Results, got {type(predictions).__name__}"
        )
    for i, item in enumerate(predictions):
        if isinstance(item, Failure):
            failures.append((str(item.id), item.error))
            continue
        rec: Mapping[str, Any]
        if isinstance(item, Result):
            model = model or item.model
            rec = item.to_dict()
        elif isinstance(item, Mapping):
            rec = item
        else:
            raise TypeError(
                f"prediction {i + 1} must be a dict or a quotekit Result, got {type(item).__name__}"
            )
        _validate_pred(f"prediction {i + 1}", rec)
        doc_id = rec.get("id")
        if doc_id is None:  # no id: it belongs to the gold article at the same position
            if i >= len(gold):
                continue
            doc_id = gold[i]["id"]
        by_id[doc_id] = rec
    return by_id, model, failures


# --------------------------------------------------------------------------------------
# The metric


def _is_content(c: str) -> bool:
    cat = unicodedata.category(c)
    return not (c.isspace() or cat.startswith(("P", "Z")))


def _name_words(name: object, capitalized_only: bool = False) -> list[str]:
    if not name or not isinstance(name, str):
        return []
    out = []
    for w in name.split():
        w = w.strip(".,;:()[]’'\"“”")
        for suffix in ("’s", "'s"):
            w = w.removesuffix(suffix)
        if not w or not w[0].isalpha() or w.lower() in PRONOUNS:
            continue
        if capitalized_only and not w[0].isupper():
            continue
        out.append(w.lower())
    return out


def _speaker_right(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    sp = p.get("speaker") or {}
    m = p.get("speaker_mention") or {}
    gs, ge = g.get("speaker_start"), g.get("speaker_end")
    if gs is not None and ge is not None:
        spans = [(m.get("start"), m.get("end"))] + [tuple(x) for x in sp.get("mentions") or []]
        if any(s is not None and e is not None and s < ge and gs < e for s, e in spans):
            return True
    pw = _name_words(sp.get("name"))
    if not pw:
        return False
    gold_words = set(_name_words(g.get("speaker"), capitalized_only=True))
    for n in [g.get("speaker_entity"), *(g.get("speaker_aliases") or [])]:
        gold_words |= set(_name_words(n))
    return pw[-1] in gold_words


def _words(s: object) -> set[str]:
    norm = " ".join((s if isinstance(s, str) else "").lower().replace("’", "'").split())
    return {w.strip(".,'’") for w in norm.split()} - _STOP_WORDS


def _role_right(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    prole = _words((p.get("speaker") or {}).get("role"))
    grole = _words(g.get("role"))
    return bool(prole) and grole <= prole and not (prole - grole - _words(g.get("organization")))


def _org_right(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gorg = _words(g.get("organization"))
    return bool(gorg) and gorg <= _words((p.get("speaker") or {}).get("organization"))


@dataclass(slots=True)
class _Unit:
    quote: int  # index of its quotation
    start: int  # clipped to the text
    end: int
    size: int  # content characters


def _units(
    quotes: Sequence[Mapping[str, Any]], spans_key: str, cum: Sequence[int], n: int
) -> list[_Unit]:
    out = []
    for qi, q in enumerate(quotes):
        for s, e in q.get(spans_key) or [[q["start"], q["end"]]]:
            s, e = max(0, s), min(n, e)
            size = cum[e] - cum[s] if e > s else 0
            if size:
                out.append(_Unit(qi, s, e, size))
    return out


def _match(gu: Sequence[_Unit], pu: Sequence[_Unit], cum: Sequence[int], tau: float
           ) -> list[tuple[int, int]]:
    """Pair units one-to-one, best Jaccard first; ties by (gold index, predicted index).

    Units are contiguous ranges, so the content characters two of them share are those of
    the overlap of their ranges: counted from prefix sums, never from sets. Only predicted
    units whose ranges overlap a gold unit's are looked at (bisect on sorted starts).
    """
    if not gu or not pu:
        return []
    order = sorted(range(len(pu)), key=lambda j: pu[j].start)
    starts = [pu[j].start for j in order]
    longest = max(u.end - u.start for u in pu)
    pairs: list[tuple[float, int, int]] = []
    for i, g in enumerate(gu):
        lo = bisect.bisect_right(starts, g.start - longest)
        hi = bisect.bisect_left(starts, g.end)
        for k in range(lo, hi):
            j = order[k]
            p = pu[j]
            s, e = max(g.start, p.start), min(g.end, p.end)
            if e <= s:
                continue
            inter = cum[e] - cum[s]
            if inter:
                jac = inter / (g.size + p.size - inter)
                if jac >= tau:
                    pairs.append((jac, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        matched.append((i, j))
    return matched


def _context(text: str, start: int, end: int) -> str:
    def squash(s: str) -> str:
        return re.sub(r"\s+", " ", s)

    mid = text[start:end]
    if len(mid) > _MAX_QUOTE_IN_CONTEXT:
        half = (_MAX_QUOTE_IN_CONTEXT - 3) // 2
        mid = mid[:half] + " … " + mid[-half:]
    left = text[max(0, start - _CONTEXT):start]
    right = text[end:end + _CONTEXT]
    return squash(left) + "⟦" + squash(mid) + "⟧" + squash(right)


def _gold_speaker(g: Mapping[str, Any]) -> str | None:
    name = g.get("speaker") or g.get("speaker_entity")
    return str(name) if name else None


def _pred_speaker(p: Mapping[str, Any]) -> str | None:
    name = (p.get("speaker") or {}).get("name")
    return str(name) if name else None


def _score_doc(
    doc: Mapping[str, Any],
    pred: Mapping[str, Any] | None,
    tau: float,
    tot: Counter[str],
    errors: list[ErrorItem],
) -> None:
    text: str = doc["text"]
    golds: list[Mapping[str, Any]] = doc["quotes"]
    preds: list[Mapping[str, Any]] = list((pred or {}).get("quotes") or [])
    n = len(text)
    cum = list(accumulate((1 if _is_content(c) else 0 for c in text), initial=0))
    gu = _units(golds, "fragments", cum, n)
    pu = _units(preds, "parts", cum, n)
    matched = _match(gu, pu, cum, tau)
    optional_g = {i for i, u in enumerate(gu) if golds[u.quote].get("optional")}
    matched_g = {i for i, _ in matched}
    matched_p = {j for _, j in matched}
    tot["gold"] += len(gu) - len(optional_g)
    tot["pred"] += len(pu) - sum(1 for i, _ in matched if i in optional_g)
    matched = [(i, j) for i, j in matched if i not in optional_g]
    tot["match"] += len(matched)
    doc_id = doc["id"]
    found: list[ErrorItem] = []

    def item(kind: ErrorKind, u: _Unit, g: Mapping[str, Any] | None,
             p: Mapping[str, Any] | None) -> ErrorItem:
        return ErrorItem(
            kind, doc_id, u.start, u.end, text[u.start:u.end], _context(text, u.start, u.end),
            _gold_speaker(g) if g is not None else None,
            _pred_speaker(p) if p is not None else None,
        )

    for i, u in enumerate(gu):
        if i in optional_g:
            continue
        tot["gold_" + str(golds[u.quote].get("kind"))] += 1
        tot["role_any"] += bool(golds[u.quote].get("role"))
        tot["org_any"] += bool(golds[u.quote].get("organization"))
        if i not in matched_g:
            found.append(item("missed", u, golds[u.quote], None))
    for j, u in enumerate(pu):
        if j not in matched_p:
            found.append(item("spurious", u, None, preds[u.quote]))
    for i, j in matched:
        g, p = golds[gu[i].quote], preds[pu[j].quote]
        tot["match_" + str(g.get("kind"))] += 1
        if g.get("role"):
            tot["role_gold"] += 1
            tot["role_ok"] += _role_right(g, p)
        if g.get("organization"):
            tot["org_gold"] += 1
            tot["org_ok"] += _org_right(g, p)
        if not (g.get("speaker") or g.get("speaker_entity")):
            continue
        ok = _speaker_right(g, p)
        tot["spk_gold"] += 1
        tot["spk_ok"] += ok
        if g.get("kind") == "direct":
            tot["spk_gold_direct"] += 1
            tot["spk_ok_direct"] += ok
        if not ok:
            found.append(item("wrong_speaker", gu[i], g, p))
    found.sort(key=lambda e: (e.start, e.end, e.kind))
    errors.extend(found)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _annotated_ratio(ok: int, matched: int, annotated: int) -> float | None:
    # None where the gold has no such annotation; 0.0 where it has some but none was matched.
    if not annotated:
        return None
    return round(ok / matched, 4) if matched else 0.0


# --------------------------------------------------------------------------------------
# Public entry points


def evaluate(
    gold: str | os.PathLike[str] | Iterable[Mapping[str, Any]],
    predictions: str | os.PathLike[str] | Iterable[Mapping[str, Any] | Result] | None = None,
    *,
    model: object = "auto",
    tau: float = 0.5,
    errors: str | os.PathLike[str] | None = None,
) -> Report:
    """Score predictions (or quotekit itself) against gold quotations with speakers.

    Args:
        gold: A path to a gold JSON Lines file, or an iterable of gold article dicts
            (``{"id", "text", "quotes"}``).
        predictions: ``None`` to run quotekit on the gold texts (with ``model``); a path to a
            prediction JSON Lines file; or an iterable of prediction dicts or
            :class:`~quotekit.Result` objects. A prediction without an id belongs to the gold
            article at the same position; :class:`~quotekit.Failure` items are recorded in
            :attr:`Report.failures` and score as empty predictions.
        model: The model for :func:`quotekit.load` when ``predictions`` is ``None``.
        tau: The Jaccard overlap two units need to match, in (0, 1]: 0.5 by default, 0.9 for
            the strict figure.
        errors: A path to write every missed, spurious and wrong-speaker unit to, as JSON
            Lines; they are in :attr:`Report.errors` either way.

    Returns:
        The :class:`Report`.

    Raises:
        OptionError: ``tau`` is not a number in (0, 1].
        TypeError: ``gold``, ``predictions`` or ``errors`` (or an item of them) is of the
            wrong type.
        QuotekitError: A gold or prediction record is malformed (no id, text or quotes,
            offsets outside the text, invalid JSON); the message gives file and line.
        FileNotFoundError: A named file does not exist.
        ModelNotFoundError: ``model`` names a pipeline that is not installed.

    Example:
        >>> gold = [{"id": "a", "text": 'Jo said: "Yes we can."', "quotes": [
        ...     {"start": 10, "end": 21, "kind": "direct", "speaker": "Jo",
        ...      "speaker_start": 0, "speaker_end": 2}]}]
        >>> pred = [{"id": "a", "quotes": [{"start": 10, "end": 21,
        ...     "speaker": {"name": "Jo"}, "speaker_mention": None}]}]
        >>> evaluate(gold, pred).attribution_F1
        1.0
    """
    tau = _check_tau(tau)
    if errors is not None and not _is_path(errors):
        raise TypeError(
            f"errors must be None or a path (str or pathlib.Path), got {type(errors).__name__}"
        )
    docs = _load_gold(gold)
    failures: list[tuple[str, str]] = []
    if predictions is None:
        extractor = load(model=model)
        stream = extractor.pipe(((d["id"], d["text"]) for d in docs), on_error="return")
        by_id, _, failures = _load_predictions(stream, docs)
        used_model: str | None = extractor.model
    else:
        by_id, used_model, failures = _load_predictions(predictions, docs)

    tot: Counter[str] = Counter()
    items: list[ErrorItem] = []
    for doc in docs:
        _score_doc(doc, by_id.get(doc["id"]), tau, tot, items)

    if errors is not None:
        with open(os.fspath(errors), "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in items)

    p = tot["match"] / tot["pred"] if tot["pred"] else 0.0
    r = tot["match"] / tot["gold"] if tot["gold"] else 0.0
    spk = tot["spk_ok"] / tot["spk_gold"] if tot["spk_gold"] else 0.0
    return Report(
        quote_P=round(p, 4),
        quote_R=round(r, 4),
        quote_F1=round(_f1(p, r), 4),
        recall_direct=_ratio(tot["match_direct"], tot["gold_direct"]),
        recall_mixed=_ratio(tot["match_mixed"], tot["gold_mixed"]),
        recall_partial=_ratio(tot["match_partial"], tot["gold_partial"]),
        recall_indirect=_ratio(tot["match_indirect"], tot["gold_indirect"]),
        speaker_acc=round(spk, 4),
        speaker_acc_direct=_ratio(tot["spk_ok_direct"], tot["spk_gold_direct"]) or 0.0,
        attribution_F1=round(_f1(p * spk, r * spk), 4),
        n_gold=tot["gold"],
        n_pred=tot["pred"],
        role_acc=_annotated_ratio(tot["role_ok"], tot["role_gold"], tot["role_any"]),
        organization_acc=_annotated_ratio(tot["org_ok"], tot["org_gold"], tot["org_any"]),
        tau=tau,
        model=used_model,
        errors=tuple(items),
        failures=tuple(failures),
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``quotekit evaluate`` options to a parser (or subparser).

    Args:
        parser: The parser to add ``gold``, ``--pred``, ``--model``, ``--tau``, ``--format``
            and ``--errors`` to.
    """
    parser.add_argument("gold", metavar="GOLD.jsonl", help="gold corpus, JSON Lines")
    parser.add_argument(
        "--pred", metavar="PRED.jsonl", default=None,
        help="predictions to score, JSON Lines (default: run quotekit on the gold texts)",
    )
    parser.add_argument(
        "--model", metavar="M", default="auto",
        help="spaCy pipeline for quotekit when --pred is not given (default: auto)",
    )
    parser.add_argument(
        "--tau", metavar="T", type=float, default=0.5,
        help="Jaccard overlap units need to match, in (0, 1] (default: 0.5; 0.9 is strict)",
    )
    parser.add_argument(
        "--format", choices=("table", "json"), default="table",
        help="print a table (default) or one JSON object",
    )
    parser.add_argument(
        "--errors", metavar="FILE", default=None,
        help="write missed, spurious and wrong-speaker quotations to FILE (JSON Lines)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``quotekit evaluate`` with parsed arguments and print the report to stdout.

    Args:
        args: Arguments parsed by a parser set up with :func:`add_arguments`.

    Returns:
        0 on success; 2 (after a message on stderr) for a missing file or bad input.
    """
    try:
        report = evaluate(
            args.gold, args.pred, model=args.model, tau=args.tau, errors=args.errors
        )
    except (OSError, QuotekitError, TypeError) as exc:
        print(f"quotekit evaluate: error: {exc}", file=sys.stderr)
        return 2
    for doc_id, err in report.failures:
        print(f"quotekit evaluate: article {doc_id} could not be read: {err}", file=sys.stderr)
    if getattr(args, "format", "table") == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(report.to_table())
    return 0
