"""The validation cache: hits, invalidation (content, vocabulary, code), --no-cache, and
that a cached answer is exactly the uncached one."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ipu_cli.checks.pipeline import load_case_base
from ipu_cli.store import cache, scan

CORPUS = Path(__file__).parent / "corpus"
PACKAGE = Path(cache.__file__).resolve().parent.parent


@pytest.fixture
def parsed(monkeypatch):
    """Names of the files actually parsed (cache misses) during a run."""
    seen: list[str] = []
    real = scan._analyse

    def spy(name, shown, *rest):
        seen.append(shown)
        return real(name, shown, *rest)

    monkeypatch.setattr(scan, "_analyse", spy)
    return seen


def test_second_run_parses_nothing(repo, ipu, parsed):
    first = ipu("validate")
    assert len(parsed) == 39
    assert list((repo / ".ipu-cache").glob("v1-*.checks"))
    parsed.clear()
    second = ipu("validate")
    assert parsed == []
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err)


def test_changed_content_is_checked_again(repo, ipu, parsed):
    ipu("validate")
    parsed.clear()
    path = repo / "cases" / "KHM" / "KHM-48.yaml"
    path.write_text(path.read_text().replace("sex: female", "sex: femal"))
    result = ipu("validate")
    assert parsed == ["cases/KHM/KHM-48.yaml"]
    assert result.out == (
        "cases/KHM/KHM-48.yaml:7:6: error invalid-value sex: 'femal' is not one of male, female; "
        "did you mean 'female'?\n"
    )


def test_same_mtime_different_bytes_is_a_miss(repo, ipu, parsed):
    """The key is the content: restoring the modification time does not hide an edit."""
    ipu("validate")
    parsed.clear()
    path = repo / "cases" / "KHM" / "KHM-49.yaml"
    stat = path.stat()
    path.write_text(path.read_text().replace("mandate: former", "mandate: formr"))
    import os

    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = ipu("validate")
    assert parsed == ["cases/KHM/KHM-49.yaml"]
    assert result.out == (
        "cases/KHM/KHM-49.yaml:10:10: error invalid-value mandate: 'formr' is not one of"
        " incumbent, former, elect, substitute, unknown; did you mean 'former'?\n"
    )


def test_vocabulary_change_invalidates_everything(repo, ipu, parsed):
    assert ipu("validate").code == 0
    parsed.clear()
    vocabulary = repo / "data" / "violations.yaml"
    text = vocabulary.read_text()
    vocabulary.write_text(text.replace("  - code: threats\n", "  - code: threats-and-intimidation\n"))
    result = ipu("validate")
    assert len(parsed) == 39
    assert result.code == 1
    lines = result.out.splitlines()
    assert len(lines) == 38
    assert all(line.endswith(":11: error unknown-violation unknown violation 'threats'") for line in lines)
    assert result.err == "39 files checked: 38 errors, 0 warnings\n"


def test_code_change_invalidates_everything(repo, ipu, parsed, monkeypatch, tmp_path):
    ipu("validate")
    parsed.clear()
    copy = tmp_path / "ipu_cli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "checks" / "crossfile.py").write_text(
        (copy / "checks" / "crossfile.py").read_text() + "\n# a change\n"
    )
    monkeypatch.setattr(cache, "_PACKAGE", copy)
    monkeypatch.setattr(cache, "_code_digest", None)
    assert ipu("validate").code == 0
    assert len(parsed) == 39
    assert len(list((repo / ".ipu-cache").glob("v1-*.checks"))) == 1, "the old generation is removed"


def test_no_cache_neither_reads_nor_writes(repo, ipu, parsed):
    assert ipu("validate", "--no-cache").code == 0
    assert not (repo / ".ipu-cache").exists()
    ipu("validate")
    parsed.clear()
    assert ipu("validate", "--no-cache").err == "39 files checked: no problems\n"
    assert len(parsed) == 39


def test_cache_folder_from_environment(repo, ipu, monkeypatch, tmp_path):
    monkeypatch.setenv("IPU_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert ipu("validate").code == 0
    assert list((tmp_path / "elsewhere").glob("v1-*.checks"))
    assert not (repo / ".ipu-cache").exists()


def test_corrupt_cache_is_ignored(repo, ipu):
    ipu("validate")
    for path in (repo / ".ipu-cache").glob("v1-*"):
        path.write_bytes(b"not marshal data")
    result = ipu("validate")
    assert (result.code, result.out, result.err) == (0, "", "39 files checked: no problems\n")


def test_cached_diagnostics_equal_fresh_ones(repo, ipu):
    """Every broken file of the corpus: the warm run prints what the cold run printed."""
    target = repo / "cases" / "KHM" / "KHM-900.yaml"
    for name in sorted(p.stem for p in CORPUS.glob("*.yaml")):
        shutil.copy(CORPUS / f"{name}.yaml", target)
        cold = ipu("validate", "--no-cache")
        ipu("validate")
        warm = ipu("validate")
        assert (warm.code, warm.out, warm.err) == (cold.code, cold.out, cold.err), name


def test_parallel_path_gives_the_same_answer(repo, ipu, monkeypatch):
    shutil.copy(CORPUS / "member-not-linked.yaml", repo / "cases" / "KHM" / "KHM-900.yaml")
    single = ipu("validate", "--no-cache")
    monkeypatch.setattr(scan, "PARALLEL_MIN", 1)
    monkeypatch.setenv("IPU_JOBS", "2")
    parallel = ipu("validate")
    assert (parallel.code, parallel.out, parallel.err) == (single.code, single.out, single.err)
    base = load_case_base(repo)
    assert base.get("KHM-60").name == "Kem Sokha"


def test_models_from_the_cache_equal_fresh_ones(repo):
    fresh = load_case_base(repo, cache=False)
    load_case_base(repo)
    warm = load_case_base(repo)
    assert list(warm.records) == list(fresh.records)
    assert warm.cases() == fresh.cases()
    group = warm.get("KHM-COLL-03")
    assert [m.id for m in warm.members(group)] == [m.id for m in fresh.members(fresh.get("KHM-COLL-03"))]
    assert warm.groups_of(warm.get("KHM-60"))[0].id == "KHM-COLL-03"
    assert warm.reference.violation_label("threats") == fresh.reference.violation_label("threats")
    assert warm.get("KHM60") is warm.get("KHM-60")


def test_warm_validate_imports_neither_yaml_nor_pydantic(repo, monkeypatch):
    """A warm run answers from the cache alone (checked in a fresh interpreter)."""
    import subprocess
    import sys

    monkeypatch.setattr(cache, "_code_digest", None)  # the sources as they are now
    load_case_base(repo)
    code = (
        "import sys, datetime, pathlib\n"
        "from ipu_cli.checks.pipeline import validate\n"
        f"r = validate(pathlib.Path({str(repo)!r}), None, datetime.date(2026, 3, 1))\n"
        "print(len(r.problems), r.files, 'pydantic' in sys.modules, 'yaml' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "0 39 False False\n"


def test_show_finds_legacy_ids_through_the_index(repo, ipu):
    ipu("validate")
    index = repo / ".ipu-cache" / "aliases.tsv"
    assert "CMBD/60\tcases/KHM/KHM-60.yaml\n" in index.read_text()
    assert ipu("show", "CMBD/60", "--format", "json").out == ipu("show", "KHM-60", "--format", "json").out
    index.write_text("CMBD/60\tcases/KHM/KHM-48.yaml\n")  # stale: checked, then the scan finds it
    assert '"id": "KHM-60"' in ipu("show", "CMBD/60", "--format", "json").out


def test_validate_library_call_takes_cache_flag(repo):
    from ipu_cli.checks.pipeline import validate

    report = validate(repo, None, dt.date(2026, 3, 1), cache=False)
    assert (report.files, report.problems) == (39, [])
    assert not (repo / ".ipu-cache").exists()
