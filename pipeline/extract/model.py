"""Typed facts of the structured extract, each tied to the words it rests on.

Every fact carries an `Evidence` naming its segment, page and source words
(and the English, where the segment was translated), so a reviewer can check
it against the request.  `RequestExtract.to_json` gives the fields of
extract.json that this stage owns, in the shape of the shared schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: the segment, its page, the source words, their English."""

    segment: str
    page: int
    source: str
    english: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "segment": self.segment,
            "page": self.page,
            "source": self.source,
            "english": self.english,
        }


@dataclass(frozen=True)
class State:
    name: str
    iso3166: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "iso3166": self.iso3166, "evidence": self.evidence.to_json()}


@dataclass(frozen=True)
class Authority:
    name: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "evidence": self.evidence.to_json()}


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "evidence": self.evidence.to_json()}


@dataclass(frozen=True)
class Organisation:
    name: str
    role: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "evidence": self.evidence.to_json()}


@dataclass
class Parties:
    requesting_state: State | None = None
    requested_state: State | None = None
    requesting_authority: Authority | None = None
    persons: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "requesting_state": _or_none(self.requesting_state),
            "requested_state": _or_none(self.requested_state),
            "requesting_authority": _or_none(self.requesting_authority),
            "persons": [person.to_json() for person in self.persons],
            "organisations": [organisation.to_json() for organisation in self.organisations],
        }


@dataclass(frozen=True)
class Assistance:
    category: str
    description: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "description": self.description,
            "evidence": self.evidence.to_json(),
        }


@dataclass(frozen=True)
class Deadline:
    """An absolute date or, when none is given, a relative time limit in English."""

    date: date | None
    relative: str | None
    kind: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "relative": self.relative,
            "kind": self.kind,
            "evidence": self.evidence.to_json(),
        }


@dataclass(frozen=True)
class Offence:
    name: str
    provision: str | None
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "provision": self.provision, "evidence": self.evidence.to_json()}


@dataclass(frozen=True)
class LegalBasis:
    instrument: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"instrument": self.instrument, "evidence": self.evidence.to_json()}


@dataclass(frozen=True)
class Reference:
    value: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "evidence": self.evidence.to_json()}


@dataclass(frozen=True)
class ChecklistItem:
    """One requirement of ASEAN MLAT Art. 6(1) or of the extradition checklist."""

    item: str
    label: str
    present: bool
    evidence: Evidence | None

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "label": self.label,
            "present": self.present,
            "evidence": _or_none(self.evidence),
        }


@dataclass
class RequestExtract:
    """What the extract stage found; `warnings` go to extract.json's processing warnings."""

    request_type: str = "unknown"
    urgent: bool = False
    urgent_evidence: Evidence | None = None
    parties: Parties = field(default_factory=Parties)
    assistance_sought: list[Assistance] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    offences: list[Offence] = field(default_factory=list)
    legal_basis: list[LegalBasis] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    completeness: list[ChecklistItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The schema fields this stage fills, from request_type to completeness."""
        return {
            "request_type": self.request_type,
            "urgent": self.urgent,
            "parties": self.parties.to_json(),
            "assistance_sought": [fact.to_json() for fact in self.assistance_sought],
            "deadlines": [fact.to_json() for fact in self.deadlines],
            "offences": [fact.to_json() for fact in self.offences],
            "legal_basis": [fact.to_json() for fact in self.legal_basis],
            "references": [fact.to_json() for fact in self.references],
            "completeness": [fact.to_json() for fact in self.completeness],
        }


def _or_none(fact: Any) -> dict[str, Any] | None:
    return fact.to_json() if fact is not None else None
