"""Reading and checking the case base: one file, every file, and `ipu validate`.

`load_case_base` is the one way commands read cases (except `ipu show`, which
reads only the files it needs): it hands `ipu_cli.store.scan` the checks of
one file (`FileChecks`), which the scan runs on every file the cache does not
already answer for, then runs the cross-file checks. `validate` is `ipu
validate` as a library call. Heavy imports (YAML, Pydantic) stay inside the
functions, so that a warm run imports neither.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.checks.problems import ERROR, Problem
from ipu_cli.store.paths import CASE_SUFFIXES, display_path, escapes_root, stem_id

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.store.casebase import CaseBase
    from ipu_cli.store.records import CaseRecord
    from ipu_cli.store.refdata import Reference
    from ipu_cli.store.yamlload import Loaded


@dataclass
class FileResult:
    """One file's record (None when it could not be read as a case) and its problems."""

    record: CaseRecord | None
    problems: list[Problem]


def model_for(path: Path) -> type[IndividualCase] | type[CollectiveCase]:
    """Collective files are named for collective ids; everything else is an MP."""
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.domain.ids import is_collective_id

    return CollectiveCase if is_collective_id(stem_id(path)) else IndividualCase


def check_file(path: Path, root: Path, ref: Reference) -> FileResult:
    """Everything one file can be checked for on its own, read from disk."""
    from ipu_cli.store.yamlload import load_file

    shown = display_path(path, root)
    if escapes_root(path, root):
        message = f"link to {path.resolve()} leaves the repository; not followed"
        return FileResult(None, [Problem(shown, 1, 1, "symlink-outside", message)])
    return check_loaded(path, load_file(path, shown), ref)


def check_loaded(path: Path, loaded: Loaded, ref: Reference) -> FileResult:
    """The checks of `check_file` on text already parsed, e.g. a new version not yet written."""
    from ipu_cli.checks.filechecks import single_file_checks
    from ipu_cli.checks.schemaerrors import validate_model
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.domain.ids import is_collective_id
    from ipu_cli.store.records import record_of

    if not loaded.ok:
        return FileResult(None, [Problem.of(loaded.path, fault) for fault in loaded.faults])
    model = model_for(path)
    if isinstance(loaded.data, dict):
        if model is IndividualCase and is_collective_id(str(loaded.data.get("id", ""))):
            model = CollectiveCase
        wrong = _wrong_kind(loaded, model)
        if wrong is not None:
            return FileResult(None, [wrong])
    case, problems = validate_model(loaded, model)
    if case is None:
        return FileResult(None, problems)
    assert isinstance(case, IndividualCase | CollectiveCase)
    problems.extend(single_file_checks(path, loaded, case, ref))
    return FileResult(record_of(loaded, case), problems)


# Fields only one kind of case file has: seeing one in the other kind means the file
# is named for the wrong kind, and one diagnostic beats a cascade of unknown/missing fields.
_KIND_MARKERS = {"members": "a collective case", "name": "an individual case", "sex": "an individual case"}


def _wrong_kind(loaded: Loaded, model: type[IndividualCase] | type[CollectiveCase]) -> Problem | None:
    """A collective case's fields in a file named for an MP (or the other way round)."""
    fields = model.model_fields
    for key, kind in _KIND_MARKERS.items():
        if key in loaded.data and key not in fields:
            if kind == "a collective case":
                message = (
                    f"'{key}' belongs in {kind}, but this file is named for an MP; a group's id and "
                    "file name look like KHM-COLL-03, and an MP names its groups in 'collectives'"
                )
            else:
                message = (
                    f"'{key}' belongs in {kind}, but this file is named for a collective case "
                    "(KHM-COLL-NN); an MP's id and file name look like KHM-60"
                )
            return Problem.at(loaded, (key,), "wrong-kind", message, key=True)
    return None


def reference_problems(ref: Reference) -> list[Problem]:
    """Why data files could not be used (missing, not YAML, not valid), and duplicate sessions."""
    from ipu_cli.checks.schemaerrors import not_a_mapping, problems_of

    out: list[Problem] = []
    for failure in ref.failures:
        loaded = failure.loaded
        if failure.missing:
            out.append(Problem(loaded.path, 1, 1, "unreadable", "reference file is missing"))
        elif loaded.faults:
            out.extend(Problem.of(loaded.path, fault) for fault in loaded.faults)
        elif not isinstance(loaded.data, dict):
            out.append(not_a_mapping(loaded))
        else:
            out.extend(problems_of(loaded, failure.model, failure.errors))
    for path, line, column, session in ref.duplicate_sessions:
        out.append(Problem(path, line, column, "duplicate-id", f"session {session} is listed twice"))
    return out


