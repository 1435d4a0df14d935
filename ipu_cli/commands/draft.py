"""`ipu draft-decision`: a decision in the house style, as Markdown, HTML or Word.

Parses options, asks `ipu_cli.decision` for the content and `ipu_cli.render`
for the document, writes it (atomically) or prints it. No business logic here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import RootOption, fail, resolve_root


def register(app: typer.Typer) -> None:
    app.command("draft-decision")(draft_decision)


def draft_decision(
    case_id: Annotated[
        str | None, typer.Argument(help="Case id (KHM-COLL-03); omit with --all.", show_default=False)
    ] = None,
    session: Annotated[
        int, typer.Option("--session", help="Session number, e.g. 179.", show_default=False)
    ] = 0,
    body: Annotated[
        str, typer.Option("--body", help="committee or governing-council: which counter --session counts.")
    ] = "committee",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html or docx (default: from -o's extension, else md).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the document: en (fr partly).")] = "en",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (a folder with --all).", show_default=False),
    ] = None,
    adopted: Annotated[
        bool, typer.Option("--adopted", help="Render the decision adopted at this session, from the history.")
    ] = False,
    confidential: Annotated[
        bool,
        typer.Option(
            "--confidential",
            "--include-confidential",
            help="Allow confidential cases (internal use); every page says CONFIDENTIAL.",
        ),
    ] = False,
    all_cases: Annotated[
        bool, typer.Option("--all", help="Every active case on the session's agenda, into the folder -o.")
    ] = False,
    root: RootOption = None,
) -> None:
    """Draft the next decision on a case for a session (or render an adopted one with --adopted).

    Markdown goes to stdout unless -o is given. Missing data prints "- - -" and a
    warning on stderr. Exit 1 on an unknown or confidential case, 2 on a usage error.
    """
    from ..casebase import load_case_base
    from ..confidentiality import ConfidentialRefused, is_public, redact, require_public
    from ..decision import DecisionError, agenda, build, find_session
    from ..render import TemplateError, format_for, render_document
    from ..repo import normalise_id

    if not session:
        fail("--session N is required", 2)
    if body not in ("committee", "governing-council"):
        fail(f"unknown body '{body}'; choose committee or governing-council", 2)
    if all_cases and case_id:
        fail("give a case id or --all, not both", 2)
    if not all_cases and not case_id:
        fail("give a case id, or --all with -o DIR", 2)
    if all_cases and output is None:
        fail("--all writes one file per case: give -o DIR", 2)
    try:
        chosen = format_for(None if all_cases else output, fmt)
    except TemplateError as exc:
        fail(str(exc), 2)
    if chosen == "docx" and output is None:
        fail("Word output is a file: give -o FILE.docx", 2)

    repo = resolve_root(root)
    base = load_case_base(repo)
    try:
        found = find_session(base.reference, session, body)
    except DecisionError as exc:
        fail(str(exc), 2)

    def render_one(case: object) -> tuple[str | bytes, list[str]]:
        context = build(
            base,
            case if confidential else redact(case),  # type: ignore[arg-type]
            found,
            adopted=adopted,
            lang=lang,
            confidential=confidential and not is_public(case, base),  # type: ignore[arg-type]
        )
        return render_document("decision", context.as_dict(), chosen, repo), context.warnings

    if all_cases:
        _draft_all(base, found, agenda(base, found), output, chosen, confidential, render_one)  # type: ignore[arg-type]
        return

    wanted = normalise_id(case_id or "") or (case_id or "")
    case = base.get(wanted) or base.get(case_id or "")
    if case is None:
        fail(f"unknown case '{case_id}' (or its file has errors: run 'ipu validate')")
    try:
        require_public(case, base, confidential)
        document, warnings = render_one(case)
    except ConfidentialRefused as exc:
        fail(str(exc))
    except (DecisionError, TemplateError) as exc:
        fail(str(exc))
    for warning in warnings:
        sys.stderr.write(f"ipu: warning: {warning}\n")
    if output is None:
        sys.stdout.write(document if isinstance(document, str) else document.decode())
        return
    _write(output, document)
    sys.stderr.write(f"ipu: wrote {output}\n")


def _write(path: Path, document: str | bytes) -> None:
    from ..atomic import write_bytes

    if path.is_dir():
        fail(f"{path} is a folder; give a file name", 2)
    if not path.parent.exists():
        fail(f"folder {path.parent} does not exist", 2)
    write_bytes(path, document.encode("utf-8") if isinstance(document, str) else document)


def _draft_all(base, session, cases, folder: Path, fmt: str, confidential: bool, render_one) -> None:  # type: ignore[no-untyped-def]
    """One file per case on the agenda, then an index; confidential cases skipped unless allowed."""
    from ..confidentiality import is_public
    from ..decision import DecisionError
    from ..render import TemplateError
    from ..style import date_range, ordinal

    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, str, str]] = []
    failed = 0
    for case in cases:
        if not confidential and not is_public(case, base):
            sys.stderr.write(f"ipu: skipped {case.id}: confidential (use --confidential for internal use)\n")
            continue
        name = f"{case.id}-{session.ref}.{fmt}"
        try:
            document, warnings = render_one(case)
        except (DecisionError, TemplateError) as exc:
            sys.stderr.write(f"ipu: {case.id}: {exc}\n")
            failed += 1
            continue
        for warning in warnings:
            sys.stderr.write(f"ipu: warning: {warning}\n")
        _write(folder / name, document)
        written.append((case.id, base.reference.country_name(case.country), name))
    title = f"Decisions for the {ordinal(session.number)} session ({date_range(session.start, session.end)})"
    if fmt == "html":
        from markupsafe import escape

        rows = "\n".join(
            f'<li><a href="{escape(name)}">{escape(case_id)}</a> – {escape(country)}</li>'
            for case_id, country, name in written
        )
        index_name = "index.html"
        text = (
            f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{escape(title)}</title></head>\n'
            f"<body>\n<h1>{escape(title)}</h1>\n<ul>\n{rows}\n</ul>\n</body>\n</html>\n"
        )
    else:
        index_name = "index.md"
        rows = "\n".join(f"- [{case_id}]({name}) - {country}" for case_id, country, name in written)
        text = f"# {title}\n\n{rows}\n"
    _write(folder / index_name, text)
    sys.stderr.write(f"ipu: wrote {len(written)} decision(s) and {index_name} to {folder}\n")
    if failed:
        raise typer.Exit(1)
