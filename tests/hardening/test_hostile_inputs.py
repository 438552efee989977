"""Broken and hostile inputs: a clear one-line error or safe handling, in bounded time.

Each file is given to `mla intake` in its own process with a time limit, so
a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdfium2.version import PDFIUM_INFO

from pipeline.exceptions import ExitCode, LimitExceededError
from pipeline.ingest import ingest
from pipeline.options import IngestOptions

# Refusals happen before any page is rendered: the time is the interpreter's
# start-up, generous for a loaded CI machine.
MAX_REFUSAL_SECONDS = 30


def assert_one_line_error(run: Any, path: Path, code: ExitCode, message: str) -> None:
    lines = run.stderr.splitlines()
    assert run.returncode == code, run.stderr
    assert "Traceback" not in run.stderr
    assert len(lines) == 2, run.stderr  # the error, then the "0 of 1 file(s)" summary
    assert lines[0].startswith(f"mla: error: {path}: "), lines[0]
    assert message in lines[0]


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("3000_pages.pdf", ExitCode.limit_exceeded, "PDF has 3000 pages, more than the limit"),
        ("enormous_page.pdf", ExitCode.limit_exceeded, "14400x14400 pt, too large to render"),
        (
            "looping_page_tree.pdf",
            ExitCode.input_file,
            "page 1 cannot be read; the PDF's page tree",
        ),
        ("deep_page_tree.pdf", ExitCode.input_file, "page 1 cannot be read; the PDF's page tree"),
        ("page_count_lie.pdf", ExitCode.input_file, "page 2 cannot be read; the PDF's page tree"),
        ("bomb.png", ExitCode.limit_exceeded, "too large to decode safely"),
        ("zero_bytes.pdf", ExitCode.input_file, "file is empty (0 bytes)"),
        ("a folder.pdf", ExitCode.input_file, "not a regular file"),
        ("bad_ifd_offset.tiff", ExitCode.input_file, "image is corrupt or truncated"),
        ("huge_strip_count.tiff", ExitCode.input_file, "image is corrupt or truncated"),
        ("strip_beyond_end.tiff", ExitCode.input_file, "image is corrupt or truncated"),
        ("truncated.tiff", ExitCode.input_file, "image is corrupt or truncated"),
        ("huge_dimensions.tiff", ExitCode.limit_exceeded, "too large to decode safely"),
    ],
)
def test_hostile_file_is_refused_with_one_line(
    run_mla: Callable[..., Any],
    hostile: dict[str, Path],
    tmp_path: Path,
    name: str,
    code: ExitCode,
    message: str,
) -> None:
    run = run_mla("intake", hostile[name], "--out", tmp_path / "out", "--jobs", "1")
    assert_one_line_error(run, hostile[name], code, message)
    assert run.seconds < MAX_REFUSAL_SECONDS


def test_fifo_is_refused_without_blocking(run_mla: Callable[..., Any], tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks until a writer comes: it must never be opened."""
    fifo = tmp_path / "request.pdf"
    os.mkfifo(fifo)
    run = run_mla("intake", fifo, "--out", tmp_path / "out", "--jobs", "1", timeout=60)
    assert_one_line_error(run, fifo, ExitCode.input_file, "not a regular file")


def test_page_limit_refuses_a_huge_pdf_without_reading_its_pages(
    hostile: dict[str, Path],
) -> None:
    started = time.monotonic()
    with pytest.raises(LimitExceededError, match="raise it with --max-pages"):
        ingest(hostile["3000_pages.pdf"], IngestOptions())
    assert time.monotonic() - started < 2


def test_blank_pages_under_the_limit_cost_no_ocr(hostile: dict[str, Path]) -> None:
    """Thousands of empty pages must not become thousands of Tesseract runs."""
    started = time.monotonic()
    result = ingest(hostile["1900_blank_pages.pdf"], IngestOptions())
    assert (result.page_count, len(result.text_pages), result.image_pages) == (1900, 1900, [])
    assert time.monotonic() - started < 10


@pytest.mark.slow
def test_looping_ifd_chain_in_a_tiff_is_read_once(
    run_mla: Callable[..., Any], hostile: dict[str, Path], tmp_path: Path
) -> None:
    run = run_mla("intake", hostile["looping_ifd.tiff"], "--out", tmp_path / "out", "--jobs", "1")
    assert run.returncode == ExitCode.ok, run.stderr
    assert "1 page(s), 1 OCR" in run.stderr
    assert run.seconds < MAX_REFUSAL_SECONDS * 2


def test_enormous_page_is_rendered_within_the_pixel_limit(hostile: dict[str, Path]) -> None:
    """A 5,000 pt page would be 434 million pixels at 300 dpi; it is rendered smaller."""
    result = ingest(hostile["large_page.pdf"], IngestOptions())
    assert result.warnings == ["page 1: very large page rendered at 176 dpi"]
    assert [page.dpi for page in result.image_pages] == [176]


@pytest.mark.slow
def test_enormous_page_is_processed_in_bounded_memory(
    run_mla: Callable[..., Any], hostile: dict[str, Path], tmp_path: Path
) -> None:
    max_pixels = 40_000_000
    run = run_mla(
        "intake",
        hostile["large_page.pdf"],
        "--out",
        tmp_path / "out",
        "--jobs",
        "1",
        "--max-pixels",
        max_pixels,
        timeout=600,
    )
    assert run.returncode == ExitCode.ok, run.stderr
    extract = (tmp_path / "out" / "large_page" / "extract.json").read_text(encoding="utf-8")
    dpi = int(re.search(r"very large page rendered at (\d+) dpi", extract)[1])
    assert 72 <= dpi < 300
    assert (5_000 / 72 * dpi) ** 2 <= max_pixels
    # Measured: 630 MB, Tesseract's working memory for the 40-megapixel page
    # included (it runs in-process).  Blown up to 300 dpi again, the page
    # would be 434 megapixels: its pixels alone, held by Pillow and by
    # Tesseract, would pass 1 GB.
    assert run.peak_rss_mb < 1000, run.peak_rss_mb


@pytest.mark.slow
def test_javascript_and_attachments_are_ignored(
    run_mla: Callable[..., Any], hostile: dict[str, Path], attachment_secret: bytes, tmp_path: Path
) -> None:
    """The PDF is read as any other; its script never runs and its attachment never leaves it."""
    assert not {"V8", "XFA"} & set(PDFIUM_INFO.flags), "PDFium built with a JavaScript engine"
    out = tmp_path / "out"
    run = run_mla("intake", hostile["javascript_attachment.pdf"], "--out", out, "--jobs", "1")
    assert run.returncode == ExitCode.ok, run.stderr
    assert "2 page(s), 1 OCR" in run.stderr
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert any(path.name == "extract.json" for path in written)
    for path in written:
        assert attachment_secret not in path.read_bytes(), path
        assert path.name != "evidence.txt"
    assert (
        "Central Authority of Singapore"
        in (out / "javascript_attachment" / "source.txt").read_text()
    )
