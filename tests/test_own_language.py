"""Every person in their own language, through the real app: what retbot sends on its own
(cards, messages, e-mails) is worded for whoever receives it, not for whoever caused it.

An English referrer (their own choice), a Dutch voorzitter, an English kernteamlid (their
Teams locale), a Dutch one (who chose Nederlands over an English Teams locale), and two
kernteamleden outside Teams: one English by the RET file, one Dutch. A case goes from the
request through triage, the booking, the advice with afspraken for both organisations and
their mandates, to the first follow-up round.
"""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import get_args

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from dialogs.cards.advice import VERB_CONFIRM
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.texts import DEFAULT_LANGUAGE, Language
from domain import notices
from domain.ret import RetConfig
from storage.models import AdviceRow
from tests.smtp_server import readable
from tests.support import RunningBot, emails_at_once
from tests.test_advice_flow import (
    FATIMA_AAD,
    GGZ,
    LVB,
    THIJS_AAD,
    form_values,
    in_channel,
    meeting_held,
    open_form,
)
from tests.test_consult_flow import CHAIR_AAD, person
from tests.test_intake_flow import VALID, fill, start

JOOST = "j.bruggink@opvoedpunt.example.org"  # kernteamlid outside Teams, English (RET file)
LINDA = "l.nijhuis@swv-twente.example.org"  # kernteamlid outside Teams, Dutch (the RET's)

# What each notice says, in Dutch and in English (distinctive words of the catalog).
INVITED_REFERRER = ("komt aan de RET-tafel", "goes to the RET table")
INVITED_MEMBER = ("Je bent als kernteamlid uitgenodigd", "You are invited as a core team member")
ADVICE_GIVEN = ("Het RET heeft een zwaarwegend advies gegeven", "The RET has given its binding")
ADVIES_READY = ("met de afspraken voor jouw organisatie", "with your organisation's agreements")
CONFIRM_NUDGE = ("De voorzitter vraagt je het mandaat van", "The chair asks you to confirm")
ADVIES_OFFERED = ("Het zwaarwegend advies voor", "The binding advice for")
FOLLOW_UP = ("Toelichting (nodig bij vertraagd of gestopt)", "Explanation (needed when delayed")
FOLLOW_UP_REFERRER = ("Toelichting (nodig als het moeizaam", "Explanation (needed when it is")
INVITATION_MAIL = ("Uitnodiging RET-overleg", "Invitation RET meeting")
NL, EN = 0, 1


@pytest.fixture
def ret(ret: RetConfig) -> RetConfig:
    """The example RET with Teams ids for Thijs (GGZ) and Fatima (LVB), English for Joost
    in the RET file, and no wait before an e-mail to whom Teams cannot reach."""
    ids = {"Thijs Wennink": THIJS_AAD, "Fatima el Amrani": FATIMA_AAD}
    members = tuple(
        m.model_copy(update={"aad_object_id": ids[m.name]})
        if m.name in ids
        else m.model_copy(update={"language": "en"})
        if m.email == JOOST
        else m
        for m in ret.members
    )
    return emails_at_once(ret.model_copy(update={"members": members}))


@pytest.fixture
async def bot(database_url, ret, smtp_server):
    running = await RunningBot(smtp_server.settings(database_url), ret).start()
    yield running
    await running.stop()


async def choose(talk: Conversation, language: str) -> None:
    await talk.say("language")
    await talk.say(language)


def said(connector, talk: Conversation) -> str:
    """Everything retbot sent into this person's chat."""
    return str(connector.received[talk.id])


def assert_in(language: int, phrases: tuple[str, str], shown: str) -> None:
    assert phrases[language] in shown, phrases[language]
    assert phrases[1 - language] not in shown, phrases[1 - language]


async def settled(bot) -> None:
    """What turns left to send after answering (documents, their messages) has gone."""
    dispatcher = bot.app[RETBOT].dispatcher
    await dispatcher.drain()
    await dispatcher.dispatch_due()
    await dispatcher.drain()


