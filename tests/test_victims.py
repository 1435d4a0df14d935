"""The case box's Victims line and follow-up items: every pattern, from the members' data."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from ipu_cli.domain.casebox import box_entries, box_items, complainant_sections
from ipu_cli.domain.dates import PartialDate, months_list
from ipu_cli.domain.victims import group_noun, victims_line
from ipu_cli.domain.words import plural_noun


def mp(sex="male", mandate="incumbent", affiliation="opposition", young=False):
    return NS(sex=sex, mandate=mandate, affiliation=affiliation, young=young)


def many(count, **kw):
    return [mp(**kw) for _ in range(count)]


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        (mp(sex="female"), "Female opposition member of parliament"),
        (mp(), "Opposition member of parliament"),
        (mp(mandate="former", affiliation="majority"), "Former majority member of parliament"),
        (mp(sex="female", mandate="former", affiliation="unknown"), "Female former member of parliament"),
        (mp(mandate="elect"), "Opposition member of parliament-elect"),
        (mp(sex="female", young=True), "Young female opposition member of parliament"),
        (mp(mandate="substitute", affiliation="majority", young=True), "Young majority substitute member of parliament"),
        (mp(affiliation="other"), "Member of parliament"),
        (mp(mandate="unknown", affiliation="independent"), "Independent member of parliament"),
    ],
)  # fmt: skip
def test_one_victim_follows_sex_mandate_affiliation_and_age(member, expected) -> None:
    assert victims_line(None, [member]) == ("Victim", expected)


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (
            many(34, mandate="former") + many(4, sex="female", mandate="former"),
            "38 former opposition parliamentarians (34 male and four female)",
        ),
        # As published: Maldives, Governing Council, 204th session (Doha, 10 April 2019): seven
        # sitting male opposition MPs.
        (many(7), "Seven male opposition members of parliament"),
        # Sitting MPs of both sexes (Ecuador, 163rd session, February 2021: "Seventeen opposition
        # members of parliament, five of which are women"), in today's bracket form.
        (many(12) + many(5, sex="female"), "17 opposition members of parliament (12 male and five female)"),
        # A mandate recorded as unknown does not say the member sits.
        (many(6) + many(1, mandate="unknown"), "Seven male opposition parliamentarians"),
        (many(5, affiliation="unknown"), "Five male members of parliament"),
        (many(2, sex="female", affiliation="independent"), "Two female independent members of parliament"),
        (many(12, sex="female"), "12 female opposition members of parliament"),
        (
            many(4) + many(2, mandate="former"),
            "Six male opposition parliamentarians (including two former parliamentarians)",
        ),
        (
            many(2, mandate="elect") + many(1, sex="female", mandate="elect"),
            "Three opposition parliamentarians-elect (two male and one female)",
        ),
        (
            many(2, sex="female", mandate="substitute", affiliation="majority"),
            "Two female substitute majority parliamentarians",
        ),
        (
            many(59) + many(3, young=True) + many(1, mandate="elect") + many(1, mandate="substitute"),
            "64 male opposition parliamentarians (including three young parliamentarians, "
            "a substitute parliamentarian and a parliamentarian-elect)",
        ),
        (
            many(3, young=True, affiliation="majority"),
            "Three young male majority members of parliament",
        ),
        (
            many(2, affiliation="majority") + many(1, sex="female", affiliation="majority")
            + many(1, sex="female") + many(1),
            "Five members of parliament (three male and two female); "
            "three majority and two opposition members of parliament",
        ),
        (
            many(4, sex="female", affiliation="independent") + many(1, sex="female"),
            "Five female members of parliament; four independent and one opposition member of parliament",
        ),
        (
            many(3) + many(1, affiliation="unknown"),
            "Four male members of parliament; three opposition members of parliament",
        ),
        (
            many(2) + many(2, affiliation="independent"),
            "Four male members of parliament; two opposition and two independent members of parliament",
        ),
        (
            many(2, mandate="unknown") + many(1, mandate="former"),
            "Three male opposition parliamentarians (including a former parliamentarian)",
        ),
        (
            many(1, young=True, sex="female", mandate="former", affiliation="majority")
            + many(1, mandate="elect", affiliation="majority"),
            "Two majority parliamentarians (one male and one female, including a young parliamentarian, "
            "a former parliamentarian and a parliamentarian-elect)",
        ),
    ],
)  # fmt: skip
def test_groups_count_first_then_what_all_share_then_sub_groups_and_splits(members, expected) -> None:
    assert victims_line(None, members) == ("Victims", expected)


def test_the_override_wins() -> None:
    assert victims_line("Several members of the ruling coalition", many(3)) == (
        "Victims",
        "Several members of the ruling coalition",
    )


def test_group_noun_for_subjects_of_letters() -> None:
    assert group_noun(many(3, mandate="former")) == "former parliamentarians"
    assert group_noun(many(2, mandate="elect")) == "parliamentarians-elect"
    assert group_noun(many(2, mandate="substitute")) == "substitute parliamentarians"
    assert group_noun(many(2) + many(1, mandate="former")) == "parliamentarians"


def test_complainant_sections_in_letter_order() -> None:
    assert complainant_sections(["I.1(c)"]) == "Section I.1(c)"
    assert complainant_sections(["I.1(d)", "I.1(a)"]) == "Section I.1(a) and (d)"
    assert complainant_sections(["I.1(a)", "I.1(b)", "I.1(d)", "I.1(a)"]) == "Section I.1(a), (b) and (d)"


# --- follow-up items -----------------------------------------------------------------------


def entry(date, description=None, case_box=None):
    return NS(date=PartialDate.parse(date), description=description, case_box=case_box)


def test_months_list_groups_months_by_year() -> None:
    dates = [PartialDate.parse(d) for d in ("2025-06", "2025-02", "2025-05", "2025-05-30")]
    assert months_list(dates) == "February, May and June 2025"
    dates = [PartialDate.parse(d) for d in ("2025-01", "2024-11", "2024-12")]
    assert months_list(dates) == "November and December 2024, January 2025"
    assert months_list([PartialDate.parse("2024")]) == "2024"
    # French lists a month of each year as it lists months: "février, mai et juin 2025"
    years = [PartialDate.parse(d) for d in ("2025-12", "2026-01")]
    assert months_list(years, "fr") == "décembre 2025 et janvier 2026"
    assert months_list(years) == "December 2025, January 2026"
    assert months_list(dates, "fr") == "novembre et décembre 2024, janvier 2025"


def test_plural_noun() -> None:
    assert [plural_noun(w) for w in ("Letter", "Reply", "Fax", "Day", "Email", "Speech")] == [
        "Letters",
        "Replies",
        "Faxes",
        "Days",
        "Emails",
        "Speeches",
    ]


def test_each_correspondent_once_with_its_months() -> None:
    log = [
        entry("2025-02-10", "Letter from the  minister of Justice"),  # same words, other spacing and case
        entry("2025-05", "Letter from the Minister of Justice"),
        entry("2025-04", "Letter from the Speaker"),
        entry("2025-06-02", "Letter from the Minister of Justice"),  # the latest spelling is printed
        entry("2025-03"),
        entry("2025-07"),
    ]
    assert box_items(log) == [
        "Letter from the Speaker (April 2025)",
        "Letters from the Minister of Justice (February, May and June 2025)",
        "July 2025",
    ]


def test_box_entries_default_and_the_officer_s_choice() -> None:
    previous = NS(adopted=PartialDate.parse("2025-03"))
    old = entry("2024-11", "Letter from the Minister of Foreign Affairs")
    forced = entry("2023-05", "Letter from the Prime Minister", case_box=True)
    hidden = entry("2025-04", "Acknowledgement of receipt", case_box=False)
    recent = entry("2025-03", "Letter from the Speaker")
    log = [forced, old, recent, hidden]
    # since the previous decision (its month included), plus what the officer asks for
    assert box_entries(log, previous) == [forced, recent]
    # nothing since the previous decision: the latest month; forced entries still show
    assert box_entries([forced, old, hidden], previous) == [forced, old]
    # no previous decision: everything not hidden
    assert box_entries(log, None) == [forced, old, recent]
    assert box_entries([hidden], previous) == []
