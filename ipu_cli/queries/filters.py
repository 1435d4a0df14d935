"""Questions case officers ask the case base: `ipu list` and its filters.

Filters are parsed once (`parse_filters`, which turns a label into a code and
a date into a range, and refuses what it cannot understand with
`FilterError`), then applied in one pass over the visible cases (`select`).
Rows are flat dicts for `output.emit_rows` (`rows`).

Speed (docs/performance.md): `select` and `list_rows` work on
`casebase.CaseSummary` objects, which answer the model's attribute names for
what most filters read; only `--grep` and `--since/--until` (texts and every
dated fact) make a summary build its Pydantic model. The functions below accept
a model or a summary alike, so export and the other callers keep using models.

What an MP's row inherits from its groups: the case-level facts a collective
holds for its members (complaint, decisions, log, closure) count for the
`--since/--until` and `--status` filters, because they are the MP's case too;
`--grep` reads only the row's own texts, since a group summary names many
people and would match every member.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ipu_cli.domain.cases import CollectiveCase, IndividualCase
from ipu_cli.domain.choices import AFFILIATIONS, MANDATES, SEXES, STATES
from ipu_cli.domain.dated import dated_facts
from ipu_cli.domain.dates import PartialDate
from ipu_cli.domain.groups import is_group
from ipu_cli.domain.ids import id_key
from ipu_cli.domain.visibility import is_public, visible, visible_groups
from ipu_cli.domain.words import fold
from ipu_cli.errors import UsageError

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase
    from ipu_cli.store.refdata import Reference

Case = IndividualCase | CollectiveCase

KINDS = ("individual", "collective", "all")

COLUMNS = (
    "id",
    "kind",
    "name",
    "sex",
    "country",
    "region",
    "parliament",
    "mandate",
    "affiliation",
    "party",
    "collectives",
    "members",
    "size",
    "status",
    "closed",
    "deceased",
    "violations",
    "current_violations",
    "confidentiality",
)
"""Every column a row has, in this order."""

TABLE_COLUMNS = ("id", "name", "sex", "country", "mandate", "affiliation", "collectives", "status")
"""The default columns of table, CSV and Markdown output (JSON and YAML get all)."""


class FilterError(UsageError):
    """A filter value that names nothing known (a usage error: exit 2)."""


@dataclass
class Filters:
    """Parsed filters; every one that is set must hold (AND)."""

    kind: str = "individual"
    countries: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    violations: set[str] = field(default_factory=set)
    current_only: bool = False
    sex: str | None = None
    affiliation: str | None = None
    mandate: str | None = None
    status: str | None = None
    collective: str | None = None
    deceased: bool | None = None
    public: bool | None = None
    grep: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def person_filters(self) -> bool:
        """Whether a filter about the person (sex, violation...) is set."""
        return bool(
            self.violations
            or self.sex
            or self.affiliation
            or self.mandate
            or self.deceased is not None
            or self.collective
        )


def _choice(value: str | None, options: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    chosen = value.strip().lower()
    if chosen not in options:
        raise FilterError(f"{option}: unknown value '{value}'; choose from {', '.join(options)}")
    return chosen


def _date(value: str | None, option: str, *, end: bool) -> dt.date | None:
    if value is None:
        return None
    try:
        date = PartialDate.parse(value)
    except ValueError:
        raise FilterError(
            f"{option}: invalid date '{value}' (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from None
    return date.latest() if end else date.earliest()


def resolve_violation(value: str, ref: Reference) -> str:
    """A violation code from a code or an exact label (any case, English or French)."""
    wanted = value.strip()
    if wanted in ref.violations:
        return wanted
    lowered = fold(wanted)
    for code, category in ref.violations.items():
        if lowered in (code, fold(category.label), fold(category.label_fr or "")):
            return code
    from ipu_cli.domain.suggest import did_you_mean

    options = list(ref.violations) + [c.label for c in ref.violations.values()]
    raise FilterError(
        f"--violation: unknown violation '{value}'"
        + did_you_mean(wanted, options, cutoff=0.5)
        + " (codes and labels are in data/violations.yaml)"
    )


def resolve_country(value: str, ref: Reference) -> str:
    """An ISO alpha-3 code from a code or a country name (current or former)."""
    wanted = value.strip()
    if wanted.upper() in ref.countries:
        return wanted.upper()
    lowered = fold(wanted)
    for code, country in ref.countries.items():
        if lowered == fold(country.name) or lowered in (fold(n) for n in country.former_names):
            return code
    raise FilterError(f"--country: unknown country '{value}' (use an ISO code such as KHM or a name)")


def resolve_region(value: str, ref: Reference) -> str:
    """A --region value as spelt in data/countries.yaml (case and accents ignored)."""
    lowered = fold(value.strip())
    for region in ref.regions:
        if fold(region) == lowered:
            return region
    raise FilterError(f"--region: unknown region '{value}'; choose from {', '.join(ref.regions)}")


def parse_filters(
    ref: Reference,
    base: CaseBase,
    *,
    kind: str = "individual",
    countries: Iterable[str] = (),
    regions: Iterable[str] = (),
    violations: Iterable[str] = (),
    current_only: bool = False,
    sex: str | None = None,
    affiliation: str | None = None,
    mandate: str | None = None,
    status: str | None = None,
    collective: str | None = None,
    deceased: bool | None = None,
    public: bool | None = None,
    grep: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Filters:
    """Check and normalise the filters a user typed; raise FilterError on nonsense."""
    filters = Filters(
        kind=_choice(kind, KINDS, "--kind") or "individual",
        countries={resolve_country(c, ref) for c in countries},
        regions={resolve_region(r, ref) for r in regions},
        violations={resolve_violation(v, ref) for v in violations},
        current_only=current_only,
        sex=_choice(sex, SEXES, "--sex"),
        affiliation=_choice(affiliation, AFFILIATIONS, "--affiliation"),
        mandate=_choice(mandate, MANDATES, "--mandate"),
        status=_choice(status, STATES, "--status"),
        deceased=deceased,
        public=public,
        grep=fold(grep) if grep else None,
        since=_date(since, "--since", end=False),
        until=_date(until, "--until", end=True),
    )
    if current_only and not filters.violations:
        raise FilterError("--current-only needs --violation")
    if filters.since and filters.until and filters.since > filters.until:
        raise FilterError(f"--since ({since}) is after --until ({until})")
    if collective is not None:
        from ipu_cli.queries.lookup import find_case

        found = find_case(base, collective)
        if not isinstance(found, CollectiveCase):
            raise FilterError(f"--collective: {found.id} is not a group case")
        filters.collective = found.id
    return filters


# --- what a case is, for the filters -----------------------------------------------


def individual(case: Case) -> bool:
    """Whether a case (model or `CaseSummary`) is one MP rather than a group."""
    return not is_group(case)


def groups(case: IndividualCase, base: CaseBase) -> list[CollectiveCase]:
    """The group cases an MP is examined in (their status decides whether the MP is closed)."""
    return base.groups_of(case)


def state(case: Case, base: CaseBase) -> tuple[str, PartialDate | None]:
    """Active or closed, with the closure date.

    An MP is closed when its own file says so, or when every group it is
    examined in has been closed (then at the latest group closure).
    """
    if case.status.state == "closed":
        return "closed", case.status.date
    if individual(case) and case.collectives:  # type: ignore[union-attr]
        found = groups(case, base)  # type: ignore[arg-type]
        if found and all(g.status.state == "closed" for g in found):
            dates = [g.status.date for g in found if g.status.date]
            return "closed", max(dates) if dates else None
    return "active", None


def own_dates(case: Case) -> Iterator[PartialDate]:
    """Every dated fact a file holds itself."""
    for date, _ in dated_facts(case):
        yield date


def case_dates(case: Case, base: CaseBase, include_confidential: bool = False) -> Iterator[PartialDate]:
    """An MP's dated facts, with those of the groups that hold its case (as public output may see them)."""
    yield from own_dates(case)
    if individual(case):
        for group in visible_groups(case, base, include_confidential):
            yield from own_dates(group)


