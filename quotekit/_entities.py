"""Stage 5: resolve entities: one entity per person or organization, with its mentions;
pronouns and unnamed speakers ("the spokesman", "The statement") linked to the right one.

Names are one entity where :func:`_same` says so ("Smith" is "Jane Smith", "BE" is "Bank of
England", "Acme" is "Acme Ltd": :func:`_legal_form_dropped`, ``words/legal_form_suffixes.txt``);
the text's own evidence outranks an entity recognizer's label (:func:`_person_outranks_label`:
"Howard" typed an organization in a headline, then "Michael Howard", is that person).

An unnamed organization speaker "the <head>" is an organization named before it whose head that is
(:func:`_org_head`: "the authority" the Harbour Authority, "the union" the Union of Rail Workers),
else, for a generic body noun, the one body named in its paragraph or the two before it (also in
front of a person's title: "Kentside Rovers captain Liam Doyle") (:func:`_one_body_named_before`:
"Westford FC … the club said", ``words/generic_body_nouns.txt``); a statement right after a speech
cue is its speaker's, and "the statement" after it too (:func:`_statement_issuers`); a he or she
goes first to the person named before it in its own sentence, or, opening its sentence, to the
first person of the sentence before, where the gender agrees (:func:`_subject_of_sentence`), else
to the latest speaker of that gender, then the latest person of that gender, then the latest of no
known gender ("Laura Penn's novel has won the Ashby Prize. “…,” she said": not the prize, which a
first name made a person), never to a one-word name only ever written after "in", "at", "from" or
"near" (:func:`_place_only`: "a cafe in Ashby", where "Ashby" is also a first name).
Mentions are walked in text order (attribution's own phrases come last in the list).

A bare surname that two people's full names end in ("Rep. Tom Pelk", "Anna Pelk") is the one of
them named with a title in front; with no single such one it stays a name of its own rather than
going to the latest bearer (:meth:`_Registry._one_bearer`). A bearer named only in the headline
("Kentish Donor Pelk Backs Roe", title case read as one name), or one whose first word is no first
name ("a fellow New Hampshire Pelk veteran"), is no rival of one the story names in full; and the
bearer the bare surname already stood for keeps it once a relative is named in full ("Bernard Pelk
… Pelk arrived … his wife, Jane Pelk, … Pelk said").

An abbreviation in brackets after a name spelled out before it is that body, named in full
(:func:`_spelled_out`: "the Entertainment and Leisure Software Publishers Association (Elspa)",
also where stage 3 read the full name as two names either side of its "and").

Two names that speak together are one joint entity named as the coordination is written (a
``joint`` mention from :func:`quotekit._speakers.coordinated_subject`: "Acme Health and Borland
Medical Group announced …"), and a nominal of two after such names ("the two companies", "both
groups", "the pair") stands for them (:func:`_pair_antecedent`); a joint entity is never the same
as either name alone.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ._candidates import Mention
from ._lexicons import Lexicons
from ._reported import Attribution
from ._tokens import Tok, View

LOOK_BACK = 200
"""Mentions (or entities) a pronoun or "the spokesman" looks back over at most: more than four
paragraphs of any article hold, and it keeps one huge paragraph linear in time."""


@dataclass(slots=True)
class Entity:
    """A person, organization or unnamed speaker of the article.

    Attributes:
        words: Lower-case words of its fullest name.
        name: Its fullest name as written (the head noun for an unnamed speaker).
        etype: ``"person"``, ``"organization"`` or ``"unknown"``.
        gender: ``"f"``, ``"m"`` or ``"-"``.
        mentions: Indices of its mentions.
        unnamed: An unnamed speaker ("a spokesman").
        context_org: For an unnamed speaker, the organization the context gives it.
        joint: Two names that speak together ("Acme Health and Borland Medical Group"); no
            other name is ever the same entity.
    """

    words: list[str]
    name: str
    etype: str
    gender: str = "-"
    mentions: list[int] = field(default_factory=list)
    unnamed: bool = False
    context_org: str | None = None
    joint: bool = False


@dataclass(slots=True)
class Entities:
    """What stage 5 hands on.

    Attributes:
        entities: The entities of the article.
        entity_of: For each mention (by index), its entity, or -1.
    """

    entities: list[Entity]
    entity_of: list[int]


def _initials(words: list[str], skip: frozenset[str]) -> str:
    return "".join(w[0] for w in words if w not in skip and w[:1].isalpha())


def _person_outranks_label(ew: list[str], etype_was: str, words: list[str], etype: str) -> bool:
    """"Howard" typed an organization by an entity recognizer (a headline, a sentence start), then
    "Michael Howard", a person by the text's own evidence: the one-word name is that person."""
    return etype_was == "organization" and etype == "person" and len(ew) == 1 and len(words) > 1 and words[-1] == ew[0]


