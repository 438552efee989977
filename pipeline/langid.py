"""Language identification per segment and for the document.

langdetect handles the Latin-script languages it knows (en, vi, id, tl) and
any foreign language that turns up; what it lacks is done here: Thai, Lao,
Khmer, Burmese and Chinese by script (langdetect has no km, lo or my),
Vietnamese by its letters (robust on short lines), and Malay versus
Indonesian from distinguishing vocabulary kept as data in `glossaries/`.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from pipeline.document import LanguageSummary, Segment
from pipeline.glossary import bundled_glossary_dir
from pipeline.languages import LANGUAGES, SCRIPT_LANGUAGE, script_of

DetectorFactory.seed = 0

UNDETERMINED = "und"
MIN_LATIN_LETTERS = 12
MIN_SCRIPT_LETTERS = 2
VIETNAMESE_ONLY = set("ăâđêôơưĂÂĐÊÔƠƯ")
LANGDETECT_CODES = {"zh-cn": "zh", "zh-tw": "zh"}
MARKERS_FILE = "ms-id-markers.csv"
WORD = re.compile(r"[^\W\d_]+")
CERTAIN = 0.9
CONFIDENT_LETTERS = 80
ENGLISH_CUES = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "for",
        "on",
        "by",
        "with",
        "from",
        "at",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "this",
        "that",
        "these",
        "those",
        "we",
        "our",
        "us",
        "you",
        "your",
        "it",
        "its",
        "which",
        "who",
        "whom",
        "whose",
        "under",
        "within",
        "into",
        "upon",
        "not",
        "no",
        "any",
        "all",
        "such",
        "shall",
        "may",
        "would",
        "should",
        "will",
        "has",
        "have",
        "had",
        "dear",
        "sir",
        "madam",
        "yours",
        "faithfully",
        "sincerely",
        "request",
        "requests",
        "requested",
        "assistance",
        "mutual",
        "legal",
        "criminal",
        "matters",
        "matter",
    ]
)


@dataclass(frozen=True)
class Detection:
    language: str
    confidence: float
    letters: int


@dataclass(frozen=True)
class MalayMarkers:
    """Words that tell Malaysian/Bruneian Malay from Indonesian in official text."""

    malay: frozenset[str]
    indonesian: frozenset[str]

    def score(self, text: str) -> tuple[int, int]:
        words = Counter(word.lower() for word in WORD.findall(text))
        malay = sum(count for word, count in words.items() if word in self.malay)
        indonesian = sum(count for word, count in words.items() if word in self.indonesian)
        return malay, indonesian


@functools.cache
def load_malay_markers(path: Path | None = None) -> MalayMarkers:
    """The marker words; by default the bundled `glossaries/ms-id-markers.csv`."""
    path = path or bundled_glossary_dir() / MARKERS_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return MalayMarkers(
        malay=frozenset(row["word"].strip().lower() for row in rows if row["language"] == "ms"),
        indonesian=frozenset(
            row["word"].strip().lower() for row in rows if row["language"] == "id"
        ),
    )


def _letters_by_script(text: str) -> Counter[str]:
    return Counter(script for script in map(script_of, text) if script)


def _is_vietnamese(text: str, latin_letters: int) -> bool:
    marked = sum(1 for char in text if char in VIETNAMESE_ONLY or 0x1EA0 <= ord(char) <= 0x1EF9)
    return marked >= 2 and marked / latin_letters >= 0.03


def detect_segment_language(text: str, markers: MalayMarkers | None = None) -> Detection:
    """The language of one piece of text; 'und' when there is too little to tell."""
    scripts = _letters_by_script(text)
    if not scripts:
        return Detection(UNDETERMINED, 0.0, 0)
    script, letters = scripts.most_common(1)[0]
    total = sum(scripts.values())
    if script in SCRIPT_LANGUAGE:
        if letters < MIN_SCRIPT_LETTERS:
            return Detection(UNDETERMINED, 0.0, letters)
        return Detection(SCRIPT_LANGUAGE[script], round(letters / total, 3), letters)
    if script == "Kana":
        return Detection("ja", round(letters / total, 3), letters)
    if script == "Latin" and _is_vietnamese(text, letters):
        return Detection("vi", round(letters / total, 3), letters)
    if letters < MIN_LATIN_LETTERS:
        return Detection(UNDETERMINED, 0.0, letters)
    language, confidence = _langdetect(text)
    if language != "en" and _looks_english(text):
        language, confidence = "en", max(confidence, 0.5)
    if language == "id":
        malay, indonesian = (markers or load_malay_markers()).score(text)
        if malay > indonesian:
            language = "ms"
    return Detection(language, round(confidence, 3), letters)


def _langdetect(text: str) -> tuple[str, float]:
    """langdetect's best guess, preferring our languages when it hesitates.

    On short legal phrases langdetect often puts Catalan or Italian narrowly
    ahead of English; a supported language within its top candidates wins
    unless the leader is nearly certain.
    """
    letters = [char for char in text if char.isalpha()]
    if letters and sum(char.isupper() for char in letters) > 0.6 * len(letters):
        text = (
            text.lower()
        )  # langdetect's profiles are of running text; capitals skew it to English
    try:
        candidates = detect_langs(text)
    except LangDetectException:
        return UNDETERMINED, 0.0
    best = candidates[0]
    if best.prob < CERTAIN:
        for candidate in candidates:
            code = LANGDETECT_CODES.get(candidate.lang, candidate.lang)
            if code in LANGUAGES:
                return code, candidate.prob
    return LANGDETECT_CODES.get(best.lang, best.lang), best.prob


def _looks_english(text: str) -> bool:
    """English function words decide short headings langdetect cannot."""
    words = [word.lower() for word in WORD.findall(text)]
    cues = sum(1 for word in words if word in ENGLISH_CUES)
    return bool(words) and cues >= min(2, len(words)) and cues / len(words) >= 0.25


def identify_languages(
    segments: list[Segment], markers: MalayMarkers | None = None
) -> LanguageSummary:
    """Label every segment and decide the document's language.

    The document's language is the one with most letters, so an English
    heading in a Thai letter cannot flip it.  Malay versus Indonesian is
    decided once for the whole document (single sentences rarely carry enough
    markers) and short Latin segments inherit a Latin-script primary language.
    """
    markers = markers or load_malay_markers()
    detections = [detect_segment_language(segment.source, markers) for segment in segments]
    weights: Counter[str] = Counter()
    for detection in detections:
        if detection.language != UNDETERMINED:
            weights[detection.language] += detection.letters
    malay_family = _malay_or_indonesian(segments, detections, markers)
    if malay_family:
        for language in ("id", "ms"):
            weights[malay_family] += weights.pop(language, 0)
    if not weights:
        for segment in segments:
            segment.language = UNDETERMINED
        return LanguageSummary(UNDETERMINED, 0.0, {UNDETERMINED: len(segments)} if segments else {})
    primary, primary_letters = weights.most_common(1)[0]
    primary_is_latin = primary in LANGUAGES and LANGUAGES[primary].spaced
    for segment, detection in zip(segments, detections, strict=True):
        language = detection.language
        if language in ("id", "ms") and malay_family:
            language = malay_family
        elif primary_is_latin and _doubtful_latin_outlier(detection, primary):
            language = primary
        segment.language = language
    counts = Counter(segment.language for segment in segments)
    confidence = round(primary_letters / sum(weights.values()), 3)
    return LanguageSummary(primary, confidence, dict(sorted(counts.items())))


def _doubtful_latin_outlier(detection: Detection, primary: str) -> bool:
    """A short or unsure Latin-script segment whose language differs from the document's.

    langdetect labels short lines of a Malay letter as Swahili, Estonian or
    Tagalog; English lines stay English, since letters quote English.
    """
    if detection.language == UNDETERMINED:
        return detection.letters > 0
    if detection.language in (primary, "en") or detection.language in SCRIPT_LANGUAGE.values():
        return False
    return detection.letters < CONFIDENT_LETTERS or detection.confidence < CERTAIN


def _malay_or_indonesian(
    segments: list[Segment], detections: list[Detection], markers: MalayMarkers
) -> str | None:
    family = [
        segment.source
        for segment, detection in zip(segments, detections, strict=True)
        if detection.language in ("id", "ms")
    ]
    if not family:
        return None
    malay, indonesian = markers.score("\n".join(family))
    return "ms" if malay > indonesian else "id"
