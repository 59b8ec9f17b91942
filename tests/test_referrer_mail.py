"""After aanmelden without Teams: the voorzitter triages in Teams, and the referrer, known
only by their work address, hears of every decision by e-mail through the outbox and a real
SMTP server, at once: the decision with case number and initials (never the voorzitter's
reason or question, which may be about the young person), and the RET-tafel as an
invitation with the calendar file. Nothing goes to the Email channel conversation."""

import asyncio
import io
import re
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from docx import Document
from sqlalchemy import select

from bot.app import RETBOT
from bot.links import ReferrerApplyLinks, ReferrerCasesLinks
from dialogs.cards.cases import CLOSE_KEY, close_note_id, close_reason_id
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.cards.referrer_web import CODE, CODE_INPUT, REFERRER_KEY
from dialogs.cards.triage import NOTE_INPUT
from storage.models import AttendanceRow, AuditRow
from tests.smtp_server import body_of
from tests.test_advice_flow import ADVIES, SAMENVATTING, form_values, open_form
from tests.test_consult_flow import CHAIR_AAD, person
from tests.test_intake_flow import VALID, fill
from tests.test_member_lookup import a_case
from tests.test_referrer_web import (
    ASKED,
    LINK_KEY,
    PUBLIC,
    REFERRER,
    cases,
    join,
    link_from,
    mail_bot,  # noqa: F401  (the fixture)
    mailbox,
    on_the_page,
)
from tests.test_self_apply_flow import code_from
from tests.test_triage_flow import status_of

NOTE = "De jeugdige heeft een eetstoornis; beter bij de specialistische GGZ."
QUESTION = "Is er een diagnose autisme gesteld, en door wie?"


async def applied_without_teams(bot, connector, http, smtp_server, address: str = REFERRER):
    """Mailed to ask, got the link, applied on the page with the code: the case number,
    and the e-mail conversation the request came in."""
    asking = mailbox(bot, connector, http, address)
    await asking.say(ASKED)
    await link_from(smtp_server, address)
    talk = on_the_page(bot, connector, http, address)
    await join(talk)
    for section in VALID:
        await fill(talk, section)
    seen = len(smtp_server.to(address.casefold()))  # the code goes to the address as known
    await talk.submit({INTAKE_KEY: SUBMIT})
    code = await code_from(smtp_server, address.casefold(), count=seen + 1)
    await talk.submit({REFERRER_KEY: CODE, CODE_INPUT: code})
    [case] = await cases(bot)
    return case.number, asking


def forged_from(path: str) -> str:
    """The link with one character of its signature changed (not the last: its low bits are
    padding, so a change there may leave the signature as it was)."""
    changed = "A" if path[-5] != "A" else "B"
    return path[:-5] + changed + path[-4:]


async def mails_after(smtp_server, address: str, seen: int) -> list:
    for _ in range(100):  # the outbox sends right after the decision, on its own task
        if len(smtp_server.to(address)) > seen:
            return smtp_server.to(address)[seen:]
        await asyncio.sleep(0.05)
    raise AssertionError("no e-mail arrived")


async def invited_to_the_table(bot, connector, http, smtp_server):
    """Applied without Teams, booked at the RET-tafel: the case number and the invitation."""
    number, _ = await applied_without_teams(bot, connector, http, smtp_server)
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    seen = len(smtp_server.to(REFERRER))
    await chair.execute("triage.ret_tafel", {"case": number})
    [mail] = await mails_after(smtp_server, REFERRER, seen)
    return number, mail


