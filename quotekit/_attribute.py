"""Stage 4: attribute each quotation to a cue and a speaker mention, and decide its kind.

For each quotation in text order, :func:`attribute` builds its :class:`Window` (the sentence
around it, cut at the quotations next to it) and tries the rules of :data:`ATTRIBUTION_ORDER`:

1. Cues in the quotation's sentence (:data:`SENTENCE_RULES`): ``before`` with nothing between
   the cue and the quotation ("Jane Smith said: “…”"; before a colon, the subject of the speech
   verb nearest it in the colon's clause (:func:`colon_clause_start`: a relative clause belongs
   to the clause before it): "X told Y: “…”" is X's, "Said X, who runs a shop: “…”" X's), then ``after`` ("“…,” she said", "“…?” the mayor
   of Eastham asked", "“…,” the victim's mother said": :func:`_nominal_phrase`), then
   ``before`` with words between them ("he said it was “…”"). The first rule that finds a
   speaker decides; the kind follows from the words around the marks (:func:`kind_of`).
2. A fragment with no cue yet (:data:`FRAGMENT_RULES`): ``later`` (a cue further on in the
   sentence), ``subject`` (the sentence's subject).
3. Filters (:data:`FILTERS`; a quotation any of them holds is dropped): ``title`` (a title,
   name or term: "the so-called “…”", "a film titled “…”", "known as “…”", "as “…”" with no
   verb of speech or naming before it, "words such as “a” and “b”"; an attribution right after
   it keeps it unless that cue reports a clause of its own), ``possessive_scare`` (a short
   fragment with no speaker right after a possessive: "the prime minister's “turf”"),
   ``quoted_name`` (a few capitalised words inside the writer's sentence that no cue next to
   them gives to anyone: "a new “Marshall Plan” for the region"),
   ``scare`` (a short fragment that no speech cue in its sentence can have said),
   ``subject_word`` (:mod:`quotekit._scare`: a quoted word heading the subject of the speech verb
   right after it, "self-identified “liberals” said they would …").
4. A quotation on its own (:data:`STANDALONE_RULES`): ``dash_after`` ("“…” ― Jane Doe"),
   ``intro`` (the sentence before introduces
   it: "Jane Smith said:"), ``dash`` (a "— Jane Doe" line under it), ``narration_subject`` (a
   sentence of narration whose subject is a person's name comes right before it: "Jo Roe thought
   the plan deserved a chance. “…”"; reported as ``inherit``), ``inherit`` (a quotation
   paragraph after quotations of one speaker goes on with them).
5. Merging: a quotation interrupted by its cue (“A,” she said. “B.”), opening right after the
   rest of the sentence of the quotation before's attribution (``attribution_sentence``: “A,” she
   told reporters after the vote. “B.”) or continuing the one before with the same cue becomes
   a part of it.
6. Nesting (:func:`nest_partials`): once reported speech is found, a fragment inside it that
   only a copula or the sentence's subject attributed, or no rule, goes to the reporter (``nested``).

The speaker of a cue is found by :func:`quotekit._speakers.speaker_of`; reported speech and
the overlaps between quotations are :mod:`quotekit._reported`'s.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from ._candidates import Mention
from ._cues import Cue
from ._lexicons import Lexicons
from ._reported import Attribution, content_clause, reported_speech
from ._scare import subject_word
from ._speakers import Ctx, MentionIndex, _left_edge, first_subject, sentence_subject, speaker_of
from ._tokens import View
from ._types import Rule

_END_PUNCT = frozenset({".", "!", "?", "…", ";", ":"})
_SENTENCE_END = frozenset({".", "!", "?"})

# Dashes that introduce an attribution line ("— Jane Doe", "― Jane Doe", "-- Jane Doe").
_DASHES = frozenset({"-", "—", "–", "--", "―"})



def _is_dash(text: str) -> bool:
    """A dash token, or closing marks with a dash glued on (spaCy keeps "”―" as one token)."""
    return text in _DASHES or (len(text) > 1 and text[-1] in "—–―" and not any(c.isalnum() for c in text))


REACH = 150
"""Tokens around a quotation that its sentence rules look at: far beyond a real sentence, and it
keeps a "sentence" of thousands of tokens (a transcript without full stops) linear in time."""


@dataclass(slots=True)
class Window:
    """A quotation and the tokens around it that its attribution may use.

    Attributes:
        qi: Index of the quoted stretch in ``view.quotes``.
        a: First token of the content.
        b: Last token of the content.
        open_t: The opening mark's token (``a`` where there is none).
        after: First token after the closing mark (past any punctuation but commas and dashes).
        lo: First token of the sentence part before the quotation (after an earlier quotation).
        hi: One past the last token of the sentence part after it (before a later quotation).
        close_sent: The sentence the quotation ends in.
        kind: ``"direct"`` or ``"partial"``, decided after the sentence rules.
        after_cue: The cue right after the quotation, where there is one with a speaker, even
            when an earlier cue wins (a later quotation with that cue joins this one).
    """

    qi: int
    a: int
    b: int
    open_t: int
    after: int
    lo: int
    hi: int
    close_sent: int
    kind: str = "direct"
    after_cue: Cue | None = None
    before_words: int = 0


@dataclass(frozen=True, slots=True)
class Match:
    """A rule's answer: the rule, and the cue and speaker mention it found (either may be ``None``)."""

    rule: Rule
    cue: Cue | None
    mention: int | None
    kind: str | None = None  # a rule that also fixes the kind ("dash": direct)


