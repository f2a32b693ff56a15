"""Show an article's quotations as HTML, like spaCy's displaCy: who said what, highlighted.

>>> import quotekit
>>> from quotekit.render import render
>>> html = render(quotekit.extract(text), jupyter=False)   # doctest: +SKIP

Each quotation part is wrapped in ``<mark class="qk-quote">`` with a background colour per
speaker, followed by a small label with the speaker's name and role; a legend lists the
speakers. Nested or overlapping quotations (a partial quotation inside an indirect one) give
well-formed HTML: the markup is built from sorted open and close events, closing and reopening
marks where spans cross.
"""

from __future__ import annotations

import bisect
import html
import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ._types import Quote, Result, Speaker

#: Background colours given to speakers in order of their first quotation (pastel, readable).
PALETTE: tuple[str, ...] = (
    "#a6cee3", "#fdbf6f", "#b2df8a", "#fb9a99", "#cab2d6",
    "#ffff99", "#8dd3c7", "#fccde5", "#bebada", "#ccebc5",
    "#ffd92f", "#80b1d3", "#e5c494", "#b3de69", "#fdb462",
)

#: Background colour of quotations without a speaker.
UNATTRIBUTED_COLOR: str = "#d9d9d9"

#: Separator between a speaker's name and role in labels.
LABEL_SEPARATOR: str = " · "

CSS: str = """
.qk-render { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  line-height: 2.1; color: #222; max-width: 60em; }
.qk-render h2.qk-id { font-size: 1.05em; margin: 1.2em 0 0.3em; color: #555; }
.qk-text { margin: 0.5em 0 1em; }
.qk-text p { margin: 0 0 0.6em; }
.qk-quote { padding: 0.15em 0.2em; border-radius: 0.3em; color: inherit;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.qk-quote.qk-indirect { border-bottom: 2px dashed rgba(0, 0, 0, 0.45); }
.qk-quote.qk-partial { border-bottom: 2px solid rgba(0, 0, 0, 0.45); }
.qk-quote .qk-quote { outline: 1px solid rgba(0, 0, 0, 0.45); }
.qk-label { font-size: 0.7em; font-weight: 600; text-transform: none; line-height: 1;
  padding: 0.2em 0.45em; margin: 0 0.25em; border-radius: 0.35em; vertical-align: middle;
  white-space: nowrap; border: 1px solid rgba(0, 0, 0, 0.25); }
.qk-legend { font-size: 0.9em; line-height: 1.6; border-top: 1px solid #ddd;
  padding-top: 0.5em; margin-bottom: 2em; }
.qk-legend ul { list-style: none; padding: 0; margin: 0.3em 0; }
.qk-legend li { margin: 0.15em 0; }
.qk-swatch { display: inline-block; width: 1em; height: 1em; border-radius: 0.2em;
  vertical-align: -0.15em; margin-right: 0.4em; border: 1px solid rgba(0, 0, 0, 0.25); }
.qk-type, .qk-count { color: #666; }
"""


@dataclass(frozen=True, slots=True)
class _Entry:
    """A speaker of the legend (``speaker`` is ``None`` for unattributed quotations)."""

    speaker: Speaker | None
    color: str
    count: int


def render(
    result_or_doc: Any, *, jupyter: bool | None = None, page: bool | None = None
) -> str | None:
    """Render quotations as HTML.

    Args:
        result_or_doc: A :class:`~quotekit.Result`, a list of them, or a spaCy ``Doc`` whose
            ``doc._.quotes`` extension holds its quotations.
        jupyter: ``True`` to display the HTML in a Jupyter notebook and return ``None``;
            ``False`` to return it; ``None`` to detect whether code runs in a Jupyter kernel.
        page: ``True`` for a full standalone HTML page, ``False`` for a fragment (with its own
            ``<style>``); ``None`` for a page outside Jupyter and a fragment inside it.

    Returns:
        The HTML, or ``None`` when it was displayed in Jupyter.

    Raises:
        TypeError: The argument is neither a result, a list of results nor a ``Doc`` with
            quotations.
        ImportError: ``jupyter=True`` but IPython is not installed.
    """
    articles = _articles(result_or_doc)
    if jupyter is None:
        jupyter = is_in_jupyter()
    if page is None:
        page = not jupyter
    body = "".join(_render_article(text, quotes, art_id) for text, quotes, art_id in articles)
    fragment = f'<div class="qk-render">{body}</div>'
    markup = _page(fragment) if page else f"<style>{CSS}</style>{fragment}"
    if jupyter:
        display: Any = importlib.import_module("IPython.display")
        display.display(display.HTML(markup))
        return None
    return markup


