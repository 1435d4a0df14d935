"""`ipu schema`: export JSON Schemas of every file kind for editors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ipu_cli.cli.options import RootOption, resolve_root


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)


def schema(
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if schemas/ is out of date; write nothing.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help="Folder to write to (default: schemas/ of the repository).",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    """Write JSON Schemas of the case files for editors.

    One schema per file kind (case files and data/), into schemas/.
    """
    from ipu_cli.domain.words import counted
    from ipu_cli.store.schemafiles import stale, write

    folder = out or resolve_root(root) / "schemas"
    if check:
        names = stale(folder)
        for name in names:
            sys.stderr.write(f"{folder / name}: out of date; run 'ipu schema'\n")
        raise typer.Exit(1 if names else 0)
    changed = write(folder)
    sys.stdout.write(
        f"{counted(len(changed), 'schema file')} written to {folder}\n"
        if changed
        else f"schemas in {folder} are up to date\n"
    )
