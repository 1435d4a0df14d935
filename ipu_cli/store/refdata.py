"""The repository's reference data (`data/*.yaml`), read through the one loader and indexed.

The vocabularies, the sessions registry and the country table are data that
case officers edit; this module reads and indexes them for the checks, the
documents and the queries. It judges nothing: a file that is missing, not
YAML or not valid against its model is kept in `failures` with what went
wrong, and `ipu_cli.checks` turns that into located problems. Tables of a
failed file stay empty, and `complete` says so, so that no document is ever
rendered from a vocabulary that could not be read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ipu_cli.domain.datafiles import (
    Country,
    CountryTable,
    EventTypeVocabulary,
    Secretariat,
    Session,
    SessionRegistry,
    Verb,
    VerbVocabulary,
    ViolationCategory,
    ViolationVocabulary,
)
from ipu_cli.domain.translations import MARK
from ipu_cli.store.paths import DATA, display_path
from ipu_cli.store.yamlload import Fault, Loaded, load_bytes, read_plain

FILES: dict[str, type[Any]] = {
    "violations.yaml": ViolationVocabulary,
    "event-types.yaml": EventTypeVocabulary,
    "verbs.yaml": VerbVocabulary,
    "countries.yaml": CountryTable,
    "sessions.yaml": SessionRegistry,
    "secretariat.yaml": Secretariat,
}


@dataclass
class Failure:
    """A data file that could not be used: the loader's faults, or the model's errors."""

    name: str
    loaded: Loaded
    model: type[Any]
    errors: list[Any] = field(default_factory=list)
    """Pydantic's error dicts (`ValidationError.errors()`), when the YAML was read."""
    missing: bool = False


