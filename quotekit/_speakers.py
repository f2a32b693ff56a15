"""Stage 4a: the speaker of a cue: the mention that is its subject, found by an ordered table of rules.

:func:`speaker_of` tries :data:`SUBJECT_RULES` in order. A rule returns a mention index (the
speaker), ``None`` (it does not apply: try the next one) or :data:`NO_SPEAKER` (the cue has no
speaker to find: stop). The order is the algorithm:

1. ``according_source``: "according to X" names X after the phrase ("according to the state
   attorney general's office": the office, not the attorney general; "according to incident
   commander Jo Roe": Jo Roe, past the title words in front of her name).
2. ``passive_agent``: "it was reported by X"; an agentless passive has no speaker.
3. ``with_subject``: "Acme hit back, with chairman Jo Roe saying …": the name after "with".
4. ``participle_subject``: "Jane Doe emailed supporters saying …": the sentence's subject.
5. ``of_phrase_subject``: "A spokesman for the Ministry of Defence said" (the spokesman's
   whole phrase, not the name after "of").
6. ``coordinated_subject``: "Acme Health and Borland Medical Group announced that …" (two
   names joined by "and" that open the clause: one joint mention, kind ``joint``).
7. ``subject_before``: "Jane Smith said", "Traders in Saltmere said" (the subject right before).
8. ``relative_who``: "Jane Doe, who said …", "Sen. Jo Roe, a Republican from Ohio, who said …",
   "Jo Roe, 78, who said …".
9. ``clause_opener``: "…, saying …" / "… and said …": the subject that opens the sentence.
10. ``by_author``: "The Long Shore, by Jo Roe, says" (a work speaks for its author).
11. ``name_before_comma``: "The party's leader, Jane Smith, said", "One of the pupils, 16-year-old
   Jo Roe, said", "The two members, Jo Roe and Tom Lee, said".
12. ``appositive``: "Jane Smith, the party's leader, said".
13. ``aged_appositive``: "Rachel Orme, 45, from Dunmore, said" (an age, then an appositive).
14. ``clause_subject``: "People briefed on the talks say" (a noun phrase that opens the clause).
15. ``no_inversion``: colons, "was “…”", noun-like verbs and "told" take no subject after them.
16. ``inverted_titled_name``: "“…,” said former party adviser Jane Doe", "said Muslim community
    leader Jane Doe" (not a place after a preposition: "said the 28-year-old from Ashby").
17. ``inverted_apposed_name``: "“…,” said the union's general secretary, Jo Roe", "says
    Okafor's business partner, Dan Reyes" (the name).
18. ``inverted_nominal``: "“…?” asked the boy", "said Okafor's lawyer" (the lawyer), ending
    before a preposition ("said the 28-year-old from Ashby") or a relative clause ("said the
    members who voted no"), or at a name it ends in ("said the striker's team-mate Peter Marsh":
    Peter Marsh).
19. ``inverted_subject``: "said Jane Smith", "said Acme chief executive Jane Doe".

Mentions that a rule makes (a longer noun phrase over a name, "the boy") are this stage's own:
:class:`MentionIndex` holds a copy of stage 3's list and appends them to the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ._candidates import Mention, age_end
from ._cues import Cue
from ._lexicons import Lexicons
from ._tokens import View

# Punctuation that ends the clause a subject is looked for in (the words are lexicon data).
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–"})

NO_SPEAKER = -1
"""A subject rule's answer that ends the search: the cue has no speaker."""


class MentionIndex:
    """Stage 3's mentions (copied) and the ones attribution adds, indexed by first and last token.

    Attributes:
        ments: The mentions; stage 3's first, in their order, then the added ones.
        end_at: Token one past a mention's end -> its index.
        start_at: A mention's first token -> its index.
        cue_at: A cue's first token -> the cue.
    """

    def __init__(self, mentions: list[Mention], cues: list[Cue], view: View | None = None, lex: Lexicons | None = None) -> None:
        self.ments = list(mentions) if view is None or lex is None else [_name_before_title(view, m, lex) for m in mentions]
        self.end_at: dict[int, int] = {}
        self.start_at: dict[int, int] = {}
        for n, m in enumerate(mentions):
            self.end_at[m.j] = n
            self.start_at[m.i] = n
        self.cue_at: dict[int, Cue] = {c.i: c for c in cues}
        self.made: dict[tuple[int, int], int] = {}

    def joint(self, first: int, second: int) -> int:
        """A mention (kind ``joint``) of two names joined by "and" that speak together ("Acme
        Health and Borland Medical Group"): its name runs from the first name to the second."""
        a, b = self.ments[first], self.ments[second]
        if (a.i, b.j) in self.made:
            return self.made[(a.i, b.j)]
        types = {a.etype, b.etype}
        etype = "organization" if "organization" in types else "person" if "person" in types else "unknown"
        self.ments.append(Mention(a.i, b.j, "joint", a.name_i, b.name_j, etype, "-", "pl"))
        n = len(self.ments) - 1
        self.made[(a.i, b.j)] = n
        return n

    def extend(self, base: int | None, i: int, j: int) -> int:
        """A mention over tokens i..j-1 built on mention ``base`` (or a new unnamed one)."""
        if base is not None:
            b = self.ments[base]
            if b.i == i and b.j == j:
                return base
        if (i, j) in self.made:
            return self.made[(i, j)]
        if base is not None:
            m = Mention(i, j, b.kind, b.name_i, b.name_j, b.etype, b.gender, "pl" if b.number == "pl" else b.number,
                        b.role, b.role_org, b.possessive, b.statement)
        else:
            m = Mention(i, j, "nominal", j - 1, j, "unknown", "-", "sg")
        self.ments.append(m)
        n = len(self.ments) - 1
        self.made[(i, j)] = n
        return n


