"""Shared fixtures: generated input files, the output schema, a CLI runner."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))

import make_fixtures
from PIL import ImageFile

# WeasyPrint (used only to build fixtures) switches on Pillow's lenient loading
# of truncated images process-wide; the tool itself runs without it.
ImageFile.LOAD_TRUNCATED_IMAGES = False

ROOT = Path(__file__).resolve().parent.parent
SHARED_SCHEMA = ROOT.parent / "shared" / "schema" / "request-extract.schema.json"
VENDORED_SCHEMA = Path(__file__).parent / "request-extract.schema.json"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every generated fixture file, by name (see tests/fixtures/make_fixtures.py)."""
    return make_fixtures.build(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="session")
def schema_validator() -> jsonschema.Draft202012Validator:
    """The output contract; the shared copy when present, else the vendored one."""
    path = SHARED_SCHEMA if SHARED_SCHEMA.exists() else VENDORED_SCHEMA
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
