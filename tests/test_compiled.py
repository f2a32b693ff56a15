"""The optional mypyc build of the stages: detection, staleness, the fallback, and equal results.

``scripts/test.sh`` installs the project (compiling the stages where it can) and sets
``QUOTEKIT_EXPECT_BUILD`` to ``compiled``, or to ``pure`` under ``QUOTEKIT_PURE_PYTHON=1``, so
that CI checks it ran the build it meant to.
"""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import quotekit
import quotekit._compiled as compiled
from quotekit.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))


def _loaded_from_extension(name: str) -> bool:
    module = importlib.import_module(f"quotekit.{name}")
    return str(module.__file__).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def test_stage_list_is_the_one_setup_compiles() -> None:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    stages = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "STAGES" for t in node.targets)
    )
    assert tuple(stages) == compiled.STAGES
    assert all((ROOT / "quotekit" / f"{name}.py").is_file() for name in stages)


def test_compiled_stages_are_the_modules_imported_from_extensions() -> None:
    assert compiled.compiled_stages() == tuple(name for name in compiled.STAGES if _loaded_from_extension(name))


def test_stages_are_all_compiled_or_none() -> None:
    # Compiled stages call each other natively: a partial set would not import, and the build
    # removes every one when one fails.
    assert len(compiled.compiled_stages()) in (0, len(compiled.STAGES))


def test_build_is_the_one_the_test_script_asked_for() -> None:
    expected = os.environ.get("QUOTEKIT_EXPECT_BUILD", "")
    if expected == "compiled":
        assert compiled.compiled_stages() == compiled.STAGES
        assert compiled.build_info() == "stages compiled with mypyc"
    elif expected == "pure":
        assert compiled.compiled_stages() == ()
        assert compiled.build_info() == "pure Python"
    else:
        assert expected == "", f"QUOTEKIT_EXPECT_BUILD must be 'compiled', 'pure' or unset, not {expected!r}"
        assert compiled.build_info() in ("stages compiled with mypyc", "pure Python")


def test_version_line_says_how_the_stages_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"quotekit {quotekit.__version__} ({compiled.build_info()})"


@pytest.mark.parametrize(
    ("source_age", "stale"),
    [(-100.0, ()), (0.0, ()), (1.0, ()), (100.0, ("_quotes",))],
    ids=["source-older", "same-time", "within-margin", "source-newer"],
)
def test_stale_stages_compares_source_and_compiled_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source_age: float, stale: tuple[str, ...]
) -> None:
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    built = tmp_path / f"_quotes{suffix}"
    source = tmp_path / "_quotes.py"
    built.write_bytes(b"")
    source.write_text("", encoding="utf-8")
    os.utime(built, (1_000_000.0, 1_000_000.0))
    os.utime(source, (1_000_000.0 + source_age, 1_000_000.0 + source_age))
    origins = {name: tmp_path / f"{name}.py" for name in compiled.STAGES} | {"_quotes": built}
    monkeypatch.setattr(compiled, "_origin", origins.get)
    assert compiled.compiled_stages() == ("_quotes",)
    assert compiled.stale_stages() == stale
    info = compiled.build_info()
    assert info.startswith("stages partly compiled (_quotes)")


def _extract_here(texts: list[str]) -> list[list[dict[str, object]]]:
    extractor = quotekit.load("blank")
    return [[q.to_dict() for q in result.quotes] for result in extractor.pipe(texts)]


_CHILD = """
import json, sys
import quotekit, quotekit._compiled
texts = json.load(sys.stdin)
print(json.dumps({
    "build": quotekit._compiled.build_info(),
    "file": quotekit.__file__,
    "quotes": [[q.to_dict() for q in r.quotes] for r in quotekit.load("blank").pipe(texts)],
}))
"""


def test_pure_sources_give_the_same_results_as_the_install(tmp_path: Path) -> None:
    # A copy of the package with its sources only, run in a fresh interpreter: the pure-Python
    # reading of the same code, whatever the installed build is.
    shutil.copytree(ROOT / "quotekit", tmp_path / "quotekit", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    texts += ["", "“Unclosed, he said.", "She said: «Non.»\r\n\r\n“Yes,” said Ann Lee, the mayor."]
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    child = subprocess.run(
        [sys.executable, "-c", _CHILD], input=json.dumps(texts), capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    )
    got = json.loads(child.stdout)
    assert Path(got["file"]).parent == tmp_path / "quotekit"
    assert got["build"] == "pure Python"
    assert sum(map(len, got["quotes"])) > 50
    assert got["quotes"] == _extract_here(texts)


def _wheel_files(tmp_path: Path, env: dict[str, str]) -> tuple[list[str], str]:
    out = tmp_path / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-cache-dir", "-w", str(out), "-v", str(ROOT)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=tmp_path,
        check=True,
    )
    (wheel,) = out.glob("quotekit_nlp-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        # A wheel tagged for a platform keeps pure files under .data/purelib/.
        names = [name.split("/purelib/", 1)[-1] for name in zf.namelist()]
    return names, proc.stdout + proc.stderr


@pytest.mark.slow
def test_pure_python_request_builds_a_wheel_without_compiled_stages(tmp_path: Path) -> None:
    names, log = _wheel_files(tmp_path, {"QUOTEKIT_PURE_PYTHON": "1"})
    assert "quotekit/_pipeline.py" in names
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
    assert "QUOTEKIT_PURE_PYTHON is set" in log


@pytest.mark.slow
def test_failed_compile_falls_back_to_pure_python(tmp_path: Path) -> None:
    names, log = _wheel_files(tmp_path, {"CC": "false", "QUOTEKIT_PURE_PYTHON": ""})
    assert "quotekit/_attribute.py" in names
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
    assert "the C build failed" in log


@pytest.mark.slow
def test_pure_editable_build_removes_compiled_stages_left_in_place(tmp_path: Path) -> None:
    # Otherwise Python keeps importing the old compiled stages instead of the edited sources.
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", "*.so", "*.pyd", "__pycache__", "*.egg-info", "build", "bench", "docs", "examples", "tests", ".venv*"))
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    left = [project / "quotekit" / f"_text{suffix}", project / "quotekit" / f"_text__mypyc{suffix}"]
    for path in left:
        path.write_bytes(b"stale")
    (tmp_path / "dist").mkdir()
    subprocess.run(
        [sys.executable, "-c", f"from setuptools import build_meta; build_meta.build_editable({str(tmp_path / 'dist')!r})"],
        capture_output=True, text=True, env={**os.environ, "QUOTEKIT_PURE_PYTHON": "1"}, cwd=project, check=True,
    )
    assert list((tmp_path / "dist").glob("quotekit_nlp-*.whl"))
    assert not [p for p in left if p.exists()]
    assert (project / "quotekit" / "_text.py").exists()
