"""The Typer application. Commands live in `ipu_cli/cli/`, one module each.

Each command module exposes `register(app)`; to add a command, write the
module and add its name to COMMANDS. Commands parse arguments, call library
functions and format output; they hold no business logic.

`run` is how `ipu_cli.entry` calls the application: Click's own usage errors
("Missing argument", "No such option") become `UsageError`s, so they print
`ipu: ...` on stderr and exit 2 like every other error of ours, instead of
Click's "Error:" box. Help is Click's plain formatter: it rewraps paragraphs
to the terminal (80 columns at most) and never cuts an option name.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer

from ipu_cli import __version__
from ipu_cli.errors import IpuError, UsageError

COMMANDS = [
    "validate",
    "show",
    "schema",
    "draft_decision",
    "booklet",
    "changes",
    "templates",
    "list",
    "stats",
    "export",
    "log",
    "new",
    "followups",
    "draft_letter",
    "untranslated",
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
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 80},
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


def command() -> Any:
    """The Click command of the application, as `run` calls it and the tests read it.

    Typer writes a Python type after each argument in help (`CASE_ID <str>`) and a
    required one in braces in the usage line (`{CASE_ID}`); the metavar already
    says what is wanted, so arguments read as the usage lines of other tools:
    `CASE_ID`, `[PATH]...`.
    """
    group = typer.main.get_command(app)
    stack = [group]
    while stack:
        current = stack.pop()
        stack.extend(getattr(current, "commands", {}).values())
        for param in current.params:
            if param.param_type_name != "argument":
                continue
            if hasattr(param, "display_type_rich"):
                param.display_type_rich = lambda ctx: None
            if hasattr(param, "_usage_display_name"):
                param._usage_display_name = _usage_name(param)
    return group


def _usage_name(param: Any) -> Any:
    name = param.metavar or param.name.upper()
    shown = name if param.required else f"[{name}]"
    return lambda: shown + ("..." if param.nargs != 1 else "")


def run(argv: Sequence[str]) -> int:
    """Run the application on `argv`; its exit status. Usage errors raise `UsageError`."""
    group = command()
    errors = sys.modules[typer.BadParameter.__module__]  # Click's, or the copy Typer carries
    try:
        status = group.main(args=list(argv), prog_name="ipu", standalone_mode=False)
    except errors.ClickException as exc:
        no_args = getattr(errors, "NoArgsIsHelpError", None)
        if no_args is not None and isinstance(exc, no_args):
            sys.stdout.write(exc.ctx.get_help() + "\n")  # bare `ipu` or `ipu templates`: the help
            return 0
        raise UsageError(usage_message(exc, errors), exit_code=exc.exit_code) from None
    except typer.Abort:
        raise IpuError("aborted") from None
    return status if isinstance(status, int) else 0


def usage_message(exc: Any, errors: Any) -> str:
    """Click's message in our words: lower case, no full stop, `; did you mean 'X'?`, the help to read."""
    from ipu_cli.domain.suggest import did_you_mean

    if isinstance(exc, errors.NoSuchOption):
        message = f"no such option {exc.option_name}" + did_you_mean(exc.option_name, exc.possibilities or ())
    else:
        message = exc.format_message().strip()
        message = re.sub(r"\.? Did you mean (.+)\?$", r"; did you mean \1?", message)
        message = message[:1].lower() + message[1:]
        message = message.removesuffix(".")
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message
