"""Missions, trial observations and visits: which were carried out, which are still awaited.

A case file keeps its missions as dated records, oldest first: each step of a
mission is a record (`requested` when a decision asks for it, `agreed` when
the authorities accept it, `carried-out` when it took place, with its
delegation and the symbol of its report). A record written before missions
had a status is a mission carried out. The case box prints the missions and
visits carried out, newest first ("IPU mission(s): February 2016"); a kind
whose latest record is requested or agreed is still pending, and `ipu show`
and `ipu followups` say so.
"""

from __future__ import annotations

from typing import Any

KINDS = ("mission", "trial-observation", "visit")
STATUSES = ("requested", "agreed", "carried-out")
PENDING = ("requested", "agreed")
IN_BOX = ("mission", "visit")
"""Kinds the case box prints as 'IPU mission(s)': delegations to the country. A trial
observation is reported on in the decision's text, not in the box."""


def carried_out(missions: Any, kinds: tuple[str, ...] = IN_BOX) -> list[Any]:
    """The missions of `kinds` carried out, newest first."""
    done = [m for m in missions if m.status == "carried-out" and m.kind in kinds]
    return sorted(done, key=lambda m: m.date, reverse=True)


def pending(missions: Any) -> list[Any]:
    """For each kind whose latest record is requested or agreed: that record, oldest first."""
    latest: dict[str, Any] = {}
    for mission in sorted(missions, key=lambda m: m.date):
        latest[mission.kind] = mission
    return sorted((m for m in latest.values() if m.status in PENDING), key=lambda m: m.date)


def label(mission: Any) -> str:
    """ "mission requested 2026-02", "trial observation agreed 2026-05"."""
    return f"{mission.kind.replace('-', ' ')} {mission.status.replace('-', ' ')} {mission.date}"
