"""What is overdue: one row per active case for the case officer's follow-up.

A case is "active" for follow-up when the Committee is still examining it and
it carries its own log: collective cases, and individual cases in no group
(members are followed up through their group). For each, the last
communication each way with the authorities and the complainant, the latest
decision and what it asked for, and the flags an officer acts on:

- `not conveyed`: no letter to the authorities dated after the latest
  decision's session (a letter dated only by month counts when that month can
  fall after the session's last day);
- `authorities silent`: no reply from the authorities for more than N months
  (or none ever);
- `complainant silent`: nothing from the complainant for more than N months;
- `mission pending`: a mission, trial observation or visit requested or agreed
  and not yet carried out (`domain/missions.pending`).

Everything is computed as of a date (`--as-of`), ignoring later entries, so a
report can be reproduced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ipu_cli.domain import communications
from ipu_cli.domain.asks import asks_of
from ipu_cli.domain.complaints import admitted
from ipu_cli.domain.dates import month_year, months_since
from ipu_cli.domain.groups import holds_own_case
from ipu_cli.domain.missions import label, pending
from ipu_cli.domain.sessions import describe

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, Communication, Decision, IndividualCase
    from ipu_cli.domain.dates import PartialDate
    from ipu_cli.store.casebase import CaseBase

    Case = IndividualCase | CollectiveCase

NOT_CONVEYED = "not conveyed"
AUTHORITIES_SILENT = "authorities silent"
COMPLAINANT_SILENT = "complainant silent"
MISSION_PENDING = "mission pending"
FLAGS = (NOT_CONVEYED, AUTHORITIES_SILENT, COMPLAINANT_SILENT, MISSION_PENDING)
SHORT = 60
COLUMNS = (
    "case",
    "flags",
    "to authorities",
    "from authorities",
    "to complainant",
    "from complainant",
    "decision",
    "requested",
    "missions",
)


def months_between(date: PartialDate, as_of: dt.date) -> int:
    """Whole calendar months from the month of `date` (January for a bare year) to `as_of`."""
    return months_since(date.year, date.month, as_of)


@dataclass
class FollowUp:
    """The follow-up state of one case."""

    case_id: str
    last: dict[tuple[str, str], Communication | None]
    decision: Decision | None
    requested: list[str]
    flags: list[str] = field(default_factory=list)
    silence: int = 0
    session_name: str | None = None
    """The decision's session in words: "179th session (February 2026)"."""
    missions: list[str] = field(default_factory=list)
    """Missions requested or agreed and not yet carried out: "mission requested 2026-02"."""

    def row(self, as_of: dt.date, full: bool = False) -> dict[str, Any]:
        """A flat row; `full` keeps whole clauses (JSON), else each is cut short for a table."""

        def cell(key: tuple[str, str]) -> str:
            entry = self.last[key]
            if entry is None:
                return "never"
            text = f"{month_year(entry.date)} ({months_between(entry.date, as_of)} mo)"
            return f"{text}: {entry.description}" if entry.description else text

        decision = "none"
        if self.decision is not None:
            decision = self.session_name or (
                f"{self.decision.session or 'no session'} ({month_year(self.decision.adopted)})"
            )
        return {
            "case": self.case_id,
            "flags": list(self.flags),
            "to authorities": cell(("to", "authorities")),
            "from authorities": cell(("from", "authorities")),
            "to complainant": cell(("to", "complainant")),
            "from complainant": cell(("from", "complainant")),
            "decision": decision,
            "requested": self.requested if full else "; ".join(_short(text) for text in self.requested),
            "missions": self.missions if full else "; ".join(self.missions),
        }


def _short(text: str, width: int = SHORT) -> str:
    """A clause cut at a word boundary, markup removed: 'Calls on the Cambodian authorities to…'."""
    plain = text.replace("*", "")
    if len(plain) <= width:
        return plain
    return plain[:width].rsplit(" ", 1)[0].rstrip(",;") + "…"


def followed_cases(base: CaseBase) -> list[Case]:
    """Active cases that carry their own log (groups, and MPs in no group) and whose complaint
    was found admissible: a complaint still being examined is followed with `ipu show`."""
    return [
        case
        for case in base.cases()
        if case.status.state == "active" and holds_own_case(case) and admitted(case, base)
    ]


def follow_up(case: Case, base: CaseBase, as_of: dt.date, months: int) -> FollowUp:
    """Where one case stands on `as_of`, entries dated later ignored so a past report can be rerun.

    A decision counts as conveyed only by a letter to the authorities after its session
    ended; a party is silent when nothing came from it for more than `months`.
    """
    log = [c for c in case.communications if c.date.earliest() <= as_of]
    last = {way: communications.latest(log, *way, public=False) for way in communications.FOLLOWED}
    decisions = [d for d in case.decisions if d.adopted.earliest() <= as_of]
    decision = decisions[-1] if decisions else None
    requested = [ask.quoted() for ask in asks_of(decision, base.reference.ask_verbs)] if decision else []
    item = FollowUp(case.id, last, decision, requested)

    if decision is not None:
        session = base.reference.session(decision.session) if decision.session else None
        item.session_name = describe(session) if session else None
        end = (session.end or session.start) if session else decision.adopted
        if decision.adopted.day and decision.adopted > end:
            end = decision.adopted  # officially adopted after the session: conveyed after that day
        sent = [
            c
            for c in log
            if c.direction == "to" and c.party == "authorities" and c.date.latest() > end.latest()
        ]
        if not sent:
            item.flags.append(NOT_CONVEYED)
    reply = last[("from", "authorities")]
    silence = months_between(reply.date, as_of) if reply else None
    if silence is None or silence > months:
        item.flags.append(AUTHORITIES_SILENT)
    heard = last[("from", "complainant")]
    quiet = months_between(heard.date, as_of) if heard else None
    if quiet is None or quiet > months:
        item.flags.append(COMPLAINANT_SILENT)
    item.silence = max(silence if silence is not None else 10_000, quiet if quiet is not None else 10_000)
    item.missions = [label(m) for m in pending([m for m in case.missions if m.date.earliest() <= as_of])]
    if item.missions:
        item.flags.append(MISSION_PENDING)
    return item


def urgency(item: FollowUp) -> tuple[int, int, int, str]:
    """Sort key: an unconveyed decision first, then more flags, then longer silence."""
    return (0 if NOT_CONVEYED in item.flags else 1, -len(item.flags), -item.silence, item.case_id)


def follow_ups(base: CaseBase, cases: list[Case], as_of: dt.date, months: int = 6) -> list[FollowUp]:
    """The follow-up state of `cases`, most urgent first."""
    return sorted((follow_up(case, base, as_of, months) for case in cases), key=urgency)


def counts(items: list[FollowUp]) -> str:
    """The foot line: how many cases carry each flag ("0 mission pending" read as a count of
    missions, and bad English: it counts cases with one)."""
    label = {MISSION_PENDING: "with a mission pending"}
    parts = [f"{sum(flag in item.flags for item in items)} {label.get(flag, flag)}" for flag in FLAGS]
    return ", ".join(parts)
