"""Screenshot displaCy's span view of the quotekit component's span groups, for the docs.

Usage::

    python bench/displacy_screenshot.py [--out docs/displacy_spans.png] [--html FILE]

Needs headless Chromium (``apt-get install -y chromium``). The article is made up for this
script: two speakers, a quotation interrupted by its attribution, reported speech and a
pronoun. The page shows ``doc.spans["quotekit"]`` (labelled ``"<kind>: <speaker>"``) and,
below it, ``doc.spans["quotekit_speakers"]`` (each mention labelled with its speaker).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import spacy
from screenshot import find_chromium, shoot  # bench/screenshot.py, beside this script
from spacy import displacy

from quotekit.component import span_colors

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """\
The harbour council voted on Tuesday to fund a ferry link between the two towns.

“This is the biggest change to our waterfront in fifty years,” said Maria Lopez, the council \
leader. “People have waited long enough.”

Tom Reilly, the chairman of the traders' association, said the plan was “a good start” for \
the town's shops. “We will hold the council to its promises,” he added.
"""


def page(model: str) -> str:
    """The HTML page: the quotations' span view, then the speakers' mentions."""
    nlp = spacy.blank("en") if model == "blank" else spacy.load(model)
    nlp.add_pipe("quotekit")
    doc = nlp(ARTICLE)
    for span in doc.spans["quotekit"]:
        print(f"{span.label_:22} {span.text!r}")
    views = []
    for key, title in (("quotekit", 'doc.spans["quotekit"]: who said what'),
                       ("quotekit_speakers", 'doc.spans["quotekit_speakers"]: every mention')):
        body = displacy.render(doc, style="span", jupyter=False,
                               options={"spans_key": key, "colors": span_colors(doc)})
        views.append(f"<h3 style=\"font-family: sans-serif\">{title}</h3>{body}")
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>quotekit spans'
            "</title><style>.spans span[style*='z-index: 10'] { white-space: nowrap; }</style>"
            "</head><body style=\"margin: 1em 2em\">" + "".join(views) + "</body></html>")


def main(argv: list[str] | None = None) -> int:
    """Build the page and take the screenshot.

    Args:
        argv: Command-line arguments (``--out``, ``--html``, ``--model``, size).

    Returns:
        0 on success, 1 when Chromium is missing or failed.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", default=str(ROOT / "docs" / "displacy_spans.png"))
    parser.add_argument("--html", default=None, help="also keep the HTML page here")
    parser.add_argument("--model", default="blank", help="blank or an installed pipeline")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=520)
    args = parser.parse_args(argv)

    chromium = find_chromium("displacy_screenshot")
    if chromium is None:
        return 1
    markup = page(args.model)
    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "spans.html"
        html_path.write_text(markup, encoding="utf-8")
        if args.html:
            shutil.copyfile(html_path, args.html)
        # Chromium writes into the output's folder under a temporary name, renamed on success.
        fd, partial = tempfile.mkstemp(prefix=".displacy-", suffix=".png", dir=out.parent)
        os.close(fd)
        try:
            proc = shoot(chromium, html_path, Path(partial), args.width, args.height, Path(tmp) / "profile")
            if proc.returncode != 0 or Path(partial).stat().st_size == 0:
                print(f"displacy_screenshot: chromium failed:\n{proc.stderr[-2000:]}",
                      file=sys.stderr)
                return 1
            os.replace(partial, out)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
