"""The lexicon data files: they parse, say where they come from, hold no duplicates; loading."""

from __future__ import annotations

import shutil
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from quotekit import Lexicons, QuotekitError
from quotekit._lexicons import _FILES, default_lexicons

DATA = Path(str(resources.files("quotekit") / "data" / "en"))

#: Tab-separated fields each file's lines must have.
FIELDS = {"speech_verbs.tsv": 2, "first_names.tsv": 2, "honorifics.tsv": 2, "person_nouns.tsv": 3}

#: Allowed values of the second (and third) column.
VALUES = {
    "speech_verbs.tsv": ({"speech", "belief", "phrasal", "stance", "evidential"}, None),
    "first_names.tsv": ({"f", "m"}, None),
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
    keys = [cols[0] for _, cols in entries(name)]
    dups = [k for k, c in Counter(keys).items() if c > 1]
    assert dups == [], f"{name}: duplicate entries {dups[:10]}"


@pytest.mark.parametrize("name", _FILES)
def test_file_has_no_duplicates_once_lowercased(name: str) -> None:
    # Names are case-sensitive ("Will" as a name, not a verb); everything else is read lowercase.
    keys = [cols[0] if name == "first_names.tsv" else cols[0].lower() for _, cols in entries(name)]
    dups = [k for k, c in Counter(keys).items() if c > 1]
    assert dups == [], f"{name}: duplicate entries {dups[:10]}"


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
