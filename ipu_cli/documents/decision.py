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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.documents import style
from ipu_cli.documents.batch import Batch, Rendered
from ipu_cli.documents.localise import Localised
from ipu_cli.domain.casebox import BoxLine, case_box, follow_up
from ipu_cli.domain.cases import CollectiveCase, Decision, IndividualCase, Paragraph
from ipu_cli.domain.checklist import ChecklistItem, Footnote, checklist, recorded_order
from ipu_cli.domain.complaints import admitted
from ipu_cli.domain.datafiles import Session
from ipu_cli.domain.drafts import carried_over, earlier_decisions
from ipu_cli.domain.groups import holds_own_case
from ipu_cli.domain.ids import id_key
from ipu_cli.domain.labels import BODIES, LABELS, LANGS, MODES, PHRASES
from ipu_cli.domain.translations import MARK
from ipu_cli.domain.visibility import covered_members
from ipu_cli.domain.words import counted, of_phrase
from ipu_cli.errors import IpuError, UsageError

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase
    from ipu_cli.store.refdata import Reference

Case = IndividualCase | CollectiveCase


class DecisionError(IpuError):
    """The decision cannot be built (unknown session, no such decision...): a message for the user."""


@dataclass
class ParagraphView:
    number: int
    verb: str
    text: str
    items: list[dict[str, str]] = field(default_factory=list)
    carried: bool = False
    """A draft's paragraph that repeats an earlier decision unedited (`domain/drafts.py`)."""


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
    translation: str | None = None
    """What the document says of its translation ("Traduction non officielle"), or None."""
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The template context: nested plain dicts and lists only."""
        data = asdict(self)
        data.pop("warnings")
        return data


def header(
    session: Session, lang: str = "en", mode: str | None = None, adopted: Any = None, place: str | None = None
) -> str:
    """ "Decision adopted by the Committee on the Human Rights of Parliamentarians at its
    179th session (Geneva, 2 to 18 February 2026)", or by the IPU Governing Council: the body
    is the session's. The adoption mode ("unanimously") is printed only when recorded;
    the dates are the official adoption day when `adopted` is a day, else the session's
    (`session_where`; `place`: the session's place in `lang`, "Genève").
    """
    phrases = PHRASES[lang]
    return phrases["header"].format(
        mode=f" {MODES[lang][mode]}" if mode else "",
        body=BODIES[lang][session.body]["header"],
        number=style.ordinal(session.number, lang),
        where=session_where(session, adopted, lang, place),
    )


def draft_header(session: Session, lang: str = "en", place: str | None = None) -> str:
    """ "Draft decision for the 180th session of the Committee on the Human Rights of
    Parliamentarians (April 2026)": a draft is for the coming session, not yet adopted
    (French "Projet de décision pour la 180e session du Comité ..."; `place` in `lang`)."""
    return PHRASES[lang]["draft_header"].format(
        number=style.ordinal(session.number, lang),
        of_body=of_phrase(BODIES[lang][session.body]["header"], lang),
        where=session_where(session, None, lang, place),
    )


def session_where(session: Session, adopted: Any = None, lang: str = "en", place: str | None = None) -> str:
    """Where and when, as a header prints them: "Geneva, 2 to 18 February 2026",
    "virtual session, 12 to 23 October 2020", "Extraordinary virtual session, 3 November 2020",
    or the dates alone when the place is not yet known ("April 2026"). French: "Genève,
    2-18 février 2026", "session en ligne, 12-23 octobre 2020" (`place` in the language).

    A decision adopted on a recorded day (`adopted` with a day) prints that day, which may
    differ from the session's dates ("Manama, 15 March 2023" for a session of 13 to 15 March).
    """
    phrases = PHRASES[lang]
    if adopted is not None and adopted.day:
        when = style.full_date(adopted, lang)
    else:
        when = style.date_range(session.start, session.end, lang)
    if session.extraordinary:
        kind = phrases["extraordinary_virtual" if session.virtual else "extraordinary"]
    else:
        kind = phrases["virtual"] if session.virtual else None
    return ", ".join(part for part in (kind, place or session.place, when) if part)


def paragraph_views(
    paragraphs: list[Paragraph], ref: Reference, lang: str = "en", carried: list[bool] | None = None
) -> list[ParagraphView]:
    """Numbered paragraphs with their verb (in `lang`: French verbs are lower case, a verb
    without French is printed in English marked [EN]) and lettered sub-items: decisions and
    letters.

    `carried` flags, paragraph by paragraph, a draft's text carried over unedited.
    """
    out = []
    flags = carried or [False] * len(paragraphs)
    for number, (paragraph, flag) in enumerate(zip(paragraphs, flags, strict=True), start=1):
        verb = paragraph.verb
        if lang == "fr":
            known = ref.verbs.get(verb)
            verb = (known.fr if known is not None else None) or f"{MARK} {verb}"
        items = [
            {"letter": style.item_letter(i, lang), "text": item} for i, item in enumerate(paragraph.items)
        ]
        out.append(ParagraphView(number, verb, " ".join(paragraph.text.split()), items, flag))
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
        return list(case.draft.paragraphs), case.draft.summary, "the case's draft block"
    held = [d for d in earlier_decisions(case.decisions, session) if d.paragraphs]
    if held:
        latest = max(held, key=lambda d: d.adopted)
        source = latest.session or f"a session of {style.month_year(latest.adopted)}"
        return latest.paragraphs, latest.summary, f"the decision adopted at {source}"
    return [], None, "nothing"


def held_decisions(case: Case) -> str:
    """The decisions a case holds, for messages: "committee-171, governing-council-215, 2016-03"."""
    return ", ".join(d.session or str(d.adopted) for d in case.decisions) or "none"


def adopted_at(case: Case, ref: str) -> Decision:
    """The decision `case` adopted at session `ref` (committee-179), or DecisionError."""
    found = [d for d in case.decisions if d.session == ref]
    if not found:
        raise DecisionError(f"{case.id} has no decision adopted at {ref} (decisions: {held_decisions(case)})")
    return found[-1]


def checklist_order(case: Case, session: Session, adopted: bool) -> list[str] | None:
    """The order a decision records for its checklist, if any (else the vocabulary's).

    An adopted decision uses its own `checklist`; a draft uses the draft block's, else that
    of the latest decision adopted before the session that records one.
    """
    if adopted:
        return adopted_at(case, session.ref).checklist
    return recorded_order(case.draft, case.decisions, session.ref, session.start.earliest())


def build(
    base: CaseBase,
    case: Case,
    session: Session,
    *,
    adopted: bool = False,
    lang: str = "en",
    include_confidential: bool = False,
) -> DecisionContext:
    """The context of one decision: `adopted` renders the decision of `session` from the
    case's history; otherwise the next draft for `session`.

    `case` must hold its own decisions (a group, or an MP in no group: see
    `domain.groups.holder`). Through the confidentiality filter: the case is
    redacted (internal log entries and addressees, the complainant's name) and
    the members shown are those `covered_members` lets through, unless
    `include_confidential`, which shows everything and marks a confidential
    case's pages CONFIDENTIAL.
    """
    from ipu_cli.domain.visibility import is_public, redact

    confidential = include_confidential and not is_public(case, base)
    if not include_confidential:
        case = redact(case)
    if lang not in LABELS:
        raise UsageError(f"unknown language '{lang}'; choose from {', '.join(LANGS)}")
    if not holds_own_case(case):
        raise DecisionError(
            f"{case.id} is examined in {', '.join(case.collectives)}; draft the group's decision"
        )
    ref = base.reference
    labels = LABELS[lang]
    members = covered_members(case, base, include_confidential, as_of=session.start.earliest())
    english = case
    local = Localised(lang)
    case = local.case(base, case)
    members = [local.case(base, mp) for mp in members]
    warnings: list[str] = []
    mode: str | None = None
    adopted_on = None
    carried: list[bool] | None = None
    if adopted:
        decision = adopted_at(case, session.ref)
        paragraphs, summary, mode = decision.paragraphs, decision.summary, decision.mode
        adopted_on = decision.adopted
        if not paragraphs:
            warnings.append(f"{case.id}: the text of the decision adopted at {session.ref} is not held")
    else:
        paragraphs, summary, source = starting_text(case, session)
        if any(d.session == session.ref for d in case.decisions):
            warnings.append(
                f"{case.id}: a decision was already adopted at {session.ref}; this is a new draft "
                "for that session (render the adopted decision with --adopted)"
            )
        # Carried over is a property of the English text, which the officer edits: a French
        # draft marks the same paragraphs as the English one.
        english_text = paragraphs if english is case else starting_text(english, session)[0]
        carried = carried_over(english_text, earlier_decisions(english.decisions, session))
        warnings.extend(_carried_warning(case, session, source, sum(carried), LABELS[lang]["carried_over"]))
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
    items, notes = checklist(members, ref, lang, checklist_order(case, session, adopted))
    country = ref.country_name(case.country, lang)
    place = ref.place_name(session.place, lang)
    box, box_warnings = case_box(case, members, session, ref, lang, country)
    warnings.extend(box_warnings)
    local.country(ref, case.country)
    local.violations(ref, [item.code for item in items])
    local.verbs(ref, [p.verb for p in paragraphs])
    context = DecisionContext(
        lang=lang,
        labels=labels,
        case_id=case.id,
        country=country,
        header=header(session, lang, mode, adopted_on, place)
        if adopted
        else draft_header(session, lang, place),
        case_lines=[style.case_line(mp.id, mp.name, mp.sex, lang) for mp in members],
        checklist=items,
        footnotes=notes,
        summary=_split_summary(summary),
        box_title=f"{labels['case']} {case.id}",
        box=box,
        follow_up=follow_up(case, session, lang),
        intro=BODIES[lang][session.body]["intro"],
        paragraphs=paragraph_views(paragraphs, ref, lang, carried),
        draft=not adopted,
        confidential=confidential,
        session=session.ref,
        translation=local.note,
        warnings=warnings,
    )
    context.warnings.extend(local.report(base, context.as_dict()))
    return context


def _carried_warning(case: Case, session: Session, source: str, count: int, mark: str) -> list[str]:
    """What the officer must do about paragraphs carried over unedited (none: nothing to say);
    `mark` as the document prints it ("(carried over)", French "(repris tel quel)")."""
    if not count:
        return []
    if source == "the case's draft block":
        if count == 1:
            return [
                f"{case.id}: 1 paragraph of the draft block repeats an earlier decision word for word "
                f"and is marked '{mark}': edit it, or mark it 'kept: true' if it is kept on purpose"
            ]
        return [
            f"{case.id}: {count} paragraphs of the draft block repeat an earlier decision word for word "
            f"and are marked '{mark}': edit them, or mark those kept on purpose 'kept: true'"
        ]
    argument = str(session.number) if session.body == "committee" else session.ref
    return [
        f"{case.id}: the draft repeats {source} word for word ({counted(count, 'paragraph')} marked "
        f"'{mark}'); start the case's draft block with 'ipu start-draft {case.id} --session {argument}' "
        "and edit it"
    ]


def agenda(base: CaseBase, session: Session) -> list[Case]:
    """The active cases a session examines: the session's `agenda`, plus cases whose own
    `agenda` names it; when neither says anything, every active case. MPs examined
    within a group are covered by the group's decision and left out, and so is a
    complaint not yet found admissible (`domain/complaints.admitted`).
    """
    named = set(session.agenda) | {c.id for c in base.cases() if session.ref in c.agenda}
    cases = [c for c in base.cases() if c.status.state == "active" and admitted(c, base)]
    if named:
        cases = [c for c in cases if c.id in named]
    return sorted((c for c in cases if holds_own_case(c)), key=lambda c: id_key(c.id))


def draft_all(
    base: CaseBase, session: Session, fmt: str, root: Path, **options: Any
) -> tuple[Batch, tuple[str, str]]:
    """Every decision of the session's agenda (`--all`), rendered, and the index of the folder.

    `options` are those of `build` (adopted, lang, include_confidential). Confidential
    cases are left out of a public batch with a note; nothing is written here
    (`batch.write_batch` does, and refuses when one failed).
    """
    include_confidential = options.get("include_confidential", False)
    from ipu_cli.documents.environment import render_document
    from ipu_cli.domain.visibility import is_public

    batch = Batch()
    for case in agenda(base, session):
        if not include_confidential and not is_public(case, base):
            batch.notes.append(
                f"skipped {case.id}: confidential (use --include-confidential for internal use)"
            )
            continue

        def render(case: Case = case) -> Rendered:
            context = build(base, case, session, **options)
            # PDF: every Word document first, then all printed in one LibreOffice run
            document = render_document("decision", context.as_dict(), "docx" if fmt == "pdf" else fmt, root)
            return Rendered(file_name(case.id, session, fmt), document, context.warnings, context)

        batch.add(render, case.id)
    if fmt == "pdf":
        batch.print_pdf()
    entries = [(item.source.case_id, item.source.country, item.name) for item in batch.documents]
    return batch, index_document(session, entries, fmt)


def file_name(case_id: str, session: Session, fmt: str) -> str:
    """The file of one decision in a `--all` folder: `KHM-COLL-03-committee-180.md`."""
    return f"{case_id}-{session.ref}.{fmt}"


def index_document(session: Session, entries: list[tuple[str, str, str]], fmt: str) -> tuple[str, str]:
    """The index of a `--all` folder, as (file name, text): one link per (case id, country, file).

    HTML drafts get an HTML index so the folder opens in a browser; Markdown and
    Word drafts get index.md.
    """
    title = (
        f"Decisions for the {style.ordinal(session.number)} session of "
        f"{BODIES['en'][session.body]['name']} ({style.date_range(session.start, session.end)})"
    )
    from ipu_cli.domain.markup import markdown_text, safe_link

    if fmt == "html":
        from markupsafe import escape

        rows = "\n".join(
            f'<li><a href="{escape(safe_link(name))}">{escape(case_id)}</a> – {escape(country)}</li>'
            for case_id, country, name in entries
        )
        return "index.html", (
            f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{escape(title)}</title></head>\n'
            f"<body>\n<h1>{escape(title)}</h1>\n<ul>\n{rows}\n</ul>\n</body>\n</html>\n"
        )
    rows = "\n".join(
        f"- [{markdown_text(case_id)}]({safe_link(name)}) - {markdown_text(country, line_start=False)}"
        for case_id, country, name in entries
    )
    return "index.md", f"# {title}\n\n{rows}\n"
