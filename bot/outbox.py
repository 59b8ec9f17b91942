"""The outbox dispatcher: sends stored notices (domain.notices) the way each recipient can be
reached (bot.reach), and records what became of them.

The writer of a change sends its notices right after the commit (`flush`), one at a time;
what is due later or failed is sent by `dispatch_due`, which the ticker runs every minute,
also one at a time, so an instance that dies mid-send leaves at most one message to be sent
again. Someone without a conversation with retbot is waited for: the moment they open a chat
(`wake`), or after the RET's delay by e-mail (at once for urgent alerts). A referrer known
by e-mail address (no Teams; dialogs/referrer_mail.py) gets the e-mail a notice carries at
once. Without an SMTP server configured, e-mails wait untried. Logs never carry the content.
A message worded in every language (domain.notices.Localized) goes in the recipient's own
(bot.recipient_language); an e-mail to an address, in the RET's.
"""

import asyncio
import hashlib
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Protocol, TypeGuard

import aiosmtplib
from microsoft_agents.hosting.core import ChannelServiceAdapter

from bot import metrics
from bot.activities import card_activity
from bot.email_channel import EMAIL_CHANNEL, html_body, plain
from bot.proactive import send_proactive
from bot.reach import Reach
from bot.recipient_language import RecipientLanguages
from dialogs.texts import DEFAULT_LANGUAGE, Language, plural_text, text
from domain.mail import Mail
from domain.notices import (
    Chair,
    ChairPlace,
    Chat,
    EmailAddress,
    Job,
    JobRun,
    Notice,
    Outcome,
    Outcomes,
    Recipient,
    RosterMember,
    by_language,
    new_key,
)
from domain.ret import RetConfig
from domain.roles import Role
from storage.outbox import (
    DONE,
    FAILED,
    PENDING,
    REPORT_KEY_PREFIX,
    SENT,
    VIA_EMAIL,
    VIA_TEAMS,
    WAITING,
    WAITING_RECHECK,
    Claimed,
    OutboxRepository,
    Target,
    recipient_of,
)
from storage.references import StoredReference

log = logging.getLogger("retbot.outbox")
WAKE_LIMIT = 50  # sent inline when someone opens a chat; the ticker sends the rest


class Mailer(Protocol):
    async def send(self, mail: Mail) -> None: ...


JobHandler = Callable[[JobRun], Awaitable[None]]
"""Runs one kind of job (domain.notices.Job); finishes it with its result (finish_job)."""


def http_status(error: BaseException) -> int | None:
    response = getattr(error, "response", None)
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


def ready_to_send(mail: Mail) -> Mail:
    """The catalog's light Markdown as plain text beside simple HTML."""
    if mail.html is not None:
        return mail
    return replace(mail, text=plain(mail.text), html=html_body(mail.text))


