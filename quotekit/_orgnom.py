"""Stage 6c: organizations from definite nominals: "the union's general secretary, Jo Roe" works for
the union the article names.

A titled speaker whose title has no organization of its own, or an unnamed speaker "for the
force", often owns it through a definite nominal of a body named earlier ("the Union of Port
Workers … the union's general secretary", "Kentside Constabulary … a spokesman for the
force"). The rules of :data:`OWNER_RULES`, tried in this order at each mention, read the owner
nominal's words:

1. ``possessive_owner``: "the union's general secretary, Jo Roe", "Jo Roe, the trust's chief
   executive,", "the force's Chief Constable Jo Roe", "Its managing director, Jo Roe", "her
   senior adviser, Jo Roe" (a person's: :func:`person_owner`), "the senator's chief of staff, Jo
   Roe" (the named holder of that title: :func:`title_holder`).
2. ``for_owner``: "a spokesman for the force", "a spokeswoman for the arts council".
3. ``kind_nominal_owner``: "the committee chairman, Jo Roe,", "Jo Roe, the union leader,": a
   definite nominal with a noun of a kind of body before the title.
4. ``title_body_kind``: "council member Jo Roe", "a board member, Jo Roe,": a title that holds a
   noun of a kind of body before its head.

The owner then goes to the one body the article names that it can stand for
(:func:`named_body_for`): a capitalised name whose head is the nominal's noun ("the union":
"Union of Port Workers"; "the arts council": "Kentside Arts Council"), or a name ending that the
noun implies (``words/body_kind_nouns.txt``: "the force": "… Constabulary"), or a name the article
gives a body in apposition (:func:`appositive_body_noun`: "a campaign group, Save Ferrow Green,"
is a group), or a place or name followed by lower-case words ending in that noun
(:func:`lower_case_body_end`: "Kentside food festival returns", "the Ferrow parish council");
for "the party", a party's name or adjective (``words/party_words.txt``: "Labour MPs"). A body
named earlier in the nominal's own sentence comes first ("Labour will fight on, the party's
election chief said"), then a party's full name before its adjectives; "its" is the one body
named in the sentence before. Where two named bodies could be meant, none is taken.

A titled speaker whose organization is only a kind of body ("State party chairman Jo Roe",
"His party leader") gets the named body it stands for the same way.

A body that speaks through such a nominal is named the same way (:func:`link_body_nominals`,
the rules of :data:`BODY_RULES`):

1. ``definite_body_nominal``: "Kentside Constabulary will hire … The force said …", "The Union of
   Port Workers … The union said …": a definite nominal with no name of its own (not "the Acme
   union") is the one body :func:`named_body_for` finds for it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ._candidates import Mention
from ._entities import Entities
from ._lexicons import Lexicons
from ._roles import RoleFound
from ._tokens import View

TITLE_REACH = 6
"""Words a title may have between its owner and its holder ("the union's deputy general secretary")."""

OWNER_WORDS = 3
"""Lower-case words an owner nominal may have ("the county arts council")."""

IT = ("it",)
"""The owner words of "its": the body of the sentence before."""

PERSON_OWNERS = {"his": "m", "her": "f"}
"""Possessive pronouns that give a title a person as its owner ("her senior adviser, Jo Roe"), and their gender."""

PERSON_REACH = 2
"""Sentences before a title's own where the one person its "his" or "her" stands for may be named."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Body:
    """A name of a body: tokens ``i`` to ``j - 1``, its text and head words; ``lower`` where the
    name ends in lower-case words ("Kentside food festival"), ``adjective`` for a party's name or
    adjective alone ("Labour MPs", "Democratic senators")."""

    i: int
    j: int
    text: str
    heads: frozenset[str]
    lower: bool = False
    adjective: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class _OwnerSite:
    """A mention of a titled speaker, where an owner rule looks for its owner nominal.

    Attributes:
        view: The document view.
        lex: Lexicons.
        m: The mention.
        role: The speaker's title (lower case).
        unnamed: The speaker has no name ("a spokesman").
    """

    view: View
    lex: Lexicons
    m: Mention
    role: str
    unnamed: bool


