"""`ipu complaint`: record a new complaint, or a step of its examination, in its case file.

A complaint is recorded on the file of the case it concerns (start it with
`ipu new`; a member of a group: the group's file, which holds the complaint).
`received` writes the `complaint:` block (sections, submission date,
complainant, first step); every later step is appended to `complaint.steps`
in the order the examination allows (`domain/complaints.NEXT`). Finding the
complaint admissible records the findings admissibility rests on and, when
the case has no draft yet, starts the draft of the first decision with the
Committee's standard admissibility paragraphs (`documents/admissibility`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipu_cli.checks.pipeline import load_case_base
from ipu_cli.domain import complaints
from ipu_cli.domain.cases import Findings
from ipu_cli.domain.dates import PartialDate
from ipu_cli.domain.groups import is_group
from ipu_cli.domain.sessions import find_session
from ipu_cli.edits.engine import (
    Change,
    Edited,
    collector_paused,
    edit_file,
    holder_path,
    insert_dated,
    past_date,
    validated,
    with_value,
)
from ipu_cli.errors import IpuError, UsageError
from ipu_cli.store.casebase import CaseBase
from ipu_cli.store.textedit import Document, date_value, plain, render_entry, render_item


@dataclass
class Step:
    """A step as the officer gave it on the command line."""

    status: str
    date: str | None = None
    sections: list[str] = field(default_factory=list)
    complainant: str | None = None
    note: str | None = None
    session: str | None = None
    body: str = "committee"
    mandate: str | None = None
    began: str | None = None
    allegations: list[str] = field(default_factory=list)
    draft: bool = True


@collector_paused
def record_step(
    root: Path,
    case_id: str,
    step: Step,
    *,
    today: dt.date,
    dry_run: bool = False,
    base: CaseBase | None = None,
) -> Edited:
    """Write the step into the complaint of `case_id` (or of its group); all or nothing."""
    if step.status not in complaints.STATUSES:
        raise UsageError(f"unknown step '{step.status}'; choose from {', '.join(complaints.STATUSES)}")
    _options_fit(step)
    base = base or load_case_base(root)
    case, path, notes = holder_path(base, case_id, "the complaint is in the group's file")
    session = find_session(base.reference.sessions, step.session, step.body) if step.session else None
    default = (session.end or session.start) if session is not None else None
    date = past_date(step.date, "--date", today, default)
    previous = None if case.complaint is None else case.complaint.status
    if step.status == "received" and case.complaint is not None:
        raise IpuError(
            f"{case.id} already records a complaint (submitted {case.complaint.submitted}, "
            f"{case.complaint.status}); record a step of its examination instead"
        )
    if case.complaint is not None and not case.complaint.steps:
        raise IpuError(
            f"{case.id}'s complaint has no recorded examination: it was under examination before "
            "ipu kept complaint steps, so no step can follow"
        )
    why = complaints.refusal(previous, step.status)
    if why:
        raise IpuError(f"{case.id}: {why}")
    if case.complaint is not None and case.complaint.steps:
        last = case.complaint.steps[-1]
        if date.latest() < last.date.earliest():
            raise IpuError(f"{case.id}: --date {date} is before the complaint's last step ({last.date})")

    values = _step_values(step, date, session.ref if session is not None else None)
    drafting = step.status == "admissible" and step.draft and case.draft is None
    paragraphs: list[dict[str, Any]] = []
    if drafting:
        from ipu_cli.documents.admissibility import paragraphs as admissibility

        findings = validated(Findings, plain(values["findings"]), "findings")
        paragraphs = admissibility(case, base, findings, root)

    # The allegations found within the mandate are the case's alleged violations: an MP in no
    # group gets those not yet listed (a group's members list theirs in their own files).
    listed = {v.code for v in getattr(case, "violations", ())}
    added = (
        []
        if is_group(case) or step.status != "admissible"
        else [c for c in dict.fromkeys(step.allegations) if c not in listed]
    )

    def build(doc: Document) -> Change:
        if step.status == "received":
            if "complaint" in doc.data:
                raise IpuError(f"{doc.display}: 'complaint' is already there (empty?); fill it in by hand")
            block: dict[str, Any] = {"sections": sorted(set(step.sections)), "submitted": date_value(date)}
            if step.complainant:
                block["complainant"] = step.complainant
            block["steps"] = [values]
            splices = [doc.add_top_key("complaint", render_entry("complaint", block, 0, doc.nl))]
            expected = {**doc.data, "complaint": plain(block)}
        else:
            inserted = insert_dated(doc, ("complaint", "steps"), values, date)
            splices, expected = [inserted.splice], inserted.expected
        summary = f"complaint {step.status} on {date}" + (f" ({session.ref})" if session is not None else "")
        if added:
            items = [line for code in added for line in render_item({"code": code}, 2, doc.nl)]
            violations = doc.data.get("violations") or []
            splices.append(doc.insert_item(("violations",), len(violations), lines=items))
            expected = with_value(
                expected, ("violations",), lambda old: [*(old or []), *({"code": c} for c in added)]
            )
            summary += f"; added to the MP's violations: {', '.join(added)}"
        if drafting:
            draft = {"session": session.ref if session is not None else None, "paragraphs": paragraphs}
            draft = {k: v for k, v in draft.items() if v is not None}
            splices.append(doc.add_top_key("draft", render_entry("draft", draft, 0, doc.nl)))
            expected = with_value(expected, ("draft",), lambda _: plain(draft))
            summary += (
                f"; draft of the first decision started with {len(paragraphs)} admissibility paragraphs"
            )
        return Change(splices, expected, summary)

    return edit_file(root, path, build, base.reference, dry_run=dry_run, notes=notes)


def _options_fit(step: Step) -> None:
    """Each option belongs to some steps only: say so rather than ignore it (exit 2)."""
    misplaced = [
        (name, allowed)
        for name, given, allowed in (
            ("--section", step.sections, ("received",)),
            ("--complainant", step.complainant, ("received",)),
            ("--mandate", step.mandate, ("admissible",)),
            ("--began", step.began, ("admissible",)),
            ("--allegation", step.allegations, ("admissible",)),
        )
        if given and step.status not in allowed
    ]
    if misplaced:
        name, allowed = misplaced[0]
        raise UsageError(f"{name} belongs to the {' or '.join(allowed)} step, not '{step.status}'")
    if step.status == "received" and not step.sections:
        raise UsageError("a complaint received names the complainant's section(s): --section I.1(a)")
    if step.status == "admissible" and not step.mandate:
        raise UsageError("admissibility rests on the MP's mandate: --mandate sitting or --mandate elect")
    if step.status == "admissible" and not step.session:
        raise UsageError("a complaint is found admissible at a session: --session N")
    if step.status == "inadmissible" and not step.note:
        raise UsageError("say why the complaint is inadmissible: --note TEXT")


def _step_values(step: Step, date: PartialDate, session: str | None) -> dict[str, Any]:
    values: dict[str, Any] = {"date": date_value(date), "status": step.status}
    if session:
        values["session"] = session
    if step.note:
        values["note"] = step.note
    if step.status == "admissible":
        findings: dict[str, Any] = {"mandate": step.mandate}
        if step.began:
            try:
                findings["began"] = date_value(PartialDate.parse(step.began))
            except ValueError as exc:
                raise UsageError(f"--began: {exc}") from None
        if step.allegations:
            findings["allegations"] = list(step.allegations)
        values["findings"] = findings
    return values
