"""Ten `ipu new --collective` runs and five `ipu log` runs on one group at once lose nothing.

Each run is a separate process of the installed entry point (`.venv/bin/ipu`), all
started before any is waited for. Every `ipu new` adds a member to the group's file
while every `ipu log` appends to that file's log: under the file's lock both read,
edit and replace it, so every member and every entry must be there at the end.

Each process gets its own cache folder (`IPU_CACHE_DIR`): this test is about the
edits and their locks; readers and writers sharing one `.ipu-cache/` are the cache's
own concern (store/cache.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from ipu_cli.store.yamlload import load_file

GROUP = Path("cases/KHM/KHM-COLL-03.yaml")
RUNS = 10
LOGS = 5
IPU = str(Path(sys.executable).parent / "ipu")


def _new(number: int) -> list[str]:
    return [
        IPU, "new", "individual", f"KHM-{300 + number}", "--name", f"Racer Number {number}", "--sex", "female",
        "--parliament", "National Assembly", "--mandate", "former", "--affiliation", "opposition",
        "--collective", "KHM-COLL-03",
    ]  # fmt: skip


def _log(number: int) -> list[str]:
    return [
        IPU, "log", "KHM-COLL-03", "--direction", "from", "--party", "complainant",
        "--date", f"2026-02-{number + 1:02d}", "--description", f"Racing message {number}",
    ]  # fmt: skip


def test_parallel_new_and_log_lose_nothing(repo, ipu):
    shutil.copytree(ROOT / "templates", repo / "templates")
    before = load_file(repo / GROUP).data
    commands = [_new(n) for n in range(RUNS)]
    for n in range(LOGS):
        commands.insert(2 * n + 1, _log(n))
    warm = repo / ".cache-warm"
    subprocess.run([IPU, "validate"], cwd=repo, env={**os.environ, "IPU_CACHE_DIR": str(warm)}, check=True)
    for number in range(len(commands)):
        shutil.copytree(warm, repo / f".cache-{number}")
    procs = [
        subprocess.Popen(
            command,
            cwd=repo,
            env={**os.environ, "IPU_CACHE_DIR": str(repo / f".cache-{number}")},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number, command in enumerate(commands)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    failed = [
        (c[1:4], p.returncode, err)
        for c, p, (_, err) in zip(commands, procs, outputs, strict=True)
        if p.returncode
    ]
    assert failed == []

    after = load_file(repo / GROUP).data
    added = [f"KHM-{300 + n}" for n in range(RUNS)]
    assert after["members"] == before["members"] + added  # every member, in id order
    logged = [c for c in after["communications"] if c not in before["communications"]]
    assert sorted(c["description"] for c in logged) == sorted(f"Racing message {n}" for n in range(LOGS))
    assert len(after["communications"]) == len(before["communications"]) + LOGS
    for number in range(RUNS):
        member = load_file(repo / f"cases/KHM/KHM-{300 + number}.yaml").data
        assert (member["name"], member["collectives"]) == (f"Racer Number {number}", ["KHM-COLL-03"])
    check = ipu("validate")
    # New MPs start confidential: each is a confidential member of the public group (a warning).
    assert check.code == 0 and " error " not in check.out
    assert check.out.count("warning confidential-member") == RUNS
    assert check.err == f"{39 + RUNS} files checked: 0 errors, {RUNS} warnings\n"
    leftovers = [p.name for p in (repo / "cases/KHM").iterdir() if p.name.endswith((".tmp", ".old"))]
    assert leftovers == []
