"""A light, read-only view of a spaCy ``Doc`` that every stage shares.

Whitespace tokens are dropped; each token knows its paragraph, sentence and whether it lies
inside a quotation. Built once per document in linear time.
"""

from __future__ import annotations

import operator
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import compress
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

from ._quotes import RawQuote
from ._text import IN_WORD_FORMAT, Paragraphs, has_invisible_space, visible_text

_SENT_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
# Code points of the characters a sentence-ending token ends with.
_STOP, _BANG, _QUERY, _ELLIPSIS = ord("."), ord("!"), ord("?"), ord("…")
# ASCII code points where the capitals, the small letters and the digits begin.
_A, _a, _0 = ord("A"), ord("a"), ord("0")
_SPACE_FIRST = frozenset(" \n")
_CLOSERS = frozenset({"”", "’", '"', "'", "»", ")", "]", "''", "›"})
_OPENERS = frozenset({"“", "‘", '"', "'", "«", "(", "[", "``", "''", "„", "‹"})
# Punctuation spaCy splits off a word's end, and opening marks it splits off a word's start,
# where a word meets white space: split off the same way where it meets an invisible character.
_SUFFIX_PUNCT = frozenset(".,;:!?…”’\"')]»›")
_PREFIX_PUNCT = frozenset("“‘\"'([«‹„`")


class Tok:
    """One non-space token (read-only by convention: the view makes tens of thousands of them).

    A plain class with slots: one is made per token of every article, and its fields are
    read in every stage's inner loops.

    Attributes:
        i: Position in the view.
        text: The token's text (from the original string).
        lower: Lower-cased text.
        start: Character offset of its start.
        end: Character offset of its end.
        para: Paragraph index.
        sent: Sentence index.
        tag: Fine-grained tag from a trained tagger ("NNP"), or "" in blank mode.
        ent: Entity label from a trained recognizer ("PERSON"), or "".
        quote: Index of the quotation whose content holds it, or -1.
        is_cap: Starts with an upper-case letter.
        is_word: Starts with a letter or digit.
    """

    __slots__ = ("i", "text", "lower", "start", "end", "para", "sent", "tag", "ent", "quote", "is_cap", "is_word")

    def __init__(self, i: int, text: str, lower: str, start: int, end: int, para: int, sent: int = 0,
                 tag: str = "", ent: str = "", quote: int = -1, is_cap: bool = False,
                 is_word: bool = False) -> None:
        self.i = i
        self.text = text
        self.lower = lower
        self.start = start
        self.end = end
        self.para = para
        self.sent = sent
        self.tag = tag
        self.ent = ent
        self.quote = quote
        self.is_cap = is_cap
        self.is_word = is_word

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r}, {self.start}-{self.end}, para={self.para}, sent={self.sent})"


