"""`ipu new`: start a case file from the commented skeleton in templates/."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ipu_cli.cli.options import RootOption, fail, resolve_root


def register(app: typer.Typer) -> None:
    app.command("new")(new)


def _opt(name: str, text: str) -> object:
    return typer.Option(name, help=text, show_default=False)


def new(
    kind: Annotated[str, typer.Argument(metavar="individual|collective", help="Kind of case.")],
    case_id: Annotated[str, typer.Argument(metavar="ID", help="New id: KHM-200 or KHM-COLL-04.")],
    name: Annotated[str | None, _opt("--name", "Name as the decisions print it (individual).")] = None,
    sex: Annotated[str | None, _opt("--sex", "male or female (individual).")] = None,
    country: Annotated[str | None, _opt("--country", "ISO alpha-3 code (default: the id's prefix).")] = None,
    parliament: Annotated[str | None, _opt("--parliament", "e.g. 'National Assembly'.")] = None,
    mandate: Annotated[
        str | None, _opt("--mandate", "incumbent, former, elect, substitute or unknown (individual).")
    ] = None,
    affiliation: Annotated[
        str | None, _opt("--affiliation", "opposition, majority, independent, other or unknown (individual).")
    ] = None,
    party: Annotated[str | None, _opt("--party", "Political party (individual).")] = None,
    title: Annotated[str | None, _opt("--title", "Short internal title (collective).")] = None,
    alias: Annotated[list[str] | None, _opt("--alias", "Legacy id; repeat for several.")] = None,
    collective: Annotated[
        list[str] | None, _opt("--collective", "Group the MP belongs to (added to its members).")
    ] = None,
    member: Annotated[
        list[str] | None, _opt("--member", "Member of the group; repeat (each file names the group).")
    ] = None,
    root: RootOption = None,
) -> None:
    """Write a new case file that validates as written; never overwrites or reuses an id.

    The skeleton is templates/individual-case.yaml.j2 or templates/collective-case.yaml.j2.
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
    created = create_case(repo, spec)
    sys.stdout.write(f"created {display_path(created.path, repo)}\n")
    for path in created.linked:
        sys.stdout.write(f"updated {display_path(path, repo)}\n")
