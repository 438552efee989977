"""Per-segment warnings about a machine draft, for the reviewer.

NMT drafts fail in recognisable ways: they come out empty, copy source-script
text through, loop on an n-gram, or are far shorter or longer than the source
(a dropped or hallucinated clause).  Each becomes a flag on the segment.
"""

from __future__ import annotations

import re
from collections import Counter

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
    """A word repeated three times running, or a 3-gram occurring three times."""
    words = [word.lower() for word in WORD.findall(text)]
    if any(a == b == c for a, b, c in zip(words, words[1:], words[2:], strict=False)):
        return True
    trigrams = Counter(zip(words, words[1:], words[2:], strict=False))
    return any(count >= 3 for count in trigrams.values())
