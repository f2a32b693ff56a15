"""Stage 6: roles: the title the article gives each speaker ("Home Secretary", "a spokesman")
and the organization it belongs to, from anywhere in the article."""

from __future__ import annotations

from ._candidates import Mention, _role_match
from ._entities import Entity
from ._lexicons import Lexicons
from ._tokens import View

_DETS = frozenset({"the", "a", "an", "its", "their"})
_OF = frozenset({"of", "for", "at", "with", "to"})
_HEADS_VERBS = {"heads": "head", "leads": "leader", "chairs": "chair", "runs": "head", "directs": "director"}


def _org_after(view: View, k: int, hi: int) -> tuple[str | None, int]:
    """A capitalised organization name at token ``k`` (after an optional "the")."""
    toks = view.toks
    if k < hi and toks[k].lower == "the":
        k += 1
    e = k
    while e < hi and toks[e].quote < 0 and (toks[e].is_cap or (toks[e].lower in ("of", "for", "and", "&") and e + 1 < hi and toks[e + 1].is_cap)):
        e += 1
    if e > k:
        return view.span_text(k, e), e
    return None, k


def _role_at(view: View, k: int, hi: int, lex: Lexicons) -> tuple[str | None, str | None, int]:
    """A role phrase at token ``k``: (role, organization, end)."""
    toks = view.toks
    org = None
    if k < hi and toks[k].lower in _DETS:
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
        if k + 1 < hi and toks[k].lower == "who" and toks[k + 1].lower in _HEADS_VERBS:
            o, e = _org_after(view, k + 2, hi)
            if o:
                return _HEADS_VERBS[toks[k + 1].lower], o, e
        return None, None, k
    role = view.span_text(k, k + length)
    e = k + length
    if org is None and e + 1 < hi and toks[e].lower in _OF:
        o, e2 = _org_after(view, e + 1, hi)
        if o:
            org, e = o, e2
    return role, org, e


def assign_roles(view: View, ments: list[Mention], ents: list[Entity], lex: Lexicons) -> None:
    """Set ``Entity.role`` and ``Entity.org`` from the article.

    Patterns: a title in front of the name ("Mayor Jane Smith"), an appositive after it
    ("Jane Smith, the party's leader," / "Jane Smith, a spokeswoman for X,"), a title
    before it ("the party’s chief whip, Jane Smith,"), "who heads the X", and, for unnamed
    speakers, their head noun and organization.

    Args:
        view: The document view.
        ments: Mentions with entities set.
        ents: Entities (updated in place).
        lex: Lexicons.
    """
    toks = view.toks
    for n, m in enumerate(ments):
        if m.entity < 0:
            continue
        ent = ents[m.entity]
        if ent.role is not None:
            continue
        s_lo, s_hi = view.sents[toks[m.i].sent]
        if ent.unnamed:
            head = toks[m.name_i].lower
            if head.rstrip("s") in lex.one_word_roles or head.startswith("spokes"):
                ent.role = toks[m.name_i].text.lower()
            ent.org = m.role_org or ent.context_org
            continue
        if m.kind != "name":
            continue
        if m.role:
            ent.role, ent.org = m.role, m.role_org
            if ent.org is None and m.i > 0 and toks[m.i - 1].lower in ("’s", "'s"):
                x = m.i - 2
                while x >= s_lo and toks[x].is_cap:
                    x -= 1
                if x + 1 < m.i - 1:
                    ent.org = view.span_text(x + 1, m.i - 1)
            continue
        # Appositive after: "Jane Smith, the Shadow Home Secretary,"
        if m.j < s_hi and toks[m.j].text == ",":
            role, org, _ = _role_at(view, m.j + 1, s_hi, lex)
            if role:
                ent.role, ent.org = role, org
                continue
        # Title before: "Labour’s Shadow Home Secretary, Jane Smith," / "party leader Jane Smith"
        if m.i - 1 > s_lo and toks[m.i - 1].text == ",":
            for k in range(n - 1, -1, -1):
                prev = ments[k]
                if prev.j == m.i - 1 and prev.kind == "nominal" and prev.role:
                    ent.role = prev.role
                    org = prev.role_org
                    if org is None and k > 0 and ments[k - 1].possessive and ments[k - 1].j + 1 == prev.i:
                        org = view.span_text(ments[k - 1].name_i, ments[k - 1].name_j)
                    ent.org = org
                    break
                if prev.j < m.i - 1:
                    break
            if ent.role:
                continue
        lo = max(s_lo, m.i - 4)
        for k in range(lo, m.i):
            words = [t.lower for t in toks[k:m.i]]
            if words and _role_match(words, lex) == len(words) and toks[k].quote < 0:
                ent.role = view.span_text(k, m.i)
                break
