"""Output handling shared by `ipu draft-decision` and `ipu draft-letter` (commands/common.py).

Every refusal is one line on stderr with a non-zero exit, and leaves no file
behind: unknown or conflicting formats, missing or unwritable folders, --all
into a folder that already holds the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

COMMANDS = {
    "draft-decision": ["draft-decision", "KHM-COLL-03", "--session", "180"],
    "draft-letter": ["draft-letter", "KHM-COLL-03", "--to", "authorities"],
}
ALL = {
    "draft-decision": (["draft-decision", "--all", "--session", "180"], "KHM-COLL-03-committee-180.md", 1),
    "draft-letter": (["draft-letter", "--all", "--session", "179"], "KHM-COLL-03-authorities.md", 2),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_extension_needs_format(repo, ipu, tmp_path, command):
    target = tmp_path / "x.odt"
    result = ipu(*COMMANDS[command], "-o", str(target))
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == "ipu: cannot tell the format from 'x.odt': use .md, .html, .docx or .pdf, or give --format\n"
    )
    assert not target.exists()
    text = tmp_path / "x.txt"
    assert ipu(*COMMANDS[command], "-o", str(text), "--format", "md").code == 0
    assert text.read_text(encoding="utf-8") == ipu(*COMMANDS[command]).out


@pytest.mark.parametrize("command", COMMANDS)
def test_format_conflicting_with_extension(repo, ipu, tmp_path, command):
    target = tmp_path / "x.md"
    result = ipu(*COMMANDS[command], "-o", str(target), "--format", "html")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"ipu: --format html conflicts with the extension of {target} (md)\n"
    assert not target.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_folder(repo, ipu, tmp_path, command):
    target = tmp_path / "nowhere" / "x.md"
    result = ipu(*COMMANDS[command], "-o", str(target))
    assert (result.code, result.out) == (2, "")
    assert result.err.endswith(f"ipu: cannot write {target}: folder {target.parent} does not exist\n")
    assert not target.parent.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_unwritable_file_is_a_message_not_a_traceback(repo, ipu, tmp_path, command, monkeypatch):
    from ipu_cli.store import atomic

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(atomic, "write_bytes", refuse)
    target = tmp_path / "out" / "x.html"
    target.parent.mkdir()
    result = ipu(*COMMANDS[command], "-o", str(target))
    assert (result.code, result.out) == (1, "")
    assert result.err.endswith(f"ipu: cannot write {target}: Permission denied\n")
    assert list(target.parent.iterdir()) == []


@pytest.mark.parametrize("command", ALL)
def test_all_refuses_to_replace_files_without_force(repo, ipu, tmp_path, command):
    args, name, others = ALL[command]
    folder = tmp_path / "out"
    assert ipu(*args, "-o", str(folder)).code == 0
    (folder / name).write_text("edited by hand\n", encoding="utf-8")
    result = ipu(*args, "-o", str(folder))
    assert (result.code, result.out) == (2, "")
    assert result.err.endswith(
        f"ipu: {folder / name} and {others} more {'file' if others == 1 else 'files'} already exist;"
        " use --force to replace them\n"
    )
    assert (folder / name).read_text(encoding="utf-8") == "edited by hand\n"
    assert ipu(*args, "-o", str(folder), "--force").code == 0
    assert (folder / name).read_text(encoding="utf-8") != "edited by hand\n"


@pytest.mark.parametrize("command", ALL)
def test_all_into_a_file(repo, ipu, tmp_path, command):
    args, _, _ = ALL[command]
    target = tmp_path / "x.md"
    target.write_text("keep\n", encoding="utf-8")
    result = ipu(*args, "-o", str(target))
    assert (result.code, result.out) == (2, "")
    assert result.err.endswith(f"ipu: {target} is a file; --all writes into a folder\n")
    assert target.read_text(encoding="utf-8") == "keep\n"


@pytest.mark.parametrize("command", ALL)
def test_all_into_a_new_name_that_looks_like_a_file(repo, ipu, tmp_path, command):
    """`--all -o D.docx` would make a folder named like a Word file, full of Markdown."""
    args, _, _ = ALL[command]
    target = tmp_path / "D.docx"
    result = ipu(*args, "-o", str(target))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"ipu: --all writes one file per case into a folder; -o {target} names a file "
        "(give a folder, and --format docx)\n"
    )
    assert not target.exists()


@pytest.mark.parametrize("command", ALL)
def test_all_writes_nothing_when_one_document_fails(repo, ipu, tmp_path, command):
    templates = repo / "templates"
    templates.mkdir()
    name = "decision.md.j2" if command == "draft-decision" else "letter-authorities.md.j2"
    (templates / name).write_text("{{ no_such_value }}\n", encoding="utf-8")
    args, _, _ = ALL[command]
    folder = tmp_path / "out"
    result = ipu(*args, "-o", str(folder))
    assert (result.code, result.out) == (1, "")
    assert result.err.endswith("nothing written\n")
    assert f"templates/{name}, line 1: 'no_such_value' is undefined" in result.err
    assert not folder.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_legacy_id_is_accepted(repo, ipu, command):
    args = COMMANDS[command]
    # CMBD/60 is KHM-60, a member of the group: both commands work on the group.
    result = ipu(args[0], "CMBD/60", *args[2:])
    group = ipu(*args)
    assert (result.code, result.out) == (0, group.out)
    assert "ipu: KHM-60 is examined in KHM-COLL-03; " in result.err


@pytest.mark.parametrize("command", COMMANDS)
def test_unreadable_case_file_names_file_line_column(repo, ipu, command):
    group = repo / "cases/KHM/KHM-COLL-03.yaml"
    group.write_text("id: KHM-COLL-03\n  bad: indent\n", encoding="utf-8")
    result = ipu(*COMMANDS[command])
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("ipu: cannot read KHM-COLL-03: cases/KHM/KHM-COLL-03.yaml:2:")
    assert result.err.count("\n") == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_unicode_and_script_names_are_escaped_in_html(repo, ipu, command):
    path = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    text = path.read_text(encoding="utf-8")
    if command == "draft-letter":
        assert "title: Secretary General of the National Assembly" in text
        text = text.replace(
            "title: Secretary General of the National Assembly",
            "title: Secrétaire <script>alert(1)</script> Ğ",
        )
    else:
        member = repo / "cases" / "KHM" / "KHM-48.yaml"
        member.write_text(
            member.read_text(encoding="utf-8").replace(
                "name: Mu Sochua", "name: Mu Sochua Ğ <script>alert(1)</script>"
            ),
            encoding="utf-8",
        )
    path.write_text(text, encoding="utf-8")
    result = ipu(*COMMANDS[command], "-f", "html")
    assert result.code == 0, result.err
    assert "<script>" not in result.out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.out
    assert "Ğ" in result.out


def test_an_edited_template_is_read_again_in_the_same_process(tmp_path):
    """The Jinja environment is kept for the process (a batch compiles each template once),
    but a template changed on disk is used as it now is."""
    import os

    from ipu_cli.documents.environment import environment, render_text

    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "note.md.j2"
    template.write_text("first {{ x }}\n", encoding="utf-8")
    assert render_text("note.md.j2", {"x": "1"}, tmp_path) == "first 1\n"
    assert environment(tmp_path) is environment(tmp_path)
    template.write_text("second {{ x }}\n", encoding="utf-8")
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert render_text("note.md.j2", {"x": "2"}, tmp_path) == "second 2\n"
