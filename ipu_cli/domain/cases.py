"""The kinds of case file: one parliamentarian, a group of them, and a file's translation.

Pydantic models with `extra="forbid"` so that a misspelt field is an error,
not silently dropped data. These models check what one file can check on its
own (shapes, patterns, dates in order within the file); checks that need the
vocabularies or other files live in `ipu_cli.checks`.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ipu_cli.domain import complaints
from ipu_cli.domain.choices import AFFILIATIONS, FINDING_MANDATES, MANDATES, SEXES, STATES
from ipu_cli.domain.communications import DIRECTIONS, PARTIES
from ipu_cli.domain.complaints import STATUSES as COMPLAINT_STATUSES
from ipu_cli.domain.dates import PartialDate
from ipu_cli.domain.ids import ANY_ID_PATTERN, COLLECTIVE_ID_PATTERN, ID_PATTERN
from ipu_cli.domain.missions import KINDS as MISSION_KINDS
from ipu_cli.domain.missions import STATUSES as MISSION_STATUSES

SESSION_REF_PATTERN = r"^(committee|governing-council|assembly)-[0-9]{1,4}$"
CODE_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Sex = Literal[SEXES]  # type: ignore[valid-type]
Mandate = Literal[MANDATES]  # type: ignore[valid-type]
Affiliation = Literal[AFFILIATIONS]  # type: ignore[valid-type]
Confidentiality = Literal["public", "confidential"]
Party = Literal[PARTIES]  # type: ignore[valid-type]
Direction = Literal[DIRECTIONS]  # type: ignore[valid-type]
Scope = Literal["current", "past"]
Body = Literal["committee", "governing-council", "assembly"]
ComplaintStatus = Literal[COMPLAINT_STATUSES]  # type: ignore[valid-type]
MissionKind = Literal[MISSION_KINDS]  # type: ignore[valid-type]
MissionStatus = Literal[MISSION_STATUSES]  # type: ignore[valid-type]

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
    mandate_link: str | None = Field(
        None,
        description="For an MP's event dated outside their terms of office: how it relates to a "
        "mandate (e.g. 'prosecuted for a speech made in parliament in 2016').",
    )


class Status(Model):
    """Whether the Committee is still examining the case."""

    state: Literal[STATES] = "active"  # type: ignore[valid-type]
    date: PartialDate | None = Field(None, description="Date of closure.")
    reason: str | None = Field(None, description="Why the case was closed.")
    session: SessionRef | None = Field(None, description="The session that decided to close it.")

    @model_validator(mode="after")
    def _closed_has_date_and_reason(self) -> Status:
        if self.state == "closed" and (self.date is None or not self.reason):
            raise ValueError("a closed case needs a date and a reason")
        if self.state == "active" and (self.date is not None or self.reason or self.session):
            raise ValueError("an active case has no closure date, reason or session")
        return self


class Findings(Model):
    """What the Committee found admissibility on (section IV of the Committee Procedure).

    The complainant's qualifying section(s) are the complaint's `sections`.
    """

    mandate: Literal[FINDING_MANDATES] = Field(  # type: ignore[valid-type]
        description="The MP(s) when the alleged violations occurred or began: sitting members "
        "of parliament, or members-elect."
    )
    began: PartialDate | None = Field(None, description="When the alleged violations occurred or began.")
    allegations: list[Code] = Field(
        default_factory=list,
        description="The alleged violations found within the Committee's mandate (codes from "
        "data/violations.yaml); empty: the case's alleged violations.",
    )


class ComplaintStep(Model):
    """One step of a complaint's examination: received, pending information, decided."""

    date: PartialDate
    status: ComplaintStatus
    session: SessionRef | None = Field(None, description="The session that decided on admissibility.")
    note: str | None = Field(
        None,
        description="What was asked of the complainant, why the complaint is inadmissible or was "
        "withdrawn: internal, never printed or sent out.",
    )
    findings: Findings | None = Field(None, description="What admissibility rests on (admissible only).")

    @model_validator(mode="after")
    def _findings_and_reasons(self) -> ComplaintStep:
        if self.status == "admissible" and self.findings is None:
            raise ValueError("an admissible step records its findings (mandate, allegations)")
        if self.status != "admissible" and self.findings is not None:
            raise ValueError(f"findings belong to the admissible step, not to a '{self.status}' step")
        if self.status == "inadmissible" and not self.note:
            raise ValueError("an inadmissible step says why in its note")
        return self


