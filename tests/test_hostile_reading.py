"""Hostile and broken input on the reading side (issue 10): each a setup, a command, and its exact answer.

Every case states its exit status, stdout and stderr in full. The classes: what the
lister meets under cases/ (FIFOs, devices, folders named like case files, linked folders,
link loops, unreadable or vanishing folders and files), one diagnostic for an unreadable
member or group, validation (repeated members, loosely spelt legacy ids, confidential
members of public groups, data files checked as data, hidden characters), outputs refused
when the reference data they read is broken, internal log entries kept out of public
filters, and a cache that is corrupt, truncated, foreign or of the wrong shape.
Single broken files are in tests/corpus/ (run by test_validate.py).
"""

from __future__ import annotations

import marshal
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

KHM = Path("cases") / "KHM"
CLEAN = "39 files checked: no problems\n"
ONE_MORE = "40 files checked: 1 error, 0 warnings\n"
FEMALE_CSV = (
    "id,name,sex,country,mandate,affiliation,collectives,status\n"
    "KHM-48,Mu Sochua,female,KHM,former,opposition,KHM-COLL-03,active\n"
    "KHM-69,Ke Sovannroth,female,KHM,former,opposition,KHM-COLL-03,active\n"
    "KHM-93,Te Chanmony,female,KHM,former,opposition,KHM-COLL-03,active\n"
    "KHM-94,Tioulong Saumura,female,KHM,former,opposition,KHM-COLL-03,active\n"
)
UNCLOSED = "did not find expected ',' or ']'; likely cause: a list opened with '[' and not closed, or a ',' inside an item"
HOW_TO_FIX_SYNTAX = "ipu: how to fix yaml-syntax: ipu validate --explain yaml-syntax\n"
BROKEN_VIOLATIONS = (
    f"data/violations.yaml:85:1: error yaml-syntax while parsing a flow sequence: {UNCLOSED}\n"
    + HOW_TO_FIX_SYNTAX
)


@dataclass(frozen=True)
class Hostile:
    """One hostile input: what is done to a scratch base, the command, and its whole answer."""

    name: str
    setup: Callable[[Path, pytest.MonkeyPatch], None]
    argv: tuple[str, ...]
    code: int
    out: str
    err: str


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fifo(name: str) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        target = repo / name
        target.unlink(missing_ok=True)
        os.mkfifo(target)

    return setup


def _folder_named_like_a_case(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / KHM / "KHM-900.yaml").mkdir()
    (repo / KHM / "KHM-900.yaml" / "KHM-901.yaml").write_text("id: KHM-901\n", encoding="utf-8")


def _linked_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "elsewhere" / "KHM").mkdir(parents=True)
    os.symlink("../elsewhere", repo / "cases" / "ELS")


