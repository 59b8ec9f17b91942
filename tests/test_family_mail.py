"""A family that applied itself is kept informed at the address it verified, through the
outbox and a real SMTP server: the triage decision, the voorzitter's question (answered on
a signed page in eenvoudig Nederlands), the invitation with the calendar file, the closing
and the evaluation (their own four questions on a B1 page). Each e-mail holds the case
number, a plain sentence and a link: never the initials, the question or the request."""

import asyncio
import re
from datetime import UTC, timedelta

import icalendar
import pytest
from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.cases import CLOSE_KEY, close_reason_id
from dialogs.cards.self_apply import CODE, CODE_INPUT, CONTACT, SELF_APPLY_KEY
from dialogs.cards.triage import NOTE_INPUT
from storage.models import AuditRow, EvaluationRoundRow, FamilyEvaluationRow
from tests.smtp_server import body_of, readable
from tests.test_advice_flow import rows
from tests.test_consult_flow import CHAIR_AAD, person
from tests.test_referrer_mail import QUESTION, mails_after
from tests.test_self_apply_flow import (
    ANSWERS,
    EMAIL,
    code_from,
    family,
    mail_bot,  # noqa: F401  (the fixture)
    through_consent,
)
from tests.test_triage_flow import status_of

PRIVATE = (
    "L.M.",
    ANSWERS["vraag"]["hulpvraag"],
    ANSWERS["vraag"]["wens"],
    QUESTION,
    "Enschede",
)
EVALUATION_LINK = re.compile(r"https?://[^\s/]+(/evaluatie/[A-Za-z0-9_.\-]+)")
FAMILY_FORM = {
    "gehoord": "4",
    "wens": "deels",
    "nu": "3",
    "toelichting": "Fijn dat we mochten meepraten.",
}


async def applied_themselves(bot, connector, http, smtp_server):
    """A parent applied on /aanmelden with the code from the e-mail: the case number, the
    Web Chat conversation, and how many e-mails the address had by then."""
    talk = family(bot, connector, http)
    await through_consent(talk, toestemming_eigen="ja", toestemming_jeugdige="ja")
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    code = await code_from(smtp_server, EMAIL)
    done = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: code})
    number = re.search(r"RET-\d{4}-\d{4}", done.texts()[0]).group(0)
    return number, talk


def assert_nothing_private(mail, whole: str | None = None) -> None:
    whole = whole or readable(mail)
    for private in PRIVATE:
        assert private not in whole, private


@pytest.mark.parametrize(
    ("decision", "note", "says"),
    [
        ("consultatie", "", "vraagt nu advies aan de mensen die jullie al helpen"),
        ("samenwerkingstafel", "", "brengt de hulpverleners bij elkaar"),
        ("doorverwijzen", "Beter bij de specialistische GGZ.", "iemand anders je beter kan helpen"),
        ("meer_informatie", QUESTION, "wil iets meer weten"),
    ],
)
async def test_each_decision_reaches_the_family_at_its_verified_address(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
    decision,
    note,
    says,
):
    number, talk = await applied_themselves(mail_bot, connector, http, smtp_server)
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    seen = len(smtp_server.to(EMAIL))
    in_web_chat = len(connector.received[talk.id])

    decided = await chair.execute(f"triage.{decision}", {"case": number, NOTE_INPUT: note})

    assert decided.status == 200
    [mail] = await mails_after(smtp_server, EMAIL, seen)
    assert mail["Subject"] == f"Je aanmelding {number}: wat het RET heeft besloten"
    body = body_of(mail)
    assert body.startswith("Hallo,") and says in body and number in body
    assert_nothing_private(mail)
    assert "Beter bij de specialistische GGZ." not in body
    await asyncio.sleep(0.1)
    assert len(connector.received[talk.id]) == in_web_chat  # not to the closed Web Chat
    assert await status_of(mail_bot, number) != "aangemeld"


