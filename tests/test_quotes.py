"""Quotation marks: every mark style, apostrophes, nesting, paragraphs, odd white space, offsets.

Run in both modes through the ``extractor`` fixture, and on the pure function
``find_quotes(normalize(text))`` where no model is needed.
"""

from __future__ import annotations

import pytest
import spacy
from conftest import check_offsets, find_quote, part_texts, speaker_name
from spacy.tokens import Doc

import quotekit
from quotekit import Extractor
from quotekit._lexicons import default_lexicons
from quotekit._quotes import UNCLOSED_MAX, UNCLOSED_SOFT, attribution_cut, find_quotes
from quotekit._text import (
    _TABLE,
    Paragraphs,
    has_invisible_space,
    normalize,
    unglue_dash,
    unwrap_lines,
    visible_text,
)
from quotekit._tokens import View, build_view


def raw_texts(text: str) -> list[list[str]]:
    """The parts of every quotation ``find_quotes`` finds, as text."""
    return [[text[s:e] for s, e in q.parts] for q in find_quotes(normalize(text))]


MARK_STYLES = [
    pytest.param("“We will rebuild the pier,” said Jane Doe.", "We will rebuild the pier,", id="curly"),
    pytest.param('"We will rebuild the pier," said Jane Doe.', "We will rebuild the pier,", id="straight"),
    pytest.param("‘We will rebuild the pier,’ said Jane Doe.", "We will rebuild the pier,", id="british-single"),
    pytest.param("«We will rebuild the pier», said Jane Doe.", "We will rebuild the pier", id="guillemets"),
    pytest.param("„We will rebuild the pier“, said Jane Doe.", "We will rebuild the pier", id="low-9"),
    pytest.param("``We will rebuild the pier,'' said Jane Doe.", "We will rebuild the pier,", id="latex-backticks"),
    pytest.param("''We will rebuild the pier,'' said Jane Doe.", "We will rebuild the pier,", id="two-apostrophes"),
    # Older typewritten forms: `…' marks, and a dash glued after the closing mark.
    pytest.param("`We will rebuild the pier,' said Jane Doe.", "We will rebuild the pier,", id="single-backtick"),
    pytest.param("Jane Doe said: `We will rebuild the pier.'\r\nNobody moved.", "We will rebuild the pier.",
                 id="single-backtick-crlf"),
    pytest.param('"We will rebuild the pier"--said Jane Doe.', "We will rebuild the pier", id="straight-double-dash"),
    pytest.param("“We will rebuild the pier!”—said Jane Doe.", "We will rebuild the pier!", id="curly-em-dash"),
    pytest.param("‘We will rebuild the pier’--said\u00a0Jane Doe.", "We will rebuild the pier", id="single-dash-nbsp"),
]


@pytest.mark.parametrize(("text", "content"), MARK_STYLES)
def test_mark_style(extractor: Extractor, text: str, content: str) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    assert [q.text for q in r] == [content]
    q = r[0]
    assert q.kind == "direct"
    assert q.parts == ((q.start, q.end),)
    assert q.cue is not None and q.cue.text == "said"
    assert speaker_name(q) == "Jane Doe"
    assert q.speaker is not None and q.speaker.type == "person"


@pytest.mark.parametrize(("text", "content"), MARK_STYLES)
def test_find_quotes_mark_style(text: str, content: str) -> None:
    assert raw_texts(text) == [[content]]


def test_nested_single_inside_double_is_one_quotation(extractor: Extractor) -> None:
    text = "“He told me ‘never again’ and walked out,” Jane Doe said."
    r = extractor.extract(text)
    check_offsets(r)
    assert [q.text for q in r] == ["He told me ‘never again’ and walked out,"]
    assert speaker_name(r[0]) == "Jane Doe"


def test_find_quotes_nested_double_inside_single() -> None:
    text = "‘The sign said “closed” all week,’ said John Roe. ‘Nobody came.’"
    assert raw_texts(text) == [["The sign said “closed” all week,"], ["Nobody came."]]


APOSTROPHES = [
    "It’s late and we don’t know why, Jane Doe said.",
    "The officers’ conduct was reviewed, John Roe said.",
    "Prices fell in the ’90s and rose again, he said.",
    "She loves rock ’n’ roll and jazz, Jane Doe said.",
    "It's the officers' conduct in the '90s, rock 'n' roll, and we don't know, he said.",
    "We can’t say whether the Council’s plans, the drivers’ union or ’em will win.",
]


