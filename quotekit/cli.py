"""The ``quotekit`` command: ``quotekit extract`` and ``quotekit evaluate``.

Run ``quotekit --help`` (or ``python -m quotekit --help``) for the options and examples.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import os
import shutil
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version as _dist_version
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

import regex

from ._atomic import TEMP_SUFFIX, AtomicFile, OutputError
from ._errors import OptionError, QuotekitError
from ._types import Result
from ._version import __version__
from .rows import COLUMNS, quote_row

if TYPE_CHECKING:
    from ._api import Failure

FORMATS: tuple[str, ...] = ("table", "jsonl", "json", "csv", "html")

#: How ``quotekit extract`` reads a PATH (``--input-format``).
INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "jsonl")

#: Columns of ``--format csv``, one row per quotation: :data:`quotekit.rows.COLUMNS`, the
#: same as :func:`quotekit.to_dataframe` and :func:`quotekit.spark.extract_quotes`.
CSV_COLUMNS: tuple[str, ...] = COLUMNS

_SUFFIX_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
    ".html": "html", ".htm": "html", ".txt": "table",
}

_JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")

# A cell a spreadsheet would run as a formula: OWASP's list of leading characters.
# e.g. "=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"
_FORMULA_START = regex.compile(
    r"""
    ^[=+\-@\t\r]     # e.g. "=1+1"
    """,
    regex.VERBOSE,
)

# A character a terminal acts on instead of showing: C0 controls (newline and tab included;
# callers that keep lines split them first), DEL, C1 controls (U+009B is a one-byte CSI), and
# the bidirectional overrides and isolates that reorder what is shown.
# e.g. "\x1b]8;;http://x\x07" (an OSC 8 link), "\x1b[2J" (clear screen), "\x9b2J", "\u202e"
_CONTROL = regex.compile(
    r"""
    [\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]     # e.g. "\x1b"
    """,
    regex.VERBOSE,
)

_MAIN_DESCRIPTION = """\
Find every quotation in news articles, who said it, and in what role.

examples:
  quotekit extract article.txt
  quotekit extract articles/ --format jsonl -o predictions.jsonl
  cat article.txt | quotekit extract -
  quotekit extract articles.jsonl --format html -o quotes.html
  quotekit evaluate --help
"""

_EXTRACT_DESCRIPTION = """\
Read articles and write their quotations, speakers, roles and offsets.

Each PATH is one of:
  a .txt file (or any file other than .jsonl)  one article; its id is the file name
                                               without its suffix
  a folder                                     every *.txt file below it, recursively,
                                               sorted; ids are paths relative to the
                                               folder, without the suffix. Symbolic links
                                               to files outside the folder are skipped
                                               unless --follow-symlinks is given
  a .jsonl or .ndjson file                     one article a line: {{"id": ..., "text": ...}}
                                               (a line without an id gets "FILE:LINE"; an
                                               id keeps its JSON type: 7 stays 7)
  -                                            standard input: JSON Lines if its first
                                               non-blank character is "{{", else one
                                               article, id "-"

--input-format text or jsonl reads every PATH that way, whatever its suffix (a folder:
*.txt or *.jsonl files). A JSON Lines line that is not a JSON object with a "text" string
is reported as FILE:LINE on stderr and skipped; the run goes on and exits 1.

Files are read as UTF-8 (--encoding to change it); offsets are Python str indices into the
decoded text.

