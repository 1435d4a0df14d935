"""`ipu show`: one case at the terminal. Also reached by the fast path in entry.py."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli.fast import SHOW_FORMATS, run_show
from ipu_cli.cli.options import (
    CaseIdArgument,
    IncludeConfidentialOption,
    RootOption,
    TodayOption,
    format_option,
)


def register(app: typer.Typer) -> None:
    app.command("show")(show)


def show(
    case_id: CaseIdArgument,
    fmt: Annotated[
        str, format_option(SHOW_FORMATS, "auto (rich on a terminal, else text), text, json or yaml.")
    ] = "auto",
    members: Annotated[
        bool, typer.Option("--members", help="A group: list every member with name, sex and mandate.")
    ] = False,
    include_confidential: IncludeConfidentialOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Show one case at a glance.

    The case box, the checklist of violations, the timeline and the follow-up.
    CASE_ID may also be a name ("Kem Sokha"; case and accents ignored): one match is
    shown, several are listed with their ids. A group's confidential members are left
    out (stderr says how many) unless --include-confidential.
    """
    raise typer.Exit(
        run_show(case_id, fmt, str(root) if root else None, today, members, include_confidential)
    )
