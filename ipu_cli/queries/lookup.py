"""Finding the case a case officer typed: its id, a legacy id or a loose spelling.

Every command that takes a case id asks here, so `CMBD/60`, `khm60`, `KHM-60`
and `phl8` for `PHL-08` mean the same case everywhere; a miss says the same
words in every command (`unknown_case`), and a case whose file cannot be read
is reported with the file's first error (path, line, column) rather than as
unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.domain.groups import holder
from ipu_cli.domain.ids import normalise_id, resolve_id
from ipu_cli.domain.suggest import closest, did_you_mean
from ipu_cli.errors import IpuError
from ipu_cli.queries.rows import printable
from ipu_cli.store.paths import stem_id

if TYPE_CHECKING:
    from ipu_cli.domain.cases import Case
    from ipu_cli.store.casebase import CaseBase


class CaseNotFound(IpuError):
    """No readable case by that id; the message says why in one line."""


def unknown_case(typed: str, known: Iterable[str], names: Mapping[str, str] | None = None) -> CaseNotFound:
    """The error for an id that names no case, with the closest id as a hint.

    `names` (id -> name), given when a name was searched (`ipu show "Kem Sokah"`),
    turns the hint into the closest name and its id.
    """
    typed = typed.strip()
    if not typed:
        return CaseNotFound("no case id given; name a case such as KHM-60 or KHM-COLL-03")
    if names and normalise_id(typed) is None:
        by_name = {name.casefold(): (case_id, name) for case_id, name in names.items()}
        hint = closest(typed.casefold(), by_name)
        if hint is not None:
            case_id, name = by_name[hint]
            return CaseNotFound(f"no case {typed}; did you mean '{printable(name)}' ({case_id})?")
    return CaseNotFound(f"no case {typed}" + did_you_mean(normalise_id(typed) or typed.upper(), known))


def ambiguous_name(typed: str, matches: list[tuple[str, str]]) -> CaseNotFound:
    """The error for a name that several cases match: then each (id, name) on a line of its own."""
    width = max(len(case_id) for case_id, _ in matches)
    listed = "".join(f"\n  {case_id:<{width}}  {printable(name)}" for case_id, name in matches)
    return CaseNotFound(f"{len(matches)} cases match '{typed.strip()}'; name one by its id:{listed}")


def find_case(base: CaseBase, text: str) -> Case:
    """The case `text` names (id, legacy id, loose spelling), or CaseNotFound."""
    typed = text.strip()
    if typed:
        found = base.get(typed) or base.get(resolve_id(typed, base.records) or "")
        if found is None:
            alias = resolve_id(typed, base.aliases) or next(
                (a for a in base.aliases if a.upper() == typed.upper()), None
            )
            found = base.get(alias) if alias else None
        if found is not None:
            return found
        wanted = normalise_id(typed) or typed
        broken = [p for p in base.problems if p.is_error and _same_id(stem_id(Path(p.path)), typed, wanted)]
        if broken:
            first = broken[0]
            more = f" (and {len(broken) - 1} more: run 'ipu validate')" if len(broken) > 1 else ""
            raise CaseNotFound(f"cannot read {stem_id(Path(first.path))}: {first.text()}{more}")
    raise unknown_case(typed, base.records)


def _same_id(stem: str, typed: str, wanted: str) -> bool:
    return stem in (typed, wanted) or resolve_id(typed, [stem]) == stem


def find_member(base: CaseBase, group: Any, text: str) -> str:
    """The id of the member of `group` that `text` names (its id, a loose spelling or a legacy
    id), or CaseNotFound listing the group's members."""
    wanted = resolve_id(text, group.members)
    if wanted is None:
        try:
            wanted = find_case(base, text).id
        except CaseNotFound:
            wanted = normalise_id(text) or text.strip()
    if wanted not in group.members:
        raise CaseNotFound(f"{wanted} is not a member of {group.id} (members: {', '.join(group.members)})")
    return wanted


def find_holder(base: CaseBase, text: str, action: str) -> tuple[Any, str | None]:
    """The case `text` names, or the group that holds it, and a note when it is the group.

    An MP examined in a group is handled through the group (`domain.groups`):
    `action` says what is done there ("logged in the group's file").
    """
    case = find_case(base, text)
    target = holder(case, base)
    note = None if target is case else f"{case.id} is examined in {target.id}; {action}"
    return target, note
