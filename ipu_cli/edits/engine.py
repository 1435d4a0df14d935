"""The one editing sequence every command that changes a case file shares: lock, edit, prove, check, write.

`ipu log`, `ipu complaint`, `ipu record`, `ipu start-draft`, `ipu adopt` and
`ipu close` each describe their change as a `Change` (line splices, and the values the file
must hold afterwards); `edit_file` does the rest, the same way for all:

1. take the lock beside the file (a second command waits, then gives up); refuse a
   read-only file, a link or a device (`store/atomic.editable`);
2. read the file and build the change from what it holds now (`store/textedit`);
3. prove the edit: every old line the change does not name is still there, byte
   for byte and in order (`textedit.kept`), and the new text reads back as
   exactly the values intended, nothing more;
4. check the new text as `ipu validate` checks a file (model and single-file
   checks); any error refuses the edit;
5. with `dry_run`, return the unified diff and write nothing; otherwise replace
   the file atomically (a crash leaves the old file), keeping a byte-order mark.

`ipu new` changes several files at once (the new case, and the group or members
that must name it back): `edit_files` takes every lock, makes and proves each edit
with the same steps 2 to 4 (`prepare`), and writes all the files or none
(`store/atomic.replace_all`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ipu_cli.checks.pipeline import check_loaded
from ipu_cli.domain.dates import PartialDate
from ipu_cli.errors import IpuError, UsageError
from ipu_cli.store.atomic import editable, locked, replace_all, write_bytes
from ipu_cli.store.casebase import gc_paused
from ipu_cli.store.paths import display_path
from ipu_cli.store.textedit import Document, EditError, Splice, kept, plain, position_by_date, unified_diff
from ipu_cli.store.yamlload import load_text

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase
    from ipu_cli.store.refdata import Reference

LOCK_TIMEOUT = 30.0
"""How long an editing command waits for another one to release a file (seconds)."""


@dataclass
class Change:
    """What one command changes in one file: the splices, and the values the file then holds."""

    splices: list[Splice]
    expected: dict[str, Any]
    summary: str
    """One line for stdout: what was recorded ("logged 2026-02-25 to authorities ...")."""
    noun: str = "change"
    """What the refusal calls the change: "would not be valid with this entry"."""


@dataclass
class Edited:
    """What `edit_file` did: the file, the diff, whether it was written, and notes for stderr."""

    path: Path
    shown: str
    summary: str
    diff: str
    written: bool
    notes: list[str] = field(default_factory=list)


@dataclass
class Prepared:
    """One file's edit, made, proved and checked (steps 2 to 4), not yet written."""

    path: Path
    shown: str
    change: Change
    old: bytes
    new: bytes
    diff: str


F = TypeVar("F", bound=Callable[..., Any])


def collector_paused(func: F) -> F:
    """Run a recording command with the cyclic garbage collector paused.

    Building the case model and parsing a large file twice make tens of thousands of
    acyclic objects; the collector would walk them again and again and make the time
    grow faster than the file (2,000 log entries: 0.5 s instead of 0.25 s).
    """

    @functools.wraps(func)
    def paused(*args: Any, **kwargs: Any) -> Any:
        with gc_paused():
            return func(*args, **kwargs)

    return paused  # type: ignore[return-value]


def prepare(path: Path, shown: str, build: Callable[[Document], Change], reference: Reference) -> Prepared:
    """Steps 2 to 4 on one file, under the caller's lock: read, build the change, prove it, check it."""
    editable(path, shown)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(f"cannot edit {shown}: not UTF-8; run 'ipu validate'") from None
    doc = Document(text, shown)
    change = build(doc)
    new_lines = doc.apply(change.splices)
    removable = {i for s in change.splices for i in range(s.start, s.end)}
    if not kept(doc.lines, new_lines, removable):
        raise EditError(f"{shown}: internal error: the edit would change other lines; nothing written")
    new_text = doc.text_of(new_lines)
    loaded = load_text(new_text, shown)
    if loaded.ok and loaded.data != change.expected:
        raise EditError(
            f"{shown}: internal error: the edited file would not read back as intended; nothing written"
        )
    result = check_loaded(path, loaded, reference)
    errors = [p for p in result.problems if p.is_error]
    if errors or result.record is None:
        raise EditError(f"{shown} would not be valid with this {change.noun}; nothing written", errors)
    new = (("\ufeff" if doc.bom else "") + new_text).encode("utf-8")
    return Prepared(path, shown, change, raw, new, unified_diff(shown, doc.lines, change.splices))


@collector_paused
def edit_file(
    root: Path,
    path: Path,
    build: Callable[[Document], Change],
    reference: Reference,
    *,
    dry_run: bool = False,
    notes: Sequence[str] = (),
) -> Edited:
    """Apply the change `build` makes of the file's current text; all or nothing (module doc).

    `notes` go into the result as they are, for the command to print on stderr.
    """
    from filelock import Timeout

    shown = display_path(path, root)
    try:
        with locked([path], LOCK_TIMEOUT):
            done = prepare(path, shown, build, reference)
            if not dry_run:
                write_bytes(path, done.new)
    except Timeout:
        raise IpuError(f"{shown} is locked by another ipu command; try again") from None
    except OSError as exc:
        raise IpuError(f"cannot write {shown}: {exc.strerror or exc}; file unchanged") from None
    return Edited(path, shown, done.change.summary, done.diff, not dry_run, list(notes))


