"""`ipu untranslated --write`: the missing pairs added to a case's translation file.

The pairs `documents/missingpairs.missing_pairs` prints are written as the file
when there is none, else appended after its last line (in its line endings, its byte-order
mark and last line kept: `store/textedit.Document`), which works when the
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

    from ipu_cli.edits.engine import LOCK_TIMEOUT
    from ipu_cli.store.atomic import editable, locked, write_text
    from ipu_cli.store.textedit import Document
    from ipu_cli.store.yamlload import load_text

    path = root / found.target
    try:
        with locked([path], LOCK_TIMEOUT):
            old = ""
            if found.exists:
                editable(path, found.target)
                try:  # bytes decoded as they are: a CRLF file stays CRLF, a byte-order mark stays
                    old = path.read_bytes().decode("utf-8")
                except UnicodeDecodeError:
                    raise IpuError(f"cannot edit {found.target}: not UTF-8; run 'ipu validate'") from None
            if old.strip("\ufeff \t\r\n"):
                doc = Document(old, found.target)
                before = _pairs(load_text(doc.text, found.target))
                added = [line + doc.nl for line in found.text.splitlines()]
                new = ("\ufeff" if doc.bom else "") + doc.text + doc.text_of(added)
                after = _pairs(load_text(new.removeprefix("\ufeff"), found.target))
            else:
                new, before, after = found.text, 0, _pairs(load_text(found.text, found.target))
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
