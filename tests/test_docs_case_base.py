"""Every option of validate, show, schema, list, stats and export is documented (as sqlite-utils does).

The options are read from the Typer app itself, so a new option without a line in the
docs fails here. An option counts as documented when it appears in backticks (`--sex`,
`--sex female`, `-f`) in its command's section, or in the section of shared options.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from ipu_cli.cli.app import app

DOCS = Path(__file__).resolve().parent.parent / "docs"
# command -> (docs file, heading that opens its section; None for the whole file)
PLACES = {
    "list": ("queries.md", "## `ipu list`"),
    "stats": ("queries.md", "## `ipu stats`"),
    "changes": ("queries.md", "## `ipu changes`"),
    "export": ("queries.md", "## `ipu export`"),
    "validate": ("checks.md", None),
    "show": ("case-base.md", "## `ipu show"),
    "schema": ("case-base.md", "## `ipu schema`"),
}
SHARED = ("case-base.md", "## Options every command shares")


def section(name: str, heading: str | None) -> str:
    text = (DOCS / name).read_text(encoding="utf-8")
    if heading is None:
        return text
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else len(text)]


def options(command: str) -> list[str]:
    group = typer.main.get_command(app)
    found = []
    # Typer may bring its own copy of Click: recognise options by their kind, not their class.
    for param in group.commands[command].params:  # type: ignore[attr-defined]
        if param.param_type_name == "option":
            found += [o for o in (*param.opts, *param.secondary_opts) if o not in ("-h", "--help")]
    return found


@pytest.mark.parametrize("command", sorted(PLACES))
def test_every_option_is_documented(command):
    text = section(*PLACES[command]) + section(*SHARED)
    missing = [o for o in options(command) if not re.search("`" + re.escape(o) + r"[`\s=|,]", text)]
    assert not missing, f"ipu {command}: options not in docs/{PLACES[command][0]}: {missing}"


def test_introspection_sees_the_options():
    """Guards the test above against reading nothing."""
    assert {"--sex", "--violation", "--current-only", "-f", "--root"} <= set(options("list"))
    assert {"--strict", "--explain", "--today"} <= set(options("validate"))