def _name_before_title(view: View, m: Mention, lex: Lexicons) -> Mention:
    """"Former welfare minister Jo Roe MP said" / "Tom Lee QC said": where the capitalised
    words in front of a nominal's title head are a person's name (from a first name on), the
    mention is that person, named, with the title after the name (kind ``name``); not an
    unnamed "MP" of a body called "Jo Roe". Any other mention is returned as it is."""
    toks = view.toks
    if m.kind != "nominal" or m.statement or not m.role or m.name_i - m.i < 2:
        return m
    x = next((x for x in range(m.i, m.name_i - 1) if toks[x].text in lex.first_names), None)
    if x is None or not all(t.is_cap and t.is_word for t in toks[x:m.name_i]):
        return m
    return Mention(m.i, m.j, "name", x, m.name_i, "person", lex.first_names[toks[x].text], "sg", m.role, None, m.possessive)


@dataclass(frozen=True, slots=True)
class Ctx:
    """What every attribution rule reads: the document, the lexicons and the mentions."""

    view: View
    lex: Lexicons
    idx: MentionIndex


@dataclass(frozen=True, slots=True)
class CueSite:
    """A cue and the token range its subject may come from.

    Attributes:
        cue: The cue.
        lo: First token a mention may use.
        hi: One past the last token it may use.
        after_quote: The cue follows a quotation ("“…?” asked the boy"): the noun after the
            verb is its inverted subject, never its object.
        left: The token right after the subject, when the subject comes before the cue
            (past "(D-N.Y.)", adverbs and auxiliaries: "Smith also has said").
    """

    cue: Cue
    lo: int
    hi: int
    after_quote: bool
    left: int


def _left_edge(ctx: Ctx, cue: Cue, lo: int) -> int:
    toks, skip = ctx.view.toks, ctx.lex.words.skip_before_cue
    k = cue.i
    if k - 1 > lo and toks[k - 1].text == ")":
        for x in range(k - 2, max(lo, k - 10) - 1, -1):
            if toks[x].text == "(":
                k = x
                break
    steps = 0
    while k - 1 >= lo and (toks[k - 1].lower in skip or (toks[k - 1].text.endswith("ly") and toks[k - 1].text.islower())) and steps < 3:
        if toks[k - 1].text == ",":
            break
        k -= 1
        steps += 1
    return k


def according_source(ctx: Ctx, s: CueSite) -> int | None:
    """"according to the Harbour Authority, …": the phrase after "according to", up to punctuation."""
    if s.cue.kind != "according":
        return None
    toks = ctx.view.toks
    k = e = s.cue.j
    while e < s.hi and toks[e].text not in (",", ";", ".", "!", "?", ")", "—", "–") and toks[e].quote < 0 and e - k < 15:
        e += 1
    if e <= k:
        return NO_SPEAKER
    head = _possessed_head(ctx, k, e)
    for rule in (_titled_source, _agent_source, _name_modifier_source):
        if head is None:
            head = rule(ctx, k, e)
    return ctx.idx.extend(head, k, e)


def _agent_source(ctx: Ctx, k: int, e: int) -> int | None:
    """"according to figures compiled by Pollwise", "according to a survey by the Harbour
    Trust for …": the name after "by" is the source, not the figures (nor a word at the end of
    the phrase, "… released on Thursday")."""
    toks, idx = ctx.view.toks, ctx.idx
    for x in range(k + 1, e - 1):
        if toks[x].lower == "by":
            a = x + 2 if toks[x + 1].lower in ctx.lex.words.definite_articles else x + 1
            m = idx.start_at.get(a)
            return m if m is not None and idx.ments[m].kind == "name" and idx.ments[m].j <= e else None
    return None


