"""Hand-made extracts with every field filled, so the review writers are tested
independently of how well extraction does (see fixtures/README.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
PROCESSING_DATE = date(2025, 2, 24)


def load_fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def extract_with_gaps() -> dict[str, Any]:
    """Thai MLA request to Myanmar: urgent, OCR page 2, six Art. 6(1) items missing."""
    return load_fixture("th_mla_gaps.json")


@pytest.fixture
def complete_extract() -> dict[str, Any]:
    """Khmer MLA request to Thailand, glossary-only English, every Art. 6(1) item present."""
    return load_fixture("km_mla_complete.json")


@pytest.fixture
def processing_date() -> date:
    """The date the hand-made extracts were "processed" (their processing.processed_at)."""
    return PROCESSING_DATE
