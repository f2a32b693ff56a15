"""A light, read-only view of a spaCy ``Doc`` that every stage shares.

Whitespace tokens are dropped; each token knows its paragraph, sentence and whether it lies
inside a quotation. Built once per document in linear time.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from ._quotes import RawQuote
from ._text import Paragraphs

_SENT_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({"”", "’", '"', "'", "»", ")", "]", "''", "›"})
_OPENERS = frozenset({"“", "‘", '"', "'", "«", "(", "[", "``", "''", "„", "‹"})


@dataclass(slots=True)
class Tok:
    """One non-space token.

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
    """

    i: int
    text: str
    lower: str
    start: int
    end: int
    para: int
    sent: int = 0
    tag: str = ""
    ent: str = ""
    quote: int = -1

    @property
    def is_cap(self) -> bool:
        """Starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        """Starts with a letter or digit."""
        return self.text[:1].isalnum()


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

    def tok_at(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset`` (len(toks) if none)."""
        return bisect_right(self._starts, offset - 1)

    def span_text(self, i: int, j: int) -> str:
        """Original text from token ``i`` to token ``j - 1``."""
        if j <= i:
            return ""
        return self.text[self.toks[i].start:self.toks[j - 1].end]


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


def build_view(doc: Doc, text: str, norm: str, paras: Paragraphs, quotes: list[RawQuote]) -> View:
    """Build the shared view of ``doc``.

    Args:
        doc: The parsed document (blank or trained pipeline).
        text: ``doc.text`` (spaCy rebuilds it on every access).
        norm: Its normalised text.
        paras: Paragraphs of ``norm``.
        quotes: Quoted stretches from :func:`quotekit._quotes.find_quotes`.

    Returns:
        The view.
    """
    tagged = doc.has_annotation("TAG")
    has_ents = doc.has_annotation("ENT_IOB")
    toks: list[Tok] = []
    para_starts = [s for s, _ in paras.spans]
    p = 0
    strings = doc.vocab.strings
    # One array read instead of a spaCy Token object per token: the hot loop of the view.
    for idx, length, tag, ent in doc.to_array(["IDX", "LENGTH", "TAG", "ENT_TYPE"]).tolist():
        end = idx + length
        if norm[idx] in " \n" and not norm[idx:end].strip():
            continue  # whitespace, no-break and zero-width spaces included
        while p + 1 < len(para_starts) and para_starts[p + 1] <= idx:
            p += 1
        word = text[idx:end]
        toks.append(Tok(len(toks), word, word.lower(), idx, end, p, 0,
                        strings[tag] if tagged and tag else "", strings[ent] if has_ents and ent else ""))
    # Which quotation part holds each token (parts of different quotations never overlap).
    parts = sorted((s, e, qi) for qi, q in enumerate(quotes) for s, e in q.parts)
    k = 0
    for tok in toks:
        while k < len(parts) and parts[k][1] <= tok.start:
            k += 1
        if k < len(parts) and parts[k][0] <= tok.start < parts[k][1]:
            tok.quote = parts[k][2]
    sents = _sentences(toks)
    for n, (a, b) in enumerate(sents):
        for tok in toks[a:b]:
            tok.sent = n
    return View(text, norm, toks, paras, sents, quotes, tagged, has_ents, [t.start for t in toks])


def _sentences(toks: list[Tok]) -> list[tuple[int, int]]:
    """Split tokens into sentences: at paragraph breaks and after end punctuation followed by
    a capital, a digit or an opening mark. “Hello.” she said stays one sentence."""
    sents: list[tuple[int, int]] = []
    start = 0
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if i + 1 < n and toks[i + 1].para != t.para:
            sents.append((start, i + 1))
            start = i + 1
        elif t.text in _SENT_END or (t.text.endswith(".") and len(t.text) > 1 and t.text[-2:-1].islower()
                                     and t.text[:1].islower()):
            j = i + 1
            # Closing marks and brackets stay with the sentence; an opening mark does not.
            while (j < n and toks[j].text in _CLOSERS and toks[j].para == t.para
                   and not (toks[j].quote < 0 and j + 1 < n and toks[j + 1].quote >= 0 and toks[j - 1].quote < 0)):
                j += 1
            if j < n and toks[j].para == t.para:
                nxt = toks[j]
                if (nxt.is_cap or nxt.text[:1].isdigit() or nxt.text in _OPENERS
                        or unicodedata.category(nxt.text[:1]).startswith("S")):  # an emoji
                    sents.append((start, j))
                    start = j
                    i = j
                    continue
        i += 1
    if start < n:
        sents.append((start, n))
    return sents
