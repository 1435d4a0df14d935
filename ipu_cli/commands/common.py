"""Options and helpers shared by every command: --root, --today, errors."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

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
