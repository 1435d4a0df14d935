"""`ipu show`: one case, read from its own file and the few files it names.

This path must start fast, so it works on the plain data the loader returns
and imports neither Pydantic nor the renderers. It does not validate: that is
`ipu validate`'s job; a file too broken to read is reported and refused, and a
value of the wrong shape is shown as missing, never a crash.

The case box and the checklist are the decision's own rules (`domain/casebox`,
`domain/checklist`) run on light records built here from the plain data, so
`ipu show` and `ipu draft-decision` cannot disagree on what a case says.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ipu_cli.domain import casebox, communications
from ipu_cli.domain.checklist import checklist, recorded_order
from ipu_cli.domain.complaints import current
from ipu_cli.domain.dates import EMPTY, PartialDate, month_year, months_since
from ipu_cli.domain.groups import holds_own_case
from ipu_cli.domain.ids import ANY_ID_PATTERN, id_key, id_parts, resolve_id
from ipu_cli.domain.labels import LABELS
from ipu_cli.domain.membership import members_on, why_not_listed
from ipu_cli.domain.missions import label, pending
from ipu_cli.domain.sessions import describe
from ipu_cli.domain.victims import victims_for
from ipu_cli.domain.visibility import marked_public
from ipu_cli.domain.words import counted, fold, one_line
from ipu_cli.errors import IpuError
from ipu_cli.queries.lookup import ambiguous_name, unknown_case
from ipu_cli.queries.rows import column_count, columns_text, printable, terminal_width, wrap
from ipu_cli.store.paths import case_files, display_path, path_for_id, stem_id
from ipu_cli.store.plaindata import plain_entries
from ipu_cli.store.yamlload import load_file

_ANY_ID = re.compile(ANY_ID_PATTERN)
MEMBER_LINES = 6
"""Lines of members a group's view shows without --members."""
DECISION_LINES = 3
"""Lines of the latest decision's text the case box shows."""
MISSIONS_LABEL = LABELS["en"]["missions"]
"""The box line the pending missions follow ("IPU mission(s)")."""


class ShowError(IpuError):
    """A case that cannot be shown; the message is for stderr."""


# --- finding the case: id, loose spelling, legacy id, name ---------------------------------


def find_case(root: Path, text: str) -> Path:
    """The file of a case named by its id, a loose spelling of it, a legacy id or a name.

    Only the case's country folder is listed when the text spells an id, so a
    large base costs nothing; a legacy id or a name costs one pass over the
    files' bytes (a legacy id is first looked up in the cache's index).
    """
    typed = text.strip()
    parts = id_parts(typed) if typed else None
    if parts is not None:
        files: dict[str, Path] = {}
        twice: dict[str, list[str]] = {}
        for name in case_files(root, parts[0]):
            stem = stem_id(Path(name))
            if stem in files:  # KHM-48.yaml and KHM-48.yml: which one is the case is not for us to pick
                twice.setdefault(stem, [str(files[stem])]).append(name)
            files.setdefault(stem, Path(name))
        found = resolve_id(typed, files)
        if found is not None and found in twice:
            shown = " and ".join(display_path(Path(name), root) for name in twice[found])
            raise IpuError(f"{found} has two files, {shown}; keep one (see 'ipu validate')")
        if found is not None:
            return files[found]
    if not typed:
        raise unknown_case(typed, ())
    hinted = _alias_from_cache(root, typed)
    if hinted is not None:
        return hinted
    names: dict[str, str] = {}
    alias, named = _scan(root, typed, names if parts is None else None)
    if alias is not None:
        return alias
    if len(named) == 1:
        return named[0][0]
    if named:
        raise ambiguous_name(typed, [(stem_id(path), name) for path, name in named])
    raise unknown_case(typed, [stem_id(Path(name)) for name in case_files(root)], names)


def _alias_from_cache(root: Path, alias: str) -> Path | None:
    """The file the cache's alias index (left by the last full read) names, checked in the file."""
    from ipu_cli.store.cache import alias_hint

    hint = alias_hint(root, alias)
    if hint:
        candidate = root / hint
        try:
            if candidate.is_file() and alias in _list(_read(candidate, root).get("aliases")):
                return candidate
        except ShowError:
            pass
    return None


