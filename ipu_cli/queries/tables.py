"""The case base as data: one SQLite database, a folder of CSV files, or one JSON document.

All three are written from the same tables (`tables`), one per concept, with
the keys and foreign keys of the SQLite schema, so a query gives the same
answer whichever form it runs on. Only what `confidentiality.visible` lets
through is exported; drafts (work in progress) and addressees are not. Every
form is written atomically: a temporary file or folder next to the target,
then a rename.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.domain.cases import CollectiveCase, IndividualCase
from ipu_cli.domain.ids import id_key
from ipu_cli.domain.membership import entry_of
from ipu_cli.domain.visibility import visible
from ipu_cli.errors import IpuError, UsageError
from ipu_cli.queries.filters import state
from ipu_cli.store.atomic import replacing, replacing_folder

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase

FORMATS = ("json", "csv", "sqlite")


class ExportError(UsageError):
    """The target cannot be written (a usage error, not a crash)."""


@dataclass
class Table:
    """One table: column definitions (SQL), extra constraints, and the rows."""

    name: str
    columns: list[tuple[str, str]]
    constraints: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]

    def ddl(self) -> str:
        parts = [f"{name} {kind}" for name, kind in self.columns] + self.constraints
        return f"CREATE TABLE {self.name} (\n  " + ",\n  ".join(parts) + "\n)"


CHILDREN: dict[str, tuple[str, str, str]] = {
    # table: (field of the parent model, key column, parent table)
    "events": ("events", "case_id", "cases"),
    "missions": ("missions", "case_id", "cases"),
    "hearings": ("hearings", "case_id", "cases"),
    "communications": ("communications", "case_id", "cases"),
    "decisions": ("decisions", "case_id", "cases"),
    "paragraphs": ("paragraphs", "decision_id", "decisions"),
    "violations": ("violations", "member_id", "members"),
}
"""Tables of records held in a list of a model: their columns are the record model's fields."""

NOT_EXPORTED = {"draft", "addressees", "agenda"}
"""Model fields left out: work in progress (the draft), who letters go to, and session agendas."""


def _item_model(parent: type[Any], name: str) -> type[Any]:
    """The model of the records held in list field `name` of `parent` (list[Event] -> Event)."""
    import typing

    annotation = parent.model_fields[name].annotation
    (inner,) = typing.get_args(annotation)
    return inner


def _sql_type(info: Any) -> str:
    """TEXT, INTEGER for whole numbers and booleans; NOT NULL when the field is required."""
    import typing

    annotation = info.annotation
    kinds = set(typing.get_args(annotation)) or {annotation}
    kind = "INTEGER" if kinds & {bool, int} else "TEXT"
    return f"{kind} NOT NULL" if info.is_required() or kinds <= {bool} else kind


def _child_table(name: str) -> Table:
    """A table of records derived from their model: id, parent key, then every field not itself a list of records."""
    from ipu_cli.domain.cases import CollectiveCase, Decision, IndividualCase

    field_name, key, parent_table = CHILDREN[name]
    parent = {"decisions": Decision, "members": IndividualCase}.get(parent_table, CollectiveCase)
    model = _item_model(parent, field_name)
    key_type = "INTEGER" if parent_table == "decisions" else "TEXT"
    columns = [("id", "INTEGER PRIMARY KEY"), (key, f"{key_type} NOT NULL REFERENCES {parent_table}(id)")]
    if name == "paragraphs":
        columns.append(("number", "INTEGER NOT NULL"))
    for column, info in model.model_fields.items():
        if column in CHILDREN:
            continue  # a list of records of its own (a decision's paragraphs)
        sql = _sql_type(info)
        if name == "violations" and column == "code":
            sql += " REFERENCES violation_categories(code)"
        columns.append((column, sql))
    return Table(name, columns)