Output formats (--format):
  table  a readable table per article (default when stdout is a terminal)
  jsonl  one prediction-format line per article: {{"id", "quotes"}} (default otherwise)
  json   one JSON array of those objects
  csv    one row per quotation (RFC 4180, CRLF line ends): {columns}
         (parts holds each part's [start, end] as JSON). A cell that begins with =, +, -,
         @, tab or carriage return gets a leading ' so that a spreadsheet shows it as text
         instead of running it as a formula (OWASP's advice against CSV injection); drop
         that one ' to recover the text.
  html   a standalone HTML page with the quotations highlighted

With -o FILE and no --format, the format follows FILE's suffix (.jsonl, .ndjson, .json,
.csv, .html, .htm, .txt for table); another suffix is an error. FILE is written under a
temporary name in its folder and renamed when the run ends, so an interrupted or failed run
leaves an existing FILE as it was; FILE may not be one of the input files.

An article that cannot be read (missing file, not in the encoding, bad JSON line, "text"
not a string) is reported on stderr with its id and the rest go on; it is left out of the
output. When no article at all could be read, FILE is not written.

Text from the articles (ids, quotations, names) is shown on the terminal with control
characters escaped (\\x1b for ESC), in the table format and in messages.

exit status: 0 all articles read, 1 some article failed or none was found, 2 usage or option
error, 130 interrupted (Ctrl-C).

examples:
  quotekit extract article.txt
  quotekit extract corpus/ --model en_core_web_sm --n-process 4 -o predictions.jsonl
  quotekit extract articles.jsonl --format csv > quotes.csv
  echo '"We will win," said Jane Smith, the party leader.' | quotekit extract - --format json
  quotekit extract article.txt --format html -o article.html
  quotekit extract windows_article.txt --encoding cp1252
""".format(columns=",".join(CSV_COLUMNS))


def main(argv: list[str] | None = None) -> int:
    """Run the ``quotekit`` command.

    Args:
        argv: The arguments after the program name; ``None`` for ``sys.argv[1:]``.

    Returns:
        The exit status: 0 on success, 1 when some article failed, 2 for a usage error,
        130 when interrupted.
    """
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version and argparse usage errors
            return _exit_code(exc.code)
        handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
        if handler is None:
            parser.print_help(sys.stderr)
            return 2
        return handler(args)
    except QuotekitError as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:  # e.g. `quotekit extract ... | head`
        _silence_stdout()
        return 1


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``quotekit`` command.

    Returns:
        The parser, with the ``extract`` and ``evaluate`` subcommands.
    """
    parser = argparse.ArgumentParser(
        prog="quotekit",
        description=_MAIN_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version",
                        version=f"quotekit {__version__} (spaCy {_dist_version('spacy')})")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_extract(subparsers)
    _add_evaluate(subparsers)
    return parser


def _add_extract(subparsers: Any) -> None:
    """Add the ``extract`` subcommand and its options."""
    extract = subparsers.add_parser(
        "extract",
        help="read articles and write their quotations",
        description=_EXTRACT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="a .txt file, a folder of .txt files, a .jsonl file, or - for standard input",
    )
    extract.add_argument(
        "-f", "--format", choices=FORMATS, default=None,
        help="output format (default: table on a terminal, else jsonl; with -o, from its suffix)",
    )
    extract.add_argument(
        "-m", "--model", default="auto",
        help="'auto' (best installed English pipeline, else rules only), 'blank' (rules only), "
             f"an installed spaCy pipeline (installed here: {_installed_models()}) or the "
             "folder of a saved pipeline (default: auto)",
    )
    extract.add_argument(
        "-i", "--input-format", choices=INPUT_FORMATS, default="auto",
        help="how to read each PATH: 'auto' (by suffix; standard input by its first "
             "character), 'text' (one article a file) or 'jsonl' (default: auto)",
    )
    extract.add_argument(
        "-e", "--encoding", type=_encoding, default="utf-8", metavar="ENC",
        help="text encoding of the input, e.g. cp1252 for Windows text (default: utf-8)",
    )
    extract.add_argument(
        "--follow-symlinks", action="store_true",
        help="in a folder, also read symbolic links to files and folders outside it",
    )
    extract.add_argument(
        "-n", "--n-process", type=_n_process, default=1, metavar="N",
        help="worker processes, or -1 for one per CPU (default: 1)",
    )
    extract.add_argument(
        "-b", "--batch-size", type=_positive_int, default=32, metavar="N",
        help="articles per spaCy batch (default: 32)",
    )
    extract.add_argument(
        "-o", "--output", default=None, metavar="FILE",
        help="write to FILE instead of standard output (replaced only when the run ends)",
    )
    extract.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress bar, warnings or summary (failures are still reported)",
    )
    extract.set_defaults(handler=run_extract)


