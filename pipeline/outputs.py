"""Writers for a processed request's output folder.

A request's folder appears whole or not at all: everything is written into a
hidden temporary folder beside it and renamed into place, so a crash, Ctrl-C
or a failing file never leaves a half-written extract.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pipeline.document import Document, Segment

SCHEMA_VERSION = "1"


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
        },
        "language": {
            "primary": language.primary if language else "und",
            "confidence": language.confidence if language else 0.0,
            "segments_by_language": dict(language.segments_by_language) if language else {},
        },
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
        "segments": [_segment_json(segment) for segment in document.segments],
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
    stem = document.source.path.stem or "request"
    candidate = out_dir / stem
    if candidate not in taken and _free_or_same(candidate, document.source.sha256):
        return candidate
    return out_dir / f"{stem}-{document.source.sha256[:8]}"


def _free_or_same(folder: Path, sha256: str) -> bool:
    extract = folder / "extract.json"
    if not folder.exists():
        return True
    try:
        return json.loads(extract.read_text(encoding="utf-8"))["source"]["sha256"] == sha256
    except (OSError, ValueError, KeyError, TypeError):
        return False


def write_outputs(document: Document, folder: Path) -> Path:
    """Write extract.json and source.txt atomically into `folder`."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        extract = json.dumps(build_extract(document), ensure_ascii=False, indent=2)
        (staging / "extract.json").write_text(extract + "\n", encoding="utf-8")
        (staging / "source.txt").write_text(source_text(document), encoding="utf-8")
        _replace_folder(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def _replace_folder(staging: Path, folder: Path) -> None:
    if not folder.exists():
        staging.rename(folder)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
    retired.rmdir()
    folder.rename(retired)
    staging.rename(folder)
    shutil.rmtree(retired, ignore_errors=True)
