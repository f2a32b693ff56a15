"""Build script: the metadata is in setup.cfg; this file only adds the optional compiled stages.

quotekit is pure Python. Where mypyc (it comes with mypy) and a C compiler are at hand, the
pipeline stages are also compiled with mypyc: the same source, type-checked, run about 1.5x to
2x faster (docs/performance.md). Anything that stops the compilation (no compiler, no mypyc, a
type error) leaves a working pure-Python install and a warning on stderr.

Environment:
    QUOTEKIT_PURE_PYTHON=1  install pure Python, compile nothing (quicker to install, and an
                            editable install then always runs the edited sources).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The stages: everything that runs per article after spaCy. The public types, the lexicons and
# the glue (API, CLI, component) stay interpreted, so pickling and spaCy's registry see plain classes.
STAGES = ("_text", "_quotes", "_tokens", "_cues", "_candidates", "_attribute", "_entities", "_roles", "_build", "_pipeline")

# Commands (as pip's build backend or a user names them) that build and so compile.
_BUILDS = frozenset({"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop", "bdist_egg"})


def _pure_requested() -> bool:
    return os.environ.get("QUOTEKIT_PURE_PYTHON", "").strip().lower() not in ("", "0", "false", "no")


def _go_pure(why: str) -> None:
    print(f"quotekit: installing pure Python, stages not compiled ({why})", file=sys.stderr)
    # An editable install going pure: compiled stages an earlier one left beside the sources
    # would be imported instead of the edited files. (The build backend runs this file with
    # the command in sys.argv; build_ext does not know yet, when this runs, that it builds in place.)
    if {"editable_wheel", "develop"}.intersection(sys.argv):
        _remove_compiled(Path(__file__).parent / "quotekit")


@functools.cache
def _mypyc_extensions() -> list[Extension]:
    # Cached: an editable build configures build_ext twice in one process.
    if _pure_requested():
        _go_pure("QUOTEKIT_PURE_PYTHON is set")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        _go_pure(f"mypyc is not importable: {exc}")
        return []
    # Paths relative to the working directory, as mypyc names the modules after them.
    paths = [os.path.relpath(Path(__file__).parent / "quotekit" / f"{name}.py") for name in STAGES]
    print("quotekit: compiling the pipeline stages with mypyc (a minute or two)", file=sys.stderr)
    try:
        return list(mypycify(paths, opt_level="3", separate=True))  # one library per stage
    except (Exception, SystemExit) as exc:  # mypy reports type errors by exiting
        _go_pure(f"mypyc failed: {exc!r}")
        return []


class OptionalMypycBuild(build_ext):
    """``build_ext`` that compiles the stages with mypyc when it can and otherwise builds nothing.

    Commands that only read metadata (``egg_info``, ``dist_info``, ``sdist``) configure this one
    too, to list its sources: they get no extension and never run mypyc.
    """

    def finalize_options(self) -> None:
        # Before the base class: it prepares each extension of the distribution's list.
        building = _BUILDS.intersection(self.distribution.commands)
        self.distribution.ext_modules = _mypyc_extensions() if building else []
        super().finalize_options()
        if building and not self.extensions and self._in_place():
            # An editable install going pure: compiled stages left beside the sources by an
            # earlier one would be imported instead of the edited files.
            _remove_compiled(Path(__file__).parent / "quotekit")
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1  # one C file per stage: compile them side by side

    def _in_place(self) -> bool:
        # Only an editable (in-place) build writes beside the sources; a wheel build must not
        # touch what an editable install put there.
        return bool(self.inplace or getattr(self, "editable_mode", False))

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # a missing compiler, a compile error
            # Some stages without the others would not import: drop every one that was written.
            _remove_compiled(Path(self.build_lib) / "quotekit")
            if self._in_place():
                _remove_compiled(Path(__file__).parent / "quotekit")
            self.extensions = []
            _go_pure(f"the C build failed: {exc!r}")


def _remove_compiled(folder: Path) -> None:
    for name in STAGES:
        for suffix in EXTENSION_SUFFIXES:
            (folder / f"{name}{suffix}").unlink(missing_ok=True)
            (folder / f"{name}__mypyc{suffix}").unlink(missing_ok=True)


def _placeholder() -> list[Any]:
    # setuptools only runs build_ext (and tags the wheel for this platform) when the
    # distribution declares an extension; the real list replaces this one in finalize_options.
    if _pure_requested():
        why = "QUOTEKIT_PURE_PYTHON is set"
    elif importlib.util.find_spec("mypyc") is None:
        why = "mypyc is not installed"
    else:
        return [Extension("quotekit._placeholder", sources=[])]
    _go_pure(why)  # with no extension declared, setuptools never runs build_ext
    return []  # a pure wheel


setup(ext_modules=_placeholder(), cmdclass={"build_ext": OptionalMypycBuild})
