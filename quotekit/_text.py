"""Text helpers shared by the stages: a same-length normalised copy, paragraphs, sentences.

Every helper keeps offsets: the normalised text has exactly the length of the original, so an
offset found in it points at the same character of the original.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

# Characters that read as a space: no-break and other Unicode spaces, tabs, zero-width and
# control characters (NUL included). Each becomes one ordinary space.
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
    [\x00-\x09\x0b-\x1f\x7f\x85\u00a0\u00ad\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+
    """,
    regex.VERBOSE,
)


# A character normalize() turns into a space that str.isspace() (and so spaCy's IS_SPACE)
# does not count as one, e.g. the zero-width space in "a\u200bb" or a soft hyphen.
_INVISIBLE_SPACE = regex.compile(
    r"""
    [\x00-\x08\x0e-\x1b\x7f\u00ad\u200b-\u200f\u2060\ufeff]
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
    return m.group().translate(_TABLE)


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
        return text
    # Only the runs that change are translated: str.translate over the whole text looks up
    # every character in the table.
    return _NORMALIZE_RUN.sub(_translate_run, text.replace("\r\n", " \n"))


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
