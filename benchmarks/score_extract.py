"""Score the extraction stage against the annotated development set.

Runs `mla intake` in-process (`pipeline.api.intake`, offline, one worker) on
every request of `tests/devset/` twice: on its English version (`english.txt`,
or `source.en.txt` for requests written in English) and on its source version
(`source.<lang>.txt`), then compares each extract.json with the request's
`gold.json` (format and labelling rules: tests/devset/README.md).

Set-valued fields are micro-averaged over the whole set (true positives, false
positives and false negatives summed across requests before precision and
recall are taken), so a request with many persons weighs more than one with
few.  Items are matched one-to-one (maximum bipartite matching), so one
extracted "corruption and bribery" cannot count for two gold offences.

Usage:
    .venv/bin/python benchmarks/score_extract.py            # print the table
    .venv/bin/python benchmarks/score_extract.py --write    # and update RESULTS.md
    .venv/bin/python benchmarks/score_extract.py --details  # and each request's misses
    .venv/bin/python benchmarks/score_extract.py --json     # scores (and misses) as JSON
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from results_file import replace_block

from pipeline.api import intake
from pipeline.options import OcrOptions, PipelineOptions, TranslationOptions

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "devset"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START_MARKER = "<!-- extract-scores:start -->"
END_MARKER = "<!-- extract-scores:end -->"

MLA_ITEMS = tuple("abcdefghijk")
EXTRADITION_ITEMS = ("x1", "x2", "x3", "x4", "x5", "x6")

# Titles, ranks and forms of address that may precede a name, in the languages
# of the set, comma-separated.  Dropped only at the start of a name (see `name_key`).
LEADING_TITLES = """
mr, mrs, ms, miss, mdm, madam, dr, prof, sir, h.e., hon, rev, engr, atty, attorney,
pol. col., pol. lt. col., pol. maj., pol. gen., pol. lt. gen., pol. maj. gen., pol. capt.,
police colonel, police lieutenant colonel, police major, police captain, police general,
police adjunct senior commissioner, police senior commissioner,
colonel, lieutenant colonel, lt. col., major, major general, lieutenant general,
captain, capt., general, senior lieutenant colonel, lieutenant,
detective sergeant, det. sgt., sergeant, inspector, superintendent, supt.,
dsp, asp, acp, sac, dcp, senior special investigator, special investigator, investigator, agent,
state counsel, public prosecutor, prosecutor, judge, procurator,
encik, en., cik, puan, pn., tuan, tn., dato, datuk, datin, dato sri, datuk seri, tan sri,
puan sri, tun, haji, hj., hajah, hjh., yb,
bapak, bpk., pak, ibu, bu, saudara, sdr., saudari, sdri., akbp, kompol, akp, iptu, ipda,
kombes, brigjen, irjen,
g., gng., bb., ginoo, ginang, binibini, kgg.,
ông, bà, anh, chị, thiếu tá, trung tá, thượng tá, đại tá, thiếu tướng, trung tướng, đại úy,
điều tra viên, kiểm sát viên,
นาย, นาง, นางสาว, พ.ต.อ., พ.ต.ท., พ.ต.ต., ร.ต.อ., พล.ต.อ., พล.ต.ท., พล.ต.ต., ดร., คุณ,
ທ້າວ, ນາງ, ທ່ານ, ພັນໂທ, ພັນຕີ, ພັນເອກ, ຮ້ອຍເອກ, ຮ້ອຍໂທ,
លោក, លោកស្រី, ឯកឧត្តម, លោកជំទាវ, អ្នកស្រី, កញ្ញា,
ဦး, ဒေါ်, ရဲမှူး, ရဲမှူးကြီး, ဒုရဲမှူး, ရဲအုပ်, မစ္စတာ, u, daw
"""

# Degrees and post-nominals, dropped wherever they stand ("Dr. Widodo Santoso, S.H., M.H.").
ANYWHERE_TITLES = (
    "s.h., m.h., ll.m., s.e., m.m., m.si., ph.d., s.i.k., drs., dra., ir., mba, jr., sr., esq."
)

# Forms of address written without a space before the name in Thai, Lao,
# Khmer and Burmese (นายสมชาย, ဦးအောင်).  Longest first.
ATTACHED_PREFIXES = (
    "นางสาว",
    "นาย",
    "นาง",
    "ທ້າວ",
    "ທ່ານ",
    "ນາງ",
    "លោកស្រី",
    "លោក",
    "ဦး",
    "ဒေါ်",
)

ORGANISATION_STOPWORDS = frozenset({"the", "of", "and", "in", "at", "for"})

UNITS = {
    "hour": "hour",
    "day": "day",
    "working day": "working day",
    "business day": "working day",
    "week": "week",
    "month": "month",
    "year": "year",
}


# --- normalisation ----------------------------------------------------------


def _plain(text: str) -> str:
    """Casefolded NFC text with Latin diacritics removed (Vietnamese names with
    and without their marks are the same name); other scripts are kept intact,
    since their vowel signs are combining marks too."""
    out: list[str] = []
    latin_base = False
    for char in unicodedata.normalize("NFC", text.casefold()):
        if char in "đĐ":
            char = "d"
        if unicodedata.category(char).startswith("M"):
            if not latin_base:
                out.append(char)
            continue
        latin_base = unicodedata.name(char, "").startswith("LATIN")
        out.append(unicodedata.normalize("NFD", char)[0] if latin_base else char)
    return "".join(out)


def tokens(text: str) -> list[str]:
    """Word tokens: periods and apostrophes vanish (S.H. -> sh, General's ->
    generals), every other character that is not a letter, mark or digit
    separates words."""
    text = _plain(unicodedata.normalize("NFKC", text))
    text = re.sub(r"[.'’ʼ`]", "", text)
    cleaned = "".join(char if unicodedata.category(char)[0] in "LMN" else " " for char in text)
    return cleaned.split()


def _title_phrases(spec: str) -> list[tuple[str, ...]]:
    phrases = {tuple(tokens(phrase)) for phrase in spec.split(",") if tokens(phrase)}
    return sorted(phrases, key=len, reverse=True)


_LEADING = _title_phrases(LEADING_TITLES)
_ANYWHERE = frozenset(token for phrase in _title_phrases(ANYWHERE_TITLES) for token in phrase)


def name_key(name: str) -> frozenset[str]:
    """The words of a person's name without titles, as a set (word order and
    case do not matter: "Mr Somchai JAIDEE" == "Jaidee Somchai")."""
    words = [word for word in tokens(name) if word not in _ANYWHERE]
    stripped = True
    while stripped and words:
        stripped = False
        for phrase in _LEADING:
            if len(words) > len(phrase) and tuple(words[: len(phrase)]) == phrase:
                words = words[len(phrase) :]
                stripped = True
                break
    if words:
        for prefix in ATTACHED_PREFIXES:
            if words[0].startswith(prefix) and len(words[0]) - len(prefix) >= 2:
                words[0] = words[0][len(prefix) :]
                break
    return frozenset(words)


def organisation_key(name: str) -> frozenset[str]:
    """The words of an organisation's name without "the", "of" ..., as a set."""
    return frozenset(word for word in tokens(name) if word not in ORGANISATION_STOPWORDS)