@dataclass(slots=True)
class Attributions:
    """What stage 4 hands on.

    Attributes:
        items: The quotations, direct, partial and reported, in text order.
        mentions: Stage 3's mentions followed by those attribution made ("the boy", "Jane Doe,
            who"); ``Attribution.mention`` indexes this list.
    """

    items: list[Attribution]
    mentions: list[Mention] = field(default_factory=list)


def window(view: View, qi: int) -> Window | None:
    """The :class:`Window` of quotation ``qi``, or ``None`` where no token starts inside it."""
    toks, n, q = view.toks, len(view.toks), view.quotes[qi]
    a = view.tok_at(q.start)
    if a >= n or toks[a].quote != qi:
        return None
    b = max(a, view.tok_at(q.end) - 1)  # a quotation over paragraphs has marks between its parts
    open_t = a - 1 if a > 0 and toks[a - 1].quote < 0 and not toks[a - 1].is_word else a
    after = b + 1
    while (after < n and toks[after].quote < 0 and not toks[after].is_word and toks[after].text != ","
           and not _is_dash(toks[after].text) and toks[after].start < q.outer_end):
        after += 1
    lo = view.sents[toks[open_t].sent][0]
    while lo < open_t and toks[lo].quote >= 0:
        lo += 1
    prev_q = open_t - 1
    while prev_q >= lo and toks[prev_q].quote < 0:
        prev_q -= 1
    if prev_q >= lo:
        lo = prev_q + 1
    close_sent = toks[b].sent if after >= n else toks[after].sent
    hi = view.sents[close_sent][1] if after < n and toks[after].para == toks[b].para else after
    nq = after
    while nq < hi and toks[nq].quote < 0:
        nq += 1
    return Window(qi, a, b, open_t, after, lo, nq, close_sent)


def _before_match(ctx: Ctx, w: Window) -> Match | None:
    """The nearest speech cue before the quotation in its sentence part, with its speaker."""
    toks, cue_at = ctx.view.toks, ctx.idx.cue_at
    for x in range(w.open_t - 1, w.lo - 1, -1):
        c = cue_at.get(x)
        if c is None or c.klass != "speech" or (c.kind == "colon" and (x - 1) in cue_at):
            continue  # "said:" — the verb is the cue, not its colon
        m = None if c.kind == "colon" else speaker_of(ctx, c, w.lo, w.open_t)
        if m is None and c.kind == "verb" and not c.weak and not c.passive:
            m = sentence_subject(ctx, w.lo, c.i)
        if m is None and c.kind == "colon":
            m = _colon_subject(ctx, c, w.lo, w.open_t)
        if m is not None:
            words = ctx.lex.words
            w.before_words = sum(1 for t in toks[c.j:w.open_t] if t.is_word and t.lower not in words.filler and t.lower not in words.weekdays)
            return Match(Rule.BEFORE, c, m)
    return None


def _colon_subject(ctx: Ctx, c: Cue, lo: int, open_t: int) -> int | None:
    """"Jane Doe fired back: “…”": the subject of the clause before the colon."""
    start = colon_clause_start(ctx, lo, c.i)
    m = _verb_before_colon(ctx, start, c.i)
    if m is None:
        m = first_subject(ctx, start, c.i)
    return m if m is not None else speaker_of(ctx, c, lo, open_t)


def colon_clause_start(ctx: Ctx, lo: int, colon: int) -> int:
    """The first token of the clause a colon ends: after the last comma before it ("Speaking on
    Monday, Jane Doe fired back:"), but where that comma opens a relative clause, after the
    comma before it ("Said Tom Reyes, who runs a kiosk at the station:": the clause of "said")."""
    toks, rel = ctx.view.toks, ctx.lex.words.relative_pronouns
    x = colon - 1
    while x >= lo:
        if toks[x].text == ",":
            if x + 1 < colon and toks[x + 1].lower in rel:
                x -= 1
                continue
            return x + 1
        x -= 1
    return lo


