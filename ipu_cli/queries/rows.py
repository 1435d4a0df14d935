"""The one output formatter for commands that print rows.

`ipu list`, `ipu followups` and friends hand it a list of flat dicts and a
format; it prints a table (rich on a terminal, aligned plain text when piped,
with a count at the foot), JSON (`[]` when empty), JSON Lines, CSV, YAML or
Markdown. Modelled on sqlite-utils' shared output options.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

ROW_FORMATS = ("table", "json", "jsonl", "csv", "yaml", "markdown")


def csv_value(value: Any) -> str:
    """A cell of every CSV ipu writes: text a spreadsheet would run as a formula gets a `'` first.

    Numbers stay numbers; `domain/markup.csv_cell` says which text is neutralised.
    """
    from ipu_cli.domain.markup import csv_cell

    text = _cell(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return text
    return csv_cell(text)


def _markdown_cell(value: Any) -> str:
    from ipu_cli.domain.markup import markdown_text

    return " ".join(markdown_text(_cell(value), line_start=False).splitlines())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def _columns(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def render_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    noun: str = "row",
    banner: str | None = None,
    footer: str | None = None,
) -> str:
    """Rows as text in `fmt` (never rich; see `emit_rows` for the terminal)."""
    cols = _columns(rows, columns)
    out = io.StringIO()
    if banner and fmt in ("table", "markdown", "csv"):
        out.write(("# " if fmt == "csv" else "") + banner + "\n")
    if fmt == "json":
        payload: Any = [{c: row.get(c) for c in cols} for row in rows]
        if banner:
            payload = {"notice": banner, "rows": payload}
        out.write(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
    elif fmt == "jsonl":
        if banner:
            out.write(json.dumps({"notice": banner}, ensure_ascii=False) + "\n")
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in cols}, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([csv_value(row.get(c)) for c in cols])
    elif fmt == "yaml":
        import yaml

        payload = [{c: row.get(c) for c in cols} for row in rows]
        if banner:
            out.write(f"# {banner}\n")
        out.write(yaml.safe_dump(payload, sort_keys=False, allow_unicode=True) if payload else "[]\n")
    elif fmt == "markdown":
        out.write("| " + " | ".join(cols) + " |\n")
        out.write("|" + "|".join(" --- " for _ in cols) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(_markdown_cell(row.get(c)) for c in cols) + " |\n")
        out.write(f"\n{_count(len(rows), noun)}{'; ' + footer if footer else ''}\n")
    elif fmt == "table":
        table = [[_cell(row.get(c)) for c in cols] for row in rows]
        widths = [max([len(c), *(len(r[i]) for r in table)]) for i, c in enumerate(cols)]
        out.write("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r in table:
            out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
        out.write(f"{_count(len(rows), noun)}{'; ' + footer if footer else ''}\n")
    else:
        raise ValueError(f"unknown format '{fmt}'; choose from {', '.join(ROW_FORMATS)}")
    return out.getvalue()


def emit_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    title: str | None = None,
    stream: TextIO | None = None,
    **caption: Any,
) -> None:
    """Print rows; a table on a terminal is drawn with rich. `caption`: noun, banner, footer of `render_rows`.

    Every cell is printed as plain text: square brackets in data are never rich markup.
    """
    stream = stream or sys.stdout
    if fmt != "table" or not stream.isatty():
        stream.write(render_rows(rows, fmt, columns, **caption))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cols = _columns(rows, columns)
    footer = caption.get("footer")
    counted = _count(len(rows), caption.get("noun", "row"))
    table = Table(title=title, caption=Text(f"{counted}{'; ' + footer if footer else ''}"))
    for col in cols:
        table.add_column(Text(col))
    for row in rows:
        table.add_row(*(Text(_cell(row.get(c))) for c in cols))
    console = Console(file=stream)
    if caption.get("banner"):
        console.print(Text(caption["banner"], style="bold red"))
    console.print(table)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
