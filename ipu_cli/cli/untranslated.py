"""`ipu untranslated`: a case file's texts that have no French yet, as pairs to paste."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ipu_cli.cli.options import (
    CaseIdArgument,
    RootOption,
    TodayOption,
    check_lang,
    lang_option,
    note,
    resolve_root,
    resolve_today,
)
from ipu_cli.store.paths import TRANSLATED


def register(app: typer.Typer) -> None:
    app.command("untranslated")(untranslated)


def untranslated(
    case_id: CaseIdArgument,
    lang: Annotated[
        str, lang_option("The language of the translation file (fr).", TRANSLATED, show_default=True)
    ] = "fr",
    write: Annotated[
        bool,
        typer.Option(
            "--write", help="Add the pairs to the translation file (create it) instead of printing them."
        ),
    ] = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Print the texts of a case file that have no French yet.

    Every text a French decision or letter prints (summary, paragraphs, box and
    letter texts) without a translation, as YAML pairs (en, and an empty fr) to
    append to the case's translation file, or the whole file when it has none.
    The standard admissibility paragraphs come translated. --write adds them to
    the file (all or nothing); the translator then fills in each empty fr.
    """
    from ipu_cli.checks.pipeline import load_case_base
    from ipu_cli.documents.missingpairs import missing_pairs
    from ipu_cli.domain.words import counted
    from ipu_cli.queries.lookup import find_case

    check_lang(lang, TRANSLATED)
    repo = resolve_root(root)
    resolve_today(today)  # a malformed --today is refused here too
    base = load_case_base(repo)
    case = find_case(base, case_id)
    found = missing_pairs(base, case, lang, repo)
    if found.waiting:
        note(
            f"{counted(found.waiting, 'text')} listed in {found.target} still without a translation (empty {lang})"
        )
    if not found.count:
        if not found.waiting and not found.exists:
            note(f"{found.case_file} holds no text that documents print; it needs no {found.target}")
        elif not found.waiting:
            note(
                f"every text of {found.case_file} that documents print has its translation in {found.target}"
            )
    elif write:
        from ipu_cli.edits.translating import write_pairs

        write_pairs(repo, found)
        note(f"added {counted(found.count, 'text')} to translate to {found.target}")
    else:
        sys.stdout.write(found.text)
        where = (
            f"append them to the texts of {found.target}" if found.exists else f"save them as {found.target}"
        )
        note(f"{counted(found.count, 'text')} of {found.case_file} to translate: {where} (or use --write)")
