"""The life of a case with `ipu` commands only: a complaint from receipt to closure.

Each step runs one command and checks the whole file afterwards: the file before the
step with exactly the lines the step adds (or the one change it makes), nothing else.
The MP is invented for the test (in the scratch copy of the repository, never in cases/).
"""

from __future__ import annotations

import json
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
FILE = "cases/KHM/KHM-201.yaml"


def once(text: str, old: str, new: str) -> str:
    """`text` with its one occurrence of `old` replaced (the test fails if there is not exactly one)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def step(repo, ipu, argv: list[str], out: str, change) -> str:
    """Run one command; its stdout is `out`; the file is `change(file before)`. Returns the new text."""
    path = repo / FILE
    before = path.read_text(encoding="utf-8")
    result = ipu(*argv)
    assert (result.code, result.out) == (0, out), result.err
    after = path.read_text(encoding="utf-8")
    assert after == change(before)
    return after


ADMISSIBILITY = """\
draft:
  session: committee-179
  paragraphs:
    - verb: Notes
      text: >-
        that the complaint concerning Ms. Dara Vannak was submitted by a qualified
        complainant under Section I.1(a) of the Committee Procedure (Annex I);
    - verb: Notes
      text: >-
        that she was a sitting member of the National Assembly when the alleged violations
        began, in October 2025;
    - verb: Notes
      text: >-
        that the complaint concerns the following allegations, which fall within the
        Committee's mandate:
      items:
        - violation of freedom of opinion and expression;
        - arbitrary arrest and detention;
    - verb: Considers
      text: >-
        that the complaint is therefore admissible under section IV of the Committee
        Procedure (Annex I), and *declares* itself competent to examine the case;
"""


def shifted(block: str) -> str:
    """The draft's paragraphs as a decision holds them: two columns further right."""
    lines = block.splitlines(keepends=True)[2:]  # without "draft:" and its session
    return "".join("  " + line for line in lines)


