"""Tests of quotekit.evaluate on tiny hand-made gold and prediction pairs."""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
from pathlib import Path
from typing import Any

import pytest

import quotekit.evaluate as ev
from quotekit import Failure, OptionError, Quote, QuotekitError, Result, Span, Speaker
from quotekit.evaluate import ErrorItem, Report, add_arguments, evaluate, run

REPORT_KEYS = [
    "quote_P", "quote_R", "quote_F1", "recall_direct", "recall_mixed", "recall_partial",
    "recall_indirect", "speaker_acc", "speaker_acc_direct", "attribution_F1", "n_gold", "n_pred",
    "role_acc", "organization_acc", "tau", "model", "roles", "ids",
]
SCORE_KEYS = REPORT_KEYS[:12]

# ---------------------------------------------------------------------------------------------
# helpers: offsets are found in the invented texts, never typed by hand


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def gq(text: str, sub: str, *, kind: str = "direct", speaker: str | None = None,
       nth: int = 0, **extra: Any) -> dict[str, Any]:
    """A gold quote over ``sub``; its speaker span is the first occurrence of ``speaker``."""
    s, e = span(text, sub, nth)
    q: dict[str, Any] = {"start": s, "end": e, "text": sub, "kind": kind, "speaker": speaker,
                         "speaker_start": None, "speaker_end": None}
    if speaker and speaker in text:
        q["speaker_start"], q["speaker_end"] = span(text, speaker)
    q.update(extra)
    return q


def pq(text: str, sub: str, name: str | None = None, *, nth: int = 0,
       mention: tuple[int, int] | None = None, **extra: Any) -> dict[str, Any]:
    """A predicted quote over ``sub`` given to ``name``."""
    s, e = span(text, sub, nth)
    q: dict[str, Any] = {"text": sub, "start": s, "end": e, "parts": [[s, e]], "kind": "direct",
                         "speaker": None, "speaker_mention": None}
    if name is not None:
        q["speaker"] = {"name": name, "type": "person", "role": None, "organization": None,
                        "mentions": []}
    if mention is not None:
        q["speaker_mention"] = {"start": mention[0], "end": mention[1],
                                "text": text[mention[0]:mention[1]]}
    q.update(extra)
    return q


def one(text: str, golds: list[dict[str, Any]], preds: list[dict[str, Any]], **kw: Any) -> Report:
    return evaluate([{"id": "d1", "text": text, "quotes": golds}],
                    [{"id": "d1", "quotes": preds}], **kw)


T1 = 'Mara Quill said: "The ferry to the island will run every hour from June."'
Q1 = "The ferry to the island will run every hour from June."

# ---------------------------------------------------------------------------------------------
# quotation matching


def test_exact_match_scores_one() -> None:
    r = one(T1, [gq(T1, Q1, speaker="Mara Quill")], [pq(T1, Q1, "Mara Quill")])
    assert (r.quote_P, r.quote_R, r.quote_F1) == (1.0, 1.0, 1.0)
    assert (r.speaker_acc, r.speaker_acc_direct, r.attribution_F1) == (1.0, 1.0, 1.0)
    assert (r.n_gold, r.n_pred) == (1, 1)
    assert r.errors == ()


T2 = 'Ola Brandt wrote: "one two three four" on Sunday.'


@pytest.mark.parametrize(
    ("pred", "tau", "matched"),
    [
        ("one two", 0.5, False),             # 6 / 15 = 0.40
        ("one two three", 0.5, True),        # 11 / 15 = 0.73
        ("one two three", 0.9, False),       # strict
        ("one two three", 0.7, True),
        ("one two three four", 0.9, True),
        ('"one two three four"', 1.0, True),  # quotation marks are not content
        ("two three four", 0.7, True),       # 12 / 15 = 0.80
        ("three four", 0.5, True),           # 9 / 15 = 0.60
        ("three four", 0.6, True),
        ("three four", 0.61, False),
    ],
)
def test_partial_overlap_against_tau(pred: str, tau: float, matched: bool) -> None:
    r = one(T2, [gq(T2, "one two three four")], [pq(T2, pred)], tau=tau)
    assert r.quote_R == (1.0 if matched else 0.0)
    assert r.quote_P == (1.0 if matched else 0.0)
    assert r.tau == tau


def test_jaccard_exactly_tau_matches() -> None:
    text = 'Kit said: "abcd efgh" and left.'
    # "abcd" is 4 of 8 content characters: Jaccard exactly 0.5
    assert one(text, [gq(text, "abcd efgh")], [pq(text, "abcd")]).quote_R == 1.0


def test_one_to_one_matching_second_prediction_is_spurious() -> None:
    gold = [gq(T1, Q1, speaker="Mara Quill")]
    preds = [pq(T1, "The ferry to the island will run every hour", "Quill"),
             pq(T1, Q1, "Quill")]
    r = one(T1, gold, preds)
    assert (r.quote_P, r.quote_R, r.n_pred) == (0.5, 1.0, 2)
    spurious = [e for e in r.errors if e.kind == "spurious"]
    assert len(spurious) == 1
    assert spurious[0].text == "The ferry to the island will run every hour"  # best overlap won


def test_ties_go_to_the_first_gold_unit() -> None:
    text = 'Ivo said: "red red" - "red red" again.'
    s1, e1 = span(text, "red red")
    s2, e2 = span(text, "red red", nth=1)
    gold = [gq(text, "red red"), gq(text, "red red", nth=1)]
    # one prediction covering both, equally overlapping each gold (Jaccard 6/12 = 0.5)
    pred = [{"start": s1, "end": e2, "speaker": None}]
    r = one(text, gold, pred)
    assert (r.quote_P, r.quote_R) == (1.0, 0.5)
    missed = [e for e in r.errors if e.kind == "missed"]
    assert [(m.start, m.end) for m in missed] == [(s2, e2)]
    assert e1 < s2


T3 = '"The new bridge will open to traffic in May," she said. "Maybe sooner."'
A3 = "The new bridge will open to traffic in May,"
B3 = "Maybe sooner."


def _split_gold() -> list[dict[str, Any]]:
    a, b = span(T3, A3), span(T3, B3)
    return [{"start": a[0], "end": b[1], "text": T3[a[0]:b[1]], "fragments": [list(a), list(b)],
             "kind": "direct", "speaker": "she", "speaker_start": span(T3, "she")[0],
             "speaker_end": span(T3, "she")[1]}]


def test_fragments_vs_one_prediction_with_parts() -> None:
    a, b = span(T3, A3), span(T3, B3)
    pred = {"start": a[0], "end": b[1], "parts": [list(a), list(b)], "speaker": None}
    r = one(T3, _split_gold(), [pred])
    assert (r.quote_P, r.quote_R, r.n_gold, r.n_pred) == (1.0, 1.0, 2, 2)


def test_fragments_vs_several_predictions() -> None:
    r = one(T3, _split_gold(), [pq(T3, A3), pq(T3, B3)])
    assert (r.quote_P, r.quote_R, r.n_gold, r.n_pred) == (1.0, 1.0, 2, 2)


def test_fragments_vs_one_unbroken_prediction() -> None:
    a, b = span(T3, A3), span(T3, B3)
    pred = {"start": a[0], "end": b[1], "speaker": None}  # runs over "she said" too
    r = one(T3, _split_gold(), [pred])
    assert (r.quote_P, r.quote_R, r.n_gold, r.n_pred) == (1.0, 0.5, 2, 1)