def is_in_jupyter() -> bool:
    """Tell whether code runs in a Jupyter (IPython kernel) session.

    Returns:
        ``True`` inside a notebook kernel, ``False`` elsewhere (a terminal IPython included).
    """
    try:
        ipython: Any = importlib.import_module("IPython")
    except ImportError:
        return False
    shell = ipython.get_ipython()
    if shell is None:
        return False
    name: str = type(shell).__name__
    return name == "ZMQInteractiveShell" or "IPKernelApp" in getattr(shell, "config", {})


def speaker_colors(quotes: Iterable[Quote]) -> dict[tuple[str, tuple[tuple[int, int], ...]], str]:
    """Give each speaker entity a colour, in order of its first quotation.

    Args:
        quotes: An article's quotations.

    Returns:
        A map from speaker key (name and mentions) to a ``#rrggbb`` colour; the palette
        repeats after :data:`PALETTE` is used up.
    """
    quotes = list(quotes)
    entities, keys = _entities(quotes)
    colors = _entity_colors(quotes, entities)
    return {keys[e]: c for e, c in colors.items()}


def _key(speaker: Speaker) -> tuple[str, tuple[tuple[int, int], ...]]:
    return speaker.name, speaker.mentions


def _entities(
    quotes: Sequence[Quote],
) -> tuple[list[int | None], list[tuple[str, tuple[tuple[int, int], ...]]]]:
    """Number the speaker entities: equal speakers (name and mentions) share a number.

    A speaker's key holds every mention, and Python does not cache a tuple's hash, so hashing
    it per quotation would be quadratic for a speaker with thousands of quotations (and as
    many mentions). Each speaker object is looked at once, and objects are matched on their
    name, first and last mention and number of mentions: an article's entities never share
    a mention, so that tells them apart as the full key does.

    Returns:
        The entity number of each quotation (``None`` where unattributed) and each number's key.
    """
    by_object: dict[int, int] = {}
    by_key: dict[tuple[str, tuple[int, int] | None, tuple[int, int] | None, int], int] = {}
    keys: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    out: list[int | None] = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None:
            out.append(None)
            continue
        entity = by_object.get(id(speaker))
        if entity is None:
            mentions = speaker.mentions
            short = (speaker.name, mentions[0] if mentions else None,
                     mentions[-1] if mentions else None, len(mentions))
            entity = by_key.setdefault(short, len(keys))
            if entity == len(keys):
                keys.append(_key(speaker))
            by_object[id(speaker)] = entity
        out.append(entity)
    return out, keys


def _entity_colors(quotes: Sequence[Quote], entities: Sequence[int | None]) -> dict[int, str]:
    """Each entity's colour, in order of its first quotation in the text."""
    colors: dict[int, str] = {}
    for i in sorted(range(len(quotes)), key=lambda i: (quotes[i].start, quotes[i].end)):
        entity = entities[i]
        if entity is not None and entity not in colors:
            colors[entity] = PALETTE[len(colors) % len(PALETTE)]
    return colors


def _articles(obj: Any) -> list[tuple[str, Sequence[Quote], str | None]]:
    if isinstance(obj, Result):
        return [(obj.text, obj.quotes, obj.id)]
    doc = _doc_quotes(obj)
    if doc is not None:
        return [doc]
    if isinstance(obj, (list, tuple)):
        found: list[tuple[str, Sequence[Quote], str | None]] = []
        for item in obj:
            if isinstance(item, Result):
                found.append((item.text, item.quotes, item.id))
                continue
            doc = _doc_quotes(item)
            if doc is None:
                raise TypeError(
                    f"render() takes Results or spaCy Docs, got a list holding "
                    f"{type(item).__name__}"
                )
            found.append(doc)
        return found
    raise TypeError(
        "render() takes a quotekit Result, a list of Results or a spaCy Doc with "
        f"doc._.quotes, got {type(obj).__name__}"
    )


def _doc_quotes(obj: Any) -> tuple[str, Sequence[Quote], str | None] | None:
    try:
        from spacy.tokens import Doc
    except ImportError:  # pragma: no cover - spaCy is a dependency
        return None
    if not isinstance(obj, Doc):
        return None
    if not Doc.has_extension("quotes"):
        raise TypeError(
            "this Doc has no doc._.quotes: add the quotekit component to the pipeline "
            "(nlp.add_pipe('quotekit')) before rendering it"
        )
    quotes = list(obj._.quotes or ())
    art_id = obj.user_data.get("id") if isinstance(obj.user_data, dict) else None
    return obj.text, quotes, art_id if isinstance(art_id, str) else None


def _parts(quote: Quote, length: int) -> list[tuple[int, int]]:
    raw = quote.parts or ((quote.start, quote.end),)
    parts = []
    for start, end in raw:
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if start < end:
            parts.append((start, end))
    return sorted(parts)


