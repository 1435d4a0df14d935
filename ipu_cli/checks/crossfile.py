"""Checks across files: ids, legacy ids, group membership, agendas.

They run on `CaseRecord`s, which keep the source positions these checks
report at, so no file is parsed twice, and read only each record's `facts`,
so that they run on records from the cache without building any model (and
without importing Pydantic).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ipu_cli.checks.problems import Problem
from ipu_cli.domain.ids import id_parts, spellings
from ipu_cli.domain.membership import left_ids
from ipu_cli.store.paths import stem_id

if TYPE_CHECKING:
    from ipu_cli.store.records import CaseRecord, Facts


def _problem(record: CaseRecord, key: str, code: str, message: str) -> Problem:
    line, column = record.at(key)
    return Problem(record.path, line, column, code, message)


def cross_file_problems(
    records: dict[str, CaseRecord],
    duplicates: list[CaseRecord],
    ref: Any,
    unread: Iterable[str] = (),
) -> tuple[dict[str, str], list[Problem]]:
    """Return the legacy-id index and every cross-file problem.

    `ref` is the `Reference`, or anything with its `sessions` (each with an
    `agenda`) and `session_paths`, such as the cache's summary of them.
    `unread` are the paths of files that exist but could not be read as a case:
    a case naming one of them gets no "has no case file" problem, since the
    file's own diagnostic says what is wrong (one diagnostic, not a cascade).
    """
    problems: list[Problem] = []
    present = {stem_id(Path(path)) for path in unread}
    for record in duplicates:
        first = records[record.id]
        problems.append(
            _problem(record, "id", "duplicate-id", f"id '{record.id}' is also used by {first.path}")
        )
    numbers: dict[tuple[str, bool, int], CaseRecord] = {}
    for record in sorted(records.values(), key=lambda record: (len(record.id), record.path)):
        parts = id_parts(record.id)
        first = numbers.setdefault(parts, record) if parts is not None else record
        if first is not record:  # KHM-48 and KHM-048: one number, so a typed 'khm48' finds neither
            problems.append(
                _problem(
                    record,
                    "id",
                    "duplicate-id",
                    f"ids '{record.id}' and '{first.id}' ({first.path}) are the same case number "
                    "written with different zero padding; keep one",
                )
            )

    aliases: dict[str, str] = {}
    for record in records.values():
        for alias in record.facts.aliases:
            if alias in records and alias != record.id:
                problems.append(
                    _problem(
                        record,
                        f"aliases.{alias}",
                        "duplicate-alias",
                        f"legacy id '{alias}' is the id of {records[alias].path}",
                    )
                )
            elif alias in aliases and aliases[alias] != record.id:
                other = records[aliases[alias]]
                problems.append(
                    _problem(
                        record,
                        f"aliases.{alias}",
                        "duplicate-alias",
                        f"legacy id '{alias}' also names {other.id} ({other.path})",
                    )
                )
            elif spelt := _spelt_like(alias, record.id, records):
                problems.append(
                    _problem(
                        record,
                        f"aliases.{alias}",
                        "duplicate-alias",
                        f"legacy id '{alias}' is a spelling of {spelt}, the id of {records[spelt].path}; "
                        f"'ipu show {alias}' would find {spelt}",
                    )
                )
            else:
                aliases[alias] = record.id

    for record in records.values():
        case = record.facts
        if case.collective:
            problems.extend(_group_problems(record, case, records, present))
        else:
            for group in case.collectives:
                target = records.get(group)
                key = f"collectives.{group}"
                if target is None and group in present:
                    continue  # its file exists but cannot be read: reported there
                if target is None:
                    problems.append(
                        _problem(record, key, "unknown-collective", f"collective case '{group}' has no file")
                    )
                elif target.facts.collective and case.id not in target.facts.members:
                    problems.append(
                        _problem(
                            record,
                            key,
                            "member-not-linked",
                            f"{group} does not list {case.id} among its members",
                        )
                    )
                elif target.facts.collective and case.id in left_ids(target.facts):
                    problems.append(
                        _problem(
                            record,
                            key,
                            "member-left",
                            f"{group} records that {case.id} left it ('membership'), but {case.id} "
                            "still lists it in its collectives",
                        )
                    )
        problems.extend(_joint_problems(record, records, present))

    for session_ref, session in ref.sessions.items():
        path, line, column = ref.session_paths[session_ref]
        for case_id in session.agenda:
            if case_id not in records and case_id not in aliases and case_id not in present:
                problems.append(
                    Problem(
                        path,
                        line,
                        column,
                        "unknown-agenda-case",
                        f"session {session_ref} has '{case_id}' on its agenda but no such case exists",
                    )
                )
    return aliases, problems


def _spelt_like(alias: str, own: str, records: dict[str, CaseRecord]) -> str | None:
    """Another case's id that a legacy id spells loosely ('KHM/61', 'khm61' for KHM-61)."""
    for spelling in spellings(alias):
        if spelling != own and spelling in records:
            return spelling
    return None


