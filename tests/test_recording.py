"""The recording commands: complaint, record, start-draft, adopt, close (and log's --dry-run).

Each one refuses with one line and writes nothing, or writes exactly its lines; `--dry-run`
prints the diff and writes nothing. The invented MPs live in the scratch copy only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

COLL = "cases/KHM/KHM-COLL-03.yaml"
GOLDEN = Path(__file__).parent / "golden"


def new_mp(ipu, case_id: str, *extra: str) -> None:
    result = ipu(
        "new", "individual", case_id, "--name", f"Member {case_id[4:]}", "--sex", "male",
        "--parliament", "National Assembly", "--mandate", "incumbent", "--affiliation", "opposition", *extra,
    )  # fmt: skip
    assert result.code == 0, result.err


def unchanged(repo, ipu, argv: list[str], code: int, err: str, path: str = COLL) -> None:
    """The command fails with exactly `err` on stderr and leaves the file as it was."""
    before = (repo / path).read_bytes()
    result = ipu(*argv)
    assert (result.code, result.out, result.err) == (code, "", err)
    assert (repo / path).read_bytes() == before


# --- ipu complaint ---------------------------------------------------------------------


def test_complaint_steps_follow_the_examination(repo, ipu):
    new_mp(ipu, "KHM-300")
    mp = "cases/KHM/KHM-300.yaml"
    for argv, code, err in [
        (["KHM-300", "pending-information", "--date", "2026-01"], 1,
         "ipu: KHM-300: a complaint's first step is 'received', not 'pending-information'\n"),
        (["KHM-300", "received", "--date", "2026-01"], 2,
         "ipu: a complaint received names the complainant's section(s): --section I.1(a)\n"),
        (["KHM-300", "received", "--date", "2026-04", "--section", "I.1(b)"], 1,
         "ipu: --date 2026-04 is after today (2026-03-01)\n"),
        (["KHM-300", "received", "--date", "Jan 2026", "--section", "I.1(b)"], 2,
         "ipu: --date: expected a date such as 2011, 2011-11 or 2011-11-05, got 'Jan 2026'\n"),
        (["KHM-300", "admitted", "--date", "2026-01"], 2,
         "ipu: unknown step 'admitted'; choose from received, pending-information, admissible, "
         "inadmissible, withdrawn\n"),
        (["KHM-300", "admissible", "--section", "I.1(a)", "--session", "179", "--mandate", "sitting"], 2,
         "ipu: --section belongs to the received step, not 'admissible'\n"),
        (["KHM-300", "inadmissible", "--date", "2026-01"], 2,
         "ipu: say why the complaint is inadmissible: --note TEXT\n"),
    ]:  # fmt: skip
        unchanged(repo, ipu, ["complaint", *argv], code, err, mp)
    assert ipu("complaint", "KHM-300", "received", "--date", "2026-01-10", "--section", "I.1(b)").code == 0
    for argv, err in [
        (["received", "--date", "2026-01-10", "--section", "I.1(b)"],
         "ipu: KHM-300 already records a complaint (submitted 2026-01-10, received); record a step of "
         "its examination instead\n"),
        (["withdrawn", "--date", "2026-01-05"],
         "ipu: KHM-300: --date 2026-01-05 is before the complaint's last step (2026-01-10)\n"),
    ]:  # fmt: skip
        unchanged(repo, ipu, ["complaint", "KHM-300", *argv], 1, err, mp)
    result = ipu(
        "complaint", "KHM-300", "withdrawn", "--date", "2026-02-01", "--note", "The complainant withdrew"
    )
    assert (result.code, result.out) == (0, "cases/KHM/KHM-300.yaml: complaint withdrawn on 2026-02-01\n")
    unchanged(
        repo, ipu, ["complaint", "KHM-300", "admissible", "--session", "179", "--mandate", "sitting"], 1,
        "ipu: KHM-300: the complaint was withdrawn; no step follows\n", mp,
    )  # fmt: skip


def test_a_case_examined_before_steps_were_kept_takes_no_step(repo, ipu):
    unchanged(
        repo, ipu, ["complaint", "KHM-60", "pending-information", "--date", "2026-01"], 1,
        "ipu: KHM-COLL-03's complaint has no recorded examination: it was under examination before ipu "
        "kept complaint steps, so no step can follow\n",
    )  # fmt: skip


def test_a_group_complaint_and_its_admissibility_paragraphs(repo, ipu):
    for case_id in ("KHM-310", "KHM-311"):
        new_mp(ipu, case_id)
    assert ipu("new", "collective", "KHM-COLL-04", "--parliament", "National Assembly",
               "--member", "KHM-310", "--member", "KHM-311").code == 0  # fmt: skip
    result = ipu("complaint", "KHM-310", "received", "--date", "2026-01-05", "--section", "I.1(c)",
                 "--section", "I.1(a)")  # fmt: skip
    assert (result.code, result.out, result.err) == (
        0,
        "cases/KHM/KHM-COLL-04.yaml: complaint received on 2026-01-05\n",
        "ipu: KHM-310 is examined in KHM-COLL-04; the complaint is in the group's file\n",
    )
    assert "  sections: [I.1(a), I.1(c)]\n" in (repo / "cases/KHM/KHM-COLL-04.yaml").read_text()
    unchanged(
        repo, ipu, ["complaint", "KHM-COLL-04", "admissible", "--session", "179", "--mandate", "sitting"], 1,
        "ipu: KHM-COLL-04: no allegations to name: record the MPs' violations, or the findings' allegations\n",
        "cases/KHM/KHM-COLL-04.yaml",
    )  # fmt: skip
    before = (repo / "cases/KHM/KHM-310.yaml").read_text()
    result = ipu("complaint", "KHM-COLL-04", "admissible", "--session", "179", "--mandate", "elect",
                 "--allegation", "threats", "--no-draft")  # fmt: skip
    assert result.out == "cases/KHM/KHM-COLL-04.yaml: complaint admissible on 2026-02-18 (committee-179)\n"
    assert (repo / "cases/KHM/KHM-310.yaml").read_text() == before  # members list their own violations
    from ipu_cli.checks.pipeline import load_case_base
    from ipu_cli.documents.admissibility import paragraphs

    base = load_case_base(repo)
    group = base.get("KHM-COLL-04")
    findings = group.complaint.steps[-1].findings
    assert paragraphs(group, base, findings, Path(repo)) == [
        {"verb": "Notes", "text": "that the complaint concerning two members of the National Assembly of "
         "Cambodia was submitted by a qualified complainant under Section I.1(a) and (c) of the Committee "
         "Procedure (Annex I);"},
        {"verb": "Notes", "text": "that they were members-elect of the National Assembly when the alleged "
         "violations occurred or began;"},
        {"verb": "Notes", "text": "that the complaint concerns the following allegations, which fall within "
         "the Committee's mandate:", "items": ["threats, acts of intimidation;"]},
        {"verb": "Considers", "text": "that the complaint is therefore admissible under section IV of the "
         "Committee Procedure (Annex I), and *declares* itself competent to examine the case;"},
    ]  # fmt: skip


def test_dry_run_prints_the_diff_and_writes_nothing(repo, ipu):
    new_mp(ipu, "KHM-300")
    path = repo / "cases/KHM/KHM-300.yaml"
    before = path.read_bytes()
    result = ipu(
        "complaint", "KHM-300", "received", "--date", "2026-01-10", "--section", "I.1(b)", "--dry-run"
    )
    assert result.code == 0
    assert result.err == "ipu: dry run: cases/KHM/KHM-300.yaml not written\n"
    assert result.out == (
        "--- cases/KHM/KHM-300.yaml\n"
        "+++ cases/KHM/KHM-300.yaml\n"
        "@@ -18,6 +18,13 @@\n"
        " #     note: in the context of solitary confinement\n"
        " violations: []\n"
        " \n"
        "+complaint:\n"
        "+  sections: [I.1(b)]\n"
        "+  submitted: 2026-01-10\n"
        "+  steps:\n"
        "+    - date: 2026-01-10\n"
        "+      status: received\n"
        "+\n"
        " # Dated facts, oldest first; types from data/event-types.yaml, for example:\n"
        " #   - date: 2023-03-03  # or 2023-03, or 2023\n"
        " #     type: conviction\n"
    )
    assert path.read_bytes() == before
    log = ipu(
        "log", "KHM-60", "--direction", "to", "--party", "authorities", "--date", "2026-02", "--dry-run"
    )
    assert log.code == 0
    assert log.err == (
        "ipu: KHM-60 is examined in KHM-COLL-03; logged in the group's file\n"
        "ipu: dry run: cases/KHM/KHM-COLL-03.yaml not written\n"
    )
    assert log.out.splitlines()[2:] == [
        "@@ -158,6 +158,9 @@",
        "   - date: 2026-01",
        "     direction: to",
        "     party: complainant",
        "+  - date: 2026-02",
        "+    direction: to",
        "+    party: authorities",
        " ",
        " decisions:",
        "   - session: committee-171",
    ]


def test_a_complaint_not_admitted_stays_out_of_public_outputs(repo, ipu, tmp_path):
    new_mp(ipu, "KHM-300")
    path = repo / "cases/KHM/KHM-300.yaml"
    path.write_text(path.read_text().replace("confidentiality: confidential", "confidentiality: public"))
    assert ipu("complaint", "KHM-300", "received", "--date", "2026-01-10", "--section", "I.1(b)").code == 0
    assert ipu("complaint", "KHM-300", "inadmissible", "--date", "2026-02-18", "--session", "179",
               "--note", "Not a member of parliament when the alleged violations began").code == 0  # fmt: skip
    assert "KHM-300" not in ipu("list", "--kind", "all", "-f", "csv").out
    assert "KHM-300,Member 300," in ipu("list", "--include-confidential", "-f", "csv").out
    target = tmp_path / "cases.json"
    assert ipu("export", "-f", "json", "-o", str(target)).code == 0
    assert "KHM-300" not in target.read_text()
    refused = ipu("draft-decision", "KHM-300", "--session", "180")
    assert (refused.code, refused.err) == (
        1,
        "ipu: KHM-300 is not a case under examination (its complaint is 'inadmissible'); pass "
        "--include-confidential to produce it for internal use\n",
    )
    assert "KHM-300" not in ipu("followups", "--include-confidential", "-f", "csv").out
    figures = json.loads(ipu("stats", "-f", "json").out)  # a total names no case: marked public, counted
    assert (figures["mps"], figures["complaints"]["received"], figures["complaints"]["inadmissible"]) == (
        38,
        1,
        1,
    )
    view = json.loads(ipu("show", "KHM-300", "-f", "json").out)
    assert view["complaint"]["status"] == "inadmissible"
    assert [s["status"] for s in view["complaint"]["steps"]] == ["received", "inadmissible"]


# --- ipu adopt and start-draft -----------------------------------------------------------

DRAFT = """\

