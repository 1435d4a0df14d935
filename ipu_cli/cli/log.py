"""`ipu log`: record a communication in a case's log."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ipu_cli.cli.edited import DryRunOption
from ipu_cli.cli.options import (
    CaseIdArgument,
    RootOption,
    TodayOption,
    choice_option,
    fail,
    note,
    resolve_root,
    resolve_today,
)
from ipu_cli.domain.communications import DIRECTIONS, PARTIES


def register(app: typer.Typer) -> None:
    app.command("log")(log)


def log(
    case_id: CaseIdArgument,
    direction: Annotated[str, choice_option("--direction", DIRECTIONS, "DIRECTION")],
    party: Annotated[str, choice_option("--party", PARTIES, "PARTY")],
    date: Annotated[
        str,
        typer.Option("--date", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False),
    ],
    description: Annotated[
        str | None,
        typer.Option(
            "--description",
            metavar="DESCRIPTION",
            help="e.g. 'Letter to the Secretary General of the National Assembly'.",
            show_default=False,
        ),
    ] = None,
    internal: Annotated[
        bool, typer.Option("--internal", help="Keep the entry out of every public output.")
    ] = False,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Record a communication in a case's log.

    The entry goes in date order and no other line of the file changes. A member
    of a group is logged in the group's file. The file is checked before
    it is written; on any problem nothing is written (exit 1).
    """
    from ipu_cli.edits.caselog import append_communication, make_entry
    from ipu_cli.store.paths import display_path

    if direction not in DIRECTIONS:
        fail(f"--direction must be one of {', '.join(DIRECTIONS)}, got '{direction}'", 2)
    if party not in PARTIES:
        fail(f"--party must be one of {', '.join(PARTIES)}, got '{party}'", 2)
    repo = resolve_root(root)
    entry = make_entry(date, direction, party, description, internal, resolve_today(today))
    done = append_communication(repo, case_id, entry, dry_run=dry_run)
    for text in done.notes:
        note(text)
    for warning in done.warnings:
        sys.stderr.write(f"ipu: warning: {warning}\n")
    if dry_run and done.edited is not None:
        sys.stdout.write(done.edited.diff)
        note(f"dry run: {done.edited.shown} not written")
        return
    sys.stdout.write(
        f"{display_path(done.path, repo)}: logged {entry.date} {entry.direction} {entry.party}"
        f"{': ' + entry.description if entry.description else ''} (entry {done.position} of {done.total})\n"
    )
