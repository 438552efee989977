"""review.html: the summary card and the document side by side, in one offline file.

Request text is untrusted (a request can contain anything, and OCR adds
noise), so the page is rendered with Jinja2 with autoescaping on: every value
is escaped unless it is built here from escaped pieces (`mark_terms`).  A
template engine is worth its dependency here because it makes escaping the
default rather than something each line must remember.  The page carries
its CSS and JavaScript inline and a Content-Security-Policy that allows only
those two blocks (by hash) and nothing from the network, so even a page
opened on a connected machine never fetches anything.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

import jinja2
from markupsafe import Markup, escape

from pipeline.languages import LANGUAGES
from pipeline.review.card import Card, Fact, build_card, format_date

# Tesseract word confidences: clean print reads at 85-95; below this, words are often wrong.
LOW_OCR_CONFIDENCE = 70
FLAG_LABELS = {
    "script_residue": "source script left in the English",
    "length_ratio": "English length unusual: check for omissions",
    "repetition": "repeated words in the English",
    "post-edited": "post-edited by translator",
}
STATUS_TITLES = {
    "machine": "Machine draft",
    "glossary_only": "Glossary terms only",
    "not_needed": "English source",
    "unavailable": "No English",
}


@dataclass(frozen=True)
class FlagView:
    text: str
    edited: bool = False


@dataclass(frozen=True)
class SegmentView:
    id: str
    language: str
    source: Markup
    english: Markup | None
    terms: list[tuple[str, str]]
    ocr_confidence: int | None
    low_ocr: bool
    flags: list[FlagView]
    evidence_for: list[str]

    @property
    def classes(self) -> str:
        names = ["segment"]
        if self.low_ocr:
            names.append("low-ocr")
        if self.flags:
            names.append("flagged")
        return " ".join(names)


@dataclass(frozen=True)
class PageView:
    number: int
    note: str
    segments: list[SegmentView]


def render_review_html(
    extract: dict[str, Any], processing_date: date | None = None, rfi: str | None = None
) -> str:
    """The review page for an extract; `rfi` is the letter to show, if one was written."""
    card = build_card(extract, processing_date)
    css = _asset("review.css")
    js = _asset("review.js")
    return _template().render(
        card=card,
        csp=content_security_policy(css, js),
        css=Markup(css),
        js=Markup(js),
        rfi=rfi,
        status_title=STATUS_TITLES.get(card.translation_status, "English"),
        model=extract["processing"]["translation"].get("model"),
        processing_date=format_date(card.processing_date),
        ocr_note=_ocr_note(extract),
        language_name=_language_name(extract["language"]["primary"]),
        low_ocr=LOW_OCR_CONFIDENCE,
        pages=page_views(extract, _evidence_index(card)),
    )


def content_security_policy(css: str, js: str) -> str:
    """Nothing from the network; only this page's own style and script blocks run."""
    return (
        "default-src 'none'; "
        f"style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "base-uri 'none'; form-action 'none'"
    )


def page_views(extract: dict[str, Any], evidence_for: dict[str, list[str]]) -> list[PageView]:
    """Every page with its segments in order, including pages without text."""
    by_page: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for segment in extract["segments"]:
        by_page[segment["page"]].append(segment)
    ocr_pages = set(extract["processing"].get("ocr_pages", []))
    last_page = max([extract["source"]["pages"], *by_page], default=0)
    return [
        PageView(
            number=number,
            note=_page_note(number in ocr_pages, by_page[number]),
            segments=[_segment_view(segment, evidence_for) for segment in by_page[number]],
        )
        for number in range(1, last_page + 1)
    ]


def mark_terms(text: str, terms: list[tuple[str, str]], *, ignore_case: bool = False) -> Markup:
    """`text` escaped, with each occurrence of a term's first element wrapped in a
    `<mark class="term">` that shows the second element on hover.

    Longer terms win over shorter ones they overlap.  With `ignore_case`
    (for English) a term matches only as whole words.
    """
    spans: list[tuple[int, int, str]] = []
    for needle, gloss in sorted(terms, key=lambda term: -len(term[0])):
        if not needle.strip():
            continue
        for start, end in _occurrences(text, needle, ignore_case):
            if all(end <= taken_start or start >= taken_end for taken_start, taken_end, _ in spans):
                spans.append((start, end, gloss))
    pieces: list[str] = []
    position = 0
    for start, end, gloss in sorted(spans):
        pieces.append(escape(text[position:start]))
        pieces.append(
            Markup('<mark class="term" tabindex="0" data-gloss="{}" title="{}">{}</mark>').format(
                gloss, gloss, text[start:end]
            )
        )
        position = end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