# The draft for the 180th session.
draft:
  session: committee-180
  paragraphs:
    - verb: Reaffirms
      # kept from the 179th decision
      text: >-
        its previous decision;
    - verb: Decides
      text: to continue examining this case.
"""


def test_adopt_moves_the_draft_and_its_comments(repo, ipu, monkeypatch):
    path = repo / COLL
    text = path.read_text()
    assert text.count("\nstatus:\n") == 1
    path.write_text(text.replace("\nstatus:\n", DRAFT + "\n# The case stays open.\nstatus:\n"))
    monkeypatch.setenv("IPU_TODAY", "2026-05-02")
    result = ipu("adopt", "KHM-60", "--session", "180", "--date", "2026-04-30", "--mode", "by consensus")
    assert (result.code, result.err) == (
        0,
        "ipu: KHM-60 is examined in KHM-COLL-03; the decision is adopted in the group's file\n",
    )
    assert (
        result.out
        == "cases/KHM/KHM-COLL-03.yaml: adopted the draft as the decision of committee-180 (2026-04-30)\n"
    )
    assert path.read_text() == text.replace(
        "        text: to continue examining this case.\n\nstatus:\n",
        "        text: to continue examining this case.\n"
        "  - session: committee-180\n"
        "    adopted: 2026-04-30\n"
        "    mode: by consensus\n"
        "    paragraphs:\n"
        "      - verb: Reaffirms\n"
        "        # kept from the 179th decision\n"
        "        text: >-\n"
        "          its previous decision;\n"
        "      - verb: Decides\n"
        "        text: to continue examining this case.\n"
        "\n# The case stays open.\nstatus:\n",
    )
    assert ipu("validate").code == 0
    adopted = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--adopted")
    assert "Decision adopted by consensus by the Committee" in adopted.out
    assert "1. *Reaffirms* its previous decision;" in adopted.out.splitlines()


def test_adopt_refusals(repo, ipu, monkeypatch):
    unchanged(repo, ipu, ["adopt", "KHM-COLL-03", "--session", "179"], 1,
              "ipu: KHM-COLL-03 has no draft to adopt (no 'draft:' block in its file)\n")  # fmt: skip
    path = repo / COLL
    path.write_text(path.read_text().replace("\nstatus:\n", DRAFT + "\nstatus:\n"))
    for argv, code, err in [
        (["--session", "179"], 1,
         "ipu: KHM-COLL-03's draft is for the 180th session (April 2026), not the 179th session (February "
         "2026); adopt it at the 180th session (April 2026) or change the draft's session\n"),
        (["--session", "180"], 1,
         "ipu: the 180th session (April 2026) has not begun (it starts 2026-04; today is 2026-03-01)\n"),
        (["--session", "181"], 2,
         "ipu: session committee-181 is not in data/sessions.yaml (known: committee-171, committee-179, "
         "committee-180)\n"),
        (["--session", "180", "--mode", "loudly"], 2,
         "ipu: --mode: unknown mode 'loudly'; choose from unanimously, by consensus, without a vote\n"),
    ]:  # fmt: skip
        unchanged(repo, ipu, ["adopt", "KHM-COLL-03", *argv], code, err)
    unchanged(repo, ipu, ["start-draft", "KHM-COLL-03", "--session", "180"], 1,
              "ipu: KHM-COLL-03 already has a draft for the 180th session (April 2026); edit it, or adopt it "
              "with 'ipu adopt'\n")  # fmt: skip


def test_start_draft_copies_the_latest_decision_held(repo, ipu):
    result = ipu("start-draft", "KHM-COLL-03", "--session", "180")
    assert result.out == (
        "cases/KHM/KHM-COLL-03.yaml: started the draft for the 180th session (April 2026) from the decision "
        "adopted at the 179th session (February 2026)\n"
    )
    text = (repo / COLL).read_text()
    draft = text[text.index("\ndraft:\n") : text.index("\nstatus:\n")]
    assert draft.startswith(
        "\ndraft:\n  session: committee-180\n  paragraphs:\n    - verb: Reaffirms\n      text: >-\n"
    )
    assert draft.endswith("    - verb: Decides\n      text: to continue examining this case.\n")
    assert ipu("validate").code == 0
    # The draft block renders as the draft started from the latest decision did (golden file).
    drafted = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert drafted.out == (GOLDEN / "KHM-COLL-03-committee-180-draft.md").read_text()


# --- ipu close ---------------------------------------------------------------------------


def test_closing_one_member_of_a_group(repo, ipu):
    member = repo / "cases/KHM/KHM-60.yaml"
    before, group = member.read_text(), (repo / COLL).read_bytes()
    result = ipu("close", "KHM-COLL-03", "--member", "khm60", "--session", "179", "--reason", "Acquitted")
    assert (result.code, result.out, result.err) == (
        0,
        "cases/KHM/KHM-60.yaml: closed KHM-60 on 2026-02-18 (committee-179): Acquitted\n",
        "ipu: KHM-60 is closed in its own file; KHM-COLL-03 stays open\n",
    )
    assert member.read_text() == before.replace(
        "status:\n  state: active\n",
        "status:\n  state: closed\n  date: 2026-02-18\n  reason: Acquitted\n  session: committee-179\n",
    )
    assert (repo / COLL).read_bytes() == group
    # The next decision leaves the member out; the decision of the closing session keeps them.
    draft = ipu("draft-decision", "KHM-COLL-03", "--session", "180").out
    assert "KHM-60 - Kem Sokha" not in draft
    assert "Victims: 37 former opposition parliamentarians (33 male and four female)" in draft
    adopted = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted").out
    assert "KHM-60 - Kem Sokha" in adopted
    unchanged(repo, ipu, ["close", "KHM-60", "--session", "179", "--reason", "x"], 1,
              "ipu: KHM-60 is already closed (2026-02-18: Acquitted)\n", "cases/KHM/KHM-60.yaml")  # fmt: skip


def test_close_refusals(repo, ipu):
    for argv, code, err in [
        (["KHM-60", "--member", "KHM-48"], 2, "ipu: --member needs a group case; KHM-60 is an MP's case\n"),
        (["KHM-COLL-03", "--member", "KHM-999"], 1,
         "ipu: KHM-999 is not a member of KHM-COLL-03 (members: " + ", ".join(
             f"KHM-{n}" for n in (48, 49, 50, 51, 52, 53, 56, 57, 58, 59, 60, 62, 65, 66, 67, 68, 69, 72, 73,
                                  76, 78, 79, 80, 82, 83, 84, 86, 87, 90, 91, 92, 93, 94, 95, 96, 99, 101, 102)
         ) + ")\n"),
        (["KHM-COLL-03", "--reason", " "], 2, "ipu: --reason must say why the case is closed\n"),
    ]:  # fmt: skip
        reason = [] if "--reason" in argv else ["--reason", "Settled"]
        unchanged(repo, ipu, ["close", *argv, "--session", "179", *reason], code, err)


CLOSED = "status:\n  state: closed\n  date: 2026-02-18\n  reason: Settled\n  session: committee-179\n"


@pytest.mark.parametrize("status", ["status: {state: active}\n", ""], ids=["flow", "missing"])
def test_close_writes_a_status_block(repo, ipu, status):
    new_mp(ipu, "KHM-300")
    path = repo / "cases/KHM/KHM-300.yaml"
    text = path.read_text().replace("status:\n  state: active\n", status)
    path.write_text(text)
    assert ipu("close", "KHM-300", "--session", "179", "--reason", "Settled").code == 0
    if status:
        assert path.read_text() == text.replace(status, CLOSED)
    else:  # a missing status goes in its place: before confidentiality and the comment on it
        comment = "# Confidential until the Committee decides to make the case public.\n"
        assert path.read_text() == text.replace(comment, CLOSED + "\n" + comment)


# --- ipu record ---------------------------------------------------------------------------


def test_missions_in_the_box_and_in_follow_up(repo, ipu):
    record = ["record", "KHM-60", "mission"]
    result = ipu(*record, "--date", "2025-05-12", "--end", "2025-05-15", "--delegation", "Ms. A",
                 "--delegation", "Mr. B", "--report", "CL/217/11(b)-R.1", "--description", "IPU mission to Cambodia")  # fmt: skip
    assert (result.code, result.out) == (
        0,
        "cases/KHM/KHM-COLL-03.yaml: recorded mission carried out 2025-05-12 (mission 2 of 2)\n",
    )
    assert ipu(*record, "--kind", "trial-observation", "--date", "2025-06").code == 0
    assert ipu(*record, "--status", "requested", "--date", "2026-02", "--session", "179").code == 0
    text = (repo / COLL).read_text()
    assert (
        "missions:\n"
        "  - date: 2016-02\n"
        "    description: IPU mission to Cambodia\n"
        "  - date: 2025-05-12\n"
        "    kind: mission\n"
        "    status: carried-out\n"
        "    end: 2025-05-15\n"
        "    delegation: [Ms. A, Mr. B]\n"
        "    description: IPU mission to Cambodia\n"
        "    report: CL/217/11(b)-R.1\n"
        "  - date: 2025-06\n"
        "    kind: trial-observation\n"
        "    status: carried-out\n"
        "  - date: 2026-02\n"
        "    kind: mission\n"
        "    status: requested\n"
        "    session: committee-179\n"
        "\nhearings:\n"
    ) in text
    draft = ipu("draft-decision", "KHM-COLL-03", "--session", "180").out
    assert "IPU mission(s): May 2025, February 2016" in draft.splitlines()
    row = json.loads(ipu("followups", "-f", "json").out)[0]
    assert (row["flags"], row["missions"]) == (
        ["not conveyed", "authorities silent", "mission pending"],
        ["mission requested 2026-02"],
    )
    # ipu show: the same box line, the pending mission under it (the decision does not print it)
    assert "\n  IPU mission(s): May 2025, February 2016\n    pending: mission requested 2026-02\n" in (
        ipu("show", "KHM-60").out
    )
    assert json.loads(ipu("show", "KHM-60", "-f", "json").out)["pending_missions"] == [
        "mission requested 2026-02"
    ]


def test_record_refusals(repo, ipu):
    for argv, code, err in [
        (["KHM-60", "hearing", "--date", "2026-01"], 1, "ipu: invalid hearing: description: Field required\n"),
        (["KHM-60", "hearing", "--date", "2026-01", "--description", "x", "--type", "arrest"], 2,
         "ipu: --type does not apply to a hearing; a hearing takes --date, --description, --session\n"),
        (["KHM-60", "mission", "--date", "2026-01", "--status", "done"], 1,
         "ipu: invalid mission: status: Input should be 'requested', 'agreed' or 'carried-out' ('done')\n"),
        (["KHM-60", "mission", "--date", "2026-01", "--status", "agreed", "--report", "CL/1"], 1,
         "ipu: invalid mission: only a mission carried out has a report\n"),
        (["KHM-60", "event", "--date", "2026-04", "--type", "arrest", "--text", "x"], 1,
         "ipu: invalid event: date 2026-04 is after today (2026-03-01)\n"),
        (["KHM-60", "visit", "--date", "2026-01"], 2, "ipu: unknown record 'visit'; choose from hearing, mission, event\n"),
    ]:  # fmt: skip
        unchanged(repo, ipu, ["record", *argv], code, err)
    path = "cases/KHM/KHM-60.yaml"
    before = (repo / path).read_bytes()
    result = ipu("record", "KHM-60", "event", "--date", "2026-01", "--type", "arest", "--text", "Arrested.")
    assert result.code == 1
    assert result.err.splitlines() == [
        "cases/KHM/KHM-60.yaml:46:11: error unknown-event-type unknown event type 'arest'; did you mean 'arrest'?",
        "ipu: cases/KHM/KHM-60.yaml would not be valid with this change; nothing written",
    ]
    assert (repo / path).read_bytes() == before


def test_an_event_goes_in_the_file_of_the_case_named(repo, ipu):
    result = ipu("record", "CMBD/60", "event", "--date", "2024-05-03", "--type", "charge", "--text",
                 "Charged again (test).", "--mandate-link", "over a speech made in parliament")  # fmt: skip
    assert (result.code, result.out, result.err) == (
        0,
        "cases/KHM/KHM-60.yaml: recorded event 2024-05-03 (event 3 of 3)\n",
        "",
    )
    assert (
        "  - date: 2024-05-03\n    type: charge\n    text: Charged again (test).\n"
        "    mandate_link: over a speech made in parliament\n\nstatus:\n"
    ) in (repo / "cases/KHM/KHM-60.yaml").read_text()


def test_recording_messages_name_council_sessions_in_words(synthetic, ipu):
    """A Governing Council case (synthetic Honduras): start-draft names both sessions in words."""
    result = ipu("start-draft", "HND-COLL-02", "--session", "216", "--body", "governing-council")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "cases/HND/HND-COLL-02.yaml: started the draft for the 216th session of the Governing Council "
        "(April 2026) from the decision adopted at the 215th session of the Governing Council (October 2025)\n"
    )
    again = ipu("start-draft", "HND-COLL-02", "--session", "216", "--body", "governing-council")
    assert (again.code, again.out) == (1, "")
    assert again.err == (
        "ipu: HND-COLL-02 already has a draft for the 216th session of the Governing Council (April 2026); "
        "edit it, or adopt it with 'ipu adopt'\n"
    )
