"""`ipu complaint`: record a complaint received, or a step of its examination."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli.edited import CaseArgument, DryRunOption, opt, report
from ipu_cli.cli.options import BodyOption, RootOption, TodayOption, resolve_root, resolve_today


def register(app: typer.Typer) -> None:
    app.command("complaint")(complaint)


def complaint(
    case_id: CaseArgument,
    step: Annotated[
        str,
        typer.Argument(
            metavar="STEP", help="received, pending-information, admissible, inadmissible or withdrawn."
        ),
    ],
    date: Annotated[
        str | None, opt("--date", "Date of the step (admissible: default the session's last day).")
    ] = None,
    section: Annotated[
        list[str] | None, opt("--section", "received: the complainant's section, I.1(a); repeat.")
    ] = None,
    complainant: Annotated[str | None, opt("--complainant", "received: who complained (internal).")] = None,
    note: Annotated[
        str | None, opt("--note", "What was asked, why inadmissible or withdrawn (internal).")
    ] = None,
    session: Annotated[
        str | None, opt("--session", "Session that decided: 179 or committee-179.", "N")
    ] = None,
    body: BodyOption = "committee",
    mandate: Annotated[
        str | None, opt("--mandate", "admissible: the MP(s) when the violations began: sitting or elect.")
    ] = None,
    began: Annotated[str | None, opt("--began", "admissible: when the alleged violations began.")] = None,
    allegation: Annotated[
        list[str] | None,
        opt("--allegation", "admissible: a violation code within the mandate; repeat (default: the case's)."),
    ] = None,
    no_draft: Annotated[
        bool, typer.Option("--no-draft", help="admissible: do not start the draft of the first decision.")
    ] = False,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Record a complaint received, or the next step of its examination, in its case file.

    Start the case file with 'ipu new' first. 'admissible' records the findings and starts
    the draft of the first decision with the standard admissibility paragraphs.
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
