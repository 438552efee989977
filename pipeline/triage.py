"""The triage list of a batch: `OUT/backlog.csv` and `OUT/backlog.html`.

Every file in the job store is one row, ordered the way a desk works a
backlog: urgent requests first, then by the soonest deadline (overdue ones
first, as their days left are negative), then those with no dated deadline;
files still waiting and files that failed (with their error) come last.  A
file with the same content as another follows it, linked to the same review.
Request details are read from each finished request's extract.json (the
shared schema), so the list shows whatever the extraction stages found.
The HTML page is self-contained (no fetches: its Content-Security-Policy
forbids them) and sortable by any column.
"""

from __future__ import annotations

import csv
import html
import io
import json
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.jobstore import Job, JobStatus, JobStore
from pipeline.languages import LANGUAGES

CSV_NAME = "backlog.csv"
HTML_NAME = "backlog.html"
REVIEW_NAME = "review.html"
SOON_DAYS = 7
STATUS_ORDER = {JobStatus.done: 0, JobStatus.running: 1, JobStatus.pending: 2, JobStatus.failed: 3}


@dataclass(frozen=True)
class BacklogRow:
    """One request as the triage list shows it."""

    file: Path
    status: JobStatus
    folder: str | None = None
    duplicate_of: Path | None = None
    error: str | None = None
    urgent: bool = False
    deadline: date | None = None
    days_left: int | None = None
    deadline_kind: str | None = None
    relative_deadline: str | None = None
    request_type: str | None = None
    requesting_state: str | None = None
    requesting_state_code: str | None = None
    language: str | None = None
    translation: str | None = None
    assistance: tuple[str, ...] = ()
    completeness_gaps: tuple[str, ...] = ()

    @property
    def review(self) -> str | None:
        """Relative link from OUT to the request's review page (written by the review stage)."""
        return f"{self.folder}/{REVIEW_NAME}" if self.folder else None

    def sort_key(self) -> tuple[Any, ...]:
        return (
            not self.urgent,
            self.deadline is None,
            self.deadline or date.max,
            STATUS_ORDER[self.status],
            self.duplicate_of is not None,
            str(self.file),
        )


def backlog_rows(jobs: list[Job], out_dir: Path, today: date) -> list[BacklogRow]:
    """Rows in triage order."""
    paths = {job.id: job.path for job in jobs}
    rows = [_row(job, paths, out_dir, today) for job in jobs]
    return sorted(rows, key=BacklogRow.sort_key)


def _row(job: Job, paths: dict[int, Path], out_dir: Path, today: date) -> BacklogRow:
    base = BacklogRow(
        file=job.path,
        status=job.status,
        folder=job.output_folder if job.status == JobStatus.done else None,
        duplicate_of=paths.get(job.duplicate_of) if job.duplicate_of else None,
        error=job.error,
    )
    if job.status != JobStatus.done or not job.output_folder:
        return base
    try:
        extract = json.loads((out_dir / job.output_folder / "extract.json").read_text("utf-8"))
        return _with_extract(base, extract, today)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        return BacklogRow(
            file=base.file,
            status=base.status,
            folder=base.folder,
            duplicate_of=base.duplicate_of,
            error=f"{job.output_folder}/extract.json is missing or unreadable ({error})",
        )


def _with_extract(base: BacklogRow, extract: dict[str, Any], today: date) -> BacklogRow:
    deadline, kind = _soonest_deadline(extract["deadlines"])
    relative = next((d["relative"] for d in extract["deadlines"] if d.get("relative")), None)
    state = extract["parties"].get("requesting_state") or {}
    return BacklogRow(
        file=base.file,
        status=base.status,
        folder=base.folder,
        duplicate_of=base.duplicate_of,
        error=base.error,
        urgent=bool(extract["urgent"]),
        deadline=deadline,
        days_left=(deadline - today).days if deadline else None,
        deadline_kind=kind,
        relative_deadline=relative,
        request_type=extract["request_type"],
        requesting_state=state.get("name"),
        requesting_state_code=state.get("iso3166"),
        language=extract["language"]["primary"],
        translation=extract["processing"]["translation"]["status"],
        assistance=tuple(dict.fromkeys(item["category"] for item in extract["assistance_sought"])),
        completeness_gaps=tuple(
            f"{item['item']}: {item['label']}"
            for item in extract["completeness"]
            if not item["present"]
        ),
    )


