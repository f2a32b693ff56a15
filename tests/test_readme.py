"""The documentation runs as written: every ```python block of README.md and docs/*.md.

Each file's blocks run in order in one namespace, which starts with the names the blocks take
as given: ``text`` (a short article this test writes), ``texts``, ``articles`` (``(id, text)``
pairs), ``results`` (their blank-mode results) and ``path`` (the article in a file). A block
that imports a package which is not installed, or loads a spaCy pipeline which is not, is
skipped with the reason; so is a block preceded by ``<!-- norun -->`` or
``<!-- norun: why -->`` (for code that needs a cluster or remote storage: use sparingly).
The ``quotekit.x.y(...)`` calls the prose shows in inline code must resolve too.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import spacy

import quotekit

ROOT = Path(__file__).resolve().parents[1]

#: The documents whose code must run.
DOCUMENTS: tuple[Path, ...] = (
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted((ROOT / "examples").glob("*.md")),
)

#: How to install an optional package a block imports.
INSTALL: dict[str, str] = {
    "pandas": 'pip install "quotekit-nlp[pandas]"',
    "pyarrow": 'pip install "quotekit-nlp[pandas]"',
    "pyspark": 'pip install "quotekit-nlp[spark]"',
    "IPython": "pip install ipython",
}

#: Attribute uses that need an optional package although the block does not import it.
NEEDS: dict[str, str] = {"to_dataframe": "pandas", "spark": "pyspark"}

#: Pipeline names that are not installed packages.
BUILTIN_MODELS = frozenset({"auto", "blank"})

# A fenced block's opening line, e.g. "```python" or "   ```py" (inside a list item).
FENCE_OPEN = re.compile(
    r"""
    ^(?P<indent>[ ]*)        # the block may be indented, e.g. in a list item
    (?P<fence>`{3,}|~{3,})   # ``` or ~~~
    [ ]*(?P<lang>[\w+-]*)    # the language, e.g. python
    .*$
    """,
    re.VERBOSE,
)

# The marker that keeps a block from running, e.g. "<!-- norun: needs an S3 bucket -->".
NORUN = re.compile(
    r"""
    ^[ ]*<!--[ ]*norun        # <!-- norun
    (?:[ ]*:[ ]*(?P<why>.*?))? # an optional reason after a colon
    [ ]*-->[ ]*$
    """,
    re.VERBOSE,
)

# A call shown in inline code in the prose, e.g. `quotekit.dataframe.to_dataframe(results)`.
INLINE_CALL = re.compile(
    r"""
    `(?P<path>quotekit(?:\.\w+)+)\(   # `quotekit.render(
    """,
    re.VERBOSE,
)

ARTICLE = (
    "Harbour council backs new ferry link\n\n"
    "The harbour council voted on Tuesday to fund a ferry link between the two towns.\n\n"
    "“This is the biggest change to our waterfront in fifty years,” said Maria Lopez, the "
    "council leader. “People have waited long enough.”\n\n"
    "Tom Reilly, the chairman of the traders' association, said the plan was “a good start” "
    "for the town's shops.\n\n"
    "“We will hold the council to its promises,” he added.\n"
)

ARTICLES: list[tuple[str, str]] = [
    ("ferry", ARTICLE),
    ("school", "“The roof leaks every winter,” said Priya Shah, the head teacher.\n\n"
               "The council said repairs would start in June."),
    ("quiet", "No one was quoted in this short note about the weather."),
]


@dataclass
class Block:
    """One fenced ```python block of a document."""

    document: Path
    line: int
    code: str
    norun: str | None = None

    @property
    def id(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


@dataclass
class Namespace:
    """The shared namespace of one document's blocks, which blocks have run in it and why
    any earlier one could not."""

    names: dict[str, Any]
    done: set[int] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)


def blocks(document: Path) -> list[Block]:
    """Every ```python (or ```py) block of ``document``, with its marker where it has one."""
    lines = document.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = FENCE_OPEN.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, fence, lang = opening["indent"], opening["fence"], opening["lang"]
        end = i + 1
        while end < len(lines) and not (
            lines[end].strip().startswith(fence) and lines[end].strip().strip(fence[0]) == ""
        ):
            end += 1
        if lang.lower() in ("python", "py", "python3"):
            body = [line[len(indent):] if line.startswith(indent) else line.lstrip()
                    for line in lines[i + 1:end]]
            before = [line for line in lines[:i] if line.strip()]
            marker = NORUN.match(before[-1]) if before else None
            norun = (marker["why"] or "marked <!-- norun -->") if marker else None
            found.append(Block(document, i + 1, "\n".join(body) + "\n", norun))
        i = end + 1
    return found


ALL_BLOCKS: list[Block] = [b for doc in DOCUMENTS if doc.exists() for b in blocks(doc)]


def missing_requirement(code: str) -> str | None:
    """Why ``code`` cannot run here (a package or pipeline not installed), or ``None``."""
    tree = ast.parse(code)
    modules: set[str] = set()
    models: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module.split(".")[0])
        elif isinstance(node, ast.Attribute) and node.attr in NEEDS:
            modules.add(NEEDS[node.attr])
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "load" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            models.add(node.args[0].value)
    for module in sorted(modules):
        if importlib.util.find_spec(module) is None:
            how = INSTALL.get(module, f"pip install {module}")
            return f"needs {module}, which is not installed ({how})"
    for model in sorted(models - BUILTIN_MODELS):
        if "/" not in model and not spacy.util.is_package(model):
            return f"needs the spaCy pipeline {model!r}, which is not installed"
    return None


def _article_file(folder: Path) -> Path:
    path = folder / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def namespaces(tmp_path_factory: pytest.TempPathFactory,
               blank: quotekit.Extractor) -> Iterator[dict[Path, Namespace]]:
    """One namespace per document, made on first use, with the names its blocks expect."""
    results = [blank.extract(text, id=id_) for id_, text in ARTICLES]
    folder = tmp_path_factory.mktemp("readme")
    path = _article_file(folder)

    class Made(dict[Path, Namespace]):
        def __missing__(self, document: Path) -> Namespace:
            self[document] = Namespace({
                "__name__": "__readme__",
                "text": ARTICLE,
                "texts": [t for _, t in ARTICLES],
                "articles": list(ARTICLES),
                "results": list(results),
                "path": path,
            })
            return self[document]

    made = Made()
    yield made
    for ns in made.values():
        for value in ns.names.values():
            # Stop the worker processes a block's Extractor may have started.
            if isinstance(value, quotekit.Extractor) and value is not blank:
                value.close()


def run(block: Block, ns: Namespace) -> None:
    """Run ``block`` in ``ns`` after every earlier runnable block of its document."""
    for index, earlier in enumerate(b for b in ALL_BLOCKS if b.document == block.document):
        if index in ns.done:
            continue
        ns.done.add(index)
        why = earlier.norun or missing_requirement(earlier.code)
        if why is not None:
            ns.skipped.append(f"{earlier.id}: {why}")
        else:
            try:
                exec(compile(earlier.code, earlier.id, "exec"), ns.names)  # noqa: S102
            except NameError as exc:
                if earlier is block and ns.skipped:
                    pytest.skip(f"{exc} (an earlier block did not run: {'; '.join(ns.skipped)})")
                raise
        if earlier is block:
            return


@pytest.mark.parametrize("block", ALL_BLOCKS, ids=[b.id for b in ALL_BLOCKS])
def test_block_runs(block: Block, namespaces: dict[Path, Namespace],
                    monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if block.norun is not None:
        pytest.skip(block.norun)
    why = missing_requirement(block.code)
    if why is not None:
        pytest.skip(why)
    # Files a block writes go to a temporary folder, not the checkout.
    monkeypatch.chdir(tmp_path)
    run(block, namespaces[block.document])


def test_the_readme_has_runnable_python() -> None:
    readme = [b for b in ALL_BLOCKS if b.document.name == "README.md" and b.document.parent == ROOT]
    assert len(readme) >= 2, "README.md should show its tour as ```python blocks"
    assert any("quotekit.extract" in b.code and b.norun is None for b in readme)


def test_block_parser_on_a_sample(tmp_path: Path) -> None:
    sample = tmp_path / "sample.md"
    sample.write_text(
        "Intro\n\n```python\nx = 1\n```\n\n```bash\nls\n```\n\n<!-- norun: needs S3 -->\n\n"
        "```python\nread('s3://bucket')\n```\n\n1. A list item:\n\n   ```py\n   y = x + 1\n"
        "   ```\n\n<!-- norun -->\n```python\nz\n```\n",
        encoding="utf-8",
    )
    found = blocks(sample)
    assert [(b.code, b.norun) for b in found] == [
        ("x = 1\n", None),
        ("read('s3://bucket')\n", "needs S3"),
        ("y = x + 1\n", None),
        ("z\n", "marked <!-- norun -->"),
    ]


@pytest.mark.parametrize(("code", "expected"), [
    ("import quotekit\nquotekit.extract(text)", None),
    ("import surely_not_a_module_quotekit_knows", "needs surely_not_a_module_quotekit_knows"),
    ("spacy.load('xx_not_installed_pipeline')", "needs the spaCy pipeline 'xx_not_installed_pipeline'"),
    ("quotekit.load('blank')", None),
])
def test_missing_requirement(code: str, expected: str | None) -> None:
    why = missing_requirement(code)
    assert (why is None) if expected is None else (why is not None and why.startswith(expected))


INLINE_CALLS = sorted({m["path"] for doc in DOCUMENTS if doc.exists()
                       for m in INLINE_CALL.finditer(doc.read_text(encoding="utf-8"))})


@pytest.mark.parametrize("dotted", INLINE_CALLS)
def test_inline_call_resolves_after_import_quotekit(dotted: str) -> None:
    """``quotekit.a.b`` as the prose shows it is there after a bare ``import quotekit``."""
    obj: Any = quotekit
    for name in dotted.split(".")[1:]:
        try:
            obj = getattr(obj, name)
        except ImportError as exc:
            pytest.skip(f"{dotted} needs an optional package: {exc}")
    assert callable(obj), dotted


def test_top_level_render_and_to_dataframe(blank: quotekit.Extractor) -> None:
    result = blank.extract(ARTICLE, id="ferry")
    markup = quotekit.render(result, jupyter=False)
    assert markup is not None and "Maria Lopez" in markup and 'class="qk-quote' in markup
    pytest.importorskip("pandas")
    frame = quotekit.to_dataframe([result])
    assert len(frame) == len(result.quotes) > 0
    assert quotekit.dataframe.to_dataframe(result).equals(frame)


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch,
                                                      blank: quotekit.Extractor) -> None:
    import sys

    # A None entry in sys.modules makes `import pandas` raise ImportError.
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape('pip install "quotekit-nlp[pandas]"')):
        quotekit.to_dataframe(blank.extract(ARTICLE))


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'no_such_thing'"):
        quotekit.no_such_thing  # noqa: B018
    assert importlib.import_module("quotekit.render").PALETTE