async def test_the_family_answers_the_question_on_a_plain_page(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, _ = await applied_themselves(mail_bot, connector, http, smtp_server)
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    seen = len(smtp_server.to(EMAIL))
    await chair.execute("triage.meer_informatie", {"case": number, NOTE_INPUT: QUESTION})
    [mail] = await mails_after(smtp_server, EMAIL, seen)
    path = re.search(r"https?://[^/\s]+(/verwijzers/vraag/[\w.\-]+)", body_of(mail)).group(1)
    url = mail_bot.url + path

    async with http.get(url) as page:
        shown, status = await page.text(), page.status
    async with http.post(
        url, data={"antwoord": "Ze heeft een diagnose van de kinderarts."}
    ) as sent:
        thanks, sent_status = await sent.text(), sent.status

    assert status == 200 and "<script" not in shown
    assert "Een vraag over je aanmelding" in shown
    assert "De voorzitter van het RET wil dit weten:" in shown and QUESTION in shown
    assert sent_status == 200 and "ik heb je antwoord aan de voorzitter doorgegeven" in thanks
    assert await status_of(mail_bot, number) == "aangemeld"  # back for triage
    async with mail_bot.app[RETBOT].engine.connect() as connection:
        audited = list(
            await connection.execute(
                select(AuditRow.action, AuditRow.channel).where(AuditRow.case_number == number)
            )
        )
    assert ("casus bekeken", "web") in audited


async def test_the_family_is_invited_with_the_calendar_file(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, _ = await applied_themselves(mail_bot, connector, http, smtp_server)
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    seen = len(smtp_server.to(EMAIL))

    await chair.execute("triage.ret_tafel", {"case": number})

    [mail] = await mails_after(smtp_server, EMAIL, seen)
    assert mail["Subject"].startswith(f"Uitnodiging gesprek over je aanmelding {number}: ")
    body = body_of(mail)
    assert "We willen graag met jullie praten" in body and " uur, " in body
    assert_nothing_private(mail, f"{mail['Subject']}\n{body}")  # the .ics: as for everyone
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == f"RET-overleg-{number}.ics"
    [event] = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert number in str(event["SUMMARY"])
    assert await status_of(mail_bot, number) == "ret-tafel ingepland"


async def closed_self_applied(bot, connector, http, smtp_server):
    """Applied, taken up as consultatie and closed: the number and the family's e-mails of
    the closing."""
    number, _ = await applied_themselves(bot, connector, http, smtp_server)
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.execute("triage.consultatie", {"case": number})
    seen = len(smtp_server.to(EMAIL))
    closed = await chair.submit({CLOSE_KEY: number, close_reason_id(number): "opgelost"})
    assert "Het gezin heeft bericht gekregen per e-mail. 1 betrokkene krijgt" in closed.texts()[0]
    for _ in range(100):
        if len(smtp_server.to(EMAIL)) >= seen + 2:
            break
        await asyncio.sleep(0.05)
    return number, smtp_server.to(EMAIL)[seen:]


async def test_closing_tells_the_family_and_asks_their_evaluation_once(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, mails = await closed_self_applied(mail_bot, connector, http, smtp_server)

    by_subject = {mail["Subject"]: mail for mail in mails}
    closing = by_subject[f"Je aanmelding {number} is afgerond"]
    evaluation = by_subject[f"Hoe ging het? Je aanmelding {number}"]
    assert "Reden: " in body_of(closing)
    body = body_of(evaluation)
    assert "vier korte vragen en het kost twee minuten" in body
    for mail in (closing, evaluation):
        assert_nothing_private(mail)
    path = EVALUATION_LINK.search(body).group(1)
    url = mail_bot.url + path

    async with http.get(url) as page:
        shown, status = await page.text(), page.status
    async with http.post(url, data={**FAMILY_FORM, "nu": ""}) as half:
        half_shown, half_status = await half.text(), half.status
    async with http.post(url, data=FAMILY_FORM) as sent:
        thanks, sent_status = await sent.text(), sent.status
    async with http.post(url, data={**FAMILY_FORM, "gehoord": "1"}) as again:
        again_shown, again_status = await again.text(), again.status

    assert status == 200 and "<script" not in shown and number in shown
    for asked in (
        "Had je het gevoel dat we naar je luisterden?",
        "Ging het RET uit van wat jullie zelf wilden?",
        "Hoe gaat het nu?",
        "Wil je nog iets kwijt? (hoeft niet)",
    ):
        assert asked in shown, asked
    assert "Samenwerking" not in shown and "L.M." not in shown
    assert half_status == 422 and "Kies bij de eerste en de laatste vraag" in half_shown
    assert FAMILY_FORM["toelichting"] in half_shown  # what was typed stays
    assert sent_status == 200 and "Dank je wel!" in thanks
    assert again_status == 409 and "Je hebt deze vragen al beantwoord op " in again_shown
    [row] = await rows(mail_bot, FamilyEvaluationRow)
    assert (row.case_number, row.gehoord, row.wens, row.nu, row.channel) == (
        number,
        4,
        "deels",
        3,
        "web",
    )
    assert row.answered_by == "Ouder (zelf aangemeld)"
    assert row.toelichting == FAMILY_FORM["toelichting"]
    actions = [r.action for r in await rows(mail_bot, AuditRow) if r.case_number == number]
    assert actions.count("evaluatie gezin ingevuld") == 1


async def test_the_family_is_reminded_once_by_email(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, _ = await closed_self_applied(mail_bot, connector, http, smtp_server)
    jobs = mail_bot.app[RETBOT].jobs
    async with mail_bot.app[RETBOT].engine.connect() as connection:
        asked_at = (await connection.execute(select(EvaluationRoundRow.asked_at))).scalar_one()
    seen = len(smtp_server.to(EMAIL))
    asked_at = asked_at if asked_at.tzinfo else asked_at.replace(tzinfo=UTC)
    await jobs.evaluation_reminders(asked_at + timedelta(days=10))
    await jobs.evaluation_reminders(asked_at + timedelta(days=40))

    [reminder] = await mails_after(smtp_server, EMAIL, seen)
    assert reminder["Subject"] == f"Herinnering: Hoe ging het? Je aanmelding {number}"
    assert EVALUATION_LINK.search(body_of(reminder))
    await asyncio.sleep(0.1)
    assert len(smtp_server.to(EMAIL)) == seen + 1