def _name_modifier_source(ctx: Ctx, k: int, e: int) -> int | None:
    """"according to a Harbour Gazette survey released on Monday", "according to the Polltrack
    average": a body's name in front of a report or figures noun that the phrase is about is the
    source, not a word at the end of the phrase."""
    toks, idx, lex = ctx.view.toks, ctx.idx, ctx.lex
    y = k
    while y < e and y not in idx.start_at and toks[y].is_word and not toks[y].is_cap:
        y += 1  # "the", "a", "early"
    m = idx.start_at.get(y)
    if m is None or idx.ments[m].kind != "name" or idx.ments[m].etype == "person" or idx.ments[m].j >= e:
        return None
    h = idx.ments[m].j
    while h + 1 < e and toks[h + 1].is_word and not toks[h + 1].is_cap and toks[h + 1].lower not in lex.words.nominal_left_stops:
        h += 1  # the head noun ends the run of lower-case words after the name
    head = toks[h]
    if not head.is_word or head.is_cap or any(t.lower in lex.words.nominal_left_stops for t in toks[idx.ments[m].j:h + 1]):
        return None
    if head.lower not in lex.statement_nouns and head.lower not in lex.words.figure_nouns:
        return None  # "according to the Kentside harbour master": a person, not the body
    return m


def _titled_source(ctx: Ctx, k: int, e: int) -> int | None:
    """"according to incident commander Jo Roe": where no mention opens the phrase after
    "according to", the person's name that its title words stand in front of, so that the
    speaker is that person (named "Jo Roe"), not a nominal headed by the surname."""
    toks, idx, stops = ctx.view.toks, ctx.idx, ctx.lex.words.nominal_left_stops
    x = k + 1 if toks[k].lower in ctx.lex.words.inverted_nominal_starts else k
    name = next((idx.start_at[y] for y in range(x, min(e, x + TITLE_REACH + 1)) if y in idx.start_at), None)
    if name is None or idx.ments[name].kind != "name" or idx.ments[name].etype == "organization" or idx.ments[name].j != e:
        return None
    if any(not (toks[y].is_word or toks[y].text == "-") or toks[y].lower in stops for y in range(x, idx.ments[name].i)):
        return None  # "according to figures from Jo Roe": not a title in front of the name
    return name


def _possessed_head(ctx: Ctx, k: int, e: int) -> int | None:
    """The mention that heads the phrase of tokens k..e-1: the one at ``k``, but past a possessive
    after it, the one after the possessive ("the state attorney general's office": the office, a
    new nominal where no mention starts there)."""
    toks, idx = ctx.view.toks, ctx.idx
    base = idx.start_at.get(k)
    if base is None:
        return None
    poss = next((x for x in range(e - 2, idx.ments[base].j - 1, -1) if toks[x].lower in ("'s", "’s")), None)
    return base if poss is None else idx.start_at.get(poss + 1)


def passive_agent(ctx: Ctx, s: CueSite) -> int | None:
    """"It was reported by the council that …": the agent after "by"; "It was reported": none."""
    if not s.cue.passive:
        return None
    toks, k = ctx.view.toks, s.cue.j
    if k < s.hi and toks[k].lower == "by" and k + 1 in ctx.idx.start_at:
        return ctx.idx.start_at[k + 1]
    return NO_SPEAKER


def with_subject(ctx: Ctx, s: CueSite) -> int | None:
    """"Acme hit back, with election coordinator Jo Roe accusing the board of …": a participle
    right after a name that "with" (and title words) introduces is that person's, not the
    sentence subject's."""
    toks, idx = ctx.view.toks, ctx.idx
    m = idx.end_at.get(s.left)
    if not toks[s.cue.i].lower.endswith("ing") or m is None or idx.ments[m].kind != "name" or idx.ments[m].etype == "organization":
        return None
    x = idx.ments[m].i - 1
    while x > s.lo and idx.ments[m].i - x <= TITLE_REACH and toks[x].is_word and toks[x].lower not in ctx.lex.words.nominal_left_stops:
        x -= 1
    if x < s.lo or toks[x].lower not in ctx.lex.words.absolute_openers:
        return None
    return m


def participle_subject(ctx: Ctx, s: CueSite) -> int | None:
    """"Jane Doe emailed supporters saying …": a participle's subject opens the sentence."""
    toks, i = ctx.view.toks, s.cue.i
    if not toks[i].lower.endswith("ing") or i <= s.lo or toks[i - 1].lower in ctx.lex.words.be_forms:
        return None
    m = first_subject(ctx, s.lo, i)
    return m if m is not None and ctx.idx.ments[m].i < i else None


def of_phrase_subject(ctx: Ctx, s: CueSite) -> int | None:
    """"A spokesman for the Ministry of Defence said": a person's noun phrase ("A spokesman for
    the Ministry") that an "of" phrase right before the cue goes on: the whole phrase, not the
    name after "of"."""
    idx, toks = ctx.idx, ctx.view.toks
    m = idx.end_at.get(s.left)
    if m is None or idx.ments[m].i - 2 < s.lo or toks[idx.ments[m].i - 1].lower != "of":
        return None
    head = idx.end_at.get(idx.ments[m].i - 1)
    if head is None or idx.ments[head].i < s.lo or idx.ments[head].kind != "nominal" or idx.ments[head].etype != "person":
        return None
    return idx.extend(head, idx.ments[head].i, s.left)


