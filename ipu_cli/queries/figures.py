"""The yearly figures the IPU publishes, computed from the case base.

"Violations of the human rights of MPs – YYYY" counts persons, not files:
MP files that share an id or a legacy id (matched by `domain.ids.resolve_id`) are one
person. A person is *under examination* in a period when their case had
started (complaint submitted, their own or their group's; or, when its
examination is recorded, found admissible) by the period's end and was not
closed before it began; *new* when it started within the period; *ongoing*
otherwise; *closed* when the case (or every group holding it) was closed
within the period. A case with no known complaint date
counts as ongoing. A complaint not found admissible is not a case: its MPs are
not under examination.

Complaints are counted apart, one per file holding a complaint: received,
found admissible, found inadmissible and withdrawn in the period, and still
pending at its end (`domain/complaints`).

Only the cases `confidentiality.visible` lets through are counted, so public
figures never rest on confidential files; the complaint totals, which name no
case and are never broken down, count the files marked public whatever the
complaint's status (`visibility.countable`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ipu_cli.domain import complaints
from ipu_cli.domain.cases import IndividualCase
from ipu_cli.domain.complaints import admitted
from ipu_cli.domain.dates import PartialDate
from ipu_cli.domain.ids import id_key, resolver
from ipu_cli.domain.membership import joined_day
from ipu_cli.domain.visibility import countable, visible
from ipu_cli.domain.words import counted
from ipu_cli.errors import UsageError
from ipu_cli.queries.filters import AFFILIATIONS, SEXES, individual, state

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase

BREAKDOWNS = ("region", "country", "sex", "affiliation", "violation", "status")
COMPLAINT_FIGURES = ("received", "admissible", "inadmissible", "withdrawn", "pending")


@dataclass(frozen=True)
class Period:
    """The days the figures cover: a calendar year, or 1 January to an as-of date."""

    start: dt.date
    end: dt.date

    @property
    def year(self) -> int:
        return self.end.year

    def covers(self, date: PartialDate | None) -> bool:
        return date is not None and date.latest() >= self.start and date.earliest() <= self.end


class PeriodError(UsageError):
    """A --year or --as-of that names no period the figures can cover (a usage error: exit 2)."""


def period_end(year: int | None, as_of: str | None) -> dt.date | None:
    """Check `--year`/`--as-of` on their own (before the base is read); the parsed --as-of date."""
    if year is not None and as_of is not None:
        raise PeriodError("give --year or --as-of, not both")
    if year is not None and not 1000 <= year <= 9999:
        raise PeriodError(f"--year: invalid year {year}")
    if as_of is None:
        return None
    try:
        return dt.date.fromisoformat(as_of)
    except ValueError:
        raise PeriodError(f"--as-of: invalid date '{as_of}' (expected YYYY-MM-DD)") from None


def period_for(year: int | None, as_of: dt.date | None, today: dt.date) -> Period:
    """`--year YYYY` is the whole year; `--as-of DATE` (default today) its year to date.

    Figures for a period not yet over would be published as final, so a year or date
    after `today` raises PeriodError.
    """
    if year is not None and year > today.year:
        raise PeriodError(f"--year {year} is in the future (today is {today.isoformat()})")
    if as_of is not None and as_of > today:
        raise PeriodError(f"--as-of {as_of.isoformat()} is in the future (today is {today.isoformat()})")
    if year is not None:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    end = as_of or today
    return Period(dt.date(end.year, 1, 1), end)


@dataclass
class Person:
    """One MP, possibly held in several files."""

    files: list[IndividualCase]
    start: PartialDate | None = None
    closed: PartialDate | None = None
    is_closed: bool = False

    @property
    def main(self) -> IndividualCase:
        return self.files[0]


@dataclass
class Stats:
    """The figures for one period; breakdowns are ordered {key: count} mappings."""

    period: Period
    mps: int = 0
    files: int = 0
    countries: int = 0
    new: int = 0
    ongoing: int = 0
    closed: int = 0
    complaints: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COMPLAINT_FIGURES, 0))
    breakdowns: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self, notice: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"notice": notice} if notice else {}
        out.update(
            title=title(self.period),
            period={"from": self.period.start.isoformat(), "to": self.period.end.isoformat()},
            mps=self.mps,
            files=self.files,
            countries=self.countries,
            new=self.new,
            ongoing=self.ongoing,
            closed=self.closed,
            complaints=dict(self.complaints),
        )
        for name, counts in self.breakdowns.items():
            out[f"by_{name}"] = counts
        return out


def title(period: Period) -> str:
    return f"Violations of the human rights of MPs – {period.year}"


def persons(mps: list[IndividualCase], base: CaseBase) -> list[Person]:
    """Group MP files into persons: files sharing an id or a legacy id are one person."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    resolve = resolver(case.id for case in mps)
    for case in mps:
        for alias in case.aliases:
            a, b = find(case.id), find(resolve(alias) or alias)
            if a != b:
                parent[b] = a
    grouped: dict[str, list[IndividualCase]] = {}
    for case in sorted(mps, key=lambda c: id_key(c.id)):
        grouped.setdefault(find(case.id), []).append(case)
    out = []
    for files in grouped.values():
        person = Person(files)
        starts = [s for s in (_start(f, base) for f in files) if s is not None]
        person.start = min(starts) if starts else None
        closures = [state(f, base) for f in files]
        person.is_closed = all(s == "closed" for s, _ in closures)
        if person.is_closed:
            dates = [d for _, d in closures if d is not None]
            person.closed = max(dates) if dates else None
        out.append(person)
    return out


