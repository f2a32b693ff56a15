"""The spaCy component: ``nlp.add_pipe("quotekit")`` gives ``doc._.quotes`` and span groups.

It writes three span groups on each ``Doc``:

- ``doc.spans["quotekit"]``: one span per quotation (from its start to its end, widened to
  whole tokens), labelled ``"<kind>: <speaker>"`` (``"direct: Ann Lee"``; the kind alone where
  the quotation has no speaker), with ``span.id_`` its index in ``doc._.quotes``.
  ``displacy.render(doc, style="span", options={"spans_key": "quotekit"})`` shows who said
  what.
- ``doc.spans["quotekit_speakers"]``: every mention of every speaker (pronouns included),
  labelled with the speaker's name.
- ``doc.spans["quotekit_cues"]``: each quotation's cue ("said", "according to"), labelled
  with its speaker's name (``"unattributed"`` where there is none).

The results themselves are stored as plain values in the ``attrs`` of the ``"quotekit"``
group (each speaker once, the quotations pointing at it), so they survive ``DocBin`` and
``nlp.pipe(n_process=2)``; ``doc._.quotes`` builds the typed :class:`~quotekit.Quote` objects
from them. Span labels are strings in spaCy's vocabulary: over a long stream, read inside
``nlp.memory_zone()`` so that the speakers' names do not pile up there.

The component's configuration (``lexicons``: a folder of lexicon files; ``span_groups``)
goes through the factory, so ``nlp.to_disk`` saves it in ``config.cfg``, and ``to_disk``
copies a configured lexicon folder into the saved pipeline, from which ``spacy.load`` reads
it back: the saved pipeline does not need the original folder.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ._lexicons import Lexicons, default_lexicons
from ._pipeline import read_doc
from ._tokens import doc_text
from ._types import Quote, Speaker

#: The span group of the quotations, which also holds the results (its ``attrs``).
SPANS_KEY = "quotekit"

#: The span group of the speakers' mentions.
SPEAKERS_KEY = "quotekit_speakers"

#: The span group of the cues.
CUES_KEY = "quotekit_cues"

#: Between a quotation's kind and its speaker's name in its span label: ``"direct: Ann Lee"``.
LABEL_SEPARATOR = ": "

#: The label of a cue whose quotation has no speaker.
UNATTRIBUTED = "unattributed"

#: The folder, inside the component's folder of a saved pipeline, holding its lexicon files.
LEXICONS_DIR = "lexicons"


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotations the component stored on ``doc`` (empty where it has not run).

    Args:
        doc: A document the ``quotekit`` component has read.

    Returns:
        Typed quotations; quotations of one speaker share one :class:`~quotekit.Speaker`.
    """
    group = doc.spans.get(SPANS_KEY) if SPANS_KEY in doc.spans else None
    if group is None:
        return []
    speakers = [Speaker.from_dict(d) for d in group.attrs.get("speakers", [])]
    quotes = []
    for data in group.attrs.get("quotes", []):
        who = data.get("speaker")
        if isinstance(who, int):  # an index into "speakers"; older Docs hold the speaker itself
            quotes.append(dataclasses.replace(Quote.from_dict({**data, "speaker": None}),
                                              speaker=speakers[who]))
        else:
            quotes.append(Quote.from_dict(data))
    return quotes


if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=quotes_of)


def quote_label(quote: Quote) -> str:
    """The label of a quotation's span: ``"direct: Ann Lee"``, or its kind alone.

    Args:
        quote: A quotation.

    Returns:
        The label.
    """
    speaker = quote.speaker
    return f"{quote.kind}{LABEL_SEPARATOR}{speaker.name}" if speaker else str(quote.kind)


