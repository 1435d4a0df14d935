"""`ipu show`: one case at the terminal. Also reached by the fast path in entry.py."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli.fast import run_show
from ipu_cli.cli.options import RootOption, TodayOption


def register(app: typer.Typer) -> None:
    app.command("show")(show)


def show(
    case_id: Annotated[
        str, typer.Argument(metavar="ID", help="Case id (KHM-60, KHM-COLL-03) or legacy id (CMBD/60).")
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="auto (rich on a terminal, else text), text, json or yaml.")
    ] = "auto",
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Show one case: who, violations, timeline, latest decision, follow-up."""
    raise typer.Exit(run_show(case_id, fmt, str(root) if root else None, today))
