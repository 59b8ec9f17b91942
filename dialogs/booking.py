"""Booking the RET meeting: the voorzitter's 'RET-tafel inplannen' books the next free slot
at once, 'Volgend vrij moment' moves it to the next one after. The referrer and the kernteamleden
get an invitation card (an update when it moved) with a link to the calendar file.

Every invitation is stored with the booking (the outbox) and sent after it: the referrer's in
their chat, the kernteamleden's in theirs, or by e-mail with the calendar file attached for
whoever retbot cannot reach in Teams. Every invitation can be answered with 'Ik kom' / 'Ik
kan niet'; invited flexibele-schil members get the updates too, and what happens around the
meeting (dialogs/meeting_prep.py) hears of each booking and move.
"""

import logging
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import partial
from typing import Protocol

import holidays

from dialogs.cards.booking import invitation_card, moment
from dialogs.cards.meeting import attendance_actions
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.referrer_mail import invitation_mail, mail_address
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from domain.booking import (
    AlreadyBooked,
    Booking,
    BookingRepository,
    NoFreeSlot,
    book,
    move,
    plan_ret_tafel,
)
from domain.cases import Case, referrer_notice
from domain.mail import Mail, MailAttachment
from domain.meeting_prep import leaves_time_to_prepare
from domain.meetings import AMSTERDAM
from domain.notices import Localized, Notice, RosterMember, by_language
from domain.ret import Member, RetConfig
from domain.roles import Role
from scheduler.ics import invitation

log = logging.getLogger("retbot.booking")


def calendar_file(case: Case, booking: Booking, ret_name: str, at: datetime) -> bytes:
    """The booking's .ics, worded with the case number and initials only."""
    words = {"number": case.number, "initials": case.initials, "ret": ret_name}
    summary = text("ics.summary", DEFAULT_LANGUAGE, **words)
    return invitation(booking, summary, text("ics.description", DEFAULT_LANGUAGE, **words), at)


class CalendarLinks(Protocol):
    """Signed, expiring links to a booking's .ics file (made at the channel edge)."""

    def url(self, uid: str, meeting_end: datetime) -> str: ...


class AroundTheMeeting(Protocol):
    """What a booking sets going: the family contact, the flexibele schil."""

    async def booked(
        self, case: Case, booking: Booking, chair: Member | None, channel: str
    ) -> None:
        """A first booking or a move."""
        ...

    async def schil_members(self, number: str) -> list[Member]:
        """The flexibele-schil members invited for the case."""
        ...


