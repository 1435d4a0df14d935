"""Editing case files in place: add lines, change nothing else.

Case files are written by hand and reviewed as diffs. Tools that add to one
list (`ipu log`, `ipu new` linking a member to its group) insert text at the
place the file's own node tree gives (line and column of every item), in the
file's own style: its indentation, its line endings (CRLF stays CRLF), its
byte-order mark, its comments, a leading `---`, a last line without a newline,
block or flow lists. Values are written by `scalar`, quoted whenever plain
text would read back as something else (`yes`, `12:30`, `1e3`, `# x`).

Every edit is verified before it is returned: the new text is read back with
the one loader and must hold exactly the old data plus the new item, or the
edit is refused (EditError) and nothing is written.

`round_trip`, `load`, `dump` and `only_adds` are the ruamel.yaml round-trip
tools for edits that change values rather than add them.
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from ipu_cli.domain.ids import id_key
from ipu_cli.errors import IpuError


class EditError(IpuError):
    """The file cannot be edited safely; nothing was written."""


def round_trip() -> Any:
    """A ruamel YAML instance set up the way the case files are written."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    """The file as ruamel's commented mapping; EditError if it is not one."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    try:
        data = round_trip().load(text)
    except YAMLError as exc:
        raise EditError(f"cannot read the file for editing: {exc}") from None
    if not isinstance(data, CommentedMap):
        raise EditError("the file does not hold a mapping of fields; run 'ipu validate'")
    return data


def dump(data: Any) -> str:
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def only_adds(old: str, new: str, changeable: tuple[str, ...] = ()) -> bool:
    """True when every old line is still there, in order, and only lines were added.

    Old lines starting with one of `changeable` (e.g. "collectives: [") may be
    rewritten: a flow list that grew, or an empty `communications: []` turned into a block.
    """
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag in ("equal", "insert"):
            continue
        if tag == "replace" and all(line.startswith(changeable) for line in old_lines[i1:i2]) and changeable:
            continue
        return False
    return True


# --- text edits: add lines only -------------------------------------------------------

_BREAK = re.compile("(\r\n|\r|\n|\x85|\u2028|\u2029)")
"""What YAML (libyaml) counts as a line break, so that line numbers agree with the node marks."""

