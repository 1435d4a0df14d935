"""What "today" is for a run: --today, else $IPU_TODAY, else the system date.

Future-date checks, follow-up silences and letter dates all depend on it, and
tests and reruns of past reports pin it. Plain standard library, so the
Typer-free fast paths of `ipu show` and `ipu validate` can use it too.
"""

from __future__ import annotations

import datetime as dt
import os

from ipu_cli.errors import UsageError


class BadToday(UsageError):
    """--today or $IPU_TODAY is not a YYYY-MM-DD date (a usage error: exit 2)."""


def resolve_today(value: str | None) -> dt.date:
    """The day a run acts as of; BadToday names the option and the value.

    An empty `--today ""` is refused (a script whose variable is unset must not silently
    act as of the system date); an empty $IPU_TODAY means unset, as for any variable.
    """
    if value is not None and not value.strip():
        raise BadToday("invalid date for --today: '' (expected YYYY-MM-DD)")
    text = value or os.environ.get("IPU_TODAY")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadToday(f"invalid date for --today/IPU_TODAY: {text!r} (expected YYYY-MM-DD)") from None
