"""`ipu draft-decision`: a decision in the house style, as Markdown, HTML or Word.

Parses options, asks `ipu_cli.decision` for the content and `ipu_cli.render`
for the document, writes it (atomically) or prints it. No business logic here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipu_cli.cli.options import (
    ConfidentialDocOption,
    DocCaseArgument,
    DocFormatOption,
    DocOutputOption,
    ForceOption,
    RootOption,
    document_format,
    emit_document,
    fail,
    prepare_folder,
    resolve_root,
    say_skipped_confidential,
    session_option,
    warn,
    warn_unreadable,
    write_document,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from ipu_cli.documents.decision import Case
    from ipu_cli.domain.datafiles import Session
    from ipu_cli.store.casebase import CaseBase

SessionOption = session_option("Session number, e.g. 179 (required).")


def register(app: typer.Typer) -> None:
    app.command("draft-decision")(draft_decision)


def draft_decision(
    case_id: DocCaseArgument = None,
    session: SessionOption = None,
    body: Annotated[
        str, typer.Option("--body", help="committee or governing-council: which counter --session counts.")
    ] = "committee",
    fmt: DocFormatOption = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the document: en (fr partly).")] = "en",
    output: DocOutputOption = None,
    adopted: Annotated[
        bool, typer.Option("--adopted", help="Render the decision adopted at this session, from the history.")
    ] = False,
    confidential: ConfidentialDocOption = False,
    all_cases: Annotated[
        bool, typer.Option("--all", help="Every active case on the session's agenda, into the folder -o.")
    ] = False,
    force: ForceOption = False,
    root: RootOption = None,
) -> None:
    """Draft the next decision on a case for a session (or render an adopted one with --adopted).

    Markdown goes to stdout unless -o is given. Missing data prints "- - -" and a
    warning on stderr. Exit 1 on an unknown, unreadable or confidential case, 2 on a usage error.
    """
    from ipu_cli.checks.pipeline import load_case_base
    from ipu_cli.documents.decision import LANGS, DecisionError, agenda, draft, find_session
    from ipu_cli.documents.environment import TemplateError, render_document
    from ipu_cli.domain.visibility import ConfidentialRefused, require_public
    from ipu_cli.queries.lookup import CaseNotFound, find_case

    if not session:
        fail("--session N is required", 2)
    if body not in ("committee", "governing-council"):
        fail(f"unknown body '{body}'; choose committee or governing-council", 2)
    if lang not in LANGS:
        fail(f"unknown language '{lang}'; choose from {', '.join(LANGS)}", 2)
    if all_cases and case_id:
        fail("give a case id or --all, not both", 2)
    if not all_cases and not case_id:
        fail("give a case id, or --all with -o DIR", 2)
    if all_cases and output is None:
        fail("--all writes one file per case: give -o DIR", 2)
    chosen = document_format(output, fmt, all_cases)

    repo = resolve_root(root)
    base = load_case_base(repo)
    try:
        found = find_session(base.reference, session, body)
    except DecisionError as exc:
        fail(str(exc), 2)

    def render_one(case: Case) -> tuple[str | bytes, list[str]]:
        context = draft(base, case, found, adopted=adopted, lang=lang, allow_confidential=confidential)
        return render_document("decision", context.as_dict(), chosen, repo), context.warnings

    if all_cases:
        assert output is not None
        warn_unreadable(base)
        _draft_all(base, found, agenda(base, found), output, chosen, confidential, force, render_one)
        return

    try:
        case = find_case(base, case_id or "")
        require_public(case, base, confidential)
        document, warnings = render_one(case)
    except (CaseNotFound, ConfidentialRefused, DecisionError, TemplateError) as exc:
        fail(str(exc))
    warn(warnings)
    emit_document(output, document)


def _draft_all(
    base: CaseBase,
    session: Session,
    cases: list[Case],
    folder: Path,
    fmt: str,
    confidential: bool,
    force: bool,
    render_one: Callable[[Case], tuple[str | bytes, list[str]]],
) -> None:
    """One file per case on the agenda, then an index; confidential cases skipped unless allowed.

    Every document is rendered before any is written: one failure writes nothing.
    """
    from ipu_cli.documents.decision import DecisionError, file_name, index_document
    from ipu_cli.documents.environment import TemplateError
    from ipu_cli.domain.visibility import is_public

    documents: list[tuple[str, str | bytes]] = []
    written: list[tuple[str, str, str]] = []
    failures: list[str] = []
    for case in cases:
        if not confidential and not is_public(case, base):
            say_skipped_confidential(case.id)
            continue
        name = file_name(case.id, session, fmt)
        try:
            document, warnings = render_one(case)
        except (DecisionError, TemplateError) as exc:
            failures.append(f"{case.id}: {exc}")
            continue
        warn(warnings)
        documents.append((name, document))
        written.append((case.id, base.reference.country_name(case.country), name))
    if failures:
        for failure in failures:
            sys.stderr.write(f"ipu: {failure}\n")
        fail(f"{len(failures)} decision(s) could not be drafted; nothing written")
    index_name, text = index_document(session, written, fmt)
    prepare_folder(folder, [name for name, _ in documents] + [index_name], force)
    for name, document in documents:
        write_document(folder / name, document)
    write_document(folder / index_name, text)
    sys.stderr.write(f"ipu: wrote {len(written)} decision(s) and {index_name} to {folder}\n")
