"""`ipu validate` as a library call: which files, which problems, which exit code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .casebase import check_file, future_problems, load_case_base
from .problems import ERROR, Problem
from .repo import CASE_SUFFIXES, display_path


@dataclass
class Report:
    problems: list[Problem]
    files: int

    def exit_code(self, strict: bool = False) -> int:
        if any(p.level == ERROR for p in self.problems):
            return 1
        return 1 if strict and self.problems else 0


def expand(paths: list[Path]) -> list[Path]:
    """Files named, and the case files inside folders named."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.name.endswith(CASE_SUFFIXES) and p.is_file()))
        else:
            out.append(path)
    return out


def validate(
    root: Path, paths: list[Path] | None = None, today: dt.date | None = None, *, cache: bool = True
) -> Report:
    """Check the whole base; report on `paths` only when given (cross-file checks still see everything).

    `cache=False` (`--no-cache`) checks every file afresh and neither reads nor writes the cache.
    """
    today = today or dt.date.today()
    base = load_case_base(root, cache=cache)
    problems = base.problems + future_problems(base.records.values(), today)
    files = base.files
    if paths:
        chosen = [p.absolute() for p in expand(paths)]
        shown = {display_path(p, root) for p in chosen}
        known = {display_path(p, root) for p in (root / "cases").rglob("*")}
        problems = [p for p in problems if p.path in shown]
        for path in chosen:
            label = display_path(path, root)
            if not path.exists():
                problems.append(Problem(label, 1, 1, ERROR, "unreadable", "no such file"))
                continue
            if not path.name.endswith(CASE_SUFFIXES):
                # Named explicitly but never checked: say so rather than report it clean.
                message = f"not a case file: case files end in {' or '.join(CASE_SUFFIXES)}"
                problems.append(Problem(label, 1, 1, ERROR, "not-a-case-file", message))
                continue
            if label in known:
                continue
            result = check_file(path, root, base.reference)
            problems.extend(result.problems)
            if result.record:
                problems.extend(future_problems([result.record], today))
        files = len(chosen)
    problems.sort(key=lambda p: (p.path, p.line, p.column, p.code))
    return Report(problems, files)
