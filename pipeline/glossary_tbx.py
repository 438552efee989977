"""TBX export and import of glossaries, so translators can use them in CAT tools.

Each entry becomes one ``termEntry`` with a source-language and an English
``langSet`` (written through translate-toolkit's TBX store).  The columns
TBX has no element for travel as concept-level ``<descrip type="kind">``,
``<descrip type="category">`` and ``<descrip type="source_ref">``, and the
note as ``<note>``; an empty column is left out and reads back as empty.
Those elements are added with lxml because translate-toolkit only writes
untyped notes and strips their whitespace; it reads them back typed.

Import applies the CSV rules (`pipeline.glossary.validate_rows`), with each
``termEntry``'s line standing in for the CSV line in error messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree
from translate.misc.xml_helpers import XML_NS, safely_set_text
from translate.storage import tbx

from pipeline.exceptions import DataError, UsageError
from pipeline.glossary import (
    HEADER,
    Entry,
    check_glossary_language,
    raise_problems,
    validate_rows,
)

DESCRIP_COLUMNS = ("kind", "category", "source_ref")


def export_tbx(entries: Iterable[Entry], lang: str) -> bytes:
    """A TBX document holding every column of `entries` (source language `lang`)."""
    store = tbx.tbxfile(sourcelanguage=lang, targetlanguage="en")
    for entry in entries:
        unit = store.addsourceunit(entry.source)
        unit.settarget(entry.english)
        for column in DESCRIP_COLUMNS:
            if value := getattr(entry, column):
                node = etree.SubElement(unit.xmlelement, unit.namespaced("descrip"))
                node.set("type", column)
                safely_set_text(node, value)
        if entry.note:
            safely_set_text(etree.SubElement(unit.xmlelement, unit.namespaced("note")), entry.note)
    return bytes(store)


def import_tbx(path: Path, lang: str | None = None) -> list[Entry]:
    """The entries of a TBX file, checked as a glossary CSV would be.

    The source language is `lang`, else the language the document declares
    (``<martif xml:lang>``).  Raises a `DataError` for a file that is not TBX
    or breaks the glossary rules.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataError(f"cannot read: {error.strerror}", path) from error
    try:
        store = tbx.tbxfile.parsestring(data)
    except (etree.XMLSyntaxError, AssertionError) as error:
        raise DataError(f"not a TBX file: {error}", path) from error
    declared = store.document.getroot().get(f"{{{XML_NS}}}lang", "")
    if not (lang or declared):
        raise UsageError(
            "the TBX file does not declare its source language; pass it (--lang)", path
        )
    lang = check_glossary_language(lang or declared.split("-")[0])
    store.setsourcelanguage(lang)
    store.settargetlanguage("en")
    if not store.units:
        raise DataError("no term entries (termEntry) in the file", path)
    rows: list[tuple[int, list[str]]] = [(1, list(HEADER))]
    for unit in store.units:
        notes = unit.get_common_notes(source=True)
        descrips = {note.category: note.text for note in notes if note.origin == "definition"}
        fields = {
            "source": unit.source or "",
            "english": unit.target or "",
            "note": "\n".join(note.text for note in notes if note.origin is None),
            **{column: descrips.get(column, "") for column in DESCRIP_COLUMNS},
        }
        rows.append((unit.xmlelement.sourceline, [fields[column] for column in HEADER]))
    entries, problems = validate_rows(rows, str(path), lang)
    raise_problems(problems)
    return entries
