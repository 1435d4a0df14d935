"""Follow-up letters conveying a decision: the context the letter templates print.

After each session the Secretary General conveys every decision to the
parliamentary authorities, the complainant and third parties. The wording
lives in `templates/letter-<party>.{md,html}.j2` (the secretariat edits it);
this module gathers the values: addressee, reference line, the decision and
its session, what the decision asks of the authorities (`ipu_cli.domain.asks`,
quoted as adopted), the decision's paragraphs as the enclosure.

A letter is built from `domain.visibility.redact(case)` and covers the members
`covered_members` lets through: internal log entries, internal addressees, the
complainant's name and confidential members never reach a public letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from ipu_cli.documents import style
from ipu_cli.documents.batch import Batch, Rendered
from ipu_cli.documents.localise import Localised
from ipu_cli.domain.asks import asks_of
from ipu_cli.domain.cases import Party
from ipu_cli.domain.groups import holds_own_case, is_group
from ipu_cli.domain.ids import id_key
from ipu_cli.domain.labels import BODIES, LABELS, PHRASES
from ipu_cli.domain.sessions import describe, following
from ipu_cli.domain.translations import MARK
from ipu_cli.domain.victims import group_noun
from ipu_cli.domain.visibility import covered_members
from ipu_cli.domain.words import of_phrase
from ipu_cli.errors import IpuError, UsageError

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, Decision, IndividualCase
    from ipu_cli.domain.datafiles import Session
    from ipu_cli.store.casebase import CaseBase

    Case = IndividualCase | CollectiveCase

PARTIES = get_args(Party)


class LetterError(IpuError):
    """No letter can be written: the message says why."""


@dataclass
class LetterContext:
    """Everything a letter template prints, as plain values."""

    to: str
    case_id: str
    country: str
    subject: str
    reference: str
    date: str
    dateline: str
    """Place and date as the letter prints them: "Geneva, 1 March 2026"."""
    signatory: dict[str, str]
    """Who signs (data/secretariat.yaml): name and title."""
    addressee: dict[str, Any]
    salutation: str
    session: str
    session_number: str
    session_place_dates: str
    body: str
    """The adopting body: committee or governing-council (templates word the letter after it)."""
    adopted_by: str
    adopted_by_short: str
    intro: str
    decision_header: str
    asks: list[str]
    next_session: str | None
    enclosure: list[dict[str, Any]]
    confidential: bool
    lang: str = "en"
    labels: dict[str, str] = field(default_factory=lambda: dict(LABELS["en"]))
    closing: str = ""
    translation: str | None = None
    """What the letter says of the translation of its case texts ("Traduction non officielle")."""
    draft: bool = False
    log_title: str | None = None
    """The addressee's title as the (English) case file words it: `--log` records it."""
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("warnings")
        data.pop("log_title")
        return data


def decision_for(case: Case, session: str | None) -> Decision:
    """The decision adopted at session `session` (committee-179, governing-council-215), or the
    latest one, whichever body adopted it."""
    from ipu_cli.documents.decision import held_decisions

    if not case.decisions:
        raise LetterError(f"{case.id} has no decision to convey")
    if session is None:
        return case.decisions[-1]
    found = [d for d in case.decisions if d.session == session]
    if not found:
        raise LetterError(
            f"{case.id} has no decision adopted at {session} (decisions: {held_decisions(case)})"
        )
    return found[-1]


def subject(members: list[IndividualCase], case: Case, country: str, lang: str = "en") -> str:
    """What the letter concerns: "38 former parliamentarians of Cambodia", or
    "Ms. Ana Reyes, member of the Senate of the Philippines" (`country` as prose writes it);
    French "38 anciens parlementaires du Cambodge", "Mme Ana Reyes, membre du Sénat des
    Philippines" (the parliament's French name carries its article: "le Sénat")."""
    phrases = PHRASES[lang]
    if is_group(case):
        women = bool(members) and all(mp.sex == "female" for mp in members)
        return phrases["subject_group"].format(
            count=style.number_words(len(members), lang, feminine=women),
            noun=group_noun(members, lang),
            of_country=of_phrase(country, lang),
        )
    mp: Any = case
    role = f"role_{mp.mandate}" + ("_female" if mp.sex == "female" else "")
    return phrases["subject_one"].format(
        title=style.honorific(mp.sex, lang),
        name=mp.name,
        role=phrases[role],
        of_parliament=of_phrase(mp.parliament if lang != "en" else f"the {mp.parliament}", lang),
        of_country=of_phrase(country, lang),
    )


