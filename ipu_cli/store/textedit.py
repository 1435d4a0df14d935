"""Editing a case file as text: lines added where the loader's node tree says, in the file's own style.

Case files are written by hand and reviewed as diffs, so every command that
changes one (`ipu log`, `new`, `complaint`, `record`, `start-draft`, `adopt`,
`close`) edits its text here rather than loading and dumping it (a round trip
through ruamel.yaml cost seconds on a large file and could not keep every
hand-written style):

- `Document` parses the file once with the one loader (libyaml's composer, with
  line and column marks) and keeps its style: its line endings (CRLF stays
  CRLF), a byte-order mark, a last line without a newline, `---`, comments
  anywhere. A file that is one flow mapping (`{...}`) is refused.
- An edit is a list of `Splice`s: old lines replaced by new ones (most only
  insert). `Document.insert_item` adds an item to a list of a mapping: a block
  list in its own indentation, a flow list (`[a, b]`) grown inside its brackets,
  an empty `key: []` or `key:` turned into a list, a missing key added after the
  field that comes before it in `FILE_ORDER`.
- `scalar` writes a value so that the loader reads it back as exactly that value
  (`yes`, `12:30`, `# x` are quoted); `render_*` write mappings and lists in
  block style, folding long texts into `>-` blocks as the case files do.
- `kept` proves that every old line an edit does not name is still there, in
  order; `unified_diff` shows the edit (`--dry-run`).

The one sequence that uses them (lock, splice, prove, read back, check, write)
is `edits/engine.py`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from ipu_cli.domain.dates import PartialDate
from ipu_cli.errors import IpuError
from ipu_cli.store.yamlload import load_text

WIDTH = 90
"""Longest line written before a text is folded (the case files wrap at about this width)."""

FILE_ORDER = (
    "id",
    "aliases",
    "name",
    "title",
    "sex",
    "country",
    "parliament",
    "mandate",
    "terms",
    "affiliation",
    "young",
    "also_known_as",
    "published_names",
    "party",
    "collectives",
    "members",
    "membership",
    "violations",
    "deceased",
    "death_date",
    "complaint",
    "summary",
    "events",
    "missions",
    "hearings",
    "addressees",
    "communications",
    "decisions",
    "draft",
    "agenda",
    "victims",
    "status",
    "confidentiality",
)
"""The order of top-level fields in a case file (as `templates/` write them): where a missing key goes."""

FLOW_MAPPING = "the file is written as one flow mapping ({...}); add the entry by hand"


class EditError(IpuError):
    """The file cannot be edited safely; nothing was written."""


@dataclass(frozen=True)
class Splice:
    """Old lines `start` to `end` (0-based, end excluded) replaced by `lines`; start == end inserts."""

    start: int
    end: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Bare:
    """A value written without quotes (a date as the case files spell it: `2026-02-20`)."""

    text: str


def date_value(date: PartialDate) -> Bare:
    return Bare(str(date))


def plain(value: Any) -> Any:
    """What the loader reads back for a value written by `scalar` or `render_*`."""
    if isinstance(value, Bare):
        return int(value.text) if value.text.isdigit() else value.text
    if isinstance(value, PartialDate):
        return plain(date_value(value))
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


# --- writing values -------------------------------------------------------------------------

_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf", "~", ""}
"""Words YAML 1.1 or 1.2 reads as something other than text, whatever their case."""
_CONTROLS = "\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff"
_FLOW_UNSAFE = re.compile(f"[:#,\\[\\]{{}}{_CONTROLS}]")
_BLOCK_UNSAFE = re.compile(f"[:#{_CONTROLS}]")
"""In block context (`key: text`, `- text`) commas and brackets inside a text are text."""


def scalar(value: Any, *, flow: bool = True) -> str:
    """`value` as YAML text on one line that the loader reads back as exactly `value`.

    Text is plain when that is safe: it starts with a letter, has no surrounding
    space, is not a word YAML reads otherwise (`yes`, `on`, `null`...), holds no
    `:`, `#` or control character (nor `, [ ] { }` when it may stand in a flow
    collection: `flow`, the default), and reads back as itself. Else single-quoted
    (`'yes'`, `'12:30'`, `'Test: Person'`), else double-quoted with escapes (line
    breaks, control characters). Dates (`Bare`, `PartialDate`) are written bare;
    lists and mappings as flow collections of such values.
    """
    if isinstance(value, Bare):
        return value.text
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {scalar(v)}" for k, v in value.items()) + "}"
    return _text(str(value), flow)


@functools.lru_cache(maxsize=4096)
def _text(text: str, flow: bool) -> str:
    candidates = []
    if (
        text[:1].isalpha()
        and text == text.strip()
        and text.lower() not in _RESERVED
        and not (_FLOW_UNSAFE if flow else _BLOCK_UNSAFE).search(text)
    ):
        candidates.append(text)
    if not any(_needs_escape(c) for c in text):
        candidates.append("'" + text.replace("'", "''") + "'")
    for candidate in candidates:
        if _reads_back(candidate, flow) == text:
            return candidate
    return _double_quoted(text)


def _needs_escape(char: str) -> bool:
    code = ord(char)
    return (
        not (
            code == 0x09
            or 0x20 <= code <= 0x7E
            or 0xA0 <= code <= 0xD7FF
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
            or code >= 0x10000
        )
        or char in "\u2028\u2029"
    )


def _double_quoted(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif not _needs_escape(char):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def _reads_back(written: str, flow: bool) -> Any:
    """What the loader reads for `written` as a mapping's value (and, when `flow`, as a flow list's item)."""
    loaded = load_text(f"v: {written}\nw: [{written}]\n" if flow else f"v: {written}\n", "<value>")
    if not loaded.ok or not isinstance(loaded.data, dict):
        return ...
    value = loaded.data.get("v", ...)
    return value if not flow or loaded.data.get("w") == [value] else ...


def _foldable(text: str) -> bool:
    """A text a folded block (`>-`) gives back exactly: one line of single-spaced printable words."""
    return (
        text == text.strip() and "  " not in text and "\n" not in text and text.isprintable() and bool(text)
    )


def _fold(text: str, width: int) -> list[str]:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def _one_line_list(value: Sequence[Any], lead: str) -> str | None:
    """`lead[a, b]` when every item is text written plain in a flow list and the line fits."""
    if not all(isinstance(v, str) and scalar(v) == v for v in value):
        return None
    line = f"{lead}[{', '.join(value)}]"
    return line if len(line) <= WIDTH else None


def render_entry(key: str, value: Any, col: int, nl: str = "\n") -> list[str]:
    """`key: value` at column `col`, with nested mappings and lists below it."""
    pad = " " * col
    if isinstance(value, dict):
        if not value:
            return [f"{pad}{key}: {{}}{nl}"]
        return [f"{pad}{key}:{nl}", *render_mapping(value, col + 2, nl)]
    if isinstance(value, list | tuple):
        if not value:
            return [f"{pad}{key}: []{nl}"]
        line = _one_line_list(value, f"{pad}{key}: ")
        if line is not None:
            return [line + nl]
        return [f"{pad}{key}:{nl}", *(line for item in value for line in render_item(item, col + 2, nl))]
    text = scalar(value, flow=False)
    line = f"{pad}{key}: {text}"
    if len(line) > WIDTH and isinstance(value, str) and _foldable(value):
        inner = " " * (col + 2)
        return [f"{pad}{key}: >-{nl}", *(f"{inner}{part}{nl}" for part in _fold(value, WIDTH - col - 2))]
    return [line + nl]


def render_mapping(values: dict[str, Any], col: int, nl: str = "\n") -> list[str]:
    return [line for key, value in values.items() for line in render_entry(key, value, col, nl)]


def render_item(value: Any, dash: int, nl: str = "\n", key_col: int | None = None) -> list[str]:
    """One block list item: `- ` at column `dash`, its content at `key_col` (default dash + 2)."""
    key_col = dash + 2 if key_col is None else key_col
    lead = " " * dash + "-" + " " * max(key_col - dash - 1, 1)
    if isinstance(value, dict) and value:
        lines = render_mapping(value, key_col, nl)
        return [lead + lines[0][key_col:], *lines[1:]]
    text = scalar(value, flow=False)
    if len(lead) + len(text) > WIDTH and isinstance(value, str) and _foldable(value):
        inner = " " * key_col
        return [f"{lead}>-{nl}", *(f"{inner}{part}{nl}" for part in _fold(value, WIDTH - key_col))]
    return [f"{lead}{text}{nl}"]


# --- reading the file -----------------------------------------------------------------------


def _newline(text: str) -> str:
    """The file's line ending: the most common one (a file of one line: LF)."""
    crlf = text.count("\r\n")
    counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    best = max(counts, key=lambda nl: counts[nl])
    return best if counts[best] else "\n"


