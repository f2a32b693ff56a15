"""Stage 6b: role nominals to their named holders: "the mayor said" is the named mayor.

A definite role nominal ("the prime minister", "said the goalkeeper", "The Acme chief executive")
is looked up by the rules of :data:`ANAPHORA_RULES`, in this order, and goes to the first one's
answer; its mentions then belong to that person:

1. ``same_title_holder``: the article's named person whose title ends in the same words ("Prime
   Minister Tony Blair", "Kentside mayor Jane Roe", "Goalkeeper Tom Hale", "Gov. Jo Roe" for "the
   governor": ``words/title_abbreviations.txt``), where exactly one
   named person has such a title: the nearest one before the nominal, else the only one after
   it, unless the sentence before names an untitled person ``previous_subject_for_title`` would
   take ("… not there for Roe. The senator was rallying …", Senator Ann Wells named later). A
   title that names another office ("deputy prime minister", "shadow chancellor",
   ``words/other_office_modifiers.txt``) is not the same title. The holder takes the nominal's
   organization where their title has none ("Founder Jo Roe … The Acme founder said").
2. ``boss_title_holder``: "the boss" ("the Kentside boss said") is, the same way, the one named
   person whose title news calls "boss" (``words/boss_titles.txt``: "Kentside manager Peter Lee",
   "Chief executive Nadia Sharif"); the holder keeps their own title.
3. ``possessor_for_title``: the one named person who owns a titled mention before the nominal in
   its sentence ("Cameron's spokesman said the prime minister stood by his comments", "Roe's
   campaign manager declined to discuss the candidate's attacks"): staff speak of their principal.
4. ``lead_person_for_title``: where nobody is named with that title, the news convention of
   naming a well-known office holder once and then calling them by the title alone ("Jo Bloggs
   flew to Paris. … The prime minister said …"): the first person named in the story's opening
   paragraphs (the first two after the headline, or three where those two name only titled
   people: "Sen. X called on Gov. Y …") with no title of their own, named again in the four
   paragraphs before the nominal, who has not been given another title this way and is never named before that title in one
   of its sentences ("Mr Roe's speech irritated the chancellor": the chancellor is someone
   else, the story's other lead person); none where that person is named in the nominal's own
   clause ("the mayor told Mrs Roe"); none after "as" ("cast himself as the candidate of hope"
   describes its own subject), nor for a title that owns something in passing ("The writer lays
   out the mayor's core beliefs", :func:`_passing_owner`) where that person is named neither in
   its sentence nor in the one before.
5. ``previous_subject_for_title``: else the untitled person named first in the sentence before
   ("The Acme Society's Jo Bloggs said … The reform group's general secretary told …"), or one
   whose only title is a past one of another office ("Former candidate Jo Roe said … The Kentside
   senator declined …": the current title becomes the role, rule 8 of the role golds); never
   for a title that owns something in passing.

Rules 3 to 5 take only heads of offices (``words/office_titles.txt``: "the spokesman", "the
judge" are other people), singular, and only people by the text's own evidence (a known first
name or "Mr"); a nominal that names its organization or place ("the Kentside mayor", "The
Acme secretary-general") only a person the text names with it ("Kentside's Jo Roe", "Jo Roe of
Acme"), except a past office ("The former Acme editor"), an epithet for the person of the
sentence before, a nominal that gives an age ("The 82-year-old Acme chairman"), an epithet
for the person the story is about, and a party's office ("the Labour leader", "the Republican
Party's presumptive nominee": :func:`_party_title`), which goes to the story's person too.
The person takes the nominal's title and organization as their role, and each office has one
holder in an article; a place before a legislator's title is the seat, not an organization
("the Kentside senator", ``words/constituency_titles.txt``).

A nominal no rule resolves tries ``same_title_holder`` once more when every nominal is done
(:func:`later_title_holder`: "… because the Kentish prime minister … Ruiz's spokesman said the
prime minister …"), so an epithet before the title's holder is known gives its organization.
A definite party-led office title read as the party's name ("the Conservative mayoral nominee
wrote", :func:`party_nominal`) is a nominal too, with the party as organization and party.

An office title an "of" phrase completes is the nominal's whole title (:func:`_office_of_phrase`:
"The former secretary of state's approach"). A capitalised title the nominal holds whole is its title (:func:`whole_capitalised_title`: "the
force's Chief Constable" is "Chief Constable", the same title as "Chief Constable Jo Pell"'s, not
"chief").

A speaking "the" + age or epithet that no rule resolves (:func:`previous_person_for_epithet`:
"Marcus Hale scored twice. … “…,” the 24-year-old said", "the striker said", "the gambling tycoon
told reporters", ``words/epithet_nouns.txt``; "the mother-of-three said", :data:`PARENT_OF_N`) is
the one person named, outside quotations, in the nearest of the three sentences before it that
names anyone, or the one person named there in full where every other name is a single word
(:func:`_one_full_named_person`: "Marcus Hale scored twice as Kentside beat Ashby"); an
epithet's title becomes their role.

Indefinite nominals ("a spokesman") are other people and stay apart. Nominals that do not speak
("The prime minister arrived") are linked too, for the title they give, and so are office titles
no mention holds (:func:`bare_office_titles`: "The chancellor would not comment"), with the body
named after its "of" (:func:`_body_of_office`: "The 82-year-old chief executive of Acme Corp, the
world's biggest …, made his comments"); an age counts as one word of the nominal it opens.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

import regex

from ._candidates import Mention, age_before, age_end
from ._entities import Entities, Entity
from ._lexicons import Lexicons
from ._roles import RoleFound, RoleSite, _body_after, unnamed_speaker
from ._tokens import View
from ._types import RoleMention

PARENT_OF_N = regex.compile(r"""
    (?:mother|father|mum|dad|mom|grandmother|grandfather)
    -of-
    (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)
    """, regex.VERBOSE)
"""A parent named by their children, a life stage as news writes it: "mother-of-three", "father-of-2"."""

ORG_REACH = 4
"""Tokens either side of a name an organization written with it may be at ("Acme International's Jo Roe")."""

LEAD_PARAGRAPHS = 2
"""Paragraphs after the headline where a story names the people it is about."""

CLAUSE_REACH = 6
"""Tokens after a title where a name is in its own clause ("the mayor told Mrs Roe")."""

_THE = frozenset({"the"})
# The article a bare office title opens with: "the" of "The chancellor would not comment".

_PAST = frozenset({"former", "ex", "ex-"})
# First words of a past office: "former editor", "ex-chairman".

_AS = "as"
# The word before a predicate nominal: "Kasich cast himself as the candidate of hope" describes
# the clause's own subject, it does not point back to the story's person.

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
        n: The nominal's mention, or -1 for a title no mention holds ("The chancellor arrived").
        at: Its first token.
        head: Tokens of its title, first and one past the last.
        number: ``"sg"`` or ``"pl"``.
        title: Its title ("prime minister").
        org: The organization written with it ("Amnesty" of "The Amnesty secretary-general").
        given: Persons given a title by ``lead_person_for_title`` so far, and that title.
        beside: For each title, the persons named in a sentence with it somewhere in the article.
    """

    view: View
    ments: list[Mention]
    ents: Entities
    roles: dict[int, RoleFound]
    lex: Lexicons
    n: int
    at: int
    head: tuple[int, int]
    number: str
    title: str
    org: str | None
    given: dict[int, tuple[str, ...]]
    beside: dict[tuple[str, ...], set[int]]


