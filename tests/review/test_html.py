"""review.html without a browser: content, evidence links, escaping, self-containment."""

from __future__ import annotations

from datetime import date
from typing import Any

import lxml.html
import pytest

from pipeline.review.html import render_review_html
from pipeline.review.rfi import draft_rfi


def render(extract: dict[str, Any], when: date) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_review_html(extract, when, rfi=draft_rfi(extract, when)))


def select(element: lxml.html.HtmlElement, tag: str, css_class: str | None = None) -> list:
    """Descendants `tag` (with `css_class`, if given): a tiny stand-in for CSS selectors."""
    if css_class is None:
        return element.xpath(f".//{tag}")
    return element.xpath(
        f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]"
    )


def text(page: lxml.html.HtmlElement, element_id: str) -> str:
    return " ".join(page.get_element_by_id(element_id).text_content().split())


def test_summary_card_content(extract_with_gaps: dict[str, Any], processing_date: date) -> None:
    page = render(extract_with_gaps, processing_date)
    assert text(page, "request-type") == "Mutual legal assistance request"
    assert text(page, "urgent") == "URGENT"
    route = text(page, "route")
    assert route.startswith("Thailand") and route.index("→") < route.index("Myanmar")
    assert text(page, "requesting-authority").startswith("Office of the Attorney General")
    assert "OAG 0017/2568" in text(page, "references")
    assert "dated 15 Jan 2025" in text(page, "references")
    deadlines = [
        " ".join(li.text_content().split()) for li in page.get_element_by_id("deadlines").iter("li")
    ]
    assert deadlines[0].startswith("response: 28 Feb 2025") and "(4 days left)" in deadlines[0]
    assert deadlines[1].startswith("trial: 10 Apr 2025") and "(45 days left)" in deadlines[1]
    assert deadlines[2].startswith("response: within 30 days of receipt")
    assert "Take the statement of witness Aung San Win" in text(page, "assistance")
    assert "Money laundering" in text(page, "offences")
    assert "Anti-Money Laundering Act B.E. 2542 (1999), s. 5" in text(page, "offences")
    assert "ASEAN Treaty on Mutual Legal Assistance" in text(page, "legal-basis")


def test_completeness_gaps_are_highlighted(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    page = render(extract_with_gaps, processing_date)
    completeness = page.get_element_by_id("completeness")
    assert "6 of 11 items of the ASEAN MLAT Art. 6(1) missing" in completeness.text_content()
    gaps = [li.get("data-item") for li in select(completeness, "li", "gap")]
    assert gaps == ["c", "d", "f", "h", "j", "k"]
    assert len(select(completeness, "li", "present")) == 5


def test_every_fact_links_to_an_existing_segment(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    page = render(extract_with_gaps, processing_date)
    links = select(page.get_element_by_id("summary"), "a", "fact")
    # states 2, authority, date, reference, urgent, 3 deadlines, 2 assistance, offence,
    # legal basis, person, organisation, 5 checklist items present
    assert len(links) == 20
    for link in links:
        segment = link.get("data-segment")
        assert link.get("href") == f"#seg-{segment}"
        row = page.get_element_by_id(f"seg-{segment}")
        assert "segment" in row.get("class").split()


def test_segments_side_by_side_with_terms_flags_and_page_breaks(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    page = render(extract_with_gaps, processing_date)
    assert [row.text_content().split()[:2] for row in select(page, "tr", "page-break")] == [
        ["Page", "1text"],
        ["Page", "2OCR,"],
    ]
    row = page.get_element_by_id("seg-p2-s1")
    source, english = select(row, "td", "src")[0], select(row, "td", "en")[0]
    assert source.get("lang") == "th"
    term = select(source, "mark", "term")[0]
    assert (term.text, term.get("title")) == ("ฟอกเงิน", "money laundering")
    assert select(english, "mark", "term")[0].get("title") == "ฟอกเงิน"
    assert "low-ocr" in row.get("class") and "flagged" in row.get("class")
    flags = [flag.text_content() for flag in select(row, "span", "flag")]
    assert flags == ["OCR 58%", "English length unusual: check for omissions"]
    text_layer_row = page.get_element_by_id("seg-p1-s2")
    assert "low-ocr" not in text_layer_row.get("class")


def test_status_line_names_model_glossaries_and_machine_draft(
    extract_with_gaps: dict[str, Any], processing_date: date
) -> None:
    status = " ".join(
        render(extract_with_gaps, processing_date)
        .get_element_by_id("status")
        .text_content()
        .split()
    )
    assert status.startswith("Machine draft.")
    assert "Translation model: translate-th_en-1_9" in status
    assert "Glossaries: th-en.csv (bundled) + office-th-en.csv" in status


def test_status_line_without_model(complete_extract: dict[str, Any], processing_date: date) -> None:
    page = render(complete_extract, processing_date)
    status = " ".join(page.get_element_by_id("status").text_content().split())
    assert "Translation model: none" in status and "Glossaries: km-en.csv (bundled)" in status
    row = page.get_element_by_id("seg-p1-s1")
    assert "Ministry of Justice" in select(row, "td", "en")[0].text_content()


def test_letter_shown_only_when_something_is_missing(
    extract_with_gaps: dict[str, Any], complete_extract: dict[str, Any], processing_date: date
) -> None:
    assert "(c) a description of the nature" in text(
        render(extract_with_gaps, processing_date), "rfi"
    )
    with pytest.raises(KeyError):
        render(complete_extract, processing_date).get_element_by_id("rfi")


HOSTILE = '<script>alert(1)</script><img src="http://evil.example/x.png" onerror="alert(2)">'


def test_request_text_is_escaped(extract_with_gaps: dict[str, Any], processing_date: date) -> None:
    extract_with_gaps["segments"][0]["source"] = "ที่ " + HOSTILE
    extract_with_gaps["segments"][0]["english"] = HOSTILE
    extract_with_gaps["segments"][0]["glossary_terms"] = [
        {"source": "<script>", "english": '"><b>'}
    ]
    extract_with_gaps["parties"]["requesting_authority"]["name"] = HOSTILE
    extract_with_gaps["references"][0]["value"] = '" onmouseover="alert(3)'
    html = render_review_html(extract_with_gaps, processing_date)
    page = lxml.html.fromstring(html)
    assert len(select(page, "script")) == 1  # only the page's own
    assert select(page, "img") == []
    assert not any(name.startswith("on") for element in page.iter() for name in element.attrib)
    assert HOSTILE in page.get_element_by_id("seg-p1-s1").text_content()


def test_page_is_self_contained(extract_with_gaps: dict[str, Any], processing_date: date) -> None:
    page = render(extract_with_gaps, processing_date)
    for element in page.iter():
        for name in ("src", "href", "action", "data"):
            value = element.get(name)
            assert value is None or value.startswith("#"), (element.tag, name, value)
    assert select(page, "link") == []
    policy = page.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    assert policy.startswith("default-src 'none'")
    assert "'unsafe-inline'" not in policy
