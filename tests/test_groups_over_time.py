"""Groups over time: membership records, the members of the day everywhere, joint decisions.

The synthetic group FJI-COLL-01 changes over three sessions (tests/synthetic/README.md):
FJI-15 joins at the 178th, FJI-13 is closed at it, FJI-14 moves to an individual case at the
179th; the golden files of its adopted decisions are in tests/golden/synthetic/.
"""

from __future__ import annotations

import json

GROUP = "cases/FJI/FJI-COLL-01.yaml"


def _edit(root, path: str, old: str, new: str) -> None:
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text, old
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_adopted_decision_lists_the_members_of_its_day(synthetic, ipu) -> None:
    listed = {}
    for session in ("177", "178", "179"):
        result = ipu("draft-decision", "FJI-COLL-01", "--session", session, "--adopted")
        assert (result.code, result.err) == (0, "")
        listed[session] = [line for line in result.out.splitlines() if line.startswith("FJI-")]
    assert listed == {
        "177": [
            "FJI-11 - Josaia Ravuvu-Nasilasila",
            "FJI-12 - Mereseini Tabua (Ms.)",  # the name as that decision printed it
            "FJI-13 - Viliame Koroiveibau",
            "FJI-14 - Semesa Naulumatua",
        ],
        "178": [
            "FJI-11 - Josaia Ravuvu-Nasilasila",
            "FJI-12 - Mereseini Tabualevu (Ms.)",
            "FJI-13 - Viliame Koroiveibau",  # closed at this session: still listed
            "FJI-14 - Semesa Naulumatua",
            "FJI-15 - Ana Qiolevu-Raikoti (Ms.)",  # joined at this session
        ],
        "179": [
            "FJI-11 - Josaia Ravuvu-Nasilasila",
            "FJI-12 - Mereseini Tabualevu (Ms.)",
            "FJI-15 - Ana Qiolevu-Raikoti (Ms.)",
        ],
    }


def test_membership_records_are_checked(synthetic, ipu) -> None:
    _edit(synthetic, GROUP, "  - member: FJI-15\n    joined: committee-178\n", (
        "  - member: FJI-15\n    joined: committee-178\n"
        "  - member: FJI-16\n    joined: committee-179\n"
        "  - member: FJI-11\n    joined: committee-179\n    left: committee-178\n    reason: Moved.\n"
        "  - member: FJI-12\n    left: committee-199\n    reason: Moved.\n"
    ))  # fmt: skip
    _edit(synthetic, "cases/FJI/FJI-14.yaml", "affiliation: opposition\n", (
        "affiliation: opposition\ncollectives: [FJI-COLL-01]\n"
    ))  # fmt: skip
    result = ipu("validate")
    assert result.code == 1
    # FJI-11 and FJI-12 are recorded as having left (wrongly here) while naming the group
    assert result.out == (
        "cases/FJI/FJI-11.yaml:10:15: warning member-left FJI-COLL-01 records that FJI-11 left it "
        "('membership'), but FJI-11 still lists it in its collectives\n"
        "cases/FJI/FJI-12.yaml:10:15: warning member-left FJI-COLL-01 records that FJI-12 left it "
        "('membership'), but FJI-12 still lists it in its collectives\n"
        "cases/FJI/FJI-14.yaml:10:15: warning member-left FJI-COLL-01 records that FJI-14 left it "
        "('membership'), but FJI-14 still lists it in its collectives\n"
        "cases/FJI/FJI-COLL-01.yaml:23:13: error membership-not-member 'FJI-16' is not among the members "
        "of FJI-COLL-01; did you mean 'FJI-11'?\n"
        "cases/FJI/FJI-COLL-01.yaml:27:11: error membership-order FJI-11 leaves at committee-178 "
        "(2025-10-18), not after joining at committee-179 (2026-02-02)\n"
        "cases/FJI/FJI-COLL-01.yaml:30:11: error unknown-session session 'committee-199' is not in "
        "data/sessions.yaml\n"
    )
    assert result.err == "91 files checked: 3 errors, 3 warnings\n"


def test_a_membership_entry_says_something(synthetic, ipu) -> None:
    _edit(synthetic, GROUP, "  - member: FJI-15\n    joined: committee-178\n", "  - member: FJI-15\n")
    result = ipu("validate", GROUP)
    assert result.code == 1
    assert "a membership entry records when the member joined, left, or both" in result.out


