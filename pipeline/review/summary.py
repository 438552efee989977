"""summary.md: the summary card as Markdown, to paste into an email or a case system.

Each fact ends with its evidence in brackets (``[p2-s4]``: page 2, segment
4), which the reviewer can look up in review.html.  Request text is escaped
so that a name with an asterisk or a bracket does not turn into formatting,
and kept on one line so it cannot start a heading or a list.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pipeline.review.card import Card, Fact, build_card, format_date

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([#+=-])")


def render_summary(extract: dict[str, Any], processing_date: date | None = None) -> str:
    card = build_card(extract, processing_date)
    title = card.request_type_label + (" (URGENT)" if card.urgent else "")
    lines = [
        f"# {title}: {md(card.file)}",
        "",
        f"- **Requesting → requested State:** {_state(card.requesting_state)} → "
        f"{_state(card.requested_state)}",
        f"- **Requesting authority:** {_fact(card.requesting_authority) or '_not found_'}",
        f"- **Reference:** {_references(card)}",
        f"- **Urgent:** {'yes' + _ref(card.urgent_evidence) if card.urgent else 'no'}",
        f"- **Processed:** {format_date(card.processing_date)} by mla {md(card.tool_version)}",
        f"- **English:** {md(card.translation_note)} Glossaries: {md(card.glossaries or 'none')}.",
        "",
        f"## Deadlines (soonest first, days from {format_date(card.processing_date)})",
        "",
        *_items(card.deadlines, "no deadline found", alert="**"),
        "",
        "## Assistance sought",
        "",
        *_items(card.assistance, "none found"),
        "",
        "## Offences",
        "",
        *_items(card.offences, "none found"),
        "",
        "## Legal basis",
        "",
        *_items(card.legal_basis, "none found"),
        "",
        *_parties(card),
        *_completeness(card),
    ]
    if card.warnings:
        lines += [
            "## Processing warnings",
            "",
            *(f"- {md(warning)}" for warning in card.warnings),
            "",
        ]
    return "\n".join(lines)


def md(text: str) -> str:
    """Request text as literal Markdown on one line."""
    return _INLINE_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text).strip())


def md_line_start(text: str) -> str:
    """Like `md`, for text that starts a list item, where ``1.`` or ``#`` would be markup."""
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", md(text))


def _fact(fact: Fact | None, alert: str = "") -> str:
    if fact is None:
        return ""
    text = f"{md(fact.label)}: {md(fact.text)}" if fact.label else md_line_start(fact.text)
    if fact.detail:
        detail = f"({md(fact.detail)})"
        text += f" {alert}{detail}{alert}" if fact.alert and alert else f" {detail}"
    return text + _ref(fact.evidence)


def _ref(evidence: Any) -> str:
    return f" \\[{md(evidence.segment)}\\]" if evidence else ""


def _state(fact: Fact | None) -> str:
    return md(fact.text) + _ref(fact.evidence) if fact else "_not found_"


def _references(card: Card) -> str:
    text = "; ".join(md(fact.text) + _ref(fact.evidence) for fact in card.references)
    text = text or "_none found_"
    if card.request_date:
        text += f", dated {md(card.request_date.text)}{_ref(card.request_date.evidence)}"
    return text


def _items(facts: list[Fact], empty: str, alert: str = "") -> list[str]:
    return [f"- {_fact(fact, alert)}" for fact in facts] or [f"- _{empty}_"]


def _parties(card: Card) -> list[str]:
    if not (card.persons or card.organisations):
        return []
    return [
        "## Persons and organisations",
        "",
        *(f"- {_fact(fact)}" for fact in card.persons + card.organisations),
        "",
    ]


def _completeness(card: Card) -> list[str]:
    if not card.checklist:
        return ["## Completeness", "", "- _not assessed_", ""]
    gaps = card.gaps
    heading = (
        f"## Completeness ({card.checklist_name}): {len(gaps)} of {len(card.checklist)} "
        "items missing"
        if gaps
        else f"## Completeness ({card.checklist_name}): all {len(card.checklist)} items present"
    )
    lines = [heading, ""]
    lines += [f"- **Missing {md(entry.marker)}** {md(entry.label)}" for entry in gaps]
    present = [entry for entry in card.checklist if entry.present]
    if present:
        lines.append(
            "- Present: " + ", ".join(md(entry.marker) + _ref(entry.evidence) for entry in present)
        )
    return [*lines, ""]