@pytest.mark.parametrize(
    ("decision", "note", "says"),
    [
        ("consultatie", "", "pakt je aanmelding {number} (J.D.) op als consultatie"),
        ("samenwerkingstafel", "", "naar een samenwerkingstafel"),
        ("doorverwijzen", NOTE, "een betere route dan het RET"),
        ("meer_informatie", QUESTION, "heeft een vraag over je aanmelding {number} (J.D.)"),
    ],
)
async def test_each_decision_reaches_the_referrer_by_email_without_free_text(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
    decision,
    note,
    says,
):
    number, asking = await applied_without_teams(mail_bot, connector, http, smtp_server)
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    seen = len(smtp_server.to(REFERRER))
    in_email_channel = len(connector.received[asking.id])

    decided = await chair.execute(f"triage.{decision}", {"case": number, NOTE_INPUT: note})

    assert decided.status == 200
    [mail] = await mails_after(smtp_server, REFERRER, seen)
    body = body_of(mail)
    assert mail["Subject"] == f"Je aanmelding {number} (J.D.): besluit van het RET"
    assert says.format(number=number) in body and "Marieke Hofstede" in body
    for private in (NOTE, QUESTION, VALID["vraag"]["hulpvraag"], "Jeugdbescherming Oost"):
        assert private not in body
    assert "m.hofstede@ret-twente.example.org" in body or decision in (
        "consultatie",
        "samenwerkingstafel",
    )
    await asyncio.sleep(0.1)
    assert len(connector.received[asking.id]) == in_email_channel  # not the Email channel
    assert await status_of(mail_bot, number) != "aangemeld"