def test_victims_override_follows_the_members_of_the_day(synthetic, ipu) -> None:
    override = "Three opposition parliamentarians (one male and two female), all of them threatened"
    _edit(synthetic, GROUP, "parliament: Parliament\n", f"parliament: Parliament\nvictims: {override}\n")
    assert ipu("validate").code == 0  # three current members: FJI-11, FJI-12, FJI-15
    draft = ipu("draft-decision", "FJI-COLL-01", "--session", "179", "--adopted")
    assert f"Victims: {override}" in draft.out.splitlines()
    old = ipu("draft-decision", "FJI-COLL-01", "--session", "178", "--adopted")
    assert (
        "Victims: Five opposition parliamentarians (three male and two female, including a former "
        "parliamentarian)"
    ) in old.out.splitlines()
    assert old.err == (
        "ipu: warning: FJI-COLL-01: the 'victims' text does not match the members listed at committee-178 "
        "(victims text says 1 male but the members include 3; victims text says Three but the group has 5 "
        "members); the line is computed from them\n"
    )


def test_a_decision_records_the_victims_line_it_published(synthetic, ipu) -> None:
    _edit(
        synthetic,
        GROUP,
        "    adopted: 2025-02\n",
        "    adopted: 2025-02\n    victims: Four members of parliament\n",
    )
    result = ipu("draft-decision", "FJI-COLL-01", "--session", "177", "--adopted")
    assert (result.code, result.err) == (0, "")
    assert "Victims: Four members of parliament" in result.out.splitlines()


def test_show_and_list_count_the_members_of_today(synthetic, ipu) -> None:
    lines = ipu("show", "FJI-COLL-01").out.splitlines()
    members = lines[lines.index("Members: 3 (1 male, 2 female)") :][:6]
    assert members == [
        "Members: 3 (1 male, 2 female)",
        "  FJI-11 Josaia Ravuvu-Nasilasila   FJI-15 Ana Qiolevu-Raikoti (Ms.)",
        "  FJI-12 Mereseini Tabualevu (Ms.)",
        "  Not listed: FJI-13 Viliame Koroiveibau (closed 2025-10-22)",
        "  Not listed: FJI-14 Semesa Naulumatua (left at committee-179, now FJI-14: His",
        "    case is examined on its own since his second arrest.)",
    ]
    assert ipu("show", "FJI-12").out.splitlines()[4] == (
        "  Group: FJI-COLL-01 (Members arrested over the land bill, 3 members)"
    )
    rows = json.loads(ipu("list", "--kind", "collective", "--format", "json").out)
    sizes = {row["id"]: (row["size"], row["members"]) for row in rows}
    assert sizes["FJI-COLL-01"] == (3, ["FJI-11", "FJI-12", "FJI-15"])
    assert sizes["MDA-COLL-01"] == (4, ["MDA-40", "MDA-41", "MDA-43", "MDA-44"])  # MDA-42 closed


def test_a_member_who_joined_later_is_new_in_that_year(synthetic, ipu) -> None:
    # new in 2025: MDA-40 to MDA-44 (complaint April 2025), FJI-21 to FJI-23 (August 2025) and
    # FJI-15, who joined FJI-COLL-01 (complaint 2024) at the 178th session (October 2025)
    figures = json.loads(ipu("stats", "--year", "2025", "--format", "json").out)
    assert (figures["mps"], figures["new"], figures["ongoing"]) == (84, 9, 75)


def test_joint_decision_from_either_case(synthetic, ipu) -> None:
    both = ipu("draft-decision", "FJI-COLL-01", "FJI-COLL-02", "--session", "180")
    assert (both.code, both.err) == (0, "")
    other = ipu("draft-decision", "FJI-COLL-02", "--session", "180")
    assert other.out == both.out
    assert other.err == "ipu: FJI-COLL-01 is covered by the same decision (joint_with)\n"
    assert [line for line in both.out.splitlines() if line.startswith("**Case ")] == [
        "**Case FJI-COLL-01**",
        "**Case FJI-COLL-02**",
    ]


