"""Build the content of a decision from the case base: a plain context for the templates.

Every line a decision prints is computed here from data (the case files, the
vocabularies, the sessions registry), never typed into a template: the header
from the session, the case list from the members, the checklist and its
footnotes from the members' violation scopes (docs/decisions.md), the case box
from the complaint, the decisions, missions, hearings and the communications
log. The templates (templates/decision.*.j2) only lay it out, and the house
style (ordinals, dates, number words) comes from `ipu_cli.style`.

A value the box needs but the data does not hold prints "- - -" and adds a
warning; nothing is invented.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ipu_cli.documents import style
from ipu_cli.domain.cases import CollectiveCase, Decision, IndividualCase, Paragraph
from ipu_cli.domain.datafiles import Session
from ipu_cli.domain.ids import id_key
from ipu_cli.errors import IpuError

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase
    from ipu_cli.store.refdata import Reference

Case = IndividualCase | CollectiveCase

COMMITTEE = "the Committee on the Human Rights of Parliamentarians"
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "masthead": "Inter-Parliamentary Union",
        "tagline": "For democracy. For everyone.",
        "violations": "Alleged human rights violations",
        "summary": "A. Summary of the case",
        "decision": "B. Decision",
        "intro": "The Committee on the Human Rights of Parliamentarians",
        "case": "Case",
        "affiliated": "Parliament affiliated to the IPU",
        "not_affiliated": "Parliament not affiliated to the IPU",
        "complainant": "Qualified complainant(s)",
        "procedure": "of the Committee Procedure (Annex I)",
        "submitted": "Submission of complaint",
        "recent_decision": "Recent IPU decision",
        "missions": "IPU mission(s)",
        "hearing": "Recent Committee hearing",
        "follow_up": "Recent follow-up",
        "from_authorities": "Communication from the authorities",
        "from_complainant": "Communication from the complainant",
        "to_authorities": "Communication to the authorities",
        "to_complainant": "Communication to the complainant",
        "draft": "DRAFT",
        "confidential": "CONFIDENTIAL",
        "notes": "Notes",
    },
    "fr": {
        "masthead": "Union interparlementaire",
        "tagline": "Pour la démocratie. Pour tous.",
        "violations": "Allégations de violations des droits de l'homme",
        "summary": "A. Résumé du cas",
        "decision": "B. Décision",
        "intro": "Le Comité des droits de l'homme des parlementaires",
        "case": "Cas",
        "affiliated": "Parlement membre de l'UIP",
        "not_affiliated": "Parlement non membre de l'UIP",
        "complainant": "Plaignant(s) qualifié(s)",
        "procedure": "de la Procédure du Comité (Annexe I)",
        "submitted": "Date de la plainte",
        "recent_decision": "Dernière décision de l'UIP",
        "missions": "Mission(s) de l'UIP",
        "hearing": "Dernière audition devant le Comité",
        "follow_up": "Suivi récent",
        "from_authorities": "Communication des autorités",
        "from_complainant": "Communication du plaignant",
        "to_authorities": "Communication aux autorités",
        "to_complainant": "Communication au plaignant",
        "draft": "PROJET",
        "confidential": "CONFIDENTIEL",
        "notes": "Notes",
    },
}
LANGS = tuple(LABELS)
FOLLOW_UP = (
    ("from", "authorities", "from_authorities"),
    ("from", "complainant", "from_complainant"),
    ("to", "authorities", "to_authorities"),
    ("to", "complainant", "to_complainant"),
)


class DecisionError(IpuError):
    """The decision cannot be built (unknown session, no such decision...): a message for the user."""


@dataclass
class ChecklistItem:
    label: str
    marker: str = ""


@dataclass
class Footnote:
    marker: str
    text: str


@dataclass
class BoxLine:
    label: str
    value: str


@dataclass
class ParagraphView:
    number: int
    verb: str
    text: str
    items: list[dict[str, str]] = field(default_factory=list)


@dataclass
class DecisionContext:
    """Everything a decision template prints, as plain values."""

    lang: str
    labels: dict[str, str]
    case_id: str
    country: str
    header: str
    case_lines: list[str]
    checklist: list[ChecklistItem]
    footnotes: list[Footnote]
    summary: list[str]
    box_title: str
    box: list[BoxLine]
    follow_up: list[BoxLine]
    intro: str
    paragraphs: list[ParagraphView]
    draft: bool
    confidential: bool
    session: str
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The template context: nested plain dicts and lists only."""
        data = asdict(self)
        data.pop("warnings")
        return data


