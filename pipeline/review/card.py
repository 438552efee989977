"""The summary card: the facts an intake officer needs first, each with its evidence.

`build_card` reads an extract.json object and a processing date and returns
plain data (English labels, deadlines soonest first with days remaining, the
checklist gaps) that the HTML page, summary.md and the letter render in their
own way, so the three never disagree.

Two optional top-level keys are read when the extraction stage provides
them (the schema allows extra properties): ``urgent_evidence`` (an evidence
object for the urgency marking) and ``request_date`` (``{"date", "evidence"}``,
the date of the request's letter, which the letter cites).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

REQUEST_TYPES = {
    "mla": "Mutual legal assistance request",
    "extradition": "Extradition request",
    "other": "Other request",
    "unknown": "Request (type not determined)",
}
ASSISTANCE = {
    "taking_evidence": "Taking evidence or statements",
    "arranging_testimony": "Arranging for persons to give evidence or assist",
    "service_of_documents": "Service of judicial documents",
    "search_and_seizure": "Search and seizure",
    "examining_objects_and_sites": "Examining objects and sites",
    "providing_documents_records": "Providing documents, records and evidence",
    "tracing_proceeds": "Identifying or tracing proceeds and instrumentalities",
    "freezing_restraint": "Restraining or freezing property",
    "confiscation_recovery": "Recovery, forfeiture or confiscation",
    "locating_persons": "Locating and identifying persons",
    "preservation_of_data": "Expedited preservation of stored computer data",
    "disclosure_of_electronic_data": "Disclosure of subscriber, traffic or content data",
    "provisional_arrest": "Provisional arrest",
    "surrender": "Surrender of the person sought",
    "other": "Other assistance",
}
INSTRUMENTS = {
    "asean_mlat": "ASEAN Treaty on Mutual Legal Assistance in Criminal Matters (2004)",
    "untoc": "UN Convention against Transnational Organized Crime (2000)",
    "uncac": "UN Convention against Corruption (2003)",
    "un_drug_convention_1988": "UN Convention against Illicit Traffic in Narcotic Drugs (1988)",
    "budapest_convention": "Budapest Convention on Cybercrime (2001)",
    "bilateral_treaty": "Bilateral treaty",
    "reciprocity": "Reciprocity",
    "domestic_law": "Domestic law",
    "other": "Other basis",
}
DEADLINE_KINDS = {
    "response": "response",
    "hearing": "hearing",
    "trial": "trial",
    "preservation_expiry": "preservation expires",
    "limitation": "limitation period ends",
    "other": "other",
}
ROLES = {
    "suspect": "suspect",
    "accused": "accused",
    "witness": "witness",
    "victim": "victim",
    "person_sought": "person sought",
    "officer": "officer",
    "bank": "bank",
    "service_provider": "service provider",
    "company": "company",
    "authority": "authority",
    "other": "other",
}
# Labels from shared/reference/checklists.md, used when an extract gives none.
CHECKLIST_LABELS = {
    "a": "the name of the requesting office and of the competent authority conducting the "
    "investigation or criminal proceedings to which the request relates",
    "b": "the purpose of the request and the nature of the assistance sought",
    "c": "a description of the nature of the criminal matter and its current status, and a "
    "summary of the relevant facts and laws",
    "d": "a description of the offence to which the request relates, including its maximum penalty",
    "e": "a description of the facts alleged to constitute the offence and a statement or text "
    "of the relevant laws",
    "f": "a description of the essential acts or omissions or matters alleged or sought to be "
    "ascertained",
    "g": "a description of the evidence, information or other assistance sought",
    "h": "the reasons for and details of any particular procedure or requirement that the "
    "requesting Party wishes to be followed",
    "i": "specification of any time limit within which compliance with the request is desired",
    "j": "any special requirements for confidentiality and the reasons for them",
    "k": "such other information or undertakings as the domestic law of the requested Party "
    "requires or as are otherwise necessary for the proper execution of the request",
    "x1": "identity and description of the person sought (name, nationality, date of birth, "
    "identifying particulars, photograph or fingerprints where available) and probable location",
    "x2": "the offence(s), with the text of the law creating them and the penalty",
    "x3": "a statement of the facts of the offence (time, place, conduct)",
    "x4": "the warrant of arrest, or the judgment/conviction and sentence, or a certified copy",
    "x5": "the law on limitation of prosecution or punishment",
    "x6": "whether provisional arrest is requested, and the urgency",
}
MLA_CHECKLIST = "ASEAN MLAT Art. 6(1)"
EXTRADITION_CHECKLIST = "extradition checklist"
# Deadlines this close (in days) are shown as needing attention.
NEAR_DEADLINE_DAYS = 7
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Evidence:
    """The segment a fact rests on, as extract.json records it."""

    segment: str
    page: int
    source: str
    english: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Evidence | None:
        if not data:
            return None
        return cls(
            segment=str(data["segment"]),
            page=int(data["page"]),
            source=str(data.get("source") or ""),
            english=data.get("english"),
        )


@dataclass(frozen=True)
class Fact:
    """One line of the card: `label` (a category), `text`, `detail`, and its evidence."""

    text: str
    evidence: Evidence | None
    label: str = ""
    detail: str = ""
    alert: bool = False


@dataclass(frozen=True)
class ChecklistEntry:
    item: str
    label: str
    present: bool
    evidence: Evidence | None

    @property
    def marker(self) -> str:
        """The item as treaties cite it: ``(c)`` for Art. 6(1)(c), ``x3`` for the extradition list."""
        return f"({self.item})" if len(self.item) == 1 else self.item


@dataclass(frozen=True)
class Card:
    """The summary card of one request."""

    file: str
    sha256: str
    request_type: str
    request_type_label: str
    urgent: bool
    urgent_evidence: Evidence | None
    requesting_state: Fact | None
    requested_state: Fact | None
    requesting_authority: Fact | None
    request_date: Fact | None
    references: list[Fact]
    deadlines: list[Fact]
    assistance: list[Fact]
    offences: list[Fact]
    legal_basis: list[Fact]
    persons: list[Fact]
    organisations: list[Fact]
    checklist_name: str
    checklist: list[ChecklistEntry]
    processing_date: date
    tool_version: str
    translation_status: str
    translation_note: str
    glossaries: str | None
    post_edited: int
    warnings: list[str] = field(default_factory=list)

    @property
    def gaps(self) -> list[ChecklistEntry]:
        return [entry for entry in self.checklist if not entry.present]


def build_card(extract: dict[str, Any], processing_date: date | None = None) -> Card:
    """The card for an extract; days remaining count from `processing_date`.

    Without `processing_date`, the extract's ``processing.processed_at`` is
    used, and failing that today's date.
    """
    processing = extract["processing"]
    when = processing_date or processed_on(extract) or date.today()
    parties = extract["parties"]
    checklist = [_checklist_entry(item) for item in extract.get("completeness", [])]
    translation = processing["translation"]
    segments = extract.get("segments", [])
    return Card(
        file=extract["source"]["file"],
        sha256=extract["source"]["sha256"],
        request_type=extract["request_type"],
        request_type_label=REQUEST_TYPES.get(extract["request_type"], extract["request_type"]),
        urgent=bool(extract["urgent"]),
        urgent_evidence=Evidence.from_json(extract.get("urgent_evidence")),
        requesting_state=_state(parties.get("requesting_state")),
        requested_state=_state(parties.get("requested_state")),
        requesting_authority=_named(parties.get("requesting_authority")),
        request_date=_request_date(extract.get("request_date")),
        references=[
            Fact(reference["value"], Evidence.from_json(reference["evidence"]))
            for reference in extract.get("references", [])
        ],
        deadlines=sort_deadlines(extract.get("deadlines", []), when),
        assistance=[
            Fact(
                item["description"] or ASSISTANCE.get(item["category"], item["category"]),
                Evidence.from_json(item["evidence"]),
                label=ASSISTANCE.get(item["category"], item["category"]),
            )
            for item in extract.get("assistance_sought", [])
        ],
        offences=[
            Fact(
                offence["name"],
                Evidence.from_json(offence["evidence"]),
                detail=offence.get("provision") or "",
            )
            for offence in extract.get("offences", [])
        ],
        legal_basis=_legal_basis(extract.get("legal_basis", [])),
        persons=[_party(person) for person in parties.get("persons", [])],
        organisations=[_party(organisation) for organisation in parties.get("organisations", [])],
        checklist_name=checklist_name(checklist, extract["request_type"]),
        checklist=checklist,
        processing_date=when,
        tool_version=processing.get("tool_version", ""),
        translation_status=translation["status"],
        translation_note=translation_note(translation),
        glossaries=translation.get("glossary"),
        post_edited=sum("post-edited" in segment.get("flags", []) for segment in segments),
        warnings=list(processing.get("warnings", [])),
    )


def processed_on(extract: dict[str, Any]) -> date | None:
    """``processing.processed_at`` as a date (it may be a date or a date-time)."""
    value = extract["processing"].get("processed_at")
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def sort_deadlines(deadlines: list[dict[str, Any]], today: date) -> list[Fact]:
    """Dated deadlines soonest first, then the relative ones in document order."""
    dated = []
    relative = []
    for position, deadline in enumerate(deadlines):
        kind = DEADLINE_KINDS.get(deadline["kind"], deadline["kind"])
        evidence = Evidence.from_json(deadline["evidence"])
        when = _date(deadline.get("date"))
        if when is None:
            text = deadline.get("relative") or "time limit (see evidence)"
            relative.append(Fact(text, evidence, label=kind))
            continue
        days = (when - today).days
        fact = Fact(
            format_date(when),
            evidence,
            label=kind,
            detail=days_remaining(days),
            alert=days <= NEAR_DEADLINE_DAYS,
        )
        dated.append((when, position, fact))
    return [fact for _, _, fact in sorted(dated, key=lambda item: item[:2])] + relative


def days_remaining(days: int) -> str:
    if days == 0:
        return "due today"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    return f"{days} day{'s' if days != 1 else ''} left"


def format_date(value: date) -> str:
    """``14 Mar 2025``: no locale, and no day/month order to misread."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def checklist_name(checklist: list[ChecklistEntry], request_type: str) -> str:
    extradition = request_type == "extradition" or any(
        entry.item.startswith("x") for entry in checklist
    )
    return EXTRADITION_CHECKLIST if extradition else MLA_CHECKLIST


