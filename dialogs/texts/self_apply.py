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
}
