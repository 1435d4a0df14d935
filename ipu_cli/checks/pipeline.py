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
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.checks.problems import ERROR, Problem
from ipu_cli.store.paths import (
    CASE_SUFFIXES,
    DATA,
    display_path,
    escapes_root,
    list_cases,
    stem_id,
    translation_of,
)

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.store.casebase import CaseBase
    from ipu_cli.store.records import CaseRecord
    from ipu_cli.store.refdata import Failure, Reference
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
    out: list[Problem] = []
    for failure in ref.failures:
        out.extend(_failure_problems(failure))
    for path, line, column, session in ref.duplicate_sessions:
        out.append(Problem(path, line, column, "duplicate-id", f"session {session} is listed twice"))
    return out


def _failure_problems(failure: Failure) -> list[Problem]:
    from ipu_cli.checks.schemaerrors import not_a_mapping, problems_of

    loaded = failure.loaded
    if failure.missing:
        return [Problem(loaded.path, 1, 1, "unreadable", "reference file is missing")]
    if loaded.faults:
        return [Problem.of(loaded.path, fault) for fault in loaded.faults]
    if not isinstance(loaded.data, dict):
        return [not_a_mapping(loaded)]
    return problems_of(loaded, failure.model, failure.errors)


NEEDS: dict[str, tuple[str, ...]] = {
    "list": ("countries.yaml", "violations.yaml"),  # regions, violation labels
    "statistics": ("countries.yaml", "violations.yaml"),  # regions, names, violation groups
    "export": ("countries.yaml", "violations.yaml"),  # country names, the violations table
    "follow-up report": ("verbs.yaml", "sessions.yaml"),  # what was asked, when sessions ended
    # every vocabulary, the sessions and the countries, not who signs letters
    "decision": ("violations.yaml", "event-types.yaml", "verbs.yaml", "countries.yaml", "sessions.yaml"),
}
"""The `data/` files each output reads; a letter (and any output not named) needs them all."""


def require_valid(base: CaseBase, ids: Iterable[str], what: str) -> None:
    """Refuse to make `what` (a decision, a letter) from a case or member file with an error.

    A file that reads but does not pass its checks (an unknown violation code, a member who
    leaves before joining, a joint decision it cannot cover) would be printed in part: the
    unknown allegation missing from the checklist, the member missing from the list. A
    complete document or none: IpuError (exit 1) with the located problems of those files.
    """
    from ipu_cli.domain.words import join_list
    from ipu_cli.errors import IpuError

    wanted = set(ids)
    errors = [p for p in base.problems if p.is_error and stem_id(Path(p.path)) in wanted]
    if not errors:
        return
    paths = list(dict.fromkeys(p.path for p in errors))
    verb = "has" if len(paths) == 1 else "have"
    raise IpuError(f"cannot make the {what}: {join_list(paths)} {verb} errors (see 'ipu validate')", errors)


def require_reference(base: CaseBase, what: str) -> None:
    """Refuse to make `what` when a `data/` file it reads (`NEEDS`) could not be read or is not valid.

    A table of a broken file is empty, so a decision would print an empty
    checklist, figures would say "Unknown" region, a letter would ask nothing:
    a complete answer or none. Raises IpuError (exit 1) with the located problems
    of the files concerned. Every command that makes an output calls it before
    reading the reference data (before a session or a filter value is looked up).
    """
    from ipu_cli.domain.words import join_list
    from ipu_cli.errors import IpuError

    needs = NEEDS.get(what)
    wanted = None if needs is None else set(needs)
    failures = [f for f in base.reference.failures if wanted is None or f.name in wanted]
    if not failures:
        return
    problems = [p for failure in failures for p in _failure_problems(failure)]
    paths = [failure.loaded.path for failure in failures]
    verb = "is" if len(paths) == 1 else "are"
    raise IpuError(
        f"cannot make the {what} from incomplete reference data: {join_list(paths)} {verb} not usable "
        "(see 'ipu validate')",
        problems,
    )


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

    @staticmethod
    def translation(shown: str, root: Path, case: Any, case_read: bool) -> list[tuple[Any, ...]]:
        from ipu_cli.checks.translationfiles import file_problems

        return [_row(p) for p in file_problems(root, shown, case, case_read)]


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
    aliases, cross = cross_file_problems(records, duplicates, result.sessions, result.unread)
    problems = [Problem(*row) for row in result.problems] + cross
    if result.complete:
        result.save_aliases(aliases, {i: r.path for i, r in records.items()})
    return CaseBase(
        root,
        result.reference,
        records,
        aliases,
        problems,
        result.files,
        result.unread,
        result.translations,
        [Problem(*row) for row in result.translation_problems],
    )


