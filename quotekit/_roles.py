"""Stage 6: roles: the title the article gives each speaker ("Home Secretary", "a spokesman")
and the organization it belongs to, from anywhere in the article.

The rules of :data:`ROLE_RULES`, tried in this order at each mention:

1. ``unnamed_speaker``: "a spokeswoman for the Harbour Authority", "Acme's spokesman", "the
   Kentish finance minister"; a title mention stage 5 gave to a named entity ("the prime minister");
   a body noun before a spokesperson is the body ("a police spokeswoman": spokeswoman, police, or
   the force the article names), and so is a body's name ("a Treasury spokesman": spokesman, Treasury).
2. ``current_title_after``: "X, a former commissioner with Y who is now a program officer at Z",
   "X, a volunteer who was recently elected as a delegate to Y": the title a relative clause says
   is held now outranks the appositive before it.
3. ``appositive_after``: "X, a professor at Y,", "X, director of adult social care at Z,",
   "X, a Republican senator,", "X, who is executive director of Y", "X, 41, a solicitor", "X, who
   has headed the Y", "Rep. X (D-Va.), a senior member of the Y Committee" (an office in
   apposition is more specific than the title before the name, so it is tried first); of two
   joined titles the first, with the body after the second ("the chairman and chief executive of
   Y"); after "from" only a body's name, not a home town ("a plumber from Kentside",
   ``words/home_prepositions.txt``); the body also after a lower-case part of it ("a chairman
   of the history department at Y") or a capitalised portfolio ("head of strategy for Latin
   American markets for Y", "Europe coordinator at Y"), a portfolio with a possessive in it
   ("cabinet member for children's services") and a lower-case body of a tier and a body word
   ("the county council's cabinet member", ``words/body_tiers.txt``); a portfolio also after "in"
   ("a lecturer in history at Y", ``words/portfolio_prepositions.txt``). A legislator's seat ("MP
   for Kentside") is no body, and loses to a title written before the name, as does a membership
   of no named body ("Rep. X, a member of the budget caucus", ``words/membership_titles.txt``); a
   body's name goes on over lower-case words to a body noun ("a spokeswoman for the Kentish
   foreign ministry", ``words/body_kind_nouns.txt``), and a determiner opens a possessor that is
   also a verb ("the show's producer"); after a maker's title "of" names a work, not a body ("X,
   author of The Long Road,", ``words/author_titles.txt``). A spaced dash opens
   the appositive as a comma does ("X - Acme's spokeswoman - said"), and a kinship word joined to
   a title is skipped ("X, Y's wife and co-host,"). A title a finite verb follows is a clause's
   subject, not an appositive ("As reported by Acme News, the former minister was told …"). A
   lower-case modifier before a body's capitals stays with the title ("a senior Kentish army
   officer": senior army officer, Kentish), lower-case words up to a body noun go on with the body
   ("a Kentland defence ministry spokeswoman"), "chief" with no title word after it is a head
   ("the Acme chief", "the army chief"), and an ordinal opens a body's name ("the 4th Infantry Brigade").
4. ``title_before_name``: "Mayor Jane Smith", "IOPC Regional Director Jane Doe", "former UN Envoy X",
   "Gov. X of Kentside" (the place is the body; for "Senator X of Kentside" it is the seat); after
   an office and a comma a legislator's title gives way to the office ("the committee chairman,
   MP X"); an evaluative epithet is no body ("The Oscar-winning director X"), a common word that
   opens the sentence is part of the title ("Film director X") and a name ending that is no part
   of the title goes to the body ("Kentside City striker X": Kentside City).
5. ``title_before_comma``: "Labour’s Shadow Home Secretary, Jane Smith, said", "said one
   fisherman, Jo Roe", "said Kentside's new mayor, Jo Roe" (a possessive owner as determiner; an
   identity adjective after it, "Kentside's Muslim mayor", is neither body nor role:
   ``words/identity_adjectives.txt``; with no owner it is part of the description, "a Christian
   conservative leader"); a preposition and a body may come between the title and the
   comma ("Kentland's ambassador to the UN, Jo Roe,": ``_body_to_comma``); of two titles joined by "and", the first ("the mayor's
   political adviser and former council staffer, Jo Roe") (not "as US President, Jane Smith said",
   where the title is someone else's).
6. ``title_named_before``: "a 70-year-old teacher named Jo Roe": the title of the noun the name
   is given to.
7. ``title_words_before``: lower-case titles and occupations with the organization and kept
   modifiers before them: "Tory leader X", "University of Leeds professor X", "Ex-Acme leader X";
   of two joined titles the first ("Filmmaker and best-selling author X"); a common word
   capitalised only because it opens the sentence is part of the title, not a body ("Public works
   director X"), also where a tagger kept it out of the name ("Singer X said").
8. ``plural_title_before_names``: "Kentland presidential candidates X and Y": each one's title,
   made singular.
9. ``plural_title_before_comma``: "The two council members who voted no, X and Y, said": each
   one's title, made singular, where a comma or the sentence's end closes the names (not
   "Compared to the Kentish candidates, X and Y share …").
10. ``possessive_before_name``: "Acme's X": an organization with no title.
11. ``copula_title``: "X is the Acme campaign's political director".
12. ``title_before_copula``: "…, the presidential candidate holding the spotlight was X": a
    definite title opening the clause whose copula the name completes.
13. ``title_after_appointment``: "X has been formally crowned the Kentside Party nominee for mayor",
   "X was named chief executive of Y", "X is now the presumptive nominee"
   (``words/appointment_participles.txt``, ``words/title_now_words.txt``).
14. ``title_as_after_name``: "the party chose X as their presumptive nominee": the title after "as"
   and a possessive determiner (``words/as_title_determiners.txt``; not "see X as the candidate").
15. ``affiliation_after``: "X, of the Acme Institute,", "X, from Acme investment bank,", "X of Acme
   University", "X, who has run the Y", "X, who teaches at the Y" (``words/affiliation_verbs.txt``):
   an organization with no title.

Roles keep "former", "ex-", "retired", ... (``words/role_keep_modifiers.txt``) and drop
evaluative words (``words/role_drop_words.txt``); occupations (``occupations.txt``) count only
where written in lower case; ``words/not_roles.txt`` are never roles. A party letter after a
name ("(D-Va.)", ", R-Pa.,") gives the speaker's party, and so does an organization that is a
party word (``words/party_words.txt``: "Republican presidential nominee X", "Tory leader X").
A body noun before a title (``words/title_body_nouns.txt``) is the organization, not part of
the role ("party chairman X": chairman, party). A title with no body after "with" belongs to the
body that opens the sentence ("The Acme Party launched its plan, with leader X saying …"), and a
title with no body takes the affiliation after the name ("Professor X, of Acme University"), and a
spokesperson with no body speaks for the body that opens the sentence ("Acme Bank declined to
comment, spokeswoman X said"), or, where the spokesperson opens it, for the only name of the
sentence before where that is a body ("The Kentside Guild shut its doors. “…,” spokesman X said"); a
title right after capitalised words ending in "!" belongs to that name where the article also
writes it inside a sentence ("Acme Rocks! Founder X": Acme Rocks!); a title with no body that the
article wrote before after one owner's possessive belongs to that owner ("Tom Lee's new campaign
chief … the campaign chief, X": Tom Lee campaign). A place before a legislator's title is the seat, not a body
("Kentside MP X"); a title opening with "campaign" belongs to the named one's campaign ("Roe
campaign manager X": organization "Roe campaign", ``words/name_body_tails.txt``); an office in
apposition to a legislator's title belongs to the chamber
("Senator X of Kentside, the majority leader": Senate; ``words/chamber_titles.txt``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ._candidates import Mention, _role_match, plain_word_at_start
from ._entities import Entities, Entity
from ._lexicons import Lexicons
from ._tokens import View
from ._types import RoleMention

# A party initial before a state in "Jo Bloggs (D-Va.)" / "Jo Bloggs, R-Pa.,": D, R or I.
_PARTY_LETTER = regex.compile(r"""
    [DRI]   # Democrat, Republican, Independent: "D" of "(D-Va.)"
""", regex.VERBOSE)


# An ordinal in figures that opens a body's name: "4th" of "the 4th Infantry Brigade", "101st".
_ORDINAL = regex.compile(r"""
    \d+ (?: st | nd | rd | th )   # "4th", "21st", "101st"
""", regex.VERBOSE | regex.IGNORECASE)


# Dashes that set off an appositive like commas when spaced: "Jo Roe - Acme's spokeswoman - said".
_APPOSITIVE_DASHES = frozenset({"-", "–", "—", "--", "―"})
# Tokens that close an apposition of names: "…, Jo Roe and Tom Lee, said".
_APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", ")", "!", "?"}) | _APPOSITIVE_DASHES


class _W:
    """A word of the text: hyphen-joined tokens are one word ("co-chairman"); "ex-" stands alone.

    A plain class with slots, read-only by convention: the role rules make one per word of
    every window they read.

    Attributes:
        low: The word, lower-cased.
        i: Its first token.
        j: One past its last token.
        cap: Its first token starts with a capital.
    """

    __slots__ = ("low", "i", "j", "cap")

    def __init__(self, low: str, i: int, j: int, cap: bool) -> None:
        self.low = low
        self.i = i
        self.j = j
        self.cap = cap


def _words(view: View, i: int, j: int) -> list[_W]:
    """The words of tokens ``i`` to ``j - 1``, outside quotations."""
    toks = view.toks
    # A one-token word is its token's lower-cased text (span_text differs only over a line
    # break or an invisible character).
    plain = not view.invisible
    out: list[_W] = []
    k = i
    while k < j:
        t = toks[k]
        e = k + 1
        if e < j and toks[e].text == "-":
            if t.lower == "ex" and toks[e].start == t.end:
                out.append(_W("ex-", k, e + 1, t.is_cap))  # "Ex-Labour leader": ex- belongs to the title
                k = e + 1
                continue
            while e + 1 < j and view.glued_hyphen(e) and toks[e + 1].is_word:
                e += 2
        if e == k + 1 and plain and "\n" not in t.text and "\r" not in t.text:
            out.append(_W(t.lower, k, e, t.is_cap))
        else:
            out.append(_W(view.span_text(k, e).lower(), k, e, t.is_cap))
        k = e
    return out


def _free_modifier(view: View, w: _W, lex: Lexicons) -> bool:
    """A lower-case noun or adjective that may lead an occupation ("television host", "music analyst"),
    not a verb ("met", "named"): a tagger's noun or adjective, or else no -ed or -ly ending."""
    tag = view.toks[w.i].tag
    if tag and not tag.startswith(("NN", "JJ")):
        return False
    return (not w.cap and w.low.replace("-", "").isalpha() and w.low not in lex.words.stop_words
            and w.low not in lex.cue_triggers and not w.low.endswith(("ed", "ly"))
            and not _dropped(w, lex) and w.low not in lex.words.not_roles)


