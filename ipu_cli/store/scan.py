"""Reading many case files fast: from the cache when unchanged, over the cores when not.

`scan` is the engine behind `casebase.load_case_base`. For each file it reads
the bytes and looks their key up in the cache (`ipu_cli.cache`); a hit gives
the file's problems and a `CaseRecord` whose model is built only on demand.
Misses are checked by `casebase.check_loaded`, in this process when there are
few, else in worker processes (fork, in chunks, results in file order), and
stored for the next run.

A file that cannot be opened plainly (a symbolic link, an unreadable file, one
over the size limit) is never cached: `check_file` handles it every time, so
its diagnostics stay exactly those of the uncached path.
"""

from __future__ import annotations

import gc
import marshal
import os
import stat
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ipu_cli.store import cache
from ipu_cli.store.paths import CASE_SUFFIXES, display_path, list_cases
from ipu_cli.store.records import ROW_LENGTH, CaseRecord, Facts, LatestDate, summary_row

if TYPE_CHECKING:
    from ipu_cli.domain.cases import Case
    from ipu_cli.store.refdata import Reference
    from ipu_cli.store.yamlload import Loaded

Row = tuple[Any, ...]
"""A problem as the store keeps it: (path, line, column, code, message)."""


class Checks(Protocol):
    """The checks the scan runs on each file it must read (`ipu_cli.checks.pipeline.FileChecks`).

    The store reads and caches; judging a file is the checks layer's business,
    so it is handed in rather than imported.
    """

    def path(self, path: Path, root: Path, ref: Reference) -> tuple[list[Row], CaseRecord | None]: ...

    def loaded(self, path: Path, loaded: Loaded, ref: Reference) -> tuple[list[Row], CaseRecord | None]: ...

    def reference(self, ref: Reference) -> list[Row]: ...

    def translation(self, shown: str, root: Path, case: Case | None, case_read: bool) -> list[Row]: ...


PARALLEL_MIN = 400
"""Below this many files to parse, worker start-up costs more than it saves."""

_MAX_BYTES = 1_000_000  # loader.MAX_BYTES, repeated so that a warm run needs no YAML import

_WORK: tuple[Path, Reference, Checks] | None = None


@dataclass
class _Session:
    agenda: list[str]


@dataclass
class AgendaView:
    """The part of `Reference` the cross-file checks read, as the cache keeps it."""

    sessions: dict[str, _Session] = field(default_factory=dict)
    session_paths: dict[str, tuple[str, int, int]] = field(default_factory=dict)


@dataclass
class ScanResult:
    root: Path
    records: list[CaseRecord]
    problems: list[Row]
    files: int
    reference: Any  # a Reference, or a function that reads it when first needed
    sessions: Any  # the Reference, or an AgendaView of it
    complete: bool
    use_cache: bool
    unread: list[str] = field(default_factory=list)
    """Paths listed but not read as a case (broken, not a file): their ids are not 'missing'."""
    translations: list[str] = field(default_factory=list)
    """Translation files listed (`KHM-60.fr.yaml`), as shown paths."""
    translation_problems: list[Row] = field(default_factory=list)
    """Their problems: kept apart, since a translation file never keeps a case from being read."""

    def save_aliases(self, aliases: dict[str, str], paths: dict[str, str]) -> None:
        if self.use_cache:
            cache.write_aliases(self.root, aliases, paths)


def jobs() -> int:
    """Worker processes for cold checks: $IPU_JOBS, else the cores this process may use."""
    text = os.environ.get("IPU_JOBS", "")
    if text.isdigit() and int(text) > 0:
        return int(text)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
"""Never through a link, never waiting: a FIFO swapped in after listing must not hang the scan."""


