"""A complaint's examination: its steps, its current status, and whether it is a case yet.

A complaint is received, may wait for information from the complainant, and is
then found admissible or inadmissible (section IV of the Committee Procedure),
or withdrawn. A case file keeps the steps as a history (`complaint.steps`,
oldest first); the current status is the last step. Only a complaint found
admissible makes a case the Committee examines: until then the file stays out
of every public output (`domain/visibility`), of every agenda, of the
follow-up and of the count of MPs under examination.

A complaint recorded before ipu kept the examination (no `steps`) belongs to a
case already under examination: its status is `admissible`.

The functions read models and cache summaries alike (anything with
`complaint.status` and `complaint.steps` of `(status, date)` items).
"""

from __future__ import annotations

from typing import Any

STATUSES = ("received", "pending-information", "admissible", "inadmissible", "withdrawn")
OPEN = ("received", "pending-information")
"""Statuses of a complaint still being examined for admissibility."""
DECIDED = ("admissible", "inadmissible", "withdrawn")
"""Statuses that end the examination of a complaint."""

NEXT: dict[str | None, tuple[str, ...]] = {
    None: ("received",),
    "received": ("pending-information", "admissible", "inadmissible", "withdrawn"),
    "pending-information": ("pending-information", "admissible", "inadmissible", "withdrawn"),
    "admissible": (),
    "inadmissible": (),
    "withdrawn": (),
}
"""What may follow each status (None: no step yet). A decided complaint takes no further step:
a case found admissible is closed with `ipu close`, not by a complaint step."""


def current(steps: Any) -> str:
    """The status a list of steps leaves the complaint in (no steps: a case already admitted)."""
    return steps[-1].status if steps else "admissible"


def status_of(case: Any) -> str | None:
    """The complaint's current status, or None when the file records no complaint."""
    complaint = getattr(case, "complaint", None)
    return None if complaint is None else complaint.status


def is_admitted(case: Any) -> bool:
    """The file's own complaint (if any) was found admissible: it is a case, not only a complaint."""
    return status_of(case) in (None, "admissible")


def admitted(case: Any, base: Any = None) -> bool:
    """A case under examination: its complaint, and the complaint of every group holding it,
    were found admissible (groups are looked up through `base.view`, when given)."""
    if not is_admitted(case):
        return False
    if base is not None:
        for group_id in getattr(case, "collectives", ()):
            group = base.view(group_id)
            if group is not None and not is_admitted(group):
                return False
    return True


def step_date(complaint: Any, status: str) -> Any:
    """The date of the first step with `status`, or None."""
    for step in getattr(complaint, "steps", ()):
        if step.status == status:
            return step.date
    return None


def findings_of(complaint: Any) -> Any:
    """The findings of the latest step that records them (the admissibility finding), or None."""
    steps = getattr(complaint, "steps", ()) if complaint is not None else ()
    return next((s.findings for s in reversed(steps) if s.findings is not None), None)


def received_on(complaint: Any) -> Any:
    """When the complaint was received: its `received` step, else its submission date."""
    return step_date(complaint, "received") or complaint.submitted


def taken_up(complaint: Any) -> Any:
    """When the complaint became a case: the day it was found admissible (None while it is not);
    a complaint recorded without steps, from its submission."""
    if not getattr(complaint, "steps", ()):
        return complaint.submitted
    return step_date(complaint, "admissible")


def status_on(complaint: Any, day: Any) -> str | None:
    """The status on `day` (a date): the last step dated on or before it; None before the first.

    A complaint without steps counts as admissible from its submission.
    """
    steps = getattr(complaint, "steps", ())
    if not steps:
        return "admissible" if complaint.submitted.earliest() <= day else None
    status = None
    for step in steps:
        if step.date.earliest() <= day:
            status = step.status
    return status


def refusal(previous: str | None, status: str) -> str | None:
    """Why `status` cannot follow `previous` (None: it can)."""
    if status in NEXT.get(previous, ()):
        return None
    if previous is None:
        return f"a complaint's first step is 'received', not '{status}'"
    if previous == "withdrawn":
        return "the complaint was withdrawn; no step follows"
    if previous in DECIDED:
        return f"the complaint was already found {previous}; no step follows"
    return f"'{status}' cannot follow '{previous}'"
