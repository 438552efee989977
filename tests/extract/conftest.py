"""Helpers for the extraction tests: run the pipeline on a fixture or on a letter written inline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.api import process_document
from pipeline.document import Document
from pipeline.options import OcrOptions, PipelineOptions

FIXTURES = Path(__file__).parent / "fixtures"
Letter = Callable[[str], Document]


def run(path: Path) -> Document:
    """The whole pipeline on a text file (one worker, no translation model)."""
    return process_document(path, PipelineOptions(ocr=OcrOptions(jobs=1)))


@pytest.fixture(scope="session")
def fixture_document() -> Callable[[str], Document]:
    """A processed fixture request by file name, processed once per session."""
    cache: dict[str, Document] = {}

    def get(name: str) -> Document:
        if name not in cache:
            cache[name] = run(FIXTURES / name)
        return cache[name]

    return get


@pytest.fixture
def letter(tmp_path: Path) -> Letter:
    """A processed request from text written in the test (pages separated by form feeds)."""
    counter = iter(range(1000))

    def make(text: str) -> Document:
        path = tmp_path / f"letter-{next(counter)}.txt"
        path.write_text(text, encoding="utf-8")
        return run(path)

    return make