@collector_paused
def edit_files(
    root: Path,
    edits: Sequence[tuple[Path, Callable[[Document], Change]]],
    reference: Reference,
    *,
    created: Sequence[tuple[Path, bytes]] = (),
) -> list[Edited]:
    """Several files changed as one (`ipu new`): the `edits`, and the new files `created`; all or none.

    Every file is locked (in one order, so two runs never deadlock), each edit is made
    from the file's text as it is under the lock and proved and checked as `edit_file`
    does; a new file that appeared meanwhile is refused. Edits that change nothing are
    not written. Returns the files edited.
    """
    from filelock import Timeout

    try:
        with locked([*(p for p, _ in edits), *(p for p, _ in created)], LOCK_TIMEOUT):
            for path, _ in created:
                if path.exists() or path.is_symlink():
                    raise EditError(f"{display_path(path, root)} already exists; not overwritten")
            done = [prepare(path, display_path(path, root), build, reference) for path, build in edits]
            changed = [d for d in done if d.change.splices]
            replace_all(
                [*((d.path, d.new, d.old) for d in changed), *((p, data, None) for p, data in created)]
            )
    except Timeout:
        raise IpuError(
            "a file to change is locked by another ipu command; try again; nothing written"
        ) from None
    except OSError as exc:
        where = display_path(Path(exc.filename), root) if exc.filename else "the files"
        raise IpuError(f"cannot write {where}: {exc.strerror or exc}; nothing written") from None
    return [Edited(d.path, d.shown, d.change.summary, d.diff, True) for d in changed]


def with_value(data: dict[str, Any], path: tuple[Any, ...], update: Callable[[Any], Any]) -> dict[str, Any]:
    """A copy of `data` whose value at `path` is `update(old value)`; only the path is copied."""
    head, *rest = path
    out = dict(data)
    if rest:
        out[head] = with_value(out.get(head) or {}, tuple(rest), update)
    else:
        out[head] = update(out.get(head))
    return out


@dataclass
class Inserted:
    """A record added to a list: its splice, the values expected, its place in the list (from 1)."""

    splice: Splice
    expected: dict[str, Any]
    position: int
    total: int


def insert(doc: Document, path: tuple[str, ...], value: Any, position: int) -> Inserted:
    """Add `value` at `position` of the list at `path` (created when missing), in the list's style."""
    items = list_at(doc, path)
    splice = doc.insert_item(path, position, value)
    expected = with_value(
        doc.data, path, lambda old: [*(old or [])[:position], plain(value), *(old or [])[position:]]
    )
    return Inserted(splice, expected, position + 1, len(items) + 1)


def insert_dated(doc: Document, path: tuple[str, ...], values: dict[str, Any], date: Any) -> Inserted:
    """Add `values` to the list at `path`, in date order (a record dated like others goes after them)."""
    return insert(doc, path, values, position_by_date(list_at(doc, path), date))


def list_at(doc: Document, path: tuple[str, ...]) -> list[Any]:
    """The list the file holds at `path` (keys), or [] when there is none."""
    holder: Any = doc.data
    for part in path:
        holder = holder.get(part) if isinstance(holder, dict) else None
    return holder if isinstance(holder, list) else []


M = TypeVar("M")


def validated(model: type[M], data: dict[str, Any], what: str, error: type[IpuError] = IpuError) -> M:
    """`data` as a `model` record, or `error` naming each field that is wrong ("invalid entry: date: ...")."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)  # type: ignore[attr-defined, no-any-return]
    except ValidationError as exc:
        reasons = []
        for err in exc.errors(include_url=False):
            where = ".".join(str(p) for p in err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            shown = f" ({data[where]!r})" if where in data and repr(data[where]) not in msg else ""
            reasons.append(f"{where}: {msg}{shown}" if where else msg)
        raise error(f"invalid {what}: " + "; ".join(reasons)) from None


def past_date(
    text: str | None, what: str, today: dt.date | None, default: PartialDate | None = None
) -> PartialDate:
    """A YYYY, YYYY-MM or YYYY-MM-DD date, not after `today` ('--date' names the option in errors)."""
    if text is None:
        if default is None:
            raise UsageError(f"{what} is required (YYYY, YYYY-MM or YYYY-MM-DD)")
        date = default
    else:
        try:
            date = PartialDate.parse(text)
        except ValueError as exc:
            raise UsageError(f"{what}: {exc}") from None
    if today is not None and date.earliest() > today:
        raise IpuError(f"{what} {date} is after today ({today.isoformat()})")
    return date


def holder_path(base: CaseBase, case_id: str, action: str) -> tuple[Any, Path, list[str]]:
    """The case holding `case_id`'s case-level fields (itself or its group), its file, and a note."""
    from ipu_cli.queries.lookup import find_holder

    target, note = find_holder(base, case_id, action)
    return target, base.root / base.records[target.id].path, [note] if note else []
