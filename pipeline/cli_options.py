"""The processing options `intake`, `batch` and `watch` share, and the options object they build.

One decorator and one builder, so the commands cannot drift apart (an
option accepted but not passed on is easy to miss when each command keeps
its own copy).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from pipeline.exceptions import MlaError
from pipeline.languages import check_language
from pipeline.models_cli import models_dir_options
from pipeline.options import (
    IngestOptions,
    OcrOptions,
    OutputOptions,
    PipelineOptions,
    TranslationOptions,
)
from pipeline.outputs import resolve_group

PROCESSING_OPTIONS = (
    "lang",
    "tessdata_dir",
    "max_pages",
    "max_pixels",
    "page_timeout",
    "glossary_files",
    "beam_size",
    "translation_threads",
    "no_enforce_glossary",
    "models_dir",
    "shared_models_dirs",
    "shared_group",
)


def _language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    try:
        return check_language(value) if value is not None else None
    except MlaError as error:
        raise click.BadParameter(str(error)) from error


def _group(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    try:
        if value is not None:
            resolve_group(value)
    except MlaError as error:
        raise click.BadParameter(str(error)) from error
    return value


def processing_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Language, OCR limits, translation and output-permission options."""
    options = [
        click.option(
            "--lang",
            callback=_language,
            metavar="CODE",
            help="Language of the documents (ISO 639-1: en th vi id ms tl km lo my zh); "
            "default: detect.",
        ),
        click.option(
            "--tessdata-dir",
            type=click.Path(path_type=Path, file_okay=False, exists=True),
            help="Use Tesseract language packs from this folder.",
        ),
        click.option(
            "--max-pages",
            type=click.IntRange(min=1),
            default=IngestOptions.max_pages,
            show_default=True,
            help="Refuse documents with more pages.",
        ),
        click.option(
            "--max-pixels",
            type=click.IntRange(min=1),
            default=IngestOptions.max_pixels_per_page,
            show_default=True,
            help="Refuse (or render smaller) pages with more pixels.",
        ),
        click.option(
            "--page-timeout",
            type=click.FloatRange(min=1),
            default=OcrOptions.page_timeout_s,
            show_default=True,
            help="Seconds allowed for OCR of one page.",
        ),
        click.option(
            "--glossary",
            "glossary_files",
            multiple=True,
            type=click.Path(path_type=Path, dir_okay=False, exists=True),
            help="Your own glossary <name>-<lang>-en.csv, overriding the bundled one (repeatable).",
        ),
        click.option(
            "--beam-size",
            type=click.IntRange(min=1),
            default=TranslationOptions.beam_size,
            show_default=True,
            help="Beam size for translation.",
        ),
        click.option(
            "--translation-threads",
            type=click.IntRange(min=0),
            default=0,
            help="CPU threads for translation (0: CTranslate2's choice; in batch, cores / --jobs).",
        ),
        click.option(
            "--no-enforce-glossary",
            is_flag=True,
            help="Translate without enforcing glossary terms.",
        ),
        click.option(
            "--shared-group",
            callback=_group,
            metavar="GROUP",
            help="Make results readable by this group (folders 2750, files 0640) instead of "
            "by you only (0700/0600).",
        ),
    ]
    command = models_dir_options(command)
    for option in reversed(options):
        command = option(command)
    return command


def build_pipeline_options(
    ocr_jobs: int,
    translation_threads_default: int,
    lang: str | None,
    tessdata_dir: Path | None,
    max_pages: int,
    max_pixels: int,
    page_timeout: float,
    glossary_files: tuple[Path, ...],
    beam_size: int,
    translation_threads: int,
    no_enforce_glossary: bool,
    models_dir: Path,
    shared_models_dirs: tuple[Path, ...],
    shared_group: str | None,
) -> PipelineOptions:
    """The options object for the values `processing_options` collected."""
    return PipelineOptions(
        ingest=IngestOptions(max_pages=max_pages, max_pixels_per_page=max_pixels),
        ocr=OcrOptions(
            language=lang, jobs=ocr_jobs, tessdata_dir=tessdata_dir, page_timeout_s=page_timeout
        ),
        translation=TranslationOptions(
            models_dirs=(models_dir, *shared_models_dirs),
            beam_size=beam_size,
            threads=translation_threads or translation_threads_default,
            enforce_glossary=not no_enforce_glossary,
        ),
        glossary_files=glossary_files,
        output=OutputOptions(shared_group=shared_group),
    )
