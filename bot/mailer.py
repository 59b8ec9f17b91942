"""Sending an email over SMTP (aiosmtplib), built with the standard library's EmailMessage."""

from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

import aiosmtplib

from bot.settings import Settings
from domain.mail import Mail

SMTP_TIMEOUT_SECONDS = 30
# Lines up to SMTP's own limit: the standard 78 folds a long Dutch subject onto the next
# line ("Subject:\n Follow-up …"), which some clients show with a leading space.
LONG_LINES = policy.SMTP.clone(max_line_length=998)


def email_message(mail: Mail, sender: str) -> EmailMessage:
    message = EmailMessage(policy=LONG_LINES)
    message["From"] = sender
    message["To"] = ", ".join(mail.to)
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or None)
    message.set_content(mail.text)
    if mail.html:
        message.add_alternative(mail.html, subtype="html")
    for attachment in mail.attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        message.add_attachment(
            attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename
        )
    return message


class SmtpMailer:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    async def send(self, mail: Mail) -> None:
        """Raises what aiosmtplib raises (refused connection, timeout, SMTP error replies)."""
        s = self._settings
        await aiosmtplib.send(
            email_message(mail, s.mail_from).as_bytes(),  # flattened with LONG_LINES
            sender=parseaddr(s.mail_from)[1],
            recipients=list(mail.to),
            hostname=s.smtp_host,
            port=s.smtp_port,
            username=s.smtp_username or None,
            password=s.smtp_password or None,
            start_tls=s.smtp_starttls,
            timeout=SMTP_TIMEOUT_SECONDS,
        )
