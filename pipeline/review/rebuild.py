"""A `Document` rebuilt from a request folder, so later stages can run again without OCR.

After a translator's post-edit only the English changes; OCR, segmentation,
language identification and translation need not (and must not) run again.
extract.json keeps everything those stages produced except the page texts,
which are in source.txt (pages separated by form feeds) and the per-page OCR
confidences, which are taken from the segments of each page (a segment
carries its page's confidence), else the document's mean.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.document import Document, LanguageSummary, Page, Segment, SourceFile, Translation
from pipeline.exceptions import DataError

REQUIRED_KEYS = ("source", "processing", "language", "segments")


def read_extract(folder: Path) -> dict[str, Any]:
    """The extract.json of a request folder; `DataError` when missing or not an extract."""
    path = folder / "extract.json"
    try:
        extract = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DataError(
            f"cannot read: {error.strerror}; is this a request folder?", path
        ) from error
    except ValueError as error:
        raise DataError(f"not valid JSON: {error}", path) from error
    if not isinstance(extract, dict) or any(key not in extract for key in REQUIRED_KEYS):
        raise DataError(f"not an mla extract (needs {', '.join(REQUIRED_KEYS)})", path)
    return extract


def document_from_extract(extract: dict[str, Any], folder: Path) -> Document:
    """The document as the pipeline left it, from extract.json and source.txt in `folder`."""
    source = extract["source"]
    processing = extract["processing"]
    segments = [
        Segment(
            id=item["id"],
            page=item["page"],
            source=item["source"],
            language=item["language"],
            english=item.get("english"),
            ocr_confidence=item.get("ocr_confidence"),
            glossary_terms=[dict(term) for term in item.get("glossary_terms", [])],
            flags=list(item.get("flags", [])),
        )
        for item in extract["segments"]
    ]
    language = extract["language"]
    translation = processing["translation"]
    return Document(
        source=SourceFile(
            path=Path(source["file"]), sha256=source["sha256"], media_type=source["media_type"]
        ),
        pages=_pages(folder, source["pages"], processing, segments),
        segments=segments,
        language=LanguageSummary(
            primary=language["primary"],
            confidence=language["confidence"],
            segments_by_language=dict(language["segments_by_language"]),
        ),
        translation=Translation(
            status=translation["status"],
            model=translation.get("model"),
            glossary=translation.get("glossary"),
        ),
        warnings=list(processing.get("warnings", [])),
    )


def _pages(
    folder: Path, count: int, processing: dict[str, Any], segments: list[Segment]
) -> list[Page]:
    path = folder / "source.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"cannot read: {error.strerror}", path) from error
    texts = text.removesuffix("\n").split("\f") if count else []
    if len(texts) != count:
        raise DataError(f"has {len(texts)} page(s), extract.json says {count}", path)
    ocr_pages = set(processing.get("ocr_pages", []))
    mean = processing.get("ocr_mean_confidence")
    confidence = {s.page: s.ocr_confidence for s in segments if s.ocr_confidence is not None}
    return [
        Page(
            number=number,
            text=page_text,
            from_ocr=number in ocr_pages,
            ocr_confidence=confidence.get(number, mean) if number in ocr_pages else None,
        )
        for number, page_text in enumerate(texts, start=1)
    ]