def _same(ent: Entity, words: list[str], etype: str, skip: frozenset[str], legal: frozenset[str] = frozenset()) -> bool:
    ew = ent.words
    if not ew or not words or ent.unnamed or ent.joint:
        return False
    if ew == words or _legal_form_dropped(ew, words, legal) or _legal_form_dropped(words, ew, legal):
        return True
    if len(words) == 1 and len(ew) > 1 and ent.etype == "person" and ew[-1] == words[0]:
        return True  # "Carrow" after "Denise Carrow", whatever type an entity recognizer gave it
    if len(words) == 1 and words[0].upper() == words[0].upper() and len(words[0]) >= 2:
        if _initials(ew, skip) == words[0] and len(ew) > 1:
            return True
    if len(ew) == 1 and len(words) > 1 and _initials(words, skip) == ew[0]:
        return True
    if _person_outranks_label(ew, ent.etype, words, etype):
        return True
    if ent.etype == "organization" or etype == "organization":
        if len(words) == 1 and len(words[0]) >= 3 and ew[0].startswith(words[0]) and ew[0] != words[0]:
            return True
        shorter, longer = (words, ew) if len(words) < len(ew) else (ew, words)
        if longer[: len(shorter)] == shorter and (len(shorter) > 1 or ent.etype == "organization" and etype == "organization"):
            return True
        return False
    # People: "Smith" is "Jane Smith"; "Jane Smith" is "Smith".
    if ent.etype == "person" or etype == "person" or etype == "unknown":
        if len(words) == 1 and ew[-1] == words[0]:
            return True
        if len(ew) == 1 and words[-1] == ew[0]:
            return True
        if len(words) > 1 and len(ew) > 1 and words[-1] == ew[-1] and (words[0] == ew[0] or words[0][:1] == ew[0][:1]):
            return True
    return False



def _legal_form_dropped(full: list[str], short: list[str], legal: frozenset[str]) -> bool:
    """"Acme Ltd said … Acme said": a company's name without the legal form that ends it
    (``words/legal_form_suffixes.txt``) is that company."""
    return len(full) > len(short) and full[:len(short)] == short and all(w in legal for w in full[len(short):])


def _org_head(words: list[str]) -> str:
    """The head noun of an organization's name, which "the <head>" stands for: its last word
    ("the authority": Harbour Authority), or its first before "of" ("the union": Union of Rail
    Workers, "the bank": Bank of England)."""
    if len(words) > 2 and words[1] == "of":
        return words[0]
    return words[-1] if words else ""