@dataclass
class Reference:
    """Indexed reference data. A table is empty when its file is missing or broken."""

    violations: dict[str, ViolationCategory] = field(default_factory=dict)
    event_types: dict[str, str] = field(default_factory=dict)
    verbs: dict[str, Verb] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    regions: list[str] = field(default_factory=list)
    region_names: dict[str, str] = field(default_factory=dict)
    """Region -> its French name (data/countries.yaml `region_names`)."""
    sessions: dict[str, Session] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    """Place -> its French name, where it differs (data/sessions.yaml `places`)."""
    secretariat: Secretariat | None = None
    session_paths: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    duplicate_sessions: list[tuple[str, int, int, str]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    digest_parts: list[bytes] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every data file was read and is valid."""
        return not self.failures

    @property
    def ask_verbs(self) -> tuple[str, ...]:
        """Verbs marked `asks: true`: their clauses ask something of someone."""
        return tuple(v.verb for v in self.verbs.values() if v.asks)

    def violation_label(self, code: str, lang: str = "en") -> str:
        """The checklist's label; in French `label_fr`, else the English marked "[EN]"."""
        category = self.violations.get(code)
        if category is None:
            return code
        if lang == "fr":
            return category.label_fr or f"{MARK} {category.label}"
        return category.label

    def country_name(self, code: str, lang: str = "en") -> str:
        """The bare name, as headings print it: "Philippines"; French: `name_fr`, else pycountry's
        French translation of the ISO name ("Cambodge"), else the English marked "[EN]"."""
        country = self.countries.get(code)
        if country is None:
            return code
        if lang == "fr":
            return country.name_fr or french_country_name(code) or f"{MARK} {country.name}"
        return country.name

    def country_prose(self, code: str, lang: str = "en") -> str:
        """The name as running text writes it: "the Philippines" (`prose`, else the bare name);
        French `prose_fr`, with its article ("les Philippines"), else the French bare name."""
        country = self.countries.get(code)
        if country is None:
            return code
        if lang == "fr":
            return country.prose_fr or self.country_name(code, lang)
        return country.prose or country.name

    def missing_french(self, code: str) -> list[str]:
        """What a French document lacks for a country: `name_fr` (no French name from any
        source) and `prose_fr` (the article is not known)."""
        country = self.countries.get(code)
        if country is None:
            return []
        out = [] if country.name_fr or french_country_name(code) else ["name_fr"]
        return out + ([] if country.prose_fr else ["prose_fr"])

    def place_name(self, place: str | None, lang: str = "en") -> str | None:
        """A session's place in `lang`: "Genève" for Geneva (data/sessions.yaml `places`)."""
        if place is None or lang != "fr":
            return place
        return self.places.get(place, place)

    def region_name(self, region: str, lang: str = "en") -> str | None:
        """An IPU region in `lang`: "Asie" for Asia (data/countries.yaml `region_names`); None
        when the data has no name in that language."""
        return region if lang == "en" else self.region_names.get(region)

    def session(self, ref: str) -> Session | None:
        return self.sessions.get(ref)


@cache
def french_country_name(code: str) -> str | None:
    """pycountry's French translation of a country's ISO 3166 name, from the gettext catalogues
    it ships (read from the installed package, never the network); None when it has none."""
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:
        return None
    # gettext answers the English itself for a name it has no translation of; the catalogue
    # says which names it translates (Afghanistan is translated, and stays Afghanistan).
    held = getattr(catalogue, "_catalog", None)
    if held is not None and country.name not in held:
        return None
    return catalogue.gettext(country.name)


def load_reference(root: Path) -> Reference:
    """Read every file of `data/`; what cannot be used is kept in `failures`, never raised."""
    ref = Reference()
    folder = root / DATA
    for name in FILES:
        path = folder / name
        read = read_data_file(path, display_path(path, root), name)
        if read.raw is not None:
            ref.digest_parts.append(read.raw)
        if read.failure is not None:
            ref.failures.append(read.failure)
        else:
            _index(ref, read.value, read.loaded)
    return ref


@dataclass
class DataFile:
    """One data file as read: its model value, or why it cannot be used; and its bytes."""

    loaded: Loaded
    value: Any = None
    failure: Failure | None = None
    raw: bytes | None = None


def read_data_file(path: Path, shown: str, name: str | None = None) -> DataFile:
    """Read and check one data file (`name`: which of `FILES` it is, default its own name).

    The bytes are read once, so the cache's digest and the values used are
    always those of the same version of the file, even while it is being edited.
    """
    from pydantic import ValidationError

    name = name or path.name
    model = FILES[name]
    raw = read_plain(path)
    if isinstance(raw, Fault):
        loaded = Loaded(shown, faults=[raw])
        missing = not os.path.lexists(path)
        return DataFile(
            loaded,
            failure=Failure(name, loaded, model, missing=missing),
            raw=None if missing else name.encode(),
        )
    loaded = load_bytes(raw, shown)
    if not loaded.ok or not isinstance(loaded.data, dict):
        return DataFile(loaded, failure=Failure(name, loaded, model), raw=raw)
    try:
        value = model.model_validate(loaded.data)
    except ValidationError as exc:
        return DataFile(loaded, failure=Failure(name, loaded, model, exc.errors(include_url=False)), raw=raw)
    return DataFile(loaded, value, raw=raw)


def _index(ref: Reference, value: Any, loaded: Loaded) -> None:
    if isinstance(value, ViolationVocabulary):
        ref.violations = {c.code: c for c in value.categories}
    elif isinstance(value, EventTypeVocabulary):
        ref.event_types = {t.code: t.label for t in value.types}
    elif isinstance(value, VerbVocabulary):
        ref.verbs = {v.verb: v for v in value.verbs}
    elif isinstance(value, CountryTable):
        ref.countries = {c.code: c for c in value.countries}
        ref.regions = list(value.regions)
        ref.region_names = {region.name: region.fr for region in value.region_names}
    elif isinstance(value, Secretariat):
        ref.secretariat = value
    elif isinstance(value, SessionRegistry):
        ref.places = {place.name: place.fr for place in value.places}
        for index, session in enumerate(value.sessions):
            line, column = loaded.where(("sessions", index))
            if session.ref in ref.sessions:
                ref.duplicate_sessions.append((loaded.path, line, column, session.ref))
            ref.sessions[session.ref] = session
            ref.session_paths[session.ref] = (loaded.path, line, column)
