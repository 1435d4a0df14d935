"""Partial dates: parse, print, order."""

from __future__ import annotations

import datetime as dt

import pytest

from ipu_cli.domain.dates import PartialDate


@pytest.mark.parametrize(
    ("raw", "text", "precision"),
    [
        (2011, "2011", "year"),
        ("2011", "2011", "year"),
        ("2011-11", "2011-11", "month"),
        ("2011-11-05", "2011-11-05", "day"),
        (dt.date(2023, 3, 3), "2023-03-03", "day"),
    ],
)
def test_parse(raw, text, precision):
    date = PartialDate.parse(raw)
    assert str(date) == text
    assert date.precision == precision


@pytest.mark.parametrize("raw", ["2011-13", "2023-02-30", "11-2011", "", True, 99, "2011-1"])
def test_rejects(raw):
    with pytest.raises(ValueError):
        PartialDate.parse(raw)


def test_bounds():
    assert PartialDate.parse("2024-02").latest() == dt.date(2024, 2, 29)
    assert PartialDate.parse("2023-12").latest() == dt.date(2023, 12, 31)
    assert PartialDate.parse("2023").earliest() == dt.date(2023, 1, 1)


def test_order():
    dates = [PartialDate.parse(x) for x in ["2023-04", "2023-03-01", "2023", "2023-03", "2022-12-31"]]
    assert [str(d) for d in sorted(dates)] == ["2022-12-31", "2023", "2023-03", "2023-03-01", "2023-04"]
    assert PartialDate.parse("2023-03") == PartialDate.parse("2023-03")
    assert PartialDate.parse("2023-03") != PartialDate.parse("2023-03-01")
