"""Email through the outbox, against a real SMTP server (aiosmtpd) on loopback: delivered
once with the right headers, bodies and attachment; a server that is down or refuses is
retried with back-off and delivers once; racing dispatchers send each email once; without
SMTP settings emails wait, untried, and nothing crashes."""

import asyncio
from collections import Counter
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from bot.app import RETBOT
from bot.mailer import SmtpMailer
from bot.settings import Settings
from domain.mail import Mail, MailAttachment
from domain.notices import EmailAddress, Notice, Outcome
from storage.encryption import PREFIX, FieldCipher
from storage.models import OutboxRow
from tests.outbox_instance import instance
from tests.smtp_server import MAIL_FROM, SmtpServer, body_of
from tests.support import EXAMPLE_RET
from tests.test_consult_flow import aware
from tests.test_outbox import chat_of, retbot_outbox

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//retbot//test//NL\r\nEND:VCALENDAR\r\n"
MAIL = Mail(
    to=("m.hofstede@ret-twente.example.org", "r.kamphuis@ret-twente.example.org"),
    subject="Escalatie follow-up RET-2026-0007 (J.D.): samenwerkingstafel",
    text="Beste Ruud,\n\nPlan een samenwerkingstafel voor RET-2026-0007 (J.D.).",
    html="<p>Beste Ruud,</p><p>Plan een samenwerkingstafel voor RET-2026-0007 (J.D.).</p>",
    attachments=(MailAttachment("overleg.ics", "text/calendar", ICS),),
)


@asynccontextmanager
async def mail_instance(settings: Settings, cipher: FieldCipher | None = None):
    """One retbot instance's dispatcher with its own engine; SMTP as the settings say."""
    from bot.ret_file import load_ret_config

    mailer = SmtpMailer(settings) if settings.email_configured else None
    ret = load_ret_config(EXAMPLE_RET)
    async with instance(
        settings.database_url, ret, mailer, cipher or FieldCipher("")
    ) as dispatcher:
        yield dispatcher


def mail_notice(mail: Mail = MAIL) -> Notice:
    return Notice(EmailAddress(), mail)


async def email_rows(engine) -> list[OutboxRow]:
    async with engine.connect() as connection:
        return list(await connection.execute(select(OutboxRow).order_by(OutboxRow.id)))


async def test_an_email_is_delivered_once_with_headers_bodies_and_attachment(
    migrated_engine, database_url, smtp_server
):
    cipher = FieldCipher(Fernet.generate_key().decode())
    async with mail_instance(smtp_server.settings(database_url), cipher=cipher) as dispatcher:
        notice = mail_notice()
        sent_now = await dispatcher.send([notice])
        later = await dispatcher.dispatch_due(datetime.now(UTC) + timedelta(hours=3))

    assert (sent_now, later) == ({notice.key: Outcome.EMAILED}, 0)
    [message] = smtp_server.received
    assert message["From"] == MAIL_FROM
    assert message["To"] == ", ".join(MAIL.to)
    assert message["Subject"] == MAIL.subject
    assert message["Message-ID"] and message["Date"]
    assert smtp_server.envelopes == [("retbot@ret-twente.example.org", list(MAIL.to))]
    assert body_of(message).strip() == MAIL.text
    assert body_of(message, "html").strip() == MAIL.html
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "overleg.ics"
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_payload(decode=True) == ICS
    [row] = await email_rows(migrated_engine)
    assert (row.channel_id, row.scope, row.scope_id) == ("smtp", "email", "")
    assert (row.status, row.sent_via, row.attempts, row.last_error) == ("sent", "email", 0, None)
    assert row.payload.startswith(PREFIX)
    for secret in ("hofstede", "RET-2026-0007", "samenwerkingstafel"):
        assert secret not in row.payload


