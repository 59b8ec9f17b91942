"""Zelf aanmelden through the real app over HTTP, as Web Chat sends it (channels `webchat`
and `directline`), with the code by email through a real SMTP server: who applies, own
consent, the code, the case marked 'zelf aangemeld' for the voorzitter's triage."""

import asyncio
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from dialogs.cards.self_apply import (
    CODE,
    CODE_AGAIN,
    CODE_INPUT,
    CONSENT,
    CONTACT,
    SECTION_DONE,
    SELF_APPLY_KEY,
)
from storage.models import AuditRow, CaseEventRow, CaseRow
from tests.support import RunningBot
from tests.test_consult_flow import CHAIR_AAD, person

YEAR = datetime.now(UTC).year
EMAIL = "ouder.j@voorbeeld.nl"
ANSWERS = {
    "wie": {"aanvrager": "ouder"},
    "jeugdige": {"initialen": "L.M.", "geboortejaar": str(YEAR - 14), "gemeente": "Enschede"},
    "vraag": {
        "hulpvraag": "Onze dochter zit al maanden thuis en niemand weet wat ze nodig heeft.",
        "geprobeerd": "Ambulante hulp en een dagbehandeling, allebei gestopt.",
        "wens": "Dat ze weer naar school kan, dicht bij huis.",
        "school_zelf": "nee",
        "hulp_stopt": "nee",
    },
}


@pytest.fixture
async def mail_bot(database_url, ret, smtp_server):
    running = await RunningBot(smtp_server.settings(database_url), ret).start()
    yield running
    await running.stop()


def family(bot, connector, http, channel: str = "webchat") -> Conversation:
    return Conversation(
        bot.messages_url, connector, http, user_name="", channel_id=channel, user_id="dl_abc123"
    )


async def join(talk: Conversation):
    """What the /aanmelden page sends once Web Chat is connected."""
    return await talk.send(talk.activity("event", name="webchat/join", value={}))


async def section(talk: Conversation, key: str, **changes):
    return await talk.submit(
        {SELF_APPLY_KEY: SECTION_DONE, "section": key, **ANSWERS[key], **changes}
    )


async def code_from(smtp_server, address: str, count: int = 1) -> str:
    for _ in range(100):  # the outbox sends right away, on its own task
        mails = smtp_server.to(address)
        if len(mails) >= count:
            body = mails[count - 1].get_body(("plain",)).get_content()
            return re.search(r"\b(\d{6})\b", body).group(1)
        await asyncio.sleep(0.05)
    raise AssertionError("no code arrived")


async def through_consent(talk: Conversation, **consents) -> None:
    await join(talk)
    for key in ANSWERS:
        await section(talk, key)
    await talk.submit({SELF_APPLY_KEY: CONSENT, **consents})