class _Registry:
    """The entities of one article as they are found, indexed by the words of their names.

    A class rather than closures inside :func:`resolve`: compiled (mypyc) closures keep their
    scope in a reference cycle, and the stages must leave no cyclic garbage (``read_doc``
    pauses the cyclic collector).
    """

    __slots__ = ("ents", "toks", "skip", "legal", "exact", "by_last", "by_first", "org_firsts", "indexed", "etype_hint", "titled", "in_body",
                 "first_names", "bare")

    def __init__(self, toks: list[Tok], skip: frozenset[str], legal: frozenset[str] = frozenset(),
                 first_names: frozenset[str] = frozenset()) -> None:
        self.skip = skip  # words left out of initials
        self.first_names = first_names  # lower-case known first names
        self.legal = legal  # a company's legal form: "Acme Ltd" is "Acme"
        self.ents: list[Entity] = []
        self.toks = toks
        self.exact: dict[tuple[str, ...], int] = {}
        # Every name an entity has had, by last word, first word and initials: the only
        # entities _same() can accept, so a long article does not compare each name with every entity.
        self.by_last: dict[str, set[int]] = {}
        self.by_first: dict[str, set[int]] = {}
        self.org_firsts: dict[str, set[int]] = {}
        self.indexed: set[tuple[int, tuple[str, ...], bool]] = set()
        self.etype_hint: dict[int, str] = {}
        self.titled: set[int] = set()  # people named with a title in front ("Rep. Tom Pelk")
        self.in_body: set[int] = set()  # entities named after the headline
        self.bare: dict[str, int] = {}  # a bare surname -> the person it first stood for

    def words_of(self, i: int, j: int) -> list[str]:
        """Lower-case words of tokens ``i`` to ``j``, without possessive endings and trailing dots."""
        return [t.lower.rstrip(".") if t.text != "." else t.lower for t in self.toks[i:j] if t.text not in ("’s", "'s")]

    def find_or_add(self, words: list[str], text: str, etype: str, gender: str) -> int:
        """The entity these words name (an earlier one where :func:`_same` accepts it, else a new one)."""
        hit = self.exact.get(tuple(words))
        if hit is not None and self.ents[hit].words == words:
            ent = self.ents[hit]
            if ent.etype == "unknown" and etype != "unknown":
                ent.etype = etype
            if ent.gender == "-" and gender in "fm":
                ent.gender = gender
            return hit
        e = self._find_or_add(words, text, etype, gender)
        self.exact[tuple(words)] = e
        return e

    def _index(self, e: int) -> None:
        ws = self.ents[e].words
        is_org = self.ents[e].etype == "organization" or self.etype_hint.get(e) == "organization"
        key = (e, tuple(ws), is_org)
        if not ws or key in self.indexed:
            return  # indexed under these words already
        self.indexed.add(key)
        self.by_last.setdefault(ws[-1], set()).add(e)
        self.by_first.setdefault(ws[0], set()).add(e)
        self.by_first.setdefault("#" + _initials(ws, self.skip), set()).add(e)
        if is_org:
            self.org_firsts.setdefault(ws[0], set()).add(e)

    def _candidates(self, words: list[str]) -> list[int]:
        empty: set[int] = set()
        found = self.by_last.get(words[-1], empty) | self.by_first.get(words[0], empty) | self.by_last.get(_initials(words, self.skip), empty)
        if len(words) == 1:
            found |= self.by_first.get("#" + words[0], empty)
            if len(words[0]) >= 3:
                for first, es in self.org_firsts.items():
                    if first.startswith(words[0]):
                        found |= es
        return sorted(found, reverse=True)

    def _find_or_add(self, words: list[str], text: str, etype: str, gender: str) -> int:
        ents = self.ents
        cands = self._candidates(words)
        if len(words) == 1:
            cands = self._one_bearer(cands, words, etype)
        for e in cands:
            if _same(ents[e], words, etype, self.skip, self.legal):
                ent = ents[e]
                if len(words) == 1 and ent.etype == "person" and len(ent.words) > 1:
                    self.bare.setdefault(words[0], e)
                if _person_outranks_label(ent.words, ent.etype, words, etype):
                    ent.etype = "person"
                if len(words) > len(ent.words) and not (ent.etype == "organization" and len(words[0]) < len(ent.words[0]) and len(words) == 1):
                    ent.words, ent.name = words, text
                if ent.etype == "unknown" and etype != "unknown":
                    ent.etype = etype
                if ent.gender == "-" and gender in "fm":
                    ent.gender = gender
                self._index(e)
                return e
        ents.append(Entity(words, text, etype, gender if gender in "fm" else "-"))
        self.etype_hint[len(ents) - 1] = etype
        self._index(len(ents) - 1)
        return len(ents) - 1


    def _one_bearer(self, cands: list[int], words: list[str], etype: str) -> list[int]:
        """"Rep. Tom Pelk … Anna Pelk wrote … Pelk said": a bare surname that two people's full
        names end in (different first names) is the one of them named with a title in front
        (the story's principal; news style names a relative sharing it in full); with no such
        one, nobody: the surname stays a name of its own rather than the latest bearer's."""
        ents = self.ents
        bearers = [e for e in cands if ents[e].etype == "person" and len(ents[e].words) > 1
                   and not ents[e].unnamed and not ents[e].joint and _same(ents[e], words, etype, self.skip, self.legal)]
        # "Relationship With David Cameron" (a title-case headline read as one name) is no second
        # bearer of "David Cameron": a longer name ending in another bearer's whole name is that one.
        bearers = [e for e in bearers if not any(
            o != e and len(ents[o].words) < len(ents[e].words) and ents[e].words[-len(ents[o].words):] == ents[o].words
            for o in bearers)]
        # "Kentish Donor Pelk Backs Roe" (a headline's title case read as one name) is no second
        # bearer of a surname the story names in full: bearers named in the body come first.
        if any(e in self.in_body for e in bearers):
            bearers = [e for e in bearers if e in self.in_body]
        # "Bernard Sanders … a fellow New Hampshire Sanders veteran": a name whose first word is
        # no first name (a place run into the surname) is no rival of one whose first word is.
        if any(ents[e].words[0] in self.first_names for e in bearers):
            named = [e for e in bearers if ents[e].words[0] in self.first_names]
            cands = [e for e in cands if e in named or e not in bearers]
            bearers = named
        firsts = {ents[e].words[0] for e in bearers}
        if len(firsts) < 2 or any(len(f) == 1 for f in firsts):
            return cands  # one bearer, or an initial that may be either
        titled = [e for e in bearers if e in self.titled]
        if len(titled) == 1:
            return titled + [e for e in cands if e not in bearers]
        # "Bernard Pelk … Pelk said … his wife, Jane Pelk, … Pelk added": the bearer the bare
        # surname already stood for keeps it (news names the relative in full).
        if self.bare.get(words[0]) in bearers:
            return [self.bare[words[0]]] + [e for e in cands if e not in bearers]
        return [e for e in cands if e not in bearers]


