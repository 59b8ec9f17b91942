"""The outbox dispatcher: sends stored messages through stored conversation references,
and stored emails over SMTP.

A message written during a turn is sent at once by the instance that wrote it; what fails
(the connector's 5xx, a timeout, a refused connection, an SMTP server that is down) is
retried by `dispatch_due`, which the ticker runs every minute, with a growing back-off.
Without an SMTP server configured, emails wait in the outbox untried. Logs never carry the
content.
"""

import asyncio
import logging
from datetime import UTC, datetime
from typing import Protocol

import aiosmtplib
from botbuilder.integration.aiohttp import CloudAdapter

from bot.proactive import send_proactive
from dialogs.cards import card_activity
from domain.mail import Mail
from storage.outbox import EMAIL, FAILED, Claimed, Message, OutboxRepository, Target
from storage.references import ReferenceRepository, StoredReference

log = logging.getLogger("retbot.outbox")
BATCH = 20  # sent concurrently, each within the connector's 30 s timeout


class Mailer(Protocol):
    async def send(self, mail: Mail) -> None: ...


def http_status(error: BaseException) -> int | None:
    response = getattr(error, "response", None)  # msrest's errors keep the aiohttp response
    return getattr(response, "status", None) or getattr(error, "status", None)


def describe(error: BaseException) -> str:
    """The error's kind and HTTP or SMTP status, never its message (it may quote the
    payload or an address)."""
    if isinstance(error, aiosmtplib.SMTPResponseException):
        return f"{type(error).__name__} (SMTP {error.code})"
    status = http_status(error)
    return f"{type(error).__name__} (HTTP {status})" if status else type(error).__name__


def is_permanent(error: BaseException) -> bool:
    """A refusal that a retry cannot change: the bot was removed from the conversation
    (403), the conversation is gone (404), the message is malformed (400). Timeouts (408)
    and throttling (429) are worth another try, like every 5xx and network error. For
    email: every recipient refused; a server that is down or busy is tried again."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return True
    status = http_status(error)
    return isinstance(status, int) and 400 <= status < 500 and status not in (408, 429)


def target_of(reference: StoredReference) -> Target:
    return Target(reference.channel_id, reference.scope, reference.scope_id)


class OutboxDispatcher:
    def __init__(
        self,
        adapter: CloudAdapter,
        bot_app_id: str,
        references: ReferenceRepository,
        outbox: OutboxRepository,
        batch: int = BATCH,
        mailer: Mailer | None = None,
    ) -> None:
        self._adapter = adapter
        self._mailer = mailer
        self._bot_app_id = bot_app_id
        self._references = references
        self.outbox = outbox
        self._batch = batch

    @property
    def sends_email(self) -> bool:
        return self._mailer is not None

    async def send_email(self, mail: Mail) -> bool:
        """Stores the email and, with an SMTP server configured, sends it at once. False
        when it did not go out now: it then waits in the outbox."""
        now = datetime.now(UTC)
        if self._mailer is None:
            await self.outbox.add(EMAIL, mail, now)
            return False
        claimed = await self.outbox.add_claimed(EMAIL, mail, now)
        return await self.deliver(claimed, now)

    async def send_now(self, reference: StoredReference, message: Message) -> bool:
        """Stores the message, claimed by this instance, and sends it at once. False when
        this attempt failed: the message then waits in the outbox for its retry."""
        now = datetime.now(UTC)
        claimed = await self.outbox.add_claimed(target_of(reference), message, now)
        return await self.deliver(claimed, now, reference)

    async def dispatch_due(self, now: datetime | None = None) -> int:
        """Sends every message that is due; returns how many went out."""
        now = now or datetime.now(UTC)
        if released := await self.outbox.release_expired(now):
            log.warning("%d outbox message(s) whose sender did not finish are due again", released)
        sent = 0
        while batch := await self.outbox.claim_due(now, self._batch, emails=self.sends_email):
            sent += sum(await asyncio.gather(*(self.deliver(m, now) for m in batch)))
        return sent

    async def deliver(
        self, message: Claimed, now: datetime, reference: StoredReference | None = None
    ) -> bool:
        """Sends one claimed message and records the outcome."""
        try:
            await self._send(message, reference)
        except Exception as error:  # whatever sending raised: the message is retried
            reason = describe(error)
            status = await self.outbox.mark_failed(
                message, reason, now, give_up=is_permanent(error)
            )
            log.warning(
                "outbox message %s: attempt %d failed (%s)%s",
                message.id,
                message.attempts,
                reason,
                "; given up" if status == FAILED else "",
            )
            return False
        if not await self.outbox.mark_sent(message, now):
            log.warning("outbox message %s was sent after its claim had expired", message.id)
        return True

    async def _send(self, message: Claimed, reference: StoredReference | None) -> None:
        if isinstance(message.message, Mail):
            if self._mailer is None:
                raise LookupError("no SMTP server configured")
            await self._mailer.send(message.message)
            return
        reference = reference or await self._references.find(
            message.target.channel_id, message.target.scope, message.target.scope_id
        )
        if reference is None:
            raise LookupError("no stored conversation reference")
        activity = (
            card_activity(message.message) if isinstance(message.message, dict) else message.message
        )
        await send_proactive(self._adapter, self._bot_app_id, reference, activity)
