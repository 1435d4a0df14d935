"""'Did you mean' hints: one way to name the known value nearest to a typo."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known value nearest to `word`, or None when nothing is close enough."""
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def did_you_mean(word: str, options: Iterable[str], cutoff: float = 0.6) -> str:
    """The suffix `; did you mean 'X'?` naming the closest known value, or '' when none is close."""
    hint = closest(word, options, cutoff)
    return f"; did you mean '{hint}'?" if hint else ""
