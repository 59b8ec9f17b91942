"""What submitting a request causes: the voorzitter's urgent alert, in Teams and by e-mail."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "submission.urgent_chair": {
        "nl": (
            "Spoed: aanmelding **{number}** ({initials}, {gemeente}) van {who}. De zorg stopt "
            "binnenkort en er is niets anders geregeld. Neem vandaag contact op."
        ),
        "en": (
            "Urgent: request **{number}** ({initials}, {gemeente}) from {who}. Care stops soon "
            "and nothing else is arranged. Please make contact today."
        ),
    },
    "submission.urgent_mail.subject": {
        "nl": "Spoed: aanmelding {number} ({initials})",
        "en": "Urgent: request {number} ({initials})",
    },
    "submission.urgent_mail.body": {
        "nl": (
            "Zojuist is een aanmelding met spoed binnengekomen: {number} ({initials}, "
            "{gemeente}), van {who}. De zorg stopt binnenkort en er is niets anders geregeld. "
            "Neem vandaag contact op.\n\n"
            "De volledige aanmelding, met hoe je de aanmelder bereikt, staat in retbot in "
            "Microsoft Teams; in een e-mail staat die niet."
        ),
        "en": (
            "An urgent request has just come in: {number} ({initials}, {gemeente}), from "
            "{who}. Care stops soon and nothing else is arranged. Please make contact today."
            "\n\n"
            "The full request, with how to reach the referrer, is in retbot in Microsoft "
            "Teams; an e-mail does not carry it."
        ),
    },
    "submission.who_self_applied": {
        "nl": "een ouder of jeugdige zelf",
        "en": "a parent or young person themselves",
    },
    "submission.who": {"nl": "{name} ({organisation})", "en": "{name} ({organisation})"},
}
