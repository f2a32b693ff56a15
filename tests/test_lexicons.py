"""The lexicon data files: they parse, say where they come from, hold no duplicates; loading."""

from __future__ import annotations

import dataclasses
import shutil
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from quotekit import Lexicons, QuotekitError
from quotekit._lexicons import _FILES, WordLists, default_lexicons, supported_languages

DATA = Path(str(resources.files("quotekit") / "data" / "en"))

#: Tab-separated fields each file's lines must have.
FIELDS = {"speech_verbs.tsv": 2, "first_names.tsv": 2, "honorifics.tsv": 2, "person_nouns.tsv": 3}

#: Allowed values of the second (and third) column.
VALUES = {
    "speech_verbs.tsv": ({"speech", "belief", "phrasal", "stance", "evidential"}, None),
    "first_names.tsv": ({"f", "m", "-"}, None),
    "honorifics.tsv": ({"f", "m", "-"}, None),
    "person_nouns.tsv": ({"f", "m", "-"}, {"sg", "pl"}),
}


def entries(name: str) -> list[tuple[int, list[str]]]:
    """(line number, fields) of every entry line of a data file."""
    out = []
    for n, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            out.append((n, [c.strip() for c in line.split("\t")]))
    return out


def test_every_listed_file_is_shipped() -> None:
    assert sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".tsv")) == sorted(_FILES)


@pytest.mark.parametrize("name", _FILES)
def test_file_parses(name: str) -> None:
    rows = entries(name)
    assert rows, f"{name} has no entries"
    want = FIELDS.get(name, 1)
    for n, cols in rows:
        assert len(cols) >= want, f"{name} line {n}: {cols}"
        assert all(cols[:want]), f"{name} line {n}: empty field"
        if name.endswith(".txt"):
            assert len(cols) == 1, f"{name} line {n}: a tab in a one-column file"
        if name in VALUES:
            second, third = VALUES[name]
            assert cols[1] in second, f"{name} line {n}: {cols[1]!r} not in {sorted(second)}"
            if third is not None:
                assert cols[2] in third, f"{name} line {n}: {cols[2]!r} not in {sorted(third)}"


@pytest.mark.parametrize("name", _FILES)
def test_file_has_a_source_comment(name: str) -> None:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    assert header and lines[0].startswith("#"), f"{name} must open with a comment"
    assert any(w in " ".join(header).lower() for w in ("source", "compiled", "from")), (
        f"{name}: its comments must say where the entries come from")


@pytest.mark.parametrize("name", _FILES)
def test_file_has_no_exact_duplicates(name: str) -> None:
    keys = [_key(name, cols) for _, cols in entries(name)]
    dups = [k for k, c in Counter(keys).items() if c > 1]
    assert dups == [], f"{name}: duplicate entries {dups[:10]}"


def _key(name: str, cols: list[str]) -> str:
    # confidence.tsv is keyed by rule and kind together; every other file by its first column.
    return "\t".join(cols[:2]) if name == "confidence.tsv" else cols[0]


@pytest.mark.parametrize("name", _FILES)
def test_file_has_no_duplicates_once_lowercased(name: str) -> None:
    # Names are case-sensitive ("Will" as a name, not a verb); everything else is read lowercase.
    keys = [_key(name, cols) if name == "first_names.tsv" else _key(name, cols).lower() for _, cols in entries(name)]
    dups = [k for k, c in Counter(keys).items() if c > 1]
    assert dups == [], f"{name}: duplicate entries {dups[:10]}"


def test_first_names_header_names_source_and_licence() -> None:
    header = " ".join(ln for ln in (DATA / "first_names.tsv").read_text(encoding="utf-8").splitlines()
                      if ln.startswith("#"))
    assert "Social Security Administration" in header
    assert "public domain" in header
    assert "scripts/build_first_names.py" in header


def test_first_names_generated_part_follows_the_hand_list() -> None:
    # The generated part follows the hand-picked part and never repeats a hand-picked name.
    text = (DATA / "first_names.tsv").read_text(encoding="utf-8")
    hand, generated = text.split("# --- generated ---")
    names = [ln.split("\t")[0] for ln in hand.splitlines() if ln and not ln.startswith("#")]
    more = [ln.split("\t")[0] for ln in generated.splitlines() if ln and not ln.startswith("#")]
    assert names and len(more) > 5000
    assert not set(names) & set(more)


def test_file_is_utf8_without_bom() -> None:
    for name in _FILES:
        raw = (DATA / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), name
        raw.decode("utf-8")


def test_default_lexicons_content() -> None:
    lex = default_lexicons()
    assert lex.cue_words["said"] == "speech"
    assert lex.cue_words["says"] == "speech"
    assert ("according", "to") in lex.cue_phrases
    assert ("pointed", "out") in lex.cue_multi
    assert lex.honorifics["ms"] == "f" and lex.honorifics["mr"] == "m"
    assert lex.person_nouns["spokeswoman"] == ("f", "sg")
    assert ("so-called",) in lex.title_cues
    assert "statement" in lex.statement_nouns
    assert lex.max_role_len >= 2