def translation_note(translation: dict[str, Any]) -> str:
    """One sentence saying where the English came from, so nobody mistakes it for a translation."""
    status = translation["status"]
    model = translation.get("model")
    if status == "machine":
        return (
            f"The English is a machine draft by {model or 'an offline model'}, "
            "not a reviewed translation: check it against the source."
        )
    if status == "glossary_only":
        return (
            "No translation model is installed for this language: the English column "
            "shows only the glossary terms found; the rest needs a translator."
        )
    if status == "not_needed":
        return "The request is in English: no translation was needed."
    return "No English is available for this request: no translation model or glossary applied."


def _checklist_entry(item: dict[str, Any]) -> ChecklistEntry:
    ident = str(item["item"])
    return ChecklistEntry(
        item=ident,
        label=item.get("label") or CHECKLIST_LABELS.get(ident, ident),
        present=bool(item["present"]),
        evidence=Evidence.from_json(item.get("evidence")),
    )


def _state(state: dict[str, Any] | None) -> Fact | None:
    if not state:
        return None
    return Fact(state["name"], Evidence.from_json(state["evidence"]), detail=state["iso3166"])


def _named(item: dict[str, Any] | None) -> Fact | None:
    if not item:
        return None
    return Fact(item["name"], Evidence.from_json(item["evidence"]))


def _party(item: dict[str, Any]) -> Fact:
    return Fact(
        item["name"],
        Evidence.from_json(item["evidence"]),
        label=ROLES.get(item["role"], item["role"]),
    )


def _request_date(item: dict[str, Any] | None) -> Fact | None:
    when = _date(item.get("date")) if item else None
    if when is None:
        return None
    return Fact(format_date(when), Evidence.from_json(item.get("evidence")))


def _legal_basis(items: list[dict[str, Any]]) -> list[Fact]:
    """One line per instrument: a request often cites the same treaty several times."""
    facts: dict[str, Fact] = {}
    for item in items:
        instrument = item["instrument"]
        if instrument not in facts:
            facts[instrument] = Fact(
                INSTRUMENTS.get(instrument, instrument), Evidence.from_json(item["evidence"])
            )
    return list(facts.values())


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
