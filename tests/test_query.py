"""`ipu list`: filters, formats and errors, on the bundled Cambodian case base."""

from __future__ import annotations

import json

import pytest

from ipu_cli.queries.filters import fold


def ids(result) -> list[str]:
    assert result.code == 0, result.err
    return [row["id"] for row in json.loads(result.out)]


def test_fold_drops_accents_and_case():
    assert fold("Tuğluk") == "tugluk"
    assert "tuglu" in fold("Aysel TUĞLUK")
    assert fold("Saumura") == "saumura"


def test_women_as_csv(repo, ipu):
    result = ipu("list", "--sex", "female", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "id,name,sex,country,mandate,affiliation,collectives,status\n"
        "KHM-48,Mu Sochua,female,KHM,former,opposition,KHM-COLL-03,active\n"
        "KHM-69,Ke Sovannroth,female,KHM,former,opposition,KHM-COLL-03,active\n"
        "KHM-93,Te Chanmony,female,KHM,former,opposition,KHM-COLL-03,active\n"
        "KHM-94,Tioulong Saumura,female,KHM,former,opposition,KHM-COLL-03,active\n"
    )


def test_current_impunity_table_with_count(repo, ipu):
    result = ipu("list", "--violation", "impunity", "--current-only")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        "id      name            sex   country  mandate  affiliation  collectives  status",
        "------  --------------  ----  -------  -------  -----------  -----------  ------",
        "KHM-56  Kong Sophea     male  KHM      former   opposition   KHM-COLL-03  active",
        "KHM-57  Nhay Chamroeun  male  KHM      former   opposition   KHM-COLL-03  active",
        "2 MPs",
    ]


def test_violation_by_label_any_case_and_french(repo, ipu):
    expected = ids(ipu("list", "--violation", "arbitrary-detention", "-f", "json"))
    assert len(expected) == 8
    assert ids(ipu("list", "--violation", "ARBITRARY ARREST AND DETENTION", "-f", "json")) == expected
    assert ids(ipu("list", "--violation", "Arrestation et détention arbitraires", "-f", "json")) == expected


def test_current_only_drops_past_violations(repo, ipu):
    everyone = ids(ipu("list", "--violation", "arbitrary-detention", "-f", "json"))
    current = ids(ipu("list", "--violation", "arbitrary-detention", "--current-only", "-f", "json"))
    assert set(current) < set(everyone)


def test_filters_combine(repo, ipu):
    # Eight MPs were arbitrarily detained, once or still; one of them is a woman.
    assert ids(ipu("list", "--sex", "female", "--violation", "arbitrary-detention", "-f", "json")) == [
        "KHM-48"
    ]
    assert ids(
        ipu("list", "--violation", "arbitrary-detention", "--violation", "inhumane-detention", "-f", "json")
    ) == ["KHM-60"]
    assert (
        ids(
            ipu(
                "list",
                "--sex",
                "female",
                "--violation",
                "arbitrary-detention",
                "--current-only",
                "-f",
                "json",
            )
        )
        == []
    )


def test_region_country_and_groups(repo, ipu):
    assert len(ids(ipu("list", "--region", "asia", "-f", "json"))) == 38
    assert ids(ipu("list", "--region", "Europe", "-f", "json")) == []
    assert len(ids(ipu("list", "--country", "Cambodia", "-f", "json"))) == 38
    assert len(ids(ipu("list", "--collective", "khm-coll-3", "-f", "json"))) == 38
    assert ids(ipu("list", "--kind", "collective", "-f", "json")) == ["KHM-COLL-03"]
    assert ids(ipu("list", "--kind", "collective", "--sex", "female", "-f", "json")) == ["KHM-COLL-03"]
    assert ids(ipu("list", "--kind", "collective", "--mandate", "incumbent", "-f", "json")) == []
    assert len(ids(ipu("list", "--kind", "all", "-f", "json"))) == 39


def test_grep_names_and_events_accent_insensitive(repo, ipu):
    assert ids(ipu("list", "--grep", "SOCHUA", "-f", "json")) == ["KHM-48"]
    assert ids(ipu("list", "--grep", "cmbd/60", "-f", "json")) == ["KHM-60"]
    assert ids(ipu("list", "--grep", "Bangkok", "-f", "json")) == ["KHM-79"]
    assert ids(ipu("list", "--grep", "Bangkök", "-f", "json")) == ["KHM-79"]


def test_deceased_status_and_dates(repo, ipu):
    assert ids(ipu("list", "--deceased", "-f", "json")) == ["KHM-79"]
    assert len(ids(ipu("list", "--living", "-f", "json"))) == 37
    assert ids(ipu("list", "--status", "closed", "-f", "json")) == []
    # Lim Kimya's death (7 January 2025) is the only dated fact in January 2025.
    assert ids(ipu("list", "--since", "2025-01", "--until", "2025-01", "-f", "json")) == ["KHM-79"]
    # The group's 2025-07 report is a fact of every member's case.
    assert len(ids(ipu("list", "--since", "2025-07-15", "--until", "2025-08", "-f", "json"))) == 38
    assert ids(ipu("list", "--until", "2011-10", "-f", "json")) == []
    # The group's complaint (November 2011) is the earliest fact.
    assert len(ids(ipu("list", "--until", "2011", "-f", "json"))) == 38


