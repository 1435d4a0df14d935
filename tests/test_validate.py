"""`ipu validate` on the real base and on a corpus of broken files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ipu_cli.checks import codes

CORPUS = Path(__file__).parent / "corpus"
BROKEN = sorted(p.stem for p in CORPUS.glob("*.yaml"))


def test_bundled_base_is_clean(repo, ipu):
    result = ipu("validate")
    assert result.code == 0
    assert result.out == ""
    assert result.err == "39 files checked: no problems\n"


@pytest.mark.parametrize("name", BROKEN)
def test_broken_file(name, repo, ipu):
    """Each broken file, placed in the base as KHM-900, gives exactly the expected diagnostics."""
    shutil.copy(CORPUS / f"{name}.yaml", repo / "cases" / "KHM" / "KHM-900.yaml")
    result = ipu("validate")
    expected = (CORPUS / f"{name}.expected").read_text(encoding="utf-8")
    assert result.out == expected
    assert result.code == 1
    assert result.err.startswith("40 files checked: ")


def test_corpus_has_expectations():
    assert BROKEN, "corpus is empty"
    for name in BROKEN:
        assert (CORPUS / f"{name}.expected").exists(), name


def test_huge_file_refused_without_reading(repo, ipu):
    big = repo / "cases" / "KHM" / "KHM-900.yaml"
    with open(big, "wb") as handle:
        handle.write(b"id: KHM-900\nname: " + b"x" * (50 * 1024 * 1024) + b"\n")
    result = ipu("validate")
    assert (
        result.out
        == "cases/KHM/KHM-900.yaml:1:1: error file-too-large file is 52,428,819 bytes; ipu reads files of at most 1,000,000 bytes\n"
    )
    assert result.code == 1


def test_symlink_out_of_repository(repo, ipu, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: KHM-900\n")
    os.symlink(outside, repo / "cases" / "KHM" / "KHM-900.yaml")
    result = ipu("validate")
    assert (
        result.out
        == f"cases/KHM/KHM-900.yaml:1:1: error symlink-outside link to {outside} leaves the repository; not followed\n"
    )
    assert result.code == 1


def test_json_and_github_formats(repo, ipu):
    shutil.copy(CORPUS / "unknown-field.yaml", repo / "cases" / "KHM" / "KHM-900.yaml")
    result = ipu("validate", "--format", "json")
    assert result.code == 1
    assert json.loads(result.out) == [
        {
            "path": "cases/KHM/KHM-900.yaml",
            "line": 8,
            "column": 1,
            "level": "error",
            "code": "unknown-field",
            "message": "unknown field 'violatons'; did you mean 'violations'?",
        }
    ]
    assert result.err == ""
    result = ipu("validate", "--format", "github")
    assert (
        result.out
        == "::error file=cases/KHM/KHM-900.yaml,line=8,col=1,title=unknown-field::unknown field 'violatons'; did you mean 'violations'?\n"
    )


def test_github_format_chosen_under_actions(repo, ipu, monkeypatch):
    shutil.copy(CORPUS / "missing-field.yaml", repo / "cases" / "KHM" / "KHM-900.yaml")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert ipu("validate").out.startswith("::error file=cases/KHM/KHM-900.yaml,line=1,col=1,")


def test_paths_limit_the_report_but_not_the_checks(repo, ipu):
    shutil.copy(CORPUS / "member-not-linked.yaml", repo / "cases" / "KHM" / "KHM-900.yaml")
    assert ipu("validate", "cases/KHM/KHM-60.yaml").code == 0
    result = ipu("validate", "cases/KHM/KHM-900.yaml")
    assert result.code == 1
    assert result.out == (
        "cases/KHM/KHM-900.yaml:8:15: error member-not-linked"
        " KHM-COLL-03 does not list KHM-900 among its members\n"
    )
    assert result.err == "1 file checked: 1 error, 0 warnings\n"


def test_file_outside_the_base(repo, ipu):
    shutil.copy(CORPUS / "bad-literal.yaml", repo / "KHM-900.yaml")
    result = ipu("validate", "KHM-900.yaml")
    assert (
        result.out
        == "KHM-900.yaml:3:6: error invalid-value sex: 'mal' is not one of male, female; did you mean 'male'?\n"
    )


def test_strict_fails_on_warnings(repo, ipu):
    path = repo / "cases" / "KHM" / "KHM-58.yaml"
    text = path.read_text()
    path.write_text(
        text.replace("  - date: 2015\n", "  - date: 2016\n").replace(
            "  - date: 2019-11\n", "  - date: 2013-11\n"
        )
    )
    result = ipu("validate")
    assert (result.code, result.out, result.err) == (
        0,
        "cases/KHM/KHM-58.yaml:32:11: warning date-order events are kept oldest first: 2013-11 comes after 2016\n",
        "39 files checked: 0 errors, 1 warning\n",
    )
    strict = ipu("validate", "--strict")
    assert (strict.code, strict.out) == (1, result.out)


def test_future_date_follows_today(repo, ipu):
    shutil.copy(CORPUS / "future-date.yaml", repo / "cases" / "KHM" / "KHM-900.yaml")
    result = ipu("validate")
    assert (result.code, result.out, result.err) == (
        1,
        "cases/KHM/KHM-900.yaml:9:11: error future-date date 2031-05 is after today (2026-03-01)\n",
        "40 files checked: 1 error, 0 warnings\n",
    )
    later = ipu("validate", "--today", "2031-06-01")
    assert (later.code, later.out, later.err) == (0, "", "40 files checked: no problems\n")
    bad = ipu("validate", "--today", "not-a-date")
    assert (bad.code, bad.out, bad.err) == (
        2,
        "",
        "ipu: invalid date for --today/IPU_TODAY: 'not-a-date' (expected YYYY-MM-DD)\n",
    )


def test_usage_errors_exit_2(repo, ipu):
    fmt = ipu("validate", "--format", "xml")
    assert (fmt.code, fmt.out, fmt.err) == (
        2,
        "",
        "ipu: unknown format 'xml'; choose from text, parsable, json, github\n",
    )
    explain = ipu("validate", "--explain", "no-such-code")
    assert (explain.code, explain.out, explain.err) == (
        2,
        "",
        "ipu: unknown code 'no-such-code'; 'ipu validate --explain all' lists them\n",
    )
    bogus = ipu("validate", "--bogus")
    assert (bogus.code, bogus.out) == (2, "")
    assert bogus.err == "ipu: no such option --bogus (see 'ipu validate --help')\n"


def test_no_repository(tmp_path, ipu, monkeypatch):
    monkeypatch.delenv("IPU_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    result = ipu("validate")
    assert result.code == 2
    assert result.err.startswith("ipu: no case repository found: no 'cases/' folder in ")


def test_explain(ipu):
    result = ipu("validate", "--explain", "duplicate-key")
    assert result.out.startswith("duplicate-key (error): The same key twice in one mapping\n")


def test_checks_doc_is_generated_from_the_table():
    doc = Path(__file__).parent.parent / "docs" / "checks.md"
    assert doc.read_text(encoding="utf-8") == codes.markdown()


def test_every_reported_code_is_documented():
    expected = "".join((CORPUS / f"{name}.expected").read_text() for name in BROKEN)
    for line in expected.splitlines():
        code = line.split(": ", 1)[1].split()[1]
        assert code in codes.CODES, code
