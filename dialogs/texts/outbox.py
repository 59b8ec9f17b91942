"""What the outbox says of itself: that messages wait in Teams, and which recipients it
cannot reach."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "outbox.waiting_mail.subject": {
        "nl": "Er staat een bericht van {ret} voor je klaar in Teams",
        "en": "A message from {ret} is waiting for you in Teams",
    },
    "outbox.waiting_mail.body": {
        "nl": (
            "Beste {name},\n\n"
            "retbot, de assistent van {ret}, heeft een bericht voor je dat je alleen in "
            "Microsoft Teams kunt lezen en beantwoorden. Open in Teams de chat met retbot "
            "(zoek bij Apps op 'retbot'); zodra je die opent, komt het bericht binnen.\n\n"
            "Dit bericht krijg je hoogstens één keer per dag."
        ),
        "en": (
            "Dear {name},\n\n"
            "retbot, the assistant of {ret}, has a message for you that you can only read and "
            "answer in Microsoft Teams. Open the chat with retbot in Teams (search Apps for "
            "'retbot'); as soon as you open it, the message arrives.\n\n"
            "You get this e-mail at most once a day."
        ),
    },
    "outbox.failing": {
        "nl": (
            "retbot krijgt deze berichten al twee uur of langer niet afgeleverd:\n\n"
            "{lines}\n\n"
            "Wie retbot nog nooit in Teams heeft geopend, krijgt zijn berichten zodra hij dat "
            "doet (of per e-mail, als die is ingesteld); mislukte berichten probeert retbot "
            "nog een week. Met `retbot outbox` zie je welke berichten het zijn en wat er "
            "misgaat; na een oplossing zet `retbot outbox retry` mislukte berichten weer klaar."
        ),
        "en": (
            "retbot has not been able to deliver these messages for two hours or more:\n\n"
            "{lines}\n\n"
            "Someone who has never opened retbot in Teams gets their messages as soon as they "
            "do (or by e-mail, when that is set up); failed messages are tried for another "
            "week. `retbot outbox` shows which messages they are and what goes wrong; once it "
            "is solved, `retbot outbox retry` queues failed messages again."
        ),
    },
    "outbox.messages": {
        "nl": {"one": "{n} bericht", "other": "{n} berichten"},
        "en": {"one": "{n} message", "other": "{n} messages"},
    },
    "outbox.someone": {"nl": "iemand van het RET", "en": "someone of the RET"},
    "outbox.a_chat": {
        "nl": "een chat met retbot ({channel})",
        "en": "a chat with retbot ({channel})",
    },
    "outbox.an_email": {"nl": "een e-mailadres", "en": "an e-mail address"},
}
