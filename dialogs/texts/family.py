"""What a family that applied itself hears by e-mail (the triage decision, the voorzitter's
question, the invitation, the closing, the evaluation), and the family's evaluation page.
Eenvoudig Nederlands (B1) with "je"; a case number, a plain sentence and a link, never what
the request is about."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "gezin.mail.decision.subject": {
        "nl": "Je aanmelding {number}: wat het RET heeft besloten",
        "en": "Your request {number}: what the RET decided",
    },
    "gezin.mail.consultatie": {
        "nl": (
            "Hallo,\n\nWe hebben je aanmelding {number} gelezen. De voorzitter van het RET, "
            "{name}, vraagt nu advies aan de mensen die jullie al helpen. Je hoort van ons "
            "als er nieuws is."
        ),
        "en": (
            "Hello,\n\nWe have read your request {number}. The chair of the RET, {name}, now "
            "asks the people who already help you for advice. We will let you know when "
            "there is news."
        ),
    },
    "gezin.mail.samenwerkingstafel": {
        "nl": (
            "Hallo,\n\nWe hebben je aanmelding {number} gelezen. De voorzitter van het RET, "
            "{name}, brengt de hulpverleners bij elkaar om samen een oplossing te zoeken. "
            "Je hoort van ons wanneer dat is."
        ),
        "en": (
            "Hello,\n\nWe have read your request {number}. The chair of the RET, {name}, "
            "brings the care workers together to find a solution. We will let you know when."
        ),
    },
    "gezin.mail.doorverwijzen": {
        "nl": (
            "Hallo,\n\nWe hebben je aanmelding {number} gelezen. De voorzitter van het RET, "
            "{name}, denkt dat iemand anders je beter kan helpen dan het RET. De voorzitter "
            "belt of mailt je om dat uit te leggen. Wil je zelf iets vragen? Mail dan naar "
            "{email}."
        ),
        "en": (
            "Hello,\n\nWe have read your request {number}. The chair of the RET, {name}, "
            "thinks someone else can help you better than the RET. The chair will call or "
            "e-mail you to explain. Want to ask something yourself? E-mail {email}."
        ),
    },
    "gezin.mail.meer_informatie": {
        "nl": (
            "Hallo,\n\nWe hebben je aanmelding {number} gelezen. De voorzitter van het RET, "
            "{name}, wil iets meer weten. Je leest de vraag en geeft antwoord via deze link: "
            "{url}\n\nDe link werkt {days} dagen. Deel hem niet met anderen. Liever bellen "
            "of mailen? Mail dan naar {email}."
        ),
        "en": (
            "Hello,\n\nWe have read your request {number}. The chair of the RET, {name}, "
            "would like to know a bit more. You read the question and answer it through "
            "this link: {url}\n\nThe link works for {days} days. Do not share it. Rather "
            "call or e-mail? E-mail {email}."
        ),
    },
    "gezin.mail.invitation.subject": {
        "nl": "Uitnodiging gesprek over je aanmelding {number}: {day}, {start} uur",
        "en": "Invitation to a meeting about your request {number}: {day}, {start}",
    },
    "gezin.mail.invitation.body": {
        "nl": (
            "Hallo,\n\nWe willen graag met jullie praten over je aanmelding {number}. Het "
            "gesprek is op {day}, van {start} tot {end} uur, {location}.\n\nJullie zijn er "
            "zelf bij: het gaat om wat jullie willen. Iemand van het RET belt of mailt je "
            "vooraf om het gesprek voor te bereiden.\n\nDe afspraak voor je agenda zit als "
            "bijlage bij deze e-mail. Kun je niet? Mail dan naar {email}."
        ),
        "en": (
            "Hello,\n\nWe would like to talk with you about your request {number}. The "
            "meeting is on {day}, from {start} to {end}, {location}.\n\nYou take part "
            "yourselves: it is about what you want. Someone from the RET will call or e-mail "
            "you beforehand to prepare.\n\nThe calendar appointment is attached. Can't you "
            "come? E-mail {email}."
        ),
    },
    "gezin.mail.invitation_moved.subject": {
        "nl": "Nieuwe tijd voor het gesprek over je aanmelding {number}: {day}, {start} uur",
        "en": "New time for the meeting about your request {number}: {day}, {start}",
    },
    "gezin.mail.invitation_moved.body": {
        "nl": (
            "Hallo,\n\nHet gesprek over je aanmelding {number} heeft een nieuwe tijd: {day}, "
            "van {start} tot {end} uur, {location}.\n\nDe afspraak in de bijlage komt in de "
            "plaats van de vorige. Kun je niet? Mail dan naar {email}."
        ),
        "en": (
            "Hello,\n\nThe meeting about your request {number} has a new time: {day}, from "
            "{start} to {end}, {location}.\n\nThe attached appointment replaces the previous "
            "one. Can't you come? E-mail {email}."
        ),
    },
    "gezin.mail.closed.subject": {
        "nl": "Je aanmelding {number} is afgerond",
        "en": "Your request {number} is finished",
    },
    "gezin.mail.closed.body": {
        "nl": (
            "Hallo,\n\nHet RET heeft je aanmelding {number} afgerond. Reden: {reason}.\n\n"
            "Heb je nog een vraag? Mail dan naar {email}."
        ),
        "en": (
            "Hello,\n\nThe RET has finished your request {number}. Reason: {reason}.\n\n"
            "Any question? E-mail {email}."
        ),
    },
    "gezin.mail.evaluation.subject": {
        "nl": "{reminder}Hoe ging het? Je aanmelding {number}",
        "en": "{reminder}How did it go? Your request {number}",
    },
    "gezin.mail.evaluation.closed": {
        "nl": "Het RET heeft je aanmelding {number} afgerond.",
        "en": "The RET has finished your request {number}.",
    },
    "gezin.mail.evaluation.after_advice": {
        "nl": "Een tijd geleden gaf het RET advies over je aanmelding {number}.",
        "en": "Some time ago the RET gave advice on your request {number}.",
    },
    "gezin.mail.evaluation.body": {
        "nl": (
            "Hallo,\n\n{start} We willen graag van je horen hoe het ging, zodat we ervan "
            "leren. Het zijn vier korte vragen en het kost twee minuten: {url}\n\nDe link "
            "werkt {days} dagen. Alleen de voorzitter van het RET leest je antwoorden."
        ),
        "en": (
            "Hello,\n\n{start} We would like to hear how it went, so we can learn from it. "
            "It is four short questions and takes two minutes: {url}\n\nThe link works for "
            "{days} days. Only the chair of the RET reads your answers."
        ),
    },
    "gezin.question_page.title": {
        "nl": "Een vraag over je aanmelding",
        "en": "A question about your request",
    },
    "gezin.question_page.asks": {
        "nl": "De voorzitter van het RET wil dit weten:",
        "en": "The chair of the RET would like to know:",
    },
    "gezin.question_page.answer": {"nl": "Je antwoord", "en": "Your answer"},
    "gezin.question_page.send": {"nl": "Versturen", "en": "Send"},
    # The family's evaluation page (bot/evaluation_page.py).
    "evaluation.family.title": {"nl": "Hoe ging het?", "en": "How did it go?"},
    "evaluation.family.case": {"nl": "Nummer van je aanmelding", "en": "Your request's number"},
    "evaluation.family.intro": {
        "nl": (
            "Het RET wil leren van jullie ervaring. Het zijn vier korte vragen. Het kost "
            "twee minuten. Alleen de voorzitter van het RET leest je antwoorden."
        ),
        "en": (
            "The RET wants to learn from your experience. It is four short questions and "
            "takes two minutes. Only the chair of the RET reads your answers."
        ),
    },
    "evaluation.family.gehoord": {
        "nl": "Had je het gevoel dat we naar je luisterden?",
        "en": "Did you feel we listened to you?",
    },
    "evaluation.family.wens": {
        "nl": "Ging het RET uit van wat jullie zelf wilden?",
        "en": "Did the RET start from what you wanted yourselves?",
    },
    "evaluation.family.nu": {
        "nl": "Hoe gaat het nu?",
        "en": "How are things now?",
    },
    "evaluation.family.toelichting": {
        "nl": "Wil je nog iets kwijt? (hoeft niet)",
        "en": "Anything else you want to tell us? (optional)",
    },
    "evaluation.family.score.1": {"nl": "1 - helemaal niet", "en": "1 - not at all"},
    "evaluation.family.score.2": {"nl": "2 - niet echt", "en": "2 - not really"},
    "evaluation.family.score.3": {"nl": "3 - een beetje", "en": "3 - a little"},
    "evaluation.family.score.4": {"nl": "4 - ja", "en": "4 - yes"},
    "evaluation.family.score.5": {"nl": "5 - heel erg", "en": "5 - very much"},
    "evaluation.family.now.1": {"nl": "1 - slecht", "en": "1 - badly"},
    "evaluation.family.now.2": {"nl": "2 - niet zo goed", "en": "2 - not so well"},
    "evaluation.family.now.3": {"nl": "3 - gaat wel", "en": "3 - okay"},
    "evaluation.family.now.4": {"nl": "4 - goed", "en": "4 - well"},
    "evaluation.family.now.5": {"nl": "5 - heel goed", "en": "5 - very well"},
    "evaluation.family.send": {"nl": "Versturen", "en": "Send"},
    "evaluation.problem.family_score": {
        "nl": "Kies bij de eerste en de laatste vraag een cijfer van 1 tot 5.",
        "en": "Please choose a number from 1 to 5 for the first and the last question.",
    },
    "evaluation.problem.family_choice": {
        "nl": "Kies een antwoord bij de vraag of het RET uitging van wat jullie wilden.",
        "en": "Please choose an answer to whether the RET started from what you wanted.",
    },
    "evaluation.family.thanks": {
        "nl": "Dank je wel! We hebben je antwoorden goed ontvangen.",
        "en": "Thank you! We have received your answers.",
    },
    "evaluation.family.already": {
        "nl": "Je hebt deze vragen al beantwoord op {date}. Dank je wel!",
        "en": "You already answered these questions on {date}. Thank you!",
    },
    # For the verwijzer: the family's link to pass on.
    "evaluation.family_link": {
        "nl": (
            "Wil je ook het gezin vragen hoe het ging? Stuur deze link door naar het gezin; hij "
            "werkt {days} dagen. Het zijn vier korte vragen in eenvoudige taal."
        ),
        "en": (
            "Would you like to ask the family how it went too? Send them this link; it works for "
            "{days} days. Four short questions in plain language."
        ),
    },
    "evaluation.family_link.button": {
        "nl": "Link voor het gezin",
        "en": "Link for the family",
    },
    "evaluation.email.family_link": {
        "nl": (
            "Wil je ook het gezin vragen hoe het ging? Stuur deze link door naar het gezin; hij "
            "werkt {days} dagen: {url}"
        ),
        "en": (
            "Would you like to ask the family how it went too? Send them this link; it works for "
            "{days} days: {url}"
        ),
    },
    "evaluation.after_advice.intro": {
        "nl": (
            "Het RET gaf {weeks} weken of langer geleden advies in deze casus, en de casus loopt "
            "nog. "
            "Wij leren graag van elke vastgelopen zorgvraag. Daarom vragen we iedereen die eraan "
            "werkt om een "
            "korte evaluatie, over de samenwerking en over de inhoud. Het kost twee minuten. "
            "Alleen de voorzitter van het RET leest je antwoorden."
        ),
        "en": (
            "The RET gave its advice in this case {weeks} weeks ago or more, and the case is still "
            "open. To learn from cases that got stuck, we ask everyone who works on "
            "it for a short evaluation, about how we worked together and about the case itself. "
            "It takes "
            "two minutes. Only the RET's chair reads your answers."
        ),
    },
    "evaluation.email.body_after_advice": {
        "nl": (
            "Beste {name},\n\n"
            "{ret} gaf {weeks} weken of langer geleden advies in casus {number} "
            "({initials}), en de casus loopt nog. Wij leren graag van elke vastgelopen zorgvraag. "
            "Daarom "
            "vragen we iedereen die eraan werkt om een korte evaluatie, over de samenwerking "
            "en over de inhoud. Het kost twee minuten, via deze link: {url}\n\n"
            "De link werkt {days} dagen en is alleen voor u: stuur hem niet door. U krijgt "
            "deze vraag per e-mail omdat ik u niet in Teams kan bereiken."
        ),
        "en": (
            "Dear {name},\n\n"
            "{ret} gave its advice in case {number} ({initials}) {weeks} weeks ago or more, "
            "and the case is still open. To learn from cases that got stuck, we ask "
            "everyone who works on it for a short evaluation, about how we worked together and "
            "about the case itself. It takes two minutes, through this link: {url}\n\n"
            "The link works for {days} days and is for you only: please do not forward it. "
            "You get this question by e-mail because I cannot reach you in Teams."
        ),
    },
    "closing.done_family": {
        "nl": "{number} is afgesloten ({reason}). Het gezin heeft bericht gekregen per e-mail.",
        "en": "{number} is closed ({reason}). The family has been told by e-mail.",
    },
    "closing.done_family_not_told": {
        "nl": (
            "{number} is afgesloten ({reason}). De e-mail aan het gezin is nog niet verstuurd; "
            "retbot blijft het proberen. Laat het hen zelf weten als het haast heeft."
        ),
        "en": (
            "{number} is closed ({reason}). The e-mail to the family has not gone out yet; "
            "retbot keeps trying. Tell them yourself if it cannot wait."
        ),
    },
    "evaluation.kind.gezin": {"nl": "gezin", "en": "family"},
}