async def test_a_parent_applies_with_a_verified_email_and_the_chair_triages_it(
    mail_bot, connector, http, smtp_server
):
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    seen = len(connector.received[chair.id])
    talk = family(mail_bot, connector, http)

    welcome = await join(talk)

    assert welcome.texts()[0].startswith("Hoi! Ik ben de digitale assistent van het RET")
    assert "Zo gaat het" in welcome.texts()[1] and "code" in welcome.texts()[1]
    [who] = welcome.cards()
    assert [c["value"] for c in who["body"][2]["choices"]] == [
        "ouder",
        "jeugdige_12_15",
        "jeugdige_16",
    ]
    for card in welcome.cards():  # Web Chat: no Teams-only actions
        assert {a["type"] for a in card["actions"]} == {"Action.Submit"}
    await section(talk, "wie")
    await section(talk, "jeugdige")
    consent = await section(talk, "vraag")
    toggles = [b["id"] for b in consent.cards()[0]["body"] if b["type"] == "Input.Toggle"]
    assert toggles == ["toestemming_eigen", "toestemming_jeugdige"]  # a child of 14 agrees too

    only_own = await talk.submit({SELF_APPLY_KEY: CONSENT, "toestemming_eigen": "ja"})
    assert "Zonder toestemming" in str(only_own.cards()[0])
    contact = await talk.submit(
        {SELF_APPLY_KEY: CONSENT, "toestemming_eigen": "ja", "toestemming_jeugdige": "ja"}
    )
    assert contact.cards()[0]["body"][1]["text"] == "Hoe bereiken we je?"
    wrong = await talk.submit({SELF_APPLY_KEY: CONTACT, "email": "ouder.j@", "telefoon": "12"})
    problems = str(wrong.cards()[0])
    assert "Dit e-mailadres klopt niet" in problems and "Dit telefoonnummer klopt niet" in problems

    sent = await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": "06 1234 5678"})
    assert f"Ik heb een code van 6 cijfers gestuurd naar {EMAIL}" in str(sent.cards()[0])
    code = await code_from(smtp_server, EMAIL)
    [mail] = smtp_server.to(EMAIL)
    assert mail["Subject"].startswith("Je code voor je aanmelding bij het RET")
    assert "L.M." not in mail.get_body(("plain",)).get_content()  # no case data in the mail
    assert await cases(mail_bot) == []  # nothing submitted before the code came back
    wrong_code = "000000" if code != "000000" else "111111"
    retry = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: wrong_code})
    assert "Die code klopt niet. Je kunt het nog 4 keer proberen." in str(retry.cards()[0])

    done = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: f" {code} "})

    number = f"RET-{YEAR}-0001"
    assert f"Je nummer is **{number}**" in done.texts()[0]
    assert f"via {EMAIL} of 0612345678" in done.texts()[0]
    [row] = await cases(mail_bot)
    assert row.self_applied and row.referrer_channel_id == "webchat"
    assert row.referrer_name == "Ouder (zelf aangemeld)"
    for field in ('"aanmelder_type": "ouder_jeugdige"', '"toestemming": "gegeven"'):
        assert field in row.answers
    assert '"toestemming_door": "samen"' in row.answers and '"urgentie": "normaal"' in row.answers
    triage = (await connector.wait_for(chair.id, seen + 1))[seen]["attachments"][0]["content"]
    assert triage["body"][0]["text"] == f"Nieuwe aanmelding {number}"
    assert triage["body"][1]["text"].startswith("Zelf aangemeld door een ouder of jeugdige")
    assert "Onze dochter" not in str(triage)  # the team card stays minimal
    async with mail_bot.app[RETBOT].engine.connect() as connection:
        audited = list(await connection.execute(select(AuditRow.action, AuditRow.channel)))
    assert ("aanmelding ingediend", "webchat") in audited


async def test_a_young_person_under_16_cannot_apply_alone(bot, connector, http):
    talk = family(bot, connector, http, channel="directline")
    await join(talk)
    await section(talk, "wie", aanvrager="jeugdige_16")

    back = await section(talk, "jeugdige", geboortejaar=str(YEAR - 14))

    card = back.cards()[0]
    assert card["body"][1]["text"] == "Wie meldt aan?"
    assert "ben je jonger dan 16. Dan meld je samen met je ouder" in str(card)
    await section(talk, "wie", aanvrager="jeugdige_12_15")
    consent = await section(talk, "jeugdige", geboortejaar=str(YEAR - 14))
    assert consent.cards()[0]["body"][1]["text"] == "Wat is er aan de hand?"


async def test_sixteen_and_older_consent_alone(bot, connector, http):
    talk = family(bot, connector, http)
    await join(talk)
    await section(talk, "wie", aanvrager="jeugdige_16")
    await section(talk, "jeugdige", geboortejaar=str(YEAR - 17))

    consent = await section(talk, "vraag")

    toggles = [b["id"] for b in consent.cards()[0]["body"] if b["type"] == "Input.Toggle"]
    assert toggles == ["toestemming_eigen"]


async def test_answers_survive_a_restart_and_a_reload_of_the_page(bot, connector, http):
    talk = family(bot, connector, http)
    await join(talk)
    await section(talk, "wie")
    await bot.restart()
    talk.bot_url = bot.messages_url
    talk.id = f"{talk.id}-reloaded"  # a reload of the page: a new Direct Line conversation

    again = await join(talk)

    assert again.cards()[0]["body"][1]["text"] == "Over de jeugdige"


async def test_typing_instead_of_the_card_gets_a_hint_and_the_same_question(bot, connector, http):
    talk = family(bot, connector, http)
    await join(talk)

    typed = await talk.say("Hallo, ik wil graag hulp")

    assert typed.texts()[0].startswith("Vul de vragen op de kaart in")
    assert typed.cards()[0]["body"][1]["text"] == "Wie meldt aan?"
    restarted = await talk.say("opnieuw")
    assert restarted.texts()[0] == "Goed, we beginnen opnieuw."


