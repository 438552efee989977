"""Thin wrapper over the `tesseract` program (through pytesseract).

One place knows the command line: it checks the version and installed packs,
asks for text and word confidences in a single run, runs Tesseract
single-threaded (OpenMP threads slow it down several times on two cores; we
parallelise across pages instead) and turns failures into typed errors.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytesseract
from PIL import Image
from pytesseract.pytesseract import (
    TesseractError,
    TesseractNotFoundError,
    osd_to_dict,
    run_tesseract,
)

from pipeline.exceptions import InputFileError, MissingDependencyError

MIN_MAJOR_VERSION = 5
INSTALL_HINT = "apt-get install tesseract-ocr"


@dataclass(frozen=True)
class OcrOutput:
    """Text as Tesseract lays it out, and the confidence of each recognised word."""

    text: str
    word_confidences: list[float]


@dataclass(frozen=True)
class Orientation:
    rotate: int
    orientation_confidence: float
    script: str
    script_confidence: float


def _config(tessdata_dir: Path | None, *extra: str) -> str:
    parts = list(extra)
    if tessdata_dir is not None:
        parts += ["--tessdata-dir", str(tessdata_dir)]
    return " ".join(parts)


def _single_threaded_env() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


@functools.cache
def check_version() -> str:
    try:
        version = pytesseract.get_tesseract_version()
    except (TesseractNotFoundError, OSError) as error:
        raise MissingDependencyError(f"tesseract is not installed; {INSTALL_HINT}") from error
    if version.major < MIN_MAJOR_VERSION:
        raise MissingDependencyError(f"tesseract {version} is too old; version 5 is required")
    return str(version)


@functools.cache
def available_packs(tessdata_dir: Path | None) -> frozenset[str]:
    """Installed language packs (traineddata names such as 'tha', 'osd')."""
    check_version()
    command = [pytesseract.pytesseract.tesseract_cmd, "--list-langs"]
    if tessdata_dir is not None:
        command += ["--tessdata-dir", str(tessdata_dir)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = completed.stdout.splitlines()[1:] if completed.returncode == 0 else []
    return frozenset(line.strip() for line in lines if line.strip())


def require_packs(packs: list[str], tessdata_dir: Path | None, path: Path | None = None) -> None:
    missing = [pack for pack in packs if pack not in available_packs(tessdata_dir)]
    if missing:
        debian = " ".join(f"tesseract-ocr-{pack.replace('_', '-')}" for pack in missing)
        raise MissingDependencyError(
            f"Tesseract language pack(s) {', '.join(missing)} not installed; "
            f"apt-get install {debian}",
            path,
        )


def _write_image(image: Image.Image, directory: str) -> str:
    """PNM: the fastest format for Tesseract to read; the dpi goes on the command line."""
    name = str(Path(directory) / "page.pnm")
    image.save(name, format="PPM")
    return name


def recognise(
    image: Image.Image,
    packs: str,
    dpi: int,
    tessdata_dir: Path | None,
    timeout_s: float,
    psm: int,
) -> OcrOutput:
    """Text and word confidences from one Tesseract run (txt and tsv renderers)."""
    _single_threaded_env()
    config = _config(tessdata_dir, f"--psm {psm}", f"--dpi {dpi}", "-c tessedit_create_tsv=1")
    with tempfile.TemporaryDirectory(prefix="mla-ocr-") as directory:
        input_name = _write_image(image, directory)
        output_base = str(Path(directory) / "out")
        try:
            run_tesseract(input_name, output_base, "txt", packs, config=config, timeout=timeout_s)
        except RuntimeError as error:
            raise InputFileError(f"OCR timed out after {timeout_s:.0f} s") from error
        except TesseractError as error:
            raise InputFileError(f"Tesseract failed: {error.message.strip()}") from error
        text = Path(f"{output_base}.txt").read_text(encoding="utf-8")
        tsv = Path(f"{output_base}.tsv").read_text(encoding="utf-8")
    return OcrOutput(text=text, word_confidences=_word_confidences(tsv))


def _word_confidences(tsv: str) -> list[float]:
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [
        float(row["conf"])
        for row in rows
        if row.get("level") == "5" and (row.get("text") or "").strip() and float(row["conf"]) >= 0
    ]


def detect_orientation(
    image: Image.Image, dpi: int, tessdata_dir: Path | None, timeout_s: float
) -> Orientation | None:
    """Tesseract OSD; None when the page has too little text to tell.

    Run like `recognise`, in a private temporary folder: pytesseract's
    `image_to_osd` would write the page to a world-readable file in /tmp.
    """
    _single_threaded_env()
    config = _config(tessdata_dir, "--psm 0", f"--dpi {dpi}")
    with tempfile.TemporaryDirectory(prefix="mla-osd-") as directory:
        input_name = _write_image(image, directory)
        output_base = str(Path(directory) / "out")
        try:
            run_tesseract(input_name, output_base, "osd", "osd", config=config, timeout=timeout_s)
        except (TesseractError, RuntimeError):
            return None
        result = osd_to_dict(Path(f"{output_base}.osd").read_text(encoding="utf-8"))
    if not {"rotate", "orientation_conf", "script", "script_conf"} <= result.keys():
        return None
    return Orientation(
        rotate=int(result["rotate"]),
        orientation_confidence=float(result["orientation_conf"]),
        script=str(result["script"]),
        script_confidence=float(result["script_conf"]),
    )
