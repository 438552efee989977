"""Results are readable by their owner only, or shared with one group on request."""

from __future__ import annotations

import grp
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.api import process_document
from pipeline.cli import cli
from pipeline.document import Document
from pipeline.exceptions import ExitCode, UsageError
from pipeline.options import OcrOptions, OutputOptions, PipelineOptions
from pipeline.outputs import write_outputs


@pytest.fixture
def open_umask() -> Iterator[None]:
    """umask 0: any mode we do not set explicitly would come out world-writable."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture(scope="module")
def document(inputs: dict[str, Path]) -> Document:
    return process_document(inputs["letter.txt"], PipelineOptions(ocr=OcrOptions(jobs=1)))


def modes(root: Path) -> dict[str, int]:
    """Permission bits (with set-group-ID) of `root` and everything under it, by relative path."""
    return {
        str(path.relative_to(root)): stat.S_IMODE(path.lstat().st_mode)
        for path in [root, *root.rglob("*")]
    }


def other_group() -> grp.struct_group:
    """A group we may give files to, other than our own primary group when possible."""
    allowed = [entry.gr_gid for entry in grp.getgrall()] if os.geteuid() == 0 else os.getgroups()
    candidates = sorted(set(allowed) - {os.getegid()}) or [os.getegid()]
    return grp.getgrgid(candidates[0])


def test_intake_results_are_private_whatever_the_umask(
    open_umask: None, runner: CliRunner, inputs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "new" / "out"
    result = runner.invoke(
        cli, ["intake", str(inputs["letter.txt"]), str(inputs["page.png"]), "--out", str(out)]
    )
    assert result.exit_code == ExitCode.ok, result.stderr
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    found = modes(out)
    folders = {name: mode for name, mode in found.items() if (out / name).is_dir()}
    files = {name: mode for name, mode in found.items() if (out / name).is_file()}
    assert set(folders) == {".", "letter", "page"}
    assert {"letter/extract.json", "letter/source.txt", "page/review.html"} <= set(files)
    assert set(folders.values()) == {0o700}
    assert set(files.values()) == {0o600}


def test_an_existing_output_folder_keeps_its_mode(
    open_umask: None, document: Document, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    write_outputs(document, out / "letter")
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert stat.S_IMODE((out / "letter").stat().st_mode) == 0o700


def test_results_shared_with_a_group(open_umask: None, document: Document, tmp_path: Path) -> None:
    group = other_group()
    out = tmp_path / "out"
    folder = write_outputs(document, out / "letter", output=OutputOptions(group.gr_name))
    for path in [out, folder, *folder.iterdir()]:
        info = path.stat()
        assert info.st_gid == group.gr_gid, path
        assert stat.S_IMODE(info.st_mode) == (0o2750 if path.is_dir() else 0o640), path


def test_rewriting_a_folder_keeps_earlier_files_private_and_links_untouched(
    open_umask: None, document: Document, tmp_path: Path
) -> None:
    """A post-edit import rewrites the folder keeping other files; a link must not be followed."""
    folder = write_outputs(document, tmp_path / "out" / "letter")
    notes, outside = folder / "notes.txt", tmp_path / "outside.txt"
    notes.write_text("officer's notes")
    notes.chmod(0o666)
    outside.write_text("not ours")
    outside.chmod(0o644)
    (folder / "link.txt").symlink_to(outside)
    write_outputs(document, folder, keep_other_files=True)
    assert stat.S_IMODE(notes.stat().st_mode) == 0o600
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    assert (folder / "link.txt").is_symlink()


def test_unknown_group_is_a_usage_error_before_anything_is_written(
    document: Document, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="no such group 'no-such-group-mla'"):
        write_outputs(
            document, tmp_path / "out" / "letter", output=OutputOptions("no-such-group-mla")
        )
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may give files to any group")
def test_a_group_we_are_not_in_is_refused(document: Document, tmp_path: Path) -> None:
    mine = {os.getegid(), *os.getgroups()}
    foreign = next(entry for entry in grp.getgrall() if entry.gr_gid not in mine)
    with pytest.raises(UsageError, match="you are not a member"):
        write_outputs(document, tmp_path / "letter", output=OutputOptions(foreign.gr_name))