def _installed_models() -> str:
    try:
        import spacy

        names = sorted(spacy.util.get_installed_models())
    except Exception:  # noqa: BLE001 - help text must not fail because of a broken install
        names = []
    return ", ".join(names) if names else "none"


def _add_evaluate(subparsers: Any) -> None:
    try:
        from . import evaluate as _ev
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.evaluate":
            raise
        sub = subparsers.add_parser(
            "evaluate", help="score predictions against a gold corpus (not available)",
            description="quotekit evaluate is not available in this installation.",
        )
        sub.set_defaults(handler=_evaluate_missing)
        return
    sub = subparsers.add_parser(
        "evaluate",
        help="score predictions against a gold corpus",
        description=(_ev.__doc__ or "Score predictions against a gold corpus.").strip()
        .split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _ev.add_arguments(sub)
    sub.set_defaults(handler=_ev.run)


def _evaluate_missing(args: argparse.Namespace) -> int:
    _say("error: the evaluate command is not available (quotekit.evaluate is missing)")
    return 2


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _n_process(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {value!r}") from None
    if number < 1 and number != -1:
        raise argparse.ArgumentTypeError(f"must be at least 1, or -1 for one per CPU, got {number}")
    return number


def _encoding(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"unknown encoding {value!r}; e.g. utf-8, cp1252, latin-1"
        ) from None


# --------------------------------------------------------------------------------------------
# Terminal output


def printable(text: str) -> str:
    """Escape the characters of ``text`` that a terminal would act on instead of showing.

    Args:
        text: Text from an article, an id or a file name.

    Returns:
        The text with C0 and C1 control characters (newline and tab included), DEL and the
        bidirectional overrides written as ``\\xNN`` or ``\\uNNNN``, so that an article cannot
        move the cursor, retitle the window, hide text or make a link.
    """
    return _CONTROL.sub(_escape_char, text)


def _escape_char(match: regex.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _say(message: str) -> None:
    """Print one ``quotekit: ...`` line on stderr, its control characters escaped."""
    print(f"quotekit: {printable(message)}", file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Reading articles


@dataclass(frozen=True, slots=True)
class _Article:
    """One input article, or the reason it could not be read."""

    id: Any
    text: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _Source:
    """One thing to read: standard input, or a file read as text or as JSON Lines."""

    kind: str  # "stdin", "text" or "jsonl"
    path: Path | None = None
    id: str = "-"
    shown: str = "-"


def _plan(args: argparse.Namespace, exclude: frozenset[str]) -> list[_Source]:
    """Every file the run will read, in order, found before any article is read.

    Raises:
        QuotekitError: A folder holds nothing to read.
    """
    sources: list[_Source] = []
    for raw in args.paths:
        if raw == "-":
            sources.append(_Source("stdin"))
            continue
        path = Path(raw)
        if path.is_dir():
            sources.extend(_folder_sources(path, args.input_format, args.follow_symlinks, exclude,
                                           quiet=args.quiet))
            continue
        jsonl = (args.input_format == "jsonl" or (args.input_format == "auto"
                                                  and path.suffix.lower() in _JSONL_SUFFIXES))
        stem = path.stem if path.name else raw
        sources.append(_Source("jsonl" if jsonl else "text", path, raw if jsonl else stem, raw))
    return sources


def _folder_sources(root: Path, input_format: str, follow: bool, exclude: frozenset[str], *,
                    quiet: bool) -> list[_Source]:
    suffixes = _JSONL_SUFFIXES if input_format == "jsonl" else (".txt",)
    real_root = os.path.realpath(root)
    found: list[Path] = []
    others: list[str] = []
    outside = 0
    visited: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=follow):
        if follow:  # a link back up the tree would loop forever
            real = os.path.realpath(folder)
            if real in visited:
                dirs[:] = []
                continue
            visited.add(real)
        for name in files:
            file = Path(folder, name)
            real_file = os.path.realpath(file)
            if real_file in exclude or name.endswith(TEMP_SUFFIX):
                continue  # this run's own output
            if not name.lower().endswith(suffixes):
                others.append(name)
                continue
            if not follow and os.path.commonpath([real_root, real_file]) != real_root:
                outside += 1
                continue
            if file.is_file():
                found.append(file)
    if outside and not quiet:
        _say(f"warning: {root}: skipped {outside} symbolic link{'s' if outside != 1 else ''} "
             "to files outside the folder (--follow-symlinks reads them)")
    if not found:
        wanted = " or ".join(f"*{s}" for s in suffixes)
        seen = f"; it holds {len(others)} other file{'s' if len(others) != 1 else ''}, e.g. " \
               f"{sorted(others)[0]}" if others else " (it is empty)"
        raise OptionError(f"folder {root} has no {wanted} files to read{seen}")
    kind = "jsonl" if input_format == "jsonl" else "text"
    return [
        _Source(kind, file, file.relative_to(root).with_suffix("").as_posix(), str(file))
        for file in sorted(found)
    ]


def _iter_articles(sources: Sequence[_Source], encoding: str, input_format: str,
                   stdin: IO[bytes] | None = None) -> Iterator[_Article]:
    """Yield every article of ``sources`` in order; unreadable ones carry an error instead."""
    for source in sources:
        if source.kind == "stdin":
            data = (stdin if stdin is not None else sys.stdin.buffer).read()
            yield from _articles_of_stdin(data, encoding, input_format)
            continue
        assert source.path is not None
        try:
            data = source.path.read_bytes()
        except FileNotFoundError:
            yield _Article(source.id, error=f"FileNotFoundError: no such file: {source.shown}")
            continue
        except OSError as exc:
            yield _Article(source.id, error=_describe(exc, source.shown))
            continue
        if source.kind == "jsonl":
            yield from _articles_of_jsonl(data, source.shown, encoding)
        else:
            yield _decoded(data, source.id, source.shown, encoding)


def _decoded(data: bytes, art_id: Any, shown: str, encoding: str) -> _Article:
    try:
        return _Article(art_id, text=data.decode(encoding))
    except UnicodeDecodeError as exc:
        return _Article(art_id, error=_describe(exc, shown, data))


def _describe(exc: BaseException, where: str | None = None, data: bytes | None = None) -> str:
    if isinstance(exc, UnicodeDecodeError):
        message = (f"UnicodeDecodeError: {where or 'input'} is not valid {exc.encoding} "
                   f"(byte 0x{exc.object[exc.start]:02x} at offset {exc.start})")
        return message + _cp1252_hint(exc, data)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}: {exc.filename or where or ''}".rstrip(": ")
    return f"{type(exc).__name__}: {exc}"


def _cp1252_hint(exc: UnicodeDecodeError, data: bytes | None) -> str:
    """Name cp1252 where the bytes read as Windows text (0x93 and 0x94 are its curly quotes)."""
    if exc.encoding not in ("utf-8", "utf_8") or data is None:
        return ""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return "; it reads as Windows cp1252 text: rerun with --encoding cp1252"


def _articles_of_stdin(data: bytes, encoding: str, input_format: str) -> Iterator[_Article]:
    if input_format == "jsonl" or (
        input_format == "auto" and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    ):
        yield from _articles_of_jsonl(data, "-", encoding)
        return
    yield _decoded(data, "-", "standard input", encoding)


def _articles_of_jsonl(data: bytes, name: str, encoding: str) -> Iterator[_Article]:
    for number, line in enumerate(data.splitlines(), start=1):
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line.decode(encoding))
        except UnicodeDecodeError as exc:
            yield _Article(where, error=_describe(exc, f"line {number}", data))
            continue
        except json.JSONDecodeError as exc:
            yield _Article(where, error=f"JSONDecodeError: line {number} is not JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield _Article(where, error=f"ValueError: line {number} is a JSON "
                                        f"{type(record).__name__}, not an object with id and text")
            continue
        art_id = record.get("id")
        if art_id is None:
            art_id = where
        elif isinstance(art_id, bool) or not isinstance(art_id, (str, int, float)):
            yield _Article(where, error=f"TypeError: line {number}: 'id' must be a string or a "
                                        f"number, got {type(art_id).__name__}")
            continue
        if "text" not in record:
            yield _Article(art_id, error=f"KeyError: line {number} has no 'text' field")
            continue
        text = record["text"]
        if not isinstance(text, str):
            yield _Article(art_id, error=f"TypeError: 'text' must be a string, "
                                         f"got {type(text).__name__} (line {number})")
            continue
        yield _Article(art_id, text=text)


def _count_articles(sources: Sequence[_Source]) -> int | None:
    """Count the articles cheaply, for the progress bar; ``None`` when unknown (stdin)."""
    total = 0
    for source in sources:
        if source.kind == "stdin":
            return None
        if source.kind == "text" or source.path is None:
            total += 1
            continue
        try:
            with source.path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total


# --------------------------------------------------------------------------------------------
# Extracting


def run_extract(args: argparse.Namespace) -> int:
    """Run ``quotekit extract`` with parsed arguments.

    Every check that needs no article (the output's format and path, the folders' contents)
    runs before the model is loaded.

    Args:
        args: The namespace :func:`build_parser` produced.

    Returns:
        The exit status: 0, or 1 when some article failed or there was none.

    Raises:
        QuotekitError: A bad option, such as a model that is not installed, an output path
            that is also an input, or a folder with nothing to read.
    """
    fmt = args.format or _default_format(args.output)
    to_file = args.output is not None and args.output != "-"
    exclude = frozenset({os.path.realpath(args.output)} if to_file else ())
    if to_file:
        _refuse_input_as_output(args.paths, args.output)
    sources = _plan(args, exclude)
    extractor = _load(args.model, quiet=args.quiet)

    if not to_file:
        return _extract_to(args, extractor, sources, fmt, sys.stdout, None)
    with AtomicFile(args.output, newline="" if fmt == "csv" else None) as output:
        return _extract_to(args, extractor, sources, fmt, output.stream, output)


def _load(model: str, *, quiet: bool) -> Any:
    from ._api import load

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            extractor = load(model)
        except QuotekitError:
            raise
        except (OSError, ValueError, ImportError, KeyError, TypeError) as exc:
            # A pipeline folder that spaCy cannot load (bad config, missing weights).
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            raise OptionError(f"cannot load model {model!r}: {type(exc).__name__}: {first}") from None
    if not quiet:
        for warning in caught:
            _say(f"warning: {str(warning.message).removeprefix('quotekit: ')}")
    return extractor


def _feed(articles: Iterable[_Article], pending: deque[_Article]) -> Iterator[tuple[str, str]]:
    """Yield ``(id, text)`` of each readable article, queueing every article in ``pending``."""
    for article in articles:
        pending.append(article)
        if article.error is None:
            assert article.text is not None
            yield str(article.id), article.text


def _progress_bar(args: argparse.Namespace, sources: Sequence[_Source]) -> Any:
    """A tqdm bar on standard error where it is a terminal and more than one article is read, else None."""
    total = _count_articles(sources)
    if args.quiet or not sys.stderr.isatty() or (total is not None and total <= 1):
        return None
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)


