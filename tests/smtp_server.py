"""A real SMTP server (aiosmtpd) on a loopback port for the tests: it keeps every message
it accepts, parsed with the standard library's email parser, and can refuse or be down."""

import socket
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from bot.settings import Settings

MAIL_FROM = "RET Jeugd Twente <retbot@ret-twente.example.org>"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.received: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refusals_left = 0  # so many messages are answered "451 try again later" first
        self._controller: Controller | None = None

    def settings(self, database_url: str, **more) -> Settings:
        return Settings(
            database_url=database_url,
            smtp_host="127.0.0.1",
            smtp_port=self.port,
            smtp_starttls=False,
            mail_from=MAIL_FROM,
            **more,
        )

    def start(self) -> "SmtpServer":
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.refusals_left > 0:
            self.refusals_left -= 1
            return "451 Requested action aborted: try again later"
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.received.append(BytesParser(policy=policy.default).parsebytes(envelope.content))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.received if address in str(m["To"])]


def body_of(message: EmailMessage, subtype: str = "plain") -> str:
    return message.get_body(preferencelist=(subtype,)).get_content().replace("\r\n", "\n")


def readable(message: EmailMessage) -> str:
    """What a reader sees: the address and subject headers and every part decoded (a
    quoted-printable or base64 body hides its words from a search of the raw message).
    Not Message-ID and Date: their random digits could look like a year of birth."""
    seen = [f"{name}: {message[name]}" for name in ("From", "To", "Subject")]
    for part in message.walk():
        if not part.is_multipart():
            content = part.get_content()
            seen.append(content if isinstance(content, str) else repr(content))
    return "\n".join(seen)
