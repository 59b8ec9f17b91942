"""The evaluation for kernteamleden outside Teams, through the real app and a real SMTP
server: the closing e-mails them a signed link (case number and initials only), the page
behind it takes one two-part evaluation, a half answer is asked again with what was filled
in, and the one reminder goes by e-mail too."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from bot.app import RETBOT
from dialogs.cards.cases import CLOSE_KEY, close_reason_id
from domain.ret import RetConfig
from storage.models import AdviceRow, EvaluationAnswerRow, EvaluationRoundRow
from tests.smtp_server import body_of, readable
from tests.support import RunningBot, emails_at_once
from tests.test_advice_flow import GGZ, LVB, issued, rows
from tests.test_email_follow_up import FATIMA, PRIVATE, THIJS
from tests.test_evaluation_flow import KNELPUNT, OPLOSSING, evaluation_cards

LINK = re.compile(r"https?://[^\s/]+(/evaluatie/[A-Za-z0-9_.\-]+)")
FORM = {
    "score": "2",
    "afspraken": "nee",
    "samenwerking": "Lang gewacht op de gemeente.",
    "knelpunt": KNELPUNT,
    "oplossing": OPLOSSING,
    "advies": "deels",
    "beter_af": "weet_niet",
}


@pytest.fixture
def ret(ret: RetConfig) -> RetConfig:
    return ret  # the example RET: no Teams ids for the kernteamleden


@pytest.fixture
async def bot(database_url, ret, smtp_server):
    running = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    yield running
    await running.stop()


async def closed_outside_teams(bot, connector, http, smtp_server):
    chair, referrer, _, number, _, _ = await issued(bot, connector, http)
    smtp_server.received.clear()  # the meeting invitations: this test is about evaluation
    seen = len(connector.received[referrer.id])
    await chair.submit({CLOSE_KEY: number, close_reason_id(number): "opgelost"})
    await bot.app[RETBOT].dispatcher.dispatch_due()
    return chair, referrer, number, connector.received[referrer.id][seen:]


def path_in(mail) -> str:
    return LINK.search(body_of(mail)).group(1)


async def test_kernteamleden_outside_teams_get_a_link_and_answer_once_on_the_page(
    bot, connector, http, smtp_server
):
    _, _, number, to_referrer = await closed_outside_teams(bot, connector, http, smtp_server)

    assert len(evaluation_cards(to_referrer)) == 1  # the verwijzer answers in Teams
    [to_thijs], [to_fatima] = smtp_server.to(THIJS), smtp_server.to(FATIMA)
    assert to_thijs["Subject"] == f"Evaluatie {number} (J.D.)"
    thijs = body_of(to_thijs)
    assert thijs.startswith("Beste Thijs Wennink,")
    assert f"casus {number} (J.D.) afgesloten" in thijs
    assert "U krijgt deze vraag per e-mail omdat ik u niet in Teams kan bereiken." in thijs
    for mail in (to_thijs, to_fatima):
        whole = readable(mail)
        for private in (*PRIVATE, GGZ, LVB):
            assert private not in whole, private
    path = path_in(to_thijs)
    assert path != path_in(to_fatima)  # one link per person

    async with http.get(bot.url + path) as page:
        shown, status = await page.text(), page.status
    assert status == 200 and number in shown and "J.D." in shown
    for label in (
        "Samenwerking",
        "Inhoud",
        "Kwam iedereen zijn afspraken na?",
        "Wat zat er vast?",
        "Is de jeugdige er nu beter aan toe?",
    ):
        assert label in shown, label
    assert page.headers["Cache-Control"] == "no-store"

    async with http.post(bot.url + path, data={**FORM, "score": ""}) as half:
        half_shown, half_status = await half.text(), half.status
    assert half_status == 422
    assert "Kies een cijfer van 1 tot 5 voor de samenwerking." in half_shown
    assert KNELPUNT in half_shown  # what was typed stays
    assert await rows(bot, EvaluationAnswerRow) == []

    async with http.post(bot.url + path, data=FORM) as answered:
        assert answered.status == 200
        assert "Uw evaluatie is vastgelegd" in await answered.text()
    async with http.post(bot.url + path, data={**FORM, "score": "5"}) as again:
        again_shown, again_status = await again.text(), again.status
    async with http.get(bot.url + path) as reopened:
        reopened_status = reopened.status

    assert again_status == 409 and reopened_status == 409
    assert "U hebt deze evaluatie al ingevuld op " in again_shown
    [row] = await rows(bot, EvaluationAnswerRow)
    assert (row.respondent, row.answered_by, row.organisation, row.channel, row.score) == (
        THIJS,
        "Thijs Wennink",
        GGZ,
        "web",
        2,
    )
    assert (row.knelpunt, row.beter_af) == (KNELPUNT, "weet_niet")


async def test_a_made_up_or_altered_link_shows_nothing(bot, connector, http, smtp_server):
    _, _, number, _ = await closed_outside_teams(bot, connector, http, smtp_server)
    path = path_in(smtp_server.to(THIJS)[0])
    links = bot.app[RETBOT].evaluation_page.links

    for wrong in (
        path[:-3] + "abc",
        "/evaluatie/zomaar",
        "/evaluatie/"
        + links.token(f"{number}|iemand@elders.example.org", links.valid_for + datetime.now(UTC)),
    ):
        async with http.get(bot.url + wrong) as page:
            shown, status = await page.text(), page.status
        assert status == 404, wrong
        assert number not in shown
    expired = links.token(f"{number}|{THIJS}", datetime.now(UTC) - timedelta(seconds=1))
    async with http.post(bot.url + "/evaluatie/" + expired, data=FORM) as page:
        assert page.status == 410
    assert await rows(bot, EvaluationAnswerRow) == []


async def test_the_reminder_goes_by_email_to_whoever_did_not_answer(
    bot, connector, http, smtp_server
):
    _, _, number, _ = await closed_outside_teams(bot, connector, http, smtp_server)
    async with http.post(bot.url + path_in(smtp_server.to(THIJS)[0]), data=FORM) as answered:
        assert answered.status == 200
    [round_] = await rows(bot, EvaluationRoundRow)
    asked_at = round_.asked_at if round_.asked_at.tzinfo else round_.asked_at.replace(tzinfo=UTC)
    smtp_server.received.clear()

    reminded = await bot.app[RETBOT].jobs.evaluation_reminders(asked_at + timedelta(days=10))
    await bot.app[RETBOT].dispatcher.dispatch_due()

    assert reminded == 2  # the verwijzer in Teams, Fatima by e-mail
    assert smtp_server.to(THIJS) == []
    [to_fatima] = smtp_server.to(FATIMA)
    assert to_fatima["Subject"] == f"Herinnering: Evaluatie {number} (J.D.)"
    async with http.get(bot.url + path_in(to_fatima)) as page:
        assert page.status == 200


async def test_weeks_after_the_advice_the_request_says_so_by_email(
    bot, connector, http, smtp_server
):
    """A case still open the RET's weeks after its advice: the e-mail says the advice was
    that long ago or more, not that the case closed; the link opens the same questions."""
    _, _, _, number, _, _ = await issued(bot, connector, http)
    retbot = bot.app[RETBOT]
    [advice] = await rows(bot, AdviceRow)
    issued_at = advice.issued_at
    issued_at = issued_at if issued_at.tzinfo else issued_at.replace(tzinfo=UTC)
    smtp_server.received.clear()

    asked = await retbot.jobs.evaluation_after_advice(issued_at + timedelta(weeks=12))
    await retbot.dispatcher.dispatch_due()

    assert asked == 1
    [to_thijs] = smtp_server.to(THIJS)
    body = body_of(to_thijs)
    assert f"gaf 12 weken of langer geleden advies in casus {number} (J.D.)" in body
    assert "afgesloten" not in body
    async with http.get(bot.url + path_in(to_thijs)) as page:
        assert page.status == 200 and "Samenwerking" in await page.text()
