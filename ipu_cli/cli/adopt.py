"""`ipu adopt`: the reviewed draft becomes the decision adopted at a session."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli.edited import DryRunOption, report
from ipu_cli.cli.options import RootOption, TodayOption, resolve_root, resolve_today


def register(app: typer.Typer) -> None:
    app.command("adopt")(adopt)


def adopt(
    case_id: Annotated[str, typer.Argument(metavar="CASE_ID", help="Case id or legacy id.")],
    session: Annotated[
        str,
        typer.Option("--session", help="Session that adopted it: 180, 180th or committee-180.", metavar="N"),
    ],
    body: Annotated[
        str, typer.Option("--body", help="committee or governing-council (adopting the Committee's draft).")
    ] = "committee",
    date: Annotated[
        str | None,
        typer.Option("--date", help="Adoption date (default: the session's last day).", show_default=False),
    ] = None,
    mode: Annotated[
        str | None,
        typer.Option("--mode", help="unanimously, 'by consensus' or 'without a vote'.", show_default=False),
    ] = None,
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
