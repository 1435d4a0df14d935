"""`ipu close`: close a case, or one member of a group, as the Committee decided at a session.

The file's `status` becomes `closed` with the date (by default the session's
last day), the reason and the session. For a member of a group, the member's
own file is closed and the group goes on: the member then drops out of the
group's later decisions (`domain/visibility.covered_members`) and of the
figures of MPs under examination. The one existing line that changes is the
status's `state: active`; the engine proves nothing else did.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ipu_cli.checks.pipeline import load_case_base
from ipu_cli.domain.groups import is_group
from ipu_cli.domain.sessions import find_session
from ipu_cli.edits.engine import Change, Edited, collector_paused, edit_file, past_date
from ipu_cli.errors import IpuError, UsageError
from ipu_cli.queries.lookup import find_case, find_member
from ipu_cli.store.casebase import CaseBase
from ipu_cli.store.textedit import Document, EditError, Splice, date_value, plain, render_mapping


@collector_paused
def close(
    root: Path,
    case_id: str,
    session_text: str,
    reason: str,
    *,
    member: str | None = None,
    body: str = "committee",
    date: str | None = None,
    today: dt.date,
    dry_run: bool = False,
    base: CaseBase | None = None,
) -> Edited:
    """Close `case_id`, or its `member`; all or nothing."""
    if not reason.strip():
        raise UsageError("--reason must say why the case is closed")
    base = base or load_case_base(root)
    case = find_case(base, case_id)
    notes: list[str] = []
    target = case
    if member is not None:
        if not is_group(case):
            raise UsageError(f"--member needs a group case; {case.id} is an MP's case")
        wanted = find_member(base, case, member)
        target = base.get(wanted) or find_case(base, wanted)  # unreadable: its located problem
        notes.append(f"{target.id} is closed in its own file; {case.id} stays open")
    elif not is_group(case) and case.collectives:
        notes.append(f"{case.id} is a member of {', '.join(case.collectives)}, which stays open")
    if target.status.state == "closed":
        raise IpuError(f"{target.id} is already closed ({target.status.date}: {target.status.reason})")
    status = target.complaint.status if target.complaint is not None else "admissible"
    if status != "admissible":
        outcome = (
            "there is no case to close"
            if status in ("inadmissible", "withdrawn")
            else "record its outcome with 'ipu complaint' (inadmissible or withdrawn)"
        )
        raise IpuError(f"{target.id}'s complaint is '{status}', not a case under examination: {outcome}")
    session = find_session(base.reference.sessions, session_text, body)
    closed = past_date(date, "--date", today, session.end or session.start)
    closure = {
        "state": "closed",
        "date": date_value(closed),
        "reason": reason.strip(),
        "session": session.ref,
    }
    path = root / base.records[target.id].path

    def build(doc: Document) -> Change:
        splices = [_status_splice(doc, closure)]
        expected = {**doc.data, "status": plain(closure)}
        return Change(splices, expected, f"closed {target.id} on {closed} ({session.ref}): {reason.strip()}")

    return edit_file(root, path, build, base.reference, dry_run=dry_run, notes=notes)


def _status_splice(doc: Document, status: dict[str, Any]) -> Splice:
    """The status block's `state: active` line (or a one-line `status: {...}`) replaced; or a new block."""
    key, node = doc.entry(("status",))
    if key is None:
        return doc.add_top_key("status", ["status:" + doc.nl, *render_mapping(status, 2, doc.nl)])
    line = key.start_mark.line
    if isinstance(node, yaml.MappingNode) and not node.flow_style:
        state = next(((k, v) for k, v in node.value if k.value == "state"), None)
        if state is None:
            return Splice(line + 1, line + 1, tuple(render_mapping(status, node.start_mark.column, doc.nl)))
        state_key, state_value = state
        at = state_key.start_mark.line
        if state_value.end_mark.line != at or not isinstance(state_value, yaml.ScalarNode):
            raise EditError(
                f"{doc.display}:{at + 1}: 'status.state' spans several lines; close the case by hand"
            )
        rendered = render_mapping(status, state_key.start_mark.column, doc.nl)
        rest = doc.lines[at][state_value.end_mark.column :]
        if rest.strip():  # a comment after the value stays on the new state line
            rendered[0] = rendered[0].rstrip("\r\n") + rest
        return Splice(at, at + 1, tuple(rendered))
    if node is not None and node.start_mark.line == node.end_mark.line == line:
        return Splice(line, line + 1, ("status:" + doc.nl, *render_mapping(status, 2, doc.nl)))
    raise EditError(f"{doc.display}:{line + 1}: 'status' is not a block mapping; close the case by hand")
