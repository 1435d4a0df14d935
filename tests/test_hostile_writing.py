"""The hostile corpus of writing: outputs, edits of case files, values, and data that looks like markup.

Every entry is an input or an argument set with its expected exit status and its exact
message (docs/security.md, sections "Writing" and "Public outputs"):

- TARGETS: `-o` onto an existing file, a link, a FIFO, a device or a folder, for every
  command that writes; refused (exit 2) unless `--force` allows it, and left as it was.
- CASE_FILES: `ipu log` and `ipu new` on read-only files, links and files they cannot
  edit safely: refused (exit 1), nothing written.
- STYLES: hand-written case files in every valid style: the entry is added, only lines
  are added, line endings and byte-order mark kept, and the file reads back as before
  plus the entry.
- VALUES: text that YAML would read as something else (`yes`, `12:30`, `1e3`...) is
  written so that it reads back as the same text.
- HOSTILE_TEXTS: data that looks like Markdown, HTML or a formula stays text in every
  document format, list format and CSV.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
from html import escape
from pathlib import Path

import pytest
from conftest import ROOT

from ipu_cli.store.yamlload import load_file

GROUP = Path("cases/KHM/KHM-COLL-03.yaml")
MEMBER = Path("cases/KHM/KHM-60.yaml")
LOG = ["log", "KHM-COLL-03", "--direction", "to", "--party", "authorities", "--date", "2026-02-20"]
LOGGED = "cases/KHM/KHM-COLL-03.yaml: logged 2026-02-20 to authorities (entry 5 of 5)\n"
NEW_MEMBER = [
    "new", "individual", "KHM-300", "--name", "Test Person", "--sex", "female", "--parliament",
    "National Assembly", "--mandate", "former", "--affiliation", "opposition", "--collective", "KHM-COLL-03",
]  # fmt: skip
NEW_GROUP = ["new", "collective", "KHM-COLL-09", "--parliament", "National Assembly", "--member", "KHM-60"]
DECISION = ["draft-decision", "KHM-COLL-03", "--session", "180"]
LETTER = ["draft-letter", "KHM-COLL-03", "--to", "authorities"]
BOOKLET = ["booklet", "--session", "179"]


# --- targets of -o ---------------------------------------------------------------------------


def _make(kind: str, path: Path) -> None:
    """Put `kind` at `path`: a file, a link to a file, a dangling link, a FIFO, a folder..."""
    outside = path.parent / "outside.txt"
    if kind == "file":
        path.write_text("the officer's own edits\n")
    elif kind == "link":
        outside.write_text("the file the link points to\n")
        path.symlink_to(outside)
    elif kind == "dangling":
        path.symlink_to(path.parent / "nowhere.txt")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "csv-folder":
        path.mkdir()
        (path / "cases.csv").write_text("id\nKHM-1\n")
    elif kind == "folder-link":
        (path.parent / "real").mkdir()
        path.symlink_to(path.parent / "real")
    elif kind == "link-in-folder":
        path.mkdir()
        outside.write_text("the file the link points to\n")
        (path / "KHM-COLL-03-committee-180.md").symlink_to(outside)
    elif kind == "letter-link-in-folder":
        path.mkdir()
        outside.write_text("the file the link points to\n")
        (path / "KHM-COLL-03-authorities.md").symlink_to(outside)


def _state(path: Path) -> object:
    """What is at `path`, to compare before and after (a link's target, a file's bytes...)."""
    if path.is_symlink():
        return ("link", os.readlink(path), path.read_bytes() if path.is_file() else None)
    if not path.exists():
        return None
    if path.is_dir():
        return ("folder", sorted((p.name, _state(p)) for p in path.iterdir()))
    if path.is_fifo():
        return "fifo"
    return path.read_bytes()


SYMLINK = "is a symbolic link, not a regular file; not replaced"
EXISTS = "already exists; use --force to replace it"
TARGETS = [
    # (id, what is there, argv (TARGET is replaced), exit, message; {t} is the target path)
    ("decision-md-exists", "file", [*DECISION, "-o", "TARGET.md"], 2, "ipu: {t} " + EXISTS),
    ("decision-docx-exists", "file", [*DECISION, "-o", "TARGET.docx"], 2, "ipu: {t} " + EXISTS),
    ("decision-html-forced", "file", [*DECISION, "-o", "TARGET.html", "--force"], 0, "ipu: wrote {t}"),
    ("letter-md-exists", "file", [*LETTER, "-o", "TARGET.md"], 2, "ipu: {t} " + EXISTS),
    ("letter-docx-exists", "file", [*LETTER, "-o", "TARGET.docx"], 2, "ipu: {t} " + EXISTS),
    ("letter-log-exists", "file", [*LETTER, "--log", "-o", "TARGET.md"], 2, "ipu: {t} " + EXISTS),
    ("stats-csv-exists", "file", ["stats", "-f", "csv", "-o", "TARGET.csv"], 2, "ipu: {t} " + EXISTS),
    ("stats-svg-forced", "file", ["stats", "-f", "svg", "-o", "TARGET.svg", "--force"], 0, "ipu: wrote {t}"),
    ("export-json-exists", "file", ["export", "-f", "json", "-o", "TARGET.json"], 2, "ipu: {t} " + EXISTS),
    ("export-sqlite-exists", "file", ["export", "-f", "sqlite", "-o", "TARGET.db"], 2, "ipu: {t} " + EXISTS),
    ("export-csv-folder-exists", "csv-folder", ["export", "-f", "csv", "-o", "TARGET"], 2, "ipu: {t} " + EXISTS),
    ("decision-link", "link", [*DECISION, "-o", "TARGET.md"], 2, "ipu: {t} " + SYMLINK),
    ("decision-link-forced", "link", [*DECISION, "-o", "TARGET.md", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("decision-docx-link-forced", "link", [*DECISION, "-o", "TARGET.docx", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("letter-dangling-link", "dangling", [*LETTER, "-o", "TARGET.md", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("stats-link", "link", ["stats", "-f", "json", "-o", "TARGET.json", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("export-sqlite-link", "link", ["export", "-f", "sqlite", "-o", "TARGET.db", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("export-csv-folder-link", "folder-link", ["export", "-f", "csv", "-o", "TARGET", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("stats-fifo", "fifo", ["stats", "-f", "csv", "-o", "TARGET.csv", "--force"], 2,
     "ipu: {t} is a FIFO (named pipe), not a regular file; not replaced"),
    ("letter-fifo", "fifo", [*LETTER, "-f", "md", "-o", "TARGET.md", "--force"], 2,
     "ipu: {t} is a FIFO (named pipe), not a regular file; not replaced"),
    ("export-device", None, ["export", "-f", "json", "-o", "/dev/null", "--force"], 2,
     "ipu: /dev/null is a device, not a regular file; not replaced"),
    ("decision-device", None, [*DECISION, "-f", "md", "-o", "/dev/null", "--force"], 2,
     "ipu: /dev/null is a device, not a regular file; not replaced"),
    ("stats-folder", "folder", ["stats", "-f", "csv", "-o", "TARGET", "--force"], 2,
     "ipu: {t} is a folder; give a file name"),
    ("booklet-md-exists", "file", [*BOOKLET, "-o", "TARGET.md"], 2, "ipu: {t} " + EXISTS),
    ("booklet-docx-exists", "file", [*BOOKLET, "-o", "TARGET.docx"], 2, "ipu: {t} " + EXISTS),
    ("booklet-pdf-exists", "file", [*BOOKLET, "-o", "TARGET.pdf"], 2, "ipu: {t} " + EXISTS),
    ("booklet-html-forced", "file", [*BOOKLET, "-o", "TARGET.html", "--force"], 0, "ipu: wrote {t}"),
    ("booklet-docx-link-forced", "link", [*BOOKLET, "-o", "TARGET.docx", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("booklet-dangling-link", "dangling", [*BOOKLET, "--lang", "fr", "-o", "TARGET.md"], 2, "ipu: {t} " + SYMLINK),
    ("booklet-fifo", "fifo", [*BOOKLET, "-o", "TARGET.md", "--force"], 2,
     "ipu: {t} is a FIFO (named pipe), not a regular file; not replaced"),
    ("booklet-device", None, [*BOOKLET, "-f", "md", "-o", "/dev/null", "--force"], 2,
     "ipu: /dev/null is a device, not a regular file; not replaced"),
    ("booklet-folder", "folder", [*BOOKLET, "-f", "html", "-o", "TARGET", "--force"], 2,
     "ipu: {t} is a folder; give a file name"),
    ("decision-fr-exists", "file", [*DECISION, "--lang", "fr", "-o", "TARGET.docx"], 2, "ipu: {t} " + EXISTS),
    ("letter-fr-link-forced", "link", [*LETTER, "--lang", "fr", "-o", "TARGET.md", "--force"], 2,
     "ipu: {t} " + SYMLINK),
    ("decision-pdf-link-forced", "link", [*DECISION, "-o", "TARGET.pdf", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("yearly-stats-svg-exists", "file", ["stats", "--year", "2026", "-f", "svg", "-o", "TARGET.svg"], 2,
     "ipu: {t} " + EXISTS),
    ("yearly-stats-link", "link", ["stats", "--year", "2025", "--with-confidential-counts", "-f", "csv", "-o",
     "TARGET.csv", "--force"], 2, "ipu: {t} " + SYMLINK),
    ("decision-all-link", "link-in-folder", ["draft-decision", "--all", "--session", "180", "-o", "TARGET", "--force"],
     2, "ipu: {t}/KHM-COLL-03-committee-180.md " + SYMLINK),
    ("letter-all-link", "letter-link-in-folder",
     ["draft-letter", "--all", "--session", "179", "--to", "authorities", "-o", "TARGET", "--force"],
     2, "ipu: {t}/KHM-COLL-03-authorities.md " + SYMLINK),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "argv", "code", "message"), [t[1:] for t in TARGETS], ids=[t[0] for t in TARGETS]
)
def test_output_targets(repo, ipu, tmp_path, kind, argv, code, message):
    out = tmp_path / "out"
    out.mkdir()
    base = out / "target"
    args = [a.replace("TARGET", str(base)) for a in argv]
    target = Path(next(a for a in args if a.startswith((str(base), "/dev/"))))
    if kind:
        _make(kind, target)
    before = _state(target)
    log_before = (repo / GROUP).read_bytes()
    result = ipu(*args)
    assert (result.code, result.out) == (code, "")
    assert result.err.splitlines()[-1] == message.format(t=target)
    if code:
        assert _state(target) == before
        assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []  # no temporary file
    else:
        assert not target.is_symlink() and target.read_bytes() != b"the officer's own edits\n"
    assert (repo / GROUP).read_bytes() == log_before  # --log never ran when the letter was refused


# --- case files ipu log and ipu new must not edit ---------------------------------------------


def _read_only(repo: Path, path: Path) -> None:
    (repo / path).chmod(0o444)


def _linked(repo: Path, path: Path) -> None:
    real = repo / "elsewhere" / path.name
    real.parent.mkdir()
    (repo / path).rename(real)
    (repo / path).symlink_to(real)


def _flow_mapping(repo: Path, path: Path) -> None:
    (repo / "cases/KHM/KHM-7.yaml").write_text(
        "{id: KHM-7, name: Flow Person, sex: male, country: KHM, parliament: National Assembly, "
        "mandate: former, affiliation: opposition, confidentiality: confidential}\n"
    )


def _log_spans_lines(repo: Path, path: Path) -> None:
    text = (repo / GROUP).read_text()
    start, end = text.index("communications:\n"), text.index("\ndecisions:\n")
    (repo / GROUP).write_text(text[:start] + "communications: [\n  ]\n" + text[end:])


READ_ONLY = "is read-only; nothing written (make it writable first)"
CASE_FILES = [
    ("log-read-only", _read_only, GROUP, LOG, 1, "ipu: cases/KHM/KHM-COLL-03.yaml " + READ_ONLY),
    ("log-member-read-only-group", _read_only, GROUP, ["log", *LOG[1:]], 1,
     "ipu: cases/KHM/KHM-COLL-03.yaml " + READ_ONLY),
    ("log-legacy-id-read-only-group", _read_only, GROUP, ["log", "CMBD/60", *LOG[2:]], 1,
     "ipu: cases/KHM/KHM-COLL-03.yaml " + READ_ONLY),
    ("letter-log-read-only", _read_only, GROUP, [*LETTER, "--log"], 1,
     "ipu: letter written but not logged: cases/KHM/KHM-COLL-03.yaml " + READ_ONLY),
    ("new-member-read-only-group", _read_only, GROUP, NEW_MEMBER, 1, "ipu: cases/KHM/KHM-COLL-03.yaml " + READ_ONLY),
    ("new-group-read-only-member", _read_only, MEMBER, NEW_GROUP, 1, "ipu: cases/KHM/KHM-60.yaml " + READ_ONLY),
    ("log-linked-file", _linked, GROUP, LOG, 1,
     "ipu: cases/KHM/KHM-COLL-03.yaml is a symbolic link, not a regular file; nothing written"),
    ("new-member-linked-group", _linked, GROUP, NEW_MEMBER, 1,
     "ipu: cases/KHM/KHM-COLL-03.yaml is a symbolic link, not a regular file; nothing written"),
    ("log-flow-mapping-file", _flow_mapping, GROUP, ["log", "KHM-7", *LOG[2:]], 1,
     "ipu: the file is written as one flow mapping ({...}); add the entry by hand"),
    ("log-empty-list-on-two-lines", _log_spans_lines, GROUP, LOG, 1,
     "ipu: cases/KHM/KHM-COLL-03.yaml:146: 'communications' is empty over several lines; tidy it by hand"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("setup", "path", "argv", "code", "message"), [c[1:] for c in CASE_FILES], ids=[c[0] for c in CASE_FILES]
)
def test_case_files_not_edited(repo, ipu, tmp_path, setup, path, argv, code, message):
    import shutil

    shutil.copytree(ROOT / "templates", repo / "templates")
    setup(repo, path)
    before = {p: (p.is_symlink(), p.read_bytes()) for p in sorted((repo / "cases").rglob("*.yaml"))}
    args = [a.replace("TARGET", str(tmp_path / "letter.md")) for a in argv]
    result = ipu(*args)
    assert result.code == code, result.err
    assert result.err.splitlines()[-1] == message
    after = {p: (p.is_symlink(), p.read_bytes()) for p in sorted((repo / "cases").rglob("*.yaml"))}
    assert after == before
    assert [p.name for p in (repo / "cases/KHM").iterdir() if p.name.endswith((".tmp", ".old"))] == []


def test_repeated_entry_is_logged_with_a_warning(repo, ipu):
    first = ipu(*LOG, "--description", "Letter of reminder")
    assert (first.code, first.err) == (0, "")
    again = ipu(*LOG, "--description", "Letter of reminder")
    assert again.code == 0
    assert again.out == (
        "cases/KHM/KHM-COLL-03.yaml: logged 2026-02-20 to authorities: Letter of reminder (entry 6 of 6)\n"
    )
    assert again.err == (
        "ipu: warning: an identical entry is already in the log (entry 5); logged again "
        "(remove one by hand if this was a mistake)\n"
    )
    other = ipu(*LOG, "--description", "Another letter")  # same day, another letter: no warning
    assert (other.code, other.err) == (0, "")


def test_stale_temporary_files_are_removed_and_ignored(repo, ipu):
    """A killed run leaves `.<file>.<pid>-<random>.tmp`; validate never reads it, the next write removes it."""
    folder = repo / "cases/KHM"
    dead = folder / ".KHM-COLL-03.yaml.999999999-abcd.tmp"  # no such process
    dead.write_text("id: [half a file\n")
    alive = folder / f".KHM-COLL-03.yaml.{os.getpid()}-efgh.tmp"  # a run still going
    alive.write_text("id: [being written\n")
    check = ipu("validate")
    assert (check.code, check.out, check.err) == (0, "", "39 files checked: no problems\n")
    assert ipu(*LOG).code == 0
    assert not dead.exists() and alive.exists()
    ignored = (ROOT / ".gitignore").read_text().split()
    assert {".*.tmp", ".*.old", ".*.lock"} <= set(ignored)


# --- hand-written case files in every valid style ---------------------------------------------


def _group_text(repo: Path) -> str:
    return (repo / GROUP).read_text()


def _log_block(text: str) -> tuple[int, int]:
    return text.index("communications:\n"), text.index("\ndecisions:\n")


def _restyle_log(repo: Path, style: str) -> str:
    """The group file with its log (four entries) written in `style`."""
    text = _group_text(repo)
    start, end = _log_block(text)
    entries = load_file(repo / GROUP).data["communications"]
    if style == "zero-indent":
        log = "communications:\n" + "".join(
            "- " + "\n  ".join(f"{k}: {v}" for k, v in e.items()) + "\n" for e in entries
        )
    elif style == "wide-indent":
        log = "communications:\n" + "".join(
            "    -   " + "\n        ".join(f"{k}: {v}" for k, v in e.items()) + "\n" for e in entries
        )
    elif style == "flow-items":
        log = "communications:\n" + "".join(
            "  - {" + ", ".join(f"{k}: {v}" for k, v in e.items()) + "}\n" for e in entries
        )
    elif style == "flow-list":
        log = (
            "communications: ["
            + ", ".join("{" + ", ".join(f"{k}: {v}" for k, v in e.items()) + "}" for e in entries)
            + "]\n"
        )
    elif style == "comments":
        log = text[start:end].replace(
            "  - date: 2025-12\n", "  # letters of 2025\n  - date: 2025-12  # sent by post\n"
        )
        log = log.replace("    party: complainant\n", "    party: complainant\n    # nothing since\n", 1)
    elif style == "folded":
        log = text[start:end] + "\n"
        log = log.replace(
            "    description: Letter to the Secretary General of the National Assembly\n",
            "    description: >-\n      Letter to the Secretary General\n      of the National Assembly\n\n",
        )
        log = log.rstrip("\n") + "\n"
    elif style == "empty-flow":
        log = "communications: []  # none yet\n"
    elif style == "missing":
        log = ""
    else:
        raise AssertionError(style)
    return text[:start] + log + text[end + 1 :] if log else text[:start] + text[end + 1 :].lstrip("\n")


def _only_adds(old: str, new: str) -> bool:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    return all(tag in ("equal", "insert") for tag, *_ in ops)


STYLES = [
    # (id, log style, how the bytes are stored, exit code, stdout)
    ("lf", "comments", "lf", LOGGED),
    ("crlf", "comments", "crlf", LOGGED),
    ("bom-crlf", "zero-indent", "bom-crlf", LOGGED),
    ("no-final-newline", "wide-indent", "no-final-newline", LOGGED),
    ("document-markers", "comments", "document-markers", LOGGED),
    ("zero-indent", "zero-indent", "lf", LOGGED),
    ("wide-indent", "wide-indent", "lf", LOGGED),
    ("folded-text", "folded", "lf", LOGGED),
    ("flow-items", "flow-items", "lf", LOGGED),
    ("flow-list", "flow-list", "crlf", LOGGED),
    ("empty-flow", "empty-flow", "lf", LOGGED.replace("entry 5 of 5", "entry 1 of 1")),
    ("missing", "missing", "crlf", LOGGED.replace("entry 5 of 5", "entry 1 of 1")),
]


def _store(text: str, how: str) -> bytes:
    if how == "crlf":
        return text.replace("\n", "\r\n").encode()
    if how == "bom-crlf":
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    if how == "no-final-newline":
        return text.rstrip("\n").encode()
    if how == "document-markers":
        return ("---\n" + text + "...\n").encode()
    return text.encode()


@pytest.mark.parametrize(("style", "how", "out"), [s[1:] for s in STYLES], ids=[s[0] for s in STYLES])
def test_hand_written_styles_take_the_entry(repo, ipu, style, how, out):
    path = repo / GROUP
    old = _store(_restyle_log(repo, style), how)
    path.write_bytes(old)
    before = load_file(path).data
    assert ipu("validate").code == 0
    result = ipu(*LOG, "--description", "yes")
    assert (result.code, result.err) == (0, "")
    assert result.out == out.replace("authorities (entry", "authorities: yes (entry")
    new = path.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf")
    assert new.count(b"\r\n") == new.count(b"\n") if b"\r\n" in old else b"\r" not in new
    assert new.endswith(b"\n") == old.endswith(b"\n")
    text_old, text_new = old.decode(), new.decode()
    if style == "flow-list":  # one line grows: the entry goes inside the flow list
        (line,) = [x for x in text_new.splitlines() if x.startswith("communications:")]
        assert line.endswith(", {date: 2026-02-20, direction: to, party: authorities, description: 'yes'}]")
    elif style == "empty-flow":
        assert "communications:  # none yet\n  - date: 2026-02-20\n" in text_new
    else:
        assert _only_adds(text_old, text_new)
    after = load_file(path).data
    entry = {"date": "2026-02-20", "direction": "to", "party": "authorities", "description": "yes"}
    assert after["communications"] == [*before.get("communications", []), entry]
    assert {k: v for k, v in after.items() if k != "communications"} == {
        k: v for k, v in before.items() if k != "communications"
    }
    assert ipu("validate").code == 0


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ("members: [KHM-48, KHM-49]\n", "members: [KHM-48, KHM-49, KHM-300]\n"),
        ("members: [\n    KHM-48,\n    KHM-49\n  ]  # two\n", "members: [\n    KHM-48,\n    KHM-49, KHM-300\n  ]  # two\n"),
        ("members:\n- KHM-48  # first\n- KHM-49\n", "members:\n- KHM-48  # first\n- KHM-49\n- KHM-300\n"),
    ],
    ids=["flow", "flow-on-lines", "zero-indent"],
)  # fmt: skip
def test_new_member_joins_a_hand_written_group(repo, ipu, members, expected):
    import shutil

    shutil.copytree(ROOT / "templates", repo / "templates")
    text = _group_text(repo)
    start, end = text.index("members:\n"), text.index("\ncomplaint:")
    group = text[:start] + members + text[end:]
    for mp in load_file(repo / GROUP).data["members"][2:]:  # a group of two
        path = repo / f"cases/KHM/{mp}.yaml"
        path.write_text(path.read_text().replace("collectives: [KHM-COLL-03]\n", ""))
    (repo / GROUP).write_bytes(group.replace("\n", "\r\n").encode())
    result = ipu(*NEW_MEMBER)
    assert (result.code, result.err) == (0, "")
    assert result.out == "created cases/KHM/KHM-300.yaml\nupdated cases/KHM/KHM-COLL-03.yaml\n"
    assert (repo / GROUP).read_bytes() == group.replace(members, expected).replace("\n", "\r\n").encode()
    assert ipu("validate").code == 0


def test_new_group_adds_a_collectives_line_to_a_member_without_one(repo, ipu):
    import shutil

    shutil.copytree(ROOT / "templates", repo / "templates")
    member = repo / "cases/KHM/KHM-99.yaml"
    text = member.read_text().replace("collectives: [KHM-COLL-03]\n", "")
    member.write_text(text)
    group = repo / GROUP
    group.write_text(group.read_text().replace("  - KHM-99\n", ""))
    result = ipu(
        "new", "collective", "KHM-COLL-09", "--parliament", "National Assembly", "--member", "KHM-99"
    )
    assert (result.code, result.err) == (0, "")
    party = next(line for line in text.splitlines() if line.startswith("party:"))
    assert member.read_text() == text.replace(party + "\n", party + "\ncollectives: [KHM-COLL-09]\n")


def test_new_writes_all_or_nothing(repo, ipu, monkeypatch):
    """The group is replaced, then the new file fails to appear: the group gets its bytes back."""
    import shutil

    from ipu_cli.store import atomic

    shutil.copytree(ROOT / "templates", repo / "templates")
    before = {p: p.read_bytes() for p in (repo / "cases").rglob("*.yaml")}
    real = os.replace
    calls = []

    def fail_group(src, dst):
        if str(dst).endswith(".yaml"):
            calls.append(dst)
        if str(dst).endswith("KHM-COLL-03.yaml"):
            raise OSError(28, "No space left on device", str(dst))
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", fail_group)
    result = ipu(*NEW_MEMBER)
    assert (result.code, result.out) == (1, "")
    assert (
        result.err
        == "ipu: cannot write cases/KHM/KHM-COLL-03.yaml: No space left on device; nothing written\n"
    )
    assert [Path(c).name for c in calls] == ["KHM-300.yaml", "KHM-COLL-03.yaml"]
    assert {p: p.read_bytes() for p in (repo / "cases").rglob("*.yaml")} == before
    assert [p.name for p in (repo / "cases/KHM").iterdir() if p.name.endswith(".tmp")] == []


# --- values that YAML would read as something else --------------------------------------------

VALUES = [
    "yes", "no", "on", "off", "y", "n", "true", "False", "null", "Null", "~", "12:30", "1:20:30", "0x10", "0o17",
    "1e3", "1_000", ".5", ".inf", "-.inf", "NaN", "2026-02-30", "2026-02-20", "2026-02-20T10:00:00",
    "# not a comment", "a #b", "key: value", "ends with colon:", "- dash", "? question", "[list]", "{map}",
    "'single'", '"double"', "it's", "*star*", "&anchor", "!tag", "!!str x", "%directive", "@at", "`tick`",
    "| pipe", "> folded", "...", "---", ",comma", "a, b", "Ünïcödé ☃", "x\\y", "line\nbreak", "tab\there",
    "  leading", "trailing  ", "KHM-60", "National Assembly",
]  # fmt: skip


@pytest.mark.parametrize("value", VALUES)
def test_scalar_reads_back_as_the_same_text(value):
    from ipu_cli.store.textedit import scalar
    from ipu_cli.store.yamlload import load_text

    written = scalar(value)
    loaded = load_text(f"key: {written}\nnext: [{written}]\n", "<test>")
    assert loaded.faults == []
    assert loaded.data == {"key": value, "next": [value]}, written


LOGGED_VALUES = [
    "yes",
    "no",
    "on",
    "off",
    "null",
    "~",
    "12:30",
    "0x10",
    "1e3",
    "2026-02-30",
    "# hash",
    "a: b",
    "- x",
    "'q'",
]


@pytest.mark.parametrize("value", LOGGED_VALUES)
def test_logged_description_reads_back(repo, ipu, value):
    result = ipu(*LOG, "--description", value)
    assert (result.code, result.err) == (0, ""), result.err
    logged = load_file(repo / GROUP).data["communications"][-1]
    assert logged == {
        "date": "2026-02-20",
        "direction": "to",
        "party": "authorities",
        "description": value.strip(),
    }


@pytest.mark.parametrize(
    "name", ["yes", "No", "12:30", "1e3", "2026-02-30", "  Spaced  Name ", "# Hash", "O'Brien: MP"]
)
def test_new_case_values_read_back(repo, ipu, name):
    import shutil

    shutil.copytree(ROOT / "templates", repo / "templates")
    result = ipu(*NEW_MEMBER[:4], name, *NEW_MEMBER[5:], "--party", name)
    assert (result.code, result.err) == (0, "")
    data = load_file(repo / "cases/KHM/KHM-300.yaml").data
    assert (data["name"], data["party"]) == (name, name)


# --- data that looks like markup stays text ---------------------------------------------------

HOSTILE_TEXTS = [
    "1. Not a list",
    "12) Not a list either",
    "# Not a heading",
    "- not a bullet",
    "+ not a bullet",
    "> not a quote",
    "**DRAFT**",
    "**CONFIDENTIAL**",
    "a * b * c",
    "2*3*4",
    "snake_case and __dunder__",
    "pipe | inside | text",
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "![image](javascript:alert(1))",
    "<javascript:alert(1)>",
    "`code` and ~~struck~~",
    "&#106;avascript &amp;",
    "---",
    "===",
    "back\\slash\\*",
]
HOSTILE_ITALICS = "Sentenced *in absentia*; *notes* it"


def _hostile_base(repo: Path, text: str) -> None:
    """`text` as a member's name, the group's summary, an adopted paragraph, a sub-item, a
    footnote's note and the authorities' addressee."""
    mp = repo / "cases/KHM/KHM-48.yaml"
    mp.write_text(mp.read_text().replace("name: Mu Sochua", f"name: {_yaml(text)}"))
    mp56 = repo / "cases/KHM/KHM-56.yaml"
    mp56.write_text(
        mp56.read_text().replace("  - code: impunity\n", f"  - code: impunity\n    note: {_yaml(text)}\n")
    )
    group = repo / GROUP
    data = group.read_text()
    start = data.index("summary: |-\n")
    end = start + re.search(r"\n\n[a-z_]+:", data[start:]).start()
    data = data[:start] + f"summary: {_yaml(text + ' / ' + HOSTILE_ITALICS)}" + data[end:]
    data = data.replace(
        "    title: Secretary General of the National Assembly\n",
        f"    title: {_yaml(text)}\n    name: {_yaml(text)}\n",
    )
    paragraph = f"      - verb: Notes\n        text: {_yaml(text)}\n        items: [{_yaml(text)}]\n"
    data = data.replace("      - verb: Reaffirms\n", paragraph + "      - verb: Reaffirms\n", 1)
    group.write_text(data)


def _yaml(text: str) -> str:
    from ipu_cli.store.textedit import scalar

    return scalar(text)


def _markdown_tokens(markdown: str) -> tuple[list[str], list[tuple[str, str | None]]]:
    """Block token types, and (type, href) of every inline token that is markup, not text."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(markdown)
    blocks = [t.type for t in tokens if t.type != "inline"]
    inline = [
        (child.type, child.attrs.get("href") or child.attrs.get("src"))
        for t in tokens
        if t.type == "inline"
        for child in t.children or []
        if child.type not in ("text", "softbreak", "hardbreak")
    ]
    return blocks, inline


