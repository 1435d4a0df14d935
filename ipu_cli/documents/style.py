"""The IPU house style of documents: the one set of filters templates and renderers use.

Decisions and letters must print the same things the same way: "179th",
"2 to 18 February 2026", "November 2011", "four", "X, Y and Z", "(Ms.)",
"¹". Numbers and dates as prose writes them are defined once in
`ipu_cli.domain.words` and `ipu_cli.domain.dates` (queries print them too);
this module adds what only documents print and registers all of them as
Jinja filters (`FILTERS`), so a change of house style is a change in one place.
"""

from __future__ import annotations

import re

from ipu_cli.domain.dates import EMPTY, date_range, full_date, month_name, month_year
from ipu_cli.domain.labels import LABELS
from ipu_cli.domain.words import (
    capitalise,
    cases_phrase,
    join_list,
    number_words,
    of_phrase,
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
    "of_phrase",
    "ordinal",
    "plural",
    "superscript",
    "typeset",
    "typography",
    "with_period",
]


def ms(sex: str | None, lang: str = "en") -> str:
    """ "(Ms.)" for a woman, "" for a man: the case list marks women only (French "(Mme)")."""
    return LABELS[lang]["ms"] if sex == "female" else ""


def honorific(sex: str | None, lang: str = "en") -> str:
    """ "Mr." / "Ms." (fr: "M." / "Mme") for letters and narrative."""
    if lang == "fr":
        return "Mme" if sex == "female" else "M."
    return "Ms." if sex == "female" else "Mr."


def case_line(case_id: str, name: str, sex: str | None, lang: str = "en") -> str:
    """One line of a decision's case list: "KHM-48 - Mu Sochua (Ms.)" (French "(Mme)")."""
    suffix = ms(sex, lang)
    return f"{case_id} - {name}{' ' + suffix if suffix else ''}"


def item_letter(index: int, lang: str = "en") -> str:
    """The letter of a paragraph's sub-item, from its 0-based position: 0 -> "(a)", 26 -> "(aa)"
    (French, with a closing bracket only: "a)", as "Section I. 1 c)")."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return f"{letters})" if lang == "fr" else f"({letters})"


NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
_PROTECTED = re.compile(
    r"<style\b.*?</style>|<script\b.*?</script>|<[^>]*>|&#?\w+;|\b[a-z][a-z0-9+.-]*://\S+",
    re.IGNORECASE | re.DOTALL,
)
"""HTML markup, entities and addresses: never touched by the French rules."""
_MARKDOWN_PROTECTED = re.compile(
    r'<!--.*?-->|<a id="[^"<>]*"></a>|\b[a-z][a-z0-9+.-]*://\S+', re.IGNORECASE | re.DOTALL
)
"""What the French rules leave alone in Markdown: addresses, and the HTML the templates write
there (comments; the anchor a booklet sets before each decision)."""
_HIGH_PUNCTUATION = re.compile(r"([^\s:;!?\u00a0\u202f])[ \u00a0\u202f]*([:;!?])(?![\w/])")
_QUOTED = re.compile(r'"([^"\n<>]+)"|“([^”\n<>]+)”')
_GUILLEMETS = re.compile(r"«[ \u00a0\u202f]*|[ \u00a0\u202f]*»")


def typography(text: str, html: bool = False) -> str:
    """French typography of a whole document (Markdown, or HTML with `html`), the one rule
    every French output goes through: a narrow no-break space before ":", ";", "?" and "!"
    (replacing any space typed there), quotation marks as « » with no-break spaces inside
    (straight and curly double quotes of fixed wording and data alike).

    A colon in "10:30" or "https://" is left alone (no space follows it), and so are
    HTML tags, entities and style blocks (in Markdown, the templates' comments and anchors).
    """

    def french(piece: str) -> str:
        piece = _QUOTED.sub(lambda m: f"«{NBSP}{m.group(1) or m.group(2)}{NBSP}»", piece)
        piece = _GUILLEMETS.sub(lambda m: f"«{NBSP}" if m.group(0).startswith("«") else f"{NBSP}»", piece)
        return _HIGH_PUNCTUATION.sub(lambda m: f"{m.group(1)}{NARROW_NBSP}{m.group(2)}", piece)

    out, at = [], 0
    for match in (_PROTECTED if html else _MARKDOWN_PROTECTED).finditer(text):
        out.extend((french(text[at : match.start()]), match.group(0)))
        at = match.end()
    return "".join(out) + french(text[at:])


def typeset(text: str, lang: str, html: bool = False) -> str:
    """Text as a document in `lang` sets it: French typography (`typography`) in French,
    unchanged in English. Every format calls it: Markdown and HTML on the whole page, Word on
    each text it writes (the rules hold within a paragraph, and setting twice changes nothing)."""
    return typography(text, html) if lang == "fr" else text


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
    "of_phrase": of_phrase,
}
"""House-style functions registered as Jinja filters by `ipu_cli.render`."""
