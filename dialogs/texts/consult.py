"""Quick questions: asking, the answers and where they come from, the voorzitter's card."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
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
            "care question behind it that has got stuck, the RET is glad to help: choose 'New "
            "request'."
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
    "ask.mention": {
        "nl": "Noem @retbot in je antwoord: anders hoor ik het hier niet.",
        "en": "Mention @retbot in your answer: otherwise I do not hear it here.",
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
            "retbot bewaart je vraag en geeft hem door zodra dat kan. Heb je haast, mail dan "
            "{email}."
        ),
        "en": (
            "Your question is recorded, but I cannot reach the chair through Teams right now. "
            "retbot keeps your question and passes it on as soon as it can. If it is urgent, "
            "email {email}."
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
}