def _first_i(x: _Nominal, h: int) -> int:
    return min(x.ments[k].i for k in x.ents.entities[h].mentions)


def _title_holders(x: _Nominal, titles: Iterable[tuple[str, ...]]) -> tuple[list[int], list[int]]:
    """The named persons whose title ends in one of ``titles`` and names no other office ("Deputy
    Prime Minister X" is no prime minister), and those of them named before the nominal."""
    other = x.lex.words.other_office_modifiers
    holders = []
    for h, ent in enumerate(x.ents.entities):
        held = _spelled_title(x, x.roles[h].role) if h in x.roles and not ent.unnamed and ent.etype == "person" else ()
        if any(held[-len(t):] == t and not other & set(held[:-len(t)]) for t in titles):
            holders.append(h)
    return holders, [h for h in holders if _first_i(x, h) < x.at]


def same_title_holder(x: _Nominal) -> int | None:
    """"Prime Minister Ana Ruiz visited … Later the prime minister said …": the one named person
    whose title ends in the nominal's words (not "Deputy Prime Minister X")."""
    holders, before = _title_holders(x, (_title_words(x.title),))
    if len(before) == 1:
        return before[0]
    # A holder named only later is a guess that yields to the untitled person the sentence before
    # names ("… not there for Sanders. The senator was rallying …", Senator Jo Roe named later).
    if not before and len(holders) == 1 and previous_subject_for_title(x) is None:
        return holders[0]
    return None


