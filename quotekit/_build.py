"""Stage 7: build the typed, immutable results from the stages' working records."""

from __future__ import annotations

from ._attribute import Attribution
from ._candidates import Mention
from ._entities import Entity
from ._tokens import View
from ._types import Quote, Span, Speaker

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _mention_span(view: View, m: Mention) -> tuple[int, int]:
    if m.kind == "name":
        return view.toks[m.name_i].start, view.toks[m.name_j - 1].end
    return view.toks[m.i].start, view.toks[m.j - 1].end


def build_quotes(view: View, atts: list[Attribution], ments: list[Mention], ents: list[Entity]) -> list[Quote]:
    """Turn attributions into :class:`Quote` objects (offsets relative to ``view.text``).

    Args:
        view: The document view.
        atts: Attributions from stage 4.
        ments: Mentions, with entities resolved.
        ents: Entities, with roles.

    Returns:
        Quotations in text order.
    """
    text = view.text
    speakers: dict[int, Speaker] = {}

    def speaker_for(m: Mention) -> Speaker:
        if m.entity >= 0:
            if m.entity not in speakers:
                ent = ents[m.entity]
                spans = sorted({_mention_span(view, ments[k]) for k in ent.mentions})
                etype = ent.etype if ent.etype in ("person", "organization") else "unknown"
                speakers[m.entity] = Speaker(ent.name, etype, ent.role, ent.org or None, tuple(spans))  # type: ignore[arg-type]
            return speakers[m.entity]
        s, e = _mention_span(view, m)
        low = text[s:e].lower()
        kind = "person" if low in _PERSON_PRONOUNS else ("organization" if m.etype == "organization" else "unknown")
        return Speaker(text[s:e], kind, None, m.role_org if m.kind == "nominal" else None, ((s, e),))  # type: ignore[arg-type]

    out: list[Quote] = []
    for a in atts:
        parts = tuple(a.parts)
        start, end = parts[0][0], parts[-1][1]
        speaker = mention = None
        if a.mention is not None:
            m = ments[a.mention]
            speaker = speaker_for(m)
            s, e = view.toks[m.i].start, view.toks[m.j - 1].end
            mention = Span(s, e, text[s:e])
        cue = None
        if a.cue is not None:
            cs, ce = view.toks[a.cue.i].start, view.toks[a.cue.j - 1].end
            cue = Span(cs, ce, text[cs:ce])
        out.append(Quote(text[start:end], start, end, parts, a.kind, speaker, mention, cue))  # type: ignore[arg-type]
    return out
