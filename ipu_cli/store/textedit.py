"""Editing a case file by splicing lines, located with the loader's node tree.

The recording commands (`ipu log`, `adopt`, `close`, `complaint`, `record`)
change a case file that is written by hand and reviewed as a diff: every line
they do not mean to change must stay byte for byte. ruamel.yaml's round trip
keeps that promise but costs seconds on a file with thousands of entries, so
edits here are line splices: the file is parsed once with the one loader
(libyaml's C composer, with line and column marks), the lines to add are
written in the file's own indentation, and the few old lines an edit replaces
are named (`Splice`). `kept` then proves that every other old line is still
there in order, and the caller re-reads the new text to prove it holds exactly
the values intended.

Only what YAML needs is quoted; dates are written bare, as case files spell
them; long texts become folded blocks (`>-`), as the case files write them.
"""

from __future__ import annotations

import json
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
    "party",
    "collectives",
    "members",
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
"""Where a missing top-level key goes: after the keys that come before it here."""

_FLOW_SAFE = re.compile(r"^[^,\[\]{}#&*!|>'\"%@`]+$")


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
    """A value written without quotes (a date as the case files spell it)."""

    text: str


def date_value(date: PartialDate) -> Bare:
    return Bare(str(date))


def plain(value: Any) -> Any:
    """What the loader reads back for a value written by `render_*`."""
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


def scalar(value: Any) -> str:
    """One value as YAML text on one line: bare when YAML reads it back unchanged, else quoted."""
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
    text = str(value)
    if "\n" not in text and text.isprintable():
        dumped = yaml.safe_dump(text, default_flow_style=True, allow_unicode=True, width=1_000_000)
        dumped = dumped.removesuffix("\n").removesuffix("\n...")
        if dumped == text:
            return text
    return json.dumps(text, ensure_ascii=False)


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


def render_entry(key: str, value: Any, col: int, nl: str = "\n") -> list[str]:
    """`key: value` at column `col`, with nested mappings and lists below it."""
    pad = " " * col
    if isinstance(value, dict):
        return [f"{pad}{key}:{nl}", *render_mapping(value, col + 2, nl)]
    if isinstance(value, list | tuple):
        if not value:
            return [f"{pad}{key}: []{nl}"]
        if all(isinstance(v, str) and _FLOW_SAFE.match(v) and scalar(v) == v for v in value):
            line = f"{pad}{key}: [{', '.join(value)}]"
            if len(line) <= WIDTH:
                return [line + nl]
        return [f"{pad}{key}:{nl}", *(line for item in value for line in render_item(item, col + 2, nl))]
    text = scalar(value)
    line = f"{pad}{key}: {text}"
    if len(line) > WIDTH and isinstance(value, str) and _foldable(value):
        inner = " " * (col + 2)
        return [f"{pad}{key}: >-{nl}", *(f"{inner}{part}{nl}" for part in _fold(value, WIDTH - col - 2))]
    return [line + nl]


def render_mapping(values: dict[str, Any], col: int, nl: str = "\n") -> list[str]:
    return [line for key, value in values.items() for line in render_entry(key, value, col, nl)]


def render_item(value: Any, dash: int, nl: str = "\n", key_col: int | None = None) -> list[str]:
    """One list item: `- ` at column `dash`, a mapping's keys at `key_col` (default dash + 2)."""
    key_col = dash + 2 if key_col is None else key_col
    lead = " " * dash + "-" + " " * (key_col - dash - 1)
    if isinstance(value, dict):
        lines = render_mapping(value, key_col, nl)
        return [lead + lines[0][key_col:], *lines[1:]]
    text = scalar(value)
    if len(lead) + len(text) > WIDTH and isinstance(value, str) and _foldable(value):
        inner = " " * key_col
        return [f"{lead}>-{nl}", *(f"{inner}{part}{nl}" for part in _fold(value, WIDTH - key_col))]
    return [f"{lead}{text}{nl}"]


# --- reading the file -----------------------------------------------------------------------


