"""`make bench`: time ipu on a synthetic base of 10,500 case files; print one table.

Every measurement runs the installed `ipu` as a subprocess, as a user or a
pre-commit hook would, and records its wall time and its peak memory: the
peak resident size of the largest process (`os.wait4`'s ru_maxrss) and the
peak of the sum over the process and its workers (sampled from /proc every
10 ms). Numbers go to stdout; `--record` (`make bench-record`) also writes them
to bench/results.md with the machine's core count, the date and the Python version. Nothing here passes or fails: a
benchmark informs, the targets are read off the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import EDIT_GROUP, break_files, editing_repo, generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TODAY = "2026-03-01"


@dataclass
class Run:
    seconds: float
    rss_mb: float  # largest single process
    tree_mb: float  # peak of the sum over the process tree
    code: int
    out: str
    err: str
    cpu: float = 0.0  # user + system seconds of the process (its children included by wait4)


def _tree_rss(pid: int) -> int:
    """Resident kB of `pid` and its descendants, from /proc (0 when it is gone)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            with open(f"/proc/{current}/task/{current}/children") as handle:
                stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run once; wall time, peak memory (largest process and whole tree), output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = "", ""
    assert proc.stdout is not None and proc.stderr is not None
    reader = threading.Thread(target=lambda: setattr(proc, "_out", proc.stdout.read()), daemon=True)
    reader.start()
    err = proc.stderr.read()
    reader.join()
    out = getattr(proc, "_out", "")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, rss, max(peak[0] / 1024, rss), proc.returncode, out, err, cpu)


