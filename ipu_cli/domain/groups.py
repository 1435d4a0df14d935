"""Groups: whether a case is a group, and where an MP's case is handled.

A collective case groups MPs of one country. The group's file holds what
belongs to the case as a whole (complaint, decisions, log, addressees), so an
MP examined in a group is handled through the group: its decision, its
letters and its log are the group's. One MP may sit in two groups; then the
officer must name the group.

Every command asks here (`is_group`, `holds_own_case`, `holder`), on models,
cache summaries and cross-file facts alike.
"""

from __future__ import annotations

from typing import Any, Protocol

from ipu_cli.errors import IpuError


class Lookup(Protocol):
    def get(self, case_id: str) -> Any: ...


def is_group(case: Any) -> bool:
    """Whether `case` (a model, a summary or cross-file facts) is a collective case."""
    collective = getattr(case, "collective", None)
    if isinstance(collective, bool):
        return collective
    return hasattr(case, "members")


def holds_own_case(case: Any) -> bool:
    """Whether a case keeps its own decisions, letters and log: a group, or an MP in no group."""
    return is_group(case) or not case.collectives


def holder(case: Any, base: Lookup) -> Any:
    """The case whose file holds `case`'s decisions, letters and log: itself, or its group.

    Raises IpuError when the MP sits in several groups (name the group) or when the
    group's file cannot be read.
    """
    if holds_own_case(case):
        return case
    if len(case.collectives) > 1:
        raise IpuError(
            f"{case.id} is examined in several groups ({', '.join(case.collectives)}); "
            "name the group case it concerns"
        )
    group = base.get(case.collectives[0])
    if group is None:
        raise IpuError(f"{case.id} belongs to {case.collectives[0]}, whose file cannot be read")
    return group
