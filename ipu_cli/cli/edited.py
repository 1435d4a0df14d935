"""What the recording commands share at the terminal: `--dry-run` and how an edit is reported.

`ipu log`, `adopt`, `close`, `complaint` and `record` print one line on stdout
naming the file and what was recorded; with `--dry-run` they print the change
as a unified diff instead, write nothing and exit 0. Notes (a member's record
written in the group's file) go to stderr.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.options import note

if TYPE_CHECKING:
    from collections.abc import Callable

    from ipu_cli.edits.engine import Edited

DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")
]


def opt(name: str, text: str, metavar: str, autocompletion: Callable[..., Any] | None = None) -> Any:
    """An option of a recording command: its help and metavar, no default shown."""
    return typer.Option(name, help=text, show_default=False, metavar=metavar, autocompletion=autocompletion)


def session_opt(text: str) -> Any:
    """`--session N` with the command's own help, completing the sessions of data/."""
    return opt("--session", text, "N", complete.sessions)


def required_session(text: str) -> Any:
    """A required `--session N` with the command's own help."""
    return Annotated[str, session_opt(text)]


def report(edited: Edited) -> None:
    """The summary line (or the diff of a dry run) on stdout, notes on stderr."""
    for text in edited.notes:
        note(text)
    if edited.written:
        sys.stdout.write(f"{edited.shown}: {edited.summary}\n")
        return
    sys.stdout.write(edited.diff)
    note(f"dry run: {edited.shown} not written")
