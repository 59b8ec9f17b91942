"""Around a booked RET meeting.

After each booking (and move) the member who contacts the family gets the task card (the
procesondersteuner unless the voorzitter chooses another), and the voorzitter gets, in their
own chat, the preparation card: who contacts the family, and the flexibele-schil members
whose expertise matches the case's problematiek. Invitees answer 'Ik kom' / 'Ik kan niet'.
The periodic run reminds of overdue family contacts, sends the voorzitter a readiness card
per case two working days before, and the kernteamleden the agenda the day before.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import partial

import holidays

from dialogs.booking import BookingActions
from dialogs.cards import BadCardData
from dialogs.cards.meeting import (
    ATTEND_KEY,
    CONTACT_INPUT,
    FAMILY_KEY,
    PARTICIPATION_INPUT,
    PREP_KEY,
    SCHIL_INPUT,
    WISHES_INPUT,
    agenda_card,
    ask_of,
    attendance_card,
    attendance_label,
    day_of,
    family_task_card,
    prep_card,
    readiness_card,
    stand_in_input,
)
from dialogs.cards.recorded import recorded_card
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.moments import when
from dialogs.routes import Routes
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from dialogs.turn import Turn
from domain.booking import Booking
from domain.cases import TEAM_VIEW_ROLES, Case, CaseStatus
from domain.flexibele_schil import suggest_schil
from domain.mail import Mail
from domain.meeting_prep import (
    REFERRER_KEY,
    Answer,
    Attendance,
    FamilyContact,
    MeetingPrepRepository,
    NoOutcome,
    Readiness,
    age_group,
    agenda_due,
    check_outcome,
    contact_candidates,
    default_contact,
    family_due_date,
    overdue,
    readiness_due,
)
from domain.meetings import AMSTERDAM
from domain.notices import Chair, ChairPlace, Notice, RosterMember, by_language
from domain.people import find_member, is_chair
from domain.ret import Member, RetConfig
from domain.roles import Role

log = logging.getLogger("retbot.meeting")
READINESS, AGENDA = "gereedheid", "agenda"


@dataclass(frozen=True)
class PrepRun:
    reminded: int = 0
    readiness: int = 0
    agendas: int = 0


class MeetingPrepActions:
    def __init__(
        self,
        ret: RetConfig,
        repository: MeetingPrepRepository,
        delivery: Delivery,
        booking: BookingActions,
    ) -> None:
        self._ret = ret
        self._repository = repository
        self._delivery = delivery
        self._booking = booking
        self._holidays = holidays.Netherlands()

    # After booking -------------------------------------------------------------------

    async def booked(
        self, case: Case, booking: Booking, chair: Member | None, channel: str
    ) -> None:
        """The family contact task for the member who calls the family (new, or a new due
        date after a move), and on a first booking the voorzitter's preparation card."""
        due = family_due_date(booking, self._ret.working_hours, self._holidays)
        contact = default_contact(self._ret)
        if contact is None:
            return
        actor = chair.name if chair else "retbot"
        before = await self._repository.family_contact(case.number)
        if before is None:
            task = FamilyContact(case.number, contact.email, due)
        else:
            task = replace(before, due_date=due if before.open else before.due_date)
        notices = []
        if task.open and (before is None or before.due_date != task.due_date):
            notices += self._task_notices(case, booking, task)
        if booking.sequence == 0:
            prep = by_language(partial(self._prep_card, case, booking, task))
            notices.append(Notice(Chair(ChairPlace.PRIVATE), prep))
        await self._repository.start_family_contact(task, actor, channel, now(), notices)
        await self._delivery.flush(notices)

    async def schil_members(self, number: str) -> list[Member]:
        emails = await self._repository.schil_of(number)
        return [m for e in emails if (m := find_member(self._ret, None, e)) is not None]

    def _prep_card(
        self, case: Case, booking: Booking, task: FamilyContact, language: Language
    ) -> dict:
        contact = find_member(self._ret, None, task.assignee_email)
        return prep_card(
            case,
            booking,
            contact_candidates(self._ret),
            contact,
            task.due_date,
            suggest_schil(self._ret, case.answers),
            language,
        )

    def _task_notices(self, case: Case, booking: Booking, task: FamilyContact) -> list[Notice]:
        member = find_member(self._ret, None, task.assignee_email)
        if member is None:
            log.info("the member who contacts the family is not on the roster")
            return []
        # Who does not see the full request gets the way to reach the family on the card.
        sees_details = member.role in TEAM_VIEW_ROLES
        reach = (
            None
            if sees_details or not case.details_open_to_team
            else case.answers.get("contact_gezin")
        )
        card = by_language(
            lambda language: family_task_card(case, booking, task.due_date, language, reach)
        )
        return [Notice(RosterMember(member.email), card)]

    # The voorzitter's preparation card ---------------------------------------------

    def routes(self) -> Routes:
        return Routes(
            submits={
                PREP_KEY: self.on_prep,
                FAMILY_KEY: self.on_family_outcome,
                ATTEND_KEY: self.on_attendance,
            }
        )

    async def on_prep(self, turn: Turn) -> None:
        await turn.send(await self._prepare(turn, turn.value))

    async def _prepare(self, turn: Turn, value: dict) -> str:
        number, language = value.get("meeting_prep"), turn.language
        if not isinstance(number, str):
            raise BadCardData("preparation without a case number")
        chair = await turn.member()
        if not is_chair(chair):
            return text("prep.not_allowed", language)
        case = await self._repository.get(number)
        booking = await self._repository.booking_of(number)
        task = await self._repository.family_contact(number)
        if case is None or booking is None or task is None:
            return text("prep.no_booking", language, number=number)
        wanted = value.get(CONTACT_INPUT) or task.assignee_email
        contact = find_member(self._ret, None, wanted) if isinstance(wanted, str) else None
        if contact is None or contact not in contact_candidates(self._ret):
            return text("prep.unknown_member", language)
        suggestions = {s.member.email: s for s in suggest_schil(self._ret, case.answers)}
        ticked = value.get(SCHIL_INPUT) if isinstance(value.get(SCHIL_INPUT), str) else ""
        chosen = [suggestions[e] for e in ticked.split(",") if e in suggestions]
        channel, at = turn.channel_id, now()
        reply = text("prep.saved", language, number=number, contact=contact.name)
        if contact.email != task.assignee_email:
            handed = replace(task, assignee_email=contact.email)
            notices = self._task_notices(case, booking, handed)
            if await self._repository.assign_family_contact(
                number, contact.email, chair.name, channel, at, notices
            ):
                await self._delivery.flush(notices)
            else:
                reply += text("prep.contact_done", language)
        # The invitation names no problematiek: it is a message outside the voorzitter's chat.
        intro = partial(text, "schil.intro", number=number, initials=case.initials)

        def invitations(new: list[str]) -> list[Notice]:
            schil = [suggestions[e].member for e in new]
            return self._booking.invitations(case, booking, schil, intro, "email.schil.body")

        _, notices = await self._repository.invite_schil(
            number,
            [(s.member.email, ",".join(r.code for r in s.reasons)) for s in chosen],
            chair.name,
            channel,
            at,
            invitations,
        )
        await self._delivery.flush(notices)
        if chosen:
            names = ", ".join(s.member.name for s in chosen)
            reply += text("prep.saved_schil", language, names=names)
        return reply

    # The family contact --------------------------------------------------------------

    async def on_family_outcome(self, turn: Turn) -> None:
        await turn.send(await self._record_outcome(turn, turn.value))

    async def _record_outcome(self, turn: Turn, value: dict) -> str:
        number, language = value.get("family_contact"), turn.language
        if not isinstance(number, str):
            raise BadCardData("family contact without a case number")
        member = await turn.member()
        task = await self._repository.family_contact(number)
        if task is None or member is None:
            return text("family.not_yours", language)
        if member.email != task.assignee_email and not is_chair(member):
            return text("family.not_yours", language)
        try:
            participation, wishes = check_outcome(
                value.get(PARTICIPATION_INPUT), value.get(WISHES_INPUT)
            )
        except NoOutcome:
            return text("family.missing", turn.language)
        at = now()
        if not await self._repository.record_family_outcome(
            number, participation, wishes, member.name, turn.channel_id, at
        ):
            done = await self._repository.family_contact(number)
            moment = when(done.done_at, turn.language) if done and done.done_at else "-"
            by = (done.done_by if done else None) or "-"
            return text("family.already", turn.language, number=number, when=moment, by=by)
        case = await self._repository.get(number)
        initials = case.initials if case else "-"
        title = text("family.title", turn.language, number=number, initials=initials)
        label = text(f"family.participation.{participation.value}", turn.language)
        pairs = [(text("family.participation", turn.language), label)]
        await turn.replace_card(recorded_card(title, pairs, member.name, at, turn.language))
        return text("family.saved", turn.language, number=number)

    # Who comes -----------------------------------------------------------------------

    async def on_attendance(self, turn: Turn) -> None:
        await turn.send(await self._attend(turn, turn.value))

    async def _attend(self, turn: Turn, value: dict) -> str:
        number, answer = value.get("attendance"), value.get("answer")
        language = turn.language
        if not isinstance(number, str) or answer not in {a.value for a in Answer}:
            raise BadCardData("attendance without a case number or answer")
        case = await self._repository.get(number)
        booking = await self._repository.booking_of(number) if case else None
        if case is None or booking is None or case.status is not CaseStatus.RET_TAFEL:
            return text("prep.no_booking", language, number=number)
        key, name = await self._invitee(turn, case)
        if key is None:
            return text("attend.not_invited", turn.language)
        stand_in = _stand_in(Answer(answer), value.get(stand_in_input(number)))
        earlier = next(
            (a for a in await self._repository.attendance_of(number) if a.person_key == key), None
        )
        if earlier and (earlier.answer, earlier.stand_in) == (Answer(answer), stand_in):
            # The same answer again (a second click, another device): nothing changes.
            words = {"answer": attendance_label(earlier, turn.language), "by": earlier.person_name}
            at = when(earlier.answered_at, turn.language)
            return text("attend.already", turn.language, number=number, when=at, **words)
        recorded = Attendance(number, key, name, Answer(answer), stand_in, now())
        said = await self._record(recorded, turn.channel_id, turn.language)
        url = self._booking.calendar_url(booking)
        await turn.replace_card(attendance_card(case, booking, recorded, url, turn.language))
        return said

    async def referrer_attends(
        self, number: str, answer: Answer, stand_in: str | None, channel: str
    ) -> str | None:
        """'Ik kom / Ik kan niet' of the case's referrer, given outside Teams (the page of
        a signed link); None when the case has no RET-tafel booked (any more)."""
        case = await self._repository.get(number)
        booking = await self._repository.booking_of(number) if case else None
        if case is None or booking is None or case.status is not CaseStatus.RET_TAFEL:
            return None
        name = case.referrer.name
        answered = Attendance(
            number, REFERRER_KEY, name, answer, _stand_in(answer, stand_in), now()
        )
        return await self._record(answered, channel)

    async def _record(
        self, attendance: Attendance, channel: str, language: Language = DEFAULT_LANGUAGE
    ) -> str:
        """Records the answer; the thanks in `language` (the web page's is Dutch)."""
        await self._repository.answer_attendance(attendance, channel)
        number, stand_in = attendance.case_number, attendance.stand_in
        if attendance.answer is Answer.KOMT:
            return text("attend.thanks_yes", language, number=number)
        if stand_in:
            return text("attend.thanks_stand_in", language, number=number, stand_in=stand_in)
        return text("attend.thanks_no", language, number=number)

    async def _invitee(self, turn: Turn, case: Case) -> tuple[str | None, str]:
        """Who answers: the case's referrer, a kernteamlid, or an invited schil member."""
        if (turn.channel_id, turn.speaker.id) == (
            case.referrer.channel_id,
            case.referrer.user_id,
        ):
            return REFERRER_KEY, case.referrer.name
        member = await turn.member()
        if member is None:
            return None, ""
        invited = member.role is Role.KERNTEAMLID or (
            member.role is Role.FLEXIBELE_SCHIL
            and member.email in await self._repository.schil_of(case.number)
        )
        return (member.email, member.name) if invited else (None, "")

    # Open tasks in 'Mijn casussen' ---------------------------------------------------

    async def open_task_lines(self, language: Language) -> dict[str, str]:
        """Per case number, a line about its open family contact (for the voorzitter)."""
        today = now().astimezone(AMSTERDAM).date()
        lines = {}
        for task in await self._repository.open_family_contacts():
            member = find_member(self._ret, None, task.assignee_email)
            key = "family.overdue_line" if overdue(task, today) else "family.open_line"
            lines[task.case_number] = text(
                key,
                language,
                name=member.name if member else task.assignee_email,
                due=day_of(task.due_date, language),
            )
        return lines

    # The periodic run ----------------------------------------------------------------

    async def run(self, at: datetime | None = None) -> PrepRun:
        at = at or datetime.now(UTC)
        local = at.astimezone(AMSTERDAM)
        if local.time() < self._ret.working_hours.start:  # nobody gets a card at night
            return PrepRun()
        today = local.date()
        return PrepRun(
            await self._remind_overdue(today, at),
            await self._send_readiness(today, at),
            await self._send_agendas(today, at),
        )

    async def _remind_overdue(self, today: date, at: datetime) -> int:
        sent = 0
        for task in await self._repository.open_family_contacts():
            if not overdue(task, today):
                continue
            case = await self._repository.get(task.case_number)
            if case is None:
                continue
            notices = self._reminder_notices(case, task)
            if not await self._repository.claim_family_reminder(task.case_number, at, notices):
                continue
            await self._delivery.flush(notices)
            sent += 1
        return sent

    def _reminder_notices(self, case: Case, task: FamilyContact) -> list[Notice]:
        """The voorzitter hears that the family contact is overdue, and the member who
        has it is reminded, each in their own language."""
        member = find_member(self._ret, None, task.assignee_email)
        name = member.name if member else task.assignee_email

        def said(key: str, language: Language) -> str:
            due = day_of(task.due_date, language)
            words = {"number": case.number, "initials": case.initials, "due": due}
            return text(key, language, name=name, **words)

        notices = [
            Notice(Chair(ChairPlace.PRIVATE), by_language(partial(said, "family.reminder_chair")))
        ]
        if member is not None:
            reminder = by_language(partial(said, "family.reminder"))
            notices.append(Notice(RosterMember(member.email), reminder))
        return notices

    async def _upcoming(self, today: date) -> list[tuple[Case, Booking]]:
        found = []
        for booking in await self._repository.bookings_from(today):
            case = await self._repository.get(booking.case_number)
            if case is not None and case.status is CaseStatus.RET_TAFEL:
                found.append((case, booking))
        return found

    async def _send_readiness(self, today: date, at: datetime) -> int:
        sent = 0
        for case, booking in await self._upcoming(today):
            due = family_due_date(booking, self._ret.working_hours, self._holidays)
            if not readiness_due(booking, today, due):
                continue
            meeting_day = booking.slot.meeting_date
            card = by_language(await self._readiness_card(case, booking))
            notices = [Notice(Chair(ChairPlace.PRIVATE), card)]
            if not await self._repository.claim_dispatch(
                READINESS, meeting_day, case.number, at, notices
            ):
                continue
            await self._delivery.flush(notices)
            sent += 1
        return sent

    async def _readiness_card(self, case: Case, booking: Booking) -> Callable[[Language], dict]:
        """The card in a language (what it shows is read once)."""
        answers = {a.person_key: a for a in await self._repository.attendance_of(case.number)}
        schil = await self.schil_members(case.number)
        invited = [*self._ret.members_with_role(Role.KERNTEAMLID), *schil]
        family = await self._repository.family_contact(case.number)
        contact = find_member(self._ret, None, family.assignee_email) if family else None
        ready = Readiness(
            case,
            booking,
            answers.get(REFERRER_KEY),
            family,
            [(m, answers.get(m.email)) for m in invited],
            frozenset(m.email for m in schil),
        )
        return partial(readiness_card, ready, contact.name if contact else "-")

    async def _send_agendas(self, today: date, at: datetime) -> int:
        meetings: dict[date, list[tuple[Case, Booking]]] = {}
        for case, booking in await self._upcoming(today):
            meetings.setdefault(booking.slot.meeting_date, []).append((case, booking))
        sent = 0
        for day, items in meetings.items():
            if not agenda_due(day, today) or items[0][1].slot.start <= at:
                continue
            listed = [(c, b, age_group(c, day)) for c, b in items]
            card = by_language(partial(agenda_card, listed))
            notices = [
                Notice(
                    RosterMember(m.email),
                    card,
                    email=by_language(partial(self._agenda_mail, m, items, day)),
                )
                for m in self._ret.members_with_role(Role.KERNTEAMLID)
            ]
            if not await self._repository.claim_dispatch(AGENDA, day, "", at, notices):
                continue
            await self._delivery.flush(notices)
            sent += 1
        return sent

    def _agenda_mail(
        self, member: Member, items: list[tuple[Case, Booking]], day: date, language: Language
    ) -> Mail:
        """The agenda as plain text, for a kernteamlid outside Teams."""
        lines = [text("agenda.mail_greeting", language, name=member.name), ""]
        for case, booking in items:
            lines.append(
                text(
                    "agenda.mail_line",
                    language,
                    start=f"{booking.slot.start:%H:%M}",
                    number=case.number,
                    initials=case.initials or "-",
                    group=age_group(case, day) or "-",
                    ask=ask_of(case, language),
                )
            )
        subject = text("agenda.subject", language, day=day_of(day, language))
        signature = text("email.signature", language, ret=self._ret.name)
        return Mail(to=(), subject=subject, text="\n".join(lines) + "\n\n" + signature)


def _stand_in(answer: Answer, stand_in: object) -> str | None:
    """Who comes instead, as typed (trimmed, at most 200 characters); none for 'Ik kom'."""
    if answer is Answer.KOMT or not isinstance(stand_in, str) or not stand_in.strip():
        return None
    return stand_in.strip()[:200]