def unread_problems(base: CaseBase) -> list[Problem]:
    """The errors of case files that could not be read: those cases are missing from the base.

    Cross-file errors (a member not linked back, a duplicate alias) leave every case in
    the base and are `ipu validate`'s business; a file that cannot be read drops a case
    silently, so every report and export must say so.
    """
    read = {record.path for record in base.records.values()}
    data = DATA + "/"  # data/ files: `require_reference` refuses what needs them
    return [p for p in base.problems if p.is_error and p.path not in read and not p.path.startswith(data)]


@dataclass
class Report:
    problems: list[Problem]
    files: int

    def exit_code(self, strict: bool = False) -> int:
        if any(p.level == ERROR for p in self.problems):
            return 1
        return 1 if strict and self.problems else 0


def expand(paths: list[Path], root: Path) -> tuple[list[Path], list[Problem]]:
    """Files named, the case files inside folders named, and what those folders hold that is not read."""
    files: list[Path] = []
    odd: list[Problem] = []
    for path in paths:
        if path.is_dir() and not path.name.endswith(CASE_SUFFIXES):
            listing = list_cases(root, folder=path)
            files.extend(Path(name) for name in (*listing.files, *listing.translations))
            for name, code, message in listing.odd:
                odd.append(Problem(display_path(Path(name), root), 1, 1, code, message))
        else:
            files.append(path)
    return files, odd


def validate(
    root: Path,
    paths: list[Path] | None = None,
    today: dt.date | None = None,
    *,
    cache: bool = True,
    lang: str | None = None,
) -> Report:
    """Check the whole base; report on `paths` only when given (cross-file checks still see everything).

    `cache=False` (`--no-cache`) checks every file afresh and neither reads nor writes the cache.
    Translation files are checked too; `lang` (`--lang fr`) also reports every text lacking
    that language (`checks/translationfiles.py`).
    """
    from ipu_cli.checks.translationfiles import untranslated

    today = today or dt.date.today()
    base = load_case_base(root, cache=cache)
    problems = base.problems + base.translation_problems + future_problems(base.records.values(), today)
    if lang is not None:
        problems += untranslated(base, lang)
    files = base.files
    if paths:
        problems, files = _named_only(root, base, problems, paths, today)
    problems.sort(key=lambda p: (p.path, p.line, p.column, p.code))
    return Report(problems, files)


def _named_only(
    root: Path, base: CaseBase, problems: list[Problem], paths: list[Path], today: dt.date
) -> tuple[list[Problem], int]:
    """The problems of the files and folders named, checking those the base does not hold.

    A data file (`data/sessions.yaml`) is checked as data, so the pre-commit hook
    can be given whatever a commit touches.
    """
    from ipu_cli.store.refdata import FILES

    listed, odd = expand(paths, root)
    chosen = [p.absolute() for p in listed]
    shown = {display_path(p, root) for p in chosen} | {display_path(p.absolute(), root) for p in paths}
    seen = {p.path for p in odd}
    out = [p for p in problems if p.path in shown or p.path in seen]
    out.extend(p for p in odd if p not in out)
    known = {record.path for record in base.records.values()} | set(base.unread) | set(base.translations)
    data = (root / DATA).absolute()
    for path in chosen:
        label = display_path(path, root)
        if not os.path.lexists(path):
            out.append(Problem(label, 1, 1, "unreadable", "no such file"))
        elif label in known:
            continue  # read with the base: its problems are already there
        elif path.parent == data and path.name in FILES:
            continue  # the base read it as data: its problems are already there
        elif path.parent.name == DATA and path.name in FILES:
            out.extend(data_file_problems(path, label))
        elif path.parent == data:
            message = f"not a data file ipu reads: {DATA}/ holds {', '.join(FILES)}"
            out.append(Problem(label, 1, 1, "not-a-case-file", message))
        elif not path.name.endswith(CASE_SUFFIXES):
            # Named explicitly but never checked: say so rather than report it clean.
            message = f"not a case file: case files end in {' or '.join(CASE_SUFFIXES)}"
            out.append(Problem(label, 1, 1, "not-a-case-file", message))
        elif translation_of(path.name):
            # a translation outside the base's cases/: checked as a file, not against its case
            from ipu_cli.checks.translationfiles import read_translation

            out.extend(read_translation(root, label)[2])
        else:
            result = check_file(path, root, base.reference)
            out.extend(result.problems)
            if result.record:
                out.extend(future_problems([result.record], today))
    return out, len(chosen)


def data_file_problems(path: Path, shown: str) -> list[Problem]:
    """The problems of one data file read on its own (one of another repository's `data/`)."""
    from ipu_cli.store.refdata import read_data_file

    read = read_data_file(path, shown)
    return _failure_problems(read.failure) if read.failure is not None else []