def test_joint_decision_has_one_text_and_one_country(synthetic, ipu) -> None:
    _edit(synthetic, "cases/FJI/FJI-COLL-02.yaml", "status:\n", (
        "draft:\n  session: committee-180\n  paragraphs:\n"
        "    - verb: Decides\n      text: to continue examining this case.\n\nstatus:\n"
    ))  # fmt: skip
    two = ipu("draft-decision", "FJI-COLL-01", "--session", "180")
    assert (two.code, two.out) == (1, "")
    assert two.err == (
        "ipu: FJI-COLL-01 and FJI-COLL-02 each hold a draft block for committee-180; a joint decision has "
        "one text: keep the paragraphs in one case, and `joint_with` naming the others\n"
    )
    countries = ipu("draft-decision", "MDA-COLL-01", "LBY-12", "--session", "180")
    assert (countries.code, countries.out) == (1, "")
    assert countries.err == (
        "ipu: MDA-COLL-01 is of MDA and LBY-12 of LBY; a joint decision covers cases of one country\n"
    )


def test_joint_records_are_checked(synthetic, ipu) -> None:
    _edit(synthetic, GROUP, "    adopted: 2026-02\n", "    adopted: 2026-02\n    joint_with: [FJI-COLL-02]\n")
    _edit(
        synthetic,
        GROUP,
        "  session: committee-180\n  joint_with: [FJI-COLL-02]\n",
        "  session: committee-180\n  joint_with: [FJI-COLL-09, MDA-COLL-01]\n",
    )
    result = ipu("validate")
    assert result.code == 1
    assert result.out == (
        "cases/FJI/FJI-COLL-01.yaml:93:18: warning joint-not-recorded FJI-COLL-02 records no decision "
        "adopted at committee-179; add one with `joint_with: [FJI-COLL-01]` and no paragraphs\n"
        "cases/FJI/FJI-COLL-01.yaml:104:16: error joint-decision joint case 'FJI-COLL-09' has no case file\n"
        "cases/FJI/FJI-COLL-01.yaml:104:29: error joint-decision joint case MDA-COLL-01 is of MDA; a "
        "decision covers cases of one country (FJI)\n"
    )


def test_an_adopted_joint_decision_from_the_case_without_its_text(synthetic, ipu) -> None:
    _edit(synthetic, GROUP, "    adopted: 2026-02\n", "    adopted: 2026-02\n    joint_with: [FJI-COLL-02]\n")
    _edit(synthetic, "cases/FJI/FJI-COLL-02.yaml", "status:\n", (
        "decisions:\n  - session: committee-179\n    adopted: 2026-02\n    joint_with: [FJI-COLL-01]\n\nstatus:\n"
    ))  # fmt: skip
    assert ipu("validate").code == 0
    lead = ipu("draft-decision", "FJI-COLL-01", "--session", "179", "--adopted")
    other = ipu("draft-decision", "FJI-COLL-02", "--session", "179", "--adopted")
    assert (other.code, other.out) == (0, lead.out)
    assert "1. *Notes* that the case of Mr. Semesa Naulumatua is now examined on its own;" in other.out
    assert "FJI-21 - Litia Vunivalu-Seru (Ms.)" in other.out
    letter = ipu("draft-letter", "FJI-COLL-02", "--to", "authorities")
    assert (letter.code, letter.err) == (0, "")
    assert "1. *Notes* that the case of Mr. Semesa Naulumatua is now examined on its own;" in letter.out
    # the next (joint) draft cites the joint decision as the latest of both cases
    draft = ipu("draft-decision", "FJI-COLL-02", "--session", "180").out.splitlines()
    assert draft.count("Recent IPU decision: February 2026") == 2


def test_joint_decision_in_word_has_a_box_per_case(synthetic, ipu, tmp_path) -> None:
    import docx

    from ipu_cli.documents.word import docx_plain_lines, markdown_plain_lines

    target = tmp_path / "joint.docx"
    result = ipu("draft-decision", "FJI-COLL-01", "FJI-COLL-02", "--session", "180", "-o", str(target))
    assert (result.code, result.out, result.err) == (0, "", f"ipu: wrote {target}\n")
    document = docx.Document(str(target))
    boxes = [t for t in document.tables if t.style.name == "Case Box"]
    assert [box.rows[0].cells[0].text for box in boxes] == ["Case FJI-COLL-01", "Case FJI-COLL-02"]
    markdown = ipu("draft-decision", "FJI-COLL-01", "FJI-COLL-02", "--session", "180").out
    assert docx_plain_lines(target.read_bytes()) == markdown_plain_lines(markdown)
