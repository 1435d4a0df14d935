"""The one confidentiality filter: what a public output may show.

Every output that can leave the secretariat (lists, statistics, exports,
follow-up reports, decisions, letters) asks this module which cases, which
members of a group and which fields it may show, so that every public output
shows the same set:

- a case is public only when its own file says `public` and so does every
  group it belongs to, and its complaint (and its groups') was found
  admissible: a complaint received, waiting for information, inadmissible or
  withdrawn is not a case the Committee examines, and never shows (`is_public`);
- a bare total (the complaint figures of `ipu stats`) counts every file marked
  public, whatever its complaint's status, and names none (`countable`);
- a group's public members are its members that are public themselves: a
  confidential MP inside a public group is left out of its case list, counts,
  checklist, footnotes and letters (`visible_members`);
- internal fields (log entries and addressees marked `internal`, the
  complainant's name, the notes of a complaint's examination) never reach
  public output (`redact`).

`include_confidential=True` (the `--include-confidential` option) shows
everything, and the output must then say so (`NOTICE`).

The functions take the case base duck-typed (anything with `view(id)` and
`members(group)`), so the rule has no dependency on how cases are stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

from ipu_cli.domain.complaints import admitted, status_of
from ipu_cli.errors import IpuError

T = TypeVar("T")

NOTICE = "CONFIDENTIAL: includes cases and fields not for publication"


class Index(Protocol):
    """What the filter needs of a case base: a case's summary by id, a group's members."""

    def view(self, case_id: str) -> Any: ...

    def members(self, collective: Any) -> list[Any]: ...


class ConfidentialRefused(IpuError):
    """A confidential case was asked for in public output."""


def is_public(case: Any, base: Index | None = None) -> bool:
    """Public when the case and all of its groups are marked public and their complaints admitted."""
    return marked_public(case, base) and admitted(case, base)


def marked_public(case: Any, base: Index | None = None) -> bool:
    """The case's file and the files of all of its groups say `public` (whatever the complaint)."""
    if case.confidentiality != "public":
        return False
    if base is not None:
        for group_id in getattr(case, "collectives", ()):
            group = base.view(group_id)  # a summary: confidentiality without building a model
            if group is not None and group.confidentiality != "public":
                return False
    return True


def visible(cases: Iterable[T], base: Index | None = None, include_confidential: bool = False) -> list[T]:
    """The cases an output may show, with their internal fields removed when public."""
    if include_confidential:
        return list(cases)
    return [redact(case) for case in cases if is_public(case, base)]


def countable(cases: Iterable[T], base: Index | None = None, include_confidential: bool = False) -> list[T]:
    """The files a bare total may count: those marked public (all with `include_confidential`).

    For figures that are never broken down and name no case, such as the number of
    complaints found inadmissible in a year; anything that shows a case uses `visible`.
    """
    if include_confidential:
        return list(cases)
    return [case for case in cases if marked_public(case, base)]


def visible_members(group: Any, base: Index, include_confidential: bool = False) -> list[Any]:
    """The members of `group` an output may show (models, or summaries for a summary).

    A confidential member of a public group is left out of every public output,
    whatever the group's own file says.
    """
    return visible(base.members(group), base, include_confidential)


def visible_groups(case: Any, base: Any, include_confidential: bool = False) -> list[Any]:
    """The groups an MP is examined in, as an output about the MP may read them.

    What an MP inherits from its groups (their dated facts for `ipu list
    --since/--until`) must not let an internal log entry of a group decide a
    public answer: the groups come redacted unless `include_confidential`. (An
    MP shown in public output has only public groups: `is_public`.)
    """
    groups = base.groups_of(case)
    return groups if include_confidential else [redact(group) for group in groups]


