"""`ipu show`: the case view, on the fast path and through Typer."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from ipu_cli.cli.fast import show_args as _fast_show_args

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _rich(ipu, monkeypatch, *args: str):
    """Run `ipu show` as on a terminal 90 columns wide; the result with styles stripped."""
    monkeypatch.setenv("COLUMNS", "90")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    result = ipu("show", *args)
    return result, ANSI.sub("", result.out)


def test_collective_json_counts_members(repo, ipu):
    result = ipu("show", "KHM-COLL-03", "--format", "json")
    assert result.code == 0 and result.err == ""
    view = json.loads(result.out)
    assert view["counts"] == {"members": 38, "male": 34, "female": 4}
    assert len(view["members"]) == 38
    women = [m["name"] for m in view["members"] if m["sex"] == "female"]
    assert women == ["Mu Sochua", "Ke Sovannroth", "Te Chanmony", "Tioulong Saumura"]


def test_collective_json_holds_the_box_and_the_checklist_of_the_decision(repo, ipu):
    """The same lines as the published box of the 179th-session decision (but as of today)."""
    view = json.loads(ipu("show", "KHM-COLL-03", "--format", "json").out)
    assert [(row["label"], row["value"]) for row in view["case_box"]] == [
        ("Cambodia", "Parliament affiliated to the IPU"),
        ("Victims", "38 former opposition parliamentarians (34 male and four female)"),
        ("Qualified complainant(s)", "Section I.1(c) of the Committee Procedure (Annex I)"),
        ("Submission of complaint", "November 2011"),
        ("IPU mission(s)", "February 2016"),
        (
            "Recent Committee hearing",
            "Hearings with the Cambodia delegation to the 146th IPU Assembly (March 2023)",
        ),
    ]
    assert [item["label"] + item["marker"] for item in view["checklist"]][-3:] == [
        "Impunity¹",
        "Arbitrary arrest and detention²",
        "Inhumane conditions of detention³",
    ]
    assert len(view["checklist"]) == 12
    assert view["footnotes"][0] == {"marker": "¹", "text": "Only concerns cases KHM-56 and KHM-57."}
    decision = view["latest_decision"]
    assert (decision["session"], decision["session_name"], decision["paragraphs"]) == (
        "committee-179",
        "179th session (February 2026)",
        9,
    )
    assert decision["text"][0].startswith("Reaffirms that the ability of former opposition parliamentarians")
    assert [(r["label"], r["text"], r["months_ago"]) for r in view["follow_up"]] == [
        (
            "Communication from the authorities",
            "Letter from the Secretary General of the National Assembly (March 2023)",
            36,
        ),
        ("Communication from the complainant", "January 2026", 2),
        (
            "Communication to the authorities",
            "Letter to the Secretary General of the National Assembly (December 2025)",
            3,
        ),
        ("Communication to the complainant", "January 2026", 2),
    ]


def test_individual_text(repo, ipu):
    result = ipu("show", "KHM-60")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[:27] == [
        "KHM-60  Kem Sokha",
        "  Individual case · Cambodia (KHM) · National Assembly",
        "  Male · former MP · opposition (Cambodia National Rescue Party (CNRP))",
        "  Status: active · public",
        "  Legacy ids: KHM60, KHM/60, CMBD/60",
        "  Group: KHM-COLL-03 (Former CNRP parliamentarians, 38 members)",
        "",
        "Case box (case-level facts from KHM-COLL-03)",
        "  Cambodia: Parliament affiliated to the IPU",
        "  Victim: Former opposition member of parliament",
        "  Qualified complainant(s): Section I.1(c) of the Committee Procedure (Annex I)",
        "  Submission of complaint: November 2011",
        "  Latest decision: 179th session (February 2026): 9 paragraphs",
        "    1. Reaffirms that the ability of former opposition parliamentarians in",
        "       exile to return safely to Cambodia and participate freely in political",
        "       life is a central issue in this long-standing case and a key …",
        "  IPU mission(s): February 2016",
        "  Recent Committee hearing: Hearings with the Cambodia delegation to the 146th",
        "    IPU Assembly (March 2023)",
        "  Recent follow-up (as of 2026-03-01):",
        "    Communication from the authorities: Letter from the Secretary General of the",
        "      National Assembly (March 2023) · 36 months ago",
        "    Communication from the complainant: January 2026 · 2 months ago",
        "    Communication to the authorities: Letter to the Secretary General of the",
        "      National Assembly (December 2025) · 3 months ago",
        "    Communication to the complainant: January 2026 · 2 months ago",
        "",
    ]
    assert lines[27:29] == ["Alleged violations", "  ✓ Violation of freedom of opinion and expression"]
    assert lines[-10:] == [
        "  ✓ Inhumane conditions of detention¹",
        "  ¹ In the context of solitary confinement.",
        "",
        "Timeline",
        "  2017-11-16  Revocation of the mandate: Mandate revoked when the Supreme Court",
        "              dissolved the CNRP; banned from political activity for five years.",
        "  2023-03-03  Conviction and sentence: Found guilty of treason by the Phnom Penh",
        "              Municipal Court over a 2013 televised speech calling for peaceful",
        "              political change; barred without time limit from voting and",
        "              standing for election.",
    ]
    assert max(len(line) for line in lines) <= 80


def test_group_view_leads_with_the_box_then_the_checklist_then_compact_members(repo, ipu):
    lines = ipu("show", "KHM-COLL-03").out.splitlines()
    order = [lines.index(title) for title in ("Case box", "Alleged violations", "Timeline")]
    members = next(i for i, line in enumerate(lines) if line.startswith("Members: "))
    assert order[0] < order[1] < members < order[2] < 70
    assert lines[members : members + 8] == [
        "Members: 38 (34 male, 4 female)",
        "  KHM-48 Mu Sochua (Ms.)  KHM-56 Kong Sophea      KHM-65 Dam Sithik",
        "  KHM-49 Keo Phirum       KHM-57 Nhay Chamroeun   KHM-66 Dang Chamreun",
        "  KHM-50 Ho Van           KHM-58 Sam Rainsy       KHM-67 Eng Chhai Eang",
        "  KHM-51 Long Ry          KHM-59 Um Sam Am        KHM-68 Heng Danaro",
        "  KHM-52 Nut Romdoul      KHM-60 Kem Sokha",
        "  KHM-53 Men Sothavarin   KHM-62 Chea Poch",
        "  … and 22 more: --members lists all 38",
    ]
    assert lines[order[1] + 13 : order[1] + 17] == [
        "  ¹ Only concerns cases KHM-56 and KHM-57.",
        "  ² Alleged violations which previously concerned the following former",
        "    parliamentarians: KHM-48, KHM-49, KHM-50, KHM-51, KHM-52, KHM-53, KHM-59,",
        "    KHM-60. Only currently applies to case KHM-60.",
    ]
    assert max(len(line) for line in lines) <= 80
    assert "committee-179" not in "\n".join(lines)  # references read as words


def test_members_option_lists_every_member(repo, ipu):
    out = ipu("show", "KHM-COLL-03", "--members").out
    for member in json.loads(ipu("show", "KHM-COLL-03", "-f", "json").out)["members"]:
        assert f"{member['id']} {member['name']}" in out
    assert "more: --members" not in out
    assert "KHM-79 Lim Kimya †" in out and "KHM-94 Tioulong Saumura (Ms.)" in out


def test_narrow_terminal_keeps_ids_whole(repo, ipu, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    lines = ipu("show", "KHM-COLL-03", "--members").out.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert "  KHM-101 Yim Sovann" in lines and "  KHM-94 Tioulong Saumura (Ms.)" in lines


def test_legacy_and_loose_ids(repo, ipu):
    expected = ipu("show", "KHM-60", "--format", "json").out
    for spelling in ("CMBD/60", "KHM60", "khm-60", "KHM/60", "cmbd/60"):
        assert ipu("show", spelling, "--format", "json").out == expected, spelling


@pytest.mark.parametrize("name", ["Kem Sokha", "kem sokha", "KEM  SOKHA", "Kém Sòkha", "sokha"])
def test_a_name_finds_the_case(repo, ipu, name):
    assert ipu("show", name, "--format", "json").out == ipu("show", "KHM-60", "--format", "json").out


def test_a_name_with_accents_in_the_file(repo, ipu):
    path = repo / "cases" / "KHM" / "KHM-92.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Suon Rida", "name: Şuon Rîda"), "utf-8")
    result = ipu("show", "suon rida")
    assert (result.code, result.out.splitlines()[0]) == (0, "KHM-92  Şuon Rîda")


def test_a_group_title_finds_the_group(repo, ipu):
    assert ipu("show", "former cnrp").out.splitlines()[0] == "KHM-COLL-03  Former CNRP parliamentarians"


def test_several_matches_are_listed_and_exit_1(repo, ipu):
    result = ipu("show", "Sam")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "ipu: 2 cases match 'Sam'; name one by its id:\n  KHM-58  Sam Rainsy\n  KHM-59  Um Sam Am\n"
    )


def test_an_unknown_name_suggests_the_closest(repo, ipu):
    result = ipu("show", "Kem Sokah")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "ipu: no case Kem Sokah; did you mean 'Kem Sokha' (KHM-60)?\n",
    )


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
    assert result.err.endswith(
        "ipu: how to fix yaml-syntax: ipu validate --explain yaml-syntax\n"
        "ipu: cannot read cases/KHM/KHM-60.yaml; run 'ipu validate' for details\n"
    )


def test_fast_path_parsing():
    assert _fast_show_args(["show", "KHM-60"]) == {"id": "KHM-60"}
    assert _fast_show_args(["show", "KHM-60", "--format=json", "--root", "x"]) == {
        "id": "KHM-60",
        "format": "json",
        "root": "x",
    }
    assert _fast_show_args(["show", "KHM-COLL-03", "--members"]) == {"id": "KHM-COLL-03", "members": True}
    assert _fast_show_args(["show", "--help"]) is None
    assert _fast_show_args(["show", "KHM-60", "--format", "xml"]) is None
    assert _fast_show_args(["validate"]) is None


def test_typer_path_gives_same_output(repo, ipu):
    """`-f` is Typer-only: both paths must agree."""
    assert ipu("show", "KHM-60", "-f", "json").out == ipu("show", "KHM-60", "--format", "json").out
    assert ipu("show", "KHM-COLL-03", "-f", "text").out == ipu("show", "KHM-COLL-03").out


@pytest.mark.parametrize("target", ["KHM-60", "KHM-COLL-03", "Kem Sokha"])
def test_fast_path_imports_nothing_heavy(repo, target):
    code = (
        "import sys; from ipu_cli.entry import main\n"
        f"try:\n    main(['show', {target!r}])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('typer', 'pydantic', 'jinja2', 'rich', 'docx', 'ruamel', 'babel')"
        " if m in sys.modules)\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr == "[]"


def test_rich_view_on_a_terminal(repo, ipu, monkeypatch):
    """On a TTY the rich panel is drawn; it carries the same sections as the plain view."""
    result, plain = _rich(ipu, monkeypatch, "KHM-79")
    assert result.code == 0 and result.err == ""
    assert "\x1b[1m" in result.out  # styled: rich drew it
    assert plain.splitlines()[0].startswith("╭─ KHM-79  Lim Kimya ")
    for text in (
        "Deceased 2025-01-07",
        "Group: KHM-COLL-03 (Former CNRP parliamentarians, 38 members)",
        "Latest decision: 179th session (February 2026): 9 paragraphs",
        "2025-01-07 Killing",
    ):
        assert text in plain


def test_rich_group_view_truncates_members_unless_asked(repo, ipu, monkeypatch):
    _, plain = _rich(ipu, monkeypatch, "KHM-COLL-03")
    assert "… and 20 more: --members lists all 38" in plain
    _, everyone = _rich(ipu, monkeypatch, "KHM-COLL-03", "--members")
    assert "KHM-102 Yun Tharo" in everyone and "more: --members" not in everyone


def test_a_complaint_other_names_and_pending_missions_show_in_both_views(repo, ipu, monkeypatch):
    """What the recording commands keep (issue 14) and other names (issue 11), in the plain and rich views."""
    created = ipu(
        "new", "individual", "KHM-300", "--name", "Dara Vannak", "--sex", "female", "--parliament", "National Assembly",
        "--mandate", "incumbent", "--affiliation", "opposition",
    )  # fmt: skip
    assert created.code == 0, created.err
    path = repo / "cases" / "KHM" / "KHM-300.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "name: Dara Vannak\n", "name: Dara Vannak\nalso_known_as: [Vannak D.]\n"
        ),
        encoding="utf-8",
    )
    steps = [
        ["complaint", "KHM-300", "received", "--date", "2025-11-20", "--section", "I.1(a)"],
        ["record", "KHM-300", "mission", "--date", "2026-02", "--status", "requested", "--session", "179"],
    ]
    for argv in steps:
        assert ipu(*argv).code == 0, argv
    lines = ipu("show", "KHM-300").out.splitlines()
    assert lines[3:6] == [
        "  Status: active · confidential",
        "  Also known as: Vannak D.",
        "  Complaint: received since 2025-11-20",
    ]
    assert "  IPU mission(s): - - -" in lines
    assert lines[lines.index("  IPU mission(s): - - -") + 1] == "    pending: mission requested 2026-02"
    _, plain = _rich(ipu, monkeypatch, "KHM-300")
    for text in (
        "Also known as: Vannak D.",
        "Complaint: received since 2025-11-20",
        "pending: mission requested 2026-02",
    ):
        assert text in plain, text


def test_a_complaint_decided_at_a_session_names_it_in_words(repo, ipu):
    path = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("  submitted: 2011-11\n") == 1
    path.write_text(
        text.replace(
            "  submitted: 2011-11\n",
            "  submitted: 2011-11\n  steps:\n    - date: 2023-03-24\n      status: admissible\n"
            "      session: committee-171\n",
        ),
        encoding="utf-8",
    )
    assert (
        "  Complaint: admissible since 2023-03-24, 171st session (March 2023)"
        in ipu("show", "KHM-COLL-03").out
    )


def test_a_group_leaves_out_a_confidential_member_on_the_synthetic_base(synthetic, ipu):
    """Moldova's group (five women, MDA-42 closed): one member made confidential is left out of
    the members, counts and box unless --include-confidential, and stderr says so."""
    member = synthetic / "cases" / "MDA" / "MDA-41.yaml"
    member.write_text(member.read_text().replace("confidentiality: public", "confidentiality: confidential"))
    shown = ipu("show", "MDA-COLL-01", "--format", "json")
    assert shown.code == 0
    assert shown.err == (
        "ipu: 1 confidential member of MDA-COLL-01 not shown; --include-confidential shows them "
        "(internal use only)\n"
    )
    view = json.loads(shown.out)
    assert [m["id"] for m in view["members"]] == ["MDA-40", "MDA-43", "MDA-44"]
    assert [m["id"] for m in view["not_listed"]] == ["MDA-42"]
    assert view["counts"] == {"members": 3, "male": 0, "female": 3}
    assert "MDA-41" not in shown.out
    internal = ipu("show", "MDA-COLL-01", "--format", "json", "--include-confidential")
    assert (internal.code, internal.err) == (0, "")
    full = json.loads(internal.out)
    assert [m["id"] for m in full["members"]] == ["MDA-40", "MDA-41", "MDA-43", "MDA-44"]
    assert full["counts"] == {"members": 4, "male": 0, "female": 4}
