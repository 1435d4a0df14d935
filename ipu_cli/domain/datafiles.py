"""Reference data the case repository owns: vocabularies, sessions, countries.

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


class SessionRegistry(Model):
    sessions: list[Session]
