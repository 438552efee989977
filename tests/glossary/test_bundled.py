"""The bundled glossaries: valid, and as large as the issue asks.

These fail while the glossary data is still being written; that is expected.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.glossary import bundled_glossary_dir, read_glossary_file
from pipeline.glossary_cli import glossary

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