class Document:
    """A case file's text, its lines, its node tree and its values, for locating edits.

    A last line without a line break is given one here (every line then ends the
    same way) and loses it again in `text_of`, so the file keeps its last line as it was.
    """

    def __init__(self, text: str, display: str) -> None:
        self.bom = text.startswith("\ufeff")
        body = text[1:] if self.bom else text
        self.display = display
        self.nl = _newline(body)
        self.final_newline = not body or body.endswith(("\n", "\r"))
        self.text = body if self.final_newline else body + self.nl
        self.lines = self.text.splitlines(keepends=True)
        loaded = load_text(self.text, display)
        if loaded.ok and isinstance(loaded.node, yaml.MappingNode) and loaded.node.flow_style:
            raise EditError(FLOW_MAPPING, details=[f"cannot edit {display}"])
        if not loaded.ok or not isinstance(loaded.data, dict):
            first = loaded.faults[0] if loaded.faults else None
            where = f":{first.line}:{first.column}: {first.message}" if first else ": not a mapping"
            raise EditError(f"cannot edit {display}{where}; run 'ipu validate'")
        self.node: yaml.MappingNode = loaded.node  # type: ignore[assignment]
        self.data: dict[str, Any] = loaded.data

    def text_of(self, lines: Iterable[str]) -> str:
        """The file's new text from its new lines (without the line break `__init__` added)."""
        text = "".join(lines)
        if not self.final_newline:
            text = text.removesuffix(self.nl)
        return text

    # nodes
    def entry(self, path: Sequence[Any]) -> tuple[yaml.Node | None, yaml.Node | None]:
        """(key node, value node) at `path` (keys and indices); (None, None) when absent."""
        node: yaml.Node = self.node
        key: yaml.Node | None = None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        key, node = key_node, value_node
                        break
                else:
                    return None, None
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                key, node = None, node.value[part]
            else:
                return None, None
        return key, node

    def last_line(self, node: yaml.Node) -> int:
        """The 0-based index of the last line holding `node`'s content (trailing blanks left out)."""
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style and node.value:
            last = node.value[-1]
            return self.last_line(last[1] if isinstance(node, yaml.MappingNode) else last)
        end = node.end_mark
        line = end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
        line = min(line, len(self.lines) - 1)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            header = self.lines[node.start_mark.line][node.start_mark.column :].split("#")[0]
            if "+" in header:  # a kept chomping: its trailing blank lines are part of the value
                return line
        while line > node.start_mark.line and not self.lines[line].strip():
            line -= 1
        return line

    def block(self, node: yaml.Node, what: str) -> None:
        """Refuse to move or rewrite a collection written in flow style (`[...]`, `{...}`)."""
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.flow_style and node.value:
            line = node.start_mark.line + 1
            raise EditError(
                f"{self.display}:{line}: {what} is written in flow style ([...] or {{...}}); "
                "rewrite it as a block list to edit it with ipu, or edit it by hand"
            )

    def comments_above(self, line: int, floor: int = 0, column: int | None = None) -> int:
        """The first line of the comment lines directly above `line` (not past `floor`).

        With `column`, only comments indented no deeper than it count: a deeper one
        belongs to the block above.
        """
        while line > floor:
            above = self.lines[line - 1]
            body = above.lstrip(" ")
            if not body.startswith("#") or (column is not None and len(above) - len(body) > column):
                break
            line -= 1
        return line

    def sequence_indent(self) -> int:
        """How far the file indents a block list under its key (`events:\\n  - ...` → 2; zero-indented: 0)."""
        for key, value in self.node.value:
            if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
                return value.start_mark.column - key.start_mark.column
        return 2

    # splices
    def add_top_key(self, key: str, lines: list[str]) -> Splice:
        """A new top-level field where `FILE_ORDER` puts it, between the fields before and after it.

        A one-line field (`collectives: [KHM-COLL-03]`) goes directly below the field
        before it; a block goes above the comments of the field after it, set off by a
        blank line (at the end of the file: after the last field, before any `...`).
        """
        rank = FILE_ORDER.index(key) if key in FILE_ORDER else len(FILE_ORDER)
        pairs = self.node.value
        later = [
            i for i, (k, _) in enumerate(pairs) if k.value in FILE_ORDER and FILE_ORDER.index(k.value) > rank
        ]
        after = later[0] if later else len(pairs)
        end = 0
        if after > 0:
            previous_key, previous_value = pairs[after - 1]
            end = max(self.last_line(previous_key), self.last_line(previous_value)) + 1
            if len(lines) == 1:
                return Splice(end, end, tuple(lines))
        if after == len(pairs):
            blank = end > 0 and bool(self.lines[end - 1].strip())
            return Splice(end, end, (self.nl, *lines) if blank else tuple(lines))
        key_node = pairs[after][0]
        at = self.comments_above(key_node.start_mark.line, end, key_node.start_mark.column)
        return Splice(at, at, (*lines, self.nl))

    def insert_item(
        self, path: Sequence[Any], position: int, value: Any = None, lines: list[str] | None = None
    ) -> Splice:
        """Insert a list item at `position` of the list at `path` (created when missing).

        `value` is written in the list's own style: a block item in the list's
        indentation (a flow mapping item when the list's items are written so), or
        inside the brackets of a flow list. Or give `lines` already rendered for a
        dash at column 2 and keys at column 4 (re-indented here; block lists only).
        An empty `key: []` becomes a block list for a mapping, grows in its brackets
        for a plain value.
        """
        key_node, node = self.entry(path)
        name = ".".join(str(p) for p in path)
        if node is None:
            if len(path) != 1:
                raise EditError(f"{self.display}: no '{name}' to add to")
            key, col = str(path[0]), self.node.start_mark.column
            one_line = _one_line_list([value], f"{' ' * col}{key}: ") if lines is None else None
            if one_line is not None:
                return self.add_top_key(key, [one_line + self.nl])
            dash = col + self.sequence_indent()
            return self.add_top_key(
                key, [f"{' ' * col}{key}:{self.nl}", *self._item(value, lines, dash, dash + 2)]
            )
        if key_node is None:
            raise EditError(f"{self.display}:{node.start_mark.line + 1}: '{name}' is not a list")
        null = isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"
        flow = isinstance(node, yaml.SequenceNode) and node.flow_style
        if flow and (node.value or (lines is None and not isinstance(value, dict))):
            return self._into_flow(node, position, value)
        if null or flow:  # `key:`, `key: ~` or `key: []`: a block list starts on the next line
            return self._first_item(key_node, node, null, value, lines, name)
        if not isinstance(node, yaml.SequenceNode):
            raise EditError(f"{self.display}:{node.start_mark.line + 1}: '{name}' is not a list")
        dash = node.start_mark.column
        first = node.value[0]
        content = first.start_mark.column if first.start_mark.line == node.start_mark.line else dash + 2
        if isinstance(first, yaml.MappingNode) and first.flow_style and lines is None:
            rendered = [" " * dash + "-" + " " * max(content - dash - 1, 1) + scalar(value) + self.nl]
        else:
            rendered = self._item(value, lines, dash, content)
        if position >= len(node.value):
            at = self.last_line(node.value[-1]) + 1
        else:
            floor = self.last_line(node.value[position - 1]) + 1 if position else node.start_mark.line
            at = self.comments_above(node.value[position].start_mark.line, floor, dash)
        return Splice(at, at, tuple(rendered))

    def _into_flow(self, node: yaml.SequenceNode, position: int, value: Any) -> Splice:
        """The one line of a flow list where the item goes, with the item written inside the brackets."""
        text, items = scalar(value), node.value
        if not items:
            mark, column = node.start_mark, node.start_mark.column + 1
        elif position < len(items):
            mark, text = items[position].start_mark, text + ", "
            column = mark.column
        else:
            mark, text = items[-1].end_mark, ", " + text
            column = mark.column
        old = self.lines[mark.line]
        return Splice(mark.line, mark.line + 1, (old[:column] + text + old[column:],))

    def _first_item(
        self,
        key_node: yaml.Node,
        node: yaml.Node,
        null: bool,
        value: Any,
        lines: list[str] | None,
        name: str,
    ) -> Splice:
        """The first item of an empty list (`key:`, `key: ~`, `key: []`), as a block list below the key."""
        dash = key_node.start_mark.column + self.sequence_indent()
        items = tuple(self._item(value, lines, dash, dash + 2))
        start, end = node.start_mark, node.end_mark
        line = key_node.start_mark.line
        if null and start.index == end.index:
            return Splice(line + 1, line + 1, items)
        if start.line != line or end.line != line:
            raise EditError(
                f"{self.display}:{line + 1}: '{name}' is empty over several lines; tidy it by hand"
            )
        old = self.lines[line]
        tail = old[end.column :]
        return Splice(
            line, line + 1, (old[: start.column].rstrip() + (tail if tail.strip() else self.nl), *items)
        )

    def _item(self, value: Any, lines: list[str] | None, dash: int, key_col: int) -> list[str]:
        if lines is None:
            return render_item(value, dash, self.nl, key_col)
        return shift(lines, dash - 2, self.nl)

    def apply(self, splices: Iterable[Splice]) -> list[str]:
        """The new lines: every splice applied (they must not overlap)."""
        out: list[str] = []
        at = 0
        for splice in sorted(splices, key=lambda s: (s.start, s.end)):
            if splice.start < at:
                raise EditError(f"{self.display}: internal error: overlapping edits; nothing written")
            out.extend(self.lines[at : splice.start])
            out.extend(splice.lines)
            at = splice.end
        out.extend(self.lines[at:])
        return out


