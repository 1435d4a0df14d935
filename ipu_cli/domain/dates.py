"""Partial dates: a year, a year and month, or a full date.

Decisions print "November 2011" because that is all the secretariat knows;
the model must hold exactly that much and no more, and still compare and sort.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache, total_ordering
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import core_schema

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PATTERN_TEXT = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@total_ordering
class PartialDate:
    """A date known to the year, the month or the day.

    Ordering uses the earliest day the date can stand for, then precision, so
    "2023-03" sorts before "2023-03-01" and both before "2023-04". Use
    `earliest()`/`latest()` when a check must hold for every reading.
    """

    __slots__ = ("day", "month", "year")

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        if not 1000 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is out of range")
        if day is not None:
            _dt.date(year, month or 1, day)  # raises ValueError on 2023-02-30
        self.year = year
        self.month = month
        self.day = day

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Accept 2011, "2011", "2011-11", "2011-11-05" or a date object."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError("expected a date such as 2011, 2011-11 or 2011-11-05")
        if isinstance(value, int):
            return cls(value)
        if isinstance(value, str):
            match = _PATTERN.match(value.strip())
            if match:
                year, month, day = match.groups()
                return cls(int(year), int(month) if month else None, int(day) if day else None)
        raise ValueError(f"expected a date such as 2011, 2011-11 or 2011-11-05, got {value!r}")

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> _dt.date:
        if self.day:
            return _dt.date(self.year, self.month or 1, self.day)
        if self.month:
            if self.month == 12:
                return _dt.date(self.year, 12, 31)
            return _dt.date(self.year, self.month + 1, 1) - _dt.timedelta(days=1)
        return _dt.date(self.year, 12, 31)

    def _key(self) -> tuple[int, int, int, int]:
        return (
            self.year,
            self.month or 1,
            self.day or 1,
            0 if self.month is None else 1 if self.day is None else 2,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": PATTERN_TEXT},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "A year (2011), a month (2011-11) or a day (2011-11-05).",
        }


def months_since(year: int, month: int | None, as_of: _dt.date) -> int:
    """Whole calendar months from a (year, month) to `as_of`; a bare year counts from January.

    "How long ago" in `ipu show` and the silences of `ipu followups` both count this way.
    """
    return (as_of.year - year) * 12 + as_of.month - (month or 1)


# --- dates as prose writes them ----------------------------------------------------------
# Duck-typed: anything with `year`, `month` and `day` (PartialDate, datetime.date), month
# and day possibly None. Month names come from Babel (CLDR), so French works too.

EMPTY = "- - -"
"""What an unknown date prints (the case box's empty field)."""


class DateLike(Protocol):
    year: int
    month: int | None
    day: int | None


ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""CLDR's English month names, held here so that `ipu show` need not import Babel (~20 ms);
a test compares them with Babel's."""


@lru_cache(maxsize=8)
def _month_names(lang: str) -> tuple[str, ...]:
    if lang == "en":
        return ENGLISH_MONTHS
    from babel.dates import get_month_names

    names = get_month_names("wide", context="format", locale=lang)
    return tuple(names[index] for index in range(1, 13))


def month_name(month: int, lang: str = "en") -> str:
    """November (fr: novembre), from the CLDR data Babel carries."""
    return _month_names(lang)[month - 1]


def _day(day: int, lang: str) -> str:
    return "1er" if lang == "fr" and day == 1 else str(day)


def month_year(date: DateLike | None, lang: str = "en") -> str:
    """ "November 2011" from a date of any precision; "2011" when only the year is known.

    The case box prints months ("Submission of complaint: November 2011"),
    whatever the precision held.
    """
    if date is None:
        return EMPTY
    if not date.month:
        return str(date.year)
    return f"{month_name(date.month, lang)} {date.year}"


def full_date(date: DateLike | None, lang: str = "en") -> str:
    """ "17 October 2019", or as much of it as is known ("October 2019", "2019")."""
    if date is None:
        return EMPTY
    if not date.day:
        return month_year(date, lang)
    return f"{_day(date.day, lang)} {month_name(date.month or 1, lang)} {date.year}"


def date_range(start: DateLike, end: DateLike | None = None, lang: str = "en") -> str:
    """ "2 to 18 February 2026", "21 January to 2 February 2023",
    "30 December 2025 to 2 January 2026", or one day "17 October 2019".

    Without an end (or with end == start) the start is printed alone, at
    whatever precision it is known ("April 2026" for a month-only start).
    French joins the two ends with a hyphen, as the IPU's French headers do:
    "2-18 février 2026", "21 janvier-2 février 2023", "1er-3 mars 2023".
    """
    to = "-" if lang == "fr" else " to "
    if end is None or (start.year, start.month, start.day) == (end.year, end.month, end.day):
        return full_date(start, lang)
    if not (start.day and end.day):
        return f"{full_date(start, lang)}{to}{full_date(end, lang)}"
    if start.year != end.year:
        return f"{full_date(start, lang)}{to}{full_date(end, lang)}"
    if start.month != end.month:
        return f"{_day(start.day, lang)} {month_name(start.month or 1, lang)}{to}{full_date(end, lang)}"
    return f"{_day(start.day, lang)}{to}{full_date(end, lang)}"


def months_list(dates: list[DateLike], lang: str = "en") -> str:
    """Several months as the case box groups them: "February, May and June 2025",
    "November 2024, January and March 2025"; each month once, oldest first, a bare year as is.

    French lists one month of each year as it lists months ("février, mai et juin 2025"):
    "décembre 2025 et janvier 2026"; a year of several months keeps the comma between years
    ("novembre et décembre 2024, janvier 2025"), never two "et" in a row.
    """
    from ipu_cli.domain.words import join_list

    by_year: dict[int, list[int]] = {}
    for date in sorted({(d.year, d.month or 0) for d in dates}):
        by_year.setdefault(date[0], []).append(date[1])
    parts = []
    for year, months in by_year.items():
        named = [month_name(m, lang) for m in months if m]
        parts.append(f"{join_list(named, lang)} {year}" if named else str(year))
    if lang == "fr" and all(len(months) == 1 for months in by_year.values()):
        return join_list(parts, lang)
    return ", ".join(parts)
