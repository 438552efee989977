"""OCR stage: pages without a usable text layer become text.

Measured on the samples (benchmarks/RESULTS.md), two things shaped this:

* Tesseract's OSD script detection is wrong for exactly our scripts (Khmer
  came out "Latin", Lao "Thai", Burmese "Arabic" with a false 180° turn), so
  the script is found by *probes*: five text lines of the first page, at
  150 dpi, read with one script's pack at a time.  A pack for the wrong
  script yields low word confidence (< 40) except Thai, which reads anything
  confidently, so Thai has a high bar and gives way to Lao.  Before reading
  the five lines, a probe reads one of them: a page clearly not in its
  script is left for last, which spares most of the probes' work on
  non-Latin pages.  The script is decided once per document, and a Latin
  probe's text also gives the language (Vietnamese, Indonesian, Malay,
  Filipino or English).
* OSD costs a quarter of a page's OCR time, and nearly every page is upright,
  so a page is OCRed as it is and OSD runs only when the result is poor; a
  rotation is kept only if it improves the confidence.

Resolution is the biggest accuracy lever on Tesseract, so scans are brought
towards 300 dpi first.
"""

from __future__ import annotations

import functools
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
PROBE_LINES = 5
LINE_PADDING = 4
PROBE_BANDS = ((0.30, 0.45), (0.15, 0.30), (0.45, 0.60), (0.60, 0.75))
MIN_PROBE_CHARS = 40
PROBE_PSM = 4
SCREEN_PSM = 7


@dataclass(frozen=True)
class Probe:
    """A script, the pack that reads it, and the mean word confidences that decide.

    `min_confidence` on the five lines claims a page for the script.
    `screen_confidence` on one line lets the five-line reading go ahead now
    (None: always read); a page screened out is read in full only if no
    other probe claims it.  A claim gives way to the `yields_to` script's
    own claim, even if that probe was screened out.
    """

    script: str
    pack: str
    min_confidence: float
    screen_confidence: float | None = None
    yields_to: str | None = None


