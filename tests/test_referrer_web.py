"""Aanmelden without Teams, over HTTP: a referrer mails the RET's mailbox (Email channel)
and gets a personal, signed, expiring link by e-mail (outbox, real SMTP); the link opens
their page, whose Direct Line token is bound to a user id that carries their address; in
Web Chat they fill the same aanmelding as in Teams, and only the code sent to that address
files it, once, as a case whose referrer is that address."""

import asyncio
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from bot.links import ReferrerApplyLinks, ReferrerIds
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.cards.referrer_web import CODE, CODE_AGAIN, CODE_INPUT, REFERRER_KEY
from storage.models import AuditRow, CaseRow, OutboxRow
from tests.directline_server import SECRET, DirectLineServer
from tests.smtp_server import body_of
from tests.support import RunningBot
from tests.test_consult_flow import CHAIR_AAD, person
from tests.test_intake_flow import VALID, fill
from tests.test_self_apply_flow import code_from

LINK_KEY = "referrer-test-link-key"
PUBLIC = "https://retbot.ret-twente.example.org"
REFERRER = "p.devries@wijkteam-hengelo.example.org"
ASKED = "Ik wil een jongen van 15 aanmelden, hij zit al 4 maanden thuis"
LINK = re.compile(re.escape(PUBLIC) + r"/verwijzers/aanmelden/[\w.\-]+")


def settings_for(database_url, smtp_server=None, **more):
    words = {"link_key": LINK_KEY, "public_url": PUBLIC, **more}
    if smtp_server is None:
        from bot.settings import Settings

        return Settings(database_url=database_url, **words)
    return smtp_server.settings(database_url, **words)


@pytest.fixture
async def mail_bot(database_url, ret, smtp_server):
    directline = await DirectLineServer().start()
    settings = settings_for(
        database_url, smtp_server, directline_secret=SECRET, directline_url=directline.url
    )
    running = await RunningBot(settings, ret).start()
    directline.bot_url = running.messages_url
    running.directline = directline
    yield running
    await running.stop()
    await directline.stop()


def mailbox(bot, connector, http, sender: str = REFERRER) -> Conversation:
    return Conversation(
        bot.messages_url,
        connector,
        http,
        user_id=sender,
        user_name="Petra de Vries",
        channel_id="email",
    )


def on_the_page(bot, connector, http, email: str = REFERRER) -> Conversation:
    """Web Chat on the referrer's page, as Direct Line forwards it: the user id the token
    endpoint bound the conversation to."""
    return Conversation(
        bot.messages_url,
        connector,
        http,
        user_name="",
        channel_id="directline",
        user_id=ReferrerIds(LINK_KEY).user_id(email),
    )


async def join(talk: Conversation):
    return await talk.send(talk.activity("event", name="webchat/join", value={}))


async def link_from(smtp_server, address: str, count: int = 1) -> str:
    for _ in range(100):  # the outbox sends right away, on its own task
        mails = smtp_server.to(address)
        if len(mails) >= count:
            return LINK.search(body_of(mails[count - 1])).group(0)
        await asyncio.sleep(0.05)
    raise AssertionError("no link arrived")


async def cases(bot) -> list[CaseRow]:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(CaseRow)))


async def test_asking_by_email_to_apply_mails_a_personal_link(
    mail_bot, connector, http, smtp_server
):
    asked = await mailbox(mail_bot, connector, http).say(ASKED)

    assert asked.replies == []  # the answer is the e-mail with the link, not a second one
    url = await link_from(smtp_server, REFERRER)
    [mail] = smtp_server.to(REFERRER)
    assert (
        mail["Subject"]
        == "Je persoonlijke link om aan te melden bij het RET Jeugd Twente (voorbeeld)"
    )
    body = body_of(mail)
    assert "De link werkt 7 dagen en is alleen voor jou (" + REFERRER + ")" in body
    assert "Microsoft Teams" not in body.split("\n\n")[-1]
    token = url.rsplit("/", 1)[1]
    links = ReferrerApplyLinks(LINK_KEY, PUBLIC)
    assert links.email_of(token, datetime.now(UTC)) == REFERRER
    assert links.email_of(token, datetime.now(UTC) + timedelta(days=6)) == REFERRER
    async with mail_bot.app[RETBOT].engine.connect() as connection:
        [row] = list(await connection.execute(select(OutboxRow)))
    assert row.status == "sent" and row.sent_via == "email"