@pytest.mark.parametrize("text", APOSTROPHES)
def test_apostrophes_are_never_marks(text: str) -> None:
    assert find_quotes(normalize(text)) == []


@pytest.mark.parametrize("text", APOSTROPHES)
def test_apostrophes_make_no_direct_quotation(extractor: Extractor, text: str) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    assert all(q.kind == "indirect" for q in r)


def test_apostrophes_inside_british_quotation(extractor: Extractor) -> None:
    text = "‘It’s the officers’ conduct we don’t trust,’ said Jane Doe. ‘Not the ’90s.’"
    r = extractor.extract(text)
    check_offsets(r)
    # One quotation interrupted by its attribution: two parts.
    assert [part_texts(r, q) for q in r] == [["It’s the officers’ conduct we don’t trust,", "Not the ’90s."]]


THREE_PARAGRAPHS = (
    "Jane Doe spoke at the pier on Monday.\n\n"
    "“The first part of the plan is done.\n\n"
    "“The second part starts next year.\n\n"
    "“The third part will take longer,” she said.\n\n"
    "The meeting ended at noon."
)


def test_three_paragraph_quotation_is_one_with_three_parts(extractor: Extractor) -> None:
    r = extractor.extract(THREE_PARAGRAPHS)
    check_offsets(r)
    assert len(r) == 1
    q = r[0]
    assert part_texts(r, q) == [
        "The first part of the plan is done.",
        "The second part starts next year.",
        "The third part will take longer,",
    ]
    assert q.kind == "direct"


def test_three_paragraph_quotation_speaker(extractor: Extractor) -> None:
    r = extractor.extract(THREE_PARAGRAPHS)
    assert speaker_name(r[0]) == "Jane Doe"
    assert r[0].cue is not None and r[0].cue.text == "said"


def test_find_quotes_three_paragraphs() -> None:
    assert raw_texts(THREE_PARAGRAPHS) == [[
        "The first part of the plan is done.",
        "The second part starts next year.",
        "The third part will take longer,",
    ]]


def test_interrupted_quotation_is_one_with_two_parts(extractor: Extractor) -> None:
    text = "Jane Doe arrived late.\n\n“We will finish the work,” she said. “Then we will go home.”"
    r = extractor.extract(text)
    check_offsets(r)
    assert len(r) == 1
    q = r[0]
    assert part_texts(r, q) == ["We will finish the work,", "Then we will go home."]
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker_mention is not None and q.speaker_mention.text == "she"
    assert speaker_name(q) == "Jane Doe"


def test_unbalanced_mark_recovers_at_paragraph_end(extractor: Extractor) -> None:
    text = ("John Roe arrived late.\n\n“We will finish the work, he said.\n\n"
            "The council met on Tuesday. “The budget is agreed,” said Jane Doe.")
    r = extractor.extract(text)
    check_offsets(r)
    first = find_quote(r, "We will finish")
    assert "council" not in first.text
    assert first.end <= text.index("\n\nThe council")
    second = find_quote(r, "The budget is agreed")
    assert second.text == "The budget is agreed,"
    assert speaker_name(second) == "Jane Doe"


def test_find_quotes_unbalanced_does_not_swallow_next_paragraph() -> None:
    text = "“We will finish the work, he said.\n\nThe council met on Tuesday."
    got = raw_texts(text)
    # Nor its own attribution: it ends at the comma before "he said" (bound_unclosed).
    assert got == [["We will finish the work,"]]


WHITESPACE = [
    pytest.param("Jane\u00a0Doe said:\u00a0“We\u00a0are ready.”\n\nJohn Roe said: “So are we.”", id="nbsp"),
    pytest.param("Jane Doe said: “We are ready.”\r\n\r\nJohn Roe said: “So are we.”", id="crlf"),
    pytest.param("Jane Doe said:\t“We\tare ready.”\n\n\tJohn Roe said: “So are we.”", id="tabs"),
    pytest.param("Jane Doe said: “We are ready.”\rJohn Roe said: “So are we.”", id="lone-cr"),
]


