"""The main menu: what a user can do with the bot."""

from enum import StrEnum

from dialogs.cards import adaptive_card, heading, paragraph, submit
from dialogs.cards.reports import REPORT_OPEN_KEY
from dialogs.texts import Language, text


class MenuChoice(StrEnum):
    AANMELDING = "aanmelding"
    VRAAG = "vraag"
    CASUSSEN = "casussen"
    HELP = "help"


MENU_KEY = "menu"  # the key of a menu choice in a card submit's value


def menu_card(language: Language, reports: bool = False) -> dict:
    """`reports`: the user may ask for the report (voorzitter, procesondersteuner, admin)."""
    extra = [submit(text("menu.rapportage", language), {REPORT_OPEN_KEY: True})] if reports else []
    return adaptive_card(
        body=[
            heading(text("menu.title", language)),
            paragraph(text("menu.hint", language), subtle=True),
        ],
        actions=[
            submit(text(f"menu.{choice.value}", language), {MENU_KEY: choice.value})
            for choice in MenuChoice
        ]
        + extra,
    )
