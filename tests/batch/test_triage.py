"""The triage list: order, days left, columns, and a self-contained sortable page.

Extracts are written by hand (valid against the shared schema) so the list
is tested on the fields the extraction stages fill, whatever they find today.
"""

from __future__ import annotations

import copy
import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from lxml import html as lxml_html

from pipeline.document import Document, SourceFile
from pipeline.jobstore import JobStore
from pipeline.outputs import build_extract
from pipeline.triage import write_backlog

TODAY = date(2026, 3, 10)


def evidence(text: str) -> dict[str, Any]:
    return {"segment": "p1-s1", "page": 1, "source": text, "english": text}


def base_extract(name: str, sha256: str) -> dict[str, Any]:
    document = Document(source=SourceFile(Path(name), sha256, "text/plain"))
    return build_extract(document)


def deadline(day: str | None, kind: str = "response", relative: str | None = None) -> dict:
    return {"date": day, "relative": relative, "kind": kind, "evidence": evidence("by then")}


REQUESTS: dict[str, dict[str, Any]] = {
    "calm.pdf": {"deadlines": [deadline("2026-06-01")]},
    "urgent_late.pdf": {"urgent": True, "deadlines": [deadline("2026-05-01")]},
    "urgent_soon.pdf": {
        "urgent": True,
        "deadlines": [deadline("2026-04-30", "hearing"), deadline("2026-03-15", "response")],
    },
    "overdue.pdf": {"deadlines": [deadline("2026-03-01")]},
    "undated.pdf": {"deadlines": [deadline(None, "response", "within 30 days of receipt")]},
    "thai.pdf": {
        "request_type": "mla",
        "deadlines": [deadline("2026-03-20")],
        "language": {"primary": "th", "confidence": 0.9, "segments_by_language": {"th": 3}},
        "parties": {
            "requesting_state": {"name": "Thailand", "iso3166": "TH", "evidence": evidence("ไทย")},
            "requested_state": None,
            "requesting_authority": None,
            "persons": [],
            "organisations": [],
        },
        "assistance_sought": [
            {
                "category": "providing_documents_records",
                "description": "bank records",
                "evidence": evidence("bank"),
            },
            {"category": "freezing_restraint", "description": "freeze", "evidence": evidence("f")},
            {
                "category": "providing_documents_records",
                "description": "more records",
                "evidence": evidence("more"),
            },
        ],
        "completeness": [
            {
                "item": "a",
                "label": "name of the authority",
                "present": True,
                "evidence": evidence("AGC"),
            },
            {
                "item": "c",
                "label": "description of the offence",
                "present": False,
                "evidence": None,
            },
            {"item": "h", "label": "time limit <and> reasons", "present": False},
        ],
    },
}


@pytest.fixture
def backlog(tmp_path: Path, schema_validator: jsonschema.Draft202012Validator) -> Path:
    """An OUT folder with the requests above done, one duplicate, one failure, one pending."""
    out = tmp_path / "out"
    out.mkdir()
    with JobStore.in_folder(out) as store:
        for number, (name, fields) in enumerate(REQUESTS.items()):
            sha256 = f"{number:064x}"
            extract = copy.deepcopy(base_extract(name, sha256))
            extract["processing"]["translation"]["status"] = "machine"
            extract.update(fields)
            schema_validator.validate(extract)
            folder = out / Path(name).stem
            folder.mkdir()
            (folder / "extract.json").write_text(json.dumps(extract), encoding="utf-8")
            job = store.register(Path("/in") / name, 1, 1, sha256)
            store.start(job.id, folder.name, 1)
            store.finish(job.id, sha256, 1, 1.0, 1)
        store.register(Path("/in/copy of thai.pdf"), 1, 1, f"{5:064x}")
        store.link_duplicates()
        store.register(
            Path("/in/broken.pdf"), 1, 1, "f" * 64, error="/in/broken.pdf: PDF is corrupt"
        )
        store.register(Path("/in/waiting.pdf"), 1, 1, "e" * 64)
        write_backlog(store, out, today=TODAY)
    return out


