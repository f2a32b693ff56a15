"""The spaCy component: ``nlp.add_pipe("quotekit")`` gives ``doc._.quotes``.

Results are stored as plain values in ``doc.spans["quotekit"]`` (its ``attrs``), so they
survive ``DocBin`` and ``nlp.pipe(n_process=2)``; ``doc._.quotes`` builds the typed
:class:`~quotekit.Quote` objects from them.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from ._lexicons import Lexicons, default_lexicons
from ._pipeline import read_doc
from ._tokens import doc_text
from ._types import Quote

SPANS_KEY = "quotekit"


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotations the component stored on ``doc`` (empty where it has not run).

    Args:
        doc: A document the ``quotekit`` component has read.

    Returns:
        Typed quotations.
    """
    group = doc.spans.get(SPANS_KEY) if SPANS_KEY in doc.spans else None
    if group is None:
        return []
    return [Quote.from_dict(d) for d in group.attrs.get("quotes", [])]


if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=quotes_of)


class QuotekitComponent:
    """Reads each document and stores its quotations on it.

    Attributes:
        lexicons: The lexicons it reads with.
    """

    def __init__(self, nlp: Language, name: str = "quotekit", lexicons: str | None = None) -> None:
        self.name = name
        # The pipeline's language picks the shipped lexicons (QuotekitError where none ship).
        self.lexicons = Lexicons.from_dir(lexicons) if lexicons else default_lexicons(nlp.lang or "")

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotations of ``doc`` and store them in ``doc.spans["quotekit"]``."""
        text = doc_text(doc)
        quotes = read_doc(doc, self.lexicons, text) if text.strip() else []
        spans = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        payload: list[dict[str, Any]] = [q.to_dict() for q in quotes]
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, attrs={"quotes": payload}, spans=spans)
        return doc


@Language.factory("quotekit", default_config={"lexicons": None})
def make_quotekit(nlp: Language, name: str, lexicons: str | None) -> QuotekitComponent:
    """spaCy factory for the ``quotekit`` component.

    Args:
        nlp: The pipeline.
        name: The component's name.
        lexicons: A folder of lexicon files to use instead of the shipped ones.

    Returns:
        The component.
    """
    return QuotekitComponent(nlp, name, lexicons)


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