def boss_title_holder(x: _Nominal) -> int | None:
    """"Kentside manager Peter Lee … “…,” the Kentside boss said", "Chief executive Nadia Sharif …
    the boss added": "boss" is the one named person whose title news calls so
    (``words/boss_titles.txt``), the one named before the nominal, else the only one after it."""
    if _title_words(x.title)[-1:] != (_BOSS,):
        return None
    holders, before = _title_holders(x, {_title_words(t) for t in x.lex.words.boss_titles})
    if len(before) == 1 or (not before and len(holders) == 1):
        return (before or holders)[0]
    return None


_BOSS = "boss"


def possessor_for_title(x: _Nominal) -> int | None:
    """"Cameron's spokesman said the prime minister stood by his comments": the one named person
    who owns a titled mention before the office title in its sentence (staff speak for and of
    their principal), where that person has no other title."""
    if not _is_office(x) or x.number != "sg" or x.org:
        return None
    toks, sent = x.view.toks, x.view.toks[x.at].sent
    owners = set()
    for m in x.ments:
        if m.kind == "nominal" and m.role and m.role_org and m.j <= x.at and toks[m.i].sent == sent:
            owners.update(_person_named(x, m.role_org))
    words = _title_words(x.title)
    owners = {h for h in owners if not (h in x.roles and x.roles[h].role and _title_words(x.roles[h].role) != words)
              and x.given.get(h, words) == words}
    return owners.pop() if len(owners) == 1 else None


def _person_named(x: _Nominal, name: str) -> list[int]:
    """Persons by the text's own evidence whose name holds every word of ``name`` ("Cameron" for
    David Cameron)."""
    want = set(_title_words(name))
    return [h for h, ent in enumerate(x.ents.entities)
            if want and not ent.unnamed and ent.etype == "person" and want <= set(ent.words) and _personal(x, ent)]


def _predicate(x: _Nominal) -> bool:
    """The nominal follows "as" ("cast himself as the candidate of hope"): it describes its
    clause's subject."""
    return x.at > 0 and x.view.lowers[x.at - 1] == _AS


def _spelled_title(x: _Nominal, role: str | None) -> tuple[str, ...]:
    """The words of ``role`` with an abbreviated title written out ("Gov." is "governor",
    ``words/title_abbreviations.txt``), so that "Gov. Jo Roe" holds "the governor"."""
    full = x.lex.spelled_titles
    return tuple(w for word in (role or "").lower().split() for w in _title_words(full.get(word, word)))


def _is_office(x: _Nominal) -> bool:
    """The title heads an office (``words/office_titles.txt``) and no word between the article and
    it makes it a description ("the next president", ``words/non_anaphoric_modifiers.txt``)."""
    words = x.title.lower().split()
    if any(w in x.lex.words.non_anaphoric_modifiers for w in [*x.view.lowers[x.at:x.head[0]], *words]):
        return False
    return any(" ".join(words[k:]) in x.lex.words.office_titles for k in range(len(words)))


def _personal(x: _Nominal, ent: Entity) -> bool:
    """A person by the text's own evidence: a known first name ("Jo Roe") or an honorific ("Mr Roe")."""
    if len(ent.words) > 1 and ent.name.split()[0] in x.lex.first_names:
        return True
    return any(x.view.lowers[x.ments[k].i].rstrip(".") in x.lex.honorifics for k in ent.mentions if x.ments[k].kind == "name")


def _untitled_people(x: _Nominal, tie_org: bool = True, past_ok: bool = False) -> list[tuple[int, list[int]]]:
    """Named persons with no title of their own, named before the nominal, not after the
    organization written with it, and (with ``tie_org``) named next to it, with the tokens of
    their name mentions; with ``past_ok`` also persons whose title is a past one of another
    office (:func:`_past_other_office`)."""
    at = x.at
    org = set(_title_words(x.org))
    out = []
    for h, ent in enumerate(x.ents.entities):
        past = past_ok and h in x.roles and _past_other_office(x, x.roles[h].role)
        if ent.unnamed or ent.etype != "person" or h in x.given or (h in x.roles and x.roles[h].role and not past):
            continue
        if org & set(ent.words) or not (past or _personal(x, ent)):  # a title of their own says "person"
            continue  # "Acme International … the Acme chairman": not the body
        if org and tie_org and not _named_with(x, ent, org):
            continue  # "the Kentside mayor" is someone written next to Kentside
        named = sorted(x.ments[k].i for k in ent.mentions if x.ments[k].kind == "name")
        if named and named[0] < at:
            out.append((h, named))
    return out


