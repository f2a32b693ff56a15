"""The example notebooks: each runs without error, and each is saved with its outputs.

The notebooks are built by ``examples/make_notebooks.py``; ``pytest --nbmake examples/``
runs them too. Running them here needs nbformat, nbclient, ipykernel, matplotlib and pandas.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
SEED_GOLD = EXAMPLES.resolve().parents[1] / "shared" / "seed" / "met_police.gold.jsonl"
ARTICLES = sorted((EXAMPLES / "articles").glob("*.txt"))

ids = [p.name for p in NOTEBOOKS]


def _code_cells(nb: object) -> list[object]:
    return [c for c in nb.cells if c.cell_type == "code"]  # type: ignore[attr-defined]


def _error_outputs(nb: object) -> list[str]:
    return [
        f"cell {i}: {o.get('ename')}: {o.get('evalue')}"
        for i, c in enumerate(nb.cells)  # type: ignore[attr-defined]
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]


def test_the_four_notebooks_are_there() -> None:
    assert [p.name for p in NOTEBOOKS] == [
        "01_quickstart.ipynb",
        "02_who_gets_quoted.ipynb",
        "03_spacy_pipeline.ipynb",
        "04_evaluate.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_saved_notebook_has_outputs(path: Path) -> None:
    """Saved with outputs, so it reads well on GitHub without being run."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    cells = _code_cells(nb)
    assert cells
    for i, cell in enumerate(cells):
        assert cell.execution_count is not None, f"code cell {i} of {path.name} was not run"
        assert cell.outputs, f"code cell {i} of {path.name} has no saved output"
    assert not _error_outputs(nb), _error_outputs(nb)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_runs(path: Path) -> None:
    """Execute the notebook in examples/ (a copy in memory: the saved file is left alone)."""
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as exc:  # pragma: no cover - on failure
        pytest.fail(f"{path.name} failed:\n{exc}")
    assert not _error_outputs(nb), _error_outputs(nb)
    for i, cell in enumerate(_code_cells(nb)):
        assert cell.outputs, f"code cell {i} of {path.name} gave no output"


def test_evaluate_notebook_shows_no_seed_text() -> None:
    """04's saved outputs hold metrics only, never text of the (not redistributable) seed."""
    if not SEED_GOLD.is_file():
        pytest.skip("seed gold file not present")
    nb = nbformat.read(EXAMPLES / "04_evaluate.ipynb", as_version=4)
    pieces: list[str] = []
    for cell in _code_cells(nb):
        for o in cell.outputs:
            pieces.append(o.get("text", ""))
            pieces += [v for v in o.get("data", {}).values() if isinstance(v, str)]
    outputs = " ".join(" ".join(pieces).split())
    with open(SEED_GOLD, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    for doc in docs:
        text = " ".join(doc["text"].split())
        windows = {text[i:i + 30] for i in range(0, max(len(text) - 30, 1), 15)}
        leaked = [w for w in windows if len(w.strip()) >= 20 and w in outputs]
        assert not leaked, leaked[:3]


def test_articles() -> None:
    """8-10 articles of 250-600 words; one with CRLF line ends, one with no-break spaces."""
    assert 8 <= len(ARTICLES) <= 10
    raw = {p.name: p.read_bytes().decode("utf-8") for p in ARTICLES}
    for name, text in raw.items():
        assert 250 <= len(text.split()) <= 600, name
    assert sum("\r\n" in t for t in raw.values()) == 1
    assert sum("\u00a0" in t for t in raw.values()) == 1
    assert sum(n.startswith("uk_") for n in raw) == sum(n.startswith("us_") for n in raw)


def _sources(name: str, cell_type: str) -> str:
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == cell_type)


def _outputs(name: str) -> str:
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    pieces: list[str] = []
    for cell in _code_cells(nb):
        for o in cell.outputs:  # type: ignore[attr-defined]
            pieces.append(o.get("text", ""))
            pieces += [v for v in o.get("data", {}).values() if isinstance(v, str)]
    return "\n".join(pieces)


def test_quickstart_shows_where_blank_and_trained_differ() -> None:
    """01 prints the quotations the two modes read differently, or says there are none."""
    out = _outputs("01_quickstart.ipynb")
    assert "read" in out and ("differently:" in out or "differently." in out or "No trained pipeline" in out)
    assert "expected quotations right" in out
    assert "better with a trained pipeline" not in _sources("01_quickstart.ipynb", "markdown")


def test_spacy_notebook_describes_the_span_groups() -> None:
    """03 names the three labelled span groups of quotekit/component.py, and shows them."""
    prose = _sources("03_spacy_pipeline.ipynb", "markdown")
    for key in ("quotekit", "quotekit_speakers", "quotekit_cues"):
        assert f'doc.spans["{key}"]' in prose
        assert f"{key}:" in _outputs("03_spacy_pipeline.ipynb")
    assert "one span per quotation part" not in prose


def test_evaluate_notebook_shows_the_rule_of_each_error() -> None:
    """04 shows the ``rule`` column of ``quotekit evaluate --errors``."""
    assert "--errors" in _sources("04_evaluate.ipynb", "code")
    out = _outputs("04_evaluate.ipynb")
    assert "rule" in out and "wrong_speaker" in out


def test_notebooks_extra() -> None:
    """The packages to open and run the notebooks are the ``notebooks`` extra, and the examples
    README says how to install it."""
    import configparser

    cfg = configparser.ConfigParser()
    cfg.read(EXAMPLES.parent / "setup.cfg", encoding="utf-8")
    extra = cfg["options.extras_require"]["notebooks"].split()
    assert {"jupyter", "ipykernel", "matplotlib", "pandas"} <= set(extra)
    assert 'pip install "quotekit-nlp[notebooks]"' in (EXAMPLES / "README.md").read_text(encoding="utf-8")
