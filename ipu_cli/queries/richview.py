"""The terminal view of `ipu show`, drawn with rich. Only imported on a TTY.

It prints the same sections as the plain view (`caseview.render_text`), in the
same order, from the same lines. Every piece of case data is a `rich.text.Text`
(never markup) and passes through `printable`, so brackets, markup tags and
escape sequences in a name print as they are written.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ipu_cli.domain.words import one_line
from ipu_cli.queries.caseview import (
    box_rows,
    heading_lines,
    member_entries,
    members_heading,
    not_listed_lines,
)
from ipu_cli.queries.rows import columns_text, printable, wrap


def print_rich(view: dict[str, Any], members: bool = False) -> None:
    console = Console(highlight=False, emoji=False)
    width = max(console.width - 4, 20)  # inside the panel's borders and padding
    parts: list[Any] = []
    if view.get("notice"):
        console.print(Text(view["notice"], style="bold red"))

    head = Text()
    for line in heading_lines(view):
        if line.startswith("Status: "):
            status, _, confidentiality = line.removeprefix("Status: ").partition(" · ")
            head.append("Status: ")
            head.append(status, style="green" if status == "active" else "dim")
            head.append(" · ")
            secret = confidentiality == "confidential"
            head.append(
                confidentiality.upper() if secret else confidentiality, style="bold red" if secret else "cyan"
            )
            head.append("\n")
        else:
            head.append(line + "\n", style="dim" if line.startswith("Legacy ids") else "")
    head.rstrip()
    parts.append(head)

    via = f" (case-level facts from {view['case_level_from']})" if view["case_level_from"] else ""
    box = Text()
    for text, hang in box_rows(view, width):
        first, *rest = wrap(text, width, "", hang)
        label, sep, value = first.partition(": ")
        if sep and not first.startswith(" "):
            box.append(label + sep, style="bold")  # "Submission of complaint: "
            box.append(value)
        else:
            box.append(first)  # the decision's first lines, the follow-up sub-lines
        for line in rest:
            box.append("\n" + line)
        box.append("\n")
    box.rstrip()
    parts.append(Group(Text(f"Case box{via}", style="bold"), box))

    checks = Table.grid(padding=(0, 1))
    checks.add_column()
    for item in view["checklist"]:
        checks.add_row(Text(f"✓ {printable(item['label'])}{item['marker']}"))
    for note in view["footnotes"]:
        checks.add_row(Text(f"{note['marker']} {printable(note['text'])}", style="dim"))
    if not view["checklist"]:
        checks.add_row(Text("none recorded", style="dim"))
    parts.append(Group(Text("Alleged violations", style="bold"), checks))

    if view["kind"] == "collective":
        shown, more = member_entries(view, members, width)
        lines = columns_text(shown, width)
        if more:
            lines.append(f"… {more}")
        lines.extend(not_listed_lines(view))
        parts.append(Group(Text(members_heading(view), style="bold"), Text("\n".join(lines))))

    timeline = Table.grid(padding=(0, 1))
    timeline.add_column(no_wrap=True)
    timeline.add_column()
    for e in view["events"]:
        line = Text()
        line.append(printable(e["label"] or ""), style="cyan")
        line.append(": " + printable(one_line(e["text"])))
        timeline.add_row(Text(e["date"], style="bold"), line)
    if not view["events"]:
        timeline.add_row(Text("none recorded", style="dim"))
    parts.append(Group(Text("Timeline", style="bold"), timeline))

    spaced: list[Any] = []
    for part in parts:
        spaced.extend([part, Text("")])
    title_text = Text()
    title_text.append(printable(view["id"]), style="bold")
    title_text.append("  " + printable(view["name"] or ""))
    console.print(Panel(Group(*spaced[:-1]), title=title_text, title_align="left"))
