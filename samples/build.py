#!/usr/bin/env python3
"""Rebuild the bundled sample inputs in ``samples/``.

Run from the repository root::

    .venv/bin/python samples/build.py

Every output is derived from the letter texts in ``samples/src/*.txt``:

* born-digital PDFs are rendered with WeasyPrint (HTML/CSS, Pango + HarfBuzz
  shaping, real text layer);
* scanned variants are rasterised from those PDFs with pypdfium2 at 300 dpi and
  degraded with numpy/Pillow (noise, blur, skew, rotation, perspective, uneven
  lighting), then saved as image-only PDFs, a TIFF and a JPEG.

The build is deterministic: every random degradation uses a fixed per-file
seed, PDF metadata carries a fixed date, and no timestamps are embedded.

Text file conventions (``samples/src/<stem>.txt``, UTF-8, NFC):

* the first block of lines (up to the first blank line) is the letterhead;
* the remaining blocks, separated by blank lines, are paragraphs; line breaks
  inside a block are kept;
* a line containing only a form feed (U+000C, or the two characters ``\\f``)
  forces a page break;
* a line written entirely in upper-case Latin letters is set in bold;
* runs of spaces collapse to one space, as in HTML.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from weasyprint import HTML

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

#: Fixed date written into the metadata of the image-only PDFs (Pillow would
#: otherwise stamp the current time and break reproducibility).
FIXED_DATE = time.gmtime(1772668800)  # 2026-03-05T00:00:00Z

SCAN_DPI = 300
PHOTO_DPI = 225
A4_MM = (210.0, 297.0)


# --------------------------------------------------------------------------
# Letter definitions
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """Per-script typography."""

    body: str  # CSS font-family list for body text
    head: str  # CSS font-family list for the letterhead
    size: str = "11pt"
    line_height: float = 1.36
    align: str = "justify"  # "justify" only where spaces separate words
    accent: str = "#1f3a5f"  # letterhead colour
    extra_css: str = ""


LATIN_SERIF = Style(
    body="'Noto Serif', 'DejaVu Serif', serif",
    head="'Noto Sans', 'DejaVu Sans', sans-serif",
)
LATIN_SANS = Style(
    body="'Noto Sans', 'DejaVu Sans', sans-serif",
    head="'Noto Serif', 'DejaVu Serif', serif",
    accent="#7a1c1c",
)
THAI_SANS = Style(
    body="'Noto Sans Thai', 'Noto Sans', sans-serif",
    head="'Noto Sans Thai', 'Noto Sans', sans-serif",
    size="11pt",
    line_height=1.45,
    align="left",
    accent="#000000",
)
THAI_SERIF = Style(
    body="'Noto Serif Thai', 'Noto Serif', serif",
    head="'Noto Serif Thai', 'Noto Serif', serif",
    size="11pt",
    line_height=1.42,
    align="left",
    accent="#0b3d2e",
)
KHMER = Style(
    body="'Khmer OS Siemreap', 'Noto Sans Khmer', 'Noto Sans', sans-serif",
    head="'Khmer OS Muol Light', 'Noto Serif Khmer', 'Noto Serif', serif",
    size="11pt",
    line_height=1.6,
    align="left",
    accent="#002b6b",
)
LAO = Style(
    body="'Noto Sans Lao', 'Phetsarath OT', 'Noto Sans', sans-serif",
    head="'Noto Sans Lao', 'Phetsarath OT', 'Noto Sans', sans-serif",
    size="11pt",
    line_height=1.5,
    align="left",
    accent="#000000",
)
MYANMAR = Style(
    body="'Noto Sans Myanmar', 'Noto Sans', sans-serif",
    head="'Noto Sans Myanmar', 'Noto Sans', sans-serif",
    size="11pt",
    line_height=1.6,
    align="left",
    accent="#000000",
)
CJK_SC = Style(
    body="'Noto Serif CJK SC', 'Noto Sans CJK SC', serif",
    head="'Noto Serif CJK SC', 'Noto Sans CJK SC', serif",
    size="11.5pt",
    line_height=1.55,
    align="justify",
    accent="#c00000",
    extra_css="p { text-indent: 0; }",
)


@dataclass(frozen=True)
class Letter:
    stem: str
    lang: str  # BCP 47 tag for <html lang>
    style: Style
    title: str
    born_digital: bool  # write samples/<stem>.pdf
    variants: tuple[str, ...] = field(default_factory=tuple)


LETTERS: tuple[Letter, ...] = (
    Letter("en_sg_to_th_mla", "en-SG", LATIN_SERIF, "MLA request Singapore to Thailand", True),
    Letter(
        "th_th_to_my_mla",
        "th",
        THAI_SANS,
        "MLA request Thailand to Malaysia (Thai)",
        True,
        ("scan_mild",),
    ),
    Letter(
        "th_en_mixed_mla",
        "th",
        THAI_SERIF,
        "MLA request Thailand to Singapore (Thai/English)",
        True,
    ),
    Letter(
        "vi_vn_to_kh_mla",
        "vi",
        LATIN_SERIF,
        "MLA request Viet Nam to Cambodia (Vietnamese)",
        True,
        ("tiff",),
    ),
    Letter(
        "id_id_to_ms_mla", "id", LATIN_SANS, "MLA request Indonesia to Malaysia (Indonesian)", True
    ),
    Letter(
        "ms_my_to_id_mla",
        "ms",
        LATIN_SERIF,
        "MLA request Malaysia to Indonesia (Malay)",
        False,
        ("scan_skewed",),
    ),
    Letter(
        "km_kh_to_th_mla",
        "km",
        KHMER,
        "MLA request Cambodia to Thailand (Khmer)",
        True,
        ("rotated",),
    ),
    Letter(
        "my_mm_to_th_mla",
        "my",
        MYANMAR,
        "MLA request Myanmar to Thailand (Burmese)",
        False,
        ("scan_plain",),
    ),
    Letter(
        "zh_cn_to_la_mla",
        "zh-Hans",
        CJK_SC,
        "MLA request China to Lao PDR (Chinese)",
        False,
        ("photo",),
    ),
    Letter("lo_la_to_vn_mla", "lo", LAO, "MLA request Lao PDR to Viet Nam (Lao)", True),
    Letter(
        "tl_ph_to_sg_mla",
        "fil",
        LATIN_SANS,
        "MLA request Philippines to Singapore (Filipino)",
        True,
    ),
)


# --------------------------------------------------------------------------
# Text -> HTML -> PDF
# --------------------------------------------------------------------------


def read_letter(stem: str) -> tuple[list[str], list[list[list[str]]]]:
    """Return (letterhead lines, pages), each page a list of paragraphs."""
    text = (SRC / f"{stem}.txt").read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", text) != text:
        raise SystemExit(f"{stem}.txt is not NFC-normalised")
    lines = text.replace("\r\n", "\n").split("\n")
    blocks: list[list[str] | str] = []
    current: list[str] = []
    for line in lines:
        if line.strip() in ("\f", "\\f"):
            if current:
                blocks.append(current)
                current = []
            blocks.append("PAGEBREAK")
        elif line.strip() == "":
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line.rstrip())
    if current:
        blocks.append(current)
    if not blocks or blocks[0] == "PAGEBREAK":
        raise SystemExit(f"{stem}.txt: missing letterhead block")
    head = blocks[0]
    pages: list[list[list[str]]] = [[]]
    for block in blocks[1:]:
        if block == "PAGEBREAK":
            pages.append([])
        else:
            pages[-1].append(block)
    return head, pages


def _is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 6
        and all("LATIN" in unicodedata.name(c, "") for c in letters)
        and text.upper() == text
    )


def letter_html(letter: Letter) -> str:
    head, pages = read_letter(letter.stem)
    st = letter.style
    esc = html.escape

    head_html = []
    for i, line in enumerate(head):
        cls = "l1" if i == 0 else "ln"
        head_html.append(f'<div class="{cls}">{esc(line)}</div>')

    body_html = []
    for n, page in enumerate(pages):
        if n:
            body_html.append('<div class="pb"></div>')
        for para in page:
            inner = "<br>".join(
                f'<span class="caps">{esc(line)}</span>' if _is_caps_heading(line) else esc(line)
                for line in para
            )
            body_html.append(f"<p>{inner}</p>")

    css = f"""
    @page {{ size: A4; margin: 14mm 19mm 14mm 21mm; }}
    html {{ font-family: {st.body}; font-size: {st.size};
            line-height: {st.line_height}; color: #111; }}
    body {{ margin: 0; }}
    .letterhead {{ text-align: center; font-family: {st.head};
                   border-bottom: 1.6pt double {st.accent};
                   padding-bottom: 2mm; margin-bottom: 4mm; }}
    .letterhead .l1 {{ font-size: 1.32em; font-weight: bold;
                       color: {st.accent}; letter-spacing: 0.02em; }}
    .letterhead .ln {{ font-size: 0.86em; color: #222; }}
    p {{ margin: 0 0 0.45em 0; text-align: {st.align};
         overflow-wrap: anywhere; orphans: 2; widows: 2; }}
    .caps {{ font-weight: bold; }}
    .pb {{ break-before: page; }}
    {st.extra_css}
    """
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{letter.lang}"><head><meta charset="utf-8">'
        f"<title>{esc(letter.title)}</title>"
        '<meta name="author" content="mla sample generator (fictitious letter)">'
        '<meta name="generator" content="samples/build.py">'
        f"<style>{css}</style></head><body>"
        f'<div class="letterhead">{"".join(head_html)}</div>'
        f"{''.join(body_html)}"
        "</body></html>"
    )


def render_pdf(letter: Letter) -> bytes:
    return HTML(string=letter_html(letter), base_url=str(HERE)).write_pdf()


# --------------------------------------------------------------------------
# Raster degradations
# --------------------------------------------------------------------------


def rasterise(pdf: bytes, dpi: int, *, grayscale: bool = True) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            bitmap = page.render(scale=dpi / 72, grayscale=grayscale)
            img = bitmap.to_pil()
            img = img.convert("L" if grayscale else "RGB")
            # pdfium rounds the bitmap size up (A4 at 300 dpi -> 2481 px);
            # trim to the nominal size so the PDF page stays exactly A4.
            w_pt, h_pt = page.get_size()
            target = (round(w_pt * dpi / 72), round(h_pt * dpi / 72))
            if img.size != target:
                img = img.crop((0, 0, min(img.width, target[0]), min(img.height, target[1])))
                if img.size != target:
                    img = img.resize(target, Image.Resampling.LANCZOS)
            out.append(img.copy())
            bitmap.close()
            page.close()
        return out
    finally:
        doc.close()


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img, dtype=np.float32)


def _img(a: np.ndarray, mode: str = "L") -> Image.Image:
    return Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), mode)


def paper_tone(img: Image.Image, white: float = 244.0, black: float = 28.0) -> Image.Image:
    """Map pure white/black to slightly grey paper and toner."""
    a = _arr(img) / 255.0
    return _img(black + a * (white - black), img.mode)


def gaussian_noise(img: Image.Image, rng: np.random.Generator, sigma: float) -> Image.Image:
    a = _arr(img)
    a = a + rng.normal(0.0, sigma, a.shape).astype(np.float32)
    return _img(a, img.mode)


def speckle(img: Image.Image, rng: np.random.Generator, count: int) -> Image.Image:
    """Sprinkle small dark dust specks (1-3 px) over the page."""
    a = _arr(img).copy()
    h, w = a.shape[:2]
    ys = rng.integers(0, h - 3, count)
    xs = rng.integers(0, w - 3, count)
    sizes = rng.integers(1, 4, count)
    vals = rng.uniform(40, 150, count)
    for y, x, s, v in zip(ys, xs, sizes, vals, strict=True):
        a[y : y + s, x : x + s] = np.minimum(a[y : y + s, x : x + s], v)
    return _img(a, img.mode)


def skew(img: Image.Image, degrees: float, fill: int = 236) -> Image.Image:
    return img.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)


def save_image_pdf(pages: list[Image.Image], path: Path, dpi: int, quality: int) -> None:
    """Write an image-only PDF (one JPEG per page) whose page size matches dpi."""
    first, rest = pages[0], pages[1:]
    first.save(
        path,
        "PDF",
        resolution=float(dpi),
        save_all=True,
        append_images=rest,
        quality=quality,
        title=path.stem,
        author="mla sample generator",
        producer="samples/build.py",
        creationDate=FIXED_DATE,
        modDate=FIXED_DATE,
    )


def _perspective_coeffs(
    dst: list[tuple[float, float]], src: list[tuple[float, float]]
) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) mapping dst (output) -> src (input)."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.append(v)
    return np.linalg.solve(np.array(rows, float), np.array(rhs, float)).tolist()


def photograph(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Simulate a hand-held phone photo of a printed page lying on a desk."""
    pw, ph = page.size
    cw, ch = int(pw * 1.10), int(ph * 1.07)

    # Desk background: warm grey-brown with a soft gradient and grain.
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    base = np.stack([96 + 0 * xx, 86 + 0 * xx, 74 + 0 * xx], axis=-1)
    base *= (0.85 + 0.25 * (xx / cw))[..., None]
    base += rng.normal(0, 5, base.shape).astype(np.float32)
    canvas = _img(base, "RGB")

    # Where the page corners land: slight keystone (camera tilted towards the
    # top edge) plus a small rotation.
    mx, my = (cw - pw) / 2, (ch - ph) / 2
    dst = [
        (mx + 0.030 * pw, my + 0.012 * ph),  # top-left
        (mx + 0.955 * pw, my - 0.004 * ph),  # top-right
        (mx + 1.010 * pw, my + 0.995 * ph),  # bottom-right
        (mx - 0.012 * pw, my + 1.010 * ph),  # bottom-left
    ]
    src = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    coeffs = _perspective_coeffs(dst, src)
    rgba = page.convert("RGBA")
    warped = rgba.transform(
        (cw, ch),
        Image.Transform.PERSPECTIVE,
        coeffs,
        resample=Image.Resampling.BICUBIC,
        fillcolor=(0, 0, 0, 0),
    )
    # Soft shadow under the sheet.
    shadow = warped.split()[3].filter(ImageFilter.GaussianBlur(18))
    shadow_rgb = Image.new("RGB", (cw, ch), (35, 30, 25))
    canvas = Image.composite(shadow_rgb, canvas, shadow.point(lambda v: int(v * 0.55)))
    canvas.paste(warped, (0, 0), warped)

    # Uneven lighting: brighter towards the upper left, falling off to the
    # lower right, with a warm colour cast and a mild vignette.
    a = _arr(canvas)
    light = 1.06 - 0.30 * (0.55 * xx / cw + 0.45 * yy / ch)
    r2 = ((xx - 0.35 * cw) / cw) ** 2 + ((yy - 0.30 * ch) / ch) ** 2
    light *= 1.0 - 0.22 * r2
    a *= light[..., None]
    a *= np.array([1.00, 0.97, 0.90], np.float32)
    a += rng.normal(0, 3.0, a.shape).astype(np.float32)
    out = _img(a, "RGB").filter(ImageFilter.GaussianBlur(0.7))
    return out


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------


def seed_for(stem: str, variant: str) -> int:
    # Stable across runs and Python versions (unlike hash()).
    return sum((i + 1) * b for i, b in enumerate(f"{stem}:{variant}".encode())) % (2**32)


def build_variant(letter: Letter, variant: str, pdf: bytes) -> list[Path]:
    rng = np.random.default_rng(seed_for(letter.stem, variant))
    stem = letter.stem

    if variant == "scan_mild":  # th_th_to_my_mla_scan.pdf
        pages = []
        for p in rasterise(pdf, SCAN_DPI):
            p = paper_tone(p, white=242)
            p = p.filter(ImageFilter.GaussianBlur(0.45))
            p = gaussian_noise(p, rng, 5.0)
            p = speckle(p, rng, 120)
            pages.append(p)
        out = HERE / f"{stem}_scan.pdf"
        save_image_pdf(pages, out, SCAN_DPI, quality=72)
        return [out]

    if variant == "scan_skewed":  # ms_my_to_id_mla_scan.pdf
        pages = []
        for i, p in enumerate(rasterise(pdf, SCAN_DPI)):
            p = paper_tone(p, white=240, black=35)
            p = skew(p, 1.5 if i == 0 else -1.2, fill=232)
            p = p.filter(ImageFilter.GaussianBlur(0.9))
            p = gaussian_noise(p, rng, 11.0)
            p = speckle(p, rng, 400)
            pages.append(p)
        out = HERE / f"{stem}_scan.pdf"
        save_image_pdf(pages, out, SCAN_DPI, quality=68)
        return [out]

    if variant == "rotated":  # km_kh_to_th_mla_rotated.pdf
        pages = []
        for p in rasterise(pdf, SCAN_DPI):
            p = paper_tone(p, white=243)
            p = gaussian_noise(p, rng, 4.0)
            # The pixels are rotated (landscape image); no /Rotate flag is set.
            pages.append(p.transpose(Image.Transpose.ROTATE_90))
        out = HERE / f"{stem}_rotated.pdf"
        save_image_pdf(pages, out, SCAN_DPI, quality=72)
        return [out]

    if variant == "scan_plain":  # my_mm_to_th_mla_scan.pdf
        pages = []
        for p in rasterise(pdf, SCAN_DPI):
            p = paper_tone(p, white=246, black=22)
            p = gaussian_noise(p, rng, 3.0)
            pages.append(p)
        out = HERE / f"{stem}_scan.pdf"
        save_image_pdf(pages, out, SCAN_DPI, quality=75)
        return [out]

    if variant == "tiff":  # vi_vn_to_kh_mla_scan.tiff
        p = rasterise(pdf, SCAN_DPI)[0]
        p = paper_tone(p, white=250, black=20)
        p = skew(p, 0.35, fill=250)
        p = p.filter(ImageFilter.GaussianBlur(0.4))
        p = speckle(p, rng, 60)
        out = HERE / f"{stem}_scan.tiff"
        p.save(out, "TIFF", compression="tiff_adobe_deflate", dpi=(SCAN_DPI, SCAN_DPI))
        return [out]

    if variant == "photo":  # zh_cn_to_la_mla_photo.jpg
        # Render a little above the target so that, after the keystone
        # warp, the sheet is imaged at roughly PHOTO_DPI.
        page = rasterise(pdf, 232, grayscale=False)[0]
        photo = photograph(page, rng)
        out = HERE / f"{stem}_photo.jpg"
        photo.save(
            out, "JPEG", quality=80, dpi=(PHOTO_DPI, PHOTO_DPI), optimize=True, subsampling="4:2:0"
        )
        return [out]

    raise ValueError(f"unknown variant {variant!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stems", nargs="*", help="only build these letters")
    args = ap.parse_args(argv)

    wanted = set(args.stems)
    unknown = wanted - {letter.stem for letter in LETTERS}
    if unknown:
        ap.error(f"unknown letter(s): {', '.join(sorted(unknown))}")

    written: list[Path] = []
    for letter in LETTERS:
        if wanted and letter.stem not in wanted:
            continue
        pdf = render_pdf(letter)
        if letter.born_digital:
            out = HERE / f"{letter.stem}.pdf"
            out.write_bytes(pdf)
            written.append(out)
        for variant in letter.variants:
            written.extend(build_variant(letter, variant, pdf))

    for path in written:
        print(f"{path.stat().st_size / 1024:9.1f} KiB  {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