def read_csv(out: Path) -> list[dict[str, str]]:
    with (out / "backlog.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_urgent_first_then_soonest_deadline_then_undated_waiting_failed(backlog: Path) -> None:
    order = [Path(row["file"]).name for row in read_csv(backlog)]
    assert order == [
        "urgent_soon.pdf",
        "urgent_late.pdf",
        "overdue.pdf",
        "thai.pdf",
        "copy of thai.pdf",
        "calm.pdf",
        "undated.pdf",
        "waiting.pdf",
        "broken.pdf",
    ]


def test_rows_carry_deadline_days_left_and_request_details(backlog: Path) -> None:
    rows = {Path(row["file"]).name: row for row in read_csv(backlog)}
    assert rows["urgent_soon.pdf"]["deadline"] == "2026-03-15"
    assert rows["urgent_soon.pdf"]["deadline_kind"] == "response"
    assert rows["urgent_soon.pdf"]["days_left"] == "5"
    assert rows["urgent_soon.pdf"]["urgent"] == "yes"
    assert rows["overdue.pdf"]["days_left"] == "-9"
    assert rows["undated.pdf"]["deadline"] == ""
    assert rows["undated.pdf"]["relative_deadline"] == "within 30 days of receipt"
    thai = rows["thai.pdf"]
    assert (thai["request_type"], thai["requesting_state"], thai["requesting_state_code"]) == (
        "mla",
        "Thailand",
        "TH",
    )
    assert (thai["language"], thai["translation"]) == ("th", "machine")
    assert thai["assistance"] == "providing_documents_records; freezing_restraint"
    assert thai["completeness_gaps"] == (
        "c: description of the offence; h: time limit <and> reasons"
    )
    assert (thai["status"], thai["folder"], thai["review"]) == ("done", "thai", "thai/review.html")


def test_duplicates_failures_and_waiting_files_are_listed(backlog: Path) -> None:
    rows = {Path(row["file"]).name: row for row in read_csv(backlog)}
    copy_row = rows["copy of thai.pdf"]
    assert (copy_row["status"], copy_row["review"]) == ("done", "thai/review.html")
    assert copy_row["duplicate_of"] == "/in/thai.pdf"
    assert rows["broken.pdf"]["status"] == "failed"
    assert rows["broken.pdf"]["error"] == "/in/broken.pdf: PDF is corrupt"
    assert rows["broken.pdf"]["review"] == ""
    assert (rows["waiting.pdf"]["status"], rows["waiting.pdf"]["review"]) == ("pending", "")


def test_html_is_self_contained_sortable_and_in_the_same_order(backlog: Path) -> None:
    text = (backlog / "backlog.html").read_text(encoding="utf-8")
    page = lxml_html.fromstring(text)
    assert (
        "default-src 'none'"
        in page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    )
    assert not page.xpath("//*[@src] | //link"), "nothing is loaded from elsewhere"
    assert len(page.xpath("//thead//th/button")) == len(page.xpath("//tbody/tr[1]/td"))
    assert page.xpath("//script") and "addEventListener" in text
    files = [row.xpath("string(td[12]/span/@title)") for row in page.xpath("//tbody/tr")]
    assert [Path(file).name for file in files] == [
        Path(row["file"]).name for row in read_csv(backlog)
    ]
    first = page.xpath("//tbody/tr[1]")[0]
    assert "urgent" in first.get("class") and "soon" in first.get("class")
    assert first.xpath("td[12]/following-sibling::td//a/@href") == ["urgent_soon/review.html"]
    assert "overdue" in page.xpath("//tbody/tr[3]")[0].get("class")
    body_text = page.xpath("string(//tbody)")
    assert "time limit <and> reasons" in body_text, "text is escaped, not markup"
    assert "providing documents records" in body_text
    assert "PDF is corrupt" in page.xpath("string(//tbody/tr[last()])")


def test_an_unreadable_extract_is_reported_not_fatal(backlog: Path) -> None:
    (backlog / "calm" / "extract.json").write_text("{not json", encoding="utf-8")
    with JobStore.in_folder(backlog) as store:
        write_backlog(store, backlog, today=TODAY)
    rows = {Path(row["file"]).name: row for row in read_csv(backlog)}
    assert rows["calm.pdf"]["status"] == "done"
    assert "calm/extract.json is missing or unreadable" in rows["calm.pdf"]["error"]
