"""The extract in extract.json: valid against the schema, every fact with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.outputs import build_extract, write_outputs

FIXTURES = Path(__file__).parent / "fixtures"

FACT_LISTS = ("assistance_sought", "deadlines", "offences", "legal_basis", "references")


def _facts(extract):
    parties = extract["parties"]
    facts = [
        parties[key] for key in ("requesting_state", "requested_state", "requesting_authority")
    ]
    facts += parties["persons"] + parties["organisations"]
    for key in FACT_LISTS:
        facts += extract[key]
    facts += [item for item in extract["completeness"] if item["present"]]
    return [fact for fact in facts if fact is not None]


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("*.txt")))
def test_extract_is_valid_and_every_fact_has_evidence(fixture_document, schema_validator, name):
    document = fixture_document(name)
    extract = build_extract(document)
    schema_validator.validate(extract)
    segments = {segment["id"]: segment for segment in extract["segments"]}
    facts = _facts(extract)
    assert len(facts) > 10
    for fact in facts:
        evidence = fact["evidence"]
        assert evidence["segment"] in segments
        assert evidence["page"] == segments[evidence["segment"]]["page"]
        assert evidence["source"].strip()


def test_fields_are_filled_and_warnings_reach_processing(fixture_document):
    extract = build_extract(fixture_document("th_th_to_kh_extradition.txt"))
    assert extract["request_type"] == "extradition"
    assert extract["deadlines"][0] == {
        "date": "2041-08-05",
        "relative": None,
        "kind": "limitation",
        "evidence": extract["deadlines"][0]["evidence"],
    }
    assert any("inferred from the language" in w for w in extract["processing"]["warnings"])


def test_written_extract_round_trips(fixture_document, schema_validator, tmp_path):
    folder = write_outputs(fixture_document("vi_vn_to_la_mla.txt"), tmp_path / "out")
    extract = json.loads((folder / "extract.json").read_text(encoding="utf-8"))
    schema_validator.validate(extract)
    assert extract["parties"]["requested_state"]["iso3166"] == "LA"


def test_extract_of_an_empty_document_is_valid(letter, schema_validator):
    extract = build_extract(letter(" \n"))
    schema_validator.validate(extract)
    assert extract["request_type"] == "unknown"
    assert extract["parties"]["persons"] == []
