"""The terminal view of `ipu show`, drawn with rich. Only imported on a TTY."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ipu_cli.queries.caseview import _ago, _one_line


def print_rich(view: dict[str, Any]) -> None:
    console = Console()
    head = Text()
    head.append(f"{view['country_name']} ({view['country']}) · {view['parliament']}\n")
    if view["kind"] == "individual":
        who = f"{str(view['sex']).capitalize()} · {view['mandate']} MP · {view['affiliation']}"
        head.append(who + (f" ({view['party']})" if view.get("party") else "") + "\n")
        if view["deceased"]:
            head.append(f"Deceased {view['death_date'] or ''}\n", style="bold")
        for group in view["collectives"]:
            head.append(
                f"Group {group['id']}"
                + (f": {group['title']}, {group['members']} members" if group["title"] else "")
                + "\n"
            )
    else:
        counts = view["counts"]
        head.append(f"{counts['members']} members: {counts['male']} male, {counts['female']} female\n")
    status_style = "green" if view["status"] == "active" else "dim"
    conf_style = "bold red" if view["confidentiality"] == "confidential" else "cyan"
    head.append("Status: ")
    head.append(view["status"], style=status_style)
    head.append(" · ")
    head.append(
        view["confidentiality"].upper()
        if view["confidentiality"] == "confidential"
        else view["confidentiality"],
        style=conf_style,
    )
    if view.get("also_known_as"):
        head.append(f"\nAlso known as: {', '.join(view['also_known_as'])}")
    if view["aliases"]:
        head.append(f"\nLegacy ids: {', '.join(view['aliases'])}", style="dim")
    parts: list[Any] = [head]

    if view["kind"] == "individual":
        table = Table(title="Violations", title_justify="left", show_header=False, box=None, padding=(0, 1))
        for v in view["violations"]:
            style = "bold" if v["scope"] == "current" else "dim"
            table.add_row(
                Text(v["scope"], style=style), v["label"] + (f" ({v['note']})" if v.get("note") else "")
            )
        parts.append(table)
    else:
        table = Table(title="Members", title_justify="left", show_header=False, box=None, padding=(0, 1))
        for m in view["members"]:
            table.add_row(
                m["id"],
                (m["name"] or "(no file)")
                + (" (Ms.)" if m["sex"] == "female" else "")
                + (" †" if m["deceased"] else ""),
            )
        parts.append(table)

    timeline = Table(title="Timeline", title_justify="left", show_header=False, box=None, padding=(0, 1))
    for e in view["events"]:
        timeline.add_row(Text(e["date"], style="bold"), Text(e["label"], style="cyan"), _one_line(e["text"]))
    parts.append(timeline)

    via = f" (from {view['case_level_from']})" if view["case_level_from"] else ""
    decision = view["latest_decision"]
    line = (
        f"{decision['session']}, adopted {decision['adopted']}: {decision['paragraphs']} paragraphs"
        if decision
        else "none"
    )
    parts.append(Text(f"Latest decision{via}: ", style="bold") + Text(line))

    follow = Table(
        title=f"Follow-up as of {view['as_of']}{via}", title_justify="left", box=None, padding=(0, 1)
    )
    follow.add_column("")
    follow.add_column("last")
    follow.add_column("")
    follow.add_column("")
    for row in view["follow_up"]:
        months = row["months_ago"]
        style = "red" if months is not None and months > 6 else ""
        follow.add_row(
            f"{row['direction']} the {row['party']}",
            row["date"] or "- - -",
            Text(_ago(months), style=style),
            row["description"] or "",
        )
    parts.append(follow)
    spaced: list[Any] = []
    for part in parts:
        spaced.extend([part, Text("")])
    title = f"[bold]{view['id']}[/bold]  {view['name'] or ''}"
    console.print(Panel(Group(*spaced[:-1]), title=title, title_align="left"))
