"""`ipu changes`: what is new in each case since a session or a day (exact output)."""

from __future__ import annotations

import os
import subprocess

import pytest


def test_since_a_session_on_the_bundled_base(repo, ipu) -> None:
    result = ipu("changes", "--since-session", "179")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "case         date     new  change            detail\n"
        "-----------  -------  ---  ----------------  -----------------------------------\n"
        "KHM-COLL-03  2026-02  yes  decision adopted  179th session (February 2026): 9\n"
        "                                             paragraphs\n"
        "1 change; in 1 case since 2 February 2026, the first day of the 179th session\n"
        "(February 2026)\n"
    )


def test_since_a_day_on_the_bundled_base(repo, ipu) -> None:
    result = ipu("changes", "--since", "2025-06", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "case,date,new,change,detail\n"
        "KHM-COLL-03,2025-07,yes,event,Report by a third party: UN Special Rapporteur on Cambodia "
        "reports to the Human Rights Council (A/HRC/60/86).\n"
        "KHM-COLL-03,2025-12,yes,communication to the authorities,"
        "Letter to the Secretary General of the National Assembly\n"
        "KHM-COLL-03,2026-01,yes,communication from the complainant,\n"
        "KHM-COLL-03,2026-01,yes,communication to the complainant,\n"
        "KHM-COLL-03,2026-02,yes,decision adopted,179th session (February 2026): 9 paragraphs\n"
    )


def test_month_only_dates_are_possibly_since_a_day_inside_the_month(synthetic, ipu) -> None:
    result = ipu("changes", "--since", "2026-02-19", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "case,date,new,change,detail\n"
        "COD-COLL-01,2026-02,possibly,decision adopted,179th session (February 2026): 4 paragraphs\n"
        "FJI-COLL-01,2026-02,possibly,decision adopted,179th session (February 2026): 3 paragraphs\n"
        "FJI-COLL-01,2026-04,yes,decision drafted,for the 180th session (April 2026): 3 paragraphs\n"
        "LBY-12,2026-02,possibly,decision adopted,179th session (February 2026): 3 paragraphs\n"
    )
    table = ipu("changes", "--since", "2026-02-19").out.splitlines()
    assert table[-2:] == [
        "4 changes; in 3 cases since 19 February 2026; 3 possibly (dated by month or year",
        "only)",
    ]
    # the same decisions since the session that adopted them are certain
    session = ipu("changes", "--since-session", "179", "--format", "csv").out
    assert "FJI-COLL-01,2026-02,yes,decision adopted,179th session (February 2026): 3 paragraphs\n" in session


