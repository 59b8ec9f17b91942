"""The outbox table: every message to a person is stored first, then claimed, sent and
marked by a dispatcher (bot/outbox.py).

Claiming: on PostgreSQL, which several instances may share, due rows are selected
`FOR UPDATE SKIP LOCKED` and marked claimed in one short transaction, so two dispatchers
never hold the same row. On SQLite (one instance) a conditional UPDATE claims them. A claim
has an expiry: when an instance dies mid-send, `release_expired` makes the row due again.
A row is marked sent once; a failure is recorded only by the claim's holder.

A row is a Teams message (text or card, to a stored conversation reference) or an email
(`EMAIL`, sent over SMTP): recipients, subject, bodies and attachments all sit in the
encrypted payload; the row's target says only that it is an email.
"""

import base64
import json
import os
import re
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.mail import Mail, MailAttachment
from storage.encryption import PLAIN, FieldCipher
from storage.models import OutboxRow

PENDING, SENT, FAILED = "pending", "sent", "failed"
MAX_ATTEMPTS = 8  # 1 + 2 + 4 + … + 32 + 60 minutes of retrying: about two hours
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
CLAIM_LEASE = timedelta(minutes=5)  # far longer than one send may take (30 s timeout)
EXPIRED = "claim expired"


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after the 1st, 2nd, 3rd … failed attempt, at most an hour."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_RETRY)


def new_claim() -> str:
    """Who claims (host and process), with a token unique to this claim."""
    return f"{socket.gethostname()}:{os.getpid()}/{uuid.uuid4().hex[:12]}"


@dataclass(frozen=True)
class Target:
    """A stored conversation reference's key (storage.references)."""

    channel_id: str
    scope: str
    scope_id: str


EMAIL = Target("smtp", "email", "")  # no address here: those are in the encrypted payload
Message = str | dict | Mail


@dataclass(frozen=True)
class Claimed:
    """A message whose claim the holder has: it may send it and mark it sent or failed."""

    id: int
    target: Target
    message: Message
    attempts: int  # including the one this claim is for
    claim: str


@dataclass(frozen=True)
class Unsent:
    """An outbox row as `retbot outbox` shows it: no content, nobody's id."""

    id: int
    channel_id: str
    scope: str
    status: str
    attempts: int
    next_attempt_at: datetime
    claimed_until: datetime | None
    last_error: str | None


def encode(message: Message) -> str:
    if isinstance(message, Mail):
        mail = {
            "to": list(message.to),
            "subject": message.subject,
            "text": message.text,
            "html": message.html,
            "attachments": [
                {
                    "filename": a.filename,
                    "content_type": a.content_type,
                    "data": base64.b64encode(a.data).decode("ascii"),
                }
                for a in message.attachments
            ],
        }
        payload = {"email": mail}
    else:
        payload = {"card": message} if isinstance(message, dict) else {"text": message}
    return json.dumps(payload, ensure_ascii=False)


def decode(payload: str) -> Message:
    stored = json.loads(payload)
    if "email" in stored:
        mail = stored["email"]
        return Mail(
            to=tuple(mail["to"]),
            subject=mail["subject"],
            text=mail["text"],
            html=mail["html"],
            attachments=tuple(
                MailAttachment(a["filename"], a["content_type"], base64.b64decode(a["data"]))
                for a in mail["attachments"]
            ),
        )
    return stored["card"] if "card" in stored else stored["text"]


def outbox_row(
    target: Target,
    message: Message,
    now: datetime,
    cipher: FieldCipher = PLAIN,
    claim: str | None = None,
    lease: timedelta = CLAIM_LEASE,
) -> OutboxRow:
    """A new row for the caller to add in its own transaction, so the message is stored
    exactly when the change that causes it is. With `claim` the caller holds it at once
    (its first attempt has started) and should send it right after the commit."""
    return OutboxRow(
        channel_id=target.channel_id,
        scope=target.scope,
        scope_id=target.scope_id,
        payload=cipher.encrypt(encode(message)),
        status=PENDING,
        attempts=1 if claim else 0,
        next_attempt_at=now,
        claimed_by=claim,
        claimed_until=now + lease if claim else None,
        created_at=now,
    )


async def delete_mentioning(session: AsyncSession, cipher: FieldCipher, number: str) -> int:
    """Removes, in the caller's transaction, every stored message that mentions the case
    number (sent, waiting or given up): after a purge no copy of the case remains here.
    Payloads are encrypted, so each is read; a purge is rare and the outbox is pruned."""
    mention = re.compile(rf"(?<![\w-]){re.escape(number)}(?!\d)")
    rows = await session.execute(select(OutboxRow.id, OutboxRow.payload))
    doomed = [id for id, payload in rows if mention.search(cipher.decrypt(payload))]
    if doomed:
        await session.execute(delete(OutboxRow).where(OutboxRow.id.in_(doomed)))
    return len(doomed)


