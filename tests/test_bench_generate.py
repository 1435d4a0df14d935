"""The benchmark's synthetic base: deterministic, valid, and broken where it says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes(tmp_path):
    gen = _generator()
    first = gen.generate(tmp_path / "a", 80, 6, seed=7)
    second = gen.generate(tmp_path / "b", 80, 6, seed=7)
    assert first == second
    assert len(first) == 86
    assert _contents(tmp_path / "a") == _contents(tmp_path / "b")
    gen.generate(tmp_path / "c", 80, 6, seed=8)
    assert _contents(tmp_path / "a") != _contents(tmp_path / "c")


def test_small_base_is_valid(tmp_path, ipu, monkeypatch):
    gen = _generator()
    ids = gen.generate(tmp_path / "base", 150, 10, seed=3)
    assert sum("-COLL-" in i for i in ids) == 10
    assert len({i[:3] for i in ids}) > 10, "several countries"
    monkeypatch.setenv("IPU_TODAY", "2026-03-01")
    result = ipu("validate", "--root", str(tmp_path / "base"))
    assert (result.code, result.out, result.err) == (0, "", "160 files checked: no problems\n")


def test_broken_variant_reports_every_damaged_file(tmp_path, ipu, monkeypatch):
    gen = _generator()
    gen.generate(tmp_path / "base", 150, 10, seed=3)
    damaged = gen.break_files(tmp_path / "base", 0.1, seed=3)
    assert len(damaged) == 16
    assert len(set(damaged.values())) == len(gen.BREAKAGE), "every kind of damage is used"
    monkeypatch.setenv("IPU_TODAY", "2026-03-01")
    result = ipu("validate", "--root", str(tmp_path / "base"))
    assert result.code == 1
    reported = {line.split(":", 1)[0] for line in result.out.splitlines()}
    assert set(damaged) <= reported


def test_every_timed_editing_command_succeeds_on_the_editing_repo(tmp_path, ipu, monkeypatch):
    """`make bench` times the editing commands only if they work: each exits 0 on its variant."""
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_run", bench)  # its dataclasses look themselves up there
    spec.loader.exec_module(bench)
    monkeypatch.setenv("IPU_TODAY", bench.TODAY)
    root = tmp_path / "edit"
    variants = bench.editing_repo(root, 20)
    target = root / "cases" / "ZZZ" / f"{bench.EDIT_GROUP}.yaml"
    for what, variant, argv in bench.EDITS:
        target.write_text(variants[variant], encoding="utf-8")
        assert ipu("validate", "--root", str(root)).code == 0, what
        done = ipu(*argv, "--root", str(root))
        assert done.code == 0, (what, done.err)