def names_match(
    extracted: str, gold_names: Iterable[str], key: Callable[[str], frozenset[str]]
) -> bool:
    """True if the extracted name has the same key as the gold name or an alias."""
    found = key(extracted)
    return bool(found) and any(found == key(gold) for gold in gold_names)


def offence_matches(gold: str, extracted: str) -> bool:
    """An extracted offence counts for a gold one if either name contains the
    other as whole words ("fraud" ~ "public fraud"; not "terrorism" ~
    "terrorist financing")."""
    gold_words = " ".join(tokens(gold))
    found_words = " ".join(tokens(extracted))
    if not gold_words or not found_words:
        return False
    return f" {gold_words} " in f" {found_words} " or f" {found_words} " in f" {gold_words} "


def _ascii_digits(text: str) -> str:
    return "".join(
        str(unicodedata.digit(char)) if char.isdigit() and not char.isascii() else char
        for char in text
    )


def reference_key(value: str) -> str:
    """Letters and digits only, digits in ASCII (Thai, Khmer, Burmese, Lao
    digits included), case and Latin diacritics ignored."""
    text = _plain(_ascii_digits(unicodedata.normalize("NFKC", value)))
    return "".join(char for char in text if unicodedata.category(char)[0] in "LMN")


def reference_matches(gold_values: Iterable[str], extracted: str) -> bool:
    """True if a gold reference (or alias) appears inside the extracted value,
    which may carry a prefix such as "No." or "Our ref.:"."""
    found = reference_key(extracted)
    return bool(found) and any(
        (key := reference_key(gold)) and key in found for gold in gold_values
    )