def _label_text(speaker: Speaker | None, confidence: float = 0.0) -> str:
    # The confidence (how often such quotations are right) ends the label where one was measured.
    sure = f"{confidence:.0%}" if confidence > 0 else None
    if speaker is None:
        return LABEL_SEPARATOR.join(x for x in ("unattributed", sure) if x)
    return LABEL_SEPARATOR.join(x for x in (speaker.name, _role(speaker), sure) if x)


def _title(speaker: Speaker | None) -> str:
    if speaker is None:
        return "unattributed"
    return ", ".join(x for x in (speaker.name, _role(speaker), speaker.organization) if x)


def _role(speaker: Speaker) -> str | None:
    """The speaker's role, unless it only repeats the name (an unnamed "spokesman")."""
    role = speaker.role
    if role and role.casefold() == speaker.name.casefold():
        return None
    return role


def _escape_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return html.escape(text).replace("\n", "<br>\n")


def _attr(value: object) -> str:
    """Escape any value for a double-quoted HTML attribute (``&``, ``<``, ``>``, ``"``, ``'``)."""
    return html.escape(str(value), quote=True)


# A blank line between paragraphs, e.g. "\n\n" or "\r\n \r\n".
_PARAGRAPH_BREAK = re.compile(
    r"""
    \r?\n                 # the end of one line
    (?:[ \t]*\r?\n)+      # then one or more empty lines
    """,
    re.VERBOSE,
)

# A run of characters a CSS class name should not hold, e.g. '"><script> ' in a hand-built kind.
_NOT_CLASS_CHARS = re.compile(
    r"""
    [^A-Za-z0-9_-]+       # anything but letters, digits, '_' and '-'
    """,
    re.VERBOSE,
)

_CLOSING_MARKS = frozenset("\"”’»›")

# A part to mark, in its nesting order: (start, -end, quote index, part index). Outer spans
# first (earlier start, then later end), so the open marks at one point and at the next share
# the longest possible prefix.
_Part = tuple[int, int, int, int]


def _kind_class(kind: str) -> str:
    """The CSS class of a quotation kind: ``qk-direct``; other characters become ``_``."""
    return "qk-" + _NOT_CLASS_CHARS.sub("_", str(kind))


def _index_parts(text: str, quotes: Sequence[Quote]
                 ) -> tuple[dict[int, list[_Part]], dict[int, list[_Part]], dict[int, list[int]]]:
    """The parts that start and that end at each offset, and the quotations labelled there."""
    length = len(text)
    starts_at: dict[int, list[_Part]] = {}
    ends_at: dict[int, list[_Part]] = {}
    label_at: dict[int, list[int]] = {}
    for qi, quote in enumerate(quotes):
        quote_parts = _parts(quote, length)
        for pi, (start, end) in enumerate(quote_parts):
            part = (start, -end, qi, pi)
            starts_at.setdefault(start, []).append(part)
            ends_at.setdefault(end, []).append(part)
        if quote_parts:
            # The label goes after the closing quotation mark(s), where there are any.
            at = max(end for _, end in quote_parts)
            while at < length and text[at] in _CLOSING_MARKS:
                at += 1
            label_at.setdefault(at, []).append(qi)
    return starts_at, ends_at, label_at


def _open_tag(quotes: Sequence[Quote], colors: Sequence[str], part: _Part, reopened: bool) -> str:
    """The ``<mark>`` that opens ``part`` (``qk-cont`` where it goes on after a break)."""
    qi, pi = part[2], part[3]
    quote = quotes[qi]
    speaker = quote.speaker
    classes = f"qk-quote {_kind_class(quote.kind)}" + (" qk-cont" if reopened else "")
    return (
        f'<mark class="{_attr(classes)}" data-quote="{qi}" data-part="{pi}" '
        f'data-speaker="{_attr(speaker.name if speaker else "")}" '
        f'data-kind="{_attr(quote.kind)}" data-confidence="{quote.confidence:.2f}" '
        f'title="{_attr(_title(speaker))} ({_attr(quote.kind)}, {_attr(str(quote.rule))}, confidence {quote.confidence:.2f})" '
        f'style="background-color: {_attr(colors[qi])}">'
    )


def _label(quotes: Sequence[Quote], colors: Sequence[str], qi: int) -> str:
    """The speaker label shown after quotation ``qi``."""
    speaker = quotes[qi].speaker
    return (
        f'<span class="qk-label" data-quote="{qi}" '
        f'style="background-color: {_attr(colors[qi])}">'
        f"{html.escape(_label_text(speaker, quotes[qi].confidence))}</span>"
    )


