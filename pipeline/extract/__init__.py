"""The structured-extract stage: what a request asks, of whom, by when, under what.

`extract_request` reads a translated (or English, or untranslated) document
and returns a `RequestExtract` whose every fact carries its evidence.  One
module per field family: `states`, `parties` (with `persons` and
`organisations`), `assistance`, `deadlines`, `offences`, `legal_basis`,
`references`, `request_type`, `completeness`; `context` pairs each segment
with its English and glossary terms, `sections` finds the letter's headed
sections, `nlp` holds the spaCy model.
"""

from __future__ import annotations

from pipeline.document import Document
from pipeline.extract.assistance import find_assistance
from pipeline.extract.completeness import assess
from pipeline.extract.context import ExtractContext, build_context
from pipeline.extract.deadlines import find_deadlines
from pipeline.extract.legal_basis import find_legal_basis
from pipeline.extract.model import RequestExtract
from pipeline.extract.nlp import Entity, entities
from pipeline.extract.offences import find_offences
from pipeline.extract.parties import find_parties
from pipeline.extract.references import find_references
from pipeline.extract.request_type import request_type, urgency
from pipeline.glossary import Glossary

__all__ = ["RequestExtract", "extract_request"]


def extract_request(document: Document, glossary: Glossary | None) -> RequestExtract:
    """The structured extract of one request.

    `glossary` is the glossary of the document's language (None for English
    or a language without one); its kinds and categories let the source be
    read where there is no translation.  The spaCy model is loaded only
    when some segment has English to read.
    """
    context = build_context(document, glossary)
    assistance = find_assistance(context)
    parties = find_parties(context, _entities(context))
    requesting = parties.requesting_state.iso3166 if parties.requesting_state else None
    extract = RequestExtract(
        request_type=request_type(context, assistance),
        parties=parties,
        assistance_sought=assistance,
        deadlines=find_deadlines(context),
        offences=find_offences(context),
        legal_basis=find_legal_basis(context, requesting),
        references=find_references(context),
    )
    extract.urgent_evidence = urgency(context)
    extract.urgent = extract.urgent_evidence is not None
    extract.completeness = assess(context, extract)
    extract.warnings = list(context.warnings)
    return extract


def _entities(context: ExtractContext) -> dict[int, list[Entity]]:
    units = context.english_units
    if not units:
        return {}
    found = entities([unit.english or "" for unit in units])
    return {unit.index: unit_entities for unit, unit_entities in zip(units, found, strict=True)}
