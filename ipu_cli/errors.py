"""The one base exception of every library error, and the exit status it maps to.

A library function that cannot do what it was asked raises an `IpuError`
(or a subclass) with a one-line message for the case officer, the located
problems behind it if any, and an exit status. Only `ipu_cli.entry.main`
turns it into output and an exit code, so every command fails the same way:
the problems on stderr, then its details and `ipu: MESSAGE`, then the status.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

USAGE = 2
"""Exit status of a usage error: a bad option value, a missing argument."""
FAILURE = 1
"""Exit status of a refusal: unknown or unreadable case, invalid data, nothing written."""


class IpuError(Exception):
    """Something the case officer must fix; nothing half-done was left behind."""

    exit_code: int = FAILURE

    def __init__(
        self,
        message: str,
        problems: Sequence[Any] = (),
        exit_code: int | None = None,
        details: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)
        self.details = list(details)
        """Lines that explain the message (which documents of a batch failed), printed before it."""
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(IpuError):
    """The call itself is wrong: an option value, a missing argument (exit 2)."""

    exit_code = USAGE
