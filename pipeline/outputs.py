"""Writers for a processed request's output folder.

A request's folder appears whole or not at all: everything is written into a
hidden temporary folder beside it and renamed into place, so a crash, Ctrl-C
or a failing file never leaves a half-written extract.  Results are readable
by their owner only, or by one group (`OutputOptions`), whatever the umask.
"""

from __future__ import annotations

import grp
import json
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pipeline.document import Document, Segment
from pipeline.exceptions import UsageError
from pipeline.options import OutputOptions
from pipeline.review.html import render_review_html
from pipeline.review.rfi import draft_rfi
from pipeline.review.summary import render_summary

SCHEMA_VERSION = "1"
LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})


def tool_version() -> str:
    try:
        return version("mla")
    except PackageNotFoundError:
        return "0+unknown"


def build_extract(document: Document) -> dict[str, Any]:
    """The `extract.json` object (see ../shared/schema/request-extract.schema.json)."""
    confidences = [
        page.ocr_confidence for page in document.pages if page.ocr_confidence is not None
    ]
    language = document.language
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {
            "file": document.source.name,
            "sha256": document.source.sha256,
            "pages": len(document.pages),
            "media_type": document.source.media_type,
        },
        "processing": {
            "tool_version": tool_version(),
            "ocr_pages": document.ocr_pages,
            "ocr_mean_confidence": round(sum(confidences) / len(confidences), 2)
            if confidences
            else None,
            "translation": {
                "status": document.translation.status,
                "model": document.translation.model,
                "glossary": document.translation.glossary,
            },
            "warnings": list(document.warnings),
            "processed_at": date.today().isoformat(),
        },
        "language": {
            "primary": language.primary if language else "und",
            "confidence": language.confidence if language else 0.0,
            "segments_by_language": dict(language.segments_by_language) if language else {},
        },
        **_extract_fields(document),
        "segments": [_segment_json(segment) for segment in document.segments],
    }


def _extract_fields(document: Document) -> dict[str, Any]:
    """The fields the extract stage fills (request_type … completeness); empty before it runs."""
    if document.extract is not None:
        return document.extract.to_json()
    return {
        "request_type": "unknown",
        "urgent": False,
        "parties": {
            "requesting_state": None,
            "requested_state": None,
            "requesting_authority": None,
            "persons": [],
            "organisations": [],
        },
        "assistance_sought": [],
        "deadlines": [],
        "offences": [],
        "legal_basis": [],
        "references": [],
        "completeness": [],
    }


def _segment_json(segment: Segment) -> dict[str, Any]:
    return {
        "id": segment.id,
        "page": segment.page,
        "language": segment.language,
        "source": segment.source,
        "english": segment.english,
        "ocr_confidence": segment.ocr_confidence,
        "glossary_terms": list(segment.glossary_terms),
        "flags": list(segment.flags),
    }


def source_text(document: Document) -> str:
    """Page texts separated by form feeds, as pdftotext does."""
    return "\f".join(page.text for page in document.pages) + "\n"


def output_folder(out_dir: Path, document: Document, taken: set[Path]) -> Path:
    """`<stem>`, unless that name holds another file's results: then `<stem>-<sha8>`."""
    stem = folder_stem(document.source.path)
    candidate = out_dir / stem
    if candidate not in taken and _free_or_same(candidate, document.source.sha256):
        return candidate
    return out_dir / f"{stem}-{document.source.sha256[:8]}"


def folder_stem(path: Path) -> str:
    """The input's name without its suffix, safe as a folder name in OUT.

    Never `.` or `..` (`..txt` has the stem `.`, which named OUT itself, so a
    rerun replaced every result in it), never hidden (staging folders are),
    and without control characters or line breaks (a newline in a file name).
    Format characters stay: Khmer and Thai names use zero-width spaces.
    """
    stem = "".join(
        "_" if unicodedata.category(char) in LINE_BREAKING else char for char in path.stem
    ).lstrip(".")
    return stem if stem.strip() else "request"


def _free_or_same(folder: Path, sha256: str) -> bool:
    extract = folder / "extract.json"
    if not folder.exists():
        return True
    try:
        return json.loads(extract.read_text(encoding="utf-8"))["source"]["sha256"] == sha256
    except (OSError, ValueError, KeyError, TypeError):
        return False


