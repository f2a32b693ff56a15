"""Roles and organizations: titles before names, appositives, "a spokeswoman for", "who heads",
"chief executive of", and a role found elsewhere in the article."""

from __future__ import annotations

import pytest
from conftest import check_offsets, find_quote, speaker_name

from quotekit import Extractor

QUOTE = "“The pier must reopen,”"

ROLES = [
    pytest.param(f"Home Secretary Jane Doe said: {QUOTE[:-2]}.”", "Jane Doe", "Home Secretary", None,
                 id="pre-name-home-secretary"),
    pytest.param(f"{QUOTE} said Mayor John Roe.", "John Roe", "Mayor", None, id="pre-name-mayor"),
    pytest.param(f"{QUOTE} said Harbour Authority Regional Director Jo Bloggs.", "Jo Bloggs",
                 "Regional Director", "Harbour Authority", id="pre-name-org-and-title"),
    pytest.param(f"Jane Doe, the Shadow Transport Secretary, said: {QUOTE[:-2]}.”", "Jane Doe",
                 "Shadow Transport Secretary", None, id="appositive-after"),
    pytest.param(f"The Green Party’s Shadow Transport Secretary, Jane Doe, said: {QUOTE[:-2]}.”",
                 "Jane Doe", "Shadow Transport Secretary", "Green Party", id="appositive-before-with-org"),
    pytest.param(f"{QUOTE} said Jane Doe, a spokeswoman for Acme Corp.", "Jane Doe", "spokeswoman",
                 "Acme Corp", id="spokeswoman-for"),
    pytest.param(f"{QUOTE} said Jane Doe, who heads the Rivers Trust.", "Jane Doe", None, "Rivers Trust",
                 id="who-heads"),
    pytest.param(f"{QUOTE} said Jane Doe, chief executive of Acme Corp.", "Jane Doe", "chief executive",
                 "Acme Corp", id="chief-executive-of"),
]


@pytest.mark.parametrize(("text", "name", "role", "org"), ROLES)
def test_role_and_organization(extractor: Extractor, text: str, name: str, role: str | None,
                               org: str | None) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "The pier must reopen")
    assert speaker_name(q) == name
    assert q.speaker is not None and q.speaker.type == "person"
    if role is not None:
        assert (q.speaker.role or "").lower() == role.lower()
    else:
        assert q.speaker.role is None or "head" in q.speaker.role.lower()
    # "Acme Corp." ending the sentence: the abbreviation's full stop may stay with the name.
    assert (q.speaker.organization or "").rstrip(".") == (org or "")
    if org is None:
        assert q.speaker.organization is None


def test_unnamed_spokeswoman_role(extractor: Extractor) -> None:
    r = extractor.extract(f"{QUOTE} an Acme spokeswoman said.")
    q = find_quote(r, "The pier must reopen")
    assert q.speaker is not None
    assert q.speaker.organization == "Acme"
    assert (q.speaker.role or q.speaker.name).lower() == "spokeswoman"


def test_role_found_earlier_attaches_at_later_quote(extractor: Extractor) -> None:
    text = ("Jane Doe, the Shadow Transport Secretary, visited the pier on Monday.\n\n"
            "The pier has been closed since the storm.\n\n"
            "“It must reopen,” Doe said.")
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "It must reopen")
    assert q.speaker is not None and q.speaker.name == "Jane Doe"
    assert q.speaker.role == "Shadow Transport Secretary"


def test_role_found_later_attaches_at_earlier_quote(extractor: Extractor) -> None:
    text = ("“It must reopen,” said Jane Doe.\n\n"
            "Doe, who is Mayor of Seaport, visited the pier on Monday.\n\n"
            "Mayor Jane Doe later met the builders.")
    r = extractor.extract(text)
    q = find_quote(r, "It must reopen")
    assert q.speaker is not None and q.speaker.role == "Mayor"


def test_no_role_for_plain_name(extractor: Extractor) -> None:
    r = extractor.extract(f"{QUOTE} said Jane Doe.")
    assert r[0].speaker is not None
    assert r[0].speaker.role is None and r[0].speaker.organization is None
