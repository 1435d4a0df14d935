"""Console entry point.

`ipu show` and `ipu validate` take a fast path that parses their few options
by hand and never imports Typer (Typer alone costs more start-up time than the
whole of `ipu show` may take, and as much as a warm `ipu validate` of 10,000
files; see docs/decisions.md); `ipu show` also skips Pydantic and the
renderers. Anything unusual (`--help`, `--explain`, short option bundles, an
unknown option) goes through the Typer application, as does every other
command; both paths print the same.
"""

from __future__ import annotations

import os
import sys


def _plain_call(
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


_SHOW_VALUES = {"--format": "format", "--root": "root", "--today": "today"}


def _fast_show_args(argv: list[str]) -> dict[str, str] | None:
    """The options of a plain `ipu show ID ...` call, or None to use Typer."""
    parsed = _plain_call(argv, "show", _SHOW_VALUES, {})
    if parsed is None:
        return None
    options, positional = parsed
    if len(positional) != 1 or options.get("format", "auto") not in ("auto", "text", "json", "yaml"):
        return None
    return {"id": positional[0], **options}  # type: ignore[dict-item]


_VALIDATE_VALUES = {"--format": "format", "-f": "format", "--root": "root", "--today": "today"}
_VALIDATE_FLAGS = {"--strict": "strict", "--no-cache": "no_cache"}


def _fast_validate_args(argv: list[str]) -> dict[str, object] | None:
    """The options and paths of a plain `ipu validate [PATH...]` call, or None to use Typer."""
    parsed = _plain_call(argv, "validate", _VALIDATE_VALUES, _VALIDATE_FLAGS)
    if parsed is None:
        return None
    options, paths = parsed
    return {"paths": paths, **options}


def _run_fast_validate(args: dict[str, object]) -> int:
    from pathlib import Path

    from .commands.validaterun import run_validate

    paths = [Path(p) for p in args["paths"]]  # type: ignore[attr-defined]
    return run_validate(
        paths or None,
        args.get("format"),  # type: ignore[arg-type]
        bool(args.get("strict")),
        bool(args.get("no_cache")),
        args.get("root"),  # type: ignore[arg-type]
        args.get("today"),  # type: ignore[arg-type]
    )


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        fast = _fast_show_args(argv)
        if fast is not None:
            from .commands.showrun import run_show

            raise SystemExit(
                run_show(fast["id"], fast.get("format", "auto"), fast.get("root"), fast.get("today"))
            )
        checks = _fast_validate_args(argv)
        if checks is not None:
            raise SystemExit(_run_fast_validate(checks))
        from .cli import app

        app(args=argv, prog_name="ipu")
    except KeyboardInterrupt:
        sys.stderr.write("ipu: interrupted\n")
        raise SystemExit(130) from None
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None
    except Exception as exc:  # the last guard: a message, never a traceback
        if os.environ.get("IPU_DEBUG"):
            raise
        sys.stderr.write(f"ipu: internal error: {type(exc).__name__}: {exc} (set IPU_DEBUG=1 for details)\n")
        raise SystemExit(3) from None
