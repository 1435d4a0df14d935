"""`ipu validate` without Typer (entry.py's fast path) must print exactly what the Typer command prints."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ipu_cli.cli import fast as fast_paths
from ipu_cli.cli.fast import validate_args as _fast_validate_args

CORPUS = Path(__file__).parent / "corpus"

CALLS = (
    (),
    ("--strict",),
    ("--format", "json"),
    ("--format=github",),
    ("-f", "json", "--no-cache"),
    ("cases/KHM/KHM-900.yaml", "cases/KHM/KHM-60.yaml"),
    ("cases/KHM/no-such-file.yaml",),
    ("--today", "2031-06-01", "--strict"),
    ("--today", "not-a-date"),
    ("--format", "xml"),
    ("--root", "no-such-folder"),
)


def test_fast_path_parsing():
    assert _fast_validate_args(["validate"]) == {"paths": []}
    assert _fast_validate_args(["validate", "a.yaml", "--strict", "-f", "json", "--root=x", "b.yaml"]) == {
        "paths": ["a.yaml", "b.yaml"],
        "strict": True,
        "format": "json",
        "root": "x",
    }
    assert _fast_validate_args(["validate", "--no-cache", "--today", "2026-01-01"]) == {
        "paths": [],
        "no_cache": True,
        "today": "2026-01-01",
    }
    for unusual in (
        ["validate", "--help"],
        ["validate", "--explain", "all"],
        ["validate", "-fjson"],
        ["validate", "--format"],
        ["validate", "--format", "json", "--format", "text"],
        ["validate", "--strict=yes"],
        ["validate", "--", "x.yaml"],
        ["validate", ""],
        ["show", "KHM-60"],
        [],
    ):
        assert _fast_validate_args(unusual) is None, unusual


@pytest.mark.parametrize("call", CALLS)
def test_both_paths_print_the_same(repo, ipu, monkeypatch, call):
    shutil.copy(CORPUS / "future-date.yaml", repo / "cases" / "KHM" / "KHM-900.yaml")
    assert _fast_validate_args(["validate", *call]) is not None
    fast = ipu("validate", *call)
    monkeypatch.setattr(fast_paths, "fast_call", lambda argv: None)
    typer_path = ipu("validate", *call)
    assert fast == typer_path
    assert fast.out or fast.err  # each call reports something


def test_warm_fast_path_imports_nothing_heavy(repo):
    code = (
        "import sys; from ipu_cli.entry import main\n"
        "try:\n    main(['validate'])\nexcept SystemExit as exit:\n    code = exit.code\n"
        "heavy = sorted(m for m in ('typer', 'pydantic', 'yaml', 'jinja2', 'rich') if m in sys.modules)\n"
        "sys.stderr.write(repr((code, heavy)))\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)  # fills the cache
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr.endswith("(0, [])")
