"""`mla intake` end to end: outputs, the schema contract, and bad inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.exceptions import ExitCode


def intake(runner: CliRunner, *args: str | Path) -> tuple[int, str]:
    result = runner.invoke(cli, ["intake", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def load_extract(folder: Path) -> dict:
    return json.loads((folder / "extract.json").read_text(encoding="utf-8"))


def test_good_inputs_give_schema_valid_extracts(
    runner: CliRunner,
    inputs: dict[str, Path],
    tmp_path: Path,
    schema_validator: jsonschema.Draft202012Validator,
) -> None:
    names = ["text_layer.pdf", "mixed.pdf", "letter.txt", "page.png", "pages.tiff", "photo.jpg"]
    code, stderr = intake(
        runner, *(inputs[name] for name in names), "--out", tmp_path, "--jobs", "2"
    )
    assert code == ExitCode.ok, stderr
    for name in names:
        extract = load_extract(tmp_path / Path(name).stem)
        schema_validator.validate(extract)
        assert extract["source"]["file"] == name
        assert extract["language"]["primary"] == "en"
        assert extract["segments"], name
    mixed = load_extract(tmp_path / "mixed")
    assert mixed["source"]["pages"] == 2
    assert mixed["processing"]["ocr_pages"] == [2]
    assert 80 <= mixed["processing"]["ocr_mean_confidence"] <= 100
    assert load_extract(tmp_path / "pages")["processing"]["ocr_pages"] == [1, 2]
    assert "6 of 6 file(s) processed" in stderr


def test_source_txt_separates_pages_with_form_feeds(
    runner: CliRunner, inputs: dict[str, Path], tmp_path: Path
) -> None:
    code, _ = intake(runner, inputs["letter.txt"], "--out", tmp_path)
    assert code == ExitCode.ok
    pages = (tmp_path / "letter" / "source.txt").read_text(encoding="utf-8").split("\f")
    assert len(pages) == 2
    assert "Ref: AGC/MLA/2026/0412" in pages[0]
    extract = load_extract(tmp_path / "letter")
    assert extract["language"]["segments_by_language"]["th"] >= 1
    assert {segment["page"] for segment in extract["segments"]} == {1, 2}


def test_same_stem_inputs_do_not_overwrite_each_other(
    runner: CliRunner, inputs: dict[str, Path], tmp_path: Path
) -> None:
    first, second = tmp_path / "a" / "request.pdf", tmp_path / "b" / "request.txt"
    for path, source in ((first, "text_layer.pdf"), (second, "letter.txt")):
        path.parent.mkdir()
        shutil.copy(inputs[source], path)
    out = tmp_path / "out"
    assert intake(runner, first, second, "--out", out)[0] == ExitCode.ok
    assert intake(runner, first, "--out", out)[0] == ExitCode.ok
    folders = sorted(path.name for path in out.iterdir())
    assert len(folders) == 2 and "request" in folders
    files = {load_extract(out / name)["source"]["file"] for name in folders}
    assert files == {"request.pdf", "request.txt"}
    assert not [path for path in out.iterdir() if path.name.startswith(".")]


def test_rotated_scan_is_turned_upright(
    runner: CliRunner, inputs: dict[str, Path], tmp_path: Path
) -> None:
    assert intake(runner, inputs["rotated_90.pdf"], "--out", tmp_path)[0] == ExitCode.ok
    extract = load_extract(tmp_path / "rotated_90")
    assert "page 1: rotated 90° before OCR" in extract["processing"]["warnings"]
    assert "Central Authority of Singapore" in (tmp_path / "rotated_90" / "source.txt").read_text()


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("encrypted.pdf", ExitCode.encrypted_input, "PDF is password-protected; decrypt it first"),
        ("corrupt.pdf", ExitCode.input_file, "PDF is corrupt or truncated"),
        ("truncated.pdf", ExitCode.input_file, "PDF is corrupt or truncated"),
        ("empty.pdf", ExitCode.input_file, "file is empty (0 bytes)"),
        ("zero_pages.pdf", ExitCode.input_file, "PDF has no pages"),
        ("zip_named.pdf", ExitCode.input_file, "unsupported file type application/zip"),
        ("huge.png", ExitCode.limit_exceeded, "image is too large to decode safely"),
        ("truncated.png", ExitCode.input_file, "image is corrupt or truncated"),
        ("folder", ExitCode.input_file, "not a regular file"),
    ],
)
def test_bad_input_gives_one_line_error_and_exit_code(
    runner: CliRunner, inputs: dict[str, Path], tmp_path: Path, name: str, code: int, message: str
) -> None:
    exit_code, stderr = intake(runner, inputs[name], "--out", tmp_path)
    assert exit_code == code
    errors = [line for line in stderr.splitlines() if line.startswith("mla: error:")]
    assert errors == [errors[0]] and f"{inputs[name]}: " in errors[0] and message in errors[0]
    assert "Traceback" not in stderr
    assert not list(tmp_path.iterdir())


def test_bad_files_do_not_stop_the_others(
    runner: CliRunner, inputs: dict[str, Path], tmp_path: Path
) -> None:
    files = [
        inputs["corrupt.pdf"],
        inputs["letter.txt"],
        inputs["encrypted.pdf"],
        inputs["text_layer.pdf"],
    ]
    exit_code, stderr = intake(runner, *files, "--out", tmp_path)
    assert exit_code == ExitCode.some_inputs_failed
    assert sorted(path.name for path in tmp_path.iterdir()) == ["letter", "text_layer"]
    assert "2 of 4 file(s) processed" in stderr
    assert "Traceback" not in stderr


def test_debug_shows_the_traceback(
    runner: CliRunner, inputs: dict[str, Path], tmp_path: Path
) -> None:
    result = runner.invoke(
        cli, ["--debug", "intake", str(inputs["corrupt.pdf"]), "--out", str(tmp_path)]
    )
    assert result.exit_code == ExitCode.input_file
    assert "Traceback" in result.stderr


def test_unknown_language_option_is_a_usage_error(
    runner: CliRunner, inputs: dict[str, Path], tmp_path: Path
) -> None:
    exit_code, stderr = intake(runner, inputs["letter.txt"], "--out", tmp_path, "--lang", "xx")
    assert exit_code == ExitCode.bad_args
    assert "unknown language 'xx'" in stderr


def test_document_in_unsupported_language_is_processed_with_a_warning(
    runner: CliRunner, inputs: dict[str, Path], tmp_path: Path
) -> None:
    assert intake(runner, inputs["german.txt"], "--out", tmp_path)[0] == ExitCode.ok
    extract = load_extract(tmp_path / "german")
    assert extract["language"]["primary"] == "de"
    assert any(
        "not one the tool supports" in warning for warning in extract["processing"]["warnings"]
    )


@pytest.fixture
def tessdata_without_thai_or_vietnamese(tmp_path: Path) -> Path:
    installed = Path("/usr/share/tesseract-ocr/5/tessdata")
    folder = tmp_path / "tessdata"
    folder.mkdir()
    for pack in ("eng", "osd"):
        (folder / f"{pack}.traineddata").symlink_to(installed / f"{pack}.traineddata")
    return folder


@pytest.mark.parametrize(
    ("extra", "package"), [(["--lang", "th"], "tesseract-ocr-tha"), ([], "tesseract-ocr-vie")]
)
def test_missing_tesseract_pack_names_the_package_to_install(
    runner: CliRunner,
    inputs: dict[str, Path],
    tmp_path: Path,
    tessdata_without_thai_or_vietnamese: Path,
    extra: list[str],
    package: str,
) -> None:
    out = tmp_path / "out"
    exit_code, stderr = intake(
        runner,
        inputs["page.png"],
        "--out",
        out,
        "--tessdata-dir",
        tessdata_without_thai_or_vietnamese,
        *extra,
    )
    assert exit_code == ExitCode.missing_dependency
    assert f"apt-get install {package}" in stderr
    assert "Traceback" not in stderr


def test_every_command_has_help(runner: CliRunner) -> None:
    def walk(group, prefix):
        for name, command in group.commands.items():
            yield [*prefix, name], command
            if hasattr(command, "commands"):
                yield from walk(command, [*prefix, name])

    for path, command in walk(cli, []):
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, path
        assert command.help, path
