"""Tables. The schema itself changes only through the Alembic migrations next to this file."""

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator):
    """A moment stored in UTC and read back aware, on both databases.

    PostgreSQL keeps the offset; SQLite stores text without it and gives naive values back,
    and would store an aware non-UTC moment as its wall time. Converting here means no
    caller has to know which database it talks to.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class BotStateRow(Base):
    """One item of botbuilder dialog state (ConversationState, UserState), with its eTag."""

    __tablename__ = "bot_state"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    etag: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        UtcDateTime(), server_default=func.now(), onupdate=func.now()
    )


class ConversationReferenceRow(Base):
    """Where to reach a user or a conversation proactively (Teams chat, channel, Emulator)."""

    __tablename__ = "conversation_reference"
    __table_args__ = (UniqueConstraint("channel_id", "scope", "scope_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(16))  # "user" or "conversation"
    scope_id: Mapped[str] = mapped_column(Text)
    aad_object_id: Mapped[str | None] = mapped_column(String(64), index=True)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    conversation_type: Mapped[str | None] = mapped_column(String(32))
    reference: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        UtcDateTime(), server_default=func.now(), onupdate=func.now()
    )


class ConsultationRow(Base):
    """A quick question to the RET and how it was answered (counts in the reports)."""

    __tablename__ = "consultation"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    asker_channel_id: Mapped[str] = mapped_column(String(64))
    asker_user_id: Mapped[str] = mapped_column(Text)
    asker_name: Mapped[str] = mapped_column(Text)
    asker_organisation: Mapped[str | None] = mapped_column(Text)
    asker_aad_object_id: Mapped[str | None] = mapped_column(String(64))
    topic: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(40), index=True)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    answer: Mapped[str | None] = mapped_column(Text)
    handled_by: Mapped[str | None] = mapped_column(Text)
    handled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class CaseCounterRow(Base):
    """The last case number given out per year; bumped in the transaction that adds a case."""

    __tablename__ = "case_counter"

    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int]


class CaseRow(Base):
    __tablename__ = "case_file"

    number: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    referrer_channel_id: Mapped[str] = mapped_column(String(64))
    referrer_user_id: Mapped[str] = mapped_column(Text, index=True)
    referrer_name: Mapped[str] = mapped_column(Text)
    referrer_aad_object_id: Mapped[str | None] = mapped_column(String(64))
    answers: Mapped[str] = mapped_column(Text)  # JSON of the request's fields
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    anonymised_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # parents or young people applied themselves (zelf aangemeld, /aanmelden)
    self_applied: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # the draft it was submitted from: a second submit of the same draft finds this case
    draft_id: Mapped[str | None] = mapped_column(String(64), unique=True)


class AuditRow(Base):
    """Append-only: who read or changed which case data, when, through which channel."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(64))
    case_number: Mapped[str | None] = mapped_column(String(16), index=True)
    channel: Mapped[str] = mapped_column(String(32))


class CaseEventRow(Base):
    """The case's own timeline: decisions with their reasons, questions and answers."""

    __tablename__ = "case_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str | None] = mapped_column(Text)


class AdviceRow(Base):
    """The zwaarwegend advies of a case: one per case, free text encrypted when keyed."""

    __tablename__ = "advice"

    case_number: Mapped[str] = mapped_column(String(16), primary_key=True)
    samenvatting: Mapped[str] = mapped_column(Text)
    advies: Mapped[str] = mapped_column(Text)
    issued_by: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    language: Mapped[str] = mapped_column(String(2), server_default="nl")
    gemeente: Mapped[str | None] = mapped_column(String(64))  # the paying gemeente


class AdviceAttendeeRow(Base):
    """Who took part when the advice was made, or stayed away (with the reason). Name,
    organisation and reason are encrypted: parents and the young person are on the list."""

    __tablename__ = "advice_attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(32))
    present: Mapped[bool]
    absence_reason: Mapped[str | None] = mapped_column(Text)


class AfspraakRow(Base):
    """One afspraak of an advice: which organisation does what, by when (and who)."""

    __tablename__ = "advice_afspraak"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    position: Mapped[int]
    organisation: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date] = mapped_column(Date)
    person: Mapped[str | None] = mapped_column(Text)