def covered_members(
    case: Any, base: Any, include_confidential: bool = False, as_of: dt.date | None = None
) -> list[Any]:
    """The MPs a document on `case` covers, in id order: the MP itself, or a group's shown members.

    With `as_of` (a session's first day), the members of that day (`domain/membership`): a
    member whose own case was closed before it, who left the group before it or who joins
    the group later is not covered.

    A document is complete or refused: when a member's file cannot be read, this
    raises IpuError naming the files (with their problems) rather than leave the
    member out. A confidential member of a public group is left out of a public
    document, and a group with no member that may be shown is refused.
    """
    from ipu_cli.domain.groups import is_group
    from ipu_cli.domain.ids import id_key
    from ipu_cli.domain.words import join_list

    if not is_group(case):
        return [case]
    readable = {member.id for member in base.members(case)}
    unread = [member for member in case.members if member not in readable]
    if unread:
        problems = [p for p in base.problems if p.is_error and _stem(p.path) in unread]
        files = "the file of member" if len(unread) == 1 else "the files of members"
        raise IpuError(
            f"{case.id}: {files} {join_list(unread)} cannot be read; "
            "no document is made with a member missing (run 'ipu validate')",
            problems,
        )
    shown = visible_members(case, base, include_confidential)
    if as_of is not None and shown:
        from ipu_cli.domain.membership import members_on

        shown = members_on(case, shown, as_of, base.reference.sessions)
        if not shown:
            raise IpuError(
                f"{case.id}: no member is listed on {as_of.isoformat()} (every member's case was closed, "
                "or the member left the group, before it, or joins later); close the group"
            )
    if not shown:
        raise ConfidentialRefused(
            f"{case.id}: every member is confidential; pass --include-confidential for internal use"
        )
    return sorted(shown, key=lambda mp: id_key(mp.id))


def _stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0]


def redact(case: T) -> T:
    """A copy without internal log entries, internal addressees, complainant names or examination notes.

    A summary (anything with `redacted`) holds none of these; whatever it later
    reads from its full model is redacted by this same function first.
    """
    if hasattr(case, "redacted"):
        return case.redacted(redact)  # type: ignore[attr-defined, no-any-return]
    update: dict[str, object] = {}
    communications = getattr(case, "communications", [])
    if any(c.internal for c in communications):
        update["communications"] = [c for c in communications if not c.internal]
    addressees = getattr(case, "addressees", [])
    if any(a.internal for a in addressees):
        update["addressees"] = [a for a in addressees if not a.internal]
    complaint = getattr(case, "complaint", None)
    steps = getattr(complaint, "steps", [])
    if complaint is not None and (complaint.complainant or any(s.note for s in steps)):
        steps = [s.model_copy(update={"note": None}) if s.note else s for s in steps]
        update["complaint"] = complaint.model_copy(update={"complainant": None, "steps": steps})
    return case.model_copy(update=update) if update else case  # type: ignore[attr-defined]


def discloses(cases: Iterable[Any], members: Iterable[Any], base: Index | None = None) -> bool:
    """Whether a document on `cases` showing `members`, made with `include_confidential`, holds
    anything a public one would not: a case or a member that is not public, or an internal field
    (what `redact` removes). Such a document says CONFIDENTIAL on every page; a public group
    shown with its confidential member is one."""
    cases = list(cases)
    return (
        any(not is_public(case, base) for case in cases)
        or any(redact(case) is not case for case in cases)
        or any(not is_public(member, base) for member in members)
    )


def require_public(case: Any, base: Index | None = None, include_confidential: bool = False) -> None:
    """Refuse a single confidential case unless the caller opted in."""
    if not include_confidential and not is_public(case, base):
        own = status_of(case)
        if not marked_public(case, base):
            why = "is confidential"
        elif own not in (None, "admissible"):
            why = f"is not a case under examination (its complaint is '{own}')"
        else:
            why = "is not a case under examination (its group's complaint was not found admissible)"
        raise ConfidentialRefused(
            f"{case.id} {why}; pass --include-confidential to produce it for internal use"
        )
