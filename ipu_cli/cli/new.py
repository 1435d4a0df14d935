"""`ipu new`: start a case file from the commented skeleton in templates/."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.options import RootOption, TodayOption, choice_option, fail, resolve_root, resolve_today
from ipu_cli.domain.choices import AFFILIATIONS, MANDATES, SEXES


def register(app: typer.Typer) -> None:
    app.command("new")(new)


def _opt(name: str, text: str, metavar: str, autocompletion: Callable[..., Any] | None = None) -> object:
    return typer.Option(name, help=text, metavar=metavar, show_default=False, autocompletion=autocompletion)


def new(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="individual or collective.",
            autocompletion=complete.values_of("ipu_cli.edits.newcase", "KINDS"),
        ),
    ],
    case_id: Annotated[
        str, typer.Argument(metavar="CASE_ID", help="The new case's id: KHM-200 or KHM-COLL-04.")
    ],
    name: Annotated[
        str | None, _opt("--name", "Name as the decisions print it (individual).", "NAME")
    ] = None,
    sex: Annotated[str | None, choice_option("--sex", SEXES, "SEX", "(individual)")] = None,
    country: Annotated[
        str | None,
        _opt("--country", "ISO alpha-3 code (default: the id's prefix).", "CODE", complete.countries),
    ] = None,
    parliament: Annotated[str | None, _opt("--parliament", "e.g. 'National Assembly'.", "NAME")] = None,
    mandate: Annotated[str | None, choice_option("--mandate", MANDATES, "MANDATE", "(individual)")] = None,
    affiliation: Annotated[
        str | None, choice_option("--affiliation", AFFILIATIONS, "AFFILIATION", "(individual)")
    ] = None,
    party: Annotated[str | None, _opt("--party", "Political party (individual).", "NAME")] = None,
    title: Annotated[str | None, _opt("--title", "Short internal title (collective).", "TITLE")] = None,
    alias: Annotated[list[str] | None, _opt("--alias", "Legacy id; repeat for several.", "ID")] = None,
    collective: Annotated[
        list[str] | None,
        _opt(
            "--collective",
            "Group the MP belongs to (added to its members); repeatable.",
            "CASE_ID",
            complete.group_ids,
        ),
    ] = None,
    member: Annotated[
        list[str] | None,
        _opt(
            "--member",
            "Member of the group; repeat for several (each file names the group).",
            "CASE_ID",
            complete.case_ids,
        ),
    ] = None,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Start a new case file that validates as written.

    The skeleton is templates/individual-case.yaml.j2 or
    templates/collective-case.yaml.j2. An existing file or id is never
    overwritten or reused.
    """
    from ipu_cli.edits.newcase import KINDS, NewCase, create_case, missing_options
    from ipu_cli.store.paths import display_path

    if kind not in KINDS:
        fail(f"kind must be individual or collective, got '{kind}'", 2)
    spec = NewCase(
        kind,
        case_id,
        name=name,
        sex=sex,
        country=country,
        parliament=parliament,
        mandate=mandate,
        affiliation=affiliation,
        party=party,
        title=title,
        aliases=alias or [],
        collectives=collective or [],
        members=member or [],
    )
    missing = missing_options(spec)
    if missing:
        fail(f"a new {kind} case needs {', '.join(missing)}", 2)
    repo = resolve_root(root)
    resolve_today(today)  # a malformed --today is refused here too
    created = create_case(repo, spec)
    sys.stdout.write(f"created {display_path(created.path, repo)}\n")
    for path in created.linked:
        sys.stdout.write(f"updated {display_path(path, repo)}\n")