def _owner_words_before(view: View, lex: Lexicons, p: int) -> tuple[str, ...] | None:
    """The owner of a possessive mark at token ``p``: the lower-case words after a definite
    article ("the union" of "the union's"), or ``None``."""
    toks = view.toks
    k = p - 1
    while k >= 0 and p - k <= OWNER_WORDS and toks[k].is_word and not toks[k].is_cap and toks[k].sent == toks[p].sent:
        if toks[k].lower in lex.words.definite_articles:
            break
        k -= 1
    if k < p - 1 and k >= 0 and toks[k].lower in lex.words.definite_articles:
        return tuple(view.lowers[k + 1:p])
    return None


def _owner_of_title(view: View, lex: Lexicons, end: int, role: str, back: bool) -> tuple[str, ...] | None:
    """The owner of a title that ends at token ``end`` (``back``) or starts there: "the union's
    general secretary" -> ("union",), "its chairman" -> ("it",); the title must hold the role's last word."""
    toks, last = view.toks, role.split()[-1]
    span = range(end - 1, max(-1, end - 1 - TITLE_REACH), -1) if back else range(end, min(len(toks), end + TITLE_REACH))
    seen: list[str] = []
    for k in span:
        t = toks[k]
        if t.sent != toks[end if not back else end - 1].sent:
            return None
        if t.lower in lex.words.possessive_marks:
            owner = _owner_words_before(view, lex, k)
            return owner if owner and (last in seen if back else _title_follows(view, k + 1, last)) else None
        if t.lower == "its" or t.lower in PERSON_OWNERS:
            owner = IT if t.lower == "its" else (t.lower,)
            return owner if (last in seen if back else _title_follows(view, k + 1, last)) else None
        if not t.is_word:
            return None
        seen.append(t.lower)
    return None


def _title_follows(view: View, k: int, last: str) -> bool:
    """The role's last word is among the words from token ``k`` before any punctuation."""
    for t in view.toks[k:k + TITLE_REACH]:
        if not t.is_word:
            return False
        if t.lower == last:
            return True
    return False


def possessive_owner(s: _OwnerSite) -> tuple[str, ...] | None:
    """"the union's general secretary, Jo Roe", "Jo Roe, the trust's chief executive,", "the
    force's Chief Constable Jo Roe", "Its managing director, Jo Roe": the owner of the title."""
    view, m = s.view, s.m
    toks = view.toks
    if m.kind == "nominal":
        return _owner_of_title(view, s.lex, m.name_j, s.role, True)
    if m.kind != "name":
        return None
    owner = _owner_of_title(view, s.lex, m.name_i, s.role, True)
    if owner is None and m.i > 0 and toks[m.i - 1].text == ",":
        owner = _owner_of_title(view, s.lex, m.i - 1, s.role, True)
    if owner is None and m.j + 1 < len(toks) and toks[m.j].text == ",":
        owner = _owner_of_title(view, s.lex, m.j + 1, s.role, False)
    return owner


def for_owner(s: _OwnerSite) -> tuple[str, ...] | None:
    """"a spokesman for the force", "a spokeswoman for the arts council": the nominal after the
    unnamed speaker's head."""
    view, m = s.view, s.m
    k = m.name_j
    if not s.unnamed or m.kind != "nominal" or k + 2 >= len(view.toks):
        return None
    if view.lowers[k] not in s.lex.words.role_org_prepositions or view.lowers[k + 1] not in s.lex.words.definite_articles:
        return None
    e = k + 2
    while e < len(view.toks) and e - k - 2 < OWNER_WORDS and view.toks[e].is_word and not view.toks[e].is_cap:
        e += 1
    while e > k + 2 and view.lowers[e - 1] not in s.lex.body_kinds:
        e -= 1  # "for the company said it": the nominal ends at its noun
    return tuple(view.lowers[k + 2:e]) or None


def _kind_words(view: View, lex: Lexicons, lo: int, hi: int, role: str) -> tuple[str, ...] | None:
    """The owner of a definite nominal, tokens ``lo`` ("the") to ``hi - 1``, that is lower-case
    words ending in the title ``role`` with a noun of a kind of body before it ("the committee
    chairman" -> ("committee",)), or ``None``."""
    toks, lows = view.toks, view.lowers
    title = role.replace("-", " ").split()
    words = lows[lo + 1:hi]
    if lo < 0 or lows[lo] not in lex.words.definite_articles or len(words) <= len(title) or words[-len(title):] != title:
        return None
    if any(not t.is_word or t.is_cap for t in toks[lo + 1:hi]):
        return None
    kinds = [k for k, w in enumerate(words[:-len(title)]) if w in lex.body_kinds]
    return tuple(words[:kinds[-1] + 1]) if kinds else None