def _report(bar: Any, art_id: Any, error: str) -> None:
    """Print that article ``art_id`` failed, above the progress bar where there is one."""
    message = f"quotekit: {printable(f'article {art_id}: {error}')}"
    if bar is not None:
        bar.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)


def _in_order(stream: Iterable[Result | Failure],
              pending: deque[_Article]) -> Iterator[tuple[_Article, Result | Failure]]:
    """Pair each result of ``stream`` with its article, failures to read slotted in order."""
    from ._api import Failure

    # pipe() reads ahead; articles that could not be read are slotted back in order.
    for item in stream:
        while pending and pending[0].error is not None:
            article = pending.popleft()
            yield article, Failure(str(article.id), article.error or "")
        yield pending.popleft(), item
    while pending:
        article = pending.popleft()
        yield article, Failure(str(article.id), article.error or "")


@dataclass(slots=True)
class _Tally:
    """Articles seen and failed so far in one run."""

    seen: int = 0
    failed: int = 0


def _counted(items: Iterable[tuple[_Article, Result | Failure]], tally: _Tally,
             bar: Any) -> Iterator[tuple[Any, Result]]:
    """Yield ``(id, result)`` of each article that succeeded, counting all in ``tally``."""
    from ._api import Failure

    for article, item in items:
        tally.seen += 1
        if bar is not None:
            bar.update(1)
        if isinstance(item, Failure):
            tally.failed += 1
            if article.error is not None:  # pipe() reports its own failures
                _report(bar, article.id, article.error)
            continue
        yield article.id, item


