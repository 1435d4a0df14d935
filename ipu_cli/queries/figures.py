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
    previous: Stats | None = None
    """The same figures for the year before (`ipu stats --year`): the change and the trends."""
    sex_violation: dict[str, dict[str, int]] = field(default_factory=dict)
    """Persons per violation group and sex: {"Arbitrary detention": {"female": 3, "male": 5}}."""
    confidential: dict[str, int] | None = None
    """Bare totals of the confidential cases, published apart (`--with-confidential-counts`)."""

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
        if self.previous is not None:
            previous = self.previous
            out["previous_year"] = {
                "year": previous.period.year,
                "mps": previous.mps,
                "countries": previous.countries,
                **({"by_region": previous.breakdowns["region"]} if "region" in previous.breakdowns else {}),
            }
            out["change"] = {"mps": self.mps - previous.mps, "countries": self.countries - previous.countries}
            if "region" in self.breakdowns:
                out["change"]["by_region"] = region_change(self)
            out["shares"] = {key: share.as_dict() for key, share in shares(self).items()}
        if self.sex_violation:
            out["by_sex_and_violation"] = {
                group: {
                    "female": counts["female"],
                    "female_share": percent(counts["female"], self.breakdowns["sex"].get("female", 0)),
                    "male": counts["male"],
                    "male_share": percent(counts["male"], self.breakdowns["sex"].get("male", 0)),
                }
                for group, counts in self.sex_violation.items()
            }
        if self.confidential is not None:
            out["confidential"] = dict(self.confidential)
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
    with_sexes: bool = False,
) -> Stats:
    """Every figure for `period` (or, with `by`, the totals and that one breakdown);
    `with_sexes` adds the persons per violation group and sex (with the sex breakdown)."""
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
    group_order = list(dict.fromkeys(c.group or c.label for c in ref.violations.values()))
    if wanted("violation"):
        groups: Counter[str] = Counter()
        categories: Counter[str] = Counter()
        for person in people:
            categories.update(ref.violation_label(code) for code in _codes(person))
            groups.update(_groups(person, ref))
        order = [c.label for c in ref.violations.values()]
        stats.breakdowns["violation_group"] = _by_count(groups, group_order)
        stats.breakdowns["violation"] = _by_count(categories, order)
    if with_sexes and (by is None or by in ("sex", "violation")):
        stats.breakdowns.setdefault("sex", _ordered(Counter(p.main.sex for p in people), SEXES))
        by_sex: dict[str, Counter[str]] = {}
        for person in people:
            for group in _groups(person, ref):
                by_sex.setdefault(group, Counter())[person.main.sex] += 1
        totals = Counter({g: sum(c.values()) for g, c in by_sex.items()})
        stats.sex_violation = {
            g: {"female": by_sex[g]["female"], "male": by_sex[g]["male"]}
            for g in _by_count(totals, group_order)
        }
    if wanted("status"):
        statuses = Counter(
            "closed"
            if p.is_closed and p.closed is not None and p.closed.earliest() <= period.end
            else "active"
            for p in people
        )
        stats.breakdowns["status"] = _ordered(statuses, ("active", "closed"))
    return stats


def published(
    base: CaseBase,
    year: int,
    include_confidential: bool = False,
    by: str | None = None,
    with_confidential_counts: bool = False,
) -> Stats:
    """The figures of `year` as the IPU publishes them (`ipu stats --year`): with the year
    before (the change, total and by region, and the trend of the shares of women and of
    opposition MPs) and, for each violation group, how many of the women and of the men faced
    it. `with_confidential_counts` adds bare totals of the confidential cases (numbers only)."""
    period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    stats = compute(base, period, include_confidential, by, with_sexes=True)
    before = Period(dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31))
    stats.previous = compute(base, before, include_confidential, by, with_sexes=True)
    if with_confidential_counts:
        stats.confidential = confidential_counts(base, period, stats)
    return stats


def confidential_counts(base: CaseBase, period: Period, public: Stats) -> dict[str, int]:
    """The MPs (persons) and case files counted only because of confidential cases: the internal
    figures less the public ones. Numbers only: no case, country or breakdown is named."""
    everything = compute(base, period, include_confidential=True, by="status")
    return {"mps": everything.mps - public.mps, "files": everything.files - public.files}


@dataclass
class Share:
    """A share of the MPs under examination (women, opposition) this year and the year before."""

    count: int
    percent: float | None
    previous: float | None

    @property
    def points(self) -> float | None:
        """The change in percentage points on the year before (None when either is unknown)."""
        if self.percent is None or self.previous is None:
            return None
        return round(self.percent - self.previous, 1)

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "share": self.percent, "previous": self.previous, "points": self.points}


SHARES = {"women": ("sex", "female"), "opposition": ("affiliation", "opposition")}
"""The shares the IPU publishes with their trend: (breakdown, key)."""


def shares(stats: Stats) -> dict[str, Share]:
    """The share of women and of opposition MPs, with the year before, where the breakdown is computed."""
    out = {}
    for name, (breakdown, key) in SHARES.items():
        if breakdown not in stats.breakdowns:
            continue
        count = stats.breakdowns[breakdown].get(key, 0)
        previous = stats.previous
        before = (
            percent(previous.breakdowns[breakdown].get(key, 0), previous.mps)
            if previous is not None and breakdown in previous.breakdowns
            else None
        )
        out[name] = Share(count, percent(count, stats.mps), before)
    return out


def percent(count: int, total: int) -> float | None:
    """`count` as a percentage of `total`, to one decimal (None when the total is zero)."""
    return round(100 * count / total, 1) if total else None


