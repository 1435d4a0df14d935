"""The communications log: its parties and directions, and the latest entry each way.

The case box's follow-up lines, `ipu show`, `ipu followups` and letters all
read the log through here, so "the latest letter to the authorities" means
the same thing everywhere: the entry with the latest date (the later one in
the file when two share a date), internal entries left out of public output.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

PARTIES = ("authorities", "complainant", "third-party")
"""Who a communication is with; `domain.cases.Party` is built from this."""
DIRECTIONS = ("to", "from")
"""Which way it went; `domain.cases.Direction` is built from this."""
FOLLOWED = (("from", "authorities"), ("from", "complainant"), ("to", "authorities"), ("to", "complainant"))
"""The four ways the case box and the follow-up reports watch, in the order the box prints them."""

_PARTY_NAMES = {
    "authorities": "the authorities",
    "complainant": "the complainant",
    "third-party": "a third party",
}


def party_name(party: str) -> str:
    """How prose names a party: "the authorities", "the complainant", "a third party"."""
    return _PARTY_NAMES.get(party, party)


def way(direction: str, party: str) -> str:
    """ "from the authorities", "to the complainant": a direction and a party in words."""
    return f"{direction} {party_name(party)}"


def entries(log: Iterable[Any], direction: str, party: str, *, public: bool = True) -> list[Any]:
    """The entries of one direction and party, in file order; internal ones left out when `public`."""
    return [
        entry
        for entry in log
        if entry.direction == direction and entry.party == party and not (public and entry.internal)
    ]


def latest(log: Iterable[Any], direction: str, party: str, *, public: bool = True) -> Any | None:
    """The latest entry of one direction and party (the later in the file on equal dates), or None."""
    found = entries(log, direction, party, public=public)
    best = None
    for entry in found:
        if best is None or not entry.date < best.date:
            best = entry
    return best
