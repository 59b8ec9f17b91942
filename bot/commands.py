"""Recognising what a user asks for: typed commands and menu card submits."""

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from dialogs.cards.consult import ASK_CHAIR, CONSULT_KEY
from dialogs.cards.menu import MENU_KEY, MenuChoice

TYPED_COMMANDS: dict[str, str] = {
    "menu": "menu",
    "start": "menu",
    "help": "help",
    "hulp": "help",
    "?": "help",
    "taal": "language",
    "language": "language",
    "stop": "stop",
    "later verder": "stop",
    "pauze": "stop",
    "annuleer": "discard",
    "annuleren": "discard",
    "cancel": "discard",
}


def typed_text(activity: Activity) -> str:
    """The message text without the bot's @mention (group chats and channels) and spacing."""
    text = TurnContext.remove_recipient_mention(activity) if activity.entities else activity.text
    return (text or "").strip()


def command_of(activity: Activity) -> str | None:
    """'menu', 'help', 'language', 'stop', 'discard', 'ask_chair' (a card's "ask the
    voorzitter") or a MenuChoice value; None for anything else (card submits of a flow
    included)."""
    value = activity.value if isinstance(activity.value, dict) else {}
    if value.get(CONSULT_KEY) == ASK_CHAIR and isinstance(value.get("id"), int):
        return ASK_CHAIR
    choice = value.get(MENU_KEY)
    if choice in {c.value for c in MenuChoice}:
        return "help" if choice == MenuChoice.HELP else choice
    return TYPED_COMMANDS.get(typed_text(activity).lower().rstrip(".!"))