def relative_key(text: str) -> str:
    """ "within 30 days of receipt" -> "30 day": the amount and unit are what
    matter; phrasing ("from the date of receipt") does not."""
    words = " ".join(tokens(_ascii_digits(text)))
    number = re.search(r"\d+", words)
    for phrase, unit in sorted(UNITS.items(), key=lambda item: -len(item[0])):
        if re.search(rf"\b{phrase}s?\b", words):
            return f"{number.group() if number else ''} {unit}".strip()
    return words


def item_id(value: object) -> str:
    """Checklist item ids as "a" or "x1", whatever brackets the extract uses."""
    return "".join(char for char in str(value).casefold() if char.isalnum())


# --- matching ---------------------------------------------------------------


def matching(
    gold: Sequence[Any], found: Sequence[Any], same: Callable[[Any, Any], bool]
) -> dict[int, int]:
    """A maximum one-to-one matching of found to gold items, {found index: gold index}."""
    partner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for f, item in enumerate(found):
            if f in seen or not same(gold[g], item):
                continue
            seen.add(f)
            if f not in partner or augment(partner[f], seen):
                partner[f] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return partner


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed over requests."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(
        self, gold: Sequence[Any], found: Sequence[Any], same: Callable[[Any, Any], bool]
    ) -> tuple[list[Any], list[Any]]:
        """Count one request; return the gold items missed and the found items extra."""
        pairs = matching(gold, found, same)
        self.tp += len(pairs)
        self.fp += len(found) - len(pairs)
        self.fn += len(gold) - len(pairs)
        matched_gold = set(pairs.values())
        missed = [item for g, item in enumerate(gold) if g not in matched_gold]
        extra = [item for f, item in enumerate(found) if f not in pairs]
        return missed, extra

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Tally:
    """Right answers out of all answers."""

    correct: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.correct += int(right)
        self.total += 1

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.accuracy, 4)}


SET_FIELDS = (
    "persons",
    "persons_name_only",
    "organisations",
    "assistance",
    "offences",
    "legal_basis",
    "deadline_dates",
    "deadline_relative",
    "references",
)
ACCURACY_FIELDS = (
    "request_type",
    "requesting_state",
    "requested_state",
    "urgent",
    "completeness",
    "completeness_gaps",
)


@dataclass
class Scores:
    """Scores over a set of (gold, extract) pairs."""

    counts: dict[str, Counts] = field(
        default_factory=lambda: {name: Counts() for name in SET_FIELDS}
    )
    tallies: dict[str, Tally] = field(
        default_factory=lambda: {name: Tally() for name in ACCURACY_FIELDS}
    )
    facts: int = 0
    facts_without_evidence: int = 0
    requests: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    details: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "failed": self.failed,
            "details": self.details,
            **{name: counts.as_dict() for name, counts in self.counts.items()},
            **{name: tally.as_dict() for name, tally in self.tallies.items()},
            "facts": self.facts,
            "facts_without_evidence": self.facts_without_evidence,
        }


# --- reading an extract -----------------------------------------------------


