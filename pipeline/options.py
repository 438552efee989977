"""Typed options, one object per stage.

Stages never read environment variables or globals: the CLI (or a caller of
`pipeline.api`) builds these objects and passes them in, so a test can run a
stage with exactly the settings it wants.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class IngestOptions:
    """Safety limits for reading untrusted files (documented in README "Limits")."""

    max_pages: int = 2000
    max_pixels_per_page: int = 150_000_000
    max_text_bytes: int = 20_000_000


@dataclass(frozen=True)
class OcrOptions:
    """How pages without a usable text layer are read."""

    dpi: int = 300
    language: str | None = None
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    tessdata_dir: Path | None = None
    page_timeout_s: float = 300.0
    fix_orientation: bool = True


@dataclass(frozen=True)
class TranslationOptions:
    """Where models live and how CTranslate2 decodes."""

    models_dirs: tuple[Path, ...] = ()
    beam_size: int = 4
    num_hypotheses: int = 4
    threads: int = 0
    max_batch_size: int = 32
    enforce_glossary: bool = True


@dataclass(frozen=True)
class OutputOptions:
    """Who may read a request's results (SECURITY.md).

    By default only their owner (folders 0700, files 0600): requests are
    confidential.  With `shared_group`, that group may read them too (folders
    2750, files 0640), for a desk whose reviewers share one results folder.
    """

    shared_group: str | None = None


@dataclass(frozen=True)
class PipelineOptions:
    """Everything `process_document` needs, and how its results are written."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    ocr: OcrOptions = field(default_factory=OcrOptions)
    translation: TranslationOptions = field(default_factory=TranslationOptions)
    glossary_files: tuple[Path, ...] = ()
    output: OutputOptions = field(default_factory=OutputOptions)
