"""OCR stage: resolution, orientation, pack choice, confidences, cleanup."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from pipeline.ingest import PDF, PageImage
from pipeline.ocr import PageJob, clean_ocr_text, normalise_resolution, ocr_page


def job(path: Path, media_type: str, packs: str | None = None, dpi: int = 300) -> PageJob:
    return PageJob(
        page=PageImage(path, media_type, 1, dpi),
        packs=packs,
        tessdata_dir=None,
        timeout_s=120,
        fix_orientation=True,
        max_pixels=150_000_000,
    )


def test_low_resolution_is_upscaled_at_most_twice() -> None:
    image, dpi = normalise_resolution(Image.new("L", (1000, 1400)), 100)
    assert (image.size, dpi) == ((2000, 2800), 200)
    image, dpi = normalise_resolution(Image.new("L", (2480, 3508)), 300)
    assert (image.size, dpi) == ((2480, 3508), 300)


def test_missing_resolution_is_estimated_from_an_a4_page() -> None:
    _, dpi = normalise_resolution(Image.new("L", (1240, 1754)), 0)
    assert dpi == 300  # 150 dpi estimated, upscaled 2x


def test_thai_sara_am_is_restored_and_text_is_nfc() -> None:
    assert clean_ocr_text("ทํางาน\x0c") == "ทำงาน"
    assert clean_ocr_text("Vie\u0323\u0302t") == "Việt"


def test_latin_page_gets_its_language_from_a_first_pass(inputs: dict[str, Path]) -> None:
    page = ocr_page(job(inputs["image_only.pdf"], PDF))
    assert page.ocr_language == "eng"
    assert page.from_ocr and page.rotation == 0
    assert page.ocr_confidence and page.ocr_confidence > 85
    assert "money laundering" in page.text


def test_given_packs_are_used(inputs: dict[str, Path]) -> None:
    page = ocr_page(job(inputs["image_only.pdf"], PDF, packs="ind"))
    assert page.ocr_language == "ind"


def test_rotation_is_detected_and_corrected(inputs: dict[str, Path]) -> None:
    page = ocr_page(job(inputs["rotated_90.pdf"], PDF))
    assert page.rotation == 90
    assert "Central Authority of Singapore" in page.text


def test_jpeg_without_dpi_is_read(inputs: dict[str, Path]) -> None:
    page = ocr_page(job(inputs["photo.jpg"], "image/jpeg", dpi=0))
    assert "AGC/MLA/2026/0412" in page.text


def test_english_aids_only_the_scripts_it_helps() -> None:
    from pipeline.languages import LANGUAGES

    assert LANGUAGES["th"].ocr_packs == "tha+eng"
    assert LANGUAGES["km"].ocr_packs == "khm+eng"
    assert LANGUAGES["zh"].ocr_packs == "chi_sim"
    assert LANGUAGES["vi"].ocr_packs == "vie"