def _list(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def _parties(extract: dict[str, Any]) -> dict[str, Any]:
    parties = extract.get("parties")
    return parties if isinstance(parties, dict) else {}


def _state(extract: dict[str, Any], key: str) -> str | None:
    state = _parties(extract).get(key)
    return state.get("iso3166") if isinstance(state, dict) else None


def facts_of(extract: dict[str, Any]) -> list[dict[str, Any]]:
    """Every extracted fact that must point back to a segment."""
    parties = _parties(extract)
    singles = [
        parties.get(key) for key in ("requesting_state", "requested_state", "requesting_authority")
    ]
    facts = [fact for fact in singles if isinstance(fact, dict)]
    for key in ("persons", "organisations"):
        facts += _list(parties.get(key))
    for key in ("assistance_sought", "deadlines", "offences", "legal_basis", "references"):
        facts += _list(extract.get(key))
    return facts


def lacks_evidence(fact: dict[str, Any], segment_ids: set[str]) -> bool:
    """True if a fact has no evidence, or evidence naming no segment of the extract."""
    evidence = fact.get("evidence")
    return not (
        isinstance(evidence, dict)
        and evidence.get("segment") in segment_ids
        and isinstance(evidence.get("source"), str)
        and evidence["source"].strip()
    )


# --- scoring ----------------------------------------------------------------


def _gold_names(item: dict[str, Any]) -> list[str]:
    return [item["name"], *item.get("aliases", [])]


def _describe(item: Any) -> str:
    if isinstance(item, dict):
        return f"{item.get('name')} ({item.get('role')})"
    if isinstance(item, list):
        return str(item[0])
    return str(item)


def score_request(
    gold: dict[str, Any], extract: dict[str, Any], scores: Scores, name: str = ""
) -> None:
    """Add one request's comparison to the running scores; what it got wrong
    goes to `scores.details[name]`."""
    parties = _parties(extract)
    persons = _list(parties.get("persons"))
    organisations = _list(parties.get("organisations"))
    problems: dict[str, Any] = {}

    def compare(
        key: str, gold_items: Sequence[Any], found: Sequence[Any], same: Callable[[Any, Any], bool]
    ) -> None:
        missed, extra = scores.counts[key].add(gold_items, found, same)
        if missed or extra:
            problems[key] = {
                "missed": [_describe(item) for item in missed],
                "extra": [_describe(item) for item in extra],
            }

    def check(key: str, found: object, expected: object) -> None:
        right = found is expected if isinstance(expected, bool) else found == expected
        scores.tallies[key].add(right)
        if not right:
            problems[key] = {"expected": expected, "found": found}

    compare(
        "persons",
        gold["persons"],
        persons,
        lambda g, x: (
            g["role"] == x.get("role") and names_match(_text(x, "name"), _gold_names(g), name_key)
        ),
    )
    compare(
        "persons_name_only",
        gold["persons"],
        persons,
        lambda g, x: names_match(_text(x, "name"), _gold_names(g), name_key),
    )
    compare(
        "organisations",
        gold["organisations"],
        organisations,
        lambda g, x: (
            g["role"] == x.get("role")
            and names_match(_text(x, "name"), _gold_names(g), organisation_key)
        ),
    )
    categories = sorted(
        {_text(item, "category") for item in _list(extract.get("assistance_sought"))} - {""}
    )
    compare("assistance", sorted(set(gold["assistance"])), categories, str.__eq__)
    offences = [_text(item, "name") for item in _list(extract.get("offences"))]
    compare("offences", gold["offences"], offences, offence_matches)
    instruments = sorted(
        {_text(item, "instrument") for item in _list(extract.get("legal_basis"))} - {""}
    )
    compare("legal_basis", sorted(set(gold["legal_basis"])), instruments, str.__eq__)

    deadlines = _list(extract.get("deadlines"))
    dates = sorted({_text(item, "date") for item in deadlines} - {""})
    compare("deadline_dates", sorted(set(gold["deadline_dates"])), dates, str.__eq__)
    relatives = sorted({relative_key(_text(item, "relative")) for item in deadlines} - {""})
    gold_relatives = sorted({relative_key(text) for text in gold["deadline_relative"]})
    compare("deadline_relative", gold_relatives, relatives, str.__eq__)
    aliases = gold.get("reference_aliases", {})
    references = [_text(item, "value") for item in _list(extract.get("references"))]
    compare(
        "references",
        [[value, *aliases.get(value, [])] for value in gold["references"]],
        references,
        reference_matches,
    )

    check("request_type", extract.get("request_type"), gold["request_type"])
    check("requesting_state", _state(extract, "requesting_state"), gold["requesting_state"])
    check("requested_state", _state(extract, "requested_state"), gold["requested_state"])
    check("urgent", extract.get("urgent"), gold["urgent"])
    found_items = {
        item_id(item.get("item")): item.get("present")
        for item in _list(extract.get("completeness"))
    }
    wrong_items = {}
    for item, present in gold["completeness"].items():
        found = found_items.get(item)
        right = isinstance(found, bool) and found == present
        scores.tallies["completeness"].add(right)
        if not present:
            scores.tallies["completeness_gaps"].add(found is False)
        if not right:
            wrong_items[item] = {"expected": present, "found": found}
    if wrong_items:
        problems["completeness"] = wrong_items

    segment_ids = {_text(segment, "id") for segment in _list(extract.get("segments"))}
    facts = facts_of(extract)
    without = sum(lacks_evidence(fact, segment_ids) for fact in facts)
    if without:
        problems["facts_without_evidence"] = without
    scores.facts += len(facts)
    scores.facts_without_evidence += without
    scores.requests += 1
    if problems and name:
        scores.details[name] = problems


# --- the dev set and the pipeline -------------------------------------------


@dataclass(frozen=True)
class DevRequest:
    """One annotated request: its gold labels and the two texts to process."""

    name: str
    language: str
    gold: dict[str, Any]
    english: Path
    source: Path


def load_devset(folder: Path = DEVSET) -> list[DevRequest]:
    """Every request folder under `folder`, in name order."""
    requests = []
    for request in sorted(
        path for path in folder.iterdir() if path.is_dir() and path.name[:2].isdigit()
    ):
        sources = sorted(request.glob("source.*.txt"))
        if len(sources) != 1:
            raise ValueError(f"{request}: expected one source.<lang>.txt, found {len(sources)}")
        source = sources[0]
        language = source.name.split(".")[1]
        english = source if language == "en" else request / "english.txt"
        gold = json.loads((request / "gold.json").read_text(encoding="utf-8"))
        requests.append(DevRequest(request.name, language, gold, english, source))
    return requests


def run_intake(path: Path, out_dir: Path) -> dict[str, Any] | str:
    """The extract.json `mla intake` writes for one file, or why it failed."""
    # No models directory: the scores measure extraction from glossary terms and
    # the source text alone, as on a desk that has installed no translation model.
    options = PipelineOptions(
        ocr=OcrOptions(jobs=1), translation=TranslationOptions(models_dirs=())
    )
    try:
        (outcome,) = intake([path], out_dir, options)
    except Exception as error:  # a stage under development must not stop the scoring
        return f"{type(error).__name__}: {error}"
    if outcome.folder is None:
        return str(outcome.error)
    return json.loads((outcome.folder / "extract.json").read_text(encoding="utf-8"))


def score_version(requests: Sequence[DevRequest], version: str, work_dir: Path) -> Scores:
    """Scores for the "english" or the "source" version of every request; a
    file intake fails on is scored as an empty extract and listed in `failed`."""
    scores = Scores()
    for request in requests:
        extract = run_intake(getattr(request, version), work_dir / version / request.name)
        if isinstance(extract, str):
            scores.failed[request.name] = extract
            extract = {}
        score_request(request.gold, extract, scores, request.name)
    return scores


# --- reporting --------------------------------------------------------------

TABLE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("persons (name + role), P / R / F1", "persons", "prf"),
    ("persons (name only), P / R / F1", "persons_name_only", "prf"),
    ("organisations (name + role), P / R / F1", "organisations", "prf"),
    ("assistance categories, P / R / F1", "assistance", "prf"),
    ("offences, P / R / F1", "offences", "prf"),
    ("legal basis, P / R / F1", "legal_basis", "prf"),
    ("deadline dates, recall (P / F1)", "deadline_dates", "recall"),
    ("relative deadlines, recall (P / F1)", "deadline_relative", "recall"),
    ("references, recall (P / F1)", "references", "recall"),
    ("request type, accuracy", "request_type", "accuracy"),
    ("requesting state, accuracy", "requesting_state", "accuracy"),
    ("requested state, accuracy", "requested_state", "accuracy"),
    ("urgent, accuracy", "urgent", "accuracy"),
    ("completeness items, accuracy", "completeness", "accuracy"),
    ("missing items reported missing", "completeness_gaps", "accuracy"),
)


