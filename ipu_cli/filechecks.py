"""Checks one valid case file can be given on its own, against the reference data.

Ids against file names and folders, country codes, vocabulary codes, session
references, the order of dated lists, verbs. Cross-file checks live in
`checks.py`; both report through `problems.Problem`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .problems import ERROR, WARNING, Problem, closest
from .repo import stem_id

if TYPE_CHECKING:
    from .loader import Loaded
    from .models import CollectiveCase, IndividualCase
    from .reference import Reference

    Case = IndividualCase | CollectiveCase


def single_file_checks(path: Path, loaded: Loaded, case: Case, ref: Reference) -> list[Problem]:
    from .models import IndividualCase

    out: list[Problem] = []

    def report(loc: tuple[Any, ...], code: str, message: str, level: str = ERROR) -> None:
        out.append(loaded.problem(loc, code, message, level))

    expected = stem_id(path)
    if case.id != expected:
        report(
            ("id",),
            "id-filename",
            f"id '{case.id}' differs from the file name '{path.name}'; expected id '{expected}'",
        )
    if path.parent.name != case.country:
        report(
            ("id",),
            "wrong-folder",
            f"file is in '{path.parent.name}/'; cases of {case.country} live in 'cases/{case.country}/'",
            WARNING,
        )
    if case.id[:3] != case.country:
        report(
            ("country",),
            "country-prefix",
            f"id '{case.id}' starts with '{case.id[:3]}' but country is '{case.country}'",
        )
    if case.country not in ref.countries:
        if not _iso_country(case.country):
            report(
                ("country",),
                "unknown-country",
                f"'{case.country}' is not an ISO 3166 alpha-3 code"
                + _did_you_mean(case.country, ref.countries),
            )
        else:
            report(
                ("country",),
                "country-not-in-table",
                f"country '{case.country}' has no row in data/countries.yaml",
                WARNING,
            )

    if isinstance(case, IndividualCase):
        seen: set[str] = set()
        for index, violation in enumerate(case.violations):
            if ref.violations and violation.code not in ref.violations:
                report(
                    ("violations", index, "code"),
                    "unknown-violation",
                    f"unknown violation '{violation.code}'" + _did_you_mean(violation.code, ref.violations),
                )
            if violation.code in seen:
                report(
                    ("violations", index, "code"),
                    "duplicate-violation",
                    f"violation '{violation.code}' is listed twice",
                )
            seen.add(violation.code)
        if not case.deceased and any(e.type in ("killing", "death") for e in case.events):
            index = next(i for i, e in enumerate(case.events) if e.type in ("killing", "death"))
            report(
                ("events", index, "type"),
                "death-not-recorded",
                "the case records a death but 'deceased' is not true",
                WARNING,
            )

    for index, event in enumerate(case.events):
        if ref.event_types and event.type not in ref.event_types:
            report(
                ("events", index, "type"),
                "unknown-event-type",
                f"unknown event type '{event.type}'" + _did_you_mean(event.type, ref.event_types),
            )

    for name in ("events", "missions", "hearings", "communications"):
        items = getattr(case, name)
        for index in range(1, len(items)):
            if items[index].date.latest() < items[index - 1].date.earliest():
                report(
                    (name, index, "date"),
                    "date-order",
                    f"{name} are kept oldest first: {items[index].date} comes after {items[index - 1].date}",
                    WARNING,
                )
                break

    def check_session(loc: tuple[Any, ...], session: str | None) -> None:
        if session and ref.sessions and session not in ref.sessions:
            report(loc, "unknown-session", f"session '{session}' is not in data/sessions.yaml")

    for index, decision in enumerate(case.decisions):
        check_session(("decisions", index, "session"), decision.session)
        session = ref.sessions.get(decision.session)
        if session is not None:
            end = session.end or session.start
            if (
                decision.adopted.latest() < session.start.earliest()
                or decision.adopted.earliest() > end.latest()
            ):
                report(
                    ("decisions", index, "adopted"),
                    "decision-outside-session",
                    f"decision adopted {decision.adopted} but session {decision.session} ran {session.start} to {end}",
                    WARNING,
                )
        _check_verbs(report, ("decisions", index), decision.paragraphs, ref)
    if case.draft:
        check_session(("draft", "session"), case.draft.session)
        _check_verbs(report, ("draft",), case.draft.paragraphs, ref)
    for index, hearing in enumerate(case.hearings):
        check_session(("hearings", index, "session"), hearing.session)
    for index, session_ref in enumerate(case.agenda):
        check_session(("agenda", index), session_ref)
    return out


def _check_verbs(report: Any, loc: tuple[Any, ...], paragraphs: list[Any], ref: Reference) -> None:
    if not ref.verbs:
        return
    for index, paragraph in enumerate(paragraphs):
        if paragraph.verb not in ref.verbs:
            report(
                (*loc, "paragraphs", index, "verb"),
                "unknown-verb",
                f"operative verb '{paragraph.verb}' is not in data/verbs.yaml"
                + _did_you_mean(paragraph.verb, ref.verbs),
                WARNING,
            )


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    """The suffix `; did you mean 'X'?` naming the closest known value, so a typo points at its fix."""
    hint = closest(word, options)
    return f"; did you mean '{hint}'?" if hint else ""


def _iso_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None