def _extract_to(args: argparse.Namespace, extractor: Any, sources: Sequence[_Source], fmt: str,
                out: TextIO, output: AtomicFile | None) -> int:
    """Extract from ``sources`` and write the results to ``out`` in format ``fmt``; the exit status."""
    articles = _iter_articles(sources, args.encoding, args.input_format)
    pending: deque[_Article] = deque()
    # pipe() checks batch_size and n_process eagerly and raises OptionError.
    stream = extractor.pipe(_feed(articles, pending), batch_size=args.batch_size, n_process=args.n_process,
                            on_error="return")
    bar = _progress_bar(args, sources)
    tally = _Tally()
    where = output.name if output is not None else "standard output"
    try:
        _WRITERS[fmt](_counted(_in_order(stream, pending), tally, bar), out)
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {where}: {exc.strerror or exc}") from None
    finally:
        if bar is not None:
            bar.close()
    seen, failed = tally.seen, tally.failed
    if seen == failed and output is not None:
        output.cancel()
    if not seen:
        _say("error: no articles in the input")
        return 1
    if failed:
        if not args.quiet:
            kept = f"; nothing written to {where}" if seen == failed and output is not None else ""
            _say(f"{failed} of {seen} articles failed{kept}")
        return 1
    return 0


def _default_format(output: str | None) -> str:
    if output is None or output == "-":
        return "table" if sys.stdout.isatty() else "jsonl"
    suffix = Path(output).suffix.lower()
    if suffix in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffix]
    if os.path.exists(output) and not os.path.isfile(output):
        return "jsonl"  # a device or a pipe such as /dev/null: no suffix to go by
    raise OptionError(
        f"cannot tell the format of {output!r} from its suffix; give --format "
        f"({', '.join(FORMATS)}) or use a suffix {', '.join(_SUFFIX_FORMATS)}"
    )


