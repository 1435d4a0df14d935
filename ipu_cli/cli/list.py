"""`ipu list`: the cases that answer a question, as a table or data."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.options import (
    IncludeConfidentialOption,
    RootOption,
    RowFormatOption,
    TodayOption,
    check_row_format,
    choice_option,
    fail,
    report_unread_files,
    resolve_root,
    resolve_today,
)
from ipu_cli.domain.choices import AFFILIATIONS, MANDATES, SEXES, STATES


def register(app: typer.Typer) -> None:
    app.command("list")(list_cases)


def _opt(
    *names: str, help: str, metavar: str, autocompletion: Callable[..., Any] | None = None
) -> typer.models.OptionInfo:
    return typer.Option(*names, help=help, metavar=metavar, show_default=False, autocompletion=autocompletion)


def list_cases(
    country: Annotated[
        list[str] | None,
        _opt(
            "--country",
            help="ISO code or name; repeat for any of several.",
            metavar="CODE",
            autocompletion=complete.countries,
        ),
    ] = None,
    region: Annotated[
        list[str] | None,
        _opt(
            "--region",
            help="IPU region (data/countries.yaml); repeat for any of several.",
            metavar="REGION",
            autocompletion=complete.regions,
        ),
    ] = None,
    violation: Annotated[
        list[str] | None,
        _opt(
            "--violation",
            help="Violation code or exact label; repeat to require all.",
            metavar="CODE",
            autocompletion=complete.violations,
        ),
    ] = None,
    current_only: Annotated[
        bool, typer.Option("--current-only", help="Only violations whose scope is current.")
    ] = False,
    sex: Annotated[str | None, choice_option("--sex", SEXES, "SEX")] = None,
    affiliation: Annotated[str | None, choice_option("--affiliation", AFFILIATIONS, "AFFILIATION")] = None,
    mandate: Annotated[str | None, choice_option("--mandate", MANDATES, "MANDATE")] = None,
    status: Annotated[str | None, choice_option("--status", STATES, "STATUS")] = None,
    collective: Annotated[
        str | None,
        _opt(
            "--collective",
            help="Members of this group case.",
            metavar="CASE_ID",
            autocompletion=complete.group_ids,
        ),
    ] = None,
    deceased: Annotated[
        bool | None,
        typer.Option("--deceased/--living", help="Only deceased (or living) MPs.", show_default=False),
    ] = None,
    public: Annotated[
        bool | None,
        typer.Option(
            "--public/--confidential",
            help="Only public (or, with --include-confidential, confidential) cases.",
            show_default=False,
        ),
    ] = None,
    grep: Annotated[
        str | None,
        _opt(
            "--grep",
            help="Text in names, ids, aliases, summaries, events (case and accents ignored).",
            metavar="WORDS",
        ),
    ] = None,
    since: Annotated[
        str | None, _opt("--since", help="A dated fact of the case on or after DATE.", metavar="DATE")
    ] = None,
    until: Annotated[
        str | None, _opt("--until", help="A dated fact of the case on or before DATE.", metavar="DATE")
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="individual (MPs), collective (groups) or all.",
            autocompletion=complete.values_of("ipu_cli.queries.filters", "KINDS"),
        ),
    ] = "individual",
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="COLUMN",
            help="Column to sort by; -COLUMN for descending.",
            autocompletion=complete.values_of("ipu_cli.queries.filters", "COLUMNS"),
        ),
    ] = "id",
    columns: Annotated[
        str | None,
        _opt(
            "--columns",
            help="Comma-separated columns (default: a short set for tables, all for data).",
            metavar="COLUMNS",
        ),
    ] = None,
    fmt: RowFormatOption = "table",
    include_confidential: IncludeConfidentialOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """List MPs (or group cases) matching every filter given.

    Exit 0 (also when nothing matches), 1 when a case file cannot be read (the
    rows are printed, the errors follow on stderr), 2 on a bad filter value.
    """
    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.domain.visibility import NOTICE
    from ipu_cli.queries.filters import (
        default_columns,
        list_rows,
        parse_columns,
        parse_filters,
        sort_rows,
    )
    from ipu_cli.queries.rows import emit_rows

    check_row_format(fmt)
    if public is False and not include_confidential:
        fail("--confidential lists confidential cases: add --include-confidential (internal use only)", 2)
    chosen = parse_columns(columns)
    repo = resolve_root(root)
    resolve_today(today)  # a malformed --today is refused here too
    base = load_case_base(repo)
    require_reference(base, "list")
    filters = parse_filters(
        base.reference,
        base,
        kind=kind,
        countries=country or (),
        regions=region or (),
        violations=violation or (),
        current_only=current_only,
        sex=sex,
        affiliation=affiliation,
        mandate=mandate,
        status=status,
        collective=collective,
        deceased=deceased,
        public=public,
        grep=grep,
        since=since,
        until=until,
    )
    found = sort_rows(list_rows(base, filters, include_confidential), sort)
    noun = "case" if filters.kind != "individual" else "MP"
    emit_rows(
        found,
        fmt,
        chosen or default_columns(fmt, filters.kind),
        noun=noun,
        banner=NOTICE if include_confidential else None,
        stream=sys.stdout,
    )
    if report_unread_files(base, "list", refuse=False):
        raise typer.Exit(1)