def test_closed_group_closes_its_members(repo, ipu):
    path = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "status:\n  state: active\n",
            "status:\n  state: closed\n  date: 2026-02-18\n  reason: Test closure.\n",
        ),
        encoding="utf-8",
    )
    closed = json.loads(ipu("list", "--status", "closed", "-f", "json").out)
    assert len(closed) == 38 and {row["closed"] for row in closed} == {"2026-02-18"}
    stats = json.loads(ipu("stats", "--year", "2026", "-f", "json").out)
    assert (stats["mps"], stats["closed"], stats["by_status"]) == (38, 38, {"active": 0, "closed": 38})
    assert json.loads(ipu("stats", "--year", "2027", "-f", "json", "--today", "2027-06-01").out)["mps"] == 0


def test_sort_and_columns(repo, ipu):
    result = ipu("list", "--sex", "female", "--sort", "-name", "--columns", "id,name", "-f", "csv")
    assert result.out == (
        "id,name\nKHM-94,Tioulong Saumura\nKHM-93,Te Chanmony\nKHM-48,Mu Sochua\nKHM-69,Ke Sovannroth\n"
    )
    natural = ids(ipu("list", "-f", "json"))
    assert natural[:2] == ["KHM-48", "KHM-49"] and natural[-2:] == ["KHM-101", "KHM-102"]


def test_empty_outputs(repo, ipu):
    assert ipu("list", "--country", "FRA", "-f", "json").out == "[]\n"
    assert ipu("list", "--country", "FRA", "-f", "jsonl").out == ""
    assert ipu("list", "--country", "FRA", "-f", "yaml").out == "[]\n"
    assert ipu("list", "--country", "FRA").out.splitlines()[-1] == "0 MPs"
    assert ipu("list", "--country", "FRA", "-f", "markdown").out.splitlines()[-1] == "0 MPs"


def test_json_rows_hold_every_column(repo, ipu):
    rows = json.loads(ipu("list", "--grep", "Kem Sokha", "--sort", "id", "-f", "json").out)
    row = next(r for r in rows if r["id"] == "KHM-60")
    assert row["region"] == "Asia" and row["collectives"] == ["KHM-COLL-03"]
    assert "inhumane-detention" in row["current_violations"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--violation", "impunty"],
            "ipu: --violation: unknown violation 'impunty'; did you mean 'impunity'? "
            "(codes and labels are in data/violations.yaml)\n",
        ),
        (
            ["--since", "2023-13"],
            "ipu: --since: invalid date '2023-13' (expected YYYY, YYYY-MM or YYYY-MM-DD)\n",
        ),
        (["--since", "2024", "--until", "2023"], "ipu: --since (2024) is after --until (2023)\n"),
        (["--sex", "f"], "ipu: --sex: unknown value 'f'; choose from male, female\n"),
        (
            ["--region", "Oceania"],
            "ipu: --region: unknown region 'Oceania'; choose from Africa, Americas, Asia, Europe, Middle East and North Africa, South Pacific\n",
        ),
        (
            ["--country", "XXX"],
            "ipu: --country: unknown country 'XXX' (use an ISO code such as KHM or a name)\n",
        ),
        (["--collective", "KHM-60"], "ipu: --collective: KHM-60 is not a group case\n"),
        (["--current-only"], "ipu: --current-only needs --violation\n"),
        (["--sort", "height"], None),
        (
            ["--format", "xml"],
            "ipu: unknown format 'xml'; choose from table, json, jsonl, csv, yaml, markdown\n",
        ),
        (
            ["--confidential"],
            "ipu: --confidential lists confidential cases: add --include-confidential (internal use only)\n",
        ),
    ],
)
def test_bad_filters_exit_2(repo, ipu, args, message):
    result = ipu("list", *args)
    assert (result.code, result.out) == (2, "")
    if message is None:
        assert result.err == (
            "ipu: --sort: unknown column 'height'; choose from id, kind, name, sex, country, region, "
            "parliament, mandate, affiliation, party, collectives, members, size, status, closed, deceased, "
            "violations, current_violations, confidentiality\n"
        )
    else:
        assert result.err == message


def test_group_listing_adds_kind_and_size_to_the_default_columns(repo, ipu, monkeypatch):
    """Listing groups, the short text columns name the kind and count the members."""
    monkeypatch.setenv("COLUMNS", "200")  # one line per row (tests/test_tables.py: narrower)
    result = ipu("list", "--kind", "collective", "-f", "table")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "id           kind        name                          sex  country  mandate  affiliation"
        "  collectives  status  size\n"
        "-----------  ----------  ----------------------------  ---  -------  -------  -----------"
        "  -----------  ------  ----\n"
        "KHM-COLL-03  collective  Former CNRP parliamentarians       KHM                          "
        "               active  38\n"
        "1 case\n"
    )
