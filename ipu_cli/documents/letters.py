"""Follow-up letters conveying a decision: the context the letter templates print.

After each session the Secretary General conveys every decision to the
parliamentary authorities, the complainant and third parties. The wording
lives in `templates/letter-<party>.{md,html}.j2` (the secretariat edits it);
this module gathers the values: addressee, reference line, the decision and
its session, what the decision asks of the authorities (`ipu_cli.asks`,
quoted as adopted), the decision's paragraphs as the enclosure.

A letter is built from `confidentiality.redact(case)`: internal log entries,
internal addressees and the complainant's name never reach a letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, get_args

from ipu_cli.documents import style
from ipu_cli.domain.asks import asks_of
from ipu_cli.domain.cases import Party
from ipu_cli.domain.ids import id_key
from ipu_cli.errors import IpuError

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, Communication, Decision, IndividualCase
    from ipu_cli.store.casebase import CaseBase

    Case = IndividualCase | CollectiveCase

PARTIES = get_args(Party)
GENERIC_SALUTATION = "Dear Sir or Madam,"


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
    addressee: dict[str, Any]
    salutation: str
    session: str
    session_number: str
    session_place_dates: str
    decision_header: str
    asks: list[str]
    next_session: str | None
    enclosure: list[dict[str, Any]]
    confidential: bool
    draft: bool = False
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("warnings")
        return data


def decision_for(case: Case, session_number: int | None) -> Decision:
    """The decision adopted at committee session N, or the latest one."""
    if not case.decisions:
        raise LetterError(f"{case.id} has no decision to convey")
    if session_number is None:
        return case.decisions[-1]
    ref = f"committee-{session_number}"
    found = [d for d in case.decisions if d.session == ref]
    if not found:
        held = ", ".join(d.session for d in case.decisions)
        raise LetterError(f"{case.id} has no decision adopted at {ref} (decisions: {held})")
    return found[-1]


def letter_case(base: CaseBase, case: Case) -> Case:
    """Letters go out on the case that holds the decisions: a member's group."""
    collectives = getattr(case, "collectives", [])
    if collectives:
        raise LetterError(
            f"{case.id} is examined within {style.join_list(collectives)}; write the group's letters"
        )
    return case


def _subject(base: CaseBase, case: Case, country: str) -> str:
    members = base.members(case) if hasattr(case, "members") else []  # type: ignore[arg-type]
    if hasattr(case, "members"):
        count = len(members) or len(case.members)  # type: ignore[union-attr]
        former = "former " if members and all(m.mandate == "former" for m in members) else ""
        return f"{style.number_words(count)} {former}parliamentarians of {country}"
    title = style.honorific(case.sex)  # type: ignore[union-attr]
    return f"{title} {case.name}, member of the {case.parliament} of {country}"  # type: ignore[union-attr]


