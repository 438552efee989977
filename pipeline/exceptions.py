"""Typed errors and the one exit-code table.

Every error a user can cause carries the exit code the CLI returns and a
message that names the file and says what to do about it.  Only the CLI turns
these into exit codes; stages raise them and never exit.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Documented in README.md ("Exit codes"); keep both in step."""

    ok = 0
    internal_error = 1
    bad_args = 2
    input_file = 3
    encrypted_input = 4
    missing_dependency = 5
    bad_data = 6
    limit_exceeded = 7
    some_inputs_failed = 8
    ctrl_c = 130


class MlaError(Exception):
    """Base class: a problem the user can act on, reported on one line."""

    exit_code = ExitCode.internal_error

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        super().__init__(f"{one_line(str(path))}: {message}" if path is not None else message)


def one_line(text: str) -> str:
    """`text` with its control characters escaped (`\\n`, `\\x1b`).

    A file name holding a newline or a terminal escape must not split, or
    forge, a line of the error report.
    """
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


class InputFileError(MlaError):
    """The input is unreadable, corrupt, empty or of an unsupported type."""

    exit_code = ExitCode.input_file


class EncryptedInputError(InputFileError):
    """A password-protected PDF: we never guess passwords."""

    exit_code = ExitCode.encrypted_input


class LimitExceededError(InputFileError):
    """The input is larger than a configured safety limit."""

    exit_code = ExitCode.limit_exceeded


class MissingDependencyError(MlaError):
    """A Tesseract pack, program or translation model is not installed."""

    exit_code = ExitCode.missing_dependency


class DataError(MlaError):
    """Bundled or user-supplied data (glossary, model package) is invalid."""

    exit_code = ExitCode.bad_data


class UsageError(MlaError):
    """Options that contradict each other or name unknown values."""

    exit_code = ExitCode.bad_args
