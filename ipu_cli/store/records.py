"""What ipu keeps of one valid case file: a record, its facts, its summary.

A `CaseRecord` holds the few source positions the cross-file checks report
at and the `Facts` they read; its Pydantic model is built on first use (from
the cache, see docs/performance.md). A `CaseSummary` answers the fields that
`ipu list` and `ipu stats` read under the model's own names, without building
the model. Everything here is plain values the cache can keep.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ipu_cli.domain.groups import is_group
from ipu_cli.domain.membership import Entry

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.domain.dates import PartialDate
    from ipu_cli.store.yamlload import Loaded

    Case = IndividualCase | CollectiveCase

Position = tuple[int, int]


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
    membership: tuple[tuple[str, str | None, str | None, str | None, str | None], ...] = ()
    """A group's `membership` entries: (member, joined, left, reason, moved_to)."""
    joint: tuple[tuple[str, str], ...] = ()
    """(session, case id) for each case a decision (or the draft: session "draft") is joint with."""
    decided: tuple[str, ...] = ()
    """The sessions of the case's decisions."""

    @classmethod
    def of(cls, case: Case) -> Facts:
        joint = [(d.session or "", other) for d in case.decisions for other in d.joint_with]
        if case.draft is not None:
            joint.extend(("draft", other) for other in case.draft.joint_with)
        return cls(
            case.id,
            is_group(case),
            case.country,
            getattr(case, "sex", None),
            tuple(case.aliases),
            tuple(getattr(case, "collectives", ())),
            tuple(getattr(case, "members", ())),
            case.victims,
            tuple(
                (e.member, e.joined, e.left, e.reason, e.moved_to) for e in getattr(case, "membership", ())
            ),
            tuple(joint),
            tuple(d.session for d in case.decisions if d.session),
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
            self.membership,
            self.joint,
            self.decided,
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
    from ipu_cli.domain.dates import PartialDate

    return PartialDate(*value)


class _StatusView(NamedTuple):
    state: str
    date: PartialDate | None


class _StepView(NamedTuple):
    status: str
    date: PartialDate


class _ComplaintView(NamedTuple):
    """What list and stats read of a complaint: its dates and its examination."""

    submitted: PartialDate
    status: str
    steps: tuple[_StepView, ...]


ROW_LENGTH = 12
"""How many values `summary_row` gives: the cache's shape check reads it (change both together)."""


def summary_row(case: Case) -> tuple[Any, ...]:
    """What `CaseSummary` holds beyond `Facts`, as plain values the cache can keep."""
    individual = not is_group(case)
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
        tuple((s.status, _date_tuple(s.date)) for s in case.complaint.steps) if case.complaint else (),
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
        "membership",
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
        self.membership = [Entry(*entry) for entry in facts.membership]
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
            _steps,
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
            if date is None:
                self._complaint = None
            else:
                from ipu_cli.domain.complaints import current

                steps = tuple(_StepView(status, _partial(day)) for status, day in self._row[11])
                self._complaint = _ComplaintView(date, current(steps), steps)
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

    @property
    def confidentiality(self) -> str:
        """The case's confidentiality, from the cached summary row when there is one (no model built)."""
        return self._row[1] if self._row is not None else self.case.confidentiality  # summary_row's order

    @property
    def state(self) -> str:
        """The case's status (`active`, `closed`), from the cached summary row when there is one."""
        return self._row[8] if self._row is not None else self.case.status.state  # summary_row's order

    def at(self, key: str) -> Position:
        return self.positions.get(key, (1, 1))

    @property
    def id(self) -> str:
        return self.facts.id

    def __repr__(self) -> str:
        return f"CaseRecord({self.path!r}, id={self.id!r})"


def record_of(loaded: Loaded, case: Case) -> CaseRecord:
    """The record of a valid case: its facts and the source positions the cross-file checks report at."""
    from ipu_cli.domain.dated import dated_facts
    from ipu_cli.store.yamlload import locate

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
        for index, entry in enumerate(getattr(case, "membership", ())):
            positions.setdefault(f"membership.{entry.member}", locate(node, ("membership", index, "member")))
            if entry.moved_to:
                key = f"membership.{entry.member}.moved_to"
                positions.setdefault(key, locate(node, ("membership", index, "moved_to")))
    else:
        for index, group in enumerate(facts.collectives):
            positions.setdefault(f"collectives.{group}", locate(node, ("collectives", index)))
    for index, decision in enumerate(case.decisions):
        for position, other in enumerate(decision.joint_with):
            key = f"joint.{decision.session or ''}.{other}"
            positions.setdefault(key, locate(node, ("decisions", index, "joint_with", position)))
    if case.draft is not None:
        for position, other in enumerate(case.draft.joint_with):
            positions.setdefault(f"joint.draft.{other}", locate(node, ("draft", "joint_with", position)))
    latest = None
    for date, loc in dated_facts(case):
        if latest is None or date.earliest() > latest[0].earliest():
            latest = (date, loc)
    return CaseRecord(
        loaded.path,
        case,
        positions,
        (latest[0], locate(node, latest[1])) if latest else None,
        facts=facts,
    )
