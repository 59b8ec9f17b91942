"""Personal data and secrets never reach the logs, at any level, during a full scenario."""

import logging

from dialogs.cards.consult import ANSWER_INPUT, VERB_ANSWER
from tests.test_consult_flow import CHAIR_AAD, UNKNOWN_QUESTION, ask_unknown_question, person

ANSWER = "Bel ons gerust over Jantje de Vries, we kijken mee."


async def test_consult_scenario_logs_no_names_questions_or_answers(bot, connector, http, caplog):
    caplog.set_level(logging.DEBUG)
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    asker = person(bot, connector, http, "Inge Referent")
    await chair.join()
    await asker.join()
    await ask_unknown_question(asker)
    card = connector.received[chair.id][-1]["attachments"][0]["content"]
    await chair.execute(VERB_ANSWER, {**card["actions"][0]["data"], ANSWER_INPUT: ANSWER})

    logged = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    assert caplog.records, "the scenario should log something at DEBUG"
    for personal in (UNKNOWN_QUESTION, "wachtlijst", "Inge Referent", "Wijkteam Hengelo", "Jantje"):
        assert personal not in logged, personal
