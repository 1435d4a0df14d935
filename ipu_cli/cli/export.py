"""`ipu export`: the case base as SQLite, CSV files or one JSON document."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.options import (
    ForceOption,
    IncludeConfidentialOption,
    RootOption,
    TodayOption,
    fail,
    format_of_output,
    report_unread_files,
    resolve_root,
    resolve_today,
)


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="sqlite, csv (a folder) or json.",
            show_default=False,
            autocompletion=complete.values_of("ipu_cli.queries.tables", "FORMATS"),
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="File (sqlite, json) or folder (csv) to write.",
            show_default=False,
        ),
    ],
    include_confidential: IncludeConfidentialOption = False,
    force: ForceOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Export every public case, one table per concept.

    Tables of cases, members, violations, events, decisions... as SQLite, CSV
    files or one JSON document. Exit 0; 1 when the case base has errors (nothing
    is written) or the target cannot be written; 2 on a usage error.
    """
    from ipu_cli.queries.tables import FORMATS

    if fmt not in FORMATS:
        fail(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}", 2)
    extensions = {".json": "json", ".csv": "csv", ".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite"}
    format_of_output(fmt, output, extensions, fmt)
    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.domain.visibility import NOTICE
    from ipu_cli.queries.tables import export as run

    repo = resolve_root(root)
    resolve_today(today)  # a malformed --today is refused here too
    base = load_case_base(repo)
    report_unread_files(base, "export", refuse=True)
    require_reference(base, "export")
    counts = run(base, fmt, output, include_confidential, force=force)
    if include_confidential:
        sys.stderr.write(NOTICE + "\n")
    summary = ", ".join(f"{name} {count}" for name, count in counts.items())
    sys.stderr.write(f"ipu: wrote {output} (rows per table: {summary})\n")