_NAME_LINE = rb"(?m)^(?:name|title):[ \t]*(.+?)[ \t]*$"
"""The `name:` (or `title:`) line of a case file's bytes; compiled on first use (names only)."""


def _file_name(raw: bytes) -> str | None:
    """The `name:` (or a group's `title:`) a file's bytes hold, unquoted; None when none."""
    match = re.search(_NAME_LINE, raw)
    if not match:
        return None
    value = match.group(1).decode("utf-8", "replace")
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value


def _scan(root: Path, typed: str, names: dict[str, str] | None) -> tuple[Path | None, list[tuple[Path, str]]]:
    """One pass over the files' bytes: the file holding legacy id `typed`, and, when `names` is
    given (it collects every case's name by id, for a "did you mean"), the files whose name
    matches `typed`: every word typed starts a word of the name, accents and case ignored; an
    exact name wins over partial ones."""
    wanted = typed.upper()
    needle = wanted.encode()
    words = fold(typed).split()
    exact: list[tuple[Path, str]] = []
    partial: list[tuple[Path, str]] = []
    for name in case_files(root):
        try:
            with open(name, "rb") as handle:
                raw = handle.read()
        except OSError:
            continue
        if needle in raw.upper():
            try:
                data = _read(Path(name), root)
            except ShowError:
                data = {}
            if wanted in (str(a).upper() for a in _list(data.get("aliases"))):
                return Path(name), []
        if names is None:
            continue
        shown = _file_name(raw)
        if shown is None:
            continue
        names[stem_id(Path(name))] = shown
        folded = " ".join(fold(shown).split())
        if folded == " ".join(words):
            exact.append((Path(name), shown))
        elif all(any(part.startswith(word) for part in folded.split()) for word in words):
            partial.append((Path(name), shown))
    found = exact or partial
    return None, sorted(found, key=lambda item: id_key(stem_id(item[0])))


def _read(path: Path, root: Path) -> dict[str, Any]:
    loaded = load_file(path, display_path(path, root))
    if not loaded.ok or not isinstance(loaded.data, dict):
        from ipu_cli.checks.problems import Problem  # only on failure: ~4 ms of start-up

        problems = [Problem.of(loaded.path, fault) for fault in loaded.faults] or [
            Problem(loaded.path, 1, 1, "not-a-mapping", "expected a mapping")
        ]
        raise ShowError(f"cannot read {loaded.path}; run 'ipu validate' for details", problems)
    return loaded.data


# --- plain data as the records the domain rules read ----------------------------------------


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _maps(value: Any) -> list[dict[str, Any]]:
    return [item for item in _list(value) if isinstance(item, dict)]


def _date(value: Any) -> PartialDate | None:
    try:
        return PartialDate.parse(value)
    except (ValueError, TypeError):
        return None


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


def _codes(value: Any) -> list[str] | None:
    return [str(code) for code in value] if isinstance(value, list) and value else None


def _dated(items: Any, *fields: str) -> list[SimpleNamespace]:
    """Records with a readable `date` and the values of `fields` as written (records without a
    readable date are left out: `ipu validate` reports them)."""
    out = []
    for item in _maps(items):
        date = _date(item.get("date"))
        if date is not None:
            out.append(SimpleNamespace(date=date, **{name: item.get(name) for name in fields}))
    return out


def _person(case_id: str, data: dict[str, Any]) -> SimpleNamespace:
    """An MP as the checklist, the victims line and the membership rule read one."""
    status = data.get("status") if isinstance(data.get("status"), dict) else {}
    return SimpleNamespace(
        id=case_id,
        status=SimpleNamespace(state=_s(status.get("state")) or "active", date=_date(status.get("date"))),
        name=_s(data.get("name")),
        sex=_s(data.get("sex")),
        mandate=_s(data.get("mandate")),
        affiliation=_s(data.get("affiliation")),
        young=data.get("young") is True,
        deceased=data.get("deceased") is True,
        # a member without a file is not known to be confidential (validate reports the file)
        confidentiality=_s(data.get("confidentiality")) or ("confidential" if data else "public"),
        violations=[
            SimpleNamespace(
                code=_s(v.get("code")), scope=_s(v.get("scope")) or "current", note=_s(v.get("note"))
            )
            for v in _maps(data.get("violations"))
        ],
    )


