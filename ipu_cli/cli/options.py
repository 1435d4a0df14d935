"""Options and helpers shared by every command: --root, --today, errors."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ipu_cli.cli import complete
from ipu_cli.documents.environment import FORMATS as DOCUMENT_FORMATS
from ipu_cli.domain.sessions import DECIDING
from ipu_cli.errors import IpuError
from ipu_cli.queries.rows import ROW_FORMATS

if TYPE_CHECKING:
    from ipu_cli.documents.batch import Batch
    from ipu_cli.store.casebase import CaseBase

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        metavar="DIR",
        help="Case repository (default: $IPU_ROOT, else the nearest folder above holding cases/).",
        show_default=False,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        help="Act as if today were DATE (YYYY-MM-DD); default $IPU_TODAY, else today.",
        show_default=False,
    ),
]
CaseIdArgument = Annotated[
    str,
    typer.Argument(
        metavar="CASE_ID",
        help="Case id (KHM-60, KHM-COLL-03), a loose spelling (khm60) or a legacy id (CMBD/60).",
        show_default=False,
        autocompletion=complete.case_ids,
    ),
]


def fail(message: str, code: int = 1) -> NoReturn:
    """Stop the command: `ipu_cli.entry` prints `ipu: message` on stderr and exits with `code`."""
    raise IpuError(message, exit_code=code)


def format_of_output(fmt: str | None, output: Path | None, extensions: dict[str, str], default: str) -> str:
    """The format to write: `--format` when given, else the one -o's extension names (`extensions`:
    ".svg" -> "svg"), else `default`. A --format that another known extension contradicts is a
    usage error: a file called figures.svg that holds a text table, or a JSON export called
    base.db, would mislead whoever opens it."""
    implied = extensions.get(output.suffix.lower()) if output is not None else None
    if fmt is not None and implied is not None and implied != fmt:
        fail(f"--format {fmt} conflicts with the extension of {output} ({implied})", 2)
    return fmt or implied or default


def resolve_root(root: Path | str | None) -> Path:
    """The case repository (--root, $IPU_ROOT or the nearest folder above); exit 2 if none."""
    from ipu_cli.store.paths import find_root

    return find_root(override=root)


def resolve_today(value: str | None) -> dt.date:
    """--today, else $IPU_TODAY, else the system date; exit 2 on a malformed date."""
    from ipu_cli.cli.today import resolve_today as today_from

    return today_from(value)


def parse_day(text: str, option: str) -> dt.date:
    """A YYYY-MM-DD option value, or exit 2 naming the option."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"invalid date for {option}: {text!r} (expected YYYY-MM-DD)", 2)


def parse_count(text: str | None, option: str, least: int = 0) -> int | None:
    """A whole-number option value (at least `least`), or exit 2 naming the option."""
    if text is None:
        return None
    value = text.strip()
    if not value.isdigit():
        fail(f"{option}: expected a whole number, got '{text}'", 2)
    if int(value) < least:
        fail(f"{option} must be {least} or more, got {int(value)}", 2)
    return int(value)


def format_option(formats: tuple[str, ...], text: str | None = None) -> object:
    """`--format/-f FORMAT`, completing `formats`; the help lists them unless `text` is given."""
    names = ", ".join(formats[:-1]) + f" or {formats[-1]}"
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=text or f"{names[:1].upper()}{names[1:]}.",
        autocompletion=complete.choices(*formats),
    )


def choice_option(name: str, values: Sequence[str], metavar: str, note: str = "", **extra: Any) -> Any:
    """`--name METAVAR` taking one of `values`: the help lists them from the tuple the command
    checks ("male or female."), so the two cannot drift apart; completion offers them."""
    from ipu_cli.domain.words import join_list

    text = join_list(values, conjunction="or") + (f" {note}" if note else "") + "."
    extra.setdefault("show_default", False)
    return typer.Option(name, metavar=metavar, help=text, autocompletion=complete.choices(*values), **extra)


def lang_option(text: str, values: Sequence[str] | None = None, **extra: Any) -> Any:
    """`--lang LANG`: the language of a document (`values`: the languages it may be; default all of
    domain/labels.LANGS), with completion of them."""
    from ipu_cli.domain.labels import LANGS

    extra.setdefault("show_default", False)
    return typer.Option(
        "--lang", metavar="LANG", help=text, autocompletion=complete.choices(*(values or LANGS)), **extra
    )


def check_lang(lang: str | None, values: Sequence[str] | None = None) -> None:
    """Refuse a language the command cannot write (`values`: default domain/labels.LANGS) with
    exit 2; None (the command chooses) passes."""
    from ipu_cli.domain.labels import LANGS

    allowed = values or LANGS
    if lang is not None and lang not in allowed:
        fail(f"unknown language '{lang}'; choose from {', '.join(allowed)}", 2)


RowFormatOption = Annotated[str, format_option(ROW_FORMATS)]
IncludeConfidentialOption = Annotated[
    bool,
    typer.Option(
        "--include-confidential",
        help="Include confidential cases and internal fields (internal use only; the output says so).",
    ),
]


def check_row_format(fmt: str) -> str:
    """Refuse an unknown row format with exit 2."""
    if fmt not in ROW_FORMATS:
        fail(f"unknown format '{fmt}'; choose from {', '.join(ROW_FORMATS)}", 2)
    return fmt