class MandateRow(Base):
    """An organisation's answer to its part of the advice; one per organisation and case."""

    __tablename__ = "mandate_confirmation"
    __table_args__ = (UniqueConstraint("case_number", "organisation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    organisation: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(String(16))
    answered_by: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())


class MemberEmailRow(Base):
    """What the Bot Connector answered for a Teams user's email; NULL: it gave none."""

    __tablename__ = "member_email"

    aad_object_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    email: Mapped[str | None] = mapped_column(Text)
    looked_up_at: Mapped[datetime] = mapped_column(UtcDateTime())


class OutboxRow(Base):
    """A message to a person or a conversation: stored first, then sent by the dispatcher.

    The target says who it is for (storage.outbox: someone's chat, a roster member, the
    voorzitter, an e-mail); the way to them is found when it is sent. The payload
    ({"text": …}, {"card": …} or {"email": …}, with an e-mail fallback) is encrypted like
    other free text; `last_error` holds an error class or HTTP/SMTP status only.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(16))
    scope_id: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # pending, waiting, sent, failed
    attempts: Mapped[int]  # failed attempts so far
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    notice_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    sent_via: Mapped[str | None] = mapped_column(String(8))  # teams, email
    reported_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # told it keeps failing


class FollowUpRoundRow(Base):
    """One follow-up round of a case (bestendiging): started once, by whichever instance
    came first (the unique constraint)."""

    __tablename__ = "follow_up_round"
    __table_args__ = (UniqueConstraint("case_number", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    number: Mapped[int]
    due_at: Mapped[datetime] = mapped_column(UtcDateTime())
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())


class FollowUpAskRow(Base):
    """One question of a round, and its one answer. The answer lives in the row, so that
    'answered once' is a single conditional UPDATE; the toelichting is encrypted."""

    __tablename__ = "follow_up_ask"
    __table_args__ = (Index("ix_follow_up_ask_open", "answered_at", "escalated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(index=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # afspraak, verwijzer
    organisation: Mapped[str | None] = mapped_column(Text)
    afspraak_position: Mapped[int | None]
    messages_sent: Mapped[int]
    last_sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    progress: Mapped[str | None] = mapped_column(String(32))
    toelichting: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(Text)
    answer_channel: Mapped[str | None] = mapped_column(String(32))


class EscalationRow(Base):
    """A step on the escalatieladder: suggested by retbot, or taken by the voorzitter."""

    __tablename__ = "escalation"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    ask_id: Mapped[int | None]
    step: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(32))
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class BookingRow(Base):
    """A case's slot in a RET meeting: one per case, one case per slot (the constraints
    keep racing bookings apart). `uid` and `sequence` make the calendar invitation."""

    __tablename__ = "booking"
    __table_args__ = (UniqueConstraint("meeting_date", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), unique=True)
    meeting_date: Mapped[date] = mapped_column(Date)
    slot: Mapped[int]
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime())
    location: Mapped[str] = mapped_column(Text)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    sequence: Mapped[int]
    booked_by: Mapped[str] = mapped_column(Text)
    booked_at: Mapped[datetime] = mapped_column(UtcDateTime())


class NotulenRow(Base):
    """The notulen of one RET meeting day: drafted once (the primary key keeps a second
    instance from drafting them again), then approved. Their .docx versions are in the
    document store (kind "notulen", subject the ISO date). The transcript's points are
    encrypted; who approved is a professional."""

    __tablename__ = "notulen"

    meeting_date: Mapped[date] = mapped_column(Date, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # concept, goedgekeurd
    transcript: Mapped[str | None] = mapped_column(Text)
    drafted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    approved_version: Mapped[int | None]
    approved_by: Mapped[str | None] = mapped_column(Text)
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class DocumentVersionRow(Base):
    """One generated version of a document (advies, notulen); never overwritten. The .docx
    is base64 in `content`, encrypted like other free text."""

    __tablename__ = "document_version"
    __table_args__ = (UniqueConstraint("kind", "subject", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    content: Mapped[str] = mapped_column(Text)


class CaseFactRow(Base):
    """What the reports count about a case, in plain codes (see domain.case_facts): kept in
    step with every change, and kept when the case is anonymised."""

    __tablename__ = "case_fact"
    __table_args__ = (Index("ix_case_fact_status_submitted", "status", "submitted_at"),)

    case_number: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(32))
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    aanmelder_type: Mapped[str | None] = mapped_column(String(64))
    gemeente: Mapped[str | None] = mapped_column(String(64))
    leeftijdsgroep: Mapped[str | None] = mapped_column(String(8))
    geslacht: Mapped[str | None] = mapped_column(String(64))
    woonsituatie: Mapped[str | None] = mapped_column(String(64))
    maatregel: Mapped[str | None] = mapped_column(String(64))
    onderwijs: Mapped[str | None] = mapped_column(String(64))
    school_betrokken: Mapped[str | None] = mapped_column(String(64))
    soort_vraag: Mapped[str | None] = mapped_column(String(64))
    urgentie: Mapped[str | None] = mapped_column(String(64))
    problematiek_primair: Mapped[str | None] = mapped_column(String(64))
    knelpunt: Mapped[str | None] = mapped_column(String(64))
    heraanmelding: Mapped[str | None] = mapped_column(String(64))
    expertisenetwerk: Mapped[str | None] = mapped_column(String(64))
    besluit: Mapped[str | None] = mapped_column(String(32))
    besloten_op: Mapped[datetime | None] = mapped_column(UtcDateTime())
    overleg_op: Mapped[date | None] = mapped_column(Date, index=True)
    advies_op: Mapped[datetime | None] = mapped_column(UtcDateTime())
    monitoren_op: Mapped[datetime | None] = mapped_column(UtcDateTime())
    afgesloten_op: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    afsluitreden: Mapped[str | None] = mapped_column(String(32))
    doorlooptijd_dagen: Mapped[int | None]
    escalatie_stap: Mapped[str | None] = mapped_column(String(40))
    geescaleerd_op: Mapped[datetime | None] = mapped_column(UtcDateTime())


class CaseProblemRow(Base):
    """One problem ticked for the young person or the parents (several per case)."""

    __tablename__ = "case_fact_problem"

    case_number: Mapped[str] = mapped_column(String(16), primary_key=True)
    side: Mapped[str] = mapped_column(String(16), primary_key=True)  # jeugdige, ouders, geprobeerd
    code: Mapped[str] = mapped_column(String(64), primary_key=True)


class SignalRow(Base):
    """A rode draad the voorzitter noted, on a case or in general; the note is encrypted."""

    __tablename__ = "signal"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str | None] = mapped_column(String(16), index=True)
    theme: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text)
    noted_by: Mapped[str] = mapped_column(Text)
    noted_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    form_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # one per form


class SignalAdviceRow(Base):
    """The voorzitter's advies on a rode draad (a theme); the text is encrypted."""

    __tablename__ = "signal_advice"

    id: Mapped[int] = mapped_column(primary_key=True)
    theme: Mapped[str] = mapped_column(String(32))
    advies: Mapped[str] = mapped_column(Text)
    given_by: Mapped[str] = mapped_column(Text)
    given_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    form_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # one per form


