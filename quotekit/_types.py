"""Typed, immutable results: plain offsets into the original text, never spaCy objects."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, cast

Kind = Literal["direct", "partial", "indirect"]
SpeakerType = Literal["person", "organization", "unknown"]

KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
SPEAKER_TYPES: tuple[str, ...] = ("person", "organization", "unknown")


class Rule(str, Enum):
    """The rule that attributed a quotation (``str(rule)`` is its name, e.g. ``"after"``).

    The order the rules are tried in, and the sentence shape each handles, are documented in
    ``quotekit/_attribute.py`` (direct and partial quotations), ``quotekit/_speakers.py`` (the
    subject of a cue) and ``quotekit/_reported.py`` (reported speech).
    """

    BEFORE = "before"
    """A cue before the quotation in its sentence: ``Jane Smith said: “…”``."""
    AFTER = "after"
    """The attribution right after it: ``“…,” she said``."""
    LATER = "later"
    """A fragment whose cue comes later in the sentence: ``a “new chapter”, she said``."""
    SUBJECT = "subject"
    """A fragment given to the sentence's subject: ``Smith called it “a disgrace”``."""
    INTRO = "intro"
    """Introduced by the sentence before: ``Jane Smith said: / “…”``."""
    DASH = "dash"
    """A ``— Jane Doe`` line under the quotation."""
    INHERIT = "inherit"
    """A quotation paragraph that goes on from the speaker of the one before."""
    FORWARD = "forward"
    """Reported speech after its cue: ``Smith said (that) CLAUSE``."""
    BACKWARD = "backward"
    """Reported speech before its cue: ``CLAUSE, Smith said``."""
    ACCORDING_FIRST = "according-first"
    """``According to X, CLAUSE``."""
    ACCORDING_LAST = "according-last"
    """``CLAUSE, according to X``."""
    ACCORDING_MIDDLE = "according-middle"
    """``CLAUSE, according to X, CLAUSE``."""
    EVIDENTIAL = "evidential"
    """Content with no source named: ``The plan seems to work``."""
    ASKED = "asked"
    """A reported question: ``Asked whether …, she said``."""
    NESTED = "nested"
    """A fragment inside reported speech, given to the reporter: ``Smith said it was “a disgrace”``."""
    NONE = "none"
    """No rule found a speaker."""

    def __str__(self) -> str:
        return self.value


