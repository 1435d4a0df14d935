"""Starting a case file from the commented skeletons in templates/.

`ipu new` renders `templates/<kind>-case.yaml.j2` (editable by the
secretariat), checks the result exactly as `ipu validate` checks a file, and
refuses to overwrite a file or to reuse an id or a legacy id. A group and its
members name each other, so a new group is added to its members'
`collectives` and a new member to its group's `members` (only lines added).

All or nothing, under lock: the new file and every file it links go through
the editing sequence's multi-file variant (`edits/engine.edit_files`): all
locked (the lock every editing command takes), the linked files read again
under the lock, edited as text, proved, checked, and written together: if any
write fails, every file is left as it was. A read-only file, a link or a device
is refused.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipu_cli.checks.pipeline import check_loaded, load_case_base
from ipu_cli.domain.cases import CollectiveCase, IndividualCase
from ipu_cli.domain.ids import id_key, id_parts, is_collective_id, normalise_id
from ipu_cli.edits.engine import Change, edit_files, insert, list_at
from ipu_cli.errors import IpuError
from ipu_cli.queries.lookup import find_case
from ipu_cli.store.casebase import CaseBase
from ipu_cli.store.paths import display_path, path_for_id
from ipu_cli.store.textedit import Document, scalar
from ipu_cli.store.yamlload import load_text

KINDS = ("individual", "collective")
REQUIRED = {
    "individual": ("name", "sex", "parliament", "mandate", "affiliation"),
    "collective": ("parliament", "members"),
}


class NewCaseError(IpuError):
    """The case cannot be created; nothing was written."""


@dataclass
class NewCase:
    """What the officer gave on the command line."""

    kind: str
    id: str
    name: str | None = None
    sex: str | None = None
    country: str | None = None
    parliament: str | None = None
    mandate: str | None = None
    affiliation: str | None = None
    party: str | None = None
    title: str | None = None
    aliases: list[str] = field(default_factory=list)
    collectives: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


@dataclass
class Created:
    path: Path
    linked: list[Path]


def missing_options(spec: NewCase) -> list[str]:
    """The options a kind of case cannot do without (the model requires them)."""
    return [
        f"--{name.rstrip('s') if name == 'members' else name}"
        for name in REQUIRED[spec.kind]
        if not getattr(spec, name)
    ]


def create_case(root: Path, spec: NewCase, base: CaseBase | None = None) -> Created:
    """Write the new case file (and the links from its group or members); all checked first."""
    from ipu_cli.documents.environment import TemplateError, render_text

    if spec.kind not in KINDS:
        raise NewCaseError(f"kind must be individual or collective, got '{spec.kind}'")
    case_id = normalise_id(spec.id)
    if case_id is None or is_collective_id(case_id) != (spec.kind == "collective"):
        expected = (
            "a collective id such as KHM-COLL-03" if spec.kind == "collective" else "an id such as KHM-60"
        )
        raise NewCaseError(f"'{spec.id}' is not {expected}")
    path = path_for_id(root, case_id)
    shown = display_path(path, root)
    if path.exists() or path.is_symlink():
        raise NewCaseError(f"{shown} already exists; not overwritten")
    base = base or load_case_base(root)
    same = [other for other in base.records if id_parts(other) == id_parts(case_id)]
    if same:  # PHL-8 when PHL-08 exists: the same case, spelt otherwise
        raise NewCaseError(f"{base.records[same[0]].path} already exists; not overwritten")
    _refuse_taken(base, case_id, spec.aliases)

    country = spec.country or case_id[:3]
    members = [_linked_case(base, m, IndividualCase).id for m in spec.members]
    groups = [_linked_case(base, g, CollectiveCase).id for g in spec.collectives]
    context = skeleton_context(spec, case_id, country, members, groups)
    try:
        text = render_text(f"{spec.kind}-case.yaml.j2", context, root)
    except TemplateError as exc:
        raise NewCaseError(str(exc)) from None
    result = check_loaded(path, load_text(text, shown), base.reference)
    errors = [p for p in result.problems if p.is_error]
    if errors or result.record is None:
        raise NewCaseError(f"{shown} would not be valid; nothing written", errors)
    links = _link_targets(root, base, country, members, groups)
    created_folder = not path.parent.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        linked = _write_locked(root, base, case_id, path, text, links)
    except BaseException:
        if created_folder:
            shutil.rmtree(path.parent, ignore_errors=True)
        raise
    return Created(path, linked)


def _write_locked(
    root: Path, base: CaseBase, case_id: str, path: Path, text: str, links: list[tuple[Path, str]]
) -> list[Path]:
    """Under the locks of every file: link the case in each file as it is then, check, write all or none."""
    edits = [(link_path, _link(key, case_id)) for link_path, key in links]
    done = edit_files(root, edits, base.reference, created=[(path, text.encode("utf-8"))])
    return [edited.path for edited in done]


def skeleton_context(
    spec: NewCase, case_id: str, country: str, members: list[str], groups: list[str]
) -> dict[str, Any]:
    """What `templates/<kind>-case.yaml.j2` prints: every value as YAML text."""
    return {
        "id": case_id,
        "aliases": scalar(spec.aliases) if spec.aliases else "",
        "name": scalar(spec.name) if spec.name else "",
        "sex": scalar(spec.sex) if spec.sex else "",
        "country": scalar(country),
        "parliament": scalar(spec.parliament) if spec.parliament else "",
        "mandate": scalar(spec.mandate) if spec.mandate else "",
        "affiliation": scalar(spec.affiliation) if spec.affiliation else "",
        "party": scalar(spec.party) if spec.party else "",
        "title": scalar(spec.title) if spec.title else "",
        "collectives": scalar(groups) if groups else "",
        "members": [scalar(m) for m in members],
    }


def sample_contexts(kind: str) -> Any:
    """For `ipu templates check`: the skeleton `ipu new` would write for each case of `kind`."""

    def build(base: CaseBase) -> Any:
        for case in base.cases():
            if isinstance(case, CollectiveCase) != (kind == "collective"):
                continue
            spec = NewCase(
                kind,
                case.id,
                name=getattr(case, "name", None),
                sex=getattr(case, "sex", None),
                parliament=case.parliament,
                mandate=getattr(case, "mandate", None),
                affiliation=getattr(case, "affiliation", None),
                party=getattr(case, "party", None),
                title=getattr(case, "title", None),
                aliases=list(case.aliases),
            )
            members = list(getattr(case, "members", []))
            groups = list(getattr(case, "collectives", []))
            yield (
                f"{case.id} as 'ipu new' would start it",
                skeleton_context(spec, case.id, case.country, members, groups),
            )

    return build


def skeleton_builders() -> dict[str, Any]:
    """For `ipu templates check`: the skeleton templates, by document name, with their contexts."""
    return {f"{kind}-case": sample_contexts(kind) for kind in KINDS}


def _refuse_taken(base: CaseBase, case_id: str, aliases: list[str]) -> None:
    for name in (case_id, *aliases):
        if name in base.records:
            raise NewCaseError(f"'{name}' is already the id of {base.records[name].path}")
        owner = base.aliases.get(name)
        if owner:
            raise NewCaseError(f"'{name}' is already a legacy id of {owner} ({base.records[owner].path})")


def _linked_case(base: CaseBase, typed: str, want: type) -> Any:
    """A member or group named on the command line, as every command finds a case (ids, loose
    spellings, legacy ids), and of the kind the link needs."""
    other = find_case(base, typed)
    if not isinstance(other, want):
        kind = "an individual case" if want is IndividualCase else "a collective case"
        raise NewCaseError(f"{other.id} is not {kind}")
    return other


def _link_targets(
    root: Path, base: CaseBase, country: str, members: list[str], groups: list[str]
) -> list[tuple[Path, str]]:
    """The files that must name the new case back, with the list that names it."""
    out = []
    for other_id, want, key in [(m, IndividualCase, "collectives") for m in members] + [
        (g, CollectiveCase, "members") for g in groups
    ]:
        other = _linked_case(base, other_id, want)
        if other.country != country:
            raise NewCaseError(f"{other.id} is from {other.country}, the new case from {country}")
        out.append((root / base.records[other.id].path, key))
    return out


def _link(key: str, case_id: str) -> Callable[[Document], Change]:
    """The change adding `case_id` to the file's list `key`, in id order when the list is (none if there)."""

    def build(doc: Document) -> Change:
        items = list_at(doc, (key,))
        if case_id in items:
            return Change([], doc.data, "", noun=f"link to {case_id}")
        at = len(items)
        if all(isinstance(i, str) for i in items) and items == sorted(items, key=id_key):
            while at > 0 and id_key(items[at - 1]) > id_key(case_id):
                at -= 1
        inserted = insert(doc, (key,), case_id, at)
        return Change([inserted.splice], inserted.expected, f"linked {case_id}", noun=f"link to {case_id}")

    return build
