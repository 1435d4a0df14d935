"""`ipu changes`: what is new in each case since a session or a day.

Read from the data: every dated fact of a case (`domain/dated.dated_facts`: events,
communications, missions, hearings, decisions adopted, the complaint and its
examination, closures, deaths, terms of office), a group's members who joined or
left at a session since then or whose own case was closed (`domain/membership`),
and a draft decision for a later session. A fact dated only by its month or year
that may fall on either side of the day is kept and marked "possibly" (a letter of
"2026-02" against 19 February 2026). Where the repository is a git repository,
`--git` adds the commits since the day that changed a case file
(`store/history`).

Only what `domain/visibility` lets through shows: public cases, their public members,
no internal log entry; a commit's subject (free text a case officer wrote) only with
`--include-confidential`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.domain.dated import POSSIBLY, SINCE, dated_facts, since
from ipu_cli.domain.dates import PartialDate
from ipu_cli.domain.groups import is_group
from ipu_cli.domain.ids import id_key
from ipu_cli.domain.words import counted, one_line

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase

COLUMNS = ("case", "date", "new", "change", "detail")


@dataclass
class Change:
    """One thing new in a case: when, how sure, what kind, and what."""

    case: str
    date: str
    new: str
    change: str
    detail: str

    def row(self) -> dict[str, Any]:
        return {c: getattr(self, c) for c in COLUMNS}

    def key(self) -> tuple[Any, ...]:
        try:
            day = PartialDate.parse(self.date).earliest()
        except ValueError:
            day = dt.date.max  # undated (a draft for no session) after the dated ones
        return (id_key(self.case), day, self.change)


def _fact(case: Any, loc: tuple[Any, ...], base: CaseBase) -> tuple[str, str] | None:
    """(change, detail) of the dated fact at `loc` in `case` (None: reported another way)."""
    from ipu_cli.domain.communications import way
    from ipu_cli.domain.missions import label
    from ipu_cli.domain.sessions import describe

    ref = base.reference
    name = loc[0]
    if name == "events":
        event = case.events[loc[1]]
        return "event", f"{ref.event_types.get(event.type, event.type)}: {one_line(event.text)}"
    if name == "communications":
        entry = case.communications[loc[1]]
        return f"communication {way(entry.direction, entry.party)}", one_line(entry.description)
    if name == "missions" and loc[2] == "date":
        mission = case.missions[loc[1]]
        text = label(mission).rsplit(" ", 1)[0]
        return text, one_line(mission.description)
    if name == "hearings":
        return "hearing", one_line(case.hearings[loc[1]].description)
    if name == "decisions":
        decision = case.decisions[loc[1]]
        session = ref.session(decision.session) if decision.session else None
        where = describe(session) if session is not None else (decision.session or str(decision.adopted))
        return "decision adopted", f"{where}: {counted(len(decision.paragraphs), 'paragraph')}"
    if name == "complaint" and loc[1] == "submitted":
        return "complaint submitted", ", ".join(f"Section {s}" for s in case.complaint.sections)
    if name == "complaint":
        step = case.complaint.steps[loc[2]]
        return f"complaint {step.status.replace('-', ' ')}", ""
    if name == "status":
        if not is_group(case) and case.collectives:
            return None  # a member's closure: reported on its groups ("member closed")
        return "case closed", one_line(case.status.reason)
    if name == "death_date":
        return "death", case.name
    if name == "terms":
        return f"term {loc[2].replace('_', ' ')}", ""
    return None  # a mission's last day: its record is reported on its first


def case_changes(case: Any, base: CaseBase, day: dt.date, members: list[Any]) -> list[Change]:
    """What is new in one case (and, for a group, in its membership) since `day`."""
    from ipu_cli.domain.membership import entry_of, session_day
    from ipu_cli.domain.sessions import describe

    out = []
    for date, loc in dated_facts(case):
        new = since(date, day)
        if new == POSSIBLY and loc[0] == "decisions":
            session = base.reference.session(case.decisions[loc[1]].session or "")
            if session is not None and session.start.earliest() >= day:
                new = SINCE  # adopted "2026-02" at a session that opened on or after the day
        if new is None:
            continue
        fact = _fact(case, loc, base)
        if fact is not None:
            out.append(Change(case.id, str(date), new, *fact))
    sessions = base.reference.sessions
    if is_group(case):
        for mp in members:
            if mp.status.state == "closed" and mp.status.date is not None:
                new = since(mp.status.date, day)
                if new is not None:
                    detail = f"{mp.id} {mp.name}: {one_line(mp.status.reason)}"
                    out.append(Change(case.id, str(mp.status.date), new, "member closed", detail))
            entry = entry_of(case, mp.id)
            for what, ref in (
                ("member joined", entry and entry.joined),
                ("member left", entry and entry.left),
            ):
                start = session_day(ref, sessions, strict=False) if ref else None
                if start is None or start < day:
                    continue
                session = sessions[ref]
                detail = f"{mp.id} {mp.name}, from the {describe(session)}"
                if what == "member left":
                    moved = f", now {entry.moved_to}" if entry.moved_to else ""
                    detail = f"{mp.id} {mp.name}, at the {describe(session)}{moved}: {one_line(entry.reason)}"
                out.append(Change(case.id, str(session.start), SINCE, what, detail))
    draft = case.draft
    if draft is not None:
        session = base.reference.session(draft.session) if draft.session else None
        if session is None or session.start.latest() >= day:
            target = f"for the {describe(session)}" if session is not None else "for no session yet"
            out.append(
                Change(
                    case.id,
                    str(session.start) if session is not None else "",
                    SINCE,
                    "decision drafted",
                    f"{target}: {counted(len(draft.paragraphs), 'paragraph')}",
                )
            )
    return out


def changes(
    base: CaseBase,
    day: dt.date,
    *,
    include_confidential: bool = False,
    git_root: Path | None = None,
    today: dt.date | None = None,
) -> list[Change]:
    """Every change since `day` in the cases an output may show, by case, then date; commits
    (`git_root`) up to `today`."""
    from ipu_cli.domain.visibility import visible, visible_members

    shown = visible(base.cases(), base, include_confidential)
    out: list[Change] = []
    for case in shown:
        members = visible_members(case, base, include_confidential) if is_group(case) else []
        out.extend(case_changes(case, base, day, members))
    if git_root is not None:
        out.extend(commit_changes(git_root, day, {c.id for c in shown}, include_confidential, today))
    return sorted(out, key=Change.key)


def commit_changes(
    root: Path, day: dt.date, shown: set[str], include_confidential: bool, today: dt.date | None = None
) -> list[Change]:
    """One row per case file a commit since `day` changed; cases not shown are left out (with
    `include_confidential`, files no longer in the base too, so a deletion shows)."""
    from ipu_cli.store.history import commits_since
    from ipu_cli.store.paths import stem_id

    out = []
    for commit in commits_since(root, day, today):
        seen: set[str] = set()
        for path in commit.paths:
            if not path.endswith((".yaml", ".yml")):
                continue
            case_id = stem_id(Path(path))
            if case_id in seen or (case_id not in shown and not include_confidential):
                continue
            seen.add(case_id)
            detail = f"{path} changed in commit {commit.hash}"
            if include_confidential:
                detail += f": {one_line(commit.subject)}" + (
                    "" if case_id in shown else " (file not in the base)"
                )
            out.append(Change(case_id, commit.date, SINCE, "commit", detail))
    return out


def footer(items: list[Change], day: dt.date, what: str) -> str:
    """ "in 3 cases since 2 February 2026, the first day of the 179th session (February 2026); 2
    possibly (dated by month or year only)"."""
    from ipu_cli.domain.dates import full_date

    cases = len({item.case for item in items})
    text = f"in {counted(cases, 'case')} since {full_date(day)}"
    text += f", {what}" if what else ""
    possibly = sum(1 for item in items if item.new == POSSIBLY)
    if possibly:
        text += f"; {possibly} possibly (dated by month or year only)"
    return text
