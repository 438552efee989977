"""The languages the tool supports, and the scripts they are written in.

One table maps ISO 639-1 codes to Tesseract packs and scripts, so `--lang`,
OCR, language ID and segmentation agree on what a language is.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.exceptions import UsageError


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    tesseract_pack: str
    script: str

    @property
    def ocr_packs(self) -> str:
        """Packs to OCR this language with; benchmarks/RESULTS.md has the measurements.

        Adding English halved the error rate on Thai and Khmer letters (which
        quote English names and references) but raised it on Chinese and
        Vietnamese, whose own packs already read Latin letters.
        """
        return (
            f"{self.tesseract_pack}+eng"
            if self.script in ENGLISH_AIDED_SCRIPTS
            else self.tesseract_pack
        )

    @property
    def page_segmentation_mode(self) -> int:
        """Tesseract --psm for this script; benchmarks/RESULTS.md has the measurements.

        Mode 4 (one column of text of variable sizes) halved the error rate of
        the automatic mode 3 on Thai, Khmer and Chinese letters, but on a
        skewed Malay scan it interleaved lines, where mode 3 stays in order.
        """
        return 3 if self.script == "Latin" else 4

    @property
    def spaced(self) -> bool:
        """Whether words are separated by spaces (matters for matching and segmentation)."""
        return self.script == "Latin"


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("en", "English", "eng", "Latin"),
        Language("th", "Thai", "tha", "Thai"),
        Language("vi", "Vietnamese", "vie", "Latin"),
        Language("id", "Indonesian", "ind", "Latin"),
        Language("ms", "Malay", "msa", "Latin"),
        Language("tl", "Filipino", "fil", "Latin"),
        Language("km", "Khmer", "khm", "Khmer"),
        Language("lo", "Lao", "lao", "Lao"),
        Language("my", "Burmese", "mya", "Myanmar"),
        Language("zh", "Chinese", "chi_sim", "Han"),
    )
}

ENGLISH_AIDED_SCRIPTS = frozenset({"Thai", "Lao", "Khmer", "Myanmar"})


def page_segmentation_mode(packs: str) -> int:
    """The mode for a page read with `packs` (its first pack names the script)."""
    first = packs.split("+")[0]
    for language in LANGUAGES.values():
        if language.tesseract_pack == first:
            return language.page_segmentation_mode
    return 3


SCRIPT_LANGUAGE = {"Thai": "th", "Lao": "lo", "Khmer": "km", "Myanmar": "my", "Han": "zh"}


def check_language(code: str) -> str:
    """Validate a user-given language code; unknown codes are a usage error."""
    normalised = code.strip().lower()
    if normalised not in LANGUAGES:
        known = ", ".join(sorted(LANGUAGES))
        raise UsageError(f"unknown language {code!r}; use one of: {known}")
    return normalised


def script_of(char: str) -> str | None:
    """The script of a letter, for the scripts we care about; None for others."""
    code = ord(char)
    if 0x0E00 <= code <= 0x0E7F:
        return "Thai"
    if 0x0E80 <= code <= 0x0EFF:
        return "Lao"
    if 0x1780 <= code <= 0x17FF or 0x19E0 <= code <= 0x19FF:
        return "Khmer"
    if 0x1000 <= code <= 0x109F or 0xA9E0 <= code <= 0xA9FF or 0xAA60 <= code <= 0xAA7F:
        return "Myanmar"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "Han"
    if 0x3040 <= code <= 0x30FF:
        return "Kana"
    if 0xAC00 <= code <= 0xD7AF:
        return "Hangul"
    if 0x0400 <= code <= 0x04FF:
        return "Cyrillic"
    if 0x0600 <= code <= 0x06FF:
        return "Arabic"
    if char.isalpha() and (code < 0x0250 or 0x1E00 <= code <= 0x1EFF):
        return "Latin"
    return None