class Complaint(Model):
    """Who brought the case, when, and how it was examined."""

    sections: list[Annotated[str, Field(pattern=r"^I\.1\([a-f]\)$")]] = Field(
        min_length=1,
        description="Complainant categories under section I.1 of the Committee Procedure.",
        examples=[["I.1(c)"]],
    )
    submitted: PartialDate
    also_submitted: list[PartialDate] = Field(
        default_factory=list,
        description="Months of later complaints joined to this case (new members, new allegations), "
        "oldest first; the case box prints every submission: 'Submission of complaints: September "
        "2018 and October 2019'. Their complainants' categories go in `sections`.",
        examples=[["2019-10"]],
    )
    complainant: str | None = Field(
        None, description="Name of the complainant: internal, never printed or sent out."
    )
    steps: list[ComplaintStep] = Field(
        default_factory=list,
        description="The examination, oldest first; the last step is the current status. "
        "No steps: a case already under examination (admissible).",
    )

    @model_validator(mode="after")
    def _later_complaints(self) -> Complaint:
        dates = [self.submitted, *self.also_submitted]
        for earlier, later in pairwise(dates):
            if later.latest() < earlier.earliest():
                raise ValueError(f"complaints must be listed oldest first: {later} comes after {earlier}")
        return self

    @property
    def status(self) -> str:
        """The current status: the last step's (admissible when no step is recorded)."""
        return complaints.current(self.steps)


class Mission(Model):
    """A mission, trial observation or visit: one record per step (requested, agreed, carried out).

    A record with only a date and a description (the older form) is a mission carried out.
    """

    date: PartialDate = Field(
        description="Carried out: its first day. Requested or agreed: when it was requested or agreed."
    )
    kind: MissionKind = "mission"
    status: MissionStatus = "carried-out"
    end: PartialDate | None = Field(None, description="Last day of a mission carried out.")
    delegation: list[Text] = Field(default_factory=list, description="Members of the delegation.")
    description: str | None = None
    report: str | None = Field(
        None, pattern=r"^\S+$", description="Document symbol of the report.", examples=["CL/202/11(b)-R.2"]
    )
    session: SessionRef | None = Field(None, description="The session whose decision asked for it.")

    @model_validator(mode="after")
    def _dates_and_report(self) -> Mission:
        if self.end is not None:
            if self.status != "carried-out":
                raise ValueError("only a mission carried out has an end date")
            if self.end.latest() < self.date.earliest():
                raise ValueError(f"the mission ends ({self.end}) before it starts ({self.date})")
        if self.report is not None and self.status != "carried-out":
            raise ValueError("only a mission carried out has a report")
        return self


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


