"""The one YAML loader: safe, strict and located.

Every file ipu reads goes through `load_file`. It parses with libyaml's C
composer when available, then builds plain Python values itself so that it can
refuse what a case file never needs (duplicate keys, which PyYAML silently
resolves to the last one; anchors and aliases, the root of alias bombs; tags
such as `!!python/object`) and so that any later error can be traced back to a
line and column of the source (`locate`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from ipu_cli.domain.characters import char_name, hidden_in, may_hide

MAX_BYTES = 1_000_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class Fault(NamedTuple):
    """What stopped a file from being read, and where: a diagnostic code and a message.

    The store says what it found; `ipu_cli.checks` turns each fault into a
    `Problem` (with its path and its level from the codes table).
    """

    line: int
    column: int
    code: str
    message: str


@dataclass
class Loaded:
    """A parsed file: its data, its node tree for locating values, and why it could not be read."""

    path: str
    data: Any = None
    node: yaml.Node | None = None
    faults: list[Fault] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.faults

    def where(self, loc: tuple[Any, ...], *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `loc` (a path of keys and indices), or of its key."""
        return locate(self.node, loc, key=key) if self.node is not None else (1, 1)


def load_file(path: Path, display: str | None = None, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read and parse one YAML file; never raises for bad content."""
    shown = display or str(path)
    raw = read_plain(path, max_bytes)
    if isinstance(raw, Fault):
        return Loaded(shown, faults=[raw])
    return load_bytes(raw, shown)


def read_plain(path: Path | str, max_bytes: int = MAX_BYTES) -> bytes | Fault:
    """The bytes of a plain file, or why it cannot be read; never blocks.

    The file is opened without blocking and checked with `fstat` before a byte
    is read, so a FIFO, a device or a folder put where a case file belongs is
    refused instead of hanging or being read without end.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Fault(1, 1, "unreadable", "a link that loops back on itself; not followed")
        return Fault(1, 1, "unreadable", f"cannot read file: {exc.strerror}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            from ipu_cli.store.paths import kind_of

            return Fault(1, 1, "not-a-file", f"{kind_of(info.st_mode)}, not a plain file; not read")
        if info.st_size > max_bytes:
            message = f"file is {info.st_size:,} bytes; ipu reads files of at most {max_bytes:,} bytes"
            return Fault(1, 1, "file-too-large", message)
        chunks = []
        total = 0
        while chunk := os.read(fd, max(info.st_size, 65536) + 1):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew while being read
                return Fault(1, 1, "file-too-large", f"file grew past {max_bytes:,} bytes while being read")
        return b"".join(chunks)
    except OSError as exc:
        return Fault(1, 1, "unreadable", f"cannot read file: {exc.strerror}")
    finally:
        os.close(fd)


def _utf16(raw: bytes) -> bool:
    """A file saved as UTF-16 (Notepad's "Unicode"): its byte-order mark, or, without one, a
    zero byte beside every character of plain text. Said as such: otherwise the first error
    is a "byte 0xff" or a run of hidden NUL characters, which tells nobody what to do."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = raw[:64]
    return len(head) >= 4 and (
        head[1::2].count(0) == len(head) // 2 or head[0::2].count(0) == (len(head) + 1) // 2
    )


def load_bytes(raw: bytes, display: str) -> Loaded:
    """Parse bytes already read; the path is only used in messages."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if _utf16(raw):
        return Loaded(
            display,
            faults=[Fault(1, 1, "encoding", "the file is in UTF-16, not UTF-8; save it as UTF-8")],
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return Loaded(
            display,
            faults=[
                Fault(
                    line,
                    column,
                    "encoding",
                    f"invalid UTF-8 byte 0x{raw[exc.start]:02x}; save the file as UTF-8",
                )
            ],
        )
    return load_text(text, display)


def load_text(text: str, display: str) -> Loaded:
    """Parse YAML text into plain values, collecting problems instead of raising."""
    loaded = Loaded(display)
    if may_hide(text):
        loaded.faults.extend(hidden_characters(text))
        if loaded.faults:
            return loaded
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        loaded.faults.append(_syntax_fault(exc, text))
        return loaded
    except yaml.YAMLError as exc:
        loaded.faults.append(Fault(1, 1, "yaml-syntax", str(exc)))
        return loaded
    except RecursionError:
        loaded.faults.append(Fault(1, 1, "yaml-syntax", "nesting is too deep"))
        return loaded
    if node is None:
        what = "is empty" if not text.strip() else "holds only comments"
        loaded.faults.append(Fault(1, 1, "empty-file", f"file {what}; expected a mapping"))
        return loaded
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        if node.value:
            mark = node.start_mark
            message = f"file holds only a null value ('{node.value}'); expected a mapping"
            loaded.faults.append(Fault(mark.line + 1, mark.column + 1, "empty-file", message))
        else:
            loaded.faults.append(
                Fault(1, 1, "empty-file", "file holds an empty document; expected a mapping")
            )
        return loaded
    loaded.node = node
    builder = _Builder(display)
    try:
        data = builder.build(node)
    except _Abort:
        loaded.faults.extend(builder.faults)
        return loaded
    except RecursionError:
        loaded.faults.append(Fault(1, 1, "yaml-syntax", "nesting is too deep"))
        return loaded
    loaded.faults.extend(builder.faults)
    if "&" in text and _MAYBE_ANCHOR.search(text):
        anchor = _first_anchor(text)
        if anchor is not None:
            loaded.faults.append(anchor)
            return loaded
    loaded.data = data
    return loaded


# Anchors are found by the composer only where an alias repeats a mapping or a list; an
# anchor on a scalar, or one never used, needs the event stream. Parsing it again costs as
# much as composing, so it is done only when an anchor can be there: '&' opening a token.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])&\S")


def _first_anchor(text: str) -> Fault | None:
    """Where the first anchor or alias of the text is, if it has any."""
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            mark = event.start_mark
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            message = f"anchors and aliases are not allowed in case files ({sign}{anchor})"
            return Fault(mark.line + 1, mark.column + 1, "yaml-alias", message)
    return None


MAX_HIDDEN_LINES = 20


def hidden_characters(text: str) -> list[Fault]:
    """One fault per line holding invisible, control or bidirectional characters, naming them.

    Such characters make a name, an id or a sentence read differently from what
    the file holds (a right-to-left override reverses what follows; a zero-width
    space splits an id that looks whole). Tabs and line breaks are ordinary text.
    """
    lines: dict[int, tuple[int, list[str]]] = {}
    for index in hidden_in(text):
        char = text[index]
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        names = lines.setdefault(line, (column, []))[1]
        name = char_name(char)
        if name not in names:
            names.append(name)
    faults = [
        Fault(line, column, "hidden-character", _hidden_message(names))
        for line, (column, names) in sorted(lines.items())[:MAX_HIDDEN_LINES]
    ]
    if len(lines) > MAX_HIDDEN_LINES:
        line, column, code, message = faults[-1]
        more = len(lines) - MAX_HIDDEN_LINES
        faults[-1] = Fault(line, column, code, f"{message} ({more} more lines hold such characters)")
    return faults


def _hidden_message(names: list[str], escaped: bool = False) -> str:
    """What a hidden-character fault says of the characters `names` (written as escapes or not)."""
    if len(names) == 1:
        how = " (written as an escape)" if escaped else ""
        return f"hidden character {names[0]}{how}: it makes the text read differently from what it holds; remove it"
    how = " (written as escapes)" if escaped else ""
    return (
        f"hidden characters {', '.join(names)}{how}: they make the text read differently from what it "
        "holds; remove them"
    )


def _syntax_fault(exc: yaml.MarkedYAMLError, text: str) -> Fault:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem or "\t" in _line_at(text, line)[: max(column, 1)]:
        return Fault(
            line,
            column,
            "tab",
            "tab character where YAML allows only spaces; indent with spaces",
        )
    if exc.context and "expected a single document" in exc.context:
        return Fault(
            line,
            column,
            "multiple-documents",
            "file holds more than one YAML document; keep one case per file",
        )
    message = problem if not exc.context else f"{exc.context}: {problem}"
    return Fault(line, column, "yaml-syntax", message)


def _line_at(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


class _Abort(Exception):
    """Stop building: the file cannot be read safely past this point."""


class _Builder:
    """Turns a node tree into dicts, lists and scalars, refusing the unsafe."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.faults: list[Fault] = []
        self.seen: set[int] = set()

    def _report(self, node: yaml.Node, code: str, message: str) -> None:
        mark = node.start_mark
        self.faults.append(Fault(mark.line + 1, mark.column + 1, code, message))

    def build(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            if id(node) in self.seen:
                self._report(
                    node,
                    "yaml-alias",
                    "anchors and aliases are not allowed in case files (anchor defined here)",
                )
                raise _Abort
            self.seen.add(id(node))
        tag = node.tag
        if isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                self._report(node, "yaml-tag", f"tag {_short(tag)} is not allowed in case files")
                return None
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                self._report(node, "yaml-tag", f"tag {_short(tag)} is not allowed in case files")
                return None
            return [self.build(item) for item in node.value]
        return self._scalar(node)

    def _escaped_hidden(self, node: yaml.ScalarNode) -> None:
        """A double-quoted text can write a hidden character as an escape (`"\\u202e"`, `"\\x1b"`):
        the file's own characters are clean, the value is not. Refused like the raw character."""
        names = list(dict.fromkeys(char_name(node.value[index]) for index in hidden_in(node.value)))
        if names:
            self._report(node, "hidden-character", _hidden_message(names, escaped=True))

    def _mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._report(key_node, "yaml-alias", "merge keys (<<) are not allowed in case files")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._report(key_node, "yaml-syntax", "mapping keys must be plain text")
                continue
            key = key_node.value
            if key in first:
                earlier = first[key].start_mark.line + 1
                self._report(
                    key_node, "duplicate-key", f"duplicate key '{key}' (first defined at line {earlier})"
                )
                continue
            first[key] = key_node
            result[key] = self.build(value_node)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if node.style == '"' and may_hide(node.value):
            self._escaped_hidden(node)
        if tag == _STR:
            return node.value
        if tag == _TIMESTAMP:
            return node.value  # kept as text: PartialDate parses it, JSON stays JSON
        if tag == _INT:
            return _constructor.construct_yaml_int(node)
        if tag == _BOOL:
            return _constructor.construct_yaml_bool(node)
        if tag == _NULL:
            return None
        if tag == _FLOAT:
            return _constructor.construct_yaml_float(node)
        self._report(node, "yaml-tag", f"tag {_short(tag)} is not allowed in case files")
        return None


def _short(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def locate(root: yaml.Node | None, loc: tuple[Any, ...], *, key: bool = False) -> tuple[int, int]:
    """1-based line and column of the value at `loc`, or of its key when `key`.

    Walks as far down the path as the file goes: a missing field is reported
    at the mapping that should hold it.
    """
    node = root
    if node is None:
        return (1, 1)
    target = node
    for depth, part in enumerate(loc):
        last = depth == len(loc) - 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                    target = key_node if (last and key) else value_node
                    node = value_node
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            target = node
        else:
            break
    mark = target.start_mark
    return (mark.line + 1, mark.column + 1)
