"""'Did you mean' hints: one way to name the known value nearest to a typo."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def _edits(a: str, b: str) -> int:
    """Levenshtein distance: how many single-character edits turn `a` into `b`."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _shared_start(a: str, b: str) -> int:
    """How many leading characters `a` and `b` have in common."""
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return shared


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known value nearest to `word`, or None when nothing is close enough.

    difflib ranks by similarity and breaks ties by taking the greatest string, so a typo
    `KHM-61` was offered `KHM-96` over `KHM-60`: among equally similar values, the one
    fewest edits away wins, then the one sharing the longest start with `word` (a typo is
    likelier late in a word: KHM-61 is nearer KHM-60 than KHM-51), then the first in the
    order given (the natural order of ids).
    """
    options = list(options)
    matches = difflib.get_close_matches(word, options, n=len(options) or 1, cutoff=cutoff)
    if not matches:
        return None
    ratio = difflib.SequenceMatcher(None, matches[0], word).ratio()
    tied = [m for m in matches if difflib.SequenceMatcher(None, m, word).ratio() == ratio]
    order = {option: index for index, option in reversed(list(enumerate(options)))}
    return min(tied, key=lambda match: (_edits(word, match), -_shared_start(word, match), order[match]))


def did_you_mean(word: str, options: Iterable[str], cutoff: float = 0.6) -> str:
    """The suffix `; did you mean 'X'?` naming the closest known value, or '' when none is close."""
    hint = closest(word, options, cutoff)
    return f"; did you mean '{hint}'?" if hint else ""
