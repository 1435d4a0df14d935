"""`ipu followups`: last communications, latest decision and its requests, flags, urgency order."""

from __future__ import annotations

import json

COLL = "cases/KHM/KHM-COLL-03.yaml"
HEADER = (
    "case         flags                             to authorities"
    + " " * 66
    + "from authorities"
    + " " * 64
    + "to complainant       from complainant     decision                       requested"
    + " " * 169
    + "missions"
)
ROW = (
    "KHM-COLL-03  not conveyed, authorities silent  "
    "December 2025 (3 mo): Letter to the Secretary General of the National Assembly  "
    "March 2023 (36 mo): Letter from the Secretary General of the National Assembly  "
    "January 2026 (2 mo)  January 2026 (2 mo)  179th session (February 2026)  "
    "Calls on the Cambodian authorities to actively explore all…; "
    "requests the Cambodian authorities to provide detailed…; "
    "calls on the authorities to provide the necessary clarity…"
)


def test_done_when_table(repo, ipu, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")  # one line per row (tests/test_tables.py: narrower)
    result = ipu("followups", "--as-of", "2026-03-01")
    assert result.code == 0, result.err
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == HEADER
    assert set(lines[1]) == {"-", " "}
    assert lines[2] == ROW
    assert lines[3:] == [
        "1 case; 1 not conveyed, 1 authorities silent, 0 complainant silent, 0 with a mission pending "
        "(as of 2026-03-01, silence over 6 months)"
    ]


def test_json_keeps_whole_clauses_and_defaults_to_today(repo, ipu):
    result = ipu("followups", "--format", "json")  # IPU_TODAY=2026-03-01
    rows = json.loads(result.out)
    assert [row["case"] for row in rows] == ["KHM-COLL-03"]
    row = rows[0]
    assert row["flags"] == ["not conveyed", "authorities silent"]
    assert (
        row["to authorities"]
        == "December 2025 (3 mo): Letter to the Secretary General of the National Assembly"
    )
    assert row["from complainant"] == "January 2026 (2 mo)"
    assert row["requested"] == [
        "*Calls on* the Cambodian authorities to actively explore all legal, judicial and political avenues "
        "available to remove the obstacles preventing the return of the affected former parliamentarians, "
        "including those arising from convictions and sentences handed down *in absentia*, and to take "
        "concrete steps to facilitate their safe return",
        "*requests* the Cambodian authorities to provide detailed information on the status of the "
        "investigation, including any findings regarding motive and accountability",
        "*calls on* the authorities to provide the necessary clarity and dates so that such a mission can "
        "take place without further delay",
    ]  # paragraph 8 asks the Secretary General to convey the decision: not an ask of the authorities


def test_letter_after_the_session_clears_not_conveyed(repo, ipu):
    assert (
        ipu("log", "KHM-COLL-03", "--direction", "to", "--party", "authorities", "--date", "2026-02-25").code
        == 0
    )
    row = json.loads(ipu("followups", "--as-of", "2026-03-01", "-f", "json").out)[0]
    assert row["flags"] == ["authorities silent"]
    assert row["to authorities"] == "February 2026 (1 mo)"


def test_months_threshold_and_as_of_ignore_later_entries(repo, ipu):
    row = json.loads(ipu("followups", "--as-of", "2026-03-01", "--months", "36", "-f", "json").out)[0]
    assert row["flags"] == ["not conveyed"]
    # Before the 179th session: the latest decision is March 2023's, conveyed in December 2025.
    row = json.loads(ipu("followups", "--as-of", "2025-12-31", "-f", "json").out)[0]
    assert row["decision"] == "171st session (March 2023)"
    assert row["requested"] == []
    assert row["flags"] == ["authorities silent", "complainant silent"]
    assert row["from complainant"] == "never"
    assert row["to complainant"] == "never"


def test_confidential_cases_need_the_option(repo, ipu):
    path = repo / COLL
    path.write_text(path.read_text().replace("confidentiality: public", "confidentiality: confidential"))
    result = ipu("followups", "--as-of", "2026-03-01", "-f", "csv")
    assert (
        result.out
        == "case,flags,to authorities,from authorities,to complainant,from complainant,decision,requested,"
        "missions\n"
    )
    result = ipu("followups", "--as-of", "2026-03-01", "-f", "csv", "--include-confidential")
    lines = result.out.splitlines()
    assert lines[0] == "# CONFIDENTIAL: includes cases and fields not for publication"
    assert lines[2].startswith('KHM-COLL-03,"not conveyed, authorities silent",')


def test_lone_mp_is_followed_and_sorted_by_urgency(repo, ipu):
    member = repo / "cases/KHM/KHM-60.yaml"
    member.write_text(
        member.read_text().replace("collectives: [KHM-COLL-03]\n", "")
        + "communications:\n"
        + "  - {date: 2026-01, direction: from, party: authorities}\n"
        + "  - {date: 2026-02, direction: from, party: complainant}\n"
    )
    group = repo / COLL
    group.write_text(group.read_text().replace("  - KHM-60\n", ""))
    assert ipu("validate").code == 0
    result = ipu("followups", "--as-of", "2026-03-01", "-f", "markdown")
    lines = result.out.splitlines()
    assert lines[2].startswith("| KHM-COLL-03 | not conveyed, authorities silent |")
    assert lines[3] == (
        "| KHM-60 |  | never | January 2026 (2 mo) | never | February 2026 (1 mo) | none |  |  |"
    )
    assert lines[-1] == (
        "2 cases; 1 not conveyed, 1 authorities silent, 0 complainant silent, 0 with a mission pending "
        "(as of 2026-03-01, silence over 6 months)"
    )


def test_bad_options(repo, ipu):
    assert (
        ipu("followups", "--format", "yaml").err
        == "ipu: unknown format 'yaml'; choose from table, json, csv, markdown\n"
    )
    result = ipu("followups", "--as-of", "March 2026")
    assert (result.code, result.err) == (
        2,
        "ipu: invalid date for --as-of: 'March 2026' (expected YYYY-MM-DD)\n",
    )


def test_months_and_as_of_out_of_range(repo, ipu):
    result = ipu("followups", "--months", "0")
    assert (result.code, result.out, result.err) == (2, "", "ipu: --months must be 1 or more, got 0\n")
    result = ipu("followups", "--as-of", "2026-03-02")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "ipu: --as-of 2026-03-02 is after today (2026-03-01)\n",
    )
    result = ipu("followups", "--as-of", "2026-02-30")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "ipu: invalid date for --as-of: '2026-02-30' (expected YYYY-MM-DD)\n",
    )


def test_unreadable_case_file_is_named_not_silently_dropped(repo, ipu):
    lone = repo / "cases" / "KHM" / "KHM-101.yaml"
    lone.write_text(lone.read_text() + "foo: [unclosed\n")
    result = ipu("followups", "--as-of", "2026-03-01", "-f", "csv")
    assert result.code == 1  # the report of the cases read, then exit 1, as `ipu list` does
    assert result.out.startswith("case,flags,")
    problem, *hints, last = result.err.splitlines()
    assert problem.startswith("cases/KHM/KHM-101.yaml:") and " error yaml-syntax " in problem
    assert hints == ["ipu: how to fix yaml-syntax: ipu validate --explain yaml-syntax"]
    assert (
        last == "ipu: 1 case file was not read; the follow-up report may be incomplete (see 'ipu validate')"
    )
