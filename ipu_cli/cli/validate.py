"""`ipu validate`: check case files, alone and against each other."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ipu_cli.checks.problems import FORMATS
from ipu_cli.cli import complete
from ipu_cli.cli.options import RootOption, TodayOption, fail, format_option, lang_option
from ipu_cli.store.paths import TRANSLATED


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Files or folders to report on (default: the whole base).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        format_option(
            FORMATS, "text, parsable, json or github (default: github under GitHub Actions, else text)."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="CODE",
            help="Explain a diagnostic code ('all' for every code) and exit.",
            show_default=False,
            autocompletion=complete.diagnostic_codes,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Check every file afresh; neither read nor write .ipu-cache/."),
    ] = False,
    lang: Annotated[
        str | None,
        lang_option("Also list every text without a translation into LANG (fr), as warnings.", TRANSLATED),
    ] = None,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Check every case file and the links between them.

    Each file is checked against its model and the vocabularies, then against the
    other files.
    One line per problem (path:line:column: level code message); 'ipu validate
    --explain CODE' says what a code means and how to fix it. --lang fr also lists
    every text that has no French. Exit 0 when clean,
    1 when problems are found, 2 on a usage error.
    """
    from ipu_cli.checks import codes

    if explain is not None:
        if explain == "all":
            sys.stdout.write(codes.markdown())
            return
        text = codes.explain(explain)
        if text is None:
            fail(f"unknown code '{explain}'; 'ipu validate --explain all' lists them", 2)
        sys.stdout.write(text)
        return
    from ipu_cli.cli.fast import run_validate

    # The same function serves the Typer-free fast path (ipu_cli/cli/fast.py).
    raise typer.Exit(run_validate(paths, fmt, strict, no_cache, root, today, lang))