def in_range(date: PartialDate, since: dt.date | None, until: dt.date | None) -> bool:
    """A partial date is in range when any day it can stand for is."""
    if since is not None and date.latest() < since:
        return False
    return not (until is not None and date.earliest() > until)


def texts(case: Case) -> Iterator[str]:
    """What --grep reads: names (and other names), ids, aliases, title, party, summaries, event texts."""
    yield case.id
    yield from case.aliases
    if individual(case):
        yield case.name  # type: ignore[union-attr]
        yield from case.also_known_as  # type: ignore[union-attr]
        if case.party:  # type: ignore[union-attr]
            yield case.party  # type: ignore[union-attr]
    elif case.title:
        yield case.title
    if case.summary:
        yield case.summary
    for decision in case.decisions:
        if decision.summary:
            yield decision.summary
    for event in case.events:
        yield event.text


def _violation_codes(case: IndividualCase, current_only: bool) -> set[str]:
    return {v.code for v in case.violations if not current_only or v.scope == "current"}


def _person_matches(case: IndividualCase, f: Filters) -> bool:
    if f.sex and case.sex != f.sex:
        return False
    if f.affiliation and case.affiliation != f.affiliation:
        return False
    if f.mandate and case.mandate != f.mandate:
        return False
    if f.deceased is not None and case.deceased != f.deceased:
        return False
    if f.collective and f.collective not in case.collectives:
        return False
    return not (f.violations and not f.violations <= _violation_codes(case, f.current_only))