class Document:
    """A case file's text, its lines, its node tree and its values, for locating edits."""

    def __init__(self, text: str, display: str) -> None:
        self.bom = text.startswith("\ufeff")
        self.text = text[1:] if self.bom else text
        self.display = display
        self.lines = self.text.splitlines(keepends=True)
        self.nl = "\r\n" if self.lines and self.lines[0].endswith("\r\n") else "\n"
        loaded = load_text(self.text, display)
        if not loaded.ok or not isinstance(loaded.data, dict):
            first = loaded.faults[0] if loaded.faults else None
            where = f":{first.line}:{first.column}: {first.message}" if first else ": not a mapping"
            raise EditError(f"cannot edit {display}{where}; run 'ipu validate'")
        self.node: yaml.MappingNode = loaded.node  # type: ignore[assignment]
        self.data: dict[str, Any] = loaded.data

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
        """Refuse to edit inside a collection written in flow style (`[...]`, `{...}`)."""
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.flow_style and node.value:
            line = node.start_mark.line + 1
            raise EditError(
                f"{self.display}:{line}: {what} is written in flow style ([...] or {{...}}); "
                "rewrite it as a block list to edit it with ipu, or edit it by hand"
            )

    def comments_above(self, line: int, floor: int = 0) -> int:
        """The first line of the comment lines directly above `line` (not past `floor`)."""
        while line > floor and self.lines[line - 1].lstrip().startswith("#"):
            line -= 1
        return line

    # splices
    def top_key_position(self, key: str) -> tuple[int, bool]:
        """Where a missing top-level `key` goes, and whether it goes at the end of the file."""
        rank = FILE_ORDER.index(key) if key in FILE_ORDER else len(FILE_ORDER)
        for key_node, _ in self.node.value:
            name = key_node.value
            if name in FILE_ORDER and FILE_ORDER.index(name) > rank:
                return self.comments_above(key_node.start_mark.line), False
        return len(self.lines), True

    def add_top_key(self, key: str, lines: list[str]) -> Splice:
        """A new top-level key block, set off by a blank line, in its place in FILE_ORDER."""
        at, at_end = self.top_key_position(key)
        if at_end:
            before: list[str] = []
            if self.lines and not self.lines[-1].endswith("\n"):
                return Splice(
                    len(self.lines) - 1, len(self.lines), (self.lines[-1] + self.nl, self.nl, *lines)
                )
            if self.lines and self.lines[-1].strip():
                before = [self.nl]
            return Splice(at, at, (*before, *lines))
        return Splice(at, at, (*lines, self.nl))

    def insert_item(
        self, path: Sequence[Any], position: int, value: Any = None, lines: list[str] | None = None
    ) -> Splice:
        """Insert a list item at `position` of the block list at `path` (created when missing).

        `value` is rendered in the list's own indentation; or give `lines` already
        rendered for a dash at column 2 and keys at column 4 (re-indented here).
        """
        key_node, node = self.entry(path)
        name = ".".join(str(p) for p in path)
        if node is None:
            if len(path) != 1:
                raise EditError(f"{self.display}: no '{name}' to add to")
            return self.add_top_key(str(path[0]), [f"{path[0]}:{self.nl}", *self._item(value, lines, 2, 4)])
        col = key_node.start_mark.column if key_node is not None else 0
        null = isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"
        if null or (isinstance(node, yaml.SequenceNode) and node.flow_style and not node.value):
            # `key:`, `key: ~` or `key: []`: the list starts on the next line
            items = tuple(self._item(value, lines, col + 2, col + 4))
            start, end = node.start_mark, node.end_mark
            if key_node is None:
                raise EditError(f"{self.display}: '{name}' is not a list")
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
        if not isinstance(node, yaml.SequenceNode):
            raise EditError(f"{self.display}:{node.start_mark.line + 1}: '{name}' is not a list")
        self.block(node, f"'{name}'")
        dash = node.start_mark.column
        first = node.value[0]
        key_col = first.start_mark.column if isinstance(first, yaml.MappingNode) else dash + 2
        rendered = self._item(value, lines, dash, key_col)
        if position >= len(node.value):
            at = self.last_line(node.value[-1]) + 1
        else:
            floor = self.last_line(node.value[position - 1]) + 1 if position else node.start_mark.line
            at = self.comments_above(node.value[position].start_mark.line, floor)
        return Splice(at, at, tuple(rendered))

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


def position_by_date(items: Sequence[Any], date: PartialDate) -> int:
    """Where a record dated `date` goes in a list kept oldest first: after every record not later."""
    position = len(items)
    while position > 0 and _date_of(items[position - 1]) > date:
        position -= 1
    return position


def _date_of(item: Any) -> PartialDate:
    try:
        return PartialDate.parse(item.get("date") if isinstance(item, dict) else None)
    except ValueError:
        return PartialDate(1000)


def kept(old: Sequence[str], new: Sequence[str], removable: Iterable[int] = ()) -> bool:
    """Every old line not in `removable` is in `new`, byte for byte and in order.

    Only lines were added, except the old lines an edit names as replaced (the
    draft block `ipu adopt` moves, the status line `ipu close` rewrites). A last
    line without its line break may gain one. Linear in the size of the file.
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
