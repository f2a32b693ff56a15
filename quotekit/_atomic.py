"""Write an output file so that it is never left half-written: a temp file, renamed on success."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TextIO

from ._errors import QuotekitError

#: The suffix of the temp files, so that a folder read never takes one for an article.
TEMP_SUFFIX = ".quotekit-tmp"


class OutputError(QuotekitError):
    """An output file cannot be created or written."""


class AtomicFile:
    """A text file written under a temp name in the same folder and renamed into place.

    Use it as a context manager: the file replaces ``path`` only when the block ends without
    an exception (``KeyboardInterrupt`` included) and :meth:`cancel` was not called;
    otherwise the temp file is removed and an existing ``path`` keeps its content. A path
    that exists but is not a regular file (``/dev/null``, ``/dev/stdout``, a named pipe)
    cannot be replaced and is written directly. A symbolic link is followed, so the file it
    points to is replaced, not the link.

    Args:
        path: The file to write.
        newline: As for :func:`open` (``""`` for CSV).
        encoding: The text encoding.

    Raises:
        OutputError: The folder cannot hold a new file, or ``path`` is a folder.
    """

    def __init__(self, path: str | os.PathLike[str], *, newline: str | None = None,
                 encoding: str = "utf-8") -> None:
        self.name = os.fspath(path)
        self.target = Path(os.path.realpath(self.name))
        self.temp: Path | None = None
        self._cancelled = False
        if self.target.is_dir():
            raise OutputError(f"cannot write {self.name}: it is a folder")
        try:
            if self.target.exists() and not self.target.is_file():
                self.stream: TextIO = open(self.target, "w", encoding=encoding, newline=newline)  # noqa: SIM115
                return
            fd, temp = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.",
                                        suffix=TEMP_SUFFIX)
        except OSError as exc:
            raise OutputError(f"cannot write {self.name}: {exc.strerror or exc}") from None
        self.temp = Path(temp)
        self.stream = os.fdopen(fd, "w", encoding=encoding, newline=newline)

    def cancel(self) -> None:
        """Leave ``path`` as it was when the block ends (the temp file is removed)."""
        self._cancelled = True

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if kind is None and not self._cancelled:
                self._finish()
        finally:
            if not self.stream.closed:
                try:
                    self.stream.close()
                except OSError:
                    pass  # already failing; the first error is the one to report
            if self.temp is not None and self.temp.exists():
                self.temp.unlink()

    def _finish(self) -> None:
        try:
            self.stream.flush()
            if self.temp is None:
                self.stream.close()
                return
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.chmod(self.temp, _mode_for(self.target))
            os.replace(self.temp, self.target)
        except OSError as exc:
            raise OutputError(f"cannot write {self.name}: {exc.strerror or exc}") from None


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, else those a new file gets (umask applied)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
