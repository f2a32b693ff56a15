"""Stage 6b: role nominals to their named holders: "the mayor said" is the named mayor.

An unnamed speaker introduced with a definite article and a title ("the prime minister", "said
the goalkeeper", "the shadow home secretary") is the article's named person whose title ends in
the same words ("Prime Minister Tony Blair", "Kentside mayor Jane Roe", "Goalkeeper Tom Hale"),
where exactly one named person has such a title: the nearest one before the nominal, else the
only one after it. Its mentions then belong to that person. Indefinite nominals ("a spokesman")
are other people and stay apart.
"""

from __future__ import annotations

import dataclasses

from ._candidates import Mention
from ._entities import Entities
from ._lexicons import Lexicons
from ._roles import RoleFound
from ._tokens import View


def _title_words(role: str | None) -> tuple[str, ...]:
    return tuple(role.lower().replace("-", " ").split()) if role else ()


def _holder(view: View, ments: list[Mention], ents: Entities, roles: dict[int, RoleFound], e: int, lex: Lexicons) -> int | None:
    """The named person an unnamed, definite role nominal (entity ``e``) stands for, or ``None``."""
    ent = ents.entities[e]
    words = _title_words(roles[e].role if e in roles else None)
    first = ments[ent.mentions[0]]
    if not words or view.toks[first.i].lower not in lex.words.anaphoric_determiners:
        return None
    holders = [h for h, other in enumerate(ents.entities)
               if not other.unnamed and other.etype == "person" and h in roles
               and _title_words(roles[h].role)[-len(words):] == words]
    if not holders:
        return None
    at = ments[ent.mentions[0]].i
    before = [h for h in holders if ments[ents.entities[h].mentions[0]].i < at]
    if len(before) == 1 or (not before and len(holders) == 1):
        return (before or holders)[0]
    return None


def link_role_nominals(view: View, ments: list[Mention], ents: Entities, roles: dict[int, RoleFound], lex: Lexicons) -> Entities:
    """Give each definite role nominal's mentions to the named person who holds that title.

    Args:
        view: The document view.
        ments: Mentions (stage 4's list).
        ents: Entities from stage 5 (not changed).
        roles: Each entity's role, from stage 6.
        lex: Lexicons.

    Returns:
        The entities with those nominals' mentions moved to their holders (new records where
        they change; the nominal's own entity keeps no mention).
    """
    moves = {}
    for e, ent in enumerate(ents.entities):
        if ent.unnamed and ent.mentions:
            holder = _holder(view, ments, ents, roles, e, lex)
            if holder is not None:
                moves[e] = holder
    if not moves:
        return ents
    entity_of = [moves.get(e, e) for e in ents.entity_of]
    entities = list(ents.entities)
    for e, holder in moves.items():
        target = entities[holder]
        entities[holder] = dataclasses.replace(target, mentions=sorted(target.mentions + ents.entities[e].mentions))
        entities[e] = dataclasses.replace(ents.entities[e], mentions=[])
    return Entities(entities, entity_of)
