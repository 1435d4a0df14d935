"""The two kinds of case file: one parliamentarian, or a group of them.

Pydantic models with `extra="forbid"` so that a misspelt field is an error,
not silently dropped data. These models check what one file can check on its
own (shapes, patterns, dates in order within the file); checks that need the
vocabularies or other files live in `ipu_cli.checks`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ipu_cli.domain.communications import DIRECTIONS, PARTIES
from ipu_cli.domain.dates import PartialDate
from ipu_cli.domain.ids import ANY_ID_PATTERN, COLLECTIVE_ID_PATTERN, ID_PATTERN

SESSION_REF_PATTERN = r"^(committee|governing-council|assembly)-[0-9]{1,4}$"
CODE_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Sex = Literal["male", "female"]
Mandate = Literal["incumbent", "former", "elect", "substitute", "unknown"]
Affiliation = Literal["opposition", "majority", "independent", "other", "unknown"]
Confidentiality = Literal["public", "confidential"]
Party = Literal[PARTIES]  # type: ignore[valid-type]
Direction = Literal[DIRECTIONS]  # type: ignore[valid-type]
Scope = Literal["current", "past"]
Body = Literal["committee", "governing-council", "assembly"]

Text = Annotated[str, Field(min_length=1)]
CaseId = Annotated[str, Field(pattern=ANY_ID_PATTERN, examples=["KHM-60", "KHM-COLL-03"])]
SessionRef = Annotated[
    str,
    Field(pattern=SESSION_REF_PATTERN, examples=["committee-179", "governing-council-205"]),
]
Code = Annotated[str, Field(pattern=CODE_PATTERN)]


class Model(BaseModel):
    """Shared configuration: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Violation(Model):
    """One alleged violation against one MP."""

    code: Code = Field(description="Category code from data/violations.yaml.")
    scope: Scope = Field("current", description="Whether the violation still applies.")
    note: str | None = Field(None, description="Context, printed in the footnote.")


class Event(Model):
    """A dated fact: an arrest, a charge, a conviction, a death..."""

    date: PartialDate
    type: Code = Field(description="Event type code from data/event-types.yaml.")
    text: Text = Field(description="What happened, in our own words.")
    place: str | None = None
    sentence: str | None = Field(None, description="The sentence handed down, if any.")


class Status(Model):
    """Whether the Committee is still examining the case."""

    state: Literal["active", "closed"] = "active"
    date: PartialDate | None = Field(None, description="Date of closure.")
    reason: str | None = Field(None, description="Why the case was closed.")

    @model_validator(mode="after")
    def _closed_has_date_and_reason(self) -> Status:
        if self.state == "closed" and (self.date is None or not self.reason):
            raise ValueError("a closed case needs a date and a reason")
        if self.state == "active" and (self.date is not None or self.reason):
            raise ValueError("an active case has no closure date or reason")
        return self


class Complaint(Model):
    """Who brought the case and when."""

    sections: list[Annotated[str, Field(pattern=r"^I\.1\([a-f]\)$")]] = Field(
        min_length=1,
        description="Complainant categories under section I.1 of the Committee Procedure.",
        examples=[["I.1(c)"]],
    )
    submitted: PartialDate
    complainant: str | None = Field(
        None, description="Name of the complainant: internal, never printed or sent out."
    )


class Mission(Model):
    """An IPU mission to the country."""

    date: PartialDate
    description: str | None = None


class Hearing(Model):
    """A hearing held by the Committee on the case."""

    date: PartialDate
    description: Text = Field(examples=["Hearings with the Cambodia delegation to the 146th IPU Assembly"])
    session: SessionRef | None = None


class Communication(Model):
    """One entry of the communications log."""

    date: PartialDate
    direction: Direction
    party: Party
    description: str | None = Field(
        None, examples=["Letter to the Secretary General of the National Assembly"]
    )
    internal: bool = Field(False, description="Internal: left out of every public output.")
    case_box: bool | None = Field(
        None,
        description="The case box's 'Recent follow-up': true always shows this entry, false never "
        "does; unset leaves it to the computed default (each correspondent's entries since the "
        "previous decision, else the latest).",
    )


class Addressee(Model):
    """Who letters to a party go to."""

    party: Party
    title: Text = Field(examples=["Secretary General of the National Assembly"])
    name: str | None = None
    institution: str | None = None
    address: list[str] = Field(default_factory=list)
    salutation: str | None = Field(None, examples=["Dear Secretary General,"])
    internal: bool = Field(False, description="Internal: never printed in public output.")