def coordinated_subject(ctx: Ctx, s: CueSite) -> int | None:
    """"Acme Health and Borland Medical Group announced that …" / "Jo Roe and Tom Lee said": two
    names joined by "and" (the second may open with "the") that open the clause right before the
    cue speak together: one joint mention over both, not the second name alone. A list of three
    ("Jo Roe, Tom Lee and Ann Bell said") is left to the rules after."""
    idx, toks = ctx.idx, ctx.view.toks
    second = idx.end_at.get(s.left)
    if second is None or idx.ments[second].kind != "name" or idx.ments[second].possessive:
        return None
    k = idx.ments[second].i - 1
    if k > s.lo and toks[k].lower in ctx.lex.words.definite_articles:
        k -= 1
    first = idx.end_at.get(k) if k > s.lo and toks[k].lower in ctx.lex.words.name_conjunctions else None
    if first is None or idx.ments[first].kind != "name" or idx.ments[first].possessive or idx.ments[first].i < s.lo:
        return None
    b = idx.ments[first].i - 1
    # A hyphen with a space before it is a dash ("PORTVILLE, Maine - Acme and Borland said").
    dash = toks[b].text == "-" and b > 0 and toks[b - 1].end < toks[b].start
    if b >= s.lo and not (dash or toks[b].text in _CLAUSE_PUNCT or toks[b].lower in ctx.lex.words.clause_boundary):
        return None  # "… of Acme and Borland said": the names do not open the clause
    if b >= s.lo and toks[b].text == "," and b in idx.end_at and idx.ments[idx.end_at[b]].kind == "name":
        return None
    return idx.joint(first, second)


def subject_before(ctx: Ctx, s: CueSite) -> int | None:
    """"Jane Smith said" / "Traders in Saltmere have called for" (the subject before the place)."""
    idx, toks = ctx.idx, ctx.view.toks
    m = idx.end_at.get(s.left)
    if m is None or idx.ments[m].i < s.lo:
        return None
    p = idx.ments[m].i - 1
    if p - 1 >= s.lo and toks[p].lower in ctx.lex.words.place_prepositions and p in idx.end_at and idx.ments[idx.end_at[p]].i >= s.lo:
        return idx.end_at[p]
    return m


def relative_who(ctx: Ctx, s: CueSite) -> int | None:
    """"Jane Doe, who said …" / "a challenge from Jane Doe who said …": the relative pronoun
    stands for the name before it."""
    toks, k, idx = ctx.view.toks, s.left, ctx.idx
    if not (k - 1 >= s.lo and toks[k - 1].lower in ctx.lex.words.relative_pronouns and k - 2 >= s.lo):
        return None
    rel = idx.end_at.get(k - 2 if toks[k - 2].text == "," else k - 1)
    if toks[k - 2].text == "," and (rel is None or idx.ments[rel].etype != "person"):
        apposed = _name_before_appositive(ctx, k - 2, s.lo)
        if apposed is not None:
            return apposed
    if rel is not None and idx.ments[rel].kind == "name" and idx.ments[rel].i >= s.lo:
        return idx.extend(rel, idx.ments[rel].i, k)
    return None


APPOSITIVE_REACH = 12
"""Tokens at most of an appositive between a name and the comma before "who" ("a Republican from Ohio")."""


def _name_before_appositive(ctx: Ctx, comma: int, lo: int) -> int | None:
    """"Sen. Jo Roe, a Republican from Ohio, who said" / "Jo Roe, 78, who said": the person's name
    before an appositive that opens with a determiner (or is an age) and ends at ``comma``."""
    toks, idx = ctx.view.toks, ctx.idx
    x = comma - 1
    while x >= lo and comma - x <= APPOSITIVE_REACH and toks[x].text != "," and toks[x].quote < 0:
        x -= 1
    age = x + 2 == comma and toks[x + 1].text.isdigit()
    if x < lo or toks[x].text != "," or x + 1 >= comma or not (age or toks[x + 1].lower in ctx.lex.words.inverted_nominal_starts):
        return None
    m = idx.end_at.get(x)
    if m is not None and idx.ments[m].kind == "name" and idx.ments[m].etype == "person" and idx.ments[m].i >= lo:
        return m
    return None


def clause_opener(ctx: Ctx, s: CueSite) -> int | None:
    """"…, saying (that) …" / "… and said …": the subject that opens the sentence."""
    toks, k = ctx.view.toks, s.left
    if k - 1 >= s.lo and ((toks[s.cue.i].lower.endswith("ing") and toks[k - 1].text == ",") or toks[k - 1].lower in ctx.lex.words.coordinators):
        return first_subject(ctx, s.lo, k - 1)
    return None