def test_optional_gold_counts_neither_way() -> None:
    text = 'Lu Chen said: "We are ready." A sign read "Closed for repairs".'
    gold = [gq(text, "We are ready.", speaker="Lu Chen"),
            gq(text, "Closed for repairs", optional=True)]
    hit = one(text, gold, [pq(text, "We are ready.", "Chen"), pq(text, "Closed for repairs")])
    miss = one(text, gold, [pq(text, "We are ready.", "Chen")])
    for r in (hit, miss):
        assert (r.quote_P, r.quote_R, r.n_gold, r.n_pred) == (1.0, 1.0, 1, 1)
        assert r.errors == ()


def test_prediction_for_unknown_article_is_not_scored_and_missing_one_is_empty() -> None:
    gold = [{"id": "a", "text": T1, "quotes": [gq(T1, Q1)]},
            {"id": "b", "text": T2, "quotes": [gq(T2, "one two three four")]}]
    preds = [{"id": "a", "quotes": [pq(T1, Q1)]}, {"id": "zzz", "quotes": [pq(T1, Q1)]}]
    with pytest.warns(ev.IdWarning) as caught:
        r = evaluate(gold, preds)
    assert (r.n_gold, r.n_pred, r.quote_P, r.quote_R) == (2, 1, 1.0, 0.5)
    assert r.ids.predictions_not_in_gold == ("zzz",)
    assert r.ids.gold_without_prediction == ("b",)
    assert len(caught) == 2


def test_many_units_in_one_long_article() -> None:
    sentences = [f'Speaker{i} said: "item number {i} is fine".' for i in range(3000)]
    text = " ".join(sentences)
    gold, preds, pos = [], [], 0
    for i, _sent in enumerate(sentences):
        sub = f"item number {i} is fine"
        s = text.index(sub, pos)
        gold.append({"start": s, "end": s + len(sub), "kind": "direct"})
        preds.append({"start": s, "end": s + len(sub) - (i % 2), "speaker": None})
        pos = s + len(sub)
    r = one(text, gold, preds)
    assert (r.quote_F1, r.n_gold, r.n_pred) == (1.0, 3000, 3000)


# ---------------------------------------------------------------------------------------------
# speakers

T4 = 'Ann Lee, the minister, said: "We will build more homes." Critics disagreed.'
Q4 = "We will build more homes."


@pytest.mark.parametrize(
    ("name", "mention_of", "right"),
    [
        ("Ann Lee", None, True),
        ("Lee", None, True),
        ("Dr Ann Lee", None, True),
        ("Lee’s", None, True),           # possessive dropped
        ("Lee's", None, True),
        ("Ann", None, True),             # any name-word of the gold speaker will do
        ("Lee Smith", None, False),      # ... but it is the last predicted one that counts
        ("Bob Stone", None, False),
        ("he", None, False),             # pronouns are never name-words
        ("she", None, False),
        ("she", "Lee", True),            # ... but a mention over the gold span is right
        ("Critics", "Lee", True),
        ("she", "Critics", False),
        (None, None, False),             # no speaker at all
    ],
)
def test_speaker_rule(name: str | None, mention_of: str | None, right: bool) -> None:
    gold = [gq(T4, Q4, speaker="Ann Lee", speaker_entity="Ann Lee")]
    mention = span(T4, mention_of) if mention_of else None
    r = one(T4, gold, [pq(T4, Q4, name, mention=mention)])
    assert r.quote_F1 == 1.0
    assert r.speaker_acc == (1.0 if right else 0.0)
    assert [e.kind for e in r.errors] == ([] if right else ["wrong_speaker"])


def test_speaker_mentions_list_counts() -> None:
    gold = [gq(T4, Q4, speaker="Ann Lee")]
    pred = pq(T4, Q4, "the official")
    pred["speaker"]["mentions"] = [list(span(T4, "Critics")), list(span(T4, "Lee"))]
    assert one(T4, gold, [pred]).speaker_acc == 1.0


def test_gold_possessive_and_lowercase_words() -> None:
    text = 'Mr Stone’s office said: "No comment at this time."'
    gold = [gq(text, "No comment at this time.", speaker="Mr Stone’s office")]
    assert one(text, gold, [pq(text, "No comment at this time.", "Tom Stone")]).speaker_acc == 1.0
    # "office" is not capitalized in the gold span, so it is not a name-word
    assert one(text, gold, [pq(text, "No comment at this time.", "Office")]).speaker_acc == 0.0


T5 = 'The minister said: "Rents must fall." Later she left.'
Q5 = "Rents must fall."


@pytest.mark.parametrize(
    ("extra", "name", "right"),
    [
        ({}, "Minister", False),                                   # lowercase in the span
        ({"speaker_entity": "Ann Lee"}, "Lee", True),
        ({"speaker_entity": "Ann Lee"}, "Ann Smith", False),
        ({"speaker_aliases": ["Annie", "A. Lee"]}, "Annie", True),
        ({"speaker_aliases": ["Annie", "A. Lee"]}, "Ms Lee", True),
        ({"speaker_entity": "Ann Lee", "speaker_aliases": ["Annie"]}, "Bob", False),
    ],
)
def test_speaker_entity_and_aliases(extra: dict[str, Any], name: str, right: bool) -> None:
    gold = [gq(T5, Q5, speaker="The minister", **extra)]
    assert one(T5, gold, [pq(T5, Q5, name)]).speaker_acc == (1.0 if right else 0.0)


def test_gold_pronoun_speaker_needs_the_mention() -> None:
    text = 'She added: "Prices will rise."'
    gold = [gq(text, "Prices will rise.", speaker="She")]
    assert one(text, gold, [pq(text, "Prices will rise.", "She")]).speaker_acc == 0.0
    by_mention = pq(text, "Prices will rise.", "Jo Park", mention=span(text, "She"))
    assert one(text, gold, [by_mention]).speaker_acc == 1.0


def test_gold_without_speaker_is_left_out_of_speaker_accuracy() -> None:
    text = 'Ed Moss said: "Go now." A poster said "Vote early".'
    gold = [gq(text, "Go now.", speaker="Ed Moss"), gq(text, "Vote early", speaker=None)]
    r = one(text, gold, [pq(text, "Go now.", "Moss"), pq(text, "Vote early", "Moss")])
    assert (r.speaker_acc, r.attribution_F1) == (1.0, 1.0)


# ---------------------------------------------------------------------------------------------
# recall by kind, attribution F1


def test_recall_by_kind_and_none_where_absent() -> None:
    text = 'Al Funk said: "The plan works." He added that costs were high.'
    gold = [gq(text, "The plan works.", speaker="Al Funk"),
            gq(text, "that costs were high", kind="indirect", speaker="He")]
    r = one(text, gold, [pq(text, "The plan works.", "Funk")])
    assert (r.recall_direct, r.recall_indirect) == (1.0, 0.0)
    assert r.recall_mixed is None and r.recall_partial is None
    assert r.to_dict()["recall_mixed"] is None


def test_speaker_acc_direct_is_zero_without_direct_gold() -> None:
    text = 'Al Funk said the costs were high.'
    gold = [gq(text, "the costs were high", kind="indirect", speaker="Al Funk")]
    r = one(text, gold, [pq(text, "the costs were high", "Funk")])
    assert (r.speaker_acc, r.speaker_acc_direct) == (1.0, 0.0)


def test_attribution_f1_arithmetic() -> None:
    text = 'Ada Voss said: "First point." Ben Roe said: "Second point." A note: "Third point."'
    gold = [gq(text, "First point.", speaker="Ada Voss"),
            gq(text, "Second point.", speaker="Ben Roe")]
    preds = [pq(text, "First point.", "Voss"), pq(text, "Second point.", "Voss"),
             pq(text, "Third point.", "Voss")]
    r = one(text, gold, preds)
    p, rec, spk = 2 / 3, 1.0, 0.5
    assert (r.quote_P, r.quote_R, r.quote_F1) == (round(p, 4), 1.0, 0.8)
    assert r.speaker_acc == 0.5
    expected = 2 * (p * spk) * (rec * spk) / (p * spk + rec * spk)
    assert r.attribution_F1 == round(expected, 4) == 0.4


