"""Fuzzing the ingest stage: whatever bytes arrive, only our typed errors come out.

Small valid PDFs, PNGs, JPEGs, TIFFs and texts are mutated (bit flips,
overwritten bytes, truncations, splices) or replaced by random bytes, then
read with `ingest` and, for each image page, decoded with `load_page_image`
as an OCR worker would.  Any exception that is not an `MlaError` is a bug: it
would reach the user as a traceback and exit code 1.
"""

from __future__ import annotations

import io
import tempfile
from datetime import timedelta
from pathlib import Path

import make_fixtures
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from pipeline.exceptions import MlaError
from pipeline.ingest import ingest, load_page_image
from pipeline.options import IngestOptions

# Small limits keep a mutated header that claims a large page from costing
# seconds to decode; the limits themselves are tested in test_hostile_inputs.
OPTIONS = IngestOptions(max_pages=8, max_pixels_per_page=2_000_000, max_text_bytes=1_000_000)
PAGES_DECODED = 2
INTERESTING = [b"\x00", b"\xff", b"\x7f\xff\xff\xff", b"\xff\xff\xff\xff", b"\x00\x00\x00\x00"]


def _image_bytes(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def _seeds() -> list[bytes]:
    page = make_fixtures.page_image(make_fixtures.ENGLISH_LINES[:3], size=(400, 300))
    frames = [page, page.rotate(90, expand=True)]
    return [
        make_fixtures.text_pdf("<p>The Central Authority requests assistance.</p>"),
        make_fixtures.image_pdf([page], resolution=72),
        make_fixtures.page_count_lie_pdf(1),
        _image_bytes(page, "PNG", dpi=(300, 300)),
        _image_bytes(page.convert("RGB"), "JPEG", quality=60, dpi=(200, 200)),
        _image_bytes(page, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw"),
        _image_bytes(page.convert("1"), "TIFF", compression="group4", dpi=(300, 300)),
        make_fixtures.small_tiff(),
        make_fixtures.ENGLISH_TEXT.encode() + b"\f" + make_fixtures.THAI_PARAGRAPH.encode(),
    ]


SEEDS = _seeds()


@st.composite
def mutated_files(draw: st.DrawFn) -> bytes:
    """A seed with a few mutations, or random bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(min_size=0, max_size=4096))
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "overwrite", "truncate", "splice", "insert"]))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "overwrite":
            value = draw(st.sampled_from(INTERESTING) | st.binary(min_size=1, max_size=8))
            data[position : position + len(value)] = value
        elif kind == "truncate":
            del data[position:]
        elif kind == "splice":
            other = draw(st.sampled_from(SEEDS))
            start = draw(st.integers(0, len(other) - 1))
            data[position:] = other[start : start + draw(st.integers(1, 4096))]
        elif kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


def ingest_like_the_pipeline(path: Path) -> None:
    result = ingest(path, OPTIONS)
    for page in result.image_pages[:PAGES_DECODED]:
        image, _dpi = load_page_image(page, OPTIONS.max_pixels_per_page)
        assert image.width * image.height <= OPTIONS.max_pixels_per_page
        assert image.mode == "L"


@pytest.mark.slow
@settings(
    max_examples=6000,
    deadline=timedelta(seconds=10),
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=mutated_files())
def test_ingest_raises_only_typed_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="mla-fuzz-") as folder:
        path = Path(folder) / "request.bin"
        path.write_bytes(data)
        try:
            ingest_like_the_pipeline(path)
            event("read")
        except MlaError as error:
            event(type(error).__name__)
            assert "\n" not in str(error)
            assert str(error).startswith(str(path))


def test_mutations_reach_every_parser() -> None:
    """The seeds must be valid, or the fuzzer would only ever test the sniffer."""
    with tempfile.TemporaryDirectory(prefix="mla-fuzz-") as folder:
        media_types = set()
        for number, seed in enumerate(SEEDS):
            path = Path(folder) / f"seed{number}"
            path.write_bytes(seed)
            media_types.add(ingest(path, OPTIONS).source.media_type)
            ingest_like_the_pipeline(path)
    assert media_types == {"application/pdf", "image/png", "image/jpeg", "image/tiff", "text/plain"}