@pytest.mark.parametrize("text", WHITESPACE)
def test_odd_whitespace_keeps_offsets(extractor: Extractor, text: str) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    assert len(r) == 2
    assert r[0].text.replace("\u00a0", " ").replace("\t", " ") == "We are ready."
    assert r[1].text == "So are we."
    assert speaker_name(r[1]) == "John Roe"
    assert r[0].speaker is not None and r[0].speaker.name.split()[-1] == "Doe"


@pytest.mark.parametrize("text", WHITESPACE)
def test_find_quotes_odd_whitespace(text: str) -> None:
    got = raw_texts(text)
    assert [g[0].replace("\u00a0", " ").replace("\t", " ") for g in got] == ["We are ready.", "So are we."]


def test_normalize_keeps_length() -> None:
    text = "a\r\nb\rc\u00a0d\te\u2028f\u200bg😀h"
    norm = normalize(text)
    assert len(norm) == len(text)
    assert "\r" not in norm and "\t" not in norm and "\u00a0" not in norm


def test_invisible_space_is_what_normalize_blanks_and_isspace_does_not() -> None:
    # build_view trusts spaCy's IS_SPACE flag unless this says otherwise.
    everything = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    expected = {c for c in everything if normalize(c) != c and not c.isspace()}
    found = {c for c in everything if has_invisible_space(c)}
    assert found == expected and "\u200b" in found and "\u00a0" not in found
    # Every format character (category Cf) is one: soft hyphen, joiners, bidi controls, tags.
    assert {"\u00ad", "\u200d", "\u202e", "\u2066", "\U000e0041", "\x00", "\x1b"} <= found
    assert set(_TABLE) <= {ord(c) for c in everything if normalize(c) != c}
    assert not has_invisible_space("a\u00a0b\tc\r\nd")
    assert has_invisible_space("a\u200bb")


def blank_view(text: str) -> tuple[Doc, View]:
    """``text`` tokenized by a blank pipeline, and the view the stages would build of it."""
    doc = spacy.blank("en")(text)
    norm = normalize(text)
    paras = Paragraphs(norm)
    return doc, build_view(doc, text, norm, paras, find_quotes(norm, paras))


@pytest.mark.parametrize("text", [
    "A\u00a0\u00a0said B.\r\n\r\n“Yes,” said Jane\u00a0Doe.\t\t“No.”",
    "A \u200b said B.\n\n\u200b\u200b “Yes,” \ufeff said Jane Doe. \x07 “No.”",
    "A\u2003\u2003said\u00ad B.\n\u3000\n“Yes,” said Jane Doe.",
])
def test_view_drops_exactly_the_blank_tokens(text: str) -> None:
    doc, view = blank_view(text)
    # The view covers every visible character spaCy's tokens cover, and nothing else: a
    # token holding a zero-width or control character is split there, a soft hyphen trimmed.
    seen = {k for t in doc for k in range(t.idx, t.idx + len(t)) if view.norm[k] not in " \n"}
    covered = {k for t in view.toks for k in range(t.start, t.end) if view.norm[k] not in " \n"}
    assert covered == seen
    assert all(not view.norm[t.start].isspace() and not view.norm[t.end - 1].isspace() for t in view.toks)
    assert "said" in view.lowers and all(t.text.strip() for t in view.toks)


@pytest.mark.parametrize("text", [
    "Émile Ørsted and ǅemal Ωmega said ²x ٣ 🎉 ß. Done… Next?! Yes.",
    "“Ça va,” said Ünal Çelik. Über alles! Ἀθῆναι. 9 p.m. Ok",
    "plain ascii words, 42 Numbers AND CAPS; end.",
])
def test_view_token_flags_are_what_str_says(text: str) -> None:
    # The view classifies ASCII first characters in numpy and asks str about the rest.
    view = blank_view(text)[1]
    assert view.toks, text
    for t in view.toks:
        assert (t.is_cap, t.is_word) == (t.text[0].isupper(), t.text[0].isalnum()), t
    assert view.caps == [t.is_cap for t in view.toks]
    # A sentence ends after a token that ends in . ! ? or … before a capital or digit.
    firsts = [view.toks[a].text for a, _ in view.sents]
    enders = [t.text for t in view.toks[:-1] if t.text[-1] in ".!?…" and view.toks[t.i + 1].text[0].isupper()]
    assert len(firsts) >= len(enders) + 1