def _verb_before_colon(ctx: Ctx, start: int, colon: int) -> int | None:
    """"The book claimed that Jane Doe told Tom Roe: “…”": the subject of the speech verb nearest
    the colon in its clause (whoever "told", never its object), where that verb has one."""
    for x in range(colon - 1, start - 1, -1):
        c = ctx.idx.cue_at.get(x)
        if c is not None and c.kind == "verb" and c.klass == "speech" and not c.passive:
            return speaker_of(ctx, c, start, colon)
    return None


def before_adjacent(ctx: Ctx, w: Window) -> Match | None:
    """"Jane Smith said: “…”" / "he warned, “…”": a cue right before the quotation (it wins)."""
    m = _before_match(ctx, w)
    return m if m is not None and w.before_words == 0 else None


def after(ctx: Ctx, w: Window) -> Match | None:
    """"“…,” she said." / "“…,” said Jane Smith" / "“…?” the mayor of Eastham asked": the
    attribution right after the quotation (a noun phrase before the cue is the speaker whole)."""
    m = _after_speaker(ctx, w)
    return Match(Rule.AFTER, w.after_cue, m) if m is not None else None


def _after_speaker(ctx: Ctx, w: Window) -> int | None:
    toks, idx = ctx.view.toks, ctx.idx
    k = w.after
    while k < w.hi and (toks[k].text == "," or _is_dash(toks[k].text)):
        k += 1
    # "“…,” Jane Doe, director of the Harbour Trust and a professor at Y, said": past a long
    # appositive (or "(D-Va.)") after a name, the cue may be far from the quotation.
    named = idx.start_at.get(k)
    reach = 12
    if named is not None and idx.ments[named].kind == "name" and idx.ments[named].j < w.hi and toks[idx.ments[named].j].text in (",", "("):
        reach = 40
    for c in (idx.cue_at.get(x) for x in range(k, min(w.hi, k + reach))):
        if c is None or c.kind == "copula" or c.klass != "speech":
            continue
        m = speaker_of(ctx, c, k, w.hi, after_quote=True)
        if m is not None and idx.ments[m].i != k and c.i != k and not _described_name(ctx, k, m):
            m = _nominal_phrase(ctx, w, k, c, m)
        if m is not None and not _introduces_next(ctx, c, idx.ments[m]):
            w.after_cue = c
            # "“A,” the ad's narrator says, “B”": a phrase made for the cue is there for the
            # rules of the next quotation that look before the same cue (stage 3's come first).
            idx.end_at.setdefault(idx.ments[m].j, m)
            return m
        return None
    return None


NOMINAL_REACH = 8
"""Words at most in a noun phrase between a quotation and its cue ("the Labour MP for Eastham")."""


def _nominal_phrase(ctx: Ctx, w: Window, k: int, c: Cue, m: int) -> int | None:
    """"“…?” the deputy mayor of Eastham asked": a noun phrase opened by a determiner right after
    the quotation, ending in the cue's subject ``m`` right before the cue, is the speaker (the
    whole phrase); ``None`` where the words between are not one noun phrase, or where the
    quotation ends its sentence with a full stop ("“….” The council has said …" starts anew)."""
    toks, idx = ctx.view.toks, ctx.idx
    ment = idx.ments[m]
    if toks[k].lower not in ctx.lex.words.inverted_nominal_starts or not k < ment.i < ment.j == _left_edge(ctx, c, k) or ment.j - k > NOMINAL_REACH:
        return None
    if toks[w.b].text == "." or (w.b + 1 < len(toks) and toks[w.b + 1].text == "."):
        return None
    # "“…,” the victim's mother said": a possessive's mark is part of the phrase.
    if any(not (t.is_word or t.lower in ctx.lex.words.possessive_marks) or x in idx.cue_at for x, t in enumerate(toks[k:ment.i], k)):
        return None
    # The phrase's head noun ("the deputy mayor of Eastham"), not a place or body named in it, nor
    # the owner before it ("the victim's mother").
    heads = (idx.start_at.get(x) for x in range(k, ment.i))
    base = next((h for h in heads if h is not None and idx.ments[h].kind == "nominal"
                 and toks[idx.ments[h].j].lower not in ctx.lex.words.possessive_marks), m)
    return idx.extend(base, k, ment.j)


