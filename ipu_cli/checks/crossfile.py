"""Checks across files: ids, legacy ids, group membership, agendas.

They run on `CaseRecord`s, which keep the source positions these checks
report at, so no file is parsed twice, and read only each record's `facts`,
so that they run on records from the cache without building any model (and
without importing Pydantic).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.checks.problems import Problem
from ipu_cli.domain.ids import spellings
from ipu_cli.domain.words import NUMBER_WORDS, number_value
from ipu_cli.store.paths import stem_id

if TYPE_CHECKING:
    from ipu_cli.store.records import CaseRecord, Facts

_NUMBER = re.compile(r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_COUNTED = re.compile(r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\s+(male|female|men|women)\b", re.IGNORECASE)


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


def _group_problems(
    record: CaseRecord, group: Facts, records: dict[str, CaseRecord], present: set[str]
) -> list[Problem]:
    out: list[Problem] = []
    members: list[Facts] = []
    public = record.confidentiality == "public"
    for member in dict.fromkeys(group.members):  # a repeated member is filechecks' duplicate-member
        key = f"members.{member}"
        target = records.get(member)
        if target is None and member in present:
            continue  # its file exists but cannot be read: reported there
        if target is None:
            out.append(_problem(record, key, "unknown-member", f"member '{member}' has no case file"))
            continue
        case = target.facts
        if case.collective:
            out.append(
                _problem(record, key, "unknown-member", f"member '{member}' is not an individual case")
            )
            continue
        members.append(case)
        if group.id not in case.collectives:
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
    if group.victims and len(members) == len(set(group.members)):
        out.extend(_victims_problems(record, group.victims, members))
    return out


def _victims_problems(record: CaseRecord, text: str, members: list[Facts]) -> list[Problem]:
    counts = {"female": sum(m.sex == "female" for m in members)}
    counts["male"] = len(members) - counts["female"]
    counted = {m.group(2).lower(): _value(m.group(1)) for m in _COUNTED.finditer(text)}
    out = []
    for word, number in counted.items():
        sex = "female" if word in ("female", "women") else "male"
        if number != counts[sex]:
            out.append(
                _problem(
                    record,
                    "victims",
                    "victims-mismatch",
                    f"victims text says {number} {word} but the members include {counts[sex]}",
                )
            )
    first = _NUMBER.search(text)
    counted_starts = {m.start() for m in _COUNTED.finditer(text)}
    if first and first.start() not in counted_starts and _value(first.group(1)) != len(members):
        out.append(
            _problem(
                record,
                "victims",
                "victims-mismatch",
                f"victims text says {first.group(1)} but the group has {len(members)} members",
            )
        )
    return out


def _value(token: str) -> int:
    value = number_value(token)
    assert value is not None, token  # the patterns match only figures and NUMBER_WORDS
    return value
