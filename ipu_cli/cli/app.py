"""The Typer application. Commands live in `ipu_cli/cli/`, one module each.

Each command module exposes `register(app)`; to add a command, write the
module and add its name to COMMANDS. Commands parse arguments, call library
functions and format output; they hold no business logic.
"""

from __future__ import annotations

import importlib

import typer

from ipu_cli import __version__

COMMANDS = [
    "validate",
    "show",
    "schema",
    "draft_decision",
    "templates",
    "list",
    "stats",
    "export",
    "log",
    "new",
    "followups",
    "draft_letter",
    "complaint",
    "record",
    "start_draft",
    "adopt",
    "close",
]

app = typer.Typer(
    name="ipu",
    help="Case files, validation, decisions and letters for the IPU Committee on the Human Rights of Parliamentarians.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ipu {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Case files, validation, decisions and letters for the IPU Committee on the Human Rights of Parliamentarians."""


for _name in COMMANDS:
    importlib.import_module(f"ipu_cli.cli.{_name}").register(app)
