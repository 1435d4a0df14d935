"""`ipu untranslated --write`: the missing pairs added to a case's translation file.

The pairs `documents/missingpairs.missing_pairs` prints are written as the file
when there is none, else appended after its last line, which works when the
file ends with its `texts` list (as the files `ipu` writes do). The new text
is read back and checked before anything is written: it must be a valid
translation file holding exactly the pairs it held plus the new ones, or
nothing is written (a file whose `texts` is not last gets the pairs by hand).
Written atomically, under the file's lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ipu_cli.errors import IpuError

if TYPE_CHECKING:
    from ipu_cli.documents.missingpairs import MissingPairs
    from ipu_cli.store.yamlload import Loaded


def write_pairs(root: Path, found: MissingPairs) -> None:
    """Add `found`'s pairs to its translation file (create it if need be): all or nothing."""
    from filelock import Timeout

    from ipu_cli.store.atomic import editable, locked, write_text
    from ipu_cli.store.yamlload import load_text

    path = root / found.target
    try:
        with locked([path], timeout=30):
            old = ""
            if found.exists:
                editable(path, found.target)
                old = path.read_text(encoding="utf-8")
            before = _pairs(load_text(old, found.target)) if old else 0
            new = old + ("\n" if old and not old.endswith("\n") else "") + found.text
            after = _pairs(load_text(new, found.target))
            if after != before + found.count:
                raise IpuError(
                    f"cannot add the pairs at the end of {found.target}: its `texts` list is not the last "
                    "thing in the file; nothing written (print them without --write and paste them)"
                )
            write_text(path, new)
    except Timeout:
        raise IpuError(f"{found.target} is locked by another ipu command; try again") from None
    except OSError as exc:
        raise IpuError(f"cannot write {found.target}: {exc.strerror or exc}; nothing written") from None


def _pairs(loaded: Loaded) -> int:
    """How many pairs a translation file's text holds; -1 when it is not a valid one."""
    from ipu_cli.checks.schemaerrors import validate_model
    from ipu_cli.domain.cases import Translation

    if not loaded.ok:
        return -1
    value, problems = validate_model(loaded, Translation)
    return len(value.texts) if isinstance(value, Translation) and not problems else -1
