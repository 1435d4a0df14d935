"""The fast paths: `ipu show` and `ipu validate` without Typer.

Typer alone costs more start-up time than the whole of `ipu show` may take,
and as much as a warm `ipu validate` of 10,000 files (docs/performance.md).
`fast_call` recognises a plain call of either command and parses its few
options by hand; anything unusual (`--help`, `--explain`, short option
bundles, an unknown option) returns None and goes through the Typer
application, which prints the same. The option tables below are checked
against the Typer commands' own parameters by tests/test_fast_paths.py.
Standard library only at import time.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

SHOW_VALUES = {"--format": "format", "-f": "format", "--root": "root", "--today": "today"}
SHOW_FLAGS = {"--members": "members", "--include-confidential": "include_confidential"}
SHOW_FORMATS = ("auto", "text", "json", "yaml")
VALIDATE_VALUES = {
    "--format": "format",
    "-f": "format",
    "--root": "root",
    "--today": "today",
    "--lang": "lang",
}
VALIDATE_FLAGS = {"--strict": "strict", "--no-cache": "no_cache"}


PATH_OPTIONS = ("-o", "--output", "--out", "--root")
"""The options of any command that name a file or folder."""


def refuse_empty_paths(argv: list[str]) -> None:
    """An empty path (`-o ""`, `--root=`, `ipu validate ""`: a script's unset variable) is a
    usage error: Click would read it as "." and write into, or read, the current folder."""
    from ipu_cli.errors import UsageError

    for index, token in enumerate(argv):
        name, equals, value = token.partition("=")
        if name in PATH_OPTIONS and equals and not value.strip():
            raise UsageError(f"{name}: an empty path names nothing; give a file or folder")
        if token in PATH_OPTIONS and index + 1 < len(argv) and not argv[index + 1].strip():
            raise UsageError(f"{token}: an empty path names nothing; give a file or folder")
    if argv[:1] == ["validate"]:
        for index, token in enumerate(argv[1:], start=1):
            previous = argv[index - 1]
            if not token.strip() and not (previous.startswith("-") and previous not in VALIDATE_FLAGS):
                raise UsageError("validate: an empty path names nothing; give a file or folder")


def plain_call(
    argv: list[str], command: str, values: dict[str, str], flags: dict[str, str]
) -> tuple[dict[str, object], list[str]] | None:
    """Options and positional arguments of a plain `ipu COMMAND ...` call, or None.

    `values` maps option spellings that take a value to their key, `flags` those
    that take none. Anything this does not recognise for certain (an unknown
    option, a repeated one, a missing value, `--help`) returns None, and the
    call goes to Typer, which parses it properly.
    """
    if not argv or argv[0] != command:
        return None
    options: dict[str, object] = {}
    positional: list[str] = []
    rest = argv[1:]
    index = 0
    while index < len(rest):
        item = rest[index]
        name, equals, value = item.partition("=") if item.startswith("--") else (item, "", "")
        if name in flags and not equals:
            options[flags[name]] = True
        elif name in values:
            if not equals:
                index += 1
                if index >= len(rest) or rest[index].startswith("-"):
                    return None
                value = rest[index]
            key = values[name]
            if key in options or not value:
                return None
            options[key] = value
        elif item.startswith("-") or not item:
            return None
        else:
            positional.append(item)
        index += 1
    return options, positional


def show_args(argv: list[str]) -> dict[str, object] | None:
    """The options of a plain `ipu show ID ...` call, or None to use Typer."""
    parsed = plain_call(argv, "show", SHOW_VALUES, SHOW_FLAGS)
    if parsed is None:
        return None
    options, positional = parsed
    if len(positional) != 1 or options.get("format", "auto") not in SHOW_FORMATS:
        return None
    return {"id": positional[0], **options}  # type: ignore[dict-item]


def validate_args(argv: list[str]) -> dict[str, object] | None:
    """The options and paths of a plain `ipu validate [PATH...]` call, or None to use Typer."""
    parsed = plain_call(argv, "validate", VALIDATE_VALUES, VALIDATE_FLAGS)
    if parsed is None:
        return None
    options, paths = parsed
    return {"paths": paths, **options}


def fast_call(argv: list[str]) -> Callable[[], int] | None:
    """The run of a plain `ipu show` or `ipu validate` call, or None when Typer must parse it."""
    show = show_args(argv)
    if show is not None:
        return lambda: run_show(
            show["id"],
            show.get("format", "auto"),
            show.get("root"),
            show.get("today"),
            bool(show.get("members")),
            bool(show.get("include_confidential")),
        )
    checks = validate_args(argv)
    if checks is not None:
        paths = [Path(p) for p in checks["paths"]]  # type: ignore[attr-defined]
        return lambda: run_validate(
            paths or None,
            checks.get("format"),  # type: ignore[arg-type]
            bool(checks.get("strict")),
            bool(checks.get("no_cache")),
            checks.get("root"),  # type: ignore[arg-type]
            checks.get("today"),  # type: ignore[arg-type]
            checks.get("lang"),  # type: ignore[arg-type]
        )
    return None


def run_show(
    case_id: str,
    fmt: str,
    root: str | None,
    today: str | None,
    members: bool = False,
    include_confidential: bool = False,
) -> int:
    """`ipu show`, shared by the Typer command and the fast path; returns the exit code.

    A group's confidential members are shown only with `include_confidential`, and the output
    then says so first (as every output does); without it, stdout is what a base without them
    would print, and stderr says how many were left out, so the officer knows the list is short.

    Errors (`IpuError`) propagate to `ipu_cli.entry.main`, the one place that prints them.
    """
    from ipu_cli.cli.today import resolve_today
    from ipu_cli.errors import UsageError
    from ipu_cli.queries.caseview import case_view, render_text
    from ipu_cli.store.paths import find_root

    if fmt not in SHOW_FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose from {', '.join(SHOW_FORMATS)}")
    day = resolve_today(today)
    view = case_view(find_root(override=root), case_id, day, include_confidential)
    hidden = view.pop("hidden", 0)
    if include_confidential:
        from ipu_cli.domain.visibility import NOTICE

        view = {"notice": NOTICE, **view}
    if fmt == "json":
        sys.stdout.write(json.dumps(view, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "yaml":
        import yaml

        sys.stdout.write(yaml.safe_dump(view, sort_keys=False, allow_unicode=True))
    elif fmt == "auto" and sys.stdout.isatty():
        from ipu_cli.queries.richview import print_rich

        print_rich(view, members)
    else:
        sys.stdout.write(render_text(view, members))
    if hidden:
        from ipu_cli.domain.words import counted

        sys.stderr.write(
            f"ipu: {counted(hidden, 'confidential member')} of {view['id']} not shown; "
            "--include-confidential shows them (internal use only)\n"
        )
    return 0


def run_validate(
    paths: list[Path] | None,
    fmt: str | None,
    strict: bool,
    no_cache: bool,
    root: str | os.PathLike[str] | None,
    today: str | None,
    lang: str | None = None,
) -> int:
    """Check the base, print the problems (stdout) and the summary (stderr); the exit code.

    `lang` (`--lang fr`) also reports every text without a translation into it.
    """
    from ipu_cli.checks.pipeline import validate
    from ipu_cli.checks.problems import FORMATS, format_problems, summary_line
    from ipu_cli.cli.today import resolve_today
    from ipu_cli.errors import UsageError
    from ipu_cli.store.paths import TRANSLATED, find_root

    chosen = fmt if fmt is not None else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if chosen not in FORMATS:
        raise UsageError(f"unknown format '{chosen}'; choose from {', '.join(FORMATS)}")
    if lang is not None and lang not in TRANSLATED:
        raise UsageError(f"unknown language '{lang}' for --lang; choose from {', '.join(TRANSLATED)}")
    repo = find_root(override=root)
    day = resolve_today(today)
    report = validate(repo, paths or None, day, cache=not no_cache, lang=lang)
    sys.stdout.write(format_problems(report.problems, chosen))
    if chosen == "text":
        sys.stderr.write(summary_line(report.problems, report.files) + "\n")
        from ipu_cli.checks.causes import hints

        sys.stderr.writelines(f"ipu: {hint}\n" for hint in hints(report.problems))
    return report.exit_code(strict)
