"""Evaluating a closed case (samenwerking and inhoud), and the voorzitter's overview with
leerpunten."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "evaluation.title": {
        "nl": "Evaluatie {number} ({initials})",
        "en": "Evaluation {number} ({initials})",
    },
    "evaluation.reminder": {"nl": "Herinnering: ", "en": "Reminder: "},
    "evaluation.intro": {
        "nl": (
            "Het RET heeft deze casus afgesloten. Wij leren graag van elke vastgelopen zorgvraag. "
            "Daarom vragen "
            "we iedereen die eraan werkte om een korte evaluatie, over de samenwerking en over "
            "de inhoud. Het kost twee minuten. Alleen de voorzitter van het RET leest je "
            "antwoorden."
        ),
        "en": (
            "The RET has closed this case. To learn from cases that got stuck, we ask "
            "everyone "
            "who worked on it for a short evaluation, about how we worked together and about the "
            "case itself. "
            "It takes two minutes. Only the RET's chair reads your answers."
        ),
    },
    "evaluation.part.samenwerking": {"nl": "Samenwerking", "en": "Collaboration"},
    "evaluation.part.inhoud": {"nl": "Inhoud", "en": "Content"},
    "evaluation.score": {
        "nl": "Hoe verliep de samenwerking rond deze casus?",
        "en": "How did the collaboration on this case go?",
    },
    "evaluation.score.1": {"nl": "1 - slecht", "en": "1 - poor"},
    "evaluation.score.2": {"nl": "2 - matig", "en": "2 - mediocre"},
    "evaluation.score.3": {"nl": "3 - voldoende", "en": "3 - adequate"},
    "evaluation.score.4": {"nl": "4 - goed", "en": "4 - good"},
    "evaluation.score.5": {"nl": "5 - heel goed", "en": "5 - very good"},
    "evaluation.afspraken": {
        "nl": "Kwam iedereen zijn afspraken na?",
        "en": "Did everyone keep their agreements?",
    },
    "evaluation.samenwerking": {
        "nl": "Wat viel op in de samenwerking? (niet verplicht)",
        "en": "What stood out in the collaboration? (optional)",
    },
    "evaluation.knelpunt": {
        "nl": "Wat zat er vast? (niet verplicht)",
        "en": "What was stuck? (optional)",
    },
    "evaluation.oplossing": {
        "nl": "Wat hielp om het los te krijgen? (niet verplicht)",
        "en": "What helped to get it moving? (optional)",
    },
    "evaluation.advies": {
        "nl": "Is het advies van het RET uitgevoerd?",
        "en": "Was the RET's advice carried out?",
    },
    "evaluation.beter_af": {
        "nl": "Is de jeugdige er nu beter aan toe?",
        "en": "Is the young person better off now?",
    },
    "evaluation.judgement.ja": {"nl": "Ja", "en": "Yes"},
    "evaluation.judgement.deels": {"nl": "Deels", "en": "Partly"},
    "evaluation.judgement.nee": {"nl": "Nee", "en": "No"},
    "evaluation.judgement.weet_niet": {"nl": "Weet ik niet", "en": "Don't know"},
    "evaluation.choose": {"nl": "Kies een antwoord.", "en": "Please choose an answer."},
    "evaluation.send": {"nl": "Evaluatie versturen", "en": "Send evaluation"},
    "evaluation.problem.score": {
        "nl": "Kies een cijfer van 1 tot 5 voor de samenwerking.",
        "en": "Please choose a score from 1 to 5 for the collaboration.",
    },
    "evaluation.problem.choice": {
        "nl": "Beantwoord de drie meerkeuzevragen.",
        "en": "Please answer the three multiple-choice questions.",
    },
    "evaluation.problem.too_long": {
        "nl": "Houd elk antwoord korter dan {max} tekens.",
        "en": "Please keep each answer under {max} characters.",
    },
    "evaluation.thanks": {
        "nl": (
            "Dank je wel. Je evaluatie van {number} is opgeslagen; de voorzitter neemt hem mee "
            "in de leerpunten van het RET."
        ),
        "en": (
            "Thank you. Your evaluation of {number} is saved; the chair will use it for the RET's "
            "lessons learned."
        ),
    },
    "evaluation.already": {
        "nl": (
            "De evaluatie van {number} is al vastgelegd op {when} door {by}. Er is niets veranderd."
        ),
        "en": (
            "The evaluation of {number} was already recorded on {when} by {by}. Nothing changed."
        ),
    },
    "evaluation.not_asked": {
        "nl": "Deze evaluatie is niet voor jou, of de casus is nog niet afgesloten.",
        "en": "This evaluation is not for you, or the case has not been closed yet.",
    },
    "evaluation.unknown": {
        "nl": "Die casus ken ik niet.",
        "en": "I don't know that case.",
    },
    # By e-mail and on the page behind its link, for kernteamleden outside Teams.
    "evaluation.email.subject": {
        "nl": "{reminder}Evaluatie {number} ({initials})",
        "en": "{reminder}Evaluation {number} ({initials})",
    },
    "evaluation.colleague": {"nl": "collega", "en": "colleague"},
    "evaluation.email.body": {
        "nl": (
            "Beste {name},\n\n"
            "{ret} heeft casus {number} ({initials}) afgesloten. Wij leren graag van elke "
            "vastgelopen zorgvraag. Daarom vragen we iedereen die eraan werkte om een korte "
            "evaluatie, over de "
            "samenwerking en over de inhoud. Het kost twee minuten, via deze link: {url}\n\n"
            "De link werkt {days} dagen en is alleen voor u: stuur hem niet door. U krijgt "
            "deze vraag per e-mail omdat ik u niet in Teams kan bereiken."
        ),
        "en": (
            "Dear {name},\n\n"
            "{ret} has closed case {number} ({initials}). To learn from cases that got stuck, we "
            "ask everyone who worked on it for a short evaluation, about how we worked together "
            "and about the case itself. It takes two minutes, through this link: {url}\n\n"
            "The link works for {days} days and is for you only: please do not forward it. You "
            "get this question by e-mail because I cannot reach you in Teams."
        ),
    },
    "evaluation.page.title": {"nl": "Evaluatie voor het RET", "en": "Evaluation for the RET"},
    "evaluation.page.intro": {
        "nl": (
            "Het RET heeft deze casus afgesloten. Wij leren graag van elke vastgelopen zorgvraag. "
            "Daarom vragen "
            "we iedereen die eraan werkte om een korte evaluatie. Het kost twee minuten. Alleen "
            "de voorzitter van het RET leest uw antwoorden."
        ),
        "en": (
            "The RET has closed this case. To learn from cases that got stuck, we ask "
            "everyone "
            "who worked on it for a short evaluation. It takes two minutes. Only the RET's chair "
            "reads your answers."
        ),
    },
    "evaluation.page.thanks": {
        "nl": "Dank u wel. Uw evaluatie is vastgelegd en gaat naar de voorzitter van het RET.",
        "en": "Thank you. Your evaluation has been recorded and goes to the RET's chair.",
    },
    "evaluation.page.already": {
        "nl": "U hebt deze evaluatie al ingevuld op {date}. Een link werkt voor één evaluatie.",
        "en": "You already filled in this evaluation on {date}. A link works for one evaluation.",
    },
    "evaluation.page.not_asked": {
        "nl": "Deze evaluatie is er niet (meer). Vraag het RET als u denkt dat dit niet klopt.",
        "en": "This evaluation does not exist (any more). Ask the RET if you think it should.",
    },
    # The voorzitter's overview.
    "evaluation.chair_status_all": {
        "nl": (
            "Evaluatie {number} ({initials}): alle {asked} betrokkenen hebben geantwoord. Typ "
            "`evaluatie {number}` om de evaluaties samen te zien en leerpunten vast te leggen."
        ),
        "en": (
            "Evaluation {number} ({initials}): all {asked} people asked have answered. Type "
            "`evaluation {number}` to see the evaluations together and record lessons learned."
        ),
    },
    "evaluation.chair_status": {
        "nl": (
            "Evaluatie {number} ({initials}): {answered} van de {asked} betrokkenen hebben "
            "geantwoord; wie nog niet antwoordde, kreeg vandaag een herinnering. Typ "
            "`evaluatie {number}` om de evaluaties samen te zien en leerpunten vast te leggen."
        ),
        "en": (
            "Evaluation {number} ({initials}): {answered} of the {asked} people asked have "
            "answered; whoever has not was reminded today. Type `evaluation {number}` to see "
            "the evaluations together and record lessons learned."
        ),
    },
    "evaluation.usage": {
        "nl": "Typ `evaluatie` met het casusnummer, bijvoorbeeld `evaluatie RET-2026-0003`.",
        "en": "Type `evaluation` with the case number, for example `evaluation RET-2026-0003`.",
    },
    "evaluation.chair_only": {
        "nl": "Alleen de voorzitter van het RET bekijkt evaluaties en legt leerpunten vast.",
        "en": "Only the RET's chair reviews evaluations and records lessons learned.",
    },
    "evaluation.personal_only": {
        "nl": "Evaluaties bekijk je in je eigen chat met retbot, niet in een kanaal.",
        "en": "Evaluations are reviewed in your own chat with retbot, not in a channel.",
    },
    "evaluation.overview.title": {
        "nl": "Evaluaties {number} ({initials})",
        "en": "Evaluations {number} ({initials})",
    },
    "evaluation.overview.count": {
        "nl": "{answered} van de {asked} betrokkenen hebben de evaluatie ingevuld.",
        "en": "{answered} of the {asked} people asked have filled in the evaluation.",
    },
    "evaluation.overview.not_asked": {
        "nl": "Voor deze casus is (nog) geen evaluatie gevraagd: dat gebeurt bij het afsluiten.",
        "en": "No evaluation has been asked for this case (yet): that happens when it closes.",
    },
    "evaluation.overview.who": {
        "nl": "{who}, {when}",
        "en": "{who}, {when}",
    },
    "evaluation.kind.verwijzer": {"nl": "verwijzer", "en": "referrer"},
    "evaluation.kind.kernteamlid": {"nl": "kernteamlid {org}", "en": "core team member {org}"},
    "evaluation.overview.scores": {
        "nl": "Samenwerking {score}/5 · afspraken nagekomen: {afspraken}",
        "en": "Collaboration {score}/5 · agreements kept: {afspraken}",
    },
    "evaluation.overview.outcome": {
        "nl": "Advies uitgevoerd: {advies} · jeugdige beter af: {beter_af}",
        "en": "Advice carried out: {advies} · young person better off: {beter_af}",
    },
    "evaluation.overview.samenwerking": {"nl": "Samenwerking", "en": "Collaboration"},
    "evaluation.overview.knelpunt": {"nl": "Wat zat vast", "en": "What was stuck"},
    "evaluation.overview.oplossing": {"nl": "Wat hielp", "en": "What helped"},
    "evaluation.leerpunten": {"nl": "Leerpunten", "en": "Lessons learned"},
    "evaluation.leerpunten.none": {
        "nl": "Nog geen leerpunten vastgelegd.",
        "en": "No lessons learned recorded yet.",
    },
    "evaluation.leerpunt.learned": {"nl": "Geleerd", "en": "Learned"},
    "evaluation.leerpunt.worked": {"nl": "Wat werkte", "en": "What worked"},
    "evaluation.leerpunt.open": {"nl": "Leerpunt vastleggen", "en": "Record a lesson"},
    "evaluation.leerpunt.theme": {"nl": "Thema", "en": "Theme"},
    "evaluation.leerpunt.theme_missing": {
        "nl": "Kies een thema uit de lijst.",
        "en": "Please choose a theme from the list.",
    },
    "evaluation.leerpunt.learned_label": {
        "nl": "Wat hebben we geleerd?",
        "en": "What did we learn?",
    },
    "evaluation.leerpunt.worked_label": {
        "nl": "Wat werkte? (om vaker te doen)",
        "en": "What worked? (worth repeating)",
    },
    "evaluation.leerpunt.save": {"nl": "Leerpunt opslaan", "en": "Save lesson"},
    "evaluation.leerpunt.saved": {
        "nl": "Leerpunt voor {number} opgeslagen (thema: {theme}).",
        "en": "Lesson for {number} saved (theme: {theme}).",
    },
    "evaluation.leerpunt.empty": {
        "nl": "Vul in wat er geleerd is, wat werkte, of allebei.",
        "en": "Please fill in what was learned, what worked, or both.",
    },
    "evaluation.leerpunt.too_long": {
        "nl": "Houd elk veld korter dan {max} tekens.",
        "en": "Please keep each field under {max} characters.",
    },
    "evaluation.leerpunt.already": {
        "nl": "Dit leerpunt is al opgeslagen op {when} door {by}; er is niets dubbel vastgelegd.",
        "en": "This lesson was already saved on {when} by {by}; nothing was recorded twice.",
    },
}
