"""`ipu export`: SQLite, CSV and JSON from the same tables, written atomically."""

from __future__ import annotations

import csv
import json
import sqlite3


def test_sqlite_answers_the_same_counts(repo, ipu, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "cases.db"
    result = ipu("export", "--format", "sqlite", "-o", str(target))
    assert result.code == 0 and result.out == ""
    assert result.err == (
        f"ipu: wrote {target} (rows per table: cases 39, members 38, aliases 3, memberships 38, "
        "violation_categories 19, violations 353, events 54, missions 1, hearings 1, communications 4, "
        "decisions 2, paragraphs 9)\n"
    )
    db = sqlite3.connect(target)
    assert db.execute("SELECT count(*), sum(sex = 'male'), sum(sex = 'female') FROM members").fetchone() == (
        38,
        34,
        4,
    )
    assert db.execute("SELECT count(DISTINCT country) FROM cases").fetchone() == (1,)
    assert db.execute(
        "SELECT m.id FROM violations v JOIN members m ON m.id = v.member_id "
        "WHERE v.code = 'impunity' AND v.scope = 'current' ORDER BY m.id"
    ).fetchall() == [("KHM-56",), ("KHM-57",)]
    assert db.execute("SELECT count(*) FROM memberships WHERE collective_id = 'KHM-COLL-03'").fetchone() == (
        38,
    )
    assert db.execute(
        "SELECT d.session, count(p.id) FROM decisions d LEFT JOIN paragraphs p ON p.decision_id = d.id "
        "GROUP BY d.id ORDER BY d.id"
    ).fetchall() == [("committee-171", 0), ("committee-179", 9)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = db.execute("SELECT \"table\" FROM pragma_foreign_key_list('violations')").fetchall()
    assert sorted(fks) == [("members",), ("violation_categories",)]
    assert db.execute("SELECT value FROM export_info").fetchone() == ("public cases only",)
    assert [p.name for p in tmp_path.iterdir()] == ["cases.db"]


def test_csv_folder_one_file_per_table(repo, ipu, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "export"
    assert ipu("export", "-f", "csv", "-o", str(target)).code == 0
    names = sorted(p.name for p in target.iterdir())
    assert names == [
        "aliases.csv",
        "cases.csv",
        "communications.csv",
        "decisions.csv",
        "events.csv",
        "hearings.csv",
        "members.csv",
        "memberships.csv",
        "missions.csv",
        "paragraphs.csv",
        "violation_categories.csv",
        "violations.csv",
    ]
    with (target / "members.csv").open(encoding="utf-8") as handle:
        members = list(csv.DictReader(handle))
    assert len(members) == 38 and sum(m["sex"] == "female" for m in members) == 4
    # An earlier export is replaced whole, with --force; nothing is left beside it.
    (target / "stale.csv").write_text("x\n")
    result = ipu("export", "-f", "csv", "-o", str(target))
    assert (result.code, result.err) == (2, f"ipu: {target} already exists; use --force to replace it\n")
    assert ipu("export", "-f", "csv", "-o", str(target), "--force").code == 0
    assert "stale.csv" not in {p.name for p in target.iterdir()}
    assert [p.name for p in tmp_path.iterdir()] == ["export"]


def test_csv_refuses_a_folder_with_other_files(repo, ipu, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    (tmp_path / "notes.txt").write_text("mine\n")
    result = ipu("export", "-f", "csv", "-o", str(tmp_path))
    assert (result.code, result.out) == (2, "")
    assert result.err == f"ipu: {tmp_path} holds files other than CSV (notes.txt); choose another folder\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_json_one_document(repo, ipu, tmp_path):
    target = tmp_path / "cases.json"
    assert ipu("export", "-f", "json", "-o", str(target)).code == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert list(doc)[:3] == ["cases", "members", "aliases"]
    assert len(doc["members"]) == 38
    assert {a["alias"] for a in doc["aliases"]} == {"KHM60", "KHM/60", "CMBD/60"}


def test_bad_targets(repo, ipu, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    missing = tmp_path / "nowhere" / "x.db"
    result = ipu("export", "-f", "sqlite", "-o", str(missing))
    assert (result.code, result.err) == (
        2,
        f"ipu: cannot write {missing}: folder {missing.parent} does not exist\n",
    )
    result = ipu("export", "-f", "json", "-o", str(tmp_path))
    assert (result.code, result.err) == (2, f"ipu: {tmp_path} is a folder; give a file name\n")
    result = ipu("export", "-f", "xlsx", "-o", str(tmp_path / "x"))
    assert (result.code, result.err) == (2, "ipu: unknown format 'xlsx'; choose from json, csv, sqlite\n")
    assert list(tmp_path.iterdir()) == []


def test_every_model_field_is_exported():
    """A field added to a case model reaches the export, or is named as left out on purpose.

    Lists of records (events, decisions, violations...) are tables derived from their
    models; the other fields are columns of `cases` or `members`, some under a prefix.
    """
    from ipu_cli.domain.cases import CollectiveCase, Complaint, IndividualCase
    from ipu_cli.queries.tables import CHILDREN, NOT_EXPORTED, _schema

    schema = _schema()
    exported = {column for table in schema.values() for column in table.column_names}
    renamed = {
        "complaint": {f"complaint_{f}" for f in Complaint.model_fields if f != "complainant"}
        | {"complainant"},
        "status": {"status", "closed_on", "closure_reason"},
        "aliases": {"alias"},
        "collectives": {"collective_id"},
        "members": {"member_id"},
        "membership": {"joined", "left_at", "left_reason", "moved_to"},
    }
    missing = [
        f"{model.__name__}.{field}"
        for model in (IndividualCase, CollectiveCase)
        for field in model.model_fields
        if field not in NOT_EXPORTED and field not in CHILDREN and not renamed.get(field, {field}) <= exported
    ]
    assert missing == []
    assert all(name in schema for name in CHILDREN)
