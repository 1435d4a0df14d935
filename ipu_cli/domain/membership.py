"""Groups over time: who a group's decisions list at a session, and the names they print.

The one home of "the members of group G at session S". A group's `members` names
every MP its decisions list or listed; a member's presence on a given day (the
first day of the session a decision is for, or today) follows two records:

- the group's `membership` entry for the member, if any: listed from the session
  `joined` (inclusive) to the session `left` (exclusive): an MP added to the group,
  moved to an individual case or to another group;
- the member's own `status`: a member whose case was closed before the day is no
  longer listed (the decision of the closing session still lists them).

Decisions, letters, `ipu show`, `ipu list`, the figures and `ipu changes` ask here.
Sessions are compared by their first day, whatever the body, so a Governing Council
session between two Committee sessions falls in its place.

A member's name as earlier decisions printed it is the member's `published_names`
(`printed_name`). Arguments are read by attribute only (models, summaries or the
plain records of `ipu show`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from ipu_cli.errors import IpuError


class MembershipError(IpuError):
    """A membership record names a session the registry does not hold."""


def session_day(ref: str, sessions: Mapping[str, Any], strict: bool = True) -> dt.date | None:
    """The first day of session `ref`; None (or MembershipError when `strict`) when unknown."""
    session = sessions.get(ref)
    if session is None:
        if strict:
            raise MembershipError(
                f"session '{ref}' is not in data/sessions.yaml (named by a membership record; "
                "run 'ipu validate')"
            )
        return None
    return session.start.earliest()


def entry_of(group: Any, member_id: str) -> Any | None:
    """The group's `membership` entry for `member_id`, if it has one."""
    return next((e for e in _entries(group) if e.member == member_id), None)


def closed_before(mp: Any, day: dt.date) -> bool:
    """Whether the MP's own case was closed before `day` (a closure's whole month counts)."""
    status = getattr(mp, "status", None)
    return (
        status is not None
        and status.state == "closed"
        and status.date is not None
        and status.date.latest() < day
    )


def on_roll(
    group: Any, member_id: str, day: dt.date, sessions: Mapping[str, Any], strict: bool = True
) -> bool:
    """Whether the group's membership record lists `member_id` on `day` (closure aside)."""
    entry = entry_of(group, member_id)
    if entry is None:
        return True
    if entry.joined is not None:
        joined = session_day(entry.joined, sessions, strict)
        if joined is not None and joined > day:
            return False
    if entry.left is not None:
        left = session_day(entry.left, sessions, strict)
        if left is not None and left <= day:
            return False
    return True


def listed_on(group: Any, mp: Any, day: dt.date, sessions: Mapping[str, Any], strict: bool = True) -> bool:
    """Whether a decision of `group` for a session starting on `day` lists `mp`."""
    return not closed_before(mp, day) and on_roll(group, mp.id, day, sessions, strict)


def members_on(
    group: Any, members: Iterable[Any], day: dt.date, sessions: Mapping[str, Any], strict: bool = True
) -> list[Any]:
    """The `members` (the group's, as models, summaries or records) listed on `day`, in their order."""
    return [mp for mp in members if listed_on(group, mp, day, sessions, strict)]


def why_not_listed(
    group: Any, mp: Any, day: dt.date, sessions: Mapping[str, Any], strict: bool = True
) -> str | None:
    """Why `mp` is not listed on `day`: "closed 2025-12-05", "left at committee-179: moved to an
    individual case", "joins at committee-180"; None when the member is listed."""
    if closed_before(mp, day):
        return f"closed {mp.status.date}"
    entry = entry_of(group, mp.id)
    if entry is None or on_roll(group, mp.id, day, sessions, strict):
        return None
    if entry.left is not None:
        left = session_day(entry.left, sessions, strict)
        if left is not None and left <= day:
            moved = f", now {entry.moved_to}" if entry.moved_to else ""
            return f"left at {entry.left}{moved}: {entry.reason}"
    return f"joins at {entry.joined}"


def current(group: Any, members: Iterable[Any]) -> list[Any]:
    """The members the group stands for now, whatever the day: those whose own case is not closed
    and who are not recorded as having left (`ipu validate`'s victims check, `ipu list`'s size)."""
    left = left_ids(group)
    return [mp for mp in members if mp.id not in left and mp.status.state != "closed"]


def left_ids(group: Any) -> set[str]:
    """The members a group records as having left it."""
    return {e.member for e in _entries(group) if e.left is not None}


def _entries(group: Any) -> list[Any]:
    """A group's membership entries: a model's or summary's, or the tuples of cross-file facts."""
    entries = getattr(group, "membership", ()) or ()
    return [e if hasattr(e, "member") else Entry(*e) for e in entries]


class Entry(NamedTuple):
    """A membership entry as plain values (cross-file facts, summaries, the cache)."""

    member: str
    joined: str | None
    left: str | None
    reason: str | None
    moved_to: str | None


def printed_name(mp: Any, day: dt.date, sessions: Mapping[str, Any], strict: bool = True) -> str:
    """The MP's name as a decision of a session starting on `day` prints it: the first of the
    MP's `published_names` whose last session (`until`) starts on or after `day`, else `name`."""
    spellings = []
    for published in getattr(mp, "published_names", ()) or ():
        until = session_day(published.until, sessions, strict)
        if until is not None and until >= day:
            spellings.append((until, published.name))
    return min(spellings)[1] if spellings else mp.name


def joined_day(
    group: Any, member_id: str, sessions: Mapping[str, Any], strict: bool = True
) -> dt.date | None:
    """The first day of the session the member joined the group at; None when from the start."""
    entry = entry_of(group, member_id)
    if entry is None or entry.joined is None:
        return None
    return session_day(entry.joined, sessions, strict)
