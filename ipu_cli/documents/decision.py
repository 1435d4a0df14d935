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

from collections.abc import Sequence
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
from ipu_cli.domain.translations import paragraphs as summary_paragraphs
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
    case_ids: list[str]
    country: str
    header: str
    case_lines: list[str]
    checklist: list[ChecklistItem]
    footnotes: list[Footnote]
    summary: list[str]
    box_title: str
    box: list[BoxLine]
    follow_up: list[BoxLine]
    more_boxes: list[dict[str, Any]]
    """The boxes of the other cases a joint decision covers (title, box, follow_up), in order."""
    intro: str
    paragraphs: list[ParagraphView]
    draft: bool
    confidential: bool
    session: str
    members: int
    """How many MPs the case list holds."""
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


@dataclass
class Text:
    """Where a decision's text comes from: the case holding it, its paragraphs, summary, mode."""

    case: Case
    paragraphs: list[Paragraph]
    summary: str | None
    source: str
    decision: Decision | None = None


def joint_text(cases: list[Case], session: Session, adopted: bool) -> Text:
    """The one set of paragraphs of a decision covering `cases` (one case: its own).

    Adopted: the decision of the session recorded with paragraphs (every case covered
    records the decision, or is named by the `joint_with` of one that does). A draft: the
    draft block for the session (or for none) of one of the cases, else the latest
    adopted decision of the first case that holds text (`starting_text`). Two cases
    holding paragraphs for one decision is refused: the decision has one text.
    """
    if adopted:
        found = {c.id: [d for d in c.decisions if d.session == session.ref] for c in cases}
        named = {other for c in cases for d in found[c.id] for other in d.joint_with}
        for case in cases:
            if not found[case.id] and (case is cases[0] or case.id not in named):
                adopted_at(case, session.ref)  # raises: names the decisions the case holds
        held = [(c, found[c.id][-1]) for c in cases if found[c.id] and found[c.id][-1].paragraphs]
        _one_text([c for c, _ in held], f"a decision adopted at {session.ref}")
        case, decision = held[0] if held else next((c, found[c.id][-1]) for c in cases if found[c.id])
        return Text(
            case, decision.paragraphs, decision.summary, f"the decision adopted at {session.ref}", decision
        )
    drafts = [c for c in cases if c.draft is not None and c.draft.session in (None, session.ref)]
    _one_text(drafts, f"a draft block for {session.ref}")
    for case in [*drafts, *cases]:
        paragraphs, summary, source = starting_text(case, session)
        if paragraphs:
            return Text(case, paragraphs, summary, source)
    return Text(cases[0], [], None, starting_text(cases[0], session)[2])


def _one_text(holders: list[Case], what: str) -> None:
    if len(holders) > 1:
        raise DecisionError(
            f"{' and '.join(c.id for c in holders)} each hold {what}; a joint decision has one text: "
            "keep the paragraphs in one case, and `joint_with` naming the others"
        )


def joint_cases(base: CaseBase, cases: list[Case], session: Session, adopted: bool) -> list[Case]:
    """The cases one decision covers: those named, then the cases joint with them at `session`
    (named by their decision, or draft block, for the session, or naming them), each once."""
    out: dict[str, Case] = {}
    pending = list(cases)
    while pending:
        case = pending.pop(0)
        if case.id in out:
            continue
        out[case.id] = case
        for other in [*_joint_records(case, session, adopted), *_naming(base, case.id, session, adopted)]:
            found = base.get(other)
            if found is None:
                from ipu_cli.store.paths import stem_id

                # its own file's problems, located, when it exists but cannot be read
                problems = [p for p in base.problems if p.is_error and stem_id(Path(p.path)) == other]
                raise DecisionError(f"{case.id}: joint case {other} has no readable case file", problems)
            pending.append(found)
    return list(out.values())


def _joint_records(case: Case, session: Session, adopted: bool) -> list[str]:
    """The ids `case`'s decision (adopted) or draft block for `session` is joint with."""
    if adopted:
        return [other for d in case.decisions if d.session == session.ref for other in d.joint_with]
    if case.draft is not None and case.draft.session in (None, session.ref):
        return list(case.draft.joint_with)
    return []


def _naming(base: CaseBase, case_id: str, session: Session, adopted: bool) -> list[str]:
    """The cases whose decision (or draft block) for `session` names `case_id` in `joint_with`
    (read from the records' facts, so only those cases' models are built)."""
    wanted = session.ref if adopted else "draft"
    out = []
    for record in base.records.values():
        if (wanted, case_id) in record.facts.joint and case_id in _joint_records(
            record.case, session, adopted
        ):
            out.append(record.id)
    return out


