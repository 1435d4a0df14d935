"""Finding the case a case officer typed: canonical id, legacy id or a loose spelling.

Every command that takes a case id (`draft-decision`, `draft-letter`, `log`)
asks here, so `CMBD/60`, `khm60` and `KHM-60` mean the same case everywhere, and
a case whose file cannot be read is reported with the file's first error
(path, line, column) rather than as "unknown".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ipu_cli.checks.problems import ERROR
from ipu_cli.domain.ids import normalise_id
from ipu_cli.errors import IpuError
from ipu_cli.store.paths import stem_id

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.store.casebase import CaseBase


class CaseNotFound(IpuError):
    """No readable case by that id; the message says why in one line."""


def find_case(base: CaseBase, text: str) -> IndividualCase | CollectiveCase:
    """The case `text` names (id, legacy id, loose spelling), or CaseNotFound."""
    typed = text.strip()
    wanted = normalise_id(typed) or typed
    case = base.get(typed) or base.get(wanted)
    if case is not None:
        return case
    broken = [p for p in base.problems if p.level == ERROR and stem_id(Path(p.path)) == wanted]
    if broken:
        first = broken[0]
        more = f" (and {len(broken) - 1} more: run 'ipu validate')" if len(broken) > 1 else ""
        raise CaseNotFound(f"cannot read {wanted}: {first.text()}{more}")
    raise CaseNotFound(f"unknown case '{typed}': no case has this id or legacy id")