def _cell(value: Any) -> Any:
    """A model value as SQLite holds it: booleans as 0/1, lists as JSON text (None when empty)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False) if value else None
    return value


def _schema() -> dict[str, Table]:
    ref_case = "TEXT NOT NULL REFERENCES cases(id)"
    tables = [
        Table(
            "cases",
            [
                ("id", "TEXT PRIMARY KEY"),
                ("kind", "TEXT NOT NULL CHECK (kind IN ('individual', 'collective'))"),
                ("country", "TEXT NOT NULL"),
                ("country_name", "TEXT"),
                ("region", "TEXT"),
                ("parliament", "TEXT"),
                ("title", "TEXT"),
                ("summary", "TEXT"),
                ("victims", "TEXT"),
                ("complaint_submitted", "TEXT"),
                ("complaint_also_submitted", "TEXT"),
                ("complaint_sections", "TEXT"),
                ("complainant", "TEXT"),
                ("complaint_status", "TEXT"),
                ("complaint_steps", "TEXT"),
                ("status", "TEXT NOT NULL"),
                ("closed_on", "TEXT"),
                ("closure_reason", "TEXT"),
                ("closure_session", "TEXT"),
                ("confidentiality", "TEXT NOT NULL"),
            ],
        ),
        Table(
            "members",
            [
                ("id", "TEXT PRIMARY KEY REFERENCES cases(id)"),
                ("name", "TEXT NOT NULL"),
                ("also_known_as", "TEXT"),
                ("published_names", "TEXT"),
                ("sex", "TEXT NOT NULL"),
                ("mandate", "TEXT"),
                ("terms", "TEXT"),
                ("affiliation", "TEXT"),
                ("young", "INTEGER NOT NULL"),
                ("party", "TEXT"),
                ("deceased", "INTEGER NOT NULL"),
                ("death_date", "TEXT"),
            ],
        ),
        Table("aliases", [("alias", "TEXT PRIMARY KEY"), ("case_id", ref_case)]),
        Table(
            "memberships",
            [
                ("collective_id", ref_case),
                ("member_id", "TEXT NOT NULL REFERENCES members(id)"),
                ("position", "INTEGER NOT NULL"),
                ("joined", "TEXT"),
                ("left_at", "TEXT"),
                ("left_reason", "TEXT"),
                ("moved_to", "TEXT"),
            ],
            ["PRIMARY KEY (collective_id, member_id)"],
        ),
        Table(
            "violation_categories",
            [
                ("code", "TEXT PRIMARY KEY"),
                ("label", "TEXT NOT NULL"),
                ("label_fr", "TEXT"),
                ("violation_group", "TEXT"),
                ("position", "INTEGER NOT NULL"),
            ],
        ),
    ]
    tables.insert(5, _child_table("violations"))
    tables += [_child_table(name) for name in CHILDREN if name != "violations"]
    return {t.name: t for t in tables}


def tables(base: CaseBase, include_confidential: bool = False) -> dict[str, Table]:
    """Every table, filled with the cases the export may show (in natural id order)."""
    ref = base.reference
    out = _schema()
    shown = sorted(visible(base.cases(), base, include_confidential), key=lambda c: id_key(c.id))
    ids = {case.id for case in shown}

    def add(table_name: str, /, **row: Any) -> int:
        table = out[table_name]
        if "id" in table.column_names and table.columns[0][1] == "INTEGER PRIMARY KEY":
            row["id"] = len(table.rows) + 1
        table.rows.append({c: row.get(c) for c in table.column_names})
        return len(table.rows)

    def add_records(table_name: str, key: Any, items: list[Any]) -> None:
        """One row per record of a list field, and its own lists' records below it."""
        column = CHILDREN[table_name][1]
        for number, item in enumerate(items, 1):
            values = {f: _cell(v) for f, v in item.model_dump(mode="json").items() if f not in CHILDREN}
            row_id = add(table_name, **{column: key, "number": number, **values})
            for child, (field_name, _, parent) in CHILDREN.items():
                if parent == table_name:
                    add_records(child, row_id, getattr(item, field_name))

    for position, (code, category) in enumerate(ref.violations.items(), 1):
        add(
            "violation_categories",
            code=code,
            label=category.label,
            label_fr=category.label_fr,
            violation_group=category.group,
            position=position,
        )
    known = set(ref.violations)
    for case in shown:
        status, closed = state(case, base)
        country = ref.countries.get(case.country)
        complaint = case.complaint
        add(
            "cases",
            id=case.id,
            kind="collective" if isinstance(case, CollectiveCase) else "individual",
            country=case.country,
            country_name=ref.country_name(case.country),
            region=country.region if country else None,
            parliament=case.parliament,
            title=case.title if isinstance(case, CollectiveCase) else None,
            summary=case.summary,
            victims=case.victims,
            complaint_submitted=str(complaint.submitted) if complaint else None,
            complaint_also_submitted=", ".join(map(str, complaint.also_submitted)) if complaint else None,
            complaint_sections=", ".join(complaint.sections) if complaint else None,
            complainant=complaint.complainant if complaint else None,
            complaint_status=complaint.status if complaint else None,
            complaint_steps=_cell(complaint.model_dump(mode="json")["steps"]) if complaint else None,
            status=status,
            closed_on=str(closed) if closed else None,
            closure_reason=case.status.reason,
            closure_session=case.status.session,
            confidentiality=case.confidentiality,
        )
        for alias in case.aliases:
            add("aliases", alias=alias, case_id=case.id)
        for name, (field_name, _, parent) in CHILDREN.items():
            if parent == "cases":
                add_records(name, case.id, getattr(case, field_name))
        if isinstance(case, IndividualCase):
            add(
                "members",
                id=case.id,
                name=case.name,
                also_known_as=_cell(case.also_known_as),
                published_names=_cell([p.model_dump() for p in case.published_names]),
                sex=case.sex,
                mandate=case.mandate,
                terms=_cell([t.model_dump(mode="json") for t in case.terms]),
                affiliation=case.affiliation,
                young=int(case.young),
                party=case.party,
                deceased=int(case.deceased),
                death_date=str(case.death_date) if case.death_date else None,
            )
            for violation in case.violations:
                if violation.code not in known:
                    known.add(violation.code)
                    add(
                        "violation_categories",
                        code=violation.code,
                        label=violation.code,
                        position=len(out["violation_categories"].rows) + 1,
                    )
            add_records("violations", case.id, case.violations)
    members = {c.id for c in shown if isinstance(c, IndividualCase)}
    for case in shown:
        if isinstance(case, CollectiveCase):
            seen: set[str] = set()
            for member in case.members:  # positions count the members shown: no gap betrays one left out
                if member in members and member in ids and member not in seen:
                    seen.add(member)
                    entry = entry_of(case, member)
                    add(
                        "memberships",
                        collective_id=case.id,
                        member_id=member,
                        position=len(seen),
                        joined=entry.joined if entry else None,
                        left_at=entry.left if entry else None,
                        left_reason=entry.reason if entry else None,
                        moved_to=entry.moved_to if entry else None,
                    )
    return out


