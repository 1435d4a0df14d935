"""The frame of a decision against the patterns of real published decisions.

Two invented groups are added to the synthetic base, each mimicking the structure of a real
published decision (docs/decisions.md, "Checked against published decisions"): a group like
the Maldives case adopted unanimously by the IPU Governing Council at its 204th session
(Doha, 10 April 2019), and a group like the Ecuador case adopted by the Committee at its
163rd session (virtual session, 1 to 13 February 2021). Names, ids, dates and texts here are
invented; only the shape of the facts (seven sitting male opposition MPs, four missions, a
decision known only by its month; 17 sitting MPs of whom five women, two complaints, two
hearings and no decision before) follows the published cases. Each test states the lines the
published decisions print for such facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import overlay_data

SESSIONS = """\
sessions:
  - body: committee
    number: 176
    virtual: true
    start: 2024-11-18
    end: 2024-11-29
"""

MEMBER = """\
# SYNTHETIC test fixture: an invented person (tests/test_published_patterns.py).
id: {id}
name: {name}
sex: {sex}
country: {country}
parliament: {parliament}
mandate: incumbent
affiliation: opposition
collectives: [{group}]
violations:
{violations}
status:
  state: active
confidentiality: public
"""

MALDIVES_LIKE = """\
# SYNTHETIC test fixture: an invented group shaped like a published Maldives decision.
id: MDV-COLL-90
title: Opposition members arrested after a sitting (invented)
country: MDV
parliament: People's Majlis
members: [{members}]
complaint:
  sections: [I.1(a)]
  submitted: 2012-02
summary: Invented summary.
missions:
  - date: 2012-11
  - date: 2013-11
  - date: 2016-10
  - date: 2018-03
hearings:
  - date: 2024-10
    description: Hearing with the Maldives delegation at an earlier Assembly
  - date: 2025-03
    description: Hearing with the Maldives delegation at the 150th IPU Assembly
communications:
  - date: 2025-03
    direction: from
    party: complainant
  - date: 2025-03
    direction: to
    party: authorities
    description: Letter to the Speaker of the People's Majlis
  - date: 2025-03
    direction: to
    party: complainant
  - date: 2025-04
    direction: from
    party: authorities
    description: Letter from the Secretary General of the People's Majlis
addressees:
  - party: authorities
    title: Speaker of the People's Majlis
    salutation: Dear Mr. Speaker,
decisions:
  - adopted: 2025-02
  - session: governing-council-215
    adopted: 2025-10-23
    mode: unanimously
    checklist: [arbitrary-detention, due-process-proceedings, freedom-of-expression]
    paragraphs:
      - verb: Requests
        text: >-
          the Secretary General to convey this decision to the parliamentary authorities, the
          complainant and any third party likely to be in a position to supply relevant information;
      - verb: Decides
        text: to continue examining this case.
status:
  state: active
confidentiality: public
"""

ECUADOR_LIKE = """\
# SYNTHETIC test fixture: an invented group shaped like a published Ecuador decision.
id: ECU-COLL-90
title: Opposition members threatened during protests (invented)
country: ECU
parliament: National Assembly
members: [{members}]
complaint:
  sections: [I.1(b), I.1(a)]
  submitted: 2023-09
  also_submitted: [2024-10, 2025-06]
summary: Invented summary.
hearings:
  - date: 2024-01
    description: Hearing with the Legal Adviser of the National Assembly
  - date: 2024-10
    description: Working meeting with the Secretariat for International Relations of the National Assembly
communications:
  - date: 2023-11
    direction: from
    party: complainant
  - date: 2024-10
    direction: from
    party: authorities
    description: Letter from the Speaker of the National Assembly
  - date: 2024-11-04
    direction: to
    party: authorities
    description: Letter to the Speaker of the National Assembly
  - date: 2024-11-04
    direction: to
    party: complainant
decisions:
  - session: committee-176
    adopted: 2024-11
    checklist: [torture-violence, threats, arbitrary-detention]
    paragraphs:
      - verb: Decides
        text: to continue examining this case.
status:
  state: active
