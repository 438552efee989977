"""Batch input cannot reach outside its folder, and no name can address OUT or its parent.

Read-only checks of `pipeline.batch.discover` and of the folder-naming rule a
batch shares with `mla intake`.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.batch import discover
from pipeline.document import Document, SourceFile
from pipeline.outputs import output_folder


def test_discovery_stays_inside_the_input_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the backlog")
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "request.txt").write_text("a request")
    (inbox / "sub" / "inner.txt").write_text("a request in a sub-folder")
    (inbox / "sub" / "..txt").write_text("dot names are hidden files: skipped")
    (inbox / "link-out.txt").symlink_to(outside / "secret.txt")
    (inbox / "dir-out").symlink_to(outside, target_is_directory=True)
    (inbox / "sub" / "up.txt").symlink_to(Path("..") / ".." / "elsewhere" / "secret.txt")
    (inbox / "link-in.txt").symlink_to(inbox / "request.txt")
    os.mkfifo(inbox / "pipe.pdf")
    (inbox / ".hidden.txt").write_text("skipped")
    found = discover(inbox)
    assert [path.relative_to(inbox).as_posix() for path in found] == [
        "link-in.txt",
        "request.txt",
        "sub/inner.txt",
    ]


def test_output_folders_stay_inside_out(tmp_path: Path) -> None:
    out = (tmp_path / "out").resolve()
    names = ["..txt", "...txt", "..", ".", ".pdf", "a\nb.pdf", "-x.pdf", " .txt"]
    taken: set[Path] = set()
    for name in names:
        document = Document(source=SourceFile(tmp_path / "in" / name, "ab" * 32, "text/plain"))
        folder = output_folder(out, document, taken)
        taken.add(folder)
        assert folder.parent == out, (name, folder)
        assert folder.name not in {"", ".", ".."} and not folder.name.startswith("."), name
        assert "\n" not in folder.name