def test_nothing_predicted_and_nothing_in_gold() -> None:
    r = one(T1, [], [])
    assert (r.quote_P, r.quote_R, r.quote_F1, r.attribution_F1, r.n_gold, r.n_pred) == (
        0.0, 0.0, 0.0, 0.0, 0, 0)
    kinds = ("direct", "mixed", "partial", "indirect")
    assert all(getattr(r, f"recall_{k}") is None for k in kinds)


# ---------------------------------------------------------------------------------------------
# roles and organizations

T6 = 'The home secretary of Labour, Ann Lee, said: "We act today." Later: "We act again."'


def _role_case(prole: str | None, porg: str | None) -> Report:
    gold = [gq(T6, "We act today.", speaker="Ann Lee", role="home secretary",
               organization="Labour")]
    pred = pq(T6, "We act today.", "Ann Lee")
    pred["speaker"].update(role=prole, organization=porg)
    return one(T6, gold, [pred])


@pytest.mark.parametrize(
    ("prole", "porg", "role_ok", "org_ok"),
    [
        ("Home Secretary", "Labour", True, True),
        ("the home secretary", "the Labour Party", True, True),
        ("Labour home secretary", None, True, False),   # org words are allowed in the role
        ("former home secretary", "Tory", False, False),
        ("secretary", "labour", False, True),
        (None, None, False, False),
    ],
)
def test_role_and_organization_accuracy(prole: str | None, porg: str | None,
                                        role_ok: bool, org_ok: bool) -> None:
    r = _role_case(prole, porg)
    assert r.role_acc == (1.0 if role_ok else 0.0)
    assert r.organization_acc == (1.0 if org_ok else 0.0)


def test_role_accuracy_none_without_annotation_and_zero_when_unmatched() -> None:
    r = one(T1, [gq(T1, Q1, speaker="Mara Quill")], [pq(T1, Q1, "Quill")])
    assert r.role_acc is None and r.organization_acc is None
    gold = [gq(T6, "We act today.", speaker="Ann Lee", role="home secretary")]
    r = one(T6, gold, [])
    assert r.role_acc == 0.0 and r.organization_acc is None


def test_role_accuracy_over_matched_units_only() -> None:
    gold = [gq(T6, "We act today.", speaker="Ann Lee", role="home secretary"),
            gq(T6, "We act again.", speaker="Ann Lee", role="home secretary")]
    pred = pq(T6, "We act today.", "Lee")
    pred["speaker"]["role"] = "Home Secretary"
    r = one(T6, gold, [pred])
    assert (r.role_acc, r.quote_R) == (1.0, 0.5)


# ---------------------------------------------------------------------------------------------
# argument checking


@pytest.mark.parametrize("tau", [0, 0.0, -0.1, 1.0001, 2, float("nan"), float("inf"), "0.5",
                                 None, True])
def test_bad_tau_raises_option_error(tau: Any) -> None:
    with pytest.raises(OptionError) as info:
        evaluate([], [], tau=tau)
    assert "(0, 1]" in str(info.value) and repr(tau) in str(info.value)


@pytest.mark.parametrize("tau", [1, 1.0, 0.001, 0.9])
def test_good_tau(tau: float) -> None:
    assert evaluate([], [], tau=tau).tau == float(tau)


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"gold": 42}, "gold must be a path"),
        ({"gold": b"gold.jsonl"}, "gold must be a path"),
        ({"gold": {"id": "a", "text": "", "quotes": []}}, "gold must be a path"),
        ({"gold": [1, 2]}, "must be a dict"),
        ({"gold": [], "predictions": 42}, "predictions must be"),
        ({"gold": [], "predictions": {"id": "a", "quotes": []}}, "predictions must be"),
        ({"gold": [], "predictions": [object()]}, "dict or a quotekit Result"),
        ({"gold": [], "predictions": [], "errors": 5}, "errors must be None or a path"),
    ],
)
def test_wrong_types_raise_type_error(kwargs: dict[str, Any], needle: str) -> None:
    gold = kwargs.pop("gold")
    with pytest.raises(TypeError, match=needle):
        evaluate(gold, **kwargs)


GOOD_LINE = {"id": "a", "text": "Jo said: \"Hi.\"", "quotes": [{"start": 10, "end": 13}]}