DOCUMENTS = {
    "decision": ["draft-decision", "KHM-COLL-03", "--session", "179", "--adopted"],
    "letter": ["draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "179"],
}
_CLEAN: dict[str, tuple[list[str], list[tuple[str, str | None]]]] = {}


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_markup_in_data_stays_text_in_decisions_and_letters(repo, ipu, tmp_path, text):
    if not _CLEAN:  # the same documents with plain words in the same places, made once
        pristine = {p: p.read_bytes() for p in (repo / "cases").rglob("*.yaml")}
        _hostile_base(repo, "Plain words")
        _CLEAN.update({name: _markdown_tokens(ipu(*argv).out) for name, argv in DOCUMENTS.items()})
        for path, data in pristine.items():
            path.write_bytes(data)
    _hostile_base(repo, text)
    for name, argv in DOCUMENTS.items():
        result = ipu(*argv)
        assert result.code == 0, result.err
        # The same Markdown structure as with plain words: no new heading, list, quote, rule,
        # link, image, HTML, bold, code or italics (a CommonMark parser reads both).
        blocks, inline = _markdown_tokens(result.out)
        assert (blocks, sorted(inline)) == (_CLEAN[name][0], sorted(_CLEAN[name][1])), name
        # HTML: the text escaped, no element and no link the data made.
        html = ipu(*argv, "-f", "html").out
        assert escape(text, quote=False) in html, name
        assert "<script" not in html and re.findall(r"<a |<img |href=|src=", html) == []
    # Word: the same text in the .docx, in no bold or italic run the data made.
    target = tmp_path / "decision.docx"
    assert ipu(*DOCUMENTS["decision"], "-o", str(target)).code == 0
    found = [runs for paragraph, runs in _docx_paragraphs(target) if text in paragraph]
    assert len(found) >= 4  # name, summary, paragraph, sub-item, footnote
    for runs in found:
        assert [(bold, italic) for run, bold, italic in runs if text in run] in ([(False, False)], [])


def _docx_paragraphs(path: Path) -> list[tuple[str, list[tuple[str, bool, bool]]]]:
    """Every paragraph of the body (table cells included: the case list, the box) and of the
    footnotes (the checklist's notes), with its runs' bold and italics."""
    import docx
    from docx.oxml import parse_xml
    from docx.text.paragraph import Paragraph

    paragraph = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
    document = docx.Document(str(path))
    elements = list(document.element.body.iter(paragraph))
    notes = [r.target_part for r in document.part.rels.values() if r.reltype.endswith("/footnotes")]
    for part in notes:
        elements += parse_xml(part.blob).iter(paragraph)
    paragraphs = [Paragraph(element, document) for element in elements]
    return [(p.text, [(r.text, bool(r.bold), bool(r.italic)) for r in p.runs]) for p in paragraphs if p.text]


def test_italics_of_adopted_text_survive_in_every_format(repo, ipu, tmp_path):
    _hostile_base(repo, "**DRAFT**")
    argv = ["draft-decision", "KHM-COLL-03", "--session", "179", "--adopted"]
    markdown = ipu(*argv).out
    assert "**DRAFT**" not in markdown.replace("\\*\\*DRAFT\\*\\*", "")
    assert "\\*\\*DRAFT\\*\\* / Sentenced *in absentia*; *notes* it" in markdown
    html = ipu(*argv, "-f", "html").out
    assert "<p>**DRAFT** / Sentenced <em>in absentia</em>; <em>notes</em> it</p>" in html
    target = tmp_path / "d.docx"
    assert ipu(*argv, "-o", str(target)).code == 0
    runs = next(r for p, r in _docx_paragraphs(target) if p.startswith("**DRAFT** / Sentenced"))
    assert runs == [
        ("**DRAFT** / Sentenced ", False, False),
        ("in absentia", False, True),
        ("; ", False, False),
        ("notes", False, True),
        (" it", False, False),
    ]


FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_are_never_formulas(repo, ipu, tmp_path, formula):
    mp = repo / "cases/KHM/KHM-48.yaml"
    mp.write_text(mp.read_text().replace("name: Mu Sochua", f"name: {_yaml(formula)}"))
    listed = ipu("list", "-f", "csv", "--columns", "id,name")
    assert listed.code == 0
    rows = list(csv.reader(io.StringIO(listed.out)))
    assert rows[1] == ["KHM-48", "'" + formula]
    assert ipu("export", "-f", "csv", "-o", str(tmp_path / "x")).code == 0
    with (tmp_path / "x" / "members.csv").open(newline="", encoding="utf-8") as handle:
        members = {row["id"]: row["name"] for row in csv.DictReader(handle)}
    assert members["KHM-48"] == "'" + formula
    exported = json.loads(ipu("list", "-f", "json", "--columns", "id,name").out)
    assert exported[0] == {"id": "KHM-48", "name": formula}  # data formats keep the exact text


def test_csv_cell_rule():
    """Tabs and carriage returns cannot start a case-file value (the models strip them), but
    the rule covers them for any cell."""
    from ipu_cli.domain.markup import csv_cell

    assert [csv_cell(t) for t in ("\tx", "\rx", "=1", "+1", "-1", "@x", "x=1", " =1", "")] == [
        "'\tx", "'\rx", "'=1", "'+1", "'-1", "'@x", "x=1", " =1", "",
    ]  # fmt: skip


def test_numbers_in_csv_stay_numbers(repo, ipu):
    out = ipu("stats", "-f", "csv").out
    assert "total,mps,38\n" in out


@pytest.mark.parametrize("text", ["[x](javascript:alert(1))", "a | b", "<b>bold</b>", "*x*"])
def test_markdown_rows_are_text(repo, ipu, text):
    mp = repo / "cases/KHM/KHM-48.yaml"
    mp.write_text(mp.read_text().replace("name: Mu Sochua", f"name: {_yaml(text)}"))
    out = ipu("list", "-f", "markdown", "--columns", "id,name").out
    _, inline = _markdown_tokens(out)
    assert inline == []
    from ipu_cli.domain.markup import plain_text

    assert f"| KHM-48 | {plain_text(out.splitlines()[2].split(' | ', 1)[1][:-2])} |" == f"| KHM-48 | {text} |"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript:x",
        " javascript:x",
        "data:text/html,x",
        "//evil.example",
        "vbscript:x",
    ],
)
def test_no_link_but_files_and_web_addresses(link):
    from ipu_cli.domain.markup import safe_link

    with pytest.raises(ValueError, match="is not a relative file, http"):
        safe_link(link)
    for good in ("KHM-COLL-03-committee-180.md", "https://www.ipu.org", "mailto:x@ipu.org"):
        assert safe_link(good) == good