class BookingActions:
    def __init__(
        self,
        ret: RetConfig,
        bookings: BookingRepository,
        delivery: Delivery,
        links: CalendarLinks,
        attendance_links: CalendarLinks,
    ) -> None:
        self._ret = ret
        self._bookings = bookings
        self._delivery = delivery
        self._links = links
        self._attendance_links = attendance_links  # 'Ik kom / Ik kan niet' outside Teams
        self._around: AroundTheMeeting | None = None
        self._holidays = holidays.Netherlands()

    def prepare_with(self, around: AroundTheMeeting) -> None:
        """Set once at start-up: the preparation also sends invitations through here."""
        self._around = around

    async def booking_of(self, number: str) -> Booking | None:
        return await self._bookings.booking_of(number)

    async def plan(self, number: str, chair: Member | None, channel: str) -> Case:
        """The triage decision 'RET-tafel inplannen' with its booking. Raises what
        domain.triage.decide raises; when no slot could be booked the case is at the table
        without one, and the card offers to book it."""
        try:
            case, booking, notices = await plan_ret_tafel(
                self._bookings,
                self._ret.meetings,
                number,
                chair,
                channel,
                now(),
                uuid.uuid4().hex,
                self._invitations([]),
                self._prepared_in_time(),
            )
        except (NoFreeSlot, AlreadyBooked) as not_booked:  # the card shows what there is
            log.warning("no new booking for a case at the RET-tafel: %s", type(not_booked).__name__)
            return await self._bookings.get(number)
        await self._delivery.flush(notices)
        await self._booked(case, booking, chair, channel)
        return case

    async def move_or_book(self, number: str, chair: Member | None, channel: str) -> Booking:
        """'Volgend vrij moment': the next free slot after the booked one; a first slot when the
        case has none yet. Raises NotAllowed, NotBookable, LookupError, NoFreeSlot, and
        AlreadyBooked when a racing click booked it first."""
        calendar = self._ret.meetings
        at = now()
        schil = await self._around.schil_members(number) if self._around else []
        if await self._bookings.booking_of(number) is None:
            booking, notices = await book(
                self._bookings,
                calendar,
                number,
                chair,
                channel,
                at,
                uuid.uuid4().hex,
                self._invitations(schil),
                self._prepared_in_time(),
            )
        else:
            booking, notices = await move(
                self._bookings,
                calendar,
                number,
                chair,
                channel,
                at,
                self._invitations(schil),
                self._prepared_in_time(),
            )
        await self._delivery.flush(notices)
        await self._booked(await self._bookings.get(number), booking, chair, channel)
        return booking

    async def _booked(
        self, case: Case, booking: Booking, chair: Member | None, channel: str
    ) -> None:
        if self._around is not None:
            await self._around.booked(case, booking, chair, channel)

    def _prepared_in_time(self):
        """A meeting is booked only while the family can still be contacted in time."""
        today = now().astimezone(AMSTERDAM).date()
        hours = self._ret.working_hours

        def prepared_in_time(day: date) -> bool:
            return leaves_time_to_prepare(day, today, hours, self._holidays)

        return prepared_in_time

    def _invitations(self, schil: Sequence[Member]):
        """Words the invitations a booking (or a move) sends: the referrer, the
        kernteamleden, and on a move the invited flexibele schil too."""

        def invitations(case: Case, booking: Booking) -> list[Notice]:
            key = "booking.referrer_moved" if booking.sequence else "referrer.ret_tafel"

            def intro(language: Language) -> str:
                return text(key, language, number=case.number, **moment(booking.slot, language))

            card = by_language(lambda language: self._card(case, booking, intro, language))
            notices = [referrer_notice(case, card, self._referrer_mail(case, booking))]
            words = {"number": case.number, "initials": case.initials}
            member_key = "booking.member_moved" if booking.sequence else "booking.member"
            members = self._ret.members_with_role(Role.KERNTEAMLID)
            notices += self.invitations(
                case, booking, members, lambda language: text(member_key, language, **words)
            )
            if booking.sequence and schil:  # the schil hears of a move too
                moved = partial(text, "booking.member_moved", **words)
                notices += self.invitations(case, booking, schil, moved, "email.booking_moved.body")
            return notices

        return invitations

    def _card(
        self, case: Case, booking: Booking, intro: Callable[[Language], str], language: Language
    ) -> dict:
        actions = attendance_actions(case, language)
        url = self.calendar_url(booking)
        return invitation_card(case, booking, url, intro(language), language, actions)

    def invitations(
        self,
        case: Case,
        booking: Booking,
        members: Sequence[Member],
        intro: Callable[[Language], str],
        mail_body: str | None = None,
    ) -> list[Notice]:
        """The invitation card for each member's chat, or by e-mail with the .ics for whom
        retbot cannot reach in Teams; each in the member's own language."""
        card = by_language(lambda language: self._card(case, booking, intro, language))
        return [
            Notice(
                RosterMember(member.email),
                card,
                email=by_language(
                    lambda language, member=member: self._invitation_mail(
                        case, booking, member, mail_body, language
                    )
                ),
            )
            for member in members
        ]

    def _invitation_mail(
        self,
        case: Case,
        booking: Booking,
        member: Member,
        body_key: str | None,
        language: Language,
    ) -> Mail:
        """The invitation with the calendar file attached, for a member outside Teams."""
        moved = "_moved" if booking.sequence else ""
        words = {"number": case.number, "initials": case.initials, **moment(booking.slot, language)}
        body = text(body_key or f"email.booking{moved}.body", language, name=member.name, **words)
        ics = calendar_file(case, booking, self._ret.name, now())
        return Mail(
            to=(),
            subject=text(f"email.booking{moved}.subject", language, **words),
            text=body + "\n\n" + text("email.signature", language, ret=self._ret.name),
            attachments=(MailAttachment(f"RET-overleg-{case.number}.ics", "text/calendar", ics),),
        )

    def _referrer_mail(self, case: Case, booking: Booking) -> Localized | None:
        """The invitation with the calendar file for a referrer known by e-mail address, or
        a family that applied itself."""
        if not mail_address(case):
            return None
        attend = self._attendance_links.url(case.number, booking.slot.end)
        ics = calendar_file(case, booking, self._ret.name, now())

        def mail(language: Language) -> Mail:
            words = {
                **moment(booking.slot, language),
                "moved": booking.sequence > 0,
                "attend": attend,
            }
            return invitation_mail(case, words, ics, self._ret, language)

        return by_language(mail)

    def calendar_url(self, booking: Booking) -> str:
        return self._links.url(booking.uid, booking.slot.end)