def _case_level(data: dict[str, Any]) -> SimpleNamespace:
    """What the case box reads of the file that holds the case (the group's, or an MP's own)."""
    complaint = data.get("complaint")
    submitted = _date(complaint.get("submitted")) if isinstance(complaint, dict) else None
    return SimpleNamespace(
        id=_s(data.get("id")),
        country=_s(data.get("country")),
        victims=_s(data.get("victims")),
        complaint=SimpleNamespace(
            sections=[str(s) for s in _list(complaint.get("sections")) or [complaint.get("sections") or ""]],
            submitted=submitted,
            also_submitted=[d for d in map(_date, _list(complaint.get("also_submitted"))) if d is not None],
        )
        if isinstance(complaint, dict) and submitted is not None
        else None,
        missions=[
            SimpleNamespace(
                date=m.date,
                end=_s(m.end),
                kind=_s(m.kind) or "mission",
                status=_s(m.status) or "carried-out",
                description=_s(m.description),
                report=_s(m.report),
            )
            for m in _dated(data.get("missions"), "end", "kind", "status", "description", "report")
        ],
        hearings=[
            SimpleNamespace(date=h.date, description=_s(h.description) or EMPTY)
            for h in _dated(data.get("hearings"), "description")
        ],
        communications=[
            SimpleNamespace(
                date=entry.date,
                direction=_s(entry.direction),
                party=_s(entry.party),
                description=_s(entry.description),
                internal=bool(entry.internal),
                case_box=entry.case_box if isinstance(entry.case_box, bool) else None,
            )
            for entry in _dated(
                data.get("communications"), "direction", "party", "description", "internal", "case_box"
            )
        ],
        decisions=[
            SimpleNamespace(
                session=_s(d.get("session")), adopted=adopted, checklist=_codes(d.get("checklist"))
            )
            for d in _maps(data.get("decisions"))
            if (adopted := _date(d.get("adopted"))) is not None
        ],
        draft=SimpleNamespace(session=_s(draft.get("session")), checklist=_codes(draft.get("checklist")))
        if isinstance(draft := data.get("draft"), dict)
        else None,
    )


class _Reference:
    """data/ as the checklist and the case box read it (`store.refdata.Reference`'s few attributes)."""

    def __init__(self, root: Path) -> None:
        self.labels = {
            _s(c.get("code")): _s(c.get("label"))
            for c in plain_entries(root, "violations.yaml", "categories", required=True)
            if c.get("code")
        }
        self.violations = list(self.labels)
        self.event_types = {
            _s(t.get("code")): _s(t.get("label"))
            for t in plain_entries(root, "event-types.yaml", "types", required=True)
        }
        self.countries = {
            _s(c.get("code")): SimpleNamespace(
                name=_s(c.get("name")) or str(c.get("code")),
                region=c.get("region"),
                affiliated=c.get("affiliated", True) is not False,
            )
            for c in plain_entries(root, "countries.yaml", "countries", required=True)
        }
        self._root = root
        self._sessions: dict[str, Any] | None = None

    def violation_label(self, code: str | None, lang: str = "en") -> str:
        return self.labels.get(code) or code or EMPTY

    @property
    def sessions(self) -> dict[str, Any]:
        """The sessions of data/sessions.yaml by reference (body, number, start), read on first use."""
        if self._sessions is None:
            self._sessions = {}
            for item in plain_entries(self._root, "sessions.yaml", "sessions", required=True):
                start = _date(item.get("start"))
                if start is not None and isinstance(item.get("number"), int):
                    session = SimpleNamespace(body=item.get("body"), number=item["number"], start=start)
                    self._sessions[f"{session.body}-{session.number}"] = session
        return self._sessions

    def session_name(self, ref: Any) -> str | None:
        """ "179th session (February 2026)" for `committee-179`; the reference itself when unknown."""
        if ref is None:
            return None
        found = self.sessions.get(str(ref))
        return describe(found) if found is not None else str(ref)


# --- the view -------------------------------------------------------------------------------


