"""`ipu start-draft`: start a case's draft block for a session from its latest decision."""

from __future__ import annotations

import typer

from ipu_cli.cli.edited import CaseArgument, DryRunOption, report, required_session
from ipu_cli.cli.options import BodyOption, RootOption, resolve_root


def register(app: typer.Typer) -> None:
    app.command("start-draft")(start_draft)


def start_draft(
    case_id: CaseArgument,
    session: required_session("Session the draft is for: 180, 180th or committee-180."),  # type: ignore[valid-type]
    body: BodyOption = "committee",
    dry_run: DryRunOption = False,
    root: RootOption = None,
) -> None:
    """Copy the latest adopted decision's paragraphs into a new draft block, for the officer to edit.

    'ipu draft-decision' renders the draft; 'ipu adopt' records it once adopted.
    """
    from ipu_cli.edits.adoption import start_draft as start

    report(start(resolve_root(root), case_id, session, body=body, dry_run=dry_run))
