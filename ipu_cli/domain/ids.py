"""Case identifiers: their forms, loose spellings and natural order.

Ids are kept exactly as published, zero padding included (`PHL-08`), so the
canonical form of a typed id is only decided against the ids that exist
(`resolve_id`); `normalise_id` gives the spelling a file would carry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

ID_PATTERN = r"^[A-Z]{3}-[0-9]{1,4}$"
COLLECTIVE_ID_PATTERN = r"^[A-Z]{3}-COLL-[0-9]{2,3}$"
ANY_ID_PATTERN = r"^[A-Z]{3}-(COLL-)?[0-9]{1,4}$"

_COLLECTIVE_RE = re.compile(COLLECTIVE_ID_PATTERN)
_ID_SPELLING = re.compile(r"^\s*([A-Za-z]{3})\s*[-/ ]?\s*(COLL\s*[-/ ]?\s*)?(\d{1,4})\s*$", re.IGNORECASE)
_TRAILING_NUMBER = re.compile(r"(\d+)$")


def is_collective_id(case_id: str) -> bool:
    """Collective ids carry COLL: KHM-COLL-03."""
    return bool(_COLLECTIVE_RE.match(case_id))


def id_parts(text: str) -> tuple[str, bool, int] | None:
    """What a loosely typed id means: (country, collective, number); 'phl08' -> ('PHL', False, 8)."""
    match = _ID_SPELLING.match(text)
    if not match:
        return None
    country, coll, number = match.groups()
    return (country.upper(), bool(coll), int(number))


def resolve_id(text: str, known: Iterable[str]) -> str | None:
    """The one known id that `text` spells: exactly, or loosely ('phl8', 'PHL/08' -> 'PHL-08').

    Ids are kept as published, zero padding included, so a loose spelling is
    matched on its meaning (country, kind, number) against the ids that exist.
    """
    return resolver(known)(text)


def resolver(known: Iterable[str]) -> Callable[[str], str | None]:
    """`resolve_id` against a fixed set of ids, indexed once: for resolving many spellings."""
    ids = set(known)
    meanings: dict[tuple[str, bool, int], list[str]] = {}
    for case_id in ids:
        parts = id_parts(case_id)
        if parts is not None:
            meanings.setdefault(parts, []).append(case_id)

    def resolve(text: str) -> str | None:
        wanted = text.strip()
        if wanted in ids:
            return wanted
        parts = id_parts(wanted)
        found = meanings.get(parts, []) if parts is not None else []
        return found[0] if len(found) == 1 else None

    return resolve


def normalise_id(text: str) -> str | None:
    """The house spelling of an id typed loosely, its digits kept as typed: 'khm60' -> 'KHM-60',
    'phl/08' -> 'PHL-08' (zero padding is part of a published id).

    A group's number has at least two digits, as every group id is published ('khm-coll-3' ->
    'KHM-COLL-03'). To find an existing case, use `resolve_id`, which matches on meaning.
    """
    match = _ID_SPELLING.match(text)
    if not match:
        return None
    country, coll, number = match.groups()
    if coll:
        return f"{country.upper()}-COLL-{number.zfill(2)}"
    return f"{country.upper()}-{number}"


def spellings(text: str) -> list[str]:
    """Every id a loose spelling can stand for, zero paddings included: 'khm/8' -> KHM-8, KHM-08..."""
    parts = id_parts(text)
    if parts is None:
        return []
    country, collective, number = parts
    stem = f"{country}-COLL-" if collective else f"{country}-"
    return list(dict.fromkeys(f"{stem}{number:0{width}d}" for width in (1, 2, 3, 4)))


def id_key(case_id: str) -> tuple[str, int, int, str]:
    """Natural id order, used wherever cases are listed: KHM-48 < KHM-99 < KHM-101 < KHM-COLL-03."""
    match = _TRAILING_NUMBER.search(case_id)
    number = int(match.group(1)) if match else 0
    return (case_id[:3], 1 if "-COLL-" in case_id else 0, number, case_id)