def _cell(scores: Scores, key: str, kind: str) -> str:
    if kind == "accuracy":
        tally = scores.tallies[key]
        return f"{tally.accuracy:.2f} ({tally.correct}/{tally.total})"
    counts = scores.counts[key]
    if kind == "recall":
        return f"**{counts.recall:.2f}** ({counts.precision:.2f} / {counts.f1:.2f})"
    return f"{counts.precision:.2f} / {counts.recall:.2f} / {counts.f1:.2f}"


def markdown_table(english: Scores, source: Scores) -> str:
    """One row per metric, one column per version of the requests."""
    lines = [
        f"| metric | English versions (n={english.requests}) | source versions (n={source.requests}) |",
        "|---|---|---|",
    ]
    lines += [
        f"| {label} | {_cell(english, key, kind)} | {_cell(source, key, kind)} |"
        for label, key, kind in TABLE_ROWS
    ]
    lines.append(
        f"| facts without evidence (must be 0) | {english.facts_without_evidence} of {english.facts}"
        f" | {source.facts_without_evidence} of {source.facts} |"
    )
    lines.append(f"| files intake failed on | {len(english.failed)} | {len(source.failed)} |")
    return "\n".join(lines)


def details_text(title: str, scores: Scores) -> str:
    """What each request got wrong, for tuning: one line per field."""
    lines = [f"## {title}: what each request got wrong", ""]
    lines += [f"- intake failed on {name}: {error}" for name, error in scores.failed.items()]
    for name, problems in scores.details.items():
        lines.append(f"### {name}")
        lines += [
            f"- {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in problems.items()
        ]
        lines.append("")
    return "\n".join(lines)


