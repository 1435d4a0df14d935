"""Appending to a case's communications log without disturbing the rest of the file.

Case files are edited by hand and reviewed as diffs, so `ipu log` changes
nothing but the lines it adds. It goes through the editing sequence all the
recording commands share (`edits/engine.py`): under a lock, the entry is
spliced into the `communications` list in date order, the new text is proved
to keep every old line and checked as `ipu validate` checks a file, then
written atomically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from ipu_cli.checks.pipeline import load_case_base
from ipu_cli.domain.cases import Communication, Direction, Party
from ipu_cli.edits.engine import (
    Change,
    Edited,
    Inserted,
    collector_paused,
    edit_file,
    holder_path,
    insert_dated,
    validated,
)
from ipu_cli.errors import IpuError
from ipu_cli.store.casebase import CaseBase
from ipu_cli.store.textedit import Document, date_value

if TYPE_CHECKING:
    from ipu_cli.documents.letters import LetterContext

DIRECTIONS = get_args(Direction)
PARTIES = get_args(Party)


class LogError(IpuError):
    """An entry that cannot be logged; nothing was written. The message is for stderr."""


@dataclass
class Logged:
    """What `append_communication` did."""

    case_id: str
    path: Path
    entry: Communication
    position: int
    total: int
    notes: list[str] = field(default_factory=list)
    edited: Edited | None = None
    warnings: list[str] = field(default_factory=list)


def make_entry(
    date: str,
    direction: str,
    party: str,
    description: str | None = None,
    internal: bool = False,
    today: dt.date | None = None,
) -> Communication:
    """A validated log entry; a date after `today` is refused."""
    data: dict[str, Any] = {"date": date, "direction": direction, "party": party}
    if description is not None:
        data["description"] = description
    if internal:
        data["internal"] = True
    entry = validated(Communication, data, "entry", LogError)
    if entry.description is not None and not entry.description:
        raise LogError("invalid entry: description is empty")
    if today is not None and entry.date.earliest() > today:
        raise LogError(f"invalid entry: date {entry.date} is after today ({today.isoformat()})")
    return entry


@collector_paused
def append_communication(
    root: Path,
    case_id: str,
    entry: Communication,
    *,
    base: CaseBase | None = None,
    dry_run: bool = False,
) -> Logged:
    """Add `entry` to the log of `case_id` (or of its group), oldest first; all or nothing."""
    base = base or load_case_base(root)
    target, path, notes = holder_path(base, case_id, "logged in the group's file")
    place: list[Inserted] = []
    repeated: list[int] = []

    def build(doc: Document) -> Change:
        logged = doc.data.get("communications") if isinstance(doc.data, dict) else None
        for number, other in enumerate(logged if isinstance(logged, list) else [], start=1):
            if _same(other, entry):
                repeated.append(number)
        values: dict[str, Any] = {
            "date": date_value(entry.date),
            "direction": entry.direction,
            "party": entry.party,
        }
        if entry.description:
            values["description"] = entry.description
        if entry.internal:
            values["internal"] = True
        inserted = insert_dated(doc, ("communications",), values, entry.date)
        place.append(inserted)
        return Change([inserted.splice], inserted.expected, "", noun="entry")

    done = edit_file(root, path, build, base.reference, dry_run=dry_run)
    inserted = place[-1]
    warnings = (
        [
            f"an identical entry is already in the log (entry {repeated[0]}); logged again "
            "(remove one by hand if this was a mistake)"
        ]
        if repeated
        else []
    )
    return Logged(target.id, path, entry, inserted.position, inserted.total, notes, done, warnings)


def _same(value: Any, entry: Communication) -> bool:
    """Whether a log entry as the file holds it is `entry` (date, direction, party, description, internal)."""
    from pydantic import ValidationError

    try:
        return Communication.model_validate(value) == entry
    except ValidationError:
        return False


def letter_entry(context: LetterContext, day: dt.date) -> Communication:
    """The log entry recording a letter as sent on `day` (`draft-letter --log`)."""
    from ipu_cli.documents.letters import log_description

    return make_entry(day.isoformat(), "to", context.to, log_description(context), today=day)
