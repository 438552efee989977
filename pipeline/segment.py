"""Segmentation of page text into sentences and header lines, with stable ids.

Letters mix short header lines (reference, date, addressee) with wrapped
paragraphs, and half our scripts put no spaces between words (Thai, Lao,
Khmer, Burmese, Chinese).  So lines are first rejoined into paragraphs the
way each script wraps, then split at each script's sentence marks; Thai and
Lao, which mark sentences only with a space, are split at spaces once a
segment is long enough to be a sentence.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from pipeline.document import Page, Segment
from pipeline.languages import script_of

UNSPACED_SCRIPTS = frozenset({"Thai", "Lao", "Khmer", "Myanmar", "Han", "Kana"})
SPACE_SENTENCE_SCRIPTS = frozenset({"Thai", "Lao"})
SHORT_LINE_RATIO = 0.6
MIN_SPACE_SPLIT_CHARS = 60
ABBREVIATIONS = frozenset(
    (
        "no nos art arts mr mrs ms dr prof s ss sec para paras e.g i.e jl jln tel fax ref vs etc "
        "sdn bhd co ltd inc corp st hj bpk sdr dll dsb tgl yth u.s u.k p.o km kg rp rm hlm "
        "pol col gen lt capt insp supt blg b.e a.d"
    ).split()
)
NUMBERED_LINE = re.compile(r"\(?(\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s", re.IGNORECASE)
ENUMERATOR = re.compile(r"\(?(\d{1,3}(\.\d{1,3})*|[ivxlc]{1,5}|[a-z])\.", re.IGNORECASE)
SENTENCE_END = re.compile(
    r"""(?<=[.!?])["'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Ỹ])"""
    r"""|(?<=[។៕။。！？])["'”’」』)]*\s*"""
)


def segment_pages(pages: list[Page]) -> list[Segment]:
    """Segments for every page, numbered `p{page}-s{n}` in reading order."""
    segments: list[Segment] = []
    for page in pages:
        pieces = [
            sentence
            for paragraph in paragraphs(page.text)
            for sentence in split_sentences(paragraph)
        ]
        segments.extend(
            Segment(
                id=f"p{page.number}-s{index}",
                page=page.number,
                source=piece,
                ocr_confidence=page.ocr_confidence,
            )
            for index, piece in enumerate(pieces, start=1)
        )
    return segments


def paragraphs(text: str) -> list[str]:
    """Rejoin wrapped lines; blank lines and short lines end a paragraph.

    A line is short relative to the page's longest line, so headers such as
    "Ref: ..." and "Date: ..." stay apart from each other.  A blank line does
    not end a sentence that goes on in lower case (OCR splits blocks there).
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = [
        [
            line
            for line in (re.sub(r"[ \t]+", " ", raw).strip() for raw in block.split("\n"))
            if line
        ]
        for block in re.split(r"\n\s*\n", text)
    ]
    blocks = [block for block in blocks if block]
    full_width = max((len(line) for block in blocks for line in block), default=0)
    result: list[str] = []
    for lines in blocks:
        current = lines[0]
        if result and _continues(result[-1], current):
            current = join_wrapped(result.pop(), current)
        for previous, line in itertools.pairwise(lines):
            if len(previous) < SHORT_LINE_RATIO * full_width or NUMBERED_LINE.match(line):
                result.append(current)
                current = line
            else:
                current = join_wrapped(current, line)
        result.append(current)
    return result


def _continues(paragraph: str, next_line: str) -> bool:
    return paragraph[-1].isalpha() and next_line[0].islower()


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped lines the way their script wraps (numbered items stay apart)."""
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return left[:-1] + right
    if script_of(left[-1]) in UNSPACED_SCRIPTS and script_of(right[0]) in UNSPACED_SCRIPTS:
        return left + right
    return f"{left} {right}"


def split_sentences(paragraph: str) -> list[str]:
    """Split at sentence marks of every script, then long Thai/Lao runs at spaces."""
    pieces: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(paragraph):
        end = match.start()
        candidate = paragraph[start:end].strip()
        if candidate and _ends_with_abbreviation(candidate):
            continue
        if candidate:
            pieces.append(candidate)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return [part for piece in pieces for part in _split_at_spaces(piece)]


def _ends_with_abbreviation(text: str) -> bool:
    """Abbreviations, initials and paragraph numbers ("2.", "iv.") end no sentence."""
    if not text.endswith("."):
        return False
    if ENUMERATOR.fullmatch(text):
        return True
    last = text.rsplit(None, 1)[-1].rstrip(".").lower()
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _split_at_spaces(sentence: str) -> list[str]:
    """Thai and Lao end sentences with a space; split there once a piece is long."""
    if not any(script_of(char) in SPACE_SENTENCE_SCRIPTS for char in sentence):
        return [sentence]
    pieces: list[str] = []
    start = 0
    for match in re.finditer(r" +", sentence):
        before = sentence[match.start() - 1]
        after = sentence[match.end()] if match.end() < len(sentence) else ""
        if (
            match.start() - start >= MIN_SPACE_SPLIT_CHARS
            and script_of(before) in SPACE_SENTENCE_SCRIPTS
            and script_of(after) in SPACE_SENTENCE_SCRIPTS
            and not (before.isdigit() or after.isdigit())
        ):
            pieces.append(sentence[start : match.start()])
            start = match.end()
    pieces.append(sentence[start:])
    return [piece for piece in pieces if piece.strip()]
