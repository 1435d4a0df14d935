"""`ipu show`: one case, read from its own file and the few files it names.

This path must start fast, so it works on the plain data the loader returns
and imports neither Pydantic nor the renderers. It does not validate: that is
`ipu validate`'s job; a file too broken to read is reported and refused.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ipu_cli.checks.problems import Problem
from ipu_cli.domain import communications
from ipu_cli.domain.complaints import current
from ipu_cli.domain.dates import PartialDate, months_since
from ipu_cli.domain.groups import holds_own_case
from ipu_cli.domain.ids import id_parts, resolve_id
from ipu_cli.domain.missions import label, pending
from ipu_cli.errors import IpuError
from ipu_cli.queries.lookup import unknown_case
from ipu_cli.store.paths import DATA, case_files, display_path, path_for_id, stem_id
from ipu_cli.store.yamlload import load_file


class ShowError(IpuError):
    """A case that cannot be shown; the message is for stderr."""


def find_case(root: Path, text: str) -> Path:
    """The file of a case named by its id, a loose spelling of it, or a legacy id.

    Only the case's country folder is listed (the id says which), so a large
    base costs nothing; a legacy id costs a scan, helped by the cache's index.
    """
    typed = text.strip()
    parts = id_parts(typed) if typed else None
    if parts is not None:
        files = {stem_id(Path(name)): Path(name) for name in case_files(root, parts[0])}
        found = resolve_id(typed, files)
        if found is not None:
            return files[found]
    alias = _find_alias(root, typed)
    if alias is not None:
        return alias
    raise unknown_case(typed, (stem_id(Path(name)) for name in case_files(root)) if typed else ())


def _find_alias(root: Path, alias: str) -> Path | None:
    """Scan files for a legacy id; only reached when the id is not a file name.

    The index the last full read of the base left in the cache (ipu_cli/cache.py)
    is tried first; its answer is checked against the file itself, so a stale
    index only costs the scan.
    """
    if not alias:
        return None
    from ipu_cli.store.cache import alias_hint

    hint = alias_hint(root, alias)
    if hint:
        candidate = root / hint
        try:
            if candidate.is_file() and alias in (_read(candidate, root).get("aliases") or []):
                return candidate
        except ShowError:
            pass
    # Legacy ids are matched regardless of case: 'cmbd/60' finds CMBD/60.
    wanted = alias.upper()
    needle = wanted.encode()
    for name in case_files(root):
        try:
            with open(name, "rb") as handle:
                raw = handle.read()
        except OSError:
            continue
        if needle not in raw.upper():
            continue
        try:
            data = _read(Path(name), root)
        except ShowError:
            continue
        if wanted in (str(a).upper() for a in data.get("aliases") or []):
            return Path(name)
    return None


def _read(path: Path, root: Path) -> dict[str, Any]:
    loaded = load_file(path, display_path(path, root))
    if not loaded.ok or not isinstance(loaded.data, dict):
        problems = [Problem.of(loaded.path, fault) for fault in loaded.faults] or [
            Problem(loaded.path, 1, 1, "not-a-mapping", "expected a mapping")
        ]
        raise ShowError(f"cannot read {loaded.path}; run 'ipu validate' for details", problems)
    return loaded.data


def _reference(root: Path, name: str) -> dict[str, Any]:
    path = root / DATA / name
    if not path.is_file():
        return {}
    loaded = load_file(path)
    return loaded.data if isinstance(loaded.data, dict) else {}


def case_view(root: Path, text: str, today: dt.date | None = None) -> dict[str, Any]:
    """Everything `ipu show` prints, as plain data (also the --format json/yaml output)."""
    today = today or dt.date.today()
    path = find_case(root, text)
    data = _read(path, root)
    labels = {
        c.get("code"): c.get("label")
        for c in _reference(root, "violations.yaml").get("categories", [])
        if isinstance(c, dict)
    }
    types = {
        t.get("code"): t.get("label")
        for t in _reference(root, "event-types.yaml").get("types", [])
        if isinstance(t, dict)
    }
    countries = {
        c.get("code"): c
        for c in _reference(root, "countries.yaml").get("countries", [])
        if isinstance(c, dict)
    }
    country = countries.get(data.get("country"), {})
    kind = "collective" if "members" in data else "individual"
    view: dict[str, Any] = {
        "id": data.get("id"),
        "kind": kind,
        "file": display_path(path, root),
        "name": data.get("name") or data.get("title"),
        "aliases": data.get("aliases", []),
        "country": data.get("country"),
        "country_name": country.get("name", data.get("country")),
        "region": country.get("region"),
        "parliament": data.get("parliament"),
        "status": (data.get("status") or {}).get("state", "active"),
        "confidentiality": data.get("confidentiality", "confidential"),
    }
    case_level = data
    if kind == "individual":
        view.update(
            {
                "also_known_as": data.get("also_known_as") or [],
                "sex": data.get("sex"),
                "mandate": data.get("mandate"),
                "affiliation": data.get("affiliation"),
                "party": data.get("party"),
                "deceased": bool(data.get("deceased")),
                "death_date": _s(data.get("death_date")),
                "violations": [
                    {
                        "code": v.get("code"),
                        "label": labels.get(v.get("code"), v.get("code")),
                        "scope": v.get("scope", "current"),
                        "note": v.get("note"),
                    }
                    for v in data.get("violations", [])
                    if isinstance(v, dict)
                ],
            }
        )
        linked = _linked(root, data.get("collectives", []))
        view["collectives"] = [
            {
                "id": group_id,
                "title": group.get("title"),
                "members": len(group.get("members", [])) if group else None,
            }
            for group_id, group in linked
        ]
        owner = SimpleNamespace(collective=False, collectives=[group_id for group_id, _ in linked])
        if not holds_own_case(owner) and linked[0][1]:
            case_level = linked[0][1]  # the group holds the case: its decisions and log
    else:
        members = [
            {
                "id": member_id,
                "name": member.get("name"),
                "sex": member.get("sex"),
                "deceased": bool(member.get("deceased")),
            }
            for member_id, member in _linked(root, data.get("members", []))
        ]
        view["members"] = members
        view["counts"] = {
            "members": len(members),
            "male": sum(m["sex"] == "male" for m in members),
            "female": sum(m["sex"] == "female" for m in members),
        }
    events = [
        {
            "date": _s(e.get("date")),
            "type": e.get("type"),
            "label": types.get(e.get("type"), e.get("type")),
            "text": e.get("text"),
            "sentence": e.get("sentence"),
        }
        for e in data.get("events", [])
        if isinstance(e, dict)
    ]
    view["events"] = sorted(events, key=lambda e: str(e["date"]))
    source = case_level.get("id") if case_level is not data else None
    view["case_level_from"] = source
    decisions = [d for d in case_level.get("decisions", []) if isinstance(d, dict)]
    if decisions:
        latest = decisions[-1]
        view["latest_decision"] = {
            "session": latest.get("session"),
            "adopted": _s(latest.get("adopted")),
            "paragraphs": len(latest.get("paragraphs") or []),
            "opening": [p.get("verb") for p in latest.get("paragraphs") or [] if isinstance(p, dict)],
        }
    else:
        view["latest_decision"] = None
    view["follow_up"] = _follow_up(case_level.get("communications", []), today)
    view["as_of"] = today.isoformat()
    view["complaint"] = _complaint(case_level.get("complaint"))
    missions = _records(case_level.get("missions", []), _Mission)
    view["missions"] = [m.row() for m in missions]
    view["pending_missions"] = [
        label(m) + (f": {m.description}" if m.description else "") for m in pending(missions)
    ]
    return view


def _records(raw: Any, kind: type[Any]) -> list[Any]:
    """The readable records of a list as the file spells it (`ipu validate` reports the others)."""
    out = []
    for item in raw if isinstance(raw, list) else []:
        try:
            out.append(kind(item))
        except (AttributeError, ValueError, TypeError):
            continue
    return out


class _Mission:
    """A mission record as the file spells it, with the defaults of the model (carried-out mission)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.date = PartialDate.parse(raw.get("date"))
        self.kind = str(raw.get("kind") or "mission")
        self.status = str(raw.get("status") or "carried-out")
        self.description = raw.get("description")
        self.raw = raw

    def row(self) -> dict[str, Any]:
        end, report = self.raw.get("end"), self.raw.get("report")
        return {
            "date": str(self.date),
            "end": _s(end),
            "kind": self.kind,
            "status": self.status,
            "description": self.description,
            "report": report,
        }


