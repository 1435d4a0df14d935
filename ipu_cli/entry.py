"""Console entry point, and the one place where errors become output and exit codes.

Plain `ipu show` and `ipu validate` calls take the Typer-free fast paths of
`ipu_cli.cli.fast`; everything else goes through the Typer application.
Whatever path a command takes, a library error (`ipu_cli.errors.IpuError`)
is printed here: its located problems, then `ipu: MESSAGE`, then its exit
status. Anything else is a bug, reported in one line (exit 3) unless
IPU_DEBUG is set.
"""

from __future__ import annotations

import os
import sys

INTERNAL = 3
"""Exit status of an unexpected error (a bug in ipu)."""
COMPLETION = "_IPU_COMPLETE"
"""Set by the shell completion scripts: the call goes to Typer, which answers it."""


def report(exc: BaseException) -> int:
    """Print a library error on stderr and return its exit status."""
    from ipu_cli.errors import IpuError

    assert isinstance(exc, IpuError)
    for problem in exc.problems:
        sys.stderr.write(problem.text() + "\n")
    if exc.problems:
        from ipu_cli.checks.causes import hints

        for hint in hints(exc.problems):
            sys.stderr.write(f"ipu: {hint}\n")
    for detail in exc.details:
        sys.stderr.write(f"ipu: {detail}\n")
    sys.stderr.write(f"ipu: {exc.message}\n")
    return exc.exit_code


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    from ipu_cli.errors import IpuError

    try:
        from ipu_cli.cli.fast import fast_call, refuse_empty_paths

        run = None
        if COMPLETION not in os.environ:  # a completion call goes to Typer as it is
            refuse_empty_paths(argv)
            run = fast_call(argv)
        if run is not None:
            raise SystemExit(run())
        from ipu_cli.cli.app import run as run_app

        raise SystemExit(run_app(argv))
    except IpuError as exc:
        raise SystemExit(report(exc)) from None
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
        raise SystemExit(INTERNAL) from None
