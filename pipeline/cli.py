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
from pipeline.batch_cli import batch_command, status_command, watch_command
from pipeline.cli_options import build_pipeline_options, processing_options
from pipeline.exceptions import ExitCode, MlaError
from pipeline.glossary_cli import glossary
from pipeline.models_cli import models
from pipeline.outputs import tool_version
from pipeline.review_cli import export_tmx_command, export_xliff_command, import_xliff_command


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
cli.add_command(export_xliff_command)
cli.add_command(import_xliff_command)
cli.add_command(export_tmx_command)
cli.add_command(batch_command)
cli.add_command(watch_command)
cli.add_command(status_command)


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
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="cores",
    help="OCR pages in parallel in this many processes.",
)
@processing_options
def intake_command(
    files: tuple[Path, ...],
    out_dir: Path,
    jobs: int,
    **processing: Any,
) -> None:
    """Process request files into OUT/<name>/: extract.json, source.txt and the review files.

    FILES are PDFs (text layer, scanned or mixed), PNG, JPEG, TIFF or UTF-8
    text; the type is read from the content, not the name.

    Example: mla intake samples/*.pdf --out out
    """
    options = build_pipeline_options(ocr_jobs=jobs, translation_threads_default=0, **processing)
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
