"""OCR stage: pages without a usable text layer become text.

Measured on the samples (benchmarks/RESULTS.md), two things shaped this:

* Tesseract's OSD script detection is wrong for exactly our scripts (Khmer
  came out "Latin", Lao "Thai", Burmese "Arabic" with a false 180° turn), so
  the script is found by *probes*: a band of the first page, at 150 dpi, read
  with one script's pack at a time.  A pack for the wrong script yields low
  word confidence (< 40) except Thai, which reads anything confidently, so
  Thai is probed after Lao and with a high bar.  The script is decided once
  per document, and a Latin probe's text also gives the language
  (Vietnamese, Indonesian, Malay, Filipino or English).
* OSD costs a quarter of a page's OCR time, and nearly every page is upright,
  so a page is OCRed as it is and OSD runs only when the result is poor; a
  rotation is kept only if it improves the confidence.

Resolution is the biggest accuracy lever on Tesseract, so scans are brought
towards 300 dpi first.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageOps

from pipeline._exec import tesseract
from pipeline.document import Page
from pipeline.exceptions import InputFileError
from pipeline.ingest import PageImage, load_page_image
from pipeline.langid import detect_segment_language
from pipeline.languages import LANGUAGES, SCRIPT_LANGUAGE, page_segmentation_mode, script_of

TARGET_DPI = 300
MAX_UPSCALE = 2.0
A4_LONG_SIDE_IN = 11.69
PROBE_DPI = 150
PROBE_BANDS = ((0.30, 0.45), (0.15, 0.30), (0.45, 0.60), (0.60, 0.75))
MIN_PROBE_CHARS = 40
PROBE_PSM = 4
# (script, pack, minimum mean word confidence for the probe to claim the page).
# Thai reads Lao, Khmer and Burmese text at confidence 56-72 and Lao at 86,
# so Thai needs a high bar and comes after Lao; a page no probe claims is
# taken for Thai.
PROBES = (
    ("Latin", "vie", 65.0),
    ("Lao", "lao", 50.0),
    ("Thai", "tha", 85.0),
    ("Khmer", "khm", 50.0),
    ("Myanmar", "mya", 50.0),
    ("Han", "chi_sim", 60.0),
)
POOR_CONFIDENCE = 55.0
MIN_WORDS = 5
MIN_ORIENTATION_CONFIDENCE = 1.5


@dataclass(frozen=True)
class PageJob:
    """Everything a worker needs for one page; picklable."""

    page: PageImage
    packs: str | None
    tessdata_dir: Path | None
    timeout_s: float
    fix_orientation: bool
    max_pixels: int
    rotation: int | None = None


def ocr_pages(
    jobs: list[PageJob],
    executor: Executor | None,
    on_page_done: Callable[[Page], None] | None = None,
) -> list[Page]:
    """OCR pages in parallel over `executor` (or in-process), in page order.

    Pages without a language pack get the one probed on the first page.
    """
    if jobs and jobs[0].packs is None:
        packs, rotation = probe_document_packs(jobs[0])
        jobs = [replace(job, packs=packs) for job in jobs]
        jobs[0] = replace(jobs[0], rotation=rotation)
    results = executor.map(ocr_page, jobs) if executor and len(jobs) > 1 else map(ocr_page, jobs)
    pages = []
    for page in results:
        if on_page_done:
            on_page_done(page)
        pages.append(page)
    return pages


def ocr_page(job: PageJob) -> Page:
    """Read one page image into a `Page` (runs in a worker)."""
    if job.packs is None:
        packs, rotation = probe_document_packs(job)
        job = replace(job, packs=packs, rotation=rotation)
    tesseract.require_packs(job.packs.split("+"), job.tessdata_dir, job.page.path)
    image, dpi = normalise_resolution(*load_page_image(job.page, job.max_pixels), job.max_pixels)
    rotation = job.rotation or 0
    if rotation:
        image = image.rotate(-rotation, expand=True, fillcolor=255)
    output = _recognise(job, image, dpi)
    if job.fix_orientation and job.rotation is None and _is_poor(output):
        rotated = _try_orientation(job, image, dpi, output)
        if rotated is not None:
            rotation, output = rotated
    confidences = output.word_confidences
    return Page(
        number=job.page.number,
        text=clean_ocr_text(output.text),
        from_ocr=True,
        ocr_confidence=round(_mean(confidences), 2) if confidences else None,
        ocr_language=job.packs,
        rotation=rotation,
    )


def _recognise(job: PageJob, image: Image.Image, dpi: int) -> tesseract.OcrOutput:
    try:
        psm = page_segmentation_mode(job.packs)
        return tesseract.recognise(image, job.packs, dpi, job.tessdata_dir, job.timeout_s, psm)
    except InputFileError as error:
        raise InputFileError(f"page {job.page.number}: {error}", job.page.path) from error


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _is_poor(output: tesseract.OcrOutput) -> bool:
    words = output.word_confidences
    return len(words) < MIN_WORDS or _mean(words) < POOR_CONFIDENCE


def _try_orientation(
    job: PageJob, image: Image.Image, dpi: int, upright: tesseract.OcrOutput
) -> tuple[int, tesseract.OcrOutput] | None:
    """Ask OSD for a rotation; keep it only if it reads better than the page as it is."""
    tesseract.require_packs(["osd"], job.tessdata_dir, job.page.path)
    orientation = tesseract.detect_orientation(image, dpi, job.tessdata_dir, job.timeout_s)
    if orientation is None or not orientation.rotate:
        return None
    if orientation.orientation_confidence < MIN_ORIENTATION_CONFIDENCE:
        return None
    turned = image.rotate(-orientation.rotate, expand=True, fillcolor=255)
    output = _recognise(job, turned, dpi)
    if _mean(output.word_confidences) <= _mean(upright.word_confidences):
        return None
    return orientation.rotate, output


def normalise_resolution(
    image: Image.Image, dpi: int, max_pixels: int | None = None
) -> tuple[Image.Image, int]:
    """Upscale low-resolution scans towards 300 dpi (at most 2x, Lanczos).

    A scan without a resolution field is assumed to show an A4 page; FACTS.md:
    passing the real dpi took a Thai page from 50 % to 8 % CER.  The result
    stays within `max_pixels`: an enormous page that ingest rendered at a
    lower resolution to respect the limit is not blown up again.
    """
    if dpi == 0:
        dpi = max(50, round(max(image.size) / A4_LONG_SIDE_IN))
    if dpi >= TARGET_DPI * 0.9:
        return image, dpi
    factor = min(MAX_UPSCALE, TARGET_DPI / dpi)
    if max_pixels is not None:
        factor = min(factor, (max_pixels / max(1, image.width * image.height)) ** 0.5)
    if factor <= 1:
        return image, dpi
    size = (round(image.width * factor), round(image.height * factor))
    return image.resize(size, Image.Resampling.LANCZOS), round(dpi * factor)


def probe_document_packs(job: PageJob) -> tuple[str, int | None]:
    """The Tesseract packs for a document, probed on its first OCR page.

    Also returns that page's rotation when the probes needed one (None when
    the page was not checked), so the page is not turned twice.
    """
    image, dpi = normalise_resolution(*load_page_image(job.page, job.max_pixels), job.max_pixels)
    packs = _probe(job, _probe_band(image, dpi))
    if packs is not None:
        return packs, None
    orientation = None
    if job.fix_orientation:
        tesseract.require_packs(["osd"], job.tessdata_dir, job.page.path)
        orientation = tesseract.detect_orientation(image, dpi, job.tessdata_dir, job.timeout_s)
    if orientation is not None and orientation.rotate:
        turned = image.rotate(-orientation.rotate, expand=True, fillcolor=255)
        packs = _probe(job, _probe_band(turned, dpi))
        if packs is not None:
            return packs, orientation.rotate
    fallback = LANGUAGES["th"].ocr_packs
    tesseract.require_packs(fallback.split("+"), job.tessdata_dir, job.page.path)
    return fallback, None


def _probe_band(image: Image.Image, dpi: int) -> Image.Image:
    """The band of the page with the most ink, at probe resolution."""
    factor = PROBE_DPI / dpi
    small = ImageOps.autocontrast(
        image.resize((round(image.width * factor), round(image.height * factor)))
    )

    def ink(band: tuple[float, float]) -> int:
        crop = small.crop(
            (0, int(small.height * band[0]), small.width, int(small.height * band[1]))
        )
        return sum(crop.point(lambda value: 255 if value < 128 else 0).histogram()[255:])

    top, bottom = max(PROBE_BANDS, key=ink)
    return small.crop((0, int(small.height * top), small.width, int(small.height * bottom)))


def _probe(job: PageJob, band: Image.Image) -> str | None:
    for script, pack, threshold in PROBES:
        tesseract.require_packs([pack], job.tessdata_dir, job.page.path)
        output = tesseract.recognise(
            band, pack, PROBE_DPI, job.tessdata_dir, job.timeout_s, PROBE_PSM
        )
        letters = Counter(script_of(char) for char in output.text if script_of(char))
        if sum(letters.values()) < MIN_PROBE_CHARS or _mean(output.word_confidences) < threshold:
            continue
        if letters.most_common(1)[0][0] != script:
            continue
        if script == "Latin":
            language = detect_segment_language(output.text).language
            return LANGUAGES[language].ocr_packs if language in LANGUAGES else "eng"
        return LANGUAGES[SCRIPT_LANGUAGE[script]].ocr_packs
    return None


def clean_ocr_text(text: str) -> str:
    """NFC, and Tesseract's Thai and Lao SARA AM written as NIKHAHIT + SARA AA (FACTS.md)."""
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    text = text.replace("\u0ecd\u0eb2", "\u0eb3")
    return text.replace("\x0c", "").strip("\n")
