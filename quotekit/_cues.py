"""Stage 2: find cues: speech and belief verbs, "according to", a colon before a quotation,
and the copula of "was “…”".
"""

from __future__ import annotations

from dataclasses import dataclass

from ._lexicons import Lexicons
from ._tokens import View

# Forms that are as often nouns as verbs ("reports", "a claim"): they count as cues only with
# a subject right before them (checked in attribution) and, with a tagger, a verb tag.
_NOUN_LIKE = frozenset(
    (
        "report reports claim claims comment comments answer answers state states post posts plan plans "
        "hope hopes fear fears show shows find finds rule rules charge charges promise promises tweet "
        "tweets remark remarks reply replies call calls want wants signal signals reason reasons doubt "
        "doubts estimate estimates counter counters protest protests object objects echo echoes note "
        "notes demand demands pledge pledges vow vows quip quips joke jokes whisper whispers shout shouts "
        "yell yells cry cries boast boasts blast blasts snap snaps stress caution cautions recall recalls "
        "mention mentions lament laments venture ventures suspect suspects worry worries wonder read "
        "reads comment ask asks respond concern concerns"
    ).split()
)
# Words that, right before a speech or belief verb form, make it a noun or an adjective ("the
# attacks", "a signal", "the proposed act", "its estimated cost"): determiners and possessive
# determiners that cannot be objects or subjects of a verb (unlike "her" or "that").
_NOUN_DETERMINERS = frozenset("the a an these this every each its their his our my your".split())
_CALLS = frozenset({"called", "calls", "call", "calling", "branded", "labelled", "labeled", "deemed", "termed"})
_COPULAS = frozenset({"is", "was", "are", "were", "been", "be"})
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "be", "being", "get", "got"})
# Words that can start a cue besides the lexicon's (only these tokens are looked at).
_TRIGGERS = frozenset({"according", ":"}) | _CALLS | _COPULAS


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
    for c in view.scan(_TRIGGERS | lex.cue_starts):
        if c < i:
            continue  # inside the cue before
        i = c
        t = toks[i]
        low = t.lower
        nxt = toks[i + 1] if i + 1 < n else None
        # "according to"
        if low == "according" and nxt is not None and nxt.lower == "to":
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
        if klass is not None and _is_verb(view, i):
            prev = _prev_word(view, i)
            passive = prev is not None and toks[prev].lower in _PASSIVE and low.endswith(("ed", "id", "ld", "wn", "en", "ht"))
            cues.append(Cue(i, i + 1, klass, "verb", weak=low in _NOUN_LIKE, passive=passive))
        elif low in _CALLS and _quote_within(view, i, 5):
            cues.append(Cue(i, i + 1, "speech", "verb"))
        elif low in _COPULAS and nxt is not None and nxt.quote < 0 and _opens_quote(view, i + 1):
            cues.append(Cue(i, i + 1, "speech", "copula"))
        elif t.text == ":" and _opens_quote(view, i + 1):
            cues.append(Cue(i, i + 1, "speech", "colon"))
    return cues


def _quote_within(view: View, i: int, width: int) -> bool:
    """A quotation opens within ``width`` tokens after token ``i``, in the same sentence."""
    toks = view.toks
    for k in range(i + 1, min(len(toks) - 1, i + width + 1)):
        if toks[k].sent != toks[i].sent:
            return False
        if _opens_quote(view, k):
            return True
    return False


def _is_verb(view: View, i: int) -> bool:
    t = view.toks[i]
    if view.tagged:
        return t.tag.startswith("VB") or (t.tag == "NN" and t.lower in ("say", "says"))
    if i == 0 or view.toks[i - 1].sent != t.sent:
        return True
    return not t.is_cap and view.toks[i - 1].lower not in _NOUN_DETERMINERS


def _prev_word(view: View, i: int) -> int | None:
    j = i - 1
    while j >= 0 and (view.toks[j].lower in ("also", "not", "widely", "previously", "first") or
                      view.toks[j].text.endswith("ly") and view.toks[j].text.islower() and view.toks[j].lower not in ("only", "early")):
        j -= 1
    return j if j >= 0 else None


def _opens_quote(view: View, i: int) -> bool:
    """Token ``i`` is an opening quotation mark (the next token lies inside a quotation)."""
    toks = view.toks
    return i + 1 < len(toks) and toks[i].quote < 0 and toks[i + 1].quote >= 0 and not toks[i].is_word