def test_from_dir_on_copy(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    lex = Lexicons.from_dir(copy)
    assert lex == default_lexicons()


def test_from_dir_with_extra_entry(tmp_path: Path) -> None:
    import quotekit

    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    with (copy / "speech_verbs.tsv").open("a", encoding="utf-8") as f:
        f.write("\nblorp\tspeech\n")
    lex = Lexicons.from_dir(copy)
    assert lex.cue_words.get("blorped") == "speech"
    text = "Jane Doe met the press.\n\n“It took ten years,” she blorped."
    ex = quotekit.load("blank", lexicons=lex)
    r = ex.extract(text)
    assert r[0].cue is not None and r[0].cue.text == "blorped"
    assert r[0].speaker is not None and r[0].speaker.name == "Jane Doe"


def test_missing_file_raises(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "roles.txt").unlink()
    with pytest.raises(QuotekitError, match="roles.txt"):
        Lexicons.from_dir(copy)


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(QuotekitError):
        Lexicons.from_dir(tmp_path / "nowhere")


def test_malformed_line_raises(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    with (copy / "person_nouns.tsv").open("a", encoding="utf-8") as f:
        f.write("\nbystander\n")
    with pytest.raises(QuotekitError, match="person_nouns.tsv"):
        Lexicons.from_dir(copy)


# --- The word lists (Lexicons.words) and the language folders -------------------------------

WORD_FIELDS = [f.name for f in dataclasses.fields(WordLists)]


def word_entries(field: str) -> list[str]:
    """The entry lines of ``words/<field>.txt``, stripped."""
    lines = (DATA / "words" / f"{field}.txt").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def test_every_word_list_has_a_file_and_no_other_file_is_there() -> None:
    assert sorted(p.stem for p in (DATA / "words").iterdir()) == sorted(WORD_FIELDS)


@pytest.mark.parametrize("field", WORD_FIELDS)
def test_word_list_file_header_and_entries(field: str) -> None:
    lines = (DATA / "words" / f"{field}.txt").read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    assert lines[0].startswith("#") and len(header) >= 2, f"{field}.txt must open with what it is and its source"
    assert any(w in " ".join(header).lower() for w in ("compiled", "source")), f"{field}.txt: say where it comes from"
    words = word_entries(field)
    assert words, f"{field}.txt has no entries"
    assert all("\t" not in w and w == w.lower() for w in words), f"{field}.txt: one lowercase entry a line"
    dups = [w for w, c in Counter(words).items() if c > 1]
    assert dups == [], f"{field}.txt: duplicate entries {dups}"


def test_word_lists_load_into_lexicons() -> None:
    lex = default_lexicons()
    for field in WORD_FIELDS:
        assert getattr(lex.words, field) == frozenset(word_entries(field)), field
    assert {"monday", "may", "the", "yesterday"} <= lex.never_names
    assert "indeed" in lex.stop_not_names and "others" not in lex.stop_not_names
    assert lex.pronouns["she"] == ("f", "sg")
    assert ("according", "to") in lex.source_pairs and "according" in lex.cue_triggers


def test_stop_words_are_spacys_english_ones() -> None:
    # The file says it is spaCy's list copied unchanged; a spaCy upgrade that changes it shows here.
    from spacy.lang.en.stop_words import STOP_WORDS

    assert default_lexicons().words.stop_words == frozenset(STOP_WORDS)


def test_missing_word_list_raises(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "words" / "weekdays.txt").unlink()
    with pytest.raises(QuotekitError, match="weekdays.txt"):
        Lexicons.from_dir(copy)


def cue_texts(text: str, lex: Lexicons) -> list[str]:
    """The cues :func:`find_cues` finds in ``text`` with ``lex`` (blank tokenizer)."""
    import spacy

    from quotekit._cues import find_cues
    from quotekit._quotes import find_quotes
    from quotekit._text import Paragraphs, normalize
    from quotekit._tokens import build_view

    norm = normalize(text)
    paras = Paragraphs(norm)
    doc = spacy.blank("en").make_doc(text)
    view = build_view(doc, text, norm, paras, find_quotes(norm, paras, lex))
    return [view.span_text(c.i, c.j) for c in find_cues(view, lex)]


def test_the_cue_rules_read_the_word_lists(tmp_path: Path) -> None:
    # A naming verb added to the data file becomes a cue; nothing in the code lists it.
    text = "Jane Doe dubbed the plan “a disgrace to the harbour”."
    assert "dubbed" not in cue_texts(text, default_lexicons())
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    with (copy / "words" / "naming_verbs.txt").open("a", encoding="utf-8") as f:
        f.write("dubbed\n")
    assert "dubbed" in cue_texts(text, Lexicons.from_dir(copy))


def test_supported_languages_are_the_data_folders() -> None:
    assert "en" in supported_languages()
    assert default_lexicons("en") is default_lexicons()


@pytest.mark.parametrize("lang", ["de", "xx", ""])
def test_unsupported_language_raises_naming_the_supported_ones(lang: str) -> None:
    with pytest.raises(QuotekitError, match=r"language '.*'.*supported: en"):
        default_lexicons(lang)


def test_german_pipeline_is_refused() -> None:
    # Before, a German pipeline was read with the English word lists without a word said.
    import spacy

    import quotekit

    with pytest.raises(QuotekitError, match="'de'"):
        quotekit.load(spacy.blank("de"))
    with pytest.raises(QuotekitError, match="'de'"):
        spacy.blank("de").add_pipe("quotekit")


def test_german_pipeline_with_a_lexicon_folder_is_accepted() -> None:
    # A folder of data files is how a language is added: the component takes it from its config.
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("quotekit", config={"lexicons": str(DATA)})
    doc = nlp("„Wir bauen den Pier neu“, sagte Anna Lee.")
    assert isinstance(doc._.quotes, list)
