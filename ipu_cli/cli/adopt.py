"""`ipu adopt`: the reviewed draft becomes the decision adopted at a session."""

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
    app.command("adopt")(adopt)


def adopt(
    case_id: CaseIdArgument,
    session: required_session("Session that adopted it: 180, 180th or committee-180."),  # type: ignore[valid-type]
    body: BodyOption = "committee",
    date: Annotated[
        str | None, opt("--date", "Adoption date (default: the session's last day).", "DATE")
    ] = None,
    mode: Annotated[
        str | None,
        opt(
            "--mode",
            "unanimously, 'by consensus' or 'without a vote'.",
            "MODE",
            complete.values_of("ipu_cli.edits.adoption", "MODES"),
        ),
    ] = None,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Record the draft as the decision adopted at a session.

    The draft block moves into the decisions; its text moves unchanged; nothing else in the file changes. A member of a
    group: the group's draft. Checked before it is written; all or nothing.
    """
    from ipu_cli.edits.adoption import adopt as adopt_draft

    repo = resolve_root(root)
    day = resolve_today(today)
    report(adopt_draft(repo, case_id, session, body=body, date=date, mode=mode, today=day, dry_run=dry_run))