confidentiality: public
"""

MALDIVES_NAMES = [
    "Ahmed Invented Rasheed",
    "Ali Made-up Zahir",
    "Hassan Fictive Moosa",
    "Ibrahim Sample Naseem",
    "Mohamed Placeholder Faiz",
    "Abdulla Test Shareef",
    "Hussain Dummy Waheed",
]
ECUADOR_WOMEN = {3, 4, 10, 15, 16}


def _write(base: Path, country: str, group: str, text: str, people: list[tuple[str, str, str]]) -> None:
    folder = base / "cases" / country
    folder.mkdir(parents=True, exist_ok=True)
    parliament = {"MDV": "People's Majlis", "ECU": "National Assembly"}[country]
    codes = {
        "MDV": ["arbitrary-detention", "due-process-proceedings", "freedom-of-expression"],
        "ECU": ["threats", "torture-violence", "arbitrary-detention"],
    }[country]
    violations = "\n".join(f"  - code: {code}" for code in codes)
    for mp_id, name, sex in people:
        (folder / f"{mp_id}.yaml").write_text(
            MEMBER.format(
                id=mp_id,
                name=name,
                sex=sex,
                country=country,
                parliament=parliament,
                group=group,
                violations=violations,
            ),
            encoding="utf-8",
        )
    members = ", ".join(mp_id for mp_id, _, _ in people)
    (folder / f"{group}.yaml").write_text(text.format(members=members), encoding="utf-8")


@pytest.fixture
def published(synthetic: Path) -> Path:
    """The synthetic base with the two invented groups and the Committee's virtual 176th session."""
    sessions = synthetic / "data" / "sessions.yaml"
    sessions.write_text(overlay_data(sessions.read_text(encoding="utf-8"), SESSIONS), encoding="utf-8")
    maldives = [(f"MDV-{901 + i}", name, "male") for i, name in enumerate(MALDIVES_NAMES)]
    _write(synthetic, "MDV", "MDV-COLL-90", MALDIVES_LIKE, maldives)
    ecuador = [
        (f"ECU-{901 + i}", f"{'Ana' if i in ECUADOR_WOMEN else 'Luis'} Invented Surname-{i + 1}", "female" if i in ECUADOR_WOMEN else "male")
        for i in range(17)
    ]  # fmt: skip
    _write(synthetic, "ECU", "ECU-COLL-90", ECUADOR_LIKE, ecuador)
    return synthetic


def test_the_sample_base_is_valid(published: Path, ipu) -> None:
    result = ipu("validate")
    assert (result.code, result.out) == (0, "")


def test_governing_council_decision_frame_as_published(published: Path, ipu) -> None:
    """Maldives, GC 204th session: the Council's header with its adoption mode and day, seven
    sitting male MPs, several missions joined by commas, the hearing since the previous
    decision (known only by its month), the follow-up since that decision."""
    result = ipu("draft-decision", "MDV-COLL-90", "--session", "governing-council-215", "--adopted")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if line]
    start = lines.index("# Maldives")
    assert lines[start : start + 9] == [
        "# Maldives",
        "Decision adopted unanimously by the IPU Governing Council at its 215th session (Geneva, 23 October 2025)",
        "MDV-901 - Ahmed Invented Rasheed",
        "MDV-902 - Ali Made-up Zahir",
        "MDV-903 - Hassan Fictive Moosa",
        "MDV-904 - Ibrahim Sample Naseem",
        "MDV-905 - Mohamed Placeholder Faiz",
        "MDV-906 - Abdulla Test Shareef",
        "MDV-907 - Hussain Dummy Waheed",
    ]
    box = lines.index("**Case MDV-COLL-90**")
    assert lines[box - 5 : box + 14] == [
        "## Alleged human rights violations",
        "- ✓ Arbitrary arrest and detention",
        "- ✓ Lack of due process in proceedings against parliamentarians",
        "- ✓ Violation of freedom of opinion and expression",
        "## A. Summary of the case",
        "**Case MDV-COLL-90**",
        "Maldives: Parliament affiliated to the IPU",
        "Victims: Seven male opposition members of parliament",
        "Qualified complainant(s): Section I.1(a) of the Committee Procedure (Annex I)",
        "Submission of complaint: February 2012",
        "Recent IPU decision: February 2025",
        "IPU mission(s): March 2018, October 2016, November 2013, November 2012",
        "Recent Committee hearing: Hearing with the Maldives delegation at the 150th IPU Assembly (March 2025)",
        "Recent follow-up:",
        "- Communication from the authorities: Letter from the Secretary General of the People's Majlis (April 2025)",
        "- Communication from the complainant: March 2025",
        "- Communication to the authorities: Letter to the Speaker of the People's Majlis (March 2025)",
        "- Communication to the complainant: March 2025",
        "Invented summary.",
    ]
    assert (
        lines[lines.index("## B. Decision") + 1] == "The Governing Council of the Inter-Parliamentary Union"
    )