@pytest.mark.parametrize("trouble", ["down", "refusing"])
async def test_a_server_that_is_down_or_refuses_is_retried_and_delivers_once(
    migrated_engine, database_url, trouble
):
    server = SmtpServer()  # not started: connections are refused
    if trouble == "refusing":
        server.refusals_left = 1
        server.start()
    try:
        async with mail_instance(server.settings(database_url)) as dispatcher:
            notice = mail_notice()
            first = (await dispatcher.send([notice]))[notice.key]
            [waiting] = await email_rows(migrated_engine)
            retry_at = aware(waiting.next_attempt_at)
            too_early = await dispatcher.dispatch_due(retry_at - timedelta(seconds=1))
            if trouble == "down":
                server.start()
            on_time = await dispatcher.dispatch_due(retry_at)
            again = await dispatcher.dispatch_due(retry_at + timedelta(hours=5))
    finally:
        server.stop()

    assert first is Outcome.RETRYING
    assert (waiting.status, waiting.attempts) == ("pending", 1)
    expected_error = "SMTPConnectError" if trouble == "down" else "SMTPDataError (SMTP 451)"
    assert waiting.last_error == expected_error
    waited = retry_at - aware(waiting.created_at)
    assert timedelta(minutes=1) <= waited < timedelta(minutes=1, seconds=5)
    assert (too_early, on_time, again) == (0, 1, 0)
    assert [m["Subject"] for m in server.received] == [MAIL.subject]
    [row] = await email_rows(migrated_engine)
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, None)


async def test_racing_dispatchers_send_each_email_once(migrated_engine, database_url, smtp_server):
    settings = smtp_server.settings(database_url)
    now = datetime.now(UTC)
    async with mail_instance(settings) as writer:
        mails = [
            Mail(("kernteam@ggz-debron.example.org",), f"Bericht {n}", f"Tekst {n}")
            for n in range(30)
        ]
        await writer.outbox.add([mail_notice(m) for m in mails], now)  # stored only

    later = now + timedelta(minutes=1)
    async with mail_instance(settings) as one, mail_instance(settings) as two:
        counts = await asyncio.gather(*(d.dispatch_due(later) for d in (one, two, one, two)))

    assert Counter(m["Subject"] for m in smtp_server.received) == Counter(
        f"Bericht {n}" for n in range(30)
    )
    assert sum(counts) == 30
    assert {row.status for row in await email_rows(migrated_engine)} == {"sent"}


async def test_without_smtp_settings_emails_wait_and_the_rest_goes_out(
    bot, connector, conversation, database_url
):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    retbot = bot.app[RETBOT]
    dispatcher = retbot.dispatcher
    now = datetime.now(UTC)

    notice = mail_notice()
    stored = await dispatcher.send([notice])
    with pytest.raises(ValueError):
        mail_notice(Mail((" ",), "Zonder ontvanger", "Tekst"))
    await dispatcher.outbox.add([Notice(chat_of(conversation), "Casus RET-2026-0003")], now)
    later = now + timedelta(minutes=1)
    sent = [await dispatcher.dispatch_due(later + timedelta(hours=h)) for h in (0, 1, 24)]
    listed = retbot_outbox(database_url)

    assert (dispatcher.sends_email, stored) == (False, {notice.key: Outcome.WAITING})
    assert sent == [1, 0, 0]  # the Teams message; the email is never tried
    assert [a["text"] for a in connector.received[conversation.id][seen:]] == [
        "Casus RET-2026-0003"
    ]
    [email] = [r for r in await email_rows(retbot.engine) if r.channel_id == "smtp"]
    assert (email.status, email.attempts, email.claimed_by, email.last_error) == (
        "waiting",
        0,
        None,
        "no SMTP server",
    )
    assert listed.returncode == 0
    [line] = [line for line in listed.stdout.splitlines() if line.split()[:1] == [str(email.id)]]
    assert line.split()[1:4] == ["e-mail", "wacht", "0"]
    assert "geen SMTP-server ingesteld" in listed.stdout
    assert "hofstede" not in listed.stdout and "RET-2026-0007" not in listed.stdout
