"""Referrers outside Teams: the personal link by e-mail, the aanmelding on retbot's own
page, and the code that checks their work address (dialogs/email_apply.py,
dialogs/referrer_web.py, bot/referrer_page.py)."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "verwijzer.link_mail.subject": {
        "nl": "Je persoonlijke link om aan te melden bij het {ret}",
        "en": "Your personal link to submit a request to the {ret}",
    },
    "verwijzer.link_mail.body": {
        "nl": (
            "Hallo,\n\nJe vroeg om een aanmelding bij het {ret}. Met deze persoonlijke link "
            "meld je aan in dezelfde stappen als in Microsoft Teams, in een chat op onze "
            "website:\n\n{url}\n\nDe link werkt {days} dagen en is alleen voor jou ({email}): "
            "stuur hem niet door. Wat je invult, blijft als concept bewaard; met dezelfde link "
            "ga je later verder. Voordat je de aanmelding indient, stuur ik een code naar dit "
            "adres. Zet in een e-mail nooit namen of diagnoses; initialen zijn genoeg.\n\n"
            "Heb je hier niet om gevraagd? Dan kun je deze e-mail weggooien."
        ),
        "en": (
            "Hello,\n\nYou asked to submit a request to the {ret}. With this personal link you "
            "apply in the same steps as in Microsoft Teams, in a chat on our website:\n\n"
            "{url}\n\nThe link works for {days} days and is for you only ({email}): do not "
            "forward it. What you fill in is kept as a draft; the same link lets you continue "
            "later. Before you submit, I send a code to this address. Never put names or "
            "diagnoses in an e-mail; initials are enough.\n\n"
            "Did you not ask for this? Then you can delete this e-mail."
        ),
    },
    "verwijzer.too_many_links": {
        "nl": (
            "Je hebt vandaag al {limit} links gekregen om aan te melden. Gebruik de laatste uit "
            "je mailbox (kijk ook bij ongewenste e-mail), of mail morgen opnieuw."
        ),
        "en": (
            "You have already had {limit} links to apply today. Use the latest one in your "
            "mailbox (also look in your junk mail), or e-mail again tomorrow."
        ),
    },
    "verwijzer.welcome": {
        "nl": (
            "Welkom! Ik ben retbot, de digitale assistent van het {ret}. Hier meld je een "
            "vastgelopen zorgvraag aan, in dezelfde stappen als in Microsoft Teams. Je meldt "
            "aan als {email}; naar dat adres stuur ik de code waarmee je indient."
        ),
        "en": (
            "Welcome! I am retbot, the digital assistant of the {ret}. Here you submit a stuck "
            "care question, in the same steps as in Microsoft Teams. You apply as {email}; I "
            "send the code to submit with to that address."
        ),
    },
    "verwijzer.paused": {
        "nl": (
            "Je aanmelding is bewaard als concept. Open de link uit je e-mail opnieuw om "
            "verder te gaan."
        ),
        "en": "Your request is saved as a draft. Open the link in your e-mail again to continue.",
    },
    "verwijzer.already_submitted": {
        "nl": "Deze aanmelding is al ingediend. Typ 'opnieuw' voor een nieuwe aanmelding.",
        "en": "This request has already been submitted. Type 'again' for a new request.",
    },
    "verwijzer.already_submitted_as": {
        "nl": "Je hebt deze aanmelding al ingediend: hij staat onder nummer **{number}**.",
        "en": "You have already submitted this request: it is **{number}**.",
    },
    "verwijzer.use_card": {
        "nl": (
            "Vul de velden op de kaart in en kies de knop eronder. Typ 'stop' om later "
            "verder te gaan."
        ),
        "en": (
            "Fill in the fields on the card and choose the button below. Type 'stop' to "
            "continue later."
        ),
    },
    "verwijzer.complaint_stopped": {
        "nl": (
            "Goed, dan stoppen we hier; je concept is weggegooid. Loopt de zorgvraag later "
            "toch vast, mail het RET dan opnieuw dat je wilt aanmelden."
        ),
        "en": (
            "All right, we stop here; your draft has been discarded. If the care question "
            "gets stuck later, e-mail the RET again that you want to apply."
        ),
    },
    "verwijzer.code_title": {"nl": "Bevestig je e-mailadres", "en": "Confirm your e-mail address"},
    "verwijzer.code_sent": {
        "nl": (
            "Ik heb een code van 6 cijfers gestuurd naar {email}. Kijk ook bij je ongewenste "
            "e-mail. De code werkt 30 minuten. Pas met de code dien ik je aanmelding in."
        ),
        "en": (
            "I sent a 6-digit code to {email}. Also look in your junk mail. The code works for "
            "30 minutes. Only with the code do I submit your request."
        ),
    },
    "verwijzer.code_label": {"nl": "De code uit de e-mail", "en": "The code from the e-mail"},
    "verwijzer.code_required": {"nl": "Vul de code in.", "en": "Fill in the code."},
    "verwijzer.code_check": {"nl": "Aanmelding indienen", "en": "Submit request"},
    "verwijzer.code_again": {"nl": "Stuur een nieuwe code", "en": "Send a new code"},
    "verwijzer.code_wrong": {
        "nl": "Die code klopt niet. Je kunt het nog {tries} keer proberen.",
        "en": "That code is not right. You can try {tries} more times.",
    },
    "verwijzer.code_expired": {
        "nl": "Deze code werkt niet meer. Kies 'Stuur een nieuwe code'.",
        "en": "This code no longer works. Choose 'Send a new code'.",
    },
    "verwijzer.no_email": {
        "nl": (
            "Het lukt nu niet om een e-mail met de code te sturen. Je aanmelding is bewaard "
            "als concept; probeer het later nog eens, of neem contact op met het {ret}."
        ),
        "en": (
            "An e-mail with the code cannot be sent right now. Your request is saved as a "
            "draft; try again later, or contact the {ret}."
        ),
    },
    "verwijzer.too_many_codes": {
        "nl": (
            "Je hebt vandaag al {limit} codes gekregen. Je aanmelding is bewaard als concept; "
            "morgen kun je een nieuwe code vragen."
        ),
        "en": (
            "You have already had {limit} codes today. Your request is saved as a draft; "
            "tomorrow you can ask for a new code."
        ),
    },
    "verwijzer.code_mail.subject": {
        "nl": "Je code voor je aanmelding bij het {ret}",
        "en": "Your code for your request to the {ret}",
    },
    "verwijzer.code_mail.body": {
        "nl": (
            "Hallo,\n\nJe code is: {code}\n\nVul deze code in bij retbot op de website om je "
            "aanmelding in te dienen. De code werkt 30 minuten.\n\nHeb je niet zelf om deze "
            "code gevraagd? Dan kun je deze e-mail weggooien."
        ),
        "en": (
            "Hello,\n\nYour code is: {code}\n\nFill in this code with retbot on the website to "
            "submit your request. The code works for 30 minutes.\n\nDid you not ask for this "
            "code? Then you can delete this e-mail."
        ),
    },
    "verwijzer.received": {
        "nl": (
            "Dank je wel. Je aanmelding is ingediend onder nummer **{number}**. De voorzitter "
            "van het RET bekijkt hem en laat je weten wat het RET kan doen: een overleg aan de "
            "RET-tafel, een consultatie of een andere route."
        ),
        "en": (
            "Thank you. Your request has been submitted as **{number}**. The chair of the RET "
            "looks at it and lets you know what the RET can do: a RET meeting, a consultation "
            "or another route."
        ),
    },
    "verwijzer.page.title": {
        "nl": "Aanmelden bij het {ret}",
        "en": "Submit a request to the {ret}",
    },
    "verwijzer.page.intro": {
        "nl": (
            "Je meldt hier als professional een vastgelopen zorgvraag aan bij het expertteam, "
            "met retbot, in dezelfde stappen als in Microsoft Teams."
        ),
        "en": (
            "Here you submit a stuck care question to the expert team as a professional, with "
            "retbot, in the same steps as in Microsoft Teams."
        ),
    },
    "verwijzer.page.privacy": {
        "nl": (
            "Wat je hier invult, ziet alleen het RET. Gebruik geen volledige namen: initialen "
            "zijn genoeg. Deze pagina is persoonlijk: stuur de link niet door."
        ),
        "en": (
            "Only the RET sees what you fill in here. Do not use full names: initials are "
            "enough. This page is personal: do not forward the link."
        ),
    },
    "verwijzer.page.expired": {
        "nl": (
            "Deze link werkt niet meer. Mail het {ret} opnieuw dat je wilt aanmelden; je "
            "krijgt dan een nieuwe link. Wat je al had ingevuld, staat er dan nog."
        ),
        "en": (
            "This link no longer works. E-mail the {ret} again that you want to apply; you "
            "then get a new link. What you filled in before is still there."
        ),
    },
    "verwijzer.page.invalid": {
        "nl": (
            "Deze link klopt niet. Gebruik de link uit je e-mail zoals hij is, of mail het "
            "{ret} dat je wilt aanmelden voor een nieuwe link."
        ),
        "en": (
            "This link is not right. Use the link from your e-mail as it is, or e-mail the "
            "{ret} that you want to apply for a new link."
        ),
    },
    "verwijzer.mail.advies.subject": {
        "nl": "Zwaarwegend advies bij je aanmelding {number} ({initials})",
        "en": "Binding advice on your request {number} ({initials})",
    },
    "verwijzer.mail.advies.body": {
        "nl": (
            "Hallo,\n\nHet RET heeft zijn zwaarwegend advies over je aanmelding {number} "
            "({initials}) vastgelegd. Je vindt het als Word-document achter deze link: {url}\n\n"
            "De link werkt {days} dagen; elke download wordt vastgelegd. Geef het advies door "
            "aan de jeugdige en de ouders en bespreek het met hen."
        ),
        "en": (
            "Hello,\n\nThe RET has recorded its binding advice (zwaarwegend advies) on your "
            "request {number} ({initials}). It is a Word document behind this link: {url}\n\n"
            "The link works for {days} days; every download is recorded. Please pass the "
            "advice on to the young person and the parents and go through it with them."
        ),
    },
    "verwijzer.mail.closed.subject": {
        "nl": "Je aanmelding {number} ({initials}) is afgesloten",
        "en": "Your request {number} ({initials}) has been closed",
    },
    "verwijzer.mail.closed.body": {
        "nl": (
            "Hallo,\n\nHet RET heeft je aanmelding {number} ({initials}) afgesloten. Reden: "
            "{reason}.\n\nHeb je nog vragen over deze casus? Mail de voorzitter: {email}."
        ),
        "en": (
            "Hello,\n\nThe RET has closed your request {number} ({initials}). Reason: "
            "{reason}.\n\nAny questions about this case? Mail the chair: {email}."
        ),
    },
    "verwijzer.mail.decision.subject": {
        "nl": "Je aanmelding {number} ({initials}): besluit van het RET",
        "en": "Your request {number} ({initials}): decision of the RET",
    },
    "verwijzer.mail.consultatie": {
        "nl": (
            "Hallo,\n\n{name} (voorzitter) pakt je aanmelding {number} ({initials}) op als "
            "consultatie: advies zonder overleg. Je hoort binnenkort meer, per e-mail."
        ),
        "en": (
            "Hello,\n\n{name} (chair) takes up your request {number} ({initials}) as a "
            "consultation: advice without a meeting. You will hear more soon, by e-mail."
        ),
    },
    "verwijzer.mail.samenwerkingstafel": {
        "nl": (
            "Hallo,\n\n{name} (voorzitter) brengt je aanmelding {number} ({initials}) naar "
            "een samenwerkingstafel met de betrokken aanbieders. Je hoort binnenkort wanneer, "
            "per e-mail."
        ),
        "en": (
            "Hello,\n\n{name} (chair) brings your request {number} ({initials}) to a "
            "collaboration table with the providers involved. You will hear when soon, by "
            "e-mail."
        ),
    },
    "verwijzer.mail.doorverwijzen": {
        "nl": (
            "Hallo,\n\n{name} (voorzitter) ziet voor je aanmelding {number} ({initials}) een "
            "betere route dan het RET. De voorzitter neemt hierover contact met je op en "
            "licht het dan toe; de toelichting staat niet in deze e-mail. Je kunt ook zelf "
            "mailen: {email}."
        ),
        "en": (
            "Hello,\n\n{name} (chair) sees a better route than the RET for your request "
            "{number} ({initials}). The chair will contact you and explain; the explanation "
            "is not in this e-mail. You can also e-mail: {email}."
        ),
    },
    "verwijzer.mail.meer_informatie": {
        "nl": (
            "Hallo,\n\n{name} (voorzitter) heeft een vraag over je aanmelding {number} "
            "({initials}). Je leest en beantwoordt de vraag via deze link: {url}\n\nDe vraag "
            "staat niet in deze e-mail, omdat die over de jeugdige kan gaan. De link werkt "
            "{days} dagen en voor één antwoord; stuur hem niet door. Liever bellen of mailen? "
            "Dat kan met de voorzitter: {email}."
        ),
        "en": (
            "Hello,\n\n{name} (chair) has a question about your request {number} "
            "({initials}). You read and answer it through this link: {url}\n\nThe question "
            "is not in this e-mail, as it may be about the young person. The link works for "
            "{days} days and for one answer; do not forward it. Rather call or e-mail? You "
            "can reach the chair: {email}."
        ),
    },
    "verwijzer.mail.invitation.subject": {
        "nl": "Uitnodiging RET-tafel {number} ({initials}): {day}, {start} uur",
        "en": "Invitation RET meeting {number} ({initials}): {day}, {start}",
    },
    "verwijzer.mail.invitation.body": {
        "nl": (
            "Hallo,\n\nJe aanmelding {number} ({initials}) komt aan de RET-tafel: {day}, van "
            "{start} tot {end} uur, {location}.\n\nHet overleg gaat alleen door met jou en met "
            "de jeugdige en ouders erbij. Wil je hen uitnodigen en het overleg samen met hen "
            "voorbereiden? Een lid van het RET neemt vooraf contact met hen op.\n\nDe "
            "uitnodiging voor je agenda zit als bijlage bij deze e-mail. Laat via deze link "
            "weten of je komt, of wie er in je plaats komt: {attend}\n\nVragen? Mail de "
            "voorzitter: {email}."
        ),
        "en": (
            "Hello,\n\nYour request {number} ({initials}) goes to the RET meeting: {day}, "
            "from {start} to {end}, {location}.\n\nThe meeting only takes place with you and "
            "the young person and parents present. Will you invite them and prepare the "
            "meeting with them? A member of the RET contacts them beforehand.\n\nThe calendar "
            "invitation is attached. Let us know through this link whether you come, or who "
            "comes in your place: {attend}\n\nQuestions? E-mail the chair: {email}."
        ),
    },
    "verwijzer.mail.invitation_moved.subject": {
        "nl": "Gewijzigd: RET-tafel {number} ({initials}) is nu {day}, {start} uur",
        "en": "Changed: RET meeting {number} ({initials}) is now {day}, {start}",
    },
    "verwijzer.mail.invitation_moved.body": {
        "nl": (
            "Hallo,\n\nHet overleg aan de RET-tafel over je aanmelding {number} ({initials}) "
            "is verplaatst naar {day}, van {start} tot {end} uur, {location}.\n\nDe "
            "agenda-uitnodiging in de bijlage vervangt de vorige. Laat via deze link weten of "
            "je komt: {attend}\n\nVragen? Mail de voorzitter: {email}."
        ),
        "en": (
            "Hello,\n\nThe RET meeting about your request {number} ({initials}) has moved to "
            "{day}, from {start} to {end}, {location}.\n\nThe attached calendar invitation "
            "replaces the previous one. Let us know through this link whether you come: "
            "{attend}\n\nQuestions? E-mail the chair: {email}."
        ),
    },
    "verwijzer.mail.follow_up.subject": {
        "nl": "{reminder}Follow-up {number} ({initials}): hoe gaat het nu?",
        "en": "{reminder}Follow-up {number} ({initials}): how are things now?",
    },
    "verwijzer.mail.follow_up.body": {
        "nl": (
            "Hallo,\n\nNa het advies vraagt {ret} geregeld hoe het gaat, zodat we op tijd "
            "kunnen bijsturen als iets vastloopt. Hoe staat het bij casus {number} "
            "({initials})?\n\nAntwoorden kost een minuut, via deze link: {url}\n\nDe link "
            "werkt {days} dagen en voor één antwoord. Stuur hem niet door."
        ),
        "en": (
            "Hello,\n\nAfter its advice, {ret} asks regularly how things are going, so it can "
            "step in early when something stalls. How are things for case {number} "
            "({initials})?\n\nAnswering takes a minute, through this link: {url}\n\nThe link "
            "works for {days} days and for one answer. Do not forward it."
        ),
    },
    "verwijzer.cases_mail.subject": {
        "nl": "Je link naar Mijn casussen bij het {ret}",
        "en": "Your link to My cases at the {ret}",
    },
    "verwijzer.cases_mail.body": {
        "nl": (
            "Hallo,\n\nVia deze persoonlijke link zie je de aanmeldingen die je zonder Teams "
            "bij het {ret} deed, met casusnummer, initialen en hoe het ervoor staat:\n\n"
            "{url}\n\nDe link werkt {days} dagen en is alleen voor jou ({email}): stuur hem "
            "niet door.\n\nHeb je hier niet om gevraagd? Dan kun je deze e-mail weggooien."
        ),
        "en": (
            "Hello,\n\nThrough this personal link you see the requests you made to the {ret} "
            "without Teams, with case number, initials and how they are going:\n\n{url}\n\n"
            "The link works for {days} days and is for you only ({email}): do not forward it."
            "\n\nDid you not ask for this? Then you can delete this e-mail."
        ),
    },
    "verwijzer.cases_page.title": {
        "nl": "Mijn casussen bij het {ret}",
        "en": "My cases at the {ret}",
    },
    "verwijzer.cases_page.intro": {
        "nl": "De aanmeldingen die je als {email} zonder Teams deed.",
        "en": "The requests you made as {email} without Teams.",
    },
    "verwijzer.cases_page.none": {
        "nl": "Je hebt als {email} nog geen aanmeldingen gedaan.",
        "en": "You have not made any requests as {email} yet.",
    },
    "verwijzer.cases_page.number": {"nl": "Casusnummer", "en": "Case number"},
    "verwijzer.cases_page.initials": {"nl": "Initialen", "en": "Initials"},
    "verwijzer.cases_page.status": {"nl": "Stand van zaken", "en": "Status"},
    "verwijzer.cases_page.submitted": {"nl": "Aangemeld op", "en": "Submitted on"},
    "verwijzer.cases_page.expired": {
        "nl": ("Deze link werkt niet meer. Mail het {ret} 'mijn casussen' voor een nieuwe link."),
        "en": "This link no longer works. E-mail the {ret} 'mijn casussen' for a new link.",
    },
    "verwijzer.cases_page.invalid": {
        "nl": (
            "Deze link klopt niet. Gebruik de link uit je e-mail zoals hij is, of mail het "
            "{ret} 'mijn casussen' voor een nieuwe link."
        ),
        "en": (
            "This link is not right. Use the link from your e-mail as it is, or e-mail the "
            "{ret} 'mijn casussen' for a new link."
        ),
    },
    "verwijzer.question_page.title": {
        "nl": "Vraag van de voorzitter van het {ret}",
        "en": "Question from the chair of the {ret}",
    },
    "verwijzer.question_page.case": {"nl": "Casusnummer", "en": "Case number"},
    "verwijzer.question_page.initials": {"nl": "Initialen", "en": "Initials"},
    "verwijzer.question_page.asks": {
        "nl": "De voorzitter vraagt over je aanmelding:",
        "en": "The chair asks about your request:",
    },
    "verwijzer.question_page.answer": {"nl": "Je antwoord", "en": "Your answer"},
    "verwijzer.question_page.send": {"nl": "Antwoord versturen", "en": "Send answer"},
    "verwijzer.question_page.expired": {
        "nl": "Deze link werkt niet meer. Neem contact op met de voorzitter van het RET.",
        "en": "This link no longer works. Contact the chair of the RET.",
    },
    "verwijzer.question_page.invalid": {
        "nl": "Deze link klopt niet. Gebruik de link uit je e-mail zoals hij is.",
        "en": "This link is not right. Use the link from your e-mail as it is.",
    },
    "verwijzer.attend_page.title": {
        "nl": "RET-tafel bij het {ret}: kom je?",
        "en": "RET meeting at the {ret}: are you coming?",
    },
    "verwijzer.attend_page.case": {"nl": "Casusnummer", "en": "Case number"},
    "verwijzer.attend_page.initials": {"nl": "Initialen", "en": "Initials"},
    "verwijzer.attend_page.when": {"nl": "Wanneer en waar", "en": "When and where"},
    "verwijzer.attend_page.moment": {
        "nl": "{day}, van {start} tot {end} uur, {location}",
        "en": "{day}, from {start} to {end}, {location}",
    },
    "verwijzer.attend_page.question": {"nl": "Kom je naar het overleg?", "en": "Are you coming?"},
    "verwijzer.attend_page.yes": {"nl": "Ik kom", "en": "I will come"},
    "verwijzer.attend_page.no": {"nl": "Ik kan niet", "en": "I cannot come"},
    "verwijzer.attend_page.stand_in": {
        "nl": "Kun je niet? Wie komt er in je plaats (naam en functie)?",
        "en": "Cannot come? Who comes in your place (name and role)?",
    },
    "verwijzer.attend_page.send": {"nl": "Doorgeven", "en": "Send"},
    "verwijzer.attend_page.no_answer": {
        "nl": "Kies 'Ik kom' of 'Ik kan niet'. Open de link opnieuw om het door te geven.",
        "en": "Choose 'I will come' or 'I cannot come'. Open the link again to send it.",
    },
    "verwijzer.attend_page.not_planned": {
        "nl": (
            "Voor deze casus staat geen overleg aan de RET-tafel (meer) gepland. Vragen? Neem "
            "contact op met de voorzitter."
        ),
        "en": "No RET meeting is planned (any more) for this case. Questions? Contact the chair.",
    },
    "verwijzer.attend_page.expired": {
        "nl": "Deze link werkt niet meer: het overleg is voorbij.",
        "en": "This link no longer works: the meeting is over.",
    },
    "verwijzer.attend_page.invalid": {
        "nl": "Deze link klopt niet. Gebruik de link uit je e-mail zoals hij is.",
        "en": "This link is not right. Use the link from your e-mail as it is.",
    },
    "verwijzer.start_page.title": {
        "nl": "Aanmelden bij het {ret} zonder Teams",
        "en": "Apply to the {ret} without Teams",
    },
    "verwijzer.start_page.intro": {
        "nl": (
            "Ben je professional en wil je een vastgelopen zorgvraag aanmelden, maar werk je "
            "niet in de Teams-omgeving van het RET? Vul je werkadres in: je krijgt per e-mail "
            "een persoonlijke link naar de aanmelding."
        ),
        "en": (
            "Are you a professional who wants to submit a stuck care question, but you do not "
            "work in the RET's Teams? Fill in your work address: you get a personal link to the "
            "request by e-mail."
        ),
    },
    "verwijzer.start_page.email": {"nl": "Je werkadres", "en": "Your work address"},
    "verwijzer.start_page.send": {"nl": "Stuur mij de link", "en": "Send me the link"},
    "verwijzer.start_page.privacy": {
        "nl": (
            "Het adres gebruiken we alleen om je de link en later berichten over je "
            "aanmelding te sturen."
        ),
        "en": (
            "We use the address only to send you the link and later messages about your request."
        ),
    },
    "verwijzer.start_page.wrong": {
        "nl": "Dit is geen e-mailadres. Vul je werkadres in, bijvoorbeeld naam@organisatie.nl.",
        "en": (
            "This is not an e-mail address. Fill in your work address, e.g. name@organisation.nl."
        ),
    },
    "verwijzer.start_page.sent": {
        "nl": (
            "Als dit adres klopt, staat er binnen een paar minuten een e-mail met je "
            "persoonlijke link in je mailbox. Kijk ook bij ongewenste e-mail. Per adres "
            "sturen we hooguit {limit} links per dag."
        ),
        "en": (
            "If this address is right, an e-mail with your personal link arrives within a few "
            "minutes. Also look in your junk mail. We send at most {limit} links per address "
            "a day."
        ),
    },
    "verwijzer.start_page.not_set_up": {
        "nl": (
            "Aanmelden zonder Teams is bij het {ret} nog niet ingesteld. Neem contact op met "
            "het RET."
        ),
        "en": "Applying without Teams has not been set up yet at the {ret}. Contact the RET.",
    },
}