def _described_name(ctx: Ctx, k: int, m: int) -> bool:
    """"“…,” a crestfallen Mr Lim confided": a person's name after a determiner and up to three
    lower-case words that describe them, the whole the noun phrase right after the quotation."""
    toks, ment = ctx.view.toks, ctx.idx.ments[m]
    if ment.kind != "name" or ment.etype != "person" or not k < ment.i <= k + 4:
        return False
    if toks[k].lower not in ctx.lex.words.inverted_nominal_starts:
        return False
    return all(t.is_word and not t.is_cap and x not in ctx.idx.cue_at for x, t in enumerate(toks[k + 1:ment.i], k + 1))


def before(ctx: Ctx, w: Window) -> Match | None:
    """"he said it was “…”": a cue earlier in the sentence, words between it and the quotation."""
    return _before_match(ctx, w)


def later(ctx: Ctx, w: Window) -> Match | None:
    """"a “new chapter” for the city, Jane Smith said": a fragment whose cue comes later."""
    if w.kind != "partial":
        return None
    view = ctx.view
    s_lo, s_hi = view.sents[view.toks[w.open_t].sent][0], view.sents[w.close_sent][1]
    for x in range(w.after, min(s_hi, w.after + REACH)):
        c = ctx.idx.cue_at.get(x)
        if c is not None and c.klass == "speech":
            m = speaker_of(ctx, c, s_lo, s_hi)
            if m is not None:
                return Match(Rule.LATER, c, m)
    return None


def subject(ctx: Ctx, w: Window) -> Match | None:
    """"Jane Smith called the plan “a disgrace”": a fragment goes to the sentence's named subject."""
    if w.kind != "partial":
        return None
    m = sentence_subject(ctx, ctx.view.sents[ctx.view.toks[w.open_t].sent][0], w.open_t)
    if m is not None and ctx.idx.ments[m].kind != "pronoun" and not title_or_scare(ctx, w):
        return Match(Rule.SUBJECT, None, m)
    return None


def intro(ctx: Ctx, w: Window) -> Match | None:
    """"Jane Smith said: / “…”" or "A statement noted. “…”": the sentence before introduces it."""
    if w.kind != "direct":
        return None
    view, toks = ctx.view, ctx.view.toks
    s = toks[w.open_t].sent
    if view.sents[s][0] != w.open_t or s == 0:
        return None
    ps, pe = view.sents[s - 1]
    if toks[ps].para < toks[w.open_t].para - 1:
        return None
    last_word = pe - 1
    while last_word > ps and not toks[last_word].is_word:
        last_word -= 1
    ends_colon = toks[pe - 1].text == ":"
    for x in range(last_word, ps - 1, -1):
        c = ctx.idx.cue_at.get(x)
        if c is None or c.klass != "speech" or toks[x].quote >= 0:
            continue
        if not ends_colon and c.j - 1 != last_word:
            break
        m = speaker_of(ctx, c, ps, pe)
        if m is not None:
            return Match(Rule.INTRO, c, m)
        break
    return None


def narration_subject(ctx: Ctx, w: Window) -> Match | None:
    """"Jo Roe thought the plan deserved a chance. “It could work.”": a quotation that opens its
    sentence, right after a sentence of narration (no quotation in it) whose subject is a
    person's name, is that person's: the writer has turned to them."""
    if w.kind != "direct":
        return None
    view, toks = ctx.view, ctx.view.toks
    s = toks[w.open_t].sent
    if s == 0 or view.sents[s][0] != w.open_t:
        return None
    ps, pe = view.sents[s - 1]
    if toks[ps].para < toks[w.open_t].para - 1 or any(t.quote >= 0 for t in toks[ps:pe]):
        return None
    m = sentence_subject(ctx, ps, pe)
    if m is None or ctx.idx.ments[m].kind != "name" or ctx.idx.ments[m].etype != "person":
        return None
    return Match(Rule.INHERIT, None, m)


def dash_after(ctx: Ctx, w: Window) -> Match | None:
    """"“Nobody listens to us.” ― Jane Doe “…”": a dash and a name right after the closing mark, the
    name ending its paragraph or followed by punctuation or the next quotation (a list of voices)."""
    toks, k = ctx.view.toks, w.after
    if k >= len(toks) or not _is_dash(toks[k].text) or toks[k].para != toks[w.b].para:
        return None
    return _name_after_dash(ctx, k)


def dash(ctx: Ctx, w: Window) -> Match | None:
    """"“…”" then a paragraph that is only "— Jane Doe": an attribution line under the quotation."""
    toks, k = ctx.view.toks, _para_end(ctx.view, w.b)
    if k >= len(toks) or toks[k].para != toks[w.b].para + 1 or toks[k].text not in _DASHES:
        return None
    return _name_after_dash(ctx, k)


