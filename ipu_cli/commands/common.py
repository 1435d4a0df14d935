"""Options and helpers shared by every command: --root, --today, errors."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from ..casebase import CaseBase
    from ..problems import Problem

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Case repository (default: $IPU_ROOT, else the nearest folder above holding cases/).",
        show_default=False,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        help="Act as if today were DATE (YYYY-MM-DD); default $IPU_TODAY, else today.",
        show_default=False,
    ),
]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `ipu: message` on stderr and exit."""
    sys.stderr.write(f"ipu: {message}\n")
    raise typer.Exit(code)


def resolve_root(root: Path | str | None) -> Path:
    from ..repo import RootNotFound, find_root

    try:
        return find_root(override=root)
    except RootNotFound as exc:
        fail(str(exc), 2)


def resolve_today(value: str | None) -> dt.date:
    text = value or os.environ.get("IPU_TODAY")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"invalid date for --today/IPU_TODAY: {text!r} (expected YYYY-MM-DD)", 2)


RowFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="table, json, jsonl, csv, yaml or markdown.",
    ),
]
IncludeConfidentialOption = Annotated[
    bool,
    typer.Option(
        "--include-confidential",
        help="Include confidential cases and internal fields (internal use only; the output says so).",
    ),
]


def check_row_format(fmt: str) -> str:
    """Refuse an unknown row format with exit 2."""
    from ..output import ROW_FORMATS

    if fmt not in ROW_FORMATS:
        fail(f"unknown format '{fmt}'; choose from {', '.join(ROW_FORMATS)}", 2)
    return fmt


def unread_files(base: CaseBase) -> list[Problem]:
    """The errors of case files the base could not read: those cases are missing from it.

    Cross-file errors (a member not linked back, a duplicate alias) leave every case in the
    base and are `ipu validate`'s business; a file that cannot be read drops a case silently.
    """
    from ..problems import ERROR

    read = {record.path for record in base.records.values()}
    return [p for p in base.problems if p.level == ERROR and p.path not in read]


def report_unread_files(base: CaseBase, what: str, *, refuse: bool) -> bool:
    """Print, located on stderr, why case files could not be read; True when any could not.

    Figures and exports made without a case would be wrong without saying so, so
    `refuse=True` (stats, export) exits 1 before anything is written; `ipu list` prints
    what it can and exits 1 afterwards.
    """
    errors = unread_files(base)
    if not errors:
        return False
    from ..problems import format_problems

    sys.stderr.write(format_problems(errors, "text"))
    files = len({p.path for p in errors})
    message = f"{files} case file{' was' if files == 1 else 's were'} not read"
    if refuse:
        fail(f"{message}; no {what} made from an incomplete base (see 'ipu validate')", 1)
    sys.stderr.write(f"ipu: {message}; the {what} may be incomplete (see 'ipu validate')\n")
    return True