def kind_nominal_owner(s: _OwnerSite) -> tuple[str, ...] | None:
    """"the committee chairman, Jo Roe,", "Jo Roe, the union leader,", "the board chairman said":
    a definite nominal whose words before the title hold a noun of a kind of body."""
    view, m, lex = s.view, s.m, s.lex
    toks, reach = view.toks, len(s.role.split()) + OWNER_WORDS
    if m.kind == "nominal":
        return _kind_words(view, lex, m.i, m.name_j, s.role)
    if m.kind != "name":
        return None
    end = m.i - 1 if m.i > 0 and toks[m.i - 1].text == "," else m.name_i
    for lo in range(end - 1, max(-1, end - 1 - reach), -1):
        if view.lowers[lo] in lex.words.definite_articles:
            return _kind_words(view, lex, lo, end, s.role)
    if m.j + 1 < len(toks) and toks[m.j].text == ",":
        hi = m.j + 1
        while hi < len(toks) and hi - m.j <= reach + 1 and toks[hi].is_word:
            hi += 1
        return _kind_words(view, lex, m.j + 1, hi, s.role)
    return None


def title_body_kind(s: _OwnerSite) -> tuple[str, ...] | None:
    """"council member Jo Roe", "The two council members, Jo Roe and Al Poe,", "a board member,
    Jo Roe,": a title whose words before its head hold a noun of a kind of body belongs to the
    body of that kind the article names ("city council member": the words up to that noun)."""
    words = s.role.replace("-", " ").split()
    kinds = [k for k, w in enumerate(words[:-1]) if w in s.lex.body_kinds]
    return tuple(words[:kinds[-1] + 1]) if kinds else None


OWNER_RULES: tuple[Callable[[_OwnerSite], tuple[str, ...] | None], ...] = (possessive_owner, for_owner, kind_nominal_owner, title_body_kind)
"""The owner rules in the order :func:`link_nominal_organizations` tries them at each mention."""


def named_bodies(view: View, lex: Lexicons) -> list[_Body]:
    """The article's capitalised names of bodies: a run of capitalised words, joined by "of", "&",
    ... ("Union of Port Workers"; "and" only after "of": "Acme Ltd and Bexco Group" are two), whose last word or word before "of" is a body word
    (``org_words.txt``), without a leading "The"."""
    toks, lows = view.toks, view.lowers
    out: list[_Body] = []
    named: frozenset[str] | None = None
    k = 0
    while k < len(toks):
        if not (toks[k].is_cap and toks[k].is_word) or lows[k] in lex.words.definite_articles:
            k += 1
            continue
        j = k + 1
        while j < len(toks) and toks[j].sent == toks[k].sent:
            if toks[j].is_cap and toks[j].is_word:
                j += 1
            elif lows[j] in lex.words.org_name_joiners and j + 1 < len(toks) and toks[j + 1].is_cap and toks[j + 1].is_word \
                    and lows[j + 1] not in lex.words.definite_articles and (lows[j] != "and" or "of" in lows[k:j]):
                j += 2  # "and" inside an "of" phrase ("Union of Rail and Road Workers"), else two bodies
            else:
                break
        words = lows[k:j]
        heads = {words[-1]}
        if "of" in words:
            heads.add(words[words.index("of") - 1] if words.index("of") > 0 else words[-1])
        if heads & lex.org_words and j - k > 1:
            out.append(_Body(k, j, view.span_text(k, j), frozenset(heads)))
        elif (noun := appositive_body_noun(view, lex, k, j)) is not None:
            out.append(_Body(k, j, view.span_text(k, j), frozenset({noun, *heads})))
        elif (p := _party_end(lex, lows, k, j)) is not None:
            out.append(_Body(k, p, view.span_text(k, p), frozenset({"party"}), adjective=True))
        else:
            if named is None:
                named = _capitals_inside(view)
            if (end := lower_case_body_end(view, lex, k, j, named)) is not None:
                out.append(_Body(k, end, view.span_text(k, end), frozenset({lows[end - 1]}), lower=True))
        k = j
    return _same_bodies_once(out)