def resolve(view: View, ments: list[Mention], atts: list[Attribution], lex: Lexicons) -> Entities:
    """Group mentions into entities.

    Args:
        view: The document view.
        ments: Mentions from stage 4 (stage 3's and those attribution made).
        atts: Attributions from stage 4.
        lex: Lexicons.

    Returns:
        The entities, and each mention's entity.
    """
    reg = _Registry(view.toks, lex.words.initials_skip, lex.words.legal_form_suffixes, lex.lower_first_names)
    ents, toks, find_or_add, words_of = reg.ents, view.toks, reg.find_or_add, reg.words_of
    entity_of = [-1] * len(ments)

    speaker_mentions = {a.mention for a in atts if a.mention is not None}
    last_statement: int | None = None
    # The subject of a copula before a fragment ("the two men would be “named and shamed”") is
    # not said to speak: it is never made a joint speaker.
    speech_mentions = {a.mention for a in atts if a.mention is not None and not (a.cue is not None and a.cue.kind == "copula")}
    joints: dict[tuple[str, ...], int] = {}
    names: list[tuple[int, int]] | None = None
    for n, m in enumerate(ments):
        pair = _pair_antecedent(view, ments, m, lex) if m.kind == "nominal" and n in speech_mentions else None
        if m.kind == "joint" or pair is not None:
            i, j, etype = (m.name_i, m.name_j, m.etype) if pair is None else pair
            key = tuple(words_of(i, j))
            if key not in joints:
                ents.append(Entity(list(key), view.span_text(i, j), etype, joint=True))
                joints[key] = len(ents) - 1
            entity_of[n] = joints[key]
            ents[entity_of[n]].mentions.append(n)
        elif m.kind == "name":
            spelled = _spelled_out(view, m, lex)
            if spelled is not None:
                find_or_add(words_of(*spelled), view.span_text(*spelled), "organization", "-")
            entity_of[n] = find_or_add(words_of(m.name_i, m.name_j), view.span_text(m.name_i, m.name_j), m.etype, m.gender)
            ents[entity_of[n]].mentions.append(n)
            if m.role and m.name_j - m.name_i > 1:
                reg.titled.add(entity_of[n])
            if toks[m.i].para > 0:
                reg.in_body.add(entity_of[n])
        elif m.kind == "nominal" and m.statement:
            if m.role_org:
                owner_words = [w.lower() for w in m.role_org.split()]
                entity_of[n] = find_or_add(owner_words, m.role_org, "organization", "-")
                ents[entity_of[n]].mentions.append(n)
                last_statement = entity_of[n]
            elif toks[m.i].lower in lex.words.statement_determiners and last_statement is not None:
                entity_of[n] = last_statement
                ents[entity_of[n]].mentions.append(n)
        elif m.kind == "nominal" and n in speaker_mentions:
            if m.role_org:
                # "a spokeswoman for the Harbour Authority" names the authority too.
                find_or_add([w.lower() for w in m.role_org.split()], m.role_org, "organization", "-")
            head = toks[m.name_i].lower
            definite = toks[m.i].lower in lex.words.anaphoric_determiners
            if definite:
                for e in range(len(ents) - 1, max(-1, len(ents) - 1 - LOOK_BACK), -1):
                    ent = ents[e]
                    # "the spokesman" again, or "the authority" for the Harbour Authority named before.
                    # Only an entity named before it or inside it ("said the Bank of Kentland"):
                    # mentions attribution made come last in the list.
                    if not any(ments[x].i < m.j for x in ent.mentions):
                        continue
                    if (ent.unnamed and ent.words == [head]) or (
                            not ent.unnamed and ent.etype == "organization"
                            and head in (_org_head(ent.words), ent.words[-1])):
                        entity_of[n] = e
                        break
            if entity_of[n] < 0 and definite and head in lex.words.generic_body_nouns:
                if names is None:  # mentions by position, once per article
                    names = sorted((x.i, k) for k, x in enumerate(ments))
                e_body, titled = _one_body_named_before(view, ments, ents, entity_of, m, names)
                entity_of[n] = e_body if titled is None else find_or_add(titled.lower().split(), titled, "organization", "-")
            if entity_of[n] < 0:
                ents.append(Entity([head], toks[m.name_i].text.lower() if not toks[m.name_i].text.isupper() else toks[m.name_i].text,
                                   "organization" if m.etype == "organization" or head in lex.org_words else "person",
                                   m.gender, unnamed=True))
                entity_of[n] = len(ents) - 1
            ents[entity_of[n]].mentions.append(n)
    _statement_issuers(view, ments, atts, ents, entity_of, lex)
    _resolve_pronouns(view, ments, atts, ents, entity_of, lex)
    _context_orgs(view, ments, atts, ents, entity_of, lex)
    return Entities(ents, entity_of)


