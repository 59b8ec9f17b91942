"""Triage through the real app: the voorzitter's card with minimal data, each decision,
the question relayed to the referrer and back, the full request only in a personal chat,
and refusals for anyone else."""

import asyncio
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.booking import VERB_MOVE
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.cards.menu import MENU_KEY, MenuChoice
from dialogs.cards.triage import ANSWER_INPUT, CASE_INFO_KEY, NOTE_INPUT, VERB_DETAILS
from storage.models import AuditRow, CaseEventRow, CaseRow
from tests.support import assert_valid_card, replaced_card
from tests.test_consult_flow import CHAIR_AAD, KERNTEAM_AAD, person
from tests.test_intake_flow import VALID, fill, start

STATUS_AFTER = {
    "ret_tafel": "ret-tafel ingepland",
    "consultatie": "consultatie",
    "samenwerkingstafel": "samenwerkingstafel",
    "doorverwijzen": "doorverwezen",
}


async def submitted_case(bot, connector, http, **consent):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    referrer = person(bot, connector, http, "Inge Referent")
    await chair.join()
    seen = len(connector.received[chair.id])
    await start(referrer)
    for section in VALID:
        await fill(referrer, section, **(consent if section == "toestemming" else {}))
    await referrer.submit({INTAKE_KEY: SUBMIT})
    async with asyncio.timeout(5):
        card = (await connector.wait_for(chair.id, seen + 1))[seen]["attachments"][0]["content"]
    number = f"RET-{datetime.now(UTC).year}-0001"
    return chair, referrer, card, number


async def status_of(bot, number: str) -> str:
    async with bot.app[RETBOT].engine.connect() as connection:
        return await connection.scalar(select(CaseRow.status).where(CaseRow.number == number))


def facts_of(card: dict) -> dict[str, str]:
    return {
        f["title"]: f["value"] for b in card["body"] if b["type"] == "FactSet" for f in b["facts"]
    }


async def test_triage_card_shows_minimal_data_only(bot, connector, http):
    _, _, card, number = await submitted_case(bot, connector, http)

    assert_valid_card(card)
    assert card["body"][0]["text"] == f"Nieuwe aanmelding {number}"
    assert facts_of(card) == {
        "Initialen": "J.D.",
        "Leeftijd": f"{datetime.now(UTC).year - 2011} jaar",
        "Woongemeente van de jeugdige": "Hengelo",
        "Soort vraag": "Passende plek / doorstroom verblijf",
        "Urgentie": "Geen spoed",
        "Toestemming": "Toestemming is gegeven",
    }
    shown = str(card)
    for private in (
        "Inge Referent",
        "Jeugdbescherming Oost",
        VALID["vraag"]["hulpvraag"],
        "trauma",
    ):
        assert private not in shown
    assert [a["title"] for a in card["actions"]] == [
        "RET-tafel inplannen",
        "Consultatie (advies zonder overleg)",
        "Samenwerkingstafel",
        "Doorverwijzen",
        "Meer informatie vragen",
        "Volledige aanmelding",
    ]
    [note] = [e for e in card["body"] if e.get("type") == "Input.Text"]
    assert note["label"].startswith("Je vraag aan de verwijzer, of de reden bij doorverwijzen")


@pytest.mark.parametrize("decision", list(STATUS_AFTER))
async def test_each_decision_moves_the_case_and_informs_the_referrer(
    bot, connector, http, decision
):
    chair, referrer, _, number = await submitted_case(bot, connector, http)
    referrer_seen = len(connector.received[referrer.id])
    note = (
        "Past beter bij de samenwerkingstafel van de gemeente."
        if decision == "doorverwijzen"
        else ""
    )

    result = await chair.execute(f"triage.{decision}", {"case": number, NOTE_INPUT: note})

    new_card = result.body["value"]
    assert_valid_card(new_card)
    planning = [VERB_MOVE] if decision == "ret_tafel" else []  # 'Volgend vrij moment' (booking)
    assert [a["verb"] for a in new_card["actions"]] == [*planning, VERB_DETAILS]
    texts = [block.get("text", "") for block in new_card["body"]]
    assert "besloten door Marieke Hofstede" in texts[-2 if planning else -1]
    assert await status_of(bot, number) == STATUS_AFTER[decision]
    async with asyncio.timeout(5):
        told = str((await connector.wait_for(referrer.id, referrer_seen + 1))[-1])
    assert number in told
    if decision == "ret_tafel":  # the invitation card (tests/test_booking_flow.py)
        assert "Ik heb er een plek voor vastgelegd: dinsdag" in told
    if decision == "doorverwijzen":
        assert note in told
    async with bot.app[RETBOT].engine.connect() as connection:
        actions = [row.action for row in await connection.execute(select(AuditRow))]
    assert f"triage: {decision}" in actions


