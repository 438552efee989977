"""rfi.txt: a draft letter asking the requesting Central Authority for what is missing.

The letter lists the checklist items (ASEAN MLAT Art. 6(1), or the
extradition checklist) that the extract marks absent, in the checklist's own
words, and cites the request's reference and date so the reply can be matched
to it.  Whatever the extract could not find is left as a bracketed blank for
the officer to fill in, never guessed.  No letter is drafted when nothing is
missing.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from typing import Any

from pipeline.review.card import EXTRADITION_CHECKLIST, Card, ChecklistEntry, build_card

WIDTH = 78
ASEAN_MLAT = "the ASEAN Treaty on Mutual Legal Assistance in Criminal Matters (2004)"


def draft_rfi(extract: dict[str, Any], processing_date: date | None = None) -> str | None:
    """The letter for an extract, or None when no checklist item is missing."""
    card = build_card(extract, processing_date)
    if not card.gaps:
        return None
    return render_letter(card, cites_asean_mlat=_cites_asean_mlat(extract))


def render_letter(card: Card, *, cites_asean_mlat: bool) -> str:
    extradition = card.checklist_name == EXTRADITION_CHECKLIST
    requesting_state = _text(card.requesting_state.text) if card.requesting_state else None
    requested_state = _text(card.requested_state.text) if card.requested_state else None
    addressee = (
        _text(card.requesting_authority.text)
        if card.requesting_authority
        else f"The Central Authority of {requesting_state or '[requesting State]'}"
    )
    reference = "; ".join(_text(fact.text) for fact in card.references) or "[your reference]"
    dated = card.request_date.text if card.request_date else "[date of your request]"
    kind = "extradition" if extradition else "mutual legal assistance in criminal matters"
    sender = f"Central Authority of {requested_state or '[requested State]'}"

    lines = [
        "DRAFT: prepared from the intake review; check every statement before sending.",
        "",
        sender,
        "[address]",
        "",
        "[date]",
        "",
        addressee,
        *([requesting_state] if requesting_state and card.requesting_authority else []),
        "",
        f"Your reference: {reference}",
        "Our reference: [our reference]",
        "",
        *_wrap(
            f"Subject: Your request for {kind}, reference {reference}, dated {dated}: "
            "further information required"
        ),
        "",
        "Dear Sir or Madam,",
        "",
        *_wrap(
            f"We acknowledge receipt of your request for {kind}, reference {reference}, "
            f"dated {dated}{_concerning(card)}."
        ),
        "",
        *_wrap(_why(extradition, cites_asean_mlat)),
        "",
    ]
    for entry in card.gaps:
        lines += _item(entry)
    lines.append("")
    deadline = next((fact for fact in card.deadlines if fact.detail), None)
    if deadline:
        lines += _wrap(
            f"We note that your request asks for a response by {deadline.text}. "
            "We will be able to proceed with the request once we receive this information."
        )
        lines.append("")
    urgency = " as a matter of urgency" if card.urgent else " at your earliest convenience"
    lines += _wrap(
        f"We would be grateful if you could provide this information{urgency}, "
        "quoting our reference above."
    )
    lines += ["", "Yours faithfully,", "", "", "[name]", "[title]", sender, ""]
    return "\n".join(lines)


def _why(extradition: bool, cites_asean_mlat: bool) -> str:
    if extradition:
        return (
            "Before the request can be considered, we need the following information and "
            "documents, which an extradition request must contain and which we could not "
            "find in the request as received:"
        )
    if cites_asean_mlat:
        return (
            f"Before the request can be executed, we need the following information, which "
            f"Article 6(1) of {ASEAN_MLAT}, on which your request relies, requires a request "
            "to contain, and which we could not find in the request as received:"
        )
    return (
        "Before the request can be executed, we need the following information, which a "
        f"request should contain (Article 6(1) of {ASEAN_MLAT}), and which we could not find "
        "in the request as received:"
    )


def _item(entry: ChecklistEntry) -> list[str]:
    label = _text(entry.label).rstrip(".;")
    return textwrap.wrap(
        f"{entry.marker} {label};",
        WIDTH,
        initial_indent="  ",
        subsequent_indent="  " + " " * (len(entry.marker) + 1),
    )


def _concerning(card: Card) -> str:
    names = [_sentence_case(_text(fact.text)) for fact in card.offences]
    if not names:
        return ""
    return ", concerning " + (
        names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    )


def _sentence_case(name: str) -> str:
    """``Money laundering`` reads ``money laundering`` mid-sentence; ``UNTOC offence`` stays."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def _cites_asean_mlat(extract: dict[str, Any]) -> bool:
    return any(item["instrument"] == "asean_mlat" for item in extract.get("legal_basis", []))


def _wrap(paragraph: str) -> list[str]:
    return textwrap.wrap(paragraph, WIDTH)


def _text(value: str) -> str:
    """Request text on one line: a name spread over lines must not break the letter's layout."""
    return re.sub(r"\s+", " ", "".join(c if c.isprintable() else " " for c in value)).strip()
