"""`ipu new`: a commented skeleton that validates as written; no overwrite, no reused id."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

INDIVIDUAL = [
    "--name",
    "Test: Person",
    "--sex",
    "female",
    "--parliament",
    "National Assembly",
    "--mandate",
    "former",
    "--affiliation",
    "opposition",
]


@pytest.fixture
def cases(repo):
    shutil.copytree(ROOT / "templates", repo / "templates")
    return repo


def assert_clean(ipu) -> None:
    """The whole base validates with no error and no warning (exit 0 alone would allow warnings)."""
    result = ipu("validate")
    assert (result.code, result.out) == (0, ""), result.out


def test_new_individual_validates_as_written(cases, ipu):
    result = ipu("new", "individual", "khm-7", *INDIVIDUAL, "--alias", "KHM7")
    assert (result.code, result.out, result.err) == (0, "created cases/KHM/KHM-7.yaml\n", "")
    text = (cases / "cases/KHM/KHM-7.yaml").read_text()
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/individual-case.schema.json"
    assert lines[4:12] == [
        "id: KHM-7",
        "aliases: [KHM7]",
        "name: 'Test: Person'",
        "sex: female",
        "country: KHM",
        "parliament: National Assembly",
        "mandate: former  # incumbent, former, elect, substitute or unknown",
        "affiliation: opposition  # opposition, majority, independent, other or unknown",
    ]
    assert "communications: []" in lines  # an MP in no group carries the log
    assert lines[-1] == "confidentiality: confidential"
    check = ipu("validate")
    assert (check.code, check.out) == (0, "")
    assert check.err == "40 files checked: no problems\n"
    assert ipu("show", "KHM7").code == 0


def test_new_file_takes_log_entries(cases, ipu):
    assert ipu("new", "individual", "KHM-7", *INDIVIDUAL).code == 0
    path = cases / "cases/KHM/KHM-7.yaml"
    before = path.read_text()
    logged = ipu("log", "KHM-7", "--direction", "to", "--party", "authorities", "--date", "2026-01")
    assert (logged.code, logged.out, logged.err) == (
        0,
        "cases/KHM/KHM-7.yaml: logged 2026-01 to authorities (entry 1 of 1)\n",
        "",
    )
    added = "communications:\n  - date: 2026-01\n    direction: to\n    party: authorities\n"
    assert path.read_text() == before.replace("communications: []\n", added)
    assert_clean(ipu)


def test_new_member_is_added_to_its_group(cases, ipu):
    group = cases / "cases/KHM/KHM-COLL-03.yaml"
    before = group.read_text()
    result = ipu("new", "individual", "KHM-200", *INDIVIDUAL, "--collective", "KHM-COLL-03")
    assert result.code == 0, result.err
    assert result.out == "created cases/KHM/KHM-200.yaml\nupdated cases/KHM/KHM-COLL-03.yaml\n"
    assert group.read_text() == before.replace("  - KHM-102\n", "  - KHM-102\n  - KHM-200\n")
    text = (cases / "cases/KHM/KHM-200.yaml").read_text()
    assert "collectives: [KHM-COLL-03]\n" in text
    assert "communications" not in text.split("collectives:")[1]  # the group holds the log
    # A new case starts confidential: inside the public group it is left out of public output.
    checked = ipu("validate")
    assert (checked.code, checked.out) == (
        0,
        "cases/KHM/KHM-COLL-03.yaml:48:5: warning confidential-member KHM-200 is confidential in a public "
        "group: every public output of KHM-COLL-03 leaves it out (its case list, counts, checklist and letters)\n",
    )


def test_new_collective_links_its_members(cases, ipu):
    member = cases / "cases/KHM/KHM-60.yaml"
    before = member.read_text()
    result = ipu(
        "new", "collective", "KHM-COLL-04", "--parliament", "National Assembly", "--member", "KHM-60",
        "--member", "KHM-48", "--title", "Test group",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == (
        "created cases/KHM/KHM-COLL-04.yaml\nupdated cases/KHM/KHM-60.yaml\nupdated cases/KHM/KHM-48.yaml\n"
    )
    assert member.read_text() == before.replace(
        "collectives: [KHM-COLL-03]\n", "collectives: [KHM-COLL-03, KHM-COLL-04]\n"
    )
    text = (cases / "cases/KHM/KHM-COLL-04.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/collective-case.schema.json\n")
    assert "members:\n  - KHM-60\n  - KHM-48\n" in text
    assert_clean(ipu)


@pytest.mark.parametrize(
    ("args", "code", "err"),
    [
        (["individual", "KHM-60", *INDIVIDUAL], 1, "ipu: cases/KHM/KHM-60.yaml already exists; not overwritten\n"),
        (
            ["individual", "KHM-201", *INDIVIDUAL, "--alias", "CMBD/60"],
            1,
            "ipu: 'CMBD/60' is already a legacy id of KHM-60 (cases/KHM/KHM-60.yaml)\n",
        ),
        (
            ["individual", "KHM-201", *INDIVIDUAL, "--alias", "KHM-48"],
            1,
            "ipu: 'KHM-48' is already the id of cases/KHM/KHM-48.yaml\n",
        ),
        (
            ["individual", "KHM-202", "--name", "X"],
            2,
            "ipu: a new individual case needs --sex, --parliament, --mandate, --affiliation\n",
        ),
        (["collective", "KHM-COLL-05"], 2, "ipu: a new collective case needs --parliament, --member\n"),
        (["group", "KHM-COLL-05"], 2, "ipu: kind must be individual or collective, got 'group'\n"),
        (
            ["collective", "KHM-5", "--parliament", "P", "--member", "KHM-48"],
            1,
            "ipu: 'KHM-5' is not a collective id such as KHM-COLL-03\n",
        ),
        (
            ["individual", "../../etc/passwd", *INDIVIDUAL],
            1,
            "ipu: '../../etc/passwd' is not an id such as KHM-60\n",
        ),
        (["individual", "KHM-COLL-09", *INDIVIDUAL], 1, "ipu: 'KHM-COLL-09' is not an id such as KHM-60\n"),
        (["individual", "KHM-0060", *INDIVIDUAL], 1, "ipu: cases/KHM/KHM-60.yaml already exists; not overwritten\n"),
        (
            ["individual", "CMBD/60", *INDIVIDUAL],
            1,
            "ipu: 'CMBD/60' is not an id such as KHM-60\n",
        ),
        (
            ["collective", "KHM-COLL-05", "--parliament", "P", "--member", "KHM-999"],
            1,
            "ipu: no case KHM-999; did you mean 'KHM-99'?\n",
        ),
        (
            ["collective", "KHM-COLL-05", "--parliament", "P", "--member", "KHM-COLL-03"],
            1,
            "ipu: KHM-COLL-03 is not an individual case\n",
        ),
        (
            [
                "individual", "KHM-203", "--name", "X", "--sex", "mle", "--parliament", "P", "--mandate", "former",
                "--affiliation", "opposition",
            ],
            1,
            "cases/KHM/KHM-203.yaml:7:6: error invalid-value sex: 'mle' is not one of male, female; "
            "did you mean 'male'?\nipu: cases/KHM/KHM-203.yaml would not be valid; nothing written\n",
        ),
    ],
)  # fmt: skip
def test_refusals_write_nothing(cases, ipu, args, code, err):
    before = {p: p.read_bytes() for p in (cases / "cases").rglob("*.yaml")}
    result = ipu("new", *args)
    assert (result.code, result.out, result.err) == (code, "", err)
    assert {p: p.read_bytes() for p in (cases / "cases").rglob("*.yaml")} == before
