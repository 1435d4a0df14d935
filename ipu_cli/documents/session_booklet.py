"""A session's booklet: every decision of a session in one document, with a cover and contents.

The Committee reads its decisions as one booklet per session, under a document
symbol, with contents by region, then country ("Cambodia: 38 parliamentarians",
"Philippines: Ms. Lorna Ibarra-Quintos"). A booklet holds, for each case the
session examines, its decision as adopted at the session when the case records
one, else the draft for it (each marked DRAFT on its own), joint decisions once.
Confidential cases are left out unless `include_confidential` (`domain/visibility`).

Each decision is built as `ipu draft-decision` builds it (`decision.build`, in the
booklet's language) and set as it is set alone: Markdown and HTML set the text the
decision's own templates render (`decision.md.j2`, `decision.html.j2`) into the
booklet's (`booklet.md.j2`, `booklet.html.j2`); Word writes each decision from its
context in a section of its own (`word.booklet_document`: numbering and footnotes
from 1, its own DRAFT mark), the contents' page numbers being fields the word
processor fills in; PDF is that Word document printed, as for every document
(`environment.render_document("booklet", ...)`). HTML links the contents and prints
page numbers where the renderer supports CSS paged media; Markdown gives the order.
The booklet's own words (the title, "Contents", a contents line) are the tables of
`domain/labels.py`; region names in another language are data (`region_names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.documents import style
from ipu_cli.documents.batch import Batch, Rendered
from ipu_cli.domain.groups import is_group
from ipu_cli.domain.ids import id_key
from ipu_cli.domain.labels import BODIES, LABELS, LANGS, LANGUAGE_NAMES, PHRASES, VICTIM_WORDS
from ipu_cli.domain.translations import MARK
from ipu_cli.domain.words import capitalise, fold, number_words
from ipu_cli.errors import IpuError, UsageError

if TYPE_CHECKING:
    from ipu_cli.documents.decision import Case, DecisionContext
    from ipu_cli.domain.datafiles import Session
    from ipu_cli.store.casebase import CaseBase

DOCUMENT = "booklet"


@dataclass
class Booklet:
    """A booklet's context for its templates, the decisions it holds, notes and warnings."""

    context: dict[str, Any]
    decisions: list[DecisionContext]
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def cases_of(base: CaseBase, session: Session) -> list[tuple[Case, bool]]:
    """The cases the booklet holds and whether each is adopted: those that record a decision
    adopted at the session, and the active cases on its agenda (`decision.agenda`), in id order."""
    from ipu_cli.documents.decision import agenda
    from ipu_cli.domain.groups import holds_own_case

    adopted = {
        c.id: c
        for c in base.cases()
        if holds_own_case(c) and any(d.session == session.ref for d in c.decisions)
    }
    drafts = {c.id: c for c in agenda(base, session) if c.id not in adopted}
    chosen = [(c, True) for c in adopted.values()] + [(c, False) for c in drafts.values()]
    return sorted(chosen, key=lambda item: id_key(item[0].id))


