"""Load the repository's reference data (`data/*.yaml`) through the one loader.

The vocabularies, the sessions registry and the country table are data that
case officers edit; this module reads and indexes them for the checks, the
renderers and the queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .loader import load_file, locate
from .models import (
    Country,
    CountryTable,
    EventTypeVocabulary,
    Session,
    SessionRegistry,
    VerbVocabulary,
    ViolationCategory,
    ViolationVocabulary,
)
from .problems import Problem
from .repo import DATA, display_path
from .schemaerrors import validate_model

FILES: dict[str, type[BaseModel]] = {
    "violations.yaml": ViolationVocabulary,
    "event-types.yaml": EventTypeVocabulary,
    "verbs.yaml": VerbVocabulary,
    "countries.yaml": CountryTable,
    "sessions.yaml": SessionRegistry,
}


@dataclass
class Reference:
    """Indexed reference data. Empty tables when a file is missing or broken."""

    violations: dict[str, ViolationCategory] = field(default_factory=dict)
    event_types: dict[str, str] = field(default_factory=dict)
    verbs: dict[str, str | None] = field(default_factory=dict)
    ask_verbs: tuple[str, ...] = ()
    countries: dict[str, Country] = field(default_factory=dict)
    regions: list[str] = field(default_factory=list)
    sessions: dict[str, Session] = field(default_factory=dict)
    session_paths: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    digest_parts: list[bytes] = field(default_factory=list)

    def violation_label(self, code: str, lang: str = "en") -> str:
        category = self.violations.get(code)
        if category is None:
            return code
        return (category.label_fr or category.label) if lang == "fr" else category.label

    def country_name(self, code: str) -> str:
        country = self.countries.get(code)
        return country.name if country else code

    def session(self, ref: str) -> Session | None:
        return self.sessions.get(ref)


def load_reference(root: Path) -> Reference:
    """Read every file of `data/`; problems are collected, never raised."""
    ref = Reference()
    folder = root / DATA
    for name, model in FILES.items():
        path = folder / name
        shown = display_path(path, root)
        if not path.exists():
            ref.problems.append(Problem(shown, 1, 1, "error", "unreadable", "reference file is missing"))
            continue
        raw = path.read_bytes()
        ref.digest_parts.append(raw)
        loaded = load_file(path, shown)
        ref.problems.extend(loaded.problems)
        if not loaded.ok:
            continue
        value, problems = validate_model(loaded, model)
        ref.problems.extend(problems)
        if value is None:
            continue
        if isinstance(value, ViolationVocabulary):
            ref.violations = {c.code: c for c in value.categories}
        elif isinstance(value, EventTypeVocabulary):
            ref.event_types = {t.code: t.label for t in value.types}
        elif isinstance(value, VerbVocabulary):
            ref.verbs = {v.verb: v.fr for v in value.verbs}
            ref.ask_verbs = tuple(v.verb for v in value.verbs if v.asks)
        elif isinstance(value, CountryTable):
            ref.countries = {c.code: c for c in value.countries}
            ref.regions = list(value.regions)
        elif isinstance(value, SessionRegistry):
            for index, session in enumerate(value.sessions):
                line, column = locate(loaded.node, ("sessions", index))
                if session.ref in ref.sessions:
                    ref.problems.append(
                        Problem(
                            shown,
                            line,
                            column,
                            "error",
                            "duplicate-id",
                            f"session {session.ref} is listed twice",
                        )
                    )
                ref.sessions[session.ref] = session
                ref.session_paths[session.ref] = (shown, line, column)
    return ref
