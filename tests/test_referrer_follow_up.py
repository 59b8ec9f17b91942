"""Follow-up for a referrer known only by their work address (who applied without Teams):
the question after the advice arrives by e-mail through the outbox and a real SMTP server,
with the signed link to the follow-up page; the referrer answers there, once; the mail
carries the case number and initials only, and nothing goes to a chat."""

import re

from sqlalchemy import update

from bot.app import RETBOT
from storage.models import CaseRow
from tests.smtp_server import body_of, readable
from tests.test_email_follow_up import PRIVATE, bot, ret  # noqa: F401  (the fixtures)
from tests.test_follow_up_flow import LINK, followed

REFERRER = "p.devries@wijkteam-hengelo.example.org"


async def test_the_follow_up_question_reaches_an_email_referrer_with_the_link(
    bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    case = await followed(bot, connector, http)
    async with bot.app[RETBOT].engine.begin() as connection:  # as filed on the referrer's page
        await connection.execute(
            update(CaseRow).values(referrer_channel_id="email", referrer_user_id=REFERRER)
        )
    smtp_server.received.clear()  # the meeting invitations: this test is about follow-up

    _, sent = await case.run(14)

    assert case.referrer.id not in sent  # no chat for this referrer any more
    [mail] = smtp_server.to(REFERRER)
    assert mail["Subject"] == f"Follow-up {case.number} (J.D.): hoe gaat het nu?"
    path = LINK.search(body_of(mail)).group(1)
    for private in PRIVATE:
        assert private not in readable(mail), private
    async with http.post(bot.url + path, data={"voortgang": "loopt volgens plan"}) as done:
        thanks, status = await done.text(), done.status
    async with http.post(
        bot.url + path, data={"voortgang": "vertraagd", "toelichting": "x"}
    ) as two:
        second = two.status
    assert status == 200 and "Uw antwoord is vastgelegd" in thanks
    assert second == 409
    answered = [a for a in await case.asks() if a.answered_at]
    assert [(a.kind, a.progress) for a in answered] == [("verwijzer", "loopt volgens plan")]
    assert re.search(r"De link werkt \d+ dagen en voor één antwoord", body_of(mail))