def _match(ws: list[_W], lex: Lexicons) -> int:
    """Words of the title at the start of ``ws``: occupations only where written in lower case."""
    low = 0
    while low < len(ws) and not ws[low].cap:
        low += 1
    lows = [w.low for w in ws]
    return max(_role_match(lows, lex), _role_match(lows[:low], lex, True))


def _title_len(view: View, ws: list[_W], lex: Lexicons) -> int:
    """Words of the title at the start of ``ws``, allowing one lower-case modifier before an
    occupation or generic head ("election strategist", "television host")."""
    n = _match(ws, lex)
    if not n and len(ws) > 1 and _free_modifier(view, ws[0], lex):
        n2 = _match(ws[1:], lex)
        if n2 == 1 and ws[1].low not in lex.role_modifiers:  # a bare head: "music analyst", not "met presidential candidate"
            n = n2 + 1
        elif not n2 and _bare_head(ws, 1, lex):
            n = 2  # "the army chief"
    return n


def _bare_head(ws: list[_W], y: int, lex: Lexicons) -> bool:
    """"the army chief said", "the Acme chief, X": word ``y`` is a generic title head that is also a
    modifier (``role_heads.txt``, ``role_modifiers.txt``: "chief"), written in lower case, and no
    title word follows it, so it is the head, not the start of "chief executive"."""
    return (y < len(ws) and not ws[y].cap and ws[y].low in lex.role_heads and ws[y].low in lex.role_modifiers
            and not _match(ws[y + 1:], lex))


def _dropped(w: _W, lex: Lexicons) -> bool:
    """An evaluative or passing word left out of a role ("veteran", "26-year-old", "Oscar-winning",
    "Kentside-born", "London-based")."""
    return w.low in lex.words.role_drop_words or w.low.endswith(("-year-old", "-winning", "-born", "-based"))


def _role_text(view: View, keep: list[_W], title: tuple[int, int]) -> str:
    """The role as written: kept modifiers ("former", "Ex-") then the title's words."""
    text = view.span_text(*title)
    for w in reversed(keep):
        lead = view.span_text(w.i, w.j)
        text = lead + text if lead.endswith("-") else f"{lead} {text}"
    return text


def _org_before(view: View, ws: list[_W], x: int, lo: int, lex: Lexicons) -> tuple[str | None, int]:
    """Capitalised words ending at word ``x`` ("Tory", "University of Leeds", "BBC"): (name, first word)."""
    toks = view.toks
    e = x
    while x >= 0 and toks[ws[x].i].quote < 0 and (
            (ws[x].cap and ws[x].low not in lex.words.not_names and ws[x].low not in lex.honorifics)
            or (ws[x].low.isdigit() and x > 0 and ws[x - 1].cap)
            or (ws[x].low in lex.words.org_name_joiners and x > 0 and ws[x - 1].cap and x < e)):
        x -= 1
    # "Sunday Gazette": a weekday or month inside a name, but not one opening the sentence
    while x < e and (ws[x + 1].low in lex.words.org_name_joiners or ws[x + 1].low in lex.words.role_keep_modifiers
                     or (ws[x + 1].low in lex.never_names and ws[x + 1].i == lo)):
        x += 1
    if x >= e:
        return None, e + 1
    return view.span_text(ws[x + 1].i, ws[e].j), x + 1


def _org_after(view: View, k: int, hi: int, lex: Lexicons) -> tuple[str | None, int]:
    """A capitalised organization name at token ``k``, after an optional "the", up to four lower-case
    descriptors and possessors ("the activist group Acme Trust", "Britain's biggest union Unison"), not
    past a relative pronoun ("the budget caucus who wants Tom Lee removed": no body)."""
    toks = view.toks
    if k < hi and toks[k].lower in lex.words.definite_articles:
        k += 1
    skipped = 0
    while k < hi and toks[k].quote < 0:
        p = k
        while p < hi and toks[p].is_cap and toks[p].quote < 0:
            p += 1
        if p > k and p + 1 < hi and toks[p].lower in lex.words.possessive_marks and not toks[p + 1].is_cap:
            k = p + 1  # "Britain's biggest union Unison": the possessor is not the body
            continue
        hyphen = toks[k].text == "-" and k > 0 and toks[k].start == toks[k - 1].end
        if p > k or skipped >= 6 or not (hyphen or toks[k].is_word and not toks[k].is_cap) or toks[k].lower in lex.words.role_org_prepositions:
            break
        if toks[k].lower in lex.words.relative_pronouns:
            return None, k  # "a member of the budget caucus who wants Roe removed": a clause, not a descriptor

        k += 1
        skipped += 1
    e = k
    if skipped and k < hi and toks[k].is_cap and _ORDINAL.fullmatch(toks[k - 1].text):
        k -= 1  # "the 4th Infantry Brigade": the ordinal is part of the name
    while e < hi and toks[e].quote < 0 and (toks[e].is_cap or (
            (toks[e].lower in lex.words.org_name_joiners or toks[e].lower in lex.words.possessive_marks)
            and e > k and e + 1 < hi and toks[e + 1].is_cap)):
        e += 1
    if e > k and e < hi and toks[e].lower in lex.words.name_body_tails and toks[e].quote < 0 and not (
            _role_match(view.lowers[e:e + lex.max_job_len], lex, True) > 1):
        e += 1  # "a spokesman for the Roe campaign": the campaign, not the person ("the Roe campaign manager": a title)
    elif e > k:
        e = _lower_body_tail(view, e, hi, lex)
    if e > k:
        return view.span_text(k, e), e
    return None, k


def _lower_body_tail(view: View, e: int, hi: int, lex: Lexicons) -> int:
    """"a spokeswoman for the Kentish foreign ministry", "head of the UN refugee agency": after a
    name ending at token ``e``, up to two lower-case words and a noun of a body
    (``words/body_kind_nouns.txt``) end the body's name; else ``e``."""
    toks = view.toks
    for n in (1, 2, 3):
        x = e + n - 1
        if x >= hi or toks[x].quote >= 0 or not toks[x].is_word or toks[x].is_cap or toks[x].lower in lex.words.stop_words:
            return e
        if toks[x].lower in lex.body_kinds and not (x + 1 < hi and toks[x + 1].lower in lex.words.possessive_marks):
            return x + 1
    return e


def _of_phrase(view: View, k: int, hi: int, lex: Lexicons) -> int:
    """End of a lower-case portfolio after a title ("director of adult social care", "head of
    strategy"): "of" or "for" then lower-case words; a body ("of the Treasury", "for Acme") is not one."""
    toks = view.toks
    if not (k + 1 < hi and toks[k].lower in lex.words.portfolio_prepositions):
        return k
    e = k + 1
    while e < hi and toks[e].quote < 0 and (toks[e].is_word and not toks[e].is_cap and (
            toks[e].lower not in lex.words.stop_words or toks[e].lower == "and" and e > k + 1)
            or _inner_possessive(view, e, k + 1, hi, lex)):
        e += 1
    if e > k + 1 and toks[e - 1].lower == "and":
        e -= 1
    return e if e > k + 1 else k


def _tier_body(view: View, k: int, q: int, lex: Lexicons) -> str | None:
    """"the county council's cabinet member", "the school board's president": a lower-case
    possessor (tokens ``k`` to ``q - 1``) of a tier and an organization word is the body itself.
    Returns it, or None ("the reform group's": a body named elsewhere)."""
    lows = view.lowers[k:q]
    if len(lows) == 2 and lows[0] in lex.words.body_tiers and lows[1] in lex.org_words:
        return view.span_text(k, q)
    return None


def _inner_possessive(view: View, e: int, lo: int, hi: int, lex: Lexicons) -> bool:
    """"cabinet member for children's services", "minister for women’s health": a possessive mark
    at token ``e`` between two lower-case words of a portfolio (from token ``lo``) belongs to it."""
    toks = view.toks
    return (lo < e and e + 1 < hi and toks[e].lower in lex.words.possessive_marks and toks[e - 1].is_word
            and not toks[e - 1].is_cap and toks[e + 1].is_word and not toks[e + 1].is_cap and toks[e + 1].quote < 0
            and toks[e + 1].lower not in lex.words.stop_words)