async def test_the_ret_tafel_invitation_comes_with_the_calendar_file(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, mail = await invited_to_the_table(mail_bot, connector, http, smtp_server)

    assert mail["Subject"].startswith(f"Uitnodiging RET-tafel {number} (J.D.): ")
    body = body_of(mail)
    assert f"Je aanmelding {number} (J.D.) komt aan de RET-tafel" in body
    assert "Laat via deze link weten of je komt" in body and "/verwijzers/overleg/" in body
    assert "Vragen? Mail de voorzitter: m.hofstede@ret-twente.example.org" in body
    [attachment] = [part for part in mail.iter_attachments()]
    assert attachment.get_filename() == f"RET-overleg-{number}.ics"
    [event] = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert number in str(event["SUMMARY"]) and "J.D." in str(event["SUMMARY"])
    assert await status_of(mail_bot, number) == "ret-tafel ingepland"


async def test_mijn_casussen_by_email_links_to_a_page_with_only_their_cases(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, asking = await applied_without_teams(mail_bot, connector, http, smtp_server)
    someone_elses = await a_case(mail_bot)  # filed in Teams by another referrer
    seen = len(smtp_server.to(REFERRER))

    asked = await asking.say("Kun je me een overzicht van mijn casussen sturen?")

    assert asked.replies == []  # the answer is the e-mail with the link
    [mail] = await mails_after(smtp_server, REFERRER, seen)
    assert mail["Subject"] == "Je link naar Mijn casussen bij het RET Jeugd Twente (voorbeeld)"
    path = re.search(r"https?://[^/\s]+(/verwijzers/casussen/[\w.\-]+)", body_of(mail)).group(1)
    expired = ReferrerCasesLinks(LINK_KEY, PUBLIC).token(
        REFERRER, datetime.now(UTC) - timedelta(seconds=1)
    )
    async with http.get(mail_bot.url + path) as page:
        shown, status, headers = await page.text(), page.status, page.headers
    async with http.get(f"{mail_bot.url}/verwijzers/casussen/{expired}") as old:
        old_status, old_page = old.status, await old.text()
    async with http.get(mail_bot.url + forged_from(path)) as forged:
        forged_status = forged.status
    apply_token = ReferrerApplyLinks(LINK_KEY, PUBLIC).token(
        REFERRER, datetime(2100, 1, 1, tzinfo=UTC)
    )
    async with http.get(f"{mail_bot.url}/verwijzers/casussen/{apply_token}") as other_kind:
        other_kind_status = other_kind.status

    assert status == 200 and headers["Cache-Control"] == "no-store" and "<script" not in shown
    assert number in shown and "J.D." in shown and "Aangemeld" in shown
    assert someone_elses not in shown
    for private in (VALID["vraag"]["hulpvraag"], "Jeugdbescherming Oost", "Hengelo"):
        assert private not in shown
    assert old_status == 410 and "Deze link werkt niet meer" in old_page
    assert forged_status == 404 and other_kind_status == 404  # an apply link is no cases link
    async with mail_bot.app[RETBOT].engine.connect() as connection:
        reads = list(
            await connection.execute(
                select(AuditRow.case_number, AuditRow.channel).where(
                    AuditRow.actor == REFERRER, AuditRow.action == "casus bekeken"
                )
            )
        )
    assert reads == [(number, "web")]


async def test_the_question_is_answered_on_its_page_once(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, _ = await applied_without_teams(mail_bot, connector, http, smtp_server)
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    seen = len(smtp_server.to(REFERRER))
    await chair.execute("triage.meer_informatie", {"case": number, NOTE_INPUT: QUESTION})
    [mail] = await mails_after(smtp_server, REFERRER, seen)
    path = re.search(r"https?://[^/\s]+(/verwijzers/vraag/[\w.\-]+)", body_of(mail)).group(1)
    url = mail_bot.url + path
    chair_seen = len(connector.received[chair.id])

    async with http.get(url) as page:
        shown, status, headers = await page.text(), page.status, page.headers
    async with http.post(url, data={"antwoord": "  "}) as empty:
        empty_status = empty.status
    async with http.post(url, data={"antwoord": "Ja, door de GGZ in 2024."}) as sent:
        thanks, sent_status = await sent.text(), sent.status
    async with http.post(url, data={"antwoord": "Nog iets"}) as again:
        again_status, again_page = again.status, await again.text()
    async with http.get(mail_bot.url + forged_from(path)) as forged:
        forged_status = forged.status

    assert status == 200 and headers["Cache-Control"] == "no-store" and "<script" not in shown
    assert number in shown and "J.D." in shown and QUESTION in shown
    assert empty_status == 422
    assert sent_status == 200 and "ik heb je antwoord aan de voorzitter doorgegeven" in thanks
    assert again_status == 409 and "Voor deze aanmelding staat geen vraag meer open" in again_page
    assert forged_status == 404
    assert await status_of(mail_bot, number) == "aangemeld"  # back for triage
    told = str(connector.received[chair.id][chair_seen:])
    assert number in told and "Ja, door de GGZ" not in told  # the answer stays in the case
    async with mail_bot.app[RETBOT].engine.connect() as connection:
        audited = list(
            await connection.execute(
                select(AuditRow.actor, AuditRow.action, AuditRow.channel).where(
                    AuditRow.case_number == number
                )
            )
        )
    assert (REFERRER, "casus bekeken", "web") in audited
    assert any(actor == REFERRER and "aanvulling" in action for actor, action, _ in audited)


async def test_ik_kom_or_ik_kan_niet_is_answered_on_the_page_of_the_invitation(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, mail = await invited_to_the_table(mail_bot, connector, http, smtp_server)
    path = re.search(r"https?://[^/\s]+(/verwijzers/overleg/[\w.\-]+)", body_of(mail)).group(1)
    url = mail_bot.url + path

    async with http.get(url) as page:
        shown, status, headers = await page.text(), page.status, page.headers
    async with http.post(url, data={"vervanger": "iemand"}) as no_answer:
        no_answer_status = no_answer.status
    async with http.post(url, data={"antwoord": "komt"}) as coming:
        coming_page = await coming.text()
    async with http.post(
        url, data={"antwoord": "kan_niet", "vervanger": "Sanne Jansen, collega wijkteam"}
    ) as instead:
        instead_page, instead_status = await instead.text(), instead.status
    async with http.get(mail_bot.url + forged_from(path)) as forged:
        forged_status = forged.status

    assert status == 200 and headers["Cache-Control"] == "no-store" and "<script" not in shown
    assert number in shown and "J.D." in shown and " uur, " in shown
    assert VALID["vraag"]["hulpvraag"] not in shown
    assert no_answer_status == 422
    assert "je komt naar het RET-overleg over casus" in coming_page
    assert (
        instead_status == 200 and "Sanne Jansen, collega wijkteam komt in je plaats" in instead_page
    )
    assert forged_status == 404
    [row] = await rows_of(mail_bot, AttendanceRow)  # the last answer counts
    assert (row.case_number, row.person_key, row.answer) == (number, "verwijzer", "kan_niet")
    assert row.stand_in == "Sanne Jansen, collega wijkteam"


async def rows_of(bot, model) -> list:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(model)))


async def test_closing_and_the_evaluation_reach_the_referrer_by_email(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    """The last two messages of a case: that it is closed (the reason, not the note), and
    the evaluation, answered on its page through the link in the e-mail."""
    number, asking = await applied_without_teams(mail_bot, connector, http, smtp_server)
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.execute("triage.consultatie", {"case": number})
    seen = len(smtp_server.to(REFERRER))
    in_email_channel = len(connector.received[asking.id])
    close = {CLOSE_KEY: number, close_reason_id(number): "opgelost", close_note_id(number): NOTE}

    closed = await chair.submit(close)

    assert "De verwijzer heeft bericht gekregen. 1 betrokkene krijgt" in closed.texts()[0]
    for _ in range(100):
        if len(smtp_server.to(REFERRER)) >= seen + 2:
            break
        await asyncio.sleep(0.05)
    mails = {mail["Subject"]: body_of(mail) for mail in smtp_server.to(REFERRER)[seen:]}
    closing = mails[f"Je aanmelding {number} (J.D.) is afgesloten"]
    assert "Reden: " in closing and NOTE not in closing
    assert "m.hofstede@ret-twente.example.org" in closing
    [evaluation] = [body for subject, body in mails.items() if "evaluatie" in subject.lower()]
    assert evaluation.startswith("Beste collega,") and number in evaluation
    path, family = re.findall(r"https?://[^\s/]+(/evaluatie/[A-Za-z0-9_.\-]+)", evaluation)
    async with http.get(mail_bot.url + path) as page:
        assert page.status == 200 and "Samenwerking" in await page.text()
    assert (
        "Wil je ook het gezin vragen hoe het ging? Stuur deze link door naar het gezin"
        in evaluation
    )
    async with http.get(mail_bot.url + family) as page:  # the family's own questions
        assert page.status == 200 and "Hoe gaat het nu?" in await page.text()
    assert len(connector.received[asking.id]) == in_email_channel  # not the Email channel


async def test_the_advies_reaches_the_referrer_as_a_link_by_email(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    """A link to the document, never the document or its text in the e-mail."""
    number, asking = await applied_without_teams(mail_bot, connector, http, smtp_server)
    chair = person(mail_bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.execute("triage.consultatie", {"case": number})
    seen = len(smtp_server.to(REFERRER))
    in_email_channel = len(connector.received[asking.id])
    _, submit_data = await open_form(chair, number)

    await chair.submit({**submit_data, **form_values()})
    await mail_bot.app[RETBOT].dispatcher.drain()  # the Word build follows the submit

    mails = {m["Subject"]: m for m in await mails_after(smtp_server, REFERRER, seen)}
    mail = mails[f"Zwaarwegend advies bij je aanmelding {number} (J.D.)"]
    body = body_of(mail)
    assert not [part for part in mail.walk() if part.get_filename()]  # no attachment
    for private in (SAMENVATTING, ADVIES):
        assert private not in body
    path = re.search(r"https?://[^/\s]+(/documents/[\w.\-]+)", body).group(1)
    async with http.get(mail_bot.url + path) as download:
        assert download.status == 200
        assert Document(io.BytesIO(await download.read())).paragraphs[0].text
    assert len(connector.received[asking.id]) == in_email_channel  # not the Email channel