async def test_a_complaint_gets_the_routes_and_can_stop_the_request(bot, connector, http):
    talk = family(bot, connector, http)
    await join(talk)
    await section(talk, "wie")
    await section(talk, "jeugdige")

    turn = await section(
        talk, "vraag", hulpvraag="Ik wil een klacht indienen over de jeugdconsulent."
    )

    card = turn.cards()[0]
    assert card["body"][0]["text"] == "Wil je een klacht indienen?"
    assert "Vertrouwenspersoon jeugdhulp" in str(card)
    stopped = await talk.submit(card["actions"][1]["data"])
    assert stopped.texts()[0].startswith("Goed. Je antwoorden zijn weggegooid")
    async with bot.app[RETBOT].engine.connect() as connection:
        audited = list(await connection.execute(select(AuditRow.actor, AuditRow.action)))
    assert ("Ouder (zelf aangemeld)", "klacht: aanmelding gestopt") in audited


async def test_a_complaint_and_going_on_is_in_the_timeline(mail_bot, connector, http, smtp_server):
    talk = family(mail_bot, connector, http)
    await join(talk)
    await section(talk, "wie")
    await section(talk, "jeugdige")
    turn = await section(talk, "vraag", hulpvraag="We zijn ontevreden over het wijkteam.")
    await talk.submit(turn.cards()[0]["actions"][0]["data"])
    await talk.submit(
        {SELF_APPLY_KEY: CONSENT, "toestemming_eigen": "ja", "toestemming_jeugdige": "ja"}
    )
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})

    await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: await code_from(smtp_server, EMAIL)})

    async with mail_bot.app[RETBOT].engine.connect() as connection:
        events = list(await connection.execute(select(CaseEventRow.kind, CaseEventRow.actor)))
    assert events == [("klacht gesignaleerd", "Ouder (zelf aangemeld)")]


async def test_a_new_code_replaces_the_old_one(mail_bot, connector, http, smtp_server):
    talk = family(mail_bot, connector, http)
    await through_consent(talk, toestemming_eigen="ja", toestemming_jeugdige="ja")
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    first = await code_from(smtp_server, EMAIL)

    await talk.submit({SELF_APPLY_KEY: CODE_AGAIN})
    second = await code_from(smtp_server, EMAIL, count=2)

    if first != second:
        old = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: first})
        assert "Die code klopt niet" in str(old.cards()[0])
    done = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: second})
    assert "Je aanmelding is verstuurd" in done.texts()[0]


async def test_five_wrong_codes_need_a_new_one(mail_bot, connector, http, smtp_server):
    talk = family(mail_bot, connector, http)
    await through_consent(talk, toestemming_eigen="ja", toestemming_jeugdige="ja")
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    code = await code_from(smtp_server, EMAIL)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        last = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: wrong})

    assert "Deze code werkt niet meer" in str(last.cards()[0])
    right_too_late = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: code})
    assert "Deze code werkt niet meer" in str(right_too_late.cards()[0])
    assert await cases(mail_bot) == []


async def test_without_smtp_the_applicant_hears_the_code_cannot_be_sent(bot, connector, http):
    talk = family(bot, connector, http)
    await through_consent(talk, toestemming_eigen="ja", toestemming_jeugdige="ja")

    turn = await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})

    assert turn.texts()[0].startswith("Het lukt nu niet om een e-mail te sturen")


async def test_teams_only_actions_are_refused_in_web_chat(bot, connector, http):
    talk = family(bot, connector, http)
    await join(talk)

    result = await talk.execute("triage.consultatie", {"case": f"RET-{YEAR}-0001"})

    assert result.status == 400


async def cases(bot) -> list[CaseRow]:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(CaseRow)))


async def test_codes_stop_after_five_so_the_page_cannot_flood_an_inbox(
    mail_bot, connector, http, smtp_server
):
    talk = family(mail_bot, connector, http)
    await through_consent(talk, toestemming_eigen="ja", toestemming_jeugdige="ja")
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    for _ in range(4):
        await talk.submit({SELF_APPLY_KEY: CODE_AGAIN})
    await code_from(smtp_server, EMAIL, count=5)

    refused = await talk.submit({SELF_APPLY_KEY: CODE_AGAIN})

    assert refused.texts()[0].startswith("Ik kan vandaag geen nieuwe code meer sturen")
    await asyncio.sleep(0.3)
    assert len(smtp_server.to(EMAIL)) == 5
