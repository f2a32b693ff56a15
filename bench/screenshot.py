"""Render a short example article with quotekit.render and save a screenshot for the README.

Usage::

    PYTHONPATH=. python3 bench/screenshot.py [--out docs/render.png] [--html FILE]

Needs headless Chromium (``apt-get install -y chromium``). The article is made up for this
script; it has two speakers, a quotation interrupted by its attribution, and reported speech.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import quotekit
from quotekit.render import render

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """\
Harbour council approves new ferry link

The harbour council voted on Tuesday to fund a ferry link between the two towns.

“This is the biggest change to our waterfront in fifty years,” said Maria Lopez, the council \
leader. “People have waited long enough.”

Tom Reilly, the chairman of the traders' association, said the plan was “a good start” for \
the town's shops.

“We will hold the council to its promises,” he added.
"""


def main(argv: list[str] | None = None) -> int:
    """Render the example and take the screenshot.

    Args:
        argv: Command-line arguments (``--out``, ``--html``).

    Returns:
        0 on success, 1 when extraction found nothing or Chromium failed.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", default=str(ROOT / "docs" / "render.png"), help="PNG to write")
    parser.add_argument("--html", default=None, help="also keep the HTML page here")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=470)
    args = parser.parse_args(argv)

    result = quotekit.extract(ARTICLE, model="blank", id="example")
    if not result.quotes:
        print("screenshot: extraction found no quotations; not writing a screenshot",
              file=sys.stderr)
        return 1
    for quote in result.quotes:
        who = quote.speaker.name if quote.speaker else "?"
        print(f"{quote.kind:9} {who:14} {quote.text!r}")
    page = render(result, jupyter=False, page=True) or ""

    chromium = find_chromium("screenshot")
    if chromium is None:
        return 1
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(args.html) if args.html else Path(tmp) / "render.html"
        html_path.write_text(page, encoding="utf-8")
        proc = shoot(chromium, html_path, out.resolve(), args.width, args.height, Path(tmp) / "profile")
    if not out.exists():
        print(f"screenshot: chromium failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


def find_chromium(script: str) -> str | None:
    """The Chromium binary, or ``None`` after saying on stderr how to install it."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print(f"{script}: chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
    return chromium


def shoot(chromium: str, html_path: Path, png: Path, width: int, height: int, profile: Path) -> subprocess.CompletedProcess[str]:
    """Headless Chromium's screenshot of a local page (no network: the background services are off)."""
    return subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--hide-scrollbars", f"--user-data-dir={profile}",
            f"--screenshot={png}", f"--window-size={width},{height}",
            html_path.resolve().as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )


if __name__ == "__main__":
    sys.exit(main())
