"""The fast paths' option tables (ipu_cli/cli/fast.py) match the Typer commands' own options.

A plain `ipu show` or `ipu validate` never imports Typer, so the hand parser
must know exactly the options the Typer command declares: those it takes
with a value, and the flags. Options only Typer handles (`--help`,
`--explain`) are listed here on purpose; the parser returns None for them
and the call goes through Typer.
"""

from __future__ import annotations

import typer.main

from ipu_cli.cli import fast
from ipu_cli.cli.app import app

TYPER_ONLY = {"--help", "-h", "--explain"}


def _options(name: str) -> tuple[set[str], set[str]]:
    """(spellings that take a value, flag spellings) of a Typer command."""
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    values: set[str] = set()
    flags: set[str] = set()
    for param in command.params:
        if param.param_type_name != "option":
            continue
        names = set(param.opts) | set(param.secondary_opts)
        (flags if param.is_flag else values).update(names - TYPER_ONLY)
    return values, flags


def test_show_table_matches_typer():
    values, flags = _options("show")
    assert (set(fast.SHOW_VALUES), set(fast.SHOW_FLAGS)) == (values, flags)


def test_validate_table_matches_typer():
    values, flags = _options("validate")
    assert (set(fast.VALIDATE_VALUES), set(fast.VALIDATE_FLAGS)) == (values, flags)


def test_typer_only_options_go_to_typer():
    assert fast.fast_call(["validate", "--explain", "tab"]) is None
    assert fast.fast_call(["show", "KHM-60", "--help"]) is None
    assert fast.fast_call(["list"]) is None
