"""The case box of a decision: country, victims, complainant, dates, missions, hearings, follow-up.

Every line is computed from the case file, the members' files and the
reference data, as of the session the decision is for (later facts are left
out). A value the box needs but the data does not hold prints "- - -" with a
warning; nothing is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ipu_cli.documents import style
from ipu_cli.documents.labels import LABELS
from ipu_cli.documents.victims import victims_line
from ipu_cli.domain import communications
from ipu_cli.domain.dates import months_list
from ipu_cli.domain.missions import carried_out
from ipu_cli.domain.words import plural_noun

if TYPE_CHECKING:
    from ipu_cli.domain.cases import Case, Communication, Decision, IndividualCase
    from ipu_cli.domain.datafiles import Session
    from ipu_cli.domain.dates import PartialDate
    from ipu_cli.store.refdata import Reference

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
    """ "Section I.1(c)"; several categories joined in letter order: "Section I.1(a) and (d)"."""
    letters = sorted(dict.fromkeys(s.removeprefix("I.1") for s in sections))
    return f"Section I.1{style.join_list(letters, lang)}"


def previous_decision(case: Case, session: Session) -> Decision | None:
    """The latest decision adopted before `session` starts (never one of this session)."""
    before = [
        d
        for d in case.decisions
        if d.session != session.ref and d.adopted.earliest() < session.start.earliest()
    ]
    return max(before, key=lambda d: d.adopted, default=None)


def _before(items: list[Any], session: Session) -> list[Any]:
    return [item for item in items if item.date.earliest() < session.start.earliest()]


def follow_up(case: Case, session: Session, lang: str = "en") -> list[BoxLine]:
    """The four "Recent follow-up" sub-lines from the communications log (`box_entries`, `box_items`).

    Internal entries never print; a way with no entry prints "- - -".
    """
    labels = LABELS[lang]
    lines = []
    log = _before(case.communications, session)
    previous = previous_decision(case, session)
    for direction, party in communications.FOLLOWED:
        key = FOLLOW_UP_KEYS[(direction, party)]
        shown = box_entries(communications.entries(log, direction, party), previous)
        lines.append(BoxLine(labels[key], "; ".join(box_items(shown, lang)) or style.EMPTY))
    return lines


def box_entries(entries: list[Communication], previous: Decision | None) -> list[Communication]:
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


def box_items(entries: list[Communication], lang: str = "en") -> list[str]:
    """One item per correspondent (entries with the same description), oldest first.

    "Letter to the Speaker (December 2025)"; several entries of one correspondent are
    grouped, the first word made plural: "Letters from the Minister of Justice (February,
    May and June 2025)". Entries without a description print the latest month only
    ("January 2026").
    """
    groups: dict[str | None, list[Communication]] = {}
    for entry in entries:
        key = " ".join(entry.description.split()).casefold() if entry.description else None
        groups.setdefault(key, []).append(entry)
    ordered = sorted(groups.items(), key=lambda item: max(_month(e.date) for e in item[1]))
    items = []
    for key, group in ordered:
        if key is None:
            items.append(style.month_year(max(group, key=lambda e: e.date).date, lang))
            continue
        text = " ".join((group[-1].description or "").split())
        if len(group) > 1:
            first, _, rest = text.partition(" ")
            text = f"{plural_noun(first)} {rest}".rstrip()
        items.append(f"{text} ({months_list([e.date for e in group], lang)})")
    return list(dict.fromkeys(items))


def _month(date: PartialDate) -> tuple[int, int]:
    return (date.year, date.month or 0)


def case_box(
    case: Case, members: list[IndividualCase], session: Session, ref: Reference, lang: str = "en"
) -> tuple[list[BoxLine], list[str]]:
    """The lines of the case box under "Case <id>", and the warnings for missing data."""
    labels = LABELS[lang]
    warnings: list[str] = []
    box: list[BoxLine] = []

    def missing(label: str, why: str) -> BoxLine:
        warnings.append(f"{case.id}: '{label}' printed as '{style.EMPTY}': {why}")
        return BoxLine(label, style.EMPTY)

    country = ref.countries.get(case.country)
    if country is None:
        box.append(missing(case.country, f"country {case.country} has no row in data/countries.yaml"))
    else:
        box.append(BoxLine(country.name, labels["affiliated" if country.affiliated else "not_affiliated"]))
    if not members:
        box.append(missing("Victims", "none of the members' files could be read"))
    else:
        box.append(BoxLine(*victims_line(case.victims, members, lang)))
    if case.complaint is None:
        box.append(missing(labels["complainant"], "the case has no complaint"))
        box.append(missing(labels["submitted"], "the case has no complaint"))
    else:
        text = f"{complainant_sections(case.complaint.sections, lang)} {labels['procedure']}"
        box.append(BoxLine(labels["complainant"], text))
        box.append(BoxLine(labels["submitted"], style.month_year(case.complaint.submitted, lang)))
    previous = previous_decision(case, session)
    box.append(
        BoxLine(
            labels["recent_decision"], style.month_year(previous.adopted, lang) if previous else style.EMPTY
        )
    )
    missions = carried_out(_before(case.missions, session))
    box.append(
        BoxLine(
            labels["missions"],
            "; ".join(style.month_year(m.date, lang) for m in missions) if missions else style.EMPTY,
        )
    )
    hearings = _before(case.hearings, session)
    if hearings:
        hearing = max(hearings, key=lambda h: h.date)
        box.append(
            BoxLine(labels["hearing"], f"{hearing.description} ({style.month_year(hearing.date, lang)})")
        )
    else:
        box.append(BoxLine(labels["hearing"], style.EMPTY))
    return box, warnings
