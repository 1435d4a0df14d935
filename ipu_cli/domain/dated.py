"""Which facts of a case are dated, and the rule that dated lists are kept oldest first.

Every reader of dates (the future-date and date-order checks, `ipu list
--since`, `ipu changes`, the latest date of a file) asks here, so that a new
dated field is added in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ipu_cli.domain.dates import PartialDate

DATED_LISTS = ("events", "missions", "hearings", "communications")
"""Lists of records carrying a `date`, each kept oldest first in a case file."""


def dated_facts(case: Any) -> Iterator[tuple[PartialDate, tuple[Any, ...]]]:
    """Every date a case file holds, with its place in the file (a path of keys and indices)."""
    for name in DATED_LISTS:
        for index, item in enumerate(getattr(case, name)):
            yield item.date, (name, index, "date")
    for index, decision in enumerate(case.decisions):
        yield decision.adopted, ("decisions", index, "adopted")
    for index, mission in enumerate(case.missions):
        if getattr(mission, "end", None) is not None:
            yield mission.end, ("missions", index, "end")
    if case.complaint:
        yield case.complaint.submitted, ("complaint", "submitted")
        for index, step in enumerate(getattr(case.complaint, "steps", ())):
            yield step.date, ("complaint", "steps", index, "date")
    if case.status.date:
        yield case.status.date, ("status", "date")
    death = getattr(case, "death_date", None)
    if death:
        yield death, ("death_date",)
    for index, term in enumerate(getattr(case, "terms", ())):
        for name in ("elected", "sworn_in", "ended"):
            if getattr(term, name) is not None:
                yield getattr(term, name), ("terms", index, name)


def out_of_order(case: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    """For each dated list not kept oldest first: where the first misplaced item is, and why."""
    lists: list[tuple[tuple[Any, ...], str, Any]] = [
        ((name,), name, getattr(case, name)) for name in DATED_LISTS
    ]
    if case.complaint:
        lists.append((("complaint", "steps"), "complaint steps", getattr(case.complaint, "steps", ())))
    for loc, name, items in lists:
        for index in range(1, len(items)):
            if items[index].date.latest() < items[index - 1].date.earliest():
                yield (
                    (*loc, index, "date"),
                    f"{name} are kept oldest first: {items[index].date} comes after {items[index - 1].date}",
                )
                break


SINCE = "yes"
POSSIBLY = "possibly"


def since(date: PartialDate, day: dt.date) -> str | None:
    """Whether a fact dated `date` is on or after `day`: SINCE when every day the date can stand
    for is, POSSIBLY when only some are ("2026-02" against 19 February 2026: it may be either),
    None when none is."""
    if date.earliest() >= day:
        return SINCE
    if date.latest() >= day:
        return POSSIBLY
    return None
