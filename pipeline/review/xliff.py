"""Post-editing round trip: XLIFF 1.2 out to the translator's CAT tool and back, and TMX.

Export writes one ``trans-unit`` per segment (``id`` = the segment id), the
source, and the machine draft as the target marked for review
(``state="needs-review-translation" state-qualifier="mt-suggestion"``), with
the glossary terms, OCR warnings and translation flags as notes.  Segments
already in English (or without language) are ``translate="no"``.  The header
carries the original file's sha256, so an XLIFF returned by a translator is
only ever imported into the request it was made from.  The glossary of each
source language goes alongside as TBX for the CAT tool's termbase.

Import reads the translator's file back, takes every changed target as the
new English, re-runs extraction (`pipeline.api.refresh_document`) and
rewrites the request folder (extract.json, review.html, summary.md, rfi.txt)
in one atomic step.  Each import is recorded in the folder's
``history.jsonl`` (one JSON object per line: time, file, the changed
segments with old and new English, the segments the translator approved) and
as a line "N segments post-edited by translator on DATE" in
``processing.warnings``; changed segments get the flag ``post-edited``.

A segment counts as approved by the translator when its target was changed,
or its state is ``translated``, ``signed-off`` or ``final``, or the unit is
``approved="yes"``.  `export_tmx` writes those segments (with their current
English) as a TMX translation memory.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree
from translate.misc.xml_helpers import XML_NS
from translate.storage import tmx, xliff

from pipeline.api import refresh_document
from pipeline.exceptions import DataError, UsageError
from pipeline.glossary import GLOSSARY_LANGUAGES, load_glossary
from pipeline.glossary_tbx import export_tbx
from pipeline.outputs import tool_version, write_outputs
from pipeline.quality import quality_flags
from pipeline.review.html import LOW_OCR_CONFIDENCE, flag_text
from pipeline.review.rebuild import document_from_extract, read_extract

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
SHA256_NOTE = "source-sha256: "
HISTORY = "history.jsonl"
POST_EDITED = "post-edited"
MT_STATE = "needs-review-translation"
MT_QUALIFIER = "mt-suggestion"
APPROVED_STATES = frozenset({"translated", "signed-off", "final"})
UNTRANSLATED_LANGUAGES = frozenset({"en", "und"})
_SKELETON = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<xliff version="1.2" xmlns="{XLIFF_NAMESPACE}"><file original="" source-language="und" '
    'target-language="en" datatype="plaintext" tool-id="mla"><header/><body/></file></xliff>'
)
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Exported:
    xliff: Path
    tbx: list[Path]


@dataclass(frozen=True)
class Change:
    segment: str
    old: str | None
    new: str


@dataclass(frozen=True)
class Imported:
    folder: Path
    changed: list[Change]
    approved: list[str]
    unknown: list[str]


def export_xliff(
    folder: Path, out_dir: Path | None = None, glossary_files: Sequence[Path] = ()
) -> Exported:
    """Write ``<folder name>.xlf`` and ``<folder name>.<lang>-en.tbx`` into `out_dir` (default: `folder`)."""
    extract = read_extract(folder)
    target = out_dir or folder
    target.mkdir(parents=True, exist_ok=True)
    tbx_paths = []
    for lang in _glossary_languages(extract):
        glossary = load_glossary(lang, list(glossary_files))
        path = target / f"{folder.name}.{lang}-en.tbx"
        path.write_bytes(export_tbx(glossary.entries, lang))
        tbx_paths.append(path)
    xliff_path = target / f"{folder.name}.xlf"
    xliff_path.write_bytes(build_xliff(extract, [path.name for path in tbx_paths]))
    return Exported(xliff=xliff_path, tbx=tbx_paths)


def build_xliff(extract: dict[str, Any], tbx_names: Sequence[str] = ()) -> bytes:
    """The XLIFF 1.2 document for an extract (see the module docstring)."""
    store = xliff.xlifffile.parsestring(_SKELETON.encode("utf-8"))
    primary = extract["language"]["primary"]
    file_node = store.document.getroot()[0]
    file_node.set("original", extract["source"]["file"])
    file_node.set("source-language", primary)
    _header(file_node, extract, tbx_names)
    for segment in extract["segments"]:
        unit = store.addsourceunit(segment["source"], filename=extract["source"]["file"])
        element = unit.xmlelement
        for attribute in list(element.attrib):
            if attribute != XML_SPACE:
                del element.attrib[attribute]
        element.set("id", segment["id"])
        if segment["language"] != primary:
            _child(element, "source").set(XML_LANG, segment["language"])
        if segment["language"] in UNTRANSLATED_LANGUAGES:
            element.set("translate", "no")
        if segment.get("english") is not None:
            _set_target(element, segment)
        for text, annotates in _notes(segment):
            note = _add(element, "note", text)
            note.set("from", "mla")
            note.set("annotates", annotates)
    root = store.document.getroot()
    etree.cleanup_namespaces(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def import_xliff(
    path: Path,
    folder: Path | None = None,
    glossary_files: Sequence[Path] = (),
    now: datetime | None = None,
) -> Imported:
    """Take the translator's targets as the new English of `folder`'s request.

    `folder` defaults to the folder holding `path`.  Raises `DataError` for a
    file that is not XLIFF 1.2 or was exported from another document, and
    `UsageError` when the request folder cannot be found.
    """
    folder = folder or path.parent
    if not (folder / "extract.json").is_file():
        raise UsageError(
            f"{folder} is not a request folder (no extract.json); name it with --folder", path
        )
    extract = read_extract(folder)
    changed, approved, unknown = _compare(path, extract)
    when = (now or datetime.now(UTC)).replace(microsecond=0)
    document = document_from_extract(extract, folder)
    _apply(document, changed)
    if changed:
        document.warnings.append(
            f"{len(changed)} segment{'s' if len(changed) != 1 else ''} post-edited by translator "
            f"on {when.date().isoformat()}"
        )
    document = refresh_document(document, tuple(glossary_files))
    history = _history_line(when, path, changed, approved)
    previous = folder / HISTORY
    existing = previous.read_text(encoding="utf-8") if previous.is_file() else ""
    write_outputs(
        document, folder, extra_files={HISTORY: existing + history}, keep_other_files=True
    )
    return Imported(folder=folder, changed=changed, approved=approved, unknown=unknown)


def export_tmx(folder: Path, out: Path | None = None) -> tuple[Path, int]:
    """Write the translator-approved segments as TMX; returns the path and the count.

    Raises `UsageError` when no segment has been approved yet.
    """
    extract = read_extract(folder)
    approved = approved_segments(folder)
    segments = [s for s in extract["segments"] if s["id"] in approved and s.get("english")]
    if not segments:
        raise UsageError(
            "no translator-approved segments yet: import a post-edited XLIFF first "
            "(mla import-xliff FILE)",
            folder,
        )
    store = tmx.tmxfile(sourcelanguage=extract["language"]["primary"], targetlanguage="en")
    header = store.document.getroot().find("header")
    header.set("creationtool", "mla")
    header.set("creationtoolversion", tool_version())
    for segment in segments:
        unit = store.addsourceunit(segment["source"], segment["language"])
        unit.settarget(segment["english"], "en")
        unit.addnote(f"{extract['source']['file']} {segment['id']}")
    path = out or folder / f"{folder.name}.tmx"
    path.write_bytes(bytes(store))
    return path, len(segments)


def approved_segments(folder: Path) -> set[str]:
    """Every segment a translator approved or changed in any import into `folder`."""
    history = folder / HISTORY
    if not history.is_file():
        return set()
    approved: set[str] = set()
    for number, line in enumerate(history.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            approved.update(json.loads(line)["approved"])
        except (ValueError, KeyError, TypeError) as error:
            raise DataError(f"line {number} is not an import record: {error}", history) from error
    return approved


def _compare(path: Path, extract: dict[str, Any]) -> tuple[list[Change], list[str], list[str]]:
    """The segments the translator changed, those they approved, and unknown unit ids."""
    units = _read_units(path, extract)
    segments = {segment["id"]: segment for segment in extract["segments"]}
    changed: list[Change] = []
    approved: list[str] = []
    unknown: list[str] = []
    for ident, (target, confirmed, translatable) in units.items():
        if ident not in segments:
            unknown.append(ident)
            continue
        old = segments[ident].get("english")
        edited = bool(target) and target != (old or "").strip()
        if edited:
            changed.append(Change(ident, old, target))
        if translatable and (confirmed or edited):
            approved.append(ident)
    if units and len(unknown) == len(units):
        raise DataError(
            f"none of its {len(units)} trans-unit ids is a segment of "
            f"{extract['source']['file']}; was it exported from this request?",
            path,
        )
    return changed, approved, unknown


def _read_units(path: Path, extract: dict[str, Any]) -> dict[str, tuple[str, bool, bool]]:
    """Unit id → (target text, approved by state, translatable)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read: {error.strerror}", path) from error
    try:
        store = xliff.xlifffile.parsestring(data)
    except (etree.XMLSyntaxError, ValueError, AssertionError, StopIteration) as error:
        raise DataError(f"not an XLIFF 1.2 file: {error}", path) from error
    root = store.document.getroot()
    if etree.QName(root).localname != "xliff" or not root.get("version", "").startswith("1."):
        raise DataError('not an XLIFF 1.2 file (no <xliff version="1.2"> root)', path)
    declared = _declared_sha256(root)
    expected = extract["source"]["sha256"]
    if declared and declared != expected:
        raise DataError(
            f"exported from another document (sha256 {declared[:12]}…), not from this "
            f"request ({extract['source']['file']}, sha256 {expected[:12]}…)",
            path,
        )
    units = {}
    for unit in store.units:
        element = unit.xmlelement
        target = element.find(f"{{{store.namespace}}}target")
        text = (
            unicodedata.normalize("NFC", (unit.target or "").strip()) if target is not None else ""
        )
        state = target.get("state", "") if target is not None else ""
        approved = element.get("approved") == "yes" or state in APPROVED_STATES
        units[element.get("id", "")] = (text, approved, element.get("translate") != "no")
    return units


