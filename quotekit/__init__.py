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

``quotekit.render(result)`` (HTML, see :mod:`quotekit.render`) and
``quotekit.to_dataframe(results)`` (pandas, imported when called; also
``quotekit.dataframe.to_dataframe``) are here at the top level. ``quotekit.render`` is the
function: import the module's other names with ``from quotekit.render import PALETTE``.
``quotekit.spark`` (which needs pyspark) is imported on first use.
"""

import importlib as _importlib
from types import ModuleType as _ModuleType

from ._api import Extractor, Failure, extract, load
from ._errors import ModelNotFoundError, OptionError, QuotekitError, QuotekitWarning
from ._lexicons import Lexicons
from ._model import installed_pipelines
from ._types import Quote, Result, RoleMention, Rule, Span, Speaker
from ._version import __version__
from .dataframe import to_dataframe
from .render import render

#: Submodules imported on first use as attributes, e.g. ``quotekit.spark.extract_quotes``:
#: ``quotekit.spark`` imports pyspark, which ``import quotekit`` must not need.
_LAZY_SUBMODULES = frozenset({"component", "evaluate", "spark"})


def __getattr__(name: str) -> _ModuleType:
    """Import a submodule of :data:`_LAZY_SUBMODULES` when it is first used as an attribute."""
    if name in _LAZY_SUBMODULES:
        return _importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'quotekit' has no attribute {name!r}")

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
    "RoleMention",
    "Rule",
    "Span",
    "Speaker",
    "__version__",
    "extract",
    "installed_pipelines",
    "load",
    "render",
    "to_dataframe",
]
