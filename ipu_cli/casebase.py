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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .filechecks import single_file_checks
from .problems import ERROR, Problem
from .records import CaseRecord, CaseSummary, Facts, Position
from .repo import display_path, escapes_root, stem_id

if TYPE_CHECKING:
    from .loader import Loaded
    from .models import CollectiveCase, IndividualCase, PartialDate
    from .reference import Reference

    Case = IndividualCase | CollectiveCase


def __getattr__(name: str) -> Any:
    """`Case` (the union of both models) without importing Pydantic at module load."""
    if name == "Case":
        from .models import CollectiveCase, IndividualCase

        return IndividualCase | CollectiveCase
    raise AttributeError(name)


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
    if isinstance(loaded.data, dict):
        if model is IndividualCase and is_collective_id(str(loaded.data.get("id", ""))):
            model = CollectiveCase
        wrong = _wrong_kind(loaded, model)
        if wrong is not None:
            return FileResult(None, [*loaded.problems, wrong])
    case, problems = validate_model(loaded, model)
    problems = loaded.problems + problems
    if case is None:
        return FileResult(None, problems)
    assert isinstance(case, IndividualCase | CollectiveCase)
    problems.extend(single_file_checks(path, loaded, case, ref))
    return FileResult(_record(loaded, case), problems)


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
            return loaded.problem((key,), "wrong-kind", message, key=True)
    return None


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


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of objects are built.

    Building the models or summaries of a large base allocates many acyclic
    objects; the collector would walk the growing heap again and again (2.5x
    slower) and find no cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
        """Every case as its Pydantic model (built from the cache on first use)."""
        with _gc_paused():
            return [record.case for record in self.records.values()]

    def summaries(self) -> list[CaseSummary]:
        """Every case as a `CaseSummary`: what list and stats read, no Pydantic models."""
        with _gc_paused():
            return [record.summary for record in self.records.values()]

    def unread_problems(self) -> list[Problem]:
        """The errors of case files that could not be read: those cases are missing from the base.

        Cross-file errors (a member not linked back, a duplicate alias) leave every case in
        the base and are `ipu validate`'s business; a file that cannot be read drops a case
        silently, so every report and export must say so.
        """
        read = {record.path for record in self.records.values()}
        return [p for p in self.problems if p.level == ERROR and p.path not in read]

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