BODY_REACH = 2
"""Paragraphs before a generic "the club" or "the firm" that may name the body it stands for."""


def _one_body_named_before(view: View, ments: list[Mention], ents: list[Entity], entity_of: list[int], m: Mention,
                           names: list[tuple[int, int]]) -> tuple[int, str | None]:
    """"Westford FC have sacked their coach. … “…,” the club said", "Kentside Rovers captain Liam
    Doyle has been banned. The club said …": a generic body noun (``words/generic_body_nouns.txt``)
    whose head no name ends in stands for the one body named in its paragraph or the two before
    it, as a name or as the body in front of a person's title. That entity, or -1 and the body's
    name where only a title names it; (-1, None) where none or several are."""
    toks = view.toks
    # The mentions from the window's first token to the nominal (``names``: (token, mention)
    # sorted), found by bisection so that a long article's many such nominals stay linear.
    start = bisect_left(toks, toks[m.i].para - BODY_REACH, key=lambda t: t.para)
    window = names[bisect_left(names, (start, -1)):bisect_left(names, (m.i, -1))]
    near = [ments[k] for _, k in window]
    near_ents = {entity_of[k] for _, k in window}
    found = {e for e in near_ents if e >= 0 and not ents[e].unnamed and not ents[e].joint and ents[e].etype == "organization"}
    named = {" ".join(ents[e].words) for e in found}
    titled = {x.role_org for x in near if x.kind == "name" and x.role_org and x.role_org.lower() not in named}
    if len(found) + len(titled) != 1:
        return -1, None
    return (found.pop(), None) if found else (-1, titled.pop())