def test_svg_chart_labels_are_text(repo, ipu, tmp_path):
    """A label from data/ holding markup stays one text node of a well-formed SVG."""
    import xml.etree.ElementTree as ET

    label = "<script>alert(\"x\")</script> & 'Expression' ]]>"
    vocabulary = repo / "data/violations.yaml"
    text = vocabulary.read_text()
    plain = "label: Violation of freedom of opinion and expression"
    assert plain in text
    vocabulary.write_text(text.replace(plain, f"label: {_yaml(label)}", 1))
    target = tmp_path / "chart.svg"
    result = ipu("stats", "--by", "violation", "-f", "svg", "-o", str(target))
    assert (result.code, result.err) == (0, f"ipu: wrote {target}\n")
    root = ET.parse(target).getroot()
    texts = [element.text for element in root.iter("{http://www.w3.org/2000/svg}text")]
    assert label in texts
    assert not any(e.tag.endswith("script") for e in root.iter())


# --- hidden characters given on the command line -----------------------------------------------

HIDDEN_VALUES = [
    (
        [*LOG, "--description", "Letter\x07 sent"],
        GROUP,
        "cases/KHM/KHM-COLL-03.yaml:164:18: error hidden-character hidden character U+0007 BELL (written as an "
        "escape): it makes the text read differently from what it holds; remove it\n"
        "ipu: cases/KHM/KHM-COLL-03.yaml would not be valid with this entry; nothing written\n",
    ),
    (
        ["close", "KHM-60", "--session", "179", "--reason", "release\x1b[2J"],
        MEMBER,
        "cases/KHM/KHM-60.yaml:49:11: error hidden-character hidden character U+001B ESCAPE (written as an "
        "escape): it makes the text read differently from what it holds; remove it\n"
        "ipu: cases/KHM/KHM-60.yaml would not be valid with this change; nothing written\n",
    ),
    (
        [
            "record",
            "KHM-60",
            "event",
            "--date",
            "2026-01-05",
            "--type",
            "arrest",
            "--text",
            "Arrested \u2066again",
        ],
        MEMBER,
        "cases/KHM/KHM-60.yaml:47:21: error hidden-character hidden character U+2066 LEFT-TO-RIGHT ISOLATE: it "
        "makes the text read differently from what it holds; remove it\n"
        "ipu: cases/KHM/KHM-60.yaml would not be valid with this change; nothing written\n",
    ),
]