def signatory_title(signatory: Any, lang: str) -> str:
    """The signatory's title as the letter prints it: in French `title_fr`
    (data/secretariat.yaml), else the English marked [EN]."""
    if lang == "fr":
        return signatory.title_fr or f"{MARK} {signatory.title}"
    return signatory.title


def language_for(base: CaseBase, case: Case, to: str) -> str:
    """The language of a letter when none is asked for: the country's `language` (data/countries.yaml)
    for its authorities, English for the complainant and third parties."""
    country = base.reference.countries.get(case.country)
    return country.language if to == "authorities" and country is not None else "en"


def _asks(decision: Decision, ref: Any, lang: str) -> list[str]:
    """What the decision asks, quoted as adopted: in French, the verbs' French forms."""
    if lang == "en":
        return [ask.quoted() for ask in asks_of(decision, ref.ask_verbs)]
    french = {v.verb: v.fr for v in ref.verbs.values() if v.asks and v.fr}
    out = []
    for ask in asks_of(decision, (*ref.ask_verbs, *french.values())):
        verb = french.get(ask.verb) or (f"{MARK} {ask.verb}" if ask.verb in ref.ask_verbs else ask.verb)
        out.append(f"*{verb}* {ask.text}")
    return out


def build_letter(
    base: CaseBase,
    case: Case,
    to: str,
    *,
    session: str | None = None,
    today: dt.date,
    include_confidential: bool = False,
    lang: str | None = None,
) -> LetterContext:
    """The context of the letter to `to` conveying the decision of `session` (default: the latest).

    `case` must hold its own decisions (see `domain.groups.holder`). A letter is
    built from the redacted case and covers the members a public output may show,
    unless `include_confidential`. `lang` (default `language_for`): in French, the
    case's texts come from its translation file (`documents/localise.py`).
    """
    from ipu_cli.checks.pipeline import require_valid
    from ipu_cli.documents.decision import header, paragraph_views, session_where
    from ipu_cli.domain.visibility import discloses, is_public, redact

    if to not in PARTIES:
        raise UsageError(f"--to: unknown party '{to}'; choose from {', '.join(PARTIES)}")
    if not holds_own_case(case):
        raise LetterError(
            f"{case.id} is examined in {', '.join(case.collectives)}; write the group's letters"
        )
    public_case = is_public(case, base)
    case = redact(case)
    lang = lang or language_for(base, case, to)
    if lang not in LABELS:
        raise UsageError(f"unknown language '{lang}'; choose from {', '.join(LABELS)}")
    decision_for(case, session)  # no decision, no letter: said before anything is translated
    english = [a for a in case.addressees if a.party == to]
    local = Localised(lang)
    case = local.case(base, case)
    decision = decision_for(case, session)
    ref = base.reference
    if decision.session is None:
        raise LetterError(
            f"{case.id}: the decision of {style.month_year(decision.adopted)} names no session; "
            "a letter conveys a decision of a known session"
        )
    adopted_at = ref.session(decision.session)
    if adopted_at is None:
        raise LetterError(f"session {decision.session} is not in data/sessions.yaml")
    if decision.joint_with and not decision.paragraphs:
        from ipu_cli.documents.decision import joint_cases, joint_text

        # a joint decision's text lives in one of its cases: the letter encloses it, in `lang`
        cases = joint_cases(base, [case], adopted_at, True)
        joint = joint_text([c if c is case else local.case(base, c) for c in cases], adopted_at, True)
        decision = joint.decision or decision
    members = covered_members(case, base, include_confidential, as_of=adopted_at.start.earliest())
    require_valid(base, [case.id, *(mp.id for mp in members)], "letter")
    confidential = not public_case or discloses([], members, base)  # a letter never holds internal fields
    warnings: list[str] = []
    country = ref.country_name(case.country, lang)
    prose = ref.country_prose(case.country, lang)
    local.country(ref, case.country)
    body = BODIES[lang][adopted_at.body]
    phrases = PHRASES[lang]

    addressees = [a for a in case.addressees if a.party == to]
    if addressees:
        chosen = addressees[0]
        addressee = {
            "title": chosen.title,
            "name": chosen.name,
            "institution": chosen.institution,
            "address": list(chosen.address),
        }
        salutation = chosen.salutation or phrases["salutation"]
    else:
        addressee = {"title": None, "name": None, "institution": None, "address": []}
        salutation = phrases["salutation"]
        warnings.append(
            f"{case.id}: no addressee for the {to} in the case file; the letter opens '{salutation}'"
        )

    asks = _asks(decision, ref, lang)
    if not decision.paragraphs:
        warnings.append(f"{case.id}: the text of the decision adopted at {decision.session} is not held")
    local.verbs(ref, [p.verb for p in decision.paragraphs])
    enclosure = [asdict(view) for view in paragraph_views(decision.paragraphs, ref, lang)]
    later = following(ref.sessions.values(), adopted_at)
    next_session = phrases["next_session"].format(number=style.ordinal(later.number, lang)) if later else None
    if later is not None and later.start.earliest() <= today:
        warnings.append(
            f"{case.id}: the letter asks for information ahead of the {describe(later)}, which has "
            f"already begun (today is {style.full_date(today)}); convey a later decision or edit the letter"
        )
    number = style.ordinal(adopted_at.number, lang)
    place = ref.place_name(adopted_at.place, lang)
    secretariat = ref.secretariat
    if secretariat is None:
        raise LetterError("data/secretariat.yaml is not usable: a letter needs its place and signatory")
    signatory = secretariat.signatory
    if signatory.placeholder:
        warnings.append(
            f"{case.id}: the signatory '{signatory.name}' is a placeholder in data/secretariat.yaml; "
            "confirm the name there before sending"
        )
    local.signatory(signatory)
    context = LetterContext(
        to=to,
        case_id=case.id,
        country=country,
        subject=subject(members, case, prose, lang),
        reference=phrases["reference"].format(
            case_id=case.id,
            country=prose if lang == "en" else country,
            number=number,
            of_body=of_phrase(body["name"], lang),
        ),
        date=style.full_date(today, lang),
        dateline=phrases["place_date"].format(
            place=ref.place_name(secretariat.place, lang), date=style.full_date(today, lang)
        ),
        signatory={"name": signatory.name, "title": signatory_title(signatory, lang)},
        addressee=addressee,
        salutation=salutation,
        session=adopted_at.ref,
        session_number=number,
        session_place_dates=session_where(adopted_at, decision.adopted, lang, place),
        body=adopted_at.body,
        adopted_by=body["name"],
        adopted_by_short=body["short"],
        intro=body["intro"],
        decision_header=header(adopted_at, lang, decision.mode, decision.adopted, place),
        asks=asks,
        next_session=next_session,
        enclosure=enclosure,
        confidential=confidential,
        lang=lang,
        labels=LABELS[lang],
        closing=phrases["closing"].format(salutation=salutation.strip().rstrip(",").rstrip()),
        translation=local.note,
        log_title=english[0].title if english else None,
        warnings=warnings,
    )
    context.warnings.extend(local.report(base, context.as_dict()))
    return context


