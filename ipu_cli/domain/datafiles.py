"""Reference data the case repository owns: vocabularies, sessions, countries, the secretariat.

They live in `data/*.yaml` so that a case officer adds a violation category,
a verb or a session by editing a file, not code.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ipu_cli.domain.cases import CODE_PATTERN, Body, Model, Text
from ipu_cli.domain.dates import PartialDate

Code = Annotated[str, Field(pattern=CODE_PATTERN)]


class ViolationCategory(Model):
    """An alleged-violation category, worded exactly as in the decisions."""

    code: Code
    label: Text = Field(examples=["Arbitrary arrest and detention"])
    label_fr: str | None = Field(
        None,
        description="The French label of French decisions; a French document prints the English "
        "label, marked [EN], when it is missing.",
        examples=["Arrestation et détention arbitraires"],
    )
    group: str | None = Field(None, description="Coarser bucket used in the yearly statistics.")


class ViolationVocabulary(Model):
    categories: list[ViolationCategory]


class EventType(Model):
    code: Code
    label: Text


class EventTypeVocabulary(Model):
    types: list[EventType]


class Verb(Model):
    verb: Text = Field(examples=["Reaffirms"])
    fr: str | None = None
    asks: bool = Field(
        False,
        description="The verb asks something of someone: letters quote such clauses and "
        "`ipu followups` lists them.",
    )


class VerbVocabulary(Model):
    verbs: list[Verb]


class Country(Model):
    """A country's display name, its name in running text, region and IPU affiliation."""

    code: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    name: Text = Field(description="As headings print it: Philippines.")
    prose: str | None = Field(
        None,
        description="As running text writes it, when it differs from `name`: the Philippines, "
        "the Islamic Republic of Iran.",
        examples=["the Philippines"],
    )
    name_fr: str | None = Field(
        None,
        description="The French name as headings print it, when it differs from pycountry's "
        "French translation of the ISO name (UN short forms: Bolivie (État plurinational de)).",
        examples=["Türkiye"],
    )
    prose_fr: str | None = Field(
        None,
        description="The French name as running text writes it, with its article: le Cambodge, "
        "la République démocratique du Congo, les Philippines, l'Afghanistan, Madagascar "
        '("de" contracts from it: du Cambodge, des Philippines, d\'Haïti).',
        examples=["les Philippines"],
    )
    language: Literal["en", "fr"] = Field(
        "en", description="The language of letters to the country's authorities (`ipu draft-letter`)."
    )
    region: Text
    affiliated: bool = True
    former_names: list[str] = Field(default_factory=list)


class RegionName(Model):
    """An IPU region's name in French: Asia, Asie (a session booklet's contents)."""

    name: Text = Field(examples=["Asia"])
    fr: Text = Field(examples=["Asie"])


class CountryTable(Model):
    regions: list[Text] = Field(min_length=1)
    countries: list[Country]
    region_names: list[RegionName] = Field(
        default_factory=list,
        description="The regions' French names (the contents of a French session booklet).",
    )

    @model_validator(mode="after")
    def _regions_known(self) -> CountryTable:
        unknown = sorted({c.region for c in self.countries} - set(self.regions))
        if unknown:
            raise ValueError(f"countries name regions not in the regions list: {', '.join(unknown)}")
        named = sorted({r.name for r in self.region_names} - set(self.regions))
        if named:
            raise ValueError(f"region_names name regions not in the regions list: {', '.join(named)}")
        return self


class Session(Model):
    """A session of the Committee, the Governing Council or the Assembly."""

    body: Body
    number: Annotated[int, Field(ge=1)]
    place: str | None = Field(None, description="City; leave empty for a virtual session.")
    virtual: bool = False
    extraordinary: bool = Field(False, description="An extraordinary session (headers say so).")
    start: PartialDate
    end: PartialDate | None = Field(None, description="Last day; empty for a one-day session.")
    agenda: list[str] = Field(default_factory=list, description="Case ids examined.")
    symbol: str | None = Field(
        None,
        pattern=r"^\S+$",
        description="Document symbol of the session's booklet of decisions (its cover prints it); "
        "leave out when not known.",
        examples=["CL/2XX/11(b)-R.1"],
    )

    @property
    def ref(self) -> str:
        return f"{self.body}-{self.number}"

    @model_validator(mode="after")
    def _place_and_dates(self) -> Session:
        if self.virtual and self.place:
            raise ValueError("a virtual session has no place")
        if self.end is not None and self.end < self.start:
            raise ValueError(f"session ends ({self.end}) before it starts ({self.start})")
        return self


class Place(Model):
    """A place sessions are held in, and its French name where it differs: Geneva, Genève."""

    name: Text = Field(examples=["Geneva"])
    fr: Text = Field(examples=["Genève"])


class SessionRegistry(Model):
    sessions: list[Session]
    places: list[Place] = Field(
        default_factory=list,
        description="French names of places, where they differ from the English (headers in French).",
    )


class Signatory(Model):
    """Who signs the letters conveying decisions."""

    name: Text = Field(examples=["Martin Chungong"])
    title: Text = Field(examples=["Secretary General of the Inter-Parliamentary Union"])
    title_fr: str | None = Field(
        None,
        description="The title as French letters print it; a French letter prints the English "
        "title, marked [EN], when it is missing.",
        examples=["Secrétaire général de l'Union interparlementaire"],
    )
    placeholder: bool = Field(
        False,
        description="The name is a placeholder to be confirmed: every letter that prints it warns.",
    )


class Secretariat(Model):
    """The secretariat as letters print it: where they are written and who signs them.

    The letterhead itself (logo, address) is a template (templates/letter.docx, the HTML
    letter's header), which the secretariat restyles without touching data or code.
    """

    place: Text = Field(
        description="Where letters are written, before the date: Geneva, 3 March 2026 (French "
        "letters take its French name from data/sessions.yaml `places`: Genève, le 3 mars 2026)."
    )
    signatory: Signatory
