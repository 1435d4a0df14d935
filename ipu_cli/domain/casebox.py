"""The case box: country, victims, complainant, dates, missions, hearings, follow-up.

Every line is computed from the case file, the members' files and the
reference data. A decision's box is as of the session it is for (later facts
are left out: `case_box`); `ipu show` prints the same lines as of today from
plain data, so the functions here read their arguments by attribute only
(Pydantic models, or the light records of `queries/caseview.py`). A value the
box needs but the data does not hold prints "- - -" with a warning; nothing is
invented.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ipu_cli.domain import communications
from ipu_cli.domain.dates import EMPTY, month_year, months_list
from ipu_cli.domain.drafts import earlier_decisions
from ipu_cli.domain.labels import LABELS, VICTIM_WORDS
from ipu_cli.domain.missions import carried_out
from ipu_cli.domain.translations import key as folded
from ipu_cli.domain.translations import split_mark
from ipu_cli.domain.victims import victims_line
from ipu_cli.domain.words import join_list, plural_noun

FOLLOW_UP_KEYS = {
    ("from", "authorities"): "from_authorities",
    ("from", "complainant"): "from_complainant",
    ("to", "authorities"): "to_authorities",
    ("to", "complainant"): "to_complainant",
}


@dataclass
class BoxLine:
    label: str
    value: str


def complainant_sections(sections: list[str], lang: str = "en") -> str:
    """ "Section I.1(c)"; several categories joined in letter order: "Section I.1(a) and (d)".

    French writes the letter with a closing bracket only: "Section I. 1 c)", "Section I. 1 a) et d)".
    """
    letters = sorted(dict.fromkeys(s.removeprefix("I.1") for s in sections))
    if lang == "fr":
        letters = [f"{letter.strip('()')})" for letter in letters]
    return LABELS[lang]["section"].format(letters=join_list(letters, lang))


def previous_decision(case: Any, session: Any) -> Any | None:
    """The latest decision adopted before `session` starts (never one of this session)."""
    return max(earlier_decisions(case.decisions, session), key=lambda d: d.adopted, default=None)


def _before(items: list[Any], session: Any) -> list[Any]:
    return [item for item in items if item.date.earliest() < session.start.earliest()]


def follow_up_lines(log: Iterable[Any], previous: Any | None, lang: str = "en") -> list[BoxLine]:
    """The four "Recent follow-up" sub-lines from a communications log (`box_entries`, `box_items`),
    `previous` being the decision the follow-up is counted from (None: there is none).

    Internal entries never print; a way with no entry prints "- - -".
    """
    labels = LABELS[lang]
    entries_of = list(log)
    lines = []
    for direction, party in communications.FOLLOWED:
        key = FOLLOW_UP_KEYS[(direction, party)]
        shown = box_entries(communications.entries(entries_of, direction, party), previous)
        lines.append(BoxLine(labels[key], "; ".join(box_items(shown, lang)) or EMPTY))
    return lines


def follow_up(case: Any, session: Any, lang: str = "en") -> list[BoxLine]:
    """The four "Recent follow-up" sub-lines of a decision: the log before the session starts,
    counted from the previous decision."""
    return follow_up_lines(_before(case.communications, session), previous_decision(case, session), lang)


def box_entries(entries: list[Any], previous: Any | None) -> list[Any]:
    """The entries of one way (direction and party) the case box shows, in file order.

    The computed default is the follow-up since the previous decision: every entry dated in
    or after the month it was adopted (all entries when there is none); when there is no
    such entry, the entries of the latest month. The officer decides otherwise entry by
    entry: `case_box: false` keeps an entry out, `case_box: true` shows it whatever its date.
    """
    chosen = [e for e in entries if e.case_box is None]
    since = _month(previous.adopted) if previous is not None else None
    shown = [e for e in chosen if since is None or _month(e.date) >= since]
    if not shown and chosen:
        latest = max(_month(e.date) for e in chosen)
        shown = [e for e in chosen if _month(e.date) == latest]
    picked = {id(e) for e in shown} | {id(e) for e in entries if e.case_box}
    return [e for e in entries if id(e) in picked]


def box_items(entries: list[Any], lang: str = "en") -> list[str]:
    """One item per correspondent (entries with the same description), oldest first.

    "Letter to the Speaker (December 2025)"; several entries of one correspondent are
    grouped, the first word made plural: "Letters from the Minister of Justice (February,
    May and June 2025)". Entries without a description print the latest month only
    ("January 2026").
    """
    groups: dict[str | None, list[Any]] = {}
    for entry in entries:
        correspondent = folded(entry.description).casefold() if entry.description else None
        groups.setdefault(correspondent, []).append(entry)
    ordered = sorted(groups.items(), key=lambda item: max(_month(e.date) for e in item[1]))
    items = []
    for correspondent, group in ordered:
        if correspondent is None:
            items.append(month_year(max(group, key=lambda e: e.date).date, lang))
            continue
        text = folded(group[-1].description or "")
        if len(group) > 1:
            # An English description left untranslated in a French document keeps its mark
            # and its English plural: "[EN] Letters from ...".
            mark, text = split_mark(text)
            first, _, rest = text.partition(" ")
            text = mark + f"{plural_noun(first, 'en' if mark else lang)} {rest}".rstrip()
        items.append(f"{text} ({months_list([e.date for e in group], lang)})")
    return list(dict.fromkeys(items))


def _month(date: Any) -> tuple[int, int]:
    return (date.year, date.month or 0)


def country_line(case: Any, ref: Any, lang: str = "en", name: str | None = None) -> BoxLine | None:
    """ "Cambodia: Parliament affiliated to the IPU" (`name`: the country as the document's
    language names it, default the table's name); None when data/countries.yaml lacks the country."""
    country = ref.countries.get(case.country)
    if country is None:
        return None
    return BoxLine(
        name or country.name, LABELS[lang]["affiliated" if country.affiliated else "not_affiliated"]
    )


def complaint_lines(complaint: Any, lang: str = "en", before: Any = None) -> list[BoxLine]:
    """The complainant's sections of the Procedure and the month of each submission: one
    complaint "Submission of complaint: November 2011"; later complaints joined to the case
    (`also_submitted`, those before the day `before` when given) as published: "Submission of
    complaints: September 2018 and October 2019" (Ecuador, February 2021)."""
    labels = LABELS[lang]
    later = [
        d
        for d in getattr(complaint, "also_submitted", None) or []
        if before is None or d.earliest() < before.earliest()
    ]
    months = list(dict.fromkeys(month_year(d, lang) for d in [complaint.submitted, *later]))
    return [
        BoxLine(
            labels["complainant"], f"{complainant_sections(complaint.sections, lang)} {labels['procedure']}"
        ),
        BoxLine(labels["submitted_many" if len(months) > 1 else "submitted"], join_list(months, lang)),
    ]


_LATEST = object()
"""`hearing_line` without a previous decision: the latest hearing only."""


def missions_line(missions: Iterable[Any], lang: str = "en") -> BoxLine:
    """ "IPU mission(s): March 2018, October 2016, November 2013": the missions and visits carried
    out, newest first, their months joined by commas as the IPU prints them (Maldives, April 2019)."""
    done = carried_out(missions)
    text = ", ".join(month_year(m.date, lang) for m in done)
    return BoxLine(LABELS[lang]["missions_many" if len(done) > 1 else "missions"], text or EMPTY)


def hearing_line(hearings: Iterable[Any], lang: str = "en", previous: Any = _LATEST) -> BoxLine:
    """ "Recent Committee hearing: Hearings with the ... delegation ... (March 2023)".

    A decision's box (`previous`: the decision before its session, None when there is none)
    shows, oldest first and joined by "; ", the hearings held since that decision (its month
    counts), all of them when there is none (a first decision: "Hearing with the Legal Adviser
    of the National Assembly (January 2020); working meeting ... (January 2021)", Ecuador,
    February 2021), else the latest, as the follow-up lines do. Without `previous` (`ipu
    show`, as of today): the latest hearing.
    """
    held = sorted(hearings, key=lambda h: h.date)
    if previous is not _LATEST:
        since = _month(previous.adopted) if previous is not None else None
        shown = [h for h in held if since is None or _month(h.date) >= since] or held[-1:]
    else:
        shown = held[-1:]
    text = "; ".join(f"{h.description} ({month_year(h.date, lang)})" for h in shown)
    return BoxLine(LABELS[lang]["hearing_many" if len(shown) > 1 else "hearing"], text or EMPTY)


_OWN = object()


def case_box(
    case: Any,
    members: list[Any],
    session: Any,
    ref: Any,
    lang: str = "en",
    country: str | None = None,
    victims: Any = _OWN,
) -> tuple[list[BoxLine], list[str]]:
    """The lines of a decision's case box under "Case <id>", and the warnings for missing data.

    `members` are the members of the session's day; `country` the country's name in the
    document's language; `victims` the Victims text to print instead of the computed line
    (None: computed; default: the case's own `victims`).
    """
    labels = LABELS[lang]
    warnings: list[str] = []
    box: list[BoxLine] = []

    def missing(label: str, why: str) -> BoxLine:
        warnings.append(f"{case.id}: '{label}' printed as '{EMPTY}': {why}")
        return BoxLine(label, EMPTY)

    line = country_line(case, ref, lang, country)
    if line is None:
        box.append(missing(case.country, f"country {case.country} has no row in data/countries.yaml"))
    else:
        box.append(line)
    if not members:
        box.append(missing(VICTIM_WORDS[lang]["label_many"], "none of the members' files could be read"))
    else:
        override = case.victims if victims is _OWN else victims
        box.append(BoxLine(*victims_line(override, members, lang)))
    if case.complaint is None:
        box.append(missing(labels["complainant"], "the case has no complaint"))
        box.append(missing(labels["submitted"], "the case has no complaint"))
    else:
        box.extend(complaint_lines(case.complaint, lang, session.start))
    previous = previous_decision(case, session)
    box.append(BoxLine(labels["recent_decision"], month_year(previous.adopted, lang) if previous else EMPTY))
    box.append(missions_line(_before(case.missions, session), lang))
    box.append(hearing_line(_before(case.hearings, session), lang, previous))
    return box, warnings
