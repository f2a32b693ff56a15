"""The one error family quotekit raises for bad options, and its warning category."""

from __future__ import annotations


class QuotekitError(ValueError):
    """Base class of every error quotekit raises for a bad value or option.

    It subclasses :class:`ValueError`, so ``except ValueError`` also catches it.
    """


class ModelNotFoundError(QuotekitError):
    """The requested spaCy pipeline is not installed or is not an English pipeline."""


class OptionError(QuotekitError):
    """An option (τ, batch size, format, ...) has a value outside what is allowed."""


class QuotekitWarning(UserWarning):
    """Warnings quotekit gives, e.g. when ``model="auto"`` falls back to the blank pipeline."""


def expect_text(text: object, what: str = "text") -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to pass.

    Args:
        text: The value the caller passed.
        what: The argument's name, for the message.

    Returns:
        The same string.

    Raises:
        TypeError: ``text`` is not a ``str`` (bytes get a hint to decode first).
    """
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{what} must be str, got {type(text).__name__}: decode it first, "
            f"e.g. {what}.decode('utf-8')"
        )
    raise TypeError(f"{what} must be str, got {type(text).__name__}: {text!r:.80}")
