"""The spaCy component: entry point, ``doc._.quotes``, DocBin round trip, multiprocessing."""

from __future__ import annotations

import json
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
        assert doc.text[q.start:q.end] == q.text


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
