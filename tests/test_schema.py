"""JSON Schemas in schemas/ match the models; case files point editors at them."""

from __future__ import annotations

from pathlib import Path

from ipu_cli.repo import case_files

ROOT = Path(__file__).resolve().parent.parent


def test_schemas_are_up_to_date(ipu):
    result = ipu("schema", "--check", "--root", str(ROOT))
    assert (result.code, result.err) == (0, "")


def test_check_reports_stale(tmp_path, ipu):
    (tmp_path / "cases").mkdir()
    result = ipu("schema", "--check", "--root", str(tmp_path))
    assert result.code == 1
    assert f"{tmp_path}/schemas/individual-case.schema.json: out of date; run 'ipu schema'" in result.err
    assert ipu("schema", "--root", str(tmp_path)).code == 0
    assert ipu("schema", "--check", "--root", str(tmp_path)).code == 0


def test_every_case_file_names_its_schema():
    for path in case_files(ROOT):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "collective" if "-COLL-" in path.name else "individual"
        assert first == f"# yaml-language-server: $schema=../../schemas/{kind}-case.schema.json", path
