"""The summary card shared by review.html, summary.md and rfi.txt."""

from __future__ import annotations

from datetime import date
from typing import Any

import jsonschema
import pytest

from pipeline.review.card import build_card, days_remaining, format_date


def test_fixtures_are_schema_valid(
    extract_with_gaps: dict[str, Any],
    complete_extract: dict[str, Any],
    schema_validator: jsonschema.Draft202012Validator,
) -> None:
    schema_validator.validate(extract_with_gaps)
    schema_validator.validate(complete_extract)


def test_deadlines_soonest_first_with_days_left(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    card = build_card(extract_with_gaps, processing_date)
    assert [(fact.text, fact.label, fact.detail) for fact in card.deadlines] == [
        ("28 Feb 2025", "response", "4 days left"),
        ("10 Apr 2025", "trial", "45 days left"),
        ("within 30 days of receipt", "response", ""),
    ]
    assert [fact.alert for fact in card.deadlines] == [True, False, False]
    assert [fact.evidence.segment for fact in card.deadlines] == ["p2-s3", "p2-s4", "p2-s5"]


def test_processing_date_defaults_to_the_extracts(extract_with_gaps: dict[str, Any]) -> None:
    assert build_card(extract_with_gaps).processing_date == date(2025, 2, 24)
    later = build_card(extract_with_gaps, date(2025, 3, 2))
    assert later.deadlines[0].detail == "2 days overdue"


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (0, "due today"),
        (1, "1 day left"),
        (12, "12 days left"),
        (-1, "1 day overdue"),
        (-3, "3 days overdue"),
    ],
)
def test_days_remaining(days: int, text: str) -> None:
    assert days_remaining(days) == text


def test_format_date_is_unambiguous() -> None:
    assert format_date(date(2025, 3, 4)) == "4 Mar 2025"


def test_gaps_and_checklist(
    extract_with_gaps: dict[str, Any], complete_extract: dict[str, Any], processing_date: date
) -> None:
    card = build_card(extract_with_gaps, processing_date)
    assert card.checklist_name == "ASEAN MLAT Art. 6(1)"
    assert [entry.marker for entry in card.gaps] == ["(c)", "(d)", "(f)", "(h)", "(j)", "(k)"]
    assert build_card(complete_extract).gaps == []


def test_extradition_checklist_is_recognised(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    extract_with_gaps["request_type"] = "extradition"
    extract_with_gaps["completeness"] = [
        {"item": "x4", "label": "", "present": False, "evidence": None}
    ]
    card = build_card(extract_with_gaps, processing_date)
    assert card.checklist_name == "extradition checklist"
    assert card.gaps[0].marker == "x4"
    assert card.gaps[0].label.startswith("the warrant of arrest")


def test_translation_note_says_machine_draft(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    card = build_card(extract_with_gaps, processing_date)
    assert "machine draft by translate-th_en-1_9" in card.translation_note
    assert card.glossaries == "th-en.csv (bundled) + office-th-en.csv"


def test_empty_extract_fields_give_an_empty_card(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    extract_with_gaps.update(
        request_type="unknown",
        urgent=False,
        deadlines=[],
        offences=[],
        legal_basis=[],
        references=[],
        completeness=[],
        assistance_sought=[],
        parties={
            "requesting_state": None,
            "requested_state": None,
            "requesting_authority": None,
            "persons": [],
            "organisations": [],
        },
    )
    del extract_with_gaps["request_date"]
    card = build_card(extract_with_gaps, processing_date)
    assert card.requesting_state is None and card.request_date is None
    assert card.deadlines == [] and card.gaps == []