def by_author(ctx: Ctx, s: CueSite) -> int | None:
    """"The Long Shore, by Jo Roe, says …" / "The report, by the Harbour Trust, says …": a work
    with its author set off by commas right before the cue speaks for that author."""
    toks, k, idx = ctx.view.toks, s.left, ctx.idx
    if not (k - 1 >= s.lo and toks[k - 1].text == ","):
        return None
    by = next((x for x in range(k - 2, max(s.lo, k - 12), -1) if toks[x].text == "," or toks[x].lower == "by"), None)
    if by is None or toks[by].lower != "by" or by - 1 <= s.lo or toks[by - 1].text != "," or (by - 1) not in idx.end_at:
        return None
    a = by + 2 if toks[by + 1].lower in ctx.lex.words.definite_articles else by + 1
    author = idx.start_at.get(a)
    if author is None or idx.ments[author].j != k - 1 or idx.ments[author].kind == "pronoun":
        return None
    return author


def name_before_comma(ctx: Ctx, s: CueSite) -> int | None:
    """"The party’s leader, Jane Smith, said" / "One of the pupils, 16-year-old Jo Roe, said" /
    "The two members, Jo Roe and Tom Lee, said": the name (or two names joined by "and") between
    two commas right before the cue (past an age or title modifier before it)."""
    toks, k, idx = ctx.view.toks, s.left, ctx.idx
    if not (k - 1 >= s.lo and toks[k - 1].text == "," and (k - 1) in idx.end_at):
        return None
    named = idx.ments[idx.end_at[k - 1]]
    if named.kind != "name" or named.i < s.lo:
        return None
    d = _describers_start(ctx, named.i, s.lo)
    if d - 1 >= s.lo and toks[d - 1].text == ",":
        return idx.end_at[k - 1]
    first = idx.end_at.get(d - 1) if d - 1 >= s.lo and toks[d - 1].lower == "and" else None
    if first is not None and idx.ments[first].kind == "name" and idx.ments[first].i >= s.lo:
        d = _describers_start(ctx, idx.ments[first].i, s.lo)
        if d - 1 >= s.lo and toks[d - 1].text == ",":
            return idx.extend(first, idx.ments[first].i, named.j)  # "Jo Roe and Tom Lee": both speak
    return None


DESCRIBER_REACH = 6
"""Tokens at most of the describing words before a name ("16-year-old", "former")."""


def _describers_start(ctx: Ctx, k: int, lo: int) -> int:
    """The first token of the describing words right before token ``k``: numbers, hyphenated
    compounds ("16-year-old", "long-serving") and lower-case title words ("former nurse"); ``k``
    where none."""
    toks, mods, heads, keep = ctx.view.toks, ctx.lex.role_modifiers, ctx.lex.title_ends, ctx.lex.words.role_keep_modifiers
    x = k
    while x - 1 >= lo and k - (x - 1) <= DESCRIBER_REACH and toks[x - 1].quote < 0:
        t = toks[x - 1]
        hyphened = t.text == "-" or (t.is_word and not t.is_cap and ((x - 2 >= lo and toks[x - 2].text == "-") or toks[x].text == "-"))
        titled = (t.lower in heads or t.lower in keep) and not t.is_cap
        if not (t.text.isdigit() or t.lower in mods or titled or hyphened):
            break
        x -= 1
    return x


def _appositive_open(ctx: Ctx, s: CueSite) -> int | None:
    """Where the appositive that a comma closes right before the cue opens ("Jane Smith, the
    party's leader, said": the first comma; the search stops 20 tokens back or at a quotation);
    ``None`` where no comma comes right before the cue."""
    toks, k = ctx.view.toks, s.left
    if not (k - 1 >= s.lo and toks[k - 1].text == ","):
        return None
    x = k - 2
    while x >= max(s.lo, k - 20) and toks[x].text != "," and toks[x].quote < 0:
        x -= 1
    return x


def appositive(ctx: Ctx, s: CueSite) -> int | None:
    """"Jane Smith, the party's leader, said" / "Rep. Jo Roe (R-Ohio), a panel member, said":
    the mention before the appositive."""
    toks, idx = ctx.view.toks, ctx.idx
    x = _appositive_open(ctx, s)
    if x is None:
        return None
    if x - 1 > s.lo and toks[x].text == "," and toks[x - 1].text == ")":
        # "Rep. Jo Roe (R-Ohio), a panel member, said": the name before the party tag.
        x = next((p for p in range(x - 2, max(s.lo, x - 10) - 1, -1) if toks[p].text == "("), x)
    if x >= s.lo and toks[x].text in (",", "(") and x in idx.end_at and idx.ments[idx.end_at[x]].i >= s.lo:
        if idx.ments[idx.end_at[x]].kind != "pronoun":
            return idx.end_at[x]
    return None


def aged_appositive(ctx: Ctx, s: CueSite) -> int | None:
    """"Rachel Orme, 45, from Dunmore, said" / "Jo Roe, 31, a teacher, said": the person's name
    before an age between commas and one appositive after it."""
    toks, idx = ctx.view.toks, ctx.idx
    x = _appositive_open(ctx, s)
    if x is None:
        return None
    # The age between the two commas before the appositive: "Orme, 45, from".
    if not (x - 3 >= s.lo and toks[x].text == "," and toks[x - 1].text.isdigit() and toks[x - 2].text == ","):
        return None
    n = idx.end_at.get(x - 2)
    if n is None or idx.ments[n].i < s.lo or idx.ments[n].kind != "name" or idx.ments[n].etype == "organization":
        return None
    return n


