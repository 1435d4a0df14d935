"""House-style filters: every form the decisions and letters print."""

from __future__ import annotations

import datetime as dt

import pytest

from ipu_cli.documents import style
from ipu_cli.domain.dates import PartialDate


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (102, "102nd"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (146, "146th"),
        (179, "179th"),
        (205, "205th"),
    ],
)
def test_ordinal_en(number: int, expected: str) -> None:
    assert style.ordinal(number) == expected


def test_ordinal_fr() -> None:
    assert [style.ordinal(n, "fr") for n in (1, 2, 164)] == ["1re", "2e", "164e"]


def test_month_names_from_babel() -> None:
    assert style.month_name(11) == "November"
    assert style.month_name(2, "fr") == "février"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2011-11", "November 2011"), ("2011-11-05", "November 2011"), ("2011", "2011")],
)
def test_month_year(value: str, expected: str) -> None:
    assert style.month_year(PartialDate.parse(value)) == expected


def test_month_year_missing_is_empty_marker() -> None:
    assert style.month_year(None) == "- - -"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-02-02", "2026-02-18", "2 to 18 February 2026"),
        ("2023-01-21", "2023-02-02", "21 January to 2 February 2023"),
        ("2025-12-30", "2026-01-02", "30 December 2025 to 2 January 2026"),
        ("2019-10-17", None, "17 October 2019"),
        ("2019-10-17", "2019-10-17", "17 October 2019"),
        ("2026-04", None, "April 2026"),
        ("2023-03", "2023-04", "March 2023 to April 2023"),
    ],
)
def test_date_range(start: str, end: str | None, expected: str) -> None:
    assert style.date_range(PartialDate.parse(start), PartialDate.parse(end) if end else None) == expected


def test_date_range_accepts_datetime_dates_and_french() -> None:
    assert style.date_range(dt.date(2026, 2, 2), dt.date(2026, 2, 18)) == "2 to 18 February 2026"
    assert style.date_range(dt.date(2026, 2, 1), dt.date(2026, 2, 18), "fr") == "1er-18 février 2026"


def test_full_date() -> None:
    assert style.full_date(PartialDate.parse("2019-10-17")) == "17 October 2019"
    assert style.full_date(PartialDate.parse("2019-10")) == "October 2019"


@pytest.mark.parametrize(
    ("number", "expected"), [(0, "zero"), (4, "four"), (9, "nine"), (10, "10"), (34, "34")]
)
def test_number_words(number: int, expected: str) -> None:
    assert style.number_words(number) == expected


def test_number_words_fr() -> None:
    assert style.number_words(4, "fr") == "quatre"


@pytest.mark.parametrize(
    ("items", "expected"),
    [([], ""), (["X"], "X"), (["X", "Y"], "X and Y"), (["X", "Y", "Z"], "X, Y and Z")],
)
def test_join_list(items: list[str], expected: str) -> None:
    assert style.join_list(items) == expected


def test_join_list_fr_and_custom_conjunction() -> None:
    assert style.join_list(["X", "Y"], "fr") == "X et Y"
    assert style.join_list(["X", "Y"], conjunction="or") == "X or Y"


def test_cases_phrase() -> None:
    assert style.cases_phrase(["KHM-60"]) == "case KHM-60"
    assert style.cases_phrase(["KHM-56", "KHM-57"]) == "cases KHM-56 and KHM-57"


def test_ms_and_case_line() -> None:
    assert style.ms("female") == "(Ms.)"
    assert style.ms("male") == ""
    assert style.case_line("KHM-48", "Mu Sochua", "female") == "KHM-48 - Mu Sochua (Ms.)"
    assert style.case_line("KHM-49", "Keo Phirum", "male") == "KHM-49 - Keo Phirum"


def test_honorific() -> None:
    assert [style.honorific("female"), style.honorific("male")] == ["Ms.", "Mr."]
    assert style.honorific("female", "fr") == "Mme"


def test_superscript() -> None:
    assert [style.superscript(n) for n in (1, 2, 3, 12)] == ["¹", "²", "³", "¹²"]


def test_plural_capitalise_period() -> None:
    assert style.plural(1, "case") == "case"
    assert style.plural(2, "mission") == "missions"
    assert style.capitalise("four female") == "Four female"
    assert style.with_period("in the context") == "in the context."
    assert style.with_period("done.") == "done."
