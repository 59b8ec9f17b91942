"""What the bot says, in Dutch (default) and English (on request).

One catalog keeps the wording in one place, so it can be read and reviewed as a whole.
"""

from typing import Literal

from domain.cases import CaseStatus
from domain.vocabularies import CASE_STATUS, term

Language = Literal["nl", "en"]
DEFAULT_LANGUAGE: Language = "nl"

_CATALOG: dict[str, dict[Language, str]] = {
    "welcome": {
        "nl": (
            "Welkom! Ik ben retbot, de digitale assistent van {ret}. Bij mij kun je een "
            "vastgelopen zorgvraag aanmelden, snel een vraag stellen aan het expertteam en "
            "zien hoe het met jouw casussen staat."
        ),
        "en": (
            "Welcome! I am retbot, the digital assistant of {ret}. You can submit a stuck "
            "care question, quickly ask the expert team something, and see how your cases "
            "are doing."
        ),
    },
    "welcome.team": {
        "nl": (
            "Hallo allemaal! Ik ben retbot, de digitale assistent van {ret}. Hier zet ik "
            "nieuwe aanmeldingen en consultatievragen voor de voorzitter, en vraag ik de "
            "kernteamleden hun mandaat te bevestigen. Een casus staat hier alleen met "
            "casusnummer en initialen. Noem @retbot met je vraag, of met 'help' voor wat ik kan."
        ),
        "en": (
            "Hello everyone! I am retbot, the digital assistant of {ret}. Here I post new "
            "requests and consultation questions for the chair, and ask the core team members "
            "to confirm their mandate. A case appears here with its number and initials only. "
            "Mention @retbot with your question, or with 'help' to see what I can do."
        ),
    },
    "menu.title": {"nl": "Waarmee kan ik je helpen?", "en": "How can I help you?"},
    "menu.hint": {
        "nl": "Kies hieronder, of typ je vraag. Typ 'menu' om hier terug te komen.",
        "en": "Choose below, or type your question. Type 'menu' to come back here.",
    },
    "menu.aanmelding": {"nl": "Nieuwe aanmelding", "en": "New request"},
    "menu.vraag": {"nl": "Vraag stellen", "en": "Ask a question"},
    "menu.casussen": {"nl": "Mijn casussen", "en": "My cases"},
    "menu.help": {"nl": "Help", "en": "Help"},
    "help": {
        "nl": (
            "Zo werk ik:\n\n"
            "- **Nieuwe aanmelding**: ik help je stap voor stap een vraag om consultatie en "
            "advies bij het RET in te dienen.\n"
            "- **Vraag stellen**: een korte vraag over het RET; lukt het mij niet, dan zet ik "
            "hem door naar de voorzitter.\n"
            "- **Mijn casussen**: de stand van zaken van jouw aanmeldingen.\n\n"
            "Typ 'menu' voor het keuzemenu, 'taal' of 'language' om de taal te wijzigen "
            "en 'stop' om een gesprek af te breken."
        ),
        "en": (
            "This is how I work:\n\n"
            "- **New request**: I guide you step by step through a request for consultation "
            "and advice from the RET.\n"
            "- **Ask a question**: a short question about the RET; if I cannot answer it, I "
            "pass it on to the chair.\n"
            "- **My cases**: the status of your requests.\n\n"
            "Type 'menu' for the menu, 'taal' or 'language' to change the language and 'stop' "
            "to end a conversation."
        ),
    },
    "help.group": {
        "nl": "In een groepschat of kanaal hoor ik alleen berichten waarin je @retbot noemt.",
        "en": "In a group chat or channel I only hear messages that mention @retbot.",
    },
    "cases.title_mine": {"nl": "Mijn casussen", "en": "My cases"},
    "cases.title_team": {"nl": "Casussen van het RET", "en": "The RET's cases"},
    "cases.none": {
        "nl": "Je hebt nog geen aanmeldingen gedaan. Kies 'Nieuwe aanmelding' om te beginnen.",
        "en": "You have not submitted any requests yet. Choose 'New request' to start.",
    },
    "cases.status": {"nl": "Status", "en": "Status"},
    "cases.submitted": {"nl": "Aangemeld op", "en": "Submitted on"},
    "cases.consent_pending": {
        "nl": "De toestemming volgt nog. Is die inmiddels gegeven? Leg het hier vast.",
        "en": "Consent is still to follow. Has it been given? Record it here.",
    },
    "cases.consent_given": {"nl": "Toestemming is gegeven", "en": "Consent has been given"},
    "cases.consent_recorded": {
        "nl": (
            "Dank je, de toestemming voor {number} is vastgelegd. Het RET-team kan de "
            "aanmelding nu inzien."
        ),
        "en": "Thank you, consent for {number} is recorded. The RET team can now see the request.",
    },
    "cases.consent_who": {
        "nl": "Kies eerst wie de toestemming gaf.",
        "en": "Please choose who gave consent first.",
    },
    "cases.consent_chair": {
        "nl": (
            "De toestemming voor {number} ({initials}) is vastgelegd; de aanmelding is nu in "
            "te zien."
        ),
        "en": "Consent for {number} ({initials}) is recorded; the request can now be viewed.",
    },
    "cases.close": {"nl": "Casus afsluiten", "en": "Close case"},
    "cases.close_reason": {
        "nl": "Waarom sluit je de casus af?",
        "en": "Why are you closing the case?",
    },
    "cases.close_reason_missing": {"nl": "Kies een reden.", "en": "Choose a reason."},
    "cases.close_note": {
        "nl": "Toelichting (niet verplicht; alleen zichtbaar in het verloop van de casus)",
        "en": "Note (optional; only shown in the case's timeline)",
    },
    "cases.close_confirm": {"nl": "Afsluiten", "en": "Close"},
    "closing.done": {
        "nl": "{number} is afgesloten ({reason}). De verwijzer heeft bericht gekregen.",
        "en": "{number} is closed ({reason}). The referrer has been told.",
    },
    "closing.done_not_told": {
        "nl": (
            "{number} is afgesloten ({reason}). Ik kon de verwijzer niet bereiken: laat het "
            "hem of haar zelf even weten."
        ),
        "en": "{number} is closed ({reason}). I could not reach the referrer: please tell them.",
    },
    "closing.not_allowed": {
        "nl": "Alleen de voorzitter van het RET kan een casus afsluiten.",
        "en": "Only the RET's chair can close a case.",
    },
    "closing.already": {
        "nl": "{number} is al afgesloten.",
        "en": "{number} is already closed.",
    },
    "closing.not_yet": {
        "nl": (
            "{number} kan nog niet worden afgesloten: de status is '{status}'. Afsluiten kan "
            "na een consultatie, een samenwerkingstafel of een doorverwijzing, of als het "
            "advies gegeven is."
        ),
        "en": (
            "{number} cannot be closed yet: its status is '{status}'. A case can be closed "
            "after a consultation, a collaboration table or a referral, or once the advice "
            "has been given."
        ),
    },
    "closing.reason_missing": {
        "nl": "Kies eerst een reden om {number} af te sluiten.",
        "en": "Please choose a reason for closing {number} first.",
    },
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
    "cases.only_personal": {
        "nl": "Het overzicht van casussen laat ik alleen zien in je eigen chat met mij.",
        "en": "I only show the overview of cases in your own chat with me.",
    },
    "fallback": {
        "nl": ("Dat begrijp ik nog niet. Typ 'menu' om te zien wat ik kan, of 'help' voor uitleg."),
        "en": "I do not understand that yet. Type 'menu' to see what I can do, or 'help'.",
    },
    "cancelled": {
        "nl": "Goed, ik ben gestopt. Typ 'menu' als je verder wilt.",
        "en": "All right, I stopped. Type 'menu' to continue.",
    },
    "language.ask": {
        "nl": "In welke taal wil je dat ik met je praat?",
        "en": "Which language would you like me to use?",
    },
    "language.retry": {
        "nl": "Kies een van de talen hieronder, of typ het nummer.",
        "en": "Please pick one of the languages below, or type its number.",
    },
    "language.done": {
        "nl": "Prima, ik praat voortaan Nederlands met je.",
        "en": "Fine, I will speak English with you from now on.",
    },
    "ask.prompt": {
        "nl": (
            "Wat is je vraag? Stel hem zonder namen of andere gegevens waaraan een kind of "
            "gezin te herkennen is."
        ),
        "en": (
            "What is your question? Please leave out names and anything else that could "
            "identify a child or family."
        ),
    },
    "ask.empty": {
        "nl": "Ik zie nog geen vraag. Typ je vraag in een paar woorden.",
        "en": "I do not see a question yet. Type your question in a few words.",
    },
    "answer.source.knowledge": {
        "nl": "Uit de kennisbank van het RET: '{question}'",
        "en": "From the RET's knowledge base: '{question}'",
    },
    "answer.source.meetings": {
        "nl": "Uit de vergaderkalender van het RET",
        "en": "From the RET's meeting calendar",
    },
    "answer.source.roster": {
        "nl": "Uit de ledenlijst van het RET",
        "en": "From the RET's member list",
    },
    "answer.source.complaints": {
        "nl": "Uit de klachtroutes van de regio",
        "en": "From the region's complaint routes",
    },
    "answer.next_meeting": {
        "nl": "Het volgende RET-overleg is op {day} van {start} tot {end} uur, {location}.",
        "en": "The next RET meeting is on {day} from {start} to {end}, {location}.",
    },
    "answer.experts": {
        "nl": "Deze leden van het RET hebben expertise in {expertise}:",
        "en": "These RET members have expertise in {expertise}:",
    },
    "answer.complaints": {
        "nl": (
            "Wat vervelend dat je hier tegenaan loopt. Een klacht wordt het zorgvuldigst "
            "behandeld via een van deze routes. Het RET behandelt zelf geen klachten, maar zit "
            "er een vastgelopen zorgvraag achter, dan denkt het RET graag mee: kies dan "
            "'Nieuwe aanmelding'."
        ),
        "en": (
            "Sorry to hear you ran into this. A complaint is handled most carefully through one "
            "of these routes. The RET does not handle complaints itself, but if there is a "
            "stuck care question behind it, the RET is glad to help: choose 'New request'."
        ),
    },
    "intake.complaint": {
        "nl": (
            "Wat je beschrijft klinkt (ook) als een klacht. Die wordt het zorgvuldigst "
            "behandeld via een van deze routes:"
        ),
        "en": "What you describe sounds (also) like a complaint. It is handled best through:",
    },
    "intake.complaint_continue": {
        "nl": (
            "Is er daarnaast een vastgelopen zorgvraag waarbij het RET kan helpen? Ga dan "
            "gewoon verder met de aanmelding. Zo niet, dan kun je de aanmelding weggooien."
        ),
        "en": (
            "Is there also a stuck care question the RET can help with? Then simply continue "
            "with the request. If not, you can discard it."
        ),
    },
    "answer.not_helpful": {
        "nl": "Dit helpt niet, stel mijn vraag aan de voorzitter",
        "en": "This does not help, ask the chair",
    },
    "ask.unknown": {
        "nl": (
            "Daar heb ik geen antwoord op dat ik zeker weet. Zal ik je vraag voorleggen aan "
            "de voorzitter van het RET?"
        ),
        "en": "I have no answer I am sure of. Shall I put your question to the RET's chair?",
    },
    "ask.to_chair": {"nl": "Ja, stel mijn vraag aan de voorzitter", "en": "Yes, ask the chair"},
    "ask.not_to_chair": {"nl": "Nee, laat maar", "en": "No, never mind"},
    "ask.dropped": {
        "nl": "Goed, ik heb je vraag niet doorgestuurd. Typ 'menu' als je verder wilt.",
        "en": "All right, I did not pass your question on. Type 'menu' to continue.",
    },
    "ask.organisation": {
        "nl": (
            "Voor welke organisatie stel je deze vraag? Bijvoorbeeld 'Jeugdbescherming Oost' "
            "of 'ouder'."
        ),
        "en": (
            "On behalf of which organisation do you ask? For example 'Youth protection' "
            "or 'parent'."
        ),
    },
    "ask.sent": {
        "nl": (
            "Je vraag ligt bij de voorzitter. Je krijgt het antwoord hier in de chat, met de "
            "naam van wie antwoordt."
        ),
        "en": (
            "Your question is with the chair. You will get the answer here, with the name "
            "of who answers."
        ),
    },
    "ask.chair_unreachable": {
        "nl": (
            "Je vraag is vastgelegd, maar ik kan de voorzitter nu niet via Teams bereiken. "
            "Heb je haast, mail dan {email}."
        ),
        "en": (
            "Your question is recorded, but I cannot reach the chair through Teams right now. "
            "If it is urgent, email {email}."
        ),
    },
    "ask.already_passed_on": {
        "nl": "Die vraag is al doorgestuurd naar de voorzitter.",
        "en": "That question has already been passed on to the chair.",
    },
    "consult.title": {"nl": "Consultatievraag {number}", "en": "Consultation question {number}"},
    "consult.from": {"nl": "Van", "en": "From"},
    "consult.asked_at": {"nl": "Gesteld", "en": "Asked"},
    "consult.answer_label": {"nl": "Jouw antwoord", "en": "Your answer"},
    "consult.answer_missing": {
        "nl": "Typ eerst je antwoord in het tekstvak.",
        "en": "Please type your answer in the text box first.",
    },
    "consult.action.answer": {"nl": "Beantwoorden", "en": "Answer"},
    "consult.action.contact": {"nl": "Ik bel of mail zelf", "en": "I will call or email"},
    "consult.action.request": {"nl": "Doorzetten naar aanmelding", "en": "Turn into a request"},
    "consult.status.ANSWERED": {
        "nl": "Beantwoord door {name} op {when}",
        "en": "Answered by {name} on {when}",
    },
    "consult.status.CHAIR_CONTACTS": {
        "nl": "{name} neemt contact op met de vraagsteller ({when})",
        "en": "{name} will contact the person who asked ({when})",
    },
    "consult.status.TO_REQUEST": {
        "nl": "Doorgezet naar een aanmelding door {name} op {when}",
        "en": "Turned into a request by {name} on {when}",
    },
    "consult.not_allowed": {
        "nl": "Alleen de voorzitter van het RET kan consultatievragen afhandelen.",
        "en": "Only the RET's chair can handle consultation questions.",
    },
    "consult.unknown": {
        "nl": "Deze consultatievraag bestaat niet (meer).",
        "en": "This consultation question does not exist (any more).",
    },
    "consult.reminder": {
        "nl": (
            "Herinnering: consultatievraag #{number} van {who} wacht sinds {when} op een "
            "reactie. De kaart met de vraag staat hierboven of in het teamkanaal."
        ),
        "en": (
            "Reminder: consultation question #{number} from {who} has been waiting since "
            "{when}. The card with the question is above or in the team channel."
        ),
    },
    "reply.answered": {
        "nl": "{name} (voorzitter) heeft je vraag beantwoord:\n\n> {question}\n\n{answer}",
        "en": "{name} (chair) answered your question:\n\n> {question}\n\n{answer}",
    },
    "reply.contact": {
        "nl": "{name} (voorzitter) neemt zelf contact met je op over je vraag:\n\n> {question}",
        "en": "{name} (chair) will contact you about your question:\n\n> {question}",
    },
    "reply.to_request": {
        "nl": (
            "{name} (voorzitter) stelt voor om van je vraag een aanmelding te maken, zodat "
            "het RET er goed naar kan kijken:\n\n> {question}\n\nDe voorzitter neemt "
            "hierover contact met je op."
        ),
        "en": (
            "{name} (chair) suggests turning your question into a request, so the RET can "
            "look at it properly:\n\n> {question}\n\nThe chair will contact you about it."
        ),
    },
    "intake.step": {
        "nl": "Aanmelding, stap {step} van {total}",
        "en": "Request, step {step} of {total}",
    },
    "intake.unknown_hint": {
        "nl": "Typ 'weet ik niet' als je het niet weet.",
        "en": "Type 'weet ik niet' if you do not know.",
    },
    "problem.empty": {"nl": "'{label}' is nog leeg.", "en": "'{label}' is still empty."},
    "problem.not_a_choice": {
        "nl": "Kies bij '{label}' een van de mogelijkheden.",
        "en": "Choose one of the options for '{label}'.",
    },
    "problem.not_in_list": {
        "nl": "Kies bij '{label}' uit de lijst.",
        "en": "Choose from the list for '{label}'.",
    },
    "problem.year_format": {
        "nl": "Vul het geboortejaar in als vier cijfers, bijvoorbeeld 2011.",
        "en": "Fill in the year of birth as four digits, for example 2011.",
    },
    "problem.year_future": {
        "nl": "{given} ligt in de toekomst. Wat is het geboortejaar?",
        "en": "{given} is in the future. What is the year of birth?",
    },
    "problem.year_too_old": {
        "nl": (
            "Met geboortejaar {given} is de jeugdige ouder dan {max_age}; het RET is er voor "
            "jeugdigen tot en met {max_age} jaar. Klopt het jaartal?"
        ),
        "en": (
            "With year of birth {given} the young person is older than {max_age}; the RET is "
            "for young people up to {max_age}. Is the year right?"
        ),
    },
    "problem.gemeente_typo": {
        "nl": "'{given}' ken ik niet in deze regio. Bedoel je {options}?",
        "en": "I do not know '{given}' in this region. Do you mean {options}?",
    },
    "problem.gemeente_outside": {
        "nl": "'{given}' hoort niet bij de gemeenten van {region}. Welke gemeente is het?",
        "en": "'{given}' is not one of the municipalities of {region}. Which one is it?",
    },
    "intake.required": {"nl": "Dit veld is nog leeg.", "en": "This field is still empty."},
    "intake.already_submitted": {
        "nl": "Deze aanmelding is al ingediend. Onder 'Mijn casussen' zie je hoe het ervoor staat.",
        "en": "This request has already been submitted. 'My cases' shows how it is going.",
    },
    "intake.next": {"nl": "Volgende", "en": "Next"},
    "intake.later": {"nl": "Later verder", "en": "Continue later"},
    "intake.cancel": {"nl": "Aanmelding weggooien", "en": "Discard request"},
    "intake.problems": {
        "nl": "Nog niet alles klopt:",
        "en": "Not everything is right yet:",
    },
    "intake.use_card": {
        "nl": (
            "Vul de velden op de kaart in en kies 'Volgende'. Typ 'stop' om later verder te gaan."
        ),
        "en": "Fill in the fields on the card and choose 'Next'. Type 'stop' to continue later.",
    },
    "intake.intro": {
        "nl": (
            "Fijn dat je het RET inschakelt. Ik vraag je in {total} korte stappen wat het RET "
            "nodig heeft. Gebruik geen volledige namen: initialen zijn genoeg. Je kunt altijd "
            "stoppen en later verdergaan; ik bewaar wat je hebt ingevuld."
        ),
        "en": (
            "Thank you for turning to the RET. I will ask in {total} short steps what the RET "
            "needs. Do not use full names: initials are enough. You can stop at any time and "
            "continue later; I keep what you filled in."
        ),
    },
    "intake.resumed": {
        "nl": "Welkom terug! Je aanmelding staat nog klaar; hier ging je verder.",
        "en": "Welcome back! Your request is still here; this is where you left off.",
    },
    "intake.paused": {
        "nl": (
            "Je aanmelding is bewaard als concept. Kies 'Nieuwe aanmelding' in het menu om "
            "verder te gaan."
        ),
        "en": "Your request is saved as a draft. Choose 'New request' in the menu to continue.",
    },
    "intake.draft_waiting": {
        "nl": "Je hebt nog een aanmelding in concept. Kies 'Nieuwe aanmelding' om verder te gaan.",
        "en": "You still have a draft request. Choose 'New request' to continue.",
    },
    "intake.school_matters": {
        "nl": (
            "Goed om te weten. Onderwijs is bij het RET altijd betrokken: school hoort bij de "
            "oplossing, ook als een jeugdige nu thuiszit. Het RET neemt de reden die je gaf "
            "mee en kijkt wie vanuit onderwijs of leerplicht kan aanschuiven."
        ),
        "en": (
            "Good to know. Education is always involved at the RET: school is part of the "
            "solution, also when a young person is out of school now. The RET takes the reason "
            "you gave along and looks for someone from education to join."
        ),
    },
    "intake.summary": {"nl": "Controleer je aanmelding", "en": "Check your request"},
    "intake.edit": {"nl": "Wijzig: {section}", "en": "Change: {section}"},
    "intake.submit": {"nl": "Aanmelding indienen", "en": "Submit request"},
    "intake.consent_follows": {
        "nl": (
            "Toestemming volgt: het RET-team ziet de inhoud pas als de toestemming is "
            "vastgelegd. Laat het de voorzitter weten zodra je die hebt."
        ),
        "en": (
            "Consent will follow: the RET team sees the details only once consent is "
            "recorded. Let the chair know as soon as you have it."
        ),
    },
    "intake.discard_confirm": {
        "nl": "Weet je zeker dat je je concept-aanmelding wilt weggooien?",
        "en": "Are you sure you want to discard your draft request?",
    },
    "intake.discard_yes": {"nl": "Ja, weggooien", "en": "Yes, discard"},
    "intake.discard_no": {"nl": "Nee, bewaren", "en": "No, keep it"},
    "intake.discarded": {
        "nl": "Je concept-aanmelding is weggegooid.",
        "en": "Your draft request has been discarded.",
    },
    "intake.kept": {
        "nl": "Je concept-aanmelding blijft bewaard. Kies 'Nieuwe aanmelding' om verder te gaan.",
        "en": "Your draft request is kept. Choose 'New request' to continue.",
    },
    "intake.urgent_referrer": {
        "nl": (
            "Je geeft aan dat de zorg binnenkort stopt en er niets geregeld is. Ik heb de "
            "voorzitter meteen gewaarschuwd: verwacht vandaag nog contact."
        ),
        "en": (
            "You indicate that care stops soon with nothing arranged. I alerted the chair "
            "right away: expect contact today."
        ),
    },
    "intake.urgent_chair": {
        "nl": (
            "Spoed: {name} ({organisation}) meldt nu een jeugdige aan ({initials}, {gemeente}) "
            "bij wie de zorg binnenkort stopt zonder vervolg. Neem vandaag contact op."
        ),
        "en": (
            "Urgent: {name} ({organisation}) is applying for a young person ({initials}, "
            "{gemeente}) whose care stops soon with nothing next. Please make contact today."
        ),
    },
    "intake.received": {
        "nl": (
            "Dank je wel. Je aanmelding is ontvangen onder nummer **{number}**. De voorzitter "
            "bekijkt hem en neemt contact met je op over wat het RET kan doen: een overleg aan "
            "de RET-tafel, een consultatie of een andere route. Onder 'Mijn casussen' zie je "
            "hoe het ervoor staat."
        ),
        "en": (
            "Thank you. Your request has been received as **{number}**. The chair will look "
            "at it and contact you about what the RET can do: a RET meeting, a consultation or "
            "another route. 'My cases' shows how it is going."
        ),
    },
    "triage.title": {"nl": "Nieuwe aanmelding {number}", "en": "New request {number}"},
    "triage.case": {"nl": "Casus", "en": "Case"},
    "triage.initials": {"nl": "Initialen", "en": "Initials"},
    "triage.age": {"nl": "Leeftijd", "en": "Age"},
    "triage.age_value": {"nl": "{age} jaar", "en": "{age} years"},
    "triage.consent": {"nl": "Toestemming", "en": "Consent"},
    "triage.note_label": {
        "nl": "Reden (bij doorverwijzen of inzien zonder toestemming) of je vraag",
        "en": "Reason (when referring or viewing without consent) or your question",
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
    "advice.action_open": {"nl": "Advies vastleggen", "en": "Record advice"},
    "advice.only_personal": {
        "nl": "Een advies leg je vast in je eigen chat met mij: daar blijven de details privé.",
        "en": "Advice is recorded in your own chat with me, where the details stay private.",
    },
    "advice.not_allowed": {
        "nl": "Alleen de voorzitter van het RET kan een advies vastleggen.",
        "en": "Only the chair of the RET can record advice.",
    },
    "advice.wrong_status": {
        "nl": (
            "Voor {number} kan ik nu geen advies vastleggen: de casus staat op '{status}'. "
            "Een advies volgt op een RET-tafel, consultatie of samenwerkingstafel."
        ),
        "en": (
            "I cannot record advice for {number} now: the case is '{status}'. Advice follows "
            "an RET meeting, a consultation or a collaboration table."
        ),
    },
    "advice.form_title": {
        "nl": "Zwaarwegend advies voor {number} ({initials})",
        "en": "Weighty advice for {number} ({initials})",
    },
    "advice.samenvatting": {"nl": "Samenvatting van de casus", "en": "Summary of the case"},
    "advice.advies": {"nl": "Het advies", "en": "The advice"},
    "advice.afspraken": {"nl": "Afspraken", "en": "Agreements"},
    "advice.afspraken_hint": {
        "nl": (
            "Vul per afspraak in welke organisatie wat doet en wanneer dat uiterlijk klaar is. "
            "Lege afspraken laat ik weg. De afspraken komen op de mandaatkaart in het "
            "teamkanaal: schrijf ze zonder namen of diagnoses van het gezin."
        ),
        "en": (
            "For each agreement, fill in which organisation does what and by when it is done. "
            "I leave out empty ones. The agreements appear on the mandate card in the team "
            "channel: write them without names or diagnoses of the family."
        ),
    },
    "advice.row": {"nl": "Afspraak {row}", "en": "Agreement {row}"},
    "advice.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "advice.organisation_placeholder": {"nl": "Kies een organisatie", "en": "Choose one"},
    "advice.action": {"nl": "Wat gaat de organisatie doen?", "en": "What will it do?"},
    "advice.deadline": {"nl": "Uiterlijk klaar op", "en": "Done by"},
    "advice.deadline_placeholder": {"nl": "Kies een datum", "en": "Pick a date"},
    "advice.person": {"nl": "Wie pakt het op? (niet verplicht)", "en": "Who? (optional)"},
    "advice.add_row": {"nl": "Nog een afspraak", "en": "Another agreement"},
    "advice.issue": {"nl": "Advies vastleggen", "en": "Record advice"},
    "advice.problem.samenvatting_empty": {
        "nl": "De samenvatting van de casus is nog leeg.",
        "en": "The case summary is still empty.",
    },
    "advice.problem.advies_empty": {
        "nl": "Het advies zelf is nog leeg.",
        "en": "The advice itself is still empty.",
    },
    "advice.problem.no_afspraak": {
        "nl": "Er staat nog geen afspraak in. Vul minstens één afspraak in.",
        "en": "There is no agreement yet. Fill in at least one.",
    },
    "advice.problem.organisation_missing": {
        "nl": "Bij afspraak {row} ontbreekt de organisatie.",
        "en": "Agreement {row} has no organisation.",
    },
    "advice.problem.organisation_unknown": {
        "nl": "Afspraak {row}: kies een organisatie uit de lijst.",
        "en": "Agreement {row}: choose an organisation from the list.",
    },
    "advice.problem.action_missing": {
        "nl": "Bij afspraak {row} staat nog niet wat de organisatie gaat doen.",
        "en": "Agreement {row} does not say yet what the organisation will do.",
    },
    "advice.problem.deadline_missing": {
        "nl": "Bij afspraak {row} ontbreekt de datum waarop het klaar moet zijn.",
        "en": "Agreement {row} has no date by which it must be done.",
    },
    "advice.problem.deadline_format": {
        "nl": "Afspraak {row}: de datum herken ik niet. Kies een datum in de kalender.",
        "en": "Agreement {row}: I do not recognise the date. Pick one in the calendar.",
    },
    "advice.problem.deadline_past": {
        "nl": "Afspraak {row}: de datum ligt in het verleden. Kies vandaag of later.",
        "en": "Agreement {row}: the date is in the past. Choose today or later.",
    },
    "advice.issued": {
        "nl": (
            "Het advies voor {number} is vastgelegd. De mandaatkaart staat klaar voor het "
            "kernteam en de verwijzer heeft bericht."
        ),
        "en": (
            "The advice for {number} is recorded. The mandate card is out for the core team "
            "and the referrer has been told."
        ),
    },
    "advice.issued_no_card": {
        "nl": (
            "Het advies voor {number} is vastgelegd, maar ik kon de mandaatkaart nergens "
            "plaatsen. Voeg mij toe aan het teamkanaal van het RET."
        ),
        "en": (
            "The advice for {number} is recorded, but I could not post the mandate card "
            "anywhere. Add me to the RET's team channel."
        ),
    },
    "advice.referrer": {
        "nl": (
            "Het RET heeft een zwaarwegend advies gegeven over je aanmelding {number}. De "
            "voorzitter bespreekt het advies met je."
        ),
        "en": (
            "The RET has given weighty advice on your request {number}. The chair will go "
            "through it with you."
        ),
    },
    "advice.card_title": {
        "nl": "Mandaat gevraagd: advies {number} ({initials})",
        "en": "Mandate needed: advice {number} ({initials})",
    },
    "advice.card_intro": {
        "nl": (
            "Kernteamleden: bevestig met het mandaat van je organisatie dat jullie de "
            "afspraken hieronder uitvoeren."
        ),
        "en": (
            "Core team members: confirm with your organisation's mandate that it will carry "
            "out the agreements below."
        ),
    },
    "advice.afspraak_line": {
        "nl": "{action} (uiterlijk {deadline})",
        "en": "{action} (by {deadline})",
    },
    "advice.open": {"nl": "Nog niet bevestigd", "en": "Not confirmed yet"},
    "advice.confirmed": {
        "nl": "Bevestigd door {name}, {when}",
        "en": "Confirmed by {name}, {when}",
    },
    "advice.declined": {
        "nl": "Niet bevestigd door {name}, {when}. De voorzitter is ingelicht.",
        "en": "Not confirmed by {name}, {when}. The chair has been told.",
    },
    "advice.confirm": {"nl": "Mandaat bevestigen", "en": "Confirm mandate"},
    "advice.decline": {"nl": "Kan niet bevestigen", "en": "Cannot confirm"},
    "advice.reason_label": {
        "nl": "Kan je organisatie haar afspraken niet bevestigen? Schrijf hier waarom en kies "
        "dan 'Kan niet bevestigen' bij je organisatie. Alleen de voorzitter krijgt de reden.",
        "en": "Can your organisation not confirm its agreements? Say why here, then choose "
        "'Cannot confirm' for your organisation. Only the chair gets the reason.",
    },
    "advice.all_confirmed_card": {
        "nl": "Alle organisaties hebben hun deel van het advies bevestigd.",
        "en": "Every organisation has confirmed its part of the advice.",
    },
    "advice.mandate_not_allowed": {
        "nl": (
            "Alleen een kernteamlid van deze organisatie kan haar deel van het advies bevestigen."
        ),
        "en": "Only a core team member of this organisation can confirm its part of the advice.",
    },
    "advice.reason_missing": {
        "nl": (
            "Schrijf eerst in het tekstvak onder aan de kaart waarom je organisatie dit niet "
            "kan bevestigen, en kies dan opnieuw 'Kan niet bevestigen'."
        ),
        "en": (
            "First write in the box at the bottom of the card why your organisation cannot "
            "confirm, then choose 'Cannot confirm' again."
        ),
    },
    "advice.all_confirmed": {
        "nl": (
            "Alle organisaties hebben hun deel van het advies voor {number} ({initials}) bevestigd."
        ),
        "en": "Every organisation has confirmed its part of the advice for {number} ({initials}).",
    },
    "advice.declined_chair": {
        "nl": (
            "{org} kan haar deel van het advies voor {number} ({initials}) niet bevestigen. "
            "Voorzitter: de reden staat in je eigen chat met mij en in het verloop van de casus."
        ),
        "en": (
            "{org} cannot confirm its part of the advice for {number} ({initials}). Chair: "
            "the reason is in your own chat with me and in the case's timeline."
        ),
    },
    "advice.declined_reason": {
        "nl": (
            "{org} kan haar deel van het advies voor {number} ({initials}) niet "
            "bevestigen. Reden: {reason}"
        ),
        "en": (
            "{org} cannot confirm its part of the advice for {number} ({initials}). "
            "Reason: {reason}"
        ),
    },
    "follow_up.title": {
        "nl": "Follow-up {number} ({initials})",
        "en": "Follow-up {number} ({initials})",
    },
    "follow_up.reminder": {"nl": "Herinnering: ", "en": "Reminder: "},
    "follow_up.intro": {
        "nl": (
            "Het RET vraagt na het advies geregeld hoe het gaat, zodat we op tijd kunnen "
            "bijsturen als iets vastloopt. Antwoorden kost een minuut."
        ),
        "en": (
            "After its advice the RET asks regularly how things are going, so it can step "
            "in early when something stalls. Answering takes a minute."
        ),
    },
    "follow_up.afspraak": {"nl": "Afspraak", "en": "Agreement"},
    "follow_up.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "follow_up.question.org": {
        "nl": "Hoe staat de afspraak van {org} ervoor?",
        "en": "How is the agreement of {org} going?",
    },
    "follow_up.question.referrer": {
        "nl": "Hoe gaat het nu met de jeugdige, en helpen de afspraken uit het advies?",
        "en": "How is the young person doing now, and do the agreements of the advice help?",
    },
    "follow_up.choice.org.op_schema": {"nl": "Loopt volgens plan", "en": "On track"},
    "follow_up.choice.org.vertraagd": {"nl": "Vertraagd", "en": "Delayed"},
    "follow_up.choice.org.gestopt": {
        "nl": "Gestopt / lukt niet",
        "en": "Stopped / not working",
    },
    "follow_up.choice.referrer.op_schema": {
        "nl": "Het gaat volgens plan",
        "en": "Going according to plan",
    },
    "follow_up.choice.referrer.vertraagd": {
        "nl": "Het gaat moeizaam of loopt vertraging op",
        "en": "Difficult, or delayed",
    },
    "follow_up.choice.referrer.gestopt": {
        "nl": "De hulp is gestopt of het lukt niet",
        "en": "The help has stopped, or it is not working",
    },
    "follow_up.note_label": {
        "nl": "Toelichting (nodig bij vertraagd of gestopt)",
        "en": "Explanation (needed when delayed or stopped)",
    },
    "follow_up.send": {"nl": "Antwoord versturen", "en": "Send answer"},
    "follow_up.link": {
        "nl": (
            "Kan een collega zonder Teams dit beter beantwoorden? Stuur deze link door; hij "
            "werkt {days} dagen en voor één antwoord: {url}"
        ),
        "en": (
            "Could a colleague without Teams answer this better? Forward this link; it works "
            "for {days} days and for one answer: {url}"
        ),
    },
    "follow_up.problem.choice": {
        "nl": "Kies eerst hoe het ervoor staat.",
        "en": "First choose how it is going.",
    },
    "follow_up.problem.toelichting_missing": {
        "nl": "Schrijf bij vertraagd of gestopt kort wat er aan de hand is.",
        "en": "When it is delayed or stopped, briefly write what is going on.",
    },
    "follow_up.problem.toelichting_long": {
        "nl": "De toelichting is te lang: houd het bij {max} tekens.",
        "en": "The explanation is too long: keep it within {max} characters.",
    },
    "follow_up.thanks": {
        "nl": "Dank je wel, je antwoord over {number} is vastgelegd.",
        "en": "Thank you, your answer about {number} has been recorded.",
    },
    "follow_up.thanks_escalated": {
        "nl": (
            "Dank je wel, je antwoord over {number} is vastgelegd. De voorzitter heeft bericht "
            "en neemt contact op."
        ),
        "en": (
            "Thank you, your answer about {number} has been recorded. The chair has been "
            "told and will get in touch."
        ),
    },
    "follow_up.already": {
        "nl": "Op deze vraag over {number} is al geantwoord. Dank je wel.",
        "en": "This question about {number} has been answered already. Thank you.",
    },
    "follow_up.closed": {
        "nl": "De casus {number} is afgesloten; de follow-up is gestopt.",
        "en": "Case {number} is closed; the follow-up has ended.",
    },
    "follow_up.not_allowed": {
        "nl": (
            "Deze vraag is voor een kernteamlid van de organisatie van de afspraak, of voor "
            "de verwijzer. Jouw antwoord is niet vastgelegd."
        ),
        "en": (
            "This question is for a core team member of the agreement's organisation, or for "
            "the referrer. Your answer has not been recorded."
        ),
    },
    "follow_up.unknown": {
        "nl": "Deze follow-upvraag ken ik niet (meer).",
        "en": "I do not know this follow-up question (any more).",
    },
    "follow_up.unreachable": {
        "nl": (
            "Follow-up {number} ({initials}): ik kan {who} niet in Teams bereiken. Stuur deze "
            "link door, dan kan er zonder Teams geantwoord worden: {url}"
        ),
        "en": (
            "Follow-up {number} ({initials}): I cannot reach {who} in Teams. Forward this "
            "link so they can answer without Teams: {url}"
        ),
    },
    "follow_up.the_referrer": {"nl": "de verwijzer", "en": "the referrer"},
    "follow_up.escalate_no_answer": {
        "nl": (
            "Follow-up {number} ({initials}): {who} heeft na {reminders} herinneringen niet "
            "geantwoord. Voorgestelde eerste stap van de escalatieladder: {step}{contact}."
        ),
        "en": (
            "Follow-up {number} ({initials}): {who} did not answer after {reminders} "
            "reminders. Suggested first step of the escalation ladder: {step}{contact}."
        ),
    },
    "follow_up.escalate_stopped": {
        "nl": (
            "Follow-up {number} ({initials}): {who} meldt dat het gestopt is of niet lukt. "
            "Voorgestelde eerste stap van de escalatieladder: {step}{contact}. De toelichting "
            "staat in je eigen chat met mij en in het verloop van de casus."
        ),
        "en": (
            "Follow-up {number} ({initials}): {who} reports that it stopped or is not "
            "working. Suggested first step of the escalation ladder: {step}{contact}. The "
            "explanation is in your own chat with me and in the case's timeline."
        ),
    },
    "follow_up.contact": {"nl": " (contact: {name})", "en": " (contact: {name})"},
    "follow_up.stopped_note": {
        "nl": "Toelichting van {who} bij {number} ({initials}): {note}",
        "en": "Explanation from {who} about {number} ({initials}): {note}",
    },
    "follow_up.ladder_title": {
        "nl": "Escalatieladder {number} ({initials})",
        "en": "Escalation ladder {number} ({initials})",
    },
    "follow_up.ladder_intro": {
        "nl": "Alleen de voorzitter zet een volgende stap; elke stap komt in het verloop.",
        "en": "Only the chair takes a next step; each step goes into the case's timeline.",
    },
    "follow_up.ladder_taken": {"nl": "✔ {step}", "en": "✔ {step}"},
    "follow_up.ladder_open": {"nl": "○ {step}", "en": "○ {step}"},
    "follow_up.ladder_next": {"nl": "Volgende stap: {step}", "en": "Next step: {step}"},
    "follow_up.ladder_done": {
        "nl": "Vastgelegd voor {number}: {step}.{contact}",
        "en": "Recorded for {number}: {step}.{contact}",
    },
    "follow_up.ladder_refused": {
        "nl": "Die stap kan nu niet: alleen de voorzitter zet de eerstvolgende stap.",
        "en": "That step is not possible now: only the chair takes the next step.",
    },
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
            "Dit kan ik per e-mail helaas niet voor je doen: een aanmelding, het overzicht "
            "van je casussen en het keuzemenu werken met formulieren, en die vind je in "
            "Microsoft Teams. Open daar de chat met retbot van {ret} en typ 'menu'. Een "
            "korte vraag over het RET kun je me wel gewoon mailen."
        ),
        "en": (
            "Sorry, I cannot do this by email: a request, the overview of your cases and "
            "the menu use forms, and those are in Microsoft Teams. Open the chat with retbot "
            "of {ret} there and type 'menu'. You can email me a short question about the RET."
        ),
    },
    "email.help": {
        "nl": (
            "Per e-mail beantwoord ik korte vragen over {ret}: wanneer het volgende overleg "
            "is, wie verstand heeft van een onderwerp, hoe je een klacht indient, en wat er "
            "verder over het RET is vastgelegd. Zet je vraag gewoon in de tekst van je "
            "e-mail.\n\nEen aanmelding doen of je casussen bekijken doe je in Microsoft "
            "Teams, in de chat met retbot."
        ),
        "en": (
            "By email I answer short questions about {ret}: when the next meeting is, who "
            "knows about a subject, how to file a complaint, and what else the RET has "
            "written down. Just put your question in the text of your email.\n\nSubmitting "
            "a request or viewing your cases is done in Microsoft Teams, in the chat with "
            "retbot."
        ),
    },
    "email.unknown_question": {
        "nl": (
            "Op deze vraag vind ik geen antwoord in wat {ret} heeft vastgelegd. Je kunt hem "
            "rechtstreeks aan de voorzitter mailen ({email}), of in Microsoft Teams aan "
            "retbot stellen: dan zet ik hem voor je door naar de voorzitter."
        ),
        "en": (
            "I find no answer to this question in what {ret} has written down. You can email "
            "it to the chair directly ({email}), or ask retbot in Microsoft Teams: I then pass "
            "it on to the chair for you."
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
    "page.title": {"nl": "Follow-up van het RET", "en": "RET follow-up"},
    "page.case": {"nl": "Casus", "en": "Case"},
    "page.initials": {"nl": "Initialen", "en": "Initials"},
    "page.thanks": {
        "nl": "Dank u wel. Uw antwoord is vastgelegd en gaat naar het RET.",
        "en": "Thank you. Your answer has been recorded and goes to the RET.",
    },
    "page.invalid": {
        "nl": (
            "Deze link klopt niet. Controleer of u de hele link hebt gekopieerd, of vraag het "
            "RET om een nieuwe."
        ),
        "en": (
            "This link is not valid. Check that you copied all of it, or ask the RET for a new one."
        ),
    },
    "page.expired": {
        "nl": "Deze link is verlopen. Vraag het RET om een nieuwe link.",
        "en": "This link has expired. Ask the RET for a new link.",
    },
    "page.used": {
        "nl": "Op deze vraag is al geantwoord. Een link werkt voor één antwoord.",
        "en": "This question has been answered already. A link works for one answer.",
    },
    "page.closed": {
        "nl": "Deze casus is afgesloten; er hoeft niets meer ingevuld te worden.",
        "en": "This case is closed; nothing needs to be filled in any more.",
    },
    "page.bad_form": {
        "nl": "Dit formulier kon ik niet lezen. Vul het opnieuw in en verstuur het nog eens.",
        "en": "I could not read this form. Fill it in again and send it once more.",
    },
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
    "referrer.answer_empty": {
        "nl": "Je antwoord is nog leeg. Typ het in het tekstvak op de kaart.",
        "en": "Your answer is still empty. Type it in the box on the card.",
    },
    "referrer.answer_not_needed": {
        "nl": "Voor deze aanmelding staat geen vraag meer open.",
        "en": "There is no open question for this request any more.",
    },
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
    "booking.busy": {
        "nl": "Het lukte nu niet om een vrij moment vast te leggen. Probeer het zo nog eens.",
        "en": "I could not book a free moment just now. Please try again shortly.",
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
    "tenant.refused": {
        "nl": (
            "Sorry, deze bot is alleen beschikbaar voor de organisaties van het Regionaal "
            "Expertteam Jeugd. Neem contact op met je eigen beheerder als je denkt dat dit "
            "niet klopt."
        ),
        "en": (
            "Sorry, this bot is only available to the organisations of the Regional Youth "
            "Expert Team. Contact your own administrator if you think this is wrong."
        ),
    },
    "error.turn": {
        "nl": (
            "Sorry, er ging bij mij iets mis en je laatste bericht is niet verwerkt. "
            "Probeer het nog eens. Blijft het misgaan, geef dan deze code door aan de "
            "beheerder: {code}."
        ),
        "en": (
            "Sorry, something went wrong on my side and your last message was not processed. "
            "Please try again. If it keeps failing, give this code to the administrator: "
            "{code}."
        ),
    },
}


def text(key: str, language: Language = DEFAULT_LANGUAGE, **values: object) -> str:
    template = _CATALOG[key].get(language) or _CATALOG[key][DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


def status_label(status: CaseStatus, language: Language = DEFAULT_LANGUAGE) -> str:
    """'RET-tafel ingepland', not the stored 'ret-tafel ingepland'."""
    return term(CASE_STATUS, status.value).label(language)
