"""`ipu record`: add a dated record to a case: a hearing, a mission (or trial observation, visit), an event.

Hearings and missions belong to the case as a whole, so a member of a group
records them in the group's file (as `ipu log` does); an event is a fact about
the person or the group named, recorded in that file. Each record is checked
against its model first (a clear message per wrong field), then added to its
list in date order through the shared editing sequence (`edits/engine.py`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ipu_cli.checks.pipeline import load_case_base
from ipu_cli.domain.cases import Event, Hearing, Mission
from ipu_cli.domain.missions import label
from ipu_cli.edits.engine import (
    Change,
    Edited,
    collector_paused,
    edit_file,
    holder_path,
    insert_dated,
    validated,
)
from ipu_cli.errors import IpuError, UsageError
from ipu_cli.queries.lookup import find_case
from ipu_cli.store.casebase import CaseBase
from ipu_cli.store.textedit import Document, date_value

KINDS: dict[str, tuple[str, type[Any], tuple[str, ...]]] = {
    # kind: (list in the file, model, options it takes besides --date)
    "hearing": ("hearings", Hearing, ("description", "session")),
    "mission": (
        "missions",
        Mission,
        ("kind", "status", "end", "delegation", "description", "report", "session"),
    ),
    "event": ("events", Event, ("type", "text", "place", "sentence", "mandate_link")),
}
_DATES = ("date", "end")


@collector_paused
def record(
    root: Path,
    case_id: str,
    kind: str,
    fields: dict[str, Any],
    *,
    today: dt.date,
    dry_run: bool = False,
    base: CaseBase | None = None,
) -> Edited:
    """Add a `kind` record made of `fields` (option name -> value; None and [] left out)."""
    if kind not in KINDS:
        raise UsageError(f"unknown record '{kind}'; choose from {', '.join(KINDS)}")
    key, model, allowed = KINDS[kind]
    given = {name: value for name, value in fields.items() if value not in (None, [], ())}
    extra = sorted(set(given) - {"date", *allowed})
    if extra:
        option = "--" + extra[0].replace("_", "-")
        raise UsageError(
            f"{option} does not apply to a {kind}; a {kind} takes --date, "
            + ", ".join("--" + name.replace("_", "-") for name in allowed)
        )
    if "session" in given:
        given["session"] = _session_ref(given["session"])
    entry = validated(model, given, kind)
    for name in _DATES:
        date = getattr(entry, name, None)
        if date is not None and date.earliest() > today:
            raise IpuError(f"invalid {kind}: {name} {date} is after today ({today.isoformat()})")

    base = base or load_case_base(root)
    if kind == "event":
        case = find_case(base, case_id)
        path, notes = root / base.records[case.id].path, []
    else:
        case, path, notes = holder_path(base, case_id, f"the {kind} is recorded in the group's file")
    if kind == "mission":  # kind and status always written: older records leave them to their defaults
        given = {**given, "kind": entry.kind, "status": entry.status}
    # In the order the model declares its fields, as the schema and the case files have them.
    values = {
        name: date_value(getattr(entry, name)) if name in _DATES else given[name]
        for name in model.model_fields
        if name in given
    }

    def build(doc: Document) -> Change:
        inserted = insert_dated(doc, (key,), values, entry.date)
        what = label(entry) if kind == "mission" else f"{kind} {entry.date}"
        return Change(
            [inserted.splice],
            inserted.expected,
            f"recorded {what} ({kind} {inserted.position} of {inserted.total})",
        )

    return edit_file(root, path, build, base.reference, dry_run=dry_run, notes=notes)


def _session_ref(text: str) -> str:
    """`--session`: 179, committee-179 or assembly-146 (a bare number is a Committee session)."""
    from ipu_cli.domain.sessions import parse_session

    return parse_session(text)
