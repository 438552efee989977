"""Dates and time limits in request letters, in every language the tool supports.

A request gives its deadline as a date ("by 30 April 2026", "ภายในวันที่ ๓๐
เมษายน ๒๕๖๙"), as a time limit counted from an event ("within 30 days of
receipt", "收到本请求书之日起30日内"), as a period ("preserve for a period of 90
days") or as "as soon as possible".  The extraction stage needs all of them,
with the exact source words as evidence, so `find_dates` returns spans into the
text it was given.  Time limits are rendered in one English form, numbers as
digits: "within 2 weeks", "within 14 working days", "within 30 days of
receipt", "for a period of 90 days", "as soon as possible", "without delay".
Penalties ("imprisonment for a period of 10 years", "จำคุกไม่เกินห้าปี") and
urgency labels (ด่วนที่สุด, KHẨN, 特急) are not time limits.

Why not `dateparser.search.search_dates`: on the bundled sample letters it took
25-265 ms a letter and read penalties ("10 years", "20 Tahun 2001"), paragraph
numbers ("6(d)") and bare day counts ("30 วัน") as dates relative to today;
it knows no Buddhist-era years, no Khmer or Burmese date order, no Thai
abbreviated months (it reads "5 มี.ค. 2569" as 5 January) and no Chinese
numerals.  So dateparser supplies what it is good at, the month names of each
language (full, abbreviated and old spellings, from its locale data), and
strict grammars of our own find dates: a day, a month and a year must all be
there, so reference numbers, amounts, accounts, phone numbers and statute
years ("Penal Code B.E. 2499") never become dates.

Absolute dates are recognised whatever ``lang`` says: month names and date
words of different languages do not collide, and letters quote other
languages (a Thai letter dated in English, an English letter citing a Thai
date).  ``lang`` decides how a bare year of 2400 or more is read: as a
Buddhist-era year in Thai and Lao letters (and wherever the month is Thai or
Lao), as no date elsewhere.  Numeric dates are read day first, as in ASEAN
correspondence, unless another numeric date in the same text can only be read
month first; when both readings are valid, differ and the text does not
settle the order, the mention is flagged ``ambiguous``.

Every pattern runs on `to_ascii_digits(text)`, which keeps offsets, so Thai,
Lao, Khmer, Burmese and full-width digits need no patterns of their own.
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from dateparser.languages.loader import default_loader


@dataclass(frozen=True)
class DateMention:
    """A date or time limit in a text; exactly one of ``date`` and ``relative`` is set."""

    start: int  # offsets into the original text
    end: int
    text: str  # the source words, text[start:end]
    date: datetime.date | None  # Gregorian; Buddhist-era years are converted
    relative: str | None  # English: "within 30 days of receipt", "as soon as possible"
    ambiguous: bool = False  # a numeric date read day first although month first is possible


_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")


def to_ascii_digits(text: str) -> str:
    """Replace every Unicode decimal digit by its ASCII digit, one character for one."""
    return _NON_ASCII_DIGIT.sub(lambda match: str(unicodedata.decimal(match.group())), text)


# --- pattern building blocks -------------------------------------------------

_S = r"[\s\u200b]*"  # optional space; Khmer, Burmese and Thai text may carry zero-width spaces
_S1 = r"[\s\u200b]+"
_LETTER = r"[^\W\d_]"
_NOT_AFTER_LETTER = rf"(?<!{_LETTER})"
_NOT_BEFORE_LETTER = rf"(?!{_LETTER})"
# Edges for Latin-script words only: Thai, Lao, Khmer and Burmese run words together.
_LATIN_LETTER = r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
_NOT_AFTER_LATIN = rf"(?<!{_LATIN_LETTER})"
_NOT_BEFORE_LATIN = rf"(?!{_LATIN_LETTER})"
_DAY = r"(?<![0-9])(?P<day>[0-9]{1,2})(?![0-9])"
_YEAR4 = r"(?<![0-9])(?P<year>[0-9]{4})(?![0-9])"


def _ocr_tolerant(source: str) -> str:
    """Let Thai and Lao SARA AM also match the two code points Tesseract writes for it."""
    return source.replace("ำ", "(?:ำ|ํา)").replace("ຳ", "(?:ຳ|ໍາ)")


def _normalise(words: str) -> str:
    """Lookup key for vocabulary: case, spaces, dots and split SARA AM do not matter."""
    key = words.replace("ํา", "ำ").replace("ໍາ", "ຳ").casefold()
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", re.sub(r"[\s\u200b.]+", "", key))


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of the words, longest first, spaces and dots flexible."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    escaped = (
        re.escape(word).replace(r"\ ", _S1).replace(r"\.", rf"\.{_S}").replace(r"\-", "[-\\s]?")
        for word in ordered
    )
    return "(?:" + "|".join(escaped) + ")"


def _compile(source: str) -> re.Pattern[str]:
    return re.compile(_ocr_tolerant(source), re.IGNORECASE)


# --- month names -------------------------------------------------------------

ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DATEPARSER_LOCALE = {"tl": "fil"}
_LATIN_LANGUAGES = ("en", "id", "ms", "tl")

# What dateparser's locale data lacks, as found in request letters.
_EXTRA_MONTH_NAMES: dict[str, dict[str, int]] = {
    # Thai official abbreviations are written with dots (dateparser has ``มีค``).
    "th": {
        name: number
        for number, name in enumerate(
            [
                "ม.ค.",
                "ก.พ.",
                "มี.ค.",
                "เม.ย.",
                "พ.ค.",
                "มิ.ย.",
                "ก.ค.",
                "ส.ค.",
                "ก.ย.",
                "ต.ค.",
                "พ.ย.",
                "ธ.ค.",
            ],
            start=1,
        )
    },
    "tl": {"febrero": 2, "septiyembre": 9, "setiyembre": 9, "setiembre": 9},
    "vi": {"tháng giêng": 1, "tháng bốn": 4, "tháng chạp": 12},
    "km": {"កុម្ភះ": 2},
    "my": {"သြဂုတ်": 8},
}
# Burmese one-syllable abbreviations are everyday words (ဒီ "this", အောက် "below").
_EXCLUDED_MONTH_NAMES = {"my": {"ဇန်", "ဖေ", "ဧ", "ဇူ", "ဩ", "စက်", "အောက်", "နို", "ဒီ"}}


@cache
def _month_names(lang: str) -> dict[str, int]:
    """Month name (as written) -> month number, from dateparser's locale plus our additions."""
    info = default_loader.get_locale(_DATEPARSER_LOCALE.get(lang, lang)).info
    names = {
        name: number
        for number, key in enumerate(ENGLISH_MONTHS, start=1)
        for name in info.get(key, ())
        if name not in _EXCLUDED_MONTH_NAMES.get(lang, ())
    }
    names.update(_EXTRA_MONTH_NAMES.get(lang, {}))
    return names


