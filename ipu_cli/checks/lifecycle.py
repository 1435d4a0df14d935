"""Checks of a case's life in one file: the complaint's examination, the MP's terms, missions.

A complaint's steps must follow one another as the examination does (received,
then pending information, then one decision); a file whose complaint was not
found admissible should hold no decision; an MP's alleged violations should
begin while they held a mandate (or say how they relate to one); a substitute
is a member of parliament only for the periods they sat. The rules live in
`domain/complaints.py` and `domain/mandates.py`; this module reports them.

`unknown_session` and `unknown_code` are shared with `filechecks.py` (which imports this
module): one wording for a session or a vocabulary code the data files do not hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ipu_cli.checks.problems import Problem
from ipu_cli.domain import complaints, mandates
from ipu_cli.domain.suggest import did_you_mean

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.store.refdata import Reference
    from ipu_cli.store.yamlload import Loaded

    Case = IndividualCase | CollectiveCase

Report = Callable[[tuple[Any, ...], str, str], None]


def lifecycle_checks(loaded: Loaded, case: Case, ref: Reference) -> list[Problem]:
    out: list[Problem] = []

    def report(loc: tuple[Any, ...], code: str, message: str) -> None:
        out.append(Problem.at(loaded, loc, code, message))

    _complaint(report, case, ref)
    _terms(report, case)
    for index, mission in enumerate(case.missions):
        unknown_session(report, ("missions", index, "session"), mission.session, ref=ref)
    return out


def unknown_session(report: Report, loc: tuple[Any, ...], session: str | None, *, ref: Reference) -> None:
    """A session reference must be in data/sessions.yaml (when that file could be read)."""
    if session and ref.sessions and session not in ref.sessions:
        report(loc, "unknown-session", f"session '{session}' is not in data/sessions.yaml")


def unknown_code(report: Report, loc: tuple[Any, ...], kind: str, value: str, vocabulary: Any) -> None:
    """A vocabulary code must be in its data file (when that file could be read)."""
    if vocabulary and value not in vocabulary:
        code = "unknown-" + kind.replace(" ", "-")
        report(loc, code, f"unknown {kind} '{value}'" + did_you_mean(value, vocabulary))


def _complaint(report: Report, case: Case, ref: Reference) -> None:
    complaint = case.complaint
    if complaint is None:
        return
    previous: str | None = None
    for index, step in enumerate(complaint.steps):
        loc = ("complaint", "steps", index)
        why = complaints.refusal(previous, step.status)
        if why:
            report((*loc, "status"), "complaint-history", why)
        previous = step.status
        unknown_session(report, (*loc, "session"), step.session, ref=ref)
        if step.findings is not None:
            for number, code in enumerate(step.findings.allegations):
                unknown_code(
                    report, (*loc, "findings", "allegations", number), "violation", code, ref.violations
                )
    received = complaints.step_date(complaint, "received")
    submitted = complaint.submitted
    if received is not None and (
        received.latest() < submitted.earliest() or received.earliest() > submitted.latest()
    ):
        report(
            ("complaint", "submitted"),
            "complaint-history",
            f"the complaint was submitted {submitted} but its 'received' step is dated {received}",
        )
    if complaint.status != "admissible" and (case.decisions or case.draft is not None):
        where = ("decisions",) if case.decisions else ("draft",)
        report(
            where,
            "not-admitted",
            f"the complaint is '{complaint.status}': the Committee takes decisions on a case once its "
            "complaint is found admissible ('ipu complaint ... admissible')",
        )


def _terms(report: Report, case: Case) -> None:
    terms = getattr(case, "terms", ())
    for index, term in enumerate(terms):
        if mandates.never_sat(term):
            report(
                ("terms", index, "role"),
                "substitute-never-sat",
                "a substitute who never sat is not a member of parliament by this term; "
                "record when they sat ('sat') or remove the term",
            )
    first = mandates.start_of_violations(case)
    if first is None:
        return
    index, event = first
    if event.mandate_link or not mandates.outside_every_term(event.date, terms):
        return
    held = "; ".join(mandates.describe(terms))
    report(
        ("events", index, "date"),
        "mandate-dates",
        f"the alleged violations began {event.date} ({event.type}), outside the MP's mandate ({held}); "
        "say how the event relates to a mandate in 'mandate_link', or correct the dates",
    )
