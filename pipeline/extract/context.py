"""The document as the field extractors see it: one `Unit` per segment.

A unit pairs a segment's source with the English to read (the machine
translation, or the source itself when the segment is English) and with the
glossary terms found in the source.  Extractors read the English where there
is one and the source always, for what needs no translation (dates, numbers,
references, glossary terms), so a request without an installed translation
model still yields a useful extract.  Evidence is built here so every fact
points back to its segment the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.document import Document, Segment
from pipeline.extract.model import Evidence
from pipeline.glossary import Glossary, Match
from pipeline.languages import script_of

_SPACES = re.compile(r"\s+")


@dataclass
class Unit:
    """A segment with its English (if any) and its glossary hits."""

    index: int
    segment: Segment
    english: str | None
    translated: bool
    matches: list[Match] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.segment.source

    @property
    def lang(self) -> str:
        return self.segment.language

    def evidence(
        self, source_words: str | None = None, english_words: str | None = None
    ) -> Evidence:
        """Evidence for a fact found in this unit.

        For an English segment the words are the source.  For a translated one
        the source words cannot be aligned with the English, so the whole
        source sentence is given, with the English words the fact rests on.
        """
        if self.translated:
            return Evidence(
                self.segment.id,
                self.segment.page,
                _clean(source_words or self.source),
                _clean(english_words or self.english or ""),
            )
        if self.english is not None:
            return Evidence(
                self.segment.id,
                self.segment.page,
                _clean(english_words or source_words or self.source),
            )
        return Evidence(self.segment.id, self.segment.page, _clean(source_words or self.source))

    def match_evidence(self, match: Match) -> Evidence:
        """Evidence for a glossary term: its source words and the glossary's English."""
        english = self.english if self.translated else match.entry.english
        return Evidence(self.segment.id, self.segment.page, _clean(match.text), english)

    def terms(self, *kinds: str) -> Iterator[Match]:
        """Glossary hits of the given kinds (all kinds when none are given)."""
        return (match for match in self.matches if not kinds or match.entry.kind in kinds)


@dataclass
class ExtractContext:
    """The units of a document plus what extractors share."""

    document: Document
    glossary: Glossary | None
    units: list[Unit]
    warnings: list[str] = field(default_factory=list)

    @property
    def english_units(self) -> list[Unit]:
        return [unit for unit in self.units if unit.english]

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def build_context(document: Document, glossary: Glossary | None) -> ExtractContext:
    """Pair each segment with its English and glossary hits."""
    primary = document.language.primary if document.language else "und"
    machine = document.translation.status == "machine"
    units = []
    for index, segment in enumerate(document.segments):
        english, translated = _english_of(segment, primary, machine)
        # Language ID mislabels short lines (a Malay letterhead read as English),
        # so the document's glossary is matched on every segment.
        matches = glossary.match(segment.source) if glossary is not None else []
        units.append(Unit(index, segment, english, translated, matches))
    return ExtractContext(document, glossary, units)


def _english_of(segment: Segment, primary: str, machine: bool) -> tuple[str | None, bool]:
    """The English to read for a segment, and whether it is a translation.

    Glossary-only English renders terms, not sentences, so it is not read as
    English; short Latin segments of an English request (addresses, names)
    that language ID labels otherwise are still English.
    """
    if segment.english and machine and segment.language != "en":
        return segment.english, True
    if segment.language == "en" or (primary == "en" and segment.language == "und"):
        return segment.source, False
    if primary == "en" and not segment.english and _is_latin(segment.source):
        return segment.source, False
    return None, False


def _is_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(script_of(char) == "Latin" for char in letters)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
