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
    warn,
)
from ipu_cli.domain.communications import DIRECTIONS, PARTIES


def register(app: typer.Typer) -> None:
    app.command("log")(log)


def log(
    case_id: CaseIdArgument,
    date: Annotated[
        str,
        typer.Option("--date", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False),
    ],
    to: Annotated[
        str | None, choice_option("--to", PARTIES, "PARTY", "(short for --direction to --party PARTY)")
    ] = None,
    from_: Annotated[
        str | None,
        choice_option("--from", PARTIES, "PARTY", "(short for --direction from --party PARTY)"),
    ] = None,
    direction: Annotated[str | None, choice_option("--direction", DIRECTIONS, "DIRECTION")] = None,
    party: Annotated[str | None, choice_option("--party", PARTIES, "PARTY")] = None,
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

    direction, party = _direction_and_party(to, from_, direction, party)
    if direction not in DIRECTIONS:
        fail(f"--direction: unknown direction '{direction}'; choose from {', '.join(DIRECTIONS)}", 2)
    if party not in PARTIES:
        fail(f"--party: unknown party '{party}'; choose from {', '.join(PARTIES)}", 2)
    repo = resolve_root(root)
    entry = make_entry(date, direction, party, description, internal, resolve_today(today))
    done = append_communication(repo, case_id, entry, dry_run=dry_run)
    for text in done.notes:
        note(text)
    warn(done.warnings)
    if dry_run and done.edited is not None:
        sys.stdout.write(done.edited.diff)
        note(f"dry run: {done.edited.shown} not written")
        return
    sys.stdout.write(
        f"{display_path(done.path, repo)}: logged {entry.date} {entry.direction} {entry.party}"
        f"{': ' + entry.description if entry.description else ''} (entry {done.position} of {done.total})\n"
    )


def _direction_and_party(
    to: str | None, from_: str | None, direction: str | None, party: str | None
) -> tuple[str, str]:
    """`--to PARTY` (as draft-letter spells it) or `--from PARTY`, else both `--direction` and
    `--party`; any mix is a usage error."""
    shorthand = [(d, p) for d, p in (("to", to), ("from", from_)) if p is not None]
    if len(shorthand) > 1 or (shorthand and (direction is not None or party is not None)):
        fail("give --to PARTY or --from PARTY, or --direction and --party, not both", 2)
    if shorthand:
        direction, party = shorthand[0]
        if party not in PARTIES:
            fail(f"--{direction}: unknown party '{party}'; choose from {', '.join(PARTIES)}", 2)
    elif direction is None or party is None:
        fail(
            "say who the communication was to or from: --to PARTY or --from PARTY (or --direction and --party)",
            2,
        )
    return direction, party
