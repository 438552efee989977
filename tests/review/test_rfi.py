"""rfi.txt: the draft letter asking for the missing checklist items."""

from __future__ import annotations

from datetime import date
from typing import Any

from pipeline.review.rfi import draft_rfi


def paragraphs(letter: str) -> str:
    """The letter with line wrapping undone, to search for phrases."""
    return " ".join(letter.split())


def test_letter_lists_missing_items_and_cites_the_request(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    letter = draft_rfi(extract_with_gaps, processing_date)
    assert letter is not None
    flat = paragraphs(letter)
    assert "Your reference: OAG 0017/2568" in letter
    assert "reference OAG 0017/2568, dated 15 Jan 2025" in flat
    assert "concerning money laundering" in flat
    assert (
        "Article 6(1) of the ASEAN Treaty on Mutual Legal Assistance in Criminal Matters (2004), on which your request relies"
        in flat
    )
    items = [line.strip()[:3] for line in letter.splitlines() if line.startswith("  (")]
    assert items == ["(c)", "(d)", "(f)", "(h)", "(j)", "(k)"]
    assert "(j) any special requirements for confidentiality and the reasons for them;" in flat
    present = ["(a)", "(b)", "(e)", "(g)", "(i)"]
    assert not any(
        line.strip().startswith(present_item)
        for line in letter.splitlines()
        for present_item in present
    )
    assert letter.splitlines()[2] == "Central Authority of Myanmar"
    assert "Office of the Attorney General\nThailand" in letter
    assert "as a matter of urgency" in flat
    assert "asks for a response by 28 Feb 2025" in flat
    assert max(len(line) for line in letter.splitlines()) <= 78


def test_no_letter_when_nothing_is_missing(complete_extract: dict[str, Any]) -> None:
    assert draft_rfi(complete_extract) is None


def test_no_letter_when_completeness_was_not_assessed(extract_with_gaps: dict[str, Any]) -> None:
    extract_with_gaps["completeness"] = []
    assert draft_rfi(extract_with_gaps) is None


def test_missing_facts_are_left_as_blanks(extract_with_gaps: dict[str, Any]) -> None:
    del extract_with_gaps["request_date"]
    extract_with_gaps["references"] = []
    extract_with_gaps["parties"]["requesting_authority"] = None
    extract_with_gaps["parties"]["requested_state"] = None
    extract_with_gaps["legal_basis"] = []
    flat = paragraphs(draft_rfi(extract_with_gaps) or "")
    assert "reference [your reference], dated [date of your request]" in flat
    assert "The Central Authority of Thailand" in flat
    assert "Central Authority of [requested State]" in flat
    assert "which a request should contain (Article 6(1) of the ASEAN Treaty" in flat


def test_extradition_letter(extract_with_gaps: dict[str, Any]) -> None:
    extract_with_gaps["request_type"] = "extradition"
    extract_with_gaps["completeness"] = [
        {"item": f"x{n}", "label": "", "present": n not in (4, 5), "evidence": None}
        for n in range(1, 7)
    ]
    letter = draft_rfi(extract_with_gaps)
    assert letter is not None
    flat = paragraphs(letter)
    assert "Your request for extradition, reference OAG 0017/2568" in flat
    assert "which an extradition request must contain" in flat
    assert (
        "x4 the warrant of arrest, or the judgment/conviction and sentence, or a certified copy;"
        in flat
    )
    assert "x5 the law on limitation of prosecution or punishment;" in flat
    assert "x1 " not in flat and "Article 6(1)" not in flat


def test_request_text_stays_on_one_line(extract_with_gaps: dict[str, Any]) -> None:
    extract_with_gaps["references"][0]["value"] = "OAG\n0017/2568\x0c"
    letter = draft_rfi(extract_with_gaps) or ""
    assert "Your reference: OAG 0017/2568\n" in letter