def _declared_sha256(root: etree._Element) -> str | None:
    for note in root.iter(f"{{{root.nsmap.get(None, XLIFF_NAMESPACE)}}}note"):
        text = (note.text or "").strip()
        if text.startswith(SHA256_NOTE) and _SHA256.match(text[len(SHA256_NOTE) :]):
            return text[len(SHA256_NOTE) :]
    return None


def _apply(document: Any, changed: list[Change]) -> None:
    """Put the translator's English in; flags about the machine draft no longer apply."""
    by_id = {change.segment: change.new for change in changed}
    for segment in document.segments:
        if segment.id not in by_id:
            continue
        segment.english = by_id[segment.id]
        misses = [
            flag
            for flag in segment.flags
            if flag.startswith("glossary_miss:") and not _renders(flag, segment.english)
        ]
        segment.flags = [
            *misses,
            *quality_flags(segment.source, segment.english, segment.language),
            POST_EDITED,
        ]


def _renders(flag: str, english: str) -> bool:
    """Whether a ``glossary_miss: term → rendering`` flag's rendering is now in the English."""
    rendering = flag.rsplit("→", 1)[-1].strip()
    pattern = rf"(?<!\w){re.escape(rendering)}(?!\w)"
    return bool(rendering) and re.search(pattern, english, re.IGNORECASE) is not None


