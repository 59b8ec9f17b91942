"""The personal chat's welcome fits whoever opens it, and a language choice brings the menu
in that language; through the real app over HTTP."""

import pytest

from domain.ret import RetConfig
from tests.support import assert_valid_card
from tests.test_advice_flow import THIJS_AAD
from tests.test_consult_flow import CHAIR_AAD, person

REFERRER_WELCOME = "Bij mij kun je een vastgelopen zorgvraag aanmelden"


@pytest.fixture
def ret(ret: RetConfig) -> RetConfig:
    """The example RET with a Teams id for Thijs Wennink, kernteamlid."""
    members = tuple(
        m.model_copy(update={"aad_object_id": THIJS_AAD}) if m.name == "Thijs Wennink" else m
        for m in ret.members
    )
    return ret.model_copy(update={"members": members})


def menu_buttons(card: dict) -> list[str]:
    assert_valid_card(card)
    return [a["title"] for a in card["actions"]]


async def test_each_role_gets_a_welcome_that_fits_it(bot, connector, http):
    referrer = await person(bot, connector, http, "Inge Referent").join()
    chair = await person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD).join()
    thijs = await person(bot, connector, http, "Thijs Wennink", THIJS_AAD).join()

    [to_referrer], [to_chair], [to_thijs] = referrer.texts(), chair.texts(), thijs.texts()
    assert REFERRER_WELCOME in to_referrer
    assert REFERRER_WELCOME not in to_chair and REFERRER_WELCOME not in to_thijs
    assert "zodat je ze daar kunt triëren" in to_chair and "Rapportage" in to_chair
    assert "Mijn casussen zie je alle casussen van het RET" in to_chair
    assert "het mandaat voor de afspraken van jouw organisatie" in to_thijs
    assert "hoe die afspraken lopen" in to_thijs
    assert "Mijn casussen zie je de aanmeldingen die je zelf hebt gedaan" in to_thijs
    # Each with the menu its role may use.
    assert "Rapportage" in menu_buttons(chair.cards()[0])
    assert "Rapportage" not in menu_buttons(thijs.cards()[0])
    assert "Rapportage" not in menu_buttons(referrer.cards()[0])


async def test_after_choosing_a_language_the_menu_follows_in_it(bot, connector, http):
    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    await thijs.join()
    await thijs.say("language")
    english = await thijs.say("English")
    back = await thijs.say("language")
    dutch = await thijs.say("Nederlands")

    assert english.texts()[0] == "Fine, I will speak English with you from now on."
    [menu] = english.cards()
    assert menu["body"][0]["text"] == "How can I help you?"
    assert menu_buttons(menu) == ["New request", "Ask a question", "My cases", "Help"]
    assert "In welke taal" in back.texts()[0]
    assert dutch.texts()[0] == "Prima, ik praat voortaan Nederlands met je."
    [menu] = dutch.cards()
    assert menu_buttons(menu) == ["Nieuwe aanmelding", "Vraag stellen", "Mijn casussen", "Help"]
