"""A crash inside Tesseract (native code, in an OCR worker) fails one file, not the run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline import ocr
from pipeline.api import intake
from pipeline.document import Page
from pipeline.exceptions import InputFileError
from pipeline.ocr import PageJob
from pipeline.options import OcrOptions, PipelineOptions

REAL_OCR_PAGE = ocr.ocr_page


def ocr_page_dying_on_tiff(job: PageJob) -> Page:
    """What a segmentation fault in Tesseract does to the worker reading a TIFF page."""
    if job.page.path.suffix == ".tiff":
        os._exit(70)
    return REAL_OCR_PAGE(job)


def test_a_dead_ocr_worker_fails_its_file_and_the_next_files_get_a_new_pool(
    inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "ocr_page", ocr_page_dying_on_tiff)
    crashing, fine = tmp_path / "crashing.tiff", tmp_path / "fine.tif"
    crashing.write_bytes(inputs["pages.tiff"].read_bytes())
    fine.write_bytes(inputs["pages.tiff"].read_bytes())
    files = [crashing, fine, inputs["letter.txt"]]
    options = PipelineOptions(ocr=OcrOptions(jobs=2))
    outcomes = intake(files, tmp_path / "out", options)
    crashed, *others = outcomes
    assert isinstance(crashed.error, InputFileError)
    assert "an OCR worker died while reading this file" in str(crashed.error)
    assert [outcome.error for outcome in others] == [None, None]
    assert len(others[0].document.ocr_pages) == 2  # read by the new pool