def _party_end(lex: Lexicons, lows: list[str], k: int, j: int) -> int | None:
    """"Labour MPs", "Republican senator", "the Liberal Democrats": a party's name or adjective
    (``words/party_words.txt``) opening a capitalised run names the party; its end, or ``None``."""
    for end in range(j, k, -1):
        if " ".join(lows[k:end]) in lex.words.party_words:
            return end
    return None


def _capitals_inside(view: View) -> frozenset[str]:
    """Capitalised words the article writes after another word of their sentence: names by the
    text's own evidence, not capitals that only open a sentence."""
    toks = view.toks
    return frozenset(t.text for k, t in enumerate(toks) if t.is_cap and k > 0 and toks[k - 1].is_word and toks[k - 1].sent == t.sent)


def lower_case_body_end(view: View, lex: Lexicons, k: int, j: int, named: frozenset[str]) -> int | None:
    """"Kentside food festival returns", "the Ferrow parish council": a place or name (tokens
    ``k`` to ``j - 1``) and lower-case words ending in a noun of a kind of body
    (``words/body_kind_nouns.txt``) name a body; the end of that name, or ``None``.

    The name must be one by the text's own evidence (several capitalised words, or a word the
    article capitalises after another word: not "Local council leaders"), not a person's, and
    not follow "a" ("a Kentside company" is a description).
    """
    toks, lows = view.toks, view.lowers
    if (toks[k].text in lex.first_names and j - k > 1) or not (j - k > 1 or toks[k].text in named):
        return None  # "Jane Roe school …": a person; a lone first name may be a place ("Ashby folk festival")
    if any(w in lex.words.stop_words or w in lex.words.not_names or w.rstrip(".") in lex.honorifics for w in lows[k:j]):
        return None
    if k > 0 and lows[k - 1] in lex.words.role_determiners and lows[k - 1] not in lex.words.definite_articles:
        return None  # "a New Jersey company": a description, not a name
    e, end = j, None
    while e < len(toks) and e - j < OWNER_WORDS and toks[e].is_word and not toks[e].is_cap and toks[e].sent == toks[k].sent:
        w = lows[e]
        if w in lex.words.stop_words or w in lex.cue_words or w in lex.words.finite_forms or \
                (toks[e].tag[:2] not in ("NN", "JJ") if view.tagged else w.endswith("ed")):
            break  # "Kentside council said", "Roe visited school pupils": a verb is not part of a name
        e += 1
        if w in lex.body_kinds:
            end = e  # the last such noun: "Kentside school board"
    return end


def _same_bodies_once(bodies: list[_Body]) -> list[_Body]:
    """Drop a lower-case name ("Kentside council") where the article also gives the body's
    capitalised name ("Kentside City Council"): the same body, by its fuller name."""
    out = []
    for b in bodies:
        words = set(b.text.lower().split())
        if b.lower and any(not c.lower and words <= set(c.text.lower().split()) and c.heads & b.heads for c in bodies):
            continue
        out.append(b)
    return out


def appositive_body_noun(view: View, lex: Lexicons, k: int, j: int) -> str | None:
    """"a campaign group, Save Ferrow Green,", "the charity, Homes First.": the body noun of an
    appositive phrase that names tokens ``k`` to ``j - 1``, not a person's name ("the union, Jo
    Roe said")."""
    toks, lows = view.toks, view.lowers
    if k < 2 or toks[k - 1].text != "," or toks[k].text in lex.first_names:
        return None
    if (j < len(toks) and toks[j].text not in (",", ".", ";")) or lows[k - 2] not in lex.org_words:
        return None
    d = k - 3
    while d >= 0 and k - 3 - d < OWNER_WORDS and toks[d].is_word and not toks[d].is_cap and lows[d] not in lex.words.role_determiners:
        d -= 1
    return lows[k - 2] if d >= 0 and lows[d] in lex.words.role_determiners and toks[d].sent == toks[k].sent else None


def _implied_heads(owner: tuple[str, ...], lex: Lexicons) -> frozenset[str]:
    """Name endings the owner's noun implies ("force": constabulary, police), or the noun itself."""
    return lex.body_kinds.get(owner[-1], frozenset())


