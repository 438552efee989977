"""The extraction targets on the annotated dev set (benchmarks/score_extract.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_extract", ROOT / "benchmarks" / "score_extract.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    scorer = _scorer()
    requests = scorer.load_devset()
    work = tmp_path_factory.mktemp("devset")
    return (
        scorer.score_version(requests, "english", work).as_dict(),
        scorer.score_version(requests, "source", work).as_dict(),
    )


@pytest.mark.slow
def test_targets_on_english_versions(scores):
    english, _ = scores
    assert english["failed"] in ([], {})
    assert english["assistance"]["f1"] >= 0.9
    assert english["requesting_state"]["accuracy"] >= 0.95
    assert english["requested_state"]["accuracy"] >= 0.95
    assert english["deadline_dates"]["recall"] >= 0.95
    assert english["persons"]["f1"] >= 0.85
    assert english["completeness"]["accuracy"] >= 0.9
    assert english["facts_without_evidence"] == 0


@pytest.mark.slow
def test_targets_on_source_versions_without_a_model(scores):
    _, source = scores
    assert source["requesting_state"]["accuracy"] >= 0.8
    assert source["requested_state"]["accuracy"] >= 0.8
    assert source["legal_basis"]["f1"] >= 0.8
    assert source["deadline_dates"]["recall"] >= 0.8
    assert source["deadline_dates"]["f1"] >= 0.8
    assert source["assistance"]["f1"] >= 0.8
    assert source["facts_without_evidence"] == 0
