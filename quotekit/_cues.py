"""Stage 2: find cues: speech and belief verbs, "according to", a colon before a quotation,
and the copula of "was “…”".
"""

from __future__ import annotations

from dataclasses import dataclass

from ._lexicons import Lexicons
from ._tokens import View

# The cue stage's word lists are in Lexicons.words (quotekit/data/<lang>/words/): noun_like_cues,
# noun_determiners, naming_verbs, copulas, passive_auxiliaries, source_phrases, say_forms,
# cue_adverbs, ly_non_adverbs.


@dataclass(slots=True)
class Cue:
    """A cue: tokens ``i`` to ``j - 1``.

    Attributes:
        i: First token.
        j: One past the last token.
        klass: ``"speech"`` or ``"belief"``.
        kind: ``"verb"``, ``"according"``, ``"colon"`` or ``"copula"``.
        weak: The form is also a common noun ("claims"): it needs a subject right before it.
        passive: "It was reported": an agentless passive, no speaker.
    """

    i: int
    j: int
    klass: str
    kind: str
    weak: bool = False
    passive: bool = False


def find_cues(view: View, lex: Lexicons) -> list[Cue]:
    """Find every cue outside quotations, in text order.

    Args:
        view: The document view.
        lex: Lexicons.

    Returns:
        The cues.
    """
    toks = view.toks
    n = len(toks)
    cues: list[Cue] = []
    i = 0
    words = lex.words
    for c in view.scan(lex.cue_triggers):
        if c < i:
            continue  # inside the cue before
        i = c
        t = toks[i]
        low = t.lower
        nxt = toks[i + 1] if i + 1 < n else None
        # "according to"
        if nxt is not None and (low, nxt.lower) in lex.source_pairs:
            cues.append(Cue(i, i + 2, "speech", "according"))
            i += 2
            continue
        # Phrasal cues: "called on", "pointed out", "has learned".
        matched = False
        for length in (3, 2) if low in lex.cue_multi_first else ():
            key = tuple(x.lower for x in toks[i:i + length])
            if len(key) == length and key in lex.cue_multi:
                cues.append(Cue(i, i + length, lex.cue_multi[key], "verb"))
                i += length
                matched = True
                break
        if matched:
            continue
        klass = lex.cue_words.get(low)
        if klass is not None and _is_verb(view, i, lex) and not _object_noun(view, i, lex):
            prev = _prev_word(view, i, lex)
            passive = (prev is not None and toks[prev].lower in words.passive_auxiliaries
                       and low.endswith(("ed", "id", "ld", "wn", "en", "ht")))
            cues.append(Cue(i, i + 1, klass, "verb", weak=low in words.noun_like_cues, passive=passive))
        elif low in words.naming_verbs and _quote_within(view, i, 5):
            cues.append(Cue(i, i + 1, "speech", "verb"))
        elif low in words.copulas and nxt is not None and nxt.quote < 0 and _opens_quote(view, i + 1):
            cues.append(Cue(i, i + 1, "speech", "copula"))
        elif t.text == ":" and _opens_quote(view, i + 1):
            cues.append(Cue(i, i + 1, "speech", "colon"))
    return cues


def _object_noun(view: View, i: int, lex: Lexicons) -> bool:
    """"dismissed claims that …", "denied reports", "said rumours were false": a form that is also
    a noun ("claims") right after a speech or stance verb is that verb's object or clause subject."""
    toks = view.toks
    return (toks[i].lower in lex.words.noun_like_cues and i > 0 and toks[i - 1].sent == toks[i].sent
            and toks[i - 1].lower in lex.cue_words and not toks[i - 1].is_cap)  # "The Post reports"


def _quote_within(view: View, i: int, width: int) -> bool:
    """A quotation opens within ``width`` tokens after token ``i``, in the same sentence."""
    toks = view.toks
    for k in range(i + 1, min(len(toks) - 1, i + width + 1)):
        if toks[k].sent != toks[i].sent:
            return False
        if _opens_quote(view, k):
            return True
    return False


