"""Recognising what a user asks for: typed commands and menu card submits."""

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.cards.menu import MENU_KEY, MenuChoice

TYPED_COMMANDS: dict[str, str] = {
    "menu": "menu",
    "start": "menu",
    "help": "help",
    "hulp": "help",
    "?": "help",
    "taal": "language",
    "language": "language",
    "stop": "stop",
    "annuleer": "stop",
    "cancel": "stop",
}


def typed_text(activity: Activity) -> str:
    """The message text without the bot's @mention (group chats and channels) and spacing."""
    text = TurnContext.remove_recipient_mention(activity) if activity.entities else activity.text
    return (text or "").strip()


def command_of(activity: Activity) -> str | None:
    """'menu', 'help', 'language', 'stop' or a MenuChoice value; None for anything else."""
    value = activity.value if isinstance(activity.value, dict) else {}
    choice = value.get(MENU_KEY)
    if choice in {c.value for c in MenuChoice}:
        return "help" if choice == MenuChoice.HELP else choice
    return TYPED_COMMANDS.get(typed_text(activity).lower().rstrip(".!"))