async def test_each_person_gets_proactive_messages_in_their_own_language(
    bot, connector, http, smtp_server
):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    thijs.locale = "en-GB"  # never chose: Teams speaks English to him
    fatima = person(bot, connector, http, "Fatima el Amrani", FATIMA_AAD)
    fatima.locale = "en-US"  # but she chose Nederlands
    referrer = person(bot, connector, http, "Inge Referent")
    for talk in (chair, thijs, fatima):
        await talk.join()
    await choose(fatima, "Nederlands")
    await choose(referrer, "English")

    # The request: the voorzitter's triage card, in Dutch.
    seen = len(connector.received[chair.id])
    await start(referrer)
    for section in VALID:
        await fill(referrer, section)
    await referrer.submit({INTAKE_KEY: SUBMIT})
    async with asyncio.timeout(5):
        [triage] = (await connector.wait_for(chair.id, seen + 1))[seen:]
    assert "Nieuwe aanmelding" in str(triage)
    number = f"RET-{datetime.now(UTC).year}-0001"

    # The booking: invitations in each one's language, by e-mail outside Teams too.
    await chair.execute("triage.ret_tafel", {"case": number})
    await settled(bot)
    assert_in(EN, INVITED_REFERRER, said(connector, referrer))
    assert_in(EN, INVITED_MEMBER, said(connector, thijs))
    assert_in(NL, INVITED_MEMBER, said(connector, fatima))
    [to_joost] = smtp_server.to(JOOST)
    [to_linda] = smtp_server.to(LINDA)
    assert to_joost["Subject"].startswith(f"{INVITATION_MAIL[EN]} {number} (J.D.): ")
    assert to_linda["Subject"].startswith(f"{INVITATION_MAIL[NL]} {number} (J.D.): ")
    assert "You are invited" in readable(to_joost) and "Je bent" not in readable(to_joost)

    # The advice with afspraken for GGZ and LVB: the mandate card where the team works
    # (the RET's language), the advies to each in their own.
    await meeting_held(bot, number)
    channel = Conversation(bot.messages_url, connector, http, user_name="Marieke Hofstede")
    channel.channel_id = "msteams"
    channel.extra = {"conversation": {"id": channel.id, "conversationType": "channel"}}
    await channel.send(channel.activity("conversationUpdate", membersAdded=[{"id": "retbot"}]))
    _, submit_data = await open_form(chair)
    before = {talk.id: len(connector.received[talk.id]) for talk in (chair, referrer)}
    await chair.submit({**submit_data, **form_values()})
    await settled(bot)
    assert "Mandaat gevraagd" in str(connector.received[channel.id])
    issued = str(connector.received[referrer.id][before[referrer.id] :])
    assert_in(EN, ADVICE_GIVEN, issued)
    assert_in(EN, ADVIES_OFFERED, issued)
    assert_in(NL, ADVIES_OFFERED, str(connector.received[chair.id][before[chair.id] :]))
    assert_in(EN, ADVIES_READY, said(connector, thijs))
    assert_in(NL, ADVIES_READY, said(connector, fatima))
    # Their organisations have afspraken and have not answered: the voorzitter's request.
    assert_in(EN, CONFIRM_NUDGE, said(connector, thijs))
    assert f"confirm {GGZ}'s mandate on the mandate card in the team channel" in str(
        connector.received[thijs.id]
    )
    assert_in(NL, CONFIRM_NUDGE, said(connector, fatima))
    assert f"het mandaat van {LVB} te bevestigen" in said(connector, fatima)

    # The mandates, each in the channel; the new version goes out in each one's language.
    before = {talk.id: len(connector.received[talk.id]) for talk in (referrer, thijs, fatima)}
    for name, aad, organisation in (
        ("Thijs Wennink", THIJS_AAD, GGZ),
        ("Fatima el Amrani", FATIMA_AAD, LVB),
    ):
        talk = in_channel(channel, name, aad)
        await talk.execute(VERB_CONFIRM, {"case": number, "organisation": organisation})
    await settled(bot)
    assert_in(EN, ADVIES_OFFERED, str(connector.received[referrer.id][before[referrer.id] :]))
    assert_in(EN, ADVIES_READY, str(connector.received[thijs.id][before[thijs.id] :]))
    assert_in(NL, ADVIES_READY, str(connector.received[fatima.id][before[fatima.id] :]))
    for talk in (thijs, fatima):  # answered: nobody asks any more
        again = str(connector.received[talk.id][before[talk.id] :])
        assert not any(phrase in again for phrase in CONFIRM_NUDGE), again

    # The first follow-up round, made by the scheduler: each ask in its reader's language.
    async with bot.app[RETBOT].engine.connect() as connection:
        issued_at = await connection.scalar(select(AdviceRow.issued_at))
    issued_at = issued_at if issued_at.tzinfo else issued_at.replace(tzinfo=UTC)
    before = {talk.id: len(connector.received[talk.id]) for talk in (referrer, thijs, fatima)}
    await bot.app[RETBOT].jobs.follow_up(issued_at + timedelta(days=14))
    await settled(bot)
    asked = {t.id: str(connector.received[t.id][before[t.id] :]) for t in (referrer, thijs, fatima)}
    assert_in(EN, FOLLOW_UP_REFERRER, asked[referrer.id])
    assert_in(EN, FOLLOW_UP, asked[thijs.id])
    assert_in(NL, FOLLOW_UP, asked[fatima.id])
    assert "Start traumabehandeling in het gezinshuis" in asked[thijs.id]  # as recorded


def test_notices_are_worded_in_every_language_the_catalog_has():
    assert set(notices.LANGUAGES) == set(get_args(Language))
    assert notices.DEFAULT_LANGUAGE == DEFAULT_LANGUAGE