class _Step:
    def __init__(self, raw: dict[str, Any]) -> None:
        self.date = PartialDate.parse(raw.get("date"))
        self.status = str(raw.get("status"))
        self.session = raw.get("session")
        self.note = raw.get("note")


def _complaint(raw: Any) -> dict[str, Any] | None:
    """The complaint's status and its examination, steps oldest first; None when there is none."""
    if not isinstance(raw, dict):
        return None
    steps = _records(raw.get("steps"), _Step)
    return {
        "status": current(steps),
        "submitted": _s(raw.get("submitted")),
        "sections": raw.get("sections") or [],
        "steps": [
            {"date": str(s.date), "status": s.status, "session": s.session, "note": s.note} for s in steps
        ],
    }


def _linked(root: Path, ids: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    """The files a case names (its groups or members), read; an empty mapping when there is none."""
    out = []
    for case_id in ids:
        path = path_for_id(root, str(case_id))
        out.append((str(case_id), _read(path, root) if path.is_file() else {}))
    return out


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


class _Entry:
    """A log entry as the file spells it, with its date parsed: what `domain.communications` reads."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.date = PartialDate.parse(raw.get("date"))
        self.direction = raw.get("direction")
        self.party = raw.get("party")
        self.internal = bool(raw.get("internal"))


def _follow_up(log: list[Any], today: dt.date) -> list[dict[str, Any]]:
    """The latest entry each way (`communications.FOLLOWED`), and how many months ago it was."""
    entries = []
    for raw in log:
        try:
            entries.append(_Entry(raw))
        except (AttributeError, ValueError):
            continue  # not a mapping, or no readable date: `ipu validate` reports it
    rows = []
    for direction, party in communications.FOLLOWED:
        last = communications.latest(entries, direction, party)
        rows.append(
            {
                "direction": direction,
                "party": party,
                "date": str(last.date) if last else None,
                "description": last.raw.get("description") if last else None,
                "months_ago": months_since(last.date.year, last.date.month, today) if last else None,
            }
        )
    return rows


def render_text(view: dict[str, Any]) -> str:
    """The plain view printed when stdout is not a terminal."""
    lines: list[str] = []
    add = lines.append

    def section(title: str, items: list[str]) -> None:
        add("")
        add(title)
        lines.extend(f"  {item}" for item in items or ["none recorded"])

    add(f"{view['id']}  {view['name'] or ''}".rstrip())
    kind = "Collective case" if view["kind"] == "collective" else "Individual case"
    add(f"  {kind} · {view['country_name']} ({view['country']}) · {view['parliament']}")
    if view["kind"] == "individual":
        who = [str(view["sex"]).capitalize(), f"{view['mandate']} MP", str(view["affiliation"])]
        if view.get("party"):
            who[-1] += f" ({view['party']})"
        add("  " + " · ".join(who))
        if view["deceased"]:
            add(f"  Deceased{' ' + view['death_date'] if view['death_date'] else ''}")
    add(f"  Status: {view['status']} · {view['confidentiality']}")
    if view.get("also_known_as"):
        add(f"  Also known as: {', '.join(view['also_known_as'])}")
    complaint = view.get("complaint")
    if complaint and complaint["steps"]:
        last = complaint["steps"][-1]
        add(
            f"  Complaint: {complaint['status']} since {last['date']}"
            + (f" ({last['session']})" if last["session"] else "")
        )
    if view["aliases"]:
        add(f"  Legacy ids: {', '.join(view['aliases'])}")
    if view["kind"] == "individual":
        for group in view["collectives"]:
            extra = f" ({group['title']}, {group['members']} members)" if group["title"] else ""
            add(f"  Group: {group['id']}{extra}")
        section(
            "Violations",
            [
                f"{v['scope']:<8} {v['label']}" + (f" ({v['note']})" if v.get("note") else "")
                for v in view["violations"]
            ],
        )
    else:
        counts = view["counts"]
        add(f"  Members: {counts['members']} ({counts['male']} male, {counts['female']} female)")
        add("")
        add("Members")
        for m in view["members"]:
            flags = " (Ms.)" if m["sex"] == "female" else ""
            flags += " †" if m["deceased"] else ""
            add(f"  {m['id']:<8} {m['name'] or '(no file)'}{flags}")
    section("Timeline", [f"{e['date']:<10}  {e['label']}: {_one_line(e['text'])}" for e in view["events"]])
    via = f" (from {view['case_level_from']})" if view["case_level_from"] else ""
    add("")
    add(f"Latest decision{via}")
    decision = view["latest_decision"]
    if decision:
        add(f"  {decision['session']}, adopted {decision['adopted']}: {decision['paragraphs']} paragraphs")
    else:
        add("  none")
    add("")
    add(f"Follow-up as of {view['as_of']}{via}")
    for row in view["follow_up"]:
        label = f"{row['direction']} the {row['party']}"
        if row["date"] is None:
            add(f"  {label:<20} - - -")
            continue
        desc = f"  {row['description']}" if row["description"] else ""
        add(f"  {label:<20} {row['date']:<10} {_ago(row['months_ago'])}{desc}")
    if view.get("pending_missions"):
        section("Pending missions", view["pending_missions"])
    return "\n".join(lines) + "\n"


def _one_line(text: Any) -> str:
    return " ".join(str(text or "").split())


def _ago(months: int | None) -> str:
    if months is None:
        return ""
    if months <= 0:
        return "(this month)"
    return f"({months} month{'s' if months != 1 else ''} ago)"
