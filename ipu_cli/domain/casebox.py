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
from ipu_cli.domain.dates import EMPTY, month_year
from ipu_cli.domain.labels import LABELS
from ipu_cli.domain.words import capitalise, join_list, number_words

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


def victims_line(case: Any, members: list[Any], lang: str = "en") -> tuple[str, str]:
    """("Victims", "38 former opposition parliamentarians (34 male and four female)") or
    ("Victim", "Female opposition member of parliament"); the case's `victims` overrides.
    """
    label = "Victim" if len(members) == 1 else "Victims"
    if case.victims:
        return label, case.victims
    if len(members) == 1:
        mp = members[0]
        words = [w for w in ("female" if mp.sex == "female" else "", _affiliation(mp.affiliation)) if w]
        return label, capitalise(" ".join([*words, "member of parliament"]))
    mandates = {mp.mandate for mp in members}
    affiliations = {mp.affiliation for mp in members}
    words = [str(len(members)) if len(members) >= 10 else number_words(len(members))]
    if mandates == {"former"}:
        words.append("former")
    if len(affiliations) == 1:
        words.append(_affiliation(affiliations.pop()))
    words.append("parliamentarians")
    male = sum(1 for mp in members if mp.sex == "male")
    female = len(members) - male
    if male and female:
        split = f"{number_words(male)} male and {number_words(female)} female"
    else:
        split = "all male" if male else "all female"
    return label, f"{' '.join(w for w in words if w)} ({split})"


def _affiliation(value: str) -> str:
    return value if value in ("opposition", "majority", "independent") else ""


def previous_decision(case: Any, session: Any) -> Any | None:
    """The latest decision adopted before `session` starts (never one of this session)."""
    before = [
        d
        for d in case.decisions
        if d.session != session.ref and d.adopted.earliest() < session.start.earliest()
    ]
    return max(before, key=lambda d: d.adopted, default=None)


def _before(items: list[Any], session: Any) -> list[Any]:
    return [item for item in items if item.date.earliest() < session.start.earliest()]


def follow_up_lines(log: Iterable[Any], lang: str = "en") -> list[BoxLine]:
    """The four "Recent follow-up" sub-lines from a communications log.

    For each direction and party: the entries of the latest month, each
    "Description (Month YYYY)" or just "Month YYYY", joined by "; ".
    Internal entries never print.
    """
    labels = LABELS[lang]
    entries_of = list(log)
    lines = []
    for direction, party in communications.FOLLOWED:
        key = FOLLOW_UP_KEYS[(direction, party)]
        entries = communications.entries(entries_of, direction, party)
        if not entries:
            lines.append(BoxLine(labels[key], EMPTY))
            continue
        latest = max((c.date.year, c.date.month or 0) for c in entries)
        texts = []
        for entry in entries:
            if (entry.date.year, entry.date.month or 0) != latest:
                continue
            when = month_year(entry.date, lang)
            texts.append(f"{entry.description} ({when})" if entry.description else when)
        lines.append(BoxLine(labels[key], "; ".join(dict.fromkeys(texts))))
    return lines


def follow_up(case: Any, session: Any, lang: str = "en") -> list[BoxLine]:
    """The four "Recent follow-up" sub-lines of a decision: the log before the session starts."""
    return follow_up_lines(_before(case.communications, session), lang)


def country_line(case: Any, ref: Any, lang: str = "en") -> BoxLine | None:
    """ "Cambodia: Parliament affiliated to the IPU"; None when data/countries.yaml lacks the country."""
    country = ref.countries.get(case.country)
    if country is None:
        return None
    return BoxLine(country.name, LABELS[lang]["affiliated" if country.affiliated else "not_affiliated"])


def complaint_lines(complaint: Any, lang: str = "en") -> list[BoxLine]:
    """The complainant's sections of the Procedure and the month of submission."""
    labels = LABELS[lang]
    sections = [s.removeprefix("I.1") for s in complaint.sections]
    text = f"Section I.1{join_list(sections, lang)} {labels['procedure']}"
    return [
        BoxLine(labels["complainant"], text),
        BoxLine(labels["submitted"], month_year(complaint.submitted, lang)),
    ]


def missions_line(missions: Iterable[Any], lang: str = "en") -> BoxLine:
    """ "IPU mission(s): February 2016", newest first."""
    newest = sorted(missions, key=lambda m: m.date, reverse=True)
    text = "; ".join(month_year(m.date, lang) for m in newest)
    return BoxLine(LABELS[lang]["missions"], text or EMPTY)


def hearing_line(hearings: Iterable[Any], lang: str = "en") -> BoxLine:
    """The latest hearing: "Hearings with the ... delegation ... (March 2023)"."""
    hearing = max(hearings, key=lambda h: h.date, default=None)
    text = f"{hearing.description} ({month_year(hearing.date, lang)})" if hearing else EMPTY
    return BoxLine(LABELS[lang]["hearing"], text)


def case_box(
    case: Any, members: list[Any], session: Any, ref: Any, lang: str = "en"
) -> tuple[list[BoxLine], list[str]]:
    """The lines of a decision's case box under "Case <id>", and the warnings for missing data."""
    labels = LABELS[lang]
    warnings: list[str] = []
    box: list[BoxLine] = []

    def missing(label: str, why: str) -> BoxLine:
        warnings.append(f"{case.id}: '{label}' printed as '{EMPTY}': {why}")
        return BoxLine(label, EMPTY)

    country = country_line(case, ref, lang)
    if country is None:
        box.append(missing(case.country, f"country {case.country} has no row in data/countries.yaml"))
    else:
        box.append(country)
    if not members:
        box.append(missing("Victims", "none of the members' files could be read"))
    else:
        box.append(BoxLine(*victims_line(case, members, lang)))
    if case.complaint is None:
        box.append(missing(labels["complainant"], "the case has no complaint"))
        box.append(missing(labels["submitted"], "the case has no complaint"))
    else:
        box.extend(complaint_lines(case.complaint, lang))
    previous = previous_decision(case, session)
    box.append(BoxLine(labels["recent_decision"], month_year(previous.adopted, lang) if previous else EMPTY))
    box.append(missions_line(_before(case.missions, session), lang))
    box.append(hearing_line(_before(case.hearings, session), lang))
    return box, warnings
