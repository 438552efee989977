"""OCR accuracy and overhead, and language-ID accuracy, on the bundled samples.

For every sample: character error rate of our text against the committed
source text (whitespace removed, NFC, as in FACTS.md), the language found
against the language the sample is written in, and seconds per page —
text-layer pages and OCR pages — next to the `tesseract` program alone on
the same page images with the same packs and page segmentation mode (both single-threaded), measured
side by side in one run so the machine's load affects both alike.  Each
scanned sample is also run with its language given (`--lang`), which skips
the script probes: the rest of the overhead.

    .venv/bin/python benchmarks/ocr_langid.py [--write]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import replace
from pathlib import Path

from pypdf import PdfWriter
from rapidfuzz.distance import Levenshtein
from results_file import write_section

from pipeline.api import process_document
from pipeline.ingest import ingest, load_page_image
from pipeline.languages import page_segmentation_mode
from pipeline.ocr import normalise_resolution
from pipeline.options import OcrOptions, PipelineOptions

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCAN_SUFFIXES = ("_scan", "_rotated", "_photo")
MULTI_PAGE = 4
MULTI_PAGE_SOURCE = SAMPLES / "th_th_to_my_mla_scan.pdf"


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".jpg", ".tiff"))


def source_stem(path: Path) -> str:
    stem = path.stem
    for suffix in SCAN_SUFFIXES:
        stem = stem.removesuffix(suffix)
    return stem


def normalised(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def cer(ours: str, truth: str) -> float:
    truth = normalised(truth)
    return Levenshtein.distance(normalised(ours), truth) / max(1, len(truth))


def tesseract_alone(path: Path, packs_by_page: dict[int, str], scratch: Path) -> float:
    """Seconds for the `tesseract` program on the same page images and packs.

    Character error rates are over the whole document (pagination of the
    rendered letters need not match the form feeds of the source text).
    """
    ingested = ingest(path, PipelineOptions().ingest)
    total = 0.0
    for page in ingested.image_pages:
        image, dpi = normalise_resolution(*load_page_image(page, 150_000_000))
        image_file = scratch / f"{page.number:06d}.png"
        image.save(image_file, dpi=(dpi, dpi))
        started = time.perf_counter()
        subprocess.run(
            [
                "tesseract",
                str(image_file),
                "-",
                "--dpi",
                str(dpi),
                "--psm",
                str(page_segmentation_mode(packs_by_page[page.number])),
                "-l",
                packs_by_page[page.number],
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
        total += time.perf_counter() - started
    return total


def measure_document(
    path: Path, truth: str, language: str, options: PipelineOptions, scratch: Path
) -> dict:
    started = time.perf_counter()
    document = process_document(path, options)
    ours = time.perf_counter() - started
    language_given = None
    if document.ocr_pages:
        started = time.perf_counter()
        process_document(path, replace(options, ocr=replace(options.ocr, language=language)))
        language_given = time.perf_counter() - started
    ocr_pages = document.ocr_pages
    packs = {page.number: page.ocr_language for page in document.pages if page.from_ocr}
    row = {
        "file": path.name,
        "language": language,
        "found": document.language.primary if document.language else "und",
        "pages": len(document.pages),
        "ocr_pages": len(ocr_pages),
        "packs": ", ".join(sorted(set(packs.values()))) or "—",
        "cer": cer("".join(page.text for page in document.pages), truth),
        "seconds": ours,
        "language_given_seconds": language_given,
        "tesseract_seconds": tesseract_alone(path, packs, scratch) if ocr_pages else None,
        "turned": any(page.rotation for page in document.pages),
    }
    print(row, file=sys.stderr)
    return row


def measure() -> tuple[list[dict], dict]:
    """Every sample, and a multi-page scan (the Thai sample scan, MULTI_PAGE times)."""
    rows = []
    options = PipelineOptions(ocr=OcrOptions(jobs=1))
    with tempfile.TemporaryDirectory(prefix="mla-bench-") as scratch:
        for path in sample_files():
            truth = (SAMPLES / "src" / f"{source_stem(path)}.txt").read_text("utf-8")
            language = source_stem(path).split("_")[0]
            rows.append(measure_document(path, truth, language, options, Path(scratch)))
        writer = PdfWriter()
        for _ in range(MULTI_PAGE):
            writer.append(str(MULTI_PAGE_SOURCE))
        multi_page = Path(scratch) / f"th_scan_{MULTI_PAGE}_pages.pdf"
        writer.write(multi_page)
        truth = (SAMPLES / "src" / "th_th_to_my_mla.txt").read_text("utf-8") * MULTI_PAGE
        long_scan = measure_document(multi_page, truth, "th", options, Path(scratch))
    return rows, long_scan


def table(rows: list[dict], long_scan: dict) -> str:
    lines = [
        "| sample | lang | found | pages (OCR) | packs | CER | s/page ours | s/page tesseract alone "
        "| ratio | ratio, language given |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        per_page = row["seconds"] / row["pages"]
        alone = row["tesseract_seconds"]
        ratio = f"{row['seconds'] / alone:.2f}" if alone else "—"
        given = f"{row['language_given_seconds'] / alone:.2f}" if alone else "—"
        alone_text = f"{alone / row['ocr_pages']:.2f}" if alone else "—"
        lines.append(
            f"| {row['file']} | {row['language']} | {row['found']} | {row['pages']} ({row['ocr_pages']}) "
            f"| {row['packs']} | {row['cer']:.1%} | {per_page:.2f} | {alone_text} | {ratio} | {given} |"
        )
    ocr_rows = [row for row in rows if row["ocr_pages"]]
    text_rows = [row for row in rows if not row["ocr_pages"]]
    correct = sum(row["found"] == row["language"] for row in rows)
    ours_ocr = sum(row["seconds"] for row in ocr_rows)
    alone_ocr = sum(row["tesseract_seconds"] for row in ocr_rows)
    lines += [
        "",
        f"- Language ID: {correct}/{len(rows)} samples correct ({correct / len(rows):.0%}).",
        f"- OCR pages: {ours_ocr / sum(r['ocr_pages'] for r in ocr_rows):.2f} s/page ours vs "
        f"{alone_ocr / sum(r['ocr_pages'] for r in ocr_rows):.2f} s/page tesseract alone: "
        f"overhead ratio {ours_ocr / alone_ocr:.2f} (includes rendering, script probes on each "
        "document's first page, orientation checks, segmentation and language ID).",
        f"- Without the pages we turned upright (the `tesseract` program reads them sideways: "
        f"slower, and wrong): overhead ratio {_ratio([r for r in ocr_rows if not r['turned']]):.2f}.",
        f"- With the language given (`--lang`: no script probes), the same pages: overhead ratio "
        f"{_ratio(ocr_rows, 'language_given_seconds'):.2f}, "
        f"{_ratio([r for r in ocr_rows if not r['turned']], 'language_given_seconds'):.2f} "
        "without the turned pages. The difference from the figures above is the cost of "
        "finding the script, which the `tesseract` program is told.",
        f"- A {long_scan['pages']}-page scan (the Thai sample scan {MULTI_PAGE} times; the probes "
        f"are paid once per document): {long_scan['seconds'] / long_scan['pages']:.2f} s/page ours vs "
        f"{long_scan['tesseract_seconds'] / long_scan['pages']:.2f} s/page tesseract alone, overhead "
        f"ratio {_ratio([long_scan]):.2f}, CER {long_scan['cer']:.1%}.",
        f"- Text-layer pages: {sum(r['seconds'] for r in text_rows) / max(1, sum(r['pages'] for r in text_rows)):.3f} "
        "s/page (no OCR needed).",
    ]
    return "\n".join(lines)


def _ratio(rows: list[dict], ours: str = "seconds") -> float:
    return sum(row[ours] for row in rows) / sum(row["tesseract_seconds"] for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    section = table(*measure())
    print(section)
    if args.write:
        write_section("ocr-langid", "OCR and language identification on the samples", section)


if __name__ == "__main__":
    main()
