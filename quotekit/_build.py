"""Stage 7: build the typed, immutable results from the stages' working records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._attribute import Attributions
from ._candidates import Mention
from ._entities import Entities
from ._lexicons import Lexicons
from ._roles import RoleFound
from ._tokens import View
from ._types import Quote, Result, RoleMention, Rule, Span, Speaker, quoted_text


def _mention_span(view: View, m: Mention) -> tuple[int, int]:
    if m.kind == "name":
        return view.toks[m.name_i].start, view.toks[m.name_j - 1].end
    return view.toks[m.i].start, view.toks[m.j - 1].end


def _nearest(found: RoleFound, starts: list[int]) -> RoleFound:
    """The entity's title given nearest its quotations (the first on a tie); its organization, or
    else the one the entity was first given."""
    if len(found.found) < 2 or not starts:
        return found
    best = min(found.found, key=lambda r: min(abs(r.start - q) for q in starts))
    return RoleFound(best.role, best.organization or found.org, found.rule, found.party, found.found)


def build_quotes(view: View, atts: Attributions, ents: Entities, roles: dict[int, RoleFound], lex: Lexicons) -> list[Quote]:
    """Turn attributions into :class:`Quote` objects (offsets relative to ``view.text``).

    Args:
        view: The document view.
        atts: Attributions and the mentions they index, from stage 4.
        ents: Entities and each mention's entity, from stage 5.
        roles: Each entity's role, from stage 6.
        lex: Lexicons.

    Returns:
        Quotations in text order.
    """
    text, ments = view.text, atts.mentions
    speakers: dict[int, Speaker] = {}
    none = RoleFound(None, None, "")
    # Where each entity's quotations start: its role is the title given nearest them.
    said: dict[int, list[int]] = {}
    for a in atts.items:
        if a.mention is not None and ents.entity_of[a.mention] >= 0:
            said.setdefault(ents.entity_of[a.mention], []).append(a.parts[0][0])

    def speaker_for(n: int) -> Speaker:
        m, e = ments[n], ents.entity_of[n]
        if e >= 0:
            if e not in speakers:
                ent, role = ents.entities[e], _nearest(roles.get(e, none), said.get(e, []))
                spans = sorted({_mention_span(view, ments[k]) for k in ent.mentions})
                etype = ent.etype if ent.etype in ("person", "organization") else "unknown"
                speakers[e] = Speaker(ent.name, etype, role.role, role.org or None, tuple(spans),  # type: ignore[arg-type]
                                      role.party, role.found)
            return speakers[e]
        s, e = _mention_span(view, m)
        low = text[s:e].lower()
        kind = "person" if low in lex.words.person_pronouns else ("organization" if m.etype == "organization" else "unknown")
        return Speaker(text[s:e], kind, None, m.role_org if m.kind == "nominal" else None, ((s, e),))  # type: ignore[arg-type]

    out: list[Quote] = []
    for a in atts.items:
        parts = tuple(a.parts)
        start, end = parts[0][0], parts[-1][1]
        speaker = mention = None
        if a.mention is not None:
            m = ments[a.mention]
            speaker = speaker_for(a.mention)
            s, e = view.toks[m.i].start, view.toks[m.j - 1].end
            mention = Span(s, e, text[s:e])
        cue = None
        if a.cue is not None:
            cs, ce = view.toks[a.cue.i].start, view.toks[a.cue.j - 1].end
            cue = Span(cs, ce, text[cs:ce])
        out.append(Quote(quoted_text(text, parts), start, end, parts, a.kind, speaker, mention, cue, a.rule,  # type: ignore[arg-type]
                         lex.confidence_of(a.rule.value, a.kind)))
    return out


# A quotation as it travels from a worker process: start, end, parts, kind, the speaker's index
# in the packed speakers (-1: none), then the mention's and the cue's offsets (-1: none), the rule
# and the confidence.
PackedQuote = tuple[int, int, tuple[tuple[int, int], ...], str, int, int, int, int, int, str, float]
PackedSpeaker = tuple[str, str, str | None, str | None, tuple[tuple[int, int], ...], str | None,
                      tuple[tuple[str, str | None, int, int], ...]]


def pack_result(result: Result) -> tuple[list[PackedQuote], list[PackedSpeaker], int]:
    """Reduce a result to plain tuples for the trip from a worker process to the parent.

    Pickling the dataclasses costs the worker, and rebuilding them costs the parent, several
    times what plain tuples do; the texts do not travel at all, since every string of a
    quotation is a slice of the article, which the parent holds (:func:`unpack_result`).

    Args:
        result: A result whose quotations' strings are slices of ``result.text``.

    Returns:
        ``(quotes, speakers, n)``: packed quotations, packed speakers (``result.speakers``
        first, then any other speaker a quotation has), and ``len(result.speakers)``.
    """
    # Speakers by identity, not value: a quotation's speaker is usually one of result.speakers.
    # (A loop, not a nested function: compiled closures leave reference cycles.)
    index: dict[int, int] = {}
    speakers: list[PackedSpeaker] = []
    for sp in (*result.speakers, *[q.speaker for q in result.quotes if q.speaker is not None]):
        if id(sp) not in index:
            index[id(sp)] = len(speakers)
            speakers.append((sp.name, sp.type, sp.role, sp.organization, sp.mentions, sp.party,
                             tuple((r.role, r.organization, r.start, r.end) for r in sp.roles)))
    quotes: list[PackedQuote] = []
    for q in result.quotes:
        m, c = q.speaker_mention, q.cue
        quotes.append((
            q.start, q.end, q.parts, q.kind, -1 if q.speaker is None else index[id(q.speaker)],
            -1 if m is None else m.start, -1 if m is None else m.end,
            -1 if c is None else c.start, -1 if c is None else c.end, q.rule.value, q.confidence,
        ))
    return quotes, speakers, len(result.speakers)


def _builder(cls: type[Any]) -> Callable[..., Any]:
    # The parent process rebuilds every quotation the workers send (pipe(n_process > 1)),
    # and a frozen dataclass's __init__ sets each field through object.__setattr__: the slots'
    # own descriptors set them in well under half the time, giving an equal, still frozen object.
    new = object.__new__
    setters = [getattr(cls, name).__set__ for name in cls.__dataclass_fields__]

    def build(*values: Any) -> Any:
        obj = new(cls)
        for set_field, value in zip(setters, values):
            set_field(obj, value)
        return obj

    return build


_new_quote = _builder(Quote)
_new_span = _builder(Span)


def unpack_result(
    packed: tuple[list[PackedQuote], list[PackedSpeaker], int], text: str, model: str, id: str | None
) -> Result:
    """Rebuild the result :func:`pack_result` packed, its strings sliced from ``text``.

    Args:
        packed: What :func:`pack_result` returned.
        text: The article the result is for.
        model: The result's ``model``.
        id: The result's ``id``.

    Returns:
        A result equal to the one packed, holding ``text`` itself.
    """
    quotes, packed_speakers, n = packed
    speakers = [Speaker(name, kind, role, org, mentions, party,  # type: ignore[arg-type]
                        tuple(RoleMention(*r) for r in found))
                for name, kind, role, org, mentions, party, found in packed_speakers]
    out: list[Quote] = []
    for start, end, parts, kind, k, ms, me, cs, ce, rule, confidence in quotes:
        out.append(_new_quote(
            quoted_text(text, parts), start, end, parts, kind,
            speakers[k] if k >= 0 else None,
            _new_span(ms, me, text[ms:me]) if ms >= 0 else None,
            _new_span(cs, ce, text[cs:ce]) if cs >= 0 else None,
            Rule(rule),
            confidence,
        ))
    return Result(tuple(out), tuple(speakers[:n]), model, id, text)
