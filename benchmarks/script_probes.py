"""How well, and how fast, OCR finds the script of a scanned page.

Every request text we hold (the 20 dev-set requests, English included, and
the sample letters) is rendered with WeasyPrint in its script's fonts, and
rasterised twice: a clean 300-dpi page and a degraded 200-dpi scan (paper
tone, blur, noise, speckles, a slight skew).  On each page the pipeline's
own `probe_document_packs` picks the Tesseract packs; the table gives how
often the script is right and the seconds it took.  `--features` also prints,
for every page, what each probe read on the band (mean word confidence,
letters, main script) and on the one line it screens with: the evidence the
thresholds in pipeline/ocr.py rest on.

    .venv/bin/python benchmarks/script_probes.py [--write] [--features]
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter
from results_file import write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

import build  # noqa: E402  (samples/build.py: fonts and scan degradations)
from weasyprint import HTML  # noqa: E402

from pipeline.ingest import PageImage  # noqa: E402
from pipeline.languages import LANGUAGES  # noqa: E402
from pipeline.ocr import (  # noqa: E402
    PROBES,
    SCREEN_PSM,
    PageJob,
    ProbeReading,
    _probe_band,
    page_pixels,
    probe_document_packs,
    read_probe,
)

STYLES = {
    "th": build.THAI_SANS,
    "km": build.KHMER,
    "lo": build.LAO,
    "my": build.MYANMAR,
    "zh": build.CJK_SC,
}
SCAN_DPI = 200


def texts() -> list[tuple[str, str, str]]:
    """(name, language, text) of every request text we hold."""
    found = []
    for source in sorted((ROOT / "tests" / "devset").glob("*/source.*.txt")):
        found.append(
            (source.parent.name, source.suffixes[0].lstrip("."), source.read_text("utf-8"))
        )
    for source in sorted((ROOT / "samples" / "src").glob("*.txt")):
        found.append(
            (f"sample {source.stem}", source.stem.split("_")[0], source.read_text("utf-8"))
        )
    return found


def first_page(language: str, text: str) -> Image.Image:
    style = STYLES.get(language, build.LATIN_SERIF)
    paragraphs = [block for block in text.replace("\f", "\n\n").split("\n\n") if block.strip()]
    body = "".join(f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>" for block in paragraphs)
    css = (
        "@page { size: A4; margin: 18mm 20mm; }"
        f"html {{ font-family: {style.body}; font-size: {style.size}; line-height: {style.line_height}; }}"
        "p { margin: 0 0 0.45em 0; }"
    )
    page_html = (
        f'<html lang="{language}"><head><style>{css}</style></head><body>{body}</body></html>'
    )
    return build.rasterise(HTML(string=page_html).write_pdf(), 300)[0]


def scanned(page: Image.Image, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    page = page.resize((round(page.width * SCAN_DPI / 300), round(page.height * SCAN_DPI / 300)))
    page = build.paper_tone(page, white=240, black=35)
    page = build.skew(page, 0.8, fill=236)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    page = build.gaussian_noise(page, rng, 8.0)
    return build.speckle(page, rng, 200)


def pages(scratch: Path) -> list[tuple[str, str, str, Path, int]]:
    """(name, language, variant, image file, dpi) for every rendered page."""
    rendered = []
    for number, (name, language, text) in enumerate(texts()):
        clean = first_page(language, text)
        for variant, image, dpi in (
            ("clean", clean, 300),
            ("scan", scanned(clean, number), SCAN_DPI),
        ):
            path = scratch / f"{number:03d}-{variant}.png"
            image.save(path, dpi=(dpi, dpi))
            rendered.append((name, language, variant, path, dpi))
    return rendered


def expected_pack(language: str) -> str:
    """The first pack of a correct answer: a Latin page needs only the Latin script right."""
    script = LANGUAGES[language].script
    return "Latin" if script == "Latin" else LANGUAGES[language].tesseract_pack


def found_pack(packs: str) -> str:
    first = packs.split("+")[0]
    pack_script = {language.tesseract_pack: language.script for language in LANGUAGES.values()}
    return "Latin" if pack_script.get(first) == "Latin" else first


def features(job: PageJob) -> str:
    """Each probe's five-line reading, and its one-line screen where it has one."""
    band = _probe_band(job, *page_pixels(job))
    cells = []
    for probe in PROBES:
        reading = read_probe(job, band.lines, probe)
        cell = f"{probe.pack} {reading.confidence:.0f}/{reading.letters}/{_abbreviated(reading)}"
        if probe.screen_confidence is not None and band.screen_line is not None:
            screen = read_probe(job, band.screen_line, probe, SCREEN_PSM)
            cell += f" (line {screen.confidence:.0f}/{_abbreviated(screen)})"
        cells.append(cell)
    return " | ".join(cells)


def _abbreviated(reading: ProbeReading) -> str:
    return (reading.main_script or "-")[:3]


def measure(show_features: bool) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="mla-bench-") as scratch:
        for name, language, variant, path, dpi in pages(Path(scratch)):
            job = PageJob(PageImage(path, "image/png", 1, dpi), None, None, 120, True, 150_000_000)
            started = time.perf_counter()
            packs, _ = probe_document_packs(job, *page_pixels(job))
            seconds = time.perf_counter() - started
            row = {
                "name": name,
                "language": language,
                "variant": variant,
                "expected": expected_pack(language),
                "found": found_pack(packs),
                "seconds": seconds,
            }
            rows.append(row)
            note = features(job) if show_features else ""
            print(
                f"{name[:34]:34} {variant:5} {row['expected']:7} -> {row['found']:7} "
                f"{seconds:5.2f}s {note}",
                file=sys.stderr,
                flush=True,
            )
    return rows


def table(rows: list[dict]) -> str:
    by_script: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_script[row["expected"]].append(row)
    lines = [
        "| script (first pack) | pages | right | mean s | max s |",
        "|---|---|---|---|---|",
    ]
    for script, group in sorted(by_script.items()):
        right = sum(row["found"] == script for row in group)
        seconds = [row["seconds"] for row in group]
        lines.append(
            f"| {script} | {len(group)} | {right} | {sum(seconds) / len(seconds):.2f} | {max(seconds):.2f} |"
        )
    right = sum(row["found"] == row["expected"] for row in rows)
    wrong = [
        f"{row['name']} ({row['variant']}): {row['found']}"
        for row in rows
        if row["found"] != row["expected"]
    ]
    lines += [
        "",
        f"- {right}/{len(rows)} pages got the right script; "
        f"{sum(row['seconds'] for row in rows) / len(rows):.2f} s per page on average.",
        f"- Wrong: {'; '.join(wrong) if wrong else 'none'}.",
        "- Pages: the first page of each dev-set request and sample letter, rendered clean "
        f"at 300 dpi and as a degraded {SCAN_DPI}-dpi scan.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--features", action="store_true", help="print what each probe read")
    args = parser.parse_args()
    section = table(measure(args.features))
    print(section)
    if args.write:
        write_section("script-probes", "Finding the script of a scanned page", section)


if __name__ == "__main__":
    main()
