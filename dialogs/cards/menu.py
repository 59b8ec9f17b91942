"""The main menu: what a user can do with the bot."""

from enum import StrEnum

from dialogs.cards import adaptive_card, heading, paragraph, submit
from dialogs.texts import Language, text


class MenuChoice(StrEnum):
    AANMELDING = "aanmelding"
    VRAAG = "vraag"
    CASUSSEN = "casussen"
    HELP = "help"


MENU_KEY = "menu"  # the key of a menu choice in a card submit's value


def menu_card(language: Language) -> dict:
    return adaptive_card(
        body=[
            heading(text("menu.title", language)),
            paragraph(text("menu.hint", language), subtle=True),
        ],
        actions=[
            submit(text(f"menu.{choice.value}", language), {MENU_KEY: choice.value})
            for choice in MenuChoice
        ],
    )
