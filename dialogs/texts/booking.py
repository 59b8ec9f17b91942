"""Booking the RET meeting: invitations and the calendar file."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "booking.invitation": {
        "nl": "Uitnodiging RET-overleg {number} ({initials})",
        "en": "Invitation RET meeting {number} ({initials})",
    },
    "booking.update": {
        "nl": "Gewijzigd: RET-overleg {number} ({initials})",
        "en": "Changed: RET meeting {number} ({initials})",
    },
    "booking.member": {
        "nl": (
            "Je bent als kernteamlid uitgenodigd voor het RET-overleg over casus {number} "
            "({initials}). De verwijzer, de jeugdige en de ouders zijn erbij."
        ),
        "en": (
            "You are invited as a core team member to the RET meeting about case {number} "
            "({initials}). The referrer, the young person and the parents attend."
        ),
    },
    "booking.member_moved": {
        "nl": "Het RET-overleg over casus {number} ({initials}) is verplaatst naar:",
        "en": "The RET meeting about case {number} ({initials}) has moved to:",
    },
    "booking.referrer_moved": {
        "nl": (
            "Het RET-overleg over je aanmelding {number} is verplaatst naar {day} om {start} "
            "uur, {location}. Wil je de jeugdige en ouders het nieuwe moment laten weten? Een "
            "lid van het RET neemt vooraf nog steeds contact met hen op om te vragen hoe zij "
            "ondersteund willen worden."
        ),
        "en": (
            "The RET meeting about your request {number} has moved to {day} at {start}, "
            "{location}. Will you let the young person and parents know the new moment? An "
            "RET member will still contact them beforehand to ask how they want to be supported."
        ),
    },
    "booking.date": {"nl": "Datum", "en": "Date"},
    "booking.time": {"nl": "Tijd", "en": "Time"},
    "booking.location": {"nl": "Locatie", "en": "Location"},
    "booking.time_value": {"nl": "{start} – {end} uur", "en": "{start} – {end}"},
    "booking.calendar": {"nl": "In mijn agenda", "en": "Add to my calendar"},
    "booking.calendar_hint": {
        "nl": (
            "Staat het overleg al in je agenda? Klik dan nog een keer op 'In mijn agenda': "
            "het bestaande agenda-item wordt bijgewerkt."
        ),
        "en": (
            "Is the meeting already in your calendar? Then click 'Add to my calendar' once "
            "more: the existing calendar item is updated."
        ),
    },
    "booking.planned": {
        "nl": "**RET-overleg**: {day}, {start} – {end} uur, {location}",
        "en": "**RET meeting**: {day}, {start} – {end}, {location}",
    },
    "booking.not_planned": {
        "nl": "Er is nog geen moment voor het RET-overleg vastgelegd.",
        "en": "No moment has been booked for the RET meeting yet.",
    },
    "booking.action.move": {"nl": "Volgend vrij moment", "en": "Next free slot"},
    "booking.action.book": {"nl": "Moment inplannen", "en": "Book a moment"},
    "booking.not_allowed": {
        "nl": "Alleen de voorzitter van het RET kan het overleg inplannen of verplaatsen.",
        "en": "Only the chair of the RET can book or move the meeting.",
    },
    "booking.not_bookable": {
        "nl": "Casus {number} wacht niet (meer) op de RET-tafel; er is niets verplaatst.",
        "en": "Case {number} is not (or no longer) waiting for the RET table; nothing moved.",
    },
    "booking.moved_already": {
        "nl": (
            "Het overleg over {number} is al vastgelegd op {when} door {by}: {day}, {start} uur. "
            "Er is niets verplaatst."
        ),
        "en": (
            "The meeting about {number} was already set on {when} by {by}: {day}, {start}. "
            "Nothing moved."
        ),
    },
    "booking.busy": {
        "nl": "Het lukte nu niet om een vrij moment vast te leggen. Probeer het zo nog eens.",
        "en": "I could not book a free moment just now. Please try again shortly.",
    },
    "ics.summary": {
        "nl": "RET-overleg {number} ({initials})",
        "en": "RET meeting {number} ({initials})",
    },
    "ics.description": {
        "nl": "RET-overleg over casus {number} ({initials}) van {ret}.",
        "en": "RET meeting about case {number} ({initials}) of {ret}.",
    },
    "ics.invalid": {
        "nl": "Deze agendalink klopt niet. Gebruik de knop 'In mijn agenda' op de uitnodiging.",
        "en": (
            "This calendar link is not valid. Use the 'Add to my calendar' button on the "
            "invitation."
        ),
    },
    "ics.expired": {
        "nl": "Deze agendalink is verlopen: het overleg is voorbij.",
        "en": "This calendar link has expired: the meeting is over.",
    },
}
