"""Every example of the README (and docs/case-base.md, queries.md, checks.md) runs as it says.

Each ```console block runs in a fresh scratch copy of the bundled base (cases/, data/,
templates/, schemas/), command after command, through bash, with `ipu` found on the PATH as
the README's "Getting started" says (`.venv/bin` first), no IPU_ROOT (the repository is found
from the working folder), IPU_TODAY=2026-03-01 and an 80-column terminal. A `$ ` line is a
command (a trailing backslash continues it); the lines after it are what it prints: stdout,
then stderr. A line `...` stands for any number of lines.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = (README, *(ROOT / "docs" / name for name in ("case-base.md", "queries.md", "checks.md")))
"""The README, and the docs pages whose examples are walked here (the pages of the writing
commands are walked by tests/test_docs_options.py). A ```sh block lists commands without their
output; a ```console block is a transcript and is checked."""
BIN = Path(sys.executable).parent  # the virtual environment `make` built: .venv/bin


def blocks(text: str) -> list[list[tuple[str, list[str]]]]:
    """The console blocks of a page: (command, expected lines) in order."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        commands: list[tuple[str, list[str]]] = []
        continued = False
        for line in block.splitlines():
            if line.startswith("$ ") or continued:
                command = line[2:] if not continued else line
                if continued:
                    commands[-1] = (commands[-1][0] + "\n" + command, [])
                else:
                    commands.append((command, []))
                continued = line.endswith("\\")
            else:
                commands[-1][1].append(line)
        out.append(commands)
    return out


def matches(actual: list[str], expected: list[str]) -> bool:
    """`expected` with `...` lines standing for any run of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(actual[i:], expected[1:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(actual[1:], expected[1:])


def scratch(target: Path) -> Path:
    for name in ("cases", "data", "templates", "schemas"):
        shutil.copytree(ROOT / name, target / name)
    return target


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPU_") and k != "GITHUB_ACTIONS"}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", IPU_TODAY="2026-03-01", COLUMNS="80")
    return env


EXAMPLES = [block for page in PAGES for block in blocks(page.read_text(encoding="utf-8"))]


def test_the_readme_has_examples_for_every_command():
    commands = " ".join(command for block in EXAMPLES for command, _ in block)
    for name in ("validate", "show", "draft-decision", "draft-letter", "log", "followups", "new", "list"):
        assert f"ipu {name}" in commands
    assert {"stats", "export", "templates"} <= set(re.findall(r"ipu (\w+)", commands))


def test_every_console_block_of_the_docs_is_walked():
    """A transcript nobody runs drifts from the code: every page with a ```console block is
    walked here or by tests/test_docs_options.py."""
    from tests.test_docs_options import PAGES as WRITING_PAGES

    walked = {page.name for page in PAGES[1:]} | set(WRITING_PAGES)
    with_transcripts = {
        page.name for page in (ROOT / "docs").glob("*.md") if "```console" in page.read_text("utf-8")
    }
    assert sorted(with_transcripts - walked) == []


def test_ipu_is_found_on_the_path_as_the_readme_says(tmp_path):
    assert 'export PATH="$PWD/.venv/bin:$PATH"' in README.read_text(encoding="utf-8")
    run = subprocess.run(
        ["bash", "-c", "command -v ipu && ipu --version"],
        cwd=scratch(tmp_path),
        env=environment(),
        capture_output=True,
        text=True,
    )
    assert run.stdout.splitlines() == [str(BIN / "ipu"), "ipu 0.1.0"]


@pytest.mark.parametrize("number", range(len(EXAMPLES)), ids=lambda n: EXAMPLES[n][0][0][:40])
def test_readme_example_runs_as_shown(tmp_path, number):
    folder = scratch(tmp_path)
    for command, expected in EXAMPLES[number]:
        run = subprocess.run(
            ["bash", "-c", command], cwd=folder, env=environment(), capture_output=True, text=True
        )
        actual = run.stdout.splitlines() + run.stderr.splitlines()
        assert matches(actual, expected), f"$ {command}\n" + "\n".join(actual)


def test_install_user_links_ipu_into_a_folder_on_the_path(tmp_path):
    """`make install-user` (scripts/install-user.sh): a link, a hint when the folder is not on
    the PATH, and never a file of someone else's replaced."""
    script, target, bindir = ROOT / "scripts" / "install-user.sh", BIN / "ipu", tmp_path / "bin"
    env = {**environment(), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        ["sh", str(script), str(target), str(bindir)], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        f"ipu: linked {bindir}/ipu -> {target}",
        f"ipu: {bindir} is not on your PATH; add this line to your shell's startup file:",
        f'    export PATH="{bindir}:$PATH"',
    ]
    assert os.readlink(bindir / "ipu") == str(target)
    on_path = {**env, "PATH": f"{bindir}:/usr/bin:/bin"}
    again = subprocess.run(
        ["sh", str(script), str(target), str(bindir)], env=on_path, capture_output=True, text=True
    )
    assert (again.returncode, again.stdout, again.stderr) == (
        0,
        f"ipu: linked {bindir}/ipu -> {target}\n",
        "",
    )
    version = subprocess.run(["ipu", "--version"], env=on_path, capture_output=True, text=True)
    assert version.stdout == "ipu 0.1.0\n"
    (bindir / "ipu").unlink()
    (bindir / "ipu").write_text("someone else's\n")
    refused = subprocess.run(
        ["sh", str(script), str(target), str(bindir)], env=env, capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert (
        refused.stderr
        == f"ipu: {bindir}/ipu exists and is not a link; not replaced (remove it, or choose BINDIR=...)\n"
    )
    assert (bindir / "ipu").read_text() == "someone else's\n"
