"""Scare quotes that stage 4's filters drop (:data:`quotekit._attribute.FILTERS`) besides the
title and fragment filters of :mod:`quotekit._attribute`.

``subject_word``: a quoted word that is the head of the subject of the speech verb right after
it ("40 percent of self-identified “liberals” said they would vote"): the writer's scare quote
on a group's name, not words the group said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._reported import content_clause
from ._speakers import Ctx
from ._types import Rule

if TYPE_CHECKING:
    from ._attribute import Match, Window

SUBJECT_WORDS = 2
"""Words at most of a quoted subject head ("“liberals”", "“moderate voters”")."""


def subject_word(ctx: Ctx, w: Window, match: Match | None) -> bool:
    """"self-identified “liberals” said they would vote": a partial quotation of a word or two,
    with a word of the writer's sentence right before its opening mark and the speech verb right
    after its closing mark (no comma), which reports a content clause of its own, is the head of
    that verb's subject: a scare quote. "it was “a disgrace” said Jo Roe" (no clause after the
    verb) and "“Enough,” she said" (a comma) keep theirs."""
    if w.kind != "partial" or match is None or match.rule is not Rule.AFTER or match.cue is None:
        return False
    toks = ctx.view.toks
    inner = toks[w.a:w.b + 1]
    cue, before = match.cue, w.open_t - 1
    if len(inner) > SUBJECT_WORDS or not all(t.is_word for t in inner) or cue.kind != "verb":
        return False
    if not (w.lo <= before and toks[before].is_word and toks[before].sent == toks[w.a].sent):
        return False
    if toks[before].lower in ctx.lex.words.phrase_prepositions or toks[cue.i].lower.endswith("ing"):
        return False  # "cut £35bn in “wasteful spending” saying …": an object, and a participle
    if cue.i != w.b + 2 or toks[w.b + 1].is_word:
        return False  # something other than the closing mark between the word and the verb
    hi = ctx.view.sents[toks[cue.i].sent][1]
    return content_clause(ctx, cue.j, hi)
