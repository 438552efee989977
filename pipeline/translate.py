"""Translation stage: every non-English segment into English, on this machine.

An Argos package's CTranslate2 model and SentencePiece tokenizer are driven
directly: all segments of a language go to one batched `translate_batch`
call (never one call per sentence), then glossary terms are enforced
(`pipeline.enforce`) and each draft is checked for the usual failure modes
(`pipeline.quality`).  Without a model a language gets glossary glosses only.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable

from pipeline.document import Document, Segment
from pipeline.enforce import enforce_terms
from pipeline.glossary import Glossary, Match
from pipeline.languages import LANGUAGES
from pipeline.models import InstalledModel, find_model
from pipeline.options import TranslationOptions
from pipeline.quality import quality_flags

ENGLISH = "en"
# Marian models have 256 positions; Argos's OpenNMT models have no hard limit,
# but quality falls apart long before this on either.
MAX_SOURCE_PIECES = 200
BREAKS = frozenset({",", ";", ":", ".", "،", "，", "；", "。", "។", "။"})
UNDETERMINED = "und"


class LoadedModel:
    """A CTranslate2 translator and its SentencePiece model, loaded once per process."""

    def __init__(self, model: InstalledModel, threads: int) -> None:
        import ctranslate2
        import sentencepiece

        self.model = model
        self.translator = ctranslate2.Translator(
            str(model.ctranslate2_dir), device="cpu", inter_threads=1, intra_threads=threads
        )
        self.tokenizer = sentencepiece.SentencePieceProcessor(
            model_file=str(model.sentencepiece_file)
        )
        target = model.path / "sentencepiece.target.model"
        self.detokenizer = (
            sentencepiece.SentencePieceProcessor(model_file=str(target))
            if target.exists()
            else self.tokenizer
        )

    def encode(self, text: str) -> list[str]:
        return self.tokenizer.encode(text, out_type=str)

    def pieces(self, text: str) -> list[str]:
        """Target-side pieces of an English rendering (for forced prefixes)."""
        return self.detokenizer.encode(text, out_type=str)

    def decode(self, pieces: list[str]) -> str:
        text = self.detokenizer.decode_pieces(pieces)
        prefix = self.model.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text.strip()

    def _prefix(self, prefixes: list[list[str]] | None, count: int) -> list[list[str]] | None:
        if not self.model.target_prefix:
            return prefixes
        head = [self.model.target_prefix]
        return [head + (prefix or []) for prefix in (prefixes or [[]] * count)]

    def translate(
        self,
        sources: list[list[str]],
        options: TranslationOptions,
        prefixes: list[list[str]] | None = None,
        max_decoding_length: int = 512,
    ) -> list[list[list[str]]]:
        """One batched call: the n-best target pieces of each source."""
        results = self.translator.translate_batch(
            sources,
            target_prefix=self._prefix(prefixes, len(sources)),
            beam_size=max(options.beam_size, options.num_hypotheses),
            num_hypotheses=options.num_hypotheses,
            max_batch_size=options.max_batch_size,
            length_penalty=0.2,
            replace_unknowns=True,
            max_decoding_length=max_decoding_length,
        )
        head = 1 if self.model.target_prefix else 0
        return [[hypothesis[head:] for hypothesis in result.hypotheses] for result in results]


@functools.cache
def load_model(model: InstalledModel, threads: int) -> LoadedModel:
    return LoadedModel(model, threads)


def install_hint(language: str) -> str:
    return (
        f"no {language}→en translation model installed; install one with "
        f"`mla models install {language}` (online) or `mla models install FILE.argosmodel`"
    )


def translate_document(
    document: Document,
    glossary_for: Callable[[str], Glossary | None],
    options: TranslationOptions,
) -> None:
    """Fill `english`, `glossary_terms` and `flags` of every segment, and the status."""
    by_language: dict[str, list[Segment]] = defaultdict(list)
    for segment in document.segments:
        if segment.language in (ENGLISH, UNDETERMINED):
            segment.english = segment.source
        else:
            by_language[segment.language].append(segment)
    used_models: list[str] = []
    glossary_labels: list[str] = []
    glossary_only = False
    for language, segments in sorted(by_language.items()):
        glossary = glossary_for(language)
        matches = [glossary.match(segment.source) if glossary else [] for segment in segments]
        if glossary:
            glossary_labels.append(glossary.label)
            for segment, found in zip(segments, matches, strict=True):
                segment.glossary_terms = _terms(found)
        model = find_model(language, list(options.models_dirs))
        if model is None:
            glossary_only = glossary_only or glossary is not None
            if language in LANGUAGES:
                document.warnings.append(install_hint(language))
            continue
        try:
            _translate_segments(load_model(model, options.threads), segments, matches, options)
        except RuntimeError as error:  # CTranslate2 reports model and input failures so
            glossary_only = glossary_only or glossary is not None
            document.warnings.append(
                f"translation with {model.label} failed ({error}); glossary terms only"
            )
            continue
        used_models.append(model.label)
    document.translation.model = ", ".join(used_models) or None
    document.translation.glossary = " + ".join(glossary_labels) or None
    document.translation.status = _status(by_language, used_models, glossary_only)


def _terms(matches: list[Match]) -> list[dict[str, str]]:
    return [{"source": match.text, "english": match.entry.english} for match in matches]


def _status(
    by_language: dict[str, list[Segment]], used_models: list[str], glossary_only: bool
) -> str:
    if not by_language:
        return "not_needed"
    if used_models:
        return "machine"
    return "glossary_only" if glossary_only else "unavailable"


def split_long(pieces: list[str], limit: int = MAX_SOURCE_PIECES) -> list[list[str]]:
    """Cut a source longer than the model's positions at punctuation (or hard)."""
    chunks: list[list[str]] = []
    while len(pieces) > limit:
        cut = max(
            (index + 1 for index in range(limit // 2, limit) if pieces[index].strip("▁") in BREAKS),
            default=limit,
        )
        chunks.append(pieces[:cut])
        pieces = pieces[cut:]
    return [*chunks, pieces] if pieces or not chunks else chunks


def _translate_segments(
    loaded: LoadedModel,
    segments: list[Segment],
    matches: list[list[Match]],
    options: TranslationOptions,
) -> None:
    pieces = [loaded.encode(segment.source) for segment in segments]
    chunks = [chunk for source in pieces for chunk in split_long(source)]
    translated = iter(loaded.translate(chunks, options))
    alternatives = []
    for source in pieces:
        parts = [next(translated) for _ in split_long(source)]
        # A long segment's chunks are joined best-first; n-best stays per chunk.
        alternatives.append(
            parts[0] if len(parts) == 1 else [[p for part in parts for p in part[0]]]
        )
    texts = enforce_terms(loaded, alternatives, matches, options)
    for segment, text in zip(segments, texts, strict=True):
        segment.english = text.english
        segment.flags = [
            *text.flags,
            *quality_flags(segment.source, text.english, segment.language),
        ]
