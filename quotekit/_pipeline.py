"""Glue: run the stages over one spaCy ``Doc``, and split long texts into chunks."""

from __future__ import annotations

import dataclasses
import gc

import regex
from spacy.tokens import Doc

from ._anaphora import link_role_nominals
from ._attribute import attribute
from ._build import build_quotes
from ._candidates import find_mentions
from ._cues import find_cues
from ._entities import resolve
from ._lexicons import Lexicons
from ._orgnom import link_body_nominals, link_nominal_organizations
from ._quotes import find_quotes
from ._roles import assign_roles
from ._text import Paragraphs, for_spacy, normalize
from ._tokens import build_view, doc_text
from ._types import Quote, Span, Speaker, quoted_text


def read_doc(doc: Doc, lex: Lexicons, text: str | None = None) -> list[Quote]:
    """Run every stage over ``doc``: quotes, cues, candidates, attribution, entities, roles.

    Args:
        doc: A document from a blank or trained English pipeline.
        lex: Lexicons.
        text: ``doc.text`` where the caller has it already.

    Returns:
        The quotations, offsets relative to ``doc.text``.
    """
    text = doc_text(doc) if text is None else text
    # The stages make no reference cycles (everything they allocate is freed by reference
    # counting), but their tens of thousands of short-lived objects set off the cyclic
    # collector, whose full passes over a process's heap cost up to a fifth of quotekit's own
    # time. It is paused for the call and resumed as it was.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _stages(doc, text, lex)
    finally:
        if paused:
            gc.enable()


def _stages(doc: Doc, text: str, lex: Lexicons) -> list[Quote]:
    norm = normalize(text)
    paras = Paragraphs(norm)
    raw = find_quotes(norm, paras, lex)
    view = build_view(doc, text, norm, paras, raw)
    cues = find_cues(view, lex)
    mentions = find_mentions(view, lex)
    atts = attribute(view, cues, mentions, lex)
    ents = resolve(view, atts.mentions, atts.items, lex)
    roles = assign_roles(view, atts.mentions, ents, lex)
    ents = link_role_nominals(view, atts.mentions, ents, roles, lex)
    link_nominal_organizations(view, atts.mentions, ents, roles, lex)
    ents = link_body_nominals(view, atts.mentions, ents, lex)
    return build_quotes(view, atts, ents, roles, lex)


def chunk_borders(text: str, size: int) -> list[int]:
    """Offsets that cut ``text`` into chunks of at most ``size`` characters.

    Cuts fall on line breaks outside quotations where possible (so a quotation is never cut),
    else on a line break, else on a space, else at ``size``.

    Args:
        text: The whole text.
        size: The largest chunk.

    Returns:
        ``[0, ..., len(text)]``.
    """
    n = len(text)
    if n <= size:
        return [0, n]
    norm = normalize(text)
    inside = sorted((q.open_mark, q.outer_end) for q in find_quotes(norm))
    borders = [0]
    qi = 0
    while n - borders[-1] > size:
        lo, hi = borders[-1], borders[-1] + size
        cut = -1
        k = norm.rfind("\n", lo + 1, hi)
        while k > lo:
            while qi < len(inside) and inside[qi][1] <= k:
                qi += 1
            j = qi
            if not any(s <= k < e for s, e in inside[max(0, j - 2):j + 2]):
                cut = k + 1
                break
            k = norm.rfind("\n", lo + 1, k)
        if cut < 0:
            k = norm.rfind("\n", lo + 1, hi)
            if k < 0:
                k = norm.rfind(" ", lo + 1, hi)
            cut = k + 1 if k > lo else hi
        qi = 0 if not inside else qi
        borders.append(cut)
    borders.append(n)
    return borders


# A run of punctuation with no space in it, e.g. 64 quotation marks in a row: spaCy's tokenizer
# splits such a run one mark at a time, rescanning the rest each time (quadratic time).
PUNCTUATION_RUN = regex.compile(
    r"""
    [^\w\s]{64,}     # e.g. "“““““““…" (64 or more)
    """,
    regex.VERBOSE,
)


# A lone surrogate code point, which a Python str can hold (e.g. from json.loads('"\\ud800"')).
LONE_SURROGATE = regex.compile(
    r"""
    [\ud800-\udfff]     # e.g. "\ud800"
    """,
    regex.VERBOSE,
)


def _break_run(m: regex.Match[str]) -> str:
    chars = list(m.group())
    chars[31::32] = " " * len(chars[31::32])
    return "".join(chars)


