"""`ipu adopt`: the reviewed draft becomes the decision adopted at a session."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli.edited import CaseArgument, DryRunOption, opt, report, required_session
from ipu_cli.cli.options import BodyOption, RootOption, TodayOption, resolve_root, resolve_today


def register(app: typer.Typer) -> None:
    app.command("adopt")(adopt)


def adopt(
    case_id: CaseArgument,
    session: required_session("Session that adopted it: 180, 180th or committee-180."),  # type: ignore[valid-type]
    body: BodyOption = "committee",
    date: Annotated[str | None, opt("--date", "Adoption date (default: the session's last day).")] = None,
    mode: Annotated[str | None, opt("--mode", "unanimously, 'by consensus' or 'without a vote'.")] = None,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Move the case's draft block into its decisions, as adopted at the session.

    The draft's text moves unchanged; nothing else in the file changes. A member of a
    group: the group's draft. Checked before it is written; all or nothing.
    """
    from ipu_cli.edits.adoption import adopt as adopt_draft

    repo = resolve_root(root)
    day = resolve_today(today)
    report(adopt_draft(repo, case_id, session, body=body, date=date, mode=mode, today=day, dry_run=dry_run))
