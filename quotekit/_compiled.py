"""Whether the pipeline stages run compiled (mypyc, see ``setup.py``) or as pure Python.

The same sources run either way and give the same results; compiled they are faster. An
editable install compiles the stages in place, and Python then imports the compiled file
before the source beside it: :func:`stale_stages` finds stages edited since they were compiled.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path

#: The modules ``setup.py`` compiles, in pipeline order (keep the two lists the same).
STAGES = ("_text", "_quotes", "_tokens", "_cues", "_candidates", "_attribute", "_entities", "_roles", "_build", "_pipeline")

_MARGIN_S = 2.0


def _origin(module: str) -> Path | None:
    spec = importlib.util.find_spec(f"{__package__}.{module}")
    return Path(spec.origin) if spec is not None and spec.origin else None


def _is_extension(path: Path) -> bool:
    return path.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def compiled_stages() -> tuple[str, ...]:
    """The stages that import from a compiled file.

    Returns:
        Module names from :data:`STAGES`; all of them when the install compiled, none when pure.
    """
    found = []
    for name in STAGES:
        origin = _origin(name)
        if origin is not None and _is_extension(origin):
            found.append(name)
    return tuple(found)


def stale_stages() -> tuple[str, ...]:
    """The compiled stages whose source file was changed after they were compiled.

    Returns:
        Module names; empty when nothing is compiled or everything is up to date.
    """
    stale = []
    for name in compiled_stages():
        origin = _origin(name)
        assert origin is not None  # compiled_stages() found it
        source = origin.parent / f"{name}.py"
        # A margin: an install writes the source and the compiled file moments apart.
        if source.exists() and source.stat().st_mtime > origin.stat().st_mtime + _MARGIN_S:
            stale.append(name)
    return tuple(stale)


def build_info() -> str:
    """One line on how the stages run, for ``quotekit --version`` and bug reports.

    Returns:
        ``"stages compiled with mypyc"``, ``"pure Python"``, or a line naming what is mixed or stale.
    """
    done = compiled_stages()
    if not done:
        return "pure Python"
    if len(done) < len(STAGES):
        return f"stages partly compiled ({', '.join(done)})"
    stale = stale_stages()
    if stale:
        return f"stages compiled with mypyc, older than their sources: {', '.join(stale)} (reinstall)"
    return "stages compiled with mypyc"
