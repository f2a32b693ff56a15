"""The project's own example articles, read right: every quotation, its kind, speaker and role.

``examples/articles/*.txt`` are ten news stories the project wrote itself, so the right reading
of each is known; ``examples/articles/expected.jsonl`` holds it (one line per article:
``{"id", "quotes": [{"text", "kind", "speaker", "role", "organization", "optional"?}]}``),
decided from the text under quotekit's definition of a quotation (the conventions of the seed
and of ``../shared/corpora/bbc/README.md``), not copied from quotekit's output.

Each expected quotation is its own test in each mode; each article has a test that quotekit
finds nothing that is not expected. ``optional`` items (headline scare quotes, "urged X to",
"according to" a document, study findings) need not be found, but are no error where they are.

How a prediction is matched to an expected quotation: its text (quotation marks, apostrophes
and spaces normalised) contains the expected first words; one of the same kind is preferred,
then one that starts with them. The speaker matches on the last word of the name (either member
of a joint speaker "A and B"), the organization likewise, the role case-insensitively.

Where quotekit reads one wrong today, its test is in ``MISSES`` with what quotekit gives: a
strict xfail, so that a fix shows up as an unexpected pass to be moved out of the table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import regex

from quotekit import Extractor, Quote, Result

ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

#: Marks and spaces that vary between an expected text and quotekit's: curly and straight
#: quotation marks and apostrophes, no-break spaces, runs of white space ("don’t" -> "don't").
_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
#: A run of white space (``"a  \r\n b"``).
_SPACE = regex.compile(r"\s+", regex.VERBOSE)
#: The last word of a name, before a possessive ("the governor’s office" -> "office",
#: "Sen." -> "Sen").
_LAST_WORD = regex.compile(r"(\w[\w-]*)\W*$", regex.VERBOSE)
#: Abbreviated titles as news writes them in front of a name, and their full forms.
_TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative"}


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_MARKS)).strip()


def _last_word(name: str) -> str:
    m = _LAST_WORD.search(_norm(name).removesuffix("'s").removesuffix("'"))
    return m.group(1).casefold() if m else name.casefold()


def _load_expected() -> dict[str, list[dict[str, Any]]]:
    with open(ARTICLES / "expected.jsonl", encoding="utf-8") as f:
        return {d["id"]: d["quotes"] for d in map(json.loads, f)}


EXPECTED = _load_expected()


def _read(stem: str) -> str:
    # newline="" keeps the CRLF line ends of the article that has them.
    with open(ARTICLES / f"{stem}.txt", encoding="utf-8", newline="") as f:
        return f.read()


_RESULTS: dict[tuple[str, str], Result] = {}


def _read_with(extractor: Extractor, mode: str, stem: str) -> Result:
    """The result of ``extractor`` on article ``stem``, read once per mode."""
    key = (mode, stem)
    if key not in _RESULTS:
        _RESULTS[key] = extractor.extract(_read(stem), id=stem)
    return _RESULTS[key]


def match(expected: list[dict[str, Any]], result: Result) -> list[Quote | None]:
    """The predicted quotation each expected one is matched to (``None`` where none is).

    Two passes, so that a missed partial does not take the reported clause it is nested in
    from the indirect quotation that is expected there: first only quotations of the
    expected kind, then any quotation left.
    """
    predicted = list(result)
    texts = [_norm(q.text) for q in predicted]
    taken: set[int] = set()
    found: list[Quote | None] = [None] * len(expected)
    for same_kind in (True, False):
        for i, exp in enumerate(expected):
            if found[i] is not None:
                continue
            words = _norm(exp["text"])
            hits = [
                j for j, q in enumerate(predicted)
                if j not in taken and words in texts[j] and (q.kind == exp["kind"] or not same_kind)
            ]
            if hits:
                best = min(hits, key=lambda j: (not texts[j].startswith(words), len(texts[j])))
                taken.add(best)
                found[i] = predicted[best]
    return found


def _same_name(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is got
    return _last_word(got) in {_last_word(member) for member in expected.split(" and ")}


def _same_organization(expected: str | None, got: str | None) -> bool:
    """Last words alike ("Commission", "Riverton County Commission"), or a short form that
    opens the full name with two words or more ("Mercy Lakes" for "Mercy Lakes Health")."""
    if expected is None or got is None:
        return expected is got
    short = _norm(got).casefold().removeprefix("the ").split()
    return _same_name(expected, got) or (
        len(short) >= 2 and _norm(expected).casefold().removeprefix("the ").split()[: len(short)] == short
    )


def _same_role(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is got

    def norm(role: str) -> str:
        role = _norm(role).casefold().removeprefix("the ").rstrip(".")
        return _TITLE_ABBREVIATIONS.get(role, role)

    return norm(expected) == norm(got)


def reading_errors(exp: dict[str, Any], q: Quote | None) -> list[str]:
    """What is wrong with the prediction ``q`` for the expected quotation ``exp``."""
    if q is None:
        return ["not found"]
    speaker = q.speaker
    got = {
        "kind": q.kind,
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "organization": speaker.organization if speaker else None,
    }
    checks = {
        "kind": exp["kind"] == q.kind,
        "speaker": _same_name(exp["speaker"], got["speaker"]),
        "role": _same_role(exp["role"], got["role"]),
        "organization": _same_organization(exp["organization"], got["organization"]),
    }
    return [f"{field}: expected {exp[field]!r}, got {got[field]!r}" for field, ok in checks.items() if not ok]


def _both(what: Any) -> dict[str, Any]:
    return {"blank": what, "trained": what}


#: Known misses: (article, expected first words) -> {mode: what quotekit gives}. Each is a
#: strict xfail in that mode.
MISSES: dict[tuple[str, str], dict[str, str]] = {
}

#: Articles where quotekit finds quotations that are not expected: article -> {mode: what}.
EXTRAS: dict[str, dict[str, list[str]]] = {
}


def what_quotekit_gives(exp: dict[str, Any], q: Quote | None) -> str:
    """The fields ``q`` gets wrong for ``exp``, as quotekit gives them ("speaker 'X', role None")."""
    if q is None:
        return "not found"
    speaker = q.speaker
    got = {
        "kind": q.kind,
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "organization": speaker.organization if speaker else None,
    }
    wrong = [error.split(":", 1)[0] for error in reading_errors(exp, q)]
    return ", ".join(f"{field} {got[field]!r}" for field in wrong)


def _mode(request: pytest.FixtureRequest) -> str:
    return str(request.node.callspec.params["extractor"])


def _quote_id(stem: str, exp: dict[str, Any]) -> str:
    return f"{stem}:{exp['kind']}:{_norm(exp['text'])[:40]}"


QUOTE_CASES = [
    pytest.param(stem, exp, id=_quote_id(stem, exp))
    for stem, quotes in sorted(EXPECTED.items())
    for exp in quotes
    if not exp.get("optional")
]


@pytest.mark.parametrize(("stem", "exp"), QUOTE_CASES)
def test_expected_quotation(
    extractor: Extractor, request: pytest.FixtureRequest, stem: str, exp: dict[str, Any]
) -> None:
    mode = _mode(request)
    miss = MISSES.get((stem, exp["text"]), {}).get(mode)
    if miss is not None:
        expected = {k: exp[k] for k in ("kind", "speaker", "role", "organization")}
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"quotekit gives {miss}; expected {expected}"))
    result = _read_with(extractor, mode, stem)
    found = match(EXPECTED[stem], result)[EXPECTED[stem].index(exp)]
    assert reading_errors(exp, found) == [], (exp["text"], found and found.text)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_nothing_unexpected(extractor: Extractor, request: pytest.FixtureRequest, stem: str) -> None:
    mode = _mode(request)
    extra = EXTRAS.get(stem, {}).get(mode)
    if extra is not None:
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"quotekit also gives: {'; '.join(extra)}"))
    result = _read_with(extractor, mode, stem)
    matched = {id(q) for q in match(EXPECTED[stem], result) if q is not None}
    unexpected = [(q.kind, q.text[:60]) for q in result if id(q) not in matched]
    assert unexpected == []


def test_expected_file_is_sound() -> None:
    """Every article has its line, and every expected text is in its article exactly once."""
    assert set(EXPECTED) == {p.stem for p in ARTICLES.glob("*.txt")}
    for stem, quotes in EXPECTED.items():
        text = _read(stem)
        for exp in quotes:
            assert text.count(exp["text"]) == 1, (stem, exp["text"])
            assert exp["kind"] in ("direct", "partial", "indirect")
            assert set(exp) <= {"text", "kind", "speaker", "role", "organization", "optional"}


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [
        ("Fergus MacRae", "Mr Fergus MacRae", True),
        ("Dale Hutchins and Maria Esposito", "Maria Esposito", True),
        ("governor’s office", "the governor's office", True),
        ("Fergus MacRae", "Imogen Carlow", False),
        (None, "Imogen Carlow", False),
        ("Imogen Carlow", None, False),
        (None, None, True),
    ],
)
def test_same_name(expected: str | None, got: str | None, same: bool) -> None:
    assert _same_name(expected, got) is same


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [("Riverton County Commission", "Commission", True), ("Mercy Lakes Health", "Mercy Lakes", True),
     ("Mercy Lakes Health", "Mercy", False), ("public works department", "Public", False),
     ("Northvale Constabulary", "Brackenford", False), (None, "Fire", False)],
)
def test_same_organization(expected: str | None, got: str | None, same: bool) -> None:
    assert _same_organization(expected, got) is same


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [("Sen.", "Senator", True), ("president", "President", True), ("director", "festival director", False),
     ("MP", None, False)],
)
def test_same_role(expected: str | None, got: str | None, same: bool) -> None:
    assert _same_role(expected, got) is same
