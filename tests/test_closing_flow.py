"""Closing a case through the real app: the voorzitter closes from 'Mijn casussen' with a
reason, the referrer hears of it, nobody else can, and retention later anonymises it."""

import asyncio
import json
import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.cases import CLOSE_KEY, close_note_id, close_reason_id
from dialogs.cards.menu import MENU_KEY, MenuChoice
from storage.models import AuditRow, CaseEventRow, CaseRow
from tests.support import assert_valid_card, replaced_card
from tests.test_consult_flow import KERNTEAM_AAD, aware, person
from tests.test_triage_flow import status_of, submitted_case

NOTE = "Het gezin heeft een passende plek gevonden."


async def overview(who) -> dict:
    [card] = (await who.submit({MENU_KEY: MenuChoice.CASUSSEN.value})).cards()
    assert_valid_card(card)
    return card


def close_forms(card: dict) -> dict[str, dict]:
    """Per case number, the card shown by its 'Casus afsluiten' button."""
    forms = {}
    for block in card["body"]:
        for action in block.get("actions", []) if block["type"] == "ActionSet" else []:
            if action["type"] == "Action.ShowCard":
                forms[action["card"]["actions"][0]["data"][CLOSE_KEY]] = action
    return forms


async def case_row(bot, number: str) -> CaseRow:
    async with bot.app[RETBOT].engine.connect() as connection:
        return (await connection.execute(select(CaseRow).where(CaseRow.number == number))).one()


async def audit_actions(bot, number: str) -> list[str]:
    async with bot.app[RETBOT].engine.connect() as connection:
        rows = await connection.execute(select(AuditRow).where(AuditRow.case_number == number))
        return [row.action for row in rows]


async def triaged_case(bot, connector, http):
    """A case the voorzitter took up as a consultation: from there it may be closed."""
    chair, referrer, _, number = await submitted_case(bot, connector, http)
    await chair.execute("triage.consultatie", {"case": number})
    assert await status_of(bot, number) == "consultatie"
    return chair, referrer, number


async def test_voorzitter_closes_a_case_and_the_referrer_hears_of_it(bot, connector, http):
    chair, referrer, number = await triaged_case(bot, connector, http)
    referrer_seen = len(connector.received[referrer.id])
    form = close_forms(await overview(chair))[number]
    reason_input = form["card"]["body"][0]
    submit = form["card"]["actions"][0]
    before = datetime.now(UTC)

    closed = await chair.submit(
        {**submit["data"], reason_input["id"]: "opgelost", close_note_id(number): NOTE}
    )

    assert form["title"] == "Casus afsluiten"
    assert reason_input["isRequired"] and [c["value"] for c in reason_input["choices"]] == [
        "afgeschaald",
        "opgelost",
        "doorverwezen",
        "gestopt",
    ]
    assert closed.texts() == [
        f"{number} is afgesloten (opgelost). De verwijzer heeft bericht gekregen. 1 betrokkene "
        f"krijgt een korte evaluatie; typ `evaluatie {number}` om de antwoorden te zien."
    ]
    row = await case_row(bot, number)
    assert row.status == "afgesloten"
    assert before <= aware(row.closed_at) <= datetime.now(UTC)
    async with bot.app[RETBOT].engine.connect() as connection:
        events = list(
            await connection.execute(select(CaseEventRow).where(CaseEventRow.case_number == number))
        )
    assert (events[-1].actor, events[-1].kind, events[-1].text) == (
        "Marieke Hofstede",
        "afgesloten: opgelost",
        NOTE,
    )
    assert "afgesloten: opgelost" in await audit_actions(bot, number)
    async with asyncio.timeout(5):
        told = (await connector.wait_for(referrer.id, referrer_seen + 1))[referrer_seen]["text"]
    assert told.startswith(f"Het RET heeft je aanmelding {number} afgesloten. Reden: opgelost.")
    assert "Marieke" not in told and NOTE not in told
    assert number not in close_forms(await overview(chair))  # closed: nothing more to close