def tokenizable(text: str) -> str:
    """The text spaCy reads: ``text`` with a space every 32 characters of a long punctuation run,
    and spaces for zero-width and control characters and glued dashes (:func:`quotekit._text.for_spacy`).

    The result has the same length, so offsets still point into ``text``; quotekit takes every
    string it returns from the original (see :func:`shift`).

    Args:
        text: The original text.

    Returns:
        ``text`` itself where it has no such run, else a copy of the same length.
    """
    if LONE_SURROGATE.search(text) is not None:
        # spaCy cannot hash them (UnicodeEncodeError); U+FFFD keeps the length.
        text = LONE_SURROGATE.sub("\ufffd", text)
    # A zero-width space or control character is part of a word to spaCy ("said\u200b" is no
    # verb to its tagger), and so is a dash glued to it ('"No"--said'): spaCy reads spaces there.
    text = for_spacy(text)
    if PUNCTUATION_RUN.search(text) is None:
        return text
    return PUNCTUATION_RUN.sub(_break_run, text)


def shift(quotes: list[Quote], offset: int, original: str) -> list[Quote]:
    """Move a chunk's quotations to offsets in the whole text, their strings taken from it.

    Each speaker is moved once, so quotations that shared a speaker in the chunk share it still
    (a speaker with thousands of mentions is not copied for each of its quotations).

    Args:
        quotes: Quotations with offsets relative to their chunk.
        offset: The chunk's start in ``original``.
        original: The whole text.

    Returns:
        The same quotations with offsets (and texts) into ``original``.
    """
    def span(s: Span | None) -> Span | None:
        return Span(s.start + offset, s.end + offset, original[s.start + offset:s.end + offset]) if s else None

    moved: dict[int, Speaker] = {}
    out = []
    for q in quotes:
        parts = tuple((s + offset, e + offset) for s, e in q.parts)
        speaker = q.speaker
        if speaker is not None:
            if id(speaker) not in moved:
                moved[id(speaker)] = dataclasses.replace(speaker, mentions=tuple((s + offset, e + offset) for s, e in speaker.mentions))
            speaker = moved[id(speaker)]
        out.append(dataclasses.replace(
            q, text=quoted_text(original, parts), start=q.start + offset, end=q.end + offset, parts=parts, speaker=speaker,
            speaker_mention=span(q.speaker_mention), cue=span(q.cue),
        ))
    return out


def _name_key(sp: Speaker) -> tuple[str, ...]:
    return tuple(sp.name.lower().replace("’s", "").replace("'s", "").split())


def join_chunks(quotes: list[Quote]) -> list[Quote]:
    """One speaker per person or organization across the chunks of a long text.

    Each chunk resolves its own entities; here the speakers of different chunks that name the
    same one (the same words, or a one-word name that is the last word of a longer person's
    name, "Lee" and "Ann Lee") become one speaker with every mention, the fullest name, and
    the first role and organization given.

    Args:
        quotes: Quotations of the whole text, chunk after chunk.

    Returns:
        The same quotations, their speakers joined.
    """
    groups: list[list[Speaker]] = []
    by_name: dict[tuple[str, ...], int] = {}
    by_last: dict[str, set[int]] = {}
    group_of: dict[int, int] = {}
    for q in quotes:
        sp = q.speaker
        if sp is None or id(sp) in group_of:
            continue
        key = _name_key(sp)
        g = by_name.get(key)
        if g is None and len(key) == 1 and sp.type != "organization" and len(by_last.get(key[0], ())) == 1:
            (g,) = by_last[key[0]]
        if g is None and len(key) > 1 and sp.type != "organization":
            g = by_name.get(key[-1:])
            g = g if g is not None and groups[g][0].type != "organization" else None
        if g is None:
            g = len(groups)
            groups.append([])
        groups[g].append(sp)
        group_of[id(sp)] = g
        by_name.setdefault(key, g)
        if key and sp.type != "organization":
            by_last.setdefault(key[-1], set()).add(g)
    joined = [_joined(members) for members in groups]
    return [q if q.speaker is None else dataclasses.replace(q, speaker=joined[group_of[id(q.speaker)]]) for q in quotes]


def _joined(members: list[Speaker]) -> Speaker:
    if len(members) == 1:
        return members[0]
    first = members[0]
    return dataclasses.replace(
        first,
        name=max((m.name for m in members), key=lambda n: len(n.split())),
        type=next((m.type for m in members if m.type != "unknown"), first.type),
        role=next((m.role for m in members if m.role), None),
        organization=next((m.organization for m in members if m.organization), None),
        mentions=tuple(sorted({span for m in members for span in m.mentions})),
    )


__all__ = ["chunk_borders", "join_chunks", "read_doc", "shift", "tokenizable"]
