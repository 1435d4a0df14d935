"""Partial dates: a year, a year and month, or a full date.

Decisions print "November 2011" because that is all the secretariat knows;
the model must hold exactly that much and no more, and still compare and sort.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import total_ordering
from typing import TYPE_CHECKING, Any

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
