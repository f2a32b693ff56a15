"""quotekit: every quotation in a news article, who said it, and in what role.

>>> import quotekit
>>> result = quotekit.extract(text)            # doctest: +SKIP
>>> for q in result:                            # doctest: +SKIP
...     print(q.speaker.name, q.kind, q.text)

The pipeline, one private module per stage: ``_quotes`` (find quotation marks and pair them),
``_cues`` (speech verbs and other cues), ``_candidates`` (speaker mentions), ``_attribute``
(link each quotation to a cue and a speaker, and find reported speech), ``_entities`` (one
entity per person or organization, pronouns included), ``_roles`` (titles and
organizations), ``_build`` (typed results); ``_pipeline`` is the glue and ``component`` the
spaCy component.
"""

from ._api import Extractor, Failure, extract, load
from ._errors import ModelNotFoundError, OptionError, QuotekitError, QuotekitWarning
from ._lexicons import Lexicons
from ._model import installed_pipelines
from ._types import Quote, Result, Rule, Span, Speaker
from ._version import __version__

__all__ = [
    "Extractor",
    "Failure",
    "Lexicons",
    "ModelNotFoundError",
    "OptionError",
    "Quote",
    "QuotekitError",
    "QuotekitWarning",
    "Result",
    "Rule",
    "Span",
    "Speaker",
    "__version__",
    "extract",
    "installed_pipelines",
    "load",
]
