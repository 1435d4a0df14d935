"""`ipu draft-letter`: the letters conveying a decision, as Markdown, HTML or Word."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipu_cli.cli import options
from ipu_cli.cli.options import (
    ConfidentialDocOption,
    DocCaseArgument,
    DocFormatOption,
    DocOutputOption,
    ForceOption,
    RootOption,
    TodayOption,
    choice_option,
    fail,
)
from ipu_cli.domain.communications import PARTIES

if TYPE_CHECKING:
    import datetime as dt

    from ipu_cli.documents.letters import LetterContext
    from ipu_cli.store.casebase import CaseBase

SessionOption = options.session_option(
    "Session of the decision: 179, 179th, committee-179 or governing-council-215 "
    "(default: the latest decision, whichever body adopted it)."
)


def register(app: typer.Typer) -> None:
    app.command("draft-letter")(draft_letter)


def draft_letter(
    case_id: DocCaseArgument = None,
    to: Annotated[str | None, choice_option("--to", PARTIES, "PARTY")] = None,
    session: SessionOption = None,
    body: options.BodyOption = "committee",
    fmt: DocFormatOption = None,
    lang: Annotated[
        str | None,
        options.lang_option(
            "Language of the letter: en or fr (default: the country's `language` in "
            "data/countries.yaml for the authorities, en for the others)."
        ),
    ] = None,
    output: DocOutputOption = None,
    log: Annotated[bool, typer.Option("--log", help="Record each letter as sent in the case's log.")] = False,
    confidential: ConfidentialDocOption = False,
    all_cases: Annotated[
        bool, typer.Option("--all", help="Every letter for --session into the folder -o, with an index.")
    ] = False,
    force: ForceOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Write the letter conveying a decision to one party.

    The letter to the authorities, the complainant or a third party, quoting what
    the decision asks of them. Markdown and HTML go to stdout unless -o is given.
    --log appends the letter to the case's log in the same step (see 'ipu log').
    --lang fr writes it in French (the default for the authorities of countries
    whose `language` is fr in data/countries.yaml).
    Exit 1 when no letter can be written (unknown, unreadable or confidential case,
    no decision), 2 on a usage error.
    """
    from ipu_cli.checks.pipeline import load_case_base, require_reference
    from ipu_cli.documents.environment import render_document
    from ipu_cli.documents.letters import build_letter, letters_all
    from ipu_cli.domain.sessions import deciding_body, find_session, parse_session
    from ipu_cli.domain.visibility import require_public
    from ipu_cli.queries.lookup import find_holder

    if all_cases:
        if case_id:
            fail("give a case id or --all, not both", 2)
        if session is None or output is None:
            fail("--all needs --session N and -o DIR", 2)
    elif not case_id or not to:
        fail("give a case id and --to (or --all --session N -o DIR)", 2)
    if to is not None and to not in PARTIES:
        fail(f"--to: unknown party '{to}'; choose from {', '.join(PARTIES)}", 2)
    options.check_lang(lang)
    chosen = options.document_format(output, fmt, all_cases)
    ref = parse_session(session, deciding_body(body)) if session is not None else None
    repo = options.resolve_root(root)
    day = options.resolve_today(today)
    base = load_case_base(repo)
    require_reference(base, "letter")

    if all_cases:
        assert session is not None and output is not None
        options.report_unread_files(base, "letters", refuse=True)  # a batch with a letter missing
        found = find_session(base.reference.sessions, session, body)
        batch, index = letters_all(
            base,
            found,
            chosen,
            repo,
            today=day,
            parties=[to] if to else None,
            include_confidential=confidential,
            lang=lang,
        )
        options.write_batch_and_say(output, batch, index, force, "letter")
        if log:
            for rendered in batch.documents:
                _log(repo, base, rendered.source, day)
        return
    case, redirect = find_holder(base, case_id or "", "writing the group's letter")
    if redirect:
        options.note(redirect)
    require_public(case, base, confidential)
    context = build_letter(
        base, case, to or "", session=ref, today=day, include_confidential=confidential, lang=lang
    )
    document = render_document(f"letter-{context.to}", context.as_dict(), chosen, repo)
    options.warn(context.warnings)
    options.emit_document(output, document, force)
    if log:
        _log(repo, base, context, day)


def _log(repo: Path, base: CaseBase, context: LetterContext, day: dt.date) -> None:
    from ipu_cli.edits.caselog import append_communication, letter_entry
    from ipu_cli.errors import IpuError

    entry = letter_entry(context, day)
    try:
        done = append_communication(repo, context.case_id, entry, base=base)
    except IpuError as exc:
        raise IpuError(f"letter written but not logged: {exc.message}", exc.problems) from None
    sys.stderr.write(f"ipu: logged in {done.path.relative_to(repo).as_posix()}: {entry.description}\n")
    options.warn(done.warnings)
