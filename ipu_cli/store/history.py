"""The git history of a case repository: which case files each commit since a day changed.

`ipu changes --git` reads it by running `git log` as a subprocess in the
repository (no network: `log` reads only the local object store; prompts are
turned off). Nothing here interprets a case file: the commits and the paths
they touched under `cases/`, relative to the repository root.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ipu_cli.errors import IpuError, UsageError

_RECORD, _UNIT = "\x1e", "\x1f"


@dataclass
class Commit:
    """One commit: its short hash, author day, subject and the case files it changed."""

    hash: str
    date: str
    subject: str
    paths: list[str] = field(default_factory=list)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=60,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("--git: the git program is not installed") from None
    except subprocess.TimeoutExpired:
        raise IpuError("--git: git log did not answer within 60 seconds") from None


def commits_since(root: Path, day: dt.date, until: dt.date | None = None) -> list[Commit]:
    """The commits from `day` on (committer date) that changed files under `cases/`, oldest first;
    with `until` (the run's today, which --today may pin in the past), none after that day.

    UsageError when `root` is not inside a git work tree.
    """
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise UsageError(f"--git: {root} is not in a git repository")
    result = _git(
        root,
        "log",
        "--reverse",
        "--relative",
        f"--since={day.isoformat()}T00:00:00",
        *([f"--until={until.isoformat()}T23:59:59"] if until is not None else []),
        "--date=short",
        f"--format={_RECORD}%h{_UNIT}%ad{_UNIT}%s",
        "--name-only",
        "--",
        "cases",
    )
    if result.returncode != 0:
        if "does not have any commits" in result.stderr:
            return []
        raise IpuError(f"--git: git log failed: {result.stderr.strip() or result.returncode}")
    commits = []
    for block in result.stdout.split(_RECORD)[1:]:
        head, _, names = block.partition("\n")
        short, date, subject = [*head.split(_UNIT), "", ""][:3]
        paths = [line.strip() for line in names.splitlines() if line.strip()]
        commits.append(Commit(short, date, subject, paths))
    return commits
