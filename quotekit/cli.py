"""The ``quotekit`` command: ``quotekit extract`` and ``quotekit evaluate``.

Run ``quotekit --help`` (or ``python -m quotekit --help``) for the options and examples.
"""

from __future__ import annotations

import argparse
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
from typing import IO, Any, TextIO

from ._errors import QuotekitError
from ._types import Quote, Result
from ._version import __version__

FORMATS: tuple[str, ...] = ("table", "jsonl", "json", "csv", "html")

#: Columns of ``--format csv``, one row per quotation.
CSV_COLUMNS: tuple[str, ...] = (
    "id", "start", "end", "kind", "text", "speaker", "speaker_type", "role", "organization",
    "cue", "speaker_mention",
)

_SUFFIX_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
    ".html": "html", ".htm": "html", ".txt": "table",
}

_JSONL_SUFFIXES: frozenset[str] = frozenset({".jsonl", ".ndjson"})

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
                                               folder, without the suffix
  a .jsonl file                                one article a line: {{"id": ..., "text": ...}}
                                               (a line without an id gets "FILE:LINE")
  -                                            standard input: JSON Lines as above if it
                                               looks like them, else one article, id "-"

Files are read as UTF-8; offsets are Python str indices into the decoded text.

Output formats (--format):
  table  a readable table per article (default when stdout is a terminal)
  jsonl  one prediction-format line per article: {{"id", "quotes"}} (default otherwise)
  json   one JSON array of those objects
  csv    one row per quotation: {columns}
  html   a standalone HTML page with the quotations highlighted

With -o FILE and no --format, the format follows FILE's suffix (.jsonl, .json, .csv, .html).

An article that cannot be read (missing file, not UTF-8, bad JSON line, "text" not a
string) is reported on stderr with its id and the rest go on; it is left out of the output.

exit status: 0 all articles read, 1 some article failed, 2 usage or option error.

examples:
  quotekit extract article.txt
  quotekit extract corpus/ --model en_core_web_sm --n-process 4 -o predictions.jsonl
  quotekit extract articles.jsonl --format csv > quotes.csv
  echo '"We will win," said Jane Smith, the party leader.' | quotekit extract - --format json
  quotekit extract article.txt --format html -o article.html
""".format(columns=",".join(CSV_COLUMNS))


def main(argv: list[str] | None = None) -> int:
    """Run the ``quotekit`` command.

    Args:
        argv: The arguments after the program name; ``None`` for ``sys.argv[1:]``.

    Returns:
        The exit status: 0 on success, 1 when some article failed, 2 for a usage error.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and argparse usage errors
        return _exit_code(exc.code)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except QuotekitError as exc:
        print(f"quotekit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quotekit: interrupted", file=sys.stderr)
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
    parser.add_argument("--version", action="version", version=f"quotekit {__version__} (spaCy {_dist_version('spacy')})")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")

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
        help="'auto' (best installed English pipeline, else rules only), 'blank' (rules only) "
             "or an installed spaCy pipeline such as en_core_web_sm (default: auto)",
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
        help="write to FILE instead of standard output",
    )
    extract.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress bar, warnings or summary (failures are still reported)",
    )
    extract.set_defaults(handler=run_extract)

    _add_evaluate(subparsers)
    return parser


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
    print("quotekit: error: the evaluate command is not available (quotekit.evaluate is missing)",
          file=sys.stderr)
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


# --------------------------------------------------------------------------------------------
# Reading articles


@dataclass(frozen=True, slots=True)
class _Article:
    """One input article, or the reason it could not be read."""

    id: str
    text: str | None = None
    error: str | None = None


def _iter_articles(paths: Sequence[str], stdin: IO[bytes] | None = None) -> Iterator[_Article]:
    """Yield every article of ``paths`` in order; unreadable ones carry an error instead."""
    for raw in paths:
        if raw == "-":
            data = (stdin if stdin is not None else sys.stdin.buffer).read()
            yield from _articles_of_stdin(data)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*.txt") if p.is_file()):
                rel = file.relative_to(path).with_suffix("").as_posix()
                yield _read_text_file(file, rel)
        elif path.suffix.lower() in _JSONL_SUFFIXES:
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield _Article(raw, error=_describe(exc))
                continue
            yield from _articles_of_jsonl(data, raw)
        else:
            yield _read_text_file(path, path.stem if path.name else raw, shown=raw)