_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf", "~", ""}
_PLAIN_UNSAFE = re.compile(r"[:#,\[\]{}\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


class Plain(str):
    """A value written exactly as given (a date the way case files spell it: `2026-02-20`)."""


@dataclass
class _Lines:
    """A file cut into lines, each with its own line ending, and what it starts with."""

    bom: str
    lines: list[str]
    ends: list[str]
    final_newline: bool

    @classmethod
    def of(cls, text: str) -> _Lines:
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        parts = _BREAK.split(text[len(bom) :])
        lines, ends = parts[0::2], [*parts[1::2], ""]
        if lines[-1] == "" and len(lines) > 1:
            lines.pop()
            ends.pop()
        return cls(bom, lines, ends, bool(ends[-1]))

    @property
    def newline(self) -> str:
        """The file's line ending: the most common one (a file of one line: LF)."""
        found = [e for e in self.ends if e]
        return max(set(found), key=found.count) if found else "\n"

    def text(self) -> str:
        return self.bom + "".join(line + end for line, end in zip(self.lines, self.ends, strict=True))

    def insert(self, at: int, new: list[str]) -> None:
        """Insert whole lines before line `at` (0-based; len(lines) appends)."""
        if at > 0 and not self.ends[at - 1]:
            self.ends[at - 1] = self.newline  # a last line without a newline gets one
        ending = self.newline
        tail = "" if at == len(self.lines) and not self.final_newline else ending
        self.lines[at:at] = new
        self.ends[at:at] = [ending] * (len(new) - 1) + [tail]

    def splice(self, line: int, column: int, text: str) -> None:
        """Insert `text` inside line `line` at `column`."""
        self.lines[line] = self.lines[line][:column] + text + self.lines[line][column:]


class EditedItem:
    """What `insert_item` added, as the loader reads it back, and where (0-based index)."""

    def __init__(self, text: str, value: Any, index: int, total: int) -> None:
        self.text, self.value, self.index, self.total = text, value, index, total


def scalar(value: Any) -> str:
    """`value` as YAML text that the loader reads back as exactly `value`.

    Plain when that is safe (`National Assembly`, `KHM-60`), else single-quoted
    (`'yes'`, `'12:30'`, `'Test: Person'`, `' spaced '`), else double-quoted with
    escapes (line breaks, control characters). Lists are flow lists of scalars.
    """
    if isinstance(value, Plain):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    text = str(value)
    candidates = []
    if (
        text[:1].isalpha()
        and text == text.strip()
        and text.lower() not in _RESERVED
        and not _PLAIN_UNSAFE.search(text)
    ):
        candidates.append(text)
    if not any(_needs_escape(c) for c in text):
        candidates.append("'" + text.replace("'", "''") + "'")
    for candidate in candidates:
        if _reads_back(candidate) == text:
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


def _reads_back(written: str) -> Any:
    from ipu_cli.store.yamlload import load_text

    loaded = load_text(f"v: {written}\n", "<value>")
    return loaded.data.get("v", ...) if loaded.ok and isinstance(loaded.data, dict) else ...


def _parse(text: str) -> tuple[Any, yaml.MappingNode]:
    """The file's data and its top-level block mapping node; EditError when it has none."""
    from ipu_cli.store.yamlload import load_text

    loaded = load_text(text.removeprefix("\ufeff"), "<edit>")
    if loaded.faults:
        fault = loaded.faults[0]
        raise EditError(f"cannot read the file for editing: line {fault.line}: {fault.message}")
    node = loaded.node
    if not isinstance(node, yaml.MappingNode) or not isinstance(loaded.data, dict):
        raise EditError("the file does not hold a mapping of fields; run 'ipu validate'")
    if node.flow_style:
        raise EditError("the file is written as one flow mapping ({...}); add the entry by hand")
    return loaded.data, node


def _last_line(node: yaml.Node, lines: list[str]) -> int:
    """The last line (0-based) holding any of `node`'s own text (not blank lines or comments after it)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return max(_last_line(k, lines) for pair in node.value for k in pair)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _last_line(node.value[-1], lines)
    end = node.end_mark.line if node.end_mark.column > 0 else node.end_mark.line - 1
    end = max(end, node.start_mark.line)
    while end > node.start_mark.line and not lines[end].strip():
        end -= 1
    return end


def _leading_comments(line: int, lines: list[str]) -> int:
    """The first line of the comment lines directly above `line` (or `line` itself)."""
    while line > 0 and lines[line - 1].lstrip().startswith("#"):
        line -= 1
    return line


def _sequence_indent(root: yaml.MappingNode) -> int:
    """How far the file indents a block list under its key (`events:\\n  - ...` → 2)."""
    for key, value in root.value:
        if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
            return value.start_mark.column - key.start_mark.column
    return 2


def _flow(item: Any) -> str:
    if isinstance(item, dict):
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in item.items()) + "}"
    return scalar(item)


def _block(item: Any, dash: int, content: int) -> list[str]:
    """A block list item: `- key: value` lines, or `- value`, at the given columns."""
    first = " " * dash + "-" + " " * max(content - dash - 1, 1)
    if not isinstance(item, dict):
        return [first + scalar(item)]
    out = []
    for number, (key, value) in enumerate(item.items()):
        out.append((first if number == 0 else " " * content) + f"{key}: {scalar(value)}")
    return out


def insert_item(
    text: str,
    key: str,
    item: Any,
    position: Callable[[list[Any]], int] | None = None,
    *,
    after: tuple[str, ...] = (),
    paragraph: bool = False,
) -> EditedItem:
    """`text` with `item` (a scalar or a mapping of scalars) added to the top-level list `key`.

    `position(old_items)` gives the index of the new item (default: at the end).
    A missing key is added after the last of the keys `after` present (else at the
    end): as a block list set off by a blank line when `paragraph`, else as a flow
    list on the line after that key. Raises EditError (nothing to write) when the
    edit cannot be made or would read back as anything but the old data plus `item`.
    """
    data, root = _parse(text)
    lines = _Lines.of(text)
    old = data.get(key)
    if key in data and not isinstance(old, list):
        raise EditError(f"'{key}' is not a list")
    items = list(old or [])
    index = position(items) if position else len(items)
    pairs = {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    if key in pairs:
        _into_list(lines, root, *pairs[key], item, index)
    else:
        _new_key(lines, root, key, item, after, paragraph)
    new = lines.text()
    return _verified(new, data, key, items, index)


def _into_list(
    lines: _Lines, root: yaml.MappingNode, key: yaml.Node, seq: yaml.Node, item: Any, index: int
) -> None:
    if not isinstance(seq, yaml.SequenceNode):
        raise EditError(f"'{key.value}' is not a list")
    nodes = seq.value
    if seq.flow_style and (nodes or not isinstance(item, dict)):
        if not nodes:
            lines.splice(seq.start_mark.line, seq.start_mark.column + 1, _flow(item))
        elif index < len(nodes):
            start = nodes[index].start_mark
            lines.splice(start.line, start.column, _flow(item) + ", ")
        else:
            end = nodes[-1].end_mark
            lines.splice(end.line, end.column, ", " + _flow(item))
        return
    if seq.flow_style:  # an empty flow list `key: []` becomes a block list
        line = seq.start_mark.line
        if seq.end_mark.line != line:
            raise EditError(f"cannot add to '{key.value}': its empty list spans lines")
        text = lines.lines[line]
        before = text[: seq.start_mark.column].rstrip()
        after = text[seq.end_mark.column :]
        lines.lines[line] = before + (after if after.strip() else "")
        dash = key.start_mark.column + _sequence_indent(root)
        lines.insert(line + 1, _block(item, dash, dash + 2))
        return
    dash = seq.start_mark.column
    first = nodes[0]
    if isinstance(first, yaml.MappingNode) and first.flow_style:
        new = [" " * dash + "- " + _flow(item)]
    else:
        content = first.start_mark.column if first.start_mark.line == seq.start_mark.line else dash + 2
        new = _block(item, dash, content)
    at = _last_line(nodes[index - 1], lines.lines) + 1 if index > 0 else seq.start_mark.line
    lines.insert(at, new)


def _new_key(
    lines: _Lines, root: yaml.MappingNode, key: str, item: Any, after: tuple[str, ...], paragraph: bool
) -> None:
    pairs = root.value
    names = [k.value for k, _ in pairs]
    present = [names.index(k) for k in after if k in names]
    previous = max(present) if present else len(pairs) - 1
    if not paragraph:
        at = max(_last_line(pairs[previous][0], lines.lines), _last_line(pairs[previous][1], lines.lines)) + 1
        lines.insert(at, [" " * root.start_mark.column + f"{key}: [{_flow(item)}]"])
        return
    column = root.start_mark.column
    dash = column + _sequence_indent(root)
    block = [" " * column + f"{key}:", *_block(item, dash, dash + 2)]
    if previous + 1 < len(pairs):
        at = _leading_comments(pairs[previous + 1][0].start_mark.line, lines.lines)
        lines.insert(at, block + ([""] if at > 0 and not lines.lines[at - 1].strip() else []))
    else:
        last = pairs[-1]
        at = max(_last_line(last[0], lines.lines), _last_line(last[1], lines.lines)) + 1
        lines.insert(at, ["", *block])


def _verified(new: str, old: dict[str, Any], key: str, items: list[Any], index: int) -> EditedItem:
    """The edit, once the new text reads back as the old data with one item more in `key`."""
    try:
        data, _ = _parse(new)
    except EditError:
        data = None
    added = data.get(key) if isinstance(data, dict) else None
    if (
        not isinstance(added, list)
        or len(added) != len(items) + 1
        or added[:index] + added[index + 1 :] != items
        or {k: v for k, v in data.items() if k != key} != {k: v for k, v in old.items() if k != key}
        or [k for k in data if k != key] != [k for k in old if k != key]
    ):
        raise EditError(f"cannot add to '{key}' without changing other lines of the file")
    return EditedItem(new, added[index], index, len(added))


def append_to_list(text: str, key: str, value: str, after: tuple[str, ...] = ()) -> str:
    """`text` with `value` added to the top-level list `key`, kept in id order when it was.

    Unchanged when `value` is already there. A missing key is added after the last
    of the keys `after` present, as a flow list: `collectives: [KHM-COLL-03]`.
    """
    data, _ = _parse(text)
    if value in (data.get(key) or []):
        return text

    def position(items: list[Any]) -> int:
        at = len(items)
        if all(isinstance(i, str) for i in items) and items == sorted(items, key=id_key):
            while at > 0 and id_key(str(items[at - 1])) > id_key(value):
                at -= 1
        return at

    return insert_item(text, key, value, position, after=after).text
