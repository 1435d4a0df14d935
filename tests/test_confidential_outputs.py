"""A confidential case and internal fields never reach public output, in any command or format.

`secrets_fixture.add_secrets` adds an invented confidential MP (KHM-900) and gives
the public group an internal log entry and a complainant's name. Every public
output must be free of them; with --include-confidential they appear and the
output says so first.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from secrets_fixture import add_secrets, leaks

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
