"""`mla export-xliff`, `mla import-xliff`, `mla export-tmx`: the translator's round trip.

Errors are raised as typed `MlaError`s; the root group in `pipeline.cli`
turns them into one line and an exit code.
"""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.review.xliff import export_tmx, export_xliff, import_xliff

_glossary_option = click.option(
    "--glossary",
    "glossary_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Your own glossary <name>-<lang>-en.csv, as given to intake (repeatable).",
)


@click.command(name="export-xliff")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write the files into this folder instead of FOLDER.",
)
@_glossary_option
def export_xliff_command(
    folder: Path, out_dir: Path | None, glossary_files: tuple[Path, ...]
) -> None:
    """Write a request's segments as XLIFF 1.2 for post-editing, and its glossary as TBX.

    FOLDER is a request folder written by `mla intake`.  FOLDER/<name>.xlf
    has one unit per segment with the machine draft as a target to review
    (opens in OmegaT, Trados, memoQ); FOLDER/<name>.<lang>-en.tbx is the
    glossary for the CAT tool's termbase.  Bring the translated file back
    with `mla import-xliff`.

    Example: mla export-xliff out/request-123
    """
    exported = export_xliff(folder, out_dir, glossary_files)
    click.echo(f"{exported.xliff}", err=True)
    for path in exported.tbx:
        click.echo(f"{path}", err=True)


@click.command(name="import-xliff")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--folder",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="The request folder the XLIFF was exported from (default: the folder holding FILE).",
)
@_glossary_option
def import_xliff_command(file: Path, folder: Path | None, glossary_files: tuple[Path, ...]) -> None:
    """Take a translator's post-edited XLIFF as the request's English.

    Changed targets replace the machine draft; extraction runs again and
    extract.json, review.html, summary.md and rfi.txt are rewritten.  Each
    import is recorded in the folder's history.jsonl.  The XLIFF must come
    from `mla export-xliff` for the same document (its sha256 is checked).

    Example: mla import-xliff returned/request-123.xlf --folder out/request-123
    """
    imported = import_xliff(file, folder, glossary_files)
    click.echo(
        f"{imported.folder}: {len(imported.changed)} segment(s) post-edited, "
        f"{len(imported.approved)} approved by the translator",
        err=True,
    )
    if imported.unknown:
        click.echo(
            f"mla: warning: {file}: ignored {len(imported.unknown)} unit(s) that are not segments "
            f"of this request: {', '.join(imported.unknown[:5])}",
            err=True,
        )


@click.command(name="export-tmx")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The TMX file to write (default: FOLDER/<name>.tmx).",
)
def export_tmx_command(folder: Path, out: Path | None) -> None:
    """Write the translator-approved segments of a request as a TMX translation memory.

    A segment is approved once a translator changed it, or confirmed it
    (state translated, signed-off or final), in an XLIFF brought back with
    `mla import-xliff`.  Import the TMX into the office's translation memory.

    Example: mla export-tmx out/request-123 --out memory/request-123.tmx
    """
    path, count = export_tmx(folder, out)
    click.echo(f"{path}: {count} approved segment(s)", err=True)
