"""The spaCy component: entry point, ``doc._.quotes``, DocBin round trip, multiprocessing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import spacy
from conftest import TRAINED
from spacy.tokens import DocBin

import quotekit
from quotekit import Quote

TEXTS = [
    "Jane Doe opened the new pier on Monday.\n\n“It took ten years,” she said. “Every family gave.”",
    "“The ferry will run,” said a spokesman for the Harbour Authority.",
    "John Roe said the ferry would run again in May.",
    "No quotation in this one.",
    "",
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    """A blank English pipeline with the quotekit component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit")
    return nlp


def dicts(quotes: list[Quote]) -> list[dict[str, object]]:
    """The quotations as prediction-format dicts."""
    return [q.to_dict() for q in quotes]


def test_entry_point_without_importing_quotekit() -> None:
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('quotekit')\n"
        "doc = nlp('“It took ten years,” said Jane Doe.')\n"
        "print(json.dumps([q.to_dict() for q in doc._.quotes]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    quotes = json.loads(proc.stdout.strip().splitlines()[-1])
    assert [q["text"] for q in quotes] == ["It took ten years,"]
    assert quotes[0]["speaker"]["name"] == "Jane Doe"


def test_doc_quotes_are_quote_objects(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXTS[0])
    quotes = doc._.quotes
    assert quotes and all(isinstance(q, Quote) for q in quotes)
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Jane Doe"
    for q in quotes:
        assert q.text == " ".join(doc.text[s:e] for s, e in q.parts)


def test_component_matches_extract(nlp: spacy.language.Language, blank: quotekit.Extractor) -> None:
    for text in TEXTS:
        assert dicts(nlp(text)._.quotes) == dicts(list(blank.extract(text)))


def test_empty_doc(nlp: spacy.language.Language) -> None:
    assert nlp("")._.quotes == []
    assert nlp("   ")._.quotes == []


def test_doc_without_component_has_no_quotes() -> None:
    assert spacy.blank("en")("“Hi,” she said.")._.quotes == []


def test_docbin_round_trip(nlp: spacy.language.Language) -> None:
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(docs=docs).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab))
    assert len(back) == len(docs)
    for a, b in zip(docs, back):
        assert dicts(b._.quotes) == dicts(a._.quotes)
    assert back[0]._.quotes


def test_docbin_round_trip_with_user_data(nlp: spacy.language.Language) -> None:
    docs = list(nlp.pipe(TEXTS[:2]))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [dicts(d._.quotes) for d in back] == [dicts(d._.quotes) for d in docs]


