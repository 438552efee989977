"""The bundled glossaries: valid, and as large as the issue asks.

These fail while the glossary data is still being written; that is expected.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.glossary import bundled_glossary_dir, read_glossary_file
from pipeline.glossary_cli import glossary

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "pipeline" / "review" / "templates"

ENTRY_TARGETS = {
    "th": 250,
    "vi": 250,
    "id": 250,
    "ms": 250,
    "tl": 150,
    "km": 150,
    "lo": 150,
    "my": 150,
    "zh": 150,
}


@pytest.mark.parametrize(("lang", "target"), sorted(ENTRY_TARGETS.items()))
def test_bundled_glossary_is_valid_and_meets_its_target(lang: str, target: int) -> None:
    entries = read_glossary_file(bundled_glossary_dir() / f"{lang}-en.csv", lang)
    assert len(entries) >= target


def test_check_passes_on_every_bundled_glossary() -> None:
    result = CliRunner().invoke(glossary, ["check"])
    assert result.exception is None, result.output
    assert len(result.output.splitlines()) == len(ENTRY_TARGETS)


@pytest.mark.slow
def test_a_built_wheel_carries_the_glossaries_and_templates(tmp_path: Path) -> None:
    """A non-editable install finds its glossaries in the package (`bundled_glossary_dir`)."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("pipeline", "glossaries"):
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    build = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*build, "--wheel-dir", str(tmp_path / "dist"), str(source)],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "dist").glob("mla-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    glossaries = {
        f"pipeline/glossaries/{path.name}" for path in (ROOT / "glossaries").glob("*.csv")
    }
    assert glossaries and glossaries <= names
    templates = {f"pipeline/review/templates/{path.name}" for path in TEMPLATES.iterdir()}
    assert templates <= names
