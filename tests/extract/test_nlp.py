"""spaCy: loaded from its package, once, and only when there is English to read."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from pipeline.extract.nlp import english_pipeline, entities

FIXTURES = Path(__file__).parent / "fixtures"

PROBE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pipeline.api import process_document
    from pipeline.options import OcrOptions, PipelineOptions
    document = process_document(Path(sys.argv[1]), PipelineOptions(ocr=OcrOptions(jobs=1)))
    assert document.extract is not None
    print("spacy" in sys.modules)
    """
)


def _loads_spacy(path: Path) -> bool:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip() == "True"


def test_untranslated_request_does_not_load_spacy():
    assert _loads_spacy(FIXTURES / "vi_vn_to_la_mla.txt") is False


def test_english_request_loads_spacy():
    assert _loads_spacy(FIXTURES / "en_ph_to_vn_mla.txt") is True


def test_model_is_loaded_once_with_the_recogniser_only():
    assert english_pipeline() is english_pipeline()
    assert english_pipeline().pipe_names == ["tok2vec", "ner"]


def test_entities_carry_offsets_into_each_text():
    texts = ["Mr Somchai Jaidee works at Bangkok Bank.", "", "Nothing here."]
    found = entities(texts)
    assert len(found) == 3
    for text, spans in zip(texts, found, strict=True):
        assert all(text[span.start : span.end] == span.text for span in spans)
    assert ("ORG", "Bangkok Bank") in {(span.label, span.text) for span in found[0]}