# --- writers ------------------------------------------------------------------------------


def to_json(data: dict[str, Table], notice: str | None = None) -> str:
    doc: dict[str, Any] = {"notice": notice} if notice else {}
    doc.update({name: table.rows for name, table in data.items()})
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_sqlite(data: dict[str, Table], path: Path, notice: str | None = None) -> None:
    """A fresh database at `path`, built in a temporary file and renamed into place."""
    with replacing(path) as tmp:
        connection = sqlite3.connect(tmp)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            with connection:
                connection.execute("CREATE TABLE export_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                connection.execute(
                    "INSERT INTO export_info VALUES ('confidentiality', ?)",
                    (notice or "public cases only",),
                )
                for table in data.values():
                    connection.execute(table.ddl())
                    names = table.column_names
                    connection.executemany(
                        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                        [tuple(row[c] for c in names) for row in table.rows],
                    )
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise ExportError(f"internal error: foreign keys broken in the export: {broken[:3]}")
        finally:
            connection.close()


def write_csv_folder(data: dict[str, Table], path: Path, notice: str | None = None) -> None:
    """One CSV file per table in a folder, built aside and renamed into place.

    An existing folder is replaced only when it holds nothing but CSV files
    (an earlier export), so a mistyped -o never deletes someone's work.
    """
    from ipu_cli.queries.rows import render_rows

    _refuse_other_files(path)
    with replacing_folder(path) as tmp:
        for table in data.values():
            text = render_rows(table.rows, "csv", table.column_names, banner=notice)
            (tmp / f"{table.name}.csv").write_text(text, encoding="utf-8")


def _refuse_other_files(path: Path) -> None:
    """A CSV export replaces a folder only when it holds nothing but CSV files (an earlier export)."""
    if path.is_dir() and not path.is_symlink():
        others = sorted(p.name for p in path.iterdir() if not p.name.endswith(".csv") or not p.is_file())
        if others:
            raise ExportError(f"{path} holds files other than CSV ({others[0]}); choose another folder")


def export(
    base: CaseBase, fmt: str, path: Path, include_confidential: bool = False, *, force: bool = False
) -> dict[str, int]:
    """Write the export to `path`; returns the row count of each table.

    With `include_confidential` the output carries `confidentiality.NOTICE`
    first: the JSON's first key, each CSV file's first line, the SQLite
    `export_info` table. An existing target is replaced only with `force`, a link
    or a device never (`store.atomic.check_target`).
    """
    from ipu_cli.domain.visibility import NOTICE
    from ipu_cli.store.atomic import check_target

    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")
    if fmt == "csv":
        _refuse_other_files(path)
    check_target(path, force=force, folder=fmt == "csv")
    data = tables(base, include_confidential)
    notice = NOTICE if include_confidential else None
    try:
        if fmt == "sqlite":
            write_sqlite(data, path, notice)
        elif fmt == "csv":
            write_csv_folder(data, path, notice)
        else:
            from ipu_cli.store.atomic import write_text

            write_text(path, to_json(data, notice))
    except OSError as exc:
        raise IpuError(f"cannot write {path}: {exc.strerror or exc}") from None
    return {name: len(table.rows) for name, table in data.items()}