def _start(case: IndividualCase, base: CaseBase) -> PartialDate | None:
    """When the MP's case began: their own complaint's, else their groups' earliest
    (`complaints.taken_up`: found admissible, or submitted when no examination is recorded),
    or, for an MP who joined a group later, the first day of the session they joined at
    (`domain/membership`)."""
    if case.complaint:
        return complaints.taken_up(case.complaint)
    dates = []
    for group in base.groups_of(case):
        taken = complaints.taken_up(group.complaint) if group.complaint else None
        if taken is None:
            continue
        joined = joined_day(group, case.id, base.reference.sessions, strict=False)
        if joined is not None and joined > taken.earliest():
            taken = PartialDate(joined.year, joined.month, joined.day)
        dates.append(taken)
    return min(dates) if dates else None


def examined(person: Person, period: Period) -> bool:
    if person.start is not None and person.start.earliest() > period.end:
        return False
    if person.is_closed:
        return person.closed is not None and person.closed.latest() >= period.start
    return True


def compute(
    base: CaseBase,
    period: Period,
    include_confidential: bool = False,
    by: str | None = None,
) -> Stats:
    """Every figure for `period` (or, with `by`, the totals and that one breakdown)."""
    ref = base.reference
    # Summaries, not models (docs/performance.md): every field read here is in them.
    mps = [
        c
        for c in visible(base.summaries(), base, include_confidential)
        if individual(c) and admitted(c, base)
    ]
    people = [p for p in persons(mps, base) if examined(p, period)]
    stats = Stats(period, mps=len(people), files=sum(len(p.files) for p in people))
    stats.countries = len({p.main.country for p in people})
    for person in people:
        if person.is_closed and period.covers(person.closed):
            stats.closed += 1
        if period.covers(person.start):
            stats.new += 1
        else:
            stats.ongoing += 1

    stats.complaints = complaint_figures(countable(base.summaries(), base, include_confidential), period)

    def wanted(name: str) -> bool:
        return by is None or by == name

    if wanted("region"):
        regions = Counter(
            ref.countries[p.main.country].region if p.main.country in ref.countries else "Unknown"
            for p in people
        )
        stats.breakdowns["region"] = _ordered(regions, ref.regions)
    if wanted("country"):
        stats.breakdowns["country"] = _ordered(Counter(ref.country_name(p.main.country) for p in people))
    if wanted("sex"):
        stats.breakdowns["sex"] = _ordered(Counter(p.main.sex for p in people), SEXES)
    if wanted("affiliation"):
        # "unknown" is listed only when some MP's affiliation is recorded as unknown
        known = tuple(a for a in AFFILIATIONS if a != "unknown")
        stats.breakdowns["affiliation"] = _ordered(Counter(p.main.affiliation for p in people), known)
    if wanted("violation"):
        groups: Counter[str] = Counter()
        categories: Counter[str] = Counter()
        for person in people:
            codes = {v.code for f in person.files for v in f.violations}
            categories.update(ref.violation_label(code) for code in codes)
            groups.update(
                {
                    (ref.violations[c].group or ref.violations[c].label) if c in ref.violations else c
                    for c in codes
                }
            )
        order = [c.label for c in ref.violations.values()]
        group_order = list(dict.fromkeys(c.group or c.label for c in ref.violations.values()))
        stats.breakdowns["violation_group"] = _by_count(groups, group_order)
        stats.breakdowns["violation"] = _by_count(categories, order)
    if wanted("status"):
        statuses = Counter(
            "closed"
            if p.is_closed and p.closed is not None and p.closed.earliest() <= period.end
            else "active"
            for p in people
        )
        stats.breakdowns["status"] = _ordered(statuses, ("active", "closed"))
    return stats