def build_letter(
    base: CaseBase,
    case: Case,
    to: str,
    *,
    session_number: int | None = None,
    today: dt.date,
) -> LetterContext:
    """The context of the letter to `to` conveying the decision of `session_number` (default latest)."""
    from ipu_cli.documents.decision import header
    from ipu_cli.domain.visibility import is_public, redact

    if to not in PARTIES:
        raise LetterError(f"--to must be one of {', '.join(PARTIES)}, got '{to}'")
    case = letter_case(base, case)
    confidential = not is_public(case, base)
    case = redact(case)
    decision = decision_for(case, session_number)
    ref = base.reference
    session = ref.session(decision.session)
    if session is None:
        raise LetterError(f"session {decision.session} is not in data/sessions.yaml")
    warnings: list[str] = []
    country = ref.country_name(case.country)

    addressees = [a for a in case.addressees if a.party == to]
    if addressees:
        chosen = addressees[0]
        addressee = {
            "title": chosen.title,
            "name": chosen.name,
            "institution": chosen.institution,
            "address": list(chosen.address),
        }
        salutation = chosen.salutation or GENERIC_SALUTATION
    else:
        addressee = {"title": None, "name": None, "institution": None, "address": []}
        salutation = GENERIC_SALUTATION
        warnings.append(
            f"{case.id}: no addressee for the {to} in the case file; the letter opens '{salutation}'"
        )

    asks = [ask.quoted() for ask in asks_of(decision, base.reference.ask_verbs)]
    if not decision.paragraphs:
        warnings.append(f"{case.id}: the text of the decision adopted at {decision.session} is not held")
    enclosure = []
    for number, paragraph in enumerate(decision.paragraphs, start=1):
        items = [{"letter": f"({chr(ord('a') + i)})", "text": t} for i, t in enumerate(paragraph.items)]
        enclosure.append(
            {
                "number": number,
                "verb": paragraph.verb,
                "text": " ".join(paragraph.text.split()),
                "items": items,
            }
        )
    later = sorted(
        (s for s in ref.sessions.values() if s.body == "committee" and s.start > session.start),
        key=lambda s: s.start,
    )
    next_session = f"{style.ordinal(later[0].number)} session" if later else None
    number = style.ordinal(session.number)
    where = style.date_range(session.start, session.end)
    where = f"{session.place}, {where}" if session.place else where
    return LetterContext(
        to=to,
        case_id=case.id,
        country=country,
        subject=_subject(base, case, country),
        reference=f"Ref.: {case.id} – {country} – {number} session of the Committee on the Human Rights of Parliamentarians",
        date=style.full_date(today),
        addressee=addressee,
        salutation=salutation,
        session=session.ref,
        session_number=number,
        session_place_dates=where,
        decision_header=header(session, "en", decision.mode),
        asks=asks,
        next_session=next_session,
        enclosure=enclosure,
        confidential=confidential,
        warnings=warnings,
    )


def log_description(context: LetterContext) -> str:
    """How the letter is recorded in the log: 'Letter to the Secretary General of the National Assembly'."""
    title = context.addressee.get("title")
    if title:
        return f"Letter to the {title}"
    return f"Letter conveying the decision of the {context.session_number} session"


def log_entry(context: LetterContext, day: dt.date) -> Communication:
    """The log entry recording a letter as sent on `day` (`draft-letter --log`); raises LogError."""
    from ipu_cli.edits.caselog import make_entry

    return make_entry(day.isoformat(), "to", context.to, log_description(context), today=day)


def file_name(case_id: str, party: str, fmt: str) -> str:
    """The file of one letter in a `--all` folder: `KHM-COLL-03-authorities.md`."""
    return f"{case_id}-{party}.{fmt}"


def index_text(session_number: int, day: dt.date, letters: list[LetterContext], names: list[str]) -> str:
    """index.md of a `--all` folder: one row per letter, confidential ones flagged.

    The officer sending the batch works from this table, so each row names the
    addressee (or the party, when the case names no addressee) and links the file.
    """
    lines = [
        f"# Letters conveying the decisions of the {style.ordinal(session_number)} session",
        "",
        f"Drafted {style.full_date(day)}.",
        "",
        "| case | to | addressee | file |",
        "| --- | --- | --- | --- |",
    ]
    for context, name in zip(letters, names, strict=True):
        flag = " (CONFIDENTIAL)" if context.confidential else ""
        addressee = context.addressee.get("title") or f"the {context.to}"
        lines.append(f"| {context.case_id}{flag} | {context.to} | {addressee} | [{name}]({name}) |")
    return "\n".join(lines) + "\n"


def letter_cases(base: CaseBase, session_number: int) -> list[Case]:
    """Every active case with a decision adopted at committee session N, in id order."""
    ref = f"committee-{session_number}"
    found = [
        c
        for c in base.cases()
        if c.status.state == "active"
        and not getattr(c, "collectives", [])
        and any(d.session == ref for d in c.decisions)
    ]
    return sorted(found, key=lambda c: id_key(c.id))


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
            if getattr(case, "collectives", []):
                continue
            for decision in case.decisions:
                number = (
                    int(decision.session.rsplit("-", 1)[1])
                    if decision.session.startswith("committee-")
                    else None
                )
                if number is None:
                    continue
                try:
                    context = build_letter(base, case, party, session_number=number, today=today)
                except LetterError:
                    continue
                yield f"{case.id} letter to the {party}, {decision.session}", context.as_dict()

    return build
