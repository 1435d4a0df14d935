"""`ipu followups`: what each active case is waiting for, most urgent first."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli.options import (
    IncludeConfidentialOption,
    RootOption,
    fail,
    parse_day,
    resolve_root,
    resolve_today,
    warn_unreadable,
)

FORMATS = ("table", "json", "csv", "markdown")


def register(app: typer.Typer) -> None:
    app.command("followups")(followups)


def followups(
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Report as of DATE (YYYY-MM-DD); default today ($IPU_TODAY).", show_default=False
        ),
    ] = None,
    months: Annotated[int, typer.Option("--months", help="Flag silence longer than this many months.")] = 6,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, csv or markdown.")] = "table",
    include_confidential: IncludeConfidentialOption = False,
    root: RootOption = None,
) -> None:
    """One row per active case: last communications each way, the latest decision and what
    it requested, and flags (decision not conveyed, authorities or complainant silent).
    """
    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.domain.visibility import NOTICE, visible
    from ipu_cli.queries.pending import COLUMNS, counts, follow_ups, followed_cases
    from ipu_cli.queries.rows import emit_rows

    if fmt not in FORMATS:
        fail(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}", 2)
    if months < 1:
        fail(f"--months must be 1 or more, got {months}", 2)
    today = resolve_today(None)
    day = parse_day(as_of, "--as-of") if as_of else today
    if day > today:
        fail(f"--as-of {day.isoformat()} is after today ({today.isoformat()})", 2)
    repo = resolve_root(root)
    base = load_case_base(repo)
    require_reference(base, "follow-up report")
    warn_unreadable(base)
    cases = visible(followed_cases(base), base, include_confidential)
    items = follow_ups(base, cases, day, months)
    emit_rows(
        [item.row(day, full=fmt == "json") for item in items],
        fmt,
        COLUMNS,
        noun="case",
        banner=NOTICE if include_confidential else None,
        footer=f"{counts(items)} (as of {day.isoformat()}, silence over {months} months)",
        title=f"Follow-up as of {day.isoformat()}",
    )
