"""Checks across files: each mutation of the real base yields its located diagnostic."""

from __future__ import annotations

from pathlib import Path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_duplicate_id_in_another_folder(repo, ipu):
    (repo / "cases" / "THA").mkdir()
    (repo / "cases" / "THA" / "KHM-60.yaml").write_bytes(
        (repo / "cases" / "KHM" / "KHM-60.yaml").read_bytes()
    )
    result = ipu("validate")
    assert result.out.splitlines() == [
        "cases/THA/KHM-60.yaml:6:5: error duplicate-id id 'KHM-60' is also used by cases/KHM/KHM-60.yaml",
        "cases/THA/KHM-60.yaml:6:5: warning wrong-folder file is in 'THA/'; cases of KHM live in 'cases/KHM/'",
    ]
    assert result.code == 1


def test_member_without_file(repo, ipu):
    (repo / "cases" / "KHM" / "KHM-102.yaml").unlink()
    result = ipu("validate")
    assert (
        result.out
        == "cases/KHM/KHM-COLL-03.yaml:47:5: error unknown-member member 'KHM-102' has no case file\n"
    )


def test_member_does_not_name_group_back(repo, ipu):
    _edit(repo / "cases" / "KHM" / "KHM-49.yaml", "collectives: [KHM-COLL-03]\n", "")
    result = ipu("validate")
    assert (
        result.out
        == "cases/KHM/KHM-COLL-03.yaml:11:5: error member-not-linked KHM-49 (cases/KHM/KHM-49.yaml) does not list KHM-COLL-03 in its collectives\n"
    )


def test_unknown_collective(repo, ipu):
    _edit(
        repo / "cases" / "KHM" / "KHM-49.yaml",
        "collectives: [KHM-COLL-03]",
        "collectives: [KHM-COLL-03, KHM-COLL-09]",
    )
    result = ipu("validate")
    assert (
        result.out
        == "cases/KHM/KHM-49.yaml:13:28: error unknown-collective collective case 'KHM-COLL-09' has no file\n"
    )


def test_victims_override_must_agree(repo, ipu):
    group = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    _edit(
        group,
        "complaint:\n",
        "victims: 38 former opposition parliamentarians (34 male and four female)\n\ncomplaint:\n",
    )
    assert ipu("validate").code == 0
    _edit(group, "(34 male and four female)", "(33 male and five female)")
    result = ipu("validate")
    assert result.out.splitlines() == [
        "cases/KHM/KHM-COLL-03.yaml:49:10: error victims-mismatch victims text says 33 male but the members include 34",
        "cases/KHM/KHM-COLL-03.yaml:49:10: error victims-mismatch victims text says 5 female but the members include 4",
    ]
    _edit(group, "(33 male and five female)", "(34 male and four female)")
    _edit(group, "victims: 38 former", "victims: 40 former")
    assert ipu("validate").out == (
        "cases/KHM/KHM-COLL-03.yaml:49:10: error victims-mismatch victims text says 40 but the group has 38 members\n"
    )


def test_agenda_names_unknown_case(repo, ipu):
    _edit(
        repo / "data" / "sessions.yaml",
        "agenda: [KHM-COLL-03]\n  - body: committee\n    number: 180",
        "agenda: [KHM-COLL-03, KHM-COLL-07]\n  - body: committee\n    number: 180",
    )
    result = ipu("validate")
    assert (
        result.out
        == "data/sessions.yaml:20:5: error unknown-agenda-case session committee-179 has 'KHM-COLL-07' on its agenda but no such case exists\n"
    )


def test_broken_reference_data(repo, ipu):
    _edit(
        repo / "data" / "violations.yaml",
        "  - code: impunity\n    label: Impunity\n",
        "  - code: impunity\n    lable: Impunity\n",
    )
    result = ipu("validate")
    assert result.out.splitlines() == [
        "data/violations.yaml:72:5: error missing-field missing required field 'label' in categories[16]",
        "data/violations.yaml:73:5: error unknown-field unknown field 'lable'; did you mean 'label'?",
    ]
    assert result.code == 1


def test_unknown_verb_is_a_warning(repo, ipu):
    _edit(repo / "cases" / "KHM" / "KHM-COLL-03.yaml", "verb: Deeply regrets", "verb: Deeply regret")
    result = ipu("validate")
    assert result.code == 0
    assert result.out.endswith(
        "warning unknown-verb operative verb 'Deeply regret' is not in data/verbs.yaml; did you mean 'Deeply regrets'?\n"
    )