def session_ref(number: int, body: str = "committee") -> str:
    """`committee-179` from 179 and the body."""
    return f"{body}-{number}"


def header(session: Session, lang: str = "en", mode: str | None = None) -> str:
    """ "Decision adopted by the Committee on the Human Rights of Parliamentarians at its
    179th session (Geneva, 2 to 18 February 2026)", the Governing Council form, a virtual
    session ("virtual session, ..."), or no place at all when it is not yet known.
    """
    where = style.date_range(session.start, session.end, lang)
    if session.virtual:
        where = f"{'session virtuelle' if lang == 'fr' else 'virtual session'}, {where}"
    elif session.place:
        where = f"{session.place}, {where}"
    number = style.ordinal(session.number, lang)
    if lang == "fr":
        adopted = f"Décision adoptée{' ' + _MODE_FR.get(mode, mode) if mode else ''}"
        if session.body == "governing-council":
            return f"{adopted} par le Conseil directeur de l'UIP à sa {number} session ({where})"
        return f"{adopted} par le Comité des droits de l'homme des parlementaires à sa {number} session ({where})"
    if session.body == "governing-council":
        return f"Decision adopted {mode or 'by consensus'} by the IPU Governing Council at its {number} session ({where})"
    adopted = f"Decision adopted {mode} by" if mode else "Decision adopted by"
    return f"{adopted} {COMMITTEE} at its {number} session ({where})"


_MODE_FR = {"unanimously": "à l'unanimité", "by consensus": "par consensus", "without a vote": "sans vote"}


def members_of(case: Case, base: CaseBase) -> list[IndividualCase]:
    """The MPs a decision covers, in numeric id order."""
    people = base.members(case) if isinstance(case, CollectiveCase) else [case]
    return sorted(people, key=lambda mp: id_key(mp.id))


def checklist(
    members: list[IndividualCase], ref: Reference, lang: str = "en"
) -> tuple[list[ChecklistItem], list[Footnote]]:
    """The ticked categories in data/violations.yaml order, with footnotes from the scopes.

    - held by only some members, all current: "Only concerns cases KHM-56 and KHM-57."
    - held in the past by some, now by fewer: "Alleged violations which previously
      concerned the following former parliamentarians: A, B, C. Only currently applies
      to case C."
    - a note on a violation adds its context: "Only concerns case KHM-60 in the context
      of solitary confinement."
    Markers (¹ ² ³) are numbered in order of appearance.
    """
    items: list[ChecklistItem] = []
    notes: list[Footnote] = []
    group = len(members) > 1
    for code in ref.violations:
        holders = [(mp, v) for mp in members for v in mp.violations if v.code == code]
        if not holders:
            continue
        text = _footnote([(mp.id, mp.mandate, v.scope, v.note) for mp, v in holders], len(members), group)
        marker = ""
        if text:
            marker = style.superscript(len(notes) + 1)
            notes.append(Footnote(marker, text))
        items.append(ChecklistItem(ref.violation_label(code, lang), marker))
    return items, notes