class QuotekitComponent:
    """Reads each document and stores its quotations and span groups on it.

    Attributes:
        lexicons: The lexicons it reads with.
        lexicons_dir: The lexicon folder of its configuration, or ``None`` for the shipped
            lexicons of the pipeline's language.
        span_groups: Whether it writes the speakers' and cues' span groups too.
    """

    def __init__(self, nlp: Language, name: str = "quotekit", lexicons: str | None = None,
                 span_groups: bool = True) -> None:
        self.name = name
        self.lexicons_dir = lexicons
        self.span_groups = span_groups
        self._lexicons: Lexicons | None = None
        # Where the lexicons were read from: the configured folder, or the copy a saved
        # pipeline holds; to_disk copies it.
        self._source: Path | None = None
        if lexicons is None:
            # The pipeline's language picks the shipped lexicons (QuotekitError where none ship).
            self._lexicons = default_lexicons(nlp.lang or "")
        elif Path(lexicons).is_dir():
            self._lexicons = Lexicons.from_dir(lexicons)
            self._source = Path(lexicons)
        # Otherwise from_disk brings the copy saved with the pipeline (spacy.load builds the
        # component before it reads the component's folder); failing that, the first read
        # raises QuotekitError naming the folder.

    @property
    def lexicons(self) -> Lexicons:
        """The lexicons it reads with."""
        if self._lexicons is None:
            self._lexicons = Lexicons.from_dir(self.lexicons_dir or "")
            self._source = Path(self.lexicons_dir or "")
        return self._lexicons

    @lexicons.setter
    def lexicons(self, value: Lexicons) -> None:
        self._lexicons = value
        self._source = None

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotations of ``doc`` and store them in its span groups."""
        text = doc_text(doc)
        quotes = read_doc(doc, self.lexicons, text) if text.strip() else []
        spans = []
        for i, q in enumerate(quotes):
            span = doc.char_span(q.start, q.end, label=quote_label(q), alignment_mode="expand",
                                 span_id=str(i))
            if span is not None:
                spans.append(span)
        speakers, payload = _payload(quotes)
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans,
                                         attrs={"quotes": payload, "speakers": speakers})
        if self.span_groups:
            doc.spans[SPEAKERS_KEY] = SpanGroup(doc, name=SPEAKERS_KEY,
                                                spans=_speaker_spans(doc, quotes))
            doc.spans[CUES_KEY] = SpanGroup(doc, name=CUES_KEY, spans=_cue_spans(doc, quotes))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the configured lexicon folder's files into ``path/lexicons`` (nothing else).

        Args:
            path: The component's folder in the saved pipeline.
            exclude: Names of what not to save (``"lexicons"``).
        """
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        source = self._source
        if self.lexicons_dir is None or source is None or LEXICONS_DIR in exclude:
            return
        target = path / LEXICONS_DIR
        # A copy beside the target, renamed into place: never a half-copied folder.
        staging = Path(tempfile.mkdtemp(prefix=".lexicons-", dir=path))
        try:
            shutil.copytree(source, staging, dirs_exist_ok=True)
            if target.exists():
                shutil.rmtree(target)
            os.replace(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuotekitComponent:
        """Read the lexicon files saved by :meth:`to_disk`, where there are any.

        Args:
            path: The component's folder in the saved pipeline.
            exclude: Names of what not to read (``"lexicons"``).

        Returns:
            The component itself.
        """
        folder = Path(path) / LEXICONS_DIR
        if folder.is_dir() and LEXICONS_DIR not in exclude:
            self._lexicons = Lexicons.from_dir(folder)
            self._source = folder
        return self


def span_colors(doc: Doc) -> dict[str, str]:
    """displaCy colours for the component's span labels: one per speaker, as in ``render``.

    >>> displacy.render(doc, style="span", options={"spans_key": "quotekit",
    ...                 "colors": span_colors(doc)})      # doctest: +SKIP

    Args:
        doc: A document the ``quotekit`` component has read.

    Returns:
        A map from every label of the three span groups (``"direct: Ann Lee"``, ``"Ann Lee"``)
        to its speaker's ``#rrggbb`` colour; labels without a speaker get
        :data:`quotekit.render.UNATTRIBUTED_COLOR`.
    """
    from .render import UNATTRIBUTED_COLOR, speaker_colors

    quotes = quotes_of(doc)
    by_speaker = speaker_colors(quotes)
    colors: dict[str, str] = {}
    of_object: dict[int, str] = {}  # a speaker's key holds every mention: hash it once
    for quote in quotes:
        speaker = quote.speaker
        color = UNATTRIBUTED_COLOR
        if speaker is not None:
            if id(speaker) not in of_object:
                of_object[id(speaker)] = by_speaker.get((speaker.name, speaker.mentions),
                                                        UNATTRIBUTED_COLOR)
            color = of_object[id(speaker)]
        colors.setdefault(quote_label(quote), color)
        colors.setdefault(speaker.name if speaker else UNATTRIBUTED, color)
    return colors


def _payload(quotes: Sequence[Quote]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The speakers once each, and the quotations pointing at them by index."""
    index_of_object: dict[int, int] = {}
    index_of_key: dict[tuple[str, tuple[tuple[int, int], ...]], int] = {}
    speakers: list[dict[str, Any]] = []
    payload: list[dict[str, Any]] = []
    for q in quotes:
        data = q.to_dict() if q.speaker is None else dataclasses.replace(q, speaker=None).to_dict()
        if q.speaker is not None:
            index = index_of_object.get(id(q.speaker))
            if index is None:
                index = index_of_key.setdefault((q.speaker.name, q.speaker.mentions), len(speakers))
                if index == len(speakers):
                    speakers.append(q.speaker.to_dict())
                index_of_object[id(q.speaker)] = index
            data["speaker"] = index
        payload.append(data)
    return speakers, payload


def _speaker_spans(doc: Doc, quotes: Sequence[Quote]) -> list[Span]:
    """Every mention of every speaker, labelled with the speaker's name, in text order."""
    seen: set[tuple[int, int, str]] = set()
    done: set[int] = set()
    for q in quotes:
        speaker = q.speaker
        if speaker is None or id(speaker) in done:
            continue
        done.add(id(speaker))
        seen.update((start, end, speaker.name) for start, end in speaker.mentions)
    return _spans(doc, sorted(seen))


def _cue_spans(doc: Doc, quotes: Sequence[Quote]) -> list[Span]:
    """Each quotation's cue, labelled with its speaker's name, in text order."""
    seen = {(q.cue.start, q.cue.end, q.speaker.name if q.speaker else UNATTRIBUTED)
            for q in quotes if q.cue is not None}
    return _spans(doc, sorted(seen))


def _spans(doc: Doc, found: Iterable[tuple[int, int, str]]) -> list[Span]:
    spans = []
    for start, end, label in found:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


@Language.factory("quotekit", default_config={"lexicons": None, "span_groups": True})
def make_quotekit(nlp: Language, name: str, lexicons: str | None,
                  span_groups: bool) -> QuotekitComponent:
    """spaCy factory for the ``quotekit`` component.

    Args:
        nlp: The pipeline.
        name: The component's name.
        lexicons: A folder of lexicon files to use instead of the shipped ones.
        span_groups: Whether to write ``doc.spans["quotekit_speakers"]`` and
            ``doc.spans["quotekit_cues"]`` as well as ``doc.spans["quotekit"]``.

    Returns:
        The component.
    """
    return QuotekitComponent(nlp, name, lexicons, span_groups)


def ensure_component(nlp: Language, lexicons: Lexicons | None = None) -> None:
    """Add the ``quotekit`` component to ``nlp`` unless it is there already.

    Args:
        nlp: The pipeline.
        lexicons: Lexicons for the component, where not the shipped ones.
    """
    if "quotekit" not in nlp.pipe_names:
        nlp.add_pipe("quotekit", last=True)
    if lexicons is not None:
        comp = nlp.get_pipe("quotekit")
        if isinstance(comp, QuotekitComponent):
            comp.lexicons = lexicons
