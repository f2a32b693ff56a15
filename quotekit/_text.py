"""Text helpers shared by the stages: a same-length normalised copy, paragraphs, sentences.

Every helper keeps offsets: the normalised text has exactly the length of the original, so an
offset found in it points at the same character of the original.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

# Characters that read as a space: no-break and other Unicode spaces, tabs, zero-width and
# control characters (NUL included). Each becomes one ordinary space; so does every other
# format character (Unicode category Cf: soft hyphen, joiners, bidi controls), which
# _translate_run gives a space where this table has none.
_SPACE_LIKE = {
    ord(c): " "
    for c in (
        "\t\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
        "\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
    )
}
_SPACE_LIKE.update({c: " " for c in range(0x20) if c != 0x0A})
_SPACE_LIKE.update({0x7F: " "})
_LINE_BREAKS = {0x0D: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"}


_TABLE = {**_SPACE_LIKE, **_LINE_BREAKS}

# A run of characters normalize() changes (the keys of _TABLE), e.g. the three no-break
# spaces of "A\u00a0\u00a0\u00a0B".
_NORMALIZE_RUN = regex.compile(
    r"""
    [\x00-\x09\x0b-\x1f\x7f\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\p{Cf}]+
    """,
    regex.VERBOSE,
)


# A character normalize() turns into a space that str.isspace() (and so spaCy's IS_SPACE)
# does not count as one, e.g. the zero-width space in "a\u200bb" or a soft hyphen.
_INVISIBLE_SPACE = regex.compile(
    r"""
    [\x00-\x08\x0e-\x1b\x7f\p{Cf}]
    """,
    regex.VERBOSE,
)


def has_invisible_space(text: str) -> bool:
    """Whether ``text`` holds a character that :func:`normalize` makes a space but
    ``str.isspace`` does not count as one (zero-width, soft hyphen, control characters).

    Without one, a token is blank in the normalised text exactly when spaCy flags it
    ``IS_SPACE``.

    Args:
        text: The original text.

    Returns:
        ``True`` if there is such a character.
    """
    return _INVISIBLE_SPACE.search(text) is not None


def _translate_run(m: regex.Match[str]) -> str:
    # Every character of the run changes: a format character not in the table becomes a space.
    return "".join([_TABLE.get(ord(c), " ") for c in m.group()])


def normalize(text: str) -> str:
    """Return a copy of ``text`` of the same length that the rules can read simply.

    CRLF becomes " \\n", a lone CR and Unicode line separators become "\\n"; no-break, zero-width
    and control characters become a space. Nothing is inserted or removed.

    Args:
        text: The original text.

    Returns:
        The normalised text, ``len(result) == len(text)``.
    """
    if _NORMALIZE_RUN.search(text) is None:
        return unwrap_lines(text)
    # Only the runs that change are translated: str.translate over the whole text looks up
    # every character in the table.
    return unwrap_lines(_NORMALIZE_RUN.sub(_translate_run, text.replace("\r\n", " \n")))


#: Hard-wrapped text is wrapped at no more than this many characters a line.
WRAP_MAX = 100
#: ... and at least this many (shorter lines are verse, lists or tables).
WRAP_MIN = 30
#: A line is full when its next line's first word would have made it this much longer than
#: the widest line, or less: the wrapping program moved that word down.
WRAP_SLACK = 2


def _full_lines(lines: list[str]) -> tuple[int, list[bool]]:
    """The wrap width of ``lines`` (the widest line followed by another) and, for each line
    followed by a non-blank one, whether it is full at that width."""
    lens = [len(x.rstrip()) for x in lines]
    inner = [k for k in range(len(lines) - 1) if lens[k] and lens[k + 1]]
    width = max((lens[k] for k in inner if lens[k] <= WRAP_MAX), default=0)
    full = [False] * len(lines)
    for k in inner:
        nxt = lines[k + 1].split(maxsplit=1)
        full[k] = lens[k] <= width and lens[k] + 1 + len(nxt[0] if nxt else "") > width - WRAP_SLACK
    return width, full


def unwrap_lines(norm: str) -> str:
    """Join the lines of hard-wrapped text (wire copy, e-mail, plain-text archives) into their
    paragraphs: a line break inside a paragraph becomes a space (same length)::

        The mayor said: “We have mended the pier and we\n      ->  ... and we will open
        will open it in May.” She left at noon.\n\nNext ...       it in May.” ...\n\nNext ...

    Text is hard-wrapped where at least three lines are followed by another line, the widest
    such line is WRAP_MIN to WRAP_MAX characters, three in four of them are full (the next
    line's first word did not fit), and half the lines after a full one start in lower case
    (the sentence goes on). Only full lines are joined: a short line stays a paragraph's end.
    Paragraphs are then separated by blank lines, as in such text.

    Args:
        norm: Normalised text (line breaks are "\n").

    Returns:
        ``norm`` itself where it is not hard-wrapped, else the joined copy.
    """
    if norm.count("\n") < 3:
        return norm
    lines = norm.split("\n")
    width, full = _full_lines(lines)
    inner = sum(1 for k in range(len(lines) - 1) if lines[k].strip() and lines[k + 1].strip())
    if inner < 3 or width < WRAP_MIN or sum(full) * 4 < inner * 3:
        return norm
    # Prose goes on mid-sentence: most lines that follow a full one start in lower case (a
    # list of headlines or names, lines of like length, does not).
    if sum(1 for k, f in enumerate(full) if f and lines[k + 1].lstrip()[:1].islower()) * 2 < sum(full):
        return norm
    out = [x + (" " if f else "\n") for x, f in zip(lines, full)]
    out[-1] = lines[-1]
    return "".join(out)


# A character that separates words though it shows nothing: a zero-width space, a C0 control
# (NUL, BEL, ESC) or DEL, e.g. the one in "said\u200bAnn Lee".
WORD_SEPARATOR = regex.compile(
    r"""
    [\x00-\x08\x0e-\x1f\x7f\u200b]
    """,
    regex.VERBOSE,
)

# Two or more spaces, e.g. the two that "Ann\u200b Lee" has once its zero-width space is one.
_SPACE_RUN = regex.compile(
    r"""
    [ ]{2,}
    """,
    regex.VERBOSE,
)

# A format character that belongs inside a word and shows nothing: a soft hyphen, a joiner,
# a bidi mark, a byte-order mark (Unicode category Cf but the zero-width space), e.g. the soft
# hyphen of "Ann Lee\u00ad" or "sa\u00adid".
IN_WORD_FORMAT = regex.compile(
    r"""
    [\p{Cf}--\u200b]
    """,
    regex.VERBOSE | regex.VERSION1,
)


# A character spaCy should read as a space: a word separator (above), or a format character
# at a word's edge, e.g. the word joiner of "said\u2060 Ann" or the soft hyphen of "Lee\u00ad."
# (one between two letters, as in "sa\u00adid", stays: it is inside the word).
SPACE_TO_SPACY = regex.compile(
    r"""
    [\x00-\x08\x0e-\x1f\x7f\u200b]
    | (?<! \w ) \p{Cf}
    | \p{Cf} (?! \w )
    """,
    regex.VERBOSE,
)


def blank_invisible(text: str) -> str:
    """A copy of ``text`` of the same length in which spaCy finds the words a reader sees:
    zero-width spaces, control characters and format characters at a word's edge are spaces::

        "said\u200b Ann Lee.\u00ad The"  ->  "said  Ann Lee.  The"
        "sa\u00adid"                      ->  "sa\u00adid"   (inside the word: kept)

    Args:
        text: The original text.

    Returns:
        ``text`` itself where it holds no such character.
    """
    # Only where there is such a character is the pattern tried (at every position it is slow).
    cuts = [m.start() for m in _INVISIBLE_SPACE.finditer(text) if SPACE_TO_SPACY.match(text, m.start())]
    if not cuts:
        return text
    pieces, last = [], 0
    for k in cuts:
        pieces += [text[last:k], " "]
        last = k + 1
    pieces.append(text[last:])
    return "".join(pieces)


# A dash glued between a closing quotation mark and the next word, in the older typewritten
# style, e.g. the "--" of '"Enough"--said the chairman' or the "—" of "“Enough!”—said Ann".
GLUED_DASH = regex.compile(
    r"""
    (?<= ["”’'»] ) (?: -{2,3} | [—–] ) (?= \p{L} )
    """,
    regex.VERBOSE,
)


def _unglue(m: regex.Match[str]) -> str:
    # Only after a closing mark, one that follows a word: " "--x" has an opening mark there.
    k = m.start() - 2
    return " " * len(m.group()) if k >= 0 and not m.string[k].isspace() else m.group()


def unglue_dash(text: str) -> str:
    """A copy of ``text`` of the same length in which a dash glued between a closing mark and
    a word is spaces, so that spaCy reads the word apart (it keeps ``Enough"--said`` as one
    token)::

        '"Enough"--said the chairman.'  ->  '"Enough"  said the chairman.'

    Args:
        text: The text.

    Returns:
        ``text`` itself where it has no such dash.
    """
    if "-" not in text and "—" not in text and "–" not in text:
        return text
    return GLUED_DASH.sub(_unglue, text)


def for_spacy(text: str) -> str:
    """The text spaCy should read: :func:`blank_invisible` and :func:`unglue_dash` (same length).

    Args:
        text: The original text.

    Returns:
        ``text`` itself where neither changes anything.
    """
    return unglue_dash(blank_invisible(text))


def visible_text(text: str) -> str:
    """``text`` as a reader sees it: in-word format characters dropped, zero-width spaces and
    control characters made spaces, white space runs around them made one space.

    For names and other strings quotekit takes from the article, never for offsets::

        "Ann\u00adLee.\u200b"  ->  "AnnLee."
        "Ann\u200b Lee"        ->  "Ann Lee"

    Args:
        text: A stretch of the original text.

    Returns:
        ``text`` itself where it holds no such character.
    """
    if _INVISIBLE_SPACE.search(text) is None:
        return text
    out = WORD_SEPARATOR.sub(" ", IN_WORD_FORMAT.sub("", text))
    return _SPACE_RUN.sub(" ", out).strip()


# A paragraph: a run of characters between line breaks, e.g. the second line of "A\nB said."
_PARAGRAPH = regex.compile(
    r"""
    [^\n]+      # e.g. "B said."
    """,
    regex.VERBOSE,
)


class Paragraphs:
    """The paragraphs of a normalised text (every line break ends one) for fast look-up.

    Attributes:
        spans: ``(start, end)`` of each non-blank paragraph, trimmed of surrounding spaces.
    """

    def __init__(self, norm: str) -> None:
        spans = []
        for m in _PARAGRAPH.finditer(norm):
            s, e = m.span()
            while s < e and norm[s] == " ":
                s += 1
            while e > s and norm[e - 1] == " ":
                e -= 1
            if e > s:
                spans.append((s, e))
        self.spans: list[tuple[int, int]] = spans
        self._starts = [s for s, _ in spans]

    def index(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (the one before it when ``pos`` is between)."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def __len__(self) -> int:
        return len(self.spans)


def strip_span(norm: str, start: int, end: int, chars: str = " \n") -> tuple[int, int]:
    """Shrink ``[start, end)`` past leading and trailing ``chars``.

    Args:
        norm: The normalised text.
        start: Start offset.
        end: End offset.
        chars: Characters to strip.

    Returns:
        The stripped ``(start, end)``; empty spans come back with ``start == end``.
    """
    while start < end and norm[start] in chars:
        start += 1
    while end > start and norm[end - 1] in chars:
        end -= 1
    return start, end


@dataclass(slots=True)
class HasParts:
    """Base of the records made of ``parts``: ``(start, end)`` spans in text order.

    A dataclass, so that the records' own dataclasses (compiled or not) inherit ``parts`` as
    their first field.
    """

    parts: list[tuple[int, int]]

    @property
    def start(self) -> int:
        """Start of the first part."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """End of the last part."""
        return self.parts[-1][1]
