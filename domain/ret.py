"""The description of one RET: who is in it, when it meets, what it knows.

Loaded from the RET's YAML file (see `examples/ret.example.yaml`); these models only
validate, they read no files.
"""

from datetime import date, time
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from domain.roles import Role

NonEmpty = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Weekday(StrEnum):
    MAANDAG = "maandag"
    DINSDAG = "dinsdag"
    WOENSDAG = "woensdag"
    DONDERDAG = "donderdag"
    VRIJDAG = "vrijdag"


class Member(_Strict):
    name: NonEmpty
    email: EmailStr
    aad_object_id: str | None = None
    organisation: NonEmpty
    role: Role
    stand_in: bool = Field(
        default=False, description="Plaatsvervangend voorzitter: mag triëren als de voorzitter."
    )
    expertise: tuple[NonEmpty, ...] = ()
    language: Literal["nl", "en"] | None = Field(
        default=None,
        description="Taal van retbots berichten aan dit lid, zolang het er in Teams zelf "
        "geen koos (en de Teams-taal geen nl of en is); anders die van het RET.",
    )


class MeetingCalendar(_Strict):
    """The RET meets on a fixed weekday every few weeks (at least every two weeks)."""

    weekday: Weekday
    start: time
    duration_minutes: int = Field(gt=0, le=8 * 60)
    every_weeks: int = Field(ge=1, le=2)
    first_date: date
    location: NonEmpty
    cases_per_meeting: int = Field(default=3, ge=1, le=12)
    cancelled: tuple[date, ...] = ()


class WorkingHours(_Strict):
    start: time = time(9, 0)
    end: time = time(17, 0)
    days: tuple[Weekday, ...] = tuple(Weekday)

    @model_validator(mode="after")
    def _start_before_end(self) -> "WorkingHours":
        if self.start >= self.end:
            raise ValueError("start must be before end")
        return self


class FollowUpCadence(_Strict):
    first_after_days: int = Field(ge=1)
    every_days: int = Field(ge=1)
    reminder_after_days: int = Field(ge=1)
    escalate_after_reminders: int = Field(ge=1)


class EscalationStep(StrEnum):
    PROCESREGIE = "procesregie intensiveren"
    SAMENWERKINGSTAFEL = "samenwerkingstafel"
    BESTUURLIJK = "bestuurlijke escalatie"


class EscalationContact(_Strict):
    step: EscalationStep
    name: NonEmpty
    email: EmailStr
    organisation: NonEmpty


class OrganisationKind(StrEnum):
    GEMEENTE = "gemeente"
    GI = "gecertificeerde instelling"
    AANBIEDER = "zorgaanbieder"
    ONDERWIJS = "onderwijs"
    OVERIG = "overig"


class OrganisationContact(_Strict):
    name: NonEmpty
    email: EmailStr
    function: NonEmpty | None = Field(default=None, description="Bijv. 'beleidsadviseur jeugd'.")


class Organisation(_Strict):
    """A betrokken organisatie outside the kernteam's own members (a gemeente, a GI, an
    aanbieder): it can own an afspraak in an advice, confirmed by its contact, and
    receives the RET's advice back (leren). A kernteam organisation may be listed too, for
    the contact that advice back goes to."""

    name: NonEmpty
    kind: OrganisationKind
    gemeente: NonEmpty | None = Field(
        default=None, description="Bij een gemeente: welke van de gemeenten van het RET."
    )
    contact: OrganisationContact


class KnowledgeEntry(_Strict):
    id: NonEmpty
    question: NonEmpty
    synonyms: tuple[NonEmpty, ...] = ()
    answer: NonEmpty


class ComplaintRoute(_Strict):
    name: NonEmpty
    description: NonEmpty
    contact: NonEmpty


class DocumentSettings(_Strict):
    """The Word documents: their house style (paths relative to the RET file), and whether
    an e-mail may carry one instead of a signed, audited download link."""

    template: NonEmpty | None = Field(
        default=None, description="Eigen huisstijl (.docx); standaard die van retbot."
    )
    logo: NonEmpty | None = Field(default=None, description="Logo (PNG of JPEG) bovenaan.")
    attach_to_email: bool = Field(
        default=False,
        description="Per e-mail het document als bijlage; standaard een downloadlink.",
    )


