"""`ipu log`: append to the communications log, byte for byte, all or nothing, under a lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COLL = Path("cases/KHM/KHM-COLL-03.yaml")
LAST = "    direction: to\n    party: complainant\n\ndecisions:\n"
DECEMBER = "    description: Letter to the Secretary General of the National Assembly\n  - date: 2026-01\n"


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_append_at_end_adds_only_the_new_lines(repo, ipu):
    before = (repo / COLL).read_text()
    result = ipu(
        "log",
        "KHM-COLL-03",
        "--direction",
        "from",
        "--party",
        "authorities",
        "--date",
        "2026-02-20",
        "--description",
        "Letter from the Secretary General of the National Assembly",
    )
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out == (
        "cases/KHM/KHM-COLL-03.yaml: logged 2026-02-20 from authorities: "
        "Letter from the Secretary General of the National Assembly (entry 5 of 5)\n"
    )
    added = (
        "  - date: 2026-02-20\n"
        "    direction: from\n"
        "    party: authorities\n"
        "    description: Letter from the Secretary General of the National Assembly\n"
    )
    assert before.count(LAST) == 1
    expected = before.replace(LAST, "    direction: to\n    party: complainant\n" + added + "\ndecisions:\n")
    assert (repo / COLL).read_text() == expected
    assert ipu("validate").code == 0


def test_entry_goes_in_date_order(repo, ipu):
    before = (repo / COLL).read_text()
    result = ipu(
        "log", "KHM-COLL-03", "--direction", "from", "--party", "third-party", "--date", "2025-12-15"
    )
    assert result.code == 0, result.err
    assert result.out == "cases/KHM/KHM-COLL-03.yaml: logged 2025-12-15 from third-party (entry 3 of 5)\n"
    added = "  - date: 2025-12-15\n    direction: from\n    party: third-party\n"
    expected = before.replace(
        DECEMBER, DECEMBER.replace("  - date: 2026-01\n", added + "  - date: 2026-01\n")
    )
    assert expected != before
    assert (repo / COLL).read_text() == expected


def test_same_month_goes_after_existing_entries_and_year_stays_a_number(repo, ipu):
    before = (repo / COLL).read_text()
    assert (
        ipu("log", "KHM-COLL-03", "--direction", "to", "--party", "authorities", "--date", "2026-01").code
        == 0
    )
    after = (repo / COLL).read_text()
    added = "  - date: 2026-01\n    direction: to\n    party: authorities\n"
    assert after == before.replace(
        LAST, "    direction: to\n    party: complainant\n" + added + "\ndecisions:\n"
    )
    assert (
        ipu("log", "KHM-COLL-03", "--direction", "to", "--party", "authorities", "--date", "2024").code == 0
    )
    assert "  - date: 2024\n    direction: to\n" in (repo / COLL).read_text()
    assert ipu("validate").code == 0


def test_member_of_a_group_is_logged_in_the_group_file(repo, ipu):
    member = repo / "cases/KHM/KHM-60.yaml"
    member_before = member.read_text()
    result = ipu("log", "CMBD/60", "--direction", "from", "--party", "complainant", "--date", "2026-02")
    assert result.code == 0
    assert result.err == "ipu: KHM-60 is examined in KHM-COLL-03; logged in the group's file\n"
    assert result.out == "cases/KHM/KHM-COLL-03.yaml: logged 2026-02 from complainant (entry 5 of 5)\n"
    assert member.read_text() == member_before
    assert "  - date: 2026-02\n    direction: from\n    party: complainant\n" in (repo / COLL).read_text()


def test_lone_case_without_a_log_gets_one(repo, ipu):
    lone = repo / "cases/KHM/KHM-60.yaml"
    text = lone.read_text().replace("collectives: [KHM-COLL-03]\n", "")
    lone.write_text(text)
    group = repo / COLL
    group.write_text(group.read_text().replace("  - KHM-60\n", ""))
    result = ipu("log", "KHM-60", "--direction", "to", "--party", "authorities", "--date", "2026-02-03")
    assert result.code == 0, result.err
    added = "communications:\n  - date: 2026-02-03\n    direction: to\n    party: authorities\n\n"
    assert lone.read_text() == text.replace("\nstatus:\n", "\n" + added + "status:\n")
    assert ipu("validate").code == 0


@pytest.mark.parametrize(
    ("args", "code", "err"),
    [
        (
            ["--direction", "to", "--party", "authorities", "--date", "2026-04"],
            1,
            "ipu: invalid entry: date 2026-04 is after today (2026-03-01)\n",
        ),
        (
            ["--direction", "to", "--party", "authorities", "--date", "2026-02-30"],
            1,
            "ipu: invalid entry: date: day is out of range for month ('2026-02-30')\n",
        ),
        (
            ["--direction", "to", "--party", "authorities", "--date", "Feb 2026"],
            1,
            "ipu: invalid entry: date: expected a date such as 2011, 2011-11 or 2011-11-05, got 'Feb 2026'\n",
        ),
        (
            ["--direction", "sideways", "--party", "authorities", "--date", "2026-02"],
            2,
            "ipu: --direction: unknown direction 'sideways'; choose from to, from\n",
        ),
        (
            ["--direction", "to", "--party", "press", "--date", "2026-02"],
            2,
            "ipu: --party: unknown party 'press'; choose from authorities, complainant, third-party\n",
        ),
        (
            ["--to", "autorities", "--date", "2026-02"],
            2,
            "ipu: --to: unknown party 'autorities'; choose from authorities, complainant, third-party\n",
        ),
        (
            ["--to", "authorities", "--party", "authorities", "--date", "2026-02"],
            2,
            "ipu: give --to PARTY or --from PARTY, or --direction and --party, not both\n",
        ),
        (
            ["--to", "authorities", "--from", "complainant", "--date", "2026-02"],
            2,
            "ipu: give --to PARTY or --from PARTY, or --direction and --party, not both\n",
        ),
        (
            ["--direction", "to", "--date", "2026-02"],
            2,
            "ipu: say who the communication was to or from: --to PARTY or --from PARTY "
            "(or --direction and --party)\n",
        ),
    ],
)
def test_invalid_entry_writes_nothing(repo, ipu, args, code, err):
    before = (repo / COLL).read_bytes()
    result = ipu("log", "KHM-COLL-03", *args)
    assert (result.code, result.out, result.err) == (code, "", err)
    assert (repo / COLL).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "direction", "party"),
    [(["--to", "authorities"], "to", "authorities"), (["--from", "complainant"], "from", "complainant")],
)
def test_to_and_from_say_direction_and_party_at_once(repo, ipu, args, direction, party):
    """`--to PARTY` as draft-letter spells it; the entry is the one --direction and --party write."""
    result = ipu("log", "KHM-COLL-03", *args, "--date", "2026-02-26")
    assert (result.code, result.err) == (0, "")
    assert result.out == f"cases/KHM/KHM-COLL-03.yaml: logged 2026-02-26 {direction} {party} (entry 5 of 5)\n"
    entry = f"  - date: 2026-02-26\n    direction: {direction}\n    party: {party}\n"
    assert entry in (repo / COLL).read_text()


def test_unknown_case(repo, ipu):
    result = ipu("log", "KHM-999", "--direction", "to", "--party", "authorities", "--date", "2026-02")
    assert (result.code, result.out) == (1, "")
    assert result.err == "ipu: no case KHM-999; did you mean 'KHM-99'?\n"


def test_case_whose_file_has_a_syntax_error_names_file_line_column(repo, ipu):
    broken = repo / "cases/KHM/KHM-101.yaml"
    text = broken.read_text() + "foo: [unclosed\n"
    broken.write_text(text)
    line = text.count("\n")
    result = ipu("log", "KHM-101", "--direction", "to", "--party", "authorities", "--date", "2026-02")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"ipu: cannot read KHM-101: cases/KHM/KHM-101.yaml:{line + 1}:1: error yaml-syntax "
        "while parsing a flow sequence: did not find expected ',' or ']'; likely cause: a list opened with '[' and not closed, or a ',' inside an item\n"
    )
    assert broken.read_text() == text


def test_legacy_id_logs_in_the_group(repo, ipu):
    result = ipu("log", "CMBD/60", "--direction", "from", "--party", "complainant", "--date", "2026-02")
    assert result.code == 0
    assert result.out == "cases/KHM/KHM-COLL-03.yaml: logged 2026-02 from complainant (entry 5 of 5)\n"
    assert result.err == "ipu: KHM-60 is examined in KHM-COLL-03; logged in the group's file\n"


def test_member_of_two_groups_must_name_the_group(repo, ipu):
    member = repo / "cases/KHM/KHM-60.yaml"
    member.write_text(
        member.read_text().replace("collectives: [KHM-COLL-03]", "collectives: [KHM-COLL-03, KHM-COLL-04]")
    )
    group = (repo / COLL).read_text()
    (repo / "cases/KHM/KHM-COLL-04.yaml").write_text(
        group.replace("id: KHM-COLL-03", "id: KHM-COLL-04").replace("  - KHM-48\n", "")
    )
    before = (repo / COLL).read_bytes()
    result = ipu("log", "KHM-60", "--direction", "to", "--party", "authorities", "--date", "2026-02")
    assert result.code == 1
    assert result.err == (
        "ipu: KHM-60 is examined in several groups (KHM-COLL-03, KHM-COLL-04); "
        "name the group case it concerns\n"
    )
    assert (repo / COLL).read_bytes() == before


def test_file_invalid_after_the_change_is_not_written(repo, ipu):
    path = repo / COLL
    broken = path.read_text().replace("  - session: committee-179\n", "  - session: committee-999\n")
    path.write_text(broken)
    result = ipu("log", "KHM-COLL-03", "--direction", "to", "--party", "authorities", "--date", "2026-02")
    assert result.code == 1
    line = broken.splitlines().index("  - session: committee-999") + 1
    assert result.err == (
        f"cases/KHM/KHM-COLL-03.yaml:{line + 3}:14: error unknown-session "
        "session 'committee-999' is not in data/sessions.yaml\n"
        "ipu: cases/KHM/KHM-COLL-03.yaml would not be valid with this entry; nothing written\n"
    )
    assert path.read_text() == broken


def test_flow_style_log_grows_in_flow_style(repo, ipu):
    """A log written as a flow list gets the entry inside the list, in flow style too."""
    path = repo / COLL
    text = path.read_text()
    start = text.index("communications:\n")
    end = text.index("\ndecisions:\n")
    flow = (
        text[:start] + "communications: [{date: 2026-01, direction: from, party: complainant}]\n" + text[end:]
    )
    path.write_text(flow)
    result = ipu("log", "KHM-COLL-03", "--direction", "to", "--party", "authorities", "--date", "2026-02")
    assert (result.code, result.err) == (0, "")
    assert result.out == "cases/KHM/KHM-COLL-03.yaml: logged 2026-02 to authorities (entry 2 of 2)\n"
    assert path.read_text() == flow.replace(
        "party: complainant}]\n",
        "party: complainant}, {date: 2026-02, direction: to, party: authorities}]\n",
    )


def test_failed_rename_leaves_the_file_intact(repo, ipu, monkeypatch):
    path = repo / COLL
    before = path.read_bytes()
    listing = _files(path.parent)

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    result = ipu("log", "KHM-COLL-03", "--direction", "to", "--party", "authorities", "--date", "2026-02")
    assert result.code == 1
    assert (
        result.err
        == "ipu: cannot write cases/KHM/KHM-COLL-03.yaml: No space left on device; file unchanged\n"
    )
    assert path.read_bytes() == before
    assert [
        name for name in _files(path.parent) if not name.endswith(".lock")
    ] == listing  # no temporary file


def test_killed_process_leaves_the_file_intact(repo):
    """A process killed between writing the temporary file and renaming it changes nothing."""
    path = repo / COLL
    before = path.read_bytes()
    script = (
        "import os, sys\n"
        "def die(src, dst):\n"
        "    os.kill(os.getpid(), 9)\n"
        "os.replace = die\n"
        "from ipu_cli.entry import main\n"
        "main(sys.argv[1:])\n"
    )
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            "log",
            "KHM-COLL-03",
            "--direction",
            "to",
            "--party",
            "authorities",
            "--date",
            "2026-02",
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == -9
    assert path.read_bytes() == before


def test_locked_file_is_refused(repo, ipu, monkeypatch):
    from filelock import FileLock

    from ipu_cli.edits import engine
    from ipu_cli.store.atomic import lock_path

    path = repo / COLL
    before = path.read_bytes()
    monkeypatch.setattr(engine, "LOCK_TIMEOUT", 0.05)
    with FileLock(lock_path(path)):
        result = ipu("log", "KHM-COLL-03", "--direction", "to", "--party", "authorities", "--date", "2026-02")
    assert result.code == 1
    assert result.err == "ipu: cases/KHM/KHM-COLL-03.yaml is locked by another ipu command; try again\n"
    assert path.read_bytes() == before


RACER = """
import sys
from pathlib import Path

from ipu_cli.checks.pipeline import load_case_base
from ipu_cli.edits.caselog import append_communication, make_entry

root, party = Path(sys.argv[1]), sys.argv[2]
base = load_case_base(root)
print("ready", flush=True)
sys.stdin.readline()
for day in range(1, 9):
    entry = make_entry(f"2026-02-{day:02d}", "from", party, f"Message {day}")
    append_communication(root, "KHM-COLL-03", entry, base=base)
"""


def test_two_processes_at_once_lose_neither_entry(repo, ipu):
    """Two processes, each ready before either starts, append eight entries each at once."""
    path = repo / COLL
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(repo), party],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for party in ("third-party", "complainant")
    ]
    for proc in procs:
        assert proc.stdout.readline() == "ready\n"
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    text = path.read_text()
    for party in ("third-party", "complainant"):
        for day in range(1, 9):
            entry = f"  - date: 2026-02-{day:02d}\n    direction: from\n    party: {party}\n    description: Message {day}\n"
            assert text.count(entry) == 1, (party, day)
    assert ipu("validate").code == 0
    assert ".KHM-COLL-03.yaml.lock" in _files(path.parent)