def _past_other_office(x: _Nominal, role: str | None) -> bool:
    """``role`` is a past title of another office than the nominal's current one ("Former
    candidate Jo Roe … The Kentside senator declined …": the senator is Jo Roe now)."""
    held = _title_words(role)
    return (bool(held) and held[0] in _PAST and not _former(x)
            and held[1:][-len(_title_words(x.title)):] != _title_words(x.title))


def _former(x: _Nominal) -> bool:
    """A past office ("the former Acme editor"): an epithet for someone just named, whatever
    the organization (no one else holds that office now)."""
    return x.title.split()[0] in _PAST


def _named_with(x: _Nominal, ent: Entity, org: set[str]) -> bool:
    """The organization ``org`` owns a name of ``ent`` ("Acme's Jo Roe", "Acme's chief Jo Roe")
    or follows it after "of", "at", ... ("Jo Roe of Acme"), within :data:`ORG_REACH` tokens."""
    lows, words = x.view.lowers, x.lex.words
    for k in ent.mentions:
        m = x.ments[k]
        if m.kind != "name":
            continue
        if m.role_org and org <= set(_title_words(m.role_org)):
            return True  # "Acme's Jo Roe" as one mention
        for p in range(max(0, m.name_i - ORG_REACH), m.name_i):
            if lows[p] in words.possessive_marks and org <= set(_title_words(" ".join(lows[max(0, p - ORG_REACH):p]))):
                return True
        if m.j < len(lows) and lows[m.j] in words.role_org_prepositions:
            if org <= set(_title_words(" ".join(lows[m.j + 1:m.j + 1 + ORG_REACH]))):
                return True
    return False


def lead_person_for_title(x: _Nominal) -> int | None:
    """"Jo Bloggs has dismissed the reports. … Firstly, the prime minister insisted that …": the
    first untitled person of the story's opening paragraphs."""
    if not _is_office(x) or x.number != "sg" or _predicate(x):
        return None
    toks, at = x.view.toks, x.at
    words = _title_words(x.title)
    for h, title in x.given.items():
        if title == words:
            return h  # one holder of an office per article
    best: tuple[int, int] | None = None
    people = [(h, named, [i for i in named if toks[i].para > 0] or named)  # the headline aside
              for h, named in _untitled_people(x, not (_aged(x) or _party_title(x)))]
    # Where the opening paragraphs name only titled people ("Sen. X called on Gov. Y …"), the
    # story's untitled lead may come one paragraph later.
    lead = LEAD_PARAGRAPHS + (not any(toks[body[0]].para <= LEAD_PARAGRAPHS for _, _, body in people))
    for h, named, body in people:
        if h in x.beside.get(words, ()):
            continue  # "Mr Blair's speech irritated the chancellor": someone else than Mr Blair
        recent = [i for i in named if i < at]
        if toks[body[0]].para > lead or not recent or toks[recent[-1]].para < toks[at].para - RECENT_PARAGRAPHS:
            continue
        if best is None or body[0] < best[0]:
            best = (body[0], h)
    if best is None or _named_in_clause(x, best[1]) or _owner_out_of_sight(x, best[1]):
        return None  # "the mayor told Mrs Roe": someone else
    return best[1]


def _passing_owner(x: _Nominal) -> bool:
    """The title owns something and does not open its sentence ("… lays out the mayor's core
    beliefs")."""
    toks, end = x.view.toks, x.head[1]
    return end < len(toks) and toks[end].lower in x.lex.words.possessive_marks and x.at != x.view.sents[toks[x.at].sent][0]


def _owner_out_of_sight(x: _Nominal, h: int) -> bool:
    """The title owns something inside its sentence ("The writer lays out the mayor's core
    beliefs") and person ``h`` is named (or owns a mention) neither in that sentence nor in the
    one before: a passing reference, not a name for the story's person."""
    if not _passing_owner(x):
        return False
    toks, sent = x.view.toks, x.view.toks[x.at].sent
    for k, m in enumerate(x.ments):
        if toks[m.i].sent in (sent - 1, sent) and (
                (m.kind == "name" and x.ents.entity_of[k] == h) or (m.role_org and h in _person_named(x, m.role_org))):
            return False
    return True


def _party_title(x: _Nominal) -> bool:
    """The nominal's organization is a party ("the Republican Party's presumptive nominee", "the
    Labour leader"): a party's office, held by the story's person, who need not be named with it."""
    org = _title_words(x.org)
    if org[-1:] == ("party",):
        org = org[:-1]
    return bool(org) and " ".join(org) in x.lex.words.party_words


