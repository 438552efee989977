"""Tesseract in-process, through tesserocr built against the system libtesseract.

Why in-process: the script probes run up to six short recognitions per
document.  As `tesseract` programs, each paid for a process start, a model
load and a page image written to disk, and OCR took 1.47 times as long as the
`tesseract` program alone (benchmarks/RESULTS.md).  Here one engine per pack
set stays loaded for the life of the process, and page images never touch
the disk (so no copy of a request is left in a temporary folder either).

Tesseract runs single-threaded (pipeline/_exec/openmp.py): we parallelise
across pages instead.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from PIL import Image

from pipeline.exceptions import InputFileError, MissingDependencyError

MIN_MAJOR_VERSION = 5
INSTALL_HINT = (
    "apt-get install tesseract-ocr libtesseract-dev libleptonica-dev, "
    "then pip install --no-binary tesserocr tesserocr"
)
OSD_PAGE_SEGMENTATION_MODE = 0


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


@functools.cache
def _library() -> ModuleType:
    try:
        import tesserocr
    except ImportError as error:
        raise MissingDependencyError(
            f"the Tesseract library cannot be loaded ({error}); {INSTALL_HINT}"
        ) from error
    return tesserocr


@functools.cache
def check_version() -> str:
    banner = _library().tesseract_version()
    found = re.match(r"tesseract\s+(\d+)\.(\d+)\.?(\d*)", banner)
    if not found:
        raise MissingDependencyError(f"cannot tell the Tesseract version from {banner!r}")
    version = ".".join(part for part in found.groups() if part)
    if int(found.group(1)) < MIN_MAJOR_VERSION:
        raise MissingDependencyError(f"tesseract {version} is too old; version 5 is required")
    return version


def _tessdata_path(tessdata_dir: Path | None) -> str:
    if tessdata_dir is None:
        return _library().get_languages()[0]
    return f"{tessdata_dir}/"


@functools.cache
def available_packs(tessdata_dir: Path | None) -> frozenset[str]:
    """Installed language packs (traineddata names such as 'tha', 'osd')."""
    check_version()
    return frozenset(_library().get_languages(_tessdata_path(tessdata_dir))[1])


def require_packs(packs: list[str], tessdata_dir: Path | None, path: Path | None = None) -> None:
    missing = [pack for pack in packs if pack not in available_packs(tessdata_dir)]
    if missing:
        debian = " ".join(f"tesseract-ocr-{pack.replace('_', '-')}" for pack in missing)
        raise MissingDependencyError(
            f"Tesseract language pack(s) {', '.join(missing)} not installed; "
            f"apt-get install {debian}",
            path,
        )


@functools.cache
def _engine(packs: str, tessdata_dir: Path | None) -> Any:
    """One loaded engine per pack set, kept for the life of the process (forked workers inherit it)."""
    library = _library()
    try:
        return library.PyTessBaseAPI(path=_tessdata_path(tessdata_dir), lang=packs)
    except RuntimeError as error:
        raise MissingDependencyError(f"Tesseract cannot load {packs}: {error}") from error


@contextmanager
def _page(engine: Any, image: Image.Image, dpi: int, psm: int) -> Iterator[Any]:
    """Lend the engine the page's grey pixels for one use, then clear it.

    Raw bytes, not `SetImage`: tesserocr re-encodes a PIL image in the
    format it was opened from (PNG, or lossy JPEG) before Tesseract decodes
    it again.  Tesseract reads this buffer without copying it, so it must
    live until the engine is cleared.
    """
    grey = image if image.mode == "L" else image.convert("L")
    pixels = grey.tobytes()
    engine.SetPageSegMode(psm)
    engine.SetImageBytes(pixels, grey.width, grey.height, 1, grey.width)
    engine.SetSourceResolution(dpi)
    try:
        yield engine
    finally:
        engine.Clear()


def recognise(
    image: Image.Image,
    packs: str,
    dpi: int,
    tessdata_dir: Path | None,
    timeout_s: float,
    psm: int,
) -> OcrOutput:
    """Text and word confidences from one recognition, stopped after `timeout_s`."""
    library = _library()
    with _page(_engine(packs, tessdata_dir), image, dpi, psm) as engine:
        if not engine.Recognize(timeout=max(1, round(timeout_s * 1000))):
            raise InputFileError(f"OCR timed out after {timeout_s:g} s")
        return OcrOutput(
            text=engine.GetUTF8Text(), word_confidences=_word_confidences(library, engine)
        )


def _word_confidences(library: ModuleType, engine: Any) -> list[float]:
    """Confidences of the words with text, as floats (the integer list rounds them down)."""
    level = library.RIL.WORD
    confidences = []
    for word in library.iterate_level(engine.GetIterator(), level):
        try:
            text = word.GetUTF8Text(level)
        except RuntimeError:  # an empty page still yields one element, without text
            continue
        if text.strip() and word.Confidence(level) >= 0:
            confidences.append(word.Confidence(level))
    return confidences


@dataclass(frozen=True)
class TextLine:
    """A line's box (left, top, right, bottom), and how many words layout analysis split it into."""

    box: tuple[int, int, int, int]
    words: int

    @property
    def width(self) -> int:
        return self.box[2] - self.box[0]


def text_lines(
    image: Image.Image, dpi: int, packs: str, tessdata_dir: Path | None, psm: int
) -> list[TextLine]:
    """The text lines layout analysis finds, in reading order."""
    library = _library()
    with _page(_engine(packs, tessdata_dir), image, dpi, psm) as engine:
        layout = engine.AnalyseLayout()
        if layout is None:
            return []
        line = library.RIL.TEXTLINE
        words = Counter(
            word.BoundingBox(line) for word in library.iterate_level(layout, library.RIL.WORD)
        )
    return [TextLine(box, count) for box, count in words.items() if box]


def detect_orientation(
    image: Image.Image, dpi: int, tessdata_dir: Path | None
) -> Orientation | None:
    """Tesseract OSD; None when the page has too little text to tell."""
    with _page(_engine("osd", tessdata_dir), image, dpi, OSD_PAGE_SEGMENTATION_MODE) as engine:
        result = engine.DetectOrientationScript()
    if not result:
        return None
    return Orientation(
        rotate=(360 - int(result["orient_deg"])) % 360,
        orientation_confidence=float(result["orient_conf"]),
        script=str(result["script_name"]),
        script_confidence=float(result["script_conf"]),
    )
