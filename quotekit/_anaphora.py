"""Stage 6b: role nominals to their named holders: "the mayor said" is the named mayor.

A definite role nominal ("the prime minister", "said the goalkeeper", "The Acme chief executive")
is looked up by the rules of :data:`ANAPHORA_RULES`, in this order, and goes to the first one's
answer; its mentions then belong to that person:

1. ``same_title_holder``: the article's named person whose title ends in the same words ("Prime
   Minister Tony Blair", "Kentside mayor Jane Roe", "Goalkeeper Tom Hale"), where exactly one
   named person has such a title: the nearest one before the nominal, else the only one after
   it. A title that names another office ("deputy prime minister", "shadow chancellor",
   ``words/other_office_modifiers.txt``) is not the same title.
2. ``lead_person_for_title``: where nobody is named with that title, the news convention of
   naming a well-known office holder once and then calling them by the title alone ("Jo Bloggs
   flew to Paris. … The prime minister said …"): the first person named in the story's opening
   paragraphs with no title of their own, named again in the four paragraphs before the nominal,
   who has not been given another title this way; none
   where that person is named in the nominal's own sentence ("The judge told Smith").
3. ``previous_subject_for_title``: else the untitled person named first in the sentence before
   ("The Acme Society's Jo Bloggs said … The reform group's general secretary told …").

Rules 2 and 3 take only heads of offices (``words/office_titles.txt``: "the spokesman", "the
judge" are other people), singular, and only people (a first name or "Mr"); a nominal that names
its organization or place ("the Kentside mayor") is never the lead person (rule 2) and only a
person named next to it ("Kentside's Jo Roe") by rule 3. The
person takes the nominal's title and organization as their role, and each office has one holder
in an article.

Indefinite nominals ("a spokesman") are other people and stay apart. Nominals that do not speak
("The prime minister arrived") are linked too, for the title they give.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ._candidates import Mention
from ._entities import Entities, Entity
from ._lexicons import Lexicons
from ._roles import RoleFound, RoleSite, unnamed_speaker
from ._tokens import View
from ._types import RoleMention

ORG_REACH = 4
"""Tokens either side of a name an organization written with it may be at ("Acme International's Jo Roe")."""

LEAD_PARAGRAPHS = 2
"""Paragraphs after the headline where a story names the people it is about."""

RECENT_PARAGRAPHS = 4
"""Paragraphs before a nominal the lead person must be named in again: the story is still about them
(a live blog's later items are other stories)."""


def _title_words(role: str | None) -> tuple[str, ...]:
    return tuple(role.lower().replace("-", " ").split()) if role else ()


@dataclasses.dataclass(slots=True)
class _Nominal:
    """A definite role nominal being resolved.

    Attributes:
        view: The document view.
        ments: Mentions (stage 4's list).
        ents: Entities from stage 5.
        roles: Each entity's role, from stage 6.
        lex: Lexicons.
        n: The nominal's mention.
        title: Its title ("prime minister").
        org: The organization written with it ("Amnesty" of "The Amnesty secretary-general").
        given: Persons given a title by ``lead_person_for_title`` so far, and that title.
    """

    view: View
    ments: list[Mention]
    ents: Entities
    roles: dict[int, RoleFound]
    lex: Lexicons
    n: int
    title: str
    org: str | None
    given: dict[int, tuple[str, ...]]


def _first_i(x: _Nominal, h: int) -> int:
    return min(x.ments[k].i for k in x.ents.entities[h].mentions)


def same_title_holder(x: _Nominal) -> int | None:
    """"Prime Minister Ana Ruiz visited … Later the prime minister said …": the one named person
    whose title ends in the nominal's words (not "Deputy Prime Minister X")."""
    words, ents = _title_words(x.title), x.ents
    other = x.lex.words.other_office_modifiers
    holders = []
    for h, ent in enumerate(ents.entities):
        held = _title_words(x.roles[h].role) if h in x.roles and not ent.unnamed and ent.etype == "person" else ()
        if held[-len(words):] == words and not other & set(held[:-len(words)]):
            holders.append(h)
    at = x.ments[x.n].i
    before = [h for h in holders if _first_i(x, h) < at]
    if len(before) == 1 or (not before and len(holders) == 1):
        return (before or holders)[0]
    return None


def _is_office(title: str, lex: Lexicons) -> bool:
    words = title.lower().split()
    return any(" ".join(words[k:]) in lex.words.office_titles for k in range(len(words)))


def _untitled_people(x: _Nominal) -> list[tuple[int, list[int]]]:
    """Named persons with no title of their own, named before the nominal and not after the
    organization written with it, with the tokens of their name mentions."""
    at = x.ments[x.n].i
    org = set(_title_words(x.org))
    out = []
    for h, ent in enumerate(x.ents.entities):
        if ent.unnamed or ent.etype != "person" or h in x.given or (h in x.roles and x.roles[h].role):
            continue
        if org & set(ent.words) or ent.gender not in ("f", "m"):
            continue  # "Acme International … the Acme chairman": not the body; a person has a first name or "Mr"
        if org and not _named_with(x, ent, org):
            continue  # "the Kentside mayor" is someone written next to Kentside
        named = sorted(x.ments[k].i for k in ent.mentions if x.ments[k].kind == "name")
        if named and named[0] < at:
            out.append((h, named))
    return out


def _named_with(x: _Nominal, ent: Entity, org: set[str]) -> bool:
    """The organization or place ``org`` is written next to a name of ``ent`` ("Acme's Jo Roe",
    "Jo Roe of Acme"), within :data:`ORG_REACH` tokens."""
    lows = x.view.lowers
    for k in ent.mentions:
        m = x.ments[k]
        if m.kind == "name":
            near = " ".join(lows[max(0, m.i - ORG_REACH):m.i] + lows[m.j:m.j + ORG_REACH])
            if org <= set(_title_words(near)):
                return True
    return False


def lead_person_for_title(x: _Nominal) -> int | None:
    """"Jo Bloggs has dismissed the reports. … Firstly, the prime minister insisted that …": the
    first untitled person of the story's opening paragraphs."""
    if x.org or not _is_office(x.title, x.lex) or x.ments[x.n].number != "sg":
        return None  # "the Florida senator" is the one of the state, not the story's lead
    toks, at = x.view.toks, x.ments[x.n].i
    words = _title_words(x.title)
    for h, title in x.given.items():
        if title == words:
            return h  # one holder of an office per article
    best: tuple[int, int, list[int]] | None = None
    for h, named in _untitled_people(x):
        body = [i for i in named if toks[i].para > 0] or named  # the headline aside
        recent = [i for i in named if i < at]
        if toks[body[0]].para > LEAD_PARAGRAPHS or not recent or toks[recent[-1]].para < toks[at].para - RECENT_PARAGRAPHS:
            continue
        if best is None or body[0] < best[0]:
            best = (body[0], h, named)
    if best is None or any(toks[i].sent == toks[at].sent for i in best[2]):
        return None  # "The judge told Smith": someone else
    return best[1]


def previous_subject_for_title(x: _Nominal) -> int | None:
    """"The Acme Society's Jo Bloggs said … The reform group's general secretary told …": the
    untitled person named first in the sentence before the nominal's."""
    if not _is_office(x.title, x.lex) or x.ments[x.n].number != "sg":
        return None
    toks = x.view.toks
    sent = toks[x.ments[x.n].i].sent
    firsts = [(min(i for i in named if toks[i].sent == sent - 1), h) for h, named in _untitled_people(x)
              if any(toks[i].sent == sent - 1 for i in named) and not any(toks[i].sent == sent for i in named)]
    return min(firsts)[1] if firsts else None


ANAPHORA_RULES: tuple[Callable[[_Nominal], int | None], ...] = (same_title_holder, lead_person_for_title, previous_subject_for_title)
"""The rules in the order :func:`link_role_nominals` tries them for each nominal."""


def _definite(view: View, i: int, lex: Lexicons) -> bool:
    """Token ``i`` is "the", or the title at ``i`` follows a definite possessive ("the reform
    group's general secretary")."""
    toks, words = view.toks, lex.words
    if toks[i].lower in words.anaphoric_determiners:
        return True
    owned = False
    for k in range(i - 1, max(-1, i - 9), -1):
        t = toks[k]
        if t.sent != toks[i].sent:
            return False
        if t.lower in words.anaphoric_determiners:
            return owned
        if t.lower in words.possessive_marks:
            owned = True
        elif not t.is_word or t.is_cap:
            return False  # "Acme's secretary": a named owner, not an anaphor
    return False


def _nominal_title(view: View, ments: list[Mention], ents: Entities, roles: dict[int, RoleFound], n: int,
                   lex: Lexicons) -> tuple[str, str | None] | None:
    """The title and organization of a definite, unnamed role nominal (mention ``n``), or ``None``."""
    m = ments[n]
    e = ents.entity_of[n]
    if m.kind != "nominal" or m.statement or not _definite(view, m.i, lex):
        return None
    if e >= 0:
        known = roles.get(e) if ents.entities[e].unnamed else None
        return (known.role, known.org) if known is not None and known.role else None
    lo, hi = view.sents[view.toks[m.i].sent]
    head = view.toks[m.name_i].lower
    found = unnamed_speaker(RoleSite(view, lex, ments, n, Entity([head], head, "person", unnamed=True), lo, hi))
    return (found.role, found.org) if found is not None and found.role else None


def link_role_nominals(view: View, ments: list[Mention], ents: Entities, roles: dict[int, RoleFound], lex: Lexicons) -> Entities:
    """Give each definite role nominal's mentions to the named person it stands for.

    Args:
        view: The document view.
        ments: Mentions (stage 4's list).
        ents: Entities from stage 5 (not changed).
        roles: Each entity's role, from stage 6; a person who takes a nominal's title by
            ``lead_person_for_title`` gets it here (the dictionary is updated in place).
        lex: Lexicons.

    Returns:
        The entities with those nominals' mentions moved to their holders (new records where
        they change; a nominal's own entity keeps no mention).
    """
    moves: dict[int, int] = {}  # mention -> holder
    given: dict[int, tuple[str, ...]] = {}
    order = sorted(range(len(ments)), key=lambda k: ments[k].i)
    for n in order:
        got = _nominal_title(view, ments, ents, roles, n, lex)
        if got is None:
            continue
        x = _Nominal(view, ments, ents, roles, lex, n, got[0], got[1], given)
        for rule in ANAPHORA_RULES:
            holder = rule(x)
            if holder is not None:
                moves[n] = holder
                if rule is not same_title_holder:
                    _give_title(view, ments, roles, holder, x)
                break
    if not moves:
        return ents
    entity_of = list(ents.entity_of)
    entities = list(ents.entities)
    for n, holder in moves.items():
        old = entity_of[n]
        entity_of[n] = holder
        entities[holder] = dataclasses.replace(entities[holder], mentions=sorted({*entities[holder].mentions, n}))
        if old >= 0:
            entities[old] = dataclasses.replace(entities[old], mentions=[k for k in entities[old].mentions if k != n])
    # A speaking nominal's other mentions ("the minister … he") follow it.
    for e, ent in enumerate(ents.entities):
        targets = {moves[k] for k in ent.mentions if k in moves}
        if ent.unnamed and len(targets) == 1 and entities[e].mentions:
            (holder,) = targets
            for k in entities[e].mentions:
                entity_of[k] = holder
            entities[holder] = dataclasses.replace(entities[holder], mentions=sorted({*entities[holder].mentions, *entities[e].mentions}))
            entities[e] = dataclasses.replace(entities[e], mentions=[])
    return Entities(entities, entity_of)


def _give_title(view: View, ments: list[Mention], roles: dict[int, RoleFound], holder: int, x: _Nominal) -> None:
    """The holder's role becomes the nominal's title (the first one given, where several are)."""
    m = ments[x.n]
    mention = RoleMention(x.title, x.org, view.toks[m.name_i].start, view.toks[m.name_j - 1].end)
    x.given[holder] = _title_words(x.title)
    old = roles.get(holder)
    if old is None:
        roles[holder] = RoleFound(x.title, x.org, "lead_person_for_title", None, (mention,))
    elif not old.role:
        roles[holder] = RoleFound(x.title, x.org or old.org, "lead_person_for_title", old.party, (*old.found, mention))
    else:
        roles[holder] = dataclasses.replace(old, found=(*old.found, mention))