@pytest.mark.parametrize("text, words, caps, expected", [
    # Words outside quotations only: the "said" inside the quotation is not found.
    ("Mayor Ann Lee said: “He said no.” Then she said more.", {"said"}, False, ["said", "said"]),
    # With caps, every capitalised token outside quotations too, in text order.
    ("Mayor Ann Lee said: “He said no.” Then she said more.", {"she"}, True,
     ["Mayor", "Ann", "Lee", "Then", "she"]),
    ("“All quoted, Said Nobody.”", {"said"}, True, []),
    ("", {"said"}, True, []),
])
def test_view_scan_finds_listed_and_capitalised_tokens_outside_quotations(
        text: str, words: set[str], caps: bool, expected: list[str]) -> None:
    view = blank_view(text)[1]
    found = view.scan(frozenset(words), caps=caps)
    assert [view.toks[k].text for k in found] == expected
    assert found == sorted(found) and all(view.toks[k].quote < 0 for k in found)


def test_non_bmp_characters_before_quote_keep_offsets(extractor: Extractor) -> None:
    text = "🎉🎉 Big news 😀 from the pier.\n\n“We are ready,” said Jane Doe. “Truly ready.”"
    r = extractor.extract(text)
    check_offsets(r)
    parts = [text[s:e] for q in r for s, e in q.parts]
    assert parts == ["We are ready,", "Truly ready."]
    assert {speaker_name(q) for q in r} == {"Jane Doe"}
    assert r[0].start == text.index("We are")


def test_interrupted_by_inverted_named_cue_is_one_quotation(extractor: Extractor) -> None:
    text = "Big news from the pier.\n\n“We are ready,” said Jane Doe. “Truly ready.”"
    r = extractor.extract(text)
    assert len(r) == 1
    assert part_texts(r, r[0]) == ["We are ready,", "Truly ready."]


def test_non_bmp_same_paragraph_kind(extractor: Extractor) -> None:
    text = "🎉🎉 Party time. 😀 “We are ready,” said Jane Doe."
    r = extractor.extract(text)
    check_offsets(r)
    assert [q.text for q in r] == ["We are ready,"]
    assert r[0].kind == "direct"


def test_find_quotes_empty_and_markless() -> None:
    assert find_quotes(normalize("")) == []
    assert find_quotes(normalize("   \n\n ")) == []
    assert find_quotes(normalize("No quotation here, just words.")) == []


def test_find_quotes_deep_nesting_is_bounded() -> None:
    text = "“" * 500 + "deep" + "”" * 500
    quotes = find_quotes(normalize(text))
    for q in quotes:
        assert text[q.start:q.end].strip("“”") in ("deep", "")


# Paragraphs joined into one line: the multi-paragraph convention inside a line (no closing
# mark where a paragraph ended, a reopening mark where the next began).
FLATTENED = [
    pytest.param('The mayor said: "We have mended the pier. "We will open it in May." She left at noon.',
                 id="straight"),
    pytest.param("The mayor said: “We have mended the pier. “We will open it in May.” She left at noon.",
                 id="curly"),
    pytest.param("The mayor said: ‘We have mended the pier. ‘We will open it in May.’ She left at noon.",
                 id="british-single"),
    pytest.param('Ferries ran late.\r\nThe mayor said: "We have mended the pier. "We will open it in May." '
                 "She left at noon.", id="crlf"),
    pytest.param('The mayor said:\u00a0"We have mended the pier.\u00a0"We will open it in May."\u00a0'
                 "She left at noon.", id="nbsp"),
    pytest.param('The mayor said: "We have mended the pier! "We will open it in May." She left at noon.',
                 id="exclamation"),
]


@pytest.mark.parametrize("text", FLATTENED)
def test_find_quotes_reopens_after_sentence(text: str) -> None:
    got = [[p.replace("\u00a0", " ") for p in q] for q in raw_texts(text)]
    assert got == [["We have mended the pier" + text[text.index("pier") + 4], "We will open it in May."]]


@pytest.mark.parametrize("text", FLATTENED)
def test_reopens_after_sentence_is_one_quotation(extractor: Extractor, text: str) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "open it in May")
    assert len(q.parts) == 2 and "She left" not in q.text
    assert q.kind == "direct"
    assert q.speaker_mention is not None and q.speaker_mention.text.endswith("mayor")