def _name_after_dash(ctx: Ctx, k: int) -> Match | None:
    """The name right after the dash at token ``k``, where no word of its paragraph follows it."""
    toks, idx = ctx.view.toks, ctx.idx
    m = idx.start_at.get(k + 1)
    if m is None or idx.ments[m].kind != "name":
        return None
    e = idx.ments[m].j
    if e < len(toks) and toks[e].para == toks[k].para and toks[e].is_word:
        return None
    return Match(Rule.DASH, None, m, kind="direct")


def inherit(ctx: Ctx, w: Window, last: Attribution | None) -> Match | None:
    """A quotation paragraph right after quotations of one speaker goes on with that speaker."""
    if w.kind != "direct" or last is None or last.mention is None or last.kind == "indirect":
        return None
    toks, lt = ctx.view.toks, ctx.view.tok_at(last.end) - 1
    if 0 <= lt < len(toks) and toks[lt].para in (toks[w.open_t].para, toks[w.open_t].para - 1):
        return Match(Rule.INHERIT, None, last.mention)
    return None


Step = Callable[[Ctx, Window], "Match | None"]

SENTENCE_RULES: tuple[Step, ...] = (before_adjacent, after, before)
FRAGMENT_RULES: tuple[Step, ...] = (later, subject)
STANDALONE_RULES: tuple[Step, ...] = (dash_after, intro, dash, narration_subject)  # then inherit, which reads the quotation before
ATTRIBUTION_ORDER = (*SENTENCE_RULES, *FRAGMENT_RULES, *STANDALONE_RULES, inherit)
"""Every rule, in the order :func:`attribute` tries them (see the module docstring)."""


def kind_of(ctx: Ctx, w: Window, match: Match | None) -> str:
    """``"partial"`` where the writer's words stand around the quotation in its sentence (or a
    cue set off by commas interrupts the writer's clause: :func:`parenthetical_cue`), else ``"direct"``."""
    toks, n = ctx.view.toks, len(ctx.view.toks)
    rule = match.rule if match is not None else None
    if rule is Rule.BEFORE:
        if w.before_words or (match is not None and parenthetical_cue(ctx, w, match)):
            return "partial"
    elif any(t.is_word for t in toks[w.lo:w.open_t]):
        return "partial"
    if match is not None and match.cue is not None and match.cue.kind == "copula":
        return "partial"
    rest_after = [] if w.after_cue is not None else [t for t in toks[w.after:w.hi] if t.is_word]
    if len(rest_after) >= 2 and rule is not Rule.AFTER:
        ends_sentence = toks[w.b].text in _END_PUNCT or (w.b + 1 < n and toks[w.b + 1].text in _END_PUNCT)
        if not ends_sentence:
            return "partial"
    return "direct"


def parenthetical_cue(ctx: Ctx, w: Window, match: Match) -> bool:
    """"The team stays at the old ground, where, he said, “the pies are the best.”": a cue set off
    by commas right after a word that opens a clause of the writer's (where, because, that, and),
    with the writer's words before that word: the quotation completes the writer's clause."""
    if match.cue is None or match.mention is None:
        return False
    toks, words = ctx.view.toks, ctx.lex.words
    start = min(ctx.idx.ments[match.mention].i, match.cue.i)
    if start - 3 < w.lo or toks[start - 1].text != ",":
        return False
    return toks[start - 2].lower in words.clause_boundary or toks[start - 2].lower in words.relative_pronouns


def title_or_scare(ctx: Ctx, w: Window) -> bool:
    """The quotation is a title or a scare quote: “so-called”, "a film called", "dubbed", "known as"."""
    view, lex, toks, open_t = ctx.view, ctx.lex, ctx.view.toks, w.open_t
    k = open_t - 1
    if k < 0 or toks[k].quote >= 0:
        return False
    for width in (1, 2, 3):  # the words right before the opening mark ("so-called", "the hashtag", "a film")
        first = k - width + 1
        if first < 0 or toks[first].para != toks[open_t].para:
            break
        if tuple(view.norm[toks[first].start:toks[k].end].lower().replace(" - ", "-").split()) in lex.title_cues:
            return True
    low = toks[k].lower
    if low in lex.words.title_naming_verbs and k >= 1 and (toks[k - 1].lower,) in lex.title_cues:
        return True
    if low in lex.words.title_words or as_term(ctx, w):
        return True
    if low == "called" and k - 1 >= 0 and toks[k - 1].tag.startswith("NN"):
        return True
    return low == "-" and k - 1 >= 0 and toks[k - 1].lower == "so"


