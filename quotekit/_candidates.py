"""Stage 3: speaker candidates: names (with any title in front split off), pronouns, and
unnamed speakers ("a spokesman", "officials", "A ... statement")."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ._lexicons import Lexicons
from ._tokens import View

# The stage's word lists are language data, read through Lexicons (quotekit/data/<lang>/):
# pronouns, never_names, stop_not_names, and lex.words (name_connectors, nominal_determiners, ...).

# Dashes that end a dateline ("WASHINGTON (AP) —", "LONDON, May 2 --").
_DATELINE_DASHES = frozenset({"—", "―", "–", "--", "-"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART"})


@dataclass(slots=True)
class Mention:
    """A candidate speaker mention, tokens ``i`` to ``j - 1``.

    Attributes:
        i: First token.
        j: One past the last token.
        kind: ``"name"``, ``"pronoun"`` or ``"nominal"``.
        name_i: First token of the name proper (after any title) for names; the head for
            nominals.
        name_j: One past the last name token.
        etype: ``"person"``, ``"organization"`` or ``"unknown"``.
        gender: ``"f"``, ``"m"``, ``"n"`` (it) or ``"-"``.
        number: ``"sg"`` or ``"pl"``.
        role: A title written in front of the name ("Home Secretary"), or the head of a nominal.
        role_org: An organization written in front of that title ("IOPC"), or after a nominal
            ("a spokesman for X").
        possessive: Followed by ’s.
        statement: A nominal headed by a statement noun ("A ... statement").
    """

    i: int
    j: int
    kind: str
    name_i: int
    name_j: int
    etype: str = "unknown"
    gender: str = "-"
    number: str = "sg"
    role: str | None = None
    role_org: str | None = None
    possessive: bool = False
    statement: bool = False


def _name_like(view: View, k: int, lex: Lexicons) -> bool:
    t = view.toks[k]
    if not t.is_cap or not t.text[:1].isalpha():
        return False
    if view.tagged and t.tag not in _NAME_TAGS and t.ent not in _NAME_ENTS:
        # A tagger that calls it a common word: still a name word where titles or
        # organizations use it ("Home Secretary", "Police"), where its own letters say so
        # ("D’Souza"), where it names the party of a title after it ("Labour MP Jo Roe" opening a
        # sentence: "Labour" as a noun), or where it owns the title of the name after it.
        if (t.lower not in lex.role_heads and t.lower not in lex.role_modifiers and t.lower not in lex.org_words
                and not (t.lower in lex.words.party_words and _role_match(view.lowers[k + 1:k + 1 + lex.max_role_len], lex))
                and NAME_SHAPE.match(t.text) is None and not _owns_title(view, k, lex)):
            return False
    return True


# A capital, an apostrophe and a capital: a surname's own shape, which a tagger misreads as a
# common noun where the apostrophe is curly.
NAME_SHAPE = regex.compile(
    r"""
    \p{Lu} ['’] \p{Lu} \p{Ll}     # e.g. "D’Souza", "O'Neill"
    """,
    regex.VERBOSE,
)


def _owns_title(view: View, k: int, lex: Lexicons) -> bool:
    """"Conservative chairman Jo Roe": a capitalised word before a lower-case title and a name
    names the title's body, whatever a tagger calls it (an adjective)."""
    toks = view.toks
    hi = min(len(toks), k + 1 + lex.max_job_len)
    x = k + 1
    while x < hi and not toks[x].is_cap and toks[x].is_word and toks[x].sent == toks[k].sent:
        x += 1
    length = _role_match(view.lowers[k + 1:x], lex)
    return length > 0 and k + 1 + length == x and x < len(toks) and toks[x].is_cap and toks[x].sent == toks[k].sent


def find_mentions(view: View, lex: Lexicons) -> list[Mention]:
    """Find candidate mentions outside quotations, in text order, not overlapping.

    Args:
        view: The document view.
        lex: Lexicons.

    Returns:
        The mentions.
    """
    toks = view.toks
    n = len(toks)
    out: list[Mention] = []
    k = 0
    # Tokens that can be part of a name, worked out once (names are read a token at a time).
    caps = view.caps
    namey = {x for x in range(n) if caps[x] and _name_like(view, x, lex)}
    honored = _honored_surnames(view, lex)
    # Only pronouns, capitalised words and nominal heads can start a mention.
    words = lex.words
    pronouns = lex.pronouns
    never_names = lex.never_names
    connectors = words.name_connectors
    lead = head = -1
    for c in view.scan(lex.mention_starts, caps=True):
        if c < k:
            continue  # taken by the mention before
        k = c
        t = toks[k]
        if t.lower in pronouns:
            g, num = pronouns[t.lower]
            out.append(Mention(k, k + 1, "pronoun", k, k + 1, "person" if g in "mf" else "unknown", g, num))
            k += 1
            continue
        d = skip_dateline(view, k) if k in namey else k
        if d > k:
            k = d  # a place and date ahead of the story, not a speaker
            continue
        if k in namey and not (t.lower in never_names and not _starts_title(view, k, lex)):
            j = k + 1
            while j < n and toks[j].quote < 0 and toks[j].para == t.para:
                low = toks[j].lower
                if j in namey and low not in words.name_breaks:
                    j += 1
                elif (low in words.name_conjunctions and (j + 1) in namey
                      and (any(x.lower in words.org_name_prepositions for x in toks[k:j])
                           or _title_across_and(view, k, j, lex))) or (
                        low in connectors and (j + 1) in namey and (low != "-" or toks[j].start == toks[j - 1].end)):
                    j += 2
                elif low == "," and _portfolio_list_comma(view, k, j, lex, namey):
                    j += 2
                else:
                    break
            m = _split_name(view, k, j, lex, honored)
            if m is not None and lead >= 0 and head == k - 1 and m.i == k and m.role is None and m.kind == "name":
                m.i, m.role = lead, view.span_text(head, k)  # kept modifiers before it: title_before_name
            if m is not None and m.kind == "name":
                j = _person_of_body(view, m, lex, honored)  # also "Professor Jo Roe of the Acme Institute said"
            if m is not None and _name_body_tail(view, m, lex):
                m.j = m.name_j = m.j + 1  # "the Acme campaign says": the campaign speaks, not Acme
                m.etype, m.gender = "organization", "n"
                m.possessive = m.j < n and toks[m.j].lower in words.possessive_marks
                j = m.j
            if m is not None and not (j == k + 1 and t.lower in lex.stop_not_names and t.text not in lex.first_names
                                      and (k == 0 or toks[k - 1].sent != t.sent)) and not _identity_of_title(view, k, j, lex):
                out.append(m)
            k = j
            continue
        low = t.lower
        if low in lex.nominal_heads or _title_after_owner(view, k, out, lex):
            if _title_of_next_name(view, k, lex, namey):
                lead = _bare_title_lead(view, k, lex)  # "according to spokesman Jo Roe": the title opens the name's mention
                head = k
                k += 1  # "party leader Jane Doe": the title of the name after it, not a speaker
                continue
            out.append(_nominal(view, k, lex, out))
            k = max(k + 1, out[-1].j)
    return _drop_title_owners(view, out, lex)


def _title_after_owner(view: View, k: int, out: list[Mention], lex: Lexicons) -> bool:
    """"“…,” the Kentside boss said": a one-word title right after a name that "the" opens heads
    a nominal the name is the owner of, as a person noun's does ("the Acme spokesman")."""
    if (view.lowers[k],) not in lex.roles or view.toks[k].is_cap or not out:
        return False
    m = out[-1]
    return m.kind == "name" and m.j == k and m.i > 0 and view.lowers[m.i - 1] in lex.words.anaphoric_determiners


def _title_of_next_name(view: View, k: int, lex: Lexicons, namey: set[int]) -> bool:
    """A lower-case title noun right before a name ("said leader Jane Doe", "the Acme spokesman Jo Roe")."""
    toks = view.toks
    t = toks[k]
    return (not t.is_cap and t.lower not in lex.statement_nouns and k + 1 < len(toks) and (k + 1) in namey
            and toks[k + 1].sent == t.sent and toks[k + 1].quote < 0 and toks[k + 1].lower not in lex.never_names
            and (t.lower in lex.one_word_roles or (t.lower,) in lex.occupations or t.lower in lex.role_heads))


def _bare_title_lead(view: View, k: int, lex: Lexicons) -> int:
    """"according to spokesman Jo Roe", "said former spokeswoman Jan Doe": a one-word title, with
    kept modifiers before it, after a preposition, verb or determiner is the whole title of the
    name after it (not "party leader", whose body word goes before it). Returns where the title
    starts, or -1."""
    toks = view.toks
    s = k
    while s > 0 and toks[s - 1].lower in lex.words.role_keep_modifiers and toks[s - 1].sent == toks[k].sent:
        s -= 1  # "former spokeswoman"
    if s == 0 or toks[s - 1].sent != toks[k].sent or toks[s - 1].quote >= 0:
        return -1
    prev = toks[s - 1]
    if prev.lower in lex.words.coordinators or prev.is_cap:
        return -1  # "Nurse and campaigner Jo Roe": the first of two joined titles is the one kept
    return s if prev.lower in lex.words.stop_words or prev.lower in lex.cue_triggers else -1


def _person_of_body(view: View, m: Mention, lex: Lexicons, honored: frozenset[str]) -> int:
    """"Jo Roe of Acme University said", "Jo Roe of the Acme Institute wrote": a person's name then
    the body they belong to; the name stops at "of", the body becomes its ``role_org`` and the
    mention runs on to its end. Returns the mention's end. Only a person's name of two or three
    words and a body ending in an organization word split so; "Bank of Kentland" and "Friends of
    the Earth" stay whole."""
    toks, n = view.toks, len(view.toks)
    if m.name_j != m.j:
        return m.j
    x = next((x for x in range(m.name_i + 2, m.name_j) if toks[x].lower == "of"), m.name_j)
    if x == m.name_j and not (x + 2 < n and toks[x].lower == "of" and toks[x + 1].lower in lex.words.definite_articles):
        return m.j
    a = x + 1 + (toks[x + 1].lower in lex.words.definite_articles)
    e = m.name_j
    if x == m.name_j:  # "of the Acme Institute": the name loop stopped at "the"
        e = a
        while e < n and toks[e].is_cap and toks[e].quote < 0 and toks[e].sent == toks[x].sent:
            e += 1
    person = toks[m.name_i].text in lex.first_names or _name_type(view, m.name_i, x, lex, m.gender, False, honored) == "person"
    if e <= a or not person or toks[e - 1].lower not in lex.org_words or x - m.name_i > 3:
        return m.j
    m.name_j, m.j, m.role_org, m.etype = x, e, view.span_text(a, e), "person"
    if m.gender == "-":
        m.gender = lex.first_names.get(toks[m.name_i].text, "-")
    m.possessive = e < n and toks[e].lower in lex.words.possessive_marks
    return e


def _name_body_tail(view: View, m: Mention, lex: Lexicons) -> bool:
    """"the Acme campaign says", "the Roe administration said": a body noun right after a name
    (``words/name_body_tails.txt``), not one that starts a title ("Acme campaign chief Jo Roe")."""
    toks, k = view.toks, m.j
    if m.kind != "name" or m.role is not None or m.possessive or m.name_j != k or k >= len(toks):
        return False
    t = toks[k]
    if t.lower not in lex.words.name_body_tails or t.quote >= 0 or t.sent != toks[k - 1].sent or t.is_cap:
        return False
    return _role_match(view.lowers[k:k + lex.max_role_len], lex, True) < 2


def _owner_span(view: View, m: Mention, lex: Lexicons) -> tuple[int, int]:
    """The tokens of a name that owns the next name's title, with the capitalised words before it
    a tagger left out ("Liberal Democrat", "Sunday Gazette") and without a kept modifier
    opening it ("Former Acme")."""
    toks = view.toks
    a = m.name_i
    lo = view.sents[toks[a].sent][0]
    while a - 1 >= lo and toks[a - 1].is_cap and toks[a - 1].quote < 0 and toks[a - 1].lower not in lex.words.not_names:
        a -= 1
    while a < m.name_j - 1 and toks[a + 1].text != "-" and (
            toks[a].lower in lex.words.role_keep_modifiers or toks[a].lower in lex.words.not_names
            or (a == lo and toks[a].lower in lex.never_names)):
        a += 1
    return a, m.name_j


def _bare_or_one_word_title(m: Mention) -> bool:
    """A name with no title, or one title word before it: "Acme News legal analyst Judge Jo Roe"
    folds "Acme News" and "legal analyst" into it (the job outranks the one-word title)."""
    return m.role is None or (" " not in m.role and m.name_i == m.i + 1)


def _drop_title_owners(view: View, out: list[Mention], lex: Lexicons) -> list[Mention]:
    """Fold a name that only says whose the next name's title is into that name's mention:
    "Acme chief executive Jo Roe" (role "chief executive", organization Acme), "Acme's Jo Roe"
    (organization Acme); "Acme's spokesman" becomes one unnamed-speaker mention whose
    organization is Acme (a speaker is the person, not the body)."""
    toks = view.toks
    keep: list[Mention] = []
    for n, m in enumerate(out):
        nxt = out[n + 1] if n + 1 < len(out) else None
        if m.kind == "name" and nxt is not None and toks[nxt.i].sent == toks[m.i].sent and nxt.i > m.j:
            gap = [t.lower for t in toks[m.j:nxt.i]]
            lower = all(not toks[x].is_cap and toks[x].quote < 0 for x in range(m.j, nxt.i))
            a, b = _owner_span(view, m, lex)
            owner = view.span_text(a, b)
            if (nxt.kind == "name" and nxt.role is None and lower and len(gap) == 1 and gap[0] in lex.words.possessive_marks
                    and nxt.etype != "organization"):  # "Rep. Jo Roe's Senate campaign": Senate is not Roe's person
                nxt.i, nxt.role_org = m.i, owner
                continue
            t = _possessed_title_start(view, m, nxt, lex) if _lower_or_identity(view, m.j, nxt.i, lex) else None
            if t is not None:  # "Acme's former chief executive Jo Roe": Jo Roe, whose title Acme owns
                nxt.i, nxt.role, nxt.role_org = m.i, view.span_text(t, nxt.i), owner
                continue
            if nxt.kind == "name" and _bare_or_one_word_title(nxt) and lower and (
                    _role_match(gap, lex, True) == len(gap) or nxt.role is None and _compound_led_title(view, m.j, nxt.i, lex)):
                # "Lib Dem Treasury spokesman": capitalised title words end the owner's name
                t = b if view.lowers[b - 1] in lex.words.org_name_ends else next(
                    (t for t in range(a, b) if _role_match(view.lowers[t:m.j] + gap, lex, True) == m.j - t + len(gap)), b)
                nxt.i, nxt.role = a, view.span_text(t, nxt.i)
                nxt.role_org = view.span_text(a, t) if t > a else None
                continue
            if (nxt.kind == "nominal" and m.possessive and nxt.role and not nxt.statement and nxt.role_org is None
                    and all(toks[x].is_word and not toks[x].is_cap for x in range(m.j + 1, nxt.i))
                    and not _named_after(view, nxt, out[n + 2] if n + 2 < len(out) else None)):
                nxt.i, nxt.role_org = m.i, owner
                continue
        if nxt is not None and _coordinated_title_of(view, m, nxt, lex):
            nxt.i, nxt.role, nxt.role_org = m.i, m.role, m.role_org
            continue
        if (m.kind == "nominal" and not m.statement and nxt is not None and nxt.kind == "name" and nxt.role is None
                and m.j < len(toks) and toks[m.j].lower in lex.words.possessive_marks and nxt.i > m.j + 1
                and all(toks[x].is_word and not toks[x].is_cap for x in range(m.j + 1, nxt.i))
                and _role_match(view.lowers[m.j + 1:nxt.i], lex, True) == nxt.i - m.j - 1):
            nxt.i, nxt.role = m.i, view.span_text(m.j + 1, nxt.i)  # "the party's election chief Jo Roe"
            continue
        keep.append(m)
    return keep


def _possessed_title_start(view: View, m: Mention, nxt: Mention, lex: Lexicons) -> int | None:
    """Where the title starts in "Kentside's new mayor Jo Roe", "Acme's former chief executive Jo Roe":
    a possessive name ``m``, evaluative words ("new"), kept modifiers ("former") and a lower-case title
    right before the untitled name ``nxt``; None where the words between are not such a title."""
    lows = view.lowers
    if not (m.kind == "name" and m.possessive and nxt.kind == "name" and nxt.role is None and nxt.i > m.j + 2):
        return None
    t = m.j + 1
    while t < nxt.i and (lows[t] in lex.words.role_drop_words or lows[t] in lex.words.identity_adjectives):
        t += 1  # "newly elected", "Muslim": neither title nor body
    x = t
    while x < nxt.i and lows[x] in lex.words.role_keep_modifiers:
        x += 1
    rest = lows[x:nxt.i]
    return t if rest and _role_match(rest, lex, True) == len(rest) else None


def _identity_of_title(view: View, k: int, j: int, lex: Lexicons) -> bool:
    """Whether the one-word name at tokens ``k`` to ``j - 1`` is an adjective of religion or ethnicity
    before a lower-case title ("Kentside's Muslim mayor", ``words/identity_adjectives.txt``): it
    describes the title's holder, so it is no mention of its own and no part of a body's name."""
    toks = view.toks
    if not (j == k + 1 and view.lowers[k] in lex.words.identity_adjectives):
        return False
    # The title may start a word or two later ("Muslim community leader Jo Roe").
    for x in range(j, min(len(toks), j + 3)):
        if not toks[x].is_word or toks[x].is_cap:
            return False
        if _role_match(view.lowers[x:x + lex.max_job_len], lex, True) > 0:
            return True
    return False


def _compound_led_title(view: View, a: int, b: int, lex: Lexicons) -> bool:
    """Whether tokens ``a`` to ``b - 1`` are a lower-case hyphenated compound then a title head
    ("talk-show host", "chat-show host", "low-cost carrier pilot"): a compound of that shape describes
    the trade, and is never a verb that would end the name before it ("said Acme talk-show host Jo Roe")."""
    toks, lows = view.toks, view.lowers
    if not (b - a >= 4 and lows[a + 1] == "-" and toks[a + 1].start == toks[a].end
            and toks[a + 2].start == toks[a + 1].end and lows[a].isalpha() and lows[a + 2].isalpha()):
        return False
    compound = "".join(lows[a:a + 3])
    rest = lows[a + 3:b]
    return (compound not in lex.words.role_drop_words and not compound.endswith("-old")  # "long-time", "41-year-old"
            and _role_match(rest, lex, True) == len(rest))


def _lower_or_identity(view: View, a: int, b: int, lex: Lexicons) -> bool:
    """Whether tokens ``a`` to ``b - 1`` are outside quotations and in lower case, but for adjectives of
    religion or ethnicity ("'s newly elected Muslim mayor")."""
    toks = view.toks
    return all((not toks[x].is_cap or view.lowers[x] in lex.words.identity_adjectives) and toks[x].quote < 0
               for x in range(a, b))


def _named_after(view: View, m: Mention, nxt: Mention | None) -> bool:
    """Whether the title mention ``m`` is followed by a comma and the name of its holder ("Acme's
    chief executive, Jo Roe"): the owner then stays a possessive name of its own, so that the
    holder, not the title, is the one a cue before them reads ("said Acme's chief executive, Jo Roe")."""
    return (nxt is not None and nxt.kind == "name" and m.j < len(view.toks) and view.toks[m.j].text == ","
            and nxt.i == m.j + 1)


def _coordinated_title_of(view: View, m: Mention, nxt: Mention, lex: Lexicons) -> bool:
    """Whether the title mention ``m`` is the first of two titles joined by "and" right before the
    name ``nxt`` ("said Acme chairman and chief executive Jo Roe"): the name's own title, not a
    second speaker; the first title is the role (as in "Filmmaker and best-selling author Jo Roe")."""
    if (m.kind != "nominal" or m.statement or not m.role or nxt.kind != "name" or nxt.role is not None
            or nxt.i - m.j < 2 or view.lowers[m.j] != "and"):
        return False
    toks = view.toks
    gap = view.lowers[m.j + 1:nxt.i]
    return (toks[m.i].sent == toks[nxt.i].sent and all(toks[x].is_word and not toks[x].is_cap and toks[x].quote < 0
                                                        for x in range(m.j + 1, nxt.i))
            and _role_match(gap, lex, True) == len(gap))


def skip_dateline(view: View, k: int) -> int:
    """The token after a dateline that opens a paragraph at token ``k``, or ``k`` if none does.

    A dateline ("WASHINGTON (AP) —", "NEW YORK, May 2 --") is one to four upper-case words
    ("NEW YORK", "ST. LOUIS") at the start of a paragraph, then a comma, a bracket or a dash,
    with a dash within eight tokens; it ends after that dash.

    Args:
        view: The document view.
        k: A token.

    Returns:
        The first token after the dateline, or ``k``.
    """
    toks = view.toks
    n = len(toks)
    if k >= n or (k > 0 and toks[k - 1].para == toks[k].para):
        return k
    j = k
    while j < n and j - k < 4 and toks[j].para == toks[k].para and toks[j].text.isupper() and toks[j].quote < 0:
        j += 1
    if j == k or j >= n or toks[j].text not in (",", "(") and toks[j].text not in _DATELINE_DASHES:
        return k
    for x in range(j, min(n, j + 8)):
        if toks[x].para != toks[k].para or toks[x].quote >= 0:
            break
        if toks[x].text in _DATELINE_DASHES:
            return x + 1
    return k


def _starts_title(view: View, k: int, lex: Lexicons) -> bool:
    """An honorific then a capital ("Mr Smith"): a name, although ``never_names`` lists "Mr"."""
    return view.toks[k].lower in lex.words.title_honorifics and k + 1 < len(view.toks) and view.toks[k + 1].is_cap


def _title_across_and(view: View, k: int, a: int, lex: Lexicons) -> bool:
    """"Police and Crime Commissioner Jo Roe", "the Trade and Industry Secretary": the "and" at
    token ``a`` joins two portfolios of one capitalised title, so the name run goes on over it.
    Only title modifiers may come before the "and" (from some token at or after ``k``), and the
    title must end after it; "Jo Roe and Deputy Mayor Tom Lee" and "Labour and Conservative MPs"
    stay apart."""
    lowers = view.lowers
    s = a
    while s > k and lowers[s - 1] in lex.role_modifiers:
        s -= 1
    if s == a:
        return False
    hi = min(len(lowers), a + 1 + lex.max_role_len)
    return any(_role_match(lowers[x:hi], lex) > a + 1 - x for x in range(s, a))


def _portfolio_list_comma(view: View, k: int, c: int, lex: Lexicons, namey: set[int]) -> bool:
    """"Secretary of State for Environment, Food and Rural Affairs Jo Roe": the comma at token
    ``c`` parts the portfolios of a title (a title word, "of" or "for", capitals) listed up to an
    "and" that a portfolio word and a name follow, so the name run goes on over it. "the Minister
    for Health, Jo Roe, said" (no "and"), "…, Jo Roe and Tom Lee" (two words after "and") and
    "…, Jo Roe and Deputy Mayor Tom Lee" (a title after "and") stay apart."""
    toks, lowers = view.toks, view.lowers
    if not any(lowers[x] in lex.words.portfolio_prepositions and lowers[x - 1] in lex.role_starts
               for x in range(k + 1, c - 1)):
        return False
    x = c + 1
    while x < min(len(toks), c + 8) and x in namey and toks[x].text not in lex.first_names:
        x += 1
        if x < len(toks) and toks[x].text == "," and x + 1 in namey:
            x += 1
    if not (x > c + 1 and x < len(toks) and lowers[x] in lex.words.name_conjunctions):
        return False
    y = x + 1
    while y < len(toks) and y in namey and lowers[y] not in lex.role_heads:
        y += 1
    return y - x > 3 and (y == len(toks) or lowers[y] not in lex.role_heads)


def _modifiers_and_head(words: list[str], lex: Lexicons) -> int:
    """Length of a generic title with two portfolios joined by "and" at the start of ``words``:
    "police and fire chief", "trade and industry secretary", "fire and rescue commissioner"
    (modifiers, "and", a portfolio word then modifiers, a head). 0 if none."""
    g = 0
    while g < len(words) and words[g] in lex.role_modifiers:
        g += 1
    if g == 0 or g + 1 >= len(words) or words[g] not in lex.words.name_conjunctions:
        return 0
    h = g + 1
    if words[h] not in lex.role_modifiers and words[h] not in lex.words.stop_words and words[h].isalpha():
        h += 1  # "rescue" of "fire and rescue commissioner": the second portfolio need not be a listed one
    while h < len(words) and words[h] in lex.role_modifiers:
        h += 1
    if h < len(words) and h > g + 1 and words[h] in lex.role_heads:
        return h + 1
    return h if h > g + 2 and words[h - 1] in lex.role_heads else 0


def _role_match(words: list[str], lex: Lexicons, jobs: bool = False) -> int:
    """Length of the longest title at the start of ``words`` (0 if none).

    With ``jobs``, occupations count as titles too ("nurse", "flight attendant"): callers pass
    it only for words written in lower case, where an occupation cannot be a surname.
    """
    if not words or words[0] not in (lex.job_starts if jobs else lex.role_starts):
        return 0
    best = 0
    for length in range(min(len(words), lex.max_job_len if jobs else lex.max_role_len), 0, -1):
        key = tuple(words[:length])
        if key in lex.roles or (jobs and key in lex.occupations):
            best = length
            break
    # Generic titles: modifiers then a head ("Deputy Regional Director").
    g = 0
    while g < len(words) and words[g] in lex.role_modifiers:
        g += 1
    # "consultant cardiologist", "senior nurse": after modifiers, a one-word occupation or title is a head
    if g < len(words) and (words[g] in lex.role_heads or (jobs and g and (
            (words[g],) in lex.occupations or (words[g],) in lex.roles))):
        best = max(best, g + 1)
    elif g > 1 and words[g - 1] in lex.role_heads:
        best = max(best, g)  # "campaign chief": the last of the modifiers is the head
    return max(best, _modifiers_and_head(words, lex))


def _split_name(view: View, i: int, j: int, lex: Lexicons, honored: frozenset[str] = frozenset()) -> Mention | None:
    toks = view.toks
    raw = view.lowers[i:j]
    one_word_roles = lex.one_word_roles
    words = [w if w in one_word_roles else w.rstrip(".") for w in raw]
    # Find the title that ends latest while leaving a name after it.
    role_s = role_e = -1
    role_starts = lex.role_starts
    # "Actress Jane Doe" opening a sentence: an occupation, capitalised only because it comes first
    first = i == 0 or toks[i - 1].sent != toks[i].sent or (toks[i - 1].text in _DATELINE_DASHES and toks[i - 1].text != "-")
    for q in range(len(words)):
        jobs = first and q == 0 and toks[i].text not in lex.first_names
        if raw[q] not in role_starts and words[q] not in role_starts and not (jobs and raw[q] in lex.job_starts):
            continue  # no title starts here
        length = max(_role_match(raw[q:], lex), _role_match(words[q:], lex), _role_match(raw[q:q + 1], lex, jobs))
        if length and (role_s < 0 or q + length < len(words)):
            role_s, role_e = q, q + length
            if q + length < len(words):
                break
    while role_s >= 2 and raw[role_s - 1] == "-" and toks[i + role_s - 1].start == toks[i + role_s - 2].end:
        role_s -= 2  # "Vice-President Jo Roe": the whole hyphenated title
    gender = "-"
    name_s = 0
    if role_s >= 0:
        name_s = role_e
    while name_s < len(words) and (raw[name_s] in lex.honorifics or words[name_s] in lex.honorifics):
        h = lex.honorifics.get(raw[name_s], lex.honorifics.get(words[name_s], "-"))
        if h in "fm":
            gender = h
        name_s += 1
    # Leading words that are not names ("The", "But") are dropped.
    start = i
    while (start < j and toks[start].lower in lex.never_names and role_s != start - i
           and toks[start].lower.rstrip(".") not in lex.honorifics):
        start += 1
        name_s = max(name_s, start - i)
    if start >= j:
        return None
    possessive = j < len(toks) and toks[j].lower in lex.words.possessive_marks
    role = org = None
    if role_s >= 0:
        role = view.span_text(i + role_s, i + role_e)
        if role_s > 0 and i + role_s > start:
            o = start
            while o < i + role_s and toks[o].lower in lex.words.holder_words:
                o += 1  # "Local MP Jane Doe": "Local" says where, not which body
            org = view.span_text(o, i + role_s) if o < i + role_s else None
    ni, nj = i + name_s, j
    if role_s >= 0 and ni < nj and toks[ni].lower in lex.words.name_connectors and nj - ni >= 4:
        f = next((x for x in range(ni + 2, nj - 1) if toks[x].text in lex.first_names), nj - 2)
        role_e, ni = f - i, f  # the title's "of Elections" ends where the name's first name starts
        role = view.span_text(i + role_s, i + role_e)
    if role_s >= 0 and nj - ni >= 3:
        # "Gov. Jo Roe of Kentside": the place after a titled name is not part of the name
        nj = next((x for x in range(ni + 1, nj - 1) if raw[x - i] == "of" and toks[x + 1].is_cap), nj)
    if ni >= nj:
        # A title with no name after it ("the Shadow Home Secretary"): a role mention.
        return Mention(start, j, "nominal", i + max(role_s, 0), j, "person", gender, "sg", role, org, possessive)
    if ni < nj and toks[ni].lower in lex.words.name_connectors:
        return Mention(start, j, "nominal", i + max(role_s, 0), j, "person", gender, "sg", role,
                       view.span_text(ni + 1, nj), possessive)
    etype = _name_type(view, ni, nj, lex, gender, role is not None, honored)
    if gender == "-" and etype == "person":
        gender = lex.first_names.get(toks[ni].text, "-") if nj - ni > 1 else "-"
    return Mention(start, j, "name", ni, nj, etype, gender, "sg", role, org, possessive)


def _honored_surnames(view: View, lex: Lexicons) -> frozenset[str]:
    """Lower-cased words the text writes after a personal honorific ("Mr Katz said"): surnames
    of people, whatever an entity recognizer calls a longer name that ends in one."""
    toks, n = view.toks, len(view.toks)
    return frozenset(toks[x + 1].lower for x in view.scan(lex.honorifics)
                     if lex.honorifics[toks[x].lower] in "fm" and x + 1 < n and toks[x + 1].is_cap
                     and toks[x + 1].sent == toks[x].sent and (x + 2 >= n or not toks[x + 2].is_cap))


def _name_type(view: View, i: int, j: int, lex: Lexicons, honorific: str, titled: bool,
               honored: frozenset[str] = frozenset()) -> str:
    toks = view.toks[i:j]
    words = [t.lower for t in toks]
    ents = [t.ent for t in toks if t.ent]
    if any(w in lex.org_words for w in words):
        return "organization"
    if len(toks) == 1 and toks[0].text.isupper() and len(toks[0].text) > 1:
        return "organization"
    if titled or honorific in "fm":
        return "person"
    if len(toks) >= 2 and (toks[0].text in lex.first_names or toks[-2].text in lex.first_names):
        # "Fergus MacRae", "DJ Fergus MacRae": a known first name before the surname outranks
        # an entity recognizer's label
        return "person"
    if 2 <= len(toks) <= 3 and words[-1] in honored and all(t.is_cap for t in toks):
        return "person"  # "Anand Velu" where the text says "Mr Velu" too
    if ents:
        top = max(ents, key=ents.count)  # ties: the first label written (a set's order varies by run)
        if top == "PERSON":
            return "person"
        if top in ("ORG", "NORP", "GPE", "FAC"):
            return "organization"
    if toks[0].text in lex.first_names:
        return "person"
    prev = view.toks[i - 1] if i > 0 else None
    if prev is not None and prev.lower in lex.words.definite_articles:
        return "organization"
    if len(toks) >= 2 and not view.has_ents:
        return "person"
    return "unknown"


def plain_word_at_start(view: View, x: int, lex: Lexicons) -> bool:
    """Whether token ``x`` is a common word capitalised only because it opens its sentence, alone
    before lower-case words ("Public works director Jo Roe", "Fire officials said"): a title
    modifier, or a word the text also writes in lower case. Never a party ("Labour MP Jo Roe") or
    a name of two capitals ("Acme Telecom chief executive"). A tagger's common-noun tag is no
    evidence: it tags unknown one-word names at a sentence start as nouns too ("Acme chief executive")."""
    toks = view.toks
    t = toks[x]
    if (not t.is_cap or (x > 0 and toks[x - 1].sent == t.sent) or x + 1 >= len(toks) or toks[x + 1].is_cap
            or t.lower in lex.words.party_words):
        return False
    if t.lower in lex.role_modifiers:
        return True
    return view.written_in_lower_case(t.lower)


def age_end(view: View, x: int) -> int:
    """The token after an age at ``x`` ("82-year-old", as one token or five), else ``x``."""
    toks = view.toks
    if x < len(toks) and toks[x].lower.endswith("-year-old"):
        return x + 1
    if [t.lower for t in toks[x + 1:x + 5]] == ["-", "year", "-", "old"] and toks[x].text.isdigit():
        return x + 5
    return x


def age_before(view: View, i: int) -> int:
    """The first token of an age that ends just before token ``i`` ("82-year-old"), else ``i``."""
    toks = view.toks
    if i > 0 and toks[i - 1].lower.endswith("-year-old"):
        return i - 1
    return i - 5 if i >= 5 and age_end(view, i - 5) == i else i


def _nominal(view: View, k: int, lex: Lexicons, found: list[Mention]) -> Mention:
    toks = view.toks
    words = lex.words
    head = toks[k]
    statement = head.lower in lex.statement_nouns and head.lower not in lex.person_nouns
    gender, number = lex.person_nouns.get(head.lower, ("-", "sg"))
    # Left edge: a determiner within three words, or else only the capitalised words right
    # before the head ("White House officials", "A ... statement").
    start = k
    x = k - 1
    aged = 0  # tokens of an age passed, which count as one word ("The 82-year-old chief executive")
    while x >= 0 and k - x - aged <= 4 and toks[x].quote < 0 and toks[x].para == head.para:
        low = toks[x].lower
        if low in words.nominal_determiners:
            start = x
            break
        if (a := age_before(view, x + 1)) < x:
            aged += x - a
            x = a
            continue
        if not toks[x].is_word or low in words.nominal_left_stops:
            break
        if view.tagged and not (toks[x].tag.startswith(("JJ", "NN", "CD", "VBN"))):
            break
        x -= 1
    if start == k:
        x = k - 1
        while x >= 0 and toks[x].is_cap and toks[x].quote < 0 and toks[x].lower not in lex.never_names:
            x -= 1
        start = x + 1
    if found and found[-1].j > start:
        # The capitalised modifier was taken as a name ("A Met statement"): the nominal
        # starts at the name; the name becomes its owner.
        if found[-1].kind == "name" and (found[-1].j == k or all(
                toks[x].is_word and not toks[x].is_cap for x in range(found[-1].j, k))):  # "a former Acme chief engineer"
            owner = found.pop()
            d = owner.i - 1
            if d >= 0 and toks[d].lower in words.nominal_determiners and toks[d].quote < 0:
                start = d
            plain = owner.j == owner.i + 1 and plain_word_at_start(view, owner.i, lex)  # "Fire officials said"
            return Mention(min(start, owner.i), k + 1, "nominal", k, k + 1, "person" if not statement else "organization",
                           gender, number, None if statement else _nominal_title(view, min(start, owner.i), k, lex),
                           None if plain else view.span_text(owner.name_i, owner.name_j), False, statement)
    org = None
    mods = [t for t in toks[start:k] if t.is_cap and t.lower not in words.nominal_determiners]
    if len(mods) == 1 and plain_word_at_start(view, mods[0].i, lex):
        mods = []  # "Fire officials said": the capital only opens the sentence
    if mods:
        org = view.span_text(mods[0].i, mods[-1].i + 1)
    # "a spokesman for the Home Office": the organization after the head.
    end = k + 1
    y = k + 1
    if org is None and y + 1 < len(toks) and toks[y].lower in words.nominal_org_prepositions and toks[y].quote < 0:
        z = y + 1
        if z < len(toks) and toks[z].lower in words.definite_articles:
            z += 1
        e = z
        while e < len(toks) and toks[e].is_cap and toks[e].quote < 0 and toks[e].para == head.para:
            e += 1
        if e > z:
            org = view.span_text(z, e)
            end = e  # "a spokesman for the Harbour Authority" is one mention
    etype = "organization" if statement or head.lower in lex.org_words else "person"
    return Mention(start, end, "nominal", k, k + 1, etype, gender, number,
                   None if statement else _nominal_title(view, start, k, lex), org, False, statement)


def _nominal_title(view: View, start: int, k: int, lex: Lexicons) -> str:
    """The whole title an unnamed speaker's head ends ("the former finance minister" -> "former
    finance minister", "a spokesman" -> "spokesman"): the longest title ending at the head, with
    kept modifiers ("former", "retired") before it."""
    lows, toks = view.lowers, view.toks
    lo = min(start, k)
    while lo > 0 and k - lo < 4 and toks[lo - 1].is_word and toks[lo - 1].quote < 0 and toks[lo - 1].sent == toks[k].sent:
        lo -= 1  # "Acme's chief aide": title words the mention's left edge left out
    start = lo
    x = next((x for x in range(start, k) if lows[x] not in lex.words.nominal_determiners
              and _role_match(lows[x:k + 1], lex, not any(view.caps[x:k + 1])) == k + 1 - x), k)
    while x > start and lows[x - 1] in lex.words.role_keep_modifiers:
        x -= 1
    kept = [toks[y].text for y in range(start, x) if lows[y] in lex.words.role_keep_modifiers]
    return " ".join([*kept, view.span_text(x, k + 1)])  # "a former Acme chief engineer" -> "former chief engineer"
