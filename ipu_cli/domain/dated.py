"""Which facts of a case are dated, and the rule that dated lists are kept oldest first.

Every reader of dates (the future-date and date-order checks, `ipu list
--since`, `ipu changes`, the latest date of a file) asks here, so that a new
dated field is added in one place.
"""

from __future__ import annotations

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
    if case.complaint:
        yield case.complaint.submitted, ("complaint", "submitted")
    if case.status.date:
        yield case.status.date, ("status", "date")
    death = getattr(case, "death_date", None)
    if death:
        yield death, ("death_date",)


def out_of_order(case: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    """For each dated list not kept oldest first: where the first misplaced item is, and why."""
    for name in DATED_LISTS:
        items = getattr(case, name)
        for index in range(1, len(items)):
            if items[index].date.latest() < items[index - 1].date.earliest():
                yield (
                    (name, index, "date"),
                    f"{name} are kept oldest first: {items[index].date} comes after {items[index - 1].date}",
                )
                break
