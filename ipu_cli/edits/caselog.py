"""Appending to a case's communications log without disturbing the rest of the file.

Case files are edited by hand and reviewed as diffs, so `ipu log` must change
nothing but the lines it adds: it edits the file with ruamel.yaml's round-trip
mode (comments, key order, quoting and blank lines survive), then refuses to
write unless the old text is still there line for line. The new text is
checked with the same loader, model and single-file checks as `ipu validate`
before it is written atomically, under a lock so that two runs at once lose
neither entry.
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
from ipu_cli.store.atomic import write_text
from ipu_cli.store.casebase import CaseBase
from ipu_cli.store.paths import display_path
from ipu_cli.store.yamlload import load_text

if TYPE_CHECKING:
    from ipu_cli.documents.letters import LetterContext

LOCK_TIMEOUT = 30.0
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


def lock_path(path: Path) -> Path:
    """The lock beside a case file: a dotfile, so `ipu validate` never reads it."""
    return path.parent / f".{path.name}.lock"


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
    """Add `entry` to the log of `case_id` (or of its group), oldest first; all or nothing."""
    from filelock import FileLock, Timeout

    base = base or load_case_base(root)
    target, note = find_holder(base, case_id, "logged in the group's file")
    record = base.records[target.id]
    path = root / record.path
    try:
        with FileLock(lock_path(path), timeout=LOCK_TIMEOUT):
            old = path.read_text(encoding="utf-8")
            new, position, total = _insert(old, entry)
            shown = display_path(path, root)
            result = check_loaded(path, load_text(new, shown), base.reference)
            errors = [p for p in result.problems if p.is_error]
            if errors or result.record is None:
                raise LogError(f"{shown} would not be valid with this entry; nothing written", errors)
            write_text(path, new)
    except Timeout:
        raise LogError(f"{display_path(path, root)} is locked by another 'ipu log'; try again") from None
    except OSError as exc:
        raise LogError(
            f"cannot write {display_path(path, root)}: {exc.strerror or exc}; file unchanged"
        ) from None
    return Logged(target.id, path, entry, position, total, [note] if note else [])


def _plain(date: PartialDate) -> Any:
    """The date as a value ruamel writes unquoted, as case files spell dates."""
    if date.day:
        return date.earliest()
    if date.month:
        return str(date)
    return date.year


def _insert(old: str, entry: Communication) -> tuple[str, int, int]:
    """The file text with `entry` inserted in date order; checked to only add lines."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    try:
        data = yamledit.load(old)
    except yamledit.EditError as exc:
        raise LogError(str(exc)) from None
    item = CommentedMap()
    item["date"] = _plain(entry.date)
    item["direction"] = entry.direction
    item["party"] = entry.party
    if entry.description:
        item["description"] = entry.description
    if entry.internal:
        item["internal"] = True

    log = data.get("communications")
    separate = False
    if not isinstance(log, CommentedSeq) or not log:
        log = CommentedSeq()
        log.fa.set_block_style()
        if "communications" in data:
            data["communications"] = log
        else:
            at = _key_position(data)
            separate = at < len(data)
            data.insert(at, "communications", log)
    position = len(log)
    while position > 0 and _date_of(log[position - 1]) > entry.date:
        position -= 1
    if position > 0 and isinstance(log[position - 1], CommentedMap):
        _move_trailing_comment(log[position - 1], item)
    log.insert(position, item)
    if separate:
        _blank_line_after(item)

    new = yamledit.dump(data)
    if not yamledit.only_adds(old, new, ("communications: []",)):
        raise LogError(
            "cannot add the entry without reformatting other lines of the file; "
            "add it by hand or tidy the 'communications' list"
        )
    return new, position + 1, len(log)


def _date_of(item: Any) -> PartialDate:
    try:
        return PartialDate.parse(item.get("date"))
    except (AttributeError, ValueError):
        return PartialDate(1000)


def _move_trailing_comment(previous: Any, item: Any) -> None:
    """Blank lines or comments after the previous entry stay after the entry we add."""
    last = list(previous)[-1] if len(previous) else None
    if last is None or last not in previous.ca.items:
        return
    tokens = previous.ca.items[last]
    if len(tokens) > 2 and tokens[2] is not None:
        trailing = tokens[2]
        tokens[2] = None
        item.ca.items[list(item)[-1]] = [None, None, trailing, None]


def _blank_line_after(item: Any) -> None:
    """A new `communications` block is set off from the next key by a blank line."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    item.ca.items[list(item)[-1]] = [None, None, CommentToken("\n\n", CommentMark(0), None), None]


_ORDER = ("complaint", "summary", "events", "missions", "hearings", "addressees")


def _key_position(data: Any) -> int:
    """Where a missing `communications` key goes: after the fields that precede it."""
    keys = list(data)
    after = [keys.index(k) for k in _ORDER if k in keys]
    return max(after) + 1 if after else len(keys)


def letter_entry(context: LetterContext, day: dt.date) -> Communication:
    """The log entry recording a letter as sent on `day` (`draft-letter --log`)."""
    from ipu_cli.documents.letters import log_description

    return make_entry(day.isoformat(), "to", context.to, log_description(context), today=day)