class OutboxDispatcher:
    def __init__(
        self,
        adapter: ChannelServiceAdapter,
        bot_app_id: str,
        reach: Reach,
        outbox: OutboxRepository,
        ret: RetConfig,
        mailer: Mailer | None = None,
        languages: RecipientLanguages | None = None,
    ) -> None:
        self._adapter = adapter
        self._languages = languages or RecipientLanguages(ret)
        self._bot_app_id = bot_app_id
        self._reach = reach
        self.outbox = outbox
        self._ret = ret
        self._mailer = mailer
        self._email_after = timedelta(minutes=ret.reach.email_after_minutes)
        self._jobs: dict[str, JobHandler] = {}
        self._later: list[Sequence[Notice]] = []  # flush_soon's, sent by one worker
        self._worker: asyncio.Task | None = None

    def run_jobs(self, kind: str, handler: JobHandler) -> None:
        """Set once at start-up, per kind of job."""
        if kind in self._jobs:
            raise ValueError(f"a second handler for jobs of kind {kind!r}")
        self._jobs[kind] = handler

    @property
    def sends_email(self) -> bool:
        return self._mailer is not None

    async def reachable(self, recipient: Recipient) -> bool:
        return await self._reach.in_teams(recipient) is not None

    async def send(self, notices: Sequence[Notice]) -> Outcomes:
        """Stores and sends messages that no change causes (a reply to a read, a code)."""
        await self.outbox.add(notices, datetime.now(UTC))
        return await self.flush(notices)

    async def flush(self, notices: Sequence[Notice]) -> Outcomes:
        """Sends, now and one by one, the notices a change stored with it; returns what
        became of each. Whatever cannot go now stays in the outbox."""
        keys = [n.key for n in notices]
        outcomes: Outcomes = {}
        for message in await self.outbox.claim_keys(keys, datetime.now(UTC)):
            outcomes[message.key] = await self.deliver(message, datetime.now(UTC))
        missing = [key for key in keys if key not in outcomes]
        for key, (status, via) in (await self.outbox.outcomes(missing)).items():
            outcomes[key] = _outcome(status, via)
        return outcomes

    def flush_soon(self, notices: Sequence[Notice]) -> None:
        """Sends the notices after the current turn has answered (an invoke whose card
        must come back fast). One worker sends them in order, so their work (a Word
        document) never crowds out the turns; `drain` waits for it, and the ticker takes
        what a stop leaves."""
        self._later.append(notices)
        if self._worker is None or self._worker.done():
            self._worker = asyncio.get_running_loop().create_task(self._send_later())

    async def _send_later(self) -> None:
        while self._later:
            notices = self._later.pop(0)
            try:
                await self.flush(notices)
            except Exception:  # stored: the ticker sends them
                log.exception("notices sent after a turn failed; the ticker tries again")

    async def drain(self) -> None:
        """Waits until what `flush_soon` was given has been sent."""
        while self._worker is not None and not self._worker.done():
            await asyncio.shield(self._worker)

    async def dispatch_due(self, now: datetime | None = None, limit: int | None = None) -> int:
        """Sends the messages that are due, one at a time; returns how many went out.

        `now` fixes the clock (tests); otherwise each claim's lease starts when it is taken."""
        clock = (lambda: now) if now is not None else (lambda: datetime.now(UTC))
        if released := await self.outbox.release_expired(clock()):
            log.warning("%d outbox message(s) whose sender did not finish are due again", released)
        if told := await self.outbox.report_failing(clock(), self._failing_notices):
            log.warning("told who looks after retbot of %d message(s) that keep failing", told)
        sent = 0
        for _ in range(limit) if limit is not None else iter(int, 1):
            message = await self.outbox.claim_next(clock(), emails=self.sends_email)
            if message is None:
                break
            sent += (await self.deliver(message, clock())).arrived
        return sent

    async def wake(self) -> int:
        """Someone opened a chat with retbot: what waited for a recipient is tried now."""
        if await self.outbox.wake_waiting(datetime.now(UTC)):
            return await self.dispatch_due(limit=WAKE_LIMIT)
        return 0

    async def deliver(self, message: Claimed, now: datetime) -> Outcome:
        """One attempt at one claimed message, and its outcome recorded."""
        try:
            return await self._attempt(message, now)
        except Exception as error:  # whatever sending raised: the message is retried
            metrics.attempt_failed(message.target)
            reason = describe(error)
            status = await self.outbox.mark_failed(
                message, reason, now, give_up=is_permanent(error)
            )
            log.warning(
                "outbox message %s: attempt %d failed (%s)%s",
                message.id,
                message.attempts + 1,
                reason,
                "; given up" if status == FAILED else "",
            )
            return Outcome.FAILED if status == FAILED else Outcome.RETRYING

    async def _attempt(self, message: Claimed, now: datetime) -> Outcome:
        recipient = message.recipient
        if isinstance(recipient, Job):
            handler = self._jobs.get(recipient.kind)
            if handler is None:
                raise LookupError(f"no handler for jobs of kind {recipient.kind!r}")
            await handler(JobRun(message.id, message.claim, message.message))
            await self.outbox.mark_sent(message, now, DONE)  # unless the handler finished it
            metrics.delivered(DONE, message.target)
            return Outcome.SENT
        if message.is_mail:
            if self._mailer is None:
                await self.outbox.mark_waiting(message, now + WAITING_RECHECK, "no SMTP server")
                return Outcome.WAITING
            message = message.in_language(DEFAULT_LANGUAGE)  # to an address: the RET's
            await self._mailer.send(ready_to_send(message.message))
            return await self._sent(message, now, VIA_EMAIL)
        if _by_email(recipient) and message.fallback is not None and self._mailer is not None:
            message = message.in_language(await self._languages.of(recipient, None))
            mail = replace(message.fallback, to=(recipient.user_id,))  # no chat to wait for
            await self._mailer.send(ready_to_send(mail))
            return await self._sent(message, now, VIA_EMAIL)
        reference = await self._in_teams(message.target, recipient)
        language = await self._languages.of(recipient, reference)
        message = message.in_language(language)
        if reference is not None:
            activity = (
                card_activity(message.message)
                if isinstance(message.message, dict)
                else message.message
            )
            await send_proactive(self._adapter, self._bot_app_id, reference, activity)
            return await self._sent(message, now, VIA_TEAMS)
        return await self._instead_of_teams(message, recipient, language, now)

    async def _in_teams(
        self, target: Target, recipient: Recipient | None
    ) -> StoredReference | None:
        if recipient is None:  # a row of before the notices: a stored conversation's key
            return await self._reach.stored(target.channel_id, target.scope, target.scope_id)
        return await self._reach.in_teams(recipient)

    async def _instead_of_teams(
        self, message: Claimed, recipient: Recipient | None, language: Language, now: datetime
    ) -> Outcome:
        """Nobody to post to: by e-mail once the RET's delay has passed (urgent: at once);
        until then, and for a chat that is gone, the message waits."""
        addresses = self._reach.email_addresses(recipient, message.urgent) if recipient else ()
        now = max(now, message.created_at)  # a clock behind the writer's counts as no wait
        email_from = message.created_at + (timedelta(0) if message.urgent else self._email_after)
        can_mail = self._mailer is not None and bool(addresses)
        if can_mail and now >= email_from:
            if message.fallback is not None:  # the message itself, as the flow worded it
                await self._mailer.send(ready_to_send(replace(message.fallback, to=addresses)))
                return await self._sent(message, now, VIA_EMAIL)
            await self._point_to_teams(recipient, addresses, language, now)
        recheck = now + WAITING_RECHECK
        if can_mail and now < email_from:
            recheck = min(recheck, email_from)
        await self.outbox.mark_waiting(message, recheck, "no conversation yet")
        return Outcome.WAITING

    async def _point_to_teams(
        self, recipient: Recipient, addresses: tuple[str, ...], language: Language, now: datetime
    ) -> None:
        """A message only Teams can show (a card to act on): one e-mail a day says that
        something waits for them there; the message itself stays for their chat."""
        who = hashlib.sha256(_key_part(recipient).encode()).hexdigest()[:24]
        key = f"teams-waiting:{who}:{now.date().isoformat()}"  # one a day per recipient
        words = {"name": self._reach.name_of(recipient) or "", "ret": self._ret.name}
        mail = Mail(
            to=addresses,
            subject=text("outbox.waiting_mail.subject", language, **words),
            text=text("outbox.waiting_mail.body", language, **words)
            + "\n\n"
            + text("email.signature", language, ret=self._ret.name),
        )
        notice = Notice(EmailAddress(), mail, key=key)
        if await self.outbox.add_if_new(notice, now):
            await self.flush([notice])

    async def _sent(self, message: Claimed, now: datetime, via: str) -> Outcome:
        metrics.delivered(via, message.target)
        if not await self.outbox.mark_sent(message, now, via):
            log.warning("outbox message %s was sent after its claim had expired", message.id)
        return Outcome.EMAILED if via == VIA_EMAIL else Outcome.SENT

    def _failing_notices(self, targets: list[Target]) -> list[Notice]:
        """To the voorzitter (privately) and the admins: whom retbot has not reached for two
        hours, and that it keeps trying."""
        message = by_language(lambda language: self._failing(targets, language))
        admins = self._ret.members_with_role(Role.ADMIN)
        recipients = [Chair(ChairPlace.PRIVATE), *(RosterMember(m.email) for m in admins)]
        return [Notice(to, message, key=REPORT_KEY_PREFIX + new_key()) for to in recipients]

    def _failing(self, targets: list[Target], language: Language) -> str:
        counts = Counter(self._describe(t, language) for t in targets)
        lines = "\n".join(
            f"- {who}: {plural_text('outbox.messages', n, language)}" for who, n in counts.items()
        )
        return text("outbox.failing", language, lines=lines)

    def _describe(self, target: Target, language: Language) -> str:
        recipient = recipient_of(target)
        match recipient:
            case RosterMember() | Chair():
                return self._reach.name_of(recipient) or text("outbox.someone", language)
            case Chat(channel_id, _):
                return text("outbox.a_chat", language, channel=channel_id)
            case EmailAddress():
                return text("outbox.an_email", language)
        return text("outbox.a_chat", language, channel=target.channel_id)


def _outcome(status: str, via: str | None) -> Outcome:
    if status == SENT:
        return Outcome.EMAILED if via == VIA_EMAIL else Outcome.SENT
    return {WAITING: Outcome.WAITING, FAILED: Outcome.FAILED, PENDING: Outcome.RETRYING}[status]


def _by_email(recipient: Recipient | None) -> TypeGuard[Chat]:
    """A referrer known by their e-mail address (the Email channel's user id)."""
    return isinstance(recipient, Chat) and recipient.channel_id == EMAIL_CHANNEL


def _key_part(recipient: Recipient) -> str:
    match recipient:
        case RosterMember(email):
            return f"member:{email.lower()}"
        case Chair():
            return "chair"
    return "other"