def _role_at(view: View, k: int, hi: int, lex: Lexicons) -> tuple[str | None, str | None, int]:
    """A role phrase at token ``k``: (role, organization, end).

    "the party's leader", "a Republican senator", "a former GOP strategist", "chief executive of
    Acme", "director of adult social care at Acme", "a spokeswoman for Acme", "who heads the Acme".
    """
    toks = view.toks
    org = None
    if k < hi and toks[k].lower in lex.words.role_determiners:
        k += 1
    # "Labour’s Shadow Home Secretary" / "the party's chief whip"
    p = k
    while p < hi and toks[p].is_cap and toks[p].quote < 0:
        p += 1
    q = p
    while p > k and q < min(hi, p + 2) and toks[q].is_word and not toks[q].is_cap and toks[q].quote < 0:
        q += 1  # "the Acme campaign's chairman": the body's name goes on in lower case
    if p > k and q < hi and toks[q].lower in lex.words.possessive_marks:
        org = view.span_text(k, q)
        k = q + 1
    else:
        # "the political reform group's general secretary": a body named elsewhere
        q = k
        while (q < min(hi, k + 4) and toks[q].is_word and not toks[q].is_cap and toks[q].quote < 0
               and (toks[q].lower not in lex.words.stop_words or _determined_possessor(view, q, k, hi, lex))):
            q += 1  # not "cabinet member for children's services": the portfolio's own possessive
        if q > k and q < hi and toks[q].lower in lex.words.possessive_marks:
            org = _tier_body(view, k, q, lex)
            k = q + 1
    ws = _words(view, k, min(hi, k + lex.max_job_len + 8))
    keep: list[_W] = []
    x = 0
    owned = org is not None  # "Kentside's Muslim mayor": after an owner, an identity adjective is no body
    while x < len(ws) and (ws[x].low in lex.words.role_keep_modifiers or _dropped(ws[x], lex)
                           or ws[x].low == "ex-" or owned and ws[x].low in lex.words.identity_adjectives):
        if not _dropped(ws[x], lex) and ws[x].low not in lex.words.identity_adjectives:
            keep.append(ws[x])
        x += 1
    x = _past_kinship_and(view, ws, x, lex)
    if not owned and x + 1 < len(ws) and ws[x].low in lex.words.identity_adjectives and _title_len(view, ws[x + 1:], lex):
        keep.append(ws[x])  # "a Christian conservative leader": with no owner, part of the description
        x += 1
    n = _title_len(view, ws[x:], lex)
    capitals = False
    if not n and org is None:
        # "a Republican senator", "the Acme chief executive": a body before the title
        lead = _lead_modifiers(ws, x, lex)
        y = lead + 1
        while y < len(ws) and y - lead <= 5 and (ws[y - 1].cap or ws[y - 1].low.isdigit()) and toks[ws[y - 1].i].quote < 0:
            z = y
            n = _title_len(view, ws[y:], lex) or int(_bare_head(ws, y, lex))  # "a Kentside police officer", "the Acme chief"
            if not n:
                z = _body_kind_end(view, ws, y, hi, lex)
                n = _title_len(view, ws[z:], lex) if z > y else 0
            if n:
                org = view.span_text(ws[lead].i, ws[z - 1].j)
                keep += ws[x:lead]
                x, capitals = z, True
                break
            y += 1
    if not n:
        # "X, who heads the Y", "X, who has headed the Y"
        if k + 1 < hi and toks[k].lower == "who":
            verb = _heading_verb(view, k + 1, hi, lex)
            if verb is not None and verb[0] is not None:
                o, e = _org_after(view, verb[1], hi, lex)
                if o:
                    return verb[0], o, e
        return None, None, k
    e = _of_phrase(view, ws[x + n - 1].j, hi, lex)
    start = ws[x].i
    if capitals and org is not None and org.lower() not in lex.words.party_words:
        o, e2 = _body_after(view, e, hi, lex)
        if o:  # "Europe coordinator at the Acme Institute": the capitals before the title are its portfolio
            return _role_text(view, keep, (_portfolio_start(view, ws, x, start), e)), o, e2
    if org is None:
        r, org, e2 = _portfolio_and_body(view, e, hi, lex)
        if org is None and r == e:
            org, e2 = _body_after_second_title(view, e, hi, lex)
        if org and _names_work(view, ws[x + n - 1], e, org, lex):
            org = None
        return _role_text(view, keep, (start, r)), org, e2
    return _role_text(view, keep, (start, e)), org, e


def _lead_modifiers(ws: list[_W], x: int, lex: Lexicons) -> int:
    """"a senior Kentish army officer", "a chief Acme negotiator": lower-case title modifiers
    (``role_modifiers.txt``) from word ``x`` before the capitals of a body; returns the first word after
    them, or ``x`` where no capitals follow (the modifiers then belong to the title itself)."""
    y = x
    while y < len(ws) and not ws[y].cap and ws[y].low in lex.role_modifiers:
        y += 1
    return y if y < len(ws) and ws[y].cap else x


def _body_kind_end(view: View, ws: list[_W], y: int, hi: int, lex: Lexicons) -> int:
    """"a Kentland defence ministry spokeswoman": after capitals ending before word ``y``, lower-case
    words up to a body noun (``words/body_kind_nouns.txt``) still name the body where no title starts
    right after the capitals; returns the word after it, or ``y``."""
    e = _lower_body_tail(view, ws[y - 1].j, hi, lex)
    z = next((z for z in range(y, len(ws)) if ws[z].i == e), y)
    return z if z < len(ws) else y


def _determined_possessor(view: View, q: int, k: int, hi: int, lex: Lexicons) -> bool:
    """"the show's producer", "the round's winner": a word that is also a verb or function word
    (``words/stop_words.txt``) is a possessor noun where a determiner opens the phrase (token ``k``
    follows it) and a possessive mark follows the word at token ``q``."""
    toks = view.toks
    return (q == k and k > 0 and toks[k - 1].lower in lex.words.role_determiners and q + 1 < hi
            and toks[q + 1].lower in lex.words.possessive_marks)


def _names_work(view: View, title: _W, e: int, org: str, lex: Lexicons) -> bool:
    """"Jo Roe, author of The Long Road,": after a maker's title (``words/author_titles.txt``) "of"
    names a work, not a body, unless the name ends like a body's ("writer of the Acme Institute")."""
    return (title.low in lex.words.author_titles and e < len(view.toks) and view.toks[e].lower == "of"
            and org.split()[-1].lower() not in lex.org_words)


def _past_kinship_and(view: View, ws: list[_W], x: int, lex: Lexicons) -> int:
    """"Tom Lee's wife and co-host", "his girlfriend and campaign manager": past a word that is no
    title (``words/not_roles.txt``) and "and", to the title joined to it; else ``x``."""
    if (x + 2 < len(ws) and ws[x].low in lex.words.not_roles and ws[x + 1].low == "and"
            and _title_len(view, ws[x + 2:], lex)):
        return x + 2
    return x


def _body_after_second_title(view: View, e: int, hi: int, lex: Lexicons) -> tuple[str | None, int]:
    """"the chairman and chief executive of Acme": where "and" and a second title follow the title
    ending at token ``e``, the body after that title is the first one's too; (None, e) otherwise."""
    toks = view.toks
    if not (e + 1 < hi and toks[e].lower == "and"):
        return None, e
    x = e + 1
    while x < hi and toks[x].is_word and not toks[x].is_cap and toks[x].quote < 0 and x - e <= lex.max_job_len:
        x += 1
    n = _role_match(view.lowers[e + 1:x], lex, True)
    if not n:
        return None, e
    _, o, e2 = _portfolio_and_body(view, e + 1 + n, hi, lex)
    return (o, e2) if o else (None, e)


def _heading_verb(view: View, k: int, hi: int, lex: Lexicons) -> tuple[str | None, int] | None:
    """A verb of leading a body at token ``k``: "heads", or a perfect "has headed", "has run" (not the
    simple past "headed", "led": a post that may be over). Returns (the role it gives, or None for
    the body only, as "runs"; the token after the verb), or None where there is no such verb."""
    toks = view.toks
    if k < hi and toks[k].lower in lex.heading_roles:
        return lex.heading_roles[toks[k].lower], k + 1
    if k + 1 < hi and toks[k].lower in lex.words.perfect_auxiliaries and toks[k + 1].lower in lex.heading_participles:
        return lex.heading_participles[toks[k + 1].lower], k + 2
    return None


def _portfolio_start(view: View, ws: list[_W], x: int, start: int) -> int:
    """First token of the capitalised portfolio right before title word ``x`` ("Europe" of "Europe coordinator")."""
    y = x
    while y > 0 and ws[y - 1].cap and view.toks[ws[y - 1].i].quote < 0:
        y -= 1
    return ws[y].i if y < x else start


def _body_after(view: View, e: int, hi: int, lex: Lexicons) -> tuple[str | None, int]:
    """The body after a title's preposition at token ``e`` ("at the Acme Institute"), or (None, e)."""
    toks = view.toks
    if e + 1 < hi and toks[e].lower in lex.words.role_org_prepositions:
        o, e2 = _org_after(view, e + 1, hi, lex)
        if o and toks[e].lower in lex.words.home_prepositions and not _names_body(view, e2, hi, lex):
            return None, e  # "a plumber from Kentside": a home town
        if o:
            return o, e2
    return None, e


def _names_body(view: View, e: int, hi: int, lex: Lexicons) -> bool:
    """Whether the name ending at token ``e`` (exclusive) is a body's: its last word, or the word
    after it, is an organization word ("Acme Capital", "the Kentside Trust", "Acme bank"), or a word
    of it before a joiner is ("the University of Borland")."""
    toks = view.toks
    if toks[e - 1].lower in lex.org_words or (e < hi and toks[e].lower in lex.org_words):
        return True
    x = e - 1
    while x > 0 and toks[x].is_cap and toks[x].quote < 0:
        x -= 1
    return bool(x < e - 1 and toks[x].lower in lex.words.org_name_joiners and toks[x - 1].lower in lex.org_words)


def _portfolio_and_body(view: View, e: int, hi: int, lex: Lexicons) -> tuple[int, str | None, int]:
    """After a title ending at token ``e``: (end of the role, its body, end). The body follows a preposition
    ("chief executive of Acme"), also after a lower-case part of it ("a chairman of the history
    department at Acme University") or a portfolio written with capitals ("head of strategy for Latin
    American markets for Acme Bank": the role goes on to "markets")."""
    toks = view.toks
    o, e2 = _body_after(view, e, hi, lex)
    if o is None:
        k = e + 1  # "of the history department at Acme University"
        while k < min(hi, e + 8) and toks[k].is_word and not toks[k].is_cap and toks[k].quote < 0 and (
                toks[k].lower not in lex.words.role_org_prepositions):
            k += 1
        if k > e + 1 and e < hi and toks[e].lower in lex.words.portfolio_prepositions:
            o2, e3 = _body_after(view, k, hi, lex)
            return (e, o2, e3) if o2 else (e, None, e)
        return e, None, e
    k = e2  # "for Latin American markets for Acme Bank": capitals then lower-case words, then the body
    while k < min(hi, e2 + 4) and toks[k].is_word and not toks[k].is_cap and toks[k].quote < 0 and (
            toks[k].lower not in lex.words.role_org_prepositions and toks[k].lower not in lex.words.stop_words):
        k += 1
    if k > e2 and toks[e].lower in lex.words.portfolio_prepositions:
        o2, e3 = _body_after(view, k, hi, lex)
        if o2:
            return k, o2, e3
    return e, o, e2


