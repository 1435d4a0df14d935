"""An MP's terms of office: when each mandate began and ended, and when a substitute sat.

The Committee examines a complaint when the victim was a member of parliament
when the alleged violations occurred or began (section IV of the Procedure).
`terms` records an MP's mandates (elected, sworn in, ended); a substitute
counts as a member of parliament only for the periods they actually sat
(`sat`). A mandate runs from the election (an MP-elect is covered) or, if that
is not recorded, the swearing-in, to its end (open while it lasts).

The start of an MP's alleged violations is their earliest own event. When it
falls outside every term, the event says how it relates to a mandate
(`mandate_link`), e.g. a prosecution for words spoken in parliament years
earlier; `ipu validate` warns otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Window = tuple[Any, Any]
"""(first, last) partial dates of a period as a member of parliament; None is open."""


def windows(term: Any) -> list[Window]:
    """The periods a term made the MP a sitting member (or member-elect)."""
    if term.role == "substitute":
        return [(period.start, period.end) for period in term.sat]
    return [(term.elected or term.sworn_in, term.ended)]


def never_sat(term: Any) -> bool:
    """A substitute with no period in the seat: not a member of parliament by this term."""
    return term.role == "substitute" and not term.sat


def within(date: Any, window: Window) -> bool:
    """Whether `date` may fall in `window` (a partial date counts when any day it covers does)."""
    first, last = window
    if first is not None and date.latest() < first.earliest():
        return False
    return not (last is not None and date.earliest() > last.latest())


def outside_every_term(date: Any, terms: Any) -> bool:
    """True when `date` certainly falls outside every period the terms record (False when none does)."""
    periods = [w for term in terms for w in windows(term)]
    return bool(periods) and not any(within(date, w) for w in periods)


def start_of_violations(case: Any) -> tuple[int, Any] | None:
    """(index, event): the MP's earliest own event, where the alleged violations began."""
    events = list(enumerate(getattr(case, "events", ())))
    if not events:
        return None
    return min(events, key=lambda pair: (pair[1].date.earliest(), pair[0]))


def describe(terms: Any) -> Iterator[str]:
    """Each term as prose: 'elected 2013-07-28, ended 2017-11-16', 'substitute, never sat'."""
    for term in terms:
        if never_sat(term):
            yield "substitute, never sat"
            continue
        if term.role == "substitute":
            yield "substitute, sat " + ", ".join(
                f"{period.start} to {period.end or 'now'}" for period in term.sat
            )
            continue
        parts = [
            f"{label} {value}"
            for label, value in (
                ("elected", term.elected),
                ("sworn in", term.sworn_in),
                ("ended", term.ended),
            )
            if value is not None
        ]
        yield ", ".join(parts) or "dates not recorded"