def _render_text(text: str, quotes: Sequence[Quote], colors: Sequence[str]) -> str:
    """Mark up ``text``: marks never overlap; crossing spans are closed and reopened.

    One sweep over the points where a part starts or ends, a label goes or a paragraph
    breaks, keeping the parts open at each point in a sorted list, so that the time grows
    with the text and the number of parts, not with their product.

    Args:
        text: The article.
        quotes: Its quotations.
        colors: The background colour of each quotation.
    """
    length = len(text)
    starts_at, ends_at, label_at = _index_parts(text, quotes)
    # Paragraph breaks (a blank line or more) become </p><p>: every mark is closed before one
    # and reopened after it, so that <mark> never straddles paragraphs.
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    break_starts = {b for b, _ in breaks}
    points = sorted({0, length, *label_at, *(b for pair in breaks for b in pair),
                     *starts_at, *ends_at})
    out: list[str] = ["<p>"]
    stack: list[_Part] = []
    active: list[_Part] = []   # the parts covering the current point, in nesting order
    opened: set[_Part] = set()
    next_break = 0
    for i, point in enumerate(points):
        for part in ends_at.get(point, ()):
            del active[bisect.bisect_left(active, part)]
        for part in starts_at.get(point, ()):
            bisect.insort(active, part)
        while next_break < len(breaks) and breaks[next_break][1] <= point:
            next_break += 1
        in_break = next_break < len(breaks) and breaks[next_break][0] <= point
        nxt = points[i + 1] if i + 1 < len(points) else length
        wanted = [] if nxt <= point or in_break else active
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for qi in label_at.get(point, ()):
            out.append(_label(quotes, colors, qi))
        if point in break_starts:
            out.append("</p>\n<p>")
        for part in wanted[keep:]:
            out.append(_open_tag(quotes, colors, part, part in opened))
            opened.add(part)
        stack = list(wanted)
        if nxt > point and not in_break:
            out.append(_escape_text(text[point:nxt]))
    out.extend("</mark>" for _ in stack)
    out.append("</p>")
    return "".join(out)


def _legend(quotes: Sequence[Quote], entities: Sequence[int | None],
            colors: dict[int, str]) -> str:
    counts: dict[int | None, int] = {}
    first: dict[int | None, Speaker | None] = {}
    for i in sorted(range(len(quotes)), key=lambda i: (quotes[i].start, quotes[i].end)):
        entity = entities[i]
        counts[entity] = counts.get(entity, 0) + 1
        first.setdefault(entity, quotes[i].speaker)
    if not counts:
        return '<div class="qk-legend"><em>No quotations found.</em></div>'
    # Unattributed quotations come last.
    ordered = [_Entry(first[e], colors[e], n) for e, n in counts.items() if e is not None] + (
        [_Entry(None, UNATTRIBUTED_COLOR, counts[None])] if None in counts else []
    )
    items = []
    for entry in ordered:
        speaker = entry.speaker
        n = f'{entry.count} quotation{"s" if entry.count != 1 else ""}'
        if speaker is None:
            details = f'<b>unattributed</b> · <span class="qk-count">{n}</span>'
            name = ""
        else:
            extra = "".join(
                f' · <span class="qk-{cls}">{html.escape(value)}</span>'
                for cls, value in (("role", _role(speaker)), ("org", speaker.organization))
                if value
            )
            details = (
                f"<b>{html.escape(speaker.name)}</b> "
                f'<span class="qk-type">({html.escape(str(speaker.type))})</span>{extra} · '
                f'<span class="qk-count">{n}</span>'
            )
            name = speaker.name
        items.append(
            f'<li class="qk-legend-item" data-speaker="{_attr(name)}">'
            f'<span class="qk-swatch" style="background-color: {_attr(entry.color)}"></span>'
            f"{details}</li>"
        )
    return f'<div class="qk-legend"><b>Speakers</b><ul>{"".join(items)}</ul></div>'


def _render_article(text: str, quotes: Sequence[Quote], art_id: str | None) -> str:
    entities, _ = _entities(quotes)
    colors = _entity_colors(quotes, entities)
    quote_colors = [UNATTRIBUTED_COLOR if e is None else colors[e] for e in entities]
    heading = f'<h2 class="qk-id">{html.escape(str(art_id))}</h2>' if art_id is not None else ""
    id_attr = f' data-id="{_attr(art_id)}"' if art_id is not None else ""
    return (
        f'<article class="qk-article"{id_attr}>{heading}'
        f'<div class="qk-text">{_render_text(text, quotes, quote_colors)}</div>'
        f"{_legend(quotes, entities, colors)}</article>"
    )


def _page(fragment: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>quotekit</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )
