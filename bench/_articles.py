"""Deterministic synthetic news articles for benchmarks (no corpus text, no downloads).

Every article is written by this module from small word lists and sentence templates: a
headline, a lede, narrative paragraphs, direct quotations (curly or straight marks), quotations
interrupted by "she said", multi-paragraph quotations, partial quotations, reported speech,
"according to" sources, unnamed speakers ("a spokesman for the ministry") and titled speakers
("Home Secretary Jane Smith"), with pronouns that refer back to them. The same ``(seed, index)``
always gives the same text, on any machine and Python version (``random.Random`` seeded with a
string).

Example:
    >>> from bench._articles import article, articles
    >>> text = article(0)
    >>> len(list(articles(3))) == 3
    True

Run ``python bench/_articles.py 3`` to print three articles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_FIRST_F = (
    "Jane", "Mary", "Sarah", "Emily", "Laura", "Anna", "Rachel", "Helen", "Karen", "Linda",
    "Susan", "Nicola", "Priya", "Fatima", "Olivia", "Grace", "Claire", "Diane", "Maria",
    "Elena", "Yvette", "Theresa", "Hillary", "Nancy", "Kamala", "Angela", "Lucy", "Hannah",
)
_FIRST_M = (
    "John", "David", "Michael", "James", "Robert", "William", "Thomas", "Richard", "Daniel",
    "Mark", "Paul", "Steven", "Andrew", "Peter", "Kevin", "Brian", "George", "Edward", "Samuel",
    "Ahmed", "Carlos", "Boris", "Keir", "Rishi", "Joe", "Mitch", "Chuck", "Bernie", "Ted",
)
_SURNAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green",
    "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips",
    "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy",
    "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Kelly", "Howard",
    "Ramirez", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Wood", "Bennett", "Gray",
    "Hughes", "Price", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Okafor",
    "Nakamura", "Kowalski", "Haddad", "Lindqvist", "O'Brien", "McCarthy",
)
_TITLES = (
    "Senator", "Governor", "Mayor", "Home Secretary", "Foreign Secretary", "Secretary of State",
    "Chief Constable", "Commissioner", "Representative", "Attorney General", "Chancellor",
    "Defence Secretary", "Health Secretary", "Chief Executive", "Prime Minister", "President",
    "Deputy Director", "Professor", "Judge", "General",
)
_ROLES_LOWER = (
    "the party's chief whip", "a senior adviser to the campaign", "the chief executive of {org}",
    "a professor of economics at {org}", "the director of {org}", "a spokeswoman for {org}",
    "the head of {org}", "a lawyer for the family", "a former aide", "the committee chairman",
)
_ORGS = (
    "the Home Office", "the Metropolitan Police", "the Department of Justice", "the State Department",
    "the Federal Reserve", "the National Health Service", "the European Commission", "Greenpeace",
    "the Labour Party", "the Republican National Committee", "the Democratic Party", "Amnesty International",
    "the World Bank", "the Treasury", "Harvard University", "the Bank of England", "the Pentagon",
    "the Independent Office for Police Conduct", "the Federal Bureau of Investigation", "Acme Holdings",
    "the United Nations", "the city council", "the Ministry of Defence", "the teachers' union",
)
_UNNAMED = (
    "a spokesman for {org}", "a spokeswoman for {org}", "officials at {org}", "a source close to the talks",
    "a senior official", "aides", "critics", "analysts", "police", "a {org} statement", "witnesses",
)
_SPEECH_VERBS = (
    "said", "said", "said", "said", "told reporters", "added", "explained", "warned", "argued",
    "insisted", "claimed", "noted", "stressed", "wrote", "declared", "admitted", "tweeted", "replied",
)
_REPORT_VERBS = ("said", "argued", "claimed", "warned", "suggested", "insisted", "told reporters", "believed")
_PLACES = (
    "Washington", "London", "Manchester", "Ohio", "Brussels", "Chicago", "Iowa", "Texas", "Leeds",
    "New Hampshire", "Florida", "Glasgow", "Philadelphia", "Bristol", "Nevada",
)
_DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "this morning", "late on Sunday")
_TOPICS = (
    "the budget", "the inquiry", "the new housing plan", "the trade agreement", "immigration reform",
    "the tax proposal", "the election result", "the police report", "the health bill", "the pension scheme",
    "the climate package", "the merger", "the investigation", "the school funding formula",
)
_NOUNS = (
    "voters", "families", "officers", "taxpayers", "workers", "patients", "the committee", "the public",
    "investors", "residents", "the government", "the opposition", "small businesses", "teachers",
)
_ADJ = ("serious", "shameful", "historic", "reckless", "necessary", "complicated", "urgent", "unfair", "troubling", "premature")
_VERBS_NARR = (
    "announced", "published", "rejected", "approved", "delayed", "defended", "criticised", "reviewed",
    "questioned", "welcomed", "postponed", "launched",
)
_CLAUSES = (
    "{topic} would cost {nouns} more than expected",
    "the plan had been rushed through without proper scrutiny",
    "{nouns} deserved a clear answer before the vote",
    "the figures showed a {adj} decline over the past year",
    "the government had failed to consult {nouns}",
    "nobody had been told about {topic} until it was too late",
    "the decision was {adj} and should be reversed",
    "there was no evidence of wrongdoing by {nouns}",
    "{topic} would be reviewed again in the spring",
    "the party would not support {topic} in its current form",
)
_QUOTE_SENTS = (
    "This is {adj}, and {nouns} know it.",
    "We have been very clear from the start about {topic}.",
    "I don't think anyone expected it to happen this quickly.",
    "Frankly, the numbers just don't add up.",
    "We will keep fighting for {nouns} every single day.",
    "Nobody is above the law, and that includes the people who wrote {topic}.",
    "It's a truly {adj} moment for this country.",
    "We're not going to apologise for doing our jobs.",
    "What we saw last night was {adj}.",
    "I've spoken to {nouns} in {place} and they are worried.",
    "There are serious questions that need answering.",
    "Let me be clear: we will not back down.",
    "The {lq}reforms{rq} they promised are nothing of the sort.",
    "It's not a question of if, but when.",
    "They told us it would be different this time.",
    "We owe it to {nouns} to get this right.",
)
_NARRATIVE = (
    "The announcement came after weeks of pressure from {nouns} in {place}.",
    "{Org} {verb} {topic} {day}, a move that surprised many observers.",
    "The dispute over {topic} has dominated the campaign in {place} for months.",
    "Figures released {day} showed that 12.4 per cent of {nouns} had been affected, up from 9.1 per cent in 2014.",
    "The vote is expected to take place before the end of the month.",
    "It is the third time this year that {topic} has been delayed.",
    "{Org} did not respond to a request for comment.",
    "Polls suggest the race in {place} remains close, with about 48% support for each side.",
    "The measure passed 52-47, with two members absent.",
    "Critics have called {topic} a so-called \"fix\" that fixes nothing.",
    "The report, titled \"A Fair Deal for {Place}\", runs to more than 300 pages.",
    "Shares in the company fell 3.2% in early trading in {place}.",
    "Protesters gathered outside the building {day}, carrying banners and chanting.",
    "The rock 'n' roll era of politics in the '90s is long gone, one columnist wrote.",
)


@dataclass(frozen=True)
class _Person:
    first: str
    last: str
    gender: str
    title: str | None
    role: str | None
    org: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pronoun(self) -> str:
        return "she" if self.gender == "f" else "he"


class _Writer:
    """Writes one article from a seeded random generator."""

    def __init__(self, rng: random.Random, curly: bool) -> None:
        self.r = rng
        self.open, self.close = ("“", "”") if curly else ('"', '"')
        self.lq, self.rq = ("‘", "’") if curly else ("'", "'")
        self.apos = "’" if curly else "'"
        self.place = rng.choice(_PLACES)
        self.topic = rng.choice(_TOPICS)
        self.people = [self._person() for _ in range(rng.randint(2, 5))]
        self.introduced: set[int] = set()
        self.last_speaker: int | None = None

    def _person(self) -> _Person:
        r = self.r
        gender = r.choice("fm")
        first = r.choice(_FIRST_F if gender == "f" else _FIRST_M)
        org = r.choice(_ORGS)
        title = r.choice(_TITLES) if r.random() < 0.5 else None
        role = None if title else (r.choice(_ROLES_LOWER).format(org=org) if r.random() < 0.7 else None)
        return _Person(first, r.choice(_SURNAMES), gender, title, role, org)

    def fill(self, template: str) -> str:
        r = self.r
        org = r.choice(_ORGS)
        out = template.format(
            topic=self.topic if r.random() < 0.6 else r.choice(_TOPICS), nouns=r.choice(_NOUNS),
            adj=r.choice(_ADJ), place=self.place, Place=self.place, day=r.choice(_DAYS),
            org=org, Org=org[:1].upper() + org[1:], verb=r.choice(_VERBS_NARR), lq=self.lq, rq=self.rq,
        )
        return out.replace("'", self.apos) if self.apos != "'" else out

    def quote_body(self, sentences: int) -> str:
        return " ".join(self.fill(t) for t in self.r.sample(_QUOTE_SENTS, sentences))

    def name_of(self, k: int, subject: bool = True) -> str:
        """The way the article refers to person ``k`` now: in full the first time, then short."""
        p = self.people[k]
        r = self.r
        if k not in self.introduced:
            self.introduced.add(k)
            if p.title:
                return f"{p.title} {p.full}"
            if p.role:
                return f"{p.full}, {p.role},"
            return p.full
        if self.last_speaker == k and subject and r.random() < 0.5:
            return p.pronoun
        if r.random() < 0.3 and p.title:
            return f"{p.title} {p.last}"
        return p.last if r.random() < 0.7 else f"{'Ms' if p.gender == 'f' else 'Mr'} {p.last}"

    def speaker(self) -> int:
        k = self.r.randrange(len(self.people))
        return k

    def direct(self) -> str:
        r = self.r
        o, c = self.open, self.close
        k = self.speaker()
        who = self.name_of(k)
        verb = r.choice(_SPEECH_VERBS)
        body = self.quote_body(r.randint(1, 3))
        shape = r.random()
        if shape < 0.35:  # “…,” Smith said.
            para = f"{o}{body[:-1]},{c} {who} {verb}."
        elif shape < 0.55:  # “…,” said Smith.
            if who in ("he", "she") or "," in who:
                para = f"{o}{body[:-1]},{c} {who} {verb}."
            else:
                para = f"{o}{body[:-1]},{c} {verb} {who}."
        elif shape < 0.75:  # Smith said: “…”
            para = f"{who[:1].upper() + who[1:]} {verb} {r.choice(_DAYS)}: {o}{body}{c}"
        elif shape < 0.9:  # “A,” she said. “B.”
            first = self.quote_body(1)
            para = f"{o}{first[:-1]},{c} {who} {verb}. {o}{body}{c}"
        else:  # a quotation in its own paragraph after an intro
            para = f"{who[:1].upper() + who[1:]} {verb} {r.choice(_DAYS)}:\n\n{o}{body}"
            if r.random() < 0.5:  # runs on into a second paragraph
                para += f"\n\n{o}{self.quote_body(2)}"
            para += c
        self.last_speaker = k
        return para

    def partial(self) -> str:
        r = self.r
        k = self.speaker()
        who = self.name_of(k)
        a, b = r.sample(_ADJ, 2)
        words = r.choice((f"{a} and {b}", f"a {a} mistake", f"deeply {a}", "not good enough"))
        verb = r.choice(("described the decision as", "called the plan", "said the move was"))
        self.last_speaker = k
        return f"{who[:1].upper() + who[1:]} {verb} {self.open}{words}{self.close}, adding that {self.fill(r.choice(_CLAUSES))}."

    def indirect(self) -> str:
        r = self.r
        shape = r.random()
        clause = self.fill(r.choice(_CLAUSES))
        if shape < 0.3:
            src = self.fill(r.choice(_UNNAMED))
            return f"According to {src}, {clause}."
        if shape < 0.55:
            src = self.fill(r.choice(_UNNAMED))
            return f"{src[:1].upper() + src[1:]} {r.choice(_REPORT_VERBS)} that {clause}."
        k = self.speaker()
        who = self.name_of(k)
        self.last_speaker = k
        if shape < 0.8:
            return f"{who[:1].upper() + who[1:]} {r.choice(_REPORT_VERBS)} {r.choice(_DAYS)} that {clause}."
        return f"{clause[:1].upper() + clause[1:]}, {who} {r.choice(('said', 'added', 'told the BBC'))}."

    def narrative(self) -> str:
        return " ".join(self.fill(t) for t in self.r.sample(_NARRATIVE, self.r.randint(1, 3)))


def article(index: int, *, seed: int = 0, paragraphs: int | None = None) -> str:
    """Write one synthetic news article.

    Args:
        index: Which article (any int); the same ``(seed, index)`` gives the same text.
        seed: Corpus seed.
        paragraphs: Body paragraphs; by default drawn from 6 to 70 (mean about 700 words,
            like PolNeAR's news articles). Pass a multiple to get a longer article of the same style.

    Returns:
        The article: headline, a blank line, then paragraphs separated by blank lines.
    """
    r = random.Random(f"quotekit-bench:{seed}:{index}")
    w = _Writer(r, curly=r.random() < 0.6)
    n = paragraphs if paragraphs is not None else int(r.triangular(6, 70, 18))
    head = w.fill(r.choice(("{Org} {verb} {topic} amid row", "Row deepens over {topic} in {place}",
                            "{adj} week for {topic}", "What {topic} means for {nouns}")))
    head = head[:1].upper() + head[1:]
    byline = f"By {r.choice(_FIRST_F + _FIRST_M)} {r.choice(_SURNAMES)}"
    paras = [head, byline, f"{w.place.upper()} — {w.narrative()}"]
    makers = (w.direct, w.direct, w.direct, w.indirect, w.indirect, w.partial, w.narrative, w.narrative)
    for _ in range(n):
        paras.append(r.choice(makers)())
    return "\n\n".join(paras) + "\n"


def articles(n: int, *, seed: int = 0, start: int = 0, paragraphs: int | None = None) -> Iterator[str]:
    """Yield ``n`` synthetic articles, lazily (constant memory for any ``n``).

    Args:
        n: How many.
        seed: Corpus seed.
        start: Index of the first article.
        paragraphs: As for :func:`article`.

    Yields:
        Article texts.
    """
    for i in range(start, start + n):
        yield article(i, seed=seed, paragraphs=paragraphs)


def corpus(n: int, *, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` articles as ``(id, text)`` pairs, ids ``"gen-0000"`` onwards.

    Args:
        n: How many.
        seed: Corpus seed.

    Returns:
        The pairs.
    """
    return [(f"gen-{i:04d}", text) for i, text in enumerate(articles(n, seed=seed))]



DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "dev.jsonl"


def add_text_options(ap: argparse.ArgumentParser, limit: int) -> None:
    """Give a bench script the options that choose its articles: ``--data``, ``--limit``, ``--generated``.

    Args:
        ap: The script's parser.
        limit: Default for ``--limit``.
    """
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON Lines with a 'text' field (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=limit, help="articles (default %(default)s)")
    ap.add_argument("--generated", action="store_true", help="read --limit generated articles (this module, seed 0) instead")


def texts_for(args: argparse.Namespace) -> tuple[list[str], str] | None:
    """The articles :func:`add_text_options` chose.

    Args:
        args: The parsed options.

    Returns:
        The texts and where they come from, or ``None`` (with the reason on stderr) where
        ``--data`` is absent (the shared corpora are not on this machine).
    """
    if args.generated:
        return [t for _, t in corpus(args.limit)], "generated (bench/_articles.py, seed 0)"
    if not args.data.exists():
        print(f"{args.data} is absent; use --generated or --data", file=sys.stderr)
        return None
    with args.data.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    return texts[: args.limit], str(args.data)


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically (a temporary file in the same folder, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, path)


if __name__ == "__main__":
    for text in articles(int(sys.argv[1]) if len(sys.argv) > 1 else 1):
        print(text)
        print("=" * 72)