def _soonest_deadline(deadlines: list[dict[str, Any]]) -> tuple[date | None, str | None]:
    dated = []
    for deadline in deadlines:
        try:
            dated.append((date.fromisoformat(deadline["date"]), deadline["kind"]))
        except (TypeError, ValueError):
            continue
    return min(dated) if dated else (None, None)


CSV_COLUMNS = [
    "rank",
    "urgent",
    "deadline",
    "days_left",
    "deadline_kind",
    "relative_deadline",
    "request_type",
    "requesting_state",
    "requesting_state_code",
    "language",
    "translation",
    "assistance",
    "completeness_gaps",
    "status",
    "file",
    "folder",
    "review",
    "duplicate_of",
    "error",
]


def render_csv(rows: list[BacklogRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rank, row in enumerate(rows, start=1):
        writer.writerow(
            [
                rank,
                "yes" if row.urgent else "no",
                row.deadline.isoformat() if row.deadline else "",
                "" if row.days_left is None else row.days_left,
                row.deadline_kind or "",
                row.relative_deadline or "",
                row.request_type or "",
                row.requesting_state or "",
                row.requesting_state_code or "",
                row.language or "",
                row.translation or "",
                "; ".join(row.assistance),
                "; ".join(row.completeness_gaps),
                row.status,
                str(row.file),
                row.folder or "",
                row.review or "",
                str(row.duplicate_of) if row.duplicate_of else "",
                row.error or "",
            ]
        )
    return buffer.getvalue()


HTML_COLUMNS = [
    "#",
    "Urgent",
    "Deadline",
    "Days left",
    "Type",
    "Requesting State",
    "Language",
    "Translation",
    "Assistance sought",
    "Completeness gaps",
    "Status",
    "File",
    "Review",
]

STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; text-align: left; vertical-align: top; }
th button { font: inherit; font-weight: bold; border: 0; background: none; cursor: pointer; padding: 0; }
th[aria-sort=ascending] button::after { content: " \\25B2"; }
th[aria-sort=descending] button::after { content: " \\25BC"; }
tr.urgent td:nth-child(2) { color: #b00; font-weight: bold; }
tr.overdue td:nth-child(4) { background: #f8d0d0; font-weight: bold; }
tr.soon td:nth-child(4) { background: #fde9c4; }
tr.failed { background: #f4f4f4; }
.error { color: #b00; }
ul { margin: 0; padding-left: 1.1em; }
.muted { color: #777; }
"""

SCRIPT = """
const compare = (a, b, direction) => {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  const numbers = [Number(a), Number(b)];
  const order = numbers.every(Number.isFinite) ? numbers[0] - numbers[1] : a.localeCompare(b);
  return order * direction;
};
const headers = Array.from(document.querySelectorAll("thead th"));
headers.forEach((header, column) => {
  header.querySelector("button").addEventListener("click", () => {
    const direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    headers.forEach((other) => other.removeAttribute("aria-sort"));
    header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
    const body = document.querySelector("tbody");
    const key = (row) => row.cells[column].dataset.sort ?? row.cells[column].textContent.trim();
    const rows = Array.from(body.rows);
    rows.sort((a, b) => compare(key(a), key(b), direction));
    body.append(...rows);
  });
});
"""


def render_html(rows: list[BacklogRow], today: date) -> str:
    counts = {status: sum(row.status == status for row in rows) for status in JobStatus}
    summary = ", ".join(f"{counts[status]} {status}" for status in JobStatus if counts[status])
    urgent = sum(row.urgent for row in rows)
    head = "".join(
        f"<th><button type='button'>{html.escape(name)}</button></th>" for name in HTML_COLUMNS
    )
    body = "\n".join(_html_row(rank, row) for rank, row in enumerate(rows, start=1))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Request backlog, {today.isoformat()}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>Request backlog</h1>
<p>{len(rows)} file(s): {html.escape(summary or "none")}; {urgent} urgent. Days left are counted
from {today.isoformat()}. Ordered by urgency, then soonest deadline; click a column to sort by it.</p>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody>
</table>
<script>{SCRIPT}</script>
</body>
</html>
"""


def _html_row(rank: int, row: BacklogRow) -> str:
    classes = [
        name
        for name, applies in (
            ("urgent", row.urgent),
            ("overdue", row.days_left is not None and row.days_left < 0),
            ("soon", row.days_left is not None and 0 <= row.days_left <= SOON_DAYS),
            ("failed", row.status == JobStatus.failed),
        )
        if applies
    ]
    deadline = row.deadline.isoformat() if row.deadline else ""
    deadline_text = _escape(deadline)
    if row.deadline_kind:
        deadline_text += f" <span class='muted'>({_escape(row.deadline_kind)})</span>"
    if row.relative_deadline:
        deadline_text += f"<br><span class='muted'>{_escape(row.relative_deadline)}</span>"
    state = row.requesting_state or ""
    if row.requesting_state_code:
        state += f" ({row.requesting_state_code})"
    status = _escape(row.status)
    if row.duplicate_of:
        status += f"<br><span class='muted'>same content as {_escape(row.duplicate_of.name)}</span>"
    if row.error:
        status += f"<br><span class='error'>{_escape(row.error)}</span>"
    review = f"<a href='{_escape(row.review)}'>review</a>" if row.review else ""
    cells = [
        (str(rank), str(rank)),
        ("yes" if row.urgent else "", "0" if row.urgent else "1"),
        (deadline_text, deadline),
        (_escape("" if row.days_left is None else row.days_left), _number(row.days_left)),
        (_escape(row.request_type or ""), None),
        (_escape(state), None),
        (_escape(_language_label(row.language)), None),
        (_escape(row.translation or ""), None),
        (
            _list(tuple(name.replace("_", " ") for name in row.assistance)),
            "; ".join(row.assistance),
        ),
        (_list(row.completeness_gaps), str(len(row.completeness_gaps))),
        (status, f"{STATUS_ORDER[row.status]}"),
        (f"<span title='{_escape(row.file)}'>{_escape(row.file.name)}</span>", str(row.file)),
        (review, None),
    ]
    rendered = "".join(
        f"<td data-sort='{_escape(sort)}'>{text}</td>" if sort is not None else f"<td>{text}</td>"
        for text, sort in cells
    )
    return f"<tr class='{' '.join(classes)}'>{rendered}</tr>"


def _escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _list(items: tuple[str, ...]) -> str:
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{_escape(item)}</li>" for item in items) + "</ul>"


def _language_label(code: str | None) -> str:
    if not code:
        return ""
    language = LANGUAGES.get(code)
    return f"{code} ({language.name})" if language else code


def write_backlog(store: JobStore, out_dir: Path, today: date | None = None) -> tuple[Path, Path]:
    """Write both files atomically (a reader never sees half a list).

    The CSV starts with a byte-order mark so spreadsheet programs read the
    Thai, Khmer … names in it as UTF-8.
    """
    today = today or date.today()
    rows = backlog_rows(store.jobs(), out_dir, today)
    csv_path, html_path = out_dir / CSV_NAME, out_dir / HTML_NAME
    _write_atomically(csv_path, render_csv(rows), encoding="utf-8-sig")
    _write_atomically(html_path, render_html(rows, today), encoding="utf-8")
    return csv_path, html_path


def _write_atomically(path: Path, text: str, encoding: str) -> None:
    with tempfile.NamedTemporaryFile(
        "w", encoding=encoding, newline="", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as handle:
        handle.write(text)
    try:
        Path(handle.name).replace(path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
