"""`ipu draft-letter`: the letters conveying a decision, as Markdown, HTML or Word."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .common import RootOption, TodayOption, fail, resolve_root, resolve_today


def register(app: typer.Typer) -> None:
    app.command("draft-letter")(draft_letter)


def draft_letter(
    case_id: Annotated[
        str | None, typer.Argument(help="Case id (KHM-COLL-03); omit with --all.", show_default=False)
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="authorities, complainant or third-party.", show_default=False),
    ] = None,
    session: Annotated[
        int | None,
        typer.Option(
            "--session", help="Committee session number (default: the latest decision).", show_default=False
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html or docx (default: from -o's extension, else md).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (a folder with --all).", show_default=False),
    ] = None,
    log: Annotated[bool, typer.Option("--log", help="Record each letter as sent in the case's log.")] = False,
    all_cases: Annotated[
        bool, typer.Option("--all", help="Every letter for --session into the folder -o, with an index.")
    ] = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Write the letter conveying a decision to the authorities, the complainant or a third party.

    Markdown and HTML go to stdout unless -o is given. --log appends the letter to the
    case's log in the same step (see `ipu log`). Exit 1 when no letter can be written.
    """
    from ..casebase import load_case_base
    from ..letters import PARTIES, LetterError, build_letter
    from ..render import TemplateError, format_for

    if all_cases:
        if case_id:
            fail("give a case id or --all, not both", 2)
        if session is None or output is None:
            fail("--all needs --session N and -o DIR", 2)
    elif not case_id or not to:
        fail("give a case id and --to (or --all --session N -o DIR)", 2)
    if to is not None and to not in PARTIES:
        fail(f"--to must be one of {', '.join(PARTIES)}, got '{to}'", 2)
    try:
        chosen = format_for(None if all_cases else output, fmt)
    except TemplateError as exc:
        fail(str(exc), 2)
    if chosen == "docx" and output is None:
        fail("Word output is a file: give -o FILE.docx", 2)
    repo = resolve_root(root)
    day = resolve_today(today)
    base = load_case_base(repo)

    if all_cases:
        assert session is not None and output is not None
        _all(repo, base, session, output, chosen, log, day, [to] if to else None)
        return
    case = _case(base, case_id or "")
    try:
        context = build_letter(base, case, to or "", session_number=session, today=day)
        document = _render(context, chosen, repo)
    except (LetterError, TemplateError) as exc:
        fail(str(exc))
    for warning in context.warnings:
        sys.stderr.write(f"ipu: warning: {warning}\n")
    if output is None:
        sys.stdout.write(document if isinstance(document, str) else document.decode())
    else:
        _write(output, document)
        sys.stderr.write(f"ipu: wrote {output}\n")
    if log:
        _log(repo, base, context, day)


def _case(base: Any, text: str) -> Any:
    from ..repo import normalise_id

    case = base.get(text) or base.get(normalise_id(text) or "")
    if case is None:
        fail(f"unknown case '{text}' (or its file has errors: run 'ipu validate')")
    return case


def _render(context: Any, fmt: str, repo: Path) -> str | bytes:
    from ..render import render_document

    return render_document(f"letter-{context.to}", context.as_dict(), fmt, repo)


def _write(path: Path, document: str | bytes) -> None:
    from ..atomic import write_bytes

    if path.is_dir():
        fail(f"{path} is a folder; give a file name", 2)
    if not path.parent.exists():
        fail(f"folder {path.parent} does not exist", 2)
    write_bytes(path, document.encode("utf-8") if isinstance(document, str) else document)


def _log(repo: Path, base: Any, context: Any, day: Any) -> None:
    from ..caselog import LogError, append_communication, make_entry
    from ..letters import log_description
    from ..problems import format_problems

    try:
        entry = make_entry(day.isoformat(), "to", context.to, log_description(context), today=day)
        done = append_communication(repo, context.case_id, entry, base=base)
    except LogError as exc:
        sys.stderr.write(format_problems(exc.problems, "text"))
        fail(f"letter written but not logged: {exc}")
    sys.stderr.write(f"ipu: logged in {done.path.relative_to(repo).as_posix()}: {entry.description}\n")


def _all(
    repo: Path, base: Any, session: int, folder: Path, fmt: str, log: bool, day: Any, only: list[str] | None
) -> None:
    """Every letter for the session, one file each, then index.md listing them."""
    from ..atomic import write_text
    from ..letters import LetterError, build_letter, letter_cases, parties_for
    from ..render import TemplateError

    if not folder.exists():
        folder.mkdir(parents=True)
    elif not folder.is_dir():
        fail(f"{folder} is not a folder", 2)
    cases = letter_cases(base, session)
    if not cases:
        fail(f"no active case has a decision adopted at committee-{session}")
    rows = []
    for case in cases:
        for party in only or parties_for(case):
            try:
                context = build_letter(base, case, party, session_number=session, today=day)
                document = _render(context, fmt, repo)
            except (LetterError, TemplateError) as exc:
                fail(str(exc))
            for warning in context.warnings:
                sys.stderr.write(f"ipu: warning: {warning}\n")
            name = f"{case.id}-{party}.{fmt}"
            _write(folder / name, document)
            if log:
                _log(repo, base, context, day)
            addressee = context.addressee.get("title") or f"the {party}"
            rows.append((case.id, party, addressee, name, context.confidential))
    lines = [
        f"# Letters conveying the decisions of the {context.session_number} session",
        "",
        f"Drafted {context.date}.",
        "",
        "| case | to | addressee | file |",
        "| --- | --- | --- | --- |",
    ]
    for case_id, party, addressee, name, confidential in rows:
        flag = " (CONFIDENTIAL)" if confidential else ""
        lines.append(f"| {case_id}{flag} | {party} | {addressee} | [{name}]({name}) |")
    write_text(folder / "index.md", "\n".join(lines) + "\n")
    sys.stderr.write(f"ipu: wrote {len(rows)} letters and index.md to {folder}\n")
