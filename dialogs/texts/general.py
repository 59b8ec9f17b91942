"""Welcome, menu, help, language and the words every flow shares."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
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
    # A roster member's welcome says what they do with the bot in their role.
    "welcome.voorzitter": {
        "nl": (
            "Welkom! Ik ben retbot, de digitale assistent van {ret}. Nieuwe aanmeldingen en "
            "consultatievragen zet ik in het teamkanaal, zodat je ze daar kunt triëren. Onder "
            "Mijn casussen zie je alle casussen van het RET en leg je het advies vast; onder "
            "Rapportage vraag je de rapportage over een periode aan."
        ),
        "en": (
            "Welcome! I am retbot, the digital assistant of {ret}. I post new requests and "
            "consultation questions in the team channel, so you can triage them there. Under "
            "My cases you see all of the RET's cases and record the advice; under Report you "
            "ask for the report over a period."
        ),
    },
    "welcome.kernteamlid": {
        "nl": (
            "Welkom! Ik ben retbot, de digitale assistent van {ret}. Na een advies vraag ik je "
            "in het teamkanaal het mandaat voor de afspraken van jouw organisatie te "
            "bevestigen, en later hier hoe die afspraken lopen. Onder Mijn casussen zie je de "
            "aanmeldingen die je zelf hebt gedaan."
        ),
        "en": (
            "Welcome! I am retbot, the digital assistant of {ret}. After an advice I ask you in "
            "the team channel to confirm the mandate for your organisation's agreements, and "
            "later, here, how those agreements are going. Under My cases you see the requests "
            "you filed yourself."
        ),
    },
    "welcome.group": {
        "nl": (
            "Hallo allemaal! Ik ben retbot, de digitale assistent van {ret}. Noem @retbot met "
            "een korte vraag aan het RET, of met 'help' voor wat ik kan. Een aanmelding doen en "
            "je casussen bekijken gaat in je eigen chat met mij, niet in deze groep."
        ),
        "en": (
            "Hello everyone! I am retbot, the digital assistant of {ret}. Mention @retbot with "
            "a short question for the RET, or with 'help' to see what I can do. Submitting a "
            "request and seeing your cases happen in your own chat with me, not in this group."
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
    "fallback": {
        "nl": ("Dat begrijp ik nog niet. Typ 'menu' om te zien wat ik kan, of 'help' voor uitleg."),
        "en": "I do not understand that yet. Type 'menu' to see what I can do, or 'help'.",
    },
    "cancelled": {
        "nl": "Goed, ik ben gestopt. Typ 'menu' als je verder wilt.",
        "en": "All right, I stopped. Type 'menu' to continue.",
    },
    # In both languages: whoever asks may not read the one the bot speaks with them now.
    "language.ask": {
        "nl": (
            "In welke taal wil je dat ik met je praat? (Which language would you like me to use?)"
        ),
        "en": (
            "Which language would you like me to use? (In welke taal wil je dat ik met je praat?)"
        ),
    },
    "language.retry": {
        "nl": "Kies een van de talen hieronder, of typ het nummer.",
        "en": "Please pick one of the languages below, or type its number.",
    },
    "language.done": {
        "nl": "Prima, ik praat voortaan Nederlands met je.",
        "en": "Fine, I will speak English with you from now on.",
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
    "error.invoke": {
        "nl": (
            "Sorry, er ging bij mij iets mis en dit is niet verwerkt. Probeer het nog eens; "
            "blijft het misgaan, geef dan code {code} door aan de beheerder."
        ),
        "en": (
            "Sorry, something went wrong on my side and this was not processed. Please try "
            "again; if it keeps failing, give code {code} to the administrator."
        ),
    },
}
