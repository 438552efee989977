"""Bilingual term glossaries: load, validate, normalise and match.

A glossary maps source-language legal terms to the English a legal translator
would use.  The bundled CSVs (``glossaries/<lang>-en.csv``, columns
``source,english,kind,category,note,source_ref``) are written by people, so
loading checks every row and reports all problems at once as
``file:line: what is wrong``; fixing one file then takes one run, not twenty.

User glossaries override bundled ones.  ``load_glossary(lang, user_files)``
reads the bundled file, then each user file whose language is ``lang``, in
order: a row replaces any earlier row with the same normalised source and
other rows are added, so later files win.  A user file's language is taken
from its name, which must end in ``<lang>-en.csv`` (``office-th-en.csv``), or
given explicitly as a ``(path, lang)`` pair.  Files for other languages are
skipped, so one list of user glossaries serves a batch in several languages.

Matching (`Glossary.match`) finds terms in page text, longest first and
without overlaps, and reports offsets into the original text.  Text and terms
are compared after normalisation: NFC, whitespace runs as one space,
invisible format characters removed, Tesseract's split Thai/Lao SARA AM
rejoined, case folded for Latin-script languages (casefold between two
NFC passes, which keeps Vietnamese diacritics), and Vietnamese tones of a
closing oa, oe, uy written on the second vowel ("hòa" as "hoà").

Where a match may start or end:

* Spaced scripts (Latin, digits): only at a word edge, so ``pidana`` never
  matches inside ``kepidanaan``.
* Chinese (and Japanese kana): anywhere, plain longest match.
* Thai, Lao, Khmer, Burmese (no spaces between words): never inside a
  grapheme cluster (before a vowel sign, tone mark, coeng, virama or asat),
  never between a Thai/Lao leading vowel (เ แ โ ใ ไ, ເ ແ ໂ ໃ ໄ) and its
  consonant, never between a Khmer coeng or Burmese virama and the stacked
  consonant, never before a Thai/Lao following vowel (ะ า ำ ๅ, ະ າ ຳ), and
  never before a killed or silent final (Burmese asat, Thai thanthakhat, Lao
  cancellation mark, Khmer bantoc or toandakhiat).  Burmese marks every
  syllable-final consonant, so there a match always covers whole syllables.
  Thai, Lao and Khmer leave most finals unmarked, so the rule cannot tell
  ``หมา`` (dog) from the first syllable of ``หมาย``: a term may still match
  at a syllable edge inside a longer word.  Glossaries avoid short generic
  sources for this reason; prefer longer, specific terms.

A dictionary segmenter (pythainlp's newmm) was tried as a second check for
Thai and left out: on the two Thai Acts in the reference texts it disagreed
with 69 of 1,682 matches, and every one was a correct match that newmm had
segmented differently (``คำร้องขอ|ให้`` read as ``คำร้อง|ขอให้``), so it would
only have lost terms; it also writes to the home folder on import.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.exceptions import DataError, MissingDependencyError, UsageError
from pipeline.languages import LANGUAGES, check_language, script_of

HEADER = ("source", "english", "kind", "category", "note", "source_ref")
REQUIRED = ("source", "english", "kind", "source_ref")
KINDS = (
    "authority",
    "procedure",
    "assistance",
    "evidence",
    "offence",
    "instrument",
    "role",
    "court_document",
    "time",
    "state",
    "other",
)
ASSISTANCE_CATEGORIES = (
    "taking_evidence",
    "arranging_testimony",
    "service_of_documents",
    "search_and_seizure",
    "examining_objects_and_sites",
    "providing_documents_records",
    "tracing_proceeds",
    "freezing_restraint",
    "confiscation_recovery",
    "locating_persons",
    "preservation_of_data",
    "disclosure_of_electronic_data",
    "provisional_arrest",
    "surrender",
    "other",
)
INSTRUMENT_CATEGORIES = (
    "asean_mlat",
    "untoc",
    "uncac",
    "un_drug_convention_1988",
    "budapest_convention",
    "bilateral_treaty",
    "reciprocity",
    "domestic_law",
)
CATEGORIES = frozenset(ASSISTANCE_CATEGORIES + INSTRUMENT_CATEGORIES)
GLOSSARY_LANGUAGES = tuple(code for code in LANGUAGES if code != "en")
CASE_FOLDED = frozenset(code for code, language in LANGUAGES.items() if language.spaced)
MAX_LISTED_PROBLEMS = 20

UserFile = Path | tuple[Path, str]

_FILE_LANGUAGE = re.compile(r"(?:^|[-_.])([a-z]{2})-en\.csv$", re.IGNORECASE)
_WORD_SEPARATOR = "\u200b"  # ZERO WIDTH SPACE: invisible, but it separates words
_INVISIBLE = frozenset("\u00ad\u200c\u200d\u2060\ufeff")  # SHY, ZWNJ, ZWJ, WJ, BOM
_OCR_SPLIT_VOWELS = {"\u0e4d\u0e32": "\u0e33", "\u0ecd\u0eb2": "\u0eb3"}  # Thai, Lao SARA AM
_LEADING_VOWELS = frozenset("เแโใไເແໂໃໄ")
_FOLLOWING_VOWELS = frozenset("ะาำๅະາຳ")
_STACKERS = frozenset("\u17d2\u1039")  # Khmer coeng, Burmese virama
# Thai thanthakhat, Lao cancellation mark, Khmer bantoc and toandakhiat
_SILENT_FINALS = frozenset("\u0e4c\u0ecc\u17cb\u17cd")
_ASAT = "\u103a"
_UNSPACED_SCRIPTS = frozenset({"Thai", "Lao", "Khmer", "Myanmar"})
_ANYWHERE_SCRIPTS = frozenset({"Han", "Kana"})


@dataclass(frozen=True)
class Entry:
    """One glossary row; `origin` ("file:line") says which file rendered it."""

    source: str
    english: str
    kind: str
    category: str = ""
    note: str = ""
    source_ref: str = ""
    origin: str = field(default="", compare=False)

    def row(self) -> tuple[str, ...]:
        """The CSV columns in `HEADER` order."""
        return (self.source, self.english, self.kind, self.category, self.note, self.source_ref)


@dataclass(frozen=True)
class Match:
    """A glossary term found in a text; offsets index the original text."""

    start: int
    end: int
    text: str
    entry: Entry


class Glossary:
    """The entries for one language, indexed for fast matching.

    Entries with the same normalised source replace earlier ones, the rule
    user glossaries rely on.  The index maps each normalised source to its
    entry; a set of all source prefixes lets matching stop extending a
    candidate as soon as no source starts that way, so a page costs a few
    set look-ups per character.
    """

    def __init__(
        self,
        lang: str,
        entries: Iterable[Entry],
        *,
        bundled: Path | None = None,
        user_files: Sequence[Path] = (),
    ) -> None:
        self.lang = lang
        self.bundled = bundled
        self.user_files = tuple(user_files)
        self._index: dict[str, Entry] = {}
        for entry in entries:
            self._index[normalise(entry.source, lang)] = entry
        self._prefixes = {key[:length] for key in self._index for length in range(1, len(key) + 1)}

    def __len__(self) -> int:
        return len(self._index)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._index.values())

    @property
    def label(self) -> str:
        """The files applied, as extract.json's ``processing.translation.glossary``.

        File names only (no directories, which may name the user's machine),
        in the order applied, e.g. ``th-en.csv (bundled) + office-th-en.csv``.
        """
        names = [f"{self.bundled.name} (bundled)"] if self.bundled else []
        return " + ".join(names + [path.name for path in self.user_files])

    def get(self, term: str) -> Entry | None:
        """The entry for a term, compared as `match` compares it."""
        return self._index.get(normalise(term, self.lang))

    def match(self, text: str) -> list[Match]:
        """All terms in `text`, longest first, non-overlapping, in text order.

        Every candidate at an allowed start and end is collected; longer
        candidates are taken first (the leftmost on ties) and shorter ones
        only where they do not overlap a match already taken.
        """
        spans = _cluster_spans(text)
        clusters = [text[start:end] for start, end in spans]
        fold = self.lang in CASE_FOLDED
        pieces = [_normalise_cluster(cluster, fold) for cluster in clusters]
        normalised = "".join(pieces)
        if self.lang == "vi":
            normalised = _new_style_tones(normalised)
        offsets = []
        first_cluster_at: dict[int, int] = {}
        position = 0
        for index, piece in enumerate(pieces):
            offsets.append(position)
            first_cluster_at.setdefault(position, index)
            position += len(piece)
        first_cluster_at.setdefault(position, len(pieces))

        candidates = []
        for first, start in enumerate(offsets):
            if not pieces[first]:
                continue  # a zero width space starts no match
            for stop in self._source_ends(normalised, start):
                end = first_cluster_at.get(stop)
                if (
                    end is not None
                    and _is_boundary(clusters, first)
                    and _is_boundary(clusters, end)
                ):
                    entry = self._index[normalised[start:stop]]
                    candidates.append((stop - start, first, end, entry))

        taken = bytearray(len(clusters))
        matches = []
        for _, first, end, entry in sorted(candidates, key=lambda c: (-c[0], c[1])):
            if not any(taken[first:end]):
                taken[first:end] = b"\x01" * (end - first)
                start, stop = spans[first][0], spans[end - 1][1]
                matches.append(Match(start, stop, text[start:stop], entry))
        return sorted(matches, key=lambda found: found.start)

    def _source_ends(self, text: str, start: int) -> Iterator[int]:
        """The ends of the normalised sources that `text` has at `start`."""
        stop = start + 1
        while stop <= len(text) and text[start:stop] in self._prefixes:
            if text[start:stop] in self._index:
                yield stop
            stop += 1


def normalise(text: str, lang: str) -> str:
    """The form in which glossary sources and texts are compared (see module docstring)."""
    fold = lang in CASE_FOLDED
    normalised = "".join(_normalise_cluster(text[a:b], fold) for a, b in _cluster_spans(text))
    return _new_style_tones(normalised) if lang == "vi" else normalised


# Vietnamese writes the tone of a closing oa, oe or uy on either vowel: "hòa"
# (the old style, most of our glossary) and "hoà" (the new style) are one
# word.  Both sides are compared in the new style.  Each vowel is one NFC
# character before and after, so match offsets do not move.
_OLD_STYLE_TONE = re.compile(r"([òóỏõọ])([ae])(?![^\W\d_])|([ùúủũụ])(y)(?![^\W\d_])")


def _new_style_tones(text: str) -> str:
    def move(found: re.Match[str]) -> str:
        toned, plain = found.group(1) or found.group(3), found.group(2) or found.group(4)
        base, *tone = unicodedata.normalize("NFD", toned)
        return base + unicodedata.normalize("NFC", plain + "".join(tone))

    return _OLD_STYLE_TONE.sub(move, text)


def bundled_glossary_dir() -> Path:
    """The folder of the glossaries shipped with the tool: the one place that knows.

    An installed package carries them as package data in ``pipeline/glossaries``;
    a repository checkout has them in its top-level ``glossaries/``.
    """
    here = Path(__file__).resolve().parent
    candidates = (here / "glossaries", here.parent / "glossaries")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    looked = ", ".join(str(path) for path in candidates)
    raise MissingDependencyError(
        f"the bundled glossaries are missing (looked in {looked}); reinstall mla"
    )


def bundled_glossary_files(glossary_dir: Path | None = None) -> list[Path]:
    """The bundled ``<lang>-en.csv`` files, one per supported language present."""
    directory = glossary_dir or bundled_glossary_dir()
    return sorted(
        path
        for path in directory.glob("*-en.csv")
        if path.name == f"{language_of_file(path)}-en.csv"
    )


def language_of_file(path: Path) -> str | None:
    """The language a glossary file's name declares (``office-th-en.csv`` -> ``th``)."""
    found = _FILE_LANGUAGE.search(path.name)
    lang = found.group(1).lower() if found else None
    return lang if lang in GLOSSARY_LANGUAGES else None


def check_glossary_language(lang: str) -> str:
    """Validate a language code for glossaries (every supported language but English)."""
    code = check_language(lang)
    if code not in GLOSSARY_LANGUAGES:
        raise UsageError(
            f"there are no glossaries for {code!r}; use one of: {', '.join(GLOSSARY_LANGUAGES)}"
        )
    return code


def load_glossary(
    lang: str, user_files: Sequence[UserFile] = (), *, glossary_dir: Path | None = None
) -> Glossary:
    """The bundled glossary for `lang` overridden by the user files for `lang`.

    Raises one `DataError` listing every problem in every file read, and a
    `UsageError` for a user file that is missing or whose language cannot be
    told from its name.
    """
    lang = check_glossary_language(lang)
    bundled = (glossary_dir or bundled_glossary_dir()) / f"{lang}-en.csv"
    if not bundled.is_file():
        raise DataError(f"there is no bundled glossary for {lang} (looked for {bundled})")
    applied = [
        path for path, file_lang in map(_user_file_language, user_files) if file_lang == lang
    ]
    entries: list[Entry] = []
    problems: list[str] = []
    for path in (bundled, *applied):
        found, file_problems = validate_glossary_file(path, lang)
        entries += found
        problems += file_problems
    raise_problems(problems)
    return Glossary(lang, entries, bundled=bundled, user_files=applied)


def read_glossary_file(path: Path, lang: str) -> list[Entry]:
    """The entries of one glossary CSV; a `DataError` lists all its problems."""
    entries, problems = validate_glossary_file(path, lang)
    raise_problems(problems)
    return entries


def validate_glossary_file(path: Path, lang: str) -> tuple[list[Entry], list[str]]:
    """The valid entries of one glossary CSV and its problems as ``file:line: ...``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return [], [f"{path}: cannot read: {error.strerror}"]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return [], [f"{path}:{line}: not UTF-8 text; save the file as UTF-8"]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    try:
        previous_end = 0
        for fields in reader:
            rows.append((previous_end + 1, fields))
            previous_end = reader.line_num
    except csv.Error as error:
        return [], [f"{path}:{reader.line_num}: not readable as CSV: {error}"]
    return validate_rows(rows, str(path), lang)


def validate_rows(
    rows: Sequence[tuple[int, Sequence[str]]], name: str, lang: str
) -> tuple[list[Entry], list[str]]:
    """Check numbered rows (the header first) as a glossary for `lang`.

    Shared by the CSV reader and the TBX importer, so both enforce the same
    rules.  Returns the valid entries and the problems as ``name:line: ...``.
    """
    if not rows:
        return [], [f"{name}:1: the file is empty; it needs the header {','.join(HEADER)}"]
    line, header = rows[0]
    if tuple(header) != HEADER:
        return [], [f"{name}:{line}: header is {','.join(header)!r}, expected {','.join(HEADER)!r}"]
    entries: list[Entry] = []
    problems: list[str] = []
    seen: dict[str, tuple[int, Entry]] = {}
    for line, fields in rows[1:]:
        if not fields:
            continue
        messages = _row_problems(fields)
        if not messages:
            entry = Entry(*fields, origin=f"{Path(name).name}:{line}")
            key = normalise(entry.source, lang)
            if key in seen:
                messages.append(_duplicate_problem(entry, *seen[key]))
            else:
                seen[key] = (line, entry)
                entries.append(entry)
        problems += [f"{name}:{line}: {message}" for message in messages]
    return entries, problems


def raise_problems(problems: Sequence[str]) -> None:
    """Raise one `DataError` naming the first problems and how many there are."""
    if not problems:
        return
    count = len(problems)
    lines = [f"invalid glossary data ({count} problem{'s' if count > 1 else ''}):"]
    lines += problems[:MAX_LISTED_PROBLEMS]
    if count > MAX_LISTED_PROBLEMS:
        lines.append(f"... and {count - MAX_LISTED_PROBLEMS} more")
    raise DataError("\n".join(lines))


def format_csv(entries: Iterable[Entry]) -> str:
    """Entries in the bundled CSV format, so user files look like ours."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(entry.row() for entry in entries)
    return out.getvalue()


def _row_problems(fields: Sequence[str]) -> list[str]:
    if len(fields) != len(HEADER):
        return [f"expected {len(HEADER)} fields ({','.join(HEADER)}), found {len(fields)}"]
    row = dict(zip(HEADER, fields, strict=True))
    problems = [f"{column} is empty" for column in REQUIRED if not row[column].strip()]
    problems += [
        f"{column} has leading or trailing spaces"
        for column in ("source", "english")
        if row[column].strip() and row[column] != row[column].strip()
    ]
    problems += [
        f"{column} is not in Unicode NFC form; write it with precomposed characters"
        for column, value in row.items()
        if not unicodedata.is_normalized("NFC", value)
    ]
    if row["kind"] and row["kind"] not in KINDS:
        problems.append(f"unknown kind {row['kind']!r}; use one of: {', '.join(KINDS)}")
    if row["category"] and row["category"] not in CATEGORIES:
        known = ", ".join(ASSISTANCE_CATEGORIES + INSTRUMENT_CATEGORIES)
        problems.append(f"unknown category {row['category']!r}; use one of: {known}")
    return problems


def _duplicate_problem(entry: Entry, line: int, earlier: Entry) -> str:
    if entry.english == earlier.english:
        return f"duplicate source {entry.source!r}, already on line {line}"
    return (
        f"conflicting renderings of {entry.source!r}: {entry.english!r} here, "
        f"{earlier.english!r} on line {line}; keep one"
    )


def _user_file_language(user_file: UserFile) -> tuple[Path, str]:
    path, lang = user_file if isinstance(user_file, tuple) else (user_file, None)
    path = Path(path)
    if not path.is_file():
        raise UsageError("no such glossary file", path)
    if lang is not None:
        return path, check_glossary_language(lang)
    from_name = language_of_file(path)
    if from_name is None:
        raise UsageError(
            "cannot tell the glossary's language: name it <lang>-en.csv "
            f"(e.g. office-th-en.csv) with <lang> one of {', '.join(GLOSSARY_LANGUAGES)}",
            path,
        )
    return path, from_name


def _cluster_spans(text: str) -> list[tuple[int, int]]:
    """Split text into the units a match starts and ends on.

    A unit is a whitespace run, a zero width space, or a character with the
    marks (and invisible joiners) that follow it.  NFC never composes across
    these edges: every character that composes with a preceding one is a mark
    (conjoining Hangul jamo excepted, which no glossary language uses).
    """
    spans = []
    start, length = 0, len(text)
    category = unicodedata.category
    while start < length:
        end = start + 1
        if text[start].isspace():
            while end < length and text[end].isspace():
                end += 1
        elif text[start] != _WORD_SEPARATOR:
            while end < length and (
                category(text[end])[0] == "M"
                or text[end] in _INVISIBLE
                or text[end - 1 : end + 1] in _OCR_SPLIT_VOWELS
            ):
                end += 1
        spans.append((start, end))
        start = end
    return spans


@functools.lru_cache(maxsize=8192)
def _normalise_cluster(cluster: str, fold: bool) -> str:
    if cluster.isspace():
        return " "
    if cluster == _WORD_SEPARATOR:
        return ""
    text = unicodedata.normalize("NFC", "".join(c for c in cluster if c not in _INVISIBLE))
    for split, joined in _OCR_SPLIT_VOWELS.items():
        text = text.replace(split, joined)
    return unicodedata.normalize("NFC", text.casefold()) if fold else text


def _is_boundary(clusters: Sequence[str], index: int) -> bool:
    """Whether a match may start or end between cluster `index - 1` and `index`."""
    if index == 0 or index == len(clusters):
        return True
    before, after = clusters[index - 1], clusters[index]
    if _WORD_SEPARATOR in (before, after):
        return True
    if unicodedata.category(after[0])[0] == "M":
        return False
    kind_before, kind_after = _word_kind(before[0]), _word_kind(after[0])
    if kind_before is None or kind_after is None or kind_before != kind_after:
        return True
    if kind_before in _UNSPACED_SCRIPTS:
        return _is_syllable_boundary(before, after)
    return kind_before in _ANYWHERE_SCRIPTS


@functools.lru_cache(maxsize=4096)
def _word_kind(char: str) -> str | None:
    """None for non-word characters, the script for unspaced scripts, else "spaced"."""
    if not (char.isalnum() or unicodedata.category(char)[0] == "M"):
        return None
    if unicodedata.category(char) == "Nd":
        return "spaced"
    script = script_of(char)
    return script if script in _UNSPACED_SCRIPTS | _ANYWHERE_SCRIPTS else "spaced"


def _is_syllable_boundary(before: str, after: str) -> bool:
    visible_before = before.rstrip("".join(_INVISIBLE))
    marks_after = after[1:].replace("\u1037", "")  # Burmese dot below sorts before asat
    return not (
        visible_before[-1] in _LEADING_VOWELS
        or visible_before[-1] in _STACKERS
        or after[0] in _FOLLOWING_VOWELS
        or any(char in _SILENT_FINALS for char in after)
        or marks_after.startswith(_ASAT)
    )
