"""Shared fixtures: scratch case repositories (the bundled base, the synthetic base) and a CLI runner."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-03-01"
SYNTHETIC = Path(__file__).resolve().parent / "synthetic"
"""The synthetic fixture base: invented cases of several countries and both bodies (its README)."""


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
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable synthetic repository: the repository's data/ overlaid with tests/synthetic/data/,
    and the synthetic cases (no real case); IPU_ROOT and IPU_TODAY point at it, as for `repo`."""
    target = synthetic_base(tmp_path / "synthetic")
    monkeypatch.setenv("IPU_ROOT", str(target))
    monkeypatch.setenv("IPU_TODAY", TODAY)
    monkeypatch.chdir(target)
    return target


def synthetic_base(target: Path) -> Path:
    """Write the synthetic repository into `target`: its cases, and data/ overlaid with its data/
    (also used by scripts/samples.py)."""
    shutil.copytree(SYNTHETIC / "cases", target / "cases")
    shutil.copytree(ROOT / "data", target / "data")
    for overlay in sorted((SYNTHETIC / "data").glob("*.yaml")):
        path = target / "data" / overlay.name
        base = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(overlay_data(base, overlay.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def _row_key(row: object) -> object:
    """What a row of a data file is identified by: its code, its verb, or a session's body and number."""
    if isinstance(row, dict):
        for key in ("code", "verb"):
            if key in row:
                return row[key]
        if "body" in row and "number" in row:
            return (row["body"], row["number"])
    return repr(row)


def overlay_data(base: str, overlay: str) -> str:
    """A data file with an overlay's rows merged in: a row with the same key replaces the base's
    row in place, a new row is added at the end; other top-level values of the overlay replace."""
    import yaml

    merged = yaml.safe_load(base) or {}
    for key, value in (yaml.safe_load(overlay) or {}).items():
        rows = merged.get(key)
        if isinstance(value, list) and isinstance(rows, list):
            index = {_row_key(row): position for position, row in enumerate(rows)}
            for row in value:
                if _row_key(row) in index:
                    rows[index[_row_key(row)]] = row
                else:
                    rows.append(row)
        else:
            merged[key] = value
    header = "# SYNTHETIC: data/ overlaid with tests/synthetic/data/ by tests/conftest.py\n"
    return header + yaml.safe_dump(merged, allow_unicode=True, sort_keys=False)


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