def test_a_complaint_from_receipt_to_closure(repo, ipu, monkeypatch):
    created = ipu(
        "new", "individual", "KHM-201", "--name", "Dara Vannak", "--sex", "female",
        "--parliament", "National Assembly", "--mandate", "incumbent", "--affiliation", "opposition",
    )  # fmt: skip
    assert (created.code, created.out) == (0, "created cases/KHM/KHM-201.yaml\n")

    step(
        repo, ipu,
        ["record", "KHM-201", "event", "--date", "2025-10-02", "--type", "arrest", "--text",
         "Arrested at her home two days after a speech in the National Assembly on the budget, "
         "and held without charge."],
        "cases/KHM/KHM-201.yaml: recorded event 2025-10-02 (event 1 of 1)\n",
        lambda t: once(t, "events: []\n", (
            "events:\n"
            "  - date: 2025-10-02\n"
            "    type: arrest\n"
            "    text: >-\n"
            "      Arrested at her home two days after a speech in the National Assembly on the budget,\n"
            "      and held without charge.\n"
        )),
    )  # fmt: skip

    # Received: the complaint block goes after the violations, before the events' comments.
    step(
        repo, ipu,
        ["complaint", "KHM-201", "received", "--date", "2025-11-20", "--section", "I.1(a)",
         "--complainant", "Lawyer Fictional"],
        "cases/KHM/KHM-201.yaml: complaint received on 2025-11-20\n",
        lambda t: once(t, "violations: []\n\n", (
            "violations: []\n\n"
            "complaint:\n"
            "  sections: [I.1(a)]\n"
            "  submitted: 2025-11-20\n"
            "  complainant: Lawyer Fictional\n"
            "  steps:\n"
            "    - date: 2025-11-20\n"
            "      status: received\n\n"
        )),
    )  # fmt: skip
    shown = ipu("show", "KHM-201").out.splitlines()
    assert shown[3:5] == ["  Status: active · confidential", "  Complaint: received since 2025-11-20"]
    listed = ipu("list", "--include-confidential", "-f", "csv").out
    assert "KHM-201,Dara Vannak,female,KHM,incumbent,opposition,,active" in listed.splitlines()

    step(
        repo, ipu,
        ["complaint", "KHM-201", "pending-information", "--date", "2025-12-05", "--note",
         "Asked the complainant whether she has been charged"],
        "cases/KHM/KHM-201.yaml: complaint pending-information on 2025-12-05\n",
        lambda t: once(t, "      status: received\n", (
            "      status: received\n"
            "    - date: 2025-12-05\n"
            "      status: pending-information\n"
            "      note: Asked the complainant whether she has been charged\n"
        )),
    )  # fmt: skip

    # Admissible: the step with its findings, the allegations as the MP's violations, and the
    # draft of the first decision with the admissibility paragraphs (before `status`).
    step(
        repo, ipu,
        ["complaint", "KHM-201", "admissible", "--session", "179", "--mandate", "sitting",
         "--began", "2025-10", "--allegation", "arbitrary-detention", "--allegation", "freedom-of-expression"],
        "cases/KHM/KHM-201.yaml: complaint admissible on 2026-02-18 (committee-179); added to the MP's "
        "violations: arbitrary-detention, freedom-of-expression; draft of the first decision started with "
        "4 admissibility paragraphs\n",
        lambda t: once(once(once(
            t,
            "violations: []\n",
            "violations:\n  - code: arbitrary-detention\n  - code: freedom-of-expression\n",
        ),
            "      note: Asked the complainant whether she has been charged\n",
            "      note: Asked the complainant whether she has been charged\n"
            "    - date: 2026-02-18\n"
            "      status: admissible\n"
            "      session: committee-179\n"
            "      findings:\n"
            "        mandate: sitting\n"
            "        began: 2025-10\n"
            "        allegations: [arbitrary-detention, freedom-of-expression]\n",
        ),
            "decisions: []\n\nstatus:\n",
            "decisions: []\n\n" + ADMISSIBILITY + "\nstatus:\n",
        ),
    )  # fmt: skip

    # The first decision renders the admissibility paragraphs from the findings.
    draft = ipu("draft-decision", "KHM-201", "--session", "179", "--include-confidential")
    assert draft.code == 0
    assert draft.err == "ipu: warning: KHM-201: the case has no summary\n"
    assert draft.out == (GOLDEN / "KHM-201-first-decision-committee-179.md").read_text(encoding="utf-8")

    step(
        repo, ipu,
        ["adopt", "KHM-201", "--session", "179"],
        "cases/KHM/KHM-201.yaml: adopted the draft as the decision of committee-179 (2026-02-18)\n",
        lambda t: once(t, "decisions: []\n\n" + ADMISSIBILITY + "\n", (
            "decisions:\n"
            "  - session: committee-179\n"
            "    adopted: 2026-02-18\n"
            + shifted(ADMISSIBILITY) + "\n"
        )),
    )  # fmt: skip
    step(
        repo, ipu,
        ["log", "KHM-201", "--direction", "to", "--party", "authorities", "--date", "2026-02-25",
         "--description", "Letter to the Speaker of the National Assembly"],
        "cases/KHM/KHM-201.yaml: logged 2026-02-25 to authorities: Letter to the Speaker of the National "
        "Assembly (entry 1 of 1)\n",
        lambda t: once(t, "communications: []\n", (
            "communications:\n"
            "  - date: 2026-02-25\n"
            "    direction: to\n"
            "    party: authorities\n"
            "    description: Letter to the Speaker of the National Assembly\n"
        )),
    )  # fmt: skip

    # The next session: a draft from the first decision, adopted unanimously.
    monkeypatch.setenv("IPU_TODAY", "2026-05-01")
    latest = shifted(ADMISSIBILITY)
    step(
        repo, ipu,
        ["start-draft", "KHM-201", "--session", "180"],
        "cases/KHM/KHM-201.yaml: started the draft for the 180th session (April 2026) from the decision "
        "adopted at the 179th session (February 2026)\n",
        lambda t: once(t, latest + "\nstatus:\n", (
            latest + "\n" + ADMISSIBILITY.replace("committee-179", "committee-180") + "\nstatus:\n"
        )),
    )  # fmt: skip
    step(
        repo, ipu,
        ["adopt", "KHM-201", "--session", "180", "--mode", "unanimously"],
        "cases/KHM/KHM-201.yaml: adopted the draft as the decision of committee-180 (2026-04)\n",
        lambda t: once(t, latest + "\n" + ADMISSIBILITY.replace("committee-179", "committee-180") + "\n", (
            latest
            + "  - session: committee-180\n"
            + "    adopted: 2026-04\n"
            + "    mode: unanimously\n"
            + latest + "\n"
        )),
    )  # fmt: skip
    step(
        repo, ipu,
        ["record", "KHM-201", "mission", "--date", "2026-04", "--status", "requested", "--session", "180",
         "--description", "Visit to meet the authorities in Phnom Penh"],
        "cases/KHM/KHM-201.yaml: recorded mission requested 2026-04 (mission 1 of 1)\n",
        lambda t: once(t, "\n# An MP in no group carries", (
            "\nmissions:\n"
            "  - date: 2026-04\n"
            "    kind: mission\n"
            "    status: requested\n"
            "    description: Visit to meet the authorities in Phnom Penh\n"
            "    session: committee-180\n"
            "\n# An MP in no group carries"
        )),
    )  # fmt: skip
    rows = json.loads(ipu("followups", "--include-confidential", "-f", "json").out)["rows"]
    mine = next(row for row in rows if row["case"] == "KHM-201")
    assert mine["missions"] == ["mission requested 2026-04"]
    assert "mission pending" in mine["flags"]

    step(
        repo, ipu,
        ["close", "KHM-201", "--session", "180", "--reason", "Released, charges dropped and back in her seat"],
        "cases/KHM/KHM-201.yaml: closed KHM-201 on 2026-04 (committee-180): Released, charges dropped "
        "and back in her seat\n",
        lambda t: once(t, "status:\n  state: active\n", (
            "status:\n"
            "  state: closed\n"
            "  date: 2026-04\n"
            "  reason: Released, charges dropped and back in her seat\n"
            "  session: committee-180\n"
        )),
    )  # fmt: skip

    result = ipu("validate")
    assert (result.code, result.out, result.err) == (0, "", "40 files checked: no problems\n")

    # Figures: received and pending in 2025; admissible, new and closed in 2026.
    def figures(*argv: str) -> dict:
        return json.loads(ipu("stats", "--include-confidential", "-f", "json", *argv).out)

    year = figures("--year", "2025")
    assert year["complaints"] == {
        "received": 1,
        "admissible": 0,
        "inadmissible": 0,
        "withdrawn": 0,
        "pending": 1,
    }
    assert (year["mps"], year["new"]) == (38, 0)
    now = figures()
    assert now["complaints"] == {
        "received": 0,
        "admissible": 1,
        "inadmissible": 0,
        "withdrawn": 0,
        "pending": 0,
    }
    assert (now["mps"], now["new"], now["closed"]) == (39, 1, 1)