SPELLED_REACH = 12
"""Tokens at most of a name spelled out before its abbreviation in brackets."""


def _spelled_out(view: View, m: Mention, lex: Lexicons) -> tuple[int, int] | None:
    """"the Entertainment and Leisure Software Publishers Association (Elspa)": an abbreviation in
    brackets right after a name gives the tokens of the full name before it whose initials it
    is (capitalised words, and the joining words initials skip), so that the abbreviation and
    the full name are one body, named in full; ``None`` where the words before do not spell it."""
    toks, skip = view.toks, lex.words.initials_skip
    if not (m.i > 1 and m.j < len(toks) and m.j - m.i == 1 and toks[m.i - 1].text == "(" and toks[m.j].text == ")"):
        return None
    short = toks[m.i].lower.replace(".", "")
    x = m.i - 1
    letters = ""
    while x - 1 >= 0 and m.i - x <= SPELLED_REACH and len(letters) < len(short):
        t = toks[x - 1]
        if t.is_cap and t.is_word:
            letters = t.lower[0] + letters
        elif t.lower not in skip:
            break
        x -= 1
        if letters == short and t.is_cap:
            return (x, m.i - 1)
    return None


PAIR_REACH = 4
"""Paragraphs at most between "the two companies" and the two names it stands for."""


def _pair_antecedent(view: View, ments: list[Mention], m: Mention, lex: Lexicons) -> tuple[int, int, str] | None:
    """"Acme Health and Borland Medical Group agreed to merge. … the two systems said": a
    nominal of two ("the two companies", "both groups", "the pair") stands for the latest two
    names joined by "and" before it, where their kind fits its noun (a person noun such as "men"
    or "ministers" for people, any other for organizations; "the pair" for either). The tokens
    and type of the joint name, or ``None``."""
    toks, w = view.toks, lex.words
    lows = [toks[x].lower for x in range(m.i, m.j)]
    if not lows or not (lows[0] in w.joint_nominals or (lows[0] in w.anaphoric_determiners and len(lows) > 1 and lows[1] in w.joint_nominals)):
        return None
    head = lows[-1]
    want = None if head in w.joint_nominals else "person" if head in lex.person_nouns else "organization"
    para = toks[m.i].para
    names = sorted((x for x in ments if x.kind == "name" and x.j <= m.i), key=lambda x: x.i)
    end_at = {x.j: x for x in names}
    for b in reversed(names[-LOOK_BACK:]):
        if toks[b.i].para < para - PAIR_REACH:
            return None
        k = b.i - 1 if b.i > 0 and toks[b.i - 1].lower in w.definite_articles else b.i
        a = end_at.get(k - 1) if k > 0 and toks[k - 1].lower in w.name_conjunctions else None
        if a is None or a.possessive or b.possessive or (a.i > 0 and toks[a.i - 1].text == "," and a.i - 1 in end_at):
            continue
        types = {a.etype, b.etype}
        etype = "organization" if "organization" in types else "person" if "person" in types else "unknown"
        if want is not None and etype != want and not (want == "person" and etype == "unknown"):
            return None  # the latest pair is of another kind: abstain
        return a.name_i, b.name_j, etype
    return None