class ReachSettings(_Strict):
    """How long a message for someone who has not opened retbot in Teams waits before it
    goes by e-mail (urgent alerts to the voorzitter go at once)."""

    email_after_minutes: int = Field(default=60, ge=0, le=7 * 24 * 60)


LEERPUNT_THEMES = (
    "samenwerking",
    "passend aanbod ontbreekt",
    "wachtlijst",
    "financiering/woonplaatsbeginsel",
    "overgang 18-/18+",
    "onderwijs",
)


class EvaluationSettings(_Strict):
    """Evaluating cases: after how many days without an answer retbot reminds (once), how
    many weeks after the advice a case still open is evaluated (0: only when it closes),
    and the themes of the voorzitter's leerpunten."""

    reminder_after_days: int = Field(default=10, ge=1, le=90)
    after_advice_weeks: int = Field(default=12, ge=0, le=104)
    themes: tuple[Annotated[str, Field(min_length=1, max_length=80)], ...] = Field(
        default=LEERPUNT_THEMES, min_length=1
    )


class RetContact(_Strict):
    """How people reach the RET itself, e.g. when an urgent request cannot wait."""

    phone: NonEmpty | None = None
    email: EmailStr | None = None


class RetConfig(_Strict):
    name: NonEmpty
    region: NonEmpty
    gemeenten: tuple[NonEmpty, ...] = Field(min_length=1)
    members: tuple[Member, ...] = Field(min_length=1)
    meetings: MeetingCalendar
    working_hours: WorkingHours = WorkingHours()
    follow_up: FollowUpCadence
    escalation_contacts: tuple[EscalationContact, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    knowledge_base: tuple[KnowledgeEntry, ...] = ()
    complaint_routes: tuple[ComplaintRoute, ...] = Field(min_length=1)
    retention_months: int = Field(default=24, ge=1)
    documents: DocumentSettings = DocumentSettings()
    reach: ReachSettings = ReachSettings()
    contact: RetContact = RetContact()
    evaluation: EvaluationSettings = EvaluationSettings()

    @model_validator(mode="after")
    def _roster_is_workable(self) -> "RetConfig":
        if not any(m.role is Role.VOORZITTER for m in self.members):
            raise ValueError("the RET needs at least one member with role 'voorzitter'")
        emails = [m.email.lower() for m in self.members]
        doubles = sorted({e for e in emails if emails.count(e) > 1})
        if doubles:
            raise ValueError(f"email used by more than one member: {', '.join(doubles)}")
        for member in self.members:
            if member.stand_in and member.role is not Role.VOORZITTER:
                raise ValueError(f"{member.name}: stand_in is only for role 'voorzitter'")
        self._organisations_are_workable()
        ids = [k.id for k in self.knowledge_base]
        if len(ids) != len(set(ids)):
            raise ValueError("knowledge_base ids must be unique")
        return self

    def _organisations_are_workable(self) -> None:
        names = [o.name.casefold() for o in self.organisations]
        doubles = sorted({n for n in names if names.count(n) > 1})
        if doubles:
            raise ValueError(f"organisation listed more than once: {', '.join(doubles)}")
        for organisation in self.organisations:
            is_gemeente = organisation.kind is OrganisationKind.GEMEENTE
            if is_gemeente and organisation.gemeente not in self.gemeenten:
                raise ValueError(
                    f"{organisation.name}: a gemeente names one of the RET's gemeenten "
                    "under 'gemeente'"
                )
            if not is_gemeente and organisation.gemeente is not None:
                raise ValueError(f"{organisation.name}: 'gemeente' is only for a gemeente")

    def members_with_role(self, role: Role) -> list[Member]:
        return [m for m in self.members if m.role is role]

    def organisation(self, name: str) -> Organisation | None:
        """The listed organisation of that name (case does not matter)."""
        wanted = name.casefold()
        return next((o for o in self.organisations if o.name.casefold() == wanted), None)

    def gemeente_organisation(self, gemeente: str) -> Organisation | None:
        """The listed organisation of a gemeente, to give an afspraak to or confirm it."""
        return next((o for o in self.organisations if o.gemeente == gemeente), None)
