"""`ipu stats`: the yearly figures, as tables with bars, data or an SVG chart."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import (
    IncludeConfidentialOption,
    RootOption,
    TodayOption,
    fail,
    report_unread_files,
    resolve_root,
    resolve_today,
)

if TYPE_CHECKING:
    from ..stats import Stats

FORMATS = ("table", "json", "csv", "svg")


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)


def stats(
    year: Annotated[
        int | None,
        typer.Option("--year", help="A whole calendar year.", metavar="YYYY", show_default=False),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="1 January to DATE (default: today).",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Only this breakdown: region, country, sex, affiliation, violation or status.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, csv or svg.")] = "table",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE instead of the terminal.", show_default=False),
    ] = None,
    include_confidential: IncludeConfidentialOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """The figures the IPU publishes each year: MPs (persons), countries, breakdowns, new and closed cases.

    Exit 0; 1 when the case base has errors (no figures from an incomplete base) or FILE
    cannot be written; 2 on a usage error (also a --year or --as-of in the future).
    """
    if fmt not in FORMATS:
        fail(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}", 2)
    from ..stats import BREAKDOWNS, PeriodError, period_end

    if by is not None and by not in BREAKDOWNS:
        fail(f"--by: unknown breakdown '{by}'; choose from {', '.join(BREAKDOWNS)}", 2)
    try:
        end = period_end(year, as_of)
    except PeriodError as exc:
        fail(str(exc), 2)
    if fmt == "svg" and output is None:
        fail("--format svg needs -o FILE", 2)

    from ..casebase import load_case_base
    from ..confidentiality import NOTICE
    from ..stats import compute, period_for

    repo = resolve_root(root)
    try:
        period = period_for(year, end, resolve_today(today))
    except PeriodError as exc:
        fail(str(exc), 2)
    base = load_case_base(repo)
    report_unread_files(base, "figures", refuse=True)
    figures = compute(base, period, include_confidential, by)
    notice = NOTICE if include_confidential else None
    if fmt == "svg":
        from ..statsvg import render_svg

        text = render_svg(figures, repo, notice)
    elif fmt == "json":
        text = json.dumps(figures.as_dict(notice), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        from ..output import render_rows
        from ..stats import flat_rows

        text = render_rows(flat_rows(figures), "csv", ["figure", "key", "value"], banner=notice)
    elif output is None and sys.stdout.isatty():
        _rich_tables(figures, notice)
        return
    else:
        text = _plain_tables(figures, notice)
    if output is None:
        sys.stdout.write(text)
        return
    from ..atomic import write_text

    try:
        write_text(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", 1)
    sys.stderr.write(f"ipu: wrote {output}\n")


def _plain_tables(figures: Stats, notice: str | None) -> str:
    from ..output import render_rows
    from ..stats import LABELS, breakdown_rows, summary_lines

    out = io.StringIO()
    if notice:
        out.write(notice + "\n")
    out.write("\n".join(summary_lines(figures)) + "\n")
    for name in figures.breakdowns:
        out.write(f"\n{LABELS[name]}\n")
        rows = breakdown_rows(figures, name)
        out.write(render_rows(rows, "table", noun="item"))
    return out.getvalue()


def _rich_tables(figures: Stats, notice: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..stats import LABELS, breakdown_rows, summary_lines

    console = Console(highlight=False)
    if notice:
        console.print(f"[bold red]{notice}[/bold red]")
    lines = summary_lines(figures)
    console.print(f"[bold]{lines[0]}[/bold]")
    for line in lines[1:]:
        console.print(line)
    for name in figures.breakdowns:
        rows = breakdown_rows(figures, name)
        table = Table(title=LABELS[name], title_justify="left")
        key = name.replace("_", " ")
        table.add_column(key)
        table.add_column("MPs", justify="right")
        table.add_column("share", justify="right")
        table.add_column("")
        for row in rows:
            table.add_row(str(row[key]), str(row["MPs"]), row["share"], f"[blue]{row['']}[/blue]")
        console.print(table)
