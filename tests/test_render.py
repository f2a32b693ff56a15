"""quotekit.render: HTML structure, escaping, nesting, legend, colours, and a real browser."""

from __future__ import annotations

import html
import importlib
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quotekit import Extractor, Quote, Result, Span, Speaker
from quotekit.render import PALETTE, UNATTRIBUTED_COLOR, render, speaker_colors

VOID = {"br", "meta", "img", "hr", "input", "link", "wbr"}


class TagChecker(HTMLParser):
    """Collect start tags and check that every element is closed in the right order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(markup: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(markup)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def plain(markup: str) -> list[str]:
    """The article texts of ``markup``, with marks and labels taken out and unescaped."""
    texts = re.findall(r'<div class="qk-text">(.*?)</div>', markup, flags=re.DOTALL)
    out = []
    for body in texts:
        body = re.sub(r'<span class="qk-label"[^>]*>[^<]*</span>', "", body)
        assert body.startswith("<p>") and body.endswith("</p>")
        body = body[3:-4].replace("</p>\n<p>", "\n\n").replace("<br>\n", "\n")
        body = re.sub(r"</?mark[^>]*>", "", body)
        assert "<" not in body
        out.append(html.unescape(body))
    return out


def marks(checker: TagChecker) -> list[dict[str, str | None]]:
    return [a for t, a in checker.starts if t == "mark" and "qk-quote" in (a.get("class") or "")]


JANE = Speaker("Jane Smith", "person", "party leader", "Labour", ((18, 28),))
TOM = Speaker("Tom <b>Brown</b>", "person", "finance minister", None, ((99, 115),))


def two_speakers() -> Result:
    text = (
        "“We will win,” said Jane Smith, the party leader.\n\n"
        "“The figures,” said Tom <b>Brown</b>, “are wrong.” <script>alert('x')</script>"
    )
    a = text.index("We will win,")
    b = text.index("The figures,")
    c = text.index("are wrong.")
    tom_at = text.index("Tom <b>")
    jane = Speaker("Jane Smith", "person", "party leader", "Labour",
                   ((text.index("Jane"), text.index("Jane") + 10),))
    tom = Speaker("Tom <b>Brown</b>", "person", "finance minister", None,
                  ((tom_at, tom_at + 16),))
    quotes = (
        Quote(text[a:a + 12], a, a + 12, ((a, a + 12),), "direct", jane),
        Quote(text[b:c + 10], b, c + 10, ((b, b + 12), (c, c + 10)), "direct", tom,
              Span(tom_at, tom_at + 16, text[tom_at:tom_at + 16])),
    )
    return Result(quotes, (jane, tom), "blank", "two", text)


def nested() -> Result:
    text = 'She said that the plan was "very good" and would work. Nobody agreed.'
    i = text.index("the plan")
    j = text.index(" and would work.") + len(" and would work")
    p = text.index("very good")
    she = Speaker("Ann Lee", "person", "mayor", None, ((0, 3),))
    quotes = (
        Quote(text[i:j], i, j, ((i, j),), "indirect", she, Span(0, 3, "She"), Span(4, 8, "said")),
        Quote("very good", p, p + 9, ((p, p + 9),), "partial", she),
        Quote("Nobody agreed", 55, 68, ((55, 68),), "indirect", None),
    )
    return Result(quotes, (she,), "blank", "nested", text)


def test_returns_a_page_outside_jupyter() -> None:
    page = render(two_speakers(), jupyter=False)
    assert page is not None
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page and "<style>" in page and "</html>" in page
    check(page)


def test_fragment_has_no_page_but_its_style() -> None:
    fragment = render(two_speakers(), jupyter=False, page=False)
    assert fragment is not None
    assert "<html" not in fragment and "<!DOCTYPE" not in fragment
    assert fragment.startswith("<style>") and 'class="qk-render"' in fragment
    check(fragment)


def test_article_text_is_escaped() -> None:
    markup = render(two_speakers(), jupyter=False, page=False)
    assert markup is not None
    assert "<script>" not in markup and "<b>Brown" not in markup
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in markup
    assert 'data-speaker="Tom &lt;b&gt;Brown&lt;/b&gt;"' in markup
    check(markup)
    assert plain(markup) == [two_speakers().text]


def test_paragraphs_are_kept() -> None:
    markup = render(two_speakers(), jupyter=False, page=False)
    assert markup is not None
    body = re.findall(r'<div class="qk-text">(.*?)</div>', markup, flags=re.DOTALL)[0]
    assert body.count("<p>") == 2 and "<br>" not in body
    text = "Line one\nline two."
    markup = render(Result((), text=text), jupyter=False, page=False) or ""
    assert "Line one<br>\nline two." in markup


def test_quote_over_two_paragraphs_is_closed_and_reopened() -> None:
    text = "“First paragraph.\n\nSecond one,” said Ann Lee."
    ann = Speaker("Ann Lee", "person")
    end = text.index("”")
    quote = Quote(text[1:end], 1, end, ((1, end),), "direct", ann)
    markup = render(Result((quote,), (ann,), text=text), jupyter=False, page=False) or ""
    checker = check(markup)
    found = marks(checker)
    assert len(found) == 2 and "qk-cont" in (found[1]["class"] or "")
    assert "First paragraph.</mark></p>\n<p><mark" in markup
    assert markup.count('class="qk-label"') == 1
    assert plain(markup) == [text]


def test_one_mark_per_quote_part_with_attributes() -> None:
    result = two_speakers()
    checker = check(render(result, jupyter=False, page=False) or "")
    found = marks(checker)
    assert len(found) == sum(len(q.parts) for q in result.quotes) == 3
    assert [m["data-speaker"] for m in found] == ["Jane Smith", "Tom <b>Brown</b>",
                                                  "Tom <b>Brown</b>"]
    assert [m["data-kind"] for m in found] == ["direct"] * 3
    assert found[0]["title"] == "Jane Smith, party leader, Labour (direct, none, confidence 0.00)"
    # The marked words are the quotation's parts.
    markup = render(result, jupyter=False, page=False) or ""
    inner = re.findall(r'<mark class="qk-quote[^>]*>([^<]*)</mark>', markup)
    assert inner == ["We will win,", "The figures,", "are wrong."]


def test_one_label_after_each_quote_last_part() -> None:
    markup = render(two_speakers(), jupyter=False, page=False) or ""
    labels = re.findall(r'<span class="qk-label"[^>]*>([^<]*)</span>', markup)
    assert labels == ["Jane Smith · party leader", "Tom &lt;b&gt;Brown&lt;/b&gt; · finance minister"]
    # After the closing quotation mark.
    assert "are wrong.</mark>”<span class=\"qk-label\"" in markup
    assert markup.count('class="qk-label"') == 2


def test_nested_partial_inside_indirect_is_well_formed() -> None:
    result = nested()
    markup = render(result, jupyter=False, page=False) or ""
    checker = check(markup)
    found = marks(checker)
    assert len(found) == 3
    assert [m["data-kind"] for m in found] == ["indirect", "partial", "indirect"]
    # The partial quotation sits inside the indirect one.
    outer_open = markup.index('data-kind="indirect"')
    inner_open = markup.index('data-kind="partial"')
    inner_close = markup.index("</mark>", inner_open)
    outer_close = markup.index("</mark>", inner_close + 1)
    assert outer_open < inner_open < inner_close < outer_close
    assert "very good</mark>" in markup
    assert plain(markup) == [result.text]


def test_crossing_quotes_are_closed_and_reopened() -> None:
    text = "one two three four five six"
    ann = Speaker("Ann", "person")
    bob = Speaker("Bob", "person")
    quotes = (
        Quote(text[0:13], 0, 13, ((0, 13),), "indirect", ann),
        Quote(text[8:23], 8, 23, ((8, 23),), "direct", bob),
    )
    markup = render(Result(quotes, (ann, bob), text=text), jupyter=False, page=False) or ""
    checker = check(markup)
    found = marks(checker)
    # Bob's quotation is closed where Ann's closes, and reopened after it.
    assert [m["data-speaker"] for m in found] == ["Ann", "Bob", "Bob"]
    assert "qk-cont" in (found[2]["class"] or "") and "qk-cont" not in (found[1]["class"] or "")
    assert markup.count('class="qk-label"') == 2
    assert plain(markup) == [text]


def test_unattributed_quotes_are_grey() -> None:
    markup = render(nested(), jupyter=False, page=False) or ""
    found = marks(check(markup))
    assert found[2]["data-speaker"] == ""
    assert found[2]["style"] == f"background-color: {UNATTRIBUTED_COLOR}"
    assert found[2]["title"].startswith("unattributed (")


def test_legend() -> None:
    markup = render(two_speakers(), jupyter=False, page=False) or ""
    checker = check(markup)
    items = [a for t, a in checker.starts if t == "li" and a.get("class") == "qk-legend-item"]
    assert [i["data-speaker"] for i in items] == ["Jane Smith", "Tom <b>Brown</b>"]
    legend = markup[markup.index('class="qk-legend"'):]
    assert "(person)" in legend and "party leader" in legend and "Labour" in legend
    assert "finance minister" in legend
    assert "1 quotation<" in legend and "1 quotation<" in legend
    markup = render(nested(), jupyter=False, page=False) or ""
    legend = markup[markup.index('class="qk-legend"'):]
    assert "Ann Lee" in legend and "2 quotations" in legend and "unattributed" in legend


def test_colours_are_stable_per_speaker() -> None:
    result = two_speakers()
    found = marks(check(render(result, jupyter=False, page=False) or ""))
    jane, tom1, tom2 = (m["style"] for m in found)
    assert tom1 == tom2 != jane
    assert jane == f"background-color: {PALETTE[0]}"
    assert tom1 == f"background-color: {PALETTE[1]}"
    assert render(result, jupyter=False) == render(result, jupyter=False)
    colors = speaker_colors(result.quotes)
    assert list(colors.values()) == [PALETTE[0], PALETTE[1]]
    # The same speaker's legend swatch has the mark's colour.
    markup = render(result, jupyter=False, page=False) or ""
    assert f'<span class="qk-swatch" style="background-color: {PALETTE[1]}">' in markup


def test_role_that_repeats_the_name_is_not_shown_twice() -> None:
    text = "“No comment,” a spokesman said."
    spokesman = Speaker("spokesman", "person", "spokesman")
    quote = Quote("No comment,", 1, 12, ((1, 12),), "direct", spokesman)
    markup = render(Result((quote,), (spokesman,), text=text), jupyter=False, page=False) or ""
    assert ">spokesman</span>" in markup and "spokesman · spokesman" not in markup
    assert 'class="qk-role"' not in markup


def test_list_of_results_and_empty_result() -> None:
    empty = Result((), (), "blank", "empty", "Nothing to see <here>.")
    markup = render([two_speakers(), empty, nested()], jupyter=False, page=False) or ""
    checker = check(markup)
    articles = [a["data-id"] for t, a in checker.starts if t == "article"]
    assert articles == ["two", "empty", "nested"]
    assert "No quotations found." in markup and "&lt;here&gt;" in markup


def test_parts_out_of_range_are_clamped() -> None:
    text = "short"
    q = Quote("short", 0, 99, ((0, 99), (50, 60)), "direct", None)
    markup = render(Result((q,), text=text), jupyter=False, page=False) or ""
    assert len(marks(check(markup))) == 1


def test_rejects_other_objects() -> None:
    with pytest.raises(TypeError):
        render("just a string", jupyter=False)
    with pytest.raises(TypeError):
        render([two_speakers(), 3], jupyter=False)


def test_spacy_doc_with_quotes() -> None:
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("quotekit.component")
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit")
    doc = nlp("“We will win,” said Jane Smith, the party leader.")
    markup = render(doc, jupyter=False, page=False) or ""
    check(markup)
    assert markup.count('class="qk-quote') == len(doc._.quotes)


def test_jupyter_display(monkeypatch: pytest.MonkeyPatch) -> None:
    display = pytest.importorskip("IPython.display")
    shown: list[object] = []
    monkeypatch.setattr(display, "display", lambda obj: shown.append(obj))
    assert render(two_speakers(), jupyter=True) is None
    assert len(shown) == 1
    data = shown[0].data  # type: ignore[attr-defined]
    assert "<html" not in data and 'class="qk-render"' in data


def test_no_jupyter_detected_in_tests() -> None:
    from quotekit.render import is_in_jupyter

    assert is_in_jupyter() is False


# --- a real browser -----------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                    "(apt-get install -y chromium) so the page cannot be rendered in a browser")
def test_page_renders_in_headless_chromium(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = tmp_path / "quotes.html"
    page.write_text(render([two_speakers(), nested()], jupyter=False) or "", encoding="utf-8")
    png = tmp_path / "quotes.png"
    flags = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
    ]
    shot = subprocess.run(
        [*flags, f"--screenshot={png}", "--window-size=1200,900", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert png.exists(), shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 5000  # a blank 1200x900 page compresses to far less
    dom = subprocess.run(
        [*flags, "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count('class="qk-quote') == 6
    assert 'class="qk-legend"' in dom.stdout and 'class="qk-legend-item"' in dom.stdout
    assert "Jane Smith" in dom.stdout and "<script>alert" not in dom.stdout


# --- escaping every value that reaches the HTML ---------------------------------------------

EVIL = '"><script>alert(1)</script><b x=\''


def hostile() -> Result:
    """A hand-built result whose every string field tries to break out of its attribute."""
    text = "“Yes,” said Ann Lee. “No,” said Bob."
    ann = Speaker(f"Ann{EVIL}", f"person{EVIL}", f"mayor{EVIL}", f"Council{EVIL}", ((12, 19),))  # type: ignore[arg-type]
    quotes = (
        Quote("Yes,", 1, 5, ((1, 5),), f"direct{EVIL}", ann),  # type: ignore[arg-type]
        Quote("No,", 22, 25, ((22, 25),), f'x" onmouseover="alert(2){EVIL}', None),  # type: ignore[arg-type]
    )
    return Result(quotes, (ann,), "blank", f"id{EVIL}", text)


@pytest.mark.parametrize("page", [True, False])
def test_every_field_is_escaped_attributes_included(page: bool) -> None:
    markup = render(hostile(), jupyter=False, page=page) or ""
    checker = check(markup)
    assert "<script" not in markup and "onmouseover=\"" not in markup and "<b x=" not in markup
    assert {tag for tag, _ in checker.starts} <= {
        "html", "head", "meta", "title", "style", "body", "div", "article", "h2", "p", "mark",
        "span", "br", "ul", "li", "b", "em"}
    # No attribute a value could have added, and every value read back unchanged.
    allowed = {"class", "data-quote", "data-part", "data-speaker", "data-kind", "data-confidence", "title", "style",
               "data-id", "lang", "charset"}
    assert all(set(attrs) <= allowed for _, attrs in checker.starts)
    found = marks(checker)
    assert [m["data-kind"] for m in found] == [q.kind for q in hostile().quotes]
    assert found[0]["data-speaker"] == f"Ann{EVIL}"
    assert found[0]["title"].startswith(f"Ann{EVIL}, mayor{EVIL}, Council{EVIL} (")
    # A kind becomes one harmless class name.
    assert found[0]["class"] == "qk-quote qk-direct_script_alert_1_script_b_x_"
    assert found[1]["class"] == "qk-quote qk-x_onmouseover_alert_2_script_alert_1_script_b_x_"
    articles = [a for t, a in checker.starts if t == "article"]
    assert articles[0]["data-id"] == f"id{EVIL}"
    assert plain(markup) == [hostile().text]
    text = "".join(checker.text)
    assert f"person{EVIL}" in text and f"Ann{EVIL}" in text and f"id{EVIL}" in text


def test_palette_values_are_escaped_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # quotekit.render is the function; the module is reached through importlib.
    render_module = importlib.import_module("quotekit.render")
    monkeypatch.setattr(render_module, "PALETTE", ('red"><script>alert(3)</script>',))
    markup = render(two_speakers(), jupyter=False, page=False) or ""
    check(markup)
    assert "<script" not in markup
    assert 'style="background-color: red&quot;&gt;&lt;script&gt;' in markup


def test_many_quotations_by_one_speaker() -> None:
    # The sweep keeps each part open exactly where it should be on a long, dense text.
    unit = "“Yes,” said Ann Lee. "
    n = 3000
    text = unit * n
    ann = Speaker("Ann Lee", "person", None, None,
                  tuple((i * len(unit) + 12, i * len(unit) + 19) for i in range(n)))
    quotes = tuple(Quote("Yes,", i * len(unit) + 1, i * len(unit) + 5,
                         ((i * len(unit) + 1, i * len(unit) + 5),), "direct",
                         # every other quotation holds its own copy, as Quote.from_dict makes
                         ann if i % 2 else Speaker(ann.name, ann.type, None, None, ann.mentions))
                   for i in range(n))
    markup = render(Result(quotes, (ann,), text=text), jupyter=False, page=False) or ""
    found = marks(check(markup))
    assert len(found) == n and {m["style"] for m in found} == {f"background-color: {PALETTE[0]}"}
    assert markup.count('class="qk-label"') == n and markup.count('class="qk-legend-item"') == 1
    assert f"{n} quotations" in markup
    assert plain(markup) == [text]


def test_label_shows_the_confidence(blank: Extractor) -> None:
    result = blank.extract("“We will rebuild the pier,” said Ana Ruiz.")
    (q,) = result
    labels = re.findall(r'<span class="qk-label"[^>]*>([^<]*)</span>', render(result, jupyter=False))
    assert q.confidence > 0 and labels == [f"Ana Ruiz · {q.confidence:.0%}"]