def shift(lines: Iterable[str], by: int, nl: str = "\n") -> list[str]:
    """Lines moved right (or left) by `by` columns; blank lines stay empty."""
    out = []
    for line in lines:
        body = line.rstrip("\r\n")
        if not body.strip():
            out.append(nl)
        elif by >= 0:
            out.append(" " * by + body + nl)
        else:
            cut = min(-by, len(body) - len(body.lstrip(" ")))
            out.append(body[cut:] + nl)
    return out


def position_by_date(items: Sequence[Any], date: PartialDate, key: str = "date") -> int:
    """Where a record dated `date` goes in a list kept oldest first (by its `key`): after every
    record not later."""
    position = len(items)
    while position > 0 and _date_of(items[position - 1], key) > date:
        position -= 1
    return position


def _date_of(item: Any, key: str) -> PartialDate:
    try:
        return PartialDate.parse(item.get(key) if isinstance(item, dict) else None)
    except ValueError:
        return PartialDate(1000)


def kept(old: Sequence[str], new: Sequence[str], removable: Iterable[int] = ()) -> bool:
    """Every old line not in `removable` is in `new`, byte for byte and in order.

    Only lines were added, except the old lines an edit names as replaced (the
    draft block `ipu adopt` moves, the status line `ipu close` rewrites, the line
    of a flow list that grows). A last line without its line break may gain one.
    Linear in the size of the file.
    """
    skip = set(removable)
    j = 0
    last = len(old) - 1
    for i, line in enumerate(old):
        if i in skip:
            continue
        while j < len(new) and new[j] != line and not (i == last and new[j].rstrip("\r\n") == line):
            j += 1
        if j == len(new):
            return False
        j += 1
    return True