def clause_subject_rule(ctx: Ctx, s: CueSite) -> int | None:
    """"People briefed on the talks say" / "Forbes and a rival group say": a noun phrase subject."""
    cue, toks, k = s.cue, ctx.view.toks, s.left
    strong = not cue.weak or ctx.view.tagged or (cue.j < len(toks) and toks[cue.j].lower == "that")
    if cue.kind == "verb" and strong and k - 1 >= s.lo and toks[k - 1].text != ",":
        return clause_subject(ctx, s.lo, k)
    return None


def no_inversion(ctx: Ctx, s: CueSite) -> int | None:
    """Colons and "was “…”" have no subject after them; nor do "claims" or "told Jane" before a quotation."""
    cue = s.cue
    if cue.kind in ("copula", "colon") or (not s.after_quote and (cue.weak or ctx.view.toks[cue.i].lower in ctx.lex.words.no_inversion)):
        return NO_SPEAKER
    return None


def inverted_titled_name(ctx: Ctx, s: CueSite) -> int | None:
    """"“…,” said former party adviser Jane Doe" / "“…?” implored guitar-toting campaigner Jo
    Roe": lower-case title or describing words before the name."""
    toks, k, idx = ctx.view.toks, s.cue.j, ctx.idx
    if not (s.after_quote and k < s.hi and k not in idx.start_at and toks[k].is_word
            and (not toks[k].is_cap or toks[k].lower in ctx.lex.words.identity_adjectives)):
        return None  # "said Muslim community leader Jo Roe": a religion's adjective opens a title too
    last_name = None
    x = k
    # Hyphenated describing words ("guitar-toting") are split around their hyphen.
    while x < s.hi and x - k < 8 and (toks[x].is_word or (toks[x].text == "-" and x > k)) and toks[x].quote < 0:
        if toks[x].lower in ctx.lex.words.role_org_prepositions and last_name is None:
            break  # "said the 28-year-old from Ashby": a place after the phrase, not a name in it
        if x in idx.start_at and idx.ments[idx.start_at[x]].kind == "name":
            last_name = idx.start_at[x]
            x = idx.ments[last_name].j
            continue
        x += 1
    if last_name is not None and idx.ments[last_name].etype != "organization":
        return idx.extend(last_name, k, idx.ments[last_name].j)
    return None


def _opens_nominal(ctx: Ctx, k: int) -> bool:
    """Token ``k`` opens a noun phrase whose head is further on: a determiner ("the", "his"),
    or a possessive name ("Okafor's business partner": the partner, not Okafor)."""
    idx = ctx.idx
    if ctx.view.toks[k].lower in ctx.lex.words.inverted_nominal_starts:
        return True
    m = idx.start_at.get(k)
    return m is not None and idx.ments[m].possessive and idx.ments[m].kind == "name"


def inverted_apposed_name(ctx: Ctx, s: CueSite) -> int | None:
    """"“…,” said the union's general secretary, Jo Roe." / "says Okafor's business partner, Dan
    Reyes": after a quotation, a noun phrase of one to eight words after the cue, a comma, and a
    person's name ending the clause: the name."""
    toks, k, idx = ctx.view.toks, s.cue.j, ctx.idx
    if not (s.after_quote and k < s.hi and _opens_nominal(ctx, k)):
        return None
    comma = k + 1
    while comma < s.hi and comma - k <= 8 and toks[comma].text != "," and toks[comma].quote < 0 and comma not in idx.cue_at:
        comma += 1
    if comma >= s.hi or toks[comma].text != "," or comma + 1 not in idx.start_at:
        return None
    name = idx.start_at[comma + 1]
    if idx.ments[name].kind != "name" or idx.ments[name].etype != "person":
        return None
    e = idx.ments[name].j
    return name if e >= s.hi or not toks[e].is_word else None


def inverted_nominal(ctx: Ctx, s: CueSite) -> int | None:
    """"“…?” asked the boy" / "said Okafor's lawyer" / "said the 28-year-old": a noun phrase of two
    to eight words after the cue."""
    toks, k, idx = ctx.view.toks, s.cue.j, ctx.idx
    if not (s.after_quote and k < s.hi and _opens_nominal(ctx, k) and (k not in idx.start_at or idx.ments[idx.start_at[k]].possessive)):
        return None
    e = k + 1
    while e < s.hi and e - k < 8 and (toks[e].is_word or ctx.view.glued_hyphen(e)
                                      or toks[e].lower in ctx.lex.words.possessive_marks) and toks[e].quote < 0:
        if (toks[e].lower in ctx.lex.words.role_org_prepositions and not toks[e - 1].is_cap) or \
                toks[e].lower in ctx.lex.words.relative_pronouns:
            break  # "said the 28-year-old from Ashby", "said the members who voted no": the head comes before
        name = idx.start_at.get(e)
        if name is not None and idx.ments[name].kind == "name" and not idx.ments[name].possessive \
                and idx.ments[name].etype == "person":
            # "said the striker's team-mate Peter Marsh": the name the noun phrase ends in
            return idx.extend(name, k, idx.ments[name].j)
        e = max(e + 1, age_end(ctx.view, e))  # "said the 28-year-old": an age is one word
    return idx.extend(None, k, e) if e - k >= 2 else None