class FileChecks:
    """What `ipu_cli.store.scan` runs on each file it must read: problems as plain rows."""

    @staticmethod
    def path(path: Path, root: Path, ref: Reference) -> tuple[list[tuple[Any, ...]], CaseRecord | None]:
        result = check_file(path, root, ref)
        return [_row(p) for p in result.problems], result.record

    @staticmethod
    def loaded(path: Path, loaded: Loaded, ref: Reference) -> tuple[list[tuple[Any, ...]], CaseRecord | None]:
        result = check_loaded(path, loaded, ref)
        return [_row(p) for p in result.problems], result.record

    @staticmethod
    def reference(ref: Reference) -> list[tuple[Any, ...]]:
        return [_row(p) for p in reference_problems(ref)]


def _row(problem: Problem) -> tuple[Any, ...]:
    return (problem.path, problem.line, problem.column, problem.code, problem.message)


def future_problems(records: Iterable[CaseRecord], today: dt.date) -> list[Problem]:
    """A date in the future, reported at the latest date of each file."""
    out = []
    for record in records:
        if record.latest and record.latest[0].earliest() > today:
            date, (line, column) = record.latest
            message = f"date {date} is after today ({today.isoformat()})"
            out.append(Problem(record.path, line, column, "future-date", message))
    return out


def load_case_base(
    root: Path,
    paths: list[Path] | None = None,
    reference: Reference | None = None,
    *,
    cache: bool = True,
) -> CaseBase:
    """Read and check every case file (or `paths`); problems are collected, not raised.

    `cache=False` reads and checks every file afresh and leaves the cache untouched.
    """
    from ipu_cli.checks.crossfile import cross_file_problems
    from ipu_cli.store.casebase import CaseBase
    from ipu_cli.store.scan import scan

    result = scan(root, paths, reference, FileChecks, use_cache=cache)
    records: dict[str, CaseRecord] = {}
    duplicates: list[CaseRecord] = []
    for record in result.records:
        if record.id in records:
            duplicates.append(record)
        else:
            records[record.id] = record
    aliases, cross = cross_file_problems(records, duplicates, result.sessions)
    problems = [Problem(*row) for row in result.problems] + cross
    if result.complete:
        result.save_aliases(aliases, {i: r.path for i, r in records.items()})
    return CaseBase(root, result.reference, records, aliases, problems, result.files)


def unread_problems(base: CaseBase) -> list[Problem]:
    """The errors of case files that could not be read: those cases are missing from the base.

    Cross-file errors (a member not linked back, a duplicate alias) leave every case in
    the base and are `ipu validate`'s business; a file that cannot be read drops a case
    silently, so every report and export must say so.
    """
    read = {record.path for record in base.records.values()}
    return [p for p in base.problems if p.is_error and p.path not in read]


@dataclass
class Report:
    problems: list[Problem]
    files: int

    def exit_code(self, strict: bool = False) -> int:
        if any(p.level == ERROR for p in self.problems):
            return 1
        return 1 if strict and self.problems else 0


def expand(paths: list[Path]) -> list[Path]:
    """Files named, and the case files inside folders named."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.name.endswith(CASE_SUFFIXES) and p.is_file()))
        else:
            out.append(path)
    return out


def validate(
    root: Path, paths: list[Path] | None = None, today: dt.date | None = None, *, cache: bool = True
) -> Report:
    """Check the whole base; report on `paths` only when given (cross-file checks still see everything).

    `cache=False` (`--no-cache`) checks every file afresh and neither reads nor writes the cache.
    """
    today = today or dt.date.today()
    base = load_case_base(root, cache=cache)
    problems = base.problems + future_problems(base.records.values(), today)
    files = base.files
    if paths:
        chosen = [p.absolute() for p in expand(paths)]
        shown = {display_path(p, root) for p in chosen}
        known = {display_path(p, root) for p in (root / "cases").rglob("*")}
        problems = [p for p in problems if p.path in shown]
        for path in chosen:
            label = display_path(path, root)
            if not path.exists():
                problems.append(Problem(label, 1, 1, "unreadable", "no such file"))
                continue
            if not path.name.endswith(CASE_SUFFIXES):
                # Named explicitly but never checked: say so rather than report it clean.
                message = f"not a case file: case files end in {' or '.join(CASE_SUFFIXES)}"
                problems.append(Problem(label, 1, 1, "not-a-case-file", message))
                continue
            if label in known:
                continue
            result = check_file(path, root, base.reference)
            problems.extend(result.problems)
            if result.record:
                problems.extend(future_problems([result.record], today))
        files = len(chosen)
    problems.sort(key=lambda p: (p.path, p.line, p.column, p.code))
    return Report(problems, files)
