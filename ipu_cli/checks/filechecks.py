"""Checks one valid case file can be given on its own, against the reference data.

Ids against file names and folders, country codes, vocabulary codes, session
references, the order of dated lists, verbs. Cross-file checks live in
`checks.py`; both report through `problems.Problem`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.checks.lifecycle import lifecycle_checks, unknown_code, unknown_session
from ipu_cli.checks.problems import Problem
from ipu_cli.domain.dated import out_of_order
from ipu_cli.domain.ids import is_collective_id
from ipu_cli.domain.suggest import did_you_mean
from ipu_cli.store.paths import stem_id

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.store.refdata import Reference
    from ipu_cli.store.yamlload import Loaded

    Case = IndividualCase | CollectiveCase


def single_file_checks(path: Path, loaded: Loaded, case: Case, ref: Reference) -> list[Problem]:
    from ipu_cli.domain.cases import IndividualCase

    out: list[Problem] = []

    def report(loc: tuple[Any, ...], code: str, message: str) -> None:
        out.append(Problem.at(loaded, loc, code, message))

    known = partial(unknown_code, report)
    check_session = partial(unknown_session, report, ref=ref)

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
                + did_you_mean(case.country, ref.countries),
            )
        elif ref.countries:  # an empty table is a broken data/countries.yaml: reported once, there
            report(
                ("country",),
                "country-not-in-table",
                f"country '{case.country}' has no row in data/countries.yaml",
            )

    def once(name: str, values: list[str], what: str, code: str) -> None:
        """Each value of a list of ids once: a repeated member would be counted twice."""
        seen: set[str] = set()
        for index, value in enumerate(values):
            if value in seen:
                report((name, index), code, f"{what} '{value}' is listed twice")
            seen.add(value)

    once("aliases", case.aliases, "legacy id", "duplicate-alias")
    if isinstance(case, IndividualCase):
        once("collectives", case.collectives, "group", "duplicate-member")
    else:
        once("members", case.members, "member", "duplicate-member")

    if isinstance(case, IndividualCase):
        seen: set[str] = set()
        for index, violation in enumerate(case.violations):
            known(("violations", index, "code"), "violation", violation.code, ref.violations)
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
            )

    for index, event in enumerate(case.events):
        known(("events", index, "type"), "event type", event.type, ref.event_types)

    for loc, message in out_of_order(case):
        report(loc, "date-order", message)

    for index, decision in enumerate(case.decisions):
        check_session(("decisions", index, "session"), decision.session)
        session = ref.sessions.get(decision.session) if decision.session else None
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
                )
        _check_verbs(report, ("decisions", index), decision.paragraphs, ref)
        for position, code in enumerate(decision.checklist or []):
            known(("decisions", index, "checklist", position), "violation", code, ref.violations)
    if case.draft:
        check_session(("draft", "session"), case.draft.session)
        _check_verbs(report, ("draft",), case.draft.paragraphs, ref)
        for position, code in enumerate(case.draft.checklist or []):
            known(("draft", "checklist", position), "violation", code, ref.violations)
    for index, hearing in enumerate(case.hearings):
        check_session(("hearings", index, "session"), hearing.session)
    for index, session_ref in enumerate(case.agenda):
        check_session(("agenda", index), session_ref)
    if isinstance(case, IndividualCase):
        for index, published in enumerate(case.published_names):
            check_session(("published_names", index, "until"), published.until)
    else:
        _check_membership(report, check_session, case, ref)
    out.extend(lifecycle_checks(loaded, case, ref))
    return out


def _check_membership(report: Any, check_session: Any, case: Any, ref: Reference) -> None:
    """Each membership entry names a member, once; its sessions are known and in order."""
    seen: set[str] = set()
    for index, entry in enumerate(case.membership):
        if entry.member not in case.members:
            report(
                ("membership", index, "member"),
                "membership-not-member",
                f"'{entry.member}' is not among the members of {case.id}"
                + did_you_mean(entry.member, case.members),
            )
        elif entry.member in seen:
            report(
                ("membership", index, "member"),
                "membership-not-member",
                f"'{entry.member}' has two membership entries; keep one (joined and left)",
            )
        seen.add(entry.member)
        if entry.moved_to is not None and (
            entry.moved_to == case.id
            or (entry.moved_to != entry.member and not is_collective_id(entry.moved_to))
        ):
            report(
                ("membership", index, "moved_to"),
                "membership-moved-to",
                f"moved_to '{entry.moved_to}': {entry.member} moves to their own case ({entry.member}) or "
                f"to another group, not to {'this group' if entry.moved_to == case.id else 'another MP'}",
            )
        for name in ("joined", "left"):
            check_session(("membership", index, name), getattr(entry, name))
        joined = ref.sessions.get(entry.joined) if entry.joined else None
        left = ref.sessions.get(entry.left) if entry.left else None
        if joined is not None and left is not None and left.start.earliest() <= joined.start.earliest():
            report(
                ("membership", index, "left"),
                "membership-order",
                f"{entry.member} leaves at {entry.left} ({left.start}), not after joining at "
                f"{entry.joined} ({joined.start})",
            )


def _check_verbs(report: Any, loc: tuple[Any, ...], paragraphs: list[Any], ref: Reference) -> None:
    if not ref.verbs:
        return
    for index, paragraph in enumerate(paragraphs):
        if paragraph.verb not in ref.verbs:
            report(
                (*loc, "paragraphs", index, "verb"),
                "unknown-verb",
                f"operative verb '{paragraph.verb}' is not in data/verbs.yaml"
                + did_you_mean(paragraph.verb, ref.verbs),
            )


def _iso_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None