def as_term(ctx: Ctx, w: Window) -> bool:
    """"known as “…”", "words such as “…”", "the deal, seen as “…”": "as" right before the mark
    makes a name or term, unless a verb of speech or naming earlier in the sentence makes the
    quoted words someone's ("Jane Smith branded the plan as “a fantasy”", "dismissed it as “…”")."""
    toks, words, k = ctx.view.toks, ctx.lex.words, w.open_t - 1
    if k < 1 or toks[k].lower not in words.term_prepositions:
        return False
    if toks[k - 1].lower in words.term_as_heads:
        return True
    return not any(_calls(ctx, x) for x in range(w.lo, k))


def _calls(ctx: Ctx, x: int) -> bool:
    """Token ``x`` says someone spoke or named something: a speech or stance verb, a naming verb."""
    c = ctx.idx.cue_at.get(x)
    if c is not None and c.kind == "verb" and c.klass in ("speech", "stance"):
        return True
    return ctx.view.toks[x].lower in ctx.lex.words.naming_verbs


_LIST_GAP = 4
"""Tokens at most between two quoted items of a list (closing mark, comma, "and", opening mark)."""


def listed_term(ctx: Ctx, w: Window) -> bool:
    """"words such as “scrounger” and “shirker”", "the terms “a”, “b” or “c”": a quotation joined to
    the ones before it only by commas and ``list_joiners`` is a term where the list's first is."""
    view, toks, joiners = ctx.view, ctx.view.toks, ctx.lex.words.list_joiners
    cur = w
    while cur.qi > 0:
        if view.tok_at(view.quotes[cur.qi - 1].end) < cur.open_t - _LIST_GAP - 1:
            return False  # the quotation before ends too far back (its window ends at or before that token)
        prev = window(view, cur.qi - 1)
        if prev is None or not 0 < cur.open_t - prev.b <= _LIST_GAP + 1:
            return False
        gap = toks[prev.b + 1:cur.open_t]
        if not all(t.text == "," or t.lower in joiners or (not t.is_word and t.text not in _END_PUNCT) for t in gap):
            return False
        if title_or_scare(ctx, prev):
            return True
        cur = prev
    return False


def _reports_other(ctx: Ctx, match: Match) -> bool:
    """The cue after the quotation has a content clause of its own: "“…”, the mayor insisted the
    budget would balance" reports the clause, not the quoted words."""
    if match.cue is None or match.mention is None:
        return False
    view = ctx.view
    k = max(match.cue.j, ctx.idx.ments[match.mention].j)
    hi = view.sents[view.toks[match.cue.i].sent][1]
    return content_clause(ctx, k, hi)


def title(ctx: Ctx, w: Window, match: Match | None) -> bool:
    """"the so-called “…”", "a film titled “…”", "words such as “a” and “b”": a title, name or term
    (:func:`title_or_scare`, :func:`listed_term`) is dropped, unless the attribution right after it
    says it ("… “a clear improvement”, he said") and does not report a clause of its own ("the
    slogan “Forward Together”, the mayor insisted the budget would balance")."""
    if not (title_or_scare(ctx, w) or listed_term(ctx, w)):
        return False
    return match is None or match.rule is not Rule.AFTER or _reports_other(ctx, match)


SCARE_TOKENS = 4
"""A fragment of at most this many tokens with no speaker may be a scare quote."""


def possessive_scare(ctx: Ctx, w: Window, match: Match | None) -> bool:
    """"the prime minister's “turf”", "the council's “pet project”": a short fragment right after a
    possessive, with no speaker bound to it, is the writer's scare quote (whatever cue is elsewhere
    in the sentence: "… has only added to the row")."""
    if w.kind != "partial" or match is not None or w.b - w.a >= SCARE_TOKENS:
        return False
    k = w.open_t - 1
    return k >= w.lo and ctx.view.toks[k].lower in ctx.lex.words.possessive_marks


NAMING_REACH = 6
"""Words at most between a cue and a quoted name it gives to someone ("called the new deal “Un-American”")."""


