"""The yearly statistics as an SVG chart a communications officer can publish.

Layout is computed here (plain numbers); `templates/stats.svg.j2` only draws,
so the look can be changed without code. It is rendered through the one
template environment (`render.py`): the case repository's `templates/` first,
then the bundled one; autoescaping keeps labels from breaking the XML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ipu_cli.domain.words import counted
from ipu_cli.queries.figures import LABELS, Stats, published_lines, sex_violation_rows, title

TEMPLATE = "stats.svg.j2"
SECTIONS = ("region", "sex", "affiliation", "violation_group", "country", "violation", "status")
WIDTH = 760
MARGIN = 20
LABEL_RIGHT = 330
BAR_LEFT = 340
BAR_MAX = 360
ROW = 22
LINE = 18


def layout(stats: Stats, notice: str | None = None) -> dict[str, Any]:
    """Positions and widths of every bar, section by section: every bar, never a cut list.

    With the year before (`ipu stats --year`), lines under the subtitle give the change and
    the shares of women and of opposition MPs with their trend; violations by sex draw two
    bars per violation group, the share of the women and the share of the men who faced it.
    """
    lines = published_lines(stats)
    y = (74 if notice else 56) + LINE * len(lines)
    sections = []
    for name in SECTIONS:
        counts = stats.breakdowns.get(name)
        if counts is None:
            continue
        items = list(counts.items())
        most = max((v for _, v in items), default=0)
        y += 34
        section: dict[str, Any] = {"heading": LABELS[name], "y": y, "bars": []}
        y += 8
        for label, value in items:
            width = round(BAR_MAX * value / most) if most else 0
            section["bars"].append(
                {
                    "label": label,
                    "value": value,
                    "width": width,
                    "y": y,
                    "kind": "",
                    "title": f"{label}: {value}",
                }
            )
            y += ROW
        sections.append(section)
    if stats.sex_violation:
        y += 34
        section = {
            "heading": f"{LABELS['sex_violation']} (share of the women, of the men)",
            "y": y,
            "bars": [],
        }
        y += 8
        for row in sex_violation_rows(stats):
            for sex, key in (("women", "of women"), ("men", "of men")):
                share = float(row[key].rstrip("%")) if row[key] else 0.0
                label = row["violation"] if sex == "women" else ""
                value = f"{row[key] or '-'} of {sex}"
                section["bars"].append(
                    {
                        "label": label,
                        "value": value,
                        "width": round(BAR_MAX * share / 100),
                        "y": y,
                        "kind": sex,
                        "title": f"{row['violation']}: {value}",
                    }
                )
                y += ROW
            y += 4
        sections.append(section)
    countries = counted(stats.countries, "country", "countries")
    period = stats.period
    title_y = 44 if notice else 30
    return {
        "notice": notice,
        "title": title(period),
        "subtitle": (
            f"{stats.mps} MPs under examination in {countries}: {stats.new} new, "
            f"{stats.ongoing} ongoing; {stats.closed} closed in the period"
        ),
        "lines": [{"text": text, "y": title_y + 22 + LINE * (index + 1)} for index, text in enumerate(lines)],
        "footer": f"Source: IPU Committee on the Human Rights of Parliamentarians, "
        f"{period.start.isoformat()} to {period.end.isoformat()}",
        "sections": sections,
        "width": WIDTH,
        "height": y + 40,
        "margin": MARGIN,
        "title_y": title_y,
        "label_right": LABEL_RIGHT,
        "bar_left": BAR_LEFT,
    }


def render_svg(stats: Stats, root: Path | None = None, notice: str | None = None) -> str:
    """The chart as SVG text, through the shared template environment (autoescaped)."""
    from ipu_cli.documents.environment import BUNDLED, render_text

    return render_text(TEMPLATE, layout(stats, notice), root or BUNDLED.parent)


def sample_contexts(base: Any) -> Any:
    """For `ipu templates check`: the chart of the base, public and internal, whole and by breakdown."""
    import datetime as dt

    from ipu_cli.domain.visibility import NOTICE
    from ipu_cli.queries.figures import compute, period_for

    period = period_for(None, None, dt.date.today())
    for include in (False, True):
        for by in (None, "country"):
            label = f"stats ({'internal' if include else 'public'}{', by ' + by if by else ''})"
            yield label, layout(compute(base, period, include, by), NOTICE if include else None)