@pytest.mark.parametrize(
    ("argv", "path", "err"), HIDDEN_VALUES, ids=["log-bell", "close-escape", "record-isolate"]
)
def test_hidden_characters_from_the_command_line_are_not_written(repo, ipu, argv, path, err):
    """A control character in a value is written as a YAML escape ("\\x07"); the file's own
    characters are then clean, and the loader used to accept it: `ipu log` wrote a BELL into
    the case file. It is refused like a typed one, naming the code point."""
    before = (repo / path).read_bytes()
    result = ipu(*argv)
    assert (result.code, result.out, result.err) == (1, "", err)
    assert (repo / path).read_bytes() == before


def test_untranslated_write_keeps_crlf_and_the_byte_order_mark(synthetic, ipu):
    """`ipu untranslated --write` appends in the file's own style, as every edit does: it read
    the file with universal newlines and wrote every line of a CRLF file back as LF."""
    path = synthetic / "cases/HND/HND-COLL-02.fr.yaml"
    original = (
        "\ufeffstatus: unofficial\r\ntexts:\r\n  - en: National Congress\r\n    fr: le Congrès national\r\n"
    )
    path.write_bytes(original.encode("utf-8"))
    printed = ipu("untranslated", "HND-COLL-02")
    assert printed.code == 0 and printed.out.startswith("  # summary\n")
    written = ipu("untranslated", "HND-COLL-02", "--write")
    assert (written.code, written.out, written.err) == (
        0,
        "",
        "ipu: added 12 texts to translate to cases/HND/HND-COLL-02.fr.yaml\n",
    )
    raw = path.read_bytes()
    assert raw == (original + printed.out.replace("\n", "\r\n")).encode("utf-8")
    assert ipu("validate", str(path)).code == 0