def inverted_subject(ctx: Ctx, s: CueSite) -> int | None:
    """"said Jane Smith" / "said she" / "said Acme chief executive Jane Doe" (the person, not Acme).

    Away from a quotation, a name after the verb that a verb follows is the reported clause's
    subject, not the speaker: "The book said Tony Blair felt …".
    """
    toks, k, idx = ctx.view.toks, s.cue.j, ctx.idx
    if not (k < s.hi and k in idx.start_at and (idx.ments[idx.start_at[k]].kind != "pronoun" or toks[k].lower in ctx.lex.words.inverted_pronouns)):
        return None
    first = idx.ments[idx.start_at[k]]
    if not s.after_quote and _starts_clause(ctx, first.j):
        return None
    if first.etype == "organization" and first.kind == "name":
        for x in range(first.j, min(s.hi, first.j + 4)):
            other = idx.start_at.get(x)
            if other is not None and idx.ments[other].etype == "person" and idx.ments[other].kind == "name":
                return other
            if toks[x].is_cap or not toks[x].is_word:
                break
    return idx.start_at[k]


def _starts_clause(ctx: Ctx, k: int) -> bool:
    """Token ``k`` (right after an inverted subject) goes on as a clause: a verb with a tagger,
    else a lower-case word that is no preposition, conjunction or time word ("felt", "would")."""
    toks, words = ctx.view.toks, ctx.lex.words
    if k >= len(toks) or not toks[k].is_word or toks[k].is_cap:
        return False
    if ctx.view.tagged:
        return toks[k].tag.startswith(("VB", "MD"))
    return toks[k].lower not in words.speaker_followers and toks[k].lower not in words.weekdays


SubjectRule = Callable[[Ctx, CueSite], "int | None"]

SUBJECT_RULES: tuple[SubjectRule, ...] = (
    according_source,
    passive_agent,
    with_subject,
    participle_subject,
    of_phrase_subject,
    coordinated_subject,
    subject_before,
    relative_who,
    clause_opener,
    by_author,
    name_before_comma,
    appositive,
    aged_appositive,
    clause_subject_rule,
    no_inversion,
    inverted_titled_name,
    inverted_apposed_name,
    inverted_nominal,
    inverted_subject,
)
"""The subject rules in the order :func:`speaker_of` tries them (see the module docstring)."""


def speaker_of(ctx: Ctx, cue: Cue, lo: int, hi: int, after_quote: bool = False) -> int | None:
    """The mention that is the subject (or inverted subject) of ``cue``, within tokens lo..hi.

    Args:
        ctx: The document, lexicons and mentions.
        cue: The cue.
        lo: First token the mention may use.
        hi: One past the last token it may use.
        after_quote: The cue follows a quotation: the noun after the verb is its subject.

    Returns:
        The mention index, or ``None``.
    """
    site = CueSite(cue, lo, hi, after_quote, _left_edge(ctx, cue, lo))
    for rule in SUBJECT_RULES:
        m = rule(ctx, site)
        if m is not None:
            return None if m == NO_SPEAKER else m
    return None


def clause_subject(ctx: Ctx, lo: int, k: int) -> int | None:
    """An NP that runs from the start of the clause to token ``k`` ("People briefed on the
    talks say", "Forbes and a rival group say")."""
    toks, idx, boundary = ctx.view.toks, ctx.idx, ctx.lex.words.clause_boundary
    cs = k
    while cs - 1 >= lo and k - (cs - 1) <= 10 and toks[cs - 1].quote < 0:
        low = toks[cs - 1].lower
        if (low in boundary or low in _CLAUSE_PUNCT) and not (low == "and" and cs - 2 >= lo and toks[cs - 2].is_cap and cs < k and toks[cs].is_cap):
            break
        cs -= 1
    if cs - 1 >= lo and toks[cs - 1].lower not in boundary and toks[cs - 1].lower not in _CLAUSE_PUNCT and toks[cs - 1].quote < 0:
        return None  # the clause is longer than a subject can be
    verb, k = k, _subject_end(ctx, cs, k)
    if cs >= k:
        return None
    # A mention whose name lies past the phrase ("The mayor urged residents", read as one noun
    # phrase where no tagger says "urged" is a verb) is no base for it.
    base = idx.start_at.get(cs)
    if base is not None and idx.ments[base].name_j <= k:
        if idx.ments[base].kind == "pronoun" and idx.ments[base].j != verb:
            return None  # "it may threaten": a pronoun is subject_before's, past its skip words only
        return idx.extend(base, cs, k)
    if toks[cs].lower in ctx.lex.words.group_subject_starts:
        for x in range(cs, k):
            if x in idx.start_at and idx.ments[idx.start_at[x]].name_j <= k:
                return idx.extend(idx.start_at[x], cs, k)
        return idx.extend(None, cs, k)
    return None