def results_section(table: str, seconds: float) -> str:
    """The RESULTS.md block: what was measured, where, when, and the table."""
    machine = f"{platform.machine()}, nproc {len(os.sched_getaffinity(0))}"
    today = datetime.date.today().isoformat()
    return "\n".join(
        [
            START_MARKER,
            "## Extraction on the dev set (`benchmarks/score_extract.py`)",
            "",
            f"Machine: {machine}. Date: {today}. Run time: {seconds:.0f} s "
            "(`mla intake` in-process, one worker, no translation models).",
            "English versions: `english.txt`, or `source.en.txt` for the requests written in English; "
            "source versions: `source.<lang>.txt` (the English originals appear in both columns). "
            "Set-valued fields are micro-averaged; labelling rules in `tests/devset/README.md`.",
            "",
            table,
            END_MARKER,
        ]
    )


def write_results(section: str, path: Path = RESULTS) -> None:
    """Insert the section between the markers, replacing any earlier one."""
    replace_block(section, START_MARKER, END_MARKER, path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--devset", type=Path, default=DEVSET, help="dev set folder (default: tests/devset)"
    )
    parser.add_argument("--write", action="store_true", help=f"update {RESULTS.relative_to(ROOT)}")
    parser.add_argument(
        "--json", action="store_true", help="print the scores as JSON instead of a table"
    )
    parser.add_argument(
        "--details", action="store_true", help="also print what each request got wrong"
    )
    args = parser.parse_args(argv)

    requests = load_devset(args.devset)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="score-extract-") as work:
        english = score_version(requests, "english", Path(work))
        source = score_version(requests, "source", Path(work))
    seconds = time.monotonic() - started

    if args.json:
        scores = {"english": english.as_dict(), "source": source.as_dict()}
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        print(markdown_table(english, source))
        if args.details:
            print()
            print(details_text("English versions", english))
            print(details_text("Source versions", source))
    if args.write:
        write_results(results_section(markdown_table(english, source), seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
