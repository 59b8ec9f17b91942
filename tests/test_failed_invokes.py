"""An invoke whose turn fails still gets an answer the channel understands, never the SDK's
501: a card action the documented error body (HTTP 200, statusCode 500, a Dutch message
with the correlation id, shown on the card), another invoke a 500 and the apology in the
chat. The failure is real: the table the handler needs is gone from the database, as after
a botched restore."""

import re

from sqlalchemy import text

from bot.app import RETBOT
from dialogs.cards.consult import VERB_CONTACT
from dialogs.cards.documents import CONSENT_CONTEXT
from tests.test_consult_flow import CHAIR_AAD, person

CODE = re.compile(r"code ([0-9a-f]{8}) door aan de beheerder")


async def lose_table(bot, table: str) -> None:
    async with bot.app[RETBOT].engine.begin() as connection:
        await connection.execute(text(f"ALTER TABLE {table} RENAME TO {table}_lost"))


def logged_failure(caplog, code: str) -> str:
    [record] = [r for r in caplog.records if r.name == "retbot.turn" and code in r.getMessage()]
    return record.getMessage()


async def test_a_card_action_whose_turn_fails_shows_the_error_on_the_card(
    bot, connector, http, caplog
):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await lose_table(bot, "consultation")

    result = await chair.execute(VERB_CONTACT, {"id": 1})

    assert result.status == 200  # Teams reads the outcome from the body
    assert result.body["statusCode"] == 500
    assert result.body["type"] == "application/vnd.microsoft.error"
    error = result.body["value"]
    assert error["code"] == "InternalServerError"
    assert error["message"].startswith("Sorry, er ging bij mij iets mis en dit is niet verwerkt.")
    code = CODE.search(error["message"]).group(1)
    assert "type=invoke" in logged_failure(caplog, code)
    assert result.replies == []  # the card shows it; no apology in the chat as well


async def test_a_file_consent_whose_turn_fails_gets_500_and_an_apology(
    bot, connector, http, caplog
):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await lose_table(bot, "document_version")
    value = {"type": "fileUpload", "action": "decline", "context": {CONSENT_CONTEXT: 1}}

    result = await chair.send(chair.activity("invoke", name="fileConsent/invoke", value=value))

    assert result.status == 500
    code = CODE.search(result.body["error"]).group(1)
    assert "type=invoke" in logged_failure(caplog, code)
    [apology] = result.texts()
    assert apology.startswith("Sorry, er ging bij mij iets mis") and code in apology


async def test_the_same_card_action_works_once_the_database_is_whole(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)

    result = await chair.execute(VERB_CONTACT, {"id": 1})

    assert (result.status, result.body["statusCode"]) == (200, 200)
    assert result.body["value"] == "Deze consultatievraag bestaat niet (meer)."