def _footnote(holders: list[tuple[str, str, str, str | None]], total: int, group: bool) -> str:
    ids = [case_id for case_id, _, _, _ in holders]
    current = [case_id for case_id, _, scope, _ in holders if scope == "current"]
    context = style.join_list(dict.fromkeys(note for _, _, _, note in holders if note))
    if not group:
        parts = []
        if not current:
            parts.append("Alleged violation which applied in the past only.")
        if context:
            parts.append(style.with_period(style.capitalise(context)))
        return " ".join(parts)
    if len(current) < len(ids):
        former = "former " if all(mandate == "former" for _, mandate, _, _ in holders) else ""
        text = (
            f"Alleged violations which previously concerned the following {former}parliamentarians: "
            f"{', '.join(ids)}."
        )
        if current:
            text += f" Only currently applies to {style.cases_phrase(current)}"
            text += f" {context}." if context else "."
        else:
            text += " No longer applies."
        return text
    if len(ids) < total:
        return style.with_period(
            f"Only concerns {style.cases_phrase(ids)}" + (f" {context}" if context else "")
        )
    if context:
        return style.with_period(style.capitalise(context))
    return ""


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
    log = [c for c in _before(case.communications, session) if not c.internal]
    for direction, party, key in FOLLOW_UP:
        entries = [c for c in log if c.direction == direction and c.party == party]
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
        sections = [s.removeprefix("I.1") for s in case.complaint.sections]
        text = f"Section I.1{style.join_list(sections, lang)} {labels['procedure']}"
        box.append(BoxLine(labels["complainant"], text))
        box.append(BoxLine(labels["submitted"], style.month_year(case.complaint.submitted, lang)))
    previous = previous_decision(case, session)
    box.append(
        BoxLine(
            labels["recent_decision"], style.month_year(previous.adopted, lang) if previous else style.EMPTY
        )
    )
    missions = sorted(_before(case.missions, session), key=lambda m: m.date, reverse=True)
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


def _paragraphs(paragraphs: list[Paragraph], ref: Reference, lang: str) -> list[ParagraphView]:
    out = []
    for number, paragraph in enumerate(paragraphs, start=1):
        verb = paragraph.verb
        if lang == "fr":
            verb = ref.verbs.get(verb) or verb
        items = [{"letter": f"({chr(ord('a') + i)})", "text": item} for i, item in enumerate(paragraph.items)]
        out.append(ParagraphView(number, verb, " ".join(paragraph.text.split()), items))
    return out


def _split_summary(text: str | None) -> list[str]:
    if not text:
        return []
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def starting_text(case: Case, session: Session) -> tuple[list[Paragraph], str | None, str]:
    """Where a new draft starts: the case's `draft` block (when it is for this session or
    for none), else the latest adopted decision that holds paragraphs. Returns the
    paragraphs, a summary (or None) and a description of the source.
    """
    if case.draft is not None and case.draft.session in (None, session.ref):
        return case.draft.paragraphs, case.draft.summary, "the case's draft block"
    held = [
        d
        for d in case.decisions
        if d.paragraphs and d.session != session.ref and d.adopted.earliest() < session.start.earliest()
    ]
    if held:
        latest = max(held, key=lambda d: d.adopted)
        return latest.paragraphs, latest.summary, f"the decision adopted at {latest.session}"
    return [], None, "nothing"


def find_session(ref: Reference, number: int, body: str = "committee") -> Session:
    """Session N of `body` from data/sessions.yaml; DecisionError (exit 2) lists the known ones.

    The committee and the Governing Council number their sessions separately, and only
    they adopt decisions, so an assembly session is refused.
    """
    key = session_ref(number, body)
    session = ref.session(key)
    if session is None:
        known = ", ".join(s for s in ref.sessions if s.startswith(body)) or "none"
        raise DecisionError(f"session {key} is not in data/sessions.yaml (known: {known})")
    if session.body == "assembly":
        raise DecisionError(
            "decisions are adopted by the committee or the governing-council, not the assembly"
        )
    return session


