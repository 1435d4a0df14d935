"""`ipu changes`: what is new in each case since a session or a day, as rows."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.options import (
    IncludeConfidentialOption,
    RootOption,
    RowFormatOption,
    TodayOption,
    body_option,
    check_row_format,
    fail,
    report_unread_files,
    resolve_root,
    resolve_today,
)


def register(app: typer.Typer) -> None:
    app.command("changes")(changes)


def changes(
    since_session: Annotated[
        str | None,
        typer.Option(
            "--since-session",
            metavar="N",
            help="Since the first day of session N (179, 179th or committee-179).",
            show_default=False,
            autocompletion=complete.sessions,
        ),
    ] = None,
    body: Annotated[str, body_option("--since-session")] = "committee",
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="DATE", help="Since DATE (YYYY, YYYY-MM or YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    git: Annotated[
        bool, typer.Option("--git", help="Add the commits since then that changed a case file (git log).")
    ] = False,
    fmt: RowFormatOption = "table",
    include_confidential: IncludeConfidentialOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """What is new in each case since a session or a day.

    Events, communications in and out, missions, hearings, members who joined,
    left or were closed, closures, complaint steps, decisions adopted or drafted;
    a fact dated only by its month or year that may fall before the day is marked
    "possibly". Public cases only unless --include-confidential. Exit 1 when a
    case file cannot be read, 2 on a usage error.
    """
    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.domain.dates import PartialDate
    from ipu_cli.domain.sessions import describe, find_session
    from ipu_cli.domain.visibility import NOTICE
    from ipu_cli.queries.news import COLUMNS, footer
    from ipu_cli.queries.news import changes as find_changes
    from ipu_cli.queries.rows import emit_rows

    check_row_format(fmt)
    if (since_session is None) == (since is None):
        fail("give --since-session N or --since DATE (one of them)", 2)
    now = resolve_today(today)
    day = None
    if since is not None:
        try:
            day = PartialDate.parse(since).earliest()
        except ValueError:
            fail(f"--since: invalid date '{since}' (expected YYYY, YYYY-MM or YYYY-MM-DD)", 2)
        if day > now:
            fail(f"--since {since} is after today ({now.isoformat()})", 2)
    repo = resolve_root(root)
    base = load_case_base(repo)
    require_reference(base, "list of changes")
    what = ""
    if since_session is not None:
        session = find_session(base.reference.sessions, since_session, body)
        day = session.start.earliest()
        what = f"the first day of the {describe(session)}"
        if day > now:  # as --since after today: nothing can be new since a day still to come
            fail(f"--since-session: the {describe(session)} begins after today ({now.isoformat()})", 2)
    assert day is not None
    report_unread_files(base, "list of changes", refuse=True)
    items = find_changes(
        base, day, include_confidential=include_confidential, git_root=repo if git else None, today=now
    )
    emit_rows(
        [item.row() for item in items],
        fmt,
        COLUMNS,
        noun="change",
        banner=NOTICE if include_confidential else None,
        footer=footer(items, day, what),
        title=f"Changes since {day.isoformat()}",
    )
