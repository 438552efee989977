"""Ingest: media type from content, text layers per page, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.exceptions import (
    EncryptedInputError,
    ExitCode,
    InputFileError,
    LimitExceededError,
)
from pipeline.ingest import PDF, ingest, sniff_media_type, text_layer_is_usable
from pipeline.options import IngestOptions

OPTIONS = IngestOptions()


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("text_layer.pdf", "application/pdf"),
        ("page.png", "image/png"),
        ("png_named.pdf", "image/png"),
        ("photo.jpg", "image/jpeg"),
        ("pages.tiff", "image/tiff"),
        ("letter.txt", "text/plain"),
    ],
)
def test_media_type_comes_from_content(inputs: dict[str, Path], name: str, media_type: str) -> None:
    assert ingest(inputs[name], OPTIONS).source.media_type == media_type


def test_text_layer_pages_are_used_without_ocr(inputs: dict[str, Path]) -> None:
    result = ingest(inputs["text_layer.pdf"], OPTIONS)
    assert result.page_count == 1
    assert not result.image_pages
    assert "Ref: AGC/MLA/2026/0412" in result.text_pages[1]


def test_image_only_pdf_pages_go_to_ocr_at_300_dpi(inputs: dict[str, Path]) -> None:
    result = ingest(inputs["image_only.pdf"], OPTIONS)
    assert not result.text_pages
    assert [(page.number, page.media_type, page.dpi) for page in result.image_pages] == [
        (1, PDF, 300)
    ]


def test_mixed_pdf_is_decided_per_page(inputs: dict[str, Path]) -> None:
    result = ingest(inputs["mixed.pdf"], OPTIONS)
    assert list(result.text_pages) == [1]
    assert [page.number for page in result.image_pages] == [2]


def test_garbage_text_layer_is_ocred_with_a_warning(inputs: dict[str, Path]) -> None:
    result = ingest(inputs["garbage_layer.pdf"], OPTIONS)
    assert [page.number for page in result.image_pages] == [1]
    assert result.warnings == ["page 1: text layer unusable, page was OCRed"]


def test_text_layer_usability_rules() -> None:
    assert text_layer_is_usable("The Central Authority requests assistance in this matter.")
    assert text_layer_is_usable("สำนักงานอัยการสูงสุดขอความช่วยเหลือซึ่งกันและกันในเรื่องทางอาญา")
    assert not text_layer_is_usable("   \n ")
    assert not text_layer_is_usable("¡ÒÃ¢Í¤ÇÒÁªèÇÂàËÅ×Í«Ö§¡Ñ¹áÅÐ¡Ñ¹ã¹àÃ×èÍ§·Ò§ÍÒªÒ")
    assert not text_layer_is_usable("\ue000\ue001\ue002" * 10)
    khmer_without_tounicode = "នាɵɂម្ងាទី២៩ ɴខវច្ឆ ិិកា ƹ្ន ំ២០០៤ ɳយោង៖ សន្ធិសȦញ្ញា"
    assert not text_layer_is_usable(khmer_without_tounicode)
    assert text_layer_is_usable(
        "Viện kiểm sát nhân dân tối cao đề nghị tương trợ tư pháp về hình sự."
    )


def test_multipage_tiff_and_text_form_feeds(inputs: dict[str, Path]) -> None:
    assert [page.number for page in ingest(inputs["pages.tiff"], OPTIONS).image_pages] == [1, 2]
    text = ingest(inputs["letter.txt"], OPTIONS)
    assert text.page_count == 2
    assert text.text_pages[2].startswith("สำนักงานอัยการสูงสุด")


def test_sha256_identifies_content(inputs: dict[str, Path]) -> None:
    png = ingest(inputs["page.png"], OPTIONS).source.sha256
    assert png == ingest(inputs["png_named.pdf"], OPTIONS).source.sha256
    assert len(png) == 64


@pytest.mark.parametrize(
    ("name", "error", "code", "message"),
    [
        ("encrypted.pdf", EncryptedInputError, ExitCode.encrypted_input, "password-protected"),
        ("corrupt.pdf", InputFileError, ExitCode.input_file, "corrupt or truncated"),
        ("truncated.pdf", InputFileError, ExitCode.input_file, "corrupt or truncated"),
        ("empty.pdf", InputFileError, ExitCode.input_file, "file is empty"),
        ("zero_pages.pdf", InputFileError, ExitCode.input_file, "PDF has no pages"),
        (
            "zip_named.pdf",
            InputFileError,
            ExitCode.input_file,
            "unsupported file type application/zip",
        ),
        ("huge.png", LimitExceededError, ExitCode.limit_exceeded, "too large"),
        ("folder", InputFileError, ExitCode.input_file, "not a regular file"),
    ],
)
def test_bad_inputs_raise_typed_errors_naming_the_file(
    inputs: dict[str, Path], name: str, error: type[Exception], code: ExitCode, message: str
) -> None:
    with pytest.raises(error) as raised:
        ingest(inputs[name], OPTIONS)
    assert raised.value.exit_code == code
    assert message in str(raised.value)
    assert str(raised.value).startswith(str(inputs[name]))
    assert "\n" not in str(raised.value)


def test_page_and_pixel_limits_are_configurable(inputs: dict[str, Path]) -> None:
    with pytest.raises(LimitExceededError, match="more than the limit of 1"):
        ingest(inputs["mixed.pdf"], IngestOptions(max_pages=1))
    with pytest.raises(LimitExceededError, match="--max-pixels"):
        ingest(inputs["page.png"], IngestOptions(max_pixels_per_page=1000))


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.pdf"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputFileError, match="unrecognised binary content"):
        sniff_media_type(path, path.read_bytes())
