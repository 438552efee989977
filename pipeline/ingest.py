"""Ingest: decide what a file is from its content and split it into pages.

Each page either has a usable text layer (taken as is) or becomes a
`PageImage`: a picklable reference a worker process renders itself, so a
300-page scan is never held in memory at once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import filetype
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image, UnidentifiedImageError

from pipeline.document import SourceFile
from pipeline.exceptions import (
    EncryptedInputError,
    InputFileError,
    LimitExceededError,
    MlaError,
)
from pipeline.languages import script_of
from pipeline.options import IngestOptions

PDF = "application/pdf"
TEXT = "text/plain"
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/tiff"})
POINTS_PER_INCH = 72
MIN_TEXT_LAYER_CHARS = 20
MAX_GARBAGE_SHARE = 0.03
MIN_RENDER_DPI = 72


@dataclass(frozen=True)
class PageImage:
    """Where a page's pixels come from; a worker loads them with `load_page_image`."""

    path: Path
    media_type: str
    number: int
    dpi: int


@dataclass
class IngestResult:
    """Pages with text from a text layer, and pages that need OCR."""

    source: SourceFile
    page_count: int
    text_pages: dict[int, str] = field(default_factory=dict)
    image_pages: list[PageImage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def sniff_media_type(path: Path, head: bytes) -> str:
    """Media type from the bytes, never the name: senders mislabel files."""
    if not head:
        raise InputFileError("file is empty (0 bytes)", path)
    if b"%PDF-" in head[:1024]:
        return PDF
    kind = filetype.guess(head)
    if kind is not None:
        if kind.mime in IMAGE_TYPES:
            return kind.mime
        raise InputFileError(
            f"unsupported file type {kind.mime} (expected PDF, PNG, JPEG, TIFF or text)", path
        )
    if _looks_like_text(head):
        return TEXT
    raise InputFileError(
        "unrecognised binary content (expected PDF, PNG, JPEG, TIFF or text)", path
    )


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sniffed block is still text.
        return error.start >= len(head) - 3
    return True


def ingest(path: Path, options: IngestOptions) -> IngestResult:
    """Read `path` into pages; raises our typed errors for anything unusable."""
    if not path.exists():
        raise InputFileError("no such file", path)
    if not path.is_file():
        raise InputFileError("not a regular file", path)
    with path.open("rb") as handle:
        head = handle.read(8192)
    media_type = sniff_media_type(path, head)
    source = SourceFile(path=path, sha256=_sha256(path), media_type=media_type)
    if media_type == PDF:
        return _ingest_pdf(source, options)
    if media_type == TEXT:
        return _ingest_text(source, options)
    return _ingest_image(source, options)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _ingest_text(source: SourceFile, options: IngestOptions) -> IngestResult:
    path = source.path
    if path.stat().st_size > options.max_text_bytes:
        raise LimitExceededError(
            f"text file is larger than the limit of {options.max_text_bytes} bytes", path
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputFileError(f"text is not valid UTF-8 (byte {error.start})", path) from error
    pages = [unicodedata.normalize("NFC", page) for page in text.split("\f")]
    result = IngestResult(source=source, page_count=len(pages))
    result.text_pages = {number: page for number, page in enumerate(pages, start=1)}
    return result


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open a PDF, turning PDFium's failures into errors a user can act on."""
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_raw.FPDF_ERR_PASSWORD:
            raise EncryptedInputError(
                "PDF is password-protected; decrypt it first, e.g. "
                "`qpdf --decrypt --password=PASSWORD in.pdf out.pdf`",
                path,
            ) from error
        if _declares_no_pages(path):
            raise InputFileError("PDF has no pages", path) from error
        raise InputFileError(
            f"PDF is corrupt or truncated and cannot be read ({error})", path
        ) from error


def _declares_no_pages(path: Path) -> bool:
    """PDFium refuses a zero-page PDF as malformed; say what is really wrong."""
    with path.open("rb") as handle:
        data = handle.read(1 << 20)
    has_page = re.search(rb"/Type\s*/Page(?!s)", data) is not None
    return re.search(rb"/Count\s+0\b", data) is not None and not has_page


def _ingest_pdf(source: SourceFile, options: IngestOptions) -> IngestResult:
    path = source.path
    pdf = open_pdf(path)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise InputFileError("PDF has no pages", path)
        if page_count > options.max_pages:
            raise LimitExceededError(
                f"PDF has {page_count} pages, more than the limit of {options.max_pages} "
                "(raise it with --max-pages)",
                path,
            )
        result = IngestResult(source=source, page_count=page_count)
        for index in range(page_count):
            number = index + 1
            with _pdf_page(pdf, number, path) as page:
                text = _page_text(page)
                if text_layer_is_usable(text) or _is_blank(page):
                    result.text_pages[number] = text
                    continue
                if text.strip():
                    result.warnings.append(f"page {number}: text layer unusable, page was OCRed")
                width, height = page.get_size()
                dpi = _render_dpi(width, height, options, result, number, path)
                result.image_pages.append(PageImage(path, PDF, number, dpi))
        return result
    finally:
        pdf.close()


@contextmanager
def _pdf_page(pdf: pdfium.PdfDocument, number: int, path: Path) -> Iterator[pdfium.PdfPage]:
    """A page of an open PDF; PDFium's failures on it become an error naming the page.

    PDFium cannot reach a page of a page tree that loops back on itself,
    nests deeper than it allows, or declares more pages than it holds.
    """
    try:
        page = pdf[number - 1]
    except pdfium.PdfiumError as error:
        raise InputFileError(
            f"page {number} cannot be read; the PDF's page tree is broken ({error})", path
        ) from error
    try:
        yield page
    except pdfium.PdfiumError as error:
        raise InputFileError(f"page {number} cannot be read ({error})", path) from error
    finally:
        page.close()


def _is_blank(page: pdfium.PdfPage) -> bool:
    """A page with nothing drawn on it, which OCR would read as nothing.

    A file of thousands of empty pages must not cost thousands of Tesseract runs.
    """
    return pdfium_raw.FPDFPage_CountObjects(page.raw) == 0


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return unicodedata.normalize("NFC", textpage.get_text_bounded().replace("\r\n", "\n"))
    finally:
        textpage.close()


def _render_dpi(
    width_pt: float,
    height_pt: float,
    options: IngestOptions,
    result: IngestResult,
    number: int,
    path: Path,
) -> int:
    """300 dpi unless that would exceed the pixel limit (enormous page sizes)."""
    dpi = 300
    pixels = (width_pt / POINTS_PER_INCH * dpi) * (height_pt / POINTS_PER_INCH * dpi)
    if pixels <= options.max_pixels_per_page:
        return dpi
    scaled = int(dpi * (options.max_pixels_per_page / pixels) ** 0.5)
    if scaled < MIN_RENDER_DPI:
        raise LimitExceededError(
            f"page {number} measures {width_pt:.0f}x{height_pt:.0f} pt, too large to render "
            f"within {options.max_pixels_per_page} pixels",
            path,
        )
    result.warnings.append(f"page {number}: very large page rendered at {scaled} dpi")
    return scaled


def text_layer_is_usable(text: str) -> bool:
    """False for empty, tiny or garbled text layers.

    Broken Thai and Khmer fonts yield Latin-1 symbols, private-use code
    points or U+FFFD instead of letters; fonts without proper ToUnicode maps
    (common in Khmer and Burmese PDFs) yield stray IPA letters inside words
    and vowel signs cut off from their consonants.  Such a page is OCRed.
    """
    visible = [char for char in text if not char.isspace()]
    if len(visible) < MIN_TEXT_LAYER_CHARS:
        return False
    bad = sum(1 for char in visible if _is_garbage_char(char)) + _misplaced_marks(text)
    letters = sum(1 for char in visible if unicodedata.category(char)[0] in "LM")
    return bad / len(visible) < MAX_GARBAGE_SHARE and letters / len(visible) > 0.4


def _is_garbage_char(char: str) -> bool:
    code = ord(char)
    category = unicodedata.category(char)
    return (
        char == "\ufffd"
        or category in ("Co", "Cn", "Cc")
        or (0x80 <= code <= 0xBF)
        or char in "ÃÂ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿"
    )


def _misplaced_marks(text: str) -> int:
    """Combining marks after a space, and IPA/Latin-B letters inside non-Latin words."""
    count = 0
    for index, char in enumerate(text):
        previous = text[index - 1] if index else " "
        if unicodedata.category(char) in ("Mn", "Mc") and previous.isspace():
            count += 1
        elif 0x0180 <= ord(char) <= 0x02AF:
            following = text[index + 1] if index + 1 < len(text) else " "
            neighbours = (script_of(previous), script_of(following))
            count += any(script not in (None, "Latin") for script in neighbours)
    return count


def _ingest_image(source: SourceFile, options: IngestOptions) -> IngestResult:
    path = source.path
    with open_image(path, options.max_pixels_per_page) as image:
        frames = getattr(image, "n_frames", 1)
        if frames > options.max_pages:
            raise LimitExceededError(
                f"image has {frames} frames, more than the limit of {options.max_pages}", path
            )
        result = IngestResult(source=source, page_count=frames)
        for index in range(frames):
            image.seek(index)
            check_pixel_limit(image, options.max_pixels_per_page, path)
            result.image_pages.append(
                PageImage(path, source.media_type, index + 1, _image_dpi(image))
            )
        return result


@contextmanager
def open_image(path: Path, max_pixels: int) -> Iterator[Image.Image]:
    """Open an image, refusing decompression bombs from the header alone."""
    try:
        with warnings.catch_warnings():
            # Pillow warns (on stderr) about every oddity of a broken file.
            warnings.simplefilter("ignore")
            with Image.open(path) as image:
                check_pixel_limit(image, max_pixels, path)
                yield image
    except MlaError:
        raise
    except Image.DecompressionBombError as error:
        raise LimitExceededError(f"image is too large to decode safely ({error})", path) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise InputFileError(f"image is corrupt or truncated ({error})", path) from error
    except MemoryError:
        raise
    except Exception as error:
        # Only Pillow runs inside this block, and its decoders answer malformed
        # files with TypeError, KeyError, struct.error, ZeroDivisionError …
        raise InputFileError(
            f"image is corrupt or truncated ({type(error).__name__}: {error})", path
        ) from error


def check_pixel_limit(image: Image.Image, max_pixels: int, path: Path) -> None:
    """Refuse decompression bombs from the header, before any pixel is decoded."""
    width, height = image.size
    if width * height > max_pixels:
        raise LimitExceededError(
            f"image is {width}x{height} pixels, more than the limit of {max_pixels} "
            "(raise it with --max-pixels)",
            path,
        )


def _image_dpi(image: Image.Image) -> int:
    """The resolution the scanner recorded, or 0 when it is missing or implausible."""
    try:
        value = float(image.info["dpi"][0])
    except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError):
        return 0
    return round(value) if 50 <= value <= 1200 else 0


def load_page_image(page: PageImage, max_pixels: int) -> tuple[Image.Image, int]:
    """Decode one page's pixels (in the worker) as 8-bit grayscale, with its dpi."""
    if page.media_type == PDF:
        pdf = open_pdf(page.path)
        try:
            with _pdf_page(pdf, page.number, page.path) as pdf_page:
                bitmap = pdf_page.render(scale=page.dpi / POINTS_PER_INCH, grayscale=True)
                image = bitmap.to_pil().convert("L")
                bitmap.close()
        finally:
            pdf.close()
        return image, page.dpi
    with open_image(page.path, max_pixels) as source:
        source.seek(page.number - 1)
        check_pixel_limit(source, max_pixels, page.path)
        image = source.convert("L")
    return image, page.dpi
