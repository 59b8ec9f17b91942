"""Booking the RET meeting: the voorzitter's 'RET-tafel inplannen' books the next free slot
at once, 'Volgend vrij moment' moves it to the next one after. The referrer and the kernteamleden
get an invitation card (an update when it moved) with a link to the calendar file.

The referrer's card is stored with the booking (the outbox); the kernteamleden's cards are
sent after it, to whoever of them can be reached in Teams (Delivery.to_roster_member). The
others get an email with the calendar file attached, when retbot can send email.
"""

import logging
import uuid
from datetime import datetime
from typing import Protocol

from dialogs.cards.booking import invitation_card, moment
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
        await self._invite_members(await self._bookings.get(number), booking)
        return booking

    def _referrer_invitation(self, case: Case, booking: Booking) -> list[Notice]:
        when = moment(booking.slot, DEFAULT_LANGUAGE)
        key = "booking.referrer_moved" if booking.sequence else "referrer.ret_tafel"
        intro = text(key, number=case.number, **when)
        card = invitation_card(case, booking, self._url(booking), intro, DEFAULT_LANGUAGE)
        return [Notice(case.referrer.channel_id, case.referrer.user_id, card)]

    async def _invite_members(self, case: Case, booking: Booking) -> None:
        key = "booking.member_moved" if booking.sequence else "booking.member"
        intro = text(key, number=case.number, initials=case.initials)
        card = invitation_card(case, booking, self._url(booking), intro, DEFAULT_LANGUAGE)
        for member in self._ret.members_with_role(Role.KERNTEAMLID):
            if await self._delivery.to_roster_member(member, card):
                continue
            if self._delivery.sends_email:
                await self._delivery.to_email(self._invitation_mail(case, booking, member))
            else:
                log.info("a kernteamlid could not be reached in Teams for an invitation")

    def _invitation_mail(self, case: Case, booking: Booking, member: Member) -> Mail:
        """The invitation with the calendar file attached, for a kernteamlid outside Teams."""
        moved = "_moved" if booking.sequence else ""
        words = {"number": case.number, "initials": case.initials, **moment(booking.slot, "nl")}
        body = text(f"email.booking{moved}.body", name=member.name, **words)
        ics = calendar_file(case, booking, self._ret.name, now())
        return Mail(
            to=(member.email,),
            subject=text(f"email.booking{moved}.subject", **words),
            text=body + "\n\n" + text("email.signature", ret=self._ret.name),
            attachments=(MailAttachment(f"RET-overleg-{case.number}.ics", "text/calendar", ics),),
        )

    def _url(self, booking: Booking) -> str:
        return self._links.url(booking.uid, booking.slot.end)
