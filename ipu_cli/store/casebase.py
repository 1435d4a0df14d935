"""The case base in memory: every readable case of a repository, indexed by id and legacy id.

It is built by `ipu_cli.checks.pipeline.load_case_base`, which reads every file
through `ipu_cli.store.scan` (the cache, then worker processes for the rest)
and runs the cross-file checks. A record read from the cache builds its
Pydantic model only when `.case` is first asked for, so `ipu validate` on an
unchanged base never imports YAML or Pydantic; heavy imports are kept inside
functions here.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.store.records import CaseRecord, CaseSummary

if TYPE_CHECKING:
    from ipu_cli.domain.cases import Case, CollectiveCase, IndividualCase
    from ipu_cli.store.refdata import Reference


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of objects are built.

    Building the models or summaries of a large base allocates many acyclic
    objects; the collector would walk the growing heap again and again (2.5x
    slower) and find no cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class CaseBase:
    """Every readable case of a repository, indexed by id and legacy id.

    `reference` is read on first use when the base came from the cache, so a
    warm `ipu validate` never parses `data/` through Pydantic. `problems` are
    the `ipu_cli.checks` problems found while reading it.
    """

    def __init__(
        self,
        root: Path,
        reference: Reference | Callable[[], Reference],
        records: dict[str, CaseRecord],
        aliases: dict[str, str],
        problems: list[Any],
        files: int,
        unread: list[str] | None = None,
        translations: list[str] | None = None,
        translation_problems: list[Any] | None = None,
    ) -> None:
        self.root = root
        self._reference = reference
        self.records = records
        self.aliases = aliases
        self.problems = problems
        self.files = files
        self.unread = unread or []
        """Paths listed but not read as a case (their problems say why)."""
        self.translations = translations or []
        """Translation files (`cases/KHM/KHM-60.fr.yaml`), as shown paths; read when a document needs them."""
        self.translation_problems = translation_problems or []
        """Their problems, apart from `problems`: a translation never keeps a case from being read."""

    @property
    def reference(self) -> Reference:
        if callable(self._reference):
            self._reference = self._reference()
        return self._reference

    @reference.setter
    def reference(self, value: Reference) -> None:
        self._reference = value

    def record(self, case_id: str) -> CaseRecord | None:
        """The record of a case by id or legacy id."""
        return self.records.get(case_id) or self.records.get(self.aliases.get(case_id, ""))

    def get(self, case_id: str) -> Case | None:
        record = self.record(case_id)
        return record.case if record else None

    def cases(self) -> list[Case]:
        """Every case as its Pydantic model (built from the cache on first use)."""
        with gc_paused():
            return [record.case for record in self.records.values()]

    def summaries(self) -> list[CaseSummary]:
        """Every case as a `CaseSummary`: what list and stats read, no Pydantic models."""
        with gc_paused():
            return [record.summary for record in self.records.values()]

    def view(self, case_id: str) -> CaseSummary | None:
        """The summary of a case by id or legacy id (cheap: no model is built)."""
        record = self.record(case_id)
        return record.summary if record else None

    def members(self, collective: CollectiveCase | CaseSummary) -> list[Any]:
        """The member MPs of a group: models, or summaries when given a summary."""
        views = isinstance(collective, CaseSummary)
        out = []
        for member in dict.fromkeys(collective.members):  # listed twice, counted once
            record = self.record(member)
            if record is not None and not record.facts.collective:
                out.append(record.summary if views else record.case)
        return out

    def groups_of(self, case: IndividualCase | CaseSummary) -> list[Any]:
        """The groups an MP is examined in: models, or summaries when given a summary."""
        views = isinstance(case, CaseSummary)
        out = []
        for group in dict.fromkeys(case.collectives):
            record = self.record(group)
            if record is not None and record.facts.collective:
                out.append(record.summary if views else record.case)
        return out
