"""E-mails retbot sends and the email channel's answers."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "email.signature": {
        "nl": "Met vriendelijke groet,\nretbot, de digitale assistent van {ret}",
        "en": "Kind regards,\nretbot, the digital assistant of {ret}",
    },
    "email.escalation.subject": {
        "nl": "Escalatie follow-up {number} ({initials}): {step}",
        "en": "Escalation follow-up {number} ({initials}): {step}",
    },
    "email.escalation.body": {
        "nl": (
            "Beste {name},\n\n"
            "Bij de follow-up van casus {number} ({initials}) van {ret} is de volgende stap "
            "op de escalatieladder aan de orde: {step}. Aanleiding: {reason}.\n\n"
            "U staat bij het RET genoemd als contactpersoon voor deze stap. Wat we van u "
            "vragen: {action}{chair}\n\n"
            "Om privacyredenen staan in deze e-mail alleen het casusnummer en de initialen. "
            "De inhoud van de casus bespreekt u met de voorzitter."
        ),
        "en": (
            "Dear {name},\n\n"
            "In the follow-up of case {number} ({initials}) of {ret}, the next step on the "
            "escalation ladder is due: {step}. Reason: {reason}.\n\n"
            "The RET lists you as the contact for this step. What we ask of you: "
            "{action}{chair}\n\n"
            "For privacy reasons this email carries only the case number and initials. You "
            "discuss the case itself with the chair."
        ),
    },
    "email.escalation.no_answer": {
        "nl": "{who} heeft na {reminders} herinneringen niet geantwoord op de follow-upvraag",
        "en": "{who} did not answer the follow-up question after {reminders} reminders",
    },
    "email.escalation.stopped": {
        "nl": "{who} meldt dat het gestopt is of niet lukt",
        "en": "{who} reports that it stopped or is not working",
    },
    "email.escalation.by_chair": {
        "nl": "de voorzitter heeft deze stap gezet",
        "en": "the chair has taken this step",
    },
    "email.escalation.chair": {
        "nl": " Neem hiervoor contact op met de voorzitter, {chair} ({email}).",
        "en": " Please get in touch with the chair, {chair} ({email}).",
    },
    "email.escalation.action.procesregie intensiveren": {
        "nl": "stem met de voorzitter af wie de procesregie oppakt en wat daarvoor nodig is.",
        "en": "agree with the chair who takes up the case coordination and what that needs.",
    },
    "email.escalation.action.samenwerkingstafel": {
        "nl": (
            "plan met de voorzitter op korte termijn een samenwerkingstafel met de betrokken "
            "organisaties."
        ),
        "en": "plan a collaboration table with the organisations involved, soon, with the chair.",
    },
    "email.escalation.action.bestuurlijke escalatie": {
        "nl": (
            "bespreek met de voorzitter welke bestuurlijke afspraken nodig zijn om de hulp "
            "weer op gang te krijgen."
        ),
        "en": "discuss with the chair which administrative agreements are needed to restart help.",
    },
    "email.follow_up.subject": {
        "nl": "{reminder}Follow-up {number} ({initials}): hoe staat de afspraak van {org}?",
        "en": "{reminder}Follow-up {number} ({initials}): how is the agreement of {org} going?",
    },
    "email.follow_up.body": {
        "nl": (
            "Beste {name},\n\n"
            "Na het advies vraagt {ret} geregeld hoe het gaat, zodat we op tijd kunnen "
            "bijsturen als iets vastloopt. Hoe staat de afspraak van {org} bij casus {number} "
            "({initials}) ervoor?\n\n"
            "Antwoorden kost een minuut, via deze link: {url}\n\n"
            "De link werkt {days} dagen en voor één antwoord namens {org}. Stuur hem alleen "
            "door aan een collega die bij deze casus betrokken is. U krijgt deze vraag per "
            "e-mail omdat ik u niet in Teams kan bereiken."
        ),
        "en": (
            "Dear {name},\n\n"
            "After its advice, {ret} asks regularly how things are going, so it can step in "
            "early when something stalls. How is the agreement of {org} for case {number} "
            "({initials}) going?\n\n"
            "Answering takes a minute, through this link: {url}\n\n"
            "The link works for {days} days and for one answer on behalf of {org}. Only "
            "forward it to a colleague involved in this case. You get this question by email "
            "because I cannot reach you in Teams."
        ),
    },
    "email.subject": {
        "nl": "Antwoord van retbot ({ret})",
        "en": "Answer from retbot ({ret})",
    },
    "email.teams_only": {
        "nl": (
            "Dit kan ik per e-mail helaas niet voor je doen: het keuzemenu werkt met "
            "formulieren, en die vind je in Microsoft Teams. Open daar de chat met retbot van "
            "{ret} en typ 'menu'. Zonder Teams kan wel: mail 'aanmelden' voor een persoonlijke "
            "link om aan te melden, of 'mijn casussen' voor een link naar je aanmeldingen. Een "
            "korte vraag over het RET kun je me ook gewoon mailen."
        ),
        "en": (
            "Sorry, I cannot do this by email: the menu uses forms, and those are in Microsoft "
            "Teams. Open the chat with retbot of {ret} there and type 'menu'. Without Teams you "
            "can email 'aanmelden' for a personal link to apply, or 'mijn casussen' for a link "
            "to your requests. You can also email me a short question about the RET."
        ),
    },
    "email.help": {
        "nl": (
            "Per e-mail beantwoord ik korte vragen over {ret}: wanneer het volgende overleg "
            "is, wie verstand heeft van een onderwerp, hoe je een klacht indient, en wat er "
            "verder over het RET is vastgelegd. Zet je vraag gewoon in de tekst van je "
            "e-mail.\n\nWil je aanmelden? Mail 'aanmelden': je krijgt een persoonlijke link "
            "naar de aanmelding op onze website; mail 'mijn casussen' voor een link naar je "
            "aanmeldingen."
        ),
        "en": (
            "By email I answer short questions about {ret}: when the next meeting is, who "
            "knows about a subject, how to file a complaint, and what else the RET has "
            "written down. Just put your question in the text of your email.\n\nWant to "
            "apply? Email 'aanmelden': you get a personal link to the request on our "
            "website; email 'mijn casussen' for a link to your requests."
        ),
    },
    "email.with_chair": {
        "nl": (
            "Op deze vraag vind ik geen antwoord in wat {ret} heeft vastgelegd. Ik heb hem aan "
            "de voorzitter gegeven; het antwoord krijg je per e-mail, met de naam van wie "
            "antwoordt."
        ),
        "en": (
            "I find no answer to this question in what {ret} has written down. I have passed "
            "it on to the chair; you will get the answer by e-mail, with the name of who "
            "answers."
        ),
    },
    "email.chair_waits": {
        "nl": (
            "Op deze vraag vind ik geen antwoord in wat {ret} heeft vastgelegd. Ik heb hem "
            "vastgelegd voor de voorzitter, maar kan die nu niet via Teams bereiken; retbot "
            "geeft hem door zodra dat kan, en het antwoord krijg je per e-mail. Heb je haast, "
            "mail dan {email}."
        ),
        "en": (
            "I find no answer to this question in what {ret} has written down. I have kept it "
            "for the chair, but cannot reach them in Teams now; retbot passes it on as soon as "
            "it can, and you will get the answer by e-mail. In a hurry? E-mail {email}."
        ),
    },
    "email.empty": {
        "nl": (
            "Ik kon in je e-mail geen tekst vinden. Zet je vraag in de tekst van de e-mail "
            "(niet alleen in een bijlage of afbeelding), dan help ik je graag."
        ),
        "en": (
            "I could not find any text in your email. Put your question in the text of the "
            "email (not only in an attachment or image), and I will gladly help."
        ),
    },
    "email.not_understood": {
        "nl": (
            "Dank je voor je bericht. Per e-mail beantwoord ik korte vragen over {ret}; "
            "stel je vraag in een zin, of mail 'help' voor wat ik per e-mail kan."
        ),
        "en": (
            "Thank you for your message. By email I answer short questions about {ret}; "
            "ask your question in a sentence, or email 'help' to see what I can do by email."
        ),
    },
    "email.booking.subject": {
        "nl": "Uitnodiging RET-overleg {number} ({initials}): {day}, {start} uur",
        "en": "Invitation RET meeting {number} ({initials}): {day}, {start}",
    },
    "email.booking.body": {
        "nl": (
            "Beste {name},\n\n"
            "Je bent als kernteamlid uitgenodigd voor het RET-overleg over casus {number} "
            "({initials}): {day}, van {start} tot {end} uur, {location}. De verwijzer, de "
            "jeugdige en de ouders zijn erbij.\n\n"
            "De uitnodiging voor je agenda zit als bijlage bij deze e-mail. Je krijgt hem per "
            "e-mail omdat ik je niet in Teams kan bereiken."
        ),
        "en": (
            "Dear {name},\n\n"
            "You are invited as a core team member to the RET meeting about case {number} "
            "({initials}): {day}, from {start} to {end}, {location}. The referrer, the young "
            "person and the parents attend.\n\n"
            "The calendar invitation is attached. You get it by email because I cannot reach "
            "you in Teams."
        ),
    },
    "email.booking_moved.subject": {
        "nl": "Gewijzigd: RET-overleg {number} ({initials}) is nu {day}, {start} uur",
        "en": "Changed: RET meeting {number} ({initials}) is now {day}, {start}",
    },
    "email.booking_moved.body": {
        "nl": (
            "Beste {name},\n\n"
            "Het RET-overleg over casus {number} ({initials}) is verplaatst naar {day}, van "
            "{start} tot {end} uur, {location}.\n\n"
            "De agenda-uitnodiging in de bijlage vervangt de vorige."
        ),
        "en": (
            "Dear {name},\n\n"
            "The RET meeting about case {number} ({initials}) has moved to {day}, from {start} "
            "to {end}, {location}.\n\n"
            "The attached calendar invitation replaces the previous one."
        ),
    },
}