def _read_text_file(path: Path, art_id: str, shown: str | None = None) -> _Article:
    try:
        return _Article(art_id, text=path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return _Article(art_id, error=f"FileNotFoundError: no such file: {shown or str(path)}")
    except (OSError, UnicodeDecodeError) as exc:
        return _Article(art_id, error=_describe(exc, shown or str(path)))


def _describe(exc: BaseException, where: str | None = None) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return (f"UnicodeDecodeError: {where or 'input'} is not valid UTF-8 "
                f"(byte 0x{exc.object[exc.start]:02x} at offset {exc.start})")
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}: {exc.filename or where or ''}".rstrip(": ")
    return f"{type(exc).__name__}: {exc}"


def _articles_of_stdin(data: bytes) -> Iterator[_Article]:
    if _looks_like_jsonl(data):
        yield from _articles_of_jsonl(data, "-")
        return
    try:
        yield _Article("-", text=data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        yield _Article("-", error=_describe(exc, "standard input"))


def _looks_like_jsonl(data: bytes) -> bool:
    for line in data.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            return False
        return isinstance(record, dict) and "text" in record
    return False


def _articles_of_jsonl(data: bytes, name: str) -> Iterator[_Article]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield _Article(where, error=_describe(exc, f"line {number}"))
            continue
        except json.JSONDecodeError as exc:
            yield _Article(where, error=f"JSONDecodeError: line {number} is not JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield _Article(where, error=f"ValueError: line {number} is a JSON "
                                        f"{type(record).__name__}, not an object with id and text")
            continue
        art_id = where if record.get("id") is None else str(record["id"])
        if "text" not in record:
            yield _Article(art_id, error=f"KeyError: line {number} has no 'text' field")
            continue
        text = record["text"]
        if not isinstance(text, str):
            yield _Article(art_id, error=f"TypeError: 'text' must be a string, "
                                         f"got {type(text).__name__} (line {number})")
            continue
        yield _Article(art_id, text=text)


def _count_articles(paths: Sequence[str]) -> int | None:
    """Count the articles cheaply, for the progress bar; ``None`` when unknown (stdin)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        if path.is_dir():
            total += sum(1 for p in path.rglob("*.txt") if p.is_file())
        elif path.suffix.lower() in _JSONL_SUFFIXES:
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


# --------------------------------------------------------------------------------------------
# Extracting


def run_extract(args: argparse.Namespace) -> int:
    """Run ``quotekit extract`` with parsed arguments.

    Args:
        args: The namespace :func:`build_parser` produced.

    Returns:
        The exit status: 0, or 1 when some article failed.

    Raises:
        QuotekitError: A bad option, such as a model that is not installed.
    """
    from ._api import Failure, load

    fmt = args.format or _default_format(args.output)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        extractor = load(args.model)
    if not args.quiet:
        for warning in caught:
            print(f"quotekit: warning: {_strip_prefix(str(warning.message))}", file=sys.stderr)

    articles = _iter_articles(args.paths)
    pending: deque[_Article] = deque()

    def feed() -> Iterator[tuple[str, str]]:
        for article in articles:
            pending.append(article)
            if article.error is None:
                assert article.text is not None
                yield article.id, article.text

    # pipe() checks batch_size and n_process eagerly and raises OptionError.
    stream = extractor.pipe(feed(), batch_size=args.batch_size, n_process=args.n_process,
                            on_error="return")

    total = _count_articles(args.paths)
    show_bar = (not args.quiet and sys.stderr.isatty() and (total is None or total > 1))
    bar: Any = None
    if show_bar:
        from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

        bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)

    def report(article: _Article) -> Failure:
        message = f"quotekit: article {article.id}: {article.error}"
        if bar is not None:
            bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)
        return Failure(article.id, article.error or "")

    def ordered() -> Iterator[Result | Failure]:
        # pipe() reads ahead; articles that could not be read are slotted back in order.
        for item in stream:
            while pending and pending[0].error is not None:
                yield report(pending.popleft())
            if pending:
                pending.popleft()
            yield item
        while pending:
            article = pending.popleft()
            if article.error is not None:
                yield report(article)

    failed = 0
    seen = 0

    def counted() -> Iterator[Result]:
        nonlocal failed, seen
        for item in ordered():
            seen += 1
            if bar is not None:
                bar.update(1)
            if isinstance(item, Failure):
                failed += 1
                continue
            yield item

    out, close = _open_output(args.output, fmt)
    try:
        _WRITERS[fmt](counted(), out)
        out.flush()
    finally:
        if bar is not None:
            bar.close()
        if close:
            out.close()
    if failed:
        if not args.quiet:
            print(f"quotekit: {failed} of {seen} articles failed", file=sys.stderr)
        return 1
    return 0


def _strip_prefix(message: str) -> str:
    return message.removeprefix("quotekit: ")


def _default_format(output: str | None) -> str:
    if output is not None and output != "-":
        return _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "jsonl")
    return "table" if sys.stdout.isatty() else "jsonl"


def _open_output(output: str | None, fmt: str) -> tuple[TextIO, bool]:
    if output is None or output == "-":
        return sys.stdout, False
    try:
        return open(output, "w", encoding="utf-8", newline="" if fmt == "csv" else None), True
    except OSError as exc:
        raise _OutputError(f"cannot write {output}: {exc.strerror or exc}") from exc


class _OutputError(QuotekitError):
    """The output file cannot be opened."""


def _silence_stdout() -> None:
    # After a broken pipe, point stdout at devnull so that Python's exit flush stays quiet.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


# --------------------------------------------------------------------------------------------
# Writing


def _write_jsonl(results: Iterable[Result], out: TextIO) -> None:
    out.writelines(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in results)


def _write_json(results: Iterable[Result], out: TextIO) -> None:
    out.write("[")
    first = True
    for result in results:
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(result.to_dict(), ensure_ascii=False))
        first = False
    out.write("\n]\n" if not first else "]\n")


def csv_row(result_id: str | None, quote: Quote) -> list[object]:
    """One ``--format csv`` row (see :data:`CSV_COLUMNS`) for a quotation.

    Args:
        result_id: The article's id.
        quote: The quotation.

    Returns:
        The cells; missing values are empty strings.
    """
    speaker = quote.speaker
    return [
        result_id or "", quote.start, quote.end, quote.kind, quote.text,
        speaker.name if speaker else "", speaker.type if speaker else "",
        (speaker.role or "") if speaker else "", (speaker.organization or "") if speaker else "",
        quote.cue.text if quote.cue else "",
        quote.speaker_mention.text if quote.speaker_mention else "",
    ]


def _write_csv(results: Iterable[Result], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for result in results:
        for quote in result.quotes:
            writer.writerow(csv_row(result.id, quote))


def _write_html(results: Iterable[Result], out: TextIO) -> None:
    from .render import render

    page = render(list(results), jupyter=False, page=True)
    out.write(page or "")


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[: max(width - 1, 1)].rstrip() + "…"


def format_table(result: Result, width: int | None = None) -> str:
    """Render one article's quotations as an aligned plain-text table.

    Args:
        result: The article's result.
        width: The line width to fit; ``None`` for the terminal's width.

    Returns:
        A heading line and one row per quotation (who, role, kind, shortened quote).
    """
    width = width or shutil.get_terminal_size((100, 24)).columns
    n = len(result.quotes)
    heading = f"== {result.id if result.id is not None else '(no id)'}: " \
              f"{n} quotation{'s' if n != 1 else ''} =="
    if not n:
        return heading + "\n"
    rows = []
    for quote in result.quotes:
        speaker = quote.speaker
        who = speaker.name if speaker else "(unattributed)"
        role = ", ".join(x for x in (speaker.role, speaker.organization) if x) if speaker else ""
        rows.append((_shorten(who, 28), _shorten(role, 30), quote.kind, quote.text))
    headers = ("who", "role", "kind", "quote")
    widths = [max(len(headers[i]), *(len(r[i]) for r in rows)) for i in range(3)]
    room = max(width - sum(widths) - 6, 20)
    lines = [heading, "  ".join(h.ljust(w) for h, w in zip(headers, (*widths, 0))).rstrip()]
    lines.append("  ".join("-" * w for w in (*widths, min(room, 40))))
    for who, role, kind, text in rows:
        cells = (who.ljust(widths[0]), role.ljust(widths[1]), kind.ljust(widths[2]))
        lines.append("  ".join((*cells, _shorten(text, room))))
    return "\n".join(lines) + "\n"


def _write_table(results: Iterable[Result], out: TextIO) -> None:
    first = True
    for result in results:
        if not first:
            out.write("\n")
        out.write(format_table(result))
        out.flush()
        first = False


_WRITERS: dict[str, Callable[[Iterable[Result], TextIO], None]] = {
    "table": _write_table,
    "jsonl": _write_jsonl,
    "json": _write_json,
    "csv": _write_csv,
    "html": _write_html,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
