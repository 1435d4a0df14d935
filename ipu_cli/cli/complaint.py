"""`ipu complaint`: record a complaint received, or a step of its examination."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.edited import DryRunOption, opt, report, session_opt
from ipu_cli.cli.options import (
    BodyOption,
    CaseIdArgument,
    RootOption,
    TodayOption,
    choice_option,
    resolve_root,
    resolve_today,
)
from ipu_cli.domain.choices import FINDING_MANDATES
from ipu_cli.domain.complaints import STATUSES

SECTIONS = tuple(f"I.1({letter})" for letter in "abcdef")
"""The complainant categories of section I.1 of the Committee Procedure (for completion)."""


def register(app: typer.Typer) -> None:
    app.command("complaint")(complaint)


def complaint(
    case_id: CaseIdArgument,
    step: Annotated[
        str,
        typer.Argument(
            metavar="STEP",
            help="received, pending-information, admissible, inadmissible or withdrawn.",
            show_default=False,
            autocompletion=complete.choices(*STATUSES),
        ),
    ],
    date: Annotated[
        str | None, opt("--date", "Date of the step (admissible: default the session's last day).", "DATE")
    ] = None,
    section: Annotated[
        list[str] | None,
        opt(
            "--section",
            "received: the complainant's section, I.1(a); repeat.",
            "SECTION",
            complete.choices(*SECTIONS),
        ),
    ] = None,
    complainant: Annotated[
        str | None, opt("--complainant", "received: who complained (internal).", "NAME")
    ] = None,
    note: Annotated[
        str | None, opt("--note", "What was asked, why inadmissible or withdrawn (internal).", "NOTE")
    ] = None,
    session: Annotated[str | None, session_opt("Session that decided: 179, 179th or committee-179.")] = None,
    body: BodyOption = "committee",
    mandate: Annotated[
        str | None,
        choice_option("--mandate", FINDING_MANDATES, "MANDATE", "(admissible: the MP(s) when it began)"),
    ] = None,
    began: Annotated[
        str | None, opt("--began", "admissible: when the alleged violations began.", "DATE")
    ] = None,
    allegation: Annotated[
        list[str] | None,
        opt(
            "--allegation",
            "admissible: a violation code within the mandate; repeat (default: the case's).",
            "CODE",
            complete.violations,
        ),
    ] = None,
    no_draft: Annotated[
        bool, typer.Option("--no-draft", help="admissible: do not start the draft of the first decision.")
    ] = False,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Record a complaint received or a step of its examination.

    The step goes in the case file's complaint. Start the case file with 'ipu
    new' first. 'admissible' records the findings and starts the draft of the
    first decision with the standard admissibility paragraphs.
    """
    from ipu_cli.edits.examination import Step, record_step

    repo = resolve_root(root)
    request = Step(
        step,
        date,
        sections=section or [],
        complainant=complainant,
        note=note,
        session=session,
        body=body,
        mandate=mandate,
        began=began,
        allegations=allegation or [],
        draft=not no_draft,
    )
    report(record_step(repo, case_id, request, today=resolve_today(today), dry_run=dry_run))