def test_reopens_after_sentence_then_pairing_recovers(extractor: Extractor) -> None:
    text = ('Jane Doe said: "The pier is mended. "It opens in May." Work began in March. '
            '"It was hard," she added. "Nobody gave up."')
    r = extractor.extract(text)
    check_offsets(r)
    assert [part_texts(r, q) for q in r] == [
        ["The pier is mended.", "It opens in May."], ["It was hard,", "Nobody gave up."]]
    assert all(speaker_name(q) == "Jane Doe" for q in r)


@pytest.mark.parametrize("text, expected", [
    ("“He said “no” to me,” Jane Doe said.", [["He said “no” to me,"]]),
    ('"The sign said "closed." and we left," John Roe said.', [['The sign said "closed." and we left,']]),
])
def test_find_quotes_nested_mark_inside_a_sentence_is_not_a_reopening(text: str, expected: list[list[str]]) -> None:
    assert raw_texts(text) == expected


# Invisible characters: a zero-width space, soft hyphen, word joiner, zero-width joiner, BOM,
# left-to-right mark, NUL and BEL. None may change what is found, nor show up in a name.
INVISIBLE = ["\u200b", "\u00ad", "\u2060", "\u200d", "\ufeff", "\u200e", "\x00", "\x07"]
INVISIBLE_PLACES = [
    pytest.param("“We will win,” said{x} Ann Lee. The rest followed.", id="after-cue"),
    pytest.param('"We will win," said Ann Lee.{x} The rest followed.', id="after-stop"),
    pytest.param("“We will win,” said Ann Lee{x}. The rest followed.", id="before-stop"),
    pytest.param("“We will win,”{x} said Ann Lee, the mayor.\r\nThe rest followed.", id="after-mark-crlf"),
    pytest.param("Ann Lee said:\u00a0{x}“We will win.” The rest followed.", id="after-colon-nbsp"),
]


def _reading(result: quotekit.Result) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.text, q.kind, speaker_name(q), q.cue and visible_text(q.cue.text)) for q in result]