def unified_diff(display: str, old: Sequence[str], splices: Sequence[Splice], context: int = 3) -> str:
    """The edit as a unified diff (`--dry-run`), built from the splices: no O(n²) matching."""
    ordered = sorted(splices, key=lambda s: (s.start, s.end))
    hunks: list[list[Splice]] = []
    for splice in ordered:
        if hunks and splice.start - context <= hunks[-1][-1].end + context:
            hunks[-1].append(splice)
        else:
            hunks.append([splice])
    out = [f"--- {display}\n", f"+++ {display}\n"]
    offset = 0
    for hunk in hunks:
        lo = max(0, hunk[0].start - context)
        hi = min(len(old), hunk[-1].end + context)
        body: list[str] = []
        at = lo
        for splice in hunk:
            body.extend(" " + line for line in old[at : splice.start])
            body.extend("-" + line for line in old[splice.start : splice.end])
            body.extend("+" + line for line in splice.lines)
            at = splice.end
        body.extend(" " + line for line in old[at:hi])
        old_count = hi - lo
        new_count = old_count + sum(len(s.lines) - (s.end - s.start) for s in hunk)
        out.append(f"@@ -{_range(lo, old_count)} +{_range(lo + offset, new_count)} @@\n")
        out.extend(line if line.endswith("\n") else line + "\n" for line in body)
        offset += new_count - old_count
    return "".join(out)


def _range(start: int, length: int) -> str:
    """A hunk's range as `diff -u` writes it: "3", "3,4", or "2,0" for none."""
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"
