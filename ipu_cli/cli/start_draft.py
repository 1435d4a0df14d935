"""`ipu start-draft`: start a case's draft block for a session from its latest decision."""

from __future__ import annotations

import typer

from ipu_cli.cli.edited import DryRunOption, report, required_session
from ipu_cli.cli.options import (
    BodyOption,
    CaseIdArgument,
    RootOption,
    TodayOption,
    resolve_root,
    resolve_today,
)


def register(app: typer.Typer) -> None:
    app.command("start-draft")(start_draft)


def start_draft(
    case_id: CaseIdArgument,
    session: required_session("Session the draft is for: 180, 180th or committee-180."),  # type: ignore[valid-type]
    body: BodyOption = "committee",
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Start a case's draft from its latest decision.

    The latest adopted decision's paragraphs are copied into a new draft block
    for --session, for the officer to edit. 'ipu draft-decision' renders the draft; 'ipu adopt'
    records it once adopted.
    """
    from ipu_cli.edits.adoption import start_draft as start

    repo = resolve_root(root)
    resolve_today(today)  # a malformed --today is refused here too
    report(start(repo, case_id, session, body=body, dry_run=dry_run))
