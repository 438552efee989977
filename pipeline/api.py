"""The pipeline as a library: no click, no exit codes.

`process_document` runs the stages over one file; `intake` runs it over many,
sharing one pool of OCR worker processes, and reports each file's outcome
without letting one bad file stop the others.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline._exec import tesseract
from pipeline.document import Document, Page
from pipeline.exceptions import InputFileError, MlaError
from pipeline.extract import extract_request
from pipeline.glossary import GLOSSARY_LANGUAGES, Glossary, load_glossary
from pipeline.ingest import ingest
from pipeline.langid import identify_languages
from pipeline.languages import LANGUAGES
from pipeline.ocr import PageJob, ocr_pages
from pipeline.options import PipelineOptions
from pipeline.outputs import output_folder, write_outputs
from pipeline.segment import segment_pages
from pipeline.translate import translate_document

PageCallback = Callable[[Page], None]


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: its output folder, or the error."""

    path: Path
    folder: Path | None = None
    document: Document | None = None
    error: MlaError | None = None


@contextmanager
def ocr_executor(jobs: int) -> Iterator[Executor | None]:
    """One pool of OCR workers for a whole call; none when jobs is 1."""
    if jobs <= 1:
        yield None
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as executor:
        yield executor


def process_document(
    path: Path,
    options: PipelineOptions,
    executor: Executor | None = None,
    on_page_done: PageCallback | None = None,
) -> Document:
    """Ingest, OCR, segment and identify languages for one file."""
    ingested = ingest(path, options.ingest)
    document = Document(source=ingested.source, warnings=list(ingested.warnings))
    pages = {number: Page(number=number, text=text) for number, text in ingested.text_pages.items()}
    if ingested.image_pages:
        tesseract.check_version()
        jobs = [
            PageJob(
                page=image,
                packs=LANGUAGES[options.ocr.language].ocr_packs if options.ocr.language else None,
                tessdata_dir=options.ocr.tessdata_dir,
                timeout_s=options.ocr.page_timeout_s,
                fix_orientation=options.ocr.fix_orientation,
                max_pixels=options.ingest.max_pixels_per_page,
            )
            for image in ingested.image_pages
        ]
        for page in ocr_pages(jobs, executor, on_page_done):
            pages[page.number] = page
            if page.rotation:
                document.warnings.append(f"page {page.number}: rotated {page.rotation}° before OCR")
    document.pages = [pages[number] for number in sorted(pages)]
    document.segments = segment_pages(document.pages)
    document.language = identify_languages(document.segments)
    _note_language(document)
    translate_document(
        document, lambda language: glossary_for(language, options), options.translation
    )
    document.extract = extract_request(document, glossary_for(document.language.primary, options))
    document.warnings += document.extract.warnings
    return document


def refresh_document(document: Document, glossary_files: tuple[Path, ...] = ()) -> Document:
    """Run extraction again on a document whose English changed (a translator's post-edit).

    The document comes from its request folder (`pipeline.review.rebuild`),
    with its earlier warnings, so a warning extraction gives again is kept once.
    """
    options = PipelineOptions(glossary_files=glossary_files)
    primary = document.language.primary if document.language else "und"
    document.extract = extract_request(document, glossary_for(primary, options))
    document.warnings = list(dict.fromkeys([*document.warnings, *document.extract.warnings]))
    return document


def glossary_for(language: str, options: PipelineOptions) -> Glossary | None:
    """The glossary for a language (bundled plus the user's), or None if it has none."""
    if language not in GLOSSARY_LANGUAGES:
        return None
    return _cached_glossary(language, options.glossary_files)


@functools.cache
def _cached_glossary(language: str, user_files: tuple[Path, ...]) -> Glossary:
    return load_glossary(language, user_files)


def _note_language(document: Document) -> None:
    summary = document.language
    if summary is None:
        return
    if summary.primary == "und":
        document.warnings.append("language could not be determined (no readable text)")
    elif summary.primary not in LANGUAGES:
        document.warnings.append(
            f"language {summary.primary!r} is not one the tool supports; no translation or glossary"
        )


def intake(
    paths: list[Path],
    out_dir: Path,
    options: PipelineOptions,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_page_done: PageCallback | None = None,
) -> list[Outcome]:
    """Process each file into `out_dir/<stem>/`; failures are returned, not raised."""
    outcomes: list[Outcome] = []
    taken: set[Path] = set()
    with ExitStack() as pools:
        executor = pools.enter_context(ocr_executor(options.ocr.jobs))
        for path in paths:
            try:
                document = process_document(path, options, executor, on_page_done)
                folder = output_folder(out_dir, document, taken)
                taken.add(folder)
                write_outputs(document, folder, output=options.output)
                outcome = Outcome(path=path, folder=folder, document=document)
            except MlaError as error:
                outcome = Outcome(path=path, error=error)
            except BrokenProcessPool:
                # Tesseract runs in the workers: a crash in native code kills one,
                # which breaks the pool.  The file fails; the next ones get a new pool.
                error = InputFileError("an OCR worker died while reading this file", path)
                outcome = Outcome(path=path, error=error)
                executor = pools.enter_context(ocr_executor(options.ocr.jobs))
            outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
    return outcomes