def named_body_for(owner: tuple[str, ...], bodies: list[_Body], view: View, lex: Lexicons, at: int) -> str | None:
    """The one named body the owner nominal stands for, preferring those named before token ``at``."""
    sent = view.toks[at].sent
    if owner == IT:
        near = {b.text for b in bodies if b.i < at and sent - 1 <= view.toks[b.i].sent <= sent}
        return near.pop() if len(near) == 1 else None
    heads = _implied_heads(owner, lex)
    if not heads:
        return None
    fit = [b for b in bodies if b.heads & heads]
    more = [b for b in fit if set(owner[:-1]) <= set(b.text.lower().split())]
    fit = more or fit
    before = [b for b in fit if b.i < at]
    # "Labour will go on, the party's election chief said": the one body named earlier in the
    # sentence, else the one body the article names.
    same = _one_text([b for b in before if view.toks[b.i].sent == sent])
    if same is not None:
        return same
    # A party's full name ("the California Democratic Party") before its adjectives ("Democrats").
    full = [b for b in fit if not b.adjective]
    return _one_text([b for b in full if b.i < at] or full) if full else _one_text(before or fit)


def _one_text(bodies: list[_Body]) -> str | None:
    """The one body named by ``bodies``, or ``None``."""
    texts = {b.text for b in bodies}
    # "Port Workers Union" and "the Port Workers Union of Kentside" are one body.
    texts = {t for t in texts if not any(t != u and t in u for u in texts)}
    return texts.pop() if len(texts) == 1 else None


def definite_body_nominal(view: View, lex: Lexicons, m: Mention, bodies: list[_Body]) -> str | None:
    """"Kentside Constabulary will hire 50 staff … The force said …", "The Union of Port Workers
    … The union said …": a definite nominal of a kind of body, with no name of its own (not "the
    Acme union"), is the one body the article names that it can stand for."""
    toks = view.toks
    if m.kind != "nominal" or m.statement or toks[m.i].lower not in lex.words.anaphoric_determiners:
        return None
    words = toks[m.i + 1:m.name_j]
    if not words or len(words) > OWNER_WORDS or any(t.is_cap or not t.is_word for t in words):
        return None
    return named_body_for(tuple(view.lowers[m.i + 1:m.name_j]), bodies, view, lex, m.i)


BODY_RULES: tuple[Callable[[View, Lexicons, Mention, list[_Body]], str | None], ...] = (definite_body_nominal,)
"""The rules :func:`link_body_nominals` tries, in this order, at each mention of an unnamed body."""


def link_body_nominals(view: View, ments: list[Mention], ents: Entities, lex: Lexicons) -> Entities:
    """Give an unnamed body that speaks through definite nominals ("the force said") the name of
    the one body the article names that all its nominals stand for.

    Args:
        view: The document view.
        ments: Mentions (stage 4's list).
        ents: Entities after stage 6b (not changed).
        lex: Lexicons.

    Returns:
        The entities with each such body named (its mentions joined to the named body's entity
        where the article has one).
    """
    bodies: list[_Body] | None = None
    entities, entity_of = list(ents.entities), list(ents.entity_of)
    for e, ent in enumerate(ents.entities):
        if not ent.unnamed or ent.etype != "organization" or not ent.mentions:
            continue
        if bodies is None:
            bodies = named_bodies(view, lex)
        # Its pronouns ("The union said … It said …") follow its nominals.
        names = {next((b for rule in BODY_RULES if (b := rule(view, lex, ments[k], bodies)) is not None), None)
                 for k in ent.mentions if ments[k].kind == "nominal"}
        name = names.pop() if len(names) == 1 else None
        if name is None:
            continue  # some nominal stands for no named body, or two bodies are meant
        words = name.lower().split()
        same = next((f for f, other in enumerate(entities) if not other.unnamed and other.words == words), None)
        if same is None:
            entities[e] = dataclasses.replace(ent, words=words, name=name, unnamed=False, context_org=None)
            continue
        # A body by the text's own evidence ("a protest group, Hands Off Millbrook,"), whatever its label.
        entities[same] = dataclasses.replace(entities[same], etype="organization",
                                             mentions=sorted({*entities[same].mentions, *ent.mentions}))
        entities[e] = dataclasses.replace(ent, mentions=[])
        for k in ent.mentions:
            entity_of[k] = same
    return Entities(entities, entity_of)


