"""The seed article of ``../shared/seed``: every gold quotation, kind, speaker, role, organization.

The rules are those of ``../shared/hooks/lib/seed_check.py``: gold quotations are matched in
order, each to the unused prediction of best character-set Jaccard overlap (which must be at least
0.9); a speaker is right when the last name-word of a gold name or alias is a word of the
predicted name; a role when its words are the gold role's (organization words allowed); an
organization when it holds the gold organization's words. No ``meta.never_speakers`` person may
be given a quotation. The article is read at run time and never copied into the project.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from conftest import SHARED_DIR

from quotekit import Extractor

GOLD_PATH = SHARED_DIR / "seed" / "met_police.gold.jsonl"
TAU = 0.9
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their", "our"}
STOP = {"the", "a", "an", "of", "'s", "s"}


def _load_gold() -> dict[str, Any] | None:
    if not GOLD_PATH.is_file():
        return None
    with GOLD_PATH.open(encoding="utf-8") as f:
        return json.loads(f.readline())


GOLD = _load_gold()
SKIP_REASON = f"../shared not present (no {GOLD_PATH})"


def content_chars(text: str, spans: Iterable[Iterable[int]]) -> frozenset[int]:
    """Offsets of the characters of ``spans`` that are neither white space nor punctuation."""
    out = set()
    for s, e in spans:
        for i in range(max(0, s), min(len(text), e)):
            c = text[i]
            cat = unicodedata.category(c)
            if not (c.isspace() or cat.startswith(("P", "Z"))):
                out.add(i)
    return frozenset(out)


def name_words(name: str | None) -> list[str]:
    """Lowercase words of a name, possessive and pronouns dropped."""
    out = []
    for w in (name or "").split():
        w = w.strip(".,;:()[]’'\"“”")
        for suffix in ("’s", "'s"):
            w = w.removesuffix(suffix)
        if w and w[0].isalpha() and w.lower() not in PRONOUNS:
            out.append(w.lower())
    return out


def words(s: str | None) -> set[str]:
    """The word set of a role or organization, as seed_check compares them."""
    norm = " ".join((s or "").lower().replace("’", "'").split())
    return {w.strip(".,'’") for w in norm.split()} - STOP


def gold_ids(with_role: bool = False) -> list[Any]:
    """One pytest param per non-optional gold quotation (or one skip where the gold is absent).

    Args:
        with_role: Only the quotations whose gold gives a role or an organization.
    """
    if GOLD is None:
        return [pytest.param(-1, id="absent", marks=pytest.mark.skip(reason=SKIP_REASON))]
    return [pytest.param(i, id=f"q{i:02d}-{g['kind']}")
            for i, g in enumerate(GOLD["quotes"]) if not g.get("optional")
            and (not with_role or g.get("role") or g.get("organization"))]


_MATCHES: dict[str, tuple[dict[int, tuple[Mapping[str, Any] | None, float]], list[dict[str, Any]]]] = {}


def matched(extractor: Extractor) -> tuple[dict[int, tuple[Mapping[str, Any] | None, float]],
                                           list[dict[str, Any]]]:
    """Gold index -> (matched prediction or None, overlap), and every prediction (cached per model)."""
    if GOLD is None:
        pytest.skip(SKIP_REASON)
    if extractor.model not in _MATCHES:
        text = GOLD["text"]
        preds = extractor.extract(text, id=GOLD["id"]).to_dict()["quotes"]
        psets = [content_chars(text, p.get("parts") or [[p["start"], p["end"]]]) for p in preds]
        used: set[int] = set()
        out: dict[int, tuple[Mapping[str, Any] | None, float]] = {}
        for gi, g in enumerate(GOLD["quotes"]):
            if g.get("optional"):
                continue
            gs = content_chars(text, g.get("fragments") or [[g["start"], g["end"]]])
            best, bj = None, 0.0
            for j, ps in enumerate(psets):
                if j in used or not ps:
                    continue
                jac = len(gs & ps) / len(gs | ps)
                if jac > bj:
                    best, bj = j, jac
            if best is None or bj < TAU:
                out[gi] = (None, bj)
                continue
            used.add(best)
            out[gi] = (preds[best], bj)
        _MATCHES[extractor.model] = (out, preds)
    return _MATCHES[extractor.model]


def _gold(i: int) -> Mapping[str, Any]:
    assert GOLD is not None
    return GOLD["quotes"][i]


@pytest.mark.parametrize("i", gold_ids())
def test_seed_quote_found(extractor: Extractor, i: int) -> None:
    pred, overlap = matched(extractor)[0][i]
    assert pred is not None, f"not found (best overlap {overlap:.2f}): {_gold(i)['text'][:50]!r}"


@pytest.mark.parametrize("i", gold_ids())
def test_seed_kind(extractor: Extractor, i: int) -> None:
    pred, _ = matched(extractor)[0][i]
    if pred is None:
        pytest.fail("quotation not found")
    assert pred["kind"] == _gold(i)["kind"]


@pytest.mark.parametrize("i", gold_ids())
def test_seed_speaker(extractor: Extractor, i: int) -> None:
    g = _gold(i)
    pred, _ = matched(extractor)[0][i]
    if pred is None:
        pytest.fail("quotation not found")
    pname = (pred.get("speaker") or {}).get("name") or ""
    if not g.get("speaker"):
        assert not pname, f"speaker {pname!r} given to an unattributed quotation"
        return
    pwords = set(name_words(pname))
    names = [g["speaker"], *g.get("speaker_aliases", [])]
    assert any(name_words(n) and name_words(n)[-1] in pwords for n in names), (pname, g["speaker"])


@pytest.mark.parametrize("i", gold_ids(with_role=True))
def test_seed_role_and_organization(extractor: Extractor, i: int) -> None:
    g = _gold(i)
    pred, _ = matched(extractor)[0][i]
    if pred is None:
        pytest.fail("quotation not found")
    sp = pred.get("speaker") or {}
    if g.get("role"):
        prole = words(sp.get("role"))
        grole = words(g["role"])
        assert prole and grole <= prole and not (prole - grole - words(g.get("organization"))), (
            sp.get("role"), g["role"])
    if g.get("organization"):
        gorg = words(g["organization"])
        assert gorg and gorg <= words(sp.get("organization")), (sp.get("organization"), g["organization"])


def test_seed_never_speakers(extractor: Extractor) -> None:
    if GOLD is None:
        pytest.skip(SKIP_REASON)
    bad = {name_words(n)[-1] for n in GOLD["meta"]["never_speakers"]}
    for p in matched(extractor)[1]:
        name = (p.get("speaker") or {}).get("name") or ""
        assert not set(name_words(name)) & bad, f"never-speaker {name!r} given a quotation"


def test_seed_offsets(extractor: Extractor) -> None:
    if GOLD is None:
        pytest.skip(SKIP_REASON)
    text = GOLD["text"]
    for p in matched(extractor)[1]:
        assert " ".join(text[s:e] for s, e in p["parts"]) == p["text"]
        for s, e in p["parts"]:
            assert p["start"] <= s < e <= p["end"]
