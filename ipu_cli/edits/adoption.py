"""`ipu adopt`: move the reviewed draft into the decision history, as adopted at a session.

The case's `draft:` block (what `ipu draft-decision` rendered and the
Committee reviewed) becomes a new entry of `decisions:`, with the session, the
adoption date (by default the session's last day) and the adoption mode when
one is given. The draft's lines are moved as they are (re-indented only), so
the adopted paragraphs are the reviewed text byte for byte; removing the draft
block is the one change to existing lines, and the engine proves nothing else
changed (`edits/engine.py`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ipu_cli.checks.pipeline import load_case_base
from ipu_cli.domain.dates import PartialDate
from ipu_cli.domain.sessions import describe, find_session
from ipu_cli.edits.engine import (
    Change,
    Edited,
    collector_paused,
    edit_file,
    holder_path,
    past_date,
    with_value,
)
from ipu_cli.errors import IpuError, UsageError
from ipu_cli.store.casebase import CaseBase
from ipu_cli.store.textedit import (
    Document,
    EditError,
    Splice,
    date_value,
    plain,
    position_by_date,
    render_mapping,
    shift,
)

MODES = ("unanimously", "by consensus", "without a vote")


@collector_paused
def adopt(
    root: Path,
    case_id: str,
    session_text: str,
    *,
    body: str = "committee",
    date: str | None = None,
    mode: str | None = None,
    today: dt.date,
    dry_run: bool = False,
    base: CaseBase | None = None,
) -> Edited:
    """Adopt the draft of `case_id` (or of its group) at the session; all or nothing."""
    if mode is not None and mode not in MODES:
        raise UsageError(f"--mode: unknown mode '{mode}'; choose from {', '.join(MODES)}")
    base = base or load_case_base(root)
    case, path, notes = holder_path(base, case_id, "the decision is adopted in the group's file")
    session = find_session(base.reference.sessions, session_text, body)
    if case.draft is None:
        raise IpuError(f"{case.id} has no draft to adopt (no 'draft:' block in its file)")
    drafted_for = case.draft.session
    if (
        drafted_for is not None
        and drafted_for != session.ref
        and not _council_adopts(drafted_for, session.body)
    ):
        drafted = _words(base, drafted_for)
        raise IpuError(
            f"{case.id}'s draft is for {drafted}, not the {describe(session)}; adopt it at "
            f"{drafted} or change the draft's session"
        )
    if any(d.session == session.ref for d in case.decisions):
        raise IpuError(f"{case.id} already has a decision adopted at the {describe(session)}")
    if case.complaint is not None and case.complaint.status != "admissible":
        raise IpuError(
            f"{case.id}'s complaint is '{case.complaint.status}': record its admissibility "
            "('ipu complaint ... admissible') before adopting a decision"
        )
    if session.start.earliest() > today:
        raise IpuError(
            f"the {describe(session)} has not begun (it starts {session.start}; today is {today.isoformat()})"
        )
    adopted = past_date(date, "--date", today, session.end or session.start)

    def build(doc: Document) -> Change:
        return _move_draft(doc, session.ref, adopted, mode)

    return edit_file(root, path, build, base.reference, dry_run=dry_run, notes=notes)


def _council_adopts(drafted_for: str, body: str) -> bool:
    """The Governing Council adopts decisions the Committee drafted."""
    return body == "governing-council" and drafted_for.startswith("committee-")


def _move_draft(doc: Document, session: str, adopted: PartialDate, mode: str | None) -> Change:
    key, node = doc.entry(("draft",))
    if key is None or not isinstance(node, yaml.MappingNode) or not node.value:
        raise EditError(f"{doc.display}: 'draft' is not a mapping of fields")
    doc.block(node, "'draft'")
    first, last = key.start_mark.line, doc.last_line(node)
    if key.start_mark.column != 0:
        raise EditError(f"{doc.display}:{first + 1}: 'draft' is not a top-level field")
    # The draft's own lines, without its `session` (the decision records the session adopted at)
    # and without the paragraphs' `kept` marks (a drafting note, not adopted text).
    drop: set[int] = set()
    for child_key, child in node.value:
        if child_key.value == "session":
            drop.update(range(child_key.start_mark.line, doc.last_line(child) + 1))
    replaced = _drop_kept(doc, drop)
    body = [i for i in range(first + 1, last + 1) if i not in drop]
    indent = node.value[0][0].start_mark.column
    head: dict[str, Any] = {"session": session, "adopted": date_value(adopted)}
    if mode:
        head["mode"] = mode
    lines = render_mapping(head, 4, doc.nl)
    lines[0] = "  - " + lines[0][4:]
    lines += shift([replaced.get(i, doc.lines[i]) for i in body], 4 - indent, doc.nl)

    position = position_by_date(doc.data.get("decisions") or [], adopted, key="adopted")
    insert = doc.insert_item(("decisions",), position, lines=lines)
    start, end = doc.comments_above(first), last + 1  # comments on the draft go with it
    if (
        (start == 0 or not doc.lines[start - 1].strip())
        and end < len(doc.lines)
        and not doc.lines[end].strip()
    ):
        end += 1  # and so does the blank line that set it off
    removal = Splice(start, end, ())
    if start < insert.start < end:
        raise EditError(f"{doc.display}: the draft sits inside the decisions list; move it out by hand")

    draft = {k: v for k, v in doc.data["draft"].items() if k != "session"}
    if isinstance(draft.get("paragraphs"), list):
        draft["paragraphs"] = [
            {k: v for k, v in p.items() if k != "kept"} if isinstance(p, dict) else p
            for p in draft["paragraphs"]
        ]
    entry = {**plain(head), **draft}
    expected = {k: v for k, v in doc.data.items() if k != "draft"}
    expected = with_value(
        expected, ("decisions",), lambda old: [*(old or [])[:position], entry, *(old or [])[position:]]
    )
    summary = f"adopted the draft as the decision of {session} ({adopted})"
    return Change([insert, removal], expected, summary)


def _drop_kept(doc: Document, drop: set[int]) -> dict[int, str]:
    """Add the lines of every paragraph's `kept:` to `drop`; return the lines rewritten for it.

    A `kept:` written first in its paragraph holds the item's dash (`- kept: true`): the
    next key's line takes the dash. A paragraph in flow style cannot lose a key line by line.
    """
    replaced: dict[int, str] = {}
    _, paragraphs = doc.entry(("draft", "paragraphs"))
    if not isinstance(paragraphs, yaml.SequenceNode):
        return replaced
    for item in paragraphs.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        for position, (key, value) in enumerate(item.value):
            if key.value != "kept":
                continue
            line = key.start_mark.line
            if item.flow_style:
                raise EditError(
                    f"{doc.display}:{line + 1}: 'kept' in a paragraph written in flow style ({{...}}); "
                    "remove it by hand before adopting"
                )
            drop.update(range(line, doc.last_line(value) + 1))
            if position == 0 and len(item.value) > 1:
                column = key.start_mark.column
                following = item.value[1][0].start_mark.line
                text = doc.lines[following]
                if text[:column].strip() or following == line:
                    raise EditError(f"{doc.display}:{line + 1}: move 'kept' after 'verb' before adopting")
                replaced[following] = doc.lines[line][:column] + text[column:]
    return replaced


@collector_paused
def start_draft(
    root: Path,
    case_id: str,
    session_text: str,
    *,
    body: str = "committee",
    dry_run: bool = False,
    base: CaseBase | None = None,
) -> Edited:
    """Start the case's draft for a session from its latest adopted decision, line for line.

    The officer then edits the draft block (or the document `ipu draft-decision` renders
    from it), and `ipu adopt` records it once the Committee has adopted it.
    """
    base = base or load_case_base(root)
    case, path, notes = holder_path(base, case_id, "the draft is started in the group's file")
    session = find_session(base.reference.sessions, session_text, body)
    if case.draft is not None:
        where = f" for {_words(base, case.draft.session)}" if case.draft.session else ""
        raise IpuError(f"{case.id} already has a draft{where}; edit it, or adopt it with 'ipu adopt'")
    if any(d.session == session.ref for d in case.decisions):
        raise IpuError(f"{case.id} already has a decision adopted at the {describe(session)}")
    held = [(i, d) for i, d in enumerate(case.decisions) if d.paragraphs]
    if not held:
        raise IpuError(f"{case.id} has no adopted decision holding paragraphs to start the draft from")
    index, source = max(held, key=lambda pair: (pair[1].adopted, pair[0]))

    def build(doc: Document) -> Change:
        _, item = doc.entry(("decisions", index))
        if not isinstance(item, yaml.MappingNode) or item.flow_style:
            raise EditError(f"{doc.display}: the decision of {source.session} is not a block mapping")
        keep: list[int] = []
        for child_key, child in item.value:
            if child_key.value in ("paragraphs", "summary"):
                keep += range(child_key.start_mark.line, doc.last_line(child) + 1)
        lines = [f"draft:{doc.nl}", f"  session: {session.ref}{doc.nl}"]
        lines += shift([doc.lines[i] for i in keep], 2 - item.start_mark.column, doc.nl)
        old = doc.data["decisions"][index]
        draft = {"session": session.ref, **{k: old[k] for k in ("paragraphs", "summary") if k in old}}
        summary = (
            f"started the draft for the {describe(session)} from the decision adopted at "
            f"{_words(base, source.session)}"
        )
        return Change([doc.add_top_key("draft", lines)], {**doc.data, "draft": draft}, summary)

    return edit_file(root, path, build, base.reference, dry_run=dry_run, notes=notes)


def _words(base: CaseBase, ref: str | None) -> str:
    """A session reference of the file as messages name sessions ("the 179th session (February
    2026)"); the reference itself when data/sessions.yaml does not hold it."""
    session = base.reference.session(ref) if ref else None
    return f"the {describe(session)}" if session is not None else str(ref)