def _history_line(when: datetime, path: Path, changed: list[Change], approved: list[str]) -> str:
    record = {
        "imported_at": when.isoformat(),
        "file": path.name,
        "file_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "changed": [
            {"segment": change.segment, "old": change.old, "new": change.new} for change in changed
        ],
        "approved": approved,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def _header(file_node: etree._Element, extract: dict[str, Any], tbx_names: Sequence[str]) -> None:
    header = _child(file_node, "header")
    tool = _add(header, "tool")
    tool.set("tool-id", "mla")
    tool.set("tool-name", "mla")
    tool.set("tool-version", extract["processing"].get("tool_version") or tool_version())
    for name in tbx_names:
        glossary = _add(header, "glossary")
        _add(glossary, "external-file").set("href", name)
    translation = extract["processing"]["translation"]
    notes = [
        SHA256_NOTE + extract["source"]["sha256"],
        "Targets are machine drafts"
        + (f" by {translation['model']}" if translation.get("model") else "")
        + " for post-editing; segments without a target had no machine translation. "
        + f"Glossaries: {translation.get('glossary') or 'none'}.",
    ]
    for text in notes:
        _add(header, "note", text).set("from", "mla")


def _set_target(element: etree._Element, segment: dict[str, Any]) -> None:
    target = etree.Element(f"{{{XLIFF_NAMESPACE}}}target")
    target.text = segment["english"]
    target.set(XML_LANG, "en")
    if segment["language"] not in UNTRANSLATED_LANGUAGES:
        target.set("state", MT_STATE)
        target.set("state-qualifier", MT_QUALIFIER)
    _child(element, "source").addnext(target)


def _notes(segment: dict[str, Any]) -> list[tuple[str, str]]:
    notes = [(f"page {segment['page']}", "general")]
    confidence = segment.get("ocr_confidence")
    if confidence is not None and confidence < LOW_OCR_CONFIDENCE:
        notes.append(
            (
                f"low OCR confidence ({round(confidence)}%): check the source against the scan",
                "source",
            )
        )
    notes += [
        (f"glossary: {term['source']} = {term['english']}", "source")
        for term in segment.get("glossary_terms", [])
    ]
    notes += [(f"check: {flag_text(flag)}", "target") for flag in segment.get("flags", [])]
    return notes


def _glossary_languages(extract: dict[str, Any]) -> list[str]:
    languages = {segment["language"] for segment in extract["segments"]}
    return sorted(language for language in languages if language in GLOSSARY_LANGUAGES)


def _child(element: etree._Element, name: str) -> etree._Element:
    return element.find(f"{{{XLIFF_NAMESPACE}}}{name}")


def _add(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{XLIFF_NAMESPACE}}}{name}")
    if text is not None:
        child.text = text
    return child
