"""An email to people without Teams (escalation contacts, kernteamleden listed by email):
what it says, not how it travels (the outbox and SMTP do that)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MailAttachment:
    filename: str
    content_type: str  # "text/calendar", "application/vnd.openxmlformats-…", …
    data: bytes


@dataclass(frozen=True)
class Mail:
    """Like a channel post, an email carries a case number and initials only."""

    to: tuple[str, ...]
    subject: str
    text: str
    html: str | None = None
    attachments: tuple[MailAttachment, ...] = ()
