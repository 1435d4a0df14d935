"""`ipu stats`: the yearly figures for the bundled case base, and how they are counted."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from ipu_cli.documents.chart import render_svg
from ipu_cli.queries.figures import Period, Stats

SVG = "{http://www.w3.org/2000/svg}"


def figures(ipu, *args: str) -> dict:
    result = ipu("stats", "--format", "json", *args)
    assert (result.code, result.err) == (0, ""), result.err
    return json.loads(result.out)


def test_bundled_base(repo, ipu):
    stats = figures(ipu)
    assert stats["title"] == "Violations of the human rights of MPs – 2026"
    assert stats["period"] == {"from": "2026-01-01", "to": "2026-03-01"}
    assert (stats["mps"], stats["files"], stats["countries"]) == (38, 38, 1)
    assert (stats["new"], stats["ongoing"], stats["closed"]) == (0, 38, 0)
    assert stats["by_region"] == {
        "Africa": 0,
        "Americas": 0,
        "Asia": 38,
        "Europe": 0,
        "Middle East and North Africa": 0,
        "South Pacific": 0,
    }
    assert stats["by_country"] == {"Cambodia": 38}
    assert stats["by_sex"] == {"male": 34, "female": 4}
    assert stats["by_affiliation"] == {"opposition": 38, "majority": 0, "independent": 0, "other": 0}
    assert stats["by_violation_group"]["Arbitrary detention"] == 8
    assert list(stats["by_violation_group"])[-1] == "Impunity"
    assert stats["by_violation"]["Impunity"] == 2
    assert stats["by_violation"]["Inhumane conditions of detention"] == 1


def test_complaint_year_makes_cases_new(repo, ipu):
    # The group's complaint was submitted in November 2011: every member inherits it.
    stats = figures(ipu, "--year", "2011")
    assert (stats["mps"], stats["new"], stats["ongoing"]) == (38, 38, 0)
    assert figures(ipu, "--year", "2010")["mps"] == 0
    assert figures(ipu, "--as-of", "2011-10-31")["mps"] == 0
    assert figures(ipu, "--as-of", "2011-11-01")["mps"] == 38


def test_persons_not_files(repo, ipu):
    """A second file for Mu Sochua under another id counts once (and validate flags it)."""
    source = (repo / "cases" / "KHM" / "KHM-48.yaml").read_text(encoding="utf-8")
    twin = source.replace("id: KHM-48\n", "id: KHM-948\naliases: [KHM-48]\n")
    (repo / "cases" / "KHM" / "KHM-948.yaml").write_text(twin, encoding="utf-8")
    stats = figures(ipu, "--by", "sex")
    assert (stats["mps"], stats["files"], stats["by_sex"]) == (38, 39, {"male": 34, "female": 4})
    assert "by_region" not in stats


def test_by_sex_csv(repo, ipu):
    result = ipu("stats", "--by", "sex", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "figure,key,value\n"
        "total,mps,38\ntotal,files,38\ntotal,countries,1\n"
        "total,new,0\ntotal,ongoing,38\ntotal,closed,0\n"
        "complaints,received,0\ncomplaints,admissible,0\ncomplaints,inadmissible,0\n"
        "complaints,withdrawn,0\ncomplaints,pending,0\n"
        "sex,male,34\nsex,female,4\n"
    )


def test_table_has_bars(repo, ipu):
    result = ipu("stats", "--by", "sex")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        "Violations of the human rights of MPs – 2026 (2026-01-01 to 2026-03-01)",
        "MPs under examination: 38 in 1 country (38 case files)",
        "New cases: 0 · ongoing: 38 · closed in the period: 0",
        "Complaints: 0 received · 0 found admissible · 0 inadmissible · 0 withdrawn · 0",
        "pending at the end of the period",  # wrapped at 80 columns
        "",
        "By sex",
        "sex     MPs  share",
        "------  ---  -----  ------------------------------",
        "male    34   89.5%  " + "█" * 30,
        "female  4    10.5%  " + "█" * 4,
        "2 items",
    ]


def test_svg_is_well_formed(repo, ipu, tmp_path):
    target = tmp_path / "stats.svg"
    result = ipu("stats", "--year", "2026", "--format", "svg", "-o", str(target))
    assert (result.code, result.out, result.err) == (0, "", f"ipu: wrote {target}\n")
    root = ET.parse(target).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Violations of the human rights of MPs – 2026"
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "Asia" in labels and "female" in labels and "By region" in labels


def test_svg_escapes_labels():
    stats = Stats(Period(*[__import__("datetime").date(2026, 1, 1)] * 2), mps=1, countries=1)
    stats.breakdowns["country"] = {"Trinidad & <Tobago>": 1}
    root = ET.fromstring(render_svg(stats))
    assert "Trinidad & <Tobago>" in [t.text for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--by", "party"],
            "ipu: --by: unknown breakdown 'party'; choose from region, country, sex, affiliation, violation, status\n",
        ),
        (["--year", "2025", "--as-of", "2025-06-01"], "ipu: give --year or --as-of, not both\n"),
        (["--as-of", "2025-13-01"], "ipu: --as-of: invalid date '2025-13-01' (expected YYYY-MM-DD)\n"),
        (["--format", "svg"], "ipu: --format svg needs -o FILE\n"),
        (["--format", "png"], "ipu: unknown format 'png'; choose from table, json, csv, svg\n"),
    ],
)
def test_usage_errors(repo, ipu, args, message):
    result = ipu("stats", *args)
    assert (result.code, result.out, result.err) == (2, "", message)