def _named_in_clause(x: _Nominal, h: int) -> bool:
    """Person ``h`` is named in the nominal's clause after its title, within
    :data:`CLAUSE_REACH` tokens and no punctuation between ("the mayor told Mrs Roe")."""
    toks = x.view.toks
    end = x.head[1]
    for k in x.ents.entities[h].mentions:
        i = x.ments[k].i
        if x.ments[k].kind == "name" and end <= i <= end + CLAUSE_REACH and all(t.is_word for t in toks[end:i]):
            return True
    return False


def previous_subject_for_title(x: _Nominal) -> int | None:
    """"The Acme Society's Jo Bloggs said … The reform group's general secretary told …": the
    untitled person named first in the sentence before the nominal's."""
    if not _is_office(x) or x.number != "sg" or _predicate(x) or _passing_owner(x):
        return None  # "D'Souza argues … The documentarian lays out the president's beliefs": not D'Souza's
    toks = x.view.toks
    sent = toks[x.at].sent
    seat = _seat_dropped(x.title, x.org, x.lex) is None  # "The Kentside senator": a seat, not a body
    people = _untitled_people(x, not (_former(x) or _aged(x) or seat), past_ok=True)
    firsts = [(min(i for i in named if toks[i].sent == sent - 1), h) for h, named in people
              if any(toks[i].sent == sent - 1 for i in named) and not any(toks[i].sent == sent for i in named)]
    return min(firsts)[1] if firsts else None


ANAPHORA_RULES: tuple[Callable[[_Nominal], int | None], ...] = (
    same_title_holder, boss_title_holder, possessor_for_title, lead_person_for_title, previous_subject_for_title)
"""The rules in the order :func:`link_role_nominals` tries them for each nominal."""


def _definite(view: View, i: int, lex: Lexicons) -> bool:
    """Token ``i`` is "the", or the title at ``i`` follows a definite possessive ("the reform
    group's general secretary")."""
    toks, words = view.toks, lex.words
    if toks[i].lower in words.anaphoric_determiners:
        return True
    if (a := age_before(view, i)) < i and a > 0 and toks[a - 1].lower in words.anaphoric_determiners:
        return True  # "The 82-year-old Acme chairman"
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


def bare_office_titles(view: View, ments: list[Mention], lex: Lexicons) -> list[tuple[int, tuple[int, int], str, str | None]]:
    """"The chancellor would not comment", "The former Acme editor dispensed …", "the Republican
    Party's presumptive nominee sat …": a definite office title outside quotations that no
    mention holds and no name follows, as (first token, title tokens, title, organization)."""
    toks, words = view.toks, lex.words
    # Tokens of people's names and titled nominals (not "The chancellor would not", nor the
    # organization of "the former Acme editor").
    held = {k for m in ments if m.kind == "name" and m.etype != "organization" or m.role for k in range(m.i, m.j)}
    out: list[tuple[int, tuple[int, int], str, str | None]] = []
    for k in view.scan(_THE):
        if k in held:
            continue
        x = age_end(view, k + 1)
        bare = x  # where a title led by a kept modifier starts ("the chief executive")
        keep = []
        while x < len(toks) and toks[x].lower in words.role_keep_modifiers:
            keep.append(toks[x].lower)
            x += 1
        org_at = x
        while x < len(toks) and x - org_at < 3 and toks[x].is_cap and toks[x].is_word and toks[x].lower not in words.role_keep_modifiers:
            x += 1
        org_end = x
        if org_end > org_at and x < len(toks) and toks[x].lower in words.possessive_marks:
            x += 1  # "the Republican Party's presumptive nominee": a party or body that owns the title
            while x < len(toks) and toks[x].lower in words.role_keep_modifiers:
                keep.append(toks[x].lower)
                x += 1
        title = _office_at(view, x, lex)
        if not title and keep and org_end == org_at and (title := _office_at(view, bare, lex)):
            x, keep = bare, []  # "The 82-year-old chief executive": "chief" is the title's own word
        if not title or any(y in held or toks[y].quote >= 0 for y in range(k, x + title)):
            continue
        org = view.span_text(org_at, org_end) if org_end > org_at else None
        end = x + title
        if org is None and end < len(toks) and toks[end].lower in words.role_org_prepositions:
            org, end = _body_of_office(view, end, lex)
        after = toks[end] if end < len(toks) else None
        if after is not None and (after.is_cap or after.text == "," or after.lower in words.role_org_prepositions):
            continue  # "the chancellor, Jo Roe," / "the chancellor Jo Roe": named there
        out.append((k, (k + 1, x + title), " ".join([*keep, *view.lowers[x:x + title]]), org))
    return out


