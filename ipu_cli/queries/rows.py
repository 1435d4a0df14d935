"""The one output formatter for commands that print rows, and the rules of terminal text.

`ipu list`, `ipu followups` and friends hand it a list of flat dicts and a
format; it prints a table (rich on a terminal, aligned plain text when piped,
with a count at the foot), JSON (`[]` when empty), JSON Lines, CSV, YAML or
Markdown. Modelled on sqlite-utils' shared output options.

Tables fit the terminal (80 columns when piped): long cells wrap at spaces,
ids are never cut. Text meant for a person (tables, `ipu show`) goes through
`printable`, so control characters in case data (an ANSI escape sequence) are
shown, not obeyed; rich markup in data is printed as text (`rich.text.Text`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, TextIO

ROW_FORMATS = ("table", "json", "jsonl", "csv", "yaml", "markdown")
PIPED_WIDTH = 80
"""Width of text written to a pipe or a file, when $COLUMNS does not say."""
GAP = 2
"""Spaces between the columns of a plain table."""

_CONTROL = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
"""C0 and C1 control characters (escape sequences start with one) and bidi overrides."""


def printable(text: str) -> str:
    """`text` with control characters (ANSI escapes, bidi overrides) shown as escapes: "\\x1b[31m"."""
    if text.isprintable():  # the usual case: no pattern compiled (start-up of `ipu show`)
        return text
    return re.sub(_CONTROL, lambda m: repr(m.group())[1:-1], text)


def terminal_width(stream: TextIO | None = None) -> int:
    """Columns to fit: $COLUMNS, else the terminal's width, else PIPED_WIDTH."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    stream = stream or sys.stdout
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        pass
    return PIPED_WIDTH


def wrap(text: str, width: int, indent: str = "", hang: str = "") -> list[str]:
    """`text` wrapped at spaces to `width` (first line after `indent`, then `hang`).

    Words are never split, so an id or a long code stays whole on a line of its own.
    """
    import textwrap

    lines = textwrap.wrap(
        text,
        max(width, len(indent) + 1, len(hang) + 1),
        initial_indent=indent,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [indent.rstrip()]


def column_count(entries: Sequence[str], width: int) -> int:
    """How many columns of `entries` fit side by side in `width` (at least one)."""
    widest = max((len(e) for e in entries), default=1)
    return max(1, (width + GAP) // (widest + GAP))


def columns_text(entries: Sequence[str], width: int) -> list[str]:
    """`entries` in as many columns as fit in `width`, filled down then across (as `ls`)."""
    if not entries:
        return []
    count = column_count(entries, width)
    rows = -(-len(entries) // count)
    widest = max(len(e) for e in entries)
    lines = []
    for row in range(rows):
        cells = entries[row::rows]
        lines.append((" " * GAP).join(cell.ljust(widest) for cell in cells).rstrip())
    return lines


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


def _shown(value: Any) -> str:
    """A cell as a person reads it in a table: one line, control characters shown."""
    return printable(" ".join(_cell(value).split()))


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
    width: int | None = None,
) -> str:
    """Rows as text in `fmt` (never rich; see `emit_rows` for the terminal).

    A table fits `width` columns (default: `terminal_width()`) when it can.
    """
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
        table = [[_shown(row.get(c)) for c in cols] for row in rows]
        heads = [printable(c) for c in cols]
        width = width or terminal_width()
        for line in table_lines(heads, table, width):
            out.write(line + "\n")
        for line in wrap(f"{_count(len(rows), noun)}{'; ' + footer if footer else ''}", width):
            out.write(line + "\n")
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
    cols = _columns(rows, columns)
    cells = [[_shown(row.get(c)) for c in cols] for row in rows]
    width = terminal_width(stream)
    if fit_widths([printable(c) for c in cols], cells, width - 3 * len(cols) - 1) is None:
        stream.write(render_rows(rows, fmt, columns, width=width, **caption))  # no grid fits
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    footer = caption.get("footer")
    counted = _count(len(rows), caption.get("noun", "row"))
    table = Table(
        title=Text(title) if title else None, caption=Text(f"{counted}{'; ' + footer if footer else ''}")
    )
    for index, col in enumerate(cols):
        longest_word = max((len(w) for r in cells for w in r[index].split()), default=0)
        table.add_column(
            Text(printable(col)),
            overflow="fold",
            no_wrap=col == "id" or col == "case",
            min_width=min(longest_word, 20) if col not in ("id", "case") else longest_word,
        )
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    console = Console(file=stream, width=width)
    if caption.get("banner"):
        console.print(Text(caption["banner"], style="bold red"))
    console.print(table)


def table_lines(heads: Sequence[str], table: Sequence[Sequence[str]], width: int) -> list[str]:
    """A plain table within `width` columns: a grid when one fits (long cells wrapped), else
    one block of "column  value" lines per row, as psql's expanded display."""
    widths = fit_widths(heads, table, width)
    if widths is None:
        return expanded_lines(heads, table, width)
    lines = _table_lines(heads, widths)
    lines.append((" " * GAP).join("-" * w for w in widths))
    for row in table:
        lines.extend(_table_lines(row, widths))
    return lines


def fit_widths(heads: Sequence[str], table: Sequence[Sequence[str]], width: int) -> list[int] | None:
    """Column widths of a grid that fits `width`: the widest columns give way first, never
    below their longest word (an id, a code), so nothing is cut; None when no grid fits."""
    natural = [max([len(h), *(len(r[i]) for r in table)]) for i, h in enumerate(heads)]
    least = [
        min(
            natural[i], max(len(word) for text in (h, *(r[i] for r in table)) for word in [*text.split(), ""])
        )
        for i, h in enumerate(heads)
    ]
    if sum(least) + GAP * (len(least) - 1) > width:
        return None
    widths = list(natural)
    excess = sum(widths) + GAP * (len(widths) - 1) - width
    while excess > 0:
        widest = max(range(len(widths)), key=lambda i: (widths[i] > least[i], widths[i]))
        widths[widest] -= 1
        excess -= 1
    return widths


def expanded_lines(heads: Sequence[str], table: Sequence[Sequence[str]], width: int) -> list[str]:
    """Each row as a block of "column  value" lines (values wrapped), blocks apart."""
    label = min(max((len(h) for h in heads), default=0), max(width // 3, 1))
    lines: list[str] = []
    for row in table:
        if lines:
            lines.append("")
        for head, cell in zip(heads, row, strict=True):
            start = head.ljust(label) + " " * GAP
            lines.extend(wrap(cell, width, start, " " * (label + GAP)) if cell else [start.rstrip()])
    return lines


def _table_lines(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    """One table row as lines: each cell wrapped to its column, the last column unpadded."""
    wrapped = [wrap(cell, w) if len(cell) > w else [cell] for cell, w in zip(cells, widths, strict=True)]
    height = max((len(lines) for lines in wrapped), default=1)
    out = []
    for index in range(height):
        parts = [
            (lines[index] if index < len(lines) else "").ljust(w)
            for lines, w in zip(wrapped, widths, strict=True)
        ]
        out.append((" " * GAP).join(parts).rstrip())
    return out


def _count(n: int, noun: str) -> str:
    from ipu_cli.domain.words import counted

    return counted(n, noun)
