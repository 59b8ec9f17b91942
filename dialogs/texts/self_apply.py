"""Zelf aanmelden: the /aanmelden page and the conversation with parents and young people.

Plain Dutch (B1, 'je'): short sentences, no jargon, only what a parent or young person can
answer.
"""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "aanmelden.page.title": {
        "nl": "Zelf aanmelden bij het {ret}",
        "en": "Apply yourself to the {ret}",
    },
    "aanmelden.page.intro": {
        "nl": (
            "Loopt de hulp voor jou of je kind vast? Dan kun je hier zelf vragen of het "
            "expertteam meedenkt. Je praat met een digitale assistent. Dat duurt ongeveer tien "
            "minuten."
        ),
        "en": (
            "Is the help for you or your child stuck? Here you can ask the expert team to "
            "help think along. You talk with a digital assistant. It takes about ten minutes."
        ),
    },
    "aanmelden.page.privacy": {
        "nl": (
            "Wat je hier vertelt, ziet alleen het expertteam. Gebruik geen volledige namen: "
            "voorletters zijn genoeg."
        ),
        "en": (
            "Only the expert team sees what you tell here. Do not use full names: initials "
            "are enough."
        ),
    },
    "aanmelden.page.not_set_up": {
        "nl": (
            "Online aanmelden is bij het {ret} nog niet ingesteld. Wil je toch aanmelden? "
            "Neem dan contact op met het expertteam via de website of de gemeente."
        ),
        "en": (
            "Applying online has not been set up yet at the {ret}. Want to apply anyway? "
            "Contact the expert team through the website or your municipality."
        ),
    },
    "aanmelden.page.noscript": {
        "nl": "Zet JavaScript aan in je browser om met de assistent te praten.",
        "en": "Turn on JavaScript in your browser to talk with the assistant.",
    },
    "aanmelden.page.failed": {
        "nl": (
            "Het lukt nu niet om het gesprek te starten. Probeer het over een paar minuten opnieuw."
        ),
        "en": "The conversation cannot start right now. Please try again in a few minutes.",
    },
    "aanmelden.page.busy_address": {
        "nl": (
            "Vanaf deze internetverbinding zijn net veel gesprekken gestart. Probeer het over "
            "{wait} opnieuw. Lukt het dan nog niet? Neem contact op met het expertteam via de "
            "website of de gemeente."
        ),
        "en": (
            "Many conversations were just started from this internet connection. Please try "
            "again in {wait}. Still not working then? Contact the expert team through the "
            "website or your municipality."
        ),
    },
    "aanmelden.page.busy_total": {
        "nl": (
            "Het is nu erg druk. Probeer het over {wait} opnieuw. Lukt het dan nog niet? Neem "
            "contact op met het expertteam via de website of de gemeente."
        ),
        "en": (
            "It is very busy right now. Please try again in {wait}. Still not working then? "
            "Contact the expert team through the website or your municipality."
        ),
    },
    "aanmelden.page.wait_minute": {"nl": "1 minuut", "en": "1 minute"},
    "aanmelden.page.wait_minutes": {"nl": "{minutes} minuten", "en": "{minutes} minutes"},
    "zelf.welcome": {
        "nl": (
            "Hoi! Ik ben de digitale assistent van het {ret}. Het expertteam helpt als de hulp "
            "voor een kind of jongere vastloopt. Bijvoorbeeld als niemand weet wat de "
            "oplossing is, of als geen hulpverlener verder kan. Je kunt hier zelf om hulp "
            "vragen."
        ),
        "en": (
            "Hi! I am the digital assistant of the {ret}. The expert team helps when help for "
            "a child or young person gets stuck. For example when nobody knows the solution, "
            "or when no care provider can go on. Here you can ask for help yourself."
        ),
    },
    "zelf.how_it_goes": {
        "nl": (
            "Zo gaat het: ik stel je een paar korte vragen. Daarna stuur ik een code naar je "
            "e-mailadres. Zo weten we zeker dat we je kunnen bereiken. De voorzitter van het "
            "expertteam leest je aanmelding en neemt contact met je op. Samen kijken jullie "
            "wat het beste helpt. Gebruik geen volledige namen: voorletters zijn genoeg."
        ),
        "en": (
            "This is how it goes: I ask you a few short questions. Then I send a code to your "
            "email address, so we know for sure that we can reach you. The chair of the expert "
            "team reads your request and contacts you. Together you look at what helps best. "
            "Do not use full names: initials are enough."
        ),
    },
    "zelf.step": {"nl": "Stap {step} van {total}", "en": "Step {step} of {total}"},
    "zelf.next": {"nl": "Verder", "en": "Next"},
    "zelf.required": {"nl": "Vul dit nog in.", "en": "Please fill this in."},
    "zelf.use_card": {
        "nl": (
            "Vul de vragen op de kaart in en kies 'Verder'. Typ 'opnieuw' als je opnieuw wilt "
            "beginnen."
        ),
        "en": "Fill in the questions on the card and choose 'Next'. Type 'opnieuw' to start over.",
    },
    "zelf.restarted": {"nl": "Goed, we beginnen opnieuw.", "en": "All right, we start over."},
    "zelf.problems": {"nl": "Kijk hier nog even naar:", "en": "Please look at this again:"},
    "problem.age_under_16": {
        "nl": (
            "Met geboortejaar {given} ben je jonger dan 16. Dan meld je samen met je ouder of "
            "verzorger aan. Kies hieronder wie er aanmeldt."
        ),
        "en": (
            "With year of birth {given} you are younger than 16. Then you apply together with "
            "your parent or carer. Choose below who is applying."
        ),
    },
    "problem.age_not_12_15": {
        "nl": (
            "Met geboortejaar {given} ben je geen 12 tot 16 jaar. Ben je 16 of ouder? Dan mag "
            "je jezelf aanmelden. Ben je jonger dan 12? Dan meldt je ouder je aan. Kies "
            "hieronder wie er aanmeldt."
        ),
        "en": (
            "With year of birth {given} you are not 12 to 16. Are you 16 or older? Then you may "
            "apply yourself. Younger than 12? Then your parent applies. Choose below who is "
            "applying."
        ),
    },
    "zelf.consent_title": {"nl": "Toestemming", "en": "Consent"},
    "zelf.consent_explain": {
        "nl": (
            "Het expertteam gebruikt je aanmelding alleen als je dat goed vindt. Alleen de "
            "mensen van het expertteam die helpen, zien wat je vertelt. Je kunt je toestemming "
            "altijd weer intrekken."
        ),
        "en": (
            "The expert team uses your request only if you agree. Only the people of the "
            "expert team who help see what you tell. You can always withdraw your consent."
        ),
    },
    "zelf.consent.eigen": {
        "nl": "Ik vind het goed dat het expertteam mijn aanmelding gebruikt om te helpen.",
        "en": "I agree that the expert team uses my request to help.",
    },
    "zelf.consent.jeugdige": {
        "nl": "Mijn kind weet van deze aanmelding en vindt het ook goed.",
        "en": "My child knows about this request and agrees too.",
    },
    "zelf.consent.ouder": {
        "nl": "Mijn ouder of verzorger doet mee en vindt het ook goed.",
        "en": "My parent or carer takes part and agrees too.",
    },
    "zelf.consent_missing": {
        "nl": (
            "Zonder toestemming kan het expertteam niet met je aanmelding verder. Vink aan wat "
            "klopt. Wil je eerst nog overleggen? Typ dan 'stop'. Je antwoorden blijven bewaard."
        ),
        "en": (
            "Without consent the expert team cannot go on with your request. Tick what is "
            "true. Want to talk it over first? Then type 'stop'. Your answers are kept."
        ),
    },
    "zelf.contact_title": {"nl": "Hoe bereiken we je?", "en": "How do we reach you?"},
    "zelf.contact_email": {
        "nl": "Je e-mailadres (hier sturen we een code naartoe)",
        "en": "Your email address (we send a code there)",
    },
    "zelf.contact_phone": {
        "nl": "Je telefoonnummer (mag leeg blijven)",
        "en": "Your phone number (may stay empty)",
    },
    "zelf.contact.email": {
        "nl": "Dit e-mailadres klopt niet. Kijk nog even, bijvoorbeeld: naam@voorbeeld.nl.",
        "en": "This email address is not right. Please check, for example: name@example.nl.",
    },
    "zelf.contact.phone": {
        "nl": "Dit telefoonnummer klopt niet. Gebruik 10 cijfers, bijvoorbeeld 06 12345678.",
        "en": "This phone number is not right. Use 10 digits, for example 06 12345678.",
    },
    "zelf.send_code": {"nl": "Stuur mij de code", "en": "Send me the code"},
    "zelf.code_title": {"nl": "Vul de code in", "en": "Fill in the code"},
    "zelf.code_sent": {
        "nl": (
            "Ik heb een code van 6 cijfers gestuurd naar {email}. Kijk ook bij je ongewenste "
            "e-mail. De code werkt 30 minuten."
        ),
        "en": (
            "I sent a 6-digit code to {email}. Also look in your junk mail. The code works "
            "for 30 minutes."
        ),
    },
    "zelf.code_label": {"nl": "De code uit de e-mail", "en": "The code from the email"},
    "zelf.code_check": {"nl": "Aanmelding versturen", "en": "Send request"},
    "zelf.code_again": {"nl": "Stuur een nieuwe code", "en": "Send a new code"},
    "zelf.code_other": {"nl": "Ander e-mailadres", "en": "Other email address"},
    "zelf.code_wrong": {
        "nl": "Die code klopt niet. Je kunt het nog {tries} keer proberen.",
        "en": "That code is not right. You can try {tries} more times.",
    },
    "zelf.code_expired": {
        "nl": "Deze code werkt niet meer. Kies 'Stuur een nieuwe code'.",
        "en": "This code no longer works. Choose 'Send a new code'.",
    },
    "zelf.no_email": {
        "nl": (
            "Het lukt nu niet om een e-mail te sturen. Je antwoorden zijn bewaard. Probeer het "
            "later nog eens, of neem contact op met het expertteam."
        ),
        "en": (
            "Sending an email does not work right now. Your answers are kept. Try again later, "
            "or contact the expert team."
        ),
    },
    "zelf.too_many_codes": {
        "nl": (
            "Ik kan vandaag geen nieuwe code meer sturen naar dit e-mailadres. Dat is vandaag "
            "al {limit} keer gebeurd. Kijk of een van die e-mails is aangekomen, ook bij je "
            "ongewenste e-mail. Lukt het niet? Probeer het morgen opnieuw, of neem contact op "
            "met het expertteam via de website of de gemeente."
        ),
        "en": (
            "I cannot send a new code to this email address today. That has happened {limit} "
            "times today already. Check whether one of those emails arrived, also in your junk "
            "mail. Still not working? Try again tomorrow, or contact the expert team through "
            "the website or your municipality."
        ),
    },
    "zelf.call_us": {
        "nl": "Je kunt het expertteam ook bellen: {phone}.",
        "en": "You can also call the expert team: {phone}.",
    },
    "zelf.mail_subject": {
        "nl": "Je code voor je aanmelding bij het {ret}",
        "en": "Your code for your request to the {ret}",
    },
    "zelf.mail_text": {
        "nl": (
            "Hallo,\n\nJe code is: {code}\n\nVul deze code in bij de assistent op de website. "
            "De code werkt 30 minuten.\n\nHeb je niet zelf om deze code gevraagd? Dan kun je "
            "deze e-mail weggooien.\n\n{ret}"
        ),
        "en": (
            "Hello,\n\nYour code is: {code}\n\nFill in this code with the assistant on the "
            "website. The code works for 30 minutes.\n\nDid you not ask for this code? Then "
            "you can throw this email away.\n\n{ret}"
        ),
    },
    "zelf.received": {
        "nl": (
            "Dank je wel! Je aanmelding is verstuurd. Je nummer is **{number}**.\n\nWat "
            "gebeurt er nu? De voorzitter van het expertteam leest je aanmelding en neemt "
            "binnen een paar werkdagen contact met je op via {contact}. Samen kijken jullie "
            "wat nodig is: soms een gesprek met de experts aan tafel, soms een advies of een "
            "andere route. Je kunt dit venster nu sluiten."
        ),
        "en": (
            "Thank you! Your request has been sent. Your number is **{number}**.\n\nWhat "
            "happens now? The chair of the expert team reads your request and contacts you "
            "within a few working days via {contact}. Together you look at what is needed: "
            "sometimes a talk with the experts at the table, sometimes advice or another "
            "route. You can close this window now."
        ),
    },
    "zelf.urgent_sent": {
        "nl": (
            "Je schrijft dat de hulp binnenkort stopt. Daarom heb ik de voorzitter meteen "
            "gewaarschuwd. Je hoort vandaag nog van ons."
        ),
        "en": (
            "You write that help stops soon. So I warned the chair right away. You will hear "
            "from us today."
        ),
    },
    "zelf.urgent_not_sent_phone": {
        "nl": (
            "Je schrijft dat de hulp binnenkort stopt. Ik kon de voorzitter nu niet meteen "
            "bereiken, maar ik blijf het proberen. Wacht daar niet op: bel het expertteam op "
            "{phone}."
        ),
        "en": (
            "You write that help stops soon. I could not reach the chair right away, but I "
            "keep trying. Do not wait for that: call the expert team on {phone}."
        ),
    },
    "zelf.urgent_not_sent": {
        "nl": (
            "Je schrijft dat de hulp binnenkort stopt. Ik kon de voorzitter nu niet meteen "
            "bereiken, maar ik blijf het proberen. Wacht daar niet op: neem zelf contact op met "
            "het expertteam of met je gemeente."
        ),
        "en": (
            "You write that help stops soon. I could not reach the chair right away, but I "
            "keep trying. Do not wait for that: contact the expert team or your municipality "
            "yourself."
        ),
    },
    "zelf.already_submitted": {
        "nl": (
            "Je aanmelding is al verstuurd. Je nummer is **{number}**. Je kunt dit venster sluiten."
        ),
        "en": (
            "Your request has already been sent. Your number is **{number}**. You can close "
            "this window."
        ),
    },
    "zelf.complaint_title": {
        "nl": "Wil je een klacht indienen?",
        "en": "Do you want to make a complaint?",
    },
    "zelf.complaint": {
        "nl": (
            "Wat je schrijft klinkt als een klacht. Vervelend dat je dit meemaakt. Het "
            "expertteam behandelt zelf geen klachten. Met een klacht kun je hier terecht:"
        ),
        "en": (
            "What you write sounds like a complaint. Sorry you ran into this. The expert team "
            "does not handle complaints itself. With a complaint you can go here:"
        ),
    },
    "zelf.complaint_question": {
        "nl": (
            "Loopt de hulp ook vast en wil je dat het expertteam meedenkt? Dan gaan we verder "
            "met je aanmelding."
        ),
        "en": (
            "Is the help also stuck and do you want the expert team to think along? Then we "
            "go on with your request."
        ),
    },
    "zelf.complaint_go_on": {"nl": "Ja, ga verder", "en": "Yes, go on"},
    "zelf.complaint_stop": {"nl": "Nee, ik dien een klacht in", "en": "No, I will complain"},
    "zelf.complaint_stopped": {
        "nl": (
            "Goed. Je antwoorden zijn weggegooid. Loopt de hulp later toch vast? Dan kun je "
            "altijd opnieuw aanmelden."
        ),
        "en": (
            "All right. Your answers have been thrown away. If help gets stuck later, you can "
            "always apply again."
        ),
    },
    "zelf.paused": {
        "nl": "Je antwoorden zijn bewaard. Typ iets als je verder wilt.",
        "en": "Your answers are kept. Type something when you want to go on.",
    },
    "zelf.applicant.ouder": {"nl": "Ouder (zelf aangemeld)", "en": "Parent (self-applied)"},
    "zelf.applicant.jeugdige": {
        "nl": "Jeugdige (zelf aangemeld)",
        "en": "Young person (self-applied)",
    },
    "zelf.triage_mark": {
        "nl": "Zelf aangemeld door een ouder of jeugdige (e-mailadres gecontroleerd).",
        "en": "Made by a parent or young person themselves (email address checked).",
    },
}
