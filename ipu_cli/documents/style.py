"""The IPU house style of documents: the one set of filters templates and renderers use.

Decisions and letters must print the same things the same way: "179th",
"2 to 18 February 2026", "November 2011", "four", "X, Y and Z", "(Ms.)",
"¹". Numbers and dates as prose writes them are defined once in
`ipu_cli.domain.words` and `ipu_cli.domain.dates` (queries print them too);
this module adds what only documents print and registers all of them as
Jinja filters (`FILTERS`), so a change of house style is a change in one place.
"""

from __future__ import annotations

from ipu_cli.domain.dates import EMPTY, date_range, full_date, month_name, month_year
from ipu_cli.domain.words import (
    capitalise,
    cases_phrase,
    join_list,
    number_words,
    ordinal,
    plural,
    superscript,
    with_period,
)

__all__ = [
    "EMPTY",
    "FILTERS",
    "capitalise",
    "case_line",
    "cases_phrase",
    "date_range",
    "full_date",
    "honorific",
    "item_letter",
    "join_list",
    "month_name",
    "month_year",
    "ms",
    "number_words",
    "ordinal",
    "plural",
    "superscript",
    "with_period",
]


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


def item_letter(index: int) -> str:
    """The letter of a paragraph's sub-item, from its 0-based position: 0 -> "(a)", 26 -> "(aa)"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return f"({letters})"


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
    "item_letter": item_letter,
    "with_period": with_period,
}
"""House-style functions registered as Jinja filters by `ipu_cli.render`."""