def quoted_name(ctx: Ctx, w: Window, match: Match | None) -> bool:
    """"a new “Marshall Plan” for the region", "the “Iron Lady”": a short run of capitalised words
    inside the writer's sentence is a name or nickname, unless a cue right before or after the
    quotation gives it to someone ("called the deal “Un-American”", "“Never Again”, she said") or
    it is a clause ("singing “It's Our Time”"); a cue further back than :data:`NAMING_REACH`
    words gives it to no one ("said … and that she hoped “The Long Shore” would …")."""
    far = match is not None and match.rule is Rule.BEFORE and w.before_words > NAMING_REACH
    if w.kind != "partial" or (match is not None and match.rule not in (Rule.SUBJECT, Rule.LATER) and not far):
        return False
    toks, words = ctx.view.toks, ctx.lex.words
    inner = [t for t in toks[w.a:w.b + 1] if t.is_word]
    if not inner or len(inner) > SCARE_TOKENS or not (inner[0].is_cap and inner[-1].is_cap):
        return False
    if inner[0].lower in ctx.lex.pronouns or any(t.lower in words.finite_forms for t in toks[w.a:w.b + 1]):
        return False  # "It's Our Time", "We Will Rebuild": a sentence in title case, someone's words
    before = w.open_t - 1
    return (before >= w.lo and toks[before].is_word and not toks[before].is_cap
            and all(t.is_cap or t.lower in words.org_name_joiners or t.lower in words.definite_articles for t in inner))


def scare(ctx: Ctx, w: Window, match: Match | None) -> bool:
    """"a “fair” deal": a short fragment that no speech cue in its sentence can have said."""
    if w.kind != "partial" or match is not None or w.b - w.a >= SCARE_TOKENS:
        return False
    view = ctx.view
    s_lo, s_hi = view.sents[view.toks[w.open_t].sent]
    s_lo, s_hi = max(s_lo, w.open_t - REACH), min(s_hi, w.b + REACH)
    return not any(x in ctx.idx.cue_at and ctx.idx.cue_at[x].klass == "speech" for x in range(s_lo, s_hi))


Filter = Callable[[Ctx, Window, "Match | None"], bool]

FILTERS: tuple[Filter, ...] = (title, possessive_scare, quoted_name, scare, subject_word)
"""The filter step (module docstring, step 3), in order: a quotation any of them holds is dropped."""


def _introduces_next(ctx: Ctx, cue: Cue, m: Mention) -> bool:
    """The cue and speaker end in a colon: they introduce the next quotation, not this one."""
    k = max(cue.j, m.j)
    return k < len(ctx.view.toks) and ctx.view.toks[k].text == ":"


def _para_end(view: View, k: int) -> int:
    """The first token after token ``k``'s paragraph (a binary search: paragraphs run in token order)."""
    toks, para = view.toks, view.toks[k].para
    lo, hi = k + 1, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].para == para:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _first(rules: tuple[Step, ...], ctx: Ctx, w: Window) -> Match | None:
    for rule in rules:
        m = rule(ctx, w)
        if m is not None:
            return m
    return None


def attribute_one(ctx: Ctx, w: Window, last: Attribution | None) -> Match | None:
    """Run the rule table over one quotation; sets ``w.kind``.

    Returns:
        The match (its rule ``Rule.NONE`` where no rule found anyone), or ``None`` where the
        quotation is a title or a scare quote and is dropped.
    """
    match = _first(SENTENCE_RULES, ctx, w)
    _after_speaker(ctx, w)  # the cue after is remembered even where an earlier one wins
    w.kind = kind_of(ctx, w, match)
    if match is None:
        match = _first(FRAGMENT_RULES, ctx, w)
    if any(drop(ctx, w, match) for drop in FILTERS):
        return None
    if match is None:
        match = _first(STANDALONE_RULES, ctx, w) or inherit(ctx, w, last)
    return match or Match(Rule.NONE, None, None)


ATTRIBUTION_SENTENCE_REACH = 30
"""Tokens at most between an attribution and the next quotation that :func:`attribution_sentence`
reads as the rest of the attribution's sentence ("… told reporters at a briefing in Eastham.")."""


def attribution_sentence(ctx: Ctx, w: Window, last: Attribution) -> bool:
    """"“A,” Jane Doe told reporters after the vote. “B.”" / "“A,” said Jane Doe, 41, a nurse who
    lives in Eastham. “B.”": the quotation opens right after the rest of the sentence of the
    quotation before's attribution (no sentence end, quotation or speech cue in it, same
    paragraph): it is a further part of that quotation."""
    toks = ctx.view.toks
    if not 0 < last.tail <= w.open_t <= last.tail + ATTRIBUTION_SENTENCE_REACH or toks[last.tail - 1].para != toks[w.a].para:
        return False
    end = w.open_t
    while end > last.tail and not toks[end - 1].is_word and toks[end - 1].text not in _SENTENCE_END:
        end -= 1
    if end == last.tail or toks[end - 1].text not in _SENTENCE_END:
        return False
    return not any(t.quote >= 0 or t.text in _SENTENCE_END or (x in ctx.idx.cue_at and ctx.idx.cue_at[x].klass == "speech")
                   for x, t in enumerate(toks[last.tail:end - 1], last.tail))