def _refuse_input_as_output(paths: Sequence[str], output: str) -> None:
    """Refuse ``-o FILE`` when FILE is one of the inputs: it would be replaced by the run."""
    real_output = os.path.realpath(output)
    for raw in paths:
        if raw == "-" or not os.path.exists(raw) or os.path.isdir(raw):
            continue
        same = os.path.realpath(raw) == real_output
        if not same and os.path.exists(output):
            try:
                same = os.path.samefile(raw, output)
            except OSError:
                same = False
        if same:
            raise OptionError(f"-o {output!r} is also an input; write to another file")


def _silence_stdout() -> None:
    # After a broken pipe, point stdout at devnull so that Python's exit flush stays quiet.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


# --------------------------------------------------------------------------------------------
# Writing

_Rows = Iterable[tuple[Any, Result]]


def _record(art_id: Any, result: Result) -> dict[str, Any]:
    record = result.to_dict()
    record["id"] = art_id  # the input's id with its JSON type (7 stays 7)
    return record


def _write_jsonl(results: _Rows, out: TextIO) -> None:
    out.writelines(json.dumps(_record(i, r), ensure_ascii=False) + "\n" for i, r in results)


def _write_json(results: _Rows, out: TextIO) -> None:
    out.write("[")
    first = True
    for art_id, result in results:
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(_record(art_id, result), ensure_ascii=False))
        first = False
    out.write("\n]\n" if not first else "]\n")