def _is_verb(view: View, i: int, lex: Lexicons) -> bool:
    t = view.toks[i]
    if _after_adjective(view, i, lex):
        return False
    after_determiner = i > 0 and view.toks[i - 1].sent == t.sent and view.toks[i - 1].lower in lex.words.noun_determiners
    if view.tagged:
        # "the reported feud", "the claimed rift": a participle after a determiner is an adjective,
        # whatever the tagger says.
        if (t.tag.startswith("VB") and not after_determiner) or (t.tag == "NN" and t.lower in lex.words.say_forms):
            return True
        # "…, a new book claims.": closing its sentence after a comma and a source, the form is
        # the source's verb, whatever the tagger says (a plural noun).
        return not after_determiner and not t.is_cap and (_closes_after_comma(view, i) or _owned_claim(view, i, lex))
    if i == 0 or view.toks[i - 1].sent != t.sent:
        return True
    return not t.is_cap and view.toks[i - 1].lower not in lex.words.noun_determiners


ADJECTIVE_REACH = 2
"""Adjective-shaped words at most between a preposition or determiner and a speech-verb form."""


def _after_adjective(view: View, i: int, lex: Lexicons) -> bool:
    """"roused the crowd to spontaneous chants of …", "met with baseless claims", "their furious
    pleas": a speech-verb form after lower-case adjective-shaped words (``adjective_suffixes``)
    that a preposition or determiner opens is a noun, in both modes (a verb follows neither)."""
    toks, words = view.toks, lex.words
    x = i - 1
    while x >= 0 and i - x <= ADJECTIVE_REACH and toks[x].sent == toks[i].sent and toks[x].text.islower() \
            and toks[x].is_word and any(toks[x].lower.endswith(e) for e in words.adjective_suffixes):
        x -= 1
    if x == i - 1 or x < 0 or toks[x].sent != toks[i].sent:
        return False
    return toks[x].lower in words.phrase_prepositions or toks[x].lower in words.noun_determiners


def _owned_claim(view: View, i: int, lex: Lexicons) -> bool:
    """"seized on the senator’s claim that the figures were wrong": a form that is also a noun
    (``noun_like_cues``), owned by its source and followed by "that", reports what the owner said,
    as blank mode reads it, whatever the tagger says (a noun)."""
    toks = view.toks
    return (0 < i < len(toks) - 1 and toks[i].lower in lex.words.noun_like_cues
            and toks[i - 1].lower in lex.words.possessive_marks and toks[i - 1].sent == toks[i].sent
            and toks[i + 1].lower == "that")


CLOSING_REACH = 6
"""Words at most between the comma and a verb closing the sentence ("…, a new book claims.")."""


def _closes_after_comma(view: View, i: int) -> bool:
    """Token ``i`` ends its sentence ("." next) and a comma comes a few words before it, with
    only words between: "…, the council's own report warns." """
    toks = view.toks
    if not (i + 1 < len(toks) and toks[i + 1].text in (".", "!") and toks[i + 1].sent == toks[i].sent):
        return False
    for x in range(i - 1, max(-1, i - 2 - CLOSING_REACH), -1):
        if toks[x].sent != toks[i].sent or toks[x].quote >= 0:
            return False
        if toks[x].text == ",":
            return x < i - 1
        if not toks[x].is_word and toks[x].lower not in ("'s", "’s"):
            return False
    return False


def _prev_word(view: View, i: int, lex: Lexicons) -> int | None:
    skip, not_adverbs = lex.words.cue_adverbs, lex.words.ly_non_adverbs
    j = i - 1
    while j >= 0 and (view.toks[j].lower in skip or
                      view.toks[j].text.endswith("ly") and view.toks[j].text.islower() and view.toks[j].lower not in not_adverbs):
        j -= 1
    return j if j >= 0 else None


def _opens_quote(view: View, i: int) -> bool:
    """Token ``i`` is an opening quotation mark (the next token lies inside a quotation)."""
    toks = view.toks
    return i + 1 < len(toks) and toks[i].quote < 0 and toks[i + 1].quote >= 0 and not toks[i].is_word
