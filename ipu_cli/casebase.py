"""The one way case files are read: parse, validate, check against reference data.

`check_file` handles one file and keeps only what the cross-file checks need
(a `CaseRecord` with the few source positions they report at, and its `facts`),
so that the whole base can be held in memory without its YAML node trees.
`load_case_base` reads every file and indexes ids and legacy ids.

Speed (docs/performance.md): `load_case_base` goes through `ipu_cli.scan`,
which answers unchanged files from the content-keyed cache and spreads the
others over the cores. A record read from the cache builds its Pydantic model
only when `.case` is first asked for, so `ipu validate` on an unchanged base
never imports YAML or Pydantic. Heavy imports are therefore kept inside the
functions of this module.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .problems import ERROR, WARNING, Problem
from .repo import display_path, escapes_root, stem_id

if TYPE_CHECKING:
    from .loader import Loaded
    from .models import CollectiveCase, IndividualCase, PartialDate
    from .reference import Reference

    Case = IndividualCase | CollectiveCase

Position = tuple[int, int]


def __getattr__(name: str) -> Any:
    """`Case` (the union of both models) without importing Pydantic at module load."""
    if name == "Case":
        from .models import CollectiveCase, IndividualCase

        return IndividualCase | CollectiveCase
    raise AttributeError(name)


@dataclass(slots=True)
class Facts:
    """What the cross-file checks and the indexes need of a case: no Pydantic, cacheable."""

    id: str
    collective: bool
    country: str
    sex: str | None
    aliases: tuple[str, ...]
    collectives: tuple[str, ...]
    members: tuple[str, ...]
    victims: str | None

    @classmethod
    def of(cls, case: Case) -> Facts:
        return cls(
            case.id,
            hasattr(case, "members"),
            case.country,
            getattr(case, "sex", None),
            tuple(case.aliases),
            tuple(getattr(case, "collectives", ())),
            tuple(getattr(case, "members", ())),
            case.victims,
        )

    def dump(self) -> tuple[Any, ...]:
        return (
            self.id,
            self.collective,
            self.country,
            self.sex,
            self.aliases,
            self.collectives,
            self.members,
            self.victims,
        )


class ViolationView(NamedTuple):
    """A violation as a summary holds it: the two fields queries read."""

    code: str
    scope: str


def _date_tuple(date: PartialDate | None) -> tuple[int, int | None, int | None] | None:
    return None if date is None else (date.year, date.month, date.day)


def _partial(value: tuple[int, int | None, int | None] | None) -> PartialDate | None:
    if value is None:
        return None
    from .models import PartialDate

    return PartialDate(*value)


class _StatusView(NamedTuple):
    state: str
    date: PartialDate | None


class _ComplaintView(NamedTuple):
    submitted: PartialDate


def summary_row(case: Case) -> tuple[Any, ...]:
    """What `CaseSummary` holds beyond `Facts`, as plain values the cache can keep."""
    individual = not hasattr(case, "members")
    return (
        case.parliament,
        case.confidentiality,
        case.name if individual else case.title,  # type: ignore[union-attr]
        getattr(case, "mandate", None),
        getattr(case, "affiliation", None),
        getattr(case, "party", None),
        getattr(case, "deceased", None),
        tuple((v.code, v.scope) for v in getattr(case, "violations", ())),
        case.status.state,
        _date_tuple(case.status.date),
        _date_tuple(case.complaint.submitted) if case.complaint else None,
    )


class CaseSummary:
    """A case as `ipu list` and `ipu stats` read it, without building its Pydantic model.

    It answers the attributes a query or a figure needs most (id, kind, country,
    names, sex, mandate, violations, status, complaint date, confidentiality)
    under the model's own names, so one piece of query code serves both. Any
    other attribute (events, decisions, summary... for `--grep` or `--since`)
    comes from the record's model, built on first use; a summary that
    `confidentiality.redact` let through passes that model through the same
    filter first. A summary holds no internal field itself: no communications,
    addressees or complainant.
    """

    __slots__ = (
        "_complaint",
        "_filter",
        "_model",
        "_record",
        "_row",
        "_status",
        "affiliation",
        "aliases",
        "collective",
        "collectives",
        "confidentiality",
        "country",
        "deceased",
        "id",
        "mandate",
        "members",
        "name",
        "parliament",
        "party",
        "sex",
        "title",
        "violations",
    )

    def __init__(self, record: CaseRecord, row: tuple[Any, ...]) -> None:
        facts = record.facts
        self._record = record
        self._row = row
        self._filter: Callable[[Any], Any] | None = None
        self._model: Any = None
        self._status: _StatusView | None = None
        self._complaint: Any = False
        self.id = facts.id
        self.collective = facts.collective
        self.country = facts.country
        self.sex = facts.sex
        self.aliases = facts.aliases
        self.collectives = facts.collectives
        self.members = facts.members
        (
            self.parliament,
            self.confidentiality,
            name,
            self.mandate,
            self.affiliation,
            self.party,
            self.deceased,
            violations,
            _state,
            _closed,
            _submitted,
        ) = row
        self.name, self.title = (None, name) if facts.collective else (name, None)
        self.violations = [ViolationView(code, scope) for code, scope in violations]

    @property
    def status(self) -> _StatusView:
        if self._status is None:
            self._status = _StatusView(self._row[8], _partial(self._row[9]))
        return self._status

    @property
    def complaint(self) -> _ComplaintView | None:
        if self._complaint is False:
            date = _partial(self._row[10])
            self._complaint = None if date is None else _ComplaintView(date)
        return self._complaint

    def redacted(self, redact: Callable[[Any], Any]) -> CaseSummary:
        """A copy whose model, if ever built, goes through `redact` first."""
        copy = CaseSummary.__new__(CaseSummary)
        for name in CaseSummary.__slots__:
            setattr(copy, name, getattr(self, name))
        copy._filter = redact
        copy._model = None
        return copy

    def model(self) -> Case:
        """The full case (redacted when this summary is), built on first use."""
        if self._model is None:
            case = self._record.case
            self._model = self._filter(case) if self._filter is not None else case
        return self._model

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.model(), name)

    def __repr__(self) -> str:
        return f"CaseSummary({self.id!r})"


class LatestDate:
    """The latest date of a file as the cache keeps it: its text and its earliest day."""

    __slots__ = ("ordinal", "text")

    def __init__(self, text: str, ordinal: int) -> None:
        self.text = text
        self.ordinal = ordinal

    def earliest(self) -> dt.date:
        return dt.date.fromordinal(self.ordinal)

    def __str__(self) -> str:
        return self.text


class CaseRecord:
    """A valid case and where its cross-referenced values stand in its file.

    `case` is the Pydantic model; a record from the cache holds `facts` and
    builds the model on first access from the parsed data the cache kept.
    """

    __slots__ = ("_build", "_case", "_row", "_summary", "facts", "latest", "path", "positions")

    def __init__(
        self,
        path: str,
        case: Case | None = None,
        positions: dict[str, Position] | None = None,
        latest: tuple[PartialDate | LatestDate, Position] | None = None,
        *,
        facts: Facts | None = None,
        build: Callable[[], Case] | None = None,
        row: tuple[Any, ...] | None = None,
    ) -> None:
        if case is None and build is None:
            raise ValueError("a CaseRecord needs a case or a way to build it")
        self.path = path
        self._case = case
        self._build = build
        self.positions = positions if positions is not None else {}
        self.latest = latest
        self.facts = facts if facts is not None else Facts.of(case)  # type: ignore[arg-type]
        self._row = row
        self._summary: CaseSummary | None = None

    @property
    def summary(self) -> CaseSummary:
        """The case's `CaseSummary`: from the cache's row, else from the model."""
        if self._summary is None:
            row = self._row if self._row is not None else summary_row(self.case)
            self._summary = CaseSummary(self, row)
        return self._summary

    @property
    def case(self) -> Case:
        if self._case is None:
            assert self._build is not None
            self._case = self._build()
            self._build = None
        return self._case

    def at(self, key: str) -> Position:
        return self.positions.get(key, (1, 1))

    @property
    def id(self) -> str:
        return self.facts.id

    def __repr__(self) -> str:
        return f"CaseRecord({self.path!r}, id={self.id!r})"


@dataclass
class FileResult:
    record: CaseRecord | None
    problems: list[Problem]


def model_for(path: Path) -> type[IndividualCase] | type[CollectiveCase]:
    """Collective files are named for collective ids; everything else is an MP."""
    from .models import CollectiveCase, IndividualCase, is_collective_id

    return CollectiveCase if is_collective_id(stem_id(path)) else IndividualCase


def check_file(path: Path, root: Path, ref: Reference) -> FileResult:
    """Everything one file can be checked for on its own."""
    from .loader import load_file

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
    from .models import CollectiveCase, IndividualCase, is_collective_id
    from .schemaerrors import validate_model

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
    from .loader import locate

    node = loaded.node
    facts = Facts.of(case)
    positions: dict[str, Position] = {"id": locate(node, ("id",)), "country": locate(node, ("country",))}
    for index, alias in enumerate(facts.aliases):
        positions[f"aliases.{alias}"] = locate(node, ("aliases", index))
    if facts.collective:
        for index, member in enumerate(facts.members):
            positions.setdefault(f"members.{member}", locate(node, ("members", index)))
        if facts.victims:
            positions["victims"] = locate(node, ("victims",))
    else:
        for index, group in enumerate(facts.collectives):
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
        facts=facts,
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
    if getattr(case, "death_date", None):
        yield case.death_date, ("death_date",)  # type: ignore[union-attr]


def _single_file_checks(path: Path, loaded: Loaded, case: Case, ref: Reference) -> list[Problem]:
    from .models import IndividualCase

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


class CaseBase:
    """Every readable case of a repository, indexed by id and legacy id.

    `reference` is read on first use when the base came from the cache, so a
    warm `ipu validate` never parses `data/` through Pydantic.
    """

    def __init__(
        self,
        root: Path,
        reference: Reference | Callable[[], Reference],
        records: dict[str, CaseRecord],
        aliases: dict[str, str],
        problems: list[Problem],
        files: int,
    ) -> None:
        self.root = root
        self._reference = reference
        self.records = records
        self.aliases = aliases
        self.problems = problems
        self.files = files

    @property
    def reference(self) -> Reference:
        if callable(self._reference):
            self._reference = self._reference()
        return self._reference

    @reference.setter
    def reference(self, value: Reference) -> None:
        self._reference = value

    def get(self, case_id: str) -> Case | None:
        record = self.records.get(case_id) or self.records.get(self.aliases.get(case_id, ""))
        return record.case if record else None

    def cases(self) -> list[Case]:
        # Building thousands of models from the cache: the cyclic garbage collector
        # would walk the growing heap again and again (2.5x slower) for no cycles.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return [record.case for record in self.records.values()]
        finally:
            if enabled:
                gc.enable()

    def summaries(self) -> list[CaseSummary]:
        """Every case as a `CaseSummary`: what list and stats read, no Pydantic models."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            return [record.summary for record in self.records.values()]
        finally:
            if enabled:
                gc.enable()

    def view(self, case_id: str) -> CaseSummary | None:
        """The summary of a case by id or legacy id (cheap: no model is built)."""
        record = self.records.get(case_id) or self.records.get(self.aliases.get(case_id, ""))
        return record.summary if record else None

    def members(self, collective: CollectiveCase | CaseSummary) -> list[Any]:
        """The member MPs of a group: models, or summaries when given a summary."""
        views = isinstance(collective, CaseSummary)
        out = []
        for member in collective.members:
            record = self.records.get(member) or self.records.get(self.aliases.get(member, ""))
            if record is not None and not record.facts.collective:
                out.append(record.summary if views else record.case)
        return out

    def groups_of(self, case: IndividualCase | CaseSummary) -> list[Any]:
        """The groups an MP is examined in: models, or summaries when given a summary."""
        views = isinstance(case, CaseSummary)
        out = []
        for group in case.collectives:
            record = self.records.get(group) or self.records.get(self.aliases.get(group, ""))
            if record is not None and record.facts.collective:
                out.append(record.summary if views else record.case)
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
    from .checks import cross_file_problems
    from .scan import scan

    result = scan(root, paths, reference, use_cache=cache)
    records: dict[str, CaseRecord] = {}
    duplicates: list[CaseRecord] = []
    for record in result.records:
        if record.id in records:
            duplicates.append(record)
        else:
            records[record.id] = record
    aliases, cross = cross_file_problems(records, duplicates, result.sessions)
    problems = result.problems + cross
    if result.complete:
        result.save_aliases(aliases, {i: r.path for i, r in records.items()})
    return CaseBase(root, result.reference, records, aliases, problems, result.files)
