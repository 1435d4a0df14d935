"""`ipu stats --year`: the yearly figures as the IPU publishes them (exact output).

The synthetic base changes between 2025 and 2026: MDA-42 (a woman, independent, Europe) and
FJI-13 (a man, opposition, South Pacific) were closed in 2025, so they count in 2025 only.
Every expected number below was counted by hand from tests/synthetic (and once by a script
reading the YAML files directly, without ipu).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def test_change_on_the_year_before_by_region(synthetic, ipu) -> None:
    result = ipu("stats", "--year", "2026", "--by", "region")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Violations of the human rights of MPs – 2026 (2026-01-01 to 2026-12-31)\n"
        "MPs under examination: 82 in 6 countries (82 case files)\n"
        "New cases: 0 · ongoing: 82 · closed in the period: 0\n"
        "Complaints: 0 received · 0 found admissible · 0 inadmissible · 0 withdrawn · 0\n"
        "pending at the end of the period\n"
        "Change on 2025: -2 MPs (84 in 2025), 0 countries (6 in 2025)\n"
        "\n"
        "By region\n"
        "region                  MPs  share  2025  change\n"
        "----------------------  ---  -----  ----  ------  ------------------------------\n"
        "Africa                  64   78.0%  64    0       ██████████████████████████████\n"
        "Americas                5    6.1%   5     0       ██\n"
        "Asia                    1    1.2%   1     0       █\n"
        "Europe                  4    4.9%   5     -1      ██\n"
        "Middle East and North   1    1.2%   1     0       █\n"
        "Africa\n"
        "South Pacific           7    8.5%   8     -1      ███\n"
        "6 items\n"
    )


def test_shares_and_violations_by_sex(synthetic, ipu) -> None:
    result = ipu("stats", "--year", "2026", "--by", "sex")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[5:7] == [
        "Change on 2025: -2 MPs (84 in 2025), 0 countries (6 in 2025)",
        "Women: 11 of 82 (13.4%; 2025: 14.3%, down 0.9 points)",  # 12 of 84 in 2025
    ]
    table = lines[lines.index("Violations by sex") + 1 :]
    assert table == [
        "violation                                          women  of women  men  of men",
        "-------------------------------------------------  -----  --------  ---  ------",
        "Threats, acts of intimidation                      10     90.9%     69   97.2%",
        "Arbitrary detention                                1      9.1%      66   93.0%",
        "Violation of freedom of assembly and association   1      9.1%      65   91.5%",
        "Torture, ill-treatment and other acts of violence  0      0.0%      11   15.5%",
        "Violation of freedom of expression                 8      72.7%     2    2.8%",
        "Lack of fair trial and other unfair proceedings    5      45.5%     1    1.4%",
        "Violation of freedom of movement                   0      0.0%      3    4.2%",
        "Murder and enforced disappearance                  1      9.1%      2    2.8%",
        "Impunity                                           1      9.1%      2    2.8%",
        "9 items",
    ]


def test_published_figures_as_data(synthetic, ipu) -> None:
    data = json.loads(ipu("stats", "--year", "2026", "--format", "json").out)
    assert data["previous_year"] == {
        "year": 2025,
        "mps": 84,
        "countries": 6,
        "by_region": {
            "Africa": 64,
            "Americas": 5,
            "Asia": 1,
            "Europe": 5,
            "Middle East and North Africa": 1,
            "South Pacific": 8,
        },
    }
    assert data["change"] == {
        "mps": -2,
        "countries": 0,
        "by_region": {
            "Africa": 0,
            "Americas": 0,
            "Asia": 0,
            "Europe": -1,
            "Middle East and North Africa": 0,
            "South Pacific": -1,
        },
    }
    assert data["shares"] == {
        "women": {"count": 11, "share": 13.4, "previous": 14.3, "points": -0.9},
        "opposition": {"count": 74, "share": 90.2, "previous": 89.3, "points": 0.9},
    }
    assert data["by_sex_and_violation"]["Torture, ill-treatment and other acts of violence"] == {
        "female": 0,
        "female_share": 0.0,
        "male": 11,
        "male_share": 15.5,
    }
    assert data["complaints"] == {
        "received": 0,
        "admissible": 0,
        "inadmissible": 0,
        "withdrawn": 0,
        "pending": 0,
    }
    csv = ipu("stats", "--year", "2026", "--by", "affiliation", "--format", "csv").out.splitlines()
    assert csv[csv.index("previous_year,year,2025") :] == [
        "previous_year,year,2025",
        "previous_year,mps,84",
        "previous_year,countries,6",
        "change,mps,-2",
        "change,countries,0",
        "share,opposition,90.2",
        "share_previous,opposition,89.3",
        "share_points,opposition,0.9",
    ]


def test_confidential_counts_apart_and_unnamed(synthetic, ipu) -> None:
    result = ipu("stats", "--year", "2026", "--by", "country", "--with-confidential-counts")
    assert (result.code, result.err) == (0, "")
    # PHL-10 and MDA-3 are confidential: two MPs, two files, in countries the public cases share
    assert "Confidential cases, counted apart and not named: 2 MPs (2 case files)" in result.out.splitlines()
    for secret in ("PHL-10", "MDA-3", "Dagohoy", "Grecu"):
        assert secret not in result.out
    data = json.loads(ipu("stats", "--year", "2026", "--with-confidential-counts", "--format", "json").out)
    assert (data["mps"], data["confidential"]) == (82, {"mps": 2, "files": 2})
    both = ipu("stats", "--with-confidential-counts", "--include-confidential")
    assert (both.code, both.out) == (2, "")
    assert both.err == (
        "ipu: --with-confidential-counts adds confidential totals to public figures; "
        "--include-confidential counts confidential cases already\n"
    )


def test_the_chart_draws_every_bar_and_the_published_figures(synthetic, ipu, tmp_path) -> None:
    target = tmp_path / "stats.svg"
    result = ipu("stats", "--year", "2026", "--format", "svg", "-o", str(target))
    assert (result.code, result.err) == (0, f"ipu: wrote {target}\n")
    root = ET.parse(target).getroot()
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Change on 2025: -2 MPs (84 in 2025), 0 countries (6 in 2025)" in texts
    assert "Women: 11 of 82 (13.4%; 2025: 14.3%, down 0.9 points)" in texts
    assert "Opposition MPs: 74 of 82 (90.2%; 2025: 89.3%, up 0.9 points)" in texts
    data = json.loads(ipu("stats", "--year", "2026", "--format", "json").out)
    sections = {
        g.find(f"{SVG}text").text: [r.find(f"{SVG}title").text for r in g.iter(f"{SVG}rect")]
        for g in root.iter(f"{SVG}g")
    }
    assert len(data["by_violation"]) == 11  # more than the ten bars the chart used to stop at
    assert sections["Violations by category"] == [f"{k}: {v}" for k, v in data["by_violation"].items()]
    by_sex = sections["Violations by sex (share of the women, of the men)"]
    assert by_sex[:4] == [
        "Threats, acts of intimidation: 90.9% of women",
        "Threats, acts of intimidation: 97.2% of men",
        "Arbitrary detention: 9.1% of women",
        "Arbitrary detention: 93.0% of men",
    ]
    assert len(by_sex) == 2 * len(data["by_sex_and_violation"])


def test_bundled_base_shares(repo, ipu) -> None:
    lines = ipu("stats", "--year", "2026", "--by", "affiliation").out.splitlines()
    assert lines[5:7] == [
        "Change on 2025: 0 MPs (38 in 2025), 0 countries (1 in 2025)",
        "Opposition MPs: 38 of 38 (100.0%; 2025: 100.0%, unchanged)",
    ]