def matches(
    case: Case,
    f: Filters,
    base: CaseBase,
    members: list[IndividualCase] | None = None,
    include_confidential: bool = False,
) -> bool:
    """Whether one case passes every filter.

    A collective passes a person filter (sex, violation...) when one of its
    visible `members` does, and `--collective ID` when it is that group. A group's
    dates count for its members as public output may see them (`case_dates`).
    """
    if f.countries and case.country not in f.countries:
        return False
    if f.regions:
        country = base.reference.countries.get(case.country)
        if country is None or country.region not in f.regions:
            return False
    if f.public is not None and is_public(case, base) != f.public:
        return False
    if f.status and state(case, base)[0] != f.status:
        return False
    if individual(case):
        if not _person_matches(case, f):  # type: ignore[arg-type]
            return False
    else:
        if f.collective and case.id != f.collective:
            return False
        person = Filters(**{**f.__dict__, "collective": None})
        if person.person_filters() and not any(_person_matches(m, person) for m in members or []):
            return False
    if f.grep and not any(f.grep in fold(text) for text in texts(case)):
        return False
    return not (
        (f.since or f.until)
        and not any(in_range(d, f.since, f.until) for d in case_dates(case, base, include_confidential))
    )


def select(base: CaseBase, f: Filters, include_confidential: bool = False) -> list[Case]:
    """The visible cases that pass the filters, in id order (as `CaseSummary` objects)."""
    return _select(visible(base.summaries(), base, include_confidential), base, f, include_confidential)


def _select(shown: list[Case], base: CaseBase, f: Filters, include_confidential: bool = False) -> list[Case]:
    ids = {case.id for case in shown}
    out = []
    for case in shown:
        mp = individual(case)
        if (f.kind == "individual" and not mp) or (f.kind == "collective" and mp):
            continue
        members = None
        if not mp:
            members = [m for m in base.members(case) if m.id in ids]  # type: ignore[arg-type]
        if matches(case, f, base, members, include_confidential):
            out.append(case)
    out.sort(key=lambda c: id_key(c.id))
    return out


# --- rows -----------------------------------------------------------------------------