@pytest.mark.parametrize(
    ("bad", "needle"),
    [
        ({"text": "x", "quotes": []}, "lacks 'id'"),
        ({"id": "b", "quotes": []}, "lacks 'text'"),
        ({"id": "b", "text": "x"}, "lacks 'quotes'"),
        ({"id": "b", "text": "abc", "quotes": [{"start": 1, "end": 9}]}, "outside the text"),
        ({"id": "b", "text": "abc", "quotes": [{"start": -1, "end": 2}]}, "outside the text"),
        ({"id": "b", "text": "abc", "quotes": [{"start": 2, "end": 1}]}, "outside the text"),
        ({"id": "b", "text": "abc", "quotes": [{"start": 0, "end": 2,
                                                "fragments": [[0, 1], [2, 7]]}]},
         "fragment offsets"),
        ({"id": "b", "text": "abc", "quotes": [{"start": 0, "end": 2, "speaker_start": 1,
                                                "speaker_end": 40}]}, "speaker offsets"),
        ({"id": "b", "text": "abc", "quotes": [{"start": "0", "end": 2}]}, "must be ints"),
        ({"id": "b", "text": "abc", "quotes": [{"end": 2}]}, "lacks 'start'/'end'"),
        ({"id": "b", "text": 5, "quotes": []}, "'text' must be a string"),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_malformed_gold_file_raises_with_file_and_line(tmp_path: Path, bad: Any,
                                                       needle: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD_LINE) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(QuotekitError) as info:
        evaluate(path, [])
    msg = str(info.value)
    assert needle in msg and str(path) in msg and "line 3" in msg


def test_malformed_gold_iterable_and_invalid_json(tmp_path: Path) -> None:
    with pytest.raises(QuotekitError, match="gold article 2: .*outside the text"):
        evaluate([GOOD_LINE, {"id": "b", "text": "ab", "quotes": [{"start": 0, "end": 3}]}], [])
    path = tmp_path / "gold.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(QuotekitError, match="line 1: not valid JSON"):
        evaluate(str(path), [])


def test_malformed_predictions_raise(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps({"quotes": []}) + "\n", encoding="utf-8")
    with pytest.raises(QuotekitError, match="line 1"):
        evaluate([GOOD_LINE], path)
    with pytest.raises(QuotekitError, match="quote 0 needs int"):
        evaluate([GOOD_LINE], [{"id": "a", "quotes": [{"start": 1}]}])


def test_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="gold file not found"):
        evaluate(tmp_path / "nope.jsonl", [])


# ---------------------------------------------------------------------------------------------
# inputs: files, Result objects, running quotekit


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _small_case() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    text = 'Ada Voss said: "First point." Ben Roe said: "Second point." A note: "Third point."'
    gold = [{"id": "x", "text": text, "quotes": [
        gq(text, "First point.", speaker="Ada Voss"),
        gq(text, "Second point.", speaker="Ben Roe")]}]
    preds = [{"id": "x", "quotes": [pq(text, "First point.", "Voss"),
                                    pq(text, "Third point.", "Roe")]}]
    return gold, preds


def test_files_and_iterables_agree(tmp_path: Path) -> None:
    gold, preds = _small_case()
    a = evaluate(gold, preds)
    b = evaluate(_write_jsonl(tmp_path / "g.jsonl", gold),
                 str(_write_jsonl(tmp_path / "p.jsonl", preds)))
    assert a == b and a.to_dict() == b.to_dict()
    assert a.model is None


def test_result_objects_as_predictions() -> None:
    gold, preds = _small_case()
    results = [Result(quotes=tuple(Quote.from_dict(q) for q in p["quotes"]), model="blank",
                      id=None) for p in preds]  # no id: matched by position
    r = evaluate(gold, results)
    assert r.to_dict() | {"model": None} == evaluate(gold, preds).to_dict()
    assert r.model == "blank"


class _FakeExtractor:
    model = "fake_pipeline"

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.calls: list[dict[str, Any]] = []

    def pipe(self, items: Any, **kw: Any) -> Any:
        self.calls.append(kw)
        for art_id, _text in items:
            yield self.answers[art_id]


def test_runs_quotekit_when_no_predictions(monkeypatch: pytest.MonkeyPatch) -> None:
    text = 'Jo Park said: "We won." Then: "We lost."'
    gold = [{"id": "a", "text": text, "quotes": [gq(text, "We won.", speaker="Jo Park")]},
            {"id": "b", "text": text, "quotes": [gq(text, "We lost.", speaker="Jo Park")]}]
    s, e = span(text, "We won.")
    fake = _FakeExtractor({
        "a": Result(quotes=(Quote("We won.", s, e, ((s, e),), "direct",
                                  Speaker("Jo Park", "person"),
                                  Span(0, 7, "Jo Park")),), model="fake_pipeline", id="a"),
        "b": Failure("b", "ValueError: boom"),
    })
    seen: list[object] = []

    def fake_load(model: object = "auto") -> _FakeExtractor:
        seen.append(model)
        return fake

    monkeypatch.setattr(ev, "load", fake_load)
    r = evaluate(gold, model="blank")
    assert seen == ["blank"] and fake.calls == [{"on_error": "return"}]
    assert (r.quote_P, r.quote_R, r.speaker_acc) == (1.0, 0.5, 1.0)
    assert r.model == "fake_pipeline" and r.failures == (("b", "ValueError: boom"),)


# ---------------------------------------------------------------------------------------------
# errors listing, report


def test_errors_file_and_report_errors(tmp_path: Path) -> None:
    gold, preds = _small_case()
    path = tmp_path / "errors.jsonl"
    preds[0]["quotes"][0]["speaker"]["name"] = "Ben Roe"  # wrong speaker on the first one
    r = evaluate(gold, preds, errors=path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows == [e.to_dict() for e in r.errors]
    assert [row["kind"] for row in rows] == ["wrong_speaker", "missed", "spurious"]
    assert all(isinstance(e, ErrorItem) for e in r.errors)
    text = gold[0]["text"]
    wrong, missed, spurious = rows
    assert wrong == {
        "kind": "wrong_speaker", "doc_id": "x", "start": text.index("First"),
        "end": text.index("First") + len("First point."), "text": "First point.",
        "context": wrong["context"], "gold_speaker": "Ada Voss", "predicted_speaker": "Ben Roe",
        "rule": None}
    assert (missed["text"], missed["gold_speaker"], missed["predicted_speaker"]) == (
        "Second point.", "Ben Roe", None)
    assert (spurious["text"], spurious["gold_speaker"], spurious["predicted_speaker"]) == (
        "Third point.", None, "Roe")
    for row in rows:
        assert f"⟦{row['text']}⟧" in row["context"]
        assert len(row["context"]) <= len(row["text"]) + 2 + 80


def test_context_is_shortened_for_long_quotes_and_flattened() -> None:
    body = " ".join(f"word{i}" for i in range(100))
    text = f'Lin Ng said:\n"{body}" and then left the room quietly.'
    r = one(text, [gq(text, body, speaker="Lin Ng")], [])
    (item,) = r.errors
    assert item.kind == "missed" and item.text == body
    assert "…" in item.context and "\n" not in item.context
    assert item.context.count("⟦") == 1 and item.context.count("⟧") == 1
    assert len(item.context) < 220


def test_report_to_dict_keys_and_table() -> None:
    gold, preds = _small_case()
    r = evaluate(gold, preds, tau=0.9)
    d = r.to_dict()
    assert list(d) == REPORT_KEYS
    assert d["tau"] == 0.9 and d["model"] is None
    assert json.loads(json.dumps(d)) == d
    table = r.to_table()
    for key in REPORT_KEYS[:-4]:
        assert key in table
    assert "n/a" in table  # recall_mixed
    lines = table.splitlines()[2:]
    assert len({len(line) for line in lines}) == 1  # aligned
    with pytest.raises(AttributeError):
        r.quote_P = 0.0  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------
# CLI glue


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="quotekit evaluate")
    add_arguments(parser)
    return parser.parse_args(argv)


def test_cli_defaults() -> None:
    args = _parse(["g.jsonl"])
    assert (args.gold, args.pred, args.model, args.tau, args.format, args.errors) == (
        "g.jsonl", None, "auto", 0.5, "table", None)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_cli_run(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    gold, preds = _small_case()
    g = _write_jsonl(tmp_path / "g.jsonl", gold)
    p = _write_jsonl(tmp_path / "p.jsonl", preds)
    errs = tmp_path / "e.jsonl"
    args = _parse([str(g), "--pred", str(p), "--tau", "0.9", "--format", fmt,
                   "--errors", str(errs)])
    assert run(args) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out) == evaluate(gold, preds, tau=0.9).to_dict()
    else:
        assert out.strip() == evaluate(gold, preds, tau=0.9).to_table()
    assert errs.read_text(encoding="utf-8").count("\n") == 2


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["{tmp}/missing.jsonl", "--pred", "{tmp}/p.jsonl"], "not found"),
        (["{tmp}/g.jsonl", "--pred", "{tmp}/missing.jsonl"], "not found"),
        (["{tmp}/g.jsonl", "--pred", "{tmp}/p.jsonl", "--tau", "1.5"], "tau"),
        (["{tmp}/bad.jsonl", "--pred", "{tmp}/p.jsonl"], "line 1"),
    ],
)
def test_cli_run_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                        needle: str) -> None:
    gold, preds = _small_case()
    _write_jsonl(tmp_path / "g.jsonl", gold)
    _write_jsonl(tmp_path / "p.jsonl", preds)
    (tmp_path / "bad.jsonl").write_text('{"id": "a"}\n', encoding="utf-8")
    args = _parse([a.format(tmp=tmp_path) for a in argv])
    assert run(args) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and needle in captured.err
    assert captured.err.startswith("quotekit evaluate: error:")


# ---------------------------------------------------------------------------------------------
# cross-check with the reference scorer of ../shared (skipped where it is absent)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools/score.py"


