"""`ipu booklet`: every decision of a session in one document, with a cover and contents.

Parses options, asks `ipu_cli.documents.session_booklet` for the booklet, renders it through
the one document machinery and writes it (atomically) or prints it.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli.options import (
    BodyOption,
    ConfidentialDocOption,
    DocFormatOption,
    OneFileForceOption,
    OneFileOutputOption,
    RootOption,
    TodayOption,
    check_lang,
    document_format,
    emit_document,
    fail,
    lang_option,
    note,
    report_unread_files,
    resolve_root,
    resolve_today,
    session_option,
    warn,
)

SessionOption = session_option("Session: 179, 179th or committee-179 (required).")


def register(app: typer.Typer) -> None:
    app.command("booklet")(booklet)


def booklet(
    session: SessionOption = None,
    body: BodyOption = "committee",
    fmt: DocFormatOption = None,
    lang: Annotated[
        str,
        lang_option(
            "Language of the booklet: en or fr (case texts from the translation files).", show_default=True
        ),
    ] = "en",
    output: OneFileOutputOption = None,
    confidential: ConfidentialDocOption = False,
    force: OneFileForceOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Every decision of a session in one document.

    A cover (body, session, place and dates, the document symbol of
    data/sessions.yaml), the contents by region then country, then each decision:
    as adopted at the session when the case records it, else the draft (marked
    DRAFT). Confidential cases only with --include-confidential. Markdown goes to
    stdout unless -o is given; Word and PDF (through LibreOffice) need -o. Exit 1
    when a decision cannot be made (nothing is written), 2 on a usage error.
    """
    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.documents.environment import render_document
    from ipu_cli.documents.session_booklet import DOCUMENT, build
    from ipu_cli.domain.sessions import find_session

    if not session:
        fail("--session N is required", 2)
    check_lang(lang)
    chosen = document_format(output, fmt)
    resolve_today(today)  # a malformed --today is refused here too

    repo = resolve_root(root)
    base = load_case_base(repo)
    require_reference(base, "booklet")
    found = find_session(base.reference.sessions, session, body)
    report_unread_files(base, "booklet", refuse=True)  # a booklet with a decision missing
    made = build(base, found, chosen, repo, include_confidential=confidential, lang=lang)
    document = render_document(DOCUMENT, made.context, chosen, repo)
    for item in made.notes:
        note(item)
    warn(made.warnings)
    emit_document(output, document, force)
