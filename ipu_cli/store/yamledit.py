"""Editing case files in place without reformatting them (ruamel.yaml round-trip).

Case files are written by hand and reviewed as diffs. Tools that change one
list (`ipu log`, `ipu new` linking a member to its group) load the file with
ruamel.yaml's round-trip mode, change the list, dump, and then refuse the
result unless every other line is still there as it was (`only_adds`).
"""

from __future__ import annotations

import difflib
import io
from typing import Any

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


def append_to_list(text: str, key: str, value: str, after: tuple[str, ...] = ()) -> str:
    """`text` with `value` added to the top-level list `key`, kept sorted when it was.

    A missing key is added after the last of the keys `after` present (else at
    the end), in flow style: `collectives: [KHM-COLL-03]`.
    """
    from ruamel.yaml.comments import CommentedSeq

    data = load(text)
    items = data.get(key)
    if items is None:
        items = CommentedSeq([value])
        items.fa.set_flow_style()
        keys = list(data)
        present = [keys.index(k) for k in after if k in keys]
        data.insert(max(present) + 1 if present else len(keys), key, items)
    elif isinstance(items, CommentedSeq):
        if value in items:
            return text
        position = len(items)
        if list(items) == sorted(items, key=id_key):
            while position > 0 and id_key(str(items[position - 1])) > id_key(str(value)):
                position -= 1
        at_end = position == len(items)
        items.insert(position, value)
        if position > 0 and at_end:
            _move_trailing_comment(items, position - 1)
    else:
        raise EditError(f"'{key}' is not a list")
    new = dump(data)
    if not only_adds(text, new, (f"{key}: [", f"{key}: []")):
        raise EditError(f"cannot add to '{key}' without reformatting other lines of the file")
    return new


def _move_trailing_comment(items: Any, index: int) -> None:
    """A blank line after the last item stays after the item appended to a block list."""
    comment = items.ca.items.pop(index, None)
    if comment is not None:
        items.ca.items[index + 1] = comment