def _body_of_office(view: View, e: int, lex: Lexicons) -> tuple[str | None, int]:
    """"The 82-year-old chief executive of Acme Sands Corp, the world's biggest …, made his
    comments": the body named after an office title's preposition at token ``e``, and the token
    after it past an appositive that describes the body; (None, e) where none is named ("the
    chancellor of the exchequer")."""
    hi = view.sents[view.toks[e].sent][1]
    org, end = _body_after(view, e, hi, lex)
    if org is None:
        return None, e
    toks = view.toks
    if end + 1 < hi and toks[end].text == "," and not toks[end + 1].is_cap:
        close = next((y for y in range(end + 1, hi) if toks[y].text == ","), None)
        if close is not None:
            end = close + 1  # "…, the world's biggest gambling company by market value, made"
    return org, end


def _aged(x: _Nominal) -> bool:
    """The nominal gives an age ("The 82-year-old chief executive"): an epithet for someone the
    story has named, whatever the organization."""
    return age_before(x.view, x.at) < x.at or age_end(x.view, x.at + 1) > x.at + 1


def _office_at(view: View, x: int, lex: Lexicons) -> int:
    """Length of the lower-case office title at token ``x`` ("prime minister"), or 0."""
    toks = view.toks
    run = 0  # lower-case tokens from ``x``, at most three: the longest title read
    while run < 3 and x + run < len(toks) and not toks[x + run].is_cap:
        run += 1
    for length in range(run, 0, -1):
        if " ".join(view.lowers[x:x + length]) in lex.words.office_titles:
            return length
    return 0


def _nominal_title(view: View, ments: list[Mention], ents: Entities, roles: dict[int, RoleFound], n: int,
                   lex: Lexicons) -> tuple[str, str | None] | None:
    """The title and organization of a definite, unnamed role nominal (mention ``n``), or ``None``."""
    m = ments[n]
    e = ents.entity_of[n]
    if m.kind != "nominal" or m.statement or not _definite(view, m.i, lex):
        return None
    if e >= 0:
        known = roles.get(e) if ents.entities[e].unnamed else None
        if known is None or not known.role:
            return None
        whole = view.span_text(m.name_i, max(m.name_j, m.j)).lower()
        # "The Acme secretary-general": the whole hyphenated title, not its first word.
        return (whole if whole.startswith(known.role.lower() + "-") else whole_capitalised_title(view, m, known.role)), known.org
    lo, hi = view.sents[view.toks[m.i].sent]
    head = view.toks[m.name_i].lower
    found = unnamed_speaker(RoleSite(view, lex, ments, n, Entity([head], head, "person", unnamed=True), lo, hi))
    return (whole_capitalised_title(view, m, found.role), found.org) if found is not None and found.role else None


def _office_of_phrase(view: View, m: Mention, title: str, lex: Lexicons) -> tuple[str, int]:
    """"The former secretary of state's approach": an office title whose head the mention ends
    with and a lower-case "of" phrase completes (``words/office_titles.txt``), as the title and
    the token after it; else the mention's title and end."""
    whole = _office_at(view, m.name_i, lex)
    if m.name_j - m.name_i == 1 and whole > 1 and title.lower().endswith(view.lowers[m.name_i]):
        return " ".join([title, *view.lowers[m.name_j:m.name_i + whole]]), m.name_i + whole
    return title, m.name_j


def party_nominal(view: View, ments: list[Mention], ents: Entities, n: int, lex: Lexicons) -> tuple[str, str] | None:
    """"“…,” the presumptive Labour leadership candidate wrote": a definite office title led by a
    party word, read as the party's name (mention ``n``), as its title ("presumptive leadership
    candidate") and party ("Labour"), or ``None``."""
    m, e = ments[n], ents.entity_of[n]
    if m.kind != "name" or e < 0 or m.statement or view.lowers[m.i] not in lex.words.anaphoric_determiners:
        return None
    party = ents.entities[e].name.lower()
    lows = view.lowers
    parts = [p for p in range(m.i + 1, m.j) if lows[p] == party and party in lex.words.party_words]
    if len(parts) != 1 or not all(lows[k] in lex.words.role_keep_modifiers for k in range(m.i + 1, parts[0])):
        return None  # "the Republican Party", "the young Republican activist"
    title = [*lows[m.i + 1:parts[0]], *lows[parts[0] + 1:m.j]]
    if not any(" ".join(title[k:]) in lex.words.office_titles for k in range(len(title))) or view.toks[m.j - 1].is_cap:
        return None
    return " ".join(title), view.span_text(parts[0], parts[0] + 1)


