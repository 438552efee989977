"""summary.md: the card as Markdown for email and case systems."""

from __future__ import annotations

from datetime import date
from typing import Any

from pipeline.review.summary import md, render_summary


def test_summary_lists_the_card(extract_with_gaps: dict[str, Any], processing_date: date) -> None:
    summary = render_summary(extract_with_gaps, processing_date)
    lines = summary.splitlines()
    assert lines[0] == "# Mutual legal assistance request (URGENT): th\\_th\\_to\\_mm\\_request.pdf"
    assert "- **Requesting → requested State:** Thailand \\[p1-s7\\] → Myanmar \\[p1-s6\\]" in lines
    assert "- **Reference:** OAG 0017/2568 \\[p1-s1\\], dated 15 Jan 2025 \\[p1-s4\\]" in lines
    deadlines = lines[lines.index("## Deadlines (soonest first, days from 24 Feb 2025)") + 2 :][:3]
    assert deadlines == [
        "- response: 28 Feb 2025 **(4 days left)** \\[p2-s3\\]",
        "- trial: 10 Apr 2025 (45 days left) \\[p2-s4\\]",
        "- response: within 30 days of receipt \\[p2-s5\\]",
    ]
    assert "## Completeness (ASEAN MLAT Art. 6(1)): 6 of 11 items missing" in lines
    assert sum(line.startswith("- **Missing (") for line in lines) == 6
    assert "machine draft by translate-th\\_en-1\\_9" in summary


def test_complete_request_summary(complete_extract: dict[str, Any]) -> None:
    summary = render_summary(complete_extract)
    assert "## Completeness (ASEAN MLAT Art. 6(1)): all 11 items present" in summary
    assert "- **Urgent:** no" in summary
    assert "Missing" not in summary


def test_request_text_cannot_become_markup(extract_with_gaps: dict[str, Any]) -> None:
    extract_with_gaps["offences"][0] = {
        "name": "1. *Fraud* [link](http://x) <b>\n# heading",
        "provision": None,
        "evidence": extract_with_gaps["offences"][0]["evidence"],
    }
    summary = render_summary(extract_with_gaps)
    line = next(line for line in summary.splitlines() if "Fraud" in line)
    assert line == "- 1\\. \\*Fraud\\* \\[link\\](http://x) \\<b\\> # heading \\[p2-s1\\]"


def test_md_escapes_inline_markup_only() -> None:
    assert md("mla 0.1.0 (B.E. 2542) - s. 5") == "mla 0.1.0 (B.E. 2542) - s. 5"
    assert md("a_b*c`d|e") == "a\\_b\\*c\\`d\\|e"