def _link_loop(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.symlink("KHM-900.yaml", repo / KHM / "KHM-900.yaml")


def _link_pair(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.symlink("KHM-901.yaml", repo / KHM / "KHM-900.yaml")
    os.symlink("KHM-900.yaml", repo / KHM / "KHM-901.yaml")


def _folder_loop(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.symlink("LOOP", repo / "cases" / "LOOP")


def _broken_link(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.symlink("gone.yaml", repo / KHM / "KHM-900.yaml")


def _link_to_fifo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(repo / "pipe")
    os.symlink("../../pipe", repo / KHM / "KHM-900.yaml")


def _device(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        os.mknod(repo / KHM / "KHM-900.yaml", stat.S_IFCHR | 0o644, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")


def _scandir_fails(folder: str, error: OSError) -> Callable[[Path, pytest.MonkeyPatch], None]:
    """`os.scandir` of one folder raises `error` (root reads every folder, so permissions are simulated)."""

    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (repo / folder).mkdir()
        real = os.scandir

        def scandir(path: str) -> object:
            if os.fspath(path) == os.fspath(repo / folder):
                raise error
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)

    return setup


def _listing_then(change: Callable[[Path], None]) -> Callable[[Path, pytest.MonkeyPatch], None]:
    """Between the listing and the reading of the files, `change` the base (another process would)."""

    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from ipu_cli.store import scan

        real = scan.list_cases

        def listed(root: Path, *args: object, **kwargs: object) -> object:
            found = real(root, *args, **kwargs)  # type: ignore[arg-type]
            change(repo)
            return found

        monkeypatch.setattr(scan, "list_cases", listed)

    return setup


def _named(name: str, *, folder: bool = False) -> Callable[[Path, pytest.MonkeyPatch], None]:
    """A copy of KHM-48's file (or an empty folder) under a name holding hidden characters."""

    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        if folder:
            (repo / name).mkdir()
        else:
            (repo / name).write_bytes((repo / KHM / "KHM-48.yaml").read_bytes())

    return setup


def _vanish(repo: Path) -> None:
    (repo / KHM / "KHM-102.yaml").unlink()


def _becomes_fifo(repo: Path) -> None:
    (repo / KHM / "KHM-102.yaml").unlink()
    os.mkfifo(repo / KHM / "KHM-102.yaml")


def _break_member(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _append(repo / KHM / "KHM-48.yaml", "foo: [unclosed\n")


def _break_group(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _append(repo / KHM / "KHM-COLL-03.yaml", "foo: [unclosed\n")


def _member_is_a_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / KHM / "KHM-48.yaml").unlink()
    (repo / KHM / "KHM-48.yaml").mkdir()


def _member_twice(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _replace(repo / KHM / "KHM-COLL-03.yaml", "  - KHM-102\n", "  - KHM-102\n  - KHM-48\n")


def _group_twice(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _replace(
        repo / KHM / "KHM-60.yaml", "collectives: [KHM-COLL-03]", "collectives: [KHM-COLL-03, KHM-COLL-03]"
    )


def _padded_copy(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of KHM-48 under the id KHM-048: another spelling of the same case number."""
    text = (repo / KHM / "KHM-48.yaml").read_text(encoding="utf-8")
    (repo / KHM / "KHM-048.yaml").write_text(text.replace("id: KHM-48", "id: KHM-048"), encoding="utf-8")


def _padded_alias(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _replace(repo / KHM / "KHM-60.yaml", "aliases: [", "aliases: [KHM-048, ")


def _confidential_member(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _replace(repo / KHM / "KHM-48.yaml", "confidentiality: public", "confidentiality: confidential")


def _tab_in_literal(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _append(repo / KHM / "KHM-48.yaml", "summary: |\n  Detained\tin 2017.\n")


def _persian_joiner(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _append(repo / KHM / "KHM-48.yaml", "summary: \u0645\u06cc\u200c\u0634\u0648\u062f\n")


def _escaped(name: str, old: str, new: str) -> Callable[[Path, pytest.MonkeyPatch], None]:
    """A text of a KHM file rewritten double-quoted, with escapes (`\\u202e`) the loader turns into characters."""

    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        _replace(repo / KHM / name, old, new)

    return setup


def _moved_to(target: str) -> Callable[[Path, pytest.MonkeyPatch], None]:
    """KHM-48 leaves KHM-COLL-03 at the 180th session for `target` (`membership`, `moved_to`)."""
    entry = (
        "membership:\n  - member: KHM-48\n    left: committee-180\n    reason: Examined elsewhere.\n"
        f"    moved_to: {target}\n\ncomplaint:"
    )

    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        _replace(repo / KHM / "KHM-COLL-03.yaml", "\ncomplaint:", "\n" + entry)

    return setup


def _translation_copy(name: str) -> Callable[[Path, pytest.MonkeyPatch], None]:
    """KHM-60's French translation copied under `name` (it was read as a case file: nine errors)."""

    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (repo / KHM / name).write_bytes((repo / KHM / "KHM-60.fr.yaml").read_bytes())

    return setup


def _unknown_violation_48(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """KHM-48 alleges a violation data/violations.yaml does not have: the decision printed the
    checklist without it (exit 0, no word); now refused with the file's problem."""
    _replace(repo / KHM / "KHM-48.yaml", "  - code: freedom-of-expression", "  - code: torture-by-proxy")


def _data(name: str, old: str, new: str) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        _replace(repo / "data" / name, old, new)

    return setup


def _data_text(name: str, text: str) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (repo / "data" / name).write_text(text, encoding="utf-8")

    return setup


def _break_violations(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _append(repo / "data" / "violations.yaml", "  - code: [broken\n")


def _no_verbs(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "data" / "verbs.yaml").unlink()


def _foreign_data_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "other" / "data").mkdir(parents=True)
    (repo / "other" / "data" / "verbs.yaml").write_text("verbs:\n  - verb: Urges\n    asks: maybe\n")


def _internal_letter(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An internal log entry on a day no other fact of the base has (March 2024)."""
    anchor = "    description: Letter from the Secretary General of the National Assembly\n"
    entry = "  - date: 2024-03-10\n    direction: to\n    party: authorities\n    description: Call\n    internal: true\n"
    _replace(repo / KHM / "KHM-COLL-03.yaml", anchor, anchor + entry)


def _internal_letter_after_the_session(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An internal letter to the authorities after the 179th session: it must not count as conveying."""
    anchor = "  - date: 2026-01\n    direction: to\n    party: complainant\n"
    entry = "  - date: 2026-02-25\n    direction: to\n    party: authorities\n    description: Call\n    internal: true\n"
    _replace(repo / KHM / "KHM-COLL-03.yaml", anchor, anchor + entry)


def _nothing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pass


LINKED_FOLDER = (
    "cases/ELS:1:1: error linked-folder a link to a folder; links to folders are not followed "
    "(move the folder into cases/)\n"
)
MEMBER_48_BROKEN = (
    f"cases/KHM/KHM-48.yaml:39:1: error yaml-syntax while parsing a flow sequence: {UNCLOSED}\n"
)
MEMBER_48_LEFT = (
    "cases/KHM/KHM-48.yaml:13:15: warning member-left KHM-COLL-03 records that KHM-48 left it ('membership'), "
    "but KHM-48 still lists it in its collectives\n"
)
NOT_HELD_171 = (
    "ipu: KHM-COLL-03: the text of the decision adopted at committee-171 is not held in its case file "
    "(paragraphs: []); a decision is printed whole or not at all\n"
)
"""It printed "B. Decision" with nothing under it, exit 0 and a warning (booklet too)."""
UNKNOWN_VIOLATION_48 = (
    "cases/KHM/KHM-48.yaml:16:11: error unknown-violation unknown violation 'torture-by-proxy'\n"
)
FIFO_900 = "cases/KHM/KHM-900.yaml:1:1: error not-a-file a named pipe (FIFO), not a plain file; not read\n"
SINCE_MARCH_2024 = ("list", "--since", "2024-03-01", "--until", "2024-03-31", "--format", "csv")

CASES = [
    # --- what the lister meets under cases/ ---
    Hostile("fifo", _fifo("cases/KHM/KHM-900.yaml"), ("validate",), 1, FIFO_900, ONE_MORE),
    Hostile(
        "folder-named-like-a-case",
        _folder_named_like_a_case,
        ("validate",),
        1,
        "cases/KHM/KHM-900.yaml:1:1: error not-a-file a folder named like a case file; its contents are not read\n",
        ONE_MORE,
    ),
    Hostile(
        "linked-folder",
        _linked_folder,
        ("validate",),
        1,
        LINKED_FOLDER,
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "link-loop",
        _link_loop,
        ("validate",),
        1,
        "cases/KHM/KHM-900.yaml:1:1: error unreadable a link that loops back on itself; not followed\n",
        ONE_MORE,
    ),
    Hostile(
        "link-pair-loop",
        _link_pair,
        ("validate",),
        1,
        "cases/KHM/KHM-900.yaml:1:1: error unreadable a link that loops back on itself; not followed\n"
        "cases/KHM/KHM-901.yaml:1:1: error unreadable a link that loops back on itself; not followed\n",
        "41 files checked: 2 errors, 0 warnings\n",
    ),
    Hostile(
        "folder-link-loop",
        _folder_loop,
        ("validate",),
        1,
        "cases/LOOP:1:1: error unreadable a link that loops back on itself; not followed\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "broken-link",
        _broken_link,
        ("validate",),
        1,
        "cases/KHM/KHM-900.yaml:1:1: error unreadable a link to 'gone.yaml', which does not exist\n",
        ONE_MORE,
    ),
    Hostile(
        "link-to-fifo",
        _link_to_fifo,
        ("validate",),
        1,
        "cases/KHM/KHM-900.yaml:1:1: error not-a-file a link to a named pipe (FIFO), not a plain file; not read\n",
        ONE_MORE,
    ),
    Hostile(
        "device",
        _device,
        ("validate",),
        1,
        "cases/KHM/KHM-900.yaml:1:1: error not-a-file a character device, not a plain file; not read\n",
        ONE_MORE,
    ),
    Hostile(
        "unreadable-folder",
        _scandir_fails("cases/KHM/archive", PermissionError(13, "Permission denied")),
        ("validate",),
        1,
        "cases/KHM/archive:1:1: error unreadable cannot list folder: Permission denied; its case files are not read\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "folder-vanishes",
        _scandir_fails("cases/KHM/archive", FileNotFoundError(2, "No such file or directory")),
        ("validate",),
        1,
        "cases/KHM/archive:1:1: error unreadable folder disappeared while the base was being read\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "file-vanishes-after-listing",
        _listing_then(_vanish),
        ("validate", "--no-cache"),
        1,
        "cases/KHM/KHM-102.yaml:1:1: error unreadable cannot read file: No such file or directory\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "file-becomes-fifo-after-listing",
        _listing_then(_becomes_fifo),
        ("validate", "--no-cache"),
        1,
        "cases/KHM/KHM-102.yaml:1:1: error not-a-file a named pipe (FIFO), not a plain file; not read\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "fifo-named-on-the-command-line",
        _fifo("cases/KHM/KHM-900.yaml"),
        ("validate", "cases/KHM/KHM-900.yaml"),
        1,
        FIFO_900,
        "1 file checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "fifo-outside-cases-named",
        _fifo("notes.yaml"),
        ("validate", "notes.yaml"),
        1,
        "notes.yaml:1:1: error not-a-file a named pipe (FIFO), not a plain file; not read\n",
        "1 file checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "list-with-a-fifo",
        _fifo("cases/KHM/KHM-900.yaml"),
        ("list", "--sex", "female", "--format", "csv"),
        1,
        FEMALE_CSV,
        FIFO_900 + "ipu: 1 case file was not read; the list may be incomplete (see 'ipu validate')\n",
    ),
    Hostile(
        "stats-with-a-linked-folder",
        _linked_folder,
        ("stats", "--format", "json"),
        1,
        "",
        LINKED_FOLDER
        + "ipu: 1 case file was not read; no figures made from an incomplete base (see 'ipu validate')\n",
    ),
    Hostile(
        "file-name-with-an-escape-sequence",
        _named("cases/KHM/KHM-4\x1b[31m8.yaml"),
        ("validate",),
        1,
        "cases/KHM/KHM-4\\u001b[31m8.yaml:1:1: error hidden-character the name holds U+001B ESCAPE; not read: "
        "rename it\n",
        ONE_MORE,
    ),
    Hostile(
        "folder-name-with-an-override",
        _named("cases/KHM\u202eX", folder=True),
        ("validate",),
        1,
        "cases/KHM\\u202eX:1:1: error hidden-character the name holds U+202E RIGHT-TO-LEFT OVERRIDE; not read: "
        "rename it\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    # --- one diagnostic for a file that cannot be read, not a cascade ---
    Hostile(
        "broken-member",
        _break_member,
        ("validate",),
        1,
        MEMBER_48_BROKEN,
        "39 files checked: 1 error, 0 warnings\n" + HOW_TO_FIX_SYNTAX,
    ),
    Hostile(
        "member-is-a-fifo",
        _fifo("cases/KHM/KHM-48.yaml"),
        ("validate",),
        1,
        "cases/KHM/KHM-48.yaml:1:1: error not-a-file a named pipe (FIFO), not a plain file; not read\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "member-is-a-folder",
        _member_is_a_folder,
        ("validate",),
        1,
        "cases/KHM/KHM-48.yaml:1:1: error not-a-file a folder named like a case file; its contents are not read\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "broken-group",
        _break_group,
        ("validate",),
        1,
        f"cases/KHM/KHM-COLL-03.yaml:233:1: error yaml-syntax while parsing a flow sequence: {UNCLOSED}\n",
        "39 files checked: 1 error, 0 warnings\n" + HOW_TO_FIX_SYNTAX,
    ),
    Hostile(
        "decision-with-a-fifo-member",
        _fifo("cases/KHM/KHM-48.yaml"),
        ("draft-decision", "KHM-COLL-03", "--session", "180"),
        1,
        "",
        "cases/KHM/KHM-48.yaml:1:1: error not-a-file a named pipe (FIFO), not a plain file; not read\n"
        "ipu: KHM-COLL-03: the file of member KHM-48 cannot be read; no document is made with a member missing "
        "(run 'ipu validate')\n",
    ),
    Hostile(
        "decisions-batch-with-a-fifo",
        _fifo("cases/KHM/KHM-48.yaml"),
        ("draft-decision", "--all", "--session", "180", "-o", "drafts"),
        1,
        "",
        "cases/KHM/KHM-48.yaml:1:1: error not-a-file a named pipe (FIFO), not a plain file; not read\n"
        "ipu: 1 case file was not read; no decisions made from an incomplete base (see 'ipu validate')\n",
    ),
    Hostile(
        "letters-batch-with-a-broken-file",
        _break_member,
        ("draft-letter", "--all", "--session", "179", "-o", "letters"),
        1,
        "",
        MEMBER_48_BROKEN
        + HOW_TO_FIX_SYNTAX
        + "ipu: 1 case file was not read; no letters made from an incomplete base (see 'ipu validate')\n",
    ),
    # --- validation ---
    Hostile(
        "member-listed-twice",
        _member_twice,
        ("validate",),
        1,
        "cases/KHM/KHM-COLL-03.yaml:48:5: error duplicate-member member 'KHM-48' is listed twice\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "group-listed-twice",
        _group_twice,
        ("validate",),
        1,
        "cases/KHM/KHM-60.yaml:15:28: error duplicate-member group 'KHM-COLL-03' is listed twice\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "legacy-id-padded-like-another-id",
        _padded_alias,
        ("validate",),
        1,
        "cases/KHM/KHM-60.yaml:7:11: error duplicate-alias legacy id 'KHM-048' is a spelling of KHM-48, the id of "
        "cases/KHM/KHM-48.yaml; 'ipu show KHM-048' would find KHM-48\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "id-padded-like-another-id",
        _padded_copy,
        ("validate",),
        1,
        "cases/KHM/KHM-048.yaml:5:5: error duplicate-id ids 'KHM-048' and 'KHM-48' (cases/KHM/KHM-48.yaml) are the "
        "same case number written with different zero padding; keep one\n"
        "cases/KHM/KHM-048.yaml:13:15: error member-not-linked KHM-COLL-03 does not list KHM-048 among its members\n",
        "40 files checked: 2 errors, 0 warnings\n",
    ),
    Hostile(
        "confidential-member-of-a-public-group",
        _confidential_member,
        ("validate",),
        0,
        "cases/KHM/KHM-COLL-03.yaml:10:5: warning confidential-member KHM-48 is confidential in a public group: "
        "every public output of KHM-COLL-03 leaves it out (its case list, counts, checklist and letters)\n",
        "39 files checked: 0 errors, 1 warning\n",
    ),
    Hostile(
        "confidential-member-strict",
        _confidential_member,
        ("validate", "--strict", "--format", "parsable"),
        1,
        "cases/KHM/KHM-COLL-03.yaml:10:5: [warning] KHM-48 is confidential in a public group: every public output "
        "of KHM-COLL-03 leaves it out (its case list, counts, checklist and letters) (confidential-member)\n",
        "",
    ),
    Hostile("tab-inside-literal-text", _tab_in_literal, ("validate",), 0, "", CLEAN),
    Hostile("joiner-inside-persian-text", _persian_joiner, ("validate",), 0, "", CLEAN),
    Hostile(
        "data-file-checked-as-data",
        _nothing,
        ("validate", "data/sessions.yaml"),
        0,
        "",
        "1 file checked: no problems\n",
    ),
    Hostile(
        "broken-data-file-named",
        _data("sessions.yaml", "    number: 180\n", "    number: 180\n    number: 181\n"),
        ("validate", "data/sessions.yaml"),
        1,
        "data/sessions.yaml:28:5: error duplicate-key duplicate key 'number' (first defined at line 27)\n",
        "1 file checked: 1 error, 0 warnings\nipu: how to fix duplicate-key: ipu validate --explain duplicate-key\n",
    ),
    Hostile(
        "unknown-data-file-named",
        _data_text("notes.yaml", "todo: []\n"),
        ("validate", "data/notes.yaml"),
        1,
        "data/notes.yaml:1:1: error not-a-case-file not a data file ipu reads: data/ holds violations.yaml, "
        "event-types.yaml, verbs.yaml, countries.yaml, sessions.yaml, secretariat.yaml\n",
        "1 file checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "data-file-of-another-repository",
        _foreign_data_file,
        ("validate", "other/data/verbs.yaml"),
        1,
        "other/data/verbs.yaml:3:11: error invalid-value verbs[0].asks: input should be a valid boolean, "
        "unable to interpret input, got 'maybe'\n",
        "1 file checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "hidden-character-in-a-data-file",
        _data("violations.yaml", "label: Impunity", "label: Impu\u202enity"),
        ("validate",),
        1,
        "data/violations.yaml:73:16: error hidden-character hidden character U+202E RIGHT-TO-LEFT OVERRIDE: it makes "
        "the text read differently from what it holds; remove it\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "hidden-character-written-as-an-escape",
        _escaped("KHM-48.yaml", "name: Mu Sochua", 'name: "Mu \\u202eSochua"'),
        ("validate",),
        1,
        "cases/KHM/KHM-48.yaml:6:7: error hidden-character hidden character U+202E RIGHT-TO-LEFT OVERRIDE "
        "(written as an escape): it makes the text read differently from what it holds; remove it\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "escape-sequence-written-as-an-escape-in-a-translation",
        _escaped(
            "KHM-60.fr.yaml",
            "fr: dans le contexte de l'isolement cellulaire",
            'fr: "dans le contexte de \\x1b[2Jl\'isolement \\u200bcellulaire"',
        ),
        ("draft-decision", "KHM-COLL-03", "--session", "180", "--lang", "fr"),
        1,
        "",
        "cases/KHM/KHM-60.fr.yaml:8:9: error hidden-character hidden characters U+001B ESCAPE, U+200B ZERO WIDTH "
        "SPACE (written as escapes): they make the text read differently from what it holds; remove them\n"
        "ipu: cannot make the document in 'fr': cases/KHM/KHM-60.fr.yaml cannot be used (see 'ipu validate')\n",
    ),
    Hostile(
        "member-moved-to-its-own-group",
        _moved_to("KHM-COLL-03"),
        ("validate",),
        1,
        MEMBER_48_LEFT + "cases/KHM/KHM-COLL-03.yaml:53:15: error membership-moved-to "
        "moved_to 'KHM-COLL-03': KHM-48 moves to their own case (KHM-48) or to another group, not to this group\n",
        "39 files checked: 1 error, 1 warning\n",
    ),
    Hostile(
        "member-moved-to-another-mp",
        _moved_to("KHM-49"),
        ("validate",),
        1,
        MEMBER_48_LEFT + "cases/KHM/KHM-COLL-03.yaml:53:15: error membership-moved-to "
        "moved_to 'KHM-49': KHM-48 moves to their own case (KHM-48) or to another group, not to another MP\n",
        "39 files checked: 1 error, 1 warning\n",
    ),
    Hostile(
        "member-moved-to-a-group-with-no-file",
        _moved_to("KHM-COLL-09"),
        ("validate",),
        1,
        MEMBER_48_LEFT + "cases/KHM/KHM-COLL-03.yaml:53:15: error membership-moved-to "
        "KHM-48 moved to 'KHM-COLL-09', which has no case file\n",
        "39 files checked: 1 error, 1 warning\n",
    ),
    Hostile(
        "broken-countries-table-is-one-diagnostic",
        _data("countries.yaml", "    region: Asia", "    region: Asiaa"),
        ("validate",),
        1,
        "data/countries.yaml:16:1: error invalid-value countries name regions not in the regions list: Asiaa\n",
        "39 files checked: 1 error, 0 warnings\n",
    ),
    Hostile(
        "translation-into-a-language-ipu-does-not-have",
        _translation_copy("KHM-60.de.yaml"),
        ("validate",),
        1,
        "cases/KHM/KHM-60.de.yaml:1:1: error translation-language a translation into 'de': case files are "
        "translated into fr only; not read (rename it or move it out of cases/)\n",
        ONE_MORE,
    ),
    Hostile(
        "translation-language-in-capitals",
        _translation_copy("KHM-60.FR.yaml"),
        ("validate",),
        1,
        "cases/KHM/KHM-60.FR.yaml:1:1: error translation-language the language is written in lower case: "
        "rename it KHM-60.fr.yaml\n",
        ONE_MORE,
    ),
    Hostile(
        "null-data-file",
        _data_text("event-types.yaml", "~\n"),
        ("validate",),
        1,
        "data/event-types.yaml:1:1: error empty-file file holds only a null value ('~'); expected a mapping\n",
        "39 files checked: 1 error, 0 warnings\nipu: how to fix empty-file: ipu validate --explain empty-file\n",
    ),
    # --- complete, or refused: the reference data an output reads ---
    Hostile(
        "decision-with-broken-violations",
        _break_violations,
        ("draft-decision", "KHM-COLL-03", "--session", "180"),
        1,
        "",
        BROKEN_VIOLATIONS
        + "ipu: cannot make the decision from incomplete reference data: data/violations.yaml "
        "is not usable (see 'ipu validate')\n",
    ),
    Hostile(
        "booklet-with-broken-violations",
        _break_violations,
        ("booklet", "--session", "179", "-o", "booklet.docx"),
        1,
        "",
        BROKEN_VIOLATIONS
        + "ipu: cannot make the booklet from incomplete reference data: data/violations.yaml "
        "is not usable (see 'ipu validate')\n",
    ),
    Hostile(
        "changes-with-broken-violations",
        _break_violations,
        ("changes", "--since-session", "179"),
        1,
        "",
        BROKEN_VIOLATIONS
        + "ipu: cannot make the list of changes from incomplete reference data: data/violations.yaml "
        "is not usable (see 'ipu validate')\n",
    ),
    Hostile(
        "adopted-decision-whose-text-is-not-held",
        _nothing,
        ("draft-decision", "KHM-COLL-03", "--session", "171", "--adopted"),
        1,
        "",
        NOT_HELD_171,
    ),
    Hostile(
        "booklet-of-a-session-whose-decision-text-is-not-held",
        _nothing,
        ("booklet", "--session", "171", "-o", "booklet.md"),
        1,
        "",
        NOT_HELD_171 + "ipu: 1 decision could not be made; nothing written\n",
    ),
    Hostile(
        "changes-since-a-session-still-to-come",
        _nothing,
        ("changes", "--since-session", "180"),
        2,
        "",
        "ipu: --since-session: the 180th session (April 2026) begins after today (2026-03-01)\n",
    ),
    Hostile(
        "changes-since-a-day-still-to-come",
        _nothing,
        ("changes", "--since", "2026-03-02"),
        2,
        "",
        "ipu: --since 2026-03-02 is after today (2026-03-01)\n",
    ),
    Hostile(
        "yearly-figures-of-a-year-to-come",
        _nothing,
        ("stats", "--year", "2027"),
        2,
        "",
        "ipu: --year 2027 is in the future (today is 2026-03-01)\n",
    ),
    Hostile(
        "closing-a-member-whose-file-cannot-be-read",
        _break_member,
        ("close", "KHM-COLL-03", "--member", "KHM-48", "--session", "179", "--reason", "release"),
        1,
        "",
        "ipu: cannot read KHM-48: " + MEMBER_48_BROKEN,
    ),
    Hostile(
        "decision-with-a-member-file-that-fails-its-checks",
        _unknown_violation_48,
        ("draft-decision", "KHM-COLL-03", "--session", "180"),
        1,
        "",
        UNKNOWN_VIOLATION_48
        + "ipu: cannot make the decision: cases/KHM/KHM-48.yaml has errors (see 'ipu validate')\n",
    ),
    Hostile(
        "letter-with-a-member-file-that-fails-its-checks",
        _unknown_violation_48,
        ("draft-letter", "KHM-COLL-03", "--to", "authorities"),
        1,
        "",
        UNKNOWN_VIOLATION_48
        + "ipu: cannot make the letter: cases/KHM/KHM-48.yaml has errors (see 'ipu validate')\n",
    ),
    Hostile(
        "letter-without-verbs",
        _no_verbs,
        ("draft-letter", "KHM-COLL-03", "--to", "authorities"),
        1,
        "",
        "data/verbs.yaml:1:1: error unreadable reference file is missing\n"
        "ipu: cannot make the letter from incomplete reference data: data/verbs.yaml is not usable "
        "(see 'ipu validate')\n",
    ),
    Hostile(
        "stats-with-invalid-countries",
        _data("countries.yaml", "region: Asia", "region: 12"),
        ("stats",),
        1,
        "",
        "data/countries.yaml:27:13: error invalid-value countries[0].region: input should be a valid string, got 12\n"
        "ipu: cannot make the statistics from incomplete reference data: data/countries.yaml is not usable "
        "(see 'ipu validate')\n",
    ),
    Hostile(
        "export-with-broken-violations",
        _break_violations,
        ("export", "--format", "json", "-o", "out.json"),
        1,
        "",
        BROKEN_VIOLATIONS
        + "ipu: cannot make the export from incomplete reference data: data/violations.yaml "
        "is not usable (see 'ipu validate')\n",
    ),
    Hostile(
        "list-with-broken-violations",
        _break_violations,
        ("list", "--violation", "impunity"),
        1,
        "",
        BROKEN_VIOLATIONS + "ipu: cannot make the list from incomplete reference data: data/violations.yaml "
        "is not usable (see 'ipu validate')\n",
    ),
    Hostile(
        "followups-with-a-fifo-for-sessions",
        _fifo("data/sessions.yaml"),
        ("followups",),
        1,
        "",
        "data/sessions.yaml:1:1: error not-a-file a named pipe (FIFO), not a plain file; not read\n"
        "ipu: cannot make the follow-up report from incomplete reference data: data/sessions.yaml is not usable "
        "(see 'ipu validate')\n",
    ),
    Hostile(
        "list-does-not-need-event-types",
        _data_text("event-types.yaml", "types: oops\n"),
        ("list", "--sex", "female", "--format", "csv"),
        0,
        FEMALE_CSV,
        "",
    ),
    # --- internal log entries decide no public answer ---
    Hostile(
        "since-until-ignores-internal-dates",
        _internal_letter,
        SINCE_MARCH_2024,
        0,
        "id,name,sex,country,mandate,affiliation,collectives,status\n",
        "",
    ),
    Hostile(
        "since-until-groups-ignore-internal-dates",
        _internal_letter,
        (*SINCE_MARCH_2024, "--kind", "collective"),
        0,
        "id,kind,name,sex,country,mandate,affiliation,collectives,status,size\n",
        "",
    ),
    Hostile(
        "followups-ignore-internal-letters",
        _internal_letter_after_the_session,
        ("followups", "--format", "csv"),
        0,
        "case,flags,to authorities,from authorities,to complainant,from complainant,decision,requested,missions\n"
        'KHM-COLL-03,"not conveyed, authorities silent",December 2025 (3 mo): Letter to the Secretary General of '
        "the National Assembly,March 2023 (36 mo): Letter from the Secretary General of the National Assembly,"
        "January 2026 (2 mo),January 2026 (2 mo),179th session (February 2026),Calls on the Cambodian authorities "
        "to actively explore all…; requests the Cambodian authorities to provide detailed…; calls on the "
        "authorities to provide the necessary clarity…,\n",
        "",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(case: Hostile, repo: Path, ipu, monkeypatch: pytest.MonkeyPatch) -> None:
    case.setup(repo, monkeypatch)
    result = ipu(*case.argv)
    assert (result.code, result.out, result.err) == (case.code, case.out, case.err)


def test_enough_hostile_inputs() -> None:
    assert len(CASES) + len(CACHE_DAMAGE) >= 35
    assert len({case.name for case in CASES}) == len(CASES)


def test_internal_dates_count_for_internal_use(repo: Path, ipu, monkeypatch) -> None:
    """The control of the two cases above: the same filter with --include-confidential finds the group."""
    _internal_letter(repo, monkeypatch)
    result = ipu(*SINCE_MARCH_2024, "--kind", "collective", "--include-confidential")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[2].startswith("KHM-COLL-03,collective,")


def test_show_by_legacy_id_with_a_fifo_in_the_base(repo: Path, ipu) -> None:
    """`ipu show` scans files for a legacy id; a FIFO among them must not make it wait."""
    expected = ipu("show", "CMBD/60")
    os.mkfifo(repo / KHM / "KHM-900.yaml")
    (repo / ".ipu-cache").mkdir(exist_ok=True)
    for entry in (repo / ".ipu-cache").iterdir():
        entry.unlink()  # no alias hint: the scan itself must step over the FIFO
    result = ipu("show", "CMBD/60")
    assert (result.code, result.out, result.err) == (0, expected.out, "")
    assert result.out.startswith("KHM-60  Kem Sokha\n")


# --- the cache -------------------------------------------------------------------------------


def _cache_files(repo: Path, kind: str) -> list[Path]:
    return sorted((repo / ".ipu-cache").glob(f"v1-*.{kind}"))


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xffnot a cache\x13" * 50)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _unsealed(path: Path) -> None:
    """What an older ipu wrote, or anyone with marshal: a plain dict, no digest."""
    from ipu_cli.store.cache import unseal

    payload = unseal(path.read_bytes())
    assert payload is not None
    path.write_bytes(payload)


def _reshape(make: Callable[[object], object]) -> Callable[[Path], None]:
    """Sealed as ipu seals, but every entry replaced by `make(entry)`: shapes ipu never wrote."""

    def damage(path: Path) -> None:
        from ipu_cli.store.cache import seal, unseal

        payload = unseal(path.read_bytes())
        assert payload is not None
        table = marshal.loads(payload)
        path.write_bytes(seal(marshal.dumps({key: make(value) for key, value in table.items()})))

    return damage


def _fifo_in_place(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


CACHE_DAMAGE = {
    "checks-garbage": ("checks", _garbage),
    "checks-truncated": ("checks", _truncate),
    "checks-unsealed": ("checks", _unsealed),
    "checks-fifo": ("checks", _fifo_in_place),
    "entries-wrong-length": ("checks", _reshape(lambda entry: ("x",))),
    "entries-not-tuples": ("checks", _reshape(lambda entry: [entry])),
    "problem-rows-wrong-types": ("checks", _reshape(lambda entry: ((("p", "1", 1, "c", "m"),), None))),
    "summaries-wrong-shape": ("checks", _reshape(lambda entry: ((), (1, 2, 3, 4)))),
    "data-garbage": ("data", _garbage),
    "data-entries-not-marshal": ("data", _reshape(lambda entry: b"\x00garbage")),
    "data-entries-wrong-model": ("data", _reshape(lambda entry: marshal.dumps({"id": 5}))),
    "data-missing": ("data", lambda path: path.unlink()),
}


@pytest.mark.parametrize("damage", sorted(CACHE_DAMAGE))
def test_damaged_cache_is_ignored_and_rebuilt(damage: str, repo: Path, ipu) -> None:
    """Never a crash, never a wrong answer: the same output as a cold run, and a sound cache after."""
    cold_validate = ipu("validate", "--no-cache")
    cold_grep = ipu("list", "--grep", "kem sokha", "--format", "csv", "--columns", "id,name")
    assert cold_grep.out == "id,name\nKHM-58,Sam Rainsy\nKHM-60,Kem Sokha\n"  # KHM-58 names him too
    assert ipu("validate").code == 0  # writes the cache
    kind, harm = CACHE_DAMAGE[damage]
    (target,) = _cache_files(repo, kind)
    harm(target)
    for _ in range(2):  # the damaged run, then the run on what it rebuilt
        result = ipu("validate")
        assert (result.code, result.out, result.err) == (
            cold_validate.code,
            cold_validate.out,
            cold_validate.err,
        )
        grep = ipu("list", "--grep", "kem sokha", "--format", "csv", "--columns", "id,name")
        assert (grep.code, grep.out, grep.err) == (0, cold_grep.out, "")
    from ipu_cli.store.cache import unseal

    for path in _cache_files(repo, "checks") + _cache_files(repo, "data"):
        assert stat.S_ISREG(path.stat().st_mode)
        assert unseal(path.read_bytes()) is not None, path


def test_cache_answers_after_another_run_replaced_its_data(repo: Path, ipu) -> None:
    """Two runs at once: the parsed data file was replaced by one lacking this run's entries."""
    from ipu_cli.checks.pipeline import load_case_base
    from ipu_cli.store.cache import seal

    assert ipu("validate").code == 0
    base = load_case_base(repo)  # checks table read; the data file is read only when a model is wanted
    (data,) = _cache_files(repo, "data")
    data.write_bytes(seal(marshal.dumps({})))
    assert base.get("KHM-60").name == "Kem Sokha"


def test_cache_refuses_a_file_that_changed_under_it(repo: Path, ipu) -> None:
    """The file changed since its entry was read, and the parsed data is gone: stop, do not guess."""
    from ipu_cli.checks.pipeline import load_case_base
    from ipu_cli.errors import IpuError

    assert ipu("validate").code == 0
    base = load_case_base(repo)
    (data,) = _cache_files(repo, "data")
    data.unlink()
    _replace(repo / KHM / "KHM-60.yaml", "name: Kem Sokha", "name: Kem Sokha Junior")
    with pytest.raises(
        IpuError, match=r"^cases/KHM/KHM-60.yaml changed while ipu was reading it; run the command again$"
    ):
        _ = base.get("KHM-60").name


def test_cache_folder_that_is_a_file_runs_uncached(repo: Path, ipu) -> None:
    (repo / ".ipu-cache").write_text("not a folder\n")
    result = ipu("validate")
    assert (result.code, result.out, result.err) == (0, "", CLEAN)
    assert (repo / ".ipu-cache").read_text() == "not a folder\n"


def test_cache_folder_of_another_user_is_neither_read_nor_written(repo: Path, ipu) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    folder = repo / ".ipu-cache"
    folder.mkdir()
    os.chown(folder, 65534, 65534)
    result = ipu("validate")
    assert (result.code, result.out, result.err) == (0, "", CLEAN)
    assert list(folder.iterdir()) == []


# --- permissions -----------------------------------------------------------------------------


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_respect_the_umask(repo: Path, ipu, tmp_path: Path, mask: int, mode: int) -> None:
    old = os.umask(mask)
    try:
        result = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-o", str(tmp_path / "d.md"))
    finally:
        os.umask(old)
    assert result.code == 0, result.err
    assert stat.S_IMODE((tmp_path / "d.md").stat().st_mode) == mode


def test_a_replaced_file_keeps_its_mode(repo: Path, ipu, tmp_path: Path) -> None:
    target = tmp_path / "figures.json"
    target.write_text("{}\n")
    os.chmod(target, 0o640)
    result = ipu("stats", "--format", "json", "-o", str(target), "--force")
    assert result.code == 0, result.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_cache_is_private_whatever_the_umask(repo: Path, ipu) -> None:
    old = os.umask(0)
    try:
        assert ipu("validate").code == 0
    finally:
        os.umask(old)
    folder = repo / ".ipu-cache"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_an_open_cache_folder_is_closed_again(repo: Path, ipu) -> None:
    folder = repo / ".ipu-cache"
    folder.mkdir()
    os.chmod(folder, 0o755)
    assert ipu("validate").code == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_concurrent_readers_and_writers_on_a_changing_base(repo: Path) -> None:
    """Two `ipu validate` and two `ipu list --grep` (which reads the parsed data) at once, while a
    case file keeps changing: every run answers correctly, none crashes; the last one agrees with
    a run without the cache."""
    import subprocess
    import sys
    import threading

    env = {**os.environ, "IPU_ROOT": str(repo), "IPU_TODAY": "2026-03-01", "IPU_JOBS": "1"}
    commands = {
        "validate": ([sys.executable, "-m", "ipu_cli", "validate"], "", CLEAN),
        "list": (
            [
                sys.executable,
                "-m",
                "ipu_cli",
                "list",
                "--grep",
                "kem sokha",
                "--format",
                "csv",
                "--columns",
                "id,name",
            ],
            "id,name\nKHM-58,Sam Rainsy\nKHM-60,Kem Sokha\n",
            "",
        ),
    }
    member = repo / KHM / "KHM-48.yaml"
    original = member.read_text(encoding="utf-8")
    stop = threading.Event()

    def edit() -> None:
        turn = 0
        while not stop.is_set():
            turn += 1
            scratch = member.with_name(".edit.tmp")
            scratch.write_text(original.replace("Mu Sochua", f"Mu Sochua {turn}"), encoding="utf-8")
            os.replace(scratch, member)
            stop.wait(0.002)  # an edit every few milliseconds, not a busy loop starving the runs

    editor = threading.Thread(target=edit)
    editor.start()
    try:
        runs = [
            subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
            for argv, _out, _err in commands.values()
        ]
        answers = [(run.args, *run.communicate(timeout=120), run.returncode) for run in runs]
    finally:
        stop.set()
        editor.join()
    expected = {tuple(argv): (0, out, err) for argv, out, err in commands.values()}
    for args, out, err, code in answers:
        assert (code, out, err) == expected[tuple(args)]
    env.pop("IPU_JOBS")
    final = subprocess.run(
        [sys.executable, "-m", "ipu_cli", "validate"], env=env, capture_output=True, text=True, check=False
    )
    uncached = subprocess.run(
        [sys.executable, "-m", "ipu_cli", "validate", "--no-cache"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (final.returncode, final.stdout, final.stderr) == (
        uncached.returncode,
        uncached.stdout,
        uncached.stderr,
    )