def case_view(
    root: Path, text: str, today: dt.date | None = None, include_confidential: bool = False
) -> dict[str, Any]:
    """Everything `ipu show` prints, as plain data (also the --format json/yaml output).

    A group's confidential members (`domain/visibility.marked_public` of their own files) are
    left out of its members, counts, box and checklist, and of the member counts of an MP's
    groups, unless `include_confidential`: what `ipu show` prints may be pasted into a public
    text. How many were left out is `hidden`, which the command reports on stderr only.
    """
    today = today or dt.date.today()
    path = find_case(root, text)
    data = _read(path, root)
    ref = _Reference(root)
    country = ref.countries.get(_s(data.get("country")))
    kind = "collective" if "members" in data else "individual"
    case_id = _s(data.get("id")) or stem_id(path)
    view: dict[str, Any] = {
        "id": case_id,
        "kind": kind,
        "file": display_path(path, root),
        "name": _s(data.get("name") or data.get("title")),
        "aliases": [str(a) for a in _list(data.get("aliases"))],
        "country": _s(data.get("country")),
        "country_name": country.name if country else _s(data.get("country")),
        "region": country.region if country else None,
        "parliament": _s(data.get("parliament")),
        "status": _s((data.get("status") if isinstance(data.get("status"), dict) else {}).get("state"))
        or "active",
        "confidentiality": _s(data.get("confidentiality")) or "confidential",
    }
    holder = data
    if kind == "individual":
        person = _person(case_id, data)
        view.update(
            {
                "also_known_as": [str(a) for a in _list(data.get("also_known_as"))],
                "sex": person.sex,
                "mandate": person.mandate,
                "affiliation": person.affiliation,
                "party": _s(data.get("party")),
                "deceased": person.deceased,
                "death_date": _s(data.get("death_date")),
                "violations": [
                    {
                        "code": v.code,
                        "label": ref.violation_label(v.code),
                        "scope": v.scope,
                        "note": v.note,
                    }
                    for v in person.violations
                ],
            }
        )
        linked = _linked(root, _list(data.get("collectives")))
        view["collectives"] = [
            {
                "id": group_id,
                "title": _s(group.get("title")),
                "members": _current_count(root, group, ref, today, include_confidential) if group else None,
            }
            for group_id, group in linked
        ]
        owner = SimpleNamespace(collective=False, collectives=[group_id for group_id, _ in linked])
        if not holds_own_case(owner) and linked[0][1]:
            holder = linked[0][1]  # the group holds the case: its complaint, decisions and log
        people = [person]
    else:
        linked = _linked(root, _list(data.get("members")))
        group = _group(data)
        everyone = [_person(member_id, member) for member_id, member in linked]
        if not include_confidential:
            view["hidden"] = sum(not marked_public(p) for p in everyone)
            everyone = [p for p in everyone if marked_public(p)]
        why = {p.id: why_not_listed(group, p, today, ref.sessions, strict=False) for p in everyone}
        listed = [p for p in everyone if why[p.id] is None]
        view["members"] = [
            {"id": p.id, "name": p.name, "sex": p.sex, "mandate": p.mandate, "deceased": p.deceased}
            for p in listed
        ]
        view["not_listed"] = [{"id": p.id, "name": p.name, "why": why[p.id]} for p in everyone if why[p.id]]
        files = {member_id for member_id, member in linked if member}  # files that exist
        people = [p for p in listed if p.id in files]
        view["counts"] = {
            "members": len(listed),
            "male": sum(p.sex == "male" for p in people),
            "female": sum(p.sex == "female" for p in people),
        }
    level = _case_level(holder)
    # the box speaks of this case: its own id, country and victims, the holder's facts
    level.id, level.country, level.victims = case_id, _s(data.get("country")), _s(data.get("victims"))
    view["case_level_from"] = _s(holder.get("id")) if holder is not data else None
    view["case_box"] = _box(level, people, ref)
    view["latest_decision"] = _latest_decision(holder, ref)
    items, notes = checklist(people, ref, order=recorded_order(level.draft, level.decisions))
    view["checklist"] = [{"label": item.label, "marker": item.marker} for item in items]
    view["footnotes"] = [{"marker": note.marker, "text": note.text} for note in notes]
    view["events"] = sorted(
        (
            {
                "date": str(e.date),
                "type": _s(e.type),
                "label": ref.event_types.get(_s(e.type)) or _s(e.type),
                "text": _s(e.text),
                "sentence": _s(e.sentence),
            }
            for e in _dated(data.get("events"), "type", "text", "sentence")
        ),
        key=lambda e: e["date"],
    )
    view["follow_up"] = _follow_up(level, today)
    view["as_of"] = today.isoformat()
    view["complaint"] = _complaint(holder.get("complaint"), ref)
    view["missions"] = [
        {k: getattr(m, k) for k in ("kind", "status", "end", "description", "report")} | {"date": str(m.date)}
        for m in level.missions
    ]
    view["pending_missions"] = [
        label(m) + (f": {m.description}" if m.description else "") for m in pending(level.missions)
    ]
    return view