def whole_capitalised_title(view: View, m: Mention, title: str) -> str:
    """"the force's Chief Constable has announced", "The Deputy Mayor said": a capitalised title
    the mention holds whole is its title, not its first word ("chief")."""
    whole = m.role.lower() if m.role else ""
    if view.span_text(m.name_i, m.name_j).lower() == whole and whole.startswith(title.lower() + " "):
        return whole
    return title


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
    sites: list[_Nominal] = []
    for n, m in enumerate(ments):
        got = _nominal_title(view, ments, ents, roles, n, lex) or party_nominal(view, ments, ents, n, lex)
        if got is not None:
            title, end = _office_of_phrase(view, m, got[0], lex)
            sites.append(_Nominal(view, ments, ents, roles, lex, n, m.i, (m.name_i, end), m.number, title, got[1], given, {}))
    for at, head, title, org in bare_office_titles(view, ments, lex):
        sites.append(_Nominal(view, ments, ents, roles, lex, -1, at, head, "sg", title, org, given, {}))
    by_sent: dict[int, list[tuple[int, int]]] = {}
    for n, m in enumerate(ments):
        if m.kind == "name" and ents.entity_of[n] >= 0:
            by_sent.setdefault(view.toks[m.i].sent, []).append((m.i, ents.entity_of[n]))
    beside: dict[tuple[str, ...], set[int]] = {}
    for x in sites:
        # Named before the title in its sentence: "Mr Roe's speech irritated the chancellor" (the
        # title after the name is another person; "the mayor's office, where Ms Roe …" is not).
        named = {e for i, e in by_sent.get(view.toks[x.at].sent, ()) if i < x.at}
        beside.setdefault(_title_words(x.title), set()).update(named)
    unresolved = []
    for x in sorted(sites, key=lambda x: x.at):
        x.beside = beside
        for rule in ANAPHORA_RULES:
            holder = rule(x)
            if holder is not None:
                if x.n >= 0:
                    moves[x.n] = holder
                if rule not in (same_title_holder, boss_title_holder):
                    _give_title(view, ments, roles, holder, x)
                else:
                    _take_title_org(roles, holder, x)
                break
        else:
            unresolved.append(x)
    for x in unresolved:
        holder = later_title_holder(x)
        if holder is not None:
            if x.n >= 0:
                moves[x.n] = holder
            _take_title_org(roles, holder, x)
    for n in range(len(ments)):
        if n not in moves and (holder := previous_person_for_epithet(view, ments, ents, n, lex, by_sent)) is not None:
            moves[n] = holder
            own = roles.get(ents.entity_of[n])  # "the striker": its title becomes the holder's role
            if own is not None and own.role and not (holder in roles and roles[holder].role):
                had = roles.get(holder)
                roles[holder] = RoleFound(own.role, had.org if had else None, "previous_person_for_epithet",
                                          had.party if had else None, own.found)
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


def previous_person_for_epithet(view: View, ments: list[Mention], ents: Entities, n: int, lex: Lexicons,
                                by_sent: dict[int, list[tuple[int, int]]]) -> int | None:
    """"Marcus Hale scored twice. … “It was a great day,” the 24-year-old said", "… the striker
    said", "the gambling tycoon told reporters": a speaking "the" + age or epithet
    (``words/epithet_nouns.txt``) with no holder of its own is the one person named, outside
    quotations, in the nearest of the three sentences before it that names anyone (its own
    sentence counts only with a name of more than one word or a person's before it: "Writing on
    Instagram, the singer said")."""
    m, e = ments[n], ents.entity_of[n]
    toks = view.toks
    if m.kind != "nominal" or e < 0 or not ents.entities[e].unnamed or m.number != "sg" or m.role_org:
        return None
    if toks[m.i].lower not in lex.words.anaphoric_determiners:
        return None
    aged = m.j > m.i + 1 and age_end(view, m.i + 1) == m.j  # "the 24-year-old", not "The festival"
    if not aged and not _epithet_words(view, m, lex):
        return None
    sent = toks[m.i].sent
    for back in range(0, 4):
        s = sent - back
        if s < 0:
            break
        # by_sent: each sentence's name mentions as (first token, entity), built once per article.
        named = {h for i, h in by_sent.get(s, ()) if i < m.i and toks[i].quote < 0}
        if back == 0 and all(len(ents.entities[h].words) == 1 and ents.entities[h].etype != "person" for h in named):
            continue  # "Writing on Instagram, the singer said": an opening phrase's place or platform
        if named:
            people = [h for h in named if ents.entities[h].etype == "person" and not ents.entities[h].joint]
            if len(named) != 1:
                people = _one_full_named_person(ents, named, lex)
            if len(people) != 1 or (m.gender in "fm" and ents.entities[people[0]].gender not in (m.gender, "-")):
                return None
            return people[0]
    return None