@dataclass(frozen=True, slots=True)
class RoleSite:
    """A named or unnamed speaker's mention, where a role rule looks for its title.

    Attributes:
        view: The document view.
        lex: Lexicons.
        ments: Every mention (stage 4's list).
        n: This mention's index.
        ent: Its entity.
        lo: First token of its sentence.
        hi: One past the last token of its sentence.
        m: The mention, ``ments[n]`` (set on construction: every rule reads it).
    """

    view: View
    lex: Lexicons
    ments: list[Mention]
    n: int
    ent: Entity
    lo: int
    hi: int
    m: Mention = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "m", self.ments[self.n])  # frozen: set once here


@dataclass(frozen=True, slots=True)
class RoleFound:
    """A role rule's answer: the title (or ``None``) and its organization (or ``None``).

    Attributes:
        role: The title, in the article's words.
        org: The organization it belongs to.
        rule: The name of the rule that found it.
        party: A party stated for the speaker ("D", "R"), if any.
        found: Every title the article gives the entity, in text order (:func:`assign_roles`
            fills it in).
    """

    role: str | None
    org: str | None
    rule: str
    party: str | None = None
    found: tuple[RoleMention, ...] = ()


def _role_ok(role: str | None, lex: Lexicons) -> str | None:
    """``role`` unless it is a word or phrase that is never a role ("friend", "fans", "audience member")."""
    return None if role is None or role.lower() in lex.words.not_roles else role


def _kept_before(s: RoleSite, i: int) -> list[_W]:
    """Kept modifiers right before token ``i`` ("former", "Ex-"), skipping evaluative words."""
    ws = _words(s.view, max(s.lo, i - 4), i)
    keep: list[_W] = []
    for w in reversed(ws):
        if s.view.toks[w.i].quote >= 0:
            break
        if w.low in s.lex.words.role_keep_modifiers or w.low == "ex-":
            keep.insert(0, w)
        elif w.low not in s.lex.words.role_drop_words:
            break
    return keep


def _titled_head(word: str, lex: Lexicons) -> bool:
    """Whether an unnamed speaker's head noun is a title: "a spokesman", "the goalkeeper"; a
    plural group is not ("Traders said", "the organisers said": a role is one person's, and the
    title lists hold singulars)."""
    return word in lex.one_word_roles or word in lex.role_heads or (word,) in lex.occupations or word.startswith("spokes")


def unnamed_speaker(s: RoleSite) -> RoleFound | None:
    """"a spokeswoman for the Harbour Authority", "Acme's spokesman": the head noun, and the
    organization named with it; "the prime minister said", where stage 5 gave that title
    mention to a named entity: the whole title."""
    if not s.ent.unnamed:
        if s.m.kind != "nominal" or s.m.statement:
            return None
        ws = _words(s.view, s.m.name_i, s.m.j)
        if not s.m.role or not ws or _match(ws, s.lex) != len(ws):
            return None
        return RoleFound(_role_ok(s.m.role, s.lex), s.m.role_org, "unnamed_speaker")
    head, lex = s.view.toks[s.m.name_i], s.lex
    titled = _titled_head(head.lower, lex)
    role = (s.m.role if s.m.role and s.m.role.lower().endswith(head.lower) else head.text.lower()) if titled else None
    phrase = " ".join(w for w in s.view.lowers[s.m.i:s.m.name_i + 1] if w not in lex.words.nominal_determiners)
    if phrase in lex.words.not_roles:
        role = None  # "an audience member"
    body = _body_noun_before_spokesperson(s) if titled else None
    if body:
        role = head.text.lower()
    role = _without_body(role, s.m.role_org)
    # A plural group's body is only one written with it ("Acme officials"): one named in the
    # paragraph before is no more than a guess for a group ("Fire officials said").
    context = s.ent.context_org if s.m.number != "pl" else None
    return RoleFound(_role_ok(role, s.lex), s.m.role_org or context or body, "unnamed_speaker")


def _without_body(role: str | None, org: str | None) -> str | None:
    """"a Treasury spokesman": spokesman, organization Treasury: a title that opens with its own
    body's name loses it (the body is the organization, not part of the role)."""
    if role and org and role.lower().startswith(org.lower() + " "):
        return role[len(org) + 1:]
    return role


def _body_noun_before_spokesperson(s: RoleSite) -> str | None:
    """"a police spokeswoman", "a council spokesman": a lower-case noun of a body
    (``words/body_kind_nouns.txt``) alone before an unnamed spokesperson is its body, not part of
    the title, as "Treasury" is in "a Treasury spokesman"; None otherwise."""
    toks, lex = s.view.toks, s.lex
    if not toks[s.m.name_i].lower.startswith("spokes"):
        return None
    words = [k for k in range(s.m.i, s.m.name_i) if toks[k].lower not in lex.words.nominal_determiners]
    if len(words) != 1 or toks[words[0]].is_cap or toks[words[0]].lower not in lex.body_kinds:
        return None
    return toks[words[0]].text


def title_before_name(s: RoleSite) -> RoleFound | None:
    """"Mayor Jane Smith", "IOPC Regional Director Jane Doe", "Labour's Shadow Home Secretary Jane Doe",
    "former UN Ambassador Jo Bloggs" (the kept modifier written before the name's capitals)."""
    m, toks = s.m, s.view.toks
    if m.kind != "name" or not m.role:
        return None
    if m.role.lower() in s.lex.words.constituency_titles and m.i - 1 > s.lo and toks[m.i - 1].text == ",":
        office = title_before_comma(s)
        if office is not None:
            return office  # "the committee chairman, MP Jo Roe": the office says more than the seat
    org = m.role_org
    if org is None and m.i > 0 and toks[m.i - 1].lower in s.lex.words.possessive_marks:
        x = m.i - 2
        while x >= s.lo and toks[x].is_cap:
            x -= 1
        if x + 1 < m.i - 1:
            org = s.view.span_text(x + 1, m.i - 1)
    role = m.role
    if org is None:
        org = _seat_or_body_in_name(s)
    role, org = _name_title_split(s, role, org)
    if org and org[:3].lower() == "ex-" and len(org) > 3:
        org, role = org[3:], org[:3] + role  # "Ex-Acme leader Jo Roe"
    inside: list[_W] = []
    for w in _words(s.view, m.i, m.name_i):  # "former independent MP Jo Roe" read as one mention
        if w.low in s.lex.words.role_keep_modifiers:
            inside.append(w)
        elif not _dropped(w, s.lex):
            break
    for w in reversed(_kept_before(s, m.i) + inside):
        lead = s.view.span_text(w.i, w.j)
        role = lead + role if lead.endswith("-") else f"{lead} {role}"
    return RoleFound(role, org, "title_before_name")


def _name_title_split(s: RoleSite, role: str, org: str | None) -> tuple[str, str | None]:
    """Where the capitals before a name divide into body and title: "The Oscar-winning director
    Jo Roe" (a dropped epithet is no body: director), "Film director Jo Roe" opening a sentence,
    "film" written in lower case elsewhere (Film director), "Kentside City striker Jo Roe" and
    "Kentside Police Chief Constable Jo Roe" (a capitalised name ending that is no part of the
    title goes to the body: Kentside City, striker; Kentside Police, Chief Constable; not after a
    party, "Lib Dem Treasury spokesman", where it is a portfolio)."""
    lex, toks = s.lex, s.view.toks
    if org is None:
        return role, org
    if all(_dropped(_W(w.lower(), 0, 0, True), lex) for w in org.split()):
        return role, None
    if " " not in org and toks[s.m.i].text == org and plain_word_at_start(s.view, s.m.i, lex):
        return f"{org} {role}", None
    words = role.split()
    rest = [w.lower() for w in words[1:]]
    if (len(words) > 1 and words[0][:1].isupper() and words[0].lower() in lex.org_words
            and org.lower() not in lex.words.party_words and org.split()[-1] != "Party"  # "Lib Dem Treasury spokesman": a portfolio
            and tuple(w.lower() for w in words) not in lex.roles and _role_match(rest, lex, True) == len(rest)):
        return " ".join(words[1:]), f"{org} {words[0]}"
    return role, org


def _seat_or_body_in_name(s: RoleSite) -> str | None:
    """"Gov. Jo Roe of Kentside": the place after the name is the office's body; "Senator Jo Roe of
    Kentside" (a legislator: the place is the seat) gives none."""
    m, toks = s.m, s.view.toks
    last = (m.role or "").lower().split()[-1:]
    if last and last[0] in s.lex.words.constituency_titles:
        return None
    x = next((x for x in range(m.name_i + 1, m.j - 1) if toks[x].lower == "of" and toks[x + 1].is_cap), None)
    return s.view.span_text(x + 1, m.j) if x is not None else None


def current_title_after(s: RoleSite) -> RoleFound | None:
    """"X, a former commissioner with Y who is now a program officer at Z", "X, who belonged to a
    club and is now vice president of Z": the title the relative clause says the person holds now."""
    m, toks, lex = s.m, s.view.toks, s.lex
    if m.kind != "name" or not (m.j < s.hi and toks[m.j].text == ","):
        return None
    who = next((k for k in range(m.j + 1, min(s.hi, m.j + 16)) if toks[k].lower in lex.words.relative_pronouns), None)
    if who is None or any(toks[k].quote >= 0 for k in range(m.j, who)):
        return None
    for k in range(who + 1, min(s.hi - 2, who + 16)):
        if toks[k].quote >= 0 or toks[k].text in (";", ":"):
            return None
        t = _after_taking_post(s, k + 1) if toks[k].lower in lex.words.be_forms else None
        if t is not None:
            role, org, _ = _role_at(s.view, t, s.hi, lex)
            role = _role_ok(role, lex)
            return RoleFound(role, org, "current_title_after") if role else None
    return None


def _after_taking_post(s: RoleSite, k: int) -> int | None:
    """After a form of "be" ending at token ``k``: where the title held now starts, past "now" ("who
    is now a program officer") or a participle of appointment and any "as" ("who was recently
    elected as a delegate", "who has been named chief executive"); None where neither follows."""
    toks, words = s.view.toks, s.lex.words
    if k < s.hi and toks[k].lower in words.title_now_words:
        return k + 1
    while k < s.hi and toks[k].lower.endswith("ly") and toks[k].is_word and k < s.hi - 1:
        k += 1  # "recently", "unanimously"
    if k + 1 < s.hi and toks[k].lower in words.appointment_participles:
        return k + 2 if toks[k + 1].lower == "as" else k + 1
    return None


