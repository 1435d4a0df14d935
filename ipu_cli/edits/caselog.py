"""Appending to a case's communications log without disturbing the rest of the file.

Case files are edited by hand and reviewed as diffs, so `ipu log` must change
nothing but the lines it adds: `store/yamledit.insert_item` inserts the entry
in the file's own style (indentation, line endings, comments kept) and refuses
unless the result reads back as the old data plus this entry. The new text is
checked with the same loader, model and single-file checks as `ipu validate`
before it is written atomically, under the file's lock (the one `ipu new` takes
too), so that runs at once lose no entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from ipu_cli.checks.pipeline import check_loaded, load_case_base
from ipu_cli.domain.cases import Communication, Direction, Party
from ipu_cli.domain.dates import PartialDate
from ipu_cli.errors import IpuError
from ipu_cli.queries.lookup import find_holder
from ipu_cli.store import yamledit
from ipu_cli.store.atomic import editable, locked, write_text
from ipu_cli.store.casebase import CaseBase
from ipu_cli.store.paths import display_path
from ipu_cli.store.yamlload import load_text

if TYPE_CHECKING:
    from ipu_cli.documents.letters import LetterContext

LOCK_TIMEOUT = 30.0
"""Seconds `ipu log` and `ipu new` wait for another run to release a case file."""
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
    from pydantic import ValidationError

    data: dict[str, Any] = {"date": date, "direction": direction, "party": party}
    if description is not None:
        data["description"] = description
    if internal:
        data["internal"] = True
    try:
        entry = Communication.model_validate(data)
    except ValidationError as exc:
        reasons = []
        for err in exc.errors(include_url=False):
            where = ".".join(str(p) for p in err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            shown = f" ({data[where]!r})" if where in data and repr(data[where]) not in msg else ""
            reasons.append(f"{where}: {msg}{shown}")
        raise LogError("invalid entry: " + "; ".join(reasons)) from None
    if entry.description is not None and not entry.description:
        raise LogError("invalid entry: description is empty")
    if today is not None and entry.date.earliest() > today:
        raise LogError(f"invalid entry: date {entry.date} is after today ({today.isoformat()})")
    return entry


def append_communication(
    root: Path,
    case_id: str,
    entry: Communication,
    *,
    base: CaseBase | None = None,
) -> Logged:
    """Add `entry` to the log of `case_id` (or of its group), oldest first; all or nothing.

    The file is read, edited, checked and replaced under its lock, so that
    concurrent `ipu log` and `ipu new` runs never lose each other's lines. A
    read-only file, a link or a device is refused. An entry identical to one
    already logged is written, with a warning (`Logged.warnings`).
    """
    from filelock import Timeout

    base = base or load_case_base(root)
    target, note = find_holder(base, case_id, "logged in the group's file")
    record = base.records[target.id]
    path = root / record.path
    shown = display_path(path, root)
    try:
        with locked([path], LOCK_TIMEOUT):
            editable(path, shown)
            old = path.read_bytes().decode("utf-8")
            new, position, total, repeated = _insert(old, entry)
            result = check_loaded(path, load_text(new.removeprefix("\ufeff"), shown), base.reference)
            errors = [p for p in result.problems if p.is_error]
            if errors or result.record is None:
                raise LogError(f"{shown} would not be valid with this entry; nothing written", errors)
            write_text(path, new)
    except Timeout:
        raise LogError(f"{shown} is locked by another 'ipu log' or 'ipu new'; try again") from None
    except UnicodeDecodeError:
        raise LogError(f"{shown} is not UTF-8 text; run 'ipu validate'") from None
    except OSError as exc:
        raise LogError(f"cannot write {shown}: {exc.strerror or exc}; file unchanged") from None
    warnings = []
    if repeated:
        warnings.append(
            f"an identical entry is already in the log (entry {repeated}); logged again "
            "(remove one by hand if this was a mistake)"
        )
    return Logged(target.id, path, entry, position, total, [note] if note else [], warnings)


_ORDER = ("complaint", "summary", "events", "missions", "hearings", "addressees")
"""The fields a missing `communications` list goes after."""


def _insert(old: str, entry: Communication) -> tuple[str, int, int, int]:
    """The file text with `entry` inserted in date order (only lines added), its position,
    the new length of the log, and the position of an identical entry already there (or 0)."""
    item: dict[str, Any] = {
        "date": yamledit.Plain(str(entry.date)),  # unquoted, as case files spell dates
        "direction": entry.direction,
        "party": entry.party,
    }
    if entry.description:
        item["description"] = entry.description
    if entry.internal:
        item["internal"] = True
    logged: list[Any] = []

    def position(items: list[Any]) -> int:
        logged.extend(items)
        at = len(items)
        while at > 0 and _date_of(items[at - 1]) > entry.date:
            at -= 1
        return at

    try:
        edited = yamledit.insert_item(old, "communications", item, position, after=_ORDER, paragraph=True)
    except yamledit.EditError as exc:
        reformat = "changing other lines" in exc.message
        raise LogError(
            f"{exc.message}; add the entry by hand or tidy the 'communications' list"
            if reformat
            else exc.message
        ) from None
    if _entry(edited.value) != entry:
        raise LogError("the entry would not read back as given; nothing written")
    repeated = next((n for n, other in enumerate(logged, start=1) if _entry(other) == entry), 0)
    return edited.text, edited.index + 1, edited.total, repeated


def _entry(value: Any) -> Communication | None:
    """A log entry as the model reads it, or None when it does not validate."""
    from pydantic import ValidationError

    try:
        return Communication.model_validate(value)
    except ValidationError:
        return None


def _date_of(item: Any) -> PartialDate:
    try:
        return PartialDate.parse(item.get("date"))
    except (AttributeError, ValueError):
        return PartialDate(1000)


def letter_entry(context: LetterContext, day: dt.date) -> Communication:
    """The log entry recording a letter as sent on `day` (`draft-letter --log`)."""
    from ipu_cli.documents.letters import log_description

    return make_entry(day.isoformat(), "to", context.to, log_description(context), today=day)