@cache
def _month_lookup() -> dict[str, int]:
    languages = (*_LATIN_LANGUAGES, "vi", "th", "km", "lo", "my", "zh")
    return {
        _normalise(name): number
        for lang in languages
        for name, number in _month_names(lang).items()
    }


# --- numbers in words --------------------------------------------------------

# Each word either adds its value or multiplies what came before (ten, hundred):
# "tiga puluh satu" = (3 x 10) + 1, "สามสิบเอ็ด" = (3 x 10) + 1, "mười lăm" = 10 + 5.
_ADD, _MULTIPLY = "add", "multiply"


def _words(kind: str, table: str) -> dict[str, tuple[str, int]]:
    pairs = (entry.split("=") for entry in table.split())
    return {word.replace("_", " "): (kind, int(value)) for word, value in pairs}


_FILIPINO_UNITS = (
    "isa=1 dalawa=2 tatlo=3 apat=4 lima=5 anim=6 pito=7 walo=8 siyam=9 sampu=10 "
    "labing-isa=11 labindalawa=12 labintatlo=13 labing-apat=14 labinlima=15 labing-anim=16 "
    "labimpito=17 labingwalo=18 labinsiyam=19 dalawampu=20 tatlumpu=30 apatnapu=40 "
    "limampu=50 animnapu=60 pitumpu=70 walumpu=80 siyamnapu=90"
)
_NUMBER_WORDS: dict[str, dict[str, tuple[str, int]]] = {
    "en": _words(
        _ADD,
        "a=1 an=1 one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 "
        "eleven=11 twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 "
        "eighteen=18 nineteen=19 twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 "
        "eighty=80 ninety=90",
    )
    | _words(_MULTIPLY, "hundred=100"),
    "id": _words(
        _ADD,
        "satu=1 dua=2 tiga=3 empat=4 lima=5 enam=6 tujuh=7 delapan=8 lapan=8 sembilan=9 "
        "sepuluh=10 sebelas=11 belas=10 seratus=100",
    )
    | _words(_MULTIPLY, "puluh=10 ratus=100"),
    "vi": _words(
        _ADD,
        "một=1 mốt=1 hai=2 ba=3 bốn=4 tư=4 năm=5 lăm=5 nhăm=5 sáu=6 bảy=7 bẩy=7 tám=8 "
        "chín=9 mười=10 linh=0 lẻ=0",
    )
    | _words(_MULTIPLY, "mươi=10 chục=10 trăm=100"),
    "tl": _words(_ADD, _FILIPINO_UNITS)
    # The linker -ng joins a number to its noun: "tatlumpung araw", "limang araw".
    | _words(
        _ADD,
        " ".join(
            f"{word}ng={value}"
            for word, value in (entry.split("=") for entry in _FILIPINO_UNITS.split())
            if word[-1] in "aeiou"
        ),
    )
    | _words(_MULTIPLY, "daan=100 raan=100"),
    "th": _words(_ADD, "หนึ่ง=1 เอ็ด=1 สอง=2 ยี่=2 สาม=3 สี่=4 ห้า=5 หก=6 เจ็ด=7 แปด=8 เก้า=9")
    | _words(_MULTIPLY, "สิบ=10 ร้อย=100"),
    "lo": _words(
        _ADD,
        "ໜຶ່ງ=1 ຫນຶ່ງ=1 ນຶ່ງ=1 ເອັດ=1 ສອງ=2 ສາມ=3 ສີ່=4 ຫ້າ=5 ຫົກ=6 ເຈັດ=7 ແປດ=8 ເກົ້າ=9 ຊາວ=20",
    )
    | _words(_MULTIPLY, "ສິບ=10 ຮ້ອຍ=100"),
    "km": _words(
        _ADD,
        "មួយ=1 ពីរ=2 បី=3 បួន=4 ប្រាំ=5 ដប់=10 ម្ភៃ=20 សាមសិប=30 សែសិប=40 ហាសិប=50 "
        "ហុកសិប=60 ចិតសិប=70 ប៉ែតសិប=80 កៅសិប=90",
    )
    | _words(_MULTIPLY, "រយ=100"),
    "my": _words(_ADD, "တစ်=1 နှစ်=2 သုံး=3 လေး=4 ငါး=5 ခြောက်=6 ခုနစ်=7 ရှစ်=8 ကိုး=9")
    | _words(_MULTIPLY, "ဆယ်=10 ဆယ့်=10 ရာ=100"),
    "zh": _words(_ADD, "〇=0 零=0 一=1 二=2 两=2 三=3 四=4 五=5 六=6 七=7 八=8 九=9")
    | _words(_MULTIPLY, "十=10 百=100"),
}
_NUMBER_WORDS["ms"] = _NUMBER_WORDS["id"]
_SPACED_NUMBERS = {"en", "id", "ms", "vi", "tl"}
_ZH_DIGITS = dict(zip("〇零○一二三四五六七八九", (0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))


@cache
def _number_word_pattern(lang: str) -> str:
    words = _alternation(_NUMBER_WORDS[lang])
    if lang not in _SPACED_NUMBERS:
        return f"{words}{{1,8}}"
    joiner = r"(?:[\s-]+(?:and\s+)?|'t\s+)"
    return f"{_NOT_AFTER_LETTER}{words}(?:{joiner}{words}){{0,6}}{_NOT_BEFORE_LETTER}"


@cache
def _number_tokens(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    table = {_normalise(word): value for word, value in _NUMBER_WORDS[lang].items()}
    return _compile(_alternation(_NUMBER_WORDS[lang])), table


def _word_number(words: str, lang: str) -> int | None:
    pattern, table = _number_tokens(lang)
    total = current = 0
    for token in pattern.finditer(words):
        kind, value = table[_normalise(token.group())]
        if kind == _ADD:
            current += value
        elif value >= 100:
            total, current = total + (current or 1) * value, 0
        else:
            current = (current or 1) * value
    return total + current or None


def _number(text: str, lang: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _word_number(text, lang)


# --- absolute dates ----------------------------------------------------------


@dataclass(frozen=True)
class _DateGrammar:
    """One way of writing a date: a pattern with named groups day, month or
    monthnum, year, and optionally be/ce (an era marker)."""

    pattern: re.Pattern[str]
    buddhist_default: bool = False  # a bare year >= 2400 is Buddhist era (Thai, Lao grammars)
    script: str | None = None  # run only when the text has this script


_ERA = (
    r"(?:(?:(?P<be>พ\.?{S}ศ\.?|พุทธศักราช|B\.?{S}E\.?|ພ\.?{S}ສ\.?)"
    r"|(?P<ce>ค\.?{S}ศ\.?|คริสต์ศักราช|គ\.?{S}ស\.?|ຄ\.?{S}ສ\.?|A\.?{S}D\.?|公元)){S})"
).replace("{S}", _S)
_SCRIPT_PROBES = {
    "Thai": re.compile("[\u0e00-\u0e7f]"),
    "Lao": re.compile("[\u0e80-\u0eff]"),
    "Khmer": re.compile("[\u1780-\u17ff]"),
    "Myanmar": re.compile("[\u1000-\u109f]"),
    "Han": re.compile("[\u4e00-\u9fff]"),
}


@cache
def _date_grammars() -> tuple[_DateGrammar, ...]:
    latin = _alternation(name for lang in _LATIN_LANGUAGES for name in _month_names(lang))
    latin_month = rf"{_NOT_AFTER_LETTER}(?P<month>{latin}){_NOT_BEFORE_LETTER}\.?"
    vi_words = (
        name.split(" ", 1)[1]
        for name in _month_names("vi")
        if name.casefold().startswith("tháng ") and not name[-1].isdigit()
    )
    vi_month = rf"(?P<month>(?:tháng|thg)\.?{_S}(?:[0-9]{{1,2}}|{_alternation(vi_words)}){_NOT_BEFORE_LETTER})"
    thai = _alternation(_month_names("th"))
    khmer = _alternation(_month_names("km"))
    lao = _alternation(_month_names("lo"))
    burmese = _alternation(_month_names("my"))
    zh_number = r"[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
    sources: list[tuple[str, bool, str | None]] = [
        # 5 March 2026, 5th March, 2026, the 5th day of March 2026, 9hb Mac 2026,
        # ika-10 ng Marso 2026, 5-Mar-2026
        (
            rf"(?:{_NOT_AFTER_LETTER}ika-?{_S})?{_DAY}(?:st|nd|rd|th|hb\.?|{_S1}haribulan)?"
            rf"(?:{_S1}day{_S1}of|{_S1}of|{_S1}ng(?:{_S1}buwan{_S1}ng)?)?[\s-]+{latin_month},?[\s-]+"
            rf"(?:(?:ng{_S1})?taong{_S1})?{_ERA}?{_YEAR4}",
            False,
            None,
        ),
        # March 5, 2026; Marso 5, 2026
        (rf"{latin_month}{_S1}{_DAY}(?:st|nd|rd|th)?,?{_S1}{_YEAR4}", False, None),
        # ngày 5 tháng 3 năm 2026, 5 tháng Ba năm 2026
        (
            rf"(?:{_NOT_AFTER_LETTER}ngày{_S1})?{_DAY}{_S1}{vi_month}{_S}(?:,{_S})?(?:năm{_S1})?{_YEAR4}",
            False,
            None,
        ),
        # ๕ มีนาคม ๒๕๖๙, วันที่ 5 มี.ค. 69, 5 มีนาคม พ.ศ. 2569, 5 มีนาคม ค.ศ. 2026
        (
            rf"(?:วันที่{_S})?{_DAY}{_S}(?:เดือน{_S})?(?P<month>{thai}){_S}{_ERA}?"
            r"(?<![0-9])(?P<year>[0-9]{4}|[0-9]{2})(?![0-9]|[.:][0-9])",
            True,
            "Thai",
        ),
        # ថ្ងៃទី៥ ខែមីនា ឆ្នាំ២០២៦, ថ្ងៃទី ៥ ខែ ០៣ ឆ្នាំ ២០២៦
        (
            rf"(?:ថ្ងៃទី{_S})?{_DAY}{_S}(?:(?:ខែ{_S})?(?P<month>{khmer})|ខែ{_S}(?P<monthnum>[0-9]{{1,2}}))"
            rf"{_S}(?:ឆ្នាំ{_S})?{_ERA}?{_YEAR4}",
            False,
            "Khmer",
        ),
        # ວັນທີ 5 ເດືອນມີນາ 2026, ວັນທີ 12 ມີນາ 2026, ວັນທີ 5 ເດືອນ 3 ປີ 2026
        (
            rf"(?:ວັນທີ່?{_S})?{_DAY}{_S}(?:(?:ເດືອນ{_S})?(?P<month>{lao})|ເດືອນ{_S}(?P<monthnum>[0-9]{{1,2}}))"
            rf"{_S}(?:,{_S})?(?:ປີ{_S})?{_ERA}?{_YEAR4}",
            True,
            "Lao",
        ),
        # ၂၀၂၆ ခုနှစ်၊ မတ်လ ၅ ရက် (year, month, day)
        (
            rf"{_YEAR4}{_S}ခုနှစ်{_S}(?:[၊,]{_S})?(?P<month>{burmese})(?:{_S}လ)?{_S}(?:[၊,]{_S})?{_DAY}{_S}ရက်(?:နေ့)?",
            False,
            "Myanmar",
        ),
        # ၅ ရက် မတ်လ ၂၀၂၆ ခုနှစ်
        (
            rf"{_DAY}{_S}ရက်(?:နေ့)?{_S}(?:[၊,]{_S})?(?P<month>{burmese})(?:{_S}လ)?{_S}(?:[၊,]{_S})?{_YEAR4}(?:{_S}ခုနှစ်)?",
            False,
            "Myanmar",
        ),
        # 2026年3月5日, 二〇二六年三月五日
        (
            r"(?:公元" + _S + r")?(?<![0-9])(?P<year>[0-9]{4}|[〇零○一二三四五六七八九]{4})"
            rf"{_S}年{_S}(?P<month>(?:{zh_number}){_S}月)份?{_S}(?P<day>{zh_number}){_S}[日号]",
            False,
            "Han",
        ),
        # 2026-03-05, 2026/3/5, 2026.03.05
        (
            r"(?<![0-9A-Za-z/.\-])(?P<year>[0-9]{4})([-/.])(?P<monthnum>[0-9]{1,2})\2"
            r"(?P<day>[0-9]{1,2})(?![0-9A-Za-z/\-]|\.[0-9])",
            False,
            None,
        ),
    ]
    return tuple(
        _DateGrammar(_compile(source), buddhist, script) for source, buddhist, script in sources
    )


_NUMERIC_DATE = re.compile(
    r"(?<![0-9A-Za-z/.\-_])(?P<first>[0-9]{1,2})(?P<sep>[-/.])(?P<second>[0-9]{1,2})"
    r"(?P=sep)(?P<year>[0-9]{4})(?![0-9A-Za-z/\-_]|\.[0-9])"
)
# A numeric date right after "No." or "Ref" is a number, not a date.
_NUMBER_LABEL = re.compile(
    r"(?:\b(?:no|nos|nr|ref|số|nomor|blg)|เลขที่|ເລກທີ|លេខ|အမှတ်|号|编号)[\s.:：#]*$", re.IGNORECASE
)
_BUDDHIST_LANGUAGES = {"th", "lo"}
# Where numeric dates may also be written month first (Philippine and American usage);
# elsewhere in the region dd/mm/yyyy is the only order, so there is nothing to flag.
_DAY_FIRST_ONLY = {"th", "vi", "id", "ms", "km", "lo", "my", "zh"}
_BUDDHIST_ERA_OFFSET = 543
_YEARS = range(1850, 2151)


def _year(
    match: re.Match[str], buddhist_default: bool, month_text: str | None = None
) -> int | None:
    text = match["year"]
    value = int("".join(str(_ZH_DIGITS.get(char, char)) for char in text))
    if "be" in match.re.groupindex and match["be"]:
        value -= _BUDDHIST_ERA_OFFSET
    elif "ce" in match.re.groupindex and match["ce"]:
        pass
    elif len(text) == 2:
        # "5 มี.ค. 69": two-digit Buddhist-era years go with abbreviated Thai months only.
        if not month_text or "." not in month_text:
            return None
        value += 2500 - _BUDDHIST_ERA_OFFSET
    elif value >= 2400 and buddhist_default:
        value -= _BUDDHIST_ERA_OFFSET
    return value if value in _YEARS else None


def _make_date(year: int | None, month: int | None, day: int | None) -> datetime.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _grammar_date(match: re.Match[str], grammar: _DateGrammar, lang: str) -> datetime.date | None:
    groups = match.groupdict()
    month_text = groups.get("month")
    lookup = _month_lookup()
    month = lookup.get(_normalise(month_text)) if month_text else int(groups["monthnum"])
    day = _number(groups["day"], "zh")
    buddhist = grammar.buddhist_default or lang in _BUDDHIST_LANGUAGES
    return _make_date(_year(match, buddhist, month_text), month, day)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    date: datetime.date | None = None
    relative: str | None = None
    ambiguous: bool = False


def _absolute_dates(text: str, lang: str) -> list[_Candidate]:
    scripts = {name for name, probe in _SCRIPT_PROBES.items() if probe.search(text)}
    found = []
    for grammar in _date_grammars():
        if grammar.script and grammar.script not in scripts:
            continue
        for match in grammar.pattern.finditer(text):
            date = _grammar_date(match, grammar, lang)
            if date:
                found.append(_Candidate(match.start(), match.end(), date=date))
    return found + _numeric_dates(text, lang)


def _numeric_dates(text: str, lang: str) -> list[_Candidate]:
    """dd/mm/yyyy (or mm/dd/yyyy when the text shows that order), with ambiguity."""
    matches = [
        match
        for match in _NUMERIC_DATE.finditer(text)
        if not _NUMBER_LABEL.search(text, max(0, match.start() - 16), match.start())
    ]
    pairs = [(int(match["first"]), int(match["second"])) for match in matches]
    day_first_seen = any(first > 12 >= second for first, second in pairs)
    month_first_seen = any(second > 12 >= first for first, second in pairs)
    month_first = month_first_seen and not day_first_seen
    settled = day_first_seen != month_first_seen or lang in _DAY_FIRST_ONLY
    found = []
    for match, (first, second) in zip(matches, pairs, strict=True):
        year = _year(match, lang in _BUDDHIST_LANGUAGES)
        day_first = _make_date(year, second, first)
        other = _make_date(year, first, second)
        preferred, fallback = (other, day_first) if month_first else (day_first, other)
        date = preferred or fallback
        if date:
            ambiguous = bool(preferred and fallback and preferred != fallback and not settled)
            found.append(_Candidate(match.start(), match.end(), date=date, ambiguous=ambiguous))
    return found


# --- relative time limits ----------------------------------------------------

_UNIT_ENGLISH = {
    "hour": "hour",
    "day": "day",
    "working_day": "working day",
    "week": "week",
    "month": "month",
    "year": "year",
}
_UNIT_LIMITS = {"hour": 240, "day": 365, "working_day": 365, "week": 52, "month": 36, "year": 30}
_ANCHOR_ENGLISH = {
    "receipt": "of receipt",
    "letter": "of the date of this letter",
    "offence": "of the commission of the offence",
}


@dataclass(frozen=True)
class _LimitGrammar:
    """How one language writes "within N units (from an event)" and "for a period of N units"."""

    lang: str
    opener: str  # regex: the words that open a time limit ("within"); empty when a closer ends it
    units: dict[str, str]  # unit word -> key of _UNIT_ENGLISH
    anchors: dict[str, str]  # anchor kind -> regex
    closer: str = ""  # regex after the unit (Chinese 内, Burmese အတွင်း); anchors then come first
    period_opener: str = ""  # regex: "for a period of" (how long data is to be preserved)
    script: str | None = None
    unit_before_number: bool = False  # Burmese also writes "ရက်ပေါင်း ၃၀" (days, total 30)


def _units(table: str) -> dict[str, str]:
    return {word.replace("_", " "): unit for word, unit in (e.split("=") for e in table.split())}


_RECEIPT_OBJECT_EN = r"(?:\s+of\s+(?:this|the|our|that)\s+(?:request|letter|note|communication))?"
_LIMIT_GRAMMARS = (
    _LimitGrammar(
        "en",
        r"within(?:\s+(?:a|the)\s+(?:maximum\s+)?period\s+of)?|(?:no|not)\s+later\s+than",
        _units(
            "hour=hour hours=hour day=day days=day calendar_day=day calendar_days=day "
            "working_day=working_day working_days=working_day business_day=working_day "
            "business_days=working_day week=week weeks=week month=month months=month "
            "year=year years=year"
        ),
        {
            "receipt": r"(?:of|from|after|following|upon)\s+(?:the\s+)?(?:date\s+of\s+)?(?:(?:your|its)\s+)?(?:receipt|receiving)"
            + _RECEIPT_OBJECT_EN,
            "letter": r"(?:of|from|after)\s+the\s+date\s+(?:of\s+)?(?:(?:this|the|our)\s+(?:letter|request|note)|hereof)",
            "offence": r"(?:of|from|after)\s+the\s+(?:date\s+of\s+the\s+)?(?:commission\s+of\s+the\s+)?offen[cs]e",
        },
        period_opener=r"for\s+(?:a|an\s+additional|a\s+further|a\s+(?:maximum|minimum)|the)\s+period\s+of",
    ),
    _LimitGrammar(
        "id",
        r"dalam(?:\s+jangka)?\s+(?:waktu|tempoh|tempo|masa)(?:\s+(?:paling\s+lama|selama|tidak\s+lebih\s+daripada))?"
        r"|paling\s+lambat|selambat-lambatnya|tidak\s+lewat\s+(?:daripada|dari)",
        _units(
            "jam=hour hari=day hari_kerja=working_day hari_bekerja=working_day minggu=week "
            "bulan=month tahun=year"
        ),
        {
            "receipt": r"(?:sejak|dari|daripada|terhitung\s+(?:sejak|mulai))\s+(?:tanggal\s+|tarikh\s+)?"
            r"(?:diterimanya|penerimaan|diterima|menerima)(?:\s+(?:permintaan|surat|permohonan)(?:\s+ini)?)?",
            "letter": r"(?:sejak|dari|daripada)\s+(?:tanggal|tarikh)\s+(?:surat|permintaan)\s+ini",
        },
        period_opener=r"(?:selama|untuk|bagi)\s+(?:tempoh|jangka\s+waktu|masa)|selama",
    ),
    _LimitGrammar(
        "vi",
        r"trong(?:\s+thời\s+hạn|\s+vòng)(?:\s+(?:không\s+quá|tối\s+đa))?|chậm\s+nhất(?:\s+là)?",
        _units("giờ=hour ngày=day ngày_làm_việc=working_day tuần=week tháng=month năm=year"),
        {
            "receipt": r"kể\s+từ\s+(?:ngày\s+)?(?:nhận\s+được|nhận)"
            r"(?:\s+(?:yêu\s+cầu|văn\s+bản|công\s+văn)(?:\s+này)?)?",
            "letter": r"kể\s+từ\s+ngày\s+(?:ký\s+)?(?:của\s+)?(?:văn\s+bản|công\s+văn|yêu\s+cầu)\s+này",
            "offence": r"kể\s+từ\s+ngày\s+(?:tội\s+phạm\s+được\s+thực\s+hiện|phạm\s+tội)",
        },
        period_opener=r"trong\s+thời\s+gian(?:\s+là)?",
    ),
    _LimitGrammar(
        "tl",
        r"sa\s+loob\s+ng",
        _units("oras=hour araw=day araw_ng_trabaho=working_day linggo=week buwan=month taon=year"),
        {
            "receipt": r"mula\s+(?:sa|nang)\s+(?:(?:petsa|araw)\s+ng\s+)?(?:pagtanggap|pagkatanggap|matanggap)"
            r"(?:\s+(?:nito|ng\s+(?:kahilingang|liham)\s+ito))?",
            "letter": r"mula\s+sa\s+petsa\s+ng\s+(?:liham|kahilingang)\s+ito",
        },
    ),
    _LimitGrammar(
        "th",
        r"ภายใน(?:ระยะเวลา|กำหนด)?(?:[\s\u200b]*ไม่เกิน)?",
        _units("ชั่วโมง=hour วัน=day วันทำการ=working_day สัปดาห์=week อาทิตย์=week เดือน=month ปี=year"),
        {
            "receipt": r"นับ(?:แต่|จาก|ตั้งแต่)(?:วันที่)?(?:ได้รับ|รับ)"
            r"(?:หนังสือ(?:ฉบับ)?นี้|คำร้องขอ(?:ฉบับ)?นี้|คำร้องขอ|หนังสือ)?",
            "letter": r"นับ(?:แต่|จาก|ตั้งแต่)วันที่(?:ใน|ของ|ลงใน)?หนังสือ(?:ฉบับ)?นี้",
            "offence": r"นับ(?:แต่|จาก|ตั้งแต่)วัน(?:ที่)?กระทำความผิด",
        },
        period_opener=r"เป็น(?:ระยะ)?เวลา",
        script="Thai",
    ),
    _LimitGrammar(
        "km",
        r"ក្នុង(?:រយៈពេល|អំឡុងពេល|កំឡុងពេល)?(?:[\s\u200b]*មិនលើសពី)?",
        _units("ម៉ោង=hour ថ្ងៃ=day ថ្ងៃធ្វើការ=working_day សប្ដាហ៍=week សប្តាហ៍=week ខែ=month ឆ្នាំ=year"),
        {
            "receipt": r"(?:គិត)?(?:ចាប់)?ពីថ្ងៃ(?:ដែល)?(?:បាន)?ទទួល(?:បាន)?(?:[\s\u200b]*(?:សំណើ|លិខិត)(?:នេះ)?)?",
            "letter": r"(?:គិត)?(?:ចាប់)?ពីថ្ងៃ(?:ចុះ)?(?:លិខិត|ហត្ថលេខា)(?:នេះ)?",
        },
        period_opener=r"(?<!ក្នុង)រយៈពេល",
        script="Khmer",
    ),
    _LimitGrammar(
        "lo",
        r"ພາຍໃນ(?:ໄລຍະ|ກຳນົດ)?(?:[\s\u200b]*ບໍ່ເກີນ)?",
        _units(
            "ຊົ່ວໂມງ=hour ວັນ=day ວັນລັດຖະການ=working_day ວັນເຮັດການ=working_day "
            "ວັນເຮັດວຽກ=working_day ອາທິດ=week ເດືອນ=month ປີ=year"
        ),
        {
            "receipt": r"ນັບ(?:ແຕ່|ຈາກ)(?:ວັນ(?:ທີ່)?)?ໄດ້ຮັບ(?:[\s\u200b]*(?:ໜັງສື|ຄຳຮ້ອງ)(?:ສະບັບ)?ນີ້)?",
            "letter": r"ນັບ(?:ແຕ່|ຈາກ)ວັນ(?:ທີ່)?ລົງ(?:ໃນ)?ໜັງສື(?:ສະບັບ)?ນີ້",
        },
        period_opener=r"ເປັນເວລາ",
        script="Lao",
    ),
    _LimitGrammar(
        "zh",
        "",
        _units(
            "小时=hour 个小时=hour 日=day 天=day 工作日=working_day 个工作日=working_day "
            "周=week 星期=week 个星期=week 个月=month 年=year"
        ),
        {
            "receipt": r"(?:自|从)?(?:收到|接到|收悉)(?:本|该|此|上述)?(?:请求书|请求|函件|函|信函|文书)?(?:之日|后)起?",
            "letter": r"(?:自|从)本(?:函|请求书?)(?:发出|签发)?之日起",
        },
        closer=r"以?内",
        period_opener=r"为期|期限为",
        script="Han",
    ),
    _LimitGrammar(
        "my",
        "",
        _units("နာရီ=hour ရက်=day ရုံးဖွင့်ရက်=working_day ပတ်=week သီတင်းပတ်=week လ=month နှစ်=year"),
        {
            "receipt": r"(?:ဤ(?:စာ|တောင်းခံချက်|တောင်းခံစာ)(?:ကို)?[\s\u200b]*)?လက်ခံ(?:ရရှိ)?(?:သည့်|သည်)?"
            r"[\s\u200b]*နေ့(?:ရက်)?မှ[\s\u200b]*(?:စ၍|စတင်၍)?",
        },
        closer=r"အတွင်း",
        script="Myanmar",
        unit_before_number=True,
    ),
)


def _number_source(lang: str) -> str:
    number = rf"(?:[0-9]{{1,3}}(?![0-9])|{_number_word_pattern(lang)})"
    return rf"(?P<num>{number})(?:{_S}[(（]{_S}{number}{_S}[)）])?"


def _limit_sources(grammar: _LimitGrammar) -> Iterable[str]:
    number = _number_source(grammar.lang)
    units = rf"(?P<unit>{_alternation(grammar.units)})"
    anchors = "|".join(f"(?P<{kind}>{source})" for kind, source in grammar.anchors.items())
    if grammar.closer:
        unit_number = rf"{number}{_S}{units}"
        if grammar.unit_before_number:
            # "ရက်ပေါင်း ၃၀ အတွင်း" (days, total 30, within) as well as "၃၀ ရက်အတွင်း"
            first = rf"(?P<unit_first>{_alternation(grammar.units)})(?:ပေါင်း)?"
            unit_number = rf"(?:{first}{_S})?{number}(?:{_S}{units})?"
        guard = r"(?<![0-9月年〇零一二两三四五六七八九十百])"
        yield rf"(?:(?:{anchors}){_S}(?:(?:在|于){_S})?|{guard}){unit_number}{_S}{grammar.closer}"
    openers = [
        f"(?P<within>{grammar.opener})" if grammar.opener else "",
        f"(?P<period>{grammar.period_opener})" if grammar.period_opener else "",
    ]
    opener = "|".join(filter(None, openers))
    if opener:
        spaced = grammar.lang in _SPACED_NUMBERS
        start, end = (_NOT_AFTER_LATIN, _NOT_BEFORE_LATIN) if spaced else ("", "")
        linker = rf"(?:{_S1}na)?" if grammar.lang == "tl" else ""
        yield (
            rf"{start}(?:{opener}){_S}{number}{linker}{_S}{units}{end}"
            rf"(?:{_S}(?:,{_S})?(?:{anchors}))?"
        )


@cache
def _limit_patterns() -> tuple[tuple[_LimitGrammar, re.Pattern[str]], ...]:
    return tuple(
        (grammar, _compile(source))
        for grammar in _LIMIT_GRAMMARS
        for source in _limit_sources(grammar)
    )


# "penjara selama 5 tahun", "จำคุกเป็นเวลา ๕ ปี": a sentence, not a period to keep data for.
_PENALTY_BEFORE = re.compile(
    r"imprison|jail|custod|penjara|kurungan|จำคุก|กักขัง|\btù\b|giam|徒刑|拘役|监禁|ពន្ធនាគារ|ຈຳຄຸກ|ထောင်"
    r"|kulong|bilanggo",
    re.IGNORECASE,
)


def _render_limit(count: int, unit: str, anchor: str | None, period: bool) -> str:
    words = _UNIT_ENGLISH[unit] + ("s" if count != 1 else "")
    rendered = f"{'for a period of' if period else 'within'} {count} {words}"
    return f"{rendered} {_ANCHOR_ENGLISH[anchor]}" if anchor else rendered


def _relative_limits(text: str) -> list[_Candidate]:
    scripts = {name for name, probe in _SCRIPT_PROBES.items() if probe.search(text)}
    found = []
    for grammar, pattern in _limit_patterns():
        if grammar.script and grammar.script not in scripts:
            continue
        units = {_normalise(word): unit for word, unit in grammar.units.items()}
        for match in pattern.finditer(text):
            groups = match.groupdict()
            unit = units.get(_normalise(groups.get("unit_first") or groups["unit"] or ""))
            count = _number(groups["num"], grammar.lang)
            period = bool(groups.get("period"))
            if not count or not unit or count > _UNIT_LIMITS[unit]:
                continue
            if period and _PENALTY_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue
            anchor = next((kind for kind in grammar.anchors if groups.get(kind)), None)
            rendered = _render_limit(count, unit, anchor, period)
            found.append(_Candidate(match.start(), match.end(), relative=rendered))
    return found


# --- "as soon as possible" ---------------------------------------------------

_AS_SOON_AS_POSSIBLE = "as soon as possible"
_WITHOUT_DELAY = "without delay"
# Bare urgency labels (ด่วนที่สุด, KHẨN, Segera, 特急, အရေးတကြီး) classify the
# letter and are left to the urgency extractor; these phrases set a time limit.
_PROMPTNESS_PHRASES: dict[str, tuple[str, ...]] = {
    _AS_SOON_AS_POSSIBLE: (
        r"as\s+soon\s+as\s+(?:possible|practicable|may\s+be\s+practicable)",
        r"at\s+(?:the|your)\s+earliest\s+(?:possible\s+)?(?:opportunity|convenience|date)",
        r"as\s+early\s+as\s+possible",
        r"โดยเร็วที่สุด|โดยเร็วเท่าที่จะ(?:ทำได้|เป็นไปได้)|เร็วที่สุดเท่าที่จะ(?:ทำได้|เป็นไปได้)|โดยเร็ว",
        r"càng\s+sớm\s+càng\s+tốt|sớm\s+nhất\s+có\s+thể|trong\s+thời\s+gian\s+sớm\s+nhất(?:\s+có\s+thể)?",
        r"secepat-cepatnya|secepatnya|secepat\s+(?:yang\s+)?mungkin|sesegera\s+mungkin|secepat\s+yang\s+boleh",
        r"sa\s+lalong\s+madaling\s+panahon(?:g\s+posible)?|sa\s+madaling\s+panahon",
        r"尽快|尽早|尽速|从速|及早",
        r"[ឱឲ]្យបានឆាប់(?:តាមដែលអាច(?:ធ្វើ)?(?:ទៅ)?បាន|បំផុត|ៗ)?|ឆាប់ៗ",
        r"ໂດຍໄວທີ່ສຸດ|ໄວທີ່ສຸດເທົ່າທີ່ຈະ(?:ເປັນ)?ໄປໄດ້|ໂດຍໄວ",
        r"(?:တတ်နိုင်|ဖြစ်နိုင်)သမျှ[\s\u200b]*အမြန်ဆုံး|အမြန်ဆုံး",
    ),
    _WITHOUT_DELAY: (
        r"without\s+(?:any\s+)?(?:undue\s+)?delay",
        r"as\s+a\s+matter\s+of\s+(?:(?:great|utmost|the\s+utmost)\s+)?urgency|with\s+(?:the\s+)?utmost\s+urgency",
        r"โดยด่วนที่สุด|โดยด่วน|โดยทันที",
        r"ngay\s+lập\s+tức|không\s+chậm\s+trễ|một\s+cách\s+khẩn\s+trương",
        r"dengan\s+(?:kadar\s+)?segera|tanpa\s+(?:penundaan|berlengah|bertangguh)",
        r"nang\s+walang\s+(?:pagkaantala|pagpapaliban)|kaagad-agad",
        r"立即|即刻|毫不迟延",
        r"ជាបន្ទាន់|ដោយគ្មានការពន្យារពេល",
        r"ໂດຍດ່ວນ|ໂດຍທັນທີ",
        r"ချက်ချင်း|နှောင့်နှေးခြင်းမရှိဘဲ",
    ),
}


@cache
def _promptness_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (rendering, _compile(rf"{_NOT_AFTER_LATIN}(?:{'|'.join(phrases)}){_NOT_BEFORE_LATIN}"))
        for rendering, phrases in _PROMPTNESS_PHRASES.items()
    )


def _promptness(text: str) -> list[_Candidate]:
    return [
        _Candidate(match.start(), match.end(), relative=rendering)
        for rendering, pattern in _promptness_patterns()
        for match in pattern.finditer(text)
    ]


# --- the public entry point ---------------------------------------------------


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest spans win; a shorter span inside or across a kept one is dropped."""
    kept: list[_Candidate] = []  # in text order
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        index = bisect.bisect_left(starts, candidate.start)
        clear_before = index == 0 or kept[index - 1].end <= candidate.start
        clear_after = index == len(kept) or candidate.end <= kept[index].start
        if clear_before and clear_after:
            kept.insert(index, candidate)
            starts.insert(index, candidate.start)
    return kept


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Absolute dates and relative time limits in ``text``, in text order, without overlaps.

    ``lang`` is the ISO 639-1 code of the text (en th vi id ms tl km lo my zh);
    it decides whether a bare year >= 2400 is a Buddhist-era year (th, lo).
    Codes of unsupported languages are accepted and read like English.
    """
    ascii_text = to_ascii_digits(text)
    candidates = [
        *_absolute_dates(ascii_text, lang),
        *_relative_limits(ascii_text),
        *_promptness(ascii_text),
    ]
    return [
        DateMention(
            start=candidate.start,
            end=candidate.end,
            text=text[candidate.start : candidate.end],
            date=candidate.date,
            relative=candidate.relative,
            ambiguous=candidate.ambiguous,
        )
        for candidate in _without_overlaps(candidates)
    ]
