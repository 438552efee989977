"""Glossary enforcement on a stock translation model.

Stock Argos models were never trained on placeholders and CTranslate2 has no
lexically constrained decoding, so terms are enforced with what a stock
model offers, as a fallback chain (benchmarks/RESULTS.md has the measured
adherence of each step):

1. n-best: among the beam's hypotheses, take the one that already contains
   the most glossary renderings.
2. locate the model's own rendering of the term: the term is translated on
   its own (n-best, batched for the whole document) and those renderings are
   looked for in the draft.  (Cross-attention was tried first: on the test
   model, CTranslate2's returned attention points one or more words away
   from the aligned source word, so spans found with it were wrong.)
3. replacement: swap the located span for the glossary rendering.
4. anything still missing is flagged `glossary_miss` for the reviewer.

Re-decoding with `target_prefix` = draft up to the term + the rendering was
measured too: it reached about the same adherence but the continuation often
looped or dropped the rest of the sentence on the test model, so the
deterministic replacement, which keeps the rest of the draft, won.

Only terms whose wording matters legally are enforced (authorities,
procedures, assistance, offences, instruments, roles, court documents,
evidence); dates, country names and other words are listed, not forced.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.glossary import Match

if TYPE_CHECKING:
    from pipeline.options import TranslationOptions
    from pipeline.translate import LoadedModel

MAX_PHRASE_WORDS = 6
FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "and",
        "or",
        "is",
        "are",
        "was",
        "be",
        "as",
        "at",
        "from",
        "that",
        "this",
    ]
)
ENFORCED_KINDS = frozenset(
    {
        "authority",
        "procedure",
        "assistance",
        "offence",
        "instrument",
        "role",
        "court_document",
        "evidence",
    }
)


@dataclass
class Draft:
    """One segment's current English, with what is needed to locate terms in it."""

    english: str
    terms: list[Match]


@dataclass(frozen=True)
class EnforcedText:
    english: str
    flags: list[str]


def contains_rendering(english: str, rendering: str) -> bool:
    return _find(english, rendering) is not None


def _find(english: str, phrase: str) -> tuple[int, int] | None:
    pattern = r"(?<!\w)" + re.escape(phrase.strip().rstrip(".")) + r"(?!\w)"
    found = re.search(pattern, english, flags=re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def enforced_terms(matches: list[Match]) -> list[Match]:
    return [match for match in matches if match.entry.kind in ENFORCED_KINDS]


def enforce_terms(
    loaded: LoadedModel,
    alternatives: list[list[list[str]]],
    matches: list[list[Match]],
    options: TranslationOptions,
) -> list[EnforcedText]:
    """English for each segment, from its n-best `alternatives` and glossary matches."""
    drafts = []
    for hypotheses, found in zip(alternatives, matches, strict=True):
        terms = enforced_terms(found)
        best = _best_alternative(loaded, hypotheses, terms) if options.enforce_glossary else 0
        drafts.append(Draft(english=loaded.decode(hypotheses[best]), terms=terms))
    renderings = _model_renderings(loaded, drafts, options) if options.enforce_glossary else {}
    return [_finish(draft, renderings) for draft in drafts]


def _missing(draft: Draft) -> list[Match]:
    return [
        term for term in draft.terms if not contains_rendering(draft.english, term.entry.english)
    ]


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


def _model_renderings(
    loaded: LoadedModel, drafts: list[Draft], options: TranslationOptions
) -> dict[str, list[str]]:
    """Phrases the model may use for each missing term: one batched call.

    A term translated on its own often comes back wrapped in filler or looping
    (models are trained on sentences), so every phrase of the output that
    neither starts nor ends with a function word is a candidate, longest first.
    """
    texts = sorted({term.text for draft in drafts for term in _missing(draft)})
    if not texts:
        return {}
    sources = [loaded.encode(text) for text in texts]
    limit = 4 * max(len(source) for source in sources) + 4
    results = loaded.translate(sources, options, max_decoding_length=limit)
    return {
        text: _candidate_phrases([loaded.decode(pieces) for pieces in alternatives])
        for text, alternatives in zip(texts, results, strict=True)
    }


def _candidate_phrases(outputs: list[str]) -> list[str]:
    """Phrases, the most frequent first (the model's usual wording)."""
    counts: Counter[str] = Counter()
    for output in outputs:
        words = re.findall(r"[\w'’-]+", output.lower())
        for size in range(1, min(MAX_PHRASE_WORDS, len(words)) + 1):
            for start in range(len(words) - size + 1):
                phrase = words[start : start + size]
                if phrase[0] not in FUNCTION_WORDS and phrase[-1] not in FUNCTION_WORDS:
                    counts[" ".join(phrase)] += 1
    return sorted(counts, key=lambda phrase: (-counts[phrase], phrase))


def locate(draft: Draft, term: Match, renderings: dict[str, list[str]]) -> tuple[int, int] | None:
    """Character span of the model's own rendering of `term` in the draft.

    Of the candidate phrases found in the draft, the one closest in length to
    the glossary rendering wins (then the longer, then the more frequent):
    "asking party" for "Requesting Party", not "asking party asks".  Never
    inside a glossary rendering already there, so one term's fix is not
    undone by the next ("party" inside "Requesting Party").
    """
    protected = [
        span
        for other in draft.terms
        if (span := _find(draft.english, other.entry.english)) is not None
    ]
    target = len(term.entry.english.split())
    found = []
    for rank, rendering in enumerate(renderings.get(term.text, [])):
        span = _find(draft.english, rendering)
        if span is not None and not any(
            span[0] < end and start < span[1] for start, end in protected
        ):
            words = len(rendering.split())
            found.append(((abs(words - target), -words, rank), span))
    return min(found)[1] if found else None


def _with_case(rendering: str, at_start: bool) -> str:
    return rendering[:1].upper() + rendering[1:] if at_start else rendering


def _replaced(draft: Draft, term: Match, renderings: dict[str, list[str]]) -> Draft:
    span = locate(draft, term, renderings)
    if span is None:
        return draft
    rendering = _with_case(term.entry.english, span[0] == 0)
    return Draft(draft.english[: span[0]] + rendering + draft.english[span[1] :], draft.terms)


def _finish(draft: Draft, renderings: dict[str, list[str]]) -> EnforcedText:
    """Replace what forcing could not fix; flag what is still missing."""
    for term in _missing(draft):
        draft = _replaced(draft, term, renderings)
    flags = [f"glossary_miss: {term.text} → {term.entry.english}" for term in _missing(draft)]
    return EnforcedText(english=draft.english, flags=flags)