def build(
    base: CaseBase,
    session: Session,
    fmt: str,
    root: Path,
    include_confidential: bool = False,
    lang: str = "en",
) -> Booklet:
    """The booklet of `session` in `fmt` and `lang`: every decision built, the contents, the cover.

    A booklet is complete or refused: a decision that cannot be made stops it (IpuError
    naming each), a session with no decision to print is refused.
    """
    from ipu_cli.documents.decision import build as build_decision
    from ipu_cli.documents.decision import joint_cases, session_where
    from ipu_cli.domain.visibility import is_public

    if lang not in LABELS:
        raise UsageError(f"unknown language '{lang}'; choose from {', '.join(LANGS)}")
    batch = Batch()  # the batch policy: make every decision, refuse the booklet if one fails
    covered: set[str] = set()
    for case, adopted in cases_of(base, session):
        if case.id in covered:
            continue
        cases = joint_cases(base, [case], session, adopted)
        covered.update(c.id for c in cases)
        hidden = [c.id for c in cases if not is_public(c, base)]
        if hidden and len(hidden) == len(cases) and not include_confidential:
            batch.notes.append(
                f"left out {', '.join(hidden)}: confidential (use --include-confidential for internal use)"
            )
            continue

        def render(cases: list[Case] = cases, adopted: bool = adopted) -> Rendered:
            # a public case's decision joint with a confidential one is refused by `build`
            context = build_decision(
                base,
                cases[0],
                session,
                adopted=adopted,
                lang=lang,
                include_confidential=include_confidential,
                joint=cases[1:],
            )
            return Rendered(context.case_id, "", context.warnings, context)

        batch.add(render, case.id)
    batch.refuse_if_failed("decision")
    made = [item.source for item in batch.documents]
    if not made:
        raise IpuError(f"no decision to print for {session.ref}: no case records one or is on its agenda")
    gaps: list[str] = []
    entries = _contents(base, made, session, lang, gaps)
    regions: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for entry in entries:
        regions.setdefault(entry["region"], {}).setdefault(entry["country"], []).append(entry)
    ordered = [entry.pop("context") for entry in entries]
    all_adopted = all(not c.draft for c in ordered)
    phrases = PHRASES[lang]
    number = style.ordinal(session.number, lang)
    parts = [
        _part(c, fmt, root, entry["anchor"], index)
        for index, (c, entry) in enumerate(zip(ordered, entries, strict=True), start=1)
    ]
    for entry, part in zip(entries, parts, strict=True):
        entry["bookmark"] = part["bookmark"]
    context = {
        "lang": lang,
        "labels": LABELS[lang],
        "title": phrases["booklet_adopted" if all_adopted else "booklet_drafts"].format(number=number),
        "cover_body": BODIES[lang][session.body]["title"],
        "session": session.ref,
        "number": number,
        # a line of its own: "Virtual session, 8 to 20 March 2021", as the IPU's booklets print it
        "where": capitalise(
            session_where(session, None, lang, base.reference.place_name(session.place, lang))
        ),
        "symbol": session.symbol,
        "draft": not all_adopted,
        "confidential": any(c.confidential for c in ordered),
        "every_page": len({(c.draft, c.confidential) for c in ordered}) == 1,
        "contents": [
            {"region": region, "countries": [{"country": c, "entries": e} for c, e in countries.items()]}
            for region, countries in regions.items()
        ],
        "decisions": parts,
        "style": _style(parts[0]["html"]) if fmt == "html" else "",
    }
    warnings = [w for item in batch.documents for w in item.warnings] + list(dict.fromkeys(gaps))
    return Booklet(context, ordered, batch.notes, warnings)


def _contents(
    base: CaseBase, made: list[DecisionContext], session: Session, lang: str, gaps: list[str]
) -> list[dict[str, Any]]:
    """One contents entry per decision (its context under "context"), in region order
    (data/countries.yaml), then country name, then case id: "Cambodia: 38 parliamentarians",
    "Philippines: Ms. Lorna Ibarra-Quintos" (French "Cambodge : 38 parlementaires"). A region
    without a name in `lang` is printed in English, marked, and named in `gaps`."""
    ref = base.reference
    rank = {region: index for index, region in enumerate(ref.regions)}
    rows = []
    for context in made:
        case = base.get(context.case_id)
        country = ref.countries.get(case.country) if case is not None else None
        region = country.region if country is not None else None
        rows.append(
            {
                "case_id": context.case_id,
                "case_ids": context.case_ids,
                "rank": rank.get(region, len(rank)) if region else len(rank),
                "region": _region_name(ref, region, lang, gaps),
                "country": context.country,
                "label": PHRASES[lang]["booklet_entry"].format(
                    country=context.country, who=_who(base, context, session, lang)
                ),
                "anchor": "decision-" + "-".join(context.case_ids),
                "draft": context.draft,
                "context": context,
            }
        )
    rows.sort(key=lambda row: (row.pop("rank"), fold(row["country"]), id_key(row["case_id"])))
    return rows