def test_pipe_two_processes_same_as_one(nlp: spacy.language.Language) -> None:
    texts = TEXTS * 3
    one = [dicts(d._.quotes) for d in nlp.pipe(texts, n_process=1)]
    two = [dicts(d._.quotes) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two
    assert any(one)


def test_after_trained_pipeline(trained: quotekit.Extractor) -> None:
    nlp = spacy.load(TRAINED)
    nlp.add_pipe("quotekit")
    assert nlp.pipe_names[-1] == "quotekit"
    doc = nlp(TEXTS[0])
    assert dicts(doc._.quotes) == dicts(list(trained.extract(TEXTS[0])))


def test_lexicons_config_points_to_folder() -> None:
    src = Path(str(resources.files("quotekit") / "data" / "en"))
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit", config={"lexicons": str(src)})
    assert [q.text for q in nlp("“It took ten years,” said Jane Doe.")._.quotes] == ["It took ten years,"]


# --- span groups and displaCy -----------------------------------------------------------------

INTERVIEW = (
    "“We will reopen the pier in May,” said Jane Doe, the harbour master.\n\n"
    "John Roe said the ferry would run again. “It is ready,” he added."
)


def test_quotation_spans_are_labelled_kind_and_speaker(nlp: spacy.language.Language) -> None:
    doc = nlp(INTERVIEW)
    quotes = doc._.quotes
    group = doc.spans["quotekit"]
    assert len(group) == len(quotes) >= 3
    for span in group:
        quote = quotes[int(span.id_)]
        assert span.label_ == f"{quote.kind}: {quote.speaker.name}" if quote.speaker else quote.kind
        assert span.start_char <= quote.start and quote.end <= span.end_char
    assert {s.label_ for s in group} >= {"direct: Jane Doe", "indirect: John Roe", "direct: John Roe"}


def test_unattributed_quotation_is_labelled_with_its_kind(nlp: spacy.language.Language) -> None:
    doc = nlp("“Closed for repairs.”\n\nNobody knew why.")
    labels = [s.label_ for s in doc.spans["quotekit"]]
    assert [(q.kind, q.speaker) for q in doc._.quotes] == [("direct", None)]
    assert labels == ["direct"]


def test_speaker_and_cue_span_groups(nlp: spacy.language.Language) -> None:
    doc = nlp(INTERVIEW)
    speakers = [(s.text, s.label_) for s in doc.spans["quotekit_speakers"]]
    assert ("Jane Doe", "Jane Doe") in speakers and ("John Roe", "John Roe") in speakers
    assert ("he", "John Roe") in speakers  # pronouns are mentions too
    assert [s.start_char for s in doc.spans["quotekit_speakers"]] == sorted(
        s.start_char for s in doc.spans["quotekit_speakers"])
    cues = [(s.text, s.label_) for s in doc.spans["quotekit_cues"]]
    assert ("said", "Jane Doe") in cues and ("added", "John Roe") in cues
    # Every mention of every speaker, no more.
    expected = {(a, b, q.speaker.name) for q in doc._.quotes if q.speaker for a, b in q.speaker.mentions}
    assert {(s.start_char, s.end_char, s.label_) for s in doc.spans["quotekit_speakers"]} == expected


def test_span_groups_can_be_turned_off() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit", config={"span_groups": False})
    doc = nlp(INTERVIEW)
    assert "quotekit_speakers" not in doc.spans and "quotekit_cues" not in doc.spans
    assert doc.spans["quotekit"] and doc._.quotes


def test_displacy_span_view_shows_who_said_what(nlp: spacy.language.Language) -> None:
    from spacy import displacy

    doc = nlp(INTERVIEW)
    markup = displacy.render(doc, style="span", options={"spans_key": "quotekit"}, jupyter=False)
    assert "direct: Jane Doe" in markup and "indirect: John Roe" in markup
    markup = displacy.render(doc, style="span", options={"spans_key": "quotekit_speakers"},
                             jupyter=False)
    assert "Jane Doe" in markup and "John Roe" in markup


def test_span_groups_survive_docbin(nlp: spacy.language.Language) -> None:
    doc = nlp(INTERVIEW)
    back = next(DocBin(docs=[doc]).from_bytes(DocBin(docs=[doc]).to_bytes())
                .get_docs(spacy.blank("en").vocab))
    for key in ("quotekit", "quotekit_speakers", "quotekit_cues"):
        assert [(s.start, s.end, s.label_, s.id_) for s in back.spans[key]] == [
            (s.start, s.end, s.label_, s.id_) for s in doc.spans[key]]


def test_one_speaker_is_stored_once(nlp: spacy.language.Language) -> None:
    text = "\n\n".join(f"“Point {i},” said Jane Doe." for i in range(30))
    doc = nlp(text)
    attrs = doc.spans["quotekit"].attrs
    assert len(attrs["speakers"]) == 1 and len(attrs["quotes"]) == 30
    assert all(q["speaker"] == 0 for q in attrs["quotes"])
    quotes = doc._.quotes
    assert len({id(q.speaker) for q in quotes}) == 1
    assert len(quotes[0].speaker.mentions) == 30  # type: ignore[union-attr]


def test_docs_stored_before_speaker_indexes_still_read(nlp: spacy.language.Language) -> None:
    doc = nlp(INTERVIEW)
    expected = dicts(doc._.quotes)
    # The older layout: each quotation holds its speaker.
    group = doc.spans["quotekit"]
    group.attrs["quotes"] = expected
    del group.attrs["speakers"]
    assert dicts(doc._.quotes) == expected


# --- configuration saved and restored with the pipeline ---------------------------------------

def test_to_disk_and_spacy_load_keep_the_configuration(tmp_path: Path) -> None:
    # A lexicon folder in which "harrumph" is a speech verb: only it finds the quotation.
    lexicons = tmp_path / "my_lexicons"
    shutil.copytree(Path(str(resources.files("quotekit") / "data" / "en")), lexicons)
    with (lexicons / "speech_verbs.tsv").open("a", encoding="utf-8") as f:
        f.write("harrumph\tspeech\n")
    text = "“Nonsense,” harrumphed Jane Doe."
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit", config={"lexicons": str(lexicons), "span_groups": False})
    found = dicts(nlp(text)._.quotes)
    assert found and found[0]["speaker"]["name"] == "Jane Doe"
    plain = spacy.blank("en")
    plain.add_pipe("quotekit")
    assert dicts(plain(text)._.quotes) != found

    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    assert (saved / "quotekit" / "lexicons" / "speech_verbs.tsv").is_file()
    shutil.rmtree(lexicons)  # the saved pipeline must not need the original folder
    back = spacy.load(saved)
    config = back.config["components"]["quotekit"]
    assert config["lexicons"] == str(lexicons) and config["span_groups"] is False
    doc = back(text)
    assert dicts(doc._.quotes) == found
    assert "quotekit_speakers" not in doc.spans

    # Saved again from the restored pipeline, the lexicons go with it.
    again = tmp_path / "again"
    back.to_disk(again)
    assert dicts(spacy.load(again)(text)._.quotes) == found


def test_default_configuration_round_trip(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit")
    nlp.to_disk(tmp_path / "p")
    assert not (tmp_path / "p" / "quotekit" / "lexicons").exists()
    back = spacy.load(tmp_path / "p")
    assert back.pipe_names == ["quotekit"]
    restored, original = back(TEXTS[0]), nlp(TEXTS[0])
    labels = [s.label_ for s in original.spans["quotekit"]]
    assert labels and [s.label_ for s in restored.spans["quotekit"]] == labels


def test_missing_lexicon_folder_is_a_clear_error_on_first_read(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit", config={"lexicons": str(tmp_path / "nowhere")})
    with pytest.raises(quotekit.QuotekitError, match="nowhere"):
        nlp("“Hi,” said Jane Doe.")


def test_span_colors_give_each_speaker_one_colour(nlp: spacy.language.Language) -> None:
    from spacy import displacy

    from quotekit.component import span_colors
    from quotekit.render import PALETTE

    doc = nlp(INTERVIEW)
    colors = span_colors(doc)
    assert colors["direct: Jane Doe"] == colors["Jane Doe"] == PALETTE[0]
    assert colors["indirect: John Roe"] == colors["direct: John Roe"] == colors["John Roe"] == PALETTE[1]
    assert {s.label_ for key in ("quotekit", "quotekit_speakers", "quotekit_cues")
            for s in doc.spans[key]} <= set(colors)
    markup = displacy.render(doc, style="span", jupyter=False,
                             options={"spans_key": "quotekit", "colors": colors})
    assert PALETTE[0] in markup and PALETTE[1] in markup