class ByFields:
    """Mixin: pickle as ``cls(*fields)``.

    The ``__setstate__`` that ``dataclass(slots=True)`` writes sets one field at a time in
    Python; rebuilding through the constructor is several times faster, which matters where
    ``pipe(n_process=2)`` sends every result from a worker back to the parent process.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), tuple(map(self.__getattribute__, type(self).__dataclass_fields__)))  # type: ignore[attr-defined]


_RULE_NAMES = frozenset(r.value for r in Rule)


def quoted_text(original: str, parts: Sequence[tuple[int, int]]) -> str:
    """What was said: the text of each part, joined by one space.

    ``“We will appeal,” she said. “It is wrong.”`` gives ``We will appeal, It is wrong.``; a
    quotation over two paragraphs gives its paragraphs on one line.

    Args:
        original: The article.
        parts: ``(start, end)`` of each part, in text order.

    Returns:
        The quoted words.
    """
    return " ".join(original[s:e] for s, e in parts)


@dataclass(frozen=True, slots=True)
class Span(ByFields):
    """A stretch of the original text: ``text == original[start:end]``.

    Attributes:
        start: Offset of the first character (Python ``str`` index).
        end: Offset one past the last character.
        text: The characters themselves.
    """

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """Build a span from :meth:`to_dict` output."""
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True, slots=True)
class RoleMention(ByFields):
    """One title the article gives a speaker, where it gives it.

    Attributes:
        role: The title, in the article's words ("former chancellor").
        organization: The body it belongs to ("Labour"), or ``None``.
        start: Offset of the first character of the mention the title is given at.
        end: Offset one past its last character.
    """

    role: str
    organization: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"role", "organization", "start", "end"}``."""
        return {"role": self.role, "organization": self.organization, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Speaker(ByFields):
    """One person or organization of the article, with every mention of it.

    Attributes:
        name: The fullest name the article gives it; for an unnamed speaker, the head noun
            ("spokesman").
        type: ``"person"``, ``"organization"`` or ``"unknown"``.
        role: The title or position the article gives it ("Home Secretary"), or ``None``.
        organization: The body the role belongs to ("Labour"), or ``None``.
        mentions: ``(start, end)`` of every mention, pronouns included, in text order.
        party: The party the article states for it ("D" of "(D-Va.)"), or ``None``.
        roles: Every title the article gives it, with the offsets of the mention it is given
            at, in text order (``role`` is one of them).
    """

    name: str
    type: SpeakerType
    role: str | None = None
    organization: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()
    party: str | None = None
    roles: tuple[RoleMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the ``speaker`` object of the prediction format."""
        return {
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "organization": self.organization,
            "mentions": [[s, e] for s, e in self.mentions],
            "party": self.party,
            "roles": [r.to_dict() for r in self.roles],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """Build a speaker from :meth:`to_dict` output."""
        kind = data.get("type") or "unknown"
        if kind not in SPEAKER_TYPES:
            kind = "unknown"
        return cls(
            name=str(data["name"]),
            type=cast(SpeakerType, kind),
            role=data.get("role"),
            organization=data.get("organization"),
            mentions=tuple((int(s), int(e)) for s, e in data.get("mentions") or ()),
            party=data.get("party"),
            roles=tuple(RoleMention(str(r["role"]), r.get("organization"), int(r["start"]), int(r["end"]))
                        for r in data.get("roles") or ()),
        )


@dataclass(frozen=True, slots=True)
class Quote(ByFields):
    """One quotation: its words, where they are, its kind, cue and speaker.

    Attributes:
        text: What was said: the text of each part, joined by one space
            (:func:`quoted_text`), quotation marks and an interrupting "she said" left out.
            For a quotation of one part it is ``original[start:end]``; ``original[start:end]``
            is always the covering stretch, narration between the parts included.
        start: Offset of the first character of the first part.
        end: Offset one past the last character of the last part.
        parts: ``(start, end)`` of each part: one for a plain quotation, several for one
            interrupted by its attribution ("A," she said. "B.") or run over paragraphs.
        kind: ``"direct"``, ``"partial"`` or ``"indirect"``.
        speaker: Who said it, or ``None`` where the article does not say.
        speaker_mention: The mention the attribution rests on (often a pronoun), or ``None``.
        cue: The cue ("said", "according to", a colon), or ``None``.
        rule: The rule that attributed it (:class:`Rule`); :meth:`to_dict` adds it as ``"rule"``
            after the prediction format's keys (scorers read only theirs).
        confidence: How often quotations of this rule and kind are right on the annotated news
            the project measures (0 to 1; ``bench/calibrate.py``, docs/accuracy.md).
    """

    text: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    kind: Kind
    speaker: Speaker | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    rule: Rule = Rule.NONE
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return the quotation in the prediction format (``../shared/corpora/README.md``)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "parts": [[s, e] for s, e in self.parts],
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "rule": self.rule.value,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Build a quotation from :meth:`to_dict` output (or a prediction-format record)."""
        kind = data.get("kind") or "direct"
        if kind not in KINDS:
            kind = "direct"
        parts = data.get("parts") or [[data["start"], data["end"]]]
        speaker = data.get("speaker")
        mention = data.get("speaker_mention")
        cue = data.get("cue")
        return cls(
            text=str(data.get("text", "")),
            start=int(data["start"]),
            end=int(data["end"]),
            parts=tuple((int(s), int(e)) for s, e in parts),
            kind=cast(Kind, kind),
            speaker=Speaker.from_dict(speaker) if speaker else None,
            speaker_mention=Span.from_dict(mention) if mention else None,
            cue=Span.from_dict(cue) if cue else None,
            rule=Rule(data["rule"]) if data.get("rule") in _RULE_NAMES else Rule.NONE,
            confidence=float(data.get("confidence") or 0.0),
        )


@dataclass(frozen=True, slots=True)
class Result(ByFields, Sequence[Quote]):
    """Everything quotekit found in one article. It is a sequence of its quotations.

    Attributes:
        quotes: The quotations in text order.
        speakers: Every speaker entity that has at least one quotation.
        model: Which spaCy pipeline read the article (``"blank"`` for rules only).
        id: The article's id where one was given.
        text: The original text (not part of :meth:`to_dict`).
    """

    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...] = ()
    model: str = "blank"
    id: str | None = None
    text: str = field(default="", repr=False)

    def __len__(self) -> int:
        return len(self.quotes)

    def __iter__(self) -> Iterator[Quote]:
        return iter(self.quotes)

    def __getitem__(self, index: Any) -> Any:
        return self.quotes[index]

    def to_dict(self) -> dict[str, Any]:
        """Return one line of the prediction format: ``{"id", "quotes"}``."""
        return {"id": self.id, "quotes": [q.to_dict() for q in self.quotes]}