def _joins(ctx: Ctx, w: Window, match: Match, last: Attribution | None) -> bool:
    """The quotation is a further part of ``last``: interrupted by its cue, or sharing it."""
    if last is None or (match.kind or w.kind) != "direct" or last.kind != "direct":
        return False
    toks, gap, days = ctx.view.toks, ctx.lex.words.gap_words, ctx.lex.words.weekdays
    if last.rule is Rule.AFTER and last.tail >= 0 and match.rule in (Rule.NONE, Rule.INTRO, Rule.INHERIT):
        if (last.tail <= w.open_t and toks[last.tail - 1].para == toks[w.a].para
                and not any(t.is_word and t.lower not in gap and t.lower not in days for t in toks[last.tail:w.open_t])):
            return True  # “A,” she said. “B.”
        if match.rule is not Rule.INTRO and attribution_sentence(ctx, w, last):
            return True
    cue = match.cue
    if cue is not None and (last.cue is cue or last.after_cue is cue) and toks[ctx.view.tok_at(last.end)].para == toks[w.a].para:
        return True
    return match.rule is Rule.INTRO and last.cue is cue


def attribute(view: View, cues: list[Cue], mentions: list[Mention], lex: Lexicons) -> Attributions:
    """Attribute every quotation and find reported speech.

    Args:
        view: The document view.
        cues: Cues from stage 2.
        mentions: Mentions from stage 3 (not changed).
        lex: Lexicons.

    Returns:
        The attributions in text order, and the mentions they index.
    """
    ctx = Ctx(view, lex, MentionIndex(mentions, cues, view, lex))
    out: list[Attribution] = []
    used_cues: set[int] = set()
    last: Attribution | None = None
    inherited: list[tuple[Attribution, Attribution]] = []  # (quotation, the one it went on from)
    for qi in range(len(view.quotes)):
        w = window(view, qi)
        match = attribute_one(ctx, w, last) if w is not None else None
        if w is None or match is None:
            continue
        if _joins(ctx, w, match, last):
            assert last is not None
            last.parts.extend(view.quotes[qi].parts)
            last.quotes.append(qi)
            continue
        att = Attribution(list(view.quotes[qi].parts), match.kind or w.kind, match.cue, match.mention, [qi], match.rule,
                          after_cue=w.after_cue)
        if match.rule is Rule.AFTER and match.cue is not None and match.mention is not None:
            att.tail = max(match.cue.j, ctx.idx.ments[match.mention].j)
        if match.cue is not None and att.kind == "direct" and match.rule is not Rule.INTRO:
            used_cues.add(match.cue.i)
        out.append(att)
        if match.rule is Rule.INHERIT and last is not None and match.mention == last.mention:
            inherited.append((att, last))
        last = att
    reported = reported_speech(ctx, cues, used_cues, out)
    nest_partials(out, reported)
    for att, source in inherited:  # in text order, so a chain of them follows its first
        if source.rule in (Rule.NESTED, Rule.INHERIT):
            att.mention = source.mention
    out.extend(reported)
    out.sort(key=lambda x: x.start)
    return Attributions(out, ctx.idx.ments)


def nest_partials(quotes: list[Attribution], reported: list[Attribution]) -> None:
    """A fragment inside reported speech is the reporter's words (the seed's convention):
    "Jane Smith said the decision was “a disgrace”" gives “a disgrace” to Jane Smith, not to
    "the decision", where the fragment was found only through a copula ("was “…”") or the
    sentence's subject, or by no rule at all ("she insisted she would not be “distracted”"), or
    through the very cue of that reported speech, whose speaker reported speech reads better
    ("Newscheck seized on Jo Roe's claim that there were “thousands of thefts”": Jo Roe's).
    Changes those fragments in place (rule ``nested``)."""
    spans = sorted((r.start, r.end, n) for n, r in enumerate(reported) if r.mention is not None)
    starts = [s for s, _, _ in spans]
    for q in quotes:
        if q.kind != "partial":
            continue
        weak = q.rule in (Rule.SUBJECT, Rule.NONE) or (q.cue is not None and q.cue.kind == "copula")
        k = bisect.bisect_right(starts, q.start) - 1
        if k >= 0 and spans[k][1] >= q.end - 1:
            r = reported[spans[k][2]]
            if not weak and not (q.cue is not None and r.cue is not None and q.cue.i == r.cue.i and q.mention != r.mention):
                continue
            q.cue, q.mention, q.rule = r.cue, r.mention, Rule.NESTED