@pytest.fixture(scope="module")
def reference() -> Any:
    if not SCORER.is_file():
        pytest.skip(f"reference scorer not found at {SCORER} (needs the shared workspace)")
    spec = importlib.util.spec_from_file_location("_reference_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _synthetic(seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Invented articles with gold quotations and noisy predictions of them."""
    rnd = random.Random(seed)
    names = ["Ann Lee", "Bo Kim", "Cy Diaz", "Dee Fox", "the mayor"]
    docs, preds = [], []
    for d in range(4):
        text, golds = "", []
        for k in range(rnd.randint(0, 8)):
            who = rnd.choice(names)
            words = " ".join(rnd.choice(["tax", "roads", "we", "will", "fix", "it", "soon",
                                         "never", "maybe"]) for _ in range(rnd.randint(1, 9)))
            sp_start = len(text)
            text += f'{who} said: "{words}." '
            q_start = text.index(words, sp_start)
            golds.append({"start": q_start, "end": q_start + len(words) + 1,
                          "kind": rnd.choice(["direct", "mixed", "indirect", "partial"]),
                          "speaker": who, "speaker_start": sp_start,
                          "speaker_end": sp_start + len(who),
                          "speaker_entity": rnd.choice([None, "Ann Lee"]),
                          "speaker_aliases": rnd.choice([[], ["Annie"]]),
                          "optional": rnd.random() < 0.15, "n": k})
        if len(golds) >= 2 and rnd.random() < 0.5:  # a discontinuous one
            a, b = golds.pop(0), golds.pop(0)
            golds.insert(0, {**a, "end": b["end"], "fragments": [[a["start"], a["end"]],
                                                                 [b["start"], b["end"]]]})
        docs.append({"id": f"s{seed}-{d}", "text": text, "quotes": golds})
        pq_list = []
        for g in golds:
            if rnd.random() < 0.2:
                continue
            sh, sh2 = rnd.randint(-6, 6), rnd.randint(-6, 6)
            name = rnd.choice(["Lee", "Kim’s", "he", "Annie", "Mayor", "Fox", None])
            mention = rnd.choice([None, [g["speaker_start"], g["speaker_start"] + 2],
                                  [0, 1]])
            pq_list.append({
                "start": max(0, g["start"] + sh), "end": max(0, g["end"] + sh2),
                "speaker": {"name": name, "mentions": []} if name else None,
                "speaker_mention": {"start": mention[0], "end": mention[1]} if mention else None,
            })
            if rnd.random() < 0.2:
                pq_list.append({"start": g["start"], "end": g["end"], "speaker": None})
        preds.append({"id": f"s{seed}-{d}", "quotes": pq_list})
    return docs, preds


@pytest.mark.parametrize("tau", [0.5, 0.9, 0.3])
@pytest.mark.parametrize("seed", range(8))
def test_matches_reference_scorer(reference: Any, seed: int, tau: float) -> None:
    gold, preds = _synthetic(seed)
    expected = reference.report(reference.score(gold, {p["id"]: p for p in preds}, tau))
    got = evaluate(gold, preds, tau=tau).to_dict()
    assert {k: got[k] for k in SCORE_KEYS} == expected


@pytest.mark.parametrize(
    "case",
    ["exact", "split_parts", "split_unbroken", "optional", "roles"],
)
def test_hand_cases_match_reference_scorer(reference: Any, case: str) -> None:
    a, b = span(T3, A3), span(T3, B3)
    cases: dict[str, tuple[str, list[dict[str, Any]], list[dict[str, Any]]]] = {
        "exact": (T1, [gq(T1, Q1, speaker="Mara Quill")], [pq(T1, Q1, "he")]),
        "split_parts": (T3, _split_gold(), [{"start": a[0], "end": b[1],
                                             "parts": [list(a), list(b)], "speaker": None}]),
        "split_unbroken": (T3, _split_gold(), [{"start": a[0], "end": b[1], "speaker": None}]),
        "optional": (T1, [gq(T1, Q1, optional=True)], [pq(T1, Q1)]),
        "roles": (T6, [gq(T6, "We act today.", speaker="Ann Lee", role="home secretary")],
                  [pq(T6, "We act today.", "Lee’s"), pq(T6, "We act again.")]),
    }
    text, golds, preds = cases[case]
    gold = [{"id": "h", "text": text, "quotes": golds}]
    expected = reference.report(reference.score(gold, {"h": {"quotes": preds}}, 0.5))
    got = evaluate(gold, [{"id": "h", "quotes": preds}]).to_dict()
    assert {k: got[k] for k in SCORE_KEYS} == expected
    assert not any(isinstance(v, float) and math.isnan(v) for v in got.values())


# ---------------------------------------------------------------------------------------------
# ids: paired with their JSON type, every unpaired or repeated id reported (issue 20, item 11)


def _gold_with_id(doc_id: Any) -> dict[str, Any]:
    return {"id": doc_id, "text": T1, "quotes": [gq(T1, Q1, speaker="Mara Quill")]}


def _pred_with_id(doc_id: Any, hit: bool = True) -> dict[str, Any]:
    return {"id": doc_id, "quotes": [pq(T1, Q1, "Quill")] if hit else []}


def test_integer_ids_pair_with_integer_ids(tmp_path: Path) -> None:
    g = _write_jsonl(tmp_path / "g.jsonl", [_gold_with_id(1), _gold_with_id(2)])
    p = _write_jsonl(tmp_path / "p.jsonl", [_pred_with_id(2), _pred_with_id(1)])
    r = evaluate(g, p)
    assert (r.quote_F1, r.n_gold) == (1.0, 2)
    assert r.ids == ev.IdCheck()


def test_string_id_against_integer_gold_id_is_reported_not_silent(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = _write_jsonl(tmp_path / "g.jsonl", [_gold_with_id(1)])
    p = _write_jsonl(tmp_path / "p.jsonl", [_pred_with_id("1")])
    with pytest.warns(ev.IdWarning) as caught:
        r = evaluate(g, p)
    assert any("other JSON type" in str(w.message) for w in caught)
    assert r.quote_R == 0.0  # as score.py: ids keep their JSON type
    assert r.ids.type_mismatched_ids == ("1",)
    assert r.ids.predictions_not_in_gold == ("1",) and r.ids.gold_without_prediction == (1,)
    assert run(_parse([str(g), "--pred", str(p), "--format", "json"])) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["ids"]["type_mismatched_ids"] == ["1"]
    warnings_ = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings_) == 3 and all(line.startswith("quotekit evaluate: warning: 1 ")
                                       for line in warnings_)


def test_running_quotekit_pairs_results_by_position_whatever_id_they_echo(
        monkeypatch: pytest.MonkeyPatch) -> None:
    s, e = span(T1, Q1)
    quote = Quote(Q1, s, e, ((s, e),), "direct", Speaker("Mara Quill", "person"), None)
    # the extractor gives the id back as a string, as `quotekit extract` used to
    fake = _FakeExtractor({7: Result(quotes=(quote,), model="blank", id="7")})
    monkeypatch.setattr(ev, "load", lambda model="auto": fake)
    r = evaluate([_gold_with_id(7)], model="blank")
    assert (r.quote_F1, r.speaker_acc) == (1.0, 1.0)
    assert r.ids == ev.IdCheck()


def test_duplicate_prediction_ids_do_not_overwrite(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.warns(ev.IdWarning, match="prediction id.* more than once"):
        r = evaluate([_gold_with_id("a")], [_pred_with_id("a"), _pred_with_id("a", hit=False)])
    assert r.quote_R == 1.0  # the first prediction is used, the second does not replace it
    assert r.ids.duplicate_prediction_ids == ("a",)


def test_duplicate_gold_ids_are_not_double_counted() -> None:
    with pytest.warns(ev.IdWarning, match="gold id.* more than once"):
        r = evaluate([_gold_with_id("a"), _gold_with_id("a")], [_pred_with_id("a")])
    assert (r.n_gold, r.n_pred, r.quote_F1) == (1, 1, 1.0)
    assert r.ids.duplicate_gold_ids == ("a",)


def test_id_warning_names_counts_and_a_few_ids() -> None:
    gold = [_gold_with_id(f"g{i}") for i in range(8)]
    with pytest.warns(ev.IdWarning) as caught:
        r = evaluate(gold, [_pred_with_id("g0")])
    (msg,) = [str(w.message) for w in caught]
    assert msg.startswith("7 gold article(s) without a prediction")
    assert '"g1", "g2", "g3", "g4", "g5", …' in msg and '"g6"' not in msg
    assert len(r.ids.gold_without_prediction) == 7
    assert r.to_dict()["ids"]["gold_without_prediction"] == [f"g{i}" for i in range(1, 8)]


@pytest.mark.parametrize("bad_id", [[1, 2], {"a": 1}, True, 1.5, None])
def test_id_that_is_not_a_string_or_integer_is_an_input_error(tmp_path: Path,
                                                                bad_id: Any) -> None:
    g = _write_jsonl(tmp_path / "g.jsonl", [_gold_with_id(bad_id)])
    with pytest.raises(ev.InputFormatError, match=r"g.jsonl, line 1: 'id' must be a string or"):
        evaluate(g, [])
    p = _write_jsonl(tmp_path / "p.jsonl", [_pred_with_id(bad_id)])
    with pytest.raises(ev.InputFormatError, match=r"p.jsonl, line 1: 'id' must be a string or"):
        evaluate([_gold_with_id("a")], p)


# ---------------------------------------------------------------------------------------------
# malformed input: one line naming file, line and what was expected, exit 2 (issue 20, item 12)

_GOOD_GOLD = {"id": "a", "text": T1, "quotes": [gq(T1, Q1, speaker="Mara Quill")]}
_S1, _E1 = span(T1, Q1)


def _pred_line(**quote: Any) -> dict[str, Any]:
    return {"id": "a", "quotes": [{"start": _S1, "end": _E1, **quote}]}


@pytest.mark.parametrize(
    ("which", "content", "needle"),
    [
        ("gold", b'{"id": "a", "text": "caf\xe9 \x93hi\x94", "quotes": []}\n',
         "not UTF-8, byte 0xe9"),
        ("gold", b'{"id": "a", "text": "\x93hi\x94", "quotes": []}\n', "cp1252"),
        ("gold", b'{"id": "a", "quotes": []}\n', "lacks 'text'"),
        ("gold", b'{"id": [1], "text": "x", "quotes": []}\n', "'id' must be a string or an"),
        ("gold", b'{"id": "a", "text": "abc", "quotes": [{"start": 2, "end": 99}]}\n',
         "outside the text"),
        ("gold", b'{"id": "a", "text": "abc", "quotes": [{"start": 0, "end": 2, '
                 b'"speaker": ["Jo"]}]}\n', "'speaker' must be a string or null"),
        ("gold", b'{"id": "a", "text": "abc", "quotes": [{"start": 0, "end": 2, '
                 b'"speaker_aliases": "Jo"}]}\n', "'speaker_aliases' must be a list"),
        ("gold", b'{"id": "a", "text": "abc", "quotes": [{"start": 0, "end": 2, '
                 b'"fragments": [[0, 1, 2]]}]}\n', "not [start, end]"),
        ("gold", b'[1, 2]\n', "a gold line must be a JSON object"),
        ("gold", b'{"id": "a", "text": "abc", "quotes": [}\n', "not valid JSON"),
        ("pred", json.dumps(_pred_line(speaker="Jo Li")).encode(),
         "quote 0 'speaker' must be an object"),
        ("pred", json.dumps(_pred_line(speaker={"name": "Jo", "mentions": [[1]]})).encode(),
         "speaker mention needs int 'start'/'end'"),
        ("pred", json.dumps(_pred_line(speaker={"name": "Jo", "mentions": "0-2"})).encode(),
         "'mentions' must be a list"),
        ("pred", json.dumps(_pred_line(speaker={"name": 5})).encode(),
         "'name' must be a string or null"),
        ("pred", json.dumps(_pred_line(speaker_mention="Jo")).encode(),
         "'speaker_mention' must be an object"),
        ("pred", json.dumps(_pred_line(parts=[[5, 2]])).encode(), "negative or reversed"),
        ("pred", json.dumps(_pred_line(parts="0..5")).encode(), "'parts' must be a list"),
        ("pred", json.dumps({"id": ["a"], "quotes": []}).encode(), "'id' must be a string"),
        ("pred", json.dumps({"id": "a", "quotes": {}}).encode(), "needs a 'quotes' list"),
        ("pred", b'\xff{"id": "a", "quotes": []}\n', "not UTF-8"),
        ("roles", json.dumps({"id": "a"}).encode(), "lacks 'speaker'"),
        ("roles", json.dumps({"id": "a", "speaker": "Jo", "role": ["x"]}).encode(),
         "'role' must be a string or null"),
        ("roles", json.dumps({"id": "a", "speaker": {"name": "Jo"}}).encode(),
         "'speaker' must be a string"),
    ],
)
def test_malformed_input_gives_one_line_and_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str, content: bytes,
        needle: str) -> None:
    files = {"gold": tmp_path / "g.jsonl", "pred": tmp_path / "p.jsonl",
             "roles": tmp_path / "r.jsonl"}
    _write_jsonl(files["gold"], [_GOOD_GOLD])
    _write_jsonl(files["pred"], [_pred_line()])
    _write_jsonl(files["roles"], [{"id": "a", "speaker": "Mara Quill"}])
    files[which].write_bytes(json.dumps({"id": "z", "text": "", "quotes": []}).encode()
                             + b"\n" + content if which == "gold" else
                             json.dumps({"id": "z", "quotes": []}).encode() + b"\n" + content
                             if which == "pred" else content)
    line = 1 if which == "roles" else 2
    args = _parse([str(files["gold"]), "--pred", str(files["pred"]), "--roles",
                   str(files["roles"])])
    assert run(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{files[which]}, line {line}: " in err and needle in err
    with pytest.raises(ev.InputFormatError) as info:  # the API raises the same, a QuotekitError
        evaluate(files["gold"], files["pred"], roles=files["roles"])
    assert isinstance(info.value, QuotekitError) and needle in str(info.value)


def test_errors_file_may_not_be_an_input(tmp_path: Path) -> None:
    gold, preds = _small_case()
    g = _write_jsonl(tmp_path / "g.jsonl", gold)
    p = _write_jsonl(tmp_path / "p.jsonl", preds)
    before = (g.read_bytes(), p.read_bytes())
    for target in (g, p, tmp_path / "." / "g.jsonl"):
        with pytest.raises(OptionError, match="refusing to overwrite an input"):
            evaluate(g, p, errors=target)
    roles = _write_jsonl(tmp_path / "r.jsonl", [{"id": "x", "speaker": "Ada Voss"}])
    with pytest.raises(OptionError, match="role-gold file"):
        evaluate(g, p, roles=roles, errors=roles)
    assert (g.read_bytes(), p.read_bytes()) == before


def test_errors_file_is_replaced_only_when_complete(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    gold, preds = _small_case()
    out = tmp_path / "errors.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    real_dumps = json.dumps
    calls = []

    def failing_dumps(obj: Any, **kw: Any) -> str:
        calls.append(obj)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_dumps(obj, **kw)

    monkeypatch.setattr(ev.json, "dumps", failing_dumps)
    with pytest.raises(OSError, match="disk full"):
        evaluate(gold, preds, errors=out)
    monkeypatch.undo()
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.jsonl"]  # no temp file left
    evaluate(gold, preds, errors=out)
    assert out.read_text(encoding="utf-8").count("\n") == 2


# ---------------------------------------------------------------------------------------------
# the rule that fired, in the errors listing (issue 19, item 3)


class _Ruled:
    """A quotation with a ``rule`` attribute, as ``Quote`` has one, whatever Quote holds."""

    def __init__(self, quote: Quote, rule: object) -> None:
        self._quote, self.rule = quote, rule

    def to_dict(self) -> dict[str, Any]:
        return self._quote.to_dict()


class _RuleName:
    def __str__(self) -> str:
        return "after"


def test_errors_name_the_rule_of_the_predicted_quotation() -> None:
    gold, preds = _small_case()
    quotes = [Quote.from_dict(q) for q in preds[0]["quotes"]]
    ruled = Result(quotes=(_Ruled(quotes[0], _RuleName()), _Ruled(quotes[1], None)),  # type: ignore[arg-type]
                   model="blank", id="x")
    gold[0]["quotes"][0]["speaker"] = "Cy Diaz"  # the first prediction gets a wrong speaker
    r = evaluate(gold, [ruled])
    rules = {e.kind: e.rule for e in r.errors}
    assert rules == {"wrong_speaker": "after", "missed": None, "spurious": None}
    assert all(e.to_dict()["rule"] == e.rule for e in r.errors)


def test_errors_take_the_rule_of_a_prediction_line() -> None:
    gold, preds = _small_case()
    preds[0]["quotes"][1]["rule"] = "intro"
    r = evaluate(gold, preds)
    assert [(e.kind, e.rule) for e in r.errors] == [("missed", None), ("spurious", "intro")]


def test_errors_give_quotekits_own_rule() -> None:
    if "rule" not in getattr(Quote, "__dataclass_fields__", {}):
        pytest.skip("Quote.rule is not there yet")
    import quotekit

    text = 'Jo Li said: "We will win the vote tomorrow."'
    result = quotekit.load("blank").extract(text)
    gold = [{"id": "x", "text": text,
             "quotes": [gq(text, "We will win the vote tomorrow.", speaker="Ed Moss")]}]
    r = evaluate(gold, [result])
    (item,) = r.errors
    assert item.kind == "wrong_speaker"
    assert item.rule == str(result.quotes[0].rule) and item.rule not in (None, "")


# ---------------------------------------------------------------------------------------------
# roles against a role gold (issue 21, item 5)

T7 = ("Kentside mayor Jane Roe said the plan was sound. \"We start in May,\" Roe said. "
      "Mr Bill Okafor, a Labour councillor, said: \"It is too late.\" "
      "A spokeswoman for the Harbour Trust said: \"We welcome it.\"")


def _speaker(name: str, role: str | None = None, org: str | None = None,
             party: str | None = None, mention: str | None = None) -> dict[str, Any]:
    sp: dict[str, Any] = {"name": name, "type": "person", "role": role, "organization": org,
                          "mentions": [list(span(T7, mention))] if mention else []}
    if party is not None:
        sp["party"] = party
    return sp


def _role_pred(*speakers: dict[str, Any], doc_id: str = "r1") -> dict[str, Any]:
    s, e = span(T7, "We start in May,")
    return {"id": doc_id, "quotes": [{"start": s, "end": e, "speaker": sp} for sp in speakers]}


def _role_gold(speaker: str, role: str | None = None, org: str | None = None,
               party: str | None = None, evidence: str | None = None) -> dict[str, Any]:
    return {"id": "r1", "speaker": speaker, "type": "person", "role": role,
            "organization": org, "party": party, "evidence": evidence,
            "evidence_start": T7.index(evidence) if evidence else None}


def _roles(rows: list[dict[str, Any]], preds: list[dict[str, Any]]) -> Report:
    gold = [{"id": "r1", "text": T7, "quotes": []}]
    return evaluate(gold, preds, roles=rows)


@pytest.mark.parametrize(
    ("gold_row", "speaker", "role_ok", "org_ok"),
    [
        (("Jane Roe", "mayor", "Kentside"), ("Jane Roe", "Mayor", "Kentside"), True, True),
        (("Jane Roe", "mayor", "Kentside"), ("Roe", "Kentside mayor", None), True, True),
        (("Jane Roe", "mayor", "Kentside"), ("Jane Roe", "former mayor", "Kentside council"),
         False, True),
        (("Bill Okafor", "councillor", "Labour"), ("Bill Okafor", "councillors", "Labour"),
         True, True),  # number is not judged
        (("Bill Okafor", "councillor", "Labour"), ("Okafor", None, None), False, False),
        (("spokeswoman", "spokeswoman", "Harbour Trust"),
         ("spokeswoman", "spokeswoman", "the Harbour Trust"), True, True),
    ],
)
def test_role_and_organization_of_a_found_speaker(
        gold_row: tuple[str, str, str], speaker: tuple[str, str | None, str | None],
        role_ok: bool, org_ok: bool) -> None:
    r = _roles([_role_gold(*gold_row)], [_role_pred(_speaker(*speaker))])
    assert r.roles is not None
    assert (r.roles.speakers_found, r.roles.role_acc, r.roles.org_acc) == (
        1.0, float(role_ok), float(org_ok))


def test_role_speaker_choice_and_not_found() -> None:
    rows = [_role_gold("Jane Roe", "mayor"), _role_gold("Tom Roe", "aide"),
            _role_gold("Ann Pike", "nurse")]
    preds = [_role_pred(_speaker("Tom Roe", "aide"), _speaker("Jane Roe", "mayor"))]
    r = _roles(rows, preds)
    assert r.roles is not None
    # Jane Roe is not taken for Tom Roe: the one sharing most name-words wins
    assert (r.roles.speakers_found, r.roles.role_acc, r.roles.n_role) == (0.6667, 1.0, 2)
    assert [(e.kind, e.speaker) for e in r.role_errors] == [("speaker_not_found", "Ann Pike")]


@pytest.mark.parametrize(
    ("gold_party", "pred_party", "right"),
    [("D", "Democratic", True), ("Democrat", "Dem.", True), ("R", "GOP", True),
     ("Republican", "Republican Party", True), ("Labour", "Labour", True),
     ("Conservative", "Tory", True), ("D", "R", False), ("Labour", None, False)],
)
def test_party_accuracy(gold_party: str, pred_party: str | None, right: bool) -> None:
    row = _role_gold("Bill Okafor", "councillor", party=gold_party)
    r = _roles([row], [_role_pred(_speaker("Bill Okafor", "councillor", party=pred_party))])
    assert r.roles is not None and r.roles.party_acc == float(right)
    r = _roles([_role_gold("Bill Okafor", "councillor")],
               [_role_pred(_speaker("Bill Okafor", "councillor", party=pred_party))])
    assert r.roles is not None and r.roles.party_acc is None


def test_role_misses_come_with_the_articles_evidence(tmp_path: Path) -> None:
    rows = [_role_gold("Jane Roe", "mayor", "Kentside", evidence="Kentside mayor Jane Roe"),
            _role_gold("Bill Okafor")]
    preds = [_role_pred(_speaker("Jane Roe", "Mayor"),
                        _speaker("Bill Okafor", "councillor", mention="Mr Bill Okafor"))]
    out = tmp_path / "errors.jsonl"
    r = evaluate([{"id": "r1", "text": T7, "quotes": []}], preds, roles=rows, errors=out)
    org_miss, spurious = r.role_errors
    assert (org_miss.kind, org_miss.gold, org_miss.predicted) == (
        "wrong_organization", "Kentside", None)
    assert org_miss.evidence is not None and "⟦Kentside mayor Jane Roe⟧ said" in org_miss.evidence
    assert org_miss.evidence_start == 0
    # no evidence in the gold: the words around the speaker's first mention
    assert (spurious.kind, spurious.predicted) == ("spurious_role", "councillor")
    assert spurious.evidence is not None and "⟦Mr Bill Okafor⟧, a Labour" in spurious.evidence
    rows_out = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows_out == [e.to_dict() for e in (*r.errors, *r.role_errors)]
    assert [row["kind"] for row in rows_out] == ["spurious", "spurious", "wrong_organization",
                                                "spurious_role"]


def test_role_gold_article_without_prediction_is_reported() -> None:
    rows = [_role_gold("Jane Roe", "mayor"), {**_role_gold("Ed Moss"), "id": "r9"}]
    with pytest.warns(ev.IdWarning, match="role-gold article"):
        r = _roles(rows, [_role_pred(_speaker("Jane Roe", "mayor"))])
    assert r.ids.role_gold_without_prediction == ("r9",)
    assert r.roles is not None and r.roles.speakers_found == 0.5


def test_roles_in_table_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    g = _write_jsonl(tmp_path / "g.jsonl", [{"id": "r1", "text": T7, "quotes": []}])
    p = _write_jsonl(tmp_path / "p.jsonl", [_role_pred(_speaker("Jane Roe", "mayor"))])
    rl = _write_jsonl(tmp_path / "r.jsonl", [_role_gold("Jane Roe", "mayor")])
    assert run(_parse([str(g), "--pred", str(p), "--roles", str(rl)])) == 0
    assert "roles.role_acc" in capsys.readouterr().out
    assert run(_parse([str(g), "--pred", str(p), "--roles", str(rl), "--format", "json"])) == 0
    roles = json.loads(capsys.readouterr().out)["roles"]
    assert (roles["role_acc"], roles["n_gold"], roles["party_acc"]) == (1.0, 1, None)


# agreement with ../shared/tools/role_check.py, run as a subprocess on the same predictions

ROLE_CHECK = SHARED / "tools/role_check.py"
ROLE_KEYS = ("speakers_found", "role_acc", "org_acc", "no_role_right", "n_gold", "n_role",
             "n_org")


def _role_check(roles: Path, preds: Path) -> dict[str, Any]:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROLE_CHECK), str(roles), str(preds)],
                          capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _synthetic_roles(seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rnd = random.Random(seed)
    names = ["Jane Roe", "Tom Roe", "Bill Okafor", "spokeswoman", "Ann Pike", "Ed Moss"]
    roles_ = [None, "mayor", "councillors", "Home Secretary", "chief executive of the Trust",
              "U.S. attorney", "vice-president, public affairs"]
    orgs = [None, "Labour", "Harbour Trust", "the Kentside Council", "AT&T"]
    rows, preds = [], []
    for d in range(6):
        doc_id = f"a{d}"
        for name in rnd.sample(names, 4):
            rows.append({"id": doc_id, "speaker": name, "role": rnd.choice(roles_),
                         "organization": rnd.choice(orgs), "party": None})
        speakers = [{"name": rnd.choice([n, n.split()[-1], "Mr " + n]), "role": rnd.choice(roles_),
                     "organization": rnd.choice(orgs), "mentions": []}
                    for n in rnd.sample(names, rnd.randint(0, 5))]
        if d != 5:  # one article has no prediction at all
            preds.append({"id": doc_id, "quotes": [{"start": 0, "end": 1, "speaker": sp}
                                                   for sp in speakers]})
    return rows, preds


@pytest.fixture(scope="module")
def role_check() -> Any:
    if not ROLE_CHECK.is_file():
        pytest.skip(f"role_check.py not found at {ROLE_CHECK} (needs the shared workspace)")
    return _role_check


@pytest.mark.parametrize("seed", range(4))
def test_roles_match_role_check_on_invented_cases(role_check: Any, tmp_path: Path,
                                                  seed: int) -> None:
    rows, preds = _synthetic_roles(seed)
    r_path = _write_jsonl(tmp_path / "r.jsonl", rows)
    p_path = _write_jsonl(tmp_path / "p.jsonl", preds)
    gold = [{"id": f"a{d}", "text": "x" * 10, "quotes": []} for d in range(6)]
    with pytest.warns(ev.IdWarning):  # the article with no prediction
        got = evaluate(gold, p_path, roles=r_path).roles
    assert got is not None
    expected = role_check(r_path, p_path)
    assert {k: got.to_dict()[k] for k in ROLE_KEYS} == {k: expected[k] for k in ROLE_KEYS}


@pytest.mark.parametrize(
    ("gold_rel", "roles_rel"),
    [("corpora/bbc/dev.jsonl", "corpora/bbc/roles_dev.jsonl"),
     ("corpora/polnear/train.jsonl", "corpora/polnear/roles_train.jsonl")],
)
def test_roles_match_role_check_on_the_shared_role_golds(
        role_check: Any, tmp_path: Path, gold_rel: str, roles_rel: str) -> None:
    gold_path, roles_path = SHARED / gold_rel, SHARED / roles_rel
    if not (gold_path.is_file() and roles_path.is_file()):
        pytest.skip(f"{gold_rel} or {roles_rel} not found under {SHARED}")
    import quotekit

    role_ids = {json.loads(line)["id"] for line in roles_path.read_text("utf-8").splitlines()
                if line.strip()}
    docs = [d for d in map(json.loads, gold_path.read_text("utf-8").splitlines())
            if d["id"] in role_ids]
    extractor = quotekit.load("blank")
    preds = [{"id": d["id"], "quotes": [q.to_dict() for q in extractor.extract(d["text"])]}
             for d in docs]
    p_path = _write_jsonl(tmp_path / "p.jsonl", preds)
    expected = role_check(roles_path, p_path)
    got = evaluate(docs, p_path, roles=roles_path).roles
    assert got is not None
    for key in ROLE_KEYS:
        assert abs(got.to_dict()[key] - expected[key]) <= 0.005, key


# ---------------------------------------------------------------------------------------------
# --help and docs/formats.md (issue 23, item 7)


def test_help_says_what_a_gold_line_must_contain() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "quotekit", "evaluate", "--help"],
                          capture_output=True, text=True, check=True)
    out = done.stdout
    for needle in ('"id"', '"text"', '"quotes"', '"start"', '"end"', "--roles",
                   "docs/formats.md", "JSON type"):
        assert needle in out, needle


