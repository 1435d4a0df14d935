"""`ipu draft-decision`: a decision in the house style, as Markdown, HTML or Word.

Parses options, asks `ipu_cli.documents.decision` for the content and the
document, writes it (atomically) or prints it. No business logic here.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ipu_cli.cli import complete
from ipu_cli.cli.options import (
    BodyOption,
    ConfidentialDocOption,
    DocFormatOption,
    DocOutputOption,
    ForceOption,
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
    write_batch_and_say,
)

SessionOption = session_option("Session: 180, 180th or committee-180 (required).")
CaseIdsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="CASE_ID",
        help="Case id, loose spelling or legacy id (KHM-COLL-03, CMBD/60); several cases of one "
        "country make one joint decision; omit with --all.",
        show_default=False,
        autocompletion=complete.case_ids,
    ),
]


def register(app: typer.Typer) -> None:
    app.command("draft-decision")(draft_decision)


def draft_decision(
    case_ids: CaseIdsArgument = None,
    session: SessionOption = None,
    body: BodyOption = "committee",
    fmt: DocFormatOption = None,
    lang: Annotated[
        str,
        lang_option(
            "Language of the document: en or fr (case texts from the translation files).", show_default=True
        ),
    ] = "en",
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
    today: TodayOption = None,
) -> None:
    """Draft a case's next decision, or render an adopted one.

    The decision for --session in the house style, every line of the case box
    computed from the data (--adopted: the decision as adopted at that session).
    Several cases of one country (or cases whose decision is `joint_with` others)
    make one joint decision: one case list, the box of each case, one text.
    Markdown goes to stdout unless -o is given. Missing data prints "- - -" and a
    warning on stderr. Exit 1 on an unknown, unreadable or confidential case, 2 on
    a usage error.
    """
    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.documents.decision import build, draft_all, joint_cases
    from ipu_cli.documents.environment import render_document
    from ipu_cli.domain.sessions import find_session
    from ipu_cli.queries.lookup import find_holder

    if not session:
        fail("--session N is required", 2)
    check_lang(lang)
    if all_cases and case_ids:
        fail("give a case id or --all, not both", 2)
    if not all_cases and not case_ids:
        fail("give a case id, or --all with -o DIR", 2)
    if all_cases and output is None:
        fail("--all writes one file per case: give -o DIR", 2)
    chosen = document_format(output, fmt, all_cases)
    resolve_today(today)  # a malformed --today is refused here too

    repo = resolve_root(root)
    base = load_case_base(repo)
    require_reference(base, "decision")
    found = find_session(base.reference.sessions, session, body)

    if all_cases:
        assert output is not None
        report_unread_files(base, "decisions", refuse=True)  # a batch with a decision missing
        batch, index = draft_all(
            base, found, chosen, repo, adopted=adopted, lang=lang, include_confidential=confidential
        )
        write_batch_and_say(output, batch, index, force, "decision")
        return

    named = []
    for typed in case_ids or []:
        case, redirect = find_holder(base, typed, "drafting the group's decision")
        if redirect:
            note(redirect)
        named.append(case)
    cases = joint_cases(base, named, found, adopted)
    context = build(  # refuses a confidential case unless --include-confidential
        base, cases[0], found, adopted=adopted, lang=lang, include_confidential=confidential, joint=cases[1:]
    )
    for case in cases[len({c.id for c in named}) :]:
        note(f"{case.id} is covered by the same decision (joint_with)")
    document = render_document("decision", context.as_dict(), chosen, repo)
    warn(context.warnings)
    emit_document(output, document, force)