def _epithet_words(view: View, m: Mention, lex: Lexicons) -> bool:
    """"the striker", "the three-time winner", "the mother-of-three", "the former teacher": a
    nominal whose last word is an epithet (``words/epithet_nouns.txt``), that ends in a parent
    named by their children (:data:`PARENT_OF_N`, written as one hyphenated word) or in a past
    occupation (``occupations.txt`` after "former"), with no capitalised word ("the Kentside striker"
    names a club the person may not play for)."""
    words = view.lowers[m.i + 1:m.j]
    if not words or any(view.toks[k].is_cap for k in range(m.i + 1, m.j)):
        return False
    if words[-1] in lex.words.epithet_nouns or PARENT_OF_N.fullmatch("".join(words[-5:])) is not None:
        return True
    # "the former teacher": a past occupation describes the person just named.
    return bool(_PAST & set(words[:-1])) and (words[-1],) in lex.occupations


def _one_full_named_person(ents: Entities, named: set[int], lex: Lexicons) -> list[int]:
    """"Marcus Hale scored twice as Kentside beat Ashby", "Laura Penn returned to the track in
    Berlin", "Ruth Gale taught at Ashby Academy": in a sentence that names several, the one person
    named in full (a known first name and a surname) where every other name is an organization's
    or a single word that is not a first name of a known sex (a place, club or firm, which an
    entity recognizer may type a person); empty otherwise."""
    full = [h for h in named if len(ents.entities[h].words) > 1 and not ents.entities[h].joint
            and ents.entities[h].etype != "organization"
            and ents.entities[h].name.split()[0] in lex.first_names]
    others = [ents.entities[h] for h in named if h not in full]
    # A lone first name of a known sex ("… passed to Sarah") is another person.
    if len(full) != 1 or any((len(e.words) > 1 and e.etype != "organization") or lex.first_names.get(e.name, "-") != "-"
                             for e in others):
        return []
    return full


def later_title_holder(x: _Nominal) -> int | None:
    """"Jo Roe clashed with Ana Ruiz, because the Kentish prime minister … Ruiz's spokesman said
    the prime minister …": a nominal no rule resolved goes to the holder its title has once every
    nominal after it is resolved (:func:`same_title_holder` again), so an earlier epithet gives
    that holder its organization ("Kentish")."""
    return same_title_holder(x)


def _take_title_org(roles: dict[int, RoleFound], holder: int, x: _Nominal) -> None:
    """"Founder Jo Roe said … The Acme founder added": the holder takes the organization written
    with the title where their own title has none (not a legislator's seat)."""
    if (org := _seat_dropped(x.title, x.org, x.lex)) and not roles[holder].org:
        roles[holder] = dataclasses.replace(roles[holder], org=org)


def _seat_dropped(title: str, org: str | None, lex: Lexicons) -> str | None:
    """"The Kentside senator": a place before a legislator's title is the seat
    (``words/constituency_titles.txt``), not an organization; a party ("the Labour MP") or a
    body's name stays."""
    last = _title_words(title)[-1:]
    if not org or not last or last[0] not in lex.words.constituency_titles:
        return org
    if org.lower() in lex.words.party_words or org.split()[-1].lower() in lex.org_words:
        return org
    return None


def _give_title(view: View, ments: list[Mention], roles: dict[int, RoleFound], holder: int, x: _Nominal) -> None:
    """The holder's role becomes the nominal's title (the first one given, where several are)."""
    org = _seat_dropped(x.title, x.org, x.lex)
    # The whole mention ("The Kentside senator"), as Speaker.roles' offsets are everywhere.
    mention = RoleMention(x.title, org, view.toks[x.at].start, view.toks[x.head[1] - 1].end)
    x.given[holder] = _title_words(x.title)
    old = roles.get(holder)
    party = org if _party_title(x) else None  # "the Labour leader": Labour is the party too
    if old is None:
        roles[holder] = RoleFound(x.title, org, "lead_person_for_title", party, (mention,))
    elif not old.role or _past_other_office(x, old.role):
        # A current title outranks a past one ("Former candidate Jo Roe" is now "the senator").
        roles[holder] = RoleFound(x.title, org or (None if old.role else old.org), "lead_person_for_title", old.party or party,
                                  (*old.found, mention))
    else:
        roles[holder] = dataclasses.replace(old, found=(*old.found, mention))