JointWith = Annotated[
    list[Annotated[str, Field(pattern=ANY_ID_PATTERN)]],
    Field(
        description="Other cases of the same country this decision covers with this one: one "
        "decision, one case list, the box of each case. The paragraphs live in one of the cases' "
        "decision (or draft block); the others record the decision with no paragraphs.",
        examples=[["VEN-COLL-02"]],
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
    victims: str | None = Field(
        None,
        description="The 'Victims:' line as published with this decision, when it is not the one "
        "computed from the members of its day.",
    )
    joint_with: JointWith = Field(default_factory=list)


class DraftParagraph(Paragraph):
    """A paragraph of a draft: as a decision's, plus `kept` (docs/decision-drafts.md)."""

    kept: bool = Field(
        False,
        description="Carried over from an earlier decision on purpose: the draft no longer marks it "
        "(carried over). `ipu adopt` leaves this line out of the adopted decision.",
    )


class Draft(Model):
    """Work in progress towards the next decision."""

    session: SessionRef | None = None
    paragraphs: list[DraftParagraph] = Field(min_length=1)
    summary: str | None = None
    checklist: ChecklistOrder | None = None
    joint_with: JointWith = Field(default_factory=list)


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


class Sitting(Model):
    """A period a substitute actually sat in parliament."""

    start: PartialDate
    end: PartialDate | None = Field(None, description="Last day; empty while sitting.")


class Term(Model):
    """One term of office: elected, sworn in, ended (a substitute: when they actually sat)."""

    role: Literal["member", "substitute"] = "member"
    elected: PartialDate | None = None
    sworn_in: PartialDate | None = None
    ended: PartialDate | None = None
    sat: list[Sitting] = Field(
        default_factory=list, description="A substitute: the periods they actually sat."
    )

    @model_validator(mode="after")
    def _in_order(self) -> Term:
        dates = [
            (n, d)
            for n, d in (("elected", self.elected), ("sworn_in", self.sworn_in), ("ended", self.ended))
            if d
        ]
        for (first, a), (second, b) in pairwise(dates):
            if b.latest() < a.earliest():
                raise ValueError(f"{second} ({b}) comes before {first} ({a})")
        for period in self.sat:
            if period.end is not None and period.end.latest() < period.start.earliest():
                raise ValueError(f"a sitting ends ({period.end}) before it starts ({period.start})")
        if self.sat and self.role != "substitute":
            raise ValueError("only a substitute records when they sat ('sat')")
        return self


class PublishedName(Model):
    """A spelling of the MP's name that earlier decisions printed."""

    name: Text
    until: SessionRef = Field(
        description="The last session whose decisions printed the name so; later decisions print "
        "`name` (or the next spelling)."
    )


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
    published_names: list[PublishedName] = Field(
        default_factory=list,
        description="Spellings of the name as earlier decisions printed them, oldest first: a "
        "decision rendered again (`--adopted`) prints the name of its day.",
    )
    sex: Sex
    country: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    parliament: Text = Field(examples=["National Assembly"])
    mandate: Mandate = Field(description="`unknown` when not known: the Victims line then leaves it out.")
    terms: list[Term] = Field(
        default_factory=list, description="Terms of office, oldest first: elected, sworn in, ended."
    )
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


class Membership(Model):
    """When a member joined the group or left it: the group's decisions list the member from
    the session `joined` (inclusive) to the session `left` (exclusive).

    A member with no entry is listed from the group's first decision on; a member whose own
    case is closed leaves from the first session after the closure (their own file's `status`).
    """

    member: Annotated[str, Field(pattern=ID_PATTERN)]
    joined: SessionRef | None = Field(
        None, description="The first session whose decision lists the member (added to the group)."
    )
    left: SessionRef | None = Field(
        None,
        description="The first session whose decision no longer lists the member (moved to an "
        "individual case or another group, or no longer concerned).",
    )
    reason: str | None = Field(None, description="Why the member left.")
    moved_to: Annotated[str, Field(pattern=ANY_ID_PATTERN)] | None = Field(
        None,
        description="The case that examines the member since: their own id (an individual case) or "
        "another group's.",
    )

    @model_validator(mode="after")
    def _left_says_why(self) -> Membership:
        if self.joined is None and self.left is None:
            raise ValueError("a membership entry records when the member joined, left, or both")
        if self.left is not None and not self.reason:
            raise ValueError("a member who left needs a reason")
        if self.left is None and (self.reason or self.moved_to):
            raise ValueError("'reason' and 'moved_to' belong to a member who left ('left')")
        if self.joined is not None and self.joined == self.left:
            raise ValueError(f"the member joins and leaves at the same session ({self.left})")
        return self


class CollectiveCase(CaseFields):
    """A group of parliamentarians of one country: `cases/KHM/KHM-COLL-03.yaml`."""

    id: CaseId = Field(pattern=COLLECTIVE_ID_PATTERN)
    aliases: list[Annotated[str, Field(min_length=2)]] = Field(default_factory=list)
    title: str | None = Field(None, description="Short internal title of the group.")
    country: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    parliament: Text = Field(examples=["National Assembly"])
    members: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(
        min_length=1,
        description="Every MP the group's decisions list or listed: a member who left stays here, "
        "with a `membership` entry.",
    )
    membership: list[Membership] = Field(
        default_factory=list,
        description="When members joined or left (members without an entry belong from the start).",
    )


Case = IndividualCase | CollectiveCase


class TranslatedText(Model):
    """One text of the case file and its French."""

    en: Text = Field(
        description="The English text as the case file holds it (line breaks and spaces may differ)."
    )
    fr: str | None = Field(
        None, description="Its French; empty while not yet translated (the document then prints the English)."
    )
    prose: str | None = Field(
        None,
        description="Its French in running text, with its article, where that differs: a parliament's "
        "name (`fr: Assemblée nationale`, `prose: l'Assemblée nationale`), so that letters write "
        "'membre de l'Assemblée nationale' and addresses 'Assemblée nationale'.",
    )


class Translation(Model):
    """The French of a case file's texts: `cases/KHM/KHM-COLL-03.fr.yaml` beside `KHM-COLL-03.yaml`.

    Texts are matched by their English, wherever they stand in the case file
    (docs/translations.md).
    """

    status: Literal["official", "unofficial"] = Field(
        description="`official`: the IPU's published French; `unofficial`: ours (documents say so)."
    )
    note: str | None = Field(None, description="Who translated, from what: for the record.")
    texts: list[TranslatedText] = Field(default_factory=list)