async def test_links_stop_after_three_a_day_per_address(mail_bot, connector, http, smtp_server):
    sender = mailbox(mail_bot, connector, http)
    for _ in range(3):
        assert (await sender.say("Aanmelden")).replies == []
    await link_from(smtp_server, REFERRER, count=3)

    fourth = await sender.say("Ik wil graag een nieuwe aanmelding doen")

    assert fourth.texts()[0].startswith("Je hebt vandaag al 3 links gekregen")
    await asyncio.sleep(0.2)
    assert len(smtp_server.to(REFERRER)) == 3
    other = await mailbox(mail_bot, connector, http, "a.jansen@school.example.org").say("Aanmelden")
    assert other.replies == []  # counted per address


async def test_without_smtp_the_link_is_the_answer_in_the_email_channel(
    database_url, ret, connector, http
):
    bot = await RunningBot(settings_for(database_url), ret).start()
    try:
        [reply] = (await mailbox(bot, connector, http).say(ASKED)).replies
    finally:
        await bot.stop()

    assert LINK.search(reply["text"])
    assert reply["channelData"]["subject"]


async def test_the_link_opens_the_page_and_binds_direct_line_to_the_address(
    mail_bot, connector, http, smtp_server
):
    await mailbox(mail_bot, connector, http).say(ASKED)
    path = (await link_from(smtp_server, REFERRER)).removeprefix(PUBLIC)
    links = ReferrerApplyLinks(LINK_KEY, PUBLIC)
    expired = links.token(REFERRER, datetime.now(UTC) - timedelta(seconds=1))
    altered = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")

    async with http.get(mail_bot.url + path) as page:
        html = await page.text()
        assert page.status == 200
        assert page.headers["Content-Security-Policy"].startswith("default-src 'none'")
    async with http.get(mail_bot.url + path + "/token") as token:
        assert token.status == 200
        answer = await token.json()
    async with http.get(f"{mail_bot.url}/verwijzers/aanmelden/{expired}") as old:
        old_html = await old.text()
        assert old.status == 410
    async with http.get(f"{mail_bot.url}/verwijzers/aanmelden/{expired}/token") as old_token:
        assert old_token.status == 410
    async with http.get(mail_bot.url + altered + "/token") as forged:
        assert forged.status == 404

    assert "Aanmelden bij het RET Jeugd Twente (voorbeeld)" in html
    assert f'data-token-url="{path}/token"' in html
    assert answer["userId"] == ReferrerIds(LINK_KEY).user_id(REFERRER)
    assert mail_bot.directline.requests[-1] == {"user": {"id": answer["userId"]}}
    assert "Deze link werkt niet meer" in old_html and "data-token-url" not in old_html
    assert len(mail_bot.directline.requests) == 1


