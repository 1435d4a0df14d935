"""The one way case files are read: parse, validate, check against reference data.

`check_file` handles one file and keeps only what the cross-file checks need
(a `CaseRecord` with the few source positions they report at), so that the
whole base can be held in memory without its YAML node trees.
`load_case_base` reads every file and indexes ids and legacy ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .loader import Loaded, load_file, locate
from .models import CollectiveCase, IndividualCase, PartialDate, is_collective_id
from .problems import ERROR, WARNING, Problem
from .reference import Reference, load_reference
from .repo import case_files, display_path, escapes_root, stem_id
from .schemaerrors import validate_model

Case = IndividualCase | CollectiveCase
Position = tuple[int, int]


@dataclass
class CaseRecord:
    """A valid case and where its cross-referenced values stand in its file."""

    path: str
    case: Case
    positions: dict[str, Position] = field(default_factory=dict)
    latest: tuple[PartialDate, Position] | None = None

    def at(self, key: str) -> Position:
        return self.positions.get(key, (1, 1))

    @property
    def id(self) -> str:
        return self.case.id


@dataclass
class FileResult:
    record: CaseRecord | None
    problems: list[Problem]


def model_for(path: Path) -> type[IndividualCase] | type[CollectiveCase]:
    """Collective files are named for collective ids; everything else is an MP."""
    return CollectiveCase if is_collective_id(stem_id(path)) else IndividualCase


def check_file(path: Path, root: Path, ref: Reference) -> FileResult:
    """Everything one file can be checked for on its own."""
    shown = display_path(path, root)
    if escapes_root(path, root):
        return FileResult(
            None,
            [
                Problem(
                    shown,
                    1,
                    1,
                    ERROR,
                    "symlink-outside",
                    f"link to {path.resolve()} leaves the repository; not followed",
                )
            ],
        )
    return check_loaded(path, load_file(path, shown), ref)


def check_loaded(path: Path, loaded: Loaded, ref: Reference) -> FileResult:
    """The checks of `check_file` on text already parsed, e.g. a new version not yet written."""
    if not loaded.ok:
        return FileResult(None, loaded.problems)
    model = model_for(path)
    if (
        isinstance(loaded.data, dict)
        and model is IndividualCase
        and is_collective_id(str(loaded.data.get("id", "")))
    ):
        model = CollectiveCase
    case, problems = validate_model(loaded, model)
    problems = loaded.problems + problems
    if case is None:
        return FileResult(None, problems)
    assert isinstance(case, IndividualCase | CollectiveCase)
    problems.extend(_single_file_checks(path, loaded, case, ref))
    return FileResult(_record(loaded, case), problems)


def _record(loaded: Loaded, case: Case) -> CaseRecord:
    node = loaded.node
    positions: dict[str, Position] = {"id": locate(node, ("id",)), "country": locate(node, ("country",))}
    for index, alias in enumerate(case.aliases):
        positions[f"aliases.{alias}"] = locate(node, ("aliases", index))
    if isinstance(case, CollectiveCase):
        for index, member in enumerate(case.members):
            positions.setdefault(f"members.{member}", locate(node, ("members", index)))
        if case.victims:
            positions["victims"] = locate(node, ("victims",))
    else:
        for index, group in enumerate(case.collectives):
            positions.setdefault(f"collectives.{group}", locate(node, ("collectives", index)))
    latest = None
    for date, loc in _dates(case):
        if latest is None or date.earliest() > latest[0].earliest():
            latest = (date, loc)
    return CaseRecord(
        loaded.path,
        case,
        positions,
        (latest[0], locate(node, latest[1])) if latest else None,
    )


def _dates(case: Case) -> Iterable[tuple[PartialDate, tuple[Any, ...]]]:
    for name in ("events", "missions", "hearings", "communications"):
        for index, item in enumerate(getattr(case, name)):
            yield item.date, (name, index, "date")
    for index, decision in enumerate(case.decisions):
        yield decision.adopted, ("decisions", index, "adopted")
    if case.complaint:
        yield case.complaint.submitted, ("complaint", "submitted")
    if case.status.date:
        yield case.status.date, ("status", "date")
    if isinstance(case, IndividualCase) and case.death_date:
        yield case.death_date, ("death_date",)


def _single_file_checks(path: Path, loaded: Loaded, case: Case, ref: Reference) -> list[Problem]:
    out: list[Problem] = []

    def report(loc: tuple[Any, ...], code: str, message: str, level: str = ERROR) -> None:
        out.append(loaded.problem(loc, code, message, level))

    expected = stem_id(path)
    if case.id != expected:
        report(
            ("id",),
            "id-filename",
            f"id '{case.id}' differs from the file name '{path.name}'; expected id '{expected}'",
        )
    if path.parent.name != case.country:
        report(
            ("id",),
            "wrong-folder",
            f"file is in '{path.parent.name}/'; cases of {case.country} live in 'cases/{case.country}/'",
            WARNING,
        )
    if case.id[:3] != case.country:
        report(
            ("country",),
            "country-prefix",
            f"id '{case.id}' starts with '{case.id[:3]}' but country is '{case.country}'",
        )
    if case.country not in ref.countries:
        if not _iso_country(case.country):
            hint = _closest(case.country, ref.countries)
            report(
                ("country",),
                "unknown-country",
                f"'{case.country}' is not an ISO 3166 alpha-3 code"
                + (f"; did you mean '{hint}'?" if hint else ""),
            )
        else:
            report(
                ("country",),
                "country-not-in-table",
                f"country '{case.country}' has no row in data/countries.yaml",
                WARNING,
            )

    if isinstance(case, IndividualCase):
        seen: set[str] = set()
        for index, violation in enumerate(case.violations):
            if ref.violations and violation.code not in ref.violations:
                hint = _closest(violation.code, ref.violations)
                report(
                    ("violations", index, "code"),
                    "unknown-violation",
                    f"unknown violation '{violation.code}'" + (f"; did you mean '{hint}'?" if hint else ""),
                )
            if violation.code in seen:
                report(
                    ("violations", index, "code"),
                    "duplicate-violation",
                    f"violation '{violation.code}' is listed twice",
                )
            seen.add(violation.code)
        if not case.deceased and any(e.type in ("killing", "death") for e in case.events):
            index = next(i for i, e in enumerate(case.events) if e.type in ("killing", "death"))
            report(
                ("events", index, "type"),
                "death-not-recorded",
                "the case records a death but 'deceased' is not true",
                WARNING,
            )

    for index, event in enumerate(case.events):
        if ref.event_types and event.type not in ref.event_types:
            hint = _closest(event.type, ref.event_types)
            report(
                ("events", index, "type"),
                "unknown-event-type",
                f"unknown event type '{event.type}'" + (f"; did you mean '{hint}'?" if hint else ""),
            )

    for name in ("events", "missions", "hearings", "communications"):
        items = getattr(case, name)
        for index in range(1, len(items)):
            if items[index].date.latest() < items[index - 1].date.earliest():
                report(
                    (name, index, "date"),
                    "date-order",
                    f"{name} are kept oldest first: {items[index].date} comes after {items[index - 1].date}",
                    WARNING,
                )
                break

    def check_session(loc: tuple[Any, ...], session: str | None) -> None:
        if session and ref.sessions and session not in ref.sessions:
            report(loc, "unknown-session", f"session '{session}' is not in data/sessions.yaml")

    for index, decision in enumerate(case.decisions):
        check_session(("decisions", index, "session"), decision.session)
        session = ref.sessions.get(decision.session)
        if session is not None:
            end = session.end or session.start
            if (
                decision.adopted.latest() < session.start.earliest()
                or decision.adopted.earliest() > end.latest()
            ):
                report(
                    ("decisions", index, "adopted"),
                    "decision-outside-session",
                    f"decision adopted {decision.adopted} but session {decision.session} ran {session.start} to {end}",
                    WARNING,
                )
        _check_verbs(report, ("decisions", index), decision.paragraphs, ref)
    if case.draft:
        check_session(("draft", "session"), case.draft.session)
        _check_verbs(report, ("draft",), case.draft.paragraphs, ref)
    for index, hearing in enumerate(case.hearings):
        check_session(("hearings", index, "session"), hearing.session)
    for index, session_ref in enumerate(case.agenda):
        check_session(("agenda", index), session_ref)
    return out


def _check_verbs(report: Any, loc: tuple[Any, ...], paragraphs: list[Any], ref: Reference) -> None:
    if not ref.verbs:
        return
    for index, paragraph in enumerate(paragraphs):
        if paragraph.verb not in ref.verbs:
            hint = _closest(paragraph.verb, ref.verbs)
            report(
                (*loc, "paragraphs", index, "verb"),
                "unknown-verb",
                f"operative verb '{paragraph.verb}' is not in data/verbs.yaml"
                + (f"; did you mean '{hint}'?" if hint else ""),
                WARNING,
            )


def _closest(word: str, options: Iterable[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _iso_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def future_problems(records: Iterable[CaseRecord], today: dt.date) -> list[Problem]:
    """A date in the future, reported at the latest date of each file."""
    out = []
    for record in records:
        if record.latest and record.latest[0].earliest() > today:
            date, (line, column) = record.latest
            out.append(
                Problem(
                    record.path,
                    line,
                    column,
                    ERROR,
                    "future-date",
                    f"date {date} is after today ({today.isoformat()})",
                )
            )
    return out


@dataclass
class CaseBase:
    """Every readable case of a repository, indexed by id and legacy id."""

    root: Path
    reference: Reference
    records: dict[str, CaseRecord]
    aliases: dict[str, str]
    problems: list[Problem]
    files: int

    def get(self, case_id: str) -> Case | None:
        record = self.records.get(case_id) or self.records.get(self.aliases.get(case_id, ""))
        return record.case if record else None

    def cases(self) -> list[Case]:
        return [record.case for record in self.records.values()]

    def members(self, collective: CollectiveCase) -> list[IndividualCase]:
        out = []
        for member in collective.members:
            case = self.get(member)
            if isinstance(case, IndividualCase):
                out.append(case)
        return out

    def groups_of(self, case: IndividualCase) -> list[CollectiveCase]:
        out = []
        for group in case.collectives:
            found = self.get(group)
            if isinstance(found, CollectiveCase):
                out.append(found)
        return out


def load_case_base(
    root: Path, paths: list[Path] | None = None, reference: Reference | None = None
) -> CaseBase:
    """Read and check every case file (or `paths`); problems are collected, not raised."""
    ref = reference or load_reference(root)
    files = paths if paths is not None else case_files(root)
    records: dict[str, CaseRecord] = {}
    problems: list[Problem] = list(ref.problems)
    duplicates: list[CaseRecord] = []
    for path in files:
        result = check_file(path, root, ref)
        problems.extend(result.problems)
        if result.record is not None:
            if result.record.id in records:
                duplicates.append(result.record)
            else:
                records[result.record.id] = result.record
    from .checks import cross_file_problems

    aliases, cross = cross_file_problems(records, duplicates, ref)
    problems.extend(cross)
    return CaseBase(root, ref, records, aliases, problems, len(files))
