"""The review files in a request folder, and a document rebuilt from its folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pipeline.exceptions import DataError
from pipeline.outputs import build_extract, write_outputs
from pipeline.review.rebuild import document_from_extract, read_extract


@pytest.fixture
def folder(tmp_path: Path, extract_with_gaps: dict[str, Any]) -> Path:
    folder = tmp_path / "th_request"
    folder.mkdir()
    pages: dict[int, list[str]] = {1: [], 2: []}
    for segment in extract_with_gaps["segments"]:
        pages[segment["page"]].append(segment["source"])
    text = "\f".join("\n".join(page) for page in pages.values()) + "\n"
    (folder / "source.txt").write_text(text, encoding="utf-8")
    (folder / "extract.json").write_text(json.dumps(extract_with_gaps), encoding="utf-8")
    return folder


def test_rebuilt_document_gives_back_the_extract(
    folder: Path, extract_with_gaps: dict[str, Any]
) -> None:
    rebuilt = build_extract(document_from_extract(read_extract(folder), folder))
    for key in ("source", "language", "segments"):
        assert rebuilt[key] == extract_with_gaps[key]
    processing = dict(extract_with_gaps["processing"], processed_at=date.today().isoformat())
    assert rebuilt["processing"] | {"tool_version": "0.1.0"} == processing


def test_write_outputs_adds_the_review_files(folder: Path) -> None:
    document = document_from_extract(read_extract(folder), folder)
    write_outputs(document, folder)
    names = sorted(path.name for path in folder.iterdir())
    assert {"extract.json", "review.html", "source.txt", "summary.md"} <= set(names)
    extract = json.loads((folder / "extract.json").read_text(encoding="utf-8"))
    assert extract["processing"]["processed_at"] == date.today().isoformat()
    assert (folder / "review.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (folder / "rfi.txt").exists() == any(
        not item["present"] for item in extract["completeness"]
    )


def test_keep_other_files_keeps_the_translators_files_and_drops_a_stale_letter(
    folder: Path,
) -> None:
    document = document_from_extract(read_extract(folder), folder)
    (folder / "th_request.xlf").write_text("<xliff/>", encoding="utf-8")
    (folder / "rfi.txt").write_text("an old letter", encoding="utf-8")
    extract = build_extract(document)
    write_outputs(document, folder, extra_files={"history.jsonl": "{}\n"}, keep_other_files=True)
    assert (folder / "th_request.xlf").read_text(encoding="utf-8") == "<xliff/>"
    assert (folder / "history.jsonl").read_text(encoding="utf-8") == "{}\n"
    missing = any(not item["present"] for item in extract["completeness"])
    assert (folder / "rfi.txt").exists() == missing
    assert not (folder / "rfi.txt").exists() or "an old letter" not in (
        folder / "rfi.txt"
    ).read_text(encoding="utf-8")


def test_intake_rewrite_starts_a_clean_folder(folder: Path) -> None:
    document = document_from_extract(read_extract(folder), folder)
    (folder / "stale.txt").write_text("x", encoding="utf-8")
    write_outputs(document, folder)
    assert not (folder / "stale.txt").exists()


def test_read_extract_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        read_extract(tmp_path)
    (tmp_path / "extract.json").write_text("{", encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON"):
        read_extract(tmp_path)
    (tmp_path / "extract.json").write_text("{}", encoding="utf-8")
    with pytest.raises(DataError, match="not an mla extract"):
        read_extract(tmp_path)


def test_source_text_must_match_the_page_count(folder: Path) -> None:
    (folder / "source.txt").write_text("one page only\n", encoding="utf-8")
    with pytest.raises(DataError, match="has 1 page"):
        document_from_extract(read_extract(folder), folder)