def csv_cell(value: object) -> object:
    """One CSV cell, safe to open in a spreadsheet.

    Args:
        value: A value of :func:`quotekit.rows.quote_row`.

    Returns:
        ``""`` for ``None``; a string that begins with ``=``, ``+``, ``-``, ``@``, tab or
        carriage return with a ``'`` in front, so that spreadsheets show it as text instead
        of running it as a formula (OWASP's advice); anything else unchanged.
    """
    if value is None:
        return ""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def csv_row(result_id: Any, quote: Any) -> list[object]:
    """One ``--format csv`` row (see :data:`CSV_COLUMNS`) for a quotation.

    Args:
        result_id: The article's id.
        quote: The quotation.

    Returns:
        The cells, made safe by :func:`csv_cell`; missing values are empty strings.
    """
    return [csv_cell(v) for v in quote_row(quote, result_id).values()]


def _write_csv(results: _Rows, out: TextIO) -> None:
    # RFC 4180 line ends: the csv module quotes a cell only for the characters of its line
    # terminator, so with "\n" alone a CR inside a quotation (CRLF articles) went unquoted.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for art_id, result in results:
        for quote in result.quotes:
            writer.writerow(csv_row(art_id, quote))


def _write_html(results: _Rows, out: TextIO) -> None:
    from .render import render

    page = render([r for _, r in results], jupyter=False, page=True)
    out.write(page or "")


def _shorten(text: str, width: int) -> str:
    flat = printable(" ".join(text.split()))
    if len(flat) <= width:
        return flat
    return flat[: max(width - 1, 1)].rstrip() + "…"


def format_table(result: Result, width: int | None = None) -> str:
    """Render one article's quotations as an aligned plain-text table.

    Control characters from the article (in its id, names and quotations) are escaped by
    :func:`printable`, so the table is safe to print on a terminal.

    Args:
        result: The article's result.
        width: The line width to fit; ``None`` for the terminal's width.

    Returns:
        A heading line and one row per quotation (who, role, kind, confidence, shortened quote).
    """
    width = width or shutil.get_terminal_size((100, 24)).columns
    n = len(result.quotes)
    name = printable(str(result.id)) if result.id is not None else "(no id)"
    heading = f"== {name}: {n} quotation{'s' if n != 1 else ''} =="
    if not n:
        return heading + "\n"
    rows = []
    for quote in result.quotes:
        speaker = quote.speaker
        who = speaker.name if speaker else "(unattributed)"
        role = ", ".join(x for x in (speaker.role, speaker.organization) if x) if speaker else ""
        rows.append((_shorten(who, 28), _shorten(role, 30), printable(quote.kind), f"{quote.confidence:.2f}",
                     _shorten(quote.text, 10**9)))
    headers = ("who", "role", "kind", "conf", "quote")
    widths = [max(len(headers[i]), *(len(r[i]) for r in rows)) for i in range(4)]
    room = max(width - sum(widths) - 2 * len(widths), 20)
    lines = [heading, "  ".join(h.ljust(w) for h, w in zip(headers, (*widths, 0))).rstrip()]
    lines.append("  ".join("-" * w for w in (*widths, min(room, 40))))
    for who, role, kind, conf, text in rows:
        cells = (who.ljust(widths[0]), role.ljust(widths[1]), kind.ljust(widths[2]), conf.rjust(widths[3]))
        lines.append("  ".join((*cells, _shorten(text, room))))
    return "\n".join(lines) + "\n"


def _write_table(results: _Rows, out: TextIO) -> None:
    first = True
    for _, result in results:
        if not first:
            out.write("\n")
        out.write(format_table(result))
        out.flush()
        first = False


_WRITERS: dict[str, Callable[[_Rows, TextIO], None]] = {
    "table": _write_table,
    "jsonl": _write_jsonl,
    "json": _write_json,
    "csv": _write_csv,
    "html": _write_html,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
