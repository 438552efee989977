"""OCR stage: resolution, orientation, pack choice, confidences, cleanup."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from pipeline import ocr
from pipeline._exec import tesseract
from pipeline.ingest import PDF, PageImage
from pipeline.ocr import (
    PROBE_DPI,
    PROBE_LINES,
    PROBE_PSM,
    PROBES,
    SCREEN_PSM,
    PageJob,
    Probe,
    ProbeReading,
    _probe_band,
    clean_ocr_text,
    normalise_resolution,
    ocr_page,
    page_pixels,
    probe_document_packs,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


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


def rasterised_sample(name: str, folder: Path) -> Path:
    """The first page of a text-layer sample as a 300-dpi scan without text layer."""
    pdf = pdfium.PdfDocument(str(SAMPLES / name))
    image = pdf[0].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    path = folder / f"{Path(name).stem}.png"
    image.save(path, dpi=(300, 300))
    return path


@pytest.mark.parametrize(
    ("sample", "packs"),
    [("lo_la_to_vn_mla.pdf", "lao+eng"), ("th_th_to_my_mla.pdf", "tha+eng")],
)
def test_lao_and_thai_scans_are_told_apart(sample: str, packs: str, tmp_path: Path) -> None:
    """The Thai pack reads Lao with confidence 78-88; the Lao probe must claim Lao first."""
    page_job = job(rasterised_sample(sample, tmp_path), "image/png")
    assert probe_document_packs(page_job, *page_pixels(page_job))[0] == packs


def test_probes_read_five_whole_lines_of_body_text(tmp_path: Path) -> None:
    path = rasterised_sample("vi_vn_to_kh_mla.pdf", tmp_path)
    image = Image.open(path)
    band = _probe_band(job(path, "image/png"), image, 300)
    lines = tesseract.text_lines(band.lines, PROBE_DPI, "vie", None, PROBE_PSM)
    assert len(lines) == PROBE_LINES
    assert band.lines.width > image.width / 2 * PROBE_DPI / 300  # body lines, not a heading
    assert len(tesseract.text_lines(band.screen_line, PROBE_DPI, "vie", None, PROBE_PSM)) == 1


def test_the_screening_line_is_not_the_one_with_latin_words(tmp_path: Path) -> None:
    """The Chinese photo's widest line names a bank in English; that line would screen as Latin."""
    page_job = job(SAMPLES / "zh_cn_to_la_mla_photo.jpg", "image/jpeg", dpi=225)
    band = _probe_band(page_job, *page_pixels(page_job))
    screen = ocr.read_probe(page_job, band.screen_line, PROBES[4], SCREEN_PSM)
    assert (screen.probe.pack, screen.main_script) == ("chi_sim", "Han")


@pytest.fixture
def full_readings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The packs that read all five probe lines, in order (one-line screens left out)."""
    packs: list[str] = []
    read = ocr.read_probe

    def spy(page_job: PageJob, image: Image.Image, probe: Probe, psm: int = PROBE_PSM):
        if psm == PROBE_PSM:
            packs.append(probe.pack)
        return read(page_job, image, probe, psm)

    monkeypatch.setattr(ocr, "read_probe", spy)
    return packs


def test_screens_spare_other_scripts_the_five_line_reading(full_readings: list[str]) -> None:
    page_job = job(SAMPLES / "zh_cn_to_la_mla_photo.jpg", "image/jpeg", dpi=225)
    assert probe_document_packs(page_job, *page_pixels(page_job))[0] == "chi_sim"
    assert full_readings == ["chi_sim"]


def test_thai_yields_to_lao_even_when_the_lao_screen_turned_the_page_away(
    full_readings: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Thai reads Lao confidently; a Lao page screened out by Lao must not end up Thai."""
    strict = {
        "Lao": {"screen_confidence": 101.0},  # Lao's screen turns every page away
        "Thai": {"min_confidence": 50.0},  # and Thai surely claims the Lao page
    }
    probes = tuple(replace(probe, **strict.get(probe.script, {})) for probe in PROBES)
    monkeypatch.setattr(ocr, "PROBES", probes)
    page_job = job(rasterised_sample("lo_la_to_vn_mla.pdf", tmp_path), "image/png")
    assert probe_document_packs(page_job, *page_pixels(page_job))[0] == "lao+eng"
    assert full_readings == ["tha", "lao"]


def test_a_page_no_probe_claims_is_read_in_full_by_every_probe(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    unreachable = tuple(replace(probe, min_confidence=101.0) for probe in PROBES)
    monkeypatch.setattr(ocr, "PROBES", unreachable)
    page_job = job(rasterised_sample("th_th_to_my_mla.pdf", tmp_path), "image/png")
    claim, readings = ocr._probe(page_job, _probe_band(page_job, *page_pixels(page_job)))
    assert claim is None
    assert sorted(reading.probe.pack for reading in readings) == sorted(p.pack for p in PROBES)


def test_a_probe_claims_only_its_own_script_above_its_bar() -> None:
    khmer = PROBES[3]
    assert khmer.script == "Khmer"
    reading = ProbeReading(khmer, "ក" * 400, confidence=61.0, letters=400, main_script="Khmer")
    assert reading.claims and reading.margin == 11.0
    assert not replace(reading, confidence=40.0).claims
    assert not replace(reading, main_script="Latin").claims
    assert not replace(reading, letters=10).claims