class _Status(NamedTuple):
    state: str


class _Member(NamedTuple):
    """What the victims check reads of a member: its id, sex and status (no model, no summary)."""

    id: str
    sex: str | None
    status: _Status


def _group_problems(
    record: CaseRecord, group: Facts, records: dict[str, CaseRecord], present: set[str]
) -> list[Problem]:
    out: list[Problem] = []
    members: list[Any] = []
    complete = True  # every member's file was read: the victims override can be counted
    left = left_ids(group)
    public = record.confidentiality == "public"
    for member in dict.fromkeys(group.members):  # a repeated member is filechecks' duplicate-member
        key = f"members.{member}"
        target = records.get(member)
        if target is None and member in present:
            complete = False
            continue  # its file exists but cannot be read: reported there
        if target is None:
            complete = False
            out.append(_problem(record, key, "unknown-member", f"member '{member}' has no case file"))
            continue
        case = target.facts
        if case.collective:
            complete = False
            out.append(
                _problem(record, key, "unknown-member", f"member '{member}' is not an individual case")
            )
            continue
        members.append(_Member(member, case.sex, _Status(target.state)))
        if group.id not in case.collectives and member not in left:
            out.append(
                _problem(
                    record,
                    key,
                    "member-not-linked",
                    f"{member} ({target.path}) does not list {group.id} in its collectives",
                )
            )
        if public and target.confidentiality != "public":
            out.append(
                _problem(
                    record,
                    key,
                    "confidential-member",
                    f"{member} is confidential in a public group: every public output of {group.id} "
                    "leaves it out (its case list, counts, checklist and letters)",
                )
            )
        if case.country != group.country:
            out.append(
                _problem(
                    record,
                    key,
                    "member-country",
                    f"member {member} is from {case.country}, the group from {group.country}",
                )
            )
    for member, _joined, _left, _reason, moved_to in group.membership:
        if (
            moved_to
            and _movable(member, moved_to, group.id)
            and moved_to not in records
            and moved_to not in present
        ):
            out.append(
                _problem(
                    record,
                    f"membership.{member}.moved_to",
                    "membership-moved-to",
                    f"{member} moved to '{moved_to}', which has no case file",
                )
            )
    if group.victims and complete:
        from ipu_cli.domain.membership import current

        # the override speaks of the current members (not closed, not left)
        out.extend(_victims_problems(record, group.victims, current(group, members)))
    return out


def _joint_problems(record: CaseRecord, records: dict[str, CaseRecord], present: set[str]) -> list[Problem]:
    """Each case a decision is joint with exists, is another case of the same country that holds
    its own decisions, and records an adopted joint decision too."""
    out: list[Problem] = []
    facts = record.facts
    for session, other in facts.joint:
        key = f"joint.{session}.{other}"
        target = records.get(other)
        if target is None and other in present:
            continue  # its file exists but cannot be read: reported there
        if other == facts.id:
            out.append(
                _problem(
                    record,
                    key,
                    "joint-decision",
                    f"a decision is joint with other cases, not with {other} itself",
                )
            )
        elif target is None:
            out.append(_problem(record, key, "joint-decision", f"joint case '{other}' has no case file"))
        elif target.facts.country != facts.country:
            out.append(
                _problem(
                    record,
                    key,
                    "joint-decision",
                    f"joint case {other} is of {target.facts.country}; a decision covers cases of one "
                    f"country ({facts.country})",
                )
            )
        elif not target.facts.collective and target.facts.collectives:
            out.append(
                _problem(
                    record,
                    key,
                    "joint-decision",
                    f"{other} is examined in {', '.join(target.facts.collectives)}; name the group",
                )
            )
        elif target.confidentiality != record.confidentiality:
            out.append(
                _problem(
                    record,
                    key,
                    "joint-decision",
                    f"joint case {other} is {target.confidentiality} and {facts.id} {record.confidentiality}: "
                    "no public output can print their joint decision",
                )
            )
        elif session not in ("", "draft") and session not in target.facts.decided:
            out.append(
                _problem(
                    record,
                    key,
                    "joint-not-recorded",
                    f"{other} records no decision adopted at {session}; add one with "
                    f"`joint_with: [{facts.id}]` and no paragraphs",
                )
            )
    return out


def _movable(member: str, moved_to: str, group_id: str) -> bool:
    """Whether `moved_to` has the form of a case that can examine `member` (filechecks reports the rest)."""
    from ipu_cli.domain.ids import is_collective_id

    return moved_to == member or (is_collective_id(moved_to) and moved_to != group_id)


def _victims_problems(record: CaseRecord, text: str, members: list[Any]) -> list[Problem]:
    from ipu_cli.domain.victims import override_disagreements

    return [
        _problem(record, "victims", "victims-mismatch", message)
        for message in override_disagreements(text, members)
    ]