# --- options and file handling shared by the document commands (draft-decision, draft-letter) ---


def session_option(text: str) -> object:
    """`--session N`, with the command's own help text (180, 180th or committee-180)."""
    return Annotated[
        str | None,
        typer.Option(
            "--session", help=text, show_default=False, metavar="N", autocompletion=complete.sessions
        ),
    ]


def body_option(counted: str = "--session") -> Any:
    """`--body`, saying which option's session number it qualifies."""
    return choice_option("--body", DECIDING, "BODY", f"(which counter {counted} counts)", show_default=True)


BodyOption = Annotated[str, body_option()]
DocCaseArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="CASE_ID",
        help="Case id, loose spelling or legacy id (KHM-COLL-03, CMBD/60); omit with --all.",
        show_default=False,
        autocompletion=complete.case_ids,
    ),
]
DocFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="md, html, docx or pdf (default: from -o's extension, else md).",
        show_default=False,
        autocompletion=complete.choices(*DOCUMENT_FORMATS),
    ),
]
DocOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="File to write (a folder with --all).", show_default=False
    ),
]
ConfidentialDocOption = Annotated[
    bool,
    typer.Option(
        "--include-confidential",
        "--confidential",
        help="Allow confidential cases (internal use only); every page says CONFIDENTIAL.",
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help="Replace what -o names if it exists (with --all: files already in the folder)."
    ),
]
# `ipu booklet` writes one file, whatever the number of decisions in it
OneFileOutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="FILE", help="File to write.", show_default=False)
]
OneFileForceOption = Annotated[bool, typer.Option("--force", help="Replace what -o names if it exists.")]


def document_format(output: Path | None, fmt: str | None, all_cases: bool = False) -> str:
    """The format of a document command, or exit 2 (unknown, conflicting, Word to stdout)."""
    from ipu_cli.documents.environment import TemplateError, format_for

    if (
        all_cases
        and output is not None
        and not output.exists()
        and output.suffix.lower().lstrip(".") in DOCUMENT_FORMATS
    ):  # --all makes a folder: `-o D.docx` would be a folder named like a file, full of Markdown
        fail(
            f"--all writes one file per case into a folder; -o {output} names a file "
            f"(give a folder, and --format {output.suffix.lower().lstrip('.')})",
            2,
        )
    try:
        chosen = format_for(None if all_cases else output, fmt)
    except TemplateError as exc:
        fail(str(exc), 2)
    if chosen == "docx" and output is None:
        fail("Word output is a file: give -o FILE.docx", 2)
    if chosen == "pdf":
        if output is None:
            fail("PDF output is a file: give -o FILE.pdf", 2)
        from ipu_cli.documents.pdf import require_converter

        require_converter()  # before any work: exit 1 naming what to install
    return chosen


def emit_document(output: Path | None, document: str | bytes, force: bool = False) -> None:
    """A rendered document to stdout, or written atomically to `output` (then say so on stderr).

    An existing `output` is replaced only with `force` (`documents.batch.write_document`).
    """
    if output is None:
        sys.stdout.write(document if isinstance(document, str) else document.decode())
        return
    from ipu_cli.documents.batch import write_document

    write_document(output, document, force=force)
    sys.stderr.write(f"ipu: wrote {output}\n")


def warn(warnings: list[str]) -> None:
    """Print a document's warnings (data missing from the case file) on stderr."""
    for warning in warnings:
        sys.stderr.write(f"ipu: warning: {warning}\n")


def write_batch_and_say(folder: Path, batch: Batch, index: tuple[str, str], force: bool, what: str) -> None:
    """Print a batch's notes and warnings, write it (all or nothing), then say what was written.

    `what` is the singular noun of one document ("decision", "letter").
    """
    from ipu_cli.documents.batch import write_batch
    from ipu_cli.domain.words import counted

    for item in batch.notes:
        note(item)
    for rendered in batch.documents:
        warn(rendered.warnings)
    write_batch(folder, batch, index, force, what)
    note(f"wrote {counted(len(batch.documents), what)} and {index[0]} to {folder}")


def note(message: str) -> None:
    """A note on stderr: what the command did besides its output (a redirect, a case left out)."""
    sys.stderr.write(f"ipu: {message}\n")


def report_unread_files(base: CaseBase, what: str, *, refuse: bool) -> bool:
    """Print, located on stderr, why case files could not be read; True when any could not.

    Figures and exports made without a case would be wrong without saying so, so
    `refuse=True` (stats, export) exits 1 before anything is written; `ipu list` and
    `ipu followups` print what they can and exit 1 afterwards.
    """
    from ipu_cli.checks.pipeline import unread_problems

    errors = unread_problems(base)
    if not errors:
        return False
    from ipu_cli.checks.causes import hints
    from ipu_cli.checks.problems import format_problems

    sys.stderr.write(format_problems(errors, "text"))
    sys.stderr.writelines(f"ipu: {hint}\n" for hint in hints(errors))
    files = len({p.path for p in errors})
    message = f"{files} case file{' was' if files == 1 else 's were'} not read"
    if refuse:
        fail(f"{message}; no {what} made from an incomplete base (see 'ipu validate')", 1)
    sys.stderr.write(f"ipu: {message}; the {what} may be incomplete (see 'ipu validate')\n")
    return True