def build(
    base: CaseBase,
    case: Case,
    session: Session,
    *,
    adopted: bool = False,
    lang: str = "en",
    include_confidential: bool = False,
    joint: Sequence[Case] = (),
) -> DecisionContext:
    """The context of one decision: `adopted` renders the decision of `session` from the
    case's history; otherwise the next draft for `session`.

    `joint` are the other cases one decision covers with `case` (cases of the same country):
    one case list (their members of the day, each once), the box of each case, one set of
    paragraphs (`joint_text`: the case holding them comes first).

    Every case must hold its own decisions (a group, or an MP in no group: see
    `domain.groups.holder`). Through the confidentiality filter: each case is
    redacted (internal log entries and addressees, the complainant's name) and
    the members shown are those `covered_members` lets through on the session's
    first day (the members of its day: `domain/membership`), unless
    `include_confidential`, which shows everything and marks every page CONFIDENTIAL when that
    shows something a public decision would not (`visibility.discloses`: a confidential case or
    member, an internal field). Without it, a confidential case is refused, and so is a public
    case's decision joint with a confidential one: never printed in part.
    """
    from ipu_cli.checks.pipeline import require_valid
    from ipu_cli.domain.membership import printed_name
    from ipu_cli.domain.visibility import discloses, redact, require_public

    cases = [case, *[c for c in joint if c.id != case.id]]
    for one in cases:
        require_public(one, base, include_confidential)
    if not include_confidential:
        cases = [redact(c) for c in cases]
    if lang not in LABELS:
        raise UsageError(f"unknown language '{lang}'; choose from {', '.join(LANGS)}")
    for one in cases:
        if not holds_own_case(one):
            raise DecisionError(
                f"{one.id} is examined in {', '.join(one.collectives)}; draft the group's decision"
            )
        if one.country != cases[0].country:
            raise DecisionError(
                f"{cases[0].id} is of {cases[0].country} and {one.id} of {one.country}; "
                "a joint decision covers cases of one country"
            )
    ref = base.reference
    labels = LABELS[lang]
    day = session.start.earliest()
    text = joint_text(cases, session, adopted)
    cases = [text.case, *[c for c in cases if c is not text.case]]
    lead = cases[0]
    covered = {c.id: covered_members(c, base, include_confidential, as_of=day) for c in cases}
    require_valid(base, [*covered, *(mp.id for c in cases for mp in covered[c.id])], "decision")
    confidential = include_confidential and discloses(
        cases, [mp for c in cases for mp in covered[c.id]], base
    )
    english_members = sorted(
        {mp.id: mp for c in cases for mp in covered[c.id]}.values(), key=lambda mp: id_key(mp.id)
    )
    local = Localised(lang)
    shown = {c.id: local.case(base, c) for c in cases}
    members = [local.case(base, mp) for mp in english_members]
    by_id = {mp.id: mp for mp in members}
    # The text as printed: in the document's language, from the same case and decision.
    printed = joint_text([shown[c.id] for c in cases], session, adopted) if lang != "en" else text
    warnings: list[str] = []
    mode = text.decision.mode if text.decision is not None else None
    adopted_on = text.decision.adopted if text.decision is not None else None
    carried: list[bool] | None = None
    if adopted and not text.paragraphs:  # complete or refused: never a "B. Decision" with nothing under it
        raise DecisionError(
            f"{lead.id}: the text of the decision adopted at {session.ref} is not held in its case file "
            "(paragraphs: []); a decision is printed whole or not at all"
        )
    if not adopted:
        if any(d.session == session.ref for c in cases for d in c.decisions):
            warnings.append(
                f"{lead.id}: a decision was already adopted at {session.ref}; this is a new draft "
                "for that session (render the adopted decision with --adopted)"
            )
        # Carried over is a property of the English text, which the officer edits: a French
        # draft marks the same paragraphs as the English one. A joint decision's text may
        # repeat an earlier decision of any case it covers.
        earlier = [d for c in cases for d in earlier_decisions(c.decisions, session)]
        carried = carried_over(text.paragraphs, earlier)
        warnings.extend(_carried_warning(lead, session, text.source, sum(carried), labels["carried_over"]))
        if not text.paragraphs:
            warnings.append(
                f"{lead.id}: the draft has no paragraphs: {text.source} holds none"
                if text.source != "nothing"
                else f"{lead.id}: the draft has no paragraphs: no draft block, and no decision "
                f"adopted before {session.ref} holds text"
            )
    summary = printed.summary or "\n\n".join(shown[c.id].summary for c in cases if c.summary)
    if not summary:
        warnings.append(f"{lead.id}: the case has no summary")
    order = (
        text.decision.checklist
        if text.decision is not None
        else (None if adopted else recorded_order(lead.draft, lead.decisions, session.ref, day))
    )
    items, notes = checklist(members, ref, lang, order)
    country = ref.country_name(lead.country, lang)
    place = ref.place_name(session.place, lang)
    boxes = []
    for one in cases:
        override = _victims_override(one, shown[one.id], covered[one.id], session, adopted, warnings)
        listed = [by_id[mp.id] for mp in covered[one.id]]
        box, box_warnings = case_box(shown[one.id], listed, session, ref, lang, country, victims=override)
        warnings.extend(box_warnings)
        boxes.append(
            {
                "title": f"{labels['case']} {one.id}",
                "box": box,
                "follow_up": follow_up(shown[one.id], session, lang),
            }
        )
    local.country(ref, lead.country)
    local.violations(ref, [item.code for item in items])
    local.verbs(ref, [p.verb for p in printed.paragraphs])
    sessions = ref.sessions
    context = DecisionContext(
        lang=lang,
        labels=labels,
        case_id=lead.id,
        case_ids=[c.id for c in cases],
        country=country,
        header=header(session, lang, mode, adopted_on, place)
        if adopted
        else draft_header(session, lang, place),
        case_lines=[style.case_line(mp.id, printed_name(mp, day, sessions), mp.sex, lang) for mp in members],
        checklist=items,
        footnotes=notes,
        summary=summary_paragraphs(summary),
        box_title=boxes[0]["title"],
        box=boxes[0]["box"],
        follow_up=boxes[0]["follow_up"],
        more_boxes=boxes[1:],
        intro=BODIES[lang][session.body]["intro"],
        paragraphs=paragraph_views(printed.paragraphs, ref, lang, carried),
        draft=not adopted,
        confidential=confidential,
        session=session.ref,
        members=len(members),
        translation=local.note,
        warnings=warnings,
    )
    context.warnings.extend(local.report(base, context.as_dict()))
    return context


