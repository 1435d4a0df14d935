"""Data is text, never structure: how case data is written into Markdown, Word, HTML and CSV.

Case files are written by hand and partly by people outside the secretariat
(complainants' names, titles, addresses). Whatever they hold must print as the
characters they are: a summary line starting "1." or "#" is not a list or a
heading, `**DRAFT**` is not a banner, `[x](javascript:...)` is not a link and a
cell starting "=" is not a spreadsheet formula.

The one exception is the markup the case files themselves use: in the fields
that carry the Committee's adopted text (decision paragraphs and their
sub-items, summaries) a word between single asterisks is in italics
(`*in absentia*`, a second verb `*notes*`). Only that: a single `*` that opens
before a non-space and closes after one, with no `*` inside. Two or more
asterisks in a row, underscores, brackets and everything else stay literal.

Markdown is escaped with backslashes (CommonMark), which the Word letter
(`documents/word.py`, the Markdown of a letter's body) reads back through
`inline_runs`; Word decisions take values as they are (`emphasis_spans` for the
italics of adopted text); HTML through
`emphasis_html`; CSV cells through `csv_cell`.
"""

from __future__ import annotations

import re
from html import escape as _html_escape

_ITALIC = re.compile(r"(?<![\w*\\])\*([^\s*](?:[^*\n]*[^\s*\\])?)\*(?![\w*])")
"""A single-asterisk span: opens before a non-space, closes after one, holds no asterisk."""

_INLINE = re.compile(r"[\\`*_\[\]<|~]|&(?=#?\w+;)")
"""Characters that are Markdown markup wherever they stand (and `&` opening an entity)."""

_LINE_START = re.compile(
    r"^(?P<lead>[ \t]*)(?:(?P<mark>[#>+=-])|(?P<digits>\d{1,9})(?P<dot>[.)]))",
)
"""Markdown block markers at the start of a line: heading, quote, list item, rule, setext."""

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash escape of ASCII punctuation, as CommonMark reads it."""

CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP's list)."""

LINK_SCHEMES = ("http://", "https://", "mailto:")


def emphasis_spans(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, italic) pieces: italics only from `*single asterisks*`."""
    out: list[tuple[str, bool]] = []
    at = 0
    for match in _ITALIC.finditer(text):
        if match.start() > at:
            out.append((text[at : match.start()], False))
        out.append((match.group(1), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def _inline(text: str) -> str:
    return _INLINE.sub(lambda m: "\\" + m.group(0), text)


def _line(text: str) -> str:
    """One line of escaped text, its block marker (if any) escaped too."""
    match = _LINE_START.match(text)
    if not match:
        return text
    at = match.start("mark") if match.group("mark") else match.start("dot")
    return text[:at] + "\\" + text[at:]


def markdown_text(text: str, *, italics: bool = False, line_start: bool = True) -> str:
    """`text` as Markdown that renders as exactly these characters.

    `italics`: keep the `*single asterisk*` italics of adopted text as markup.
    `line_start`: the text begins a line of the document, so a leading "1.",
    "#", "- " or ">" is escaped too (every line after a line break always is).
    """
    pieces = emphasis_spans(text) if italics else [(text, False)]
    escaped = "".join(f"*{_inline(p)}*" if italic else _inline(p) for p, italic in pieces)
    lines = escaped.split("\n")
    lines[1:] = [line.lstrip(" \t") for line in lines[1:]]
    return "\n".join(
        _line(line) if (i > 0 or line_start) and not line.startswith("\\") else line
        for i, line in enumerate(lines)
    )


def inline_runs(text: str) -> list[tuple[str, bool, bool]]:
    """A line of the templates' Markdown as (text, bold, italic) runs, escapes resolved.

    `**` switches bold, `*` italics; a backslash makes the next punctuation
    literal, so escaped data never switches either.
    """
    runs: list[tuple[str, bool, bool]] = []
    bold = italic = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            runs.append(("".join(buffer), bold, italic))
            buffer.clear()

    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and _ESCAPED.match(text, i):
            buffer.append(text[i + 1])
            i += 2
        elif text.startswith("**", i):
            flush()
            bold = not bold
            i += 2
        elif char == "*":
            flush()
            italic = not italic
            i += 1
        else:
            buffer.append(char)
            i += 1
    flush()
    return runs


def plain_text(markdown: str) -> str:
    """A line of the templates' Markdown without its markup: what a reader sees."""
    return "".join(text for text, _, _ in inline_runs(markdown))


def emphasis_html(text: str) -> str:
    """`text` as HTML: escaped, with the `*single asterisk*` italics as <em>."""
    return "".join(
        f"<em>{_html_escape(p, quote=True)}</em>" if italic else _html_escape(p, quote=True)
        for p, italic in emphasis_spans(text)
    )


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a formula trigger first gets a `'` before it."""
    return "'" + text if text.startswith(CSV_TRIGGERS) else text


def safe_link(target: str) -> str:
    """A link target for an output: a relative file name, or http(s)/mailto; anything else refused.

    Raises ValueError for `javascript:`, `data:` and any other scheme, so no output
    can carry a link that runs code.
    """
    lowered = "".join(target.split()).lower()
    scheme = re.match(r"^[a-z][a-z0-9+.-]*:", lowered)
    if scheme and not lowered.startswith(LINK_SCHEMES):
        raise ValueError(f"link {target!r} is not a relative file, http(s) or mailto")
    if lowered.startswith("//"):
        raise ValueError(f"link {target!r} is not a relative file, http(s) or mailto")
    return target