def write_outputs(
    document: Document,
    folder: Path,
    extra_files: Mapping[str, str] | None = None,
    keep_other_files: bool = False,
    output: OutputOptions | None = None,
) -> Path:
    """Write extract.json, source.txt and the review files atomically into `folder`.

    The review files are review.html, summary.md and, when the checklist
    finds something missing, rfi.txt.  `extra_files` (name → text) are
    written too; with `keep_other_files`, files already in `folder` that this
    function does not write (an exported XLIFF, a TMX, the officer's notes)
    are kept, as a post-edit import needs.  `output` says who may read them
    (default: the owner only).
    """
    permissions = output_permissions(output or OutputOptions())
    make_output_dir(folder.parent, permissions)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        if keep_other_files and folder.is_dir():
            _copy_contents(folder, staging)
        extract = build_extract(document)
        files = {
            "extract.json": json.dumps(extract, ensure_ascii=False, indent=2) + "\n",
            "source.txt": source_text(document),
            **review_files(extract),
            **(extra_files or {}),
        }
        (staging / "rfi.txt").unlink(missing_ok=True)
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        apply_permissions(staging, permissions)
        _replace_folder(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def review_files(extract: dict[str, Any]) -> dict[str, str]:
    """review.html, summary.md and (when something is missing) rfi.txt for an extract."""
    letter = draft_rfi(extract)
    files = {
        "review.html": render_review_html(extract, rfi=letter),
        "summary.md": render_summary(extract),
    }
    if letter is not None:
        files["rfi.txt"] = letter
    return files


def _copy_contents(source: Path, destination: Path) -> None:
    for entry in source.iterdir():
        if entry.is_dir():
            shutil.copytree(entry, destination / entry.name, symlinks=True)
        else:
            shutil.copy2(entry, destination / entry.name, follow_symlinks=False)


def _replace_folder(staging: Path, folder: Path) -> None:
    if not folder.exists():
        staging.rename(folder)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
    retired.rmdir()
    folder.rename(retired)
    staging.rename(folder)
    shutil.rmtree(retired, ignore_errors=True)


@dataclass(frozen=True)
class Permissions:
    """Modes (and group) for result folders and files."""

    folder_mode: int
    file_mode: int
    group_id: int | None = None


PRIVATE = Permissions(folder_mode=0o700, file_mode=0o600)


def output_permissions(options: OutputOptions) -> Permissions:
    """Owner only, or readable by `options.shared_group` too.

    Shared folders are set-group-ID, so files added later (an exported XLIFF)
    get the group.
    """
    if options.shared_group is None:
        return PRIVATE
    return Permissions(0o2750, 0o640, resolve_group(options.shared_group))


def resolve_group(name: str) -> int:
    """The id of group `name`; UsageError if it does not exist or we may not use it."""
    try:
        group_id = grp.getgrnam(name).gr_gid
    except KeyError:
        raise UsageError(f"no such group {name!r} to share results with") from None
    if os.geteuid() != 0 and group_id not in {os.getegid(), *os.getgroups()}:
        raise UsageError(f"cannot share results with group {name!r}: you are not a member")
    return group_id


def make_output_dir(path: Path, permissions: Permissions = PRIVATE) -> None:
    """Create `path` and its missing parents with the results' folder mode.

    Folders that already exist are left as their owner set them.
    """
    missing = []
    for candidate in (path, *path.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        _set_mode(folder, permissions.folder_mode, permissions.group_id)


def apply_permissions(root: Path, permissions: Permissions = PRIVATE) -> None:
    """Give `root` and everything under it the results' modes; symbolic links are not followed."""
    for directory, _folders, names in os.walk(root):
        _set_mode(Path(directory), permissions.folder_mode, permissions.group_id)
        for name in names:
            path = Path(directory) / name
            if not path.is_symlink():
                _set_mode(path, permissions.file_mode, permissions.group_id)


def _set_mode(path: Path, mode: int, group_id: int | None) -> None:
    if group_id is not None:
        os.chown(path, -1, group_id)
    path.chmod(mode)