async def test_others_cannot_close_and_nothing_changes(bot, connector, http):
    _, referrer, number = await triaged_case(bot, connector, http)
    assistant = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
    data = {CLOSE_KEY: number, close_reason_id(number): "gestopt"}
    audit_before = await audit_actions(bot, number)
    referrer_seen = len(connector.received[referrer.id])

    by_assistant = await assistant.submit(data)
    by_referrer = await referrer.submit(data)

    for refused in (by_assistant, by_referrer):
        assert refused.texts() == ["Alleen de voorzitter van het RET kan een casus afsluiten."]
    assert close_forms(await overview(assistant)) == {}  # the team view, without closing
    assert close_forms(await overview(referrer)) == {}
    row = await case_row(bot, number)
    assert (row.status, row.closed_at) == ("consultatie", None)
    assert [a for a in await audit_actions(bot, number) if a != "casus bekeken"] == [
        a for a in audit_before if a != "casus bekeken"
    ]
    to_referrer = [a.get("text") or "" for a in connector.received[referrer.id][referrer_seen:]]
    assert not any(t.startswith("Het RET heeft je aanmelding") for t in to_referrer)


async def test_a_case_awaiting_triage_cannot_be_closed(bot, connector, http):
    chair, _, _, number = await submitted_case(bot, connector, http)

    offered = close_forms(await overview(chair))
    refused = await chair.submit({CLOSE_KEY: number, close_reason_id(number): "opgelost"})

    assert number not in offered
    assert refused.texts() == [
        f"{number} kan nog niet worden afgesloten: de status is 'Aangemeld'. Afsluiten kan na "
        "een consultatie, een samenwerkingstafel of een doorverwijzing, of als het advies "
        "gegeven is."
    ]
    row = await case_row(bot, number)
    assert (row.status, row.closed_at) == ("aangemeld", None)


async def test_a_reason_is_required_and_closing_twice_changes_nothing(bot, connector, http):
    chair, _, number = await triaged_case(bot, connector, http)
    await overview(chair)
    card_message = connector.received[chair.id][-1]["id"]  # Teams says which card was sent

    no_reason = await chair.submit({CLOSE_KEY: number, close_note_id(number): NOTE})
    first = await chair.submit(
        {CLOSE_KEY: number, close_reason_id(number): "doorverwezen"}, reply_to=card_message
    )
    closed_at = (await case_row(bot, number)).closed_at
    again = await chair.submit({CLOSE_KEY: number, close_reason_id(number): "gestopt"})

    assert no_reason.texts() == [f"Kies eerst een reden om {number} af te sluiten."]
    assert first.texts()[0].startswith(f"{number} is afgesloten (doorverwezen naar een andere")
    # In Teams the sent form gives way to the closing, read-only: nothing left to send.
    closed = replaced_card(connector, chair, card_message)
    assert closed["body"][0]["text"] == f"{number} (J.D.) afgesloten"
    assert closed["body"][1]["facts"] == [
        {"title": "Reden", "value": "Doorverwezen naar een andere route"}
    ]
    assert re.fullmatch(
        r"Vastgelegd door Marieke Hofstede op \d+ \w+ \d{4} om \d\d:\d\d\.",
        closed["body"][2]["text"],
    )
    assert re.fullmatch(
        f"{number} is al afgesloten op \\d+ \\w+ \\d{{4}} om \\d\\d:\\d\\d door Marieke "
        "Hofstede\\. Er is niets veranderd\\.",
        again.texts()[0],
    ), again.texts()
    assert (await case_row(bot, number)).closed_at == closed_at
    closings = [a for a in await audit_actions(bot, number) if a.startswith("afgesloten")]
    assert closings == ["afgesloten: doorverwezen"]


async def test_a_closed_case_is_anonymised_after_the_retention_period(bot, connector, http):
    chair, _, number = await triaged_case(bot, connector, http)
    await chair.submit({CLOSE_KEY: number, close_reason_id(number): "afgeschaald"})
    now = datetime.now(UTC)
    jobs = bot.app[RETBOT].jobs

    too_early = await jobs.retention(now + timedelta(days=23 * 31))
    anonymised = await jobs.retention(now + timedelta(days=25 * 31))

    assert too_early == [] and anonymised == [number]
    row = await case_row(bot, number)
    kept = json.loads(row.answers)
    assert "initialen" not in kept and kept["gemeente"] == "Hengelo"
    assert row.referrer_name == "(geanonimiseerd)" and row.anonymised_at is not None
