"""A confidential case and internal fields never reach public output, in any command or format.

`secrets_fixture.add_secrets` adds an invented confidential MP (KHM-900) and gives
the public group an internal log entry and a complainant's name. Every public
output must be free of them; with --include-confidential they appear and the
output says so first.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from secrets_fixture import add_all_secrets, add_secret_translations, add_secrets, all_leaks, leaks

# Written out, not imported from confidentiality.py: a test comparing the notice with
# itself would pass with any text, even an empty one.
NOTICE = "CONFIDENTIAL: includes cases and fields not for publication"
ROW_FORMATS = ("table", "json", "jsonl", "csv", "yaml", "markdown")
LIST_QUERIES = (
    [],
    ["--kind", "all"],
    ["--sex", "female"],
    ["--grep", "gazorpazorp"],
    ["--violation", "impunity"],
)


@pytest.fixture
def secret_repo(repo, ipu):
    add_secrets(repo)
    result = ipu("validate")
    assert (result.code, result.out) == (0, ""), result.out
    return repo


@pytest.mark.parametrize("fmt", ROW_FORMATS)
def test_list_public_never_shows_it(secret_repo, ipu, fmt):
    for query in LIST_QUERIES:
        result = ipu("list", *query, "--format", fmt)
        assert result.code == 0
        assert leaks(result.out + result.err) == [], (query, fmt)
    assert ipu("list", "--grep", "gazorpazorp", "-f", "json").out == "[]\n"


@pytest.mark.parametrize("fmt", ROW_FORMATS)
def test_list_included_on_request_with_notice(secret_repo, ipu, fmt):
    result = ipu("list", "--grep", "Gazorpazorp", "--include-confidential", "--format", fmt)
    assert result.code == 0 and "KHM-900" in result.out
    first = result.out.splitlines()[0]
    if fmt == "json":
        assert list(json.loads(result.out)) == ["notice", "rows"]
        assert json.loads(result.out)["notice"] == NOTICE
    elif fmt == "jsonl":
        assert json.loads(first) == {"notice": NOTICE}
    else:
        assert first in (NOTICE, f"# {NOTICE}")


def test_list_confidential_filter(secret_repo, ipu):
    result = ipu("list", "--confidential", "--include-confidential", "-f", "json")
    assert [r["id"] for r in json.loads(result.out)["rows"]] == ["KHM-900"]


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "svg"])
@pytest.mark.parametrize("by", [None, "country", "violation", "sex"])
def test_stats_public_never_counts_it(secret_repo, ipu, tmp_path, fmt, by):
    args = ["stats", "--format", fmt] + (["--by", by] if by else [])
    target = tmp_path / "chart.svg"
    if fmt == "svg":
        args += ["-o", str(target)]
    result = ipu(*args)
    assert result.code == 0
    text = result.out + (target.read_text(encoding="utf-8") if fmt == "svg" else "")
    assert leaks(text) == []
    assert NOTICE not in text
    if fmt == "json":
        figures = json.loads(result.out)
        assert (figures["mps"], figures["new"]) == (38, 0)


def test_stats_include_confidential(secret_repo, ipu, tmp_path):
    figures = json.loads(ipu("stats", "--format", "json", "--include-confidential").out)
    assert next(iter(figures)) == "notice" and figures["notice"] == NOTICE
    assert (figures["mps"], figures["new"], figures["by_sex"]) == (39, 1, {"male": 34, "female": 5})
    assert ipu("stats", "--include-confidential").out.splitlines()[0] == NOTICE
    assert ipu("stats", "-f", "csv", "--include-confidential").out.splitlines()[0] == f"# {NOTICE}"
    target = tmp_path / "chart.svg"
    ipu("stats", "-f", "svg", "-o", str(target), "--include-confidential")
    assert target.read_text(encoding="utf-8").splitlines()[0] == f"<!-- {NOTICE} -->"


def _export_texts(ipu, tmp_path, *extra: str) -> dict[str, str]:
    """Every file each export format writes, as text (the SQLite file's raw bytes decoded)."""
    out: dict[str, str] = {}
    db = tmp_path / "cases.db"
    assert ipu("export", "-f", "sqlite", "-o", str(db), *extra).code == 0
    out["cases.db"] = db.read_bytes().decode("utf-8", errors="replace")
    connection = sqlite3.connect(db)
    out["cases.db rows"] = "\n".join(
        repr(row)
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for row in connection.execute(f"SELECT * FROM {table}")
    )
    connection.close()
    folder = tmp_path / "csv"
    assert ipu("export", "-f", "csv", "-o", str(folder), *extra).code == 0
    for path in sorted(folder.iterdir()):
        out[f"csv/{path.name}"] = path.read_text(encoding="utf-8")
    target = tmp_path / "cases.json"
    assert ipu("export", "-f", "json", "-o", str(target), *extra).code == 0
    out["cases.json"] = target.read_text(encoding="utf-8")
    return out


def test_export_public_never_holds_it(secret_repo, ipu, tmp_path):
    texts = _export_texts(ipu, tmp_path)
    assert len(texts) == 3 + 12, sorted(texts)
    for name, text in texts.items():
        assert leaks(text) == [], name
        assert NOTICE not in text, name


def test_export_include_confidential(secret_repo, ipu, tmp_path):
    texts = _export_texts(ipu, tmp_path, "--include-confidential")
    assert "KHM-900" in texts["cases.db rows"] and "Quinbrook" in texts["csv/communications.csv"]
    assert "Quinbrook" in texts["csv/cases.csv"]
    for name, text in texts.items():
        if name.startswith("csv/"):
            assert text.splitlines()[0] == f"# {NOTICE}", name
    assert next(iter(json.loads(texts["cases.json"]))) == "notice"
    assert f"'confidentiality', '{NOTICE}'" in texts["cases.db rows"]


def _registered(name: str) -> bool:
    from ipu_cli.cli.app import app

    return any(command.name == name for command in app.registered_commands)


@pytest.mark.skipif(not _registered("draft-decision"), reason="ipu draft-decision is not registered")
def test_draft_decision_never_shows_it(secret_repo, ipu, tmp_path):
    secret = secret_repo / "cases" / "KHM" / "KHM-900.yaml"
    secret.write_text(
        secret.read_text(encoding="utf-8").replace("status:", "agenda: [committee-180]\nstatus:"),
        encoding="utf-8",
    )
    result = ipu("draft-decision", "KHM-900", "--session", "180")
    assert (result.code, result.out) == (1, "")
    group = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert group.code == 0 and "KHM-48 - Mu Sochua (Ms.)" in group.out
    assert leaks(group.out) == []
    folder = tmp_path / "drafts"
    result = ipu("draft-decision", "--all", "--session", "180", "-o", str(folder))
    assert result.code == 0
    written = sorted(folder.iterdir())
    assert [p.name for p in written] == ["KHM-COLL-03-committee-180.md", "index.md"]
    for path in written:
        assert leaks(path.read_text(encoding="utf-8")) == [], path.name


@pytest.mark.skipif(not _registered("draft-letter"), reason="ipu draft-letter is not registered")
def test_draft_letter_refuses_it(secret_repo, ipu, tmp_path):
    for party in ("authorities", "complainant"):
        result = ipu("draft-letter", "KHM-900", "--to", party)
        assert (result.code, result.out, result.err) == (
            1,
            "",
            "ipu: KHM-900 is confidential; pass --include-confidential to produce it for internal use\n",
        )
    folder = tmp_path / "letters"
    result = ipu("draft-letter", "--all", "--session", "179", "-o", str(folder))
    assert result.code == 0
    for path in sorted(folder.iterdir()):
        assert leaks(path.read_text(encoding="utf-8")) == [], path.name


# --- the sweep: every command, every format, a base with every kind of secret -----------------

SWEEP_LIST_QUERIES = (
    ["--kind", "all"],
    ["--sex", "female"],
    ["--violation", "impunity", "--current-only"],
    ["--violation", "enforced-disappearance"],
    ["--violation", "inhumane-detention"],
    ["--grep", "ptarmigan"],
    ["--collective", "KHM-COLL-03", "--mandate", "incumbent"],
    ["--affiliation", "majority"],
    ["--since", "2024-05-01", "--until", "2024-06-30", "--kind", "all"],
    ["--since", "2019-07-01", "--until", "2019-07-31", "--kind", "all"],
    ["--since", "2026-02-27", "--kind", "all"],
)
"""Queries aimed at what the secrets would change: their sex, affiliation, violations, dates, names."""


def _sweep_commands() -> list[tuple[str, list[str]]]:
    """(label, argv) of every public output; `{out}` is a fresh file or folder per run."""
    commands = [(f"list {fmt}", ["list", "--kind", "all", "-f", fmt]) for fmt in ROW_FORMATS]
    commands += [(f"list {' '.join(q)}", ["list", *q, "-f", "json"]) for q in SWEEP_LIST_QUERIES]
    commands += [(f"stats {fmt}", ["stats", "-f", fmt]) for fmt in ("table", "json", "csv")]
    commands += [(f"stats --by {by}", ["stats", "--by", by, "-f", "csv"]) for by in ("violation", "sex")]
    commands += [("stats svg", ["stats", "-f", "svg", "-o", "{out}.svg"])]
    commands += [(f"export {fmt}", ["export", "-f", fmt, "-o", "{out}." + fmt]) for fmt in ("sqlite", "json")]
    commands += [("export csv", ["export", "-f", "csv", "-o", "{out}"])]
    commands += [
        (f"followups {fmt}", ["followups", "-f", fmt]) for fmt in ("table", "json", "csv", "markdown")
    ]
    decision = ["draft-decision", "KHM-COLL-03", "--session"]
    commands += [
        ("decision 180 md", [*decision, "180"]),
        ("decision 179 adopted", [*decision, "179", "--adopted"]),
    ]
    commands += [
        (f"decision 180 {fmt}", [*decision, "180", "-o", "{out}." + fmt]) for fmt in ("html", "docx")
    ]
    commands += [(f"decision --all {fmt}", ["draft-decision", "--all", "--session", "180", "-f", fmt, "-o", "{out}"]) for fmt in ("md", "html", "docx")]  # fmt: skip
    for party in ("authorities", "complainant", "third-party"):
        commands += [(f"letter {party} md", ["draft-letter", "KHM-COLL-03", "--to", party])]
    commands += [(f"letter {fmt}", ["draft-letter", "KHM-COLL-03", "--to", "authorities", "-o", "{out}." + fmt]) for fmt in ("html", "docx")]  # fmt: skip
    commands += [(f"letter --all {fmt}", ["draft-letter", "--all", "--session", "179", "-f", fmt, "-o", "{out}"]) for fmt in ("md", "html", "docx")]  # fmt: skip
    commands += [(f"stats --year {fmt}", ["stats", "--year", "2026", "-f", fmt]) for fmt in ("table", "json", "csv")]  # fmt: skip
    commands += [("stats --year svg", ["stats", "--year", "2026", "-f", "svg", "-o", "{out}.svg"])]
    commands += [(f"booklet {n} {fmt}", ["booklet", "--session", n, "-f", fmt, "-o", "{out}." + fmt]) for n in ("179", "180") for fmt in ("md", "html", "docx")]  # fmt: skip
    commands += [(f"booklet {n} fr {fmt}", ["booklet", "--session", n, "--lang", "fr", "-f", fmt, "-o", "{out}." + fmt]) for n in ("179", "180") for fmt in ("md", "html", "docx")]  # fmt: skip
    commands += [(f"decision fr {fmt}", [*decision, "180", "--lang", "fr", "-o", "{out}." + fmt]) for fmt in ("md", "html", "docx")]  # fmt: skip
    commands += [("decision 179 adopted fr", [*decision, "179", "--adopted", "--lang", "fr"])]
    commands += [(f"letter {party} fr", ["draft-letter", "KHM-COLL-03", "--to", party, "--lang", "fr"]) for party in ("authorities", "complainant", "third-party")]  # fmt: skip
    commands += [("letter fr docx", ["draft-letter", "KHM-COLL-03", "--to", "authorities", "--lang", "fr", "-o", "{out}.docx"])]  # fmt: skip
    commands += [(f"changes {fmt}", ["changes", "--since", "2019", "-f", fmt]) for fmt in ROW_FORMATS]
    commands += [(f"changes since 179 {fmt}", ["changes", "--since-session", "179", "-f", fmt]) for fmt in ROW_FORMATS]  # fmt: skip
    commands += [("templates check", ["templates", "check"])]
    return commands


def _texts(path: Path) -> dict[str, str]:
    """Every text a written output holds: files of a folder, the XML of a .docx, every SQLite row."""
    if path.is_dir():
        return {f"{path.name}/{k}": v for child in sorted(path.iterdir()) for k, v in _texts(child).items()}
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return {
                f"{path.name}:{name}": archive.read(name).decode("utf-8")
                for name in sorted(archive.namelist())
                if name.endswith((".xml", ".rels")) and name != "docProps/core.xml"  # core: creation time
            }
    if path.suffix == ".sqlite":
        connection = sqlite3.connect(path)
        try:
            tables = [t for (t,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {
                f"{path.name}:{table}": "\n".join(
                    repr(r) for r in connection.execute(f"SELECT * FROM {table}")
                )
                for table in tables
            }
        finally:
            connection.close()
    return {path.name: path.read_text(encoding="utf-8")}


def _render(ipu, root: Path, argv: list[str], out: Path) -> dict[str, str]:
    args = [a.replace("{out}", str(out)) for a in argv]
    result = ipu(*args, "--root", str(root))
    assert result.code == 0, (args, result.err)
    written = [Path(a) for a in args if str(out) in a]
    texts = {"stdout": result.out}
    for path in written:
        texts.update(_texts(path))
    return texts


def _bases(folder: Path) -> tuple[Path, Path]:
    """The bundled base, and a copy with every kind of secret added."""
    for name in ("clean", "secret"):
        for part in ("cases", "data"):
            shutil.copytree(ROOT / part, folder / name / part)
    add_all_secrets(folder / "secret")
    add_secret_translations(folder / "secret")
    return folder / "clean", folder / "secret"


@pytest.fixture(scope="module")
def sweep_bases(tmp_path_factory):
    """Made once for the sweep (its commands only read them), so the cache stays warm."""
    return _bases(tmp_path_factory.mktemp("sweep"))


@pytest.fixture
def two_bases(tmp_path, monkeypatch):
    monkeypatch.setenv("IPU_TODAY", TODAY)
    monkeypatch.delenv("IPU_ROOT", raising=False)
    return _bases(tmp_path / "bases")


def test_sweep_fixture_is_valid_and_its_secrets_show_on_request(two_bases, ipu):
    """The secrets are real: valid, and present in every output made with --include-confidential."""
    _, secret = two_bases
    result = ipu("validate", "--root", str(secret))
    assert result.code == 0 and " error " not in result.out, result.out
    listed = ipu("list", "--kind", "all", "-f", "json", "--include-confidential", "--root", str(secret))
    assert {"KHM-55", "KHM-900"} <= {row["id"] for row in json.loads(listed.out)["rows"]}
    drafted = ipu(
        "draft-decision", "KHM-COLL-03", "--session", "180", "--include-confidential", "--root", str(secret)
    )
    assert "KHM-55 - Vexmorrow Ptarmigan (Ms.)" in drafted.out
    assert "Enforced disappearance" in drafted.out and "Ptarmigan abduction" in drafted.out
    assert (
        "Victims: 39 parliamentarians (34 male and five female, including 38 former parliamentarians);"
        " 38 opposition and one majority parliamentarian"
    ) in drafted.out
    since = ["list", "--since", "2024-05-01", "--until", "2024-06-30", "-f", "json", "--include-confidential"]
    assert len(json.loads(ipu(*since, "--root", str(secret)).out)["rows"]) == 39  # the internal entry's date
    # Letters never use an internal addressee; were it not internal, it would be the one chosen.
    group = secret / "cases" / "KHM" / "KHM-COLL-03.yaml"
    text = group.read_text(encoding="utf-8")
    group.write_text(
        text.replace("    salutation: Dear Hollowfen,\n    internal: true\n", "", 1), encoding="utf-8"
    )
    letter = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--root", str(secret))
    assert "Quinbrook Internal Liaison" in letter.out


@pytest.mark.parametrize(("label", "argv"), _sweep_commands(), ids=[c[0] for c in _sweep_commands()])
def test_sweep_secrets_change_no_public_output(sweep_bases, ipu, tmp_path, monkeypatch, label, argv):
    """Every public output made from the base with secrets is the output made without them,
    and holds none of their names, ids, dates or texts."""
    monkeypatch.setenv("IPU_TODAY", TODAY)
    monkeypatch.chdir(tmp_path)
    clean, secret = sweep_bases
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    without = _render(ipu, clean, argv, tmp_path / "a" / "out")
    with_secrets = _render(ipu, secret, argv, tmp_path / "b" / "out")
    for name, text in with_secrets.items():
        assert all_leaks(text) == [], (label, name)
    if label != "templates check":  # it counts the contexts it renders, confidential ones included
        assert with_secrets == without


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_show_of_the_public_group_leaves_its_confidential_member_out(sweep_bases, ipu, fmt):
    """`ipu show` may be pasted into a public text: stdout is what the base without the secrets
    prints, stderr says that a member was left out; --include-confidential shows it, marked."""
    clean, secret = sweep_bases
    argv = ["show", "KHM-COLL-03", "--format", fmt, "--today", TODAY]
    without = ipu(*argv, "--root", str(clean))
    shown = ipu(*argv, "--root", str(secret))
    assert (shown.code, without.err) == (0, "")
    assert all_leaks(shown.out) == []
    assert shown.out == without.out
    assert shown.err == (
        "ipu: 1 confidential member of KHM-COLL-03 not shown; --include-confidential shows them (internal use only)\n"
    )
    internal = ipu(*argv, "--members", "--include-confidential", "--root", str(secret))
    assert (internal.code, internal.err) == (0, "")
    assert "KHM-55" in internal.out and "Vexmorrow Ptarmigan" in internal.out
    notice = "CONFIDENTIAL: includes cases and fields not for publication"
    if fmt == "json":
        view = json.loads(internal.out)
        assert view["notice"] == notice
        assert len(view["members"]) == len(json.loads(shown.out)["members"]) + 1
    else:
        assert internal.out.startswith(notice + "\nKHM-COLL-03  ")


def test_confidential_counts_are_numbers_only(sweep_bases, ipu, tmp_path, monkeypatch):
    """`--with-confidential-counts` publishes totals that the secrets change, and nothing else of them."""
    monkeypatch.setenv("IPU_TODAY", TODAY)
    clean, secret = sweep_bases
    outputs = {}
    for name, root in (("clean", clean), ("secret", secret)):
        result = ipu(
            "stats", "--year", "2026", "--with-confidential-counts", "-f", "json", "--root", str(root)
        )
        assert result.code == 0, result.err
        assert all_leaks(result.out) == []
        outputs[name] = json.loads(result.out)
    assert outputs["clean"]["confidential"] == {"mps": 0, "files": 0}
    assert outputs["secret"]["confidential"]["mps"] > 0
    del outputs["clean"]["confidential"], outputs["secret"]["confidential"]
    assert outputs["secret"] == outputs["clean"]  # every other figure is the public one


@pytest.mark.parametrize(
    "argv",
    [
        ["draft-decision", "KHM-COLL-03", "--session", "180"],
        ["draft-decision", "KHM-COLL-03", "--session", "179", "--adopted", "--lang", "fr"],
        ["draft-letter", "KHM-COLL-03", "--to", "authorities"],
        ["booklet", "--session", "180"],
    ],
    ids=["decision", "decision-fr", "letter", "booklet"],
)
def test_a_public_group_shown_with_its_confidential_member_says_confidential(
    sweep_bases, ipu, monkeypatch, argv
):
    """--include-confidential on the public group shows KHM-55 (and the internal entries): the
    document must say CONFIDENTIAL first. It did not: only a confidential *case* marked a
    document, so a decision naming a confidential MP could pass for a public one. Made from
    the base without secrets, the same command has nothing to disclose and is not marked."""
    monkeypatch.setenv("IPU_TODAY", TODAY)
    clean, secret = sweep_bases
    internal = ipu(*argv, "--include-confidential", "--root", str(secret))
    assert internal.code == 0, internal.err
    mark = "CONFIDENTIEL" if "fr" in argv else "CONFIDENTIAL"
    assert internal.out.startswith(f"**{mark}**\n\n")
    assert "Vexmorrow Ptarmigan" in internal.out or argv[0] == "draft-letter"
    public = ipu(*argv, "--include-confidential", "--root", str(clean))
    assert public.code == 0 and mark not in public.out


def test_booklet_in_word_with_a_confidential_member_marks_its_pages(sweep_bases, ipu, tmp_path, monkeypatch):
    monkeypatch.setenv("IPU_TODAY", TODAY)
    _, secret = sweep_bases
    target = tmp_path / "booklet.docx"
    result = ipu(
        "booklet", "--session", "180", "--include-confidential", "-o", str(target), "--root", str(secret)
    )
    assert result.code == 0, result.err
    texts = _texts(target)
    headers = [name for name, text in texts.items() if "word/header" in name and "CONFIDENTIAL" in text]
    assert headers, sorted(texts)
    assert "Vexmorrow Ptarmigan" in texts["booklet.docx:word/document.xml"]