def _region_name(ref: Any, region: str | None, lang: str, gaps: list[str]) -> str:
    """A region as the contents print it: its name in `lang` (data/countries.yaml `region_names`)."""
    if region is None:
        return LABELS[lang]["unknown_region"]
    name = ref.region_name(region, lang)
    if name is None:
        gaps.append(
            f"data/countries.yaml: region '{region}' has no {LANGUAGE_NAMES.get(lang, lang)} name "
            f"(region_names); printed in English, marked {MARK}"
        )
        return f"{MARK} {region}"
    return name


def _who(base: CaseBase, context: DecisionContext, session: Session, lang: str) -> str:
    """ "38 parliamentarians" for a group or a joint decision (the members of the day), under ten
    in words, capitalised after the colon in English as the IPU's contents print it ("Uganda:
    Five parliamentarians", "Venezuela: 134 parliamentarians"; French "Ouganda : cinq
    parlementaires"); "Ms. Name" / "Mr. Name" for one MP (the name as the decision prints it;
    French "Mme", "M.")."""
    case = base.get(context.case_id)
    if len(context.case_ids) > 1 or is_group(case):
        words = VICTIM_WORDS[lang]
        noun = words["parliamentarian" if context.members == 1 else "parliamentarians"]
        count = number_words(context.members, lang)
        return f"{capitalise(count) if lang == 'en' else count} {noun}"
    from ipu_cli.domain.membership import printed_name

    name = printed_name(case, session.start.earliest(), base.reference.sessions)
    return f"{style.honorific(case.sex, lang)} {name}"


def _part(context: DecisionContext, fmt: str, root: Path, anchor: str, number: int) -> dict[str, Any]:
    """One decision as the booklet sets it: its anchor (HTML, Markdown) or bookmark (Word), its
    context (Word writes it as it writes the decision alone), and for Markdown and HTML its text
    rendered by the decision's own template (the body of its HTML page for HTML)."""
    from ipu_cli.documents.environment import Verbatim, render_document

    part = {
        "anchor": anchor,
        "bookmark": f"decision_{number}",  # Word's bookmark names: a letter, then letters, digits, _
        "case_ids": context.case_ids,
        "decision": context.as_dict(),
        "text": Verbatim(""),
        "html": "",
        "draft": context.draft,
        "confidential": context.confidential,
    }
    if fmt in ("md", "html"):
        rendered = render_document("decision", part["decision"], fmt, root)
        assert isinstance(rendered, str)
        text = _html_body(rendered) if fmt == "html" else rendered.strip("\n")
        part.update(text=Verbatim(text), html=rendered)
    return part


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)


def _html_body(page: str) -> str:
    """What the decision's HTML page holds between <body> and </body>."""
    match = _BODY.search(page)
    if match is None:
        raise IpuError("templates/decision.html.j2 renders no <body>; a booklet sets each decision's body")
    return match.group(1).strip("\n")


def _style(page: str) -> Any:
    """The decision page's own style sheet, so that decisions look the same in the booklet."""
    from ipu_cli.documents.environment import Verbatim

    match = _STYLE.search(page)
    return Verbatim(match.group(1).strip("\n") if match else "")


def file_name(session: Session, fmt: str) -> str:
    """The booklet's default file name: `booklet-committee-179.md`."""
    return f"{DOCUMENT}-{session.ref}.{fmt}"


def sample_contexts(base: CaseBase) -> Any:
    """For `ipu templates check`: the booklet (as HTML sets it) of every decision-making session
    that has decisions to print."""
    for session in base.reference.sessions.values():
        if session.body == "assembly":
            continue
        try:
            booklet = build(base, session, "html", base.root, include_confidential=True)
        except IpuError:
            continue
        yield f"booklet of {session.ref}", booklet.context
