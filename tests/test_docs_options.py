"""The user docs name every option of the commands they document, and no other.

Like sqlite-utils' documentation tests: the options are read from the Typer app
itself (`typer.main.get_command`), so adding an option without documenting it,
or documenting one that does not exist, fails here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from ipu_cli.cli.app import app

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = {
    "decision-drafts.md": [("draft-decision",), ("templates", "check"), ("booklet",)],
    "follow-up.md": [("log",), ("new",), ("followups",), ("draft-letter",)],
    "recording.md": [("complaint",), ("record",), ("start-draft",), ("adopt",), ("close",)],
    "translations.md": [("untranslated",)],
}
_OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)(?![\w-])")
_IGNORED = {"--help", "-h"}
"""Options every command has, documented once in the README."""


def _command(path: tuple[str, ...]) -> Any:
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


def _options(path: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for param in _command(path).params:
        if param.param_type_name == "option":
            names.update(param.opts)
            names.update(param.secondary_opts)
    return names - _IGNORED


@pytest.mark.parametrize(
    ("page", "path"), [(page, path) for page, paths in PAGES.items() for path in paths], ids=str
)
def test_every_option_is_documented(page: str, path: tuple[str, ...]) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert f"ipu {' '.join(path)}" in text
    mentioned = set(_OPTION.findall(text))
    assert sorted(_options(path) - mentioned) == []


@pytest.mark.parametrize("page", PAGES)
def test_every_documented_option_exists(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    # options in `ipu ...` command lines (and their continuation lines) and in code spans
    # opening with a dash; other tools' flags (chromium's) are not ours to check
    code, in_ipu = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("ipu "):
            in_ipu = True
        elif not (in_ipu and stripped.startswith("-")):
            in_ipu = False
        if in_ipu:
            code.append(stripped)
        code += [span for span in re.findall(r"`([^`]+)`", line) if span.startswith("-")]
    code = " ".join(code)
    known = set().union(*(_options(path) for path in PAGES[page])) | _IGNORED
    unknown = sorted(
        name for name in set(_OPTION.findall(code)) if name.startswith("--") and name not in known
    )
    assert unknown == []


def _console_blocks() -> list[tuple[str, int, str]]:
    out = []
    for page in PAGES:
        text = (DOCS / page).read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"```console\n(.*?)```", text, re.S)):
            out.append((page, number, block))
    return out


@pytest.mark.parametrize(("page", "number", "block"), _console_blocks(), ids=lambda v: str(v)[:20])
def test_console_examples_print_what_the_docs_say(repo, ipu, page: str, number: int, block: str) -> None:
    """Each ```console block runs, in order, on a fresh copy of the case base: stdout, then stderr."""
    import shlex

    commands: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            commands.append((shlex.split(line[2:]), []))
        else:
            commands[-1][1].append(line)
    for argv, expected in commands:
        assert argv[0] == "ipu"
        result = ipu(*argv[1:])
        assert (result.out + result.err).splitlines() == expected, " ".join(argv)
