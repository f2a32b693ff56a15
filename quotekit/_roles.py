"""Stage 6: roles: the title the article gives each speaker ("Home Secretary", "a spokesman")
and the organization it belongs to, from anywhere in the article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ._candidates import Mention, _role_match
from ._entities import Entities, Entity
from ._lexicons import Lexicons
from ._tokens import View


def _org_after(view: View, k: int, hi: int, lex: Lexicons) -> tuple[str | None, int]:
    """A capitalised organization name at token ``k`` (after an optional "the")."""
    toks = view.toks
    if k < hi and toks[k].lower == "the":
        k += 1
    e = k
    while e < hi and toks[e].quote < 0 and (toks[e].is_cap or (toks[e].lower in lex.words.org_name_joiners and e + 1 < hi and toks[e + 1].is_cap)):
        e += 1
    if e > k:
        return view.span_text(k, e), e
    return None, k


def _role_at(view: View, k: int, hi: int, lex: Lexicons) -> tuple[str | None, str | None, int]:
    """A role phrase at token ``k``: (role, organization, end)."""
    toks = view.toks
    org = None
    if k < hi and toks[k].lower in lex.words.role_determiners:
        k += 1
    # "Labour’s Shadow Home Secretary" / "the party's chief whip"
    p = k
    while p < hi and toks[p].is_cap and toks[p].quote < 0:
        p += 1
    if p > k and p < hi and toks[p].lower in ("’s", "'s"):
        org = view.span_text(k, p)
        k = p + 1
    words = [t.lower for t in toks[k:min(hi, k + lex.max_role_len + 3)]]
    length = _role_match(words, lex)
    if not length:
        # "X, who heads the Y"
        heads = dict(pair.split() for pair in lex.words.heading_verbs)
        if k + 1 < hi and toks[k].lower == "who" and toks[k + 1].lower in heads:
            o, e = _org_after(view, k + 2, hi, lex)
            if o:
                return heads[toks[k + 1].lower], o, e
        return None, None, k
    role = view.span_text(k, k + length)
    e = k + length
    if org is None and e + 1 < hi and toks[e].lower in lex.words.role_org_prepositions:
        o, e2 = _org_after(view, e + 1, hi, lex)
        if o:
            org, e = o, e2
    return role, org, e


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
    """

    view: View
    lex: Lexicons
    ments: list[Mention]
    n: int
    ent: Entity
    lo: int
    hi: int

    @property
    def m(self) -> Mention:
        """The mention."""
        return self.ments[self.n]


@dataclass(frozen=True, slots=True)
class RoleFound:
    """A role rule's answer: the title (or ``None``) and its organization (or ``None``)."""

    role: str | None
    org: str | None
    rule: str


def unnamed_speaker(s: RoleSite) -> RoleFound | None:
    """"a spokeswoman for the Harbour Authority": the head noun, and the organization named with it."""
    if not s.ent.unnamed:
        return None
    head = s.view.toks[s.m.name_i]
    role = head.text.lower() if head.lower.rstrip("s") in s.lex.one_word_roles or head.lower.startswith("spokes") else None
    return RoleFound(role, s.m.role_org or s.ent.context_org, "unnamed_speaker")


def title_before_name(s: RoleSite) -> RoleFound | None:
    """"Mayor Jane Smith", "IOPC Regional Director Jane Doe", "Labour's Shadow Home Secretary Jane Doe"."""
    m, toks = s.m, s.view.toks
    if m.kind != "name" or not m.role:
        return None
    org = m.role_org
    if org is None and m.i > 0 and toks[m.i - 1].lower in ("’s", "'s"):
        x = m.i - 2
        while x >= s.lo and toks[x].is_cap:
            x -= 1
        if x + 1 < m.i - 1:
            org = s.view.span_text(x + 1, m.i - 1)
    return RoleFound(m.role, org, "title_before_name")


def appositive_after(s: RoleSite) -> RoleFound | None:
    """"Jane Smith, the Shadow Home Secretary," / "Jane Smith, a spokeswoman for X," / "…, who heads the Y"."""
    m, toks = s.m, s.view.toks
    if m.kind != "name" or not (m.j < s.hi and toks[m.j].text == ","):
        return None
    role, org, _ = _role_at(s.view, m.j + 1, s.hi, s.lex)
    return RoleFound(role, org, "appositive_after") if role else None


def title_before_comma(s: RoleSite) -> RoleFound | None:
    """"Labour’s Shadow Home Secretary, Jane Smith, said": a title mention right before the comma."""
    m, toks, ments = s.m, s.view.toks, s.ments
    if m.kind != "name" or not (m.i - 1 > s.lo and toks[m.i - 1].text == ","):
        return None
    for k in range(s.n - 1, -1, -1):
        prev = ments[k]
        if prev.j == m.i - 1 and prev.kind == "nominal" and prev.role:
            org = prev.role_org
            if org is None and k > 0 and ments[k - 1].possessive and ments[k - 1].j + 1 == prev.i:
                org = s.view.span_text(ments[k - 1].name_i, ments[k - 1].name_j)
            return RoleFound(prev.role, org, "title_before_comma")
        if prev.j < m.i - 1:
            break
    return None


def title_words_before(s: RoleSite) -> RoleFound | None:
    """"party leader Jane Smith": up to four title words right before the name."""
    m, toks = s.m, s.view.toks
    if m.kind != "name":
        return None
    for k in range(max(s.lo, m.i - 4), m.i):
        words = [t.lower for t in toks[k:m.i]]
        if words and _role_match(words, s.lex) == len(words) and toks[k].quote < 0:
            return RoleFound(s.view.span_text(k, m.i), None, "title_words_before")
    return None


ROLE_RULES: tuple[Callable[[RoleSite], RoleFound | None], ...] = (
    unnamed_speaker,
    title_before_name,
    appositive_after,
    title_before_comma,
    title_words_before,
)
"""The role rules in the order :func:`assign_roles` tries them at each mention."""


def assign_roles(view: View, ments: list[Mention], ents: Entities, lex: Lexicons) -> dict[int, RoleFound]:
    """The title the article gives each entity, and the organization it belongs to.

    At each mention in text order, of an entity that has no title yet, the rules of
    :data:`ROLE_RULES` are tried in order; the first that answers gives the entity its role
    (an unnamed speaker's answer may carry only an organization, and a later mention may
    still give the role).

    Args:
        view: The document view.
        ments: Mentions (stage 4's list).
        ents: Entities from stage 5.
        lex: Lexicons.

    Returns:
        Entity index -> its role and organization.
    """
    toks = view.toks
    roles: dict[int, RoleFound] = {}
    for n, m in enumerate(ments):
        e = ents.entity_of[n]
        if e < 0 or (e in roles and roles[e].role is not None):
            continue
        s_lo, s_hi = view.sents[toks[m.i].sent]
        site = RoleSite(view, lex, ments, n, ents.entities[e], s_lo, s_hi)
        for rule in ROLE_RULES:
            found = rule(site)
            if found is not None:
                roles[e] = found
                break
    return roles