def build(
    base: CaseBase,
    case: Case,
    session: Session,
    *,
    adopted: bool = False,
    lang: str = "en",
    confidential: bool = False,
) -> DecisionContext:
    """The context of one decision: `adopted` renders the decision of `session` from the
    case's history; otherwise the next draft for `session`.
    """
    if lang not in LABELS:
        raise DecisionError(f"unknown language '{lang}'; choose from {', '.join(LANGS)}")
    if isinstance(case, IndividualCase) and case.collectives:
        raise DecisionError(
            f"{case.id} is examined within {style.join_list(case.collectives)}; draft the group's decision"
        )
    ref = base.reference
    labels = LABELS[lang]
    members = members_of(case, base)
    warnings: list[str] = []
    if isinstance(case, CollectiveCase) and len(members) < len(case.members):
        unread = sorted(set(case.members) - {mp.id for mp in members}, key=id_key)
        warnings.append(f"{case.id}: member files not read, left out: {', '.join(unread)}")
    mode: str | None = None
    if adopted:
        found = [d for d in case.decisions if d.session == session.ref]
        if not found:
            held = ", ".join(d.session for d in case.decisions) or "none"
            raise DecisionError(f"{case.id} has no decision adopted at {session.ref} (decisions: {held})")
        decision = found[-1]
        paragraphs, summary, mode = decision.paragraphs, decision.summary, decision.mode
        if not paragraphs:
            warnings.append(f"{case.id}: the text of the decision adopted at {session.ref} is not held")
    else:
        paragraphs, summary, source = starting_text(case, session)
        if not paragraphs:
            warnings.append(
                f"{case.id}: the draft has no paragraphs: {source} holds none"
                if source != "nothing"
                else f"{case.id}: the draft has no paragraphs: no draft block, and no decision "
                f"adopted before {session.ref} holds text"
            )
    summary = summary or case.summary
    if not summary:
        warnings.append(f"{case.id}: the case has no summary")
    items, notes = checklist(members, ref, lang)
    box, box_warnings = case_box(case, members, session, ref, lang)
    warnings.extend(box_warnings)
    return DecisionContext(
        lang=lang,
        labels=labels,
        case_id=case.id,
        country=ref.country_name(case.country),
        header=header(session, lang, mode),
        case_lines=[style.case_line(mp.id, mp.name, mp.sex) for mp in members],
        checklist=items,
        footnotes=notes,
        summary=_split_summary(summary),
        box_title=f"{labels['case']} {case.id}",
        box=box,
        follow_up=follow_up(case, session, lang),
        intro=labels["intro"],
        paragraphs=_paragraphs(paragraphs, ref, lang),
        draft=not adopted,
        confidential=confidential,
        session=session.ref,
        warnings=warnings,
    )


def agenda(base: CaseBase, session: Session) -> list[Case]:
    """The active cases a session examines: the session's `agenda`, plus cases whose own
    `agenda` names it; when neither says anything, every active case. MPs examined
    within a group are covered by the group's decision and left out.
    """
    named = set(session.agenda) | {c.id for c in base.cases() if session.ref in c.agenda}
    cases = [c for c in base.cases() if c.status.state == "active"]
    if named:
        cases = [c for c in cases if c.id in named]
    cases = [c for c in cases if not (isinstance(c, IndividualCase) and c.collectives)]
    return sorted(cases, key=lambda c: id_key(c.id))


def draft(
    base: CaseBase,
    case: Case,
    session: Session,
    *,
    adopted: bool = False,
    lang: str = "en",
    allow_confidential: bool = False,
) -> DecisionContext:
    """The context of one decision document, through the confidentiality filter.

    Without `allow_confidential` the case is redacted (internal log entries and
    addressees, the complainant's name never reach a public draft); with it, a
    confidential case's pages are marked CONFIDENTIAL.
    """
    from ipu_cli.domain.visibility import is_public, redact

    return build(
        base,
        case if allow_confidential else redact(case),
        session,
        adopted=adopted,
        lang=lang,
        confidential=allow_confidential and not is_public(case, base),
    )


def file_name(case_id: str, session: Session, fmt: str) -> str:
    """The file of one decision in a `--all` folder: `KHM-COLL-03-committee-180.md`."""
    return f"{case_id}-{session.ref}.{fmt}"


def index_document(session: Session, entries: list[tuple[str, str, str]], fmt: str) -> tuple[str, str]:
    """The index of a `--all` folder, as (file name, text): one link per (case id, country, file).

    HTML drafts get an HTML index so the folder opens in a browser; Markdown and
    Word drafts get index.md.
    """
    title = (
        f"Decisions for the {style.ordinal(session.number)} session "
        f"({style.date_range(session.start, session.end)})"
    )
    if fmt == "html":
        from markupsafe import escape

        rows = "\n".join(
            f'<li><a href="{escape(name)}">{escape(case_id)}</a> – {escape(country)}</li>'
            for case_id, country, name in entries
        )
        return "index.html", (
            f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{escape(title)}</title></head>\n'
            f"<body>\n<h1>{escape(title)}</h1>\n<ul>\n{rows}\n</ul>\n</body>\n</html>\n"
        )
    rows = "\n".join(f"- [{case_id}]({name}) - {country}" for case_id, country, name in entries)
    return "index.md", f"# {title}\n\n{rows}\n"