def row(case: Case, base: CaseBase, member_ids: set[str] | None = None) -> dict[str, Any]:
    """One flat row; `member_ids` limits a group's members to the visible ones, and a group's
    `members` and `size` are its current members (`domain/membership.current`)."""
    ref = base.reference
    country = ref.countries.get(case.country)
    status, closed = state(case, base)
    out: dict[str, Any] = {
        "id": case.id,
        "kind": "individual" if individual(case) else "collective",
        "country": case.country,
        "region": country.region if country else None,
        "parliament": case.parliament,
        "status": status,
        "closed": str(closed) if closed else None,
        "confidentiality": case.confidentiality,
    }
    if individual(case):
        out.update(
            name=case.name,
            sex=case.sex,
            mandate=case.mandate,
            affiliation=case.affiliation,
            party=case.party,
            collectives=list(case.collectives),
            members=None,
            size=None,
            deceased=case.deceased,
            violations=[v.code for v in case.violations],
            current_violations=[v.code for v in case.violations if v.scope == "current"],
        )
    else:
        from ipu_cli.domain.membership import current

        listed = {mp.id for mp in current(case, base.members(case))}
        members = [m for m in case.members if (member_ids is None or m in member_ids) and m in listed]
        out.update(
            name=case.title,
            sex=None,
            mandate=None,
            affiliation=None,
            party=None,
            collectives=[],
            members=members,
            size=len(members),
            deceased=None,
            violations=None,
            current_violations=None,
        )
    return {column: out.get(column) for column in COLUMNS}


def list_rows(base: CaseBase, f: Filters, include_confidential: bool = False) -> list[dict[str, Any]]:
    """`ipu list`: rows of the visible cases passing `f`; groups list only visible members."""
    shown = visible(base.summaries(), base, include_confidential)
    ids = {case.id for case in shown}
    return [row(case, base, ids) for case in _select(shown, base, f, include_confidential)]


def parse_columns(text: str | None) -> list[str] | None:
    """`--columns a,b`: the columns asked for, or None for the default set.

    Checked before the base is read, so a typo costs nothing; FilterError names the
    unknown column and the ones there are.
    """
    if not text:
        return None
    chosen = [c.strip() for c in text.split(",") if c.strip()]
    if not chosen:
        raise FilterError(f"--columns: no column given; choose from {', '.join(COLUMNS)}")
    unknown = [c for c in chosen if c not in COLUMNS]
    if unknown:
        raise FilterError(
            f"--columns: unknown column '{', '.join(unknown)}'; choose from {', '.join(COLUMNS)}"
        )
    twice = sorted({c for c in chosen if chosen.count(c) > 1}, key=chosen.index)
    if twice:  # a table, CSV or JSON object with the same column twice reads as a mistake
        raise FilterError(f"--columns: '{', '.join(twice)}' given twice; name each column once")
    return chosen


def default_columns(fmt: str, kind: str) -> list[str]:
    """The columns shown when none are asked for.

    Text formats (table, CSV, Markdown) get a short set that fits a terminal, with the
    kind and size of group cases when groups are listed; data formats get every column.
    """
    if fmt not in ("table", "csv", "markdown"):
        return list(COLUMNS)
    chosen = list(TABLE_COLUMNS)
    if kind != "individual":
        chosen.insert(1, "kind")
        chosen.append("size")
    return chosen


def sort_rows(found: list[dict[str, Any]], spec: str) -> list[dict[str, Any]]:
    """Sort by a column ('-name' for descending); ids sort naturally, blanks last."""
    descending = spec.startswith("-")
    column = spec.lstrip("-+")
    if column not in COLUMNS:
        raise FilterError(f"--sort: unknown column '{column}'; choose from {', '.join(COLUMNS)}")

    def key(item: dict[str, Any]) -> tuple[Any, ...]:
        value = item.get(column)
        if value is None or value == []:
            return (1, "")
        if column == "id":
            return (0, id_key(value))
        if isinstance(value, list):
            value = len(value) if column != "collectives" else ", ".join(value)
        if isinstance(value, bool | int):
            return (0, int(value))
        return (0, fold(str(value)))

    ordered = sorted(found, key=lambda r: id_key(r["id"]))
    present = [r for r in ordered if key(r)[0] == 0]
    blank = [r for r in ordered if key(r)[0] == 1]
    present.sort(key=key, reverse=descending)
    return present + blank
