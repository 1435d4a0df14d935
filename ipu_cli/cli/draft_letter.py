"""`ipu draft-letter`: the letters conveying a decision, as Markdown, HTML or Word."""

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
    TodayOption,
    document_format,
    emit_document,
    fail,
    prepare_folder,
    resolve_root,
    resolve_today,
    say_skipped_confidential,
    session_option,
    warn,
    warn_unreadable,
    write_document,
)

if TYPE_CHECKING:
    import datetime as dt

    from ipu_cli.documents.letters import LetterContext
    from ipu_cli.store.casebase import CaseBase

SessionOption = session_option("Committee session number (default: the case's latest decision).")


def register(app: typer.Typer) -> None:
    app.command("draft-letter")(draft_letter)


def draft_letter(
    case_id: DocCaseArgument = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="authorities, complainant or third-party.", show_default=False),
    ] = None,
    session: SessionOption = None,
    fmt: DocFormatOption = None,
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
    """Write the letter conveying a decision to the authorities, the complainant or a third party.

    Markdown and HTML go to stdout unless -o is given. --log appends the letter to the
    case's log in the same step (see `ipu log`). Exit 1 when no letter can be written
    (unknown, unreadable or confidential case, no decision), 2 on a usage error.
    """
    from ipu_cli.checks.pipeline import load_case_base
    from ipu_cli.documents.environment import TemplateError
    from ipu_cli.documents.letters import PARTIES, LetterError, build_letter
    from ipu_cli.domain.visibility import ConfidentialRefused, require_public
    from ipu_cli.queries.lookup import CaseNotFound, find_case

    if all_cases:
        if case_id:
            fail("give a case id or --all, not both", 2)
        if session is None or output is None:
            fail("--all needs --session N and -o DIR", 2)
    elif not case_id or not to:
        fail("give a case id and --to (or --all --session N -o DIR)", 2)
    if to is not None and to not in PARTIES:
        fail(f"--to must be one of {', '.join(PARTIES)}, got '{to}'", 2)
    chosen = document_format(output, fmt, all_cases)
    repo = resolve_root(root)
    day = resolve_today(today)
    base = load_case_base(repo)

    if all_cases:
        assert session is not None and output is not None
        warn_unreadable(base)
        _all(repo, base, session, output, chosen, log, day, [to] if to else None, confidential, force)
        return
    try:
        case = find_case(base, case_id or "")
        require_public(case, base, confidential)
        context = build_letter(base, case, to or "", session_number=session, today=day)
        document = _render(context, chosen, repo)
    except (CaseNotFound, ConfidentialRefused, LetterError, TemplateError) as exc:
        fail(str(exc))
    warn(context.warnings)
    emit_document(output, document)
    if log:
        _log(repo, base, context, day)


def _render(context: LetterContext, fmt: str, repo: Path) -> str | bytes:
    from ipu_cli.documents.environment import render_document

    return render_document(f"letter-{context.to}", context.as_dict(), fmt, repo)


def _log(repo: Path, base: CaseBase, context: LetterContext, day: dt.date) -> None:
    from ipu_cli.checks.problems import format_problems
    from ipu_cli.documents.letters import log_entry
    from ipu_cli.edits.caselog import LogError, append_communication

    try:
        entry = log_entry(context, day)
        done = append_communication(repo, context.case_id, entry, base=base)
    except LogError as exc:
        sys.stderr.write(format_problems(exc.problems, "text"))
        fail(f"letter written but not logged: {exc}")
    sys.stderr.write(f"ipu: logged in {done.path.relative_to(repo).as_posix()}: {entry.description}\n")


def _all(
    repo: Path,
    base: CaseBase,
    session: int,
    folder: Path,
    fmt: str,
    log: bool,
    day: dt.date,
    only: list[str] | None,
    confidential: bool,
    force: bool,
) -> None:
    """Every letter for the session, one file each, then index.md listing them.

    Every letter is rendered before any is written: one failure writes nothing.
    """
    from ipu_cli.documents.environment import TemplateError
    from ipu_cli.documents.letters import (
        LetterError,
        build_letter,
        file_name,
        index_text,
        letter_cases,
        parties_for,
    )
    from ipu_cli.domain.visibility import is_public

    cases = letter_cases(base, session)
    if not cases:
        fail(f"no active case has a decision adopted at committee-{session}")
    documents: list[tuple[str, str | bytes, LetterContext]] = []
    for case in cases:
        if not confidential and not is_public(case, base):
            say_skipped_confidential(case.id)
            continue
        for party in only or parties_for(case):
            try:
                context = build_letter(base, case, party, session_number=session, today=day)
                document = _render(context, fmt, repo)
            except (LetterError, TemplateError) as exc:
                fail(f"{exc}; nothing written")
            warn(context.warnings)
            documents.append((file_name(case.id, party, fmt), document, context))
    names = [name for name, _, _ in documents]
    index = index_text(session, day, [context for _, _, context in documents], names)
    prepare_folder(folder, [*names, "index.md"], force)
    for name, document, context in documents:
        write_document(folder / name, document)
        if log:
            _log(repo, base, context, day)
    write_document(folder / "index.md", index)
    sys.stderr.write(f"ipu: wrote {len(documents)} letters and index.md to {folder}\n")
