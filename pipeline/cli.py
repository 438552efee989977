"""The `mla` command line: wires stages together and maps errors to exit codes.

This is the only module that prints for the user or decides an exit status.
Errors are one line, naming the file and what is wrong; a traceback only
with --debug.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import click

from pipeline.api import Outcome, intake
from pipeline.exceptions import ExitCode, MlaError
from pipeline.glossary_cli import glossary
from pipeline.languages import check_language
from pipeline.models_cli import models, models_dir_options
from pipeline.options import IngestOptions, OcrOptions, PipelineOptions, TranslationOptions
from pipeline.outputs import tool_version


class MlaGroup(click.Group):
    """The root group: turns our typed errors into one line and their exit code.

    Handling errors here, once, covers every subcommand and nested group.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MlaError as error:
            if ctx.params.get("debug"):
                traceback.print_exc()
            click.echo(f"mla: error: {error}", err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("mla: interrupted", err=True)
            sys.exit(ExitCode.ctrl_c)


@click.group(cls=MlaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(tool_version(), prog_name="mla")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
def cli(debug: bool) -> None:
    """Offline intake of Mutual Legal Assistance and extradition requests.

    Nothing is sent over the network while documents are processed; only
    `mla models install LANG` goes online.
    """


cli.add_command(glossary)
cli.add_command(models)


def _language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_language(value)
    except MlaError as error:
        raise click.BadParameter(str(error)) from error


@cli.command(name="intake")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the results: one sub-folder per input.",
)
@click.option(
    "--lang",
    callback=_language,
    metavar="CODE",
    help="Language of the documents (ISO 639-1: en th vi id ms tl km lo my zh); default: detect per page.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="cores",
    help="OCR pages in parallel in this many processes.",
)
@click.option(
    "--tessdata-dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Use Tesseract language packs from this folder.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=IngestOptions.max_pages,
    show_default=True,
    help="Refuse documents with more pages.",
)
@click.option(
    "--max-pixels",
    type=click.IntRange(min=1),
    default=IngestOptions.max_pixels_per_page,
    show_default=True,
    help="Refuse (or render smaller) pages with more pixels.",
)
@click.option(
    "--page-timeout",
    type=click.FloatRange(min=1),
    default=OcrOptions.page_timeout_s,
    show_default=True,
    help="Seconds allowed for OCR of one page.",
)
@click.option(
    "--glossary",
    "glossary_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Your own glossary <name>-<lang>-en.csv, overriding the bundled one (repeatable).",
)
@click.option(
    "--beam-size",
    type=click.IntRange(min=1),
    default=TranslationOptions.beam_size,
    show_default=True,
    help="Beam size for translation.",
)
@click.option(
    "--translation-threads",
    type=click.IntRange(min=0),
    default=0,
    help="CPU threads for translation (0: CTranslate2's default).",
)
@click.option("--no-enforce-glossary", is_flag=True, help="Translate without enforcing glossary terms.")
@models_dir_options
def intake_command(
    files: tuple[Path, ...],
    out_dir: Path,
    lang: str | None,
    jobs: int,
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
) -> None:
    """Process request files into OUT/<name>/extract.json and source.txt.

    FILES are PDFs (text layer, scanned or mixed), PNG, JPEG, TIFF or UTF-8
    text; the type is read from the content, not the name.

    Example: mla intake samples/*.pdf --out out
    """
    options = PipelineOptions(
        ingest=IngestOptions(max_pages=max_pages, max_pixels_per_page=max_pixels),
        ocr=OcrOptions(
            language=lang, jobs=jobs, tessdata_dir=tessdata_dir, page_timeout_s=page_timeout
        ),
    )
    started = time.monotonic()
    debug = click.get_current_context().find_root().params["debug"]
    outcomes = intake(list(files), out_dir, options, on_outcome=lambda o: _print_outcome(o, debug))
    failed = [outcome for outcome in outcomes if outcome.error]
    click.echo(
        f"mla: {len(outcomes) - len(failed)} of {len(outcomes)} file(s) processed "
        f"in {time.monotonic() - started:.1f} s; results in {out_dir}",
        err=True,
    )
    if failed:
        sys.exit(failed[0].error.exit_code if len(outcomes) == 1 else ExitCode.some_inputs_failed)


def _print_outcome(outcome: Outcome, debug: bool) -> None:
    if outcome.error is not None:
        if debug:
            traceback.print_exception(outcome.error)
        click.echo(f"mla: error: {outcome.error}", err=True)
        return
    document = outcome.document
    language = document.language.primary if document.language else "und"
    click.echo(
        f"{outcome.path} -> {outcome.folder} ({len(document.pages)} page(s), "
        f"{len(document.ocr_pages)} OCR, language {language}, {len(document.segments)} segments)",
        err=True,
    )