def region_change(stats: Stats) -> dict[str, int]:
    """By region: this year's MPs less the year before's."""
    before = stats.previous.breakdowns.get("region", {}) if stats.previous is not None else {}
    regions = dict.fromkeys([*stats.breakdowns["region"], *before])
    return {r: stats.breakdowns["region"].get(r, 0) - before.get(r, 0) for r in regions}


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


def _codes(person: Person) -> set[str]:
    """The violation codes a person's files hold (a person counts once per category)."""
    return {v.code for f in person.files for v in f.violations}


def _groups(person: Person, ref: Any) -> set[str]:
    """The published violation groups a person faced (each once)."""
    return {_group_of(code, ref) for code in _codes(person)}


def _group_of(code: str, ref: Any) -> str:
    """The coarse bucket a violation is published under (data/violations.yaml `group`, else its label)."""
    category = ref.violations.get(code)
    return (category.group or category.label) if category is not None else code


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
    "sex_violation": "Violations by sex",
}


def bar(count: int, most: int, width: int = 30) -> str:
    """A text bar of up to `width` blocks, at least one for a non-zero count."""
    if count <= 0 or most <= 0:
        return ""
    return "█" * max(1, round(width * count / most))


def breakdown_rows(stats: Stats, name: str, with_bars: bool = True) -> list[dict[str, Any]]:
    """Rows for one breakdown: key, MPs, share of all MPs counted, (by region with the year
    before: its MPs and the change), a bar."""
    counts = stats.breakdowns[name]
    most = max(counts.values(), default=0)
    before = stats.previous.breakdowns.get(name) if stats.previous is not None and name == "region" else None
    rows = []
    for key, count in counts.items():
        row: dict[str, Any] = {
            name.replace("_", " "): key,
            "MPs": count,
            "share": f"{100 * count / stats.mps:.1f}%" if stats.mps else "",
        }
        if before is not None:
            row[str(stats.previous.period.year)] = before.get(key, 0)  # type: ignore[union-attr]
            row["change"] = _signed(count - before.get(key, 0))
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
    if stats.previous is not None:
        previous = stats.previous
        rows.extend(
            {"figure": "previous_year", "key": key, "value": value}
            for key, value in (
                ("year", previous.period.year),
                ("mps", previous.mps),
                ("countries", previous.countries),
            )
        )
        rows.extend(
            {"figure": "previous_region", "key": key, "value": n}
            for key, n in previous.breakdowns.get("region", {}).items()
        )
        rows.append({"figure": "change", "key": "mps", "value": stats.mps - previous.mps})
        rows.append({"figure": "change", "key": "countries", "value": stats.countries - previous.countries})
        if "region" in stats.breakdowns:
            rows.extend(
                {"figure": "change_region", "key": k, "value": d} for k, d in region_change(stats).items()
            )
        for name, share in shares(stats).items():
            rows.extend(
                {"figure": figure, "key": name, "value": value}
                for figure, value in (
                    ("share", share.percent),
                    ("share_previous", share.previous),
                    ("share_points", share.points),
                )
            )
    for group, counts in stats.sex_violation.items():
        for sex in ("female", "male"):
            rows.append({"figure": "sex_violation", "key": f"{group}|{sex}", "value": counts[sex]})
            total = stats.breakdowns["sex"].get(sex, 0)
            rows.append(
                {
                    "figure": "sex_violation_share",
                    "key": f"{group}|{sex}",
                    "value": percent(counts[sex], total),
                }
            )
    if stats.confidential is not None:
        rows.extend({"figure": "confidential", "key": k, "value": v} for k, v in stats.confidential.items())
    return rows


def _signed(number: float) -> str:
    return f"+{number:g}" if number > 0 else f"{number:g}"


def _trend(points: float | None) -> str:
    if points is None:
        return "no figure for the year before"
    if points == 0:
        return "unchanged"
    return f"{'up' if points > 0 else 'down'} {abs(points):.1f} points"


def published_lines(stats: Stats) -> list[str]:
    """The lines `--year` adds under the headline: the change on the year before, the shares of
    women and of opposition MPs with their trend, the confidential totals published apart."""
    lines = []
    previous = stats.previous
    if previous is not None:
        year = previous.period.year
        lines.append(
            f"Change on {year}: {_signed(stats.mps - previous.mps)} MPs ({previous.mps} in {year}), "
            f"{_signed(stats.countries - previous.countries)} "
            f"{'country' if abs(stats.countries - previous.countries) == 1 else 'countries'} "
            f"({previous.countries} in {year})"
        )
        names = {"women": "Women", "opposition": "Opposition MPs"}
        for name, share in shares(stats).items():
            now = f"{share.percent:.1f}%" if share.percent is not None else "no MPs"
            before = f"{share.previous:.1f}%" if share.previous is not None else "no MPs"
            lines.append(
                f"{names[name]}: {share.count} of {stats.mps} ({now}; {year}: {before}, {_trend(share.points)})"
            )
    if stats.confidential is not None:
        lines.append(
            "Confidential cases, counted apart and not named: "
            f"{counted(stats.confidential['mps'], 'MP')} ({counted(stats.confidential['files'], 'case file')})"
        )
    return lines


def sex_violation_rows(stats: Stats) -> list[dict[str, Any]]:
    """One row per violation group: how many of the women and of the men faced it, and the share."""
    women = stats.breakdowns["sex"].get("female", 0)
    men = stats.breakdowns["sex"].get("male", 0)
    return [
        {
            "violation": group,
            "women": counts["female"],
            "of women": _percent_text(percent(counts["female"], women)),
            "men": counts["male"],
            "of men": _percent_text(percent(counts["male"], men)),
        }
        for group, counts in stats.sex_violation.items()
    ]


def _percent_text(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}%"


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