def log_description(context: LetterContext) -> str:
    """How the letter is recorded in the log: 'Letter to the Secretary General of the National Assembly'."""
    title = context.log_title
    if title:
        return f"Letter to the {title}"
    return f"Letter conveying the decision of the {context.session_number} session"


def file_name(case_id: str, party: str, fmt: str) -> str:
    """The file of one letter in a `--all` folder: `KHM-COLL-03-authorities.md`."""
    return f"{case_id}-{party}.{fmt}"


def index_text(session: Session, day: dt.date, letters: list[LetterContext], names: list[str]) -> str:
    """index.md of a `--all` folder: one row per letter, confidential ones flagged.

    The officer sending the batch works from this table, so each row names the
    addressee (or the party, when the case names no addressee) and links the file.
    """
    lines = [
        f"# Letters conveying the decisions of the {style.ordinal(session.number)} session "
        f"of {BODIES['en'][session.body]['name']}",
        "",
        f"Drafted {style.full_date(day)}.",
        "",
        "| case | to | addressee | file |",
        "| --- | --- | --- | --- |",
    ]
    from ipu_cli.domain.markup import markdown_text, safe_link

    for context, name in zip(letters, names, strict=True):
        flag = " (CONFIDENTIAL)" if context.confidential else ""
        addressee = markdown_text(context.addressee.get("title") or f"the {context.to}", line_start=False)
        link = f"[{markdown_text(name, line_start=False)}]({safe_link(name)})"
        lines.append(
            f"| {context.case_id}{flag} | {context.to} | {' '.join(addressee.splitlines())} | {link} |"
        )
    return "\n".join(lines) + "\n"


