"""JSON Schemas in schemas/ match the models; case files point editors at them."""

from __future__ import annotations

from pathlib import Path

from ipu_cli.store.paths import case_files

ROOT = Path(__file__).resolve().parent.parent
# Every file kind an editor gets a schema for, in the order `ipu schema` reports them.
KINDS = (
    "individual-case",
    "collective-case",
    "translation",
    "violations",
    "event-types",
    "verbs",
    "countries",
    "sessions",
    "secretariat",
)


def test_schemas_are_up_to_date(ipu):
    result = ipu("schema", "--check", "--root", str(ROOT))
    assert (result.code, result.err) == (0, "")


def test_check_reports_stale(tmp_path, ipu):
    (tmp_path / "cases").mkdir()
    result = ipu("schema", "--check", "--root", str(tmp_path))
    assert (result.code, result.out) == (1, "")
    assert result.err == "".join(
        f"{tmp_path}/schemas/{name}.schema.json: out of date; run 'ipu schema'\n" for name in KINDS
    )
    assert not (tmp_path / "schemas").exists(), "--check writes nothing"
    written = ipu("schema", "--root", str(tmp_path))
    assert (written.code, written.out, written.err) == (
        0,
        f"9 schema files written to {tmp_path}/schemas\n",
        "",
    )
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(
        f"{n}.schema.json" for n in KINDS
    )
    checked = ipu("schema", "--check", "--root", str(tmp_path))
    assert (checked.code, checked.out, checked.err) == (0, "", "")
    again = ipu("schema", "--root", str(tmp_path))
    assert (again.code, again.out) == (0, f"schemas in {tmp_path}/schemas are up to date\n")


def test_every_case_file_names_its_schema():
    for path in map(Path, case_files(ROOT)):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "collective" if "-COLL-" in path.name else "individual"
        assert first == f"# yaml-language-server: $schema=../../schemas/{kind}-case.schema.json", path


def test_every_translation_file_names_its_schema():
    for path in sorted((ROOT / "cases").rglob("*.fr.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/translation.schema.json", path