def link_nominal_organizations(view: View, ments: list[Mention], ents: Entities, roles: dict[int, RoleFound],
                               lex: Lexicons) -> None:
    """Give each titled speaker with no organization the named body its owner nominal stands for.

    Args:
        view: The document view.
        ments: Mentions (stage 4's list).
        ents: Entities after stage 6b.
        roles: Each entity's role; updated in place.
        lex: Lexicons.
    """
    bodies: list[_Body] | None = None
    named: frozenset[str] | None = None
    for e, found in list(roles.items()):
        ent = ents.entities[e]
        if found.org and ent.mentions and found.org.split()[-1] in lex.body_kinds:
            # "State party chairman Jo Roe", "His party leader": a kind of body, not its name.
            named = _capitals_inside(view) if named is None else named
            if found.org.split()[0] not in named:
                bodies = named_bodies(view, lex) if bodies is None else bodies
                at = min(ments[k].i for k in ent.mentions)
                body = named_body_for(tuple(found.org.lower().split()), bodies, view, lex, at)
                if body is not None:
                    roles[e] = _with_org(found, body)
            continue
        if not found.role or (found.org and not ent.unnamed):
            continue
        for k in sorted(ent.mentions, key=lambda k: ments[k].i):
            site = _OwnerSite(view, lex, ments[k], found.role.lower(), ent.unnamed)
            owner = next((o for rule in OWNER_RULES if (o := rule(site)) is not None), None)
            if owner is None:
                continue
            if bodies is None:
                bodies = named_bodies(view, lex)
            if owner[0] in PERSON_OWNERS:
                words = found.role.lower().split()
                if any(" ".join(words[i:]) in lex.words.office_titles for i in range(len(words))):
                    continue  # "his presidential candidate", "her chairman": an office, not a person's
                body = person_owner(view, ments, ents, e, PERSON_OWNERS[owner[0]], ments[k].i)
            else:
                body = named_body_for(owner, bodies, view, lex, ments[k].i) or title_holder(ents, roles, e, owner)
            if body is not None:
                roles[e] = _with_org(found, body)
                break


def person_owner(view: View, ments: list[Mention], ents: Entities, e: int, gender: str, at: int) -> str | None:
    """"Jo Roe backed the plan. … her senior policy adviser, Tom Lale, said": the one other named
    person of that gender named in the title's sentence before it or in the
    :data:`PERSON_REACH` sentences before, who owns the title (a person's adviser, spokesman,
    lawyer; not an office, ``words/office_titles.txt``); ``None`` where there are none or several."""
    sent = view.toks[at].sent
    near = [f for f, ent in enumerate(ents.entities) if f != e and not ent.unnamed and ent.etype == "person"
            and any(ments[k].kind == "name" and ments[k].i < at and sent - PERSON_REACH <= view.toks[ments[k].i].sent <= sent
                    for k in ent.mentions)]
    same = [f for f in near if ents.entities[f].gender == gender]
    # A full name of no known gender ("Hillary Clinton") where nobody of that gender is near.
    same = same or [f for f in near if ents.entities[f].gender == "-" and len(ents.entities[f].words) > 1]
    return ents.entities[same[0]].name if len(same) == 1 else None


def title_holder(ents: Entities, roles: dict[int, RoleFound], e: int, owner: tuple[str, ...]) -> str | None:
    """"Senator Jo Roe … the senator's chief of staff, Tom Lale,": an owner nominal that is the
    title of the one named person who holds it (their title ends in its words, written with their
    name, not given them by stage 6b's guess) is that person."""
    holders = {ents.entities[h].name for h, found in roles.items()
               if h != e and found.role and found.rule != "lead_person_for_title" and not ents.entities[h].unnamed
               and ents.entities[h].etype == "person"
               and tuple(found.role.lower().split()[-len(owner):]) == owner}
    return holders.pop() if len(holders) == 1 else None


def _with_org(found: RoleFound, body: str) -> RoleFound:
    """``found`` with the organization ``body`` (also on its titles that have none)."""
    return dataclasses.replace(found, org=body, found=tuple(
        dataclasses.replace(r, organization=body) if r.organization is None else r for r in found.found))
