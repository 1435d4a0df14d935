"""`ipu followups`: what each active case is waiting for, most urgent first."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli.options import (
    IncludeConfidentialOption,
    RootOption,
    TodayOption,
    fail,
    format_option,
    parse_count,
    parse_day,
    report_unread_files,
    resolve_root,
    resolve_today,
)

FORMATS = ("table", "json", "csv", "markdown")


def register(app: typer.Typer) -> None:
    app.command("followups")(followups)


def followups(
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Report as of DATE (YYYY-MM-DD; default: today).",
            show_default=False,
        ),
    ] = None,
    months: Annotated[
        str, typer.Option("--months", metavar="N", help="Flag silence longer than N months.")
    ] = "6",
    fmt: Annotated[str, format_option(FORMATS)] = "table",
    include_confidential: IncludeConfidentialOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """What each active case is waiting for, most urgent first.

    One row per active case: the last communications each way, the latest
    decision and what it requested, and flags (decision not conveyed,
    authorities or complainant silent).
    """
    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.domain.visibility import NOTICE, visible
    from ipu_cli.domain.words import counted
    from ipu_cli.queries.pending import COLUMNS, counts, follow_ups, followed_cases
    from ipu_cli.queries.rows import emit_rows

    if fmt not in FORMATS:
        fail(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}", 2)
    silence = parse_count(months, "--months", least=1) or 1
    now = resolve_today(today)
    day = parse_day(as_of, "--as-of") if as_of else now
    if day > now:
        fail(f"--as-of {day.isoformat()} is after today ({now.isoformat()})", 2)
    repo = resolve_root(root)
    base = load_case_base(repo)
    require_reference(base, "follow-up report")
    cases = visible(followed_cases(base), base, include_confidential)
    items = follow_ups(base, cases, day, silence)
    emit_rows(
        [item.row(day, full=fmt == "json") for item in items],
        fmt,
        COLUMNS,
        noun="case",
        banner=NOTICE if include_confidential else None,
        footer=f"{counts(items)} (as of {day.isoformat()}, silence over {counted(silence, 'month')})",
        title=f"Follow-up as of {day.isoformat()}",
    )
    if report_unread_files(base, "follow-up report", refuse=False):  # as `ipu list`: the rest, then 1
        raise typer.Exit(1)
