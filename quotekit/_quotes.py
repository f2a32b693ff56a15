"""Stage 1: find quotation marks in raw text and pair them into quoted stretches.

Works on the normalised text alone (no spaCy), in one pass over the marks: linear time.

While a quotation is open, each mark of its family is read by the first of these that fits:

1. a closing mark closes it (or the innermost nested one);
2. an opening mark after an attribution clause or more than ``UNCLOSED_MAX`` characters
   (:func:`attribution_cut`) ends it unclosed and opens the next quotation;
3. an opening mark after a finished sentence starts its next part
   (:func:`reopens_after_sentence`: paragraphs flattened into one line);
4. any other opening mark opens a nested quotation.

At a paragraph's end it goes on only where the next paragraph opens with a mark of its family;
an unclosed quotation is bounded by :func:`bound_unclosed`. Hard-wrapped lines were joined into
their paragraphs by :func:`quotekit._text.normalize` before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ._lexicons import Lexicons, default_lexicons
from ._text import HasParts, Paragraphs, strip_span

# A quotation mark of the double family (two-character forms first) or the single family.
# e.g. “ ” „ " « » `` '' (double); ‘ ’ ' ‹ › (single)
QUOTE_MARK = regex.compile(
    r"""
    (?P<double> `` | '' | [“”„‟"«»〝〞＂] )   # e.g. “Hello”, ``Hello'', «Bonjour»
    | (?P<single> [‘’‚‛'‹›`] )              # e.g. ‘Hello’ in British style, `Hello' typewritten
    """,
    regex.VERBOSE,
)

# ’n’ and 'n' as in rock ’n’ roll: both marks are apostrophes.
N_CONTRACTION = regex.compile(
    r"""
    (?<=\s) [’'] n [’'] (?=\s)    # e.g. "rock ’n’ roll"
    """,
    regex.VERBOSE,
)

# A word right after an apostrophe: its letters, or a decade ("’90s"). The apostrophe elides a
# letter where the word is one of the language's elisions (Lexicons.words.elisions: ’em, ’tis)
# or a decade.
LEADING_ELISION = regex.compile(
    r"""
    [’'] (?: (?P<word> [^\W\d_]+ ) | [0-9]{2}s? ) \b   # e.g. ’90s, ’em
    """,
    regex.VERBOSE,
)

_OPEN_GLYPHS = frozenset("“„‟«‘‚‛‹〝`") | {"``"}
_CLOSE_GLYPHS = frozenset("”»’›〞")
_OPEN_BEFORE = frozenset(" \n([{—–-/:;") | _OPEN_GLYPHS | {'"', "'"}
_CLOSE_AFTER = frozenset(" \n.,;:!?)]}—–-/…") | _CLOSE_GLYPHS | {'"', "'"}
_STRONG_CLOSE_BEFORE = frozenset(".,!?…—-")
_SENTENCE_FINAL = frozenset(".!?…")
# How far back an attribution clause is looked for again when a stretch was scanned before.
_CLAUSE_REACH = 80

#: Nesting deeper than this is read as text, so that hostile input cannot grow the stack.
MAX_DEPTH = 64

#: An unclosed quotation's last part ends at the first sentence end after this many characters.
UNCLOSED_SOFT = 500
#: ... and is never longer than this (cut at a space where there is no sentence end).
UNCLOSED_MAX = 1000

# Punctuation that can end a quotation's content (a closing mark of the other family may
# follow it), then the words of the clause after it up to its own punctuation or the end: where
# an unclosed quotation may meet its attribution, e.g. ", she said." or ", said Ann Lee," or
# ". The mayor added." or ',” it said in a statement.'
CLAUSE_AFTER = regex.compile(
    r"""
    [,.!?…] ["”’'»]? [ ]+
    (?P<clause> [^\W\d_][\w'’-]* (?: [ ]+ [^\W\d_][\w'’-]* ){1,4} )
    [ ]* (?= [.,;:!?] | $ )
    """,
    regex.VERBOSE,
)

# A sentence end inside a quotation, e.g. the "." of "We are done. Now", or "?”" before a space.
SENTENCE_END = regex.compile(
    r"""
    [.!?…]+ ["”’']? (?= [ ] )
    """,
    regex.VERBOSE,
)


@dataclass(slots=True)
class Mark:
    """One quotation mark: where it is, its family, and whether it can open or close."""

    start: int
    end: int
    family: str
    can_open: bool
    can_close: bool
    glyph: str


@dataclass(slots=True)
class RawQuote(HasParts):
    """A quoted stretch: content parts (marks excluded) and the marks around them.

    Attributes:
        parts: ``(start, end)`` of the content in each paragraph.
        open_mark: Offset of the opening mark.
        close_mark: Offset of the closing mark, or ``None`` where the article left it unclosed.
        family: ``"double"`` or ``"single"``.
    """

    open_mark: int
    close_mark: int | None
    family: str
    mark_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def outer_end(self) -> int:
        """End of the closing mark, or of the content where there is none."""
        return self.mark_spans[-1][1] if self.close_mark is not None else self.end


def _elides(norm: str, s: int, elisions: frozenset[str]) -> bool:
    """The apostrophe at ``s`` stands for an elided letter (’em, ’tis, ’90s)."""
    m = LEADING_ELISION.match(norm, s)
    if m is None:
        return False
    word = m.group("word")
    return word is None or word.lower() in elisions


def _marks(norm: str, elisions: frozenset[str]) -> list[Mark]:
    elided = {m.start() for m in N_CONTRACTION.finditer(norm)}
    elided |= {m.end() - 1 for m in N_CONTRACTION.finditer(norm)}
    out: list[Mark] = []
    n = len(norm)
    for m in QUOTE_MARK.finditer(norm):
        s, e = m.span()
        glyph = m.group()
        prev = norm[s - 1] if s > 0 else " "
        nxt = norm[e] if e < n else " "
        left = nxt not in " \n" and (prev in _OPEN_BEFORE)
        right = prev not in " \n" and (nxt in _CLOSE_AFTER)
        family = "double" if m.group("double") else "single"
        if family == "single":
            if s in elided or (prev.isalnum() and nxt.isalnum()):
                continue  # don’t, Met’s, rock ’n’ roll
            if glyph in "’'" and prev in " \n([-–" and _elides(norm, s, elisions):
                continue  # ’90s, ’em
            if glyph == "’" and left and not right and prev.isalnum():
                continue
        can_open, can_close = left, right
        if left and right or not (left or right):
            # Context does not decide: trust the glyph; a straight mark can do either.
            can_open = glyph in _OPEN_GLYPHS or glyph in "\"'＂"
            can_close = glyph in _CLOSE_GLYPHS or glyph in "\"'＂" or glyph == "''"
            if not (left or right) and prev in " \n" and nxt in " \n":
                if family == "single" or glyph in _OPEN_GLYPHS:
                    continue  # a mark standing alone between spaces
                # ''A, '' said Jones: a spaced closing mark
                can_open, can_close = False, True
        elif glyph == "``":
            can_open, can_close = True, False
        out.append(Mark(s, e, family, can_open, can_close, glyph))
    return out


def reopens_after_sentence(norm: str, stack: list[Mark], mk: Mark) -> bool:
    """An opening mark after a finished sentence inside an open quotation starts its next part.

    Text whose paragraphs were joined into one line keeps the multi-paragraph convention (the
    paragraph before has no closing mark, the next one reopens), so the reopening mark shows up
    inside the line::

        The minister said: "We have cut waiting lists. "We will go further." She said ...
                           ^open                       ^reopens (one quotation, two parts)

    Only where one quotation of the same family is open (not inside a nested one) and the mark
    follows sentence-final punctuation (closing brackets and spaces allowed between): a nested
    quotation opens inside a sentence ("He said “no” to me").
    """
    if len(stack) != 1 or mk.family != stack[0].family or not mk.can_open or mk.can_close:
        return False
    k = mk.start - 1
    while k > stack[0].end and norm[k] in " )]":
        k -= 1
    return k > stack[0].end and k < mk.start - 1 and norm[k] in _SENTENCE_FINAL


def _is_attribution(words: list[str], lex: Lexicons) -> bool:
    """``words`` are an attribution clause: "she said", "it said in a statement", "said Ann
    Lee", "the mayor added", "Ann Lee told reporters"."""
    lower = [w.lower() for w in words]
    speech = [lex.cue_words.get(w) == "speech" for w in lower]
    if speech[0]:
        return words[1][:1].isupper() or lower[1] in lex.words.role_determiners  # said Ann Lee
    third = lex.pronouns.get(lower[0])
    if speech[1] and third is not None and (lower[0] in lex.words.person_pronouns or third[0] == "n"):
        return True  # she said, it said in a statement
    for k in range(1, len(words)):
        if speech[k]:  # Ann Lee said, the mayor told reporters
            return all(w[:1].isupper() for w in words[:k]) or lower[0] in lex.words.role_determiners
    return False


def attribution_cut(norm: str, start: int, end: int, lex: Lexicons) -> int:
    """Where quoted words in ``[start, end)`` end before narration attributing them: after the
    punctuation before the first attribution clause ("..., she said.", "..., said Ann Lee."),
    or -1 where there is none. Only an unclosed quotation holds one.
    """
    for m in CLAUSE_AFTER.finditer(norm, start, end):
        if _is_attribution(m.group("clause").split(), lex):
            return m.start() + 1
    return -1


def bound_unclosed(norm: str, start: int, end: int, lex: Lexicons) -> int:
    """End of an unclosed quotation's last part, which runs from ``start`` at most to ``end``
    (its paragraph's end). A stray opening mark must not swallow its paragraph::

        “We will finish the work, he said. The council met later ...
         ^-------------------------^ ends after the comma before its attribution

    The part ends after the punctuation before the first attribution clause in it (", she
    said.", ", said Ann Lee,", ". The mayor added."), else after the first sentence end
    past :data:`UNCLOSED_SOFT` characters, and never past :data:`UNCLOSED_MAX` characters
    (then at the last space before that).
    """
    cut = attribution_cut(norm, start, end, lex)
    if cut >= 0:
        return cut
    if end - start <= UNCLOSED_SOFT:
        return end
    hard = start + UNCLOSED_MAX
    m = SENTENCE_END.search(norm, start + UNCLOSED_SOFT, min(end, hard) + 1)
    if m is not None:
        return m.end()
    if end <= hard:
        return end
    space = norm.rfind(" ", start + 1, hard)
    return space if space > start else hard


def _finish(norm: str, quotes: list[RawQuote], stack: list[Mark], parts: list[tuple[int, int]],
            mark_spans: list[tuple[int, int]], part_start: int, close: Mark | None, end: int,
            lex: Lexicons) -> None:
    """Close the open quotation at ``end`` (at mark ``close``, or unclosed: then bounded by
    :func:`bound_unclosed`) and empty ``stack``."""
    if close is None:
        end = bound_unclosed(norm, part_start, end, lex)
    s, e = strip_span(norm, part_start, end)
    if e > s:
        parts.append((s, e))
    if close is not None:
        mark_spans.append((close.start, close.end))
    if parts:
        quotes.append(RawQuote(parts, stack[0].start, close.start if close else None, stack[0].family, mark_spans))
    stack.clear()


@dataclass(slots=True)
class _Pairing:
    """One family's pairing in progress: the quotations found and the open one's state."""

    norm: str
    lex: Lexicons
    quotes: list[RawQuote] = field(default_factory=list)
    stack: list[Mark] = field(default_factory=list)  # the open quotation's opening marks, outermost first
    parts: list[tuple[int, int]] = field(default_factory=list)
    mark_spans: list[tuple[int, int]] = field(default_factory=list)
    part_start: int = 0
    open_para: int = -1
    last_checked: int = 0


def _strong_closers_later(norm: str, marks: list[Mark], paras: Paragraphs) -> list[bool]:
    """For each mark: is there a strong closer later in its paragraph, before the next opener?"""
    # For the single family: where there is one, a weak closer ("officers’ conduct") is an apostrophe.
    strong_later = [False] * len(marks)
    seen_strong = False
    last_para = -1
    for i in range(len(marks) - 1, -1, -1):
        mk = marks[i]
        para = paras.index(mk.start)
        if para != last_para:
            seen_strong, last_para = False, para
        strong_later[i] = seen_strong
        prev = norm[mk.start - 1] if mk.start else " "
        if mk.can_close and prev in _STRONG_CLOSE_BEFORE:
            seen_strong = True
        elif mk.can_open and not mk.can_close:
            seen_strong = False
    return strong_later


def _open_quote(st: _Pairing, mk: Mark, para: int) -> None:
    """Open a new quotation at ``mk`` (the stack must be empty)."""
    st.stack.append(mk)
    st.parts, st.mark_spans = [], [(mk.start, mk.end)]
    st.part_start, st.open_para = mk.end, para


def _close_quote(st: _Pairing, close: Mark | None, end: int) -> None:
    """Close the open quotation at ``end`` (see :func:`_finish`) and start fresh part lists."""
    _finish(st.norm, st.quotes, st.stack, st.parts, st.mark_spans, st.part_start, close, end, st.lex)
    # Fresh lists: the finished RawQuote keeps the old ones.
    st.parts, st.mark_spans = [], []


def _end_part(st: _Pairing, end: int, mk: Mark) -> None:
    """End the open quotation's current part at ``end``; the next one starts after mark ``mk``."""
    s, e = strip_span(st.norm, st.part_start, end)
    if e > s:
        st.parts.append((s, e))
    st.mark_spans.append((mk.start, mk.end))
    st.part_start = mk.end


def _paragraph_ended(st: _Pairing, mk: Mark, para: int, paras: Paragraphs) -> bool:
    """Handle a quotation still open when its paragraph ends; True where ``mk`` continued it."""
    # It goes on only where the very next paragraph opens with a mark of the same family (the
    # multi-paragraph convention); otherwise recover at the end of its paragraph.
    p_end = paras.spans[st.open_para][1]
    if para == st.open_para + 1 and mk.start == paras.spans[para][0] and mk.can_open:
        _end_part(st, p_end, mk)
        st.open_para = para
        del st.stack[1:]
        return True
    _close_quote(st, None, p_end)
    return False


def _step_open(st: _Pairing, mk: Mark, strong_later: bool, para: int) -> None:
    """Read mark ``mk`` while a quotation is open: close, reopen, nest or skip it."""
    norm, stack = st.norm, st.stack
    prev = norm[mk.start - 1] if mk.start else " "
    checked, st.last_checked = st.last_checked, mk.start  # each stretch is scanned once (linear)
    if mk.can_close and (mk.family == "double" or prev in _STRONG_CLOSE_BEFORE
                         or not strong_later or not mk.can_open and not prev.isalpha()):
        if len(stack) > 1:
            stack.pop()
            return
        _close_quote(st, mk, mk.start)
    elif (len(stack) == 1 and mk.can_open and not mk.can_close
          and (mk.start - st.part_start > UNCLOSED_MAX
               or attribution_cut(norm, max(st.part_start, checked - _CLAUSE_REACH), mk.start, st.lex) >= 0)):
        # Narration came between (an attribution, or more than an unclosed quotation may
        # hold): the open quotation was never closed, and this mark opens the next one
        # ("“We are done, he said. Later: “Go.”").
        _close_quote(st, None, mk.start)
        _open_quote(st, mk, para)
    elif reopens_after_sentence(norm, stack, mk):
        _end_part(st, mk.start, mk)
    elif mk.can_open and not mk.can_close:
        if len(stack) < MAX_DEPTH:
            stack.append(mk)
    # Otherwise a weak closer with a stronger one ahead: an apostrophe.


def _pair(norm: str, marks: list[Mark], paras: Paragraphs, blocked: list[tuple[int, int]],
          lex: Lexicons) -> list[RawQuote]:
    """Pair one family's marks into quotations, paragraph-aware, in one pass."""
    strong_later = _strong_closers_later(norm, marks, paras)
    st = _Pairing(norm, lex)
    block_i = 0
    for i, mk in enumerate(marks):
        while block_i < len(blocked) and blocked[block_i][1] <= mk.start:
            block_i += 1
        if block_i < len(blocked) and blocked[block_i][0] <= mk.start < blocked[block_i][1]:
            continue  # inside a quotation of the other family: nested, part of its content
        para = paras.index(mk.start)
        if st.stack and para != st.open_para and _paragraph_ended(st, mk, para, paras):
            continue
        if not st.stack:
            weak = mk.family == "single" and mk.can_close and not mk.can_open
            if mk.can_open and not weak:
                _open_quote(st, mk, para)
            continue
        _step_open(st, mk, strong_later[i], para)
    if st.stack:
        _close_quote(st, None, paras.spans[st.open_para][1])
    return st.quotes


def find_quotes(norm: str, paras: Paragraphs | None = None, lex: Lexicons | None = None) -> list[RawQuote]:
    """Find every quoted stretch in a normalised text.

    The family with more marks that can only open is the article's main one (double in American
    style, single in British); the other family is read only outside the main one's quotations,
    so that ‘nested’ quotations stay part of the outer one. Apostrophes are never marks.

    Args:
        norm: The text, normalised by :func:`quotekit._text.normalize`.
        paras: Its paragraphs, where already computed.
        lex: Lexicons of the text's language (the shipped English ones where not given).

    Returns:
        The quotations in text order, each with one part per paragraph.
    """
    paras = paras or Paragraphs(norm)
    if not paras.spans:
        return []
    lex = lex if lex is not None else default_lexicons()
    marks = _marks(norm, lex.words.elisions)
    by_family: dict[str, list[Mark]] = {"double": [], "single": []}
    for mk in marks:
        by_family[mk.family].append(mk)
    openers = {f: sum(1 for m in ms if m.can_open and not m.can_close) for f, ms in by_family.items()}
    main, other = ("single", "double") if openers["single"] > openers["double"] else ("double", "single")
    first = _pair(norm, by_family[main], paras, [], lex)
    blocked = [(q.open_mark, q.outer_end) for q in first]
    second = _pair(norm, by_family[other], paras, blocked, lex)
    return sorted(first + second, key=lambda q: q.start)