@pytest.mark.parametrize("x", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
@pytest.mark.parametrize("template", INVISIBLE_PLACES)
def test_format_characters_change_nothing(extractor: Extractor, template: str, x: str) -> None:
    text = template.format(x=x)
    r = extractor.extract(text)
    check_offsets(r)
    clean = extractor.extract(template.format(x=""))
    assert _reading(r) == _reading(clean)
    assert [speaker_name(q) for q in r] == ["Ann Lee"]


@pytest.mark.parametrize("text, tokens", [
    ("said\u200b Ann Lee.\u200b The", ["said", "Ann", "Lee", ".", "The"]),
    ("Ann\x00Lee said\x07:", ["Ann", "Lee", "said", ":"]),
    ("sa\u00adid Lee\u2060. Then", ["said", "Lee", ".", "Then"]),
    ("\u200b“Yes,”\u200bsaid", ["“", "Yes", ",", "”", "said"]),
])
def test_split_at_invisible(text: str, tokens: list[str]) -> None:
    view = blank_view(text)[1]
    assert [t.text for t in view.toks] == tokens
    assert all(view.text[t.start:t.end] and not has_invisible_space(view.text[t.start])
               and not has_invisible_space(view.text[t.end - 1]) for t in view.toks)


@pytest.mark.parametrize("text, expected", [
    ("Ann Lee.\u200b", "Ann Lee."),
    ("Ann\u200b Lee", "Ann Lee"),
    ("Ann Lee\u00ad", "Ann Lee"),
    ("Ann\x00\x00Lee", "Ann Lee"),
    ("Dan\u200dReyes", "DanReyes"),
    ("Ann Lee", "Ann Lee"),
])
def test_visible_text(text: str, expected: str) -> None:
    assert visible_text(text) == expected


@pytest.mark.xfail(strict=True, reason="a soft hyphen inside a verb hides it from the trained tagger "
                   "(spaCy reads 'sa\\u00adid' as one unknown word, tagged as a noun)")
def test_soft_hyphen_inside_cue_trained(trained: Extractor) -> None:
    r = trained.extract("“We will win,” sa\u00adid Ann Lee.")
    assert [speaker_name(q) for q in r] == ["Ann Lee"]


def test_soft_hyphen_inside_cue_blank(blank: Extractor) -> None:
    r = blank.extract("“We will win,” sa\u00adid Ann Lee.")
    assert [speaker_name(q) for q in r] == ["Ann Lee"]



def test_find_quotes_backtick_inside_double_backticks_is_nested() -> None:
    text = "``He told me `never again' and left,'' Ann Lee said."
    assert raw_texts(text) == [["He told me `never again' and left,"]]


@pytest.mark.parametrize(("text", "expected"), [
    ('"Enough"--said the chairman.', '"Enough"  said the chairman.'),
    ("“Enough!”—said Ann.", "“Enough!” said Ann."),
    ("A well-known -- dash, a x—y and a 'quote' -- here.", "A well-known -- dash, a x—y and a 'quote' -- here."),
])
def test_unglue_dash(text: str, expected: str) -> None:
    assert unglue_dash(text) == expected and len(unglue_dash(text)) == len(text)


# A stray opening mark (issue 20.5): an unclosed quotation ends before its attribution, and
# within UNCLOSED_SOFT..UNCLOSED_MAX characters; never at the end of a long paragraph.
STRAY = [
    pytest.param("“We will finish the work, he said. The council met on Tuesday.", id="curly-he-said"),
    pytest.param('"We will finish the work, said Ann Lee. The council met on Tuesday.', id="straight-said-name"),
    pytest.param("‘We will finish the work, the mayor added. The council met on Tuesday.", id="single-the-role"),
    pytest.param('"We will finish the work, Ann Lee said.\r\nThe council met on Tuesday.', id="crlf-name-said"),
    pytest.param("“We will finish the work,\u00a0she said.\u00a0The council met on Tuesday.", id="nbsp"),
]


@pytest.mark.parametrize("text", STRAY)
def test_find_quotes_bound_unclosed_before_attribution(text: str) -> None:
    assert raw_texts(text) == [["We will finish the work,"]]


@pytest.mark.parametrize("text", STRAY)
def test_bound_unclosed_quotation_keeps_its_attribution_out(extractor: Extractor, text: str) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    assert [q.text for q in r if q.kind == "direct"] == ["We will finish the work,"]


@pytest.mark.parametrize("text", [
    pytest.param("“We will finish the work, he said. Later he added: “It was hard.” Then he left.", id="curly"),
    pytest.param('"We will finish the work, he said. Later he added: "It was hard." Then he left.', id="straight"),
])
def test_find_quotes_reopening_after_an_attribution_is_a_new_quotation(text: str) -> None:
    assert raw_texts(text) == [["We will finish the work,"], ["It was hard."]]


@pytest.mark.parametrize("text", [
    pytest.param("Ann Lee wrote. ‘We will finish the work,” it said in a statement. “Nobody gave up,” it said.",
                 id="curly"),
    pytest.param("Ann Lee wrote. 'We will finish the work,\" it said in a statement. \"Nobody gave up,\" it said.",
                 id="straight"),
])
def test_find_quotes_mismatched_marks_end_at_the_attribution(text: str) -> None:
    assert raw_texts(text)[-2:] == [["We will finish the work,"], ["Nobody gave up,"]]


def _sentences(n: int) -> str:
    return " ".join(f"The harbour wall number {k} was repaired by the crews." for k in range(n))


@pytest.mark.parametrize("text, most", [
    pytest.param("He called it “a disgrace. " + _sentences(200), UNCLOSED_MAX, id="sentences"),
    pytest.param("He called it “a disgrace " + "and more words " * 5_000, UNCLOSED_MAX, id="no-sentence-end"),
    pytest.param("He called it “a disgrace. " + _sentences(3), 10_000, id="short-paragraph-whole"),
])
def test_find_quotes_bound_unclosed_length(text: str, most: int) -> None:
    got = raw_texts(text)
    assert len(got) == 1 and len(got[0]) == 1
    part = got[0][0]
    assert part.startswith("a disgrace") and len(part) <= most
    if most == UNCLOSED_MAX:
        assert len(part) >= UNCLOSED_SOFT
    if "." in text[UNCLOSED_SOFT:UNCLOSED_MAX]:
        assert part.endswith(".")
    if "short" in text or most > UNCLOSED_MAX:
        assert part == text[text.index("“") + 1:].strip()


@pytest.mark.parametrize("clause, cut", [
    (", she said.", True), (", said Ann Lee,", True), (", the mayor added.", True), (". Ann Lee said.", True),
    (',” it said in a statement.', True), (", Ann Lee told reporters.", True), ('," she said.', True),
    (", we said.", False), (", and said more.", False), (", said to be broken.", False), (", the wall held.", False),
    (", it was said by many people here.", False),
])
def test_attribution_cut(clause: str, cut: bool) -> None:
    text = "We will finish the work" + clause + " More"
    norm = normalize(text)
    got = attribution_cut(norm, 0, len(norm), default_lexicons())
    assert (got == len("We will finish the work") + 1) if cut else got == -1


@pytest.mark.parametrize("joint", [". ", ", said "])
def test_find_quotes_mark_past_the_bound_opens_a_new_quotation(joint: str) -> None:
    text = "He called it “a disgrace. " + _sentences(30) + joint.rstrip() + " “Done,” said Ann Lee."
    got = raw_texts(text)
    assert got[-1] == ["Done,"] and len(got) == 2 and len(got[0][0]) <= UNCLOSED_MAX


def _hard_wrap(text: str, width: int = 70, end: str = "\n") -> str:
    """``text`` wrapped at ``width`` columns the way wire copy is: a space becomes a line break."""
    out, col, last = list(text), 0, -1
    for k, c in enumerate(text):
        if c == "\n":
            col, last = 0, -1
            continue
        last = k if c == " " else last
        col += 1
        if col > width and last >= 0:
            out[last], col, last = "\n", k - last, -1
    return "".join(out).replace("\n", end)


WRAPPED_ARTICLE = (
    "Harbour wall to be rebuilt before winter\n\n"
    "The council of a small coastal town said on Monday that the harbour wall would be rebuilt "
    "before the winter storms, and that the work would cost less than planned.\n\n"
    "“We have mended the pier and we will open it again in May. Nobody should worry about "
    "the cost of the work,” said Ann Lee, the mayor of the town, at a meeting of traders.\n\n"
    "The traders said they were pleased with the plans and would reopen their shops soon."
)


@pytest.mark.parametrize("end", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_unwrap_lines_joins_wrapped_paragraphs(end: str) -> None:
    wrapped = _hard_wrap(WRAPPED_ARTICLE, 60, end)
    assert wrapped.count("\n") > WRAPPED_ARTICLE.count("\n") + 3
    norm = normalize(wrapped)
    assert len(norm) == len(wrapped)
    assert [" ".join(p.split()) for p in norm.split("\n") if p.strip()] == [
        p for p in WRAPPED_ARTICLE.split("\n") if p]


@pytest.mark.parametrize("text", [
    pytest.param(WRAPPED_ARTICLE, id="long-lines"),
    pytest.param("Related stories\nHarbour Wall Rebuilt After Winter Storms Hit Town\n"
                 "Traders Count The Cost Of Third Flood In One Year\nMayor Promises New Sluice Gates "
                 "By Next Spring\nFishermen Say The Boats Are Fine This Season", id="headline-list"),
    pytest.param("Roses are red\nviolets are blue\nthe pier is mended\nand so are you", id="short-verse"),
    pytest.param("One line.\nTwo lines.", id="two-lines"),
])
def test_unwrap_lines_leaves_unwrapped_text(text: str) -> None:
    assert unwrap_lines(text) is text


def test_unwrap_lines_keeps_a_short_line_as_a_paragraph_end() -> None:
    text = _hard_wrap(WRAPPED_ARTICLE.replace("\n\n", "\n"), 60)
    norm = normalize(text)
    assert "at a meeting of traders.\nThe traders" in norm
    assert "before winter\nThe council" in norm


@pytest.mark.parametrize("end, width", [("\n", 60), ("\r\n", 72), ("\n", 45)])
def test_hard_wrapped_quotation_is_found_whole(extractor: Extractor, end: str, width: int) -> None:
    text = _hard_wrap(WRAPPED_ARTICLE, width, end).replace("of the town", "of\u00a0the town")
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "mended the pier")
    assert normalize(q.text).split() == (
        "We have mended the pier and we will open it again in May. Nobody should worry about "
        "the cost of the work,").split()
    assert len(q.parts) == 1 and q.kind == "direct" and speaker_name(q) == "Ann Lee"
