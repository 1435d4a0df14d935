"""`ipu stats`: the yearly figures, as tables with bars, data or an SVG chart."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.options import (
    ForceOption,
    IncludeConfidentialOption,
    RootOption,
    TodayOption,
    fail,
    format_of_output,
    format_option,
    parse_count,
    report_unread_files,
    resolve_root,
    resolve_today,
)

if TYPE_CHECKING:
    from ipu_cli.queries.figures import Stats

FORMATS = ("table", "json", "csv", "svg")


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)


def stats(
    year: Annotated[
        str | None,
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
            metavar="BREAKDOWN",
            help="Only this breakdown: region, country, sex, affiliation, violation or status.",
            show_default=False,
            autocompletion=complete.values_of("ipu_cli.queries.figures", "BREAKDOWNS"),
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        format_option(FORMATS, "Table, json, csv or svg (default: from -o's extension, else table)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE instead of the terminal.",
            show_default=False,
        ),
    ] = None,
    include_confidential: IncludeConfidentialOption = False,
    with_confidential_counts: Annotated[
        bool,
        typer.Option(
            "--with-confidential-counts",
            help="With public figures: add the totals of confidential cases, as numbers only.",
        ),
    ] = False,
    force: ForceOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """The yearly figures the IPU publishes.

    MPs (counted as persons), countries, breakdowns, new and closed cases; with
    --year, the change on the year before (total and by region), the shares of
    women and of opposition MPs with their trend, and violations by sex. Exit 0;
    1 when the case base has errors (no figures from an incomplete base) or FILE
    cannot be written; 2 on a usage error (also a --year or --as-of in the future).
    """
    if fmt is not None and fmt not in FORMATS:
        fail(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}", 2)
    fmt = format_of_output(fmt, output, {".svg": "svg", ".json": "json", ".csv": "csv"}, "table")
    from ipu_cli.queries.figures import BREAKDOWNS, period_end

    if by is not None and by not in BREAKDOWNS:
        fail(f"--by: unknown breakdown '{by}'; choose from {', '.join(BREAKDOWNS)}", 2)
    year_number = parse_count(year, "--year")
    end = period_end(year_number, as_of)
    if fmt == "svg" and output is None:
        fail("--format svg needs -o FILE", 2)
    if with_confidential_counts and include_confidential:
        fail(
            "--with-confidential-counts adds confidential totals to public figures; "
            "--include-confidential counts confidential cases already",
            2,
        )

    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.domain.visibility import NOTICE
    from ipu_cli.queries.figures import compute, confidential_counts, period_for, published

    repo = resolve_root(root)
    period = period_for(year_number, end, resolve_today(today))
    base = load_case_base(repo)
    report_unread_files(base, "figures", refuse=True)
    require_reference(base, "statistics")
    if year_number is not None:
        figures = published(base, year_number, include_confidential, by, with_confidential_counts)
    else:
        figures = compute(base, period, include_confidential, by)
        if with_confidential_counts:
            figures.confidential = confidential_counts(base, period, figures)
    notice = NOTICE if include_confidential else None
    if fmt == "svg":
        from ipu_cli.documents.chart import render_svg

        text = render_svg(figures, repo, notice)
    elif fmt == "json":
        text = json.dumps(figures.as_dict(notice), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        from ipu_cli.queries.figures import flat_rows
        from ipu_cli.queries.rows import render_rows

        text = render_rows(flat_rows(figures), "csv", ["figure", "key", "value"], banner=notice)
    elif output is None:
        _tables(figures, notice, sys.stdout)
        return
    else:
        buffer = io.StringIO()
        _tables(figures, notice, buffer)
        text = buffer.getvalue()
    if output is None:
        sys.stdout.write(text)
        return
    from ipu_cli.documents.batch import write_document

    write_document(output, text, force=force)
    sys.stderr.write(f"ipu: wrote {output}\n")


def _tables(figures: Stats, notice: str | None, stream: TextIO) -> None:
    """The summary, then one table per breakdown, through the shared row formatter
    (rich tables on a terminal, aligned text with block bars otherwise)."""
    from ipu_cli.queries.figures import (
        LABELS,
        breakdown_rows,
        published_lines,
        sex_violation_rows,
        summary_lines,
    )
    from ipu_cli.queries.rows import emit_rows, terminal_width, wrap

    terminal = stream.isatty()
    width = terminal_width(stream)
    if notice:
        stream.write(notice + "\n")
    for line in summary_lines(figures) + published_lines(figures):
        stream.write("\n".join(wrap(line, width)) + "\n")
    tables = [(name, breakdown_rows(figures, name)) for name in figures.breakdowns]
    if figures.sex_violation:
        tables.append(("sex_violation", sex_violation_rows(figures)))
    for name, rows in tables:
        if not terminal:
            stream.write(f"\n{LABELS[name]}\n")
        emit_rows(rows, "table", noun="item", title=LABELS[name] if terminal else None, stream=stream)
