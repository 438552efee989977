"""The ``mla glossary`` commands, run through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.exceptions import DataError, UsageError
from pipeline.glossary import HEADER, read_glossary_file
from pipeline.glossary_cli import glossary

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = FIXTURES / "bundled"
USER = FIXTURES / "user"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(glossary, list(args), input=input)


def test_check_prints_one_line_per_valid_file() -> None:
    result = run("check", str(BUNDLED / "th-en.csv"), str(USER / "office-th-en.csv"))
    assert result.exit_code == 0
    assert result.output == "OK  th-en.csv  6 entries\nOK  office-th-en.csv  2 entries\n"


def test_check_without_files_checks_the_whole_folder() -> None:
    result = run("check", "--glossary-dir", str(BUNDLED))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "OK  id-en.csv  8 entries",
        "OK  km-en.csv  4 entries",
        "OK  lo-en.csv  3 entries",
        "OK  my-en.csv  4 entries",
        "OK  th-en.csv  6 entries",
        "OK  vi-en.csv  6 entries",
        "OK  zh-en.csv  6 entries",
    ]


def test_check_lists_problems_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad-th-en.csv"
    bad.write_text(
        ",".join(HEADER) + "\nศาล,court,authority,,,x\nศาล,tribunal,authority,,,x\n",
        encoding="utf-8",
    )
    result = run("check", str(BUNDLED / "th-en.csv"), str(bad))
    assert isinstance(result.exception, DataError)
    assert str(result.exception) == "1 of 2 glossary files are invalid"
    assert result.output.splitlines() == [
        "OK  th-en.csv  6 entries",
        "FAIL  bad-th-en.csv  1 problem",
        f"  {bad}:3: conflicting renderings of 'ศาล': 'tribunal' here, 'court' on line 2; keep one",
    ]


def test_check_needs_a_language_for_unnamed_files() -> None:
    assert isinstance(run("check", str(USER / "terms.csv")).exception, UsageError)
    assert (
        run("check", "--lang", "th", str(USER / "terms.csv")).output == "OK  terms.csv  1 entry\n"
    )


def test_lookup_prints_each_match() -> None:
    result = run("lookup", "th", "ศาลอาญาออกหมายจับ", "--glossary-dir", str(BUNDLED))
    assert result.exit_code == 0
    assert result.output == (
        "ศาลอาญา\tCriminal Court\tauthority\t\nหมายจับ\twarrant of arrest\tcourt_document\t\n"
    )


def test_lookup_reads_standard_input_and_applies_user_glossaries() -> None:
    result = run(
        "lookup",
        "th",
        "-",
        "--glossary-dir",
        str(BUNDLED),
        "--glossary",
        str(USER / "office-th-en.csv"),
        input="ให้ศาล\nมีคำสั่ง",
    )
    assert result.output == "ศาล\tthe court\tauthority\t\n"


def test_lookup_of_an_unknown_language_is_a_usage_error() -> None:
    assert isinstance(run("lookup", "xx", "text").exception, UsageError)


@pytest.mark.parametrize("fmt", ["tbx", "csv"])
def test_export_then_import_gives_back_the_glossary(fmt: str, tmp_path: Path) -> None:
    exported = tmp_path / f"out.{fmt}"
    result = run(
        "export", "vi", "--format", fmt, "-o", str(exported), "--glossary-dir", str(BUNDLED)
    )
    assert result.exit_code == 0
    if fmt == "tbx":
        imported = tmp_path / "back-vi-en.csv"
        assert run("import", str(exported), "-o", str(imported)).exit_code == 0
    else:
        imported = exported
    original = read_glossary_file(BUNDLED / "vi-en.csv", "vi")
    assert imported.read_bytes() == (BUNDLED / "vi-en.csv").read_bytes()
    assert read_glossary_file(imported, "vi") == original


def test_export_writes_to_standard_output() -> None:
    result = run("export", "zh", "--glossary-dir", str(BUNDLED))
    assert result.output.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<term>最高人民法院</term>" in result.output


def test_import_writes_csv_to_standard_output(tmp_path: Path) -> None:
    tbx = tmp_path / "th.tbx"
    assert run("export", "th", "-o", str(tbx), "--glossary-dir", str(BUNDLED)).exit_code == 0
    assert run("import", str(tbx)).output == (BUNDLED / "th-en.csv").read_text(encoding="utf-8")


def test_import_of_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    assert isinstance(run("import", str(tmp_path / "none.tbx")).exception, DataError)


@pytest.mark.parametrize("command", sorted(glossary.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example: mla glossary " + command in result.output