def letter_cases(base: CaseBase, session: str) -> list[Case]:
    """Every active case with a decision adopted at `session` (committee-179), in id order."""
    found = [
        c
        for c in base.cases()
        if c.status.state == "active" and holds_own_case(c) and any(d.session == session for d in c.decisions)
    ]
    return sorted(found, key=lambda c: id_key(c.id))


def letters_all(
    base: CaseBase,
    session: Session,
    fmt: str,
    root: Path,
    *,
    today: dt.date,
    parties: list[str] | None = None,
    include_confidential: bool = False,
    lang: str | None = None,
) -> tuple[Batch, tuple[str, str]]:
    """Every letter conveying the decisions of `session` (`--all`), rendered, and index.md
    (`lang`: every letter in that language; default, each letter's own, `language_for`)."""
    from ipu_cli.documents.environment import render_document
    from ipu_cli.domain.visibility import is_public

    cases = letter_cases(base, session.ref)
    if not cases:
        raise LetterError(f"no active case has a decision adopted at {session.ref}")
    batch = Batch()
    for case in cases:
        if not include_confidential and not is_public(case, base):
            batch.notes.append(
                f"skipped {case.id}: confidential (use --include-confidential for internal use)"
            )
            continue
        for party in parties or parties_for(case):

            def render(case: Case = case, party: str = party) -> Rendered:
                context = build_letter(
                    base,
                    case,
                    party,
                    session=session.ref,
                    today=today,
                    include_confidential=include_confidential,
                    lang=lang,
                )
                kind = "docx" if fmt == "pdf" else fmt  # PDF: printed together after the loop
                document = render_document(f"letter-{party}", context.as_dict(), kind, root)
                return Rendered(file_name(case.id, party, fmt), document, context.warnings, context)

            batch.add(render, f"{case.id} to the {party}")
    if fmt == "pdf":
        batch.print_pdf()
    names = [item.name for item in batch.documents]
    index = index_text(session, today, [item.source for item in batch.documents], names)
    return batch, ("index.md", index)


def parties_for(case: Case) -> list[str]:
    """Authorities and complainant always; a third party when the case names one."""
    out = ["authorities", "complainant"]
    if any(a.party == "third-party" and not a.internal for a in case.addressees):
        out.append("third-party")
    return out


def sample_contexts(party: str) -> Any:
    """For `ipu templates check`: the letter to `party` for every decision of every case."""

    def build(base: CaseBase) -> Any:
        today = dt.date.today()
        for case in base.cases():
            if not holds_own_case(case):
                continue
            for decision in case.decisions:
                if decision.session is None:
                    continue  # known only by its month: no letter conveys it
                try:
                    context = build_letter(
                        base, case, party, session=decision.session, today=today, include_confidential=True
                    )
                except IpuError:
                    continue
                yield f"{case.id} letter to the {party}, {decision.session}", context.as_dict()

    return build