async def test_a_referrer_applies_on_the_page_and_the_code_files_it_once(
    mail_bot, connector, http, smtp_server
):
    talk = on_the_page(mail_bot, connector, http)

    welcome = await join(talk)
    for section in VALID:
        summary = await fill(talk, section)
    asked_code = await talk.submit({INTAKE_KEY: SUBMIT})
    code = await code_from(smtp_server, REFERRER)
    wrong = await talk.submit(
        {REFERRER_KEY: CODE, CODE_INPUT: "000000" if code != "000000" else "111111"}
    )
    nothing_yet = await cases(mail_bot)
    filed = await talk.submit({REFERRER_KEY: CODE, CODE_INPUT: code})
    again = await talk.submit({REFERRER_KEY: CODE, CODE_INPUT: code})
    stale = await talk.submit({INTAKE_KEY: SUBMIT})

    assert welcome.texts()[0].startswith("Welkom! Ik ben retbot, de digitale assistent van het RET")
    assert REFERRER in welcome.texts()[0]
    assert welcome.texts()[1].startswith("Fijn dat je het RET inschakelt")
    assert welcome.cards()[0]["body"][0]["text"] == "Aanmelding, stap 1 van 7"
    assert summary.cards()[0]["body"][0]["text"] == "Controleer je aanmelding"
    for card in [*welcome.cards(), *summary.cards(), *asked_code.cards()]:  # Web Chat
        assert {a["type"] for a in card["actions"]} <= {"Action.Submit"}
    assert asked_code.cards()[0]["body"][0]["text"] == "Bevestig je e-mailadres"
    assert "Die code klopt niet. Je kunt het nog 4 keer proberen." in str(wrong.cards()[0])
    assert nothing_yet == []  # nothing beyond the draft before the right code
    [row] = await cases(mail_bot)
    assert f"onder nummer **{row.number}**" in filed.texts()[0]
    assert row.referrer_channel_id == "email" and row.referrer_user_id == REFERRER
    assert '"contact_geverifieerd": "e-mail"' in row.answers
    assert '"aanmelder_organisatie": "Jeugdbescherming Oost"' in row.answers
    assert again.texts()[0].startswith("Deze aanmelding is al ingediend")
    assert stale.texts()[0].startswith("Deze aanmelding is al ingediend")
    assert len(await cases(mail_bot)) == 1


async def test_a_new_code_can_be_asked_and_the_codes_are_limited(
    mail_bot, connector, http, smtp_server
):
    talk = on_the_page(mail_bot, connector, http)
    await join(talk)
    for section in VALID:
        await fill(talk, section)
    await talk.submit({INTAKE_KEY: SUBMIT})
    for _ in range(4):
        await talk.submit({REFERRER_KEY: CODE_AGAIN})
    await code_from(smtp_server, REFERRER, count=5)

    sixth = await talk.submit({REFERRER_KEY: CODE_AGAIN})
    latest = await code_from(smtp_server, REFERRER, count=5)
    filed = await talk.submit({REFERRER_KEY: CODE, CODE_INPUT: latest})

    assert sixth.texts()[0].startswith("Je hebt vandaag al 5 codes gekregen")
    assert "ingediend onder nummer" in filed.texts()[0]


async def test_the_draft_resumes_from_a_later_link(mail_bot, connector, http):
    first = on_the_page(mail_bot, connector, http)
    await join(first)
    await fill(first, "aanmelder")
    await fill(first, "jeugdige")

    later = on_the_page(mail_bot, connector, http)  # a new conversation, the same address
    resumed = await join(later)

    assert resumed.texts()[1].startswith("Welkom terug!")
    assert resumed.cards()[0]["body"][0]["text"] == "Aanmelding, stap 3 van 7"


async def test_a_made_up_referrer_id_gets_the_family_page(mail_bot, connector, http):
    forged = Conversation(
        mail_bot.messages_url,
        connector,
        http,
        user_name="",
        channel_id="directline",
        user_id="dl_ref_" + "InBAZXhhbXBsZS5vcmci.forged",
    )

    welcome = await join(forged)

    assert welcome.texts()[0].startswith("Hoi! Ik ben de digitale assistent")