def _statement_issuers(view: View, ments: list[Mention], atts: list[Attribution], ents: list[Entity], entity_of: list[int],
                       lex: Lexicons) -> None:
    """"The Harbour Trust said in a statement that …" then "“…,” the statement said": a statement
    right after a speech cue ("said in a statement") is its speaker's, and "the statement" after
    it stands for that speaker too."""
    toks = view.toks
    issuer_at: dict[int, int] = {}  # first token after a cue -> its speaker's entity
    for a in atts:
        if a.cue is not None and a.mention is not None and entity_of[a.mention] >= 0:
            issuer_at[a.cue.j] = entity_of[a.mention]
    last: int | None = None
    for n in sorted((n for n, m in enumerate(ments) if m.statement), key=lambda x: ments[x].i):
        m = ments[n]
        if entity_of[n] < 0:
            k = m.i - 1 if m.i > 0 and toks[m.i - 1].lower in lex.words.report_prepositions else m.i
            e = issuer_at.get(k)
            if e is None and toks[m.i].lower in lex.words.statement_determiners:
                e = last
            if e is not None:
                entity_of[n] = e
                ents[e].mentions.append(n)
        if entity_of[n] >= 0:
            last = entity_of[n]


def _resolve_pronouns(view: View, ments: list[Mention], atts: list[Attribution], ents: list[Entity], entity_of: list[int], lex: Lexicons) -> None:
    """Resolve he/she/they/it speaker mentions: a known gender picks the most recent person of
    that gender; otherwise the most recent compatible speaker, then the most recent person."""
    toks, pronoun_sources = view.toks, tuple(lex.words.pronoun_source_prefixes)
    speakers_so_far: list[int] = []
    att_by_mention: dict[int, list[Attribution]] = {}
    for a in atts:
        if a.mention is not None:
            att_by_mention.setdefault(a.mention, []).append(a)
    first_person: dict[int, int] = {}  # sentence -> its first person's name mention (not a possessive)
    for n, m in enumerate(ments):
        if m.kind == "name" and not m.possessive and entity_of[n] >= 0 and ents[entity_of[n]].etype == "person":
            s = toks[m.i].sent
            if s not in first_person or ments[first_person[s]].i > m.i:
                first_person[s] = n
    # Walk mentions in text order; remember the most recent mention of each entity.
    recent: list[tuple[int, int]] = []  # (mention index, entity)
    # In text order: the mentions attribution made ("A spokesman for the force") come after
    # stage 3's in the list, but a pronoun after them in the text may stand for them.
    for n in sorted(range(len(ments)), key=lambda x: (ments[x].i, -ments[x].j)):
        m = ments[n]
        if m.kind != "pronoun":
            if entity_of[n] >= 0:
                recent.append((n, entity_of[n]))
                if n in att_by_mention:
                    speakers_so_far.append(entity_of[n])
            continue
        if n not in att_by_mention:
            continue
        low = toks[m.i].lower
        para = toks[m.i].para
        choice = -1
        window = []
        for k, e in reversed(recent[-LOOK_BACK:]):  # newest first, back to four paragraphs before
            if toks[ments[k].i].para < para - 4:
                break
            window.append((k, e))
        gender, number = lex.pronouns.get(low, ("-", "sg"))
        if gender in ("m", "f"):
            g = gender
            speakers = set(speakers_so_far)
            choice = _subject_of_sentence(view, ments, ents, entity_of, m, g, first_person)
            # The most recent compatible speaker, then the most recent person of that gender, then
            # the most recent one whose gender is not known.
            for need_speaker, genders in ((True, ("-", g)), (False, (g,)), (False, ("-",))):
                if choice >= 0:
                    break
                for _, e in window:
                    ent = ents[e]
                    if (ent.unnamed and not ent.words[0].startswith(pronoun_sources)) or _place_only(view, ments, ent, lex):
                        continue
                    if ent.etype == "person" or (ent.etype == "unknown" and e in speakers):
                        if ent.gender in genders and (e in speakers or not need_speaker):
                            choice = e
                            break
            if choice >= 0 and ents[choice].gender == "-":
                ents[choice].gender = g
        elif gender == "n" or number == "pl":  # they, it, we
            for k, e in window:
                if ents[e].etype == "organization" or (low == "they" and ments[k].number == "pl"):
                    choice = e
                    break
        if choice >= 0:
            entity_of[n] = choice
            ents[choice].mentions.append(n)
            recent.append((n, choice))
            speakers_so_far.append(choice)


