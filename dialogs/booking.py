"""Booking the RET meeting: the voorzitter's 'RET-tafel inplannen' books the next free slot
at once, 'Volgend vrij moment' moves it to the next one after. The referrer and the kernteamleden
get an invitation card (an update when it moved) with a link to the calendar file.

The referrer's card is stored with the booking (the outbox); the kernteamleden's cards are
sent after it, to whoever of them can be reached in Teams (Delivery.to_roster_member). The
others get an email with the calendar file attached, when retbot can send email. Every
invitation can be answered with 'Ik kom' / 'Ik kan niet'; invited flexibele-schil members get
the updates too, and what happens around the meeting (dialogs/meeting_prep.py) hears of
each booking and move.
"""

import logging
import uuid
from datetime import datetime
from typing import Protocol

from dialogs.cards.booking import invitation_card, moment
from dialogs.cards.meeting import attendance_actions
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.booking import (
    AlreadyBooked,
    Booking,
    BookingRepository,
    NoFreeSlot,
    book,
    move,
    plan_ret_tafel,
)
from domain.cases import Case
from domain.mail import Mail, MailAttachment
from domain.notices import Notice
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
    ) -> None:
        self._ret = ret
        self._bookings = bookings
        self._delivery = delivery
        self._links = links
        self._around: AroundTheMeeting | None = None

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
            case, booking = await plan_ret_tafel(
                self._bookings,
                self._ret.meetings,
                number,
                chair,
                channel,
                now(),
                uuid.uuid4().hex,
                self._referrer_invitation,
            )
        except (NoFreeSlot, AlreadyBooked) as not_booked:  # the card shows what there is
            log.warning("no new booking for a case at the RET-tafel: %s", type(not_booked).__name__)
            return await self._bookings.get(number)
        await self._invite_members(case, booking)
        await self._booked(case, booking, chair, channel)
        return case

    async def move_or_book(self, number: str, chair: Member | None, channel: str) -> Booking:
        """'Volgend vrij moment': the next free slot after the booked one; a first slot when the
        case has none yet. Raises NotAllowed, NotBookable, LookupError, NoFreeSlot, and
        AlreadyBooked when a racing click booked it first."""
        calendar = self._ret.meetings
        at = now()
        if await self._bookings.booking_of(number) is None:
            booking = await book(
                self._bookings,
                calendar,
                number,
                chair,
                channel,
                at,
                uuid.uuid4().hex,
                self._referrer_invitation,
            )
        else:
            booking = await move(
                self._bookings, calendar, number, chair, channel, at, self._referrer_invitation
            )
        case = await self._bookings.get(number)
        await self._invite_members(case, booking)
        await self._booked(case, booking, chair, channel)
        return booking

    async def _booked(
        self, case: Case, booking: Booking, chair: Member | None, channel: str
    ) -> None:
        if self._around is not None:
            await self._around.booked(case, booking, chair, channel)

    def _referrer_invitation(self, case: Case, booking: Booking) -> list[Notice]:
        when = moment(booking.slot, DEFAULT_LANGUAGE)
        key = "booking.referrer_moved" if booking.sequence else "referrer.ret_tafel"
        intro = text(key, number=case.number, **when)
        return [
            Notice(
                case.referrer.channel_id, case.referrer.user_id, self._card(case, booking, intro)
            )
        ]

    def _card(self, case: Case, booking: Booking, intro: str) -> dict:
        actions = attendance_actions(case, DEFAULT_LANGUAGE)
        url = self._url(booking)
        return invitation_card(case, booking, url, intro, DEFAULT_LANGUAGE, actions)

    async def _invite_members(self, case: Case, booking: Booking) -> None:
        key = "booking.member_moved" if booking.sequence else "booking.member"
        intro = text(key, number=case.number, initials=case.initials)
        members = self._ret.members_with_role(Role.KERNTEAMLID)
        await self.invite(case, booking, members, intro)
        if booking.sequence and self._around is not None:  # the schil hears of a move too
            schil = await self._around.schil_members(case.number)
            moved = text("booking.member_moved", number=case.number, initials=case.initials)
            await self.invite(case, booking, schil, moved, "email.booking_moved.body")

    async def invite(
        self,
        case: Case,
        booking: Booking,
        members: list[Member],
        intro: str,
        mail_body: str | None = None,
    ) -> None:
        """The invitation card in each member's chat, else by email with the .ics."""
        card = self._card(case, booking, intro)
        for member in members:
            if await self._delivery.to_roster_member(member, card):
                continue
            if self._delivery.sends_email:
                mail = self._invitation_mail(case, booking, member, mail_body)
                await self._delivery.to_email(mail)
            else:
                log.info("a member could not be reached in Teams for an invitation")

    def _invitation_mail(
        self, case: Case, booking: Booking, member: Member, body_key: str | None
    ) -> Mail:
        """The invitation with the calendar file attached, for a member outside Teams."""
        moved = "_moved" if booking.sequence else ""
        words = {"number": case.number, "initials": case.initials, **moment(booking.slot, "nl")}
        body = text(body_key or f"email.booking{moved}.body", name=member.name, **words)
        ics = calendar_file(case, booking, self._ret.name, now())
        return Mail(
            to=(member.email,),
            subject=text(f"email.booking{moved}.subject", **words),
            text=body + "\n\n" + text("email.signature", ret=self._ret.name),
            attachments=(MailAttachment(f"RET-overleg-{case.number}.ics", "text/calendar", ics),),
        )

    def _url(self, booking: Booking) -> str:
        return self._links.url(booking.uid, booking.slot.end)