# Bars set between what each pack reads on its own script and on the others,
# on 62 rendered and scanned pages in all ten languages
# (benchmarks/script_probes.py --features): Latin 79-97 vs at most 57, Lao
# 54-57 vs 35, Thai 89-94 vs 77 (but 86 on Lao, so Thai yields to Lao),
# Khmer 62-88 vs 39, Chinese 85-91 (and only it reads Han), Burmese 47-66 vs
# 37.  Screen bars, on one line of the same pages: Latin 76-96 vs at most
# 50, Thai 91-95 vs 77 (Lao aside), Khmer 48-91 vs 39, Chinese 85-93 and
# only it reads Han.  Lao lines read 22-67 against up to 38 on other
# scripts, so its bar turns some Lao pages away: that costs time, not
# accuracy, since Thai yields to Lao.  Burmese, the last, is not screened.
# Otherwise the order is cheapest first.
PROBES = (
    Probe("Latin", "vie", 68.0, screen_confidence=60.0),
    Probe("Lao", "lao", 45.0, screen_confidence=30.0),
    Probe("Thai", "tha", 83.0, screen_confidence=75.0, yields_to="Lao"),
    Probe("Khmer", "khm", 50.0, screen_confidence=30.0),
    Probe("Han", "chi_sim", 60.0, screen_confidence=60.0),
    Probe("Myanmar", "mya", 42.0),
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
    pages: list[Page] = []

    def done(page: Page) -> None:
        if on_page_done:
            on_page_done(page)
        pages.append(page)

    parallel = executor is not None and len(jobs) > 1
    if jobs and jobs[0].packs is None and not parallel:
        first = ocr_page(jobs[0])
        done(first)
        jobs = [replace(job, packs=first.ocr_language) for job in jobs[1:]]
    elif jobs and jobs[0].packs is None:
        packs, rotation = probe_document_packs(jobs[0], *page_pixels(jobs[0]))
        jobs = [replace(job, packs=packs) for job in jobs]
        jobs[0] = replace(jobs[0], rotation=rotation)
    for page in executor.map(ocr_page, jobs) if parallel else map(ocr_page, jobs):
        done(page)
    return pages


def page_pixels(job: PageJob) -> tuple[Image.Image, int]:
    """The page image at OCR resolution, and its dpi."""
    return normalise_resolution(*load_page_image(job.page, job.max_pixels), job.max_pixels)


def ocr_page(job: PageJob) -> Page:
    """Read one page image into a `Page` (runs in a worker); probes its packs if it has none."""
    image, dpi = page_pixels(job)
    if job.packs is None:
        packs, rotation = probe_document_packs(job, image, dpi)
        job = replace(job, packs=packs, rotation=rotation)
    tesseract.require_packs(job.packs.split("+"), job.tessdata_dir, job.page.path)
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
    orientation = tesseract.detect_orientation(image, dpi, job.tessdata_dir)
    if orientation is None or not orientation.rotate:
        return None
    if orientation.orientation_confidence < MIN_ORIENTATION_CONFIDENCE:
        return None
    turned = image.rotate(-orientation.rotate, expand=True, fillcolor=255)
    if _band_confidence(job, turned, dpi) <= _band_confidence(job, image, dpi):
        return None
    output = _recognise(job, turned, dpi)
    if _mean(output.word_confidences) <= _mean(upright.word_confidences):
        return None
    return orientation.rotate, output


def _band_confidence(job: PageJob, image: Image.Image, dpi: int) -> float:
    """Mean word confidence on a band of the page: a cheap test before reading a whole page again.

    OSD proposes false turns on scripts it does not know (a Burmese scan came
    out 180°); reading one band each way costs a fraction of a page.
    """
    band = _probe_band(job, image, dpi).lines
    return _mean(_read_band(job, band, job.packs, PROBE_PSM).word_confidences)


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


def probe_document_packs(job: PageJob, image: Image.Image, dpi: int) -> tuple[str, int | None]:
    """The Tesseract packs for a document, probed on its first OCR page (`page_pixels`).

    Also returns that page's rotation when the probes needed one (None when
    the page was not checked), so the page is not turned twice.  A page no
    probe claims, even turned as OSD proposes, gets the script whose probe
    came closest to its bar.
    """
    claim, readings = _probe(job, _probe_band(job, image, dpi))
    if claim is not None:
        return claim.packs, None
    if job.fix_orientation:
        tesseract.require_packs(["osd"], job.tessdata_dir, job.page.path)
        orientation = tesseract.detect_orientation(image, dpi, job.tessdata_dir)
        if orientation is not None and orientation.rotate:
            turned = image.rotate(-orientation.rotate, expand=True, fillcolor=255)
            turned_claim, _ = _probe(job, _probe_band(job, turned, dpi))
            if turned_claim is not None:
                return turned_claim.packs, orientation.rotate
    closest = max(readings, key=lambda reading: reading.margin)
    tesseract.require_packs(closest.packs.split("+"), job.tessdata_dir, job.page.path)
    return closest.packs, None


@dataclass(frozen=True)
class ProbeBand:
    """Whole text lines to probe, and one of them to screen with (None on a fixed band).

    The screening line is the one with the fewest word spaces for its width:
    Latin names and numbers inside a Thai or Chinese letter (a bank's name,
    an account number) bring spaces, and a line of them says little about
    the page's script.
    """

    lines: Image.Image
    screen_line: Image.Image | None


def _probe_band(job: PageJob, image: Image.Image, dpi: int) -> ProbeBand:
    """PROBE_LINES whole text lines of body text, at probe resolution.

    Tesseract's own layout analysis finds the lines (it copes with skew and
    photographs); the run of lines with the greatest total width is body
    text rather than a letterhead.  Whole lines matter: a band that cuts
    lines in half reads as garbage in every pack.  A page where fewer lines
    are found (sideways text, a form) is probed on its inkiest fixed band.
    """
    factor = PROBE_DPI / dpi
    small = ImageOps.autocontrast(
        image.resize((round(image.width * factor), round(image.height * factor)))
    )
    tesseract.require_packs([PROBES[0].pack], job.tessdata_dir, job.page.path)
    lines = tesseract.text_lines(small, PROBE_DPI, PROBES[0].pack, job.tessdata_dir, PROBE_PSM)
    if len(lines) < PROBE_LINES:
        return ProbeBand(_inkiest_band(small), None)
    first = max(
        range(len(lines) - PROBE_LINES + 1),
        key=lambda index: sum(line.width for line in lines[index : index + PROBE_LINES]),
    )
    window = lines[first : first + PROBE_LINES]
    fewest_spaces = min(window, key=lambda line: line.words / max(1, line.width))
    return ProbeBand(_crop_lines(small, window), _crop_lines(small, [fewest_spaces]))


def _crop_lines(small: Image.Image, lines: list[tesseract.TextLine]) -> Image.Image:
    boxes = [line.box for line in lines]
    return small.crop(
        (
            max(0, min(box[0] for box in boxes) - LINE_PADDING),
            max(0, min(box[1] for box in boxes) - LINE_PADDING),
            min(small.width, max(box[2] for box in boxes) + LINE_PADDING),
            min(small.height, max(box[3] for box in boxes) + LINE_PADDING),
        )
    )


def _inkiest_band(small: Image.Image) -> Image.Image:
    def ink(band: tuple[float, float]) -> int:
        crop = small.crop(
            (0, int(small.height * band[0]), small.width, int(small.height * band[1]))
        )
        return sum(crop.point(lambda value: 255 if value < 128 else 0).histogram()[255:])

    top, bottom = max(PROBE_BANDS, key=ink)
    return small.crop((0, int(small.height * top), small.width, int(small.height * bottom)))


@dataclass(frozen=True)
class ProbeReading:
    """What one pack read on the band, and the packs it stands for."""

    probe: Probe
    text: str
    confidence: float
    letters: int
    main_script: str | None

    @functools.cached_property
    def packs(self) -> str:
        """Found only for the reading that decides: screens and rejected probes need no language."""
        return _packs_for(self.probe.script, self.text)

    @property
    def margin(self) -> float:
        """How far above (or below) its bar the probe read, if its script is the one it read."""
        if self.main_script != self.probe.script or self.letters < MIN_PROBE_CHARS:
            return float("-inf")
        return self.confidence - self.probe.min_confidence

    @property
    def claims(self) -> bool:
        return self.margin >= 0


def _probe(job: PageJob, band: ProbeBand) -> tuple[ProbeReading | None, list[ProbeReading]]:
    """The reading that claims the band (None if none does), and every five-line reading made.

    Probes go in order; one whose screen turns the page away is read in full
    only after all the others failed to claim it.
    """
    readings: list[ProbeReading] = []
    screened_out: list[Probe] = []
    for probe in PROBES:
        if not _passes_screen(job, band, probe):
            screened_out.append(probe)
            continue
        readings.append(read_probe(job, band.lines, probe))
        if readings[-1].claims:
            return _unless_rival_claims(job, band, readings, screened_out), readings
    for probe in screened_out:
        readings.append(read_probe(job, band.lines, probe))
        if readings[-1].claims:
            return readings[-1], readings
    return None, readings


def _passes_screen(job: PageJob, band: ProbeBand, probe: Probe) -> bool:
    if probe.screen_confidence is None or band.screen_line is None:
        return True
    screen = read_probe(job, band.screen_line, probe, SCREEN_PSM)
    return screen.main_script == probe.script and screen.confidence >= probe.screen_confidence


def _unless_rival_claims(
    job: PageJob, band: ProbeBand, readings: list[ProbeReading], screened_out: list[Probe]
) -> ProbeReading:
    """The last reading's claim, unless the script it yields to was screened out and claims."""
    claim = readings[-1]
    rival = next((probe for probe in screened_out if probe.script == claim.probe.yields_to), None)
    if rival is None:
        return claim
    readings.append(read_probe(job, band.lines, rival))
    return readings[-1] if readings[-1].claims else claim


def read_probe(
    job: PageJob, image: Image.Image, probe: Probe, psm: int = PROBE_PSM
) -> ProbeReading:
    """What `probe`'s pack reads on the band (or on one line, with `SCREEN_PSM`)."""
    tesseract.require_packs([probe.pack], job.tessdata_dir, job.page.path)
    output = _read_band(job, image, probe.pack, psm)
    letters = Counter(script_of(char) for char in output.text if script_of(char))
    return ProbeReading(
        probe=probe,
        text=output.text,
        confidence=_mean(output.word_confidences),
        letters=sum(letters.values()),
        main_script=letters.most_common(1)[0][0] if letters else None,
    )


def _read_band(job: PageJob, band: Image.Image, packs: str, psm: int) -> tesseract.OcrOutput:
    return tesseract.recognise(band, packs, PROBE_DPI, job.tessdata_dir, job.timeout_s, psm)


def _packs_for(script: str, text: str) -> str:
    """A Latin probe's text also tells the language (and so the pack) apart."""
    if script != "Latin":
        return LANGUAGES[SCRIPT_LANGUAGE[script]].ocr_packs
    language = detect_segment_language(text).language
    return LANGUAGES[language].ocr_packs if language in LANGUAGES else "eng"


def clean_ocr_text(text: str) -> str:
    """NFC, and Tesseract's Thai and Lao SARA AM written as NIKHAHIT + SARA AA (FACTS.md)."""
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    text = text.replace("\u0ecd\u0eb2", "\u0eb3")
    return text.replace("\x0c", "").strip("\n")