def _subject_end(ctx: Ctx, cs: int, k: int) -> int:
    """"The mayor is not saying", "Officials have never said", "The mayor isn't saying": the
    subject phrase ends before the auxiliaries and negation in front of the verb (``finite_forms``,
    ``negations``), so that its head is "mayor", not "not" or "n't"."""
    toks, words = ctx.view.toks, ctx.lex.words
    while k - 1 > cs and (toks[k - 1].lower in words.negations or toks[k - 1].lower in words.finite_forms):
        k -= 1
    return k


def first_subject(ctx: Ctx, lo: int, hi: int) -> int | None:
    """The mention that opens the sentence (pronouns included), for "…, and said" and "…, saying"."""
    toks, idx = ctx.view.toks, ctx.idx
    k = lo
    while k < hi and (not toks[k].is_word or toks[k].lower in ctx.lex.words.clause_openers):
        k += 1
    if k < hi and toks[k].lower in ctx.lex.words.leading_adverbials:
        # "At Sunday's debate, Jane Doe …": the subject comes after the opening phrase.
        for x in range(k + 1, min(hi, k + 12)):
            if toks[x].text == ",":
                k = x + 1
                break
    m = idx.start_at.get(k)
    if m is not None and idx.ments[m].j <= hi and toks[k].lower not in ctx.lex.words.dummy_subjects and not idx.ments[m].statement:
        joint = _joint_after(ctx, m, hi)
        return joint if joint is not None else titled_name(ctx, k, hi, m)
    return titled_name(ctx, k, hi, None) if k < hi else None


def _joint_after(ctx: Ctx, first: int, hi: int) -> int | None:
    """"Acme and Borland have opposed the bid, saying …": a name that opens the sentence and a
    second name joined to it by "and" (the second may open with "the") are one joint subject,
    unless a list goes on after them ("Acme and Borland, and Kestrel")."""
    toks, idx = ctx.view.toks, ctx.idx
    a = idx.ments[first]
    k = a.j
    if a.kind != "name" or a.possessive or k + 1 >= hi or toks[k].lower not in ctx.lex.words.name_conjunctions:
        return None
    k += 1
    if toks[k].lower in ctx.lex.words.definite_articles:
        k += 1
    second = idx.start_at.get(k)
    if second is None or idx.ments[second].kind != "name" or idx.ments[second].possessive or idx.ments[second].j > hi:
        return None
    e = idx.ments[second].j
    if e < len(toks) and (toks[e].text == "," or toks[e].lower in ctx.lex.words.name_conjunctions):
        return None
    return idx.joint(first, second)


def sentence_subject(ctx: Ctx, lo: int, hi: int) -> int | None:
    """The mention that opens the sentence, where a verb follows it (the writer's subject)."""
    toks, idx = ctx.view.toks, ctx.idx
    k = lo
    while k < hi and not toks[k].is_word:
        k += 1
    if k in idx.start_at:
        m = idx.start_at[k]
        if idx.ments[m].j < hi and not idx.ments[m].statement and toks[idx.ments[m].i].lower not in ctx.lex.words.dummy_subjects:
            return titled_name(ctx, k, hi, m)
        return None
    # No mention opens it where a tagger called its first word an adjective ("Conservative
    # co-chairman Jo Roe"): the title's name, as where one does.
    return titled_name(ctx, k, hi, None) if k < hi else None


TITLE_REACH = 8
"""Tokens at most from the start of a subject to the name its title words stand in front of."""


def titled_name(ctx: Ctx, k: int, hi: int, m: int | None) -> int | None:
    """"Opposition co-chairman Dana Whitfield derided …", "deputy harbour master Tom Reyes told …":
    where the subject opening at token ``k`` is a party, body or title in front of a person's
    name (capitalised words and title words, one at least a title's head), the subject is the
    name; else the mention ``m`` that opens there (or ``None``) stands."""
    toks, idx, lex = ctx.view.toks, ctx.idx, ctx.lex
    if m is not None and (idx.ments[m].kind == "pronoun" or (idx.ments[m].kind == "name" and idx.ments[m].etype == "person")):
        return m
    titled = False
    for x in range(k, min(hi, k + TITLE_REACH)):
        other = idx.start_at.get(x)
        if x > k and other is not None and idx.ments[other].kind == "name" and idx.ments[other].etype == "person":
            return other if titled and idx.ments[other].j <= hi else m
        t = toks[x]
        if t.lower in lex.title_ends:
            titled = True
        elif not (t.is_cap or t.lower in lex.role_modifiers or (t.text == "-" and x > k) or (x + 1 < hi and toks[x + 1].text == "-")):
            return m
    return m