def _victims_override(
    case: Case, shown: Case, members: list[Any], session: Session, adopted: bool, warnings: list[str]
) -> str | None:
    """The Victims text a case's box prints instead of the computed line (None: computed), in
    the document's language: the line the adopted decision recorded, else the case's `victims`
    when it agrees with the members of the day (`domain/victims.victims_for`, which reads the
    English numbers of `case`); `shown` is the case in the document's language."""
    from ipu_cli.domain.victims import override_disagreements, victims_for

    def published(one: Case) -> str | None:
        return next((d.victims for d in one.decisions if adopted and d.session == session.ref), None)

    english = published(case)
    chosen = victims_for(case.victims, members, english)
    if case.victims and chosen is None and not english:
        warnings.append(
            f"{case.id}: the 'victims' text does not match the members listed at {session.ref} "
            f"({'; '.join(override_disagreements(case.victims, members))}); "
            "the line is computed from them"
        )
    if chosen is None:
        return None
    return published(shown) if english else shown.victims


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
    covered: set[str] = set()
    for case in agenda(base, session):
        if case.id in covered:
            continue  # in a joint decision already made
        if not include_confidential and not is_public(case, base):
            batch.notes.append(
                f"skipped {case.id}: confidential (use --include-confidential for internal use)"
            )
            continue

        def render(case: Case = case) -> Rendered:
            cases = joint_cases(base, [case], session, options.get("adopted", False))
            covered.update(c.id for c in cases)
            # `build` refuses a public decision joint with a confidential case
            context = build(base, cases[0], session, joint=cases[1:], **options)
            # PDF: every Word document first, then all printed in one LibreOffice run
            document = render_document("decision", context.as_dict(), "docx" if fmt == "pdf" else fmt, root)
            return Rendered(file_name(context.case_id, session, fmt), document, context.warnings, context)

        batch.add(render, case.id)
    if fmt == "pdf":
        batch.print_pdf()
    entries = [(", ".join(item.source.case_ids), item.source.country, item.name) for item in batch.documents]
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