async def test_urgency_alerts_the_voorzitter_as_in_teams(mail_bot, connector, http, smtp_server):
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    chair_seen = len(connector.received[chair.id])
    talk = on_the_page(mail_bot, connector, http)
    await join(talk)
    for section in VALID:
        changes = {"urgentie": "spoed"} if section == "wensen" else {}
        turn = await fill(talk, section, **changes)
        if section == "wensen":
            urgent = turn
    await talk.submit({INTAKE_KEY: SUBMIT})
    code = await code_from(smtp_server, REFERRER)

    filed = await talk.submit({REFERRER_KEY: CODE, CODE_INPUT: code})

    assert urgent.texts()[0].endswith(
        "Zodra je de aanmelding indient, waarschuw ik de voorzitter meteen."
    )
    assert any("heb ik de voorzitter meteen gewaarschuwd" in t for t in filed.texts())
    alert = connector.received[chair.id][chair_seen]["text"]
    assert alert.startswith("Spoed: aanmelding **")
    assert f"{REFERRER} (Jeugdbescherming Oost)" in alert


async def test_a_complaint_gets_the_routes_and_stopping_is_audited(mail_bot, connector, http):
    talk = on_the_page(mail_bot, connector, http)
    await join(talk)
    for section in ("aanmelder", "jeugdige", "onderwijs", "problematiek"):
        await fill(talk, section)
    complaint = await fill(
        talk, "vraag", hulpvraag="Ik wil een klacht indienen over hoe de aanbieder stopte."
    )
    [card] = complaint.cards()

    stopped = await talk.submit(card["actions"][1]["data"])

    assert card["body"][0]["text"] == "Gaat het (ook) om een klacht?"
    assert stopped.texts()[0].startswith("Goed, dan stoppen we hier")
    assert await cases(mail_bot) == []
    async with mail_bot.app[RETBOT].engine.connect() as connection:
        rows = list(await connection.execute(select(AuditRow.actor, AuditRow.action)))
    assert (REFERRER, "klacht: aanmelding gestopt") in rows


async def test_the_form_for_professionals_mails_the_link_and_tells_nothing_about_an_address(
    mail_bot, http, smtp_server
):
    async with http.get(f"{mail_bot.url}/verwijzers") as form:
        shown, form_status = await form.text(), form.status
    async with http.post(f"{mail_bot.url}/verwijzers", data={"email": "geen adres"}) as wrong:
        wrong_status, wrong_page = wrong.status, await wrong.text()
    answers = []
    for _ in range(4):
        async with http.post(f"{mail_bot.url}/verwijzers", data={"email": REFERRER}) as sent:
            answers.append((sent.status, await sent.text()))
    await link_from(smtp_server, REFERRER, count=3)
    await asyncio.sleep(0.2)

    assert form_status == 200 and 'type="email"' in shown and "<script" not in shown
    assert wrong_status == 422 and "Dit is geen e-mailadres" in wrong_page
    assert len(smtp_server.to(REFERRER)) == 3  # the address's links of the day
    assert len({page for _, page in answers}) == 1  # the fourth looks like the others
    assert all(status == 200 and "Als dit adres klopt" in page for status, page in answers)
    assert all(LINK.search(page) is None for _, page in answers)  # never on the page


async def test_the_form_refuses_beyond_the_limit_per_client_address(
    database_url, ret, smtp_server, http
):
    settings = settings_for(database_url, smtp_server, token_limit_per_address="1 per hour")
    bot = await RunningBot(settings, ret).start()
    try:
        async with http.post(f"{bot.url}/verwijzers", data={"email": REFERRER}) as first:
            first_status = first.status
        async with http.post(
            f"{bot.url}/verwijzers", data={"email": "b@school.example.org"}
        ) as second:
            second_status, second_page = second.status, await second.text()
    finally:
        await bot.stop()

    assert first_status == 200
    assert second_status == 429 and "Vanaf deze internetverbinding" in second_page


async def test_without_smtp_the_form_says_it_is_not_set_up(database_url, ret, http):
    bot = await RunningBot(settings_for(database_url), ret).start()
    try:
        async with http.post(f"{bot.url}/verwijzers", data={"email": REFERRER}) as answer:
            status, page = answer.status, await answer.text()
    finally:
        await bot.stop()

    assert status == 503 and "nog niet ingesteld" in page and "/verwijzers/aanmelden/" not in page