def _complaint(raw: Any, ref: _Reference) -> dict[str, Any] | None:
    """The complaint's status and its examination, steps oldest first; None when there is none."""
    if not isinstance(raw, dict):
        return None
    steps = _dated(raw.get("steps"), "status", "session", "note")
    return {
        "status": current(steps),
        "submitted": _s(raw.get("submitted")),
        "sections": [str(s) for s in _list(raw.get("sections"))],
        "steps": [
            {
                "date": str(s.date),
                "status": _s(s.status),
                "session": _s(s.session),
                "session_name": ref.session_name(s.session),
                "note": _s(s.note),
            }
            for s in steps
        ],
    }


def _group(data: dict[str, Any]) -> SimpleNamespace:
    """A group's membership records, as `domain/membership` reads them."""
    return SimpleNamespace(
        membership=[
            SimpleNamespace(**{k: _s(e.get(k)) for k in ("member", "joined", "left", "reason", "moved_to")})
            for e in _maps(data.get("membership"))
        ]
    )


def _current_count(
    root: Path, group: dict[str, Any], ref: _Reference, today: dt.date, include_confidential: bool
) -> int:
    """How many members a group lists today (`domain/membership`); a member without a file counts,
    a confidential one only with `include_confidential`."""
    people = [_person(member_id, member) for member_id, member in _linked(root, _list(group.get("members")))]
    shown = [p for p in people if include_confidential or marked_public(p)]
    return len(members_on(_group(group), shown, today, ref.sessions, strict=False))


