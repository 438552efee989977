"""`mla models`: manage translation model packages.

`install LANG` is the only command of the tool that uses the network (the
Argos package index); everything else, including document processing, works
offline.  On an air-gapped machine, copy `.argosmodel` files over and
install them by path.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from pipeline.exceptions import UsageError
from pipeline.models import install_from_file, install_from_index, list_models, remove_model


def default_models_dir() -> Path:
    """Per-user data folder (XDG), e.g. ~/.local/share/mla/models."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "mla" / "models"


def models_dir_options(command):
    """--models-dir and --shared-models-dir, shared by every command that uses models."""
    command = click.option(
        "--shared-models-dir",
        "shared_models_dirs",
        multiple=True,
        envvar="MLA_SHARED_MODELS_DIRS",
        type=click.Path(path_type=Path, file_okay=False),
        help="Read-only folder of models shared by an intake desk (repeatable; searched after "
        "--models-dir). Env: MLA_SHARED_MODELS_DIRS, separated by ':'.",
    )(command)
    return click.option(
        "--models-dir",
        envvar="MLA_MODELS_DIR",
        type=click.Path(path_type=Path, file_okay=False),
        default=default_models_dir,
        show_default="~/.local/share/mla/models",
        help="Folder of installed translation models. Env: MLA_MODELS_DIR.",
    )(command)


@click.group(name="models")
def models() -> None:
    """Translation models: list, install, remove, convert.

    Only `mla models install LANG` uses the network.
    """


@models.command(name="list")
@models_dir_options
def list_command(models_dir: Path, shared_models_dirs: tuple[Path, ...]) -> None:
    """List installed models, in the order they are searched.

    Example: mla models list
    """
    found = list_models([models_dir, *shared_models_dirs])
    if not found:
        click.echo(f"no models installed in {models_dir}", err=True)
    for model in found:
        click.echo(
            f"{model.from_code}→{model.to_code}  {model.label}  {model.version}  {model.name}  [{model.path.parent}]"
        )


@models.command(name="install")
@click.argument("targets", nargs=-1, required=True)
@models_dir_options
def install_command(
    targets: tuple[str, ...], models_dir: Path, shared_models_dirs: tuple[Path, ...]
) -> None:
    """Install models from .argosmodel files (offline) or by language code (online).

    A file is validated before anything is written. A language code
    (th, id, ms, tl, zh) downloads its package from the Argos index: the
    only networked operation of the tool.

    Example: mla models install translate-th_en-1_9.argosmodel
    """
    del shared_models_dirs
    for target in targets:
        path = Path(target)
        if path.suffix == ".argosmodel" or path.exists():
            model = install_from_file(path, models_dir)
        elif target.isalpha() and len(target) in (2, 3):
            model = install_from_index(target.lower(), models_dir)
        else:
            raise UsageError(f"{target!r} is neither a package file nor a language code")
        click.echo(
            f"installed {model.from_code}→{model.to_code} {model.label} in {model.path}", err=True
        )


@models.command(name="remove")
@click.argument("languages", nargs=-1, required=True)
@models_dir_options
def remove_command(
    languages: tuple[str, ...], models_dir: Path, shared_models_dirs: tuple[Path, ...]
) -> None:
    """Remove the installed model for each source language (from --models-dir only).

    Example: mla models remove id
    """
    del shared_models_dirs
    for language in languages:
        model = remove_model(language.lower(), models_dir)
        click.echo(f"removed {model.label}", err=True)


@models.command(name="convert")
@click.argument("marian_dir", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--from", "from_code", required=True, help="Source language code, e.g. vi.")
@click.option("--to", "to_code", default="en", show_default=True)
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Package file to write (default: translate-FROM_TO-converted.argosmodel).",
)
@click.option("--install/--no-install", default=False, help="Also install the package.")
@click.option(
    "--quantization",
    default="int8",
    show_default=True,
    type=click.Choice(["int8", "int8_float32", "float16", "float32"]),
)
@models_dir_options
def convert_command(
    marian_dir: Path,
    from_code: str,
    to_code: str,
    out_file: Path | None,
    install: bool,
    quantization: str,
    models_dir: Path,
    shared_models_dirs: tuple[Path, ...],
) -> None:
    """Turn a local Hugging Face Marian checkpoint (e.g. OPUS-MT) into a package.

    Needs the conversion extra: pip install 'mla[convert]'.

    Example: mla models convert ./opus-mt-vi-en --from vi --install
    """
    from pipeline.convert import convert_marian

    del shared_models_dirs
    out_file = out_file or Path(f"translate-{from_code}_{to_code}-converted.argosmodel")
    convert_marian(marian_dir, from_code, to_code, out_file, quantization)
    click.echo(f"wrote {out_file}", err=True)
    if install:
        model = install_from_file(out_file, models_dir)
        click.echo(f"installed {model.label} in {model.path}", err=True)