async def test_refer_without_a_reason_is_asked_for(bot, connector, http):
    chair, _, _, number = await submitted_case(bot, connector, http)

    result = await chair.execute("triage.doorverwijzen", {"case": number, NOTE_INPUT: " "})

    assert result.body["value"] == "Vul eerst de reden of je vraag in het tekstvak in."
    assert await status_of(bot, number) == "aangemeld"


async def test_only_a_voorzitter_triages(bot, connector, http):
    _, referrer, _, number = await submitted_case(bot, connector, http)
    other = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
    referrer_seen = len(connector.received[referrer.id])

    refused = await other.execute("triage.ret_tafel", {"case": number})
    by_referrer = await referrer.execute("triage.consultatie", {"case": number})

    for result in (refused, by_referrer):
        assert result.body["value"] == "Alleen de voorzitter van het RET kan aanmeldingen triëren."
    assert await status_of(bot, number) == "aangemeld"
    assert len(connector.received[referrer.id]) == referrer_seen


async def test_a_second_decision_changes_nothing(bot, connector, http):
    chair, _, _, number = await submitted_case(bot, connector, http)
    await chair.execute("triage.consultatie", {"case": number})

    again = await chair.execute("triage.ret_tafel", {"case": number})

    assert "Consultatie: besloten door" in again.body["value"]["body"][-1]["text"]
    assert await status_of(bot, number) == "consultatie"


async def test_more_information_goes_to_the_referrer_and_comes_back(bot, connector, http):
    chair, referrer, _, number = await submitted_case(bot, connector, http)
    referrer_seen = len(connector.received[referrer.id])
    question = "Is er al contact geweest met de huisarts?"

    asked = await chair.execute("triage.meer_informatie", {"case": number, NOTE_INPUT: question})
    async with asyncio.timeout(5):
        question_card = (await connector.wait_for(referrer.id, referrer_seen + 1))[-1]
    chair_seen = len(connector.received[chair.id])
    thanks = await referrer.submit({CASE_INFO_KEY: number, ANSWER_INPUT: "Ja, vorige week."})
    again = await referrer.submit({CASE_INFO_KEY: number, ANSWER_INPUT: "Nog iets."})

    assert await status_of(bot, number) == "aangemeld"
    assert asked.body["value"]["body"][-1]["text"].startswith("Meer informatie gevraagd: besloten")
    card = question_card["attachments"][0]["content"]
    assert_valid_card(card)
    assert card["body"][1]["text"] == question
    assert thanks.texts() == ["Dank je wel, ik heb je antwoord aan de voorzitter doorgegeven."]
    assert again.texts() == ["Voor deze aanmelding staat geen vraag meer open."]
    to_chair = connector.received[chair.id][chair_seen:]
    assert (
        to_chair[0]["text"]
        == f"Er is aanvullende informatie van de verwijzer over {number} (J.D.)."
    )
    fresh = to_chair[1]["attachments"][0]["content"]
    assert fresh["actions"][0]["title"] == "RET-tafel inplannen"
    assert "Ja, vorige week." not in str(to_chair)


async def test_full_request_goes_to_the_voorzitters_own_chat_with_its_timeline(
    bot, connector, http
):
    chair, _, _, number = await submitted_case(bot, connector, http)
    await chair.execute("triage.meer_informatie", {"case": number, NOTE_INPUT: "Welke school?"})
    seen = len(connector.received[chair.id])

    result = await chair.execute(VERB_DETAILS, {"case": number})

    assert result.body["value"] == "Ik heb de volledige aanmelding in je eigen chat met mij gezet."
    full = connector.received[chair.id][seen]["attachments"][0]["content"]
    assert_valid_card(full)
    assert VALID["vraag"]["hulpvraag"] in str(full)
    assert "Welke school?" in str(full)


async def test_full_request_is_refused_to_others_and_withheld_until_consent(bot, connector, http):
    chair, _, _, number = await submitted_case(bot, connector, http, toestemming="volgt")
    stranger = person(bot, connector, http, "Iemand Anders")

    refused = await stranger.execute(VERB_DETAILS, {"case": number})
    pending = await chair.execute(VERB_DETAILS, {"case": number})

    assert refused.body["value"].startswith("De volledige aanmelding is alleen voor")
    assert pending.body["value"].startswith(f"De toestemming voor {number} volgt nog")


