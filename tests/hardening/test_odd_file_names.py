"""File names as senders produce them: spaces, other scripts, a leading dash, a newline, dots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.exceptions import ExitCode

LETTER = (
    "The Central Authority of Singapore requests the assistance of the Kingdom of Thailand "
    "in a criminal matter concerning fraud, reference {name}.\n"
)
# Input name -> its result folder in OUT.
NAMES = {
    "request with spaces.txt": "request with spaces",
    "คำร้อง ขอความช่วยเหลือ.txt": "คำร้อง ขอความช่วยเหลือ",
    "-request.txt": "-request",
    "new\nline.txt": "new_line",
    "tab\tand\x1bescape.txt": "tab_and_escape",
    ".hidden.txt": "hidden",
}


def write_letters(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = [folder / name for name in names]
    for path in paths:
        path.write_text(LETTER.format(name=repr(path.name)), encoding="utf-8")
    return paths


def source_file(folder: Path) -> str:
    return json.loads((folder / "extract.json").read_text(encoding="utf-8"))["source"]["file"]


@pytest.mark.slow
def test_odd_names_are_processed_into_safe_folders(runner: CliRunner, tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "in", list(NAMES))
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["intake", "--out", str(out), "--jobs", "1", "--", *map(str, paths)]
    )
    assert result.exit_code == ExitCode.ok, result.stderr
    assert sorted(path.name for path in out.iterdir()) == sorted(NAMES.values())
    for name, folder in NAMES.items():
        assert source_file(out / folder) == name


def test_dot_names_never_write_over_the_output_folder(runner: CliRunner, tmp_path: Path) -> None:
    """`..txt` has the stem `.`: its results once replaced OUT itself, deleting every other result."""
    dots, other = write_letters(tmp_path / "in", ["..txt", "letter.txt"])
    out = tmp_path / "out"
    for _ in range(2):
        result = runner.invoke(
            cli, ["intake", str(dots), str(other), "--out", str(out), "--jobs", "1"]
        )
        assert result.exit_code == ExitCode.ok, result.stderr
    result = runner.invoke(cli, ["intake", str(dots), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == ExitCode.ok, result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["letter", "request"]
    assert source_file(out / "request") == "..txt"
    assert source_file(out / "letter") == "letter.txt"
    assert not (out / "extract.json").exists()


def test_error_for_a_name_with_a_newline_stays_on_one_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    empty = tmp_path / "bad\nname.pdf"
    empty.touch()
    result = runner.invoke(cli, ["intake", str(empty), "--out", str(tmp_path / "out")])
    assert result.exit_code == ExitCode.input_file
    lines = result.stderr.splitlines()
    assert lines[0] == f"mla: error: {tmp_path}/bad\\nname.pdf: file is empty (0 bytes)"
    assert len(lines) == 2 and lines[1].startswith("mla: 0 of 1 file(s) processed")


def test_leading_dash_without_double_dash_is_a_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Not a silent misreading: the user is told, and `--` or `./-name` works."""
    (path,) = write_letters(tmp_path, ["-x.txt"])
    result = runner.invoke(cli, ["intake", path.name, "--out", str(tmp_path / "out")])
    assert result.exit_code == ExitCode.bad_args
