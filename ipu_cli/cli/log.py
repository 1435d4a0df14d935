"""`ipu log`: record a communication in a case's log."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ipu_cli.cli.edited import DryRunOption
from ipu_cli.cli.options import RootOption, TodayOption, fail, note, resolve_root, resolve_today


def register(app: typer.Typer) -> None:
    app.command("log")(log)


def log(
    case_id: Annotated[str, typer.Argument(metavar="CASE_ID", help="Case id or legacy id.")],
    direction: Annotated[str, typer.Option("--direction", help="to or from.", show_default=False)],
    party: Annotated[
        str, typer.Option("--party", help="authorities, complainant or third-party.", show_default=False)
    ],
    date: Annotated[str, typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False)],
    description: Annotated[
        str | None,
        typer.Option(
            "--description",
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
    """Append a communication to a case's log, oldest first, changing no other line.

    A member of a group is logged in the group's file. The file is checked before
    it is written; on any problem nothing is written (exit 1).
    """
    from ipu_cli.edits.caselog import DIRECTIONS, PARTIES, append_communication, make_entry
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