def appositive_after(s: RoleSite) -> RoleFound | None:
    """"Jane Smith, the Shadow Home Secretary," / "Jane Smith, a spokeswoman for X," / "…, who heads the Y",
    "Jo Bloggs, a Republican senator,", "Jo Bloggs (D-Va.), a senior member of the Acme Committee"."""
    m, toks = s.m, s.view.toks
    if m.kind != "name":
        return None
    k = m.j
    if k < s.hi and toks[k].text == "(":
        while k < s.hi and toks[k].text != ")" and k - m.j < 8:
            k += 1
        k += 1  # past "(D-Va.)"
    if not (k < s.hi and (toks[k].text == "," or _spaced_dash(s.view, k))):
        return None
    k = _past_age(s.view, k, s.hi) + 1
    if k + 1 < s.hi and toks[k].lower in s.lex.words.relative_pronouns and toks[k + 1].lower in s.lex.words.be_forms:
        k += 2  # "X, who is executive director of Y"
    role, org, e = _role_at(s.view, k, s.hi, s.lex)
    role = _role_ok(role, s.lex)
    if role and e < s.hi and toks[e].lower in s.lex.words.finite_forms:
        return None  # "As reported by Acme News, the former minister was told …": a clause's subject
    if role and role.lower().split()[-1] in s.lex.words.constituency_titles:
        if m.role or title_words_before(s):
            return None  # "Acme policy chief Jo Roe, MP for Kentside": the title before the name says more
        if org and org.lower() not in s.lex.words.party_words and org.split()[-1].lower() not in s.lex.org_words:
            org = None  # "MP for Kentside": a seat, not a body
    if role and org is None and role.lower().split()[-1] in s.lex.words.membership_titles and m.role:
        return None  # "Rep. Jo Roe, a member of the budget caucus": a title before the name says more
    if role and org is None and (role.lower().split()[-1],) not in s.lex.occupations:
        org = _chamber_of_title(s)  # an office, not a trade: "Senator Jo Roe, a doctor," is no Senate doctor
    return RoleFound(role, org, "appositive_after") if role else None


def _chamber_of_title(s: RoleSite) -> str | None:
    """"Senator Jo Roe of Kentside, the majority leader": the chamber a legislator's title before the
    name sits in ("Senate"; ``words/chamber_titles.txt``) is the body of the office in apposition."""
    last = (s.m.role or "").lower().split()[-1:]
    chambers = s.lex.title_chambers
    return chambers[last[0]].capitalize() if last and last[0] in chambers else None


def _spaced_dash(view: View, k: int) -> bool:
    """Whether token ``k`` is a dash set off by spaces, opening an appositive as a comma does ("Jo Roe
    - Acme's spokeswoman - said", "Jo Roe — a nurse — said"); not a hyphen inside a word."""
    t = view.toks[k]
    return t.text in _APPOSITIVE_DASHES and k > 0 and t.start > view.toks[k - 1].end and (
        k + 1 >= len(view.toks) or view.toks[k + 1].start > t.end)


def _past_age(view: View, k: int, hi: int) -> int:
    """The comma after an age set off by commas at the comma at token ``k`` ("Jo Roe, 41, a
    solicitor": the appositive comes after the age), else ``k``."""
    toks = view.toks
    if k + 2 < hi and toks[k + 1].text.isdigit() and len(toks[k + 1].text) <= 3 and toks[k + 2].text == ",":
        return k + 2
    return k


def copula_title(s: RoleSite) -> RoleFound | None:
    """"Jo Roe is the Acme campaign's political director", "Jo Roe was a nurse": a title after "is"/"was"."""
    m, toks = s.m, s.view.toks
    if m.kind != "name" or not (m.j + 1 < s.hi and toks[m.j].lower in s.lex.words.be_forms
                                and toks[m.j + 1].lower in s.lex.words.role_determiners):
        return None
    role, org, _ = _role_at(s.view, m.j + 1, s.hi, s.lex)
    role = _role_ok(role, s.lex)
    return RoleFound(role, org, "copula_title") if role else None


def title_before_copula(s: RoleSite) -> RoleFound | None:
    """"…, the presidential candidate holding the spotlight was Jo Roe", "The club's top scorer is Jo
    Roe": a definite title opening the clause (after the sentence's start or a comma) whose copula
    the name completes."""
    m, toks, lows = s.m, s.view.toks, s.view.lowers
    if m.kind != "name" or m.i - 2 <= s.lo or lows[m.i - 1] not in s.lex.words.be_forms:
        return None
    start = max([s.lo] + [x + 1 for x in range(s.lo, m.i - 1) if toks[x].text == ","])
    if lows[start] not in s.lex.words.definite_articles or any(toks[x].quote >= 0 for x in range(start, m.i)):
        return None
    role, org, e = _role_at(s.view, start, m.i - 1, s.lex)
    role = _role_ok(role, s.lex)
    if not role or any(lows[x] in s.lex.words.finite_forms for x in range(e, m.i - 1)):
        return None  # "the mayor said the winner was Jo Roe": another clause
    return RoleFound(role, org, "title_before_copula")


def title_after_appointment(s: RoleSite) -> RoleFound | None:
    """"Jo Roe has been formally crowned the Kentside Party nominee for mayor", "Jo Roe was named
    chief executive of Acme", "Jo Roe is now the presumptive nominee": the title after a participle
    of appointment (or "now") is the one the person holds at the quotations."""
    m, toks, lex = s.m, s.view.toks, s.lex
    if m.kind != "name":
        return None
    k = m.j
    if k < s.hi and toks[k].lower in lex.words.perfect_auxiliaries:
        k += 1  # "has been crowned"
    if not (k < s.hi and toks[k].lower in lex.words.be_forms):
        return None
    t = _after_taking_post(s, k + 1)
    if t is None:
        return None
    role, org, _ = _role_at(s.view, t, s.hi, lex)
    role = _role_ok(role, lex)
    return RoleFound(role, org, "title_after_appointment") if role else None


def title_as_after_name(s: RoleSite) -> RoleFound | None:
    """"The party chose Jo Roe as their presumptive nominee", "with Jo Roe as its chairman": the title
    after "as" and a possessive determiner (``words/as_title_determiners.txt``), with its kept modifiers."""
    m, toks, lex = s.m, s.view.toks, s.lex
    if m.kind != "name" or not (m.j + 1 < s.hi and toks[m.j].lower == "as"
                                and toks[m.j + 1].lower in lex.words.as_title_determiners):
        return None  # "see Jo Roe as the candidate with the better chance": a judgment, not a post
    role, org, _ = _role_at(s.view, m.j + 1, s.hi, lex)
    role = _role_ok(role, lex)
    return RoleFound(role, org, "title_as_after_name") if role else None


def _works_at(s: RoleSite, k: int) -> str | None:
    """"Jo Roe, who teaches at Kentside Academy,", "Jo Roe, who works for Acme Bank": a verb of
    working at a body (``words/affiliation_verbs.txt``) in a relative clause after the comma at token
    ``k``, then "at", "for" or "with" (``words/role_org_prepositions.txt``) and the body's name."""
    toks, lex = s.view.toks, s.lex
    if not (k + 4 < s.hi and toks[k].text == "," and toks[k + 1].lower in lex.words.relative_pronouns
            and toks[k + 2].lower in lex.words.affiliation_verbs
            and toks[k + 3].lower in lex.words.role_org_prepositions):
        return None
    return _body_right_after(s.view, k + 4, s.hi, lex)


def _body_right_after(view: View, k: int, hi: int, lex: Lexicons) -> str | None:
    """The body's name at token ``k``, after an optional "the" ("the Quayside Bakery"), or None where
    lower-case words come first ("a bakery in Kentside": a place, not the body)."""
    toks = view.toks
    b = k + (k < hi and toks[k].lower in lex.words.definite_articles)
    if not (b < hi and toks[b].is_cap):
        return None
    return _org_after(view, k, hi, lex)[0]


def title_before_comma(s: RoleSite) -> RoleFound | None:
    """"Labour’s Shadow Home Secretary, Jane Smith, said": a title mention right before the comma."""
    m, toks, ments = s.m, s.view.toks, s.ments
    if m.kind != "name" or not (m.i - 1 > s.lo and toks[m.i - 1].text == ","):
        return None
    for k in range(s.n - 1, -1, -1):
        prev = ments[k]
        body = _body_to_comma(s, prev)
        if (prev.j == m.i - 1 or body) and prev.kind == "nominal" and prev.role:
            if not _match(_words(s.view, prev.name_i, prev.name_j), s.lex):
                return None  # "She thanked the crowd, Jo Roe said": not a title
            if _said_of_another(s, prev.i):
                return None  # "his second term as US President, Jo Roe said": the title is not Jo Roe's
            org = prev.role_org or body
            if org is None and k > 0 and ments[k - 1].possessive and all(
                    toks[x].is_word and not toks[x].is_cap for x in range(ments[k - 1].j + 1, prev.i)):  # "Acme's chief executive"
                org = s.view.span_text(ments[k - 1].name_i, ments[k - 1].name_j)
            role = prev.role
            whole = s.view.lowers[prev.name_i:prev.j]
            if len(whole) > 1 and _role_match(whole, s.lex) == len(whole):
                role = s.view.span_text(prev.name_i, prev.j)  # "the secretary of the Treasury, Jo Roe"
            return _first_coordinated_title(s, prev.i, org) or RoleFound(role, org, "title_before_comma")
        if prev.j < m.i - 1:
            break
    return _title_words_at_comma(s)


def _body_to_comma(s: RoleSite, prev: Mention) -> str | None:
    """"Kentland's ambassador to the UN, Jo Roe, said": where a preposition and a body's name
    (``words/role_org_prepositions.txt``) lead from title mention ``prev`` to the comma before the
    name, that body, as after the name ("Jo Roe, Kentland's ambassador to the UN"); else None."""
    end = s.m.i - 1
    if prev.kind != "nominal" or not prev.role or prev.j >= end:
        return None
    body, e = _body_after(s.view, prev.j, end, s.lex)
    return body if body and e == end else None


