"""`ipu validate` on a case's life: complaint steps, terms of office, substitutes, missions."""

from __future__ import annotations

import pytest

from ipu_cli.domain import complaints, mandates, missions
from ipu_cli.domain.cases import Mission, Term
from ipu_cli.domain.dates import PartialDate

SUBSTITUTE = """\
id: KHM-301
name: Invented Substitute
sex: male
country: KHM
parliament: National Assembly
mandate: substitute
terms:
  - elected: 2013-07-28
    sworn_in: 2013-09-23
    ended: 2017-11-16
  - role: substitute
    elected: 2018-07-29
affiliation: opposition
violations:
  - code: arbitrary-detention
complaint:
  sections: [I.1(a)]
  submitted: 2019-01
  steps:
    - date: 2019-02
      status: received
    - date: 2019-03
      status: withdrawn
    - date: 2019-04
      status: pending-information
events:
  - date: 2019-01-10
    type: arrest
    text: Arrested (invented).
decisions:
  - session: committee-179
    adopted: 2026-02
missions:
  - date: 2026-01
    status: agreed
    session: committee-999
confidentiality: confidential
"""


def test_warnings_on_the_life_of_a_case(repo, ipu):
    (repo / "cases/KHM/KHM-301.yaml").write_text(SUBSTITUTE)
    result = ipu("validate", "cases/KHM/KHM-301.yaml")
    assert result.code == 1
    assert result.out.splitlines() == [
        "cases/KHM/KHM-301.yaml:11:11: warning substitute-never-sat a substitute who never sat is not a "
        "member of parliament by this term; record when they sat ('sat') or remove the term",
        "cases/KHM/KHM-301.yaml:18:14: warning complaint-history the complaint was submitted 2019-01 but "
        "its 'received' step is dated 2019-02",
        "cases/KHM/KHM-301.yaml:25:15: warning complaint-history the complaint was withdrawn; no step follows",
        "cases/KHM/KHM-301.yaml:27:11: warning mandate-dates the alleged violations began 2019-01-10 (arrest), "
        "outside the MP's mandate (elected 2013-07-28, sworn in 2013-09-23, ended 2017-11-16; substitute, "
        "never sat); say how the event relates to a mandate in 'mandate_link', or correct the dates",
        "cases/KHM/KHM-301.yaml:31:3: warning not-admitted the complaint is 'pending-information': the "
        "Committee takes decisions on a case once its complaint is found admissible "
        "('ipu complaint ... admissible')",
        "cases/KHM/KHM-301.yaml:36:14: error unknown-session session 'committee-999' is not in "
        "data/sessions.yaml",
    ]


def test_a_link_or_a_sitting_silences_the_mandate_warnings(repo, ipu):
    fixed = (
        SUBSTITUTE.replace(
            "    elected: 2018-07-29\n",
            "    elected: 2018-07-29\n    sat: [{start: 2018-09, end: 2019-06}]\n",
        )
        .replace("submitted: 2019-01\n", "submitted: 2019-02\n")
        .replace("    - date: 2019-03\n      status: withdrawn\n", "")
        .replace("session: committee-999", "session: committee-179")
    )
    (repo / "cases/KHM/KHM-301.yaml").write_text(fixed)
    result = ipu("validate", "cases/KHM/KHM-301.yaml")
    assert result.out == (  # the arrest falls while the substitute sat; only the decision remains
        "cases/KHM/KHM-301.yaml:30:3: warning not-admitted the complaint is 'pending-information': the "
        "Committee takes decisions on a case once its complaint is found admissible "
        "('ipu complaint ... admissible')\n"
    )
    linked = SUBSTITUTE.replace(
        "    text: Arrested (invented).\n",
        "    text: Arrested (invented).\n    mandate_link: for a speech made in parliament in 2016\n",
    )
    (repo / "cases/KHM/KHM-301.yaml").write_text(linked)
    assert "mandate-dates" not in ipu("validate", "cases/KHM/KHM-301.yaml").out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "    - {date: 2019-02, status: admissible}\n",
            "complaint.steps[1]: an admissible step records its findings (mandate, allegations)",
        ),
        (
            "    - {date: 2019-02, status: inadmissible}\n",
            "complaint.steps[1]: an inadmissible step says why in its note",
        ),
        (
            "    - {date: 2019-02, status: admissible, findings: {mandate: former}}\n",
            "complaint.steps[1].findings.mandate: 'former' is not one of sitting, elect",
        ),
    ],
)
def test_steps_the_model_refuses(repo, ipu, text, message):
    case = SUBSTITUTE.replace(
        "    - date: 2019-03\n      status: withdrawn\n    - date: 2019-04\n      status: pending-information\n",
        text,
    )
    (repo / "cases/KHM/KHM-301.yaml").write_text(case)
    assert f"error invalid-value {message}" in ipu("validate", "cases/KHM/KHM-301.yaml").out


def test_current_status_and_what_may_follow():
    assert complaints.current([]) == "admissible"  # examined before steps were kept
    assert complaints.refusal(None, "received") is None
    assert complaints.refusal("pending-information", "pending-information") is None
    assert (
        complaints.refusal("admissible", "withdrawn")
        == "the complaint was already found admissible; no step follows"
    )
    assert complaints.refusal("received", "received") == "'received' cannot follow 'received'"


def test_terms_windows():
    member = Term(elected="2013-07-28", sworn_in="2013-09-23", ended="2017-11")
    assert mandates.outside_every_term(PartialDate(2013, 8), [member]) is False  # an MP-elect is covered
    assert mandates.outside_every_term(PartialDate(2017, 11, 30), [member]) is False  # partial end month
    assert mandates.outside_every_term(PartialDate(2017, 12), [member]) is True
    assert mandates.outside_every_term(PartialDate(2000), []) is False  # no terms: nothing to say
    substitute = Term(role="substitute", sat=[{"start": "2019-01", "end": "2019-02"}])
    assert mandates.outside_every_term(PartialDate(2019, 3), [substitute]) is True
    assert mandates.never_sat(Term(role="substitute")) and not mandates.never_sat(substitute)


def test_missions_carried_out_and_pending():
    records = [
        Mission(date="2016-02"),
        Mission(date="2025-06", kind="trial-observation"),
        Mission(date="2026-02", status="requested"),
        Mission(date="2024-01", kind="visit"),
        Mission(date="2025-01", kind="visit", status="agreed"),
    ]
    assert [str(m.date) for m in missions.carried_out(records)] == ["2024-01", "2016-02"]
    assert [missions.label(m) for m in missions.pending(records)] == [
        "visit agreed 2025-01",
        "mission requested 2026-02",
    ]
    assert missions.pending([*records, Mission(date="2026-03")]) == [records[4]]
