"""Triage: the voorzitter's card and what the referrer hears of each decision."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "referrer.closed": {
        "nl": (
            "Het RET heeft je aanmelding {number} afgesloten. Reden: {reason}.\n\n"
            "Heb je nog vragen over deze casus? Stel ze gerust hier in de chat."
        ),
        "en": (
            "The RET has closed your request {number}. Reason: {reason}.\n\n"
            "Any questions about this case? Just ask them here in the chat."
        ),
    },
    "triage.title": {"nl": "Nieuwe aanmelding {number}", "en": "New request {number}"},
    "triage.case": {"nl": "Casus", "en": "Case"},
    "triage.initials": {"nl": "Initialen", "en": "Initials"},
    "triage.age": {"nl": "Leeftijd", "en": "Age"},
    "triage.age_value": {"nl": "{age} jaar", "en": "{age} years"},
    "triage.consent": {"nl": "Toestemming", "en": "Consent"},
    "triage.note_label": {
        "nl": (
            "Je vraag aan de verwijzer, of de reden bij doorverwijzen of bij inzien zonder "
            "toestemming"
        ),
        "en": (
            "Your question to the referrer, or the reason when referring elsewhere or viewing "
            "without consent"
        ),
    },
    "triage.action.ret_tafel": {"nl": "RET-tafel inplannen", "en": "Plan RET meeting"},
    "triage.action.consultatie": {
        "nl": "Consultatie (advies zonder overleg)",
        "en": "Consultation",
    },
    "triage.action.samenwerkingstafel": {"nl": "Samenwerkingstafel", "en": "Collaboration table"},
    "triage.action.doorverwijzen": {"nl": "Doorverwijzen", "en": "Refer elsewhere"},
    "triage.action.meer_informatie": {
        "nl": "Meer informatie vragen",
        "en": "Ask for more information",
    },
    "triage.action.details": {"nl": "Volledige aanmelding", "en": "Full request"},
    "triage.action.override": {
        "nl": "Inzien zonder toestemming (reden invullen)",
        "en": "View without consent (give a reason)",
    },
    "triage.override_reason": {
        "nl": (
            "Zonder vastgelegde toestemming kun je de aanmelding alleen inzien met een reden. "
            "Vul die in het tekstvak in."
        ),
        "en": "Without recorded consent you can only view the request with a reason. Fill it in.",
    },
    "triage.decided": {
        "nl": "{status}: besloten door {name} op {when}",
        "en": "{status}: decided by {name} on {when}",
    },
    "triage.more_info_received": {
        "nl": "Er is aanvullende informatie van de verwijzer over {number} ({initials}).",
        "en": "The referrer added information about {number} ({initials}).",
    },
    "triage.more_info_received_pending": {
        "nl": (
            "Er is aanvullende informatie van de verwijzer over {number} ({initials}). De "
            "toestemming volgt nog: het antwoord staat in de volledige aanmelding, en die deel "
            "ik pas als de verwijzer de toestemming heeft vastgelegd, of als jij met een reden "
            "inziet zonder toestemming."
        ),
        "en": (
            "The referrer added information about {number} ({initials}). Consent is still to "
            "follow: the answer is in the full request, which I share only once the referrer "
            "has recorded consent, or when you view it without consent, with a reason."
        ),
    },
    "triage.asked_consent_pending": {
        "nl": (
            "De toestemming volgt nog. Je vraag staat bij de verwijzer; zijn of haar antwoord "
            "komt in de volledige aanmelding. Die deel ik pas met het team als de verwijzer "
            "de toestemming heeft vastgelegd; zonder toestemming inzien kan alleen met een "
            "reden. Na het antwoord krijg je deze kaart opnieuw om te beslissen."
        ),
        "en": (
            "Consent is still to follow. Your question is with the referrer; their answer "
            "goes into the full request. I share that with the team only once the referrer "
            "has recorded consent; viewing it without consent takes a reason. After the "
            "answer you get this card again to decide."
        ),
    },
    "triage.not_allowed": {
        "nl": "Alleen de voorzitter van het RET kan aanmeldingen triëren.",
        "en": "Only the RET's chair can triage requests.",
    },
    "triage.note_missing": {
        "nl": "Vul eerst de reden of je vraag in het tekstvak in.",
        "en": "Please fill in the reason or your question first.",
    },
    "triage.unknown": {
        "nl": "Deze aanmelding bestaat niet (meer).",
        "en": "This request does not exist (any more).",
    },
    "triage.details_sent": {
        "nl": "Ik heb de volledige aanmelding in je eigen chat met mij gezet.",
        "en": "I put the full request in your own chat with me.",
    },
    "triage.details_no_chat": {
        "nl": "Open eerst een chat met mij, dan zet ik de volledige aanmelding daar.",
        "en": "Open a chat with me first; then I will put the full request there.",
    },
    "triage.details_not_allowed": {
        "nl": "De volledige aanmelding is alleen voor de voorzitter en de procesondersteuner.",
        "en": "The full request is only for the chair and the process assistant.",
    },
    "triage.consent_pending": {
        "nl": (
            "De toestemming voor {number} volgt nog: de inhoud deel ik pas als die is vastgelegd."
        ),
        "en": "Consent for {number} is still to follow: I share the details once it is recorded.",
    },
    "triage.full_title": {"nl": "Volledige aanmelding {number}", "en": "Full request {number}"},
    "triage.timeline": {"nl": "Verloop", "en": "Timeline"},
    "referrer.ret_tafel": {
        "nl": (
            "Je aanmelding {number} komt aan de RET-tafel. Ik heb er een plek voor "
            "vastgelegd: {day} om {start} uur, {location}.\n\n"
            "Het overleg gaat alleen door met jou en met de jeugdige en ouders erbij: het gezin "
            "wordt verwacht. Wil je de jeugdige en ouders uitnodigen en het overleg samen met "
            "hen voorbereiden? Een lid van het RET neemt vooraf contact met hen op om te vragen "
            "hoe zij ondersteund willen worden."
        ),
        "en": (
            "Your request {number} goes to the RET table. I have booked a place for it: "
            "{day} at {start}, {location}.\n\n"
            "The meeting only takes place with you and with the young person and parents "
            "there: the family is expected. Will you invite the young person and parents and "
            "prepare the meeting with them? An RET member will contact them beforehand to ask "
            "how they want to be supported."
        ),
    },
    "referrer.consultatie": {
        "nl": (
            "{name} (voorzitter) pakt je aanmelding {number} op als consultatie: advies zonder "
            "overleg. Je hoort binnenkort meer."
        ),
        "en": "{name} (chair) takes up your request {number} as a consultation. More soon.",
    },
    "referrer.samenwerkingstafel": {
        "nl": (
            "{name} (voorzitter) brengt je aanmelding {number} naar een samenwerkingstafel met "
            "de betrokken aanbieders. Je hoort binnenkort wanneer."
        ),
        "en": "{name} (chair) takes your request {number} to a collaboration table. More soon.",
    },
    "referrer.doorverwijzen": {
        "nl": (
            "{name} (voorzitter) ziet voor je aanmelding {number} een betere route: {note}\n\n"
            "De voorzitter neemt hierover contact met je op."
        ),
        "en": "{name} (chair) sees a better route for your request {number}: {note}",
    },
    "referrer.question": {
        "nl": "{name} (voorzitter) heeft een vraag over je aanmelding {number}:",
        "en": "{name} (chair) has a question about your request {number}:",
    },
    "referrer.answer_label": {"nl": "Je antwoord", "en": "Your answer"},
    "referrer.send": {"nl": "Versturen", "en": "Send"},
    "referrer.answer_sent": {
        "nl": "Dank je wel, ik heb je antwoord aan de voorzitter doorgegeven.",
        "en": "Thank you, I passed your answer on to the chair.",
    },
    "referrer.answer_kept": {
        "nl": (
            "Dank je wel, je antwoord is bewaard. De voorzitter is nu niet via retbot te "
            "bereiken; retbot geeft het door zodra dat kan."
        ),
        "en": (
            "Thank you, your answer is kept. The chair cannot be reached through retbot right "
            "now; retbot passes it on as soon as it can."
        ),
    },
    "referrer.answer_empty": {
        "nl": "Je antwoord is nog leeg. Typ het in het tekstvak op de kaart.",
        "en": "Your answer is still empty. Type it in the box on the card.",
    },
    "referrer.answer_not_needed": {
        "nl": "Voor deze aanmelding staat geen vraag meer open.",
        "en": "There is no open question for this request any more.",
    },
}