def _first_coordinated_title(s: RoleSite, i: int, body: str | None) -> RoleFound | None:
    """"The mayor's political adviser and former council staffer, Jo Roe, said": where "and" joins a
    title before the title mention with head token ``i``, the first one (after its determiner) is the
    role, as in "Filmmaker and best-selling author X"."""
    toks, words = s.view.toks, s.lex.words
    if toks[i].lower in words.role_determiners:
        return None  # "the mayor and the council leader": two people
    a = i - 1
    while (a > s.lo and i - a <= 4 and toks[a].is_word and not toks[a].is_cap and toks[a].lower != "and"
           and toks[a].lower not in words.role_determiners):  # "the mayor and the council leader": two people
        a -= 1  # "former council" of "and former council staffer"
    if not (a > s.lo and toks[a].lower == "and"):
        return None
    for k in range(a - 2, max(s.lo, a - 9) - 1, -1):
        if toks[k].quote >= 0 or toks[k].lower not in words.role_determiners or _said_of_another(s, k):
            continue
        role, org, e = _role_at(s.view, k, a, s.lex)
        role = _role_ok(role, s.lex)
        return RoleFound(role, org or body, "title_before_comma") if role and e == a else None
    return None


def _said_of_another(s: RoleSite, k: int) -> bool:
    """Whether the title starting at token ``k`` before a comma and a name is said of someone else:
    after "as" ("as US President, Jo Roe said") or a form of "be" ("the caucus, of which he is a
    member, Jo Roe argued")."""
    low = s.view.toks[k - 1].lower if k > s.lo else ""
    return low in s.lex.words.title_predicate_words or low in s.lex.words.be_forms


def _title_words_at_comma(s: RoleSite) -> RoleFound | None:
    """"the campaign chief, Jo Roe, said", "said one fisherman, Jo Roe": a lower-case title after a
    determiner (``words/one_of_kind_determiners.txt`` too), ending at the comma before the name,
    where no title mention was found there ("one resident, Jo Roe": no title)."""
    toks, words = s.view.toks, s.lex.words
    for k in range(s.m.i - 3, max(s.lo, s.m.i - 9) - 1, -1):
        one = toks[k].lower in words.one_of_kind_determiners
        if not (one or toks[k].lower in words.role_determiners) or toks[k].quote >= 0:
            continue
        if _said_of_another(s, k):
            return None
        role, org, e = _role_at(s.view, k + one, s.m.i - 1, s.lex)
        role = _role_ok(role, s.lex)
        return RoleFound(role, org, "title_before_comma") if role and e == s.m.i - 1 else None
    owner = next((p for p in s.ments[:s.n] if p.possessive and p.kind == "name" and s.lo <= p.i and s.m.i - 9 <= p.j < s.m.i), None)
    if owner is not None:  # "said Kentside's new mayor, Jo Roe": the possessive is the determiner
        role, org, e = _role_at(s.view, owner.i, s.m.i - 1, s.lex)
        role = _role_ok(role, s.lex)
        return RoleFound(role, org, "title_before_comma") if role and e == s.m.i - 1 else None
    return None


def title_named_before(s: RoleSite) -> RoleFound | None:
    """"a 70-year-old teacher named Jo Roe", "an engineer called Jan Doe": the title of the noun
    the name is given to (``words/title_naming_verbs.txt``)."""
    m, toks, lex = s.m, s.view.toks, s.lex
    if m.kind != "name" or m.role is not None or m.i - 2 <= s.lo or toks[m.i - 1].lower not in lex.words.title_naming_verbs:
        return None
    for k in range(m.i - 3, max(s.lo, m.i - 9) - 1, -1):
        if toks[k].quote >= 0:
            return None
        if toks[k].lower in lex.words.role_determiners:
            role, org, e = _role_at(s.view, k, m.i - 1, lex)
            role = _role_ok(role, lex)
            return RoleFound(role, org, "title_named_before") if role and e == m.i - 1 else None
    return None


def title_words_before(s: RoleSite) -> RoleFound | None:
    """"party leader Jane Smith", "Tory leader Jo Bloggs", "Northrail CEO Jo Bloggs", "University of
    Leeds professor Jo Bloggs", "former independent MP Jo Bloggs", "Ex-Acme leader Jo Bloggs":
    lower-case title words right before the name, and the organization and kept modifiers before them."""
    m, view, lex = s.m, s.view, s.lex
    if m.kind != "name" or not _may_end_title(view, max(s.lo, m.i - 16), m.i, lex):
        return None
    ws = _words(view, max(s.lo, m.i - 16), m.i)
    if not ws or ws[-1].low not in lex.title_ends:
        return None  # no title ends right before the name (most names: checked first, it is cheap)
    best = -1
    for q in range(max(0, len(ws) - 5), len(ws)):
        if all(view.toks[w.i].quote < 0 for w in ws[q:]) and _title_len(view, ws[q:], lex) == len(ws) - q:
            best = q
            break
    if best < 0:
        opening = _tagged_opening_title(view, ws, s.lo, lex)
        return RoleFound(view.span_text(ws[0].i, m.i), None, "title_words_before") if opening else None
    first_best, best = best, _first_coordinated(view, ws, best, s.lo, lex)
    end = m.i if best == first_best else next(w.i for w in ws[best:] if w.low == "and")
    plain = _plain_start_of_title(view, ws, best, s.lo, lex)
    if plain is not None:
        return RoleFound(view.span_text(ws[plain].i, end), None, "title_words_before")
    x, keep = best - 1, list[_W]()
    while x >= 0 and (ws[x].low in lex.words.role_keep_modifiers or _dropped(ws[x], lex) or ws[x].low == "ex-"):
        if not _dropped(ws[x], lex):
            keep.insert(0, ws[x])
        x -= 1
    if x >= 0 and ws[x].low in lex.words.identity_adjectives and not (x > 0 and ws[x - 1].low in lex.words.possessive_marks):
        keep.insert(0, ws[x])  # "Muslim community leader X": with no owner, part of the description, no body
        x -= 1
    org = None
    if x >= 0 and not (x + 1 < len(ws) and ws[x + 1].low in lex.words.possessive_marks):
        org, x = _org_before(view, ws, x, s.lo, lex)
        x -= 1
        while x >= 0 and (ws[x].low in lex.words.role_keep_modifiers or ws[x].low == "ex-"):
            keep.insert(0, ws[x])  # "former Acme chief executive", "Ex-Acme leader"
            x -= 1
    return RoleFound(_role_text(view, keep, (ws[best].i, end)), org, "title_words_before")


def _tagged_opening_title(view: View, ws: list[_W], lo: int, lex: Lexicons) -> bool:
    """"Singer Emma Ridley said", "Jazz singer Jo Roe said": the words before the name open the
    sentence, the first capitalised only for that (a tagger calls it a common noun, so stage 3 left
    it out of the name), and read in lower case they are an occupation (``occupations.txt``)."""
    toks = view.toks
    if not ws or ws[0].i != lo or not view.tagged or not toks[ws[0].i].tag.startswith("NN"):
        return False
    if toks[ws[0].i].tag.startswith("NNP") or any(w.cap or toks[w.i].quote >= 0 for w in ws[1:]):
        return False
    return ws[0].cap and _role_match([w.low for w in ws], lex, True) == len(ws)


def _plain_start_of_title(view: View, ws: list[_W], best: int, lo: int, lex: Lexicons) -> int | None:
    """"Public works director Jo Roe said", "Defence minister Jo Roe": where the title at word
    ``best`` follows, over at most two lower-case words, a common word that is capitalised only
    because it opens the sentence, that word starts the title (0 is returned) and names no body;
    else None ("Acme Telecom chief executive Jo Roe", "Labour MP Jo Roe": a body's name)."""
    if not 0 < best <= 3 or ws[0].i != lo or not ws[0].cap or view.toks[ws[0].i].quote >= 0:
        return None
    if any(w.cap or not w.low.isalpha() or w.low in lex.words.stop_words or w.low in lex.cue_triggers
           for w in ws[1:best]):
        return None
    return 0 if plain_word_at_start(view, ws[0].i, lex) else None


def _may_end_title(view: View, i: int, j: int, lex: Lexicons) -> bool:
    """Whether the last of the words of tokens ``i`` to ``j - 1`` may end a title: ``False`` only
    where that word is token ``j - 1`` alone ("said" of "… said Jo Roe") and not a title's last word,
    checked without building the words (a hyphen before it may join it to the words before)."""
    toks = view.toks
    if j <= i:
        return False
    if toks[j - 1].text == "-" or (j - 2 > i and toks[j - 2].text == "-"):
        return True  # "Ex-" or "co-chairman": read the words
    return view.span_text(j - 1, j).lower() in lex.title_ends


def _first_coordinated(view: View, ws: list[_W], best: int, lo: int, lex: Lexicons) -> int:
    """Word where the first of two titles joined by "and" starts ("Filmmaker and best-selling author
    Jo Roe": "Filmmaker"), or ``best`` where the title before the name stands alone. A capitalised
    occupation counts only where it opens the sentence."""
    a = best - 1
    while a > best - 3 and a > 0 and ws[a].low != "and" and not ws[a].cap:
        a -= 1  # "and best-selling author": a describing word a tagger left out of the title
    if a < 1 or ws[a].low != "and":
        return best
    for q in range(max(0, a - 4), a):
        lows = [w.low for w in ws[q:a]]
        jobs = all(not w.cap or w.i == lo for w in ws[q:a])
        if all(view.toks[w.i].quote < 0 for w in ws[q:a]) and _role_match(lows, lex, jobs) == len(lows):
            return q
    return best


def _first_of_pair(s: RoleSite) -> int | None:
    """First token of the first of two untitled names joined by "and" ("Jo Roe and Jan Doe"), read at
    either name, or None where the mention is not one of such a pair."""
    m, toks = s.m, s.view.toks
    if m.kind != "name" or m.role is not None:
        return None
    if m.i - 1 > s.lo and toks[m.i - 1].lower == "and":  # the second name: the title stands before the first
        first = next((p for p in reversed(s.ments[:s.n]) if p.j == m.i - 1 and p.kind == "name"), None)
        return first.i if first is not None else None
    return m.i if m.j + 1 < s.hi and toks[m.j].lower == "and" and toks[m.j + 1].is_cap else None


