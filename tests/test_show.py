"""`ipu show`: the case view, on the fast path and through Typer."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml

from ipu_cli.cli.fast import show_args as _fast_show_args


def test_collective_json_counts_members(repo, ipu):
    result = ipu("show", "KHM-COLL-03", "--format", "json")
    assert result.code == 0 and result.err == ""
    view = json.loads(result.out)
    assert view["counts"] == {"members": 38, "male": 34, "female": 4}
    assert len(view["members"]) == 38
    women = [m["name"] for m in view["members"] if m["sex"] == "female"]
    assert women == ["Mu Sochua", "Ke Sovannroth", "Te Chanmony", "Tioulong Saumura"]


def test_individual_text(repo, ipu):
    result = ipu("show", "KHM-60")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[:6] == [
        "KHM-60  Kem Sokha",
        "  Individual case · Cambodia (KHM) · National Assembly",
        "  Male · former MP · opposition (Cambodia National Rescue Party (CNRP))",
        "  Status: active · public",
        "  Legacy ids: KHM60, KHM/60, CMBD/60",
        "  Group: KHM-COLL-03 (Former CNRP parliamentarians, 38 members)",
    ]
    assert "  current  Inhumane conditions of detention (in the context of solitary confinement)" in lines
    assert (
        "  2023-03-03  Conviction and sentence: Found guilty of treason by the Phnom Penh Municipal Court over a 2013 televised speech calling for peaceful political change; barred without time limit from voting and standing for election."
        in lines
    )
    assert "  committee-179, adopted 2026-02: 9 paragraphs" in lines
    assert (
        "  to the authorities   2025-12    (3 months ago)  Letter to the Secretary General of the National Assembly"
        in lines
    )


def test_legacy_and_loose_ids(repo, ipu):
    expected = ipu("show", "KHM-60", "--format", "json").out
    for spelling in ("CMBD/60", "KHM60", "khm-60", "KHM/60"):
        assert ipu("show", spelling, "--format", "json").out == expected, spelling


def test_unknown_id_suggests(repo, ipu):
    result = ipu("show", "KHM-600")
    assert (result.code, result.out, result.err) == (1, "", "ipu: no case KHM-600; did you mean 'KHM-60'?\n")


def test_yaml_format(repo, ipu):
    view = yaml.safe_load(ipu("show", "KHM-79", "--format", "yaml").out)
    assert view["deceased"] is True and view["death_date"] == "2025-01-07"


def test_broken_file_is_reported(repo, ipu):
    (repo / "cases" / "KHM" / "KHM-60.yaml").write_text("id: KHM-60\nname: [\n")
    result = ipu("show", "KHM-60")
    assert result.code == 1
    assert result.err.startswith("cases/KHM/KHM-60.yaml:3:1: error yaml-syntax ")
    assert result.err.endswith("cannot read cases/KHM/KHM-60.yaml; run 'ipu validate' for details\n")


def test_fast_path_parsing():
    assert _fast_show_args(["show", "KHM-60"]) == {"id": "KHM-60"}
    assert _fast_show_args(["show", "KHM-60", "--format=json", "--root", "x"]) == {
        "id": "KHM-60",
        "format": "json",
        "root": "x",
    }
    assert _fast_show_args(["show", "--help"]) is None
    assert _fast_show_args(["show", "KHM-60", "--format", "xml"]) is None
    assert _fast_show_args(["validate"]) is None


def test_typer_path_gives_same_output(repo, ipu):
    """--today forces nothing on the fast path; `-f` is Typer-only: both must agree."""
    assert ipu("show", "KHM-60", "-f", "json").out == ipu("show", "KHM-60", "--format", "json").out


def test_fast_path_imports_nothing_heavy(repo):
    code = (
        "import sys; from ipu_cli.entry import main\n"
        "try:\n    main(['show', 'KHM-60'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('typer', 'pydantic', 'jinja2', 'rich', 'docx', 'ruamel') if m in sys.modules)\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr == "[]"


def test_rich_view_on_a_terminal(repo, ipu, monkeypatch):
    """On a TTY the rich panel is drawn; it carries the same facts as the plain view."""
    import sys

    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    result = ipu("show", "KHM-79")
    assert result.code == 0 and result.err == ""
    assert "\x1b[1m" in result.out  # styled: rich drew it
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.out)
    assert plain.splitlines()[0].startswith("╭─ KHM-79  Lim Kimya ")
    for text in (
        "Deceased 2025-01-07",
        "Group KHM-COLL-03: Former CNRP parliamentarians, 38 members",
        "2025-01-07  Killing",
    ):
        assert text in plain
