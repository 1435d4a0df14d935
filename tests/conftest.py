"""Shared fixtures: a scratch copy of the bundled case repository and a CLI runner."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-03-01"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of cases/ and data/; IPU_ROOT and IPU_TODAY point at it."""
    target = tmp_path / "repo"
    for name in ("cases", "data"):
        shutil.copytree(ROOT / name, target / name)
    monkeypatch.setenv("IPU_ROOT", str(target))
    monkeypatch.setenv("IPU_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", "80")  # text views and piped tables fit 80 columns
    monkeypatch.chdir(target)
    return target


@pytest.fixture
def ipu(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the `ipu` entry point in-process; stdout and stderr kept apart."""
    from ipu_cli.entry import main

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(*argv: str) -> Result:
        capsys.readouterr()
        try:
            main(list(argv))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.stdout.flush()
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