def _pair_closed(s: RoleSite) -> bool:
    """The pair of names the mention is one of ends its apposition: a comma, dash, bracket or the
    sentence's end follows the second name ("…, Jo Roe and Tom Lee, said"), not a verb
    ("Compared to the Kentish candidates, Jo Roe and Tom Lee share some views": a clause)."""
    m, toks = s.m, s.view.toks
    end = m.j
    if not (m.i - 1 > s.lo and toks[m.i - 1].lower == "and"):
        second = next((p for p in s.ments[s.n + 1:] if p.i == m.j + 1 and p.kind == "name"), None)
        if second is None:
            return False
        end = second.j
    return end >= s.hi or toks[end].text in _APPOSITION_CLOSERS


def plural_title_before_names(s: RoleSite) -> RoleFound | None:
    """"Kentland presidential candidates Jo Roe and Jan Doe": a title in the plural before names
    joined by "and" is each one's title, made singular ("presidential candidate", Kentland)."""
    view, lex, toks = s.view, s.lex, s.view.toks
    k = _first_of_pair(s)
    if k is None:
        return None
    ws = _words(view, max(s.lo, k - 8), k)
    if not ws or not ws[-1].low.endswith("s") or ws[-1].cap or any(toks[w.i].quote >= 0 for w in ws):
        return None
    for q in range(max(0, len(ws) - 4), len(ws)):
        lows = [w.low for w in ws[q:-1]] + [ws[-1].low[:-1]]
        if all(not w.cap for w in ws[q:]) and _role_match(lows, lex, True) == len(lows):
            org, _ = _org_before(view, ws, q - 1, s.lo, lex) if q else (None, 0)
            return RoleFound(view.span_text(ws[q].i, ws[-1].j)[:-1], org, "plural_title_before_names")
    return None


def plural_title_before_comma(s: RoleSite) -> RoleFound | None:
    """"The two council members who voted no, Jo Roe and Tom Lee, said": a lower-case title in the
    plural, with any relative clause after it, then a comma and names joined by "and": each one's
    title, made singular ("council member")."""
    view, lex, toks = s.view, s.lex, s.view.toks
    k = _first_of_pair(s)
    if k is None:
        return None
    if not (k - 2 > s.lo and toks[k - 1].text == ",") or not _pair_closed(s):
        return None
    e = k - 1
    who = next((x for x in range(k - 2, max(s.lo, k - 10), -1) if toks[x].lower in lex.words.relative_pronouns), None)
    if who is not None and all(toks[x].is_word and toks[x].quote < 0 for x in range(who, k - 1)):
        e = who  # "who voted no": the relative clause says which of them
    ws = _words(view, max(s.lo, e - 5), e)
    if not ws or ws[-1].cap or any(toks[w.i].quote >= 0 for w in ws):
        return None
    one = _singular(ws[-1].low)
    if one is None:
        return None
    for q in range(max(0, len(ws) - 4), len(ws)):
        lows = [w.low for w in ws[q:-1]] + [one]
        if all(not w.cap for w in ws[q:]) and _role_match(lows, lex, True) == len(lows):
            plural = view.span_text(ws[q].i, ws[-1].j)
            org, _ = _org_before(view, ws, q - 1, s.lo, lex) if q else (None, 0)
            return RoleFound(plural[:len(plural) - len(ws[-1].low)] + one, org, "plural_title_before_comma")
    return None


