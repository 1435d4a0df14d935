"""`ipu close`: close a case, or one member of a group, as decided at a session."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.edited import DryRunOption, opt, report, required_session
from ipu_cli.cli.options import (
    BodyOption,
    CaseIdArgument,
    RootOption,
    TodayOption,
    resolve_root,
    resolve_today,
)


def register(app: typer.Typer) -> None:
    app.command("close")(close)


def close(
    case_id: CaseIdArgument,
    session: required_session("Session that decided it: 180, 180th or committee-180."),  # type: ignore[valid-type]
    reason: Annotated[str, opt("--reason", "Why: release, acquittal, settlement...", "REASON")],
    member: Annotated[
        str | None, opt("--member", "Close only this member of the group.", "CASE_ID", complete.case_ids)
    ] = None,
    body: BodyOption = "committee",
    date: Annotated[
        str | None, opt("--date", "Closure date (default: the session's last day).", "DATE")
    ] = None,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Close a case, or one member of a group, as decided.

    The status is set to closed, with the date, the reason and the session. With --member, the member's own file is closed and the group stays open. Only the
    status line changes; checked before it is written; all or nothing.
    """
    from ipu_cli.edits.closure import close as close_case

    repo = resolve_root(root)
    day = resolve_today(today)
    report(
        close_case(
            repo, case_id, session, reason, member=member, body=body, date=date, today=day, dry_run=dry_run
        )
    )