def _environment(work: Path) -> dict[str, str]:
    """The environment ipu runs in: no repository or cache overrides, a fixed today, and
    bytecode cached as an installed tool has it (in the work folder, so the checkout stays
    unchanged), even where PYTHONDONTWRITEBYTECODE is set."""
    drop = ("IPU_ROOT", "IPU_CACHE_DIR", "IPU_JOBS", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["IPU_TODAY"] = TODAY
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def median_ms(cmd: list[str], env: dict[str, str], times: int) -> tuple[float, Run]:
    runs = [run(cmd, env) for _ in range(times)]
    return statistics.median(r.seconds for r in runs) * 1000, max(runs, key=lambda r: r.tree_mb)


def commands(ipu: list[str], env: dict[str, str]) -> set[str]:
    """The commands this build of ipu has, read from `ipu --help`."""
    text = run([*ipu, "--help"], env).out
    found = set()
    for line in text.splitlines():
        parts = line.strip("│ ").split()
        if parts:
            found.add(parts[0])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--individuals", type=int, default=10_000)
    parser.add_argument("--collectives", type=int, default=500)
    parser.add_argument("--show-runs", type=int, default=30)
    parser.add_argument("--sample", type=int, default=400, help="files given to check-jsonschema")
    parser.add_argument("--record", action="store_true", help="write the table to --results")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument("--keep", type=Path, help="generate here and keep it (default: a temporary folder)")
    parser.add_argument(
        "--edit-sizes",
        default="250,500,1000,2000",
        help="log entries (and as many events) in the file the editing commands change",
    )
    parser.add_argument("--editing-only", action="store_true", help="only the editing commands")
    args = parser.parse_args()
    sizes = [int(n) for n in args.edit_sizes.split(",")]

    load = os.getloadavg()[0]
    work = args.keep or Path(tempfile.mkdtemp(prefix="ipu-bench-"))
    if args.editing_only:
        rows: list[tuple[str, str, str, str]] = []
        notes: list[str] = []
        ipu = [str(BIN / "ipu")] if (BIN / "ipu").exists() else [sys.executable, "-m", "ipu_cli"]
        env = _environment(work)
        _editing(ipu, env, work / "editing", sizes, rows, notes)
        print(_markdown(rows, notes, 0, 0, load))
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        return
    base, broken = work / "base", work / "broken"
    for folder in (base, broken):
        shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    ids = generate(base, args.individuals, args.collectives)
    shutil.copytree(base, broken)
    damaged = break_files(broken, 0.01)
    files = len(ids)
    print(
        f"generated {files:,} case files ({args.individuals:,} individual, {args.collectives:,} collective) "
        f"and a copy with {len(damaged)} broken in {time.perf_counter() - started:.1f} s: {work}",
        file=sys.stderr,
    )

    ipu = [str(BIN / "ipu")] if (BIN / "ipu").exists() else [sys.executable, "-m", "ipu_cli"]
    env = _environment(work)
    have = commands(ipu, env)
    rows: list[tuple[str, str, str, str]] = []
    notes: list[str] = []

    def row(what: str, value: str, target: str, memory: Run | None) -> None:
        mem = f"{memory.rss_mb:.0f} MB ({memory.tree_mb:.0f} MB all processes)" if memory else ""
        rows.append((what, value, target, mem))
        print(f"  {what}: {value}  [{mem}]", file=sys.stderr)

    def validate(root: Path, *extra: str) -> Run:
        return run([*ipu, "validate", "--root", str(root), *extra], env)

    # validate: cold (no cache), warm, one file changed, --no-cache, broken variant
    shutil.rmtree(base / ".ipu-cache", ignore_errors=True)
    cold = validate(base)
    if cold.code != 0:
        notes.append(f"validate on the generated base exited {cold.code}: {cold.err.strip()[:300]}")
    cold_rate = files / cold.seconds
    row(
        "ipu validate, cold (empty cache)",
        f"{cold_rate:,.0f} files/s ({cold.seconds:.2f} s)",
        "≥ 3,000 files/s",
        cold,
    )
    warm_runs = [validate(base) for _ in range(5)]
    warm = statistics.median(r.seconds for r in warm_runs)
    row(
        "ipu validate, warm (nothing changed, median of 5)",
        f"{files / warm:,.0f} files/s ({warm:.2f} s)",
        "≥ 30,000 files/s",
        max(warm_runs, key=lambda r: r.tree_mb),
    )
    one = sorted((base / "cases").rglob("*-1.yaml"))[0]
    one.write_text(
        one.read_text(encoding="utf-8").replace("status:", "# edited\nstatus:", 1), encoding="utf-8"
    )
    edited = validate(base)
    row("ipu validate, one file changed", f"{edited.seconds:.2f} s", "", edited)
    nocache = validate(base, "--no-cache")
    row(
        "ipu validate --no-cache",
        f"{files / nocache.seconds:,.0f} files/s ({nocache.seconds:.2f} s)",
        "",
        nocache,
    )
    shutil.rmtree(broken / ".ipu-cache", ignore_errors=True)
    bad = validate(broken)
    problems = len(bad.out.splitlines())
    row(
        f"ipu validate, cold, {len(damaged)} broken files (1%)",
        f"{files / bad.seconds:,.0f} files/s ({bad.seconds:.2f} s), exit {bad.code}, {problems} problems",
        "",
        bad,
    )

    # check-jsonschema with our exported schemas, on a sample of the same files
    checker = BIN / "check-jsonschema"
    if not checker.exists() and shutil.which("check-jsonschema"):
        checker = Path(shutil.which("check-jsonschema") or "")
    if checker.exists():
        everything = sorted((base / "cases").rglob("*.yaml"))
        step = max(1, len(everything) // args.sample)
        sample = everything[::step][: args.sample]
        started = time.perf_counter()
        outcome = []
        for schema, chosen in (
            ("individual-case", [p for p in sample if "-COLL-" not in p.name]),
            ("collective-case", [p for p in sample if "-COLL-" in p.name]),
        ):
            if chosen:
                outcome.append(
                    run(
                        [str(checker), "--schemafile", str(ROOT / "schemas" / f"{schema}.schema.json")]
                        + [str(p) for p in chosen],
                        env,
                    )
                )
        seconds = time.perf_counter() - started
        rate = len(sample) / seconds
        row(
            f"check-jsonschema, same schemas, sample of {len(sample)} files",
            f"{rate:,.0f} files/s (extrapolated: {files / rate:,.0f} s for all {files:,})",
            "",
            max(outcome, key=lambda r: r.tree_mb),
        )
        row("ratio: ipu validate cold / check-jsonschema", f"{cold_rate / rate:,.1f}×", "≥ 20×", None)
        failed = [r for r in outcome if r.code != 0]
        if failed:
            notes.append(
                "check-jsonschema reported errors on the sample (exit "
                + ", ".join(str(r.code) for r in failed)
                + "): "
                + " ".join(failed[0].out.split())[:300]
            )
        notes.append(
            f"check-jsonschema ran on every {step}th file ({len(sample)} files, one process per schema) and its "
            "throughput is extrapolated to the whole base; it checks shapes only (no cross-file checks, "
            "no vocabularies, no duplicate keys)."
        )
    else:
        row("check-jsonschema", "n/a (not installed: pip install -e '.[bench]')", "", None)

    # show: a current id and a legacy id, against python -c "import yaml"
    yaml_ms, _ = median_ms([sys.executable, "-c", "import yaml"], env, args.show_runs)
    target = next(i for i in ids if "-COLL-" not in i)
    show_ms, show_run = median_ms([*ipu, "show", target, "--root", str(base)], env, args.show_runs)
    row(
        f"ipu show {target} (median of {args.show_runs})",
        f"{show_ms:.0f} ms = {show_ms / yaml_ms:.2f}× python -c 'import yaml' ({yaml_ms:.0f} ms)",
        "≤ 2.5×",
        show_run,
    )
    legacy = _legacy_id(base)
    if legacy:
        legacy_ms, legacy_run = median_ms([*ipu, "show", legacy, "--root", str(base)], env, args.show_runs)
        row(
            f"ipu show {legacy} (legacy id, median of {args.show_runs})",
            f"{legacy_ms:.0f} ms = {legacy_ms / yaml_ms:.2f}×",
            "≤ 2.5×",
            legacy_run,
        )

    # queries on the warm base
    validate(base)  # warm the cache after the edit above
    violation = "arbitrary-detention"
    queries = [
        (
            "list",
            f"ipu list --violation {violation}",
            ["list", "--violation", violation, "--include-confidential"],
        ),
        ("stats", "ipu stats", ["stats", "--include-confidential"]),
    ]
    for name, label, argv in queries:
        if name not in have:
            row(f"{label} (warm)", "n/a (command not available)", "< 1 s", None)
            continue
        runs = [run([*ipu, *argv, "--root", str(base)], env) for _ in range(3)]
        best = statistics.median(r.seconds for r in runs)
        value = f"{best:.2f} s" if runs[0].code == 0 else f"exit {runs[0].code}: {runs[0].err.strip()[:120]}"
        row(f"{label} (warm, median of 3)", value, "< 1 s", max(runs, key=lambda r: r.tree_mb))
    if "draft-decision" in have:
        out = work / "drafts"
        shutil.rmtree(out, ignore_errors=True)
        argv = ["draft-decision", "--all", "--session", "180", "--confidential", "-o", str(out)]
        drafted = run([*ipu, *argv, "--root", str(base)], env)
        count = len(list(out.rglob("*"))) if out.exists() else 0
        value = (
            f"{drafted.seconds:.2f} s, {count} drafts"
            if drafted.code == 0
            else f"{drafted.seconds:.2f} s, exit {drafted.code}: {drafted.err.strip()[:120]}"
        )
        row("ipu draft-decision --all --session 180 (warm)", value, "", drafted)
    else:
        row("ipu draft-decision --all", "n/a (command not available)", "", None)

    if "adopt" in have:
        _editing(ipu, env, work / "editing", sizes, rows, notes)
    else:
        row("editing commands", "n/a (command not available)", "< 0.5 s", None)

    report = _markdown(rows, notes, files, len(damaged), load)
    print(report)
    if args.record:
        args.results.write_text(report, encoding="utf-8")
        print(f"written to {args.results}", file=sys.stderr)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


EDITS = [
    # (what, the file it starts from, arguments after `ipu`)
    ("ipu log", "plain", ["log", EDIT_GROUP, "--direction", "to", "--party", "authorities", "--date", "2026-02-20",
                          "--description", "Letter to the Speaker of the Senate"]),
    ("ipu log --dry-run", "plain", ["log", EDIT_GROUP, "--direction", "to", "--party", "authorities",
                                    "--date", "2026-02-20", "--dry-run"]),
    ("ipu record event", "plain", ["record", EDIT_GROUP, "event", "--date", "2026-02-21", "--type", "arrest",
                                   "--text", "Arrested again after a speech in the Senate on the budget."]),
    ("ipu record mission", "plain", ["record", EDIT_GROUP, "mission", "--date", "2026-02", "--status",
                                     "requested", "--session", "179"]),
    ("ipu record hearing", "plain", ["record", EDIT_GROUP, "hearing", "--date", "2026-02-10", "--description",
                                     "Hearing with the delegation", "--session", "179"]),
    ("ipu complaint pending-information", "complaint", ["complaint", EDIT_GROUP, "pending-information",
                                                        "--date", "2026-01-05", "--note", "Asked for the charges"]),
    ("ipu complaint admissible (drafts the first decision)", "complaint",
     ["complaint", EDIT_GROUP, "admissible", "--session", "179", "--mandate", "sitting"]),
    ("ipu start-draft", "plain", ["start-draft", EDIT_GROUP, "--session", "179"]),
    ("ipu adopt", "draft", ["adopt", EDIT_GROUP, "--session", "179"]),
    ("ipu close", "plain", ["close", EDIT_GROUP, "--session", "179", "--reason", "Settled"]),
]  # fmt: skip


def _editing(
    ipu: list[str],
    env: dict[str, str],
    root: Path,
    sizes: list[int],
    rows: list[tuple[str, str, str, str]],
    notes: list[str],
    repeat: int = 3,
) -> None:
    """Each editing command on a group file of N log entries and N events, for each N in `sizes`.

    Before every timed run the file is put back as it started and `ipu validate` warms the
    cache (what a case officer's previous command leaves); the median of `repeat` runs is
    kept. The file of the largest N is timed once more cold (cache emptied), the first
    command after the file was changed by hand.
    """
    times: dict[str, list[float]] = {what: [] for what, _, _ in EDITS}
    cpus: dict[str, list[float]] = {what: [] for what, _, _ in EDITS}
    peaks: dict[str, Run] = {}
    cold: dict[str, float] = {}
    lines: list[int] = []
    target = root / "cases" / "ZZZ" / f"{EDIT_GROUP}.yaml"
    for size in sizes:
        shutil.rmtree(root, ignore_errors=True)
        variants = editing_repo(root, size)
        lines.append(len(variants["plain"].splitlines()))
        for what, variant, argv in EDITS:
            runs = []
            for _ in range(repeat):
                target.write_text(variants[variant], encoding="utf-8")
                run([*ipu, "validate", "--root", str(root)], env)
                done = run([*ipu, *argv, "--root", str(root)], env)
                if done.code != 0:
                    notes.append(f"{what} on {size:,} entries exited {done.code}: {done.err.strip()[:200]}")
                runs.append(done)
            times[what].append(statistics.median(r.seconds for r in runs))
            cpus[what].append(statistics.median(r.cpu for r in runs))
            if size == sizes[-1] or size == 1000:
                peaks[what] = max(runs, key=lambda r: r.tree_mb)
            if size == sizes[-1]:
                target.write_text(variants[variant], encoding="utf-8")
                shutil.rmtree(root / ".ipu-cache", ignore_errors=True)
                cold[what] = run([*ipu, *argv, "--root", str(root)], env).seconds
    at = sizes.index(1000) if 1000 in sizes else len(sizes) - 1
    for what, _, _ in EDITS:
        series = " / ".join(f"{t:.2f}" for t in times[what])
        cpu = " / ".join(f"{t:.2f}" for t in cpus[what])
        rows.append(
            (
                f"{what}, {sizes[at]:,} log entries + {sizes[at]:,} events",
                f"{times[what][at]:.2f} s (N = {', '.join(f'{n:,}' for n in sizes)}: {series} s; "
                f"CPU {cpu} s; cold at {sizes[-1]:,}: {cold[what]:.2f} s)",
                "< 0.5 s, linear",
                f"{peaks[what].rss_mb:.0f} MB",
            )
        )
    notes.append(
        "Editing commands: the group file holds N log entries and N events (files of "
        + ", ".join(f"{n:,} lines" for n in lines)
        + "); each timing is the median of "
        f"{repeat} runs, each on the file as it started, after `ipu validate` warmed the cache; "
        "CPU is the process's user + system time (less sensitive than wall time to a loaded machine); "
        "'cold' is one run with the cache emptied."
    )


def _legacy_id(base: Path) -> str | None:
    for path in sorted((base / "cases").rglob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("aliases: ["):
                return line[len("aliases: [") :].split(",")[0].strip("] ")
    return None


def _markdown(
    rows: list[tuple[str, str, str, str]], notes: list[str], files: int, damaged: int, load: float
) -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [
        "# Benchmark results",
        "",
        f"`make bench` on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}: {cores} cores "
        f"({platform.processor() or platform.machine()}), Python {platform.python_version()}, "
        f"load average before the run {load:.2f}.",
        f"Synthetic base: {files:,} case files (bench/generate.py, seed 2026); broken variant: {damaged} files damaged.",
        "ipu runs with its bytecode cached (in the work folder), as an installed tool does.",
        "",
        "| measurement | result | target (2 cores) | peak memory |",
        "| --- | --- | --- | --- |",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
    ]
    if notes:
        lines += ["Notes:", "", *(f"- {note}" for note in notes), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