def _singular(word: str) -> str | None:
    """The singular of a plural noun ending in -s ("members" -> "member", "deputies" -> "deputy"), else None."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return None
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def possessive_before_name(s: RoleSite) -> RoleFound | None:
    """"Acme's Jo Bloggs", "the Rivers Trust's Jo Bloggs": the possessor is the organization, with no title."""
    m, toks = s.m, s.view.toks
    if m.kind == "name" and m.role is None and m.role_org and m.i < m.name_i:
        return RoleFound(None, m.role_org, "possessive_before_name")  # folded in by stage 3
    if m.kind != "name" or m.i - 2 < s.lo or toks[m.i - 1].lower not in s.lex.words.possessive_marks:
        return None
    ws = _words(s.view, max(s.lo, m.i - 9), m.i - 1)
    org, _ = _org_before(s.view, ws, len(ws) - 1, s.lo, s.lex)
    return RoleFound(None, org, "possessive_before_name") if org else None


def affiliation_after(s: RoleSite) -> RoleFound | None:
    """"Jo Roe, of the Acme Institute, said", "Jo Roe, from Acme investment bank,", "Jo Roe of Acme
    University said", "Jo Roe, who runs the Quayside Bakery,": an organization after the name with no
    title; the body only ("Jo Roe, who teaches at Kentside Academy,": ``_works_at``)."""
    m, toks, lex = s.m, s.view.toks, s.lex
    if m.kind != "name":
        return None
    if m.role is None and m.role_org and m.name_j < m.j and toks[m.name_j].lower == "of":
        return RoleFound(None, m.role_org, "affiliation_after")  # "Jo Roe of the Acme Institute", split by stage 3
    x = next((x for x in range(m.name_i + 1, m.j - 1) if toks[x].lower == "of" and toks[x + 1].is_cap), None)
    if x is not None and toks[m.j - 1].lower in lex.org_words:
        return RoleFound(None, s.view.span_text(x + 1, m.j), "affiliation_after")  # "Jo Roe of Acme University"
    k = m.j
    verb = (_heading_verb(s.view, k + 2, s.hi, lex) if k + 3 < s.hi and toks[k].text == ","
            and toks[k + 1].lower in lex.words.relative_pronouns else None)
    if verb is not None and verb[0] is None:
        org = _body_right_after(s.view, verb[1], s.hi, lex)  # "Jo Roe, who (has) run(s) the Quayside Bakery,": no title given
        return RoleFound(None, org, "affiliation_after") if org else None
    org = _works_at(s, k)
    if org:
        return RoleFound(None, org, "affiliation_after")
    if not (k + 2 < s.hi and toks[k].text == "," and toks[k + 1].lower in lex.words.nominal_org_prepositions):
        return None
    org, e = _org_after(s.view, k + 2, s.hi, lex)
    if not org or not _names_body(s.view, e, s.hi, lex):
        return None  # "Jo Roe, of Kentside": a home town, not a body
    return RoleFound(None, org, "affiliation_after")


ROLE_RULES: tuple[Callable[[RoleSite], RoleFound | None], ...] = (
    unnamed_speaker,
    current_title_after,
    appositive_after,
    title_before_name,
    title_before_comma,
    title_named_before,
    title_words_before,
    plural_title_before_names,
    plural_title_before_comma,
    possessive_before_name,
    copula_title,
    title_before_copula,
    title_after_appointment,
    title_as_after_name,
    affiliation_after,
)
"""The role rules in the order :func:`assign_roles` tries them at each mention."""


def assign_roles(view: View, ments: list[Mention], ents: Entities, lex: Lexicons) -> dict[int, RoleFound]:
    """The titles the article gives each entity, and the organizations they belong to.

    At each mention in text order the rules of :data:`ROLE_RULES` are tried in order, and the
    first that answers gives that mention's title. An entity's role is the first title found
    (a title at any mention holds for the whole entity); its organization comes with that
    title or, failing that, from the first mention that names one. Every title found is kept,
    with its mention's offsets, in :attr:`RoleFound.found`.

    Args:
        view: The document view.
        ments: Mentions (stage 4's list).
        ents: Entities from stage 5.
        lex: Lexicons.

    Returns:
        Entity index -> its role and organization.
    """
    toks = view.toks
    answers: dict[int, list[tuple[RoleFound, int]]] = {}
    parties: dict[int, str] = {}
    for n, m in enumerate(ments):
        e = ents.entity_of[n]
        if e < 0:
            continue
        s_lo, s_hi = view.sents[toks[m.i].sent]
        site = RoleSite(view, lex, ments, n, ents.entities[e], s_lo, s_hi)
        if e not in parties and m.kind == "name":
            party = _party_after(view, m.j, s_hi)
            if party:
                parties[e] = party
        for rule in ROLE_RULES:
            found = rule(site)
            if found is not None and found.role is not None and _role_ok(found.role, lex) is None:
                found = RoleFound(None, found.org, found.rule)  # "his wife, Jo Roe": not a title
            if found is not None and found.role is not None:
                found = _campaign_body(_seat_in_front(_title_body(found, lex), lex), lex)
            if found is not None and found.role is not None and found.org is None and found.rule != "affiliation_after":
                aff = affiliation_after(site)  # "Professor Jo Roe, of Kentside University": a title, then the body
                body = (aff.org if aff is not None else _body_of_with_clause(site) or _spokesperson_body(site, found)
                        or _exclaimed_body(site, found))
                owner = None if body else _earlier_owner(site, found)
                if body:
                    found = RoleFound(found.role, body, found.rule, found.party, found.found)
                elif owner:
                    found = _campaign_body(RoleFound(found.role, owner, found.rule, found.party, found.found), lex)
            if found is not None:
                answers.setdefault(e, []).append((found, n))
                break
    roles: dict[int, RoleFound] = {}
    for e, got in answers.items():
        titled = [f for f, _ in got if f.role]
        first = titled[0] if titled else got[0][0]
        org = first.org or next((f.org for f, _ in got if f.org), None)
        mentions = tuple(dict.fromkeys(RoleMention(f.role, f.org, toks[ments[n].name_i].start, toks[ments[n].name_j - 1].end)
                                       for f, n in got if f.role))
        party = parties.get(e) or (org if org and (org.split()[-1] == "Party"  # "the Acme Party's leader"
                                                   or org.lower() in lex.words.party_words) else None)  # "Tory leader"
        roles[e] = RoleFound(first.role, org, first.rule, party, mentions)
    for e, party in parties.items():
        if e not in roles:
            roles[e] = RoleFound(None, None, "", party)
    return roles


def _body_of_with_clause(s: RoleSite) -> str | None:
    """"The Acme Party launched its plan, with leader Jo Roe saying …", "Acme hit back, with
    election coordinator Jo Roe accusing …": a title after "with" belongs to the body that opens
    the sentence."""
    toks, m = s.view.toks, s.m
    k = m.i - 1
    while k > s.lo and m.i - k <= 5 and toks[k].is_word and not toks[k].is_cap and toks[k].lower != "with":
        k -= 1
    if m.kind != "name" or k <= s.lo or toks[k].lower != "with" or (k == m.i - 1 and m.i == m.name_i):
        return None
    if toks[s.lo].is_cap and toks[s.lo].lower in s.lex.words.party_words and not toks[s.lo + 1].is_cap:
        return s.view.span_text(s.lo, s.lo + 1)  # "Labour hit back, with …": a tagger's noun, no mention
    first = next((p for p in s.ments if toks[p.i].sent == toks[m.i].sent), None)
    if first is None or first.kind != "name" or first.i > s.lo + 1 or first.possessive:
        return None
    name = s.view.span_text(first.name_i, first.name_j)
    the = first.i == s.lo + 1 and toks[s.lo].lower in s.lex.words.definite_articles  # "The Kentland Greens": no person
    if first.etype == "organization" or the or name.lower() in s.lex.words.party_words:
        return name
    return None


def _spokesperson_body(s: RoleSite, found: RoleFound) -> str | None:
    """"The Kentside Museum opened its doors to 40 events, according to spokesman Jo Roe", "Acme
    Bank declined to comment, spokeswoman Jo Roe said": a spokesperson with no body speaks for the
    body named as the subject that opens the sentence (not a person: "Tom Lee was arrested,
    spokesman Jo Roe said"); where nothing comes before the spokesperson in the sentence, the body
    that is the only name of the sentence before ("The Kentside Guild shut its doors. “We had no
    choice,” spokesman Jo Roe said.")."""
    toks, m = s.view.toks, s.m
    if m.kind != "name" or not (found.role or "").lower().split()[-1].startswith("spokes"):
        return None
    sent = toks[m.i].sent
    own = [p for p in s.ments if toks[p.i].sent == sent]
    if own and own[0] is not m:
        return _subject_body(s, own[0], s.lo, m.i)
    before = [p for p in s.ments if toks[p.i].sent == sent - 1 and p.kind != "pronoun"]
    if sent == 0 or len(before) != 1 or toks[before[0].i].para < toks[m.i].para - 1:
        return None
    lo, hi = s.view.sents[sent - 1]
    return _subject_body(s, before[0], lo, hi)


def _subject_body(s: RoleSite, first: Mention, lo: int, hi: int) -> str | None:
    """The body the mention ``first`` names where it opens the sentence from token ``lo`` as its
    subject ("Acme Bank declined", "The Kentside Arts and Crafts Guild held"), else None (a person)."""
    toks = s.view.toks
    if first.kind != "name" or first.possessive or first.etype == "person":
        return None
    the = first.i == lo + 1 and toks[lo].lower in s.lex.words.definite_articles
    if not (first.i == lo or the) or not (first.etype == "organization" or the):
        return None
    start = lo + 1 if the else lo
    body, e = _org_after(s.view, start, hi, s.lex)  # "The Kentside Arts and Crafts Guild": past "and"
    if not body:
        return s.view.span_text(first.name_i, first.name_j)
    return _fuller_name(s, body, start, e)


def _fuller_name(s: RoleSite, body: str, a: int, b: int) -> str:
    """The longest name written before token ``a`` that the body at tokens ``a`` to ``b - 1`` starts,
    followed by "of" ("the Kentside Hall of Fame ... The Kentside Hall alone held 40 events":
    Kentside Hall of Fame), else ``body``."""
    view, best = s.view, body
    lows = view.lowers[a:b]
    for k in range(a):
        if view.lowers[k:k + len(lows)] == lows and (k == 0 or not view.toks[k - 1].is_cap):
            name, _ = _org_after(view, k, view.sents[view.toks[k].sent][1], s.lex)
            ws = (name or "").split()
            while len(ws) > 2 and ws[-2].lower() in s.lex.words.org_name_joiners and (
                    ws[-1].lower() in s.lex.words.weekdays or ws[-1].lower() in s.lex.words.months):
                ws = ws[:-2]  # "… Hall of Fame on Monday": a date, not the name
            name = " ".join(ws)
            if name and name.startswith(body + " of ") and len(name) > len(best):  # not "… Guild on Monday"
                best = name
    return best


def _exclaimed_body(s: RoleSite, found: RoleFound) -> str | None:
    """"The mayor thanked Acme Rocks! Founder Jo Roe": a title right after capitalised words ending
    in "!" belongs to that name, "Acme Rocks!", where the article also writes
    it inside a sentence ("Roe launched Acme Rocks! in 2006", "… is Acme Rocks!,"): there the "!" ends
    the name, not a sentence ("We won! Coach Jo Roe said": no such name, no body)."""
    toks, role = s.view.toks, (found.role or "").lower()
    lo = next((t for t in range(s.m.name_i - 1, max(1, s.m.name_i - 8), -1)
               if s.view.span_text(t, s.m.name_i).lower() == role), 0)  # where the title starts
    if s.m.kind != "name" or lo < 2 or toks[lo - 1].text != "!" or toks[lo - 1].start != toks[lo - 2].end:
        return None
    a = lo - 1
    while a > 0 and toks[a - 1].is_cap and toks[a - 1].is_word and toks[a - 1].quote < 0 and lo - a < 6:
        a -= 1
    if a == lo - 1 or a == s.view.sents[toks[lo - 1].sent][0]:
        return None  # "Acme Rocks!" alone is a sentence of its own, or an exclamation
    lows = s.view.lowers[a:lo]
    for k in range(len(toks) - len(lows)):
        nxt = toks[k + len(lows)]
        if k != a and s.view.lowers[k:k + len(lows)] == lows and (nxt.text in (",", ";") or nxt.is_word and not nxt.is_cap):
            return s.view.span_text(a, lo)
    return None


def _earlier_owner(s: RoleSite, found: RoleFound) -> str | None:
    """"Tom Lee's newly installed campaign chief has told donors … the campaign chief, Jo Roe,
    said": a title with no body that the article wrote before after a name's possessive, over at
    most three lower-case words, belongs to that name (then ``_campaign_body`` makes it "Tom Lee
    campaign"), and so does one written with a body ("Acme's new chief economist … the chief
    economist, Jo Roe": Acme); none where two names own that title ("Acme's spokesman … Zenith's spokesman")."""
    view, toks, lex = s.view, s.view.toks, s.lex
    role = (found.role or "").lower()
    first = role.split()[0].split("-")[0] if role else ""
    if s.m.kind != "name" or not first:
        return None
    owners: set[str] = set()
    for k in range(s.m.i):
        if view.lowers[k] != first or view.inside[k] or not any(
                view.span_text(k, k + n).lower() == role for n in range(1, 7) if k + n <= s.m.i):
            continue
        p = k - 1
        while p > 0 and k - p <= 3 and toks[p].is_word and not toks[p].is_cap and toks[p].lower not in lex.words.stop_words:
            p -= 1  # "newly installed", "longtime"
        owner = next((o for o in s.ments if o.kind == "name" and o.name_j == p), None)
        if p > 0 and toks[p].lower in lex.words.possessive_marks and owner is not None:
            owners.add(view.span_text(owner.name_i, owner.name_j))
    owners.update(o.role_org for o in s.ments[:s.n] if o.kind == "nominal" and o.role_org
                  and (o.role or "").lower() == role)  # "Acme's new chief economist" read as one nominal
    return owners.pop() if len(owners) == 1 else None


def _title_body(found: RoleFound, lex: Lexicons) -> RoleFound:
    """"party chairman" -> role "chairman", organization "party"; "State party chairman" ->
    "chairman", "State party": a body noun before a title names its body (``words/title_body_nouns.txt``)."""
    ws = (found.role or "").split()
    keep = lex.words.role_keep_modifiers
    for x, w in enumerate(ws[:3]):
        if w.lower() in lex.words.title_body_nouns:
            rest = [v.lower() for v in ws[x + 1:]]
            if not rest or _role_match(rest, lex, True) != len(rest):
                return found
            kept = [v for v in ws[:x] if v.lower() in keep]
            body = " ".join(v for v in ws[:x + 1] if v.lower() not in keep)
            return RoleFound(" ".join(kept + ws[x + 1:]), found.org or body, found.rule, found.party, found.found)
    return found


def _seat_in_front(found: RoleFound, lex: Lexicons) -> RoleFound:
    """"Kentside MP Jo Roe", "Florida Sen. Jo Roe": a place before a legislator's title is the seat,
    not an organization (``words/constituency_titles.txt``); a party ("Labour MP") or a body's name
    ("Acme Union delegate") stays."""
    last, org = (found.role or "").lower().split()[-1:], found.org or ""
    if (found.rule not in ("title_words_before", "title_before_name") or not org or not last
            or last[0] not in lex.words.constituency_titles or org.lower() in lex.words.party_words
            or org.split()[-1].lower() in lex.org_words):
        return found
    return RoleFound(found.role, None, found.rule, found.party, found.found)


def _campaign_body(found: RoleFound, lex: Lexicons) -> RoleFound:
    """"Roe campaign manager Tom Lee", "Mr. Roe's former campaign manager": a title that opens with a
    body noun written after names (``words/name_body_tails.txt``: "campaign", "administration") belongs
    to the named one's campaign: organization "Roe campaign", the role stays "campaign manager"; a
    party or a body's name keeps its name ("Republican campaign manager", "Acme Party")."""
    words, org = [w.lower() for w in (found.role or "").split()], found.org or ""
    words = [w for w in words if w not in lex.words.role_keep_modifiers]
    if (not words or len(words) < 2 or words[0] not in lex.words.name_body_tails or not org
            or org.lower() in lex.words.party_words or org.split()[-1].lower() in lex.words.name_body_tails
            or org.split()[-1].lower() in lex.org_words):  # "a campaign manager for Acme Party": a body's own
        return found
    return RoleFound(found.role, f"{org} {words[0]}", found.rule, found.party, found.found)


def _party_after(view: View, k: int, hi: int) -> str | None:
    """The party letter of "Jo Bloggs (D-Va.)" or "Jo Bloggs, R-Pa.,": ``"D"``, ``"R"`` or ``"I"``."""
    toks = view.toks
    if k + 3 < hi and toks[k].text in ("(", ",") and toks[k + 2].text == "-" and _PARTY_LETTER.fullmatch(toks[k + 1].text):
        if toks[k + 3].is_cap and toks[k + 2].start == toks[k + 1].end:
            return toks[k + 1].text
    return None