def test_formats_doc_names_every_field_the_scorer_reads() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs/formats.md").read_text(encoding="utf-8")
    for needle in ("fragments", "speaker_entity", "speaker_aliases", "optional", "parts",
                   "speaker_mention", "mentions", "evidence_start", "party", "quote_P",
                   "attribution_F1", "speakers_found", "role_acc", "org_acc", "τ"):
        assert needle in doc, needle


@pytest.mark.parametrize("gold_rel", ["corpora/bbc/dev.jsonl", "corpora/polnear/dev.jsonl"])
def test_quotation_figures_match_score_py_on_the_shared_golds(tmp_path: Path,
                                                              gold_rel: str) -> None:
    gold_path = SHARED / gold_rel
    if not (gold_path.is_file() and SCORER.is_file()):
        pytest.skip(f"{gold_rel} or tools/score.py not found under {SHARED}")
    import subprocess
    import sys

    import quotekit

    docs = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    extractor = quotekit.load("blank")
    p_path = _write_jsonl(tmp_path / "p.jsonl", [
        {"id": d["id"], "quotes": [q.to_dict() for q in extractor.extract(d["text"])]}
        for d in docs])
    done = subprocess.run([sys.executable, str(SCORER), str(gold_path), str(p_path)],
                          capture_output=True, text=True, check=True)
    expected = json.loads(done.stdout)
    got = evaluate(gold_path, p_path).to_dict()
    assert {k: got[k] for k in SCORE_KEYS} == expected