def _segment_view(segment: dict[str, Any], evidence_for: dict[str, list[str]]) -> SegmentView:
    terms = list(
        dict.fromkeys(
            (term["source"], term["english"]) for term in segment.get("glossary_terms", [])
        )
    )
    english = segment.get("english")
    confidence = segment.get("ocr_confidence")
    return SegmentView(
        id=segment["id"],
        language=segment.get("language") or "und",
        source=mark_terms(segment["source"], terms),
        english=None
        if english is None
        else mark_terms(english, [(en, source) for source, en in terms], ignore_case=True),
        terms=terms,
        ocr_confidence=round(confidence) if confidence is not None else None,
        low_ocr=confidence is not None and confidence < LOW_OCR_CONFIDENCE,
        flags=[_flag_view(flag) for flag in segment.get("flags", [])],
        evidence_for=evidence_for.get(segment["id"], []),
    )


def flag_text(flag: str) -> str:
    """A segment flag as a reviewer reads it."""
    if flag.startswith("glossary_miss:"):
        return "glossary term missing from the English:" + flag.split(":", 1)[1]
    return FLAG_LABELS.get(flag, flag)


def _flag_view(flag: str) -> FlagView:
    return FlagView(flag_text(flag), edited=flag == "post-edited")


def _evidence_index(card: Card) -> dict[str, list[str]]:
    """Segment id → the names of the summary facts that rest on it."""
    named: list[tuple[str, Fact | None]] = [
        ("Requesting State", card.requesting_state),
        ("Requested State", card.requested_state),
        ("Requesting authority", card.requesting_authority),
        ("Date of the request", card.request_date),
        *(("Reference", fact) for fact in card.references),
        *(("Deadline", fact) for fact in card.deadlines),
        *(("Assistance sought", fact) for fact in card.assistance),
        *(("Offence", fact) for fact in card.offences),
        *(("Legal basis", fact) for fact in card.legal_basis),
        *(("Person", fact) for fact in card.persons),
        *(("Organisation", fact) for fact in card.organisations),
    ]
    index: dict[str, list[str]] = defaultdict(list)
    for name, fact in named:
        if (
            fact is not None
            and fact.evidence is not None
            and name not in index[fact.evidence.segment]
        ):
            index[fact.evidence.segment].append(name)
    if card.urgent and card.urgent_evidence:
        index[card.urgent_evidence.segment].append("Urgent")
    for entry in card.checklist:
        if entry.present and entry.evidence:
            index[entry.evidence.segment].append(f"checklist {entry.marker}")
    return index


def _page_note(from_ocr: bool, segments: list[dict[str, Any]]) -> str:
    if not from_ocr:
        return "text layer"
    confidences = [s["ocr_confidence"] for s in segments if s.get("ocr_confidence") is not None]
    if not confidences:
        return "OCR"
    return f"OCR, confidence {round(sum(confidences) / len(confidences))}%"


def _ocr_note(extract: dict[str, Any]) -> str:
    processing = extract["processing"]
    pages = processing.get("ocr_pages", [])
    if not pages:
        return ""
    mean = processing.get("ocr_mean_confidence")
    confidence = f", mean confidence {round(mean)}%" if mean is not None else ""
    return f"{len(pages)} of {extract['source']['pages']} page(s) read by OCR{confidence}"


def _language_name(code: str) -> str:
    language = LANGUAGES.get(code)
    return language.name if language else code


def _occurrences(text: str, needle: str, ignore_case: bool) -> list[tuple[int, int]]:
    if ignore_case:
        pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", re.IGNORECASE)
        return [match.span() for match in pattern.finditer(text)]
    found = []
    start = text.find(needle)
    while start != -1:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return found


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _asset(name: str) -> str:
    return files("pipeline.review").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.review", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    return environment.get_template("review.html.j2")