class Paragraph(Model):
    """A numbered paragraph: an operative verb, its text, lettered sub-items.

    Italics inside the text (a second verb, *in absentia*) are marked *so*.
    """

    verb: Text = Field(description="Operative verb from data/verbs.yaml, e.g. Reaffirms.")
    text: Text
    items: list[Text] = Field(default_factory=list, description="Sub-items (a), (b), (c).")


ChecklistOrder = Annotated[
    list[Code],
    Field(
        description="The order in which this decision lists the alleged violations (codes from "
        "data/violations.yaml); unset: the vocabulary's order.",
    ),
]


class Decision(Model):
    """A decision adopted on the case."""

    session: SessionRef | None = Field(
        None,
        description="The session that adopted it; leave out for an older decision known only by "
        "its month (it is then cited by `adopted`, but cannot be rendered or conveyed).",
    )
    adopted: PartialDate = Field(
        description="Official adoption date: a day when known (the header prints it), else the month."
    )
    mode: Literal["unanimously", "by consensus", "without a vote"] | None = Field(
        None, description="Adoption mode, printed in the header only when recorded."
    )
    paragraphs: list[Paragraph] = Field(
        default_factory=list, description="Empty when the text is not held here."
    )
    summary: str | None = Field(None, description="The summary as published with this decision.")
    checklist: ChecklistOrder | None = None


class Draft(Model):
    """Work in progress towards the next decision."""

    session: SessionRef | None = None
    paragraphs: list[Paragraph] = Field(min_length=1)
    summary: str | None = None
    checklist: ChecklistOrder | None = None


class CaseFields(Model):
    """What a case carries as a case: shared by groups and lone MPs."""

    complaint: Complaint | None = None
    summary: str | None = Field(None, description="Summary of the case, in our own words.")
    events: list[Event] = Field(default_factory=list)
    missions: list[Mission] = Field(default_factory=list)
    hearings: list[Hearing] = Field(default_factory=list)
    communications: list[Communication] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    draft: Draft | None = None
    agenda: list[SessionRef] = Field(default_factory=list, description="Sessions that examine the case.")
    addressees: list[Addressee] = Field(default_factory=list)
    victims: str | None = Field(None, description="Override for the 'Victims:' line of the case box.")
    status: Status = Field(default_factory=Status)
    confidentiality: Confidentiality = "confidential"

    @model_validator(mode="after")
    def _decisions_in_order(self) -> CaseFields:
        for earlier, later in zip(self.decisions, self.decisions[1:], strict=False):
            if later.adopted.latest() < earlier.adopted.earliest():
                raise ValueError(
                    f"decisions must be listed oldest first: {later.adopted} comes after {earlier.adopted}"
                )
        return self


class IndividualCase(CaseFields):
    """One parliamentarian: `cases/KHM/KHM-60.yaml`."""

    id: CaseId = Field(pattern=ID_PATTERN)
    aliases: list[Annotated[str, Field(min_length=2)]] = Field(
        default_factory=list, description="Legacy ids: KHM60, CMBD/60."
    )
    name: Text
    also_known_as: list[Text] = Field(
        default_factory=list,
        description="Other names the MP is known by (spellings, a former or popular name); "
        "shown by `ipu show`, searched by `ipu list --grep`, never printed in decisions.",
    )
    sex: Sex
    country: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    parliament: Text = Field(examples=["National Assembly"])
    mandate: Mandate = Field(description="`unknown` when not known: the Victims line then leaves it out.")
    affiliation: Affiliation = Field(
        description="`unknown` when not known: the Victims line then leaves it out."
    )
    young: bool = Field(
        False,
        description="A young parliamentarian by the IPU's rule: under 45 when elected "
        "(the Forum of Young Parliamentarians).",
    )
    party: str | None = None
    collectives: list[Annotated[str, Field(pattern=COLLECTIVE_ID_PATTERN)]] = Field(default_factory=list)
    violations: list[Violation] = Field(default_factory=list)
    deceased: bool = False
    death_date: PartialDate | None = None

    @model_validator(mode="after")
    def _death(self) -> IndividualCase:
        if self.death_date is not None and not self.deceased:
            raise ValueError("death_date is set but deceased is false")
        return self


class CollectiveCase(CaseFields):
    """A group of parliamentarians of one country: `cases/KHM/KHM-COLL-03.yaml`."""

    id: CaseId = Field(pattern=COLLECTIVE_ID_PATTERN)
    aliases: list[Annotated[str, Field(min_length=2)]] = Field(default_factory=list)
    title: str | None = Field(None, description="Short internal title of the group.")
    country: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    parliament: Text = Field(examples=["National Assembly"])
    members: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(min_length=1)


Case = IndividualCase | CollectiveCase
