"""Reference data the case repository owns: vocabularies, sessions, countries, the secretariat.

They live in `data/*.yaml` so that a case officer adds a violation category,
a verb or a session by editing a file, not code.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ipu_cli.domain.cases import CODE_PATTERN, Body, Model, Text
from ipu_cli.domain.dates import PartialDate

Code = Annotated[str, Field(pattern=CODE_PATTERN)]


class ViolationCategory(Model):
    """An alleged-violation category, worded exactly as in the decisions."""

    code: Code
    label: Text = Field(examples=["Arbitrary arrest and detention"])
    label_fr: str | None = None
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
    region: Text
    affiliated: bool = True
    former_names: list[str] = Field(default_factory=list)


class CountryTable(Model):
    regions: list[Text] = Field(min_length=1)
    countries: list[Country]

    @model_validator(mode="after")
    def _regions_known(self) -> CountryTable:
        unknown = sorted({c.region for c in self.countries} - set(self.regions))
        if unknown:
            raise ValueError(f"countries name regions not in the regions list: {', '.join(unknown)}")
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


class SessionRegistry(Model):
    sessions: list[Session]


class Signatory(Model):
    """Who signs the letters conveying decisions."""

    name: Text = Field(examples=["Martin Chungong"])
    title: Text = Field(examples=["Secretary General of the Inter-Parliamentary Union"])
    placeholder: bool = Field(
        False,
        description="The name is a placeholder to be confirmed: every letter that prints it warns.",
    )


class Secretariat(Model):
    """The secretariat as letters print it: where they are written and who signs them.

    The letterhead itself (logo, address) is a template (templates/letter.docx, the HTML
    letter's header), which the secretariat restyles without touching data or code.
    """

    place: Text = Field(description="Where letters are written, before the date: Geneva, 3 March 2026.")
    signatory: Signatory
