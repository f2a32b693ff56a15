"""The wheel: pure Python (``py3-none-any``, nothing compiled) and carrying every data file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a copy, so that setuptools' build/ and egg-info never land in the checkout.
    project = tmp_path_factory.mktemp("project")
    for name in ("pyproject.toml", "setup.cfg", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "quotekit", project / "quotekit", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-cache-dir", "-q", "-w", str(out), str(project)],
        capture_output=True, text=True, cwd=out, check=True, timeout=300,
    )
    (built,) = out.glob("quotekit_nlp-*.whl")
    return built


@pytest.mark.slow
def test_wheel_is_pure_python(wheel: Path) -> None:
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert "quotekit/_pipeline.py" in names
    assert not [n for n in names if n.endswith((".so", ".pyd", ".c"))]


@pytest.mark.slow
def test_wheel_ships_every_data_file(wheel: Path) -> None:
    # Word lists live in quotekit/data/ and in one folder per language below it (data/en/).
    package = ROOT / "quotekit"
    data = sorted(p.relative_to(ROOT).as_posix() for p in (package / "data").rglob("*") if p.suffix in (".txt", ".tsv"))
    assert data, "quotekit/data/ holds no .txt or .tsv file"
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert [name for name in data if name not in names] == []
    assert "quotekit/py.typed" in names
