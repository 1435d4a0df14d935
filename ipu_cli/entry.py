"""Console entry point.

`ipu show` takes a fast path that parses its few options with argparse and
never imports Typer, Pydantic or the renderers (Typer alone costs more start-up
time than the whole of `ipu show` may take; see docs/decisions.md). Every other
command, and `ipu show --help`, goes through the Typer application.
"""

from __future__ import annotations

import os
import sys

_SHOW_FLAGS = {"--format", "--root", "--today"}


def _fast_show_args(argv: list[str]) -> dict[str, str] | None:
    """The options of a plain `ipu show ID ...` call, or None to use Typer."""
    if len(argv) < 2 or argv[0] != "show":
        return None
    args: dict[str, str] = {}
    rest = argv[1:]
    index = 0
    while index < len(rest):
        item = rest[index]
        if item.startswith("--"):
            name, _, value = item.partition("=")
            if name not in _SHOW_FLAGS:
                return None
            if not value:
                index += 1
                if index >= len(rest):
                    return None
                value = rest[index]
            args[name[2:]] = value
        elif item.startswith("-") or "id" in args:
            return None
        else:
            args["id"] = item
        index += 1
    if "id" not in args or args.get("format", "auto") not in ("auto", "text", "json", "yaml"):
        return None
    return args


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        fast = _fast_show_args(argv)
        if fast is not None:
            from .commands.showrun import run_show

            raise SystemExit(
                run_show(fast["id"], fast.get("format", "auto"), fast.get("root"), fast.get("today"))
            )
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