def complaint_figures(cases: list[Any], period: Period) -> dict[str, int]:
    """Complaints received, found admissible, inadmissible, withdrawn in the period; pending at its end."""
    out = dict.fromkeys(COMPLAINT_FIGURES, 0)
    for case in cases:
        complaint = case.complaint
        if complaint is None:
            continue
        if period.covers(complaints.received_on(complaint)):
            out["received"] += 1
        for status in complaints.DECIDED:
            if period.covers(complaints.step_date(complaint, status)):
                out[status] += 1
        if complaints.status_on(complaint, period.end) in complaints.OPEN:
            out["pending"] += 1
    return out


def _ordered(counts: Counter[str], fixed: tuple[str, ...] | list[str] = ()) -> dict[str, int]:
    """Fixed keys first (zeros kept, as the IPU prints every region), then the rest by count."""
    out = {key: counts.get(key, 0) for key in fixed}
    for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.setdefault(key, count)
    return out


def _by_count(counts: Counter[str], order: list[str]) -> dict[str, int]:
    """Most frequent first; ties in vocabulary order."""
    rank = {key: index for index, key in enumerate(order)}
    items = sorted(counts.items(), key=lambda kv: (-kv[1], rank.get(kv[0], len(rank)), kv[0]))
    return dict(items)


LABELS = {
    "region": "By region",
    "country": "By country",
    "sex": "By sex",
    "affiliation": "By political affiliation",
    "violation_group": "Most frequent violations",
    "violation": "Violations by category",
    "status": "By status",
}


def bar(count: int, most: int, width: int = 30) -> str:
    """A text bar of up to `width` blocks, at least one for a non-zero count."""
    if count <= 0 or most <= 0:
        return ""
    return "█" * max(1, round(width * count / most))


def breakdown_rows(stats: Stats, name: str, with_bars: bool = True) -> list[dict[str, Any]]:
    """Rows for one breakdown: key, MPs, share of all MPs counted, a bar."""
    counts = stats.breakdowns[name]
    most = max(counts.values(), default=0)
    rows = []
    for key, count in counts.items():
        row: dict[str, Any] = {
            name.replace("_", " "): key,
            "MPs": count,
            "share": f"{100 * count / stats.mps:.1f}%" if stats.mps else "",
        }
        if with_bars:
            row[""] = bar(count, most)
        rows.append(row)
    return rows


def flat_rows(stats: Stats) -> list[dict[str, Any]]:
    """Every figure as (figure, key, value) rows, for CSV."""
    rows: list[dict[str, Any]] = [
        {"figure": "total", "key": key, "value": getattr(stats, key)}
        for key in ("mps", "files", "countries", "new", "ongoing", "closed")
    ]
    rows.extend({"figure": "complaints", "key": key, "value": n} for key, n in stats.complaints.items())
    for name, counts in stats.breakdowns.items():
        rows.extend({"figure": name, "key": key, "value": count} for key, count in counts.items())
    return rows


def summary_lines(stats: Stats) -> list[str]:
    """The headline figures as sentences, for the terminal."""
    p = stats.period
    countries = counted(stats.countries, "country", "countries")
    return [
        f"{title(p)} ({p.start.isoformat()} to {p.end.isoformat()})",
        f"MPs under examination: {stats.mps} in {countries} ({counted(stats.files, 'case file')})",
        f"New cases: {stats.new} · ongoing: {stats.ongoing} · closed in the period: {stats.closed}",
        "Complaints: {received} received · {admissible} found admissible · {inadmissible} inadmissible · "
        "{withdrawn} withdrawn · {pending} pending at the end of the period".format(**stats.complaints),
    ]