def _linked(root: Path, ids: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    """The files a case names (its groups or members), read; an empty mapping when there is none."""
    out = []
    for case_id in map(str, ids):
        path = path_for_id(root, case_id) if _ANY_ID.match(case_id) else None
        out.append((case_id, _read(path, root) if path is not None and path.is_file() else {}))
    return out


def _box(level: SimpleNamespace, people: list[SimpleNamespace], ref: _Reference) -> list[dict[str, str]]:
    """The case box as of today: the decision's lines, with the session references in words."""
    lines = []
    country = casebox.country_line(level, ref)
    if country is not None:
        lines.append(country)
    if people:
        override = victims_for(level.victims, people)
        lines.append(casebox.BoxLine(*casebox.victims_line(override, people)))
    if level.complaint is not None:
        lines.extend(casebox.complaint_lines(level.complaint))
    lines.append(casebox.missions_line(level.missions))
    lines.append(casebox.hearing_line(level.hearings))
    return [{"label": line.label, "value": line.value} for line in lines]


def _latest_decision(holder: dict[str, Any], ref: _Reference) -> dict[str, Any] | None:
    """The latest decision: its session in words, when it was adopted, and its opening text."""
    decisions = _maps(holder.get("decisions"))
    if not decisions:
        return None
    latest = decisions[-1]
    paragraphs = _maps(latest.get("paragraphs"))
    adopted = _date(latest.get("adopted"))
    return {
        "session": _s(latest.get("session")),
        "session_name": ref.session_name(latest.get("session")),
        "adopted": _s(latest.get("adopted")),
        "adopted_month": month_year(adopted) if adopted else None,
        "paragraphs": len(paragraphs),
        "opening": [_s(p.get("verb")) for p in paragraphs],
        "text": [
            one_line(f"{p.get('verb') or ''} {p.get('text') or ''}".replace("*", "")) for p in paragraphs
        ],
    }


def _follow_up(level: SimpleNamespace, today: dt.date) -> list[dict[str, Any]]:
    """The follow-up as the next decision's case box prints it (counted from the latest decision),
    and the latest entry each way (`communications.FOLLOWED`) with how many months ago it was."""
    rows = []
    log = level.communications
    lines = casebox.follow_up_lines(log, max(level.decisions, key=lambda d: d.adopted, default=None))
    for (direction, party), line in zip(communications.FOLLOWED, lines, strict=True):
        last = communications.latest(log, direction, party)
        rows.append(
            {
                "direction": direction,
                "party": party,
                "label": line.label,
                "text": line.value,
                "date": str(last.date) if last else None,
                "description": last.description if last else None,
                "months_ago": months_since(last.date.year, last.date.month, today) if last else None,
            }
        )
    return rows


# --- the plain text view ----------------------------------------------------------------------


def render_text(view: dict[str, Any], members: bool = False, width: int | None = None) -> str:
    """The plain view printed when stdout is not a terminal (and with --format text)."""
    width = width or terminal_width()
    lines: list[str] = []

    def section(title: str, items: list[tuple[str, str]], empty: str = "none recorded") -> None:
        lines.extend(["", title])
        for text, hang in items or [(empty, "")]:
            lines.extend(wrap(text, width, "  ", "  " + hang))

    if view.get("notice"):
        lines.append(view["notice"])
    lines.append(printable(f"{view['id']}  {view['name'] or ''}".rstrip()))
    for line in heading_lines(view):
        lines.extend(wrap(line, width, "  ", "    "))
    via = f" (case-level facts from {view['case_level_from']})" if view["case_level_from"] else ""
    section(f"Case box{via}", box_rows(view, width - 2))
    section(
        "Alleged violations",
        [(f"✓ {printable(i['label'])}{i['marker']}", "  ") for i in view["checklist"]]
        + [(f"{n['marker']} {printable(n['text'])}", "  ") for n in view["footnotes"]],
    )
    if view["kind"] == "collective":
        shown, more = member_entries(view, members, width)
        lines.extend(["", members_heading(view)])
        lines.extend(f"  {line}" for line in columns_text(shown, width - 2))
        if more:
            lines.append(f"  … {more}")
        for line in not_listed_lines(view):
            lines.extend(wrap(line, width, "  ", "    "))
    section(
        "Timeline",
        [
            (printable(f"{e['date']:<10}  {e['label']}: {one_line(e['text'])}"), " " * 12)
            for e in view["events"]
        ],
    )
    return "\n".join(lines) + "\n"


def heading_lines(view: dict[str, Any]) -> list[str]:
    """The lines under the title: kind, country and parliament, who, status, legacy ids, groups."""
    out = []
    kind = "Collective case" if view["kind"] == "collective" else "Individual case"
    out.append(f"{kind} · {view['country_name']} ({view['country']}) · {view['parliament'] or EMPTY}")
    if view["kind"] == "individual":
        who = [str(view["sex"]).capitalize(), f"{view['mandate']} MP", str(view["affiliation"])]
        if view.get("party"):
            who[-1] += f" ({view['party']})"
        out.append(" · ".join(who))
        if view["deceased"]:
            out.append(f"Deceased{' ' + view['death_date'] if view['death_date'] else ''}")
    out.append(f"Status: {view['status']} · {view['confidentiality']}")
    if view.get("also_known_as"):
        out.append(f"Also known as: {', '.join(view['also_known_as'])}")
    complaint = view.get("complaint")
    if complaint and complaint["steps"]:
        last = complaint["steps"][-1]
        out.append(
            f"Complaint: {complaint['status']} since {last['date']}"
            + (f", {last['session_name']}" if last["session_name"] else "")
        )
    if view["aliases"]:
        out.append(f"Legacy ids: {', '.join(view['aliases'])}")
    if view["kind"] == "individual":
        for group in view["collectives"]:
            extra = f" ({group['title']}, {counted(group['members'], 'member')})" if group["title"] else ""
            out.append(f"Group: {group['id']}{extra}")
    return [printable(line) for line in out]


def box_rows(view: dict[str, Any], width: int) -> list[tuple[str, str]]:
    """The case box as ("Label: value", hanging indent) lines, in the decision's order, with
    the latest decision (and the first lines of its text) and the follow-up as of today."""
    rows = [(printable(f"{row['label']}: {row['value']}"), "  ") for row in view["case_box"]]
    head, *text = decision_lines(view["latest_decision"], width - 4)
    labels = [row["label"] for row in view["case_box"]]
    at = next(
        (i + 1 for i, label in enumerate(labels) if label.startswith("Submission of complaint")), len(rows)
    )
    rows[at:at] = [(f"Latest decision: {head}", "  "), *((f"  {printable(line)}", "     ") for line in text)]
    pending_rows = [(printable(f"  pending: {item}"), "    ") for item in view.get("pending_missions", [])]
    if pending_rows:
        at = next(i for i, (text, _) in enumerate(rows) if text.startswith(f"{MISSIONS_LABEL}: ")) + 1
        rows[at:at] = pending_rows
    rows.append((f"Recent follow-up (as of {view['as_of']}):", "  "))
    for row in view["follow_up"]:
        ago = _ago(row["months_ago"])
        rows.append((printable(f"  {row['label']}: {row['text']}{' · ' + ago if ago else ''}"), "    "))
    return rows


def decision_lines(decision: dict[str, Any] | None, width: int) -> list[str]:
    """The latest decision: "179th session (February 2026): 9 paragraphs" (the month of adoption
    added when the session does not say it), then the first DECISION_LINES lines of its text,
    wrapped at `width`."""
    if decision is None:
        return [EMPTY]
    count = decision["paragraphs"]
    head = decision["session_name"] or EMPTY
    adopted = decision["adopted_month"]
    if adopted and f"({adopted})" not in head:
        head += f", adopted {adopted}"  # later than the session, or a session not in data/
    head += f": {counted(count, 'paragraph')}" if count else "; its text is not held"
    body = [
        line
        for number, paragraph in enumerate(decision["text"], 1)
        for line in wrap(f"{number}. {paragraph}", width, "", "   ")
    ]
    if len(body) > DECISION_LINES:
        body = body[:DECISION_LINES]
        last = body[-1]
        while len(last) + 2 > width and " " in last.strip():
            last = last.rstrip().rsplit(" ", 1)[0]
        body[-1] = last.rstrip(" ,;:") + " …"
    return [printable(head), *body]


def members_heading(view: dict[str, Any]) -> str:
    counts = view["counts"]
    return f"Members: {counts['members']} ({counts['male']} male, {counts['female']} female)"


def not_listed_lines(view: dict[str, Any]) -> list[str]:
    """The group's members its next decision does not list, and why: "Not listed: MDA-42
    Tatiana Rusnac-Iepure (closed 2025-12-05)" (`domain/membership`)."""
    return [
        printable(f"Not listed: {m['id']} {m['name'] or '(no file)'} ({m['why']})")
        for m in view.get("not_listed", [])
    ]


def member_entries(view: dict[str, Any], members: bool, width: int) -> tuple[list[str], str]:
    """The members as "KHM-48 Mu Sochua (Ms.)" entries for columns, and what is left out.

    Without `members`, as many as MEMBER_LINES lines of columns hold.
    """
    entries = [
        printable(
            f"{m['id']} {m['name'] or '(no file)'}"
            + (" (Ms.)" if m["sex"] == "female" else "")
            + (" †" if m["deceased"] else "")
        )
        for m in view["members"]
    ]
    if members or len(columns_text(entries, width - 2)) <= MEMBER_LINES:
        return entries, ""
    fit = column_count(entries, width - 2) * MEMBER_LINES
    while fit < len(entries) and len(columns_text(entries[: fit + 1], width - 2)) <= MEMBER_LINES:
        fit += 1
    return entries[:fit], f"and {len(entries) - fit} more: --members lists all {len(entries)}"


def _ago(months: int | None) -> str:
    if months is None:
        return ""
    if months <= 0:
        return "this month"
    return f"{counted(months, 'month')} ago"
