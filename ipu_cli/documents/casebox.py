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
from ipu_cli.domain import communications
from ipu_cli.domain.missions import carried_out

if TYPE_CHECKING:
    from ipu_cli.domain.cases import Case, Decision, IndividualCase
    from ipu_cli.domain.datafiles import Session
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


def victims_line(case: Case, members: list[IndividualCase], lang: str = "en") -> tuple[str, str]:
    """("Victims", "38 former opposition parliamentarians (34 male and four female)") or
    ("Victim", "Female opposition member of parliament"); the case's `victims` overrides.
    """
    label = "Victim" if len(members) == 1 else "Victims"
    if case.victims:
        return label, case.victims
    if len(members) == 1:
        mp = members[0]
        words = [w for w in ("female" if mp.sex == "female" else "", _affiliation(mp.affiliation)) if w]
        return label, style.capitalise(" ".join([*words, "member of parliament"]))
    mandates = {mp.mandate for mp in members}
    affiliations = {mp.affiliation for mp in members}
    words = [str(len(members)) if len(members) >= 10 else style.number_words(len(members))]
    if mandates == {"former"}:
        words.append("former")
    if len(affiliations) == 1:
        words.append(_affiliation(affiliations.pop()))
    words.append("parliamentarians")
    male = sum(1 for mp in members if mp.sex == "male")
    female = len(members) - male
    if male and female:
        split = f"{style.number_words(male)} male and {style.number_words(female)} female"
    else:
        split = "all male" if male else "all female"
    return label, f"{' '.join(w for w in words if w)} ({split})"


def _affiliation(value: str) -> str:
    return value if value in ("opposition", "majority", "independent") else ""


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
    """The four "Recent follow-up" sub-lines from the communications log.

    For each direction and party: the entries of the latest month before the
    session starts, each "Description (Month YYYY)" or just "Month YYYY",
    joined by "; ". Internal entries never print.
    """
    labels = LABELS[lang]
    lines = []
    log = _before(case.communications, session)
    for direction, party in communications.FOLLOWED:
        key = FOLLOW_UP_KEYS[(direction, party)]
        entries = communications.entries(log, direction, party)
        if not entries:
            lines.append(BoxLine(labels[key], style.EMPTY))
            continue
        latest = max((c.date.year, c.date.month or 0) for c in entries)
        texts = []
        for entry in entries:
            if (entry.date.year, entry.date.month or 0) != latest:
                continue
            when = style.month_year(entry.date, lang)
            texts.append(f"{entry.description} ({when})" if entry.description else when)
        lines.append(BoxLine(labels[key], "; ".join(dict.fromkeys(texts))))
    return lines


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
        box.append(BoxLine(*victims_line(case, members, lang)))
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
