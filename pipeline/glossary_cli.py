"""The ``mla glossary`` commands: check, look up, export and import glossaries.

The main CLI registers the group (``cli.add_command(glossary)``) and turns the
typed errors raised here into one-line messages and exit codes; these
commands never exit by themselves.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.exceptions import DataError, MissingDependencyError, UsageError
from pipeline.glossary import (
    bundled_glossary_dir,
    bundled_glossary_files,
    check_glossary_language,
    format_csv,
    language_of_file,
    load_glossary,
    validate_glossary_file,
)
from pipeline.glossary_tbx import export_tbx, import_tbx

user_glossary_option = click.option(
    "--glossary",
    "user_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A user glossary <name>-<lang>-en.csv whose rows override bundled ones; "
    "repeat it to apply several, later files winning.",
)
glossary_dir_option = click.option(
    "--glossary-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Use the <lang>-en.csv glossaries in this folder instead of the bundled ones.",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)


@click.group()
def glossary() -> None:
    """Check, look up, export and import the term glossaries."""


@glossary.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", help="The language of FILES, for names not ending in <lang>-en.csv.")
@glossary_dir_option
def check(files: tuple[Path, ...], lang: str | None, glossary_dir: Path | None) -> None:
    """Check glossary CSV files; with no FILES, every bundled glossary.

    Prints "OK  <file>  <n> entries" for each valid file and every problem
    of an invalid one as file:line: what is wrong, and fails if any file is
    invalid.

    Example: mla glossary check office-th-en.csv
    """
    paths = list(files) or bundled_glossary_files(glossary_dir)
    if not paths:
        folder = glossary_dir or bundled_glossary_dir()
        raise MissingDependencyError(f"there are no <lang>-en.csv glossaries in {folder}")
    invalid = 0
    for path in paths:
        file_lang = check_glossary_language(lang) if lang else language_of_file(path)
        if file_lang is None:
            raise UsageError("cannot tell the glossary's language: pass --lang", path)
        entries, problems = validate_glossary_file(path, file_lang)
        if problems:
            invalid += 1
            click.echo(f"FAIL  {path.name}  {_count(len(problems), 'problem')}")
            click.echo("".join(f"  {problem}\n" for problem in problems), nl=False)
        else:
            click.echo(f"OK  {path.name}  {_count(len(entries), 'entry', 'entries')}")
    if invalid:
        raise DataError(f"{invalid} of {len(paths)} glossary files are invalid")


@glossary.command()
@click.argument("lang")
@click.argument("text")
@user_glossary_option
@glossary_dir_option
def lookup(lang: str, text: str, user_files: tuple[Path, ...], glossary_dir: Path | None) -> None:
    """Find the glossary terms of language LANG in TEXT ("-" reads standard input).

    Prints one line per term found: the text as found, its English, kind
    and category, separated by tabs.

    Example: mla glossary lookup id "bantuan timbal balik dalam masalah pidana"
    """
    if text == "-":
        text = sys.stdin.read()
    matches = load_glossary(lang, user_files, glossary_dir=glossary_dir).match(text)
    for match in matches:
        entry = match.entry
        click.echo(
            "\t".join((" ".join(match.text.split()), entry.english, entry.kind, entry.category))
        )
    if not matches:
        click.echo("no glossary terms found", err=True)


@glossary.command()
@click.argument("lang")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tbx", "csv"]),
    default="tbx",
    show_default=True,
    help="TBX for CAT tools, or our CSV format.",
)
@output_option
@user_glossary_option
@glossary_dir_option
def export(
    lang: str,
    fmt: str,
    output: Path | None,
    user_files: tuple[Path, ...],
    glossary_dir: Path | None,
) -> None:
    """Export LANG's glossary, with any user glossaries applied.

    Example: mla glossary export th --format tbx -o th-en.tbx
    """
    loaded = load_glossary(lang, user_files, glossary_dir=glossary_dir)
    if fmt == "tbx":
        _write(export_tbx(loaded.entries, loaded.lang), output)
    else:
        _write(format_csv(loaded.entries).encode(), output)


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", help="The source language, if the TBX file does not declare it.")
@output_option
def import_(file: Path, lang: str | None, output: Path | None) -> None:
    """Convert a TBX file into a glossary CSV, checked as `check` checks.

    Name the CSV <name>-<lang>-en.csv to use it with --glossary.

    Example: mla glossary import office.tbx -o office-th-en.csv
    """
    _write(format_csv(import_tbx(file, lang)).encode(), output)


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        click.echo(data, nl=False)
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        raise UsageError(f"cannot write: {error.strerror}", output) from error


def _count(number: int, singular: str, plural: str = "") -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
