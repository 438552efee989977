"""The document model every stage reads and extends.

Stages are plain functions that take a `Document` (or its pages) and return
it with more filled in, so the CLI, the batch runner and the tests can run any
prefix of the pipeline and inspect the result.  Everything here is plain data
and picklable, so pages can cross process boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.extract.model import RequestExtract


@dataclass(frozen=True)
class SourceFile:
    """The received file, identified by content so renamed copies are recognised."""

    path: Path
    sha256: str
    media_type: str

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class Page:
    """One page's text and how it was obtained."""

    number: int
    text: str
    from_ocr: bool = False
    ocr_confidence: float | None = None
    ocr_language: str | None = None
    rotation: int = 0


@dataclass
class Segment:
    """A sentence or paragraph: the unit of language ID, translation and evidence."""

    id: str
    page: int
    source: str
    language: str = "und"
    english: str | None = None
    ocr_confidence: float | None = None
    glossary_terms: list[dict[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass
class LanguageSummary:
    """The document's language, weighted by how much text each language has."""

    primary: str
    confidence: float
    segments_by_language: dict[str, int]


@dataclass
class Translation:
    """How the English was produced, so the reviewer knows what they read."""

    status: str = "unavailable"
    model: str | None = None
    glossary: str | None = None


@dataclass
class Document:
    """A request as it moves through the stages."""

    source: SourceFile
    pages: list[Page] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    language: LanguageSummary | None = None
    translation: Translation = field(default_factory=Translation)
    warnings: list[str] = field(default_factory=list)
    extract: RequestExtract | None = None

    @property
    def ocr_pages(self) -> list[int]:
        return [page.number for page in self.pages if page.from_ocr]
