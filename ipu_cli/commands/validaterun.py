"""Run `ipu validate` without Typer: shared by the command and the fast path in entry.py.

`ipu validate` runs in every pre-commit hook and CI push; on an unchanged base
its work takes a few tenths of a second, and importing Typer would add about
as much again. So the plain calls skip it (docs/performance.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def run_validate(
    paths: list[Path] | None,
    fmt: str | None,
    strict: bool,
    no_cache: bool,
    root: str | os.PathLike[str] | None,
    today: str | None,
) -> int:
    """Check the base, print the problems (stdout) and the summary (stderr); the exit code."""
    from ..problems import FORMATS, format_problems, summary_line
    from ..repo import RootNotFound, find_root
    from ..today import BadToday, resolve_today
    from ..validate import validate as run

    chosen = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if chosen not in FORMATS:
        return _fail(f"unknown format '{chosen}'; choose from {', '.join(FORMATS)}")
    try:
        repo = find_root(override=root)
    except RootNotFound as exc:
        return _fail(str(exc))
    try:
        day = resolve_today(today)
    except BadToday as exc:
        return _fail(str(exc))
    report = run(repo, paths or None, day, cache=not no_cache)
    sys.stdout.write(format_problems(report.problems, chosen))
    if chosen == "text":
        sys.stderr.write(summary_line(report.problems, report.files) + "\n")
    return report.exit_code(strict)


def _fail(message: str) -> int:
    sys.stderr.write(f"ipu: {message}\n")
    return 2