@dataclass(slots=True)
class View:
    """Tokens, sentences and quotations of one document.

    Attributes:
        text: The original text of the document.
        norm: Its normalised copy (same length).
        toks: Non-space tokens in order.
        paras: Paragraphs of ``norm``.
        sents: ``(first, last + 1)`` token indices of each sentence.
        quotes: The quoted stretches found in stage 1.
        tagged: The tokens carry tags from a trained tagger.
        has_ents: The tokens carry entity labels from a trained recognizer.
        lowers: ``toks[k].lower`` for every token, as one list (for scans that skip most tokens).
        caps: ``toks[k].is_cap`` for every token.
        inside: ``toks[k].quote >= 0`` for every token.
    """

    text: str
    norm: str
    toks: list[Tok]
    paras: Paragraphs
    sents: list[tuple[int, int]]
    quotes: list[RawQuote]
    tagged: bool
    has_ents: bool
    _starts: list[int]
    lowers: list[str]
    caps: list[bool]
    inside: list[bool]
    invisible: bool = False
    _lower_written: frozenset[str] | None = None

    def written_in_lower_case(self, word: str) -> bool:
        """Whether the text writes the lower-case ``word`` somewhere without a capital ("fire" of
        "the fire spread"); the set is built on the first call, so asking is O(1) after one pass."""
        if self._lower_written is None:
            self._lower_written = frozenset(low for low, cap in zip(self.lowers, self.caps) if not cap)
        return word in self._lower_written

    def glued_hyphen(self, e: int) -> bool:
        """Whether token ``e`` is a hyphen inside a word ("team-mate"), touching the tokens either
        side, not a dash between words."""
        toks = self.toks
        return (toks[e].text == "-" and 0 < e < len(toks) - 1 and toks[e].start == toks[e - 1].end
                and toks[e + 1].start == toks[e].end)

    def tok_at(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset`` (len(toks) if none)."""
        return bisect_right(self._starts, offset - 1)

    def span_text(self, i: int, j: int) -> str:
        """Original text from token ``i`` to token ``j - 1`` (as :func:`visible_text` gives it
        where the text holds format or control characters; white space made single spaces where
        it runs over a line break, as in hard-wrapped text)."""
        if j <= i:
            return ""
        out = self.text[self.toks[i].start:self.toks[j - 1].end]
        if "\n" in out or "\r" in out:
            out = " ".join(out.split())  # a name over a wrapped line's end
        return visible_text(out) if self.invisible else out

    def scan(self, words: AbstractSet[str] | Mapping[str, object], caps: bool = False) -> list[int]:
        """Tokens outside quotations whose lower-cased text is in ``words`` (or, with ``caps``,
        that start with a capital), in order: the few places a stage needs to look at.

        Args:
            words: Lower-cased forms.
            caps: Also every capitalised token.

        Returns:
            Token indices.
        """
        # Over the view's flat columns, not its Tok objects: most tokens are rejected at once.
        lowers, is_cap, inside = self.lowers, self.caps, self.inside
        listed = map(words.__contains__, lowers)
        hits = compress(range(len(lowers)), map(operator.or_, is_cap, listed) if caps else listed)
        return [k for k in hits if not inside[k]]


def doc_text(doc: Doc) -> str:
    """``doc.text``, rebuilt from arrays (spaCy's own property makes a Token per token).

    Args:
        doc: A document.

    Returns:
        The text the document was made from.
    """
    strings = doc.vocab.strings
    parts = []
    for orth, space in doc.to_array(["ORTH", "SPACY"]).tolist():
        parts.append(strings[orth])
        if space:
            parts.append(" ")
    return "".join(parts)


def _token_rows(doc: Doc, text: str, norm: str) -> tuple[npt.NDArray[Any], bool, bool]:
    """The rows ``IDX, LENGTH, IS_SPACE, TAG, ENT_TYPE, ENT_IOB`` of ``doc``'s non-space
    tokens, and whether it is tagged and has entities."""
    # Doc.has_annotation runs a generator over every token of an untagged doc: the arrays say it at once.
    arr = doc.to_array(["IDX", "LENGTH", "IS_SPACE", "TAG", "ENT_TYPE", "ENT_IOB"]).reshape(len(doc), 6)
    tagged = bool(arr[:, 3].any())
    has_ents = bool(arr[:, 5].any())
    # Whitespace tokens go, no-break and zero-width spaces included (norm maps them to " ").
    if norm is text or not has_invisible_space(text):
        space = arr[:, 2]  # spaCy's flag says it
        if space.any():
            arr = arr[space == 0]
    else:
        starts0: list[int] = arr[:, 0].tolist()
        lens0: list[int] = arr[:, 1].tolist()
        maybe_space = compress(range(len(starts0)), map(_SPACE_FIRST.__contains__, map(norm.__getitem__, starts0)))
        drop = [k for k in maybe_space if not norm[starts0[k]:starts0[k] + lens0[k]].strip()]
        if drop:
            arr = np.delete(arr, drop, axis=0)
        arr = split_at_invisible(arr, text, norm)
    return arr, tagged, has_ents


def _char_classes(text: str, starts: list[int], start_a: npt.NDArray[np.int64],
                  end_a: npt.NDArray[np.int64]) -> tuple[list[bool], list[bool], list[int]]:
    """Which tokens start with a capital, which with a letter or digit, and which end like a
    sentence (``.``, ``!``, ``?``, ``…``)."""
    # First and last characters of every token (spaCy makes no empty ones) as code points,
    # read from one array: ASCII is classified in numpy, and only tokens that start outside
    # ASCII ask str.
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    first = codes[start_a]
    caps_a = (first - _A) < 26
    caps: list[bool] = caps_a.tolist()
    words: list[bool] = (caps_a | ((first - _a) < 26) | ((first - _0) < 10)).tolist()
    for x in np.flatnonzero(first > 127).tolist():
        c = text[starts[x]]
        caps[x] = c.isupper()
        words[x] = c.isalnum()
    last = codes[end_a - 1]
    ends_like: list[int] = np.flatnonzero((last == _STOP) | (last == _BANG) | (last == _QUERY) | (last == _ELLIPSIS)).tolist()
    return caps, words, ends_like


def _quote_of_tokens(quotes: list[RawQuote], start_a: npt.NDArray[np.int64]) -> list[int]:
    """The index of the quotation whose content holds each token, or -1."""
    # The first part (by start) that ends after the token, if it has begun (a quotation nested
    # in a wrongly opened one counts for the outer one).
    parts = sorted((s, e, qi) for qi, q in enumerate(quotes) for s, e in q.parts)
    if not parts:
        return [-1] * len(start_a)
    p_start = np.array([p[0] for p in parts], dtype=np.int64)
    p_end_max = np.maximum.accumulate(np.array([p[1] for p in parts], dtype=np.int64))
    p_quote = np.array([p[2] for p in parts], dtype=np.int64)
    k = np.searchsorted(p_end_max, start_a, side="right")
    kk = np.minimum(k, len(parts) - 1)
    held = (k < len(parts)) & (p_start[kk] <= start_a)
    quote_l: list[int] = np.where(held, p_quote[kk], -1).tolist()
    return quote_l


def build_view(doc: Doc, text: str, norm: str, paras: Paragraphs, quotes: list[RawQuote]) -> View:
    """Build the shared view of ``doc``.

    Every column is computed for all tokens at once (numpy, ``map`` over builtins): this runs
    on every token of every article, so it must not run Python code per token.

    Args:
        doc: The parsed document (blank or trained pipeline).
        text: ``doc.text`` (spaCy rebuilds it on every access).
        norm: Its normalised text.
        paras: Paragraphs of ``norm``.
        quotes: Quoted stretches from :func:`quotekit._quotes.find_quotes`.

    Returns:
        The view.
    """
    arr, tagged, has_ents = _token_rows(doc, text, norm)
    n = len(arr)
    start_a = arr[:, 0].astype(np.int64)
    end_a = start_a + arr[:, 1].astype(np.int64)
    starts: list[int] = start_a.tolist()
    ends: list[int] = end_a.tolist()
    texts = [text[s:e] for s, e in zip(starts, ends)]
    invisible = norm is not text and has_invisible_space(text)
    if invisible:
        texts = [visible_text(t) for t in texts]
    lowers = [t.lower() for t in texts]
    caps, words, ends_like = _char_classes(text, starts, start_a, end_a)
    strings = doc.vocab.strings
    # uint64 hashes; 0 (no tag, no entity) is "" in the string store.
    tags: list[str] = list(map(strings.__getitem__, arr[:, 3].tolist())) if tagged else [""] * n
    ents: list[str] = list(map(strings.__getitem__, arr[:, 4].tolist())) if has_ents else [""] * n
    # Paragraph of each token: the last paragraph that starts at or before it.
    para_starts = np.array([s for s, _ in paras.spans], dtype=np.int64)
    para_a = np.maximum(np.searchsorted(para_starts, start_a, side="right") - 1, 0)
    paras_l: list[int] = para_a.tolist()
    quote_l = _quote_of_tokens(quotes, start_a)
    inside = [q >= 0 for q in quote_l]
    sents = _sentences(texts, paras_l, quote_l, caps, para_a, ends_like)
    sent_l: list[int] = np.repeat(np.arange(len(sents)), [b - a for a, b in sents]).tolist() if sents else []
    toks = list(map(Tok, range(n), texts, lowers, starts, ends, paras_l, sent_l, tags, ents, quote_l, caps, words))
    return View(text, norm, toks, paras, sents, quotes, tagged, has_ents, starts, lowers, caps, inside, invisible)


def _token_pieces(text: str, norm: str, s: int, e: int) -> list[tuple[int, int]]:
    """The pieces of the token ``[s, e)`` between its zero-width spaces and control
    characters, in-word format characters (soft hyphen, joiners) kept inside a piece and
    trimmed from its ends; punctuation at an edge that meets such a character split off."""
    out: list[tuple[int, int]] = []
    k = s
    while k < e:
        while k < e and norm[k] in _SPACE_FIRST:
            k += 1
        j = k
        while j < e and (norm[j] not in _SPACE_FIRST or IN_WORD_FORMAT.match(text, j) is not None):
            j += 1
        a, b = k, j
        while b > a and norm[b - 1] in _SPACE_FIRST:
            b -= 1
        head, tail = a, b
        if a > s:
            while head < b - 1 and text[head] in _PREFIX_PUNCT:
                head += 1
        while tail > head + 1 and text[tail - 1] in _SUFFIX_PUNCT:
            tail -= 1
        if not (b < e or tail < b and IN_WORD_FORMAT.match(text, tail - 1) is not None):
            tail = b  # spaCy saw this end: its own split stands
        while tail > head + 1 and IN_WORD_FORMAT.match(text, tail - 1) is not None:
            tail -= 1
        # spaCy splits each mark of a run apart: ",”" is two tokens.
        out.extend((x, x + 1) for x in range(a, head))
        if tail > head:
            out.append((head, tail))
        out.extend((x, x + 1) for x in range(tail, b) if IN_WORD_FORMAT.match(text, x) is None)
        k = j
    return out


def split_at_invisible(arr: npt.NDArray[Any], text: str, norm: str) -> npt.NDArray[Any]:
    """Split the tokens that hold a zero-width space, a control or a format character, as
    spaCy would have split them had it been a space (rows of ``IDX, LENGTH, ...``)::

        said\u200b     ->  said
        Lee.\u200b     ->  Lee  .
        Ann\x00Lee     ->  Ann  Lee
        sa\u00adid     ->  sa\u00adid   (its text "said": a soft hyphen is inside the word)

    A piece keeps its token's tag and entity label. Only the tokens that hold such a character
    are looked at.

    Args:
        arr: Token rows, whitespace tokens already dropped.
        text: The original text.
        norm: Its normalised text.

    Returns:
        ``arr`` itself where no token holds one, else the rows with those tokens split.
    """
    starts: list[int] = arr[:, 0].tolist()
    lens: list[int] = arr[:, 1].tolist()
    hit = [k for k in range(len(starts)) if has_invisible_space(text[starts[k]:starts[k] + lens[k]])]
    if not hit:
        return arr
    rows: list[npt.NDArray[Any]] = []
    last = 0
    for k in hit:
        rows.append(arr[last:k])
        for a, b in _token_pieces(text, norm, starts[k], starts[k] + lens[k]):
            row = arr[k:k + 1].copy()
            row[0, 0], row[0, 1] = a, b - a
            rows.append(row)
        last = k + 1
    rows.append(arr[last:])
    return np.concatenate(rows, axis=0)


def _sentences(texts: list[str], paras: list[int], quote: list[int], caps: list[bool],
               para_a: npt.NDArray[np.int64], ends_like: list[int]) -> list[tuple[int, int]]:
    """Split tokens into sentences: at paragraph breaks and after end punctuation followed by
    a capital, a digit or an opening mark. “Hello.” she said stays one sentence.

    Only the paragraph breaks and ``ends_like``, the tokens that end in end punctuation, are
    looked at.
    """
    n = len(texts)
    cuts: set[int] = set((np.flatnonzero(np.diff(para_a)) + 1).tolist())
    for i in ends_like:
        t = texts[i]
        if i + 1 < n and paras[i + 1] != paras[i]:
            continue  # a paragraph break cuts here anyway
        if not (t in _SENT_END or (t.endswith(".") and len(t) > 1 and t[-2:-1].islower() and t[:1].islower())):
            continue
        p = paras[i]
        j = i + 1
        # Closing marks and brackets stay with the sentence; an opening mark does not.
        while (j < n and texts[j] in _CLOSERS and paras[j] == p
               and not (quote[j] < 0 and j + 1 < n and quote[j + 1] >= 0 and quote[j - 1] < 0)):
            j += 1
        if j < n and paras[j] == p:
            nxt = texts[j]
            if (caps[j] or nxt[:1].isdigit() or nxt in _OPENERS
                    or unicodedata.category(nxt[:1]).startswith("S")):  # an emoji
                cuts.add(j)
    bounds = [0, *sorted(c for c in cuts if 0 < c < n), n] if n else []
    return list(zip(bounds, bounds[1:]))