def _place_only(view: View, ments: list[Mention], ent: Entity, lex: Lexicons) -> bool:
    """"Fiona Blake runs a cafe in Ashby. “…,” she said": a one-word name of no known sex that is
    only ever written after a preposition of place (``words/place_prepositions.txt``) is a place,
    whatever a list of first names or an entity recognizer says, and no he or she stands for it."""
    if ent.gender != "-" or len(ent.words) != 1 or not ent.mentions:
        return False
    toks = view.toks
    return all(ments[k].kind == "name" and ments[k].j == ments[k].i + 1 and ments[k].i > 0
               and toks[ments[k].i - 1].lower in lex.words.place_prepositions for k in ent.mentions)


PRONOUN_OPENS = 3
"""Tokens at most before a pronoun that still opens its sentence ("But he said", "In June, she said")."""


def _after_opening_quote(view: View, m: Mention) -> bool:
    """"Goalkeeper Liam Frost agreed. “It hurts,” he added.": a pronoun right after the quotation
    that opens its sentence is that sentence's subject, as one opening the sentence is."""
    toks = view.toks
    lo = view.sents[toks[m.i].sent][0]
    return m.i - lo > 2 and toks[lo + 1].quote >= 0 and all(
        toks[x].quote >= 0 or not toks[x].is_word for x in range(lo, m.i))


def _subject_of_sentence(view: View, ments: list[Mention], ents: list[Entity], entity_of: list[int], m: Mention, g: str,
                         first_person: dict[int, int]) -> int:
    """The person a he or she stands for where the text says so by position: the first person
    named in its own sentence before it ("Jo Roe said … but she told the FT"), else, for a
    pronoun opening its sentence, the first person named in the sentence before ("Jo Roe cast
    the only vote against. She said …", also right after a quotation that opens its sentence:
    :func:`_after_opening_quote`); that person's gender must be the pronoun's. -1 where neither
    holds."""
    toks = view.toks
    s = toks[m.i].sent
    own = first_person.get(s)
    if own is not None and ments[own].i < m.i:
        e = entity_of[own]
        return e if ents[e].gender == g else -1
    if s == 0 or (m.i - view.sents[s][0] > PRONOUN_OPENS and not _after_opening_quote(view, m)) or (s - 1) not in first_person:
        return -1
    e = entity_of[first_person[s - 1]]
    return e if ents[e].gender == g else -1


def _context_orgs(view: View, ments: list[Mention], atts: list[Attribution], ents: list[Entity], entity_of: list[int], lex: Lexicons) -> None:
    """Give an unnamed speaker ("a spokesman") the organization the text names with it, or the
    organization that spoke or was named in the paragraph before."""
    toks, unnamed_sources = view.toks, tuple(lex.words.unnamed_source_prefixes)
    speakers = {a.mention for a in atts if a.mention is not None}
    for n, m in enumerate(ments):
        if entity_of[n] < 0 or not ents[entity_of[n]].unnamed:
            continue
        ent = ents[entity_of[n]]
        if m.role_org:
            ent.context_org = ent.context_org or m.role_org
            continue
        if ent.context_org or not ent.words[0].startswith(unnamed_sources):
            continue
        para = toks[m.i].para
        for need_speaker in (True, False):
            for k in range(n - 1, max(-1, n - 1 - LOOK_BACK), -1):
                o = ments[k]
                if toks[o.i].para < para - 1:
                    break
                if (entity_of[k] >= 0 and ents[entity_of[k]].etype == "organization" and o.kind == "name"
                        and (k in speakers or not need_speaker)):
                    ent.context_org = ents[entity_of[k]].name
                    break
            if ent.context_org:
                break
