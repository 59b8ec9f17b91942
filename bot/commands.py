"""Recognising what a user asks for: typed commands and menu card submits."""

from microsoft_agents.activity import Activity

from dialogs.cards.menu import MENU_KEY, MenuChoice
from dialogs.language import LANGUAGES
from dialogs.texts import text

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
    # The menu's buttons, typed as they read ("Mijn casussen", "New request").
    **{
        text(f"menu.{choice.value}", language).lower(): choice.value
        for choice in MenuChoice
        for language in LANGUAGES.values()
    },
}
CASE_COMMANDS: dict[str, str] = {"evaluatie": "evaluatie", "evaluation": "evaluatie"}
"""Typed with a case number after them ('evaluatie RET-2026-0003'); the flow reads it."""


def typed_text(activity: Activity) -> str:
    """The message text without the bot's @mention (group chats and channels) and spacing."""
    text = activity.remove_recipient_mention() if activity.entities else activity.text
    return (text or "").strip()


def command_of(typed: str, value: dict) -> str | None:
    """'menu', 'help', 'language', 'stop', 'discard' or a MenuChoice value, from what was
    typed or a menu card's choice; None for anything else (a flow's card submits)."""
    choice = value.get(MENU_KEY)
    if choice in {c.value for c in MenuChoice}:
        return choice
    words = typed.lower().split()
    if words and words[0] in CASE_COMMANDS and len(words) <= 2:
        return CASE_COMMANDS[words[0]]
    return TYPED_COMMANDS.get(typed.lower().rstrip(".!"))