def _read(name: str) -> bytes | None:
    """The bytes of a plain, readable, not oversized file; None sends it down the slow path."""
    try:
        fd = os.open(name, _FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        size = info.st_size
        if size > _MAX_BYTES or not stat.S_ISREG(info.st_mode):
            return None
        want = max(size, 4096) + 1
        chunk = os.read(fd, want)
        if len(chunk) < want:  # a short read of a plain file is its end: one read, not two
            return chunk
        chunks = [chunk]
        while chunk:
            chunk = os.read(fd, want)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _reference_entry(ref: Reference, checks: Checks) -> tuple[Any, ...]:
    problems = tuple(checks.reference(ref))
    agendas = tuple(
        (name, tuple(session.agenda), *ref.session_paths[name]) for name, session in ref.sessions.items()
    )
    return (problems, agendas)


def _analyse(name: str, shown: str, root: Path, ref: Reference, checks: Checks) -> tuple[Any, ...]:
    """Check one file from its bytes: (key, problems, record or None, parsed data or None, case)."""
    from ipu_cli.store.yamlload import load_bytes

    raw = _read(name)
    if raw is None:
        rows, record = checks.path(Path(name), root, ref)
        return (None, tuple(rows), None, None, record)
    key = cache.file_key(shown, raw)
    loaded = load_bytes(raw, shown)
    rows, record = checks.loaded(Path(name), loaded, ref)
    problems = tuple(rows)
    if record is None:
        return (key, problems, None, None, None)
    latest = None
    if record.latest:
        date, (line, column) = record.latest
        latest = (str(date), date.earliest().toordinal(), line, column)
    summary = (record.facts.dump(), record.positions, latest, summary_row(record.case))
    return (key, problems, summary, marshal.dumps(loaded.data), record.case)


def _work_chunk(items: list[tuple[str, str]]) -> list[tuple[Any, ...]]:
    """In a worker: check a chunk; the model stays behind (the parent rebuilds it if asked)."""
    assert _WORK is not None
    root, ref, checks = _WORK
    out = []
    for name, shown in items:
        key, problems, summary, data, case = _analyse(name, shown, root, ref, checks)
        out.append((key, problems, summary, data, None if key else case))
    return out


def _check_misses(
    items: list[tuple[str, str]], root: Path, ref: Reference, checks: Checks, workers: int
) -> list[tuple[Any, ...]]:
    if workers < 2 or len(items) < PARALLEL_MIN:
        return [_analyse(name, shown, root, ref, checks) for name, shown in items]
    import multiprocessing

    global _WORK
    # Heavy modules are imported once here and inherited by the forked workers.
    import pydantic  # noqa: F401
    import yaml  # noqa: F401

    _WORK = (root, ref, checks)
    size = max(25, len(items) // (workers * 8))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    out: list[tuple[Any, ...]] = []
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for part in pool.imap(_work_chunk, chunks):
                out.extend(part)
    finally:
        _WORK = None
    return out


def _build(store: cache.Store, key: bytes, collective: bool, name: str) -> Case:
    """The Pydantic model of a cached file, validated again from its parsed data.

    The parsed data lives in a second cache file, read only now: another `ipu`
    may have replaced it since (without this file's entry), or it may be damaged.
    Then the file itself is read again; its bytes must still be those the
    entry was made from, or the command stops rather than answer from a file
    that changed under it.
    """
    from pydantic import ValidationError

    from ipu_cli.domain.cases import CollectiveCase, IndividualCase

    model = CollectiveCase if collective else IndividualCase
    data = store.parsed(key)
    if data is not None:
        try:
            return model.model_validate(marshal.loads(data))
        except (EOFError, ValueError, TypeError, ValidationError):
            pass  # damaged: read the file again
    from ipu_cli.errors import IpuError
    from ipu_cli.store.yamlload import load_bytes

    store.discard()
    raw = _read(name)
    shown = display_path(Path(name), store.root)
    if raw is None or cache.file_key(shown, raw) != key:
        raise IpuError(f"{shown} changed while ipu was reading it; run the command again")
    return model.model_validate(load_bytes(raw, shown).data)


def _record(store: cache.Store, shown: str, key: bytes, summary: tuple[Any, ...], name: str) -> CaseRecord:
    """The record of a file from its cached summary; TypeError or ValueError when it is not one."""
    facts_t, positions, latest_t, row = summary
    if type(positions) is not dict or type(row) is not tuple or len(row) != ROW_LENGTH:
        raise TypeError("not a cached summary")
    facts = Facts(*facts_t)
    latest = None
    if latest_t is not None:
        text, ordinal, line, column = latest_t
        latest = (LatestDate(text, ordinal), (line, column))
    return CaseRecord(
        shown,
        None,
        positions,
        latest,
        facts=facts,
        build=partial(_build, store, key, facts.collective, name),
        row=row,
    )


def _hit(
    store: cache.Store, shown: str, key: bytes, entry: Any, name: str
) -> tuple[str, bytes, tuple[Any, Any], CaseRecord | None]:
    """A cache hit as an outcome of the scan, its record built; TypeError or ValueError when the
    entry does not have the shape `_analyse` gives it.

    The cache file is sealed by a digest, so only a file written by ipu gets
    here; this makes an entry of another shape (an older layout, a hand-made
    file) a miss rather than a crash. It runs on every hit of a warm run, so it
    lets the unpacking and building check the shapes, and checks the values of
    problem rows (rare) itself.
    """
    problems, summary = entry
    if type(problems) is not tuple or (problems and not all(map(_sound_row, problems))):
        raise TypeError("not cached problems")
    record = None if summary is None else _record(store, shown, key, summary, name)
    return (shown, key, (problems, summary), record)


def _sound_row(row: Any) -> bool:
    return (
        type(row) is tuple
        and len(row) == 5
        and type(row[0]) is str
        and type(row[1]) is int
        and type(row[2]) is int
        and type(row[3]) is str
        and type(row[4]) is str
    )


def _sound_reference(entry: Any) -> bool:
    """The cached reference entry: (problem rows, (name, agenda, path, line, column) rows)."""
    if type(entry) is not tuple or len(entry) != 2 or type(entry[0]) is not tuple:
        return False
    if not all(map(_sound_row, entry[0])):
        return False
    agendas = entry[1]
    return type(agendas) is tuple and all(
        type(item) is tuple and len(item) == 5 and type(item[1]) is tuple for item in agendas
    )


def scan(
    root: Path,
    paths: list[Path] | None,
    reference: Reference | None,
    checks: Checks,
    *,
    use_cache: bool = True,
) -> ScanResult:
    """Problems (as rows) and records of every case file (or of `paths`), in file order."""
    # Tens of thousands of small tuples and records, none of them cyclic: the
    # cyclic garbage collector would only walk them again and again.
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = _scan(root, paths, reference, checks, use_cache)
        # The base lives as long as the command: let later collections skip it
        # rather than walk its tens of thousands of objects on every full pass.
        gc.freeze()
        return result
    finally:
        if enabled:
            gc.enable()


def _scan(
    root: Path, paths: list[Path] | None, reference: Reference | None, checks: Checks, use_cache: bool
) -> ScanResult:
    complete = paths is None
    odd: list[tuple[str, str, str]] = []
    translations: list[str] = []
    if paths is None:
        names, odd, translations = list_cases(root)
    else:
        names = [os.fspath(p) for p in paths]
    if reference is not None and not reference.digest_parts:
        use_cache = False  # an in-memory Reference: nothing to key the cache on
    salt = cache.salt(root, reference.digest_parts if reference is not None else None)
    store = cache.Store(root, salt, enabled=use_cache)

    ref: Reference | None = reference

    def need_ref() -> Reference:
        nonlocal ref
        if ref is None:
            from ipu_cli.store.refdata import load_reference

            ref = load_reference(root)
        return ref

    prefix = os.fspath(root) + os.sep
    outcomes: list[Any] = [None] * len(names)
    misses: list[tuple[str, str]] = []
    where: list[int] = []
    keep: set[bytes] = {cache.REFERENCE_KEY}
    for index, name in enumerate(names):
        shown = name[len(prefix) :] if name.startswith(prefix) else display_path(Path(name), root)
        if os.sep != "/":
            shown = shown.replace(os.sep, "/")
        raw = _read(name) if store.checks else None  # an empty cache: the workers read
        key = cache.file_key(shown, raw) if raw is not None else None
        hit = store.checks.get(key) if key is not None else None
        outcome = None
        if hit is not None:
            try:
                outcome = _hit(store, shown, key, hit, name)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                outcome = None  # not an entry ipu wrote: check the file again
        if outcome is not None:
            outcomes[index] = outcome
            keep.add(key)  # type: ignore[arg-type]
        else:
            misses.append((name, shown))
            where.append(index)

    if misses:
        checked = _check_misses(misses, root, need_ref(), checks, jobs())
        for index, (_name, shown), (key, problems, summary, data, case) in zip(
            where, misses, checked, strict=True
        ):
            if key is None:  # uncacheable: check_file's own result
                outcomes[index] = (shown, None, (problems, None), case)
                continue
            store.put(key, (problems, summary), data)
            keep.add(key)
            outcomes[index] = (shown, key, (problems, summary), case)

    entry = store.checks.get(cache.REFERENCE_KEY)
    if entry is None or not _sound_reference(entry):
        entry = _reference_entry(need_ref(), checks)
        store.put(cache.REFERENCE_KEY, entry, None)
    ref_problems, agendas = entry
    problems: list[Row] = list(ref_problems)
    unread: list[str] = []
    for path, code, message in odd:
        shown = display_path(Path(path), root)
        problems.append((shown, 1, 1, code, message))
        unread.append(shown)
    records: list[CaseRecord] = []
    by_path: dict[str, tuple[bytes | None, CaseRecord | None]] = {}
    for name, outcome in zip(names, outcomes, strict=True):
        shown, key, (file_problems, summary) = outcome[:3]
        case = outcome[3] if len(outcome) > 3 else None
        problems.extend(file_problems)
        if isinstance(case, CaseRecord):
            records.append(case)
        elif summary is not None:
            record = _record(store, shown, key, summary, name)
            if case is not None and len(misses) < PARALLEL_MIN:
                record._case = case  # checked here, and few: keep rather than rebuild
            records.append(record)
        else:
            unread.append(shown)
        by_path[shown] = (key, records[-1] if records and records[-1].path == shown else None)

    shown_translations = [display_path(Path(name), root) for name in translations]
    translation_rows = _translations(translations, shown_translations, by_path, store, keep, root, checks)
    store.save(keep, complete)
    if ref is not None:
        sessions: Any = ref
    else:
        sessions = AgendaView(
            {name: _Session(list(agenda)) for name, agenda, *_ in agendas},
            {name: (path, line, column) for name, _, path, line, column in agendas},
        )
    return ScanResult(
        root,
        records,
        problems,
        len(names) + sum(path.endswith(CASE_SUFFIXES) for path, _, _ in odd),
        ref if ref is not None else partial(_load_reference, root),
        sessions,
        complete,
        use_cache,
        unread,
        shown_translations,
        translation_rows,
    )


def _translations(
    names: list[str],
    shown: list[str],
    cases: dict[str, tuple[bytes | None, CaseRecord | None]],
    store: cache.Store,
    keep: set[bytes],
    root: Path,
    checks: Checks,
) -> list[Row]:
    """The problems of each translation file, cached under its bytes and its case file's key
    (the check compares the two files), so that a warm run parses neither."""
    from ipu_cli.store.paths import case_path_of

    out: list[Row] = []
    for name, path in zip(names, shown, strict=True):
        case_path = case_path_of(path)
        case_key, record = cases.get(case_path, (None, None))
        raw = _read(name)
        key = (
            cache.file_key(path, raw + b"\0" + case_key) if raw is not None and case_key is not None else None
        )
        entry = store.checks.get(key) if key is not None else None
        if entry is not None and type(entry) is tuple and len(entry) == 2 and entry[1] is None:
            rows = entry[0]
            if type(rows) is tuple and all(map(_sound_row, rows)):
                keep.add(key)  # type: ignore[arg-type]
                out.extend(rows)
                continue
        case = record.case if record is not None else None
        rows = tuple(checks.translation(path, root, case, case_path in cases))
        if key is not None:
            store.put(key, (rows, None), None)
            keep.add(key)
        out.extend(rows)
    return out


def _load_reference(root: Path) -> Reference:
    from ipu_cli.store.refdata import load_reference

    return load_reference(root)
