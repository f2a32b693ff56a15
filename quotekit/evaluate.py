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

With a role gold (one speaker a line), speakers' roles, organizations and parties are scored
as well, with the definitions of the corpora's ``role_check.py``.

The gold, prediction and role-gold formats and every metric are described in
``docs/formats.md``. Predictions and gold are paired by ``id``, compared with its JSON type
(``1`` and ``"1"`` are different ids); ids that pair with nothing, and ids given twice, are
reported (:class:`IdCheck`) rather than scored silently.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import json
import math
import os
import re
import sys
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import accumulate
from typing import Any, Literal

from ._api import Failure, load
from ._atomic import AtomicFile
from ._errors import OptionError, QuotekitError, QuotekitWarning
from ._types import Result

__all__ = [
    "ErrorItem",
    "IdCheck",
    "IdWarning",
    "InputFormatError",
    "Report",
    "RoleErrorItem",
    "RoleReport",
    "add_arguments",
    "evaluate",
    "run",
]

ErrorKind = Literal["missed", "spurious", "wrong_speaker"]
RoleErrorKind = Literal[
    "speaker_not_found", "wrong_role", "spurious_role", "wrong_organization", "wrong_party"
]
ArticleId = str | int

PRONOUNS: frozenset[str] = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their",
     "our"}
)
"""Words that are never name-words of a speaker."""

_KINDS = ("direct", "mixed", "partial", "indirect")
_CONTEXT = 40  # characters of context either side of a quotation in the error listing
_EVIDENCE_CONTEXT = 80  # characters either side of a role's evidence in the error listing
_MAX_QUOTE_IN_CONTEXT = 120
_STOP_WORDS = frozenset({"the", "a", "an", "of", "'s", "s"})
_SHOWN_IDS = 5  # ids named in a warning line; the report keeps them all

# A word of a role, organization or party as role_check.py splits them, so that the two agree
# to the letter: "u.s.", "at&t", "vice-president" each stay one word. The stdlib ``re`` is
# used, as in role_check.py, because ``regex`` defines ``\w`` slightly differently.
_ROLE_WORD = re.compile(
    r"""
    [\w.&-]+        # e.g. "u.s." in "u.s. attorney", "vice-president", "at&t"
    """,
    re.VERBOSE,
)
# A run of white space, line ends included, shown as one space in the errors' context.
_SPACES = re.compile(
    r"""
    \s+            # e.g. "\n\n  " between two paragraphs
    """,
    re.VERBOSE,
)
_ROLE_STOP = frozenset({"the", "a", "an", "of", "for", "'s", "’s", "s", "at", "in"})

# One party, however the article writes it: "(D-Va.)" gives "D", "Labour MP" gives "Labour".
_PARTY_ALIASES: dict[str, str] = {
    "d": "democratic", "dem": "democratic", "dem.": "democratic", "democrat": "democratic",
    "democratic": "democratic",
    "r": "republican", "rep": "republican", "rep.": "republican", "republican": "republican",
    "gop": "republican",
    "i": "independent", "ind": "independent", "ind.": "independent",
    "independent": "independent",
    "tory": "conservative", "tories": "conservative", "conservative": "conservative",
    "lab": "labour", "labour": "labour", "labor": "labour",
    "lib dem": "liberal democrat", "ld": "liberal democrat",
    "liberal democrat": "liberal democrat",
}