def test_governing_council_letter_speaks_of_the_council(published: Path, ipu) -> None:
    result = ipu("draft-letter", "MDV-COLL-90", "--session", "governing-council-215", "--to", "authorities")
    assert result.code == 0, result.err
    assert (
        "I have the honour to convey to you the decision on case MDV-COLL-90, concerning seven "
        "parliamentarians of Maldives, adopted by the Governing Council of the Inter-Parliamentary "
        "Union, on the proposal of the Committee on the Human Rights of Parliamentarians, at its "
        "215th session (Geneva, 23 October 2025). The decision is enclosed."
    ) in result.out.splitlines()
    assert (
        "Enclosure: Decision adopted unanimously by the IPU Governing Council at its 215th session "
        "(Geneva, 23 October 2025)"
    ) in result.out.splitlines()


def test_committee_virtual_session_frame_as_published(published: Path, ipu) -> None:
    """Ecuador, CHRP 163rd session: the virtual session's header, 17 sitting MPs of both sexes,
    two complaints (the one after the session left out), the categories of both, no decision
    or mission before, every hearing since there is no decision before."""
    result = ipu("draft-decision", "ECU-COLL-90", "--session", "committee-176", "--adopted")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if line]
    assert lines[lines.index("# Ecuador") + 1] == (
        "Decision adopted by the Committee on the Human Rights of Parliamentarians at its 176th "
        "session (virtual session, 18 to 29 November 2024)"
    )
    assert lines[lines.index("# Ecuador") + 6] == "ECU-905 - Ana Invented Surname-5 (Ms.)"
    box = lines.index("**Case ECU-COLL-90**")
    assert lines[box - 4 : box + 14] == [
        "- ✓ Torture, ill-treatment and other acts of violence",
        "- ✓ Threats, acts of intimidation",
        "- ✓ Arbitrary arrest and detention",
        "## A. Summary of the case",
        "**Case ECU-COLL-90**",
        "Ecuador: Parliament affiliated to the IPU",
        "Victims: 17 opposition members of parliament (12 male and five female)",
        "Qualified complainant(s): Section I.1(a) and (b) of the Committee Procedure (Annex I)",
        "Submission of complaints: September 2023 and October 2024",
        "Recent IPU decision: - - -",
        "IPU mission(s): - - -",
        "Recent Committee hearings: Hearing with the Legal Adviser of the National Assembly "
        "(January 2024); Working meeting with the Secretariat for International Relations of the "
        "National Assembly (October 2024)",
        "Recent follow-up:",
        "- Communication from the authorities: Letter from the Speaker of the National Assembly (October 2024)",
        "- Communication from the complainant: November 2023",
        "- Communication to the authorities: Letter to the Speaker of the National Assembly (November 2024)",
        "- Communication to the complainant: November 2024",
        "Invented summary.",
    ]


def test_show_lists_every_complaint(published: Path, ipu) -> None:
    """`ipu show` is as of today: the three complaints, the latest hearing only."""
    result = ipu("show", "ECU-COLL-90")
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert "Submission of complaints: September 2023, October 2024 and June 2025 Latest decision:" in text
    assert "Recent Committee hearing: Working meeting with" in text


def test_later_complaints_are_listed_oldest_first(published: Path, ipu) -> None:
    path = published / "cases" / "ECU" / "ECU-COLL-90.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[2024-10, 2025-06]", "[2023-06]"), encoding="utf-8"
    )
    result = ipu("validate", "cases/ECU/ECU-COLL-90.yaml")
    assert result.code == 1
    assert "complaints must be listed oldest first: 2023-06 comes after 2023-09" in result.out


def test_booklet_of_a_virtual_session_as_published(published: Path, ipu) -> None:
    """The IPU's booklets: "Virtual session, 8 to 20 March 2021" on a line of its own, and the
    contents count under ten in words ("Uganda: Five parliamentarians"), larger in figures
    ("Venezuela: 134 parliamentarians")."""
    sessions = published / "data" / "sessions.yaml"
    agenda = SESSIONS + "    agenda: [ECU-COLL-90]\n"
    sessions.write_text(overlay_data(sessions.read_text(encoding="utf-8"), agenda), encoding="utf-8")
    result = ipu("booklet", "--session", "176")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if line]
    assert lines[3:6] == [
        "Decisions adopted at its 176th session",
        "Virtual session, 18 to 29 November 2024",
        "<!-- page-break -->",
    ]
    assert "- [Ecuador: 17 parliamentarians](#decision-ECU-COLL-90)" in lines
    governing = ipu("booklet", "--session", "215", "--body", "governing-council")
    assert governing.code == 0, governing.err
    assert "- [Maldives: Seven parliamentarians](#decision-MDV-COLL-90)" in governing.out.splitlines()