class ReportDeliveryRow(Base):
    """The quarterly report sent to the voorzitter: one row per period, so that several
    instances send it once."""

    __tablename__ = "report_delivery"

    period: Mapped[str] = mapped_column(String(32), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SchilInvitationRow(Base):
    """A flexibele-schil member the voorzitter invited to a case's meeting; `reasons` are
    the problematiek codes that matched their expertise."""

    __tablename__ = "schil_invitation"
    __table_args__ = (UniqueConstraint("case_number", "member_email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    member_email: Mapped[str] = mapped_column(String(254))
    reasons: Mapped[str] = mapped_column(String(400))
    invited_by: Mapped[str] = mapped_column(Text)
    invited_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AttendanceRow(Base):
    """An invitee's 'Ik kom' / 'Ik kan niet' (with stand-in); the last answer counts.
    `person_key` is a member's email, or "verwijzer" for the referrer."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("case_number", "person_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    person_key: Mapped[str] = mapped_column(String(254))
    person_name: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(String(16))
    stand_in: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())


class FamilyContactRow(Base):
    """The task 'contact met ouders/jeugdige vóór het overleg' of a booked case; the
    family's wishes in their own words are encrypted."""

    __tablename__ = "family_contact"

    case_number: Mapped[str] = mapped_column(String(16), primary_key=True)
    assignee_email: Mapped[str] = mapped_column(String(254))
    due_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    done_by: Mapped[str | None] = mapped_column(Text)
    participation: Mapped[str | None] = mapped_column(String(16))
    wishes: Mapped[str | None] = mapped_column(Text)


class MeetingDispatchRow(Base):
    """A readiness card (per case) or an agenda (per meeting, case_number "") that went
    out: inserted first, so two instances never both send it."""

    __tablename__ = "meeting_dispatch"
    __table_args__ = (UniqueConstraint("kind", "meeting_date", "case_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    meeting_date: Mapped[date] = mapped_column(Date)
    case_number: Mapped[str] = mapped_column(String(16))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())


class VerificationCodeRow(Base):
    """A code sent to prove an e-mail address (domain.verification): the code's salted
    hash and the address's keyed hash only. Deleted once expired (bot/jobs.py)."""

    __tablename__ = "verification_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32))
    address_key: Mapped[str] = mapped_column(String(64))
    salt: Mapped[str] = mapped_column(String(32))
    digest: Mapped[str] = mapped_column(String(64))
    tries_left: Mapped[int]
    valid_until: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class VerificationQuotaRow(Base):
    """How many codes an address (its keyed hash) got on one Dutch calendar day, counted
    across conversations and restarts. Deleted once the day is over (bot/jobs.py)."""

    __tablename__ = "verification_quota"

    address_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    sent: Mapped[int]


class EvaluationRoundRow(Base):
    """A closed case's evaluation: asked when it closed (in the same transaction), and
    reminded once."""

    __tablename__ = "evaluation_round"

    case_number: Mapped[str] = mapped_column(String(16), primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class EvaluationAnswerRow(Base):
    """One person's evaluation of a case, once (the unique constraint); the free text is
    encrypted. `respondent`: "verwijzer" or the kernteamlid's e-mail address."""

    __tablename__ = "evaluation_answer"
    __table_args__ = (UniqueConstraint("case_number", "respondent"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    respondent: Mapped[str] = mapped_column(String(320))
    kind: Mapped[str] = mapped_column(String(16))
    organisation: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())
    channel: Mapped[str] = mapped_column(String(32))
    score: Mapped[int]
    afspraken: Mapped[str] = mapped_column(String(16))
    samenwerking: Mapped[str | None] = mapped_column(Text)
    knelpunt: Mapped[str | None] = mapped_column(Text)
    oplossing: Mapped[str | None] = mapped_column(Text)
    advies: Mapped[str] = mapped_column(String(16))
    beter_af: Mapped[str] = mapped_column(String(16))


class FamilyEvaluationRow(Base):
    """The family's evaluation of a case, once (the primary key); the free text is
    encrypted."""

    __tablename__ = "family_evaluation"

    case_number: Mapped[str] = mapped_column(String(16), primary_key=True)
    answered_by: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    channel: Mapped[str] = mapped_column(String(32))
    gehoord: Mapped[int]
    wens: Mapped[str] = mapped_column(String(16))
    nu: Mapped[int]
    toelichting: Mapped[str | None] = mapped_column(Text)


class LeerpuntRow(Base):
    """A leerpunt the voorzitter recorded on a case; the texts are encrypted."""

    __tablename__ = "leerpunt"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    theme: Mapped[str] = mapped_column(String(80))
    learned: Mapped[str | None] = mapped_column(Text)
    worked: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    form_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # one per form


class OrganisationAdviceRow(Base):
    """An advies aan de moederorganisatie: a letter on a leerpunt of a case, sent to the
    organisation's contact from the RET file; the advice text is encrypted."""

    __tablename__ = "organisation_advice"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    leerpunt_id: Mapped[int]
    organisation: Mapped[str] = mapped_column(Text)
    organisation_kind: Mapped[str] = mapped_column(String(32))
    sent_to: Mapped[str] = mapped_column(Text)  # the contact's name and address, as then
    advice: Mapped[str | None] = mapped_column(Text)
    sent_by: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    document_subject: Mapped[str] = mapped_column(String(32))
    form_id: Mapped[str] = mapped_column(String(64), unique=True)  # one letter per form


class GoodPracticeRow(Base):
    """A case the voorzitter marked as a goed voorbeeld: its casusbeschrijving's newest
    draft, and which version the voorzitter reviewed (only that one may leave)."""

    __tablename__ = "good_practice"

    case_number: Mapped[str] = mapped_column(String(16), primary_key=True)
    marked_by: Mapped[str] = mapped_column(Text)
    marked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    draft_version: Mapped[int]
    reviewed_by: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reviewed_version: Mapped[int | None]
