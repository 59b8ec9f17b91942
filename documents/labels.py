"""The words of the Word documents, in Dutch and English (the flows' texts live in
dialogs/texts; documents sit beside dialogs, not under them)."""

from babel.dates import format_date

from domain.vocabularies import DEELNEMER_ROL, term

LABELS: dict[str, dict[str, str]] = {
    "advies.title": {"nl": "Zwaarwegend advies", "en": "Weighty advice"},
    "advies.case": {"nl": "Casus", "en": "Case"},
    "advies.young_person": {"nl": "Jeugdige", "en": "Young person"},
    "advies.young_person_value": {
        "nl": "{initials}, leeftijdsgroep {age} jaar",
        "en": "{initials}, age group {age}",
    },
    "advies.meeting": {"nl": "RET-overleg", "en": "RET meeting"},
    "advies.meeting_value": {"nl": "{day}, {place}", "en": "{day}, {place}"},
    "advies.consultation": {"nl": "Consultatie / overleg", "en": "Consultation / meeting"},
    "advies.recorded_by": {"nl": "Advies vastgelegd door", "en": "Advice recorded by"},
    "advies.recorded_value": {"nl": "{name}, {day}", "en": "{name}, {day}"},
    "advies.attendance": {"nl": "Deelnemers", "en": "Participants"},
    "advies.name": {"nl": "Naam", "en": "Name"},
    "advies.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "advies.role": {"nl": "Rol", "en": "Role"},
    "advies.presence": {"nl": "Aanwezig", "en": "Present"},
    "advies.present": {"nl": "aanwezig", "en": "present"},
    "advies.absent": {"nl": "afwezig: {reason}", "en": "absent: {reason}"},
    "advies.samenvatting": {"nl": "Samenvatting casus", "en": "Case summary"},
    "advies.advies": {"nl": "Advies", "en": "Advice"},
    "advies.afspraken": {"nl": "Gemaakte afspraken", "en": "Agreements made"},
    "advies.who": {"nl": "Wie", "en": "Who"},
    "advies.what": {"nl": "Wat", "en": "What"},
    "advies.deadline": {"nl": "Uiterlijk", "en": "By"},
    "advies.mandate": {"nl": "Mandaat bevestigd door / op", "en": "Mandate confirmed by / on"},
    "advies.mandate_confirmed": {"nl": "{name}, {day}", "en": "{name}, {day}"},
    "advies.mandate_declined": {
        "nl": "Niet bevestigd ({name}, {day})",
        "en": "Not confirmed ({name}, {day})",
    },
    "advies.mandate_open": {"nl": "Nog niet bevestigd", "en": "Not confirmed yet"},
    "advies.binding": {
        "nl": (
            "Dit is een zwaarwegend en niet-vrijblijvend advies van het RET. Alle partijen aan "
            "tafel hebben zich eraan verbonden: ieder voert met het mandaat van de eigen "
            "organisatie het eigen deel van de afspraken uit, de aanbieders leveren de zorg en "
            "de verantwoordelijke gemeente betaalt."
        ),
        "en": (
            "This is weighty, non-optional advice of the RET. All parties at the table "
            "committed to it: each carries out its part of the agreements with the mandate of "
            "its organisation, the providers deliver the care and the responsible municipality "
            "pays."
        ),
    },
    "advies.follow_up": {"nl": "Follow-up", "en": "Follow-up"},
    "advies.follow_up_text": {
        "nl": (
            "Het RET vraagt na {first} dagen voor het eerst hoe het met de jeugdige gaat en hoe "
            "de afspraken lopen, en daarna elke {every} dagen, tot de casus is afgesloten. "
            "Loopt een afspraak vast, dan zet de voorzitter de escalatieladder in."
        ),
        "en": (
            "The RET first asks after {first} days how the young person is doing and how the "
            "agreements are going, then every {every} days, until the case is closed. If an "
            "agreement stalls, the chair starts the escalation ladder."
        ),
    },
    "advies.distribution": {"nl": "Verzendlijst", "en": "Distribution list"},
    "advies.made": {
        "nl": "Opgesteld door retbot op {day}.",
        "en": "Drawn up by retbot on {day}.",
    },
}


def label(key: str, language: str, **values: object) -> str:
    template = LABELS[key].get(language) or LABELS[key]["nl"]
    return template.format(**values) if values else template


def long_date(day, language: str) -> str:
    """'dinsdag 3 maart 2026' / 'Tuesday 3 March 2026'."""
    if language == "en":
        return format_date(day, "EEEE d MMMM y", locale="en_GB")
    return format_date(day, "EEEE d MMMM y", locale="nl")


def short_date(day, language: str) -> str:
    """'3 maart 2026', for table cells."""
    return format_date(day, "d MMMM y", locale="en_GB" if language == "en" else "nl")


def role_label(code: str, language: str) -> str:
    known = {t.code for t in DEELNEMER_ROL}
    return term(DEELNEMER_ROL, code if code in known else "anders").label(language)