def test_members_who_joined_left_or_were_closed(synthetic, ipu) -> None:
    result = ipu("changes", "--since-session", "178", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    rows = [line for line in result.out.splitlines() if line.startswith("FJI-COLL-01,")]
    assert rows == [
        "FJI-COLL-01,2025-10-18,yes,member joined,"
        '"FJI-15 Ana Qiolevu-Raikoti, from the 178th session (October 2025)"',
        "FJI-COLL-01,2025-10-22,yes,decision adopted,178th session (October 2025): 3 paragraphs",
        "FJI-COLL-01,2025-10-22,yes,member closed,"
        "FJI-13 Viliame Koroiveibau: A satisfactory settlement was reached with the authorities.",
        "FJI-COLL-01,2025-11,yes,communication to the authorities,Letter to the Speaker of Parliament",
        "FJI-COLL-01,2026-01,yes,communication from the complainant,",
        "FJI-COLL-01,2026-02,yes,decision adopted,179th session (February 2026): 3 paragraphs",
        "FJI-COLL-01,2026-02-02,yes,member left,"
        '"FJI-14 Semesa Naulumatua, at the 179th session (February 2026), now FJI-14: '
        'His case is examined on its own since his second arrest."',
        "FJI-COLL-01,2026-04,yes,decision drafted,for the 180th session (April 2026): 3 paragraphs",
    ]
    # the closed member's own file is not reported twice: its closure is the group's row
    assert not [line for line in result.out.splitlines() if line.startswith("FJI-13,")]


def test_public_output_follows_the_confidentiality_rules(synthetic, ipu) -> None:
    public = ipu("changes", "--since", "2025-08", "--format", "csv").out
    assert "Chief of Staff" not in public  # an internal log entry of PHL-08
    assert "PHL-10" not in public  # a confidential case
    internal = ipu("changes", "--since", "2025-08", "--format", "csv", "--include-confidential")
    assert internal.out.startswith("# CONFIDENTIAL: includes cases and fields not for publication\n")
    assert (
        "PHL-08,2025-08,yes,communication from the authorities,"
        "Call from the Chief of Staff of the Senate President\n"
    ) in internal.out
    assert "\nPHL-10," in internal.out


def _git(root, *args: str, date: str = "2026-01-10T12:00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Case officer",
        "GIT_AUTHOR_EMAIL": "officer@example.org",
        "GIT_COMMITTER_NAME": "Case officer",
        "GIT_COMMITTER_EMAIL": "officer@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_git_history_adds_the_commits_since_the_day(synthetic, ipu) -> None:
    _git(synthetic, "init", "-q", "-b", "main")
    _git(synthetic, "add", "cases")
    _git(synthetic, "commit", "-q", "-m", "Base as of January")
    for case, country in (("MDA-COLL-01", "MDA"), ("PHL-10", "PHL")):
        path = synthetic / "cases" / country / f"{case}.yaml"
        path.write_text(path.read_text() + "# reviewed\n")
        _git(synthetic, "commit", "-q", "-am", f"Reviewed {case} after the call", date="2026-02-20T09:00:00")
    commits = _git(synthetic, "log", "--format=%h").splitlines()
    result = ipu("changes", "--since", "2026-02-19", "--git", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert (
        f"MDA-COLL-01,2026-02-20,yes,commit,cases/MDA/MDA-COLL-01.yaml changed in commit {commits[1]}\n"
        in (result.out)
    )
    assert "PHL-10" not in result.out and "Base as of January" not in result.out
    internal = ipu("changes", "--since", "2026-02-19", "--git", "--format", "csv", "--include-confidential")
    assert (
        f"MDA-COLL-01,2026-02-20,yes,commit,cases/MDA/MDA-COLL-01.yaml changed in commit {commits[1]}: "
        "Reviewed MDA-COLL-01 after the call\n"
    ) in internal.out
    assert (
        f"PHL-10,2026-02-20,yes,commit,cases/PHL/PHL-10.yaml changed in commit {commits[0]}: " in internal.out
    )


def test_git_history_stops_at_today(synthetic, ipu) -> None:
    """A run pinned to a past day (--today, IPU_TODAY=2026-03-01 here) lists no commit made after it."""
    _git(synthetic, "init", "-q", "-b", "main")
    _git(synthetic, "add", "cases")
    _git(synthetic, "commit", "-q", "-m", "Base as of January")
    path = synthetic / "cases" / "MDA" / "MDA-COLL-01.yaml"
    for day in ("2026-03-01T18:00:00", "2026-03-02T09:00:00"):
        path.write_text(path.read_text() + "# reviewed\n")
        _git(synthetic, "commit", "-q", "-am", f"Reviewed on {day}", date=day)
    result = ipu("changes", "--since", "2026-02-19", "--git", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert [line.split(",")[1] for line in result.out.splitlines() if ",commit," in line] == ["2026-03-01"]


def test_git_outside_a_repository_is_a_usage_error(synthetic, ipu) -> None:
    result = ipu("changes", "--since", "2026-02", "--git")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"ipu: --git: {synthetic} is not in a git repository\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give --since-session N or --since DATE (one of them)"),
        (
            ["--since", "2026", "--since-session", "179"],
            "give --since-session N or --since DATE (one of them)",
        ),
        (["--since", "2026-13"], "--since: invalid date '2026-13' (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
        (["--since", "2026-03-02"], "--since 2026-03-02 is after today (2026-03-01)"),
        (
            ["--since-session", "150"],
            "session committee-150 is not in data/sessions.yaml (known: committee-171, committee-179, "
            "committee-180)",
        ),
    ],
)
def test_usage_errors(repo, ipu, args, message) -> None:
    result = ipu("changes", *args)
    assert (result.code, result.out, result.err) == (2, "", f"ipu: {message}\n")
