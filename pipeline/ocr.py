"""OCR stage: pages without a usable text layer become text.

Per page (in a worker process): load the pixels, fix orientation with
Tesseract OSD, bring the resolution to ~300 dpi (the biggest accuracy lever on
Tesseract), pick the language pack from the script actually on the page, then
recognise text and word confidences in one Tesseract run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from pipeline._exec import tesseract
from pipeline.document import Page
from pipeline.exceptions import InputFileError
from pipeline.ingest import PageImage, load_page_image
from pipeline.langid import detect_segment_language
from pipeline.languages import LANGUAGES, pack_for_language

TARGET_DPI = 300
MAX_UPSCALE = 2.0
A4_LONG_SIDE_IN = 11.69
MIN_ORIENTATION_CONFIDENCE = 1.5
FIRST_PASS_DPI = 150
SCRIPT_PACKS = {
    "Thai": "tha",
    "Khmer": "khm",
    "Lao": "lao",
    "Myanmar": "mya",
    "Han": "chi_sim",
}
LATIN_FIRST_PASS_PACK = "vie"


@dataclass(frozen=True)
class PageJob:
    """Everything a worker needs for one page; picklable."""

    page: PageImage
    language: str | None
    tessdata_dir: Path | None
    timeout_s: float
    fix_orientation: bool
    max_pixels: int


def ocr_pages(
    jobs: list[PageJob],
    executor: Executor | None,
    on_page_done: Callable[[Page], None] | None = None,
) -> list[Page]:
    """OCR pages in parallel over `executor` (or in-process), in page order."""
    results = executor.map(ocr_page, jobs) if executor and len(jobs) > 1 else map(ocr_page, jobs)
    pages = []
    for page in results:
        if on_page_done:
            on_page_done(page)
        pages.append(page)
    return pages


def ocr_page(job: PageJob) -> Page:
    """Read one page image into a `Page` (runs in a worker)."""
    tessdata_dir = job.tessdata_dir
    image, dpi = load_page_image(job.page, job.max_pixels)
    image, dpi = normalise_resolution(image, dpi)
    rotation = 0
    script = None
    if job.fix_orientation:
        tesseract.require_packs(["osd"], tessdata_dir, job.page.path)
        orientation = tesseract.detect_orientation(image, dpi, tessdata_dir, job.timeout_s)
        if orientation is not None:
            script = orientation.script
            if (
                orientation.rotate
                and orientation.orientation_confidence >= MIN_ORIENTATION_CONFIDENCE
            ):
                rotation = orientation.rotate
                image = image.rotate(-rotation, expand=True, fillcolor=255)
    packs = choose_packs(image, dpi, script, job.language, tessdata_dir, job.timeout_s, job.page)
    tesseract.require_packs(packs.split("+"), tessdata_dir, job.page.path)
    try:
        output = tesseract.recognise(image, packs, dpi, tessdata_dir, job.timeout_s)
    except InputFileError as error:
        raise InputFileError(f"page {job.page.number}: {error}", job.page.path) from error
    confidences = output.word_confidences
    return Page(
        number=job.page.number,
        text=clean_ocr_text(output.text),
        from_ocr=True,
        ocr_confidence=round(sum(confidences) / len(confidences), 2) if confidences else None,
        ocr_language=packs,
        rotation=rotation,
    )


def normalise_resolution(image: Image.Image, dpi: int) -> tuple[Image.Image, int]:
    """Upscale low-resolution scans towards 300 dpi (at most 2x, Lanczos).

    A scan without a resolution field is assumed to show an A4 page; FACTS.md:
    passing the real dpi took a Thai page from 50 % to 8 % CER.
    """
    if dpi == 0:
        dpi = max(50, round(max(image.size) / A4_LONG_SIDE_IN))
    if dpi >= TARGET_DPI * 0.9:
        return image, dpi
    factor = min(MAX_UPSCALE, TARGET_DPI / dpi)
    size = (round(image.width * factor), round(image.height * factor))
    return image.resize(size, Image.Resampling.LANCZOS), round(dpi * factor)


def choose_packs(
    image: Image.Image,
    dpi: int,
    script: str | None,
    language: str | None,
    tessdata_dir: Path | None,
    timeout_s: float,
    page: PageImage,
) -> str:
    """The Tesseract packs for a page: from --lang, else from the script on it.

    Non-Latin scripts map straight to their pack (plus English, which such
    letters quote).  Latin script needs a language decision (vie, ind, msa,
    fil or eng), made from a cheap low-resolution first pass.
    """
    if language:
        pack = pack_for_language(language)
        return pack if LANGUAGES[language].spaced else _with_english(pack)
    if script in SCRIPT_PACKS:
        return _with_english(SCRIPT_PACKS[script])
    tesseract.require_packs([LATIN_FIRST_PASS_PACK], tessdata_dir, page.path)
    factor = FIRST_PASS_DPI / dpi
    small = image.resize((round(image.width * factor), round(image.height * factor)))
    first = tesseract.recognise(
        small, LATIN_FIRST_PASS_PACK, FIRST_PASS_DPI, tessdata_dir, timeout_s
    )
    detected = detect_segment_language(first.text).language
    if detected in LANGUAGES:
        return pack_for_language(detected)
    return "eng"


def _with_english(pack: str) -> str:
    return pack if pack == "eng" else f"{pack}+eng"


def clean_ocr_text(text: str) -> str:
    """NFC, and Tesseract's Thai SARA AM written as NIKHAHIT + SARA AA (FACTS.md)."""
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    text = text.replace("\u0ecd\u0eb2", "\u0eb3")
    return text.replace("\x0c", "").strip("\n")
