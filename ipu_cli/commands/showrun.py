"""Run `ipu show` without Typer: shared by the command and the fast path in entry.py."""

from __future__ import annotations

import json
import sys


def run_show(case_id: str, fmt: str, root: str | None, today: str | None) -> int:
    """Shared by the Typer command and the fast path; returns the exit code."""
    from ..repo import RootNotFound, find_root
    from ..show import ShowError, case_view, render_text
    from ..today import BadToday, resolve_today

    if fmt not in ("auto", "text", "json", "yaml"):
        sys.stderr.write(f"ipu: unknown format '{fmt}'; choose from auto, text, json, yaml\n")
        return 2
    try:
        day = resolve_today(today)
    except BadToday as exc:
        sys.stderr.write(f"ipu: {exc}\n")
        return 2
    try:
        repo = find_root(override=root)
        view = case_view(repo, case_id, day)
    except RootNotFound as exc:
        sys.stderr.write(f"ipu: {exc}\n")
        return 2
    except ShowError as exc:
        for problem in exc.problems:
            sys.stderr.write(problem.text() + "\n")
        sys.stderr.write(f"{exc}\n")
        return 1
    if fmt == "json":
        sys.stdout.write(json.dumps(view, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "yaml":
        import yaml

        sys.stdout.write(yaml.safe_dump(view, sort_keys=False, allow_unicode=True))
    elif fmt == "auto" and sys.stdout.isatty():
        from ..showrich import print_rich

        print_rich(view)
    else:
        sys.stdout.write(render_text(view))
    return 0