class OutboxRepository:
    def __init__(
        self,
        sessions: async_sessionmaker,
        cipher: FieldCipher = PLAIN,
        max_attempts: int = MAX_ATTEMPTS,
        lease: timedelta = CLAIM_LEASE,
    ) -> None:
        self._sessions = sessions
        self.cipher = cipher
        self._max_attempts = max_attempts
        self.lease = lease

    async def add(self, target: Target, message: Message, now: datetime) -> int:
        """Stores a message, due now, for the next dispatch."""
        async with self._sessions.begin() as session:
            row = outbox_row(target, message, now, self.cipher)
            session.add(row)
            await session.flush()
            return row.id

    async def add_claimed(self, target: Target, message: Message, now: datetime) -> Claimed:
        """Stores a message already claimed by the caller, who sends it right away."""
        async with self._sessions.begin() as session:
            row = outbox_row(target, message, now, self.cipher, new_claim(), self.lease)
            session.add(row)
            await session.flush()
            return self._claimed(row)

    async def claim_due(self, now: datetime, limit: int, emails: bool = True) -> list[Claimed]:
        """Claims up to `limit` due, unclaimed messages, oldest first; without `emails`
        (no SMTP server configured) the emails are left waiting, untried."""
        claim = new_claim()
        due = (
            select(OutboxRow.id)
            .where(
                OutboxRow.status == PENDING,
                OutboxRow.claimed_by.is_(None),
                OutboxRow.next_attempt_at <= now,
                *([] if emails else [OutboxRow.channel_id != EMAIL.channel_id]),
            )
            .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
            .limit(limit)
        )
        take = update(OutboxRow).values(
            claimed_by=claim, claimed_until=now + self.lease, attempts=OutboxRow.attempts + 1
        )
        async with self._sessions.begin() as session:
            if session.bind.dialect.name == "postgresql":
                ids = list(await session.scalars(due.with_for_update(skip_locked=True)))
                if not ids:
                    return []
                await session.execute(take.where(OutboxRow.id.in_(ids)))
            else:
                await session.execute(take.where(OutboxRow.id.in_(due)))
            rows = await session.scalars(
                select(OutboxRow).where(OutboxRow.claimed_by == claim).order_by(OutboxRow.id)
            )
            return [self._claimed(row) for row in rows]

    async def mark_sent(self, message: Claimed, now: datetime) -> bool:
        """False when it was marked sent already: its claim expired mid-send and another
        dispatcher sent it too (the one case where a message can arrive twice)."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == message.id, OutboxRow.status == PENDING)
                .values(
                    status=SENT,
                    sent_at=now,
                    claimed_by=None,
                    claimed_until=None,
                    last_error=None,
                )
            )
            return result.rowcount == 1

    async def mark_failed(
        self, message: Claimed, error: str, now: datetime, give_up: bool = False
    ) -> str | None:
        """The attempt failed: due again after a back-off, or `failed` after the last
        attempt (or at once with `give_up`). Returns the new status; None when the claim
        was lost (it expired, and the row is someone else's now), and then nothing changes."""
        status = FAILED if give_up or message.attempts >= self._max_attempts else PENDING
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == message.id, OutboxRow.claimed_by == message.claim)
                .values(
                    status=status,
                    next_attempt_at=now + retry_delay(message.attempts),
                    claimed_by=None,
                    claimed_until=None,
                    last_error=error[:200],
                )
            )
        return status if result.rowcount == 1 else None

    async def release_expired(self, now: datetime) -> int:
        """Claims whose holder did not finish in time (it died mid-send): the row is due
        again, or `failed` when that was its last attempt."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.status == PENDING, OutboxRow.claimed_until < now)
                .values(
                    status=case((OutboxRow.attempts >= self._max_attempts, FAILED), else_=PENDING),
                    next_attempt_at=now,
                    claimed_by=None,
                    claimed_until=None,
                    last_error=EXPIRED,
                )
            )
            return result.rowcount

    async def unsent(self) -> list[Unsent]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(OutboxRow).where(OutboxRow.status != SENT).order_by(OutboxRow.id)
            )
            return [
                Unsent(
                    r.id,
                    r.channel_id,
                    r.scope,
                    r.status,
                    r.attempts,
                    r.next_attempt_at,
                    r.claimed_until,
                    r.last_error,
                )
                for r in rows
            ]

    async def prune(self, sent_before: datetime, failed_before: datetime) -> int:
        """Removes sent messages and given-up ones once they are no longer worth keeping:
        their payloads are personal data."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(OutboxRow).where(
                    or_(
                        (OutboxRow.status == SENT) & (OutboxRow.sent_at < sent_before),
                        (OutboxRow.status == FAILED) & (OutboxRow.created_at < failed_before),
                    )
                )
            )
            return result.rowcount

    def _claimed(self, row: OutboxRow) -> Claimed:
        return Claimed(
            id=row.id,
            target=Target(row.channel_id, row.scope, row.scope_id),
            message=decode(self.cipher.decrypt(row.payload)),
            attempts=row.attempts,
            claim=row.claimed_by,
        )
