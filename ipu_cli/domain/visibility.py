"""The one confidentiality filter.

Every output that can leave the secretariat (lists, statistics, exports,
decisions, letters) asks this module which cases and which fields it may show.
A case is public only when its own file says `public` and so does every group
it belongs to; internal fields (log entries and addressees marked `internal`,
the complainant's name) never reach public output.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from ipu_cli.errors import IpuError

if TYPE_CHECKING:
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.store.casebase import CaseBase

    Case = IndividualCase | CollectiveCase

T = TypeVar("T")

NOTICE = "CONFIDENTIAL: includes cases and fields not for publication"


class ConfidentialRefused(IpuError):
    """A confidential case was asked for in public output."""


def is_public(case: Case, base: CaseBase | None = None) -> bool:
    """Public when the case and all of its groups are public."""
    if case.confidentiality != "public":
        return False
    if base is not None and hasattr(case, "collectives"):
        for group_id in case.collectives:  # type: ignore[union-attr]
            group = base.view(group_id)  # its summary: confidentiality without building a model
            if group is not None and group.confidentiality != "public":
                return False
    return True


def visible(
    cases: Iterable[Case], base: CaseBase | None = None, include_confidential: bool = False
) -> list[Case]:
    """The cases an output may show, with their internal fields removed when public."""
    if include_confidential:
        return list(cases)
    return [redact(case) for case in cases if is_public(case, base)]


def redact(case: T) -> T:
    """A copy without internal log entries, internal addressees or complainant names.

    A `CaseSummary` holds none of these; whatever it later reads from its full
    model (for `--grep`, `--since`...) is redacted here first.
    """
    from ipu_cli.store.records import CaseSummary

    if isinstance(case, CaseSummary):
        return case.redacted(redact)  # type: ignore[return-value]
    update: dict[str, object] = {}
    communications = getattr(case, "communications", [])
    if any(c.internal for c in communications):
        update["communications"] = [c for c in communications if not c.internal]
    addressees = getattr(case, "addressees", [])
    if any(a.internal for a in addressees):
        update["addressees"] = [a for a in addressees if not a.internal]
    complaint = getattr(case, "complaint", None)
    if complaint is not None and complaint.complainant:
        update["complaint"] = complaint.model_copy(update={"complainant": None})
    return case.model_copy(update=update) if update else case  # type: ignore[attr-defined]


def require_public(case: Case, base: CaseBase | None = None, include_confidential: bool = False) -> None:
    """Refuse a single confidential case unless the caller opted in."""
    if not include_confidential and not is_public(case, base):
        raise ConfidentialRefused(
            f"{case.id} is confidential; pass --confidential to produce it for internal use"
        )