async def test_consent_that_follows_is_recorded_later_and_opens_the_details(bot, connector, http):
    chair, referrer, _, number = await submitted_case(bot, connector, http, toestemming="volgt")
    overview = await referrer.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
    card = overview.cards()[0]
    consent_input = next(b for b in card["body"] if b.get("id", "").startswith("consent_by_"))
    action = next(b for b in card["body"] if b["type"] == "ActionSet")["actions"][0]
    chair_seen = len(connector.received[chair.id])

    card_message = connector.received[referrer.id][-1]["id"]  # Teams says which card was sent
    who_missing = await referrer.submit(dict(action["data"]))
    recorded = await referrer.submit(
        {**action["data"], consent_input["id"]: "ouders"}, reply_to=card_message
    )
    again = await referrer.submit({**action["data"], consent_input["id"]: "voogd"})
    details = await chair.execute(VERB_DETAILS, {"case": number})

    assert action["title"] == "Toestemming is gegeven"
    assert who_missing.texts() == ["Kies eerst wie de toestemming gaf."]
    assert recorded.texts()[0].startswith(f"Dank je, de toestemming voor {number} is vastgelegd")
    assert connector.received[chair.id][chair_seen]["text"].startswith(
        f"De toestemming voor {number} (J.D.) is vastgelegd"
    )
    assert details.body["value"] == "Ik heb de volledige aanmelding in je eigen chat met mij gezet."
    # In Teams the overview with the sent form gives way to the consent, read-only.
    read_only = replaced_card(connector, referrer, card_message)
    assert read_only["body"][0]["text"] == f"Toestemming voor {number} (J.D.)"
    given_by = {"title": "Gegeven door", "value": "Ouders / gezaghebbende ouder"}
    assert read_only["body"][1]["facts"] == [given_by]
    assert read_only["body"][2]["text"].startswith("Vastgelegd door Inge Referent op ")
    assert re.fullmatch(
        f"De toestemming voor {number} is al vastgelegd op \\d+ \\w+ \\d{{4}} om \\d\\d:\\d\\d "
        "door Inge Referent\\. Er is niets veranderd\\.",
        again.texts()[0],
    ), again.texts()
    async with bot.app[RETBOT].engine.connect() as connection:
        kinds = list(await connection.scalars(select(CaseEventRow.kind)))
    assert kinds.count("toestemming vastgelegd") == 1  # the second submit changed nothing
    mine_now = await referrer.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
    assert "consent_by_" not in str(mine_now.cards()[0])


async def test_voorzitter_may_open_details_without_consent_only_with_a_reason(bot, connector, http):
    chair, _, card, number = await submitted_case(bot, connector, http, toestemming="volgt")
    other = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
    override = card["actions"][-1]
    seen = len(connector.received[chair.id])

    refused = await other.execute(override["verb"], {"case": number, NOTE_INPUT: "Nieuwsgierig"})
    no_reason = await chair.execute(override["verb"], {"case": number, NOTE_INPUT: ""})
    opened = await chair.execute(
        override["verb"], {"case": number, NOTE_INPUT: "Acuut gevaar, vandaag overleg nodig"}
    )

    assert override["title"] == "Inzien zonder toestemming (reden invullen)"
    assert refused.body["value"] == "Alleen de voorzitter van het RET kan aanmeldingen triëren."
    assert no_reason.body["value"].startswith("Zonder vastgelegde toestemming")
    assert opened.body["value"] == "Ik heb de volledige aanmelding in je eigen chat met mij gezet."
    full = str(connector.received[chair.id][seen:])
    assert VALID["vraag"]["hulpvraag"] in full and "Acuut gevaar, vandaag overleg nodig" in full
    async with bot.app[RETBOT].engine.connect() as connection:
        actions = [row.action for row in await connection.execute(select(AuditRow))]
    assert actions.count("toestemming overruled") == 1 and "casus bekeken" in actions


async def test_more_information_before_consent_says_the_answer_waits_for_consent(
    bot, connector, http
):
    chair, referrer, _, number = await submitted_case(bot, connector, http, toestemming="volgt")
    question = "Welke school?"

    asked = await chair.execute("triage.meer_informatie", {"case": number, NOTE_INPUT: question})
    chair_seen = len(connector.received[chair.id])
    await referrer.submit({CASE_INFO_KEY: number, ANSWER_INPUT: "Het Erasmus."})
    details = await chair.execute(VERB_DETAILS, {"case": number})

    card = asked.body["value"]
    assert_valid_card(card)
    said = [b["text"] for b in card["body"] if b["type"] == "TextBlock"]
    assert said[-1].startswith("De toestemming volgt nog. Je vraag staat bij de verwijzer;")
    assert (
        "Die deel ik pas met het team als de verwijzer de toestemming heeft vastgelegd"
        in (said[-1])
    )
    assert [a["title"] for a in card["actions"]] == ["Inzien zonder toestemming (reden invullen)"]
    told = connector.received[chair.id][chair_seen]["text"]
    assert told.startswith(f"Er is aanvullende informatie van de verwijzer over {number} (J.D.).")
    assert "De toestemming volgt nog: het antwoord staat in de volledige aanmelding" in told
    assert "Het Erasmus." not in str(connector.received[chair.id][chair_seen:])
    assert details.body["value"].startswith(f"De toestemming voor {number} volgt nog")
    # With consent given, test_more_information_goes_to_the_referrer_and_comes_back sees
    # neither line.
