"""`ipu record`: add a dated hearing, mission (trial observation, visit) or event to a case."""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.edited import DryRunOption, opt, report, session_opt
from ipu_cli.cli.options import CaseIdArgument, RootOption, TodayOption, resolve_root, resolve_today
from ipu_cli.domain.missions import KINDS as MISSION_KINDS
from ipu_cli.domain.missions import STATUSES as MISSION_STATUSES


def register(app: typer.Typer) -> None:
    app.command("record")(record)


def record(
    case_id: CaseIdArgument,
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="hearing, mission or event.",
            show_default=False,
            autocompletion=complete.values_of("ipu_cli.edits.recording", "KINDS"),
        ),
    ],
    date: Annotated[str, opt("--date", "YYYY, YYYY-MM or YYYY-MM-DD (a mission: its first day).", "DATE")],
    description: Annotated[
        str | None, opt("--description", "hearing, mission: what it was.", "DESCRIPTION")
    ] = None,
    session: Annotated[
        str | None, session_opt("hearing, mission: 179, committee-179 or assembly-146.")
    ] = None,
    mission_kind: Annotated[
        str | None,
        opt(
            "--kind",
            "mission: mission, trial-observation or visit (default mission).",
            "KIND",
            complete.choices(*MISSION_KINDS),
        ),
    ] = None,
    status: Annotated[
        str | None,
        opt(
            "--status",
            "mission: requested, agreed or carried-out (default carried-out).",
            "STATUS",
            complete.choices(*MISSION_STATUSES),
        ),
    ] = None,
    end: Annotated[str | None, opt("--end", "mission: its last day.", "DATE")] = None,
    delegation: Annotated[list[str] | None, opt("--delegation", "mission: a member; repeat.", "NAME")] = None,
    report_symbol: Annotated[
        str | None, opt("--report", "mission: report symbol, CL/202/11(b)-R.2.", "SYMBOL")
    ] = None,
    event_type: Annotated[
        str | None, opt("--type", "event: a code of data/event-types.yaml.", "CODE", complete.event_types)
    ] = None,
    text: Annotated[str | None, opt("--text", "event: what happened, in our own words.", "WORDS")] = None,
    place: Annotated[str | None, opt("--place", "event: where.", "PLACE")] = None,
    sentence: Annotated[str | None, opt("--sentence", "event: the sentence handed down.", "SENTENCE")] = None,
    mandate_link: Annotated[
        str | None,
        opt("--mandate-link", "event: how an event outside the MP's terms relates to a mandate.", "HOW"),
    ] = None,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Add a hearing, mission or event to a case, in date order.

    The record goes in date order, changing no other line of the file. Hearings and missions of a group member go in the group's file; an event goes in the
    file of the case named. Checked before it is written; all or nothing.
    """
    from ipu_cli.edits.recording import record as add_record

    repo = resolve_root(root)
    fields = {
        "date": date,
        "description": description,
        "session": session,
        "kind": mission_kind,
        "status": status,
        "end": end,
        "delegation": delegation or [],
        "report": report_symbol,
        "type": event_type,
        "text": text,
        "place": place,
        "sentence": sentence,
        "mandate_link": mandate_link,
    }
    report(add_record(repo, case_id, kind, fields, today=resolve_today(today), dry_run=dry_run))
