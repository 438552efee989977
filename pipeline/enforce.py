"""Glossary enforcement on a stock translation model.

Stock Argos models were never trained on placeholders and CTranslate2 has no
lexically constrained decoding, so terms are enforced with what a stock
model offers, as a fallback chain (see benchmarks/RESULTS.md for measured
adherence at each step):

1. n-best: among the beam's hypotheses, take the one that already contains
   the most glossary renderings.
2. forced prefix: find where the model rendered the term (the target pieces
   whose strongest attention falls on the term's source pieces), and decode
   again with `target_prefix` = the hypothesis up to there + the glossary
   rendering, so the model continues fluently after the forced term.
3. replacement: replace the attention-aligned target span by the rendering.
4. anything still missing is flagged `glossary_miss` for the reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.glossary import Match

if TYPE_CHECKING:
    from pipeline.document import Segment
    from pipeline.options import TranslationOptions
    from pipeline.translate import Hypotheses, LoadedModel


@dataclass
class Draft:
    """One segment's current English as target pieces, with their attention."""

    pieces: list[str]
    attention: list[list[float]]
    terms: list[Match]
    spans: list[tuple[int, int]]
    source: str


@dataclass(frozen=True)
class EnforcedText:
    english: str
    flags: list[str]


def contains_rendering(english: str, rendering: str) -> bool:
    pattern = r"(?<!\w)" + re.escape(rendering) + r"(?!\w)"
    return re.search(pattern, english, flags=re.IGNORECASE) is not None


def enforce_terms(
    loaded: LoadedModel,
    segments: list[Segment],
    hypotheses: list[Hypotheses],
    matches: list[list[Match]],
    options: TranslationOptions,
) -> list[EnforcedText]:
    drafts = []
    for segment, hyp, found in zip(segments, hypotheses, matches, strict=True):
        best = _best_alternative(loaded, hyp.alternatives, found) if options.enforce_glossary else 0
        drafts.append(
            Draft(
                pieces=hyp.alternatives[best],
                attention=hyp.attentions[best],
                terms=found,
                spans=hyp.source_byte_spans,
                source=segment.source,
            )
        )
    if options.enforce_glossary:
        _force_prefixes(loaded, drafts, [hyp.source_pieces for hyp in hypotheses], options)
    return [_finish(loaded, draft, options.enforce_glossary) for draft in drafts]


def _missing(loaded: LoadedModel, draft: Draft) -> list[Match]:
    english = loaded.decode(draft.pieces)
    return [term for term in draft.terms if not contains_rendering(english, term.entry.english)]


def _best_alternative(
    loaded: LoadedModel, alternatives: list[list[str]], terms: list[Match]
) -> int:
    """Index of the first hypothesis among those containing the most glossary renderings."""
    if not terms:
        return 0

    def present(index: int) -> int:
        english = loaded.decode(alternatives[index])
        return sum(contains_rendering(english, term.entry.english) for term in terms)

    return max(range(len(alternatives)), key=present)


def aligned_target_span(draft: Draft, term: Match) -> tuple[int, int] | None:
    """The target pieces the model produced for `term`, from attention."""
    if not draft.attention:
        return None
    begin = len(draft.source[: term.start].encode("utf-8"))
    end = begin + len(term.text.encode("utf-8"))
    term_pieces = {
        index for index, (start, stop) in enumerate(draft.spans) if start < end and stop > begin
    }
    if not term_pieces:
        return None
    aligned = [
        index
        for index, weights in enumerate(draft.attention[: len(draft.pieces)])
        if weights and max(range(len(weights)), key=weights.__getitem__) in term_pieces
    ]
    if not aligned:
        return None
    return min(aligned), max(aligned)


def _force_prefixes(
    loaded: LoadedModel, drafts: list[Draft], sources: list[list[str]], options: TranslationOptions
) -> None:
    """Re-decode with the glossary rendering forced at the aligned position, term by term."""
    rounds = max((len(draft.terms) for draft in drafts), default=0)
    for _ in range(rounds):
        batch: list[int] = []
        prefixes: list[list[str]] = []
        for index, draft in enumerate(drafts):
            target = _next_prefix(loaded, draft)
            if target is not None:
                batch.append(index)
                prefixes.append(target)
        if not batch:
            return
        results = loaded.translate([sources[index] for index in batch], options, prefixes)
        for index, (alternatives, attentions) in zip(batch, results, strict=True):
            before = len(_missing(loaded, drafts[index]))
            previous = drafts[index]
            trial = Draft(
                alternatives[0], attentions[0], previous.terms, previous.spans, previous.source
            )
            if len(_missing(loaded, trial)) < before:
                drafts[index] = trial
            else:
                previous.attention = []


def _next_prefix(loaded: LoadedModel, draft: Draft) -> list[str] | None:
    located = []
    for term in _missing(loaded, draft):
        span = aligned_target_span(draft, term)
        if span is not None:
            located.append((span, term))
    if not located:
        return None
    (start, _), term = min(located, key=lambda item: item[0][0])
    rendering = term.entry.english
    if start == 0:
        rendering = rendering[:1].upper() + rendering[1:]
    return draft.pieces[:start] + loaded.pieces(rendering)


def _finish(loaded: LoadedModel, draft: Draft, enforce: bool) -> EnforcedText:
    """Replace what the prefix step could not fix; flag what is still missing."""
    flags: list[str] = []
    pieces = list(draft.pieces)
    if enforce:
        replacements = []
        for term in _missing(loaded, draft):
            span = aligned_target_span(draft, term)
            if span is not None:
                replacements.append((span, term))
        covered = len(pieces)
        for (start, stop), term in sorted(replacements, key=lambda item: -item[0][0]):
            if stop >= covered:
                continue
            covered = start
            rendering = term.entry.english
            if start == 0:
                rendering = rendering[:1].upper() + rendering[1:]
            pieces[start : stop + 1] = loaded.pieces(rendering)
    english = loaded.decode(pieces)
    for term in draft.terms:
        if not contains_rendering(english, term.entry.english):
            flags.append(f"glossary_miss: {term.text} → {term.entry.english}")
    return EnforcedText(english=english, flags=flags)
