"""The IPU house style, in one place: ordinals, dates, number words, lists, "(Ms.)".

Decisions and letters must print the same things the same way: "179th",
"2 to 18 February 2026", "November 2011", "four", "X, Y and Z". Every template
and every renderer takes these from here (they are also registered as Jinja
filters by `FILTERS`), so a change of house style is a change in one module.

Dates are duck-typed: anything with `year`, `month` and `day` attributes
(`ipu_cli.models.PartialDate`, `datetime.date`) is accepted, with `month` and
`day` possibly None. Month names come from Babel (CLDR) so that French works
too; English is the default everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol

EMPTY = "- - -"
"""What an empty case-box field prints."""

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_WORDS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
}
_AND = {"en": "and", "fr": "et"}


class DateLike(Protocol):
    year: int
    month: int | None
    day: int | None


def ordinal(number: int, lang: str = "en") -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th, 179th (fr: 1re, 2e, 179e).

    French uses the feminine "1re" because the noun is always "session".
    """
    if lang == "fr":
        return "1re" if number == 1 else f"{number}e"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@lru_cache(maxsize=8)
def _month_names(lang: str) -> tuple[str, ...]:
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
    French: "2 au 18 février 2026".
    """
    to = "au" if lang == "fr" else "to"
    if end is None or (start.year, start.month, start.day) == (end.year, end.month, end.day):
        return full_date(start, lang)
    if not (start.day and end.day):
        return f"{full_date(start, lang)} {to} {full_date(end, lang)}"
    if start.year != end.year:
        return f"{full_date(start, lang)} {to} {full_date(end, lang)}"
    if start.month != end.month:
        return f"{_day(start.day, lang)} {month_name(start.month or 1, lang)} {to} {full_date(end, lang)}"
    return f"{_day(start.day, lang)} {to} {full_date(end, lang)}"


def number_words(number: int, lang: str = "en") -> str:
    """Numbers under ten in words ("four"), larger ones in figures ("34")."""
    if 0 <= number < 10:
        return _WORDS.get(lang, _WORDS["en"])[number]
    return str(number)


def capitalise(text: str) -> str:
    """Upper-case the first letter only ("four female" -> "Four female")."""
    return text[:1].upper() + text[1:]


def join_list(items: Iterable[Any], lang: str = "en", conjunction: str | None = None) -> str:
    """ "X", "X and Y", "X, Y and Z" (no serial comma, as the IPU writes it)."""
    words = [str(item) for item in items]
    last = conjunction or _AND.get(lang, "and")
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`singular` for one, else `plural_form` (default: singular + "s")."""
    return singular if count == 1 else (plural_form or singular + "s")


def cases_phrase(ids: Iterable[str], lang: str = "en") -> str:
    """ "case KHM-60" or "cases KHM-56 and KHM-57" (fr: "le cas", "les cas")."""
    ids = list(ids)
    if lang == "fr":
        return f"{'le cas' if len(ids) == 1 else 'les cas'} {join_list(ids, lang)}"
    return f"{plural(len(ids), 'case')} {join_list(ids, lang)}"


def ms(sex: str | None) -> str:
    """ "(Ms.)" for a woman, "" for a man: the case list marks women only."""
    return "(Ms.)" if sex == "female" else ""


def honorific(sex: str | None, lang: str = "en") -> str:
    """ "Mr." / "Ms." (fr: "M." / "Mme") for letters and narrative."""
    if lang == "fr":
        return "Mme" if sex == "female" else "M."
    return "Ms." if sex == "female" else "Mr."


def case_line(case_id: str, name: str, sex: str | None) -> str:
    """One line of a decision's case list: "KHM-48 - Mu Sochua (Ms.)"."""
    suffix = ms(sex)
    return f"{case_id} - {name}{' ' + suffix if suffix else ''}"


def superscript(number: int) -> str:
    """Footnote markers: 1 -> "¹", 12 -> "¹²"."""
    return str(number).translate(_SUPERSCRIPTS)


def with_period(text: str) -> str:
    """Add a full stop unless the text already ends with one (or ! ?)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


FILTERS = {
    "ordinal": ordinal,
    "month_name": month_name,
    "month_year": month_year,
    "full_date": full_date,
    "date_range": date_range,
    "number_words": number_words,
    "capitalise": capitalise,
    "join_list": join_list,
    "plural": plural,
    "cases_phrase": cases_phrase,
    "ms": ms,
    "honorific": honorific,
    "superscript": superscript,
    "with_period": with_period,
}
"""House-style functions registered as Jinja filters by `ipu_cli.render`."""
