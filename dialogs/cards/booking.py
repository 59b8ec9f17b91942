"""Cards of a booking: the invitation (and its update) with a link for the calendar, and
the booking's lines on the triage card. Case number and initials only."""

from babel.dates import format_date

from dialogs.cards import adaptive_card, execute, facts, heading, paragraph
from dialogs.texts import Language, text
from domain.booking import Booking, Slot
from domain.cases import Case

VERB_MOVE = "booking.move"
SEQUENCE_KEY = "sequence"  # the booking the button was shown with: a stale click moves nothing


def moment(slot: Slot, language: Language) -> dict[str, str]:
    """The slot's day and times as people read them: 'dinsdag 1 december 2026', '13:30'."""
    return {
        "day": format_date(slot.start.date(), "EEEE d MMMM y", locale=language),
        "start": slot.start.strftime("%H:%M"),
        "end": slot.end.strftime("%H:%M"),
        "location": slot.location,
    }


def invitation_card(
    case: Case,
    booking: Booking,
    calendar_url: str,
    intro: str,
    language: Language,
    answers: list[dict] = (),
) -> dict:
    """`intro` says why this person gets it (referrer or kernteamlid, new or moved);
    `answers` are the invitee's buttons to say whether they come."""
    title = "booking.update" if booking.sequence else "booking.invitation"
    when = moment(booking.slot, language)
    body = [
        heading(text(title, language, number=case.number, initials=case.initials)),
        paragraph(intro),
        facts(
            [
                (text("booking.date", language), when["day"]),
                (text("booking.time", language), text("booking.time_value", language, **when)),
                (text("booking.location", language), when["location"]),
            ]
        ),
    ]
    if booking.sequence:
        body.append(paragraph(text("booking.calendar_hint", language), subtle=True))
    action = {"type": "Action.OpenUrl", "title": text("booking.calendar", language)}
    return adaptive_card(body, actions=[{**action, "url": calendar_url}, *answers])


def booking_blocks(booking: Booking | None, language: Language) -> list[dict]:
    """For the triage card of a case at the RET-tafel: when and where, or that it still
    needs a moment."""
    if booking is None:
        return [paragraph(text("booking.not_planned", language))]
    return [paragraph(text("booking.planned", language, **moment(booking.slot, language)))]


def booking_action(case: Case, booking: Booking | None, language: Language) -> dict:
    """Another moment (the next free slot), or a first one when booking did not succeed."""
    title = "booking.action.move" if booking else "booking.action.book"
    return execute(text(title, language), VERB_MOVE, move_data(case, booking))


def move_data(case: Case, booking: Booking | None) -> dict:
    """The case, and the booking's moves so far (-1: none booked yet)."""
    return {"case": case.number, SEQUENCE_KEY: booking.sequence if booking else -1}