class InputFormatError(QuotekitError):
    """A gold, prediction or role-gold record is not in the documented format.

    The message names the file and line (or the item's position) and what was expected,
    e.g. ``pred.jsonl, line 3: quote 0 'speaker' must be an object {"name": ...} or null,
    got a string "Jo Li"``.
    """


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
        rule: The attribution rule that gave the predicted quotation its speaker (the
            name of ``Quote.rule``, or a prediction's ``"rule"``), or ``None`` for a missed
            unit or where the predictions do not say.
    """

    kind: ErrorKind
    doc_id: Any
    start: int
    end: int
    text: str
    context: str
    gold_speaker: str | None
    predicted_speaker: str | None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the item as a JSON-ready dict (one line of the errors file)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class RoleErrorItem:
    """One role-gold speaker whose role, organization or party the system got wrong.

    Attributes:
        kind: ``"speaker_not_found"`` (no predicted speaker of the article shares the gold
            name's last word), ``"wrong_role"``, ``"spurious_role"`` (a role predicted for a
            speaker the article gives none), ``"wrong_organization"`` or ``"wrong_party"``.
        doc_id: The article's id.
        speaker: The gold speaker.
        gold: The gold value (role, organization or party), or ``None``.
        predicted: The predicted value, or ``None``.
        predicted_speaker: The name of the predicted speaker it was compared with.
        evidence: The article's words around the gold ``evidence`` (marked ``⟦ ⟧``), or,
            where the gold gives none, around the speaker's first mention; the bare gold
            evidence where the article's text is not at hand; ``None`` where there is nothing.
        evidence_start: Offset of the gold evidence in the article, where the gold gives it.
    """

    kind: RoleErrorKind
    doc_id: Any
    speaker: str
    gold: str | None
    predicted: str | None
    predicted_speaker: str | None
    evidence: str | None
    evidence_start: int | None

    def to_dict(self) -> dict[str, Any]:
        """Return the item as a JSON-ready dict (one line of the errors file)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class IdCheck:
    """How gold articles and predictions paired up by ``id``. Empty tuples where all is well.

    Ids are compared with their JSON type: ``1`` and ``"1"`` do not pair.

    Attributes:
        predictions_not_in_gold: Ids of predictions no gold article has; not scored.
        gold_without_prediction: Ids of gold articles with no prediction; scored as
            predicting nothing (articles quotekit failed on are in ``Report.failures``
            instead).
        duplicate_gold_ids: Ids that more than one gold article has; only the first such
            article is scored.
        duplicate_prediction_ids: Ids that more than one prediction has; only the first
            is used.
        type_mismatched_ids: Those of ``predictions_not_in_gold`` that equal a gold id
            written as the other JSON type (``"1"`` against ``1``).
        role_gold_without_prediction: Ids of role-gold articles with no prediction; their
            speakers count as not found.
    """

    predictions_not_in_gold: tuple[Any, ...] = ()
    gold_without_prediction: tuple[Any, ...] = ()
    duplicate_gold_ids: tuple[Any, ...] = ()
    duplicate_prediction_ids: tuple[Any, ...] = ()
    type_mismatched_ids: tuple[Any, ...] = ()
    role_gold_without_prediction: tuple[Any, ...] = ()

    def to_dict(self) -> dict[str, list[Any]]:
        """Return every field as a JSON-ready list."""
        return {name: list(getattr(self, name)) for name in self.__dataclass_fields__}

    def messages(self) -> list[str]:
        """Return one line per problem found, with counts and the first few ids.

        Returns:
            The lines, empty where every id paired up once.
        """
        out = []
        if self.predictions_not_in_gold:
            out.append(_id_line(self.predictions_not_in_gold,
                                "prediction id(s) not in the gold, not scored"))
        if self.type_mismatched_ids:
            out.append(_id_line(
                self.type_mismatched_ids,
                "of them equal a gold id of the other JSON type (\"1\" against 1): ids keep "
                "their JSON type, write them the same way in both files"))
        if self.gold_without_prediction:
            out.append(_id_line(self.gold_without_prediction,
                                "gold article(s) without a prediction, scored as empty"))
        if self.duplicate_gold_ids:
            out.append(_id_line(self.duplicate_gold_ids,
                                "gold id(s) given more than once: only the first article "
                                "with each was scored"))
        if self.duplicate_prediction_ids:
            out.append(_id_line(self.duplicate_prediction_ids,
                                "prediction id(s) given more than once: only the first "
                                "prediction for each was used"))
        if self.role_gold_without_prediction:
            out.append(_id_line(self.role_gold_without_prediction,
                                "role-gold article(s) without a prediction: their speakers "
                                "count as not found"))
        return out


def _id_line(ids: Sequence[Any], what: str) -> str:
    shown = ", ".join(json.dumps(i, ensure_ascii=False) for i in ids[:_SHOWN_IDS])
    more = ", …" if len(ids) > _SHOWN_IDS else ""
    return f"{len(ids)} {what} (e.g. {shown}{more})"


@dataclass(frozen=True, slots=True)
class RoleReport:
    """Role, organization and party scores against a role gold (``role_check.py``'s figures).

    A gold speaker is *found* when a predicted speaker of its article has the last word of
    the gold name among the words of its name or role; where several have, the one sharing
    most name-words is taken (then the shortest name). Words are compared lower-cased, with
    "the", "a", "an", "of", "for", "at", "in" and "'s" dropped and a final "s" taken off
    words over four letters (not "ss").

    Attributes:
        speakers_found: Share of gold speakers found.
        role_acc: Among found speakers whose gold has a role, the share whose predicted
            role has every gold role word and no word beyond them and the gold
            organization's; 0.0 where there are none.
        org_acc: Among found speakers whose gold has an organization, the share where
            every gold organization word is in the predicted organization or role.
        no_role_right: Among found speakers whose gold has no role, the share given none.
        party_acc: Among found speakers whose gold has a party, the share whose predicted
            ``party`` names the same party ("D", "Dem." and "Democratic" are one party;
            likewise "R"/"GOP"/"Republican", "Tory"/"Conservative"); ``None`` where the gold
            states no party. Not a ``role_check.py`` figure.
        n_gold: Gold speakers.
        n_role: Found speakers whose gold has a role.
        n_org: Found speakers whose gold has an organization.
        n_party: Found speakers whose gold has a party.
    """

    speakers_found: float
    role_acc: float
    org_acc: float
    no_role_right: float
    party_acc: float | None
    n_gold: int
    n_role: int
    n_org: int
    n_party: int

    def to_dict(self) -> dict[str, Any]:
        """Return the figures, ``role_check.py``'s keys first."""
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
        roles: The scores against a role gold, where one was given.
        ids: How gold and predictions paired up by id.
        errors: Every missed, spurious and wrong-speaker unit, in article and text order.
        role_errors: Every role-gold miss, in role-gold order.
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
    roles: RoleReport | None = None
    ids: IdCheck = field(default_factory=IdCheck, compare=False)
    errors: tuple[ErrorItem, ...] = field(default=(), repr=False, compare=False)
    role_errors: tuple[RoleErrorItem, ...] = field(default=(), repr=False, compare=False)
    failures: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the metrics as a JSON-ready dict (``errors`` and ``failures`` left out).

        Returns:
            The README's report keys, then ``role_acc``, ``organization_acc``, ``tau``,
            ``model``, ``roles`` (the role-gold figures, or ``None``) and ``ids`` (the id
            problems, each a list, empty where there are none).
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
            "roles": self.roles.to_dict() if self.roles is not None else None,
            "ids": self.ids.to_dict(),
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
        if self.roles is not None:
            r = self.roles
            rows += [
                ("role gold: speakers found", "roles.speakers_found", _fmt(r.speakers_found)),
                ("role gold: role accuracy", "roles.role_acc", _fmt(r.role_acc)),
                ("role gold: organization accuracy", "roles.org_acc", _fmt(r.org_acc)),
                ("role gold: no role, none given", "roles.no_role_right", _fmt(r.no_role_right)),
                ("role gold: party accuracy", "roles.party_acc", _fmt(r.party_acc)),
                ("role gold: speakers", "roles.n_gold", str(r.n_gold)),
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


def _show(value: object) -> str:
    """Name a JSON value's type and show it, shortened: ``a list [1, 2]``."""
    kinds = {list: "a list", tuple: "a list", dict: "an object", bool: "a boolean",
             float: "a number", int: "an integer", str: "a string", type(None): "null"}
    kind = kinds.get(type(value), type(value).__name__)
    if value is None:
        return kind
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "…"
    return f"{kind} {shown}"


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
        hint = (" (this byte is a curly quotation mark in cp1252: re-save the file as UTF-8)"
                if bad in (0x91, 0x92, 0x93, 0x94) else ": re-save the file as UTF-8")
        raise InputFormatError(
            f"{where}: not UTF-8, byte 0x{bad:02x} at byte {exc.start + 1} of the line{hint}"
        ) from None


def _read_jsonl(path: str | os.PathLike[str], what: str) -> Iterator[tuple[str, Any]]:
    """Yield ``(location, object)`` per non-blank line of a UTF-8 JSON Lines file."""
    name = os.fspath(path)
    try:
        fh = open(name, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise FileNotFoundError(f"{what} file not found: {name}") from None
    with fh:
        for n, raw in enumerate(fh, 1):
            where = f"{name}, line {n}"
            line = _decode(raw, where)
            if n == 1:
                line = line.removeprefix("\ufeff")  # a byte-order mark some editors write
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputFormatError(
                    f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
            except RecursionError:
                raise InputFormatError(f"{where}: JSON nested too deeply") from None
            yield where, obj


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_id(where: str, value: object) -> ArticleId:
    if isinstance(value, str) or _is_int(value):
        return value  # type: ignore[return-value]
    raise InputFormatError(f"{where}: 'id' must be a string or an integer, got {_show(value)}")


def _check_range(where: str, label: str, s: object, e: object, n: int) -> None:
    if not (_is_int(s) and _is_int(e)):
        raise InputFormatError(
            f"{where}: {label} offsets must be ints, got {_show(s)}, {_show(e)}")
    assert isinstance(s, int) and isinstance(e, int)
    if not 0 <= s <= e <= n:
        raise InputFormatError(
            f"{where}: {label} offsets {s}..{e} are outside the text (0..{n}) or reversed"
        )


def _check_str(where: str, label: str, key: str, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InputFormatError(
            f"{where}: {label} {key!r} must be a string or null, got {_show(value)}")


_GOLD_STR_FIELDS = ("kind", "speaker", "speaker_entity", "role", "organization")


def _validate_gold_quote(where: str, label: str, q: object, n: int) -> None:
    if not isinstance(q, Mapping):
        raise InputFormatError(f"{where}: {label} must be an object, got {_show(q)}")
    if "start" not in q or "end" not in q:
        raise InputFormatError(f"{where}: {label} lacks 'start'/'end'")
    _check_range(where, label, q["start"], q["end"], n)
    frags = q.get("fragments")
    if frags:
        if not isinstance(frags, list):
            raise InputFormatError(
                f"{where}: {label} 'fragments' must be a list of [start, end], got "
                f"{_show(frags)}")
        for f in frags:
            if not (isinstance(f, list) and len(f) == 2):
                raise InputFormatError(
                    f"{where}: {label} has a fragment that is not [start, end]: {_show(f)}")
            _check_range(where, f"{label} fragment", f[0], f[1], n)
    if q.get("speaker_start") is not None or q.get("speaker_end") is not None:
        _check_range(where, f"{label} speaker", q.get("speaker_start"), q.get("speaker_end"), n)
    for key in _GOLD_STR_FIELDS:
        _check_str(where, label, key, q.get(key))
    aliases = q.get("speaker_aliases")
    if aliases is not None and not (
        isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)
    ):
        raise InputFormatError(
            f"{where}: {label} 'speaker_aliases' must be a list of strings, got {_show(aliases)}")


def _validate_gold(where: str, doc: Mapping[str, Any]) -> None:
    missing = [k for k in ("id", "text", "quotes") if k not in doc]
    if missing:
        raise InputFormatError(
            f"{where}: gold article lacks {', '.join(map(repr, missing))} (a gold line is "
            '{"id": ..., "text": ..., "quotes": [...]})')
    _check_id(where, doc["id"])
    text, quotes = doc["text"], doc["quotes"]
    if not isinstance(text, str):
        raise InputFormatError(f"{where}: 'text' must be a string, got {_show(text)}")
    if not isinstance(quotes, list):
        raise InputFormatError(f"{where}: 'quotes' must be a list, got {_show(quotes)}")
    for qi, q in enumerate(quotes):
        _validate_gold_quote(where, f"quote {qi}", q, len(text))


def _load_gold(gold: object) -> list[Mapping[str, Any]]:
    docs: list[Mapping[str, Any]] = []
    if _is_path(gold):
        assert isinstance(gold, (str, os.PathLike))
        for where, obj in _read_jsonl(gold, "gold"):
            if not isinstance(obj, Mapping):
                raise InputFormatError(
                    f"{where}: a gold line must be a JSON object, got {_show(obj)}")
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


def _check_pair(where: str, label: str, pair: object) -> None:
    if not (isinstance(pair, (list, tuple)) and len(pair) == 2 and all(map(_is_int, pair))):
        raise InputFormatError(
            f"{where}: {label} needs int 'start'/'end' (or 'parts' of [start, end]), got "
            f"{_show(pair)}")
    if not 0 <= pair[0] <= pair[1]:
        raise InputFormatError(
            f"{where}: {label} offsets {pair[0]}..{pair[1]} are negative or reversed")


def _validate_speaker(where: str, label: str, sp: object) -> None:
    if sp is None:
        return
    if not isinstance(sp, Mapping):
        raise InputFormatError(
            f"{where}: {label} 'speaker' must be an object {{\"name\": ...}} or null, got "
            f"{_show(sp)}")
    for key in ("name", "role", "organization", "party"):
        _check_str(where, f"{label} speaker", key, sp.get(key))
    mentions = sp.get("mentions")
    if mentions is not None:
        if not isinstance(mentions, list):
            raise InputFormatError(
                f"{where}: {label} speaker 'mentions' must be a list of [start, end], got "
                f"{_show(mentions)}")
        for m in mentions:
            _check_pair(where, f"{label} speaker mention", m)


def _validate_pred_quote(where: str, qi: int, q: object) -> None:
    label = f"quote {qi}"
    if not isinstance(q, Mapping):
        raise InputFormatError(f"{where}: {label} must be an object, got {_show(q)}")
    parts = q.get("parts")
    if parts:
        if not isinstance(parts, list):
            raise InputFormatError(
                f"{where}: {label} 'parts' must be a list of [start, end], got {_show(parts)}")
        for sp in parts:
            _check_pair(where, f"{label} part", sp)
    else:
        _check_pair(where, label, [q.get("start"), q.get("end")])
    _validate_speaker(where, label, q.get("speaker"))
    m = q.get("speaker_mention")
    if m is not None:
        ok = isinstance(m, Mapping) and all(
            v is None or _is_int(v) for v in (m.get("start"), m.get("end")))
        if not ok:
            raise InputFormatError(
                f"{where}: {label} 'speaker_mention' must be an object with int 'start' and "
                f"'end', or null, got {_show(m)}")


def _validate_pred(where: str, doc: Mapping[str, Any]) -> None:
    quotes = doc.get("quotes")
    if not isinstance(quotes, list):
        raise InputFormatError(
            f"{where}: a prediction needs a 'quotes' list, got {_show(quotes)}")
    for qi, q in enumerate(quotes):
        _validate_pred_quote(where, qi, q)


@dataclass(slots=True)
class _Pred:
    """One prediction record, where it came from and the rule behind each quotation."""

    key: ArticleId | None  # None: it belongs to the gold article at position ``pos``
    pos: int
    where: str
    rec: Mapping[str, Any]
    rules: list[str | None]


def _rule_name(rule: object) -> str | None:
    return None if rule is None else str(rule)


def _pred_from_result(item: Result, pos: int) -> _Pred:
    rec = item.to_dict()
    rules = [_rule_name(getattr(q, "rule", None)) for q in item.quotes]
    key = item.id if item.id is None or isinstance(item.id, (str, int)) else str(item.id)
    return _Pred(key, pos, f"prediction {pos + 1}", rec, rules)


def _pred_from_dict(rec: Mapping[str, Any], pos: int, where: str, need_id: bool) -> _Pred:
    if need_id and "id" not in rec:
        raise InputFormatError(f"{where}: a prediction line must be an object with an 'id'")
    _validate_pred(where, rec)
    key = rec.get("id")
    if key is not None or need_id:
        key = _check_id(where, key)
    rules = [_rule_name(q.get("rule")) for q in rec["quotes"]]
    return _Pred(key, pos, where, rec, rules)


def _load_predictions(
    predictions: object,
) -> tuple[list[_Pred], str | None, list[tuple[str, str]]]:
    """Return the prediction records in order, the model that made them and the failures."""
    out: list[_Pred] = []
    failures: list[tuple[str, str]] = []
    model: str | None = None
    if _is_path(predictions):
        assert isinstance(predictions, (str, os.PathLike))
        for pos, (where, obj) in enumerate(_read_jsonl(predictions, "prediction")):
            if not isinstance(obj, Mapping):
                raise InputFormatError(
                    f"{where}: a prediction line must be an object with an 'id', got "
                    f"{_show(obj)}")
            out.append(_pred_from_dict(obj, pos, where, need_id=True))
        return out, model, failures
    if isinstance(predictions, (bytes, bytearray, Mapping)) or not isinstance(
        predictions, Iterable
    ):
        raise TypeError(
            "predictions must be None, a path to a JSON Lines file or an iterable of "
            f"prediction dicts or quotekit Results, got {type(predictions).__name__}"
        )
    for pos, item in enumerate(predictions):
        if isinstance(item, Failure):
            failures.append((str(item.id), item.error))
        elif isinstance(item, Result):
            model = model or item.model
            out.append(_pred_from_result(item, pos))
        elif isinstance(item, Mapping):
            out.append(_pred_from_dict(item, pos, f"prediction {pos + 1}", need_id=False))
        else:
            raise TypeError(
                f"prediction {pos + 1} must be a dict or a quotekit Result, got "
                f"{type(item).__name__}"
            )
    return out, model, failures


def _run_quotekit(
    docs: Sequence[Mapping[str, Any]], model: object
) -> tuple[list[_Pred], str | None, list[tuple[str, str]]]:
    """Read the gold texts with quotekit; results pair with the gold by position."""
    extractor = load(model=model)
    stream = extractor.pipe(((d["id"], d["text"]) for d in docs), on_error="return")
    out: list[_Pred] = []
    failures: list[tuple[str, str]] = []
    for pos, (doc, item) in enumerate(zip(docs, stream)):
        if isinstance(item, Failure):
            failures.append((str(doc["id"]), item.error))
            continue
        pred = _pred_from_result(item, pos)
        pred.key = doc["id"]  # by position: the id quotekit echoes may be a string
        out.append(pred)
    return out, extractor.model, failures


def _pair(
    docs: Sequence[Mapping[str, Any]], preds: Sequence[_Pred], failed: Iterable[str]
) -> tuple[list[tuple[Mapping[str, Any], _Pred | None]], dict[ArticleId, _Pred], IdCheck]:
    """Pair gold articles with predictions by id, each once; say what did not pair.

    Returns:
        The gold articles to score with their prediction (or ``None``), every prediction
        by id (the first of each), and the id problems.
    """
    first_gold: dict[ArticleId, Mapping[str, Any]] = {}
    dup_gold: list[ArticleId] = []
    for d in docs:
        if d["id"] in first_gold:
            dup_gold.append(d["id"])
        else:
            first_gold[d["id"]] = d
    by_id: dict[ArticleId, _Pred] = {}
    dup_pred: list[ArticleId] = []
    for p in preds:
        if p.key is None:  # no id: the gold article at the same position, if any
            if p.pos >= len(docs):
                continue
            p.key = docs[p.pos]["id"]
        assert p.key is not None
        if p.key in by_id:
            dup_pred.append(p.key)
        else:
            by_id[p.key] = p
    failed_ids = set(failed)
    gold_text_ids = {str(k): k for k in first_gold}
    stray = [k for k in by_id if k not in first_gold]
    check = IdCheck(
        predictions_not_in_gold=tuple(stray),
        gold_without_prediction=tuple(
            k for k in first_gold if k not in by_id and str(k) not in failed_ids),
        duplicate_gold_ids=tuple(dict.fromkeys(dup_gold)),
        duplicate_prediction_ids=tuple(dict.fromkeys(dup_pred)),
        type_mismatched_ids=tuple(k for k in stray if str(k) in gold_text_ids),
    )
    pairs = [(d, by_id.get(k)) for k, d in first_gold.items()]
    return pairs, by_id, check


def _validate_role(where: str, row: object) -> Mapping[str, Any]:
    if not isinstance(row, Mapping):
        raise InputFormatError(f"{where}: a role-gold line must be a JSON object, got {_show(row)}")
    for key in ("id", "speaker"):
        if key not in row:
            raise InputFormatError(
                f"{where}: role-gold line lacks {key!r} (a role-gold line is "
                '{"id": ..., "speaker": ..., "role": ..., "organization": ..., "party": ...})')
    _check_id(where, row["id"])
    if not isinstance(row["speaker"], str):
        raise InputFormatError(f"{where}: 'speaker' must be a string, got {_show(row['speaker'])}")
    for key in ("role", "organization", "party", "evidence"):
        _check_str(where, "role-gold line", key, row.get(key))
    es = row.get("evidence_start")
    if es is not None and not _is_int(es):
        raise InputFormatError(
            f"{where}: 'evidence_start' must be an integer or null, got {_show(es)}")
    return row


def _load_roles(roles: object) -> list[Mapping[str, Any]]:
    if _is_path(roles):
        assert isinstance(roles, (str, os.PathLike))
        return [_validate_role(where, obj) for where, obj in _read_jsonl(roles, "role-gold")]
    if isinstance(roles, (bytes, bytearray, Mapping)) or not isinstance(roles, Iterable):
        raise TypeError(
            "roles must be None, a path to a role-gold JSON Lines file or an iterable of "
            f"role-gold dicts, got {type(roles).__name__}"
        )
    return [_validate_role(f"role-gold item {i}", obj) for i, obj in enumerate(roles, 1)]
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


def _context(text: str, start: int, end: int, width: int = _CONTEXT) -> str:
    def squash(s: str) -> str:
        return _SPACES.sub(" ", s)

    mid = text[start:end]
    if len(mid) > _MAX_QUOTE_IN_CONTEXT:
        half = (_MAX_QUOTE_IN_CONTEXT - 3) // 2
        mid = mid[:half] + " … " + mid[-half:]
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return squash(left) + "⟦" + squash(mid) + "⟧" + squash(right)


def _gold_speaker(g: Mapping[str, Any]) -> str | None:
    name = g.get("speaker") or g.get("speaker_entity")
    return str(name) if name else None


def _pred_speaker(p: Mapping[str, Any]) -> str | None:
    name = (p.get("speaker") or {}).get("name")
    return str(name) if name else None


def _tally_matched(
    golds: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]],
    gu: Sequence[_Unit], pu: Sequence[_Unit], matched: Iterable[tuple[int, int]],
    tot: Counter[str],
) -> list[tuple[int, int]]:
    """Count kinds, roles and speakers over matched unit pairs; return the wrong ones."""
    wrong = []
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
            wrong.append((i, j))
    return wrong


def _score_doc(
    doc: Mapping[str, Any],
    pred: _Pred | None,
    tau: float,
    tot: Counter[str],
    errors: list[ErrorItem],
) -> None:
    text: str = doc["text"]
    golds: list[Mapping[str, Any]] = doc["quotes"]
    preds: list[Mapping[str, Any]] = list(pred.rec["quotes"]) if pred else []
    rules: list[str | None] = pred.rules if pred else []
    n = len(text)  # predicted units past the end are clipped to it, as score.py does
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

    def item(kind: ErrorKind, u: _Unit, g: Mapping[str, Any] | None, pi: int | None
             ) -> ErrorItem:
        return ErrorItem(
            kind, doc["id"], u.start, u.end, text[u.start:u.end],
            _context(text, u.start, u.end), _gold_speaker(g) if g is not None else None,
            _pred_speaker(preds[pi]) if pi is not None else None,
            rules[pi] if pi is not None and pi < len(rules) else None,
        )

    found: list[ErrorItem] = []
    for i, u in enumerate(gu):
        if i in optional_g:
            continue
        tot["gold_" + str(golds[u.quote].get("kind"))] += 1
        tot["role_any"] += bool(golds[u.quote].get("role"))
        tot["org_any"] += bool(golds[u.quote].get("organization"))
        if i not in matched_g:
            found.append(item("missed", u, golds[u.quote], None))
    found += [item("spurious", u, None, u.quote)
              for j, u in enumerate(pu) if j not in matched_p]
    wrong = _tally_matched(golds, preds, gu, pu, matched, tot)
    found += [item("wrong_speaker", gu[i], golds[gu[i].quote], pu[j].quote) for i, j in wrong]
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
# Roles against a role gold (the definitions of the corpora's role_check.py)


def _role_words(s: object) -> list[str]:
    out = []
    low = (s if isinstance(s, str) else "").lower().replace("’", "'")
    for w in _ROLE_WORD.findall(low):
        if w in _ROLE_STOP:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]  # councillors -> councillor: number is not what is being judged
        out.append(w)
    return out


def _party_key(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    low = value.lower().replace("’", "'")
    name = " ".join(w for w in _ROLE_WORD.findall(low) if w not in {"the", "party"})
    if not name:
        return None
    return _PARTY_ALIASES.get(name) or _PARTY_ALIASES.get(name.removesuffix("s")) or name


def _pred_speakers(rec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The article's predicted speakers, one per name (the first quotation's), in order."""
    by_name: dict[str, Mapping[str, Any]] = {}
    for q in rec.get("quotes") or []:
        s = q.get("speaker") or {}
        if s.get("name"):
            by_name.setdefault(s["name"], s)
    return list(by_name.values())


def _find_speaker(
    g: Mapping[str, Any], cands: Sequence[Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    gw = _role_words(g["speaker"])
    key = (gw or [""])[-1]
    found = [s for s in cands
             if key and key in _role_words(s.get("name")) + _role_words(s.get("role"))]
    if not found:
        return None
    # the one sharing most name-words: Hillary Clinton is not Bill Clinton
    return max(found, key=lambda c: (len(set(gw) & set(_role_words(c.get("name")))),
                                     -len(_role_words(c.get("name")))))


def _judge_speaker(
    g: Mapping[str, Any], s: Mapping[str, Any], tot: Counter[str]
) -> list[tuple[RoleErrorKind, str | None, str | None]]:
    """Count one found speaker's role, organization and party; return what was wrong."""
    wrong: list[tuple[RoleErrorKind, str | None, str | None]] = []
    gr, pr = set(_role_words(g.get("role"))), set(_role_words(s.get("role")))
    if g.get("role"):
        tot["role_n"] += 1
        ok = bool(pr) and gr <= pr and not (pr - gr - set(_role_words(g.get("organization"))))
        tot["role_ok"] += ok
        if not ok:
            wrong.append(("wrong_role", g.get("role"), s.get("role")))
    else:
        tot["null_n"] += 1
        tot["null_ok"] += not pr
        if pr:
            wrong.append(("spurious_role", None, s.get("role")))
    if g.get("organization"):
        tot["org_n"] += 1
        have = set(_role_words(s.get("organization")) + _role_words(s.get("role")))
        ok = set(_role_words(g["organization"])) <= have
        tot["org_ok"] += ok
        if not ok:
            wrong.append(("wrong_organization", g["organization"], s.get("organization")))
    if g.get("party"):
        tot["party_n"] += 1
        ok = _party_key(g["party"]) == _party_key(s.get("party"))
        tot["party_ok"] += ok
        if not ok:
            wrong.append(("wrong_party", g["party"], s.get("party")))
    return wrong


def _evidence(
    g: Mapping[str, Any], s: Mapping[str, Any] | None, text: str | None
) -> tuple[str | None, int | None]:
    """The article's words that carry a role: around the gold evidence, else a mention."""
    ev, es = g.get("evidence"), g.get("evidence_start")
    if text is None:
        return ev, es
    if ev and es is not None and 0 <= es <= len(text):
        return _context(text, es, min(len(text), es + len(ev)), _EVIDENCE_CONTEXT), es
    spans = [tuple(m) for m in (s or {}).get("mentions") or [] if 0 <= m[0] <= m[1] <= len(text)]
    if not spans and g["speaker"] and text.find(g["speaker"]) >= 0:
        at = text.find(g["speaker"])
        spans = [(at, at + len(g["speaker"]))]
    if spans:
        a, b = min(spans)
        return _context(text, a, b, _EVIDENCE_CONTEXT), es
    return ev, es


def _score_roles(
    rows: Sequence[Mapping[str, Any]],
    preds: Mapping[ArticleId, _Pred],
    texts: Mapping[ArticleId, str],
) -> tuple[RoleReport, list[RoleErrorItem]]:
    tot: Counter[str] = Counter()
    items: list[RoleErrorItem] = []
    speakers = {k: _pred_speakers(p.rec) for k, p in preds.items()}
    for g in rows:
        tot["n"] += 1
        s = _find_speaker(g, speakers.get(g["id"], []))
        if s is None:
            wrong: list[tuple[RoleErrorKind, str | None, str | None]] = [
                ("speaker_not_found", g["speaker"], None)]
        else:
            tot["found"] += 1
            wrong = _judge_speaker(g, s, tot)
        if wrong:
            ev, es = _evidence(g, s, texts.get(g["id"]))
            name = s.get("name") if s is not None else None
            items += [RoleErrorItem(kind, g["id"], g["speaker"], gv, pv, name, ev, es)
                      for kind, gv, pv in wrong]

    def share(ok: str, n: str) -> float:
        return round(tot[ok] / tot[n], 4) if tot[n] else 0.0

    report = RoleReport(
        speakers_found=share("found", "n"), role_acc=share("role_ok", "role_n"),
        org_acc=share("org_ok", "org_n"), no_role_right=share("null_ok", "null_n"),
        party_acc=_ratio(tot["party_ok"], tot["party_n"]),
        n_gold=tot["n"], n_role=tot["role_n"], n_org=tot["org_n"], n_party=tot["party_n"],
    )
    return report, items


# --------------------------------------------------------------------------------------
# Output


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _refuse_inputs(errors: str | os.PathLike[str], inputs: Mapping[str, object]) -> None:
    for what, path in inputs.items():
        if isinstance(path, (str, os.PathLike)) and _same_file(os.fspath(errors),
                                                               os.fspath(path)):
            raise OptionError(
                f"errors file {os.fspath(errors)!r} is the {what} file: refusing to overwrite "
                "an input, give another path")


def _write_jsonl_atomic(path: str | os.PathLike[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write JSON Lines to a temporary file beside ``path``, then rename it into place.

    A failed or interrupted run leaves an existing file as it was; a device such as
    ``/dev/null`` is written, never replaced (see :class:`quotekit._atomic.AtomicFile`).
    """
    with AtomicFile(path) as out:
        out.stream.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


# --------------------------------------------------------------------------------------
# Public entry points


class IdWarning(QuotekitWarning):
    """Gold articles and predictions did not pair up one to one by id (see :class:`IdCheck`)."""


def _quote_report(tot: Counter[str]) -> dict[str, Any]:
    p = tot["match"] / tot["pred"] if tot["pred"] else 0.0
    r = tot["match"] / tot["gold"] if tot["gold"] else 0.0
    spk = tot["spk_ok"] / tot["spk_gold"] if tot["spk_gold"] else 0.0
    return {
        "quote_P": round(p, 4),
        "quote_R": round(r, 4),
        "quote_F1": round(_f1(p, r), 4),
        "recall_direct": _ratio(tot["match_direct"], tot["gold_direct"]),
        "recall_mixed": _ratio(tot["match_mixed"], tot["gold_mixed"]),
        "recall_partial": _ratio(tot["match_partial"], tot["gold_partial"]),
        "recall_indirect": _ratio(tot["match_indirect"], tot["gold_indirect"]),
        "speaker_acc": round(spk, 4),
        "speaker_acc_direct": _ratio(tot["spk_ok_direct"], tot["spk_gold_direct"]) or 0.0,
        "attribution_F1": round(_f1(p * spk, r * spk), 4),
        "n_gold": tot["gold"],
        "n_pred": tot["pred"],
        "role_acc": _annotated_ratio(tot["role_ok"], tot["role_gold"], tot["role_any"]),
        "organization_acc": _annotated_ratio(tot["org_ok"], tot["org_gold"], tot["org_any"]),
    }


def _check_errors_path(errors: str | os.PathLike[str], inputs: Mapping[str, object]) -> None:
    """Refuse an ``errors`` argument that is not a path, or that names one of the ``inputs``."""
    if not _is_path(errors):
        raise TypeError(
            f"errors must be None or a path (str or pathlib.Path), got {type(errors).__name__}"
        )
    _refuse_inputs(errors, inputs)


def _score_role_gold(
    role_rows: Sequence[Mapping[str, Any]],
    pairs: Sequence[tuple[Mapping[str, Any], _Pred | None]],
    by_id: Mapping[ArticleId, _Pred],
    check: IdCheck,
) -> tuple[RoleReport, list[RoleErrorItem], IdCheck]:
    """Score the role gold; ``check`` gains the role-gold ids that no prediction has."""
    role_report, role_items = _score_roles(
        role_rows, by_id, {d["id"]: d["text"] for d, _ in pairs})
    missing = dict.fromkeys(r["id"] for r in role_rows if r["id"] not in by_id)
    return role_report, role_items, dataclasses.replace(check, role_gold_without_prediction=tuple(missing))


def evaluate(
    gold: str | os.PathLike[str] | Iterable[Mapping[str, Any]],
    predictions: str | os.PathLike[str] | Iterable[Mapping[str, Any] | Result] | None = None,
    *,
    model: object = "auto",
    tau: float = 0.5,
    errors: str | os.PathLike[str] | None = None,
    roles: str | os.PathLike[str] | Iterable[Mapping[str, Any]] | None = None,
) -> Report:
    """Score predictions (or quotekit itself) against gold quotations with speakers.

    Gold and predictions pair by ``id`` with its JSON type (``1`` and ``"1"`` differ).
    Predictions no gold article has, gold articles with no prediction and ids given twice
    are listed in :attr:`Report.ids` and raise an :class:`IdWarning`; only the first
    article (and the first prediction) with an id is used.

    Args:
        gold: A path to a gold JSON Lines file, or an iterable of gold article dicts
            (``{"id", "text", "quotes"}``; see ``docs/formats.md``).
        predictions: ``None`` to run quotekit on the gold texts (with ``model``); a path to a
            prediction JSON Lines file; or an iterable of prediction dicts or
            :class:`~quotekit.Result` objects. A prediction without an id belongs to the gold
            article at the same position; :class:`~quotekit.Failure` items are recorded in
            :attr:`Report.failures` and score as empty predictions.
        model: The model for :func:`quotekit.load` when ``predictions`` is ``None``.
        tau: The Jaccard overlap two units need to match, in (0, 1]: 0.5 by default, 0.9 for
            the strict figure.
        errors: A path to write every missed, spurious and wrong-speaker unit (with the rule
            that attributed it) and every role-gold miss to, as JSON Lines; they are in
            :attr:`Report.errors` and :attr:`Report.role_errors` either way. Written
            atomically; it may not be one of the input files.
        roles: A role gold (a path to JSON Lines, or an iterable of dicts, one speaker
            each) to score speakers' roles, organizations and parties against, in
            :attr:`Report.roles`. The articles' texts, for the evidence of each miss, come
            from ``gold``.

    Returns:
        The :class:`Report`.

    Raises:
        OptionError: ``tau`` is not a number in (0, 1], or ``errors`` names an input file.
        TypeError: ``gold``, ``predictions``, ``roles`` or ``errors`` (or an item of them)
            is of the wrong type.
        InputFormatError: A gold, prediction or role-gold record is malformed (not UTF-8,
            invalid JSON, no id, text or quotes, an id that is not a string or integer,
            a speaker that is not an object, offsets outside the text); the message gives
            the file and line and what was expected.
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
    if errors is not None:
        _check_errors_path(errors, {"gold": gold, "prediction": predictions, "role-gold": roles})
    docs = _load_gold(gold)
    role_rows = _load_roles(roles) if roles is not None else None
    if predictions is None:
        preds, used_model, failures = _run_quotekit(docs, model)
    else:
        preds, used_model, failures = _load_predictions(predictions)
    pairs, by_id, check = _pair(docs, preds, [doc_id for doc_id, _ in failures])

    tot: Counter[str] = Counter()
    items: list[ErrorItem] = []
    for doc, pred in pairs:
        _score_doc(doc, pred, tau, tot, items)
    role_report: RoleReport | None = None
    role_items: list[RoleErrorItem] = []
    if role_rows is not None:
        role_report, role_items, check = _score_role_gold(role_rows, pairs, by_id, check)
    if errors is not None:
        rows = [e.to_dict() for e in items] + [e.to_dict() for e in role_items]
        _write_jsonl_atomic(errors, rows)
    for line in check.messages():
        warnings.warn(line, IdWarning, stacklevel=2)
    return Report(
        **_quote_report(tot), tau=tau, model=used_model, roles=role_report, ids=check,
        errors=tuple(items), role_errors=tuple(role_items), failures=tuple(failures),
    )


_HELP_EPILOG = """\
input formats (JSON Lines, one record a line; docs/formats.md has them in full):
  gold        one article: {"id": "a1", "text": "<the article>", "quotes": [
                {"start": 30, "end": 58, "kind": "direct", "speaker": "Jo Li",
                 "speaker_start": 0, "speaker_end": 5}]}
              id is a string or an integer; start/end are character offsets into text
              and are required; the rest may be left out: "fragments" [[s, e], ...] for a
              quotation in pieces, "speaker_entity", "speaker_aliases", "role",
              "organization", "optional": true (counts neither for nor against)
  --pred      quotekit's own output, one article: {"id": "a1", "quotes": [{"start": 30,
              "end": 58, "parts": [[30, 58]], "speaker": {"name": "Jo Li", "role": null,
              "organization": null, "mentions": [[0, 5]]}, "speaker_mention": {"start": 0,
              "end": 5}}]}; "speaker" is an object or null
  --roles     one speaker: {"id": "a1", "speaker": "Jo Li", "role": "mayor",
              "organization": "Kentside", "party": null, "evidence": "...",
              "evidence_start": 120}

Gold and predictions pair by id, with its JSON type (1 and "1" differ). Predictions
for articles not in the gold, gold articles without a prediction and ids given twice
are named in a warning on stderr and under "ids" in --format json.

exit status: 0 scored, 2 bad input (the message names the file and line)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``quotekit evaluate`` options to a parser (or subparser).

    Args:
        parser: The parser to add ``gold``, ``--pred``, ``--roles``, ``--model``, ``--tau``,
            ``--format`` and ``--errors`` to; its epilog becomes the formats summary.
    """
    parser.epilog = _HELP_EPILOG
    parser.add_argument(
        "gold", metavar="GOLD.jsonl",
        help="gold corpus, JSON Lines: one article a line with id, text and quotes",
    )
    parser.add_argument(
        "--pred", metavar="PRED.jsonl", default=None,
        help="predictions to score, JSON Lines (default: run quotekit on the gold texts)",
    )
    parser.add_argument(
        "--roles", metavar="ROLES.jsonl", default=None,
        help="also score speakers' roles, organizations and parties against this role gold "
             "(one speaker a line)",
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
        help="write missed, spurious and wrong-speaker quotations (with the attribution rule "
             "that fired) and role misses (with the article's evidence) to FILE, JSON Lines",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``quotekit evaluate`` with parsed arguments and print the report to stdout.

    Args:
        args: Arguments parsed by a parser set up with :func:`add_arguments`.

    Returns:
        0 on success; 2 (after a one-line message on stderr) for a missing file or bad input.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", IdWarning)  # printed below, one line each
            report = evaluate(
                args.gold, args.pred, model=args.model, tau=args.tau, errors=args.errors,
                roles=getattr(args, "roles", None),
            )
    except (OSError, QuotekitError, TypeError) as exc:
        print(f"quotekit evaluate: error: {exc}", file=sys.stderr)
        return 2
    for line in report.ids.messages():
        print(f"quotekit evaluate: warning: {line}", file=sys.stderr)
    for doc_id, err in report.failures:
        print(f"quotekit evaluate: article {doc_id} could not be read: {err}", file=sys.stderr)
    if getattr(args, "format", "table") == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(report.to_table())
    return 0
