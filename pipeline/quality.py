"""Per-segment warnings about a machine draft, for the reviewer.

NMT drafts fail in recognisable ways: they come out empty, copy source-script
text through, loop on an n-gram, or are far shorter or longer than the source
(a dropped or hallucinated clause).  Each becomes a flag on the segment.
"""

from __future__ import annotations

import re

from pipeline.languages import LANGUAGES, script_of

MIN_CHARS_FOR_RATIO = 20
# English characters per source character; wide bands: only outliers matter.
LENGTH_RATIO_BANDS = {"Latin": (0.4, 2.5), "Han": (0.8, 9.0)}
DEFAULT_LENGTH_RATIO_BAND = (0.3, 3.5)
WORD = re.compile(r"\w+")


def quality_flags(source: str, english: str, language: str) -> list[str]:
    flags = []
    if not english.strip():
        return ["empty_output"]
    script = LANGUAGES[language].script if language in LANGUAGES else None
    if script and script != "Latin" and any(script_of(char) == script for char in english):
        flags.append("script_residue")
    if len(source) >= MIN_CHARS_FOR_RATIO:
        low, high = LENGTH_RATIO_BANDS.get(script or "", DEFAULT_LENGTH_RATIO_BAND)
        if not low <= len(english) / len(source) <= high:
            flags.append("length_ratio")
    if has_loop(english):
        flags.append("repetition")
    return flags


def has_loop(text: str) -> bool:
    """A word or a phrase of up to four words repeated three times running."""
    words = [word.lower() for word in WORD.findall(text)]
    for size in range(1, 5):
        for start in range(len(words) - 3 * size + 1):
            first = words[start : start + size]
            if (
                first
                == words[start + size : start + 2 * size]
                == words[start + 2 * size : start + 3 * size]
            ):
                return True
    return False
