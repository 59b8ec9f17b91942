"""The words of the Word documents, in Dutch and English (the flows' texts live in
dialogs/texts; documents sit beside dialogs, not under them)."""

from babel.dates import format_date
from babel.lists import format_list

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
    "advies.gemeente": {"nl": "Verantwoordelijke gemeente", "en": "Responsible municipality"},
    "advies.gemeente_value": {
        "nl": "{gemeente} (woongemeente van de jeugdige bij aanmelding; woonplaatsbeginsel)",
        "en": "{gemeente} (the young person's municipality at referral; place of residence)",
    },
    "advies.gemeente_corrected": {
        "nl": (
            "{gemeente} (volgens het woonplaatsbeginsel, vastgesteld door de voorzitter; bij "
            "aanmelding: {intake})"
        ),
        "en": (
            "{gemeente} (by the place-of-residence rule, settled by the chair; at referral: "
            "{intake})"
        ),
    },
    "advies.gemeente_unknown": {
        "nl": "Niet bekend bij aanmelding; vast te stellen volgens het woonplaatsbeginsel",
        "en": "Not known at referral; to be settled by the place-of-residence rule",
    },
    "advies.version": {"nl": "Versie", "en": "Version"},
    "advies.version_first": {"nl": "{version}", "en": "{version}"},
    "advies.version_next": {
        "nl": "{version} (vervangt versie {previous})",
        "en": "{version} (replaces version {previous})",
    },
    "advies.binding.confirmed": {
        "nl": (
            "Dit is een zwaarwegend en niet-vrijblijvend advies van het RET. Alle organisaties "
            "met een afspraak hebben met het mandaat van hun organisatie bevestigd dat zij hun "
            "deel uitvoeren: de aanbieders leveren de zorg en de verantwoordelijke gemeente "
            "betaalt."
        ),
        "en": (
            "This is weighty, non-optional advice of the RET. Every organisation with an "
            "agreement confirmed, with the mandate of its organisation, that it carries out "
            "its part: the providers deliver the care and the responsible municipality pays."
        ),
    },
    "advies.binding.pending": {
        "nl": (
            "Dit is een zwaarwegend en niet-vrijblijvend advies van het RET. Nog niet elke "
            "organisatie heeft haar mandaat bevestigd; nog open: {open}. Zodra zij antwoorden "
            "komt er een nieuwe versie van dit advies; pas als iedereen bevestigd heeft, "
            "liggen de afspraken vast."
        ),
        "en": (
            "This is weighty, non-optional advice of the RET. Not every organisation has "
            "confirmed its mandate yet; still open: {open}. A new version of this advice "
            "follows their answers; the agreements stand once everyone has confirmed."
        ),
    },
    "advies.binding.refused": {
        "nl": (
            "Dit is een zwaarwegend en niet-vrijblijvend advies van het RET. {refused} kan "
            "het eigen deel niet uitvoeren (niet bevestigd). De voorzitter zoekt met de "
            "betrokken organisaties een andere oplossing en zet zo nodig de escalatieladder "
            "in; tot dan staat dat deel van het advies open. De andere afspraken gelden."
        ),
        "en": (
            "This is weighty, non-optional advice of the RET. {refused} cannot carry out "
            "its part (not confirmed). The chair looks for another way with the organisations "
            "involved and starts the escalation ladder if needed; until then that part of "
            "the advice stays open. The other agreements stand."
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
    "advies.distribution_note": {
        "nl": "retbot stuurt elke nieuwe versie naar iedereen op deze lijst.",
        "en": "retbot sends every new version to everyone on this list.",
    },
    "advies.family.VIA_REFERRER": {
        "nl": "Jeugdige en ouders (via verwijzer)",
        "en": "Young person and parents (through the referrer)",
    },
    "advies.family.FAMILY": {
        "nl": "Jeugdige en ouders (zelf aangemeld; per e-mail een link naar het advies)",
        "en": "Young person and parents (applied themselves; a link to the advice by e-mail)",
    },
    "advies.page": {"nl": "Pagina {page} van {pages}", "en": "Page {page} of {pages}"},
    "advies.made": {
        "nl": "Opgesteld door retbot op {day}.",
        "en": "Drawn up by retbot on {day}.",
    },
}


def label(key: str, language: str, **values: object) -> str:
    template = LABELS[key].get(language) or LABELS[key]["nl"]
    return template.format(**values) if values else template


def names(values: list[str], language: str) -> str:
    """'A, B en C' / 'A, B and C'."""
    return format_list(values, locale="en_GB" if language == "en" else "nl")


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
