"""The outbox table: every message to a person is stored first, with the change that causes
it (domain.notices), then claimed, sent and marked by a dispatcher (bot/outbox.py).

A row's target says who it is for, in the terms of domain.notices: someone's own chat
(channel, "user", user id), a roster member ("roster", "member", e-mail), the voorzitter
("roster", "chair", team/private) or an e-mail ("smtp", "email", ""). The dispatcher finds
the way to them when it sends. Content (texts, cards, e-mails with their recipients and
attachments) sits in the encrypted payload; a message worded in every language, once per
language (the dispatcher picks the recipient's when it sends).

Life of a row: `pending` until sent; `waiting` while nobody can be reached (it does not use
up attempts; it is looked at again every quarter of an hour and as soon as a new
conversation with retbot starts); `sent` once, with how (`teams` or `email`); `failed`
only after about a week of attempts or a refusal that a retry cannot change, and then kept
until `retbot outbox retry` puts it back. Unsent rows are never pruned.

Claiming is per message: on PostgreSQL, which several instances may share, the next due row
is selected `FOR UPDATE SKIP LOCKED` and marked claimed in one short transaction; on SQLite
(one instance) a conditional UPDATE claims it. A claim's lease starts when it is taken. An
instance that dies mid-send leaves at most the one message it was sending to be sent again
when the lease runs out.
"""

import base64
import json
import os
import re
import socket
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import case, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.mail import Mail, MailAttachment
from domain.notices import (
    LANGUAGES,
    Chair,
    ChairPlace,
    Chat,
    EmailAddress,
    Job,
    JobRun,
    Localized,
    Message,
    Notice,
    Recipient,
    RosterMember,
    in_language,
)
from storage.encryption import PLAIN, FieldCipher
from storage.models import OutboxRow
from storage.upsert import dialect_insert

PENDING, WAITING, SENT, FAILED = "pending", "waiting", "sent", "failed"
VIA_TEAMS, VIA_EMAIL, DONE = "teams", "email", "job"
FAST_ATTEMPTS = 8  # 1 + 2 + 4 + … + 32 + 60 minutes of retrying: about two hours …
SLOW_RETRY = timedelta(hours=6)  # … then every six hours …
MAX_ATTEMPTS = FAST_ATTEMPTS + 28  # … for about a week in all
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
CLAIM_LEASE = timedelta(minutes=5)  # far longer than one send may take (30 s timeout)
WRITER_GRACE = timedelta(minutes=1)  # the writer sends right after its commit; else the ticker
WAITING_RECHECK = timedelta(minutes=15)
REPORT_AFTER = timedelta(hours=2)  # undelivered this long: who looks after retbot is told
EXPIRED = "claim expired"
FailingRecipients = Callable[[list["Target"]], list[Notice]]
"""Words the notice that tells the voorzitter (or admin) which recipients keep failing."""
REPORT_KEY_PREFIX = "outbox-report:"  # the notices that tell of failing recipients


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after the 1st, 2nd, 3rd … failed attempt, at most an hour; after
    the fast attempts, six hours."""
    if attempts >= FAST_ATTEMPTS:
        return SLOW_RETRY
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_RETRY)


def new_claim() -> str:
    """Who claims (host and process), with a token unique to this claim."""
    return f"{socket.gethostname()}:{os.getpid()}/{uuid.uuid4().hex[:12]}"


@dataclass(frozen=True)
class Target:
    """A row's recipient as stored in plain columns (no content, no address of an e-mail)."""

    channel_id: str
    scope: str
    scope_id: str


ROSTER = "roster"
EMAIL = Target("smtp", "email", "")  # no address here: those are in the encrypted payload
JOBS = "retbot"


def target_of(recipient: Recipient) -> Target:
    match recipient:
        case Chat(channel_id, user_id):
            return Target(channel_id, "user", user_id)
        case RosterMember(email):
            return Target(ROSTER, "member", email.lower())
        case Chair(place):
            return Target(ROSTER, "chair", place.value)
        case EmailAddress():
            return EMAIL
        case Job(kind):
            return Target(JOBS, "job", kind)
    raise TypeError(f"not a recipient: {recipient!r}")


def kind_of(target: Target) -> str:
    """The kind of recipient, for counting: chat, member, chair, email or job."""
    if target.channel_id == EMAIL.channel_id:
        return "email"
    if target.channel_id == JOBS:
        return "job"
    if target.channel_id == ROSTER:
        return "member" if target.scope == "member" else "chair"
    return "chat"


def recipient_of(target: Target) -> Recipient | None:
    """None for a row of before the notices (a stored conversation of any scope)."""
    if target == EMAIL:
        return EmailAddress()
    if target.channel_id == JOBS:
        return Job(target.scope_id)
    if target.channel_id == ROSTER:
        if target.scope == "member":
            return RosterMember(target.scope_id)
        return Chair(ChairPlace(target.scope_id))
    if target.scope == "user":
        return Chat(target.channel_id, target.scope_id)
    return None


@dataclass(frozen=True)
class Claimed:
    """A message whose claim the holder has: it may send it and mark what became of it."""

    id: int
    key: str | None
    target: Target
    message: Message | Localized  # Localized: worded in every language
    fallback: Mail | Localized | None  # what goes by e-mail when the recipient is not in Teams
    urgent: bool
    attempts: int  # failed attempts before this one
    created_at: datetime
    claim: str

    @property
    def recipient(self) -> Recipient | None:
        return recipient_of(self.target)

    @property
    def is_mail(self) -> bool:
        """The message itself is an e-mail (to an address), in whichever language."""
        return isinstance(in_language(self.message, LANGUAGES[0]), Mail)

    def in_language(self, language: str) -> "Claimed":
        """The message and its e-mail as worded in `language`."""
        fallback = None if self.fallback is None else in_language(self.fallback, language)
        return replace(self, message=in_language(self.message, language), fallback=fallback)


@dataclass(frozen=True)
class Unsent:
    """An outbox row as `retbot outbox` shows it: no content."""

    id: int
    target: Target
    status: str
    attempts: int
    next_attempt_at: datetime
    claimed_until: datetime | None
    last_error: str | None
    created_at: datetime


def _mail_data(mail: Mail) -> dict:
    return {
        "to": list(mail.to),
        "subject": mail.subject,
        "text": mail.text,
        "html": mail.html,
        "attachments": [
            {
                "filename": a.filename,
                "content_type": a.content_type,
                "data": base64.b64encode(a.data).decode("ascii"),
            }
            for a in mail.attachments
        ],
    }


def _mail(data: dict) -> Mail:
    return Mail(
        to=tuple(data["to"]),
        subject=data["subject"],
        text=data["text"],
        html=data["html"],
        attachments=tuple(
            MailAttachment(a["filename"], a["content_type"], base64.b64decode(a["data"]))
            for a in data["attachments"]
        ),
    )


def _content(message: Message, fallback: Mail | None) -> dict:
    if isinstance(message, Mail):
        payload: dict = {"email": _mail_data(message)}
    else:
        payload = {"card": message} if isinstance(message, dict) else {"text": message}
    if fallback is not None:
        payload["fallback"] = _mail_data(fallback)
    return payload


def _message(stored: dict) -> tuple[Message, Mail | None]:
    if "email" in stored:
        message: Message = _mail(stored["email"])
    else:
        message = stored["card"] if "card" in stored else stored["text"]
    return message, (_mail(stored["fallback"]) if "fallback" in stored else None)


def encode(
    message: Message | Localized,
    fallback: Mail | Localized | None = None,
    urgent: bool = False,
) -> str:
    """A message worded in every language is stored per language, with its e-mail."""
    if isinstance(message, Localized) or isinstance(fallback, Localized):
        payload: dict = {
            "languages": {
                language: _content(
                    in_language(message, language),
                    None if fallback is None else in_language(fallback, language),
                )
                for language in LANGUAGES
            }
        }
    else:
        payload = _content(message, fallback)
    if urgent:
        payload["urgent"] = True
    return json.dumps(payload, ensure_ascii=False)


def decode(payload: str) -> tuple[Message | Localized, Mail | Localized | None, bool]:
    """The message, its e-mail fallback, and whether it is urgent."""
    stored = json.loads(payload)
    if "languages" in stored:
        versions = {language: _message(v) for language, v in stored["languages"].items()}
        message: Message | Localized = Localized({k: m for k, (m, _) in versions.items()})
        fallbacks = {k: f for k, (_, f) in versions.items() if f is not None}
        fallback: Mail | Localized | None = Localized(fallbacks) if fallbacks else None
    else:
        message, fallback = _message(stored)
    return message, fallback, bool(stored.get("urgent"))


def notice_rows(
    notices: Iterable[Notice], now: datetime, cipher: FieldCipher = PLAIN
) -> list[OutboxRow]:
    """New rows for the caller to add in its own transaction, so the messages are stored
    exactly when the change that causes them is. The writer sends them right after its
    commit (OutboxDispatcher.flush); the ticker takes over after WRITER_GRACE."""
    rows = []
    for notice in notices:
        target = target_of(notice.to)
        rows.append(
            OutboxRow(
                notice_key=notice.key,
                channel_id=target.channel_id,
                scope=target.scope,
                scope_id=target.scope_id,
                payload=cipher.encrypt(encode(notice.message, notice.email, notice.urgent)),
                status=PENDING,
                attempts=0,
                next_attempt_at=now + WRITER_GRACE,
                created_at=now,
            )
        )
    return rows


def add_notices(
    session: AsyncSession, notices: Iterable[Notice], now: datetime, cipher: FieldCipher
) -> None:
    """Adds the notices to the caller's transaction."""
    session.add_all(notice_rows(notices, now, cipher))


class JobLost(Exception):
    """The job's claim expired before it finished: its result is not stored (another
    instance runs it)."""


async def finish_job(session: AsyncSession, run: JobRun, now: datetime) -> None:
    """Marks the job done in the caller's transaction, the one that stores its result."""
    result = await session.execute(
        update(OutboxRow)
        .where(OutboxRow.id == run.id, OutboxRow.claimed_by == run.claim)
        .values(status=SENT, sent_at=now, sent_via=DONE, claimed_by=None, claimed_until=None)
    )
    if result.rowcount != 1:
        raise JobLost(run.id)


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

    async def add(self, notices: Sequence[Notice], now: datetime) -> None:
        """Stores messages that no change causes (a reply to a read, a code to verify an
        address), for the caller to flush."""
        async with self._sessions.begin() as session:
            add_notices(session, notices, now, self.cipher)

    async def add_if_new(self, notice: Notice, now: datetime) -> bool:
        """Stores the notice unless one with its key is stored already (a daily e-mail)."""
        [row] = notice_rows([notice], now, self.cipher)
        columns = {c.key: getattr(row, c.key) for c in OutboxRow.__table__.columns if c.key != "id"}
        async with self._sessions.begin() as session:
            result = await session.execute(
                dialect_insert(session.bind.dialect, OutboxRow)
                .values(**columns)
                .on_conflict_do_nothing(index_elements=["notice_key"])
            )
            return result.rowcount == 1

    async def claim_keys(self, keys: Sequence[str], now: datetime) -> list[Claimed]:
        """Claims the unsent, unclaimed rows of these notices, whenever they are due: the
        writer of a change sends its notices right after the commit."""
        if not keys:
            return []
        chosen = select(OutboxRow.id).where(
            OutboxRow.notice_key.in_(list(keys)),
            OutboxRow.status.in_((PENDING, WAITING)),
            OutboxRow.claimed_by.is_(None),
        )
        return await self._claim(chosen, now)

    async def claim_next(self, now: datetime, emails: bool = True) -> Claimed | None:
        """Claims the oldest due message; without `emails` (no SMTP server configured) the
        e-mails are left waiting, untried."""
        due = (
            select(OutboxRow.id)
            .where(
                OutboxRow.status.in_((PENDING, WAITING)),
                OutboxRow.claimed_by.is_(None),
                OutboxRow.next_attempt_at <= now,
                *([] if emails else [OutboxRow.channel_id != EMAIL.channel_id]),
            )
            .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
            .limit(1)
        )
        claimed = await self._claim(due, now)
        return claimed[0] if claimed else None

    async def _claim(self, chosen, now: datetime) -> list[Claimed]:
        claim = new_claim()
        take = update(OutboxRow).values(claimed_by=claim, claimed_until=now + self.lease)
        async with self._sessions.begin() as session:
            if session.bind.dialect.name == "postgresql":
                ids = list(await session.scalars(chosen.with_for_update(skip_locked=True)))
                if not ids:
                    return []
                await session.execute(take.where(OutboxRow.id.in_(ids)))
            else:
                await session.execute(
                    take.where(OutboxRow.id.in_(chosen), OutboxRow.claimed_by.is_(None))
                )
            rows = await session.scalars(
                select(OutboxRow).where(OutboxRow.claimed_by == claim).order_by(OutboxRow.id)
            )
            return [self._claimed(row) for row in rows]

    async def mark_sent(self, message: Claimed, now: datetime, via: str) -> bool:
        """False when it was marked sent already: its claim expired mid-send and another
        dispatcher sent it too (the one case where a message can arrive twice)."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == message.id, OutboxRow.status.in_((PENDING, WAITING)))
                .values(
                    status=SENT,
                    sent_at=now,
                    sent_via=via,
                    claimed_by=None,
                    claimed_until=None,
                    last_error=None,
                )
            )
            return result.rowcount == 1

    async def mark_waiting(self, message: Claimed, until: datetime, reason: str) -> bool:
        """Nobody to reach yet: looked at again at `until` (or sooner, when someone new
        opens a chat with retbot); no attempt is used up."""
        return await self._release(
            message, status=WAITING, next_attempt_at=until, last_error=reason[:200]
        )

    async def mark_failed(
        self, message: Claimed, error: str, now: datetime, give_up: bool = False
    ) -> str | None:
        """The attempt failed: due again after a back-off, or `failed` after the last
        attempt (or at once with `give_up`). Returns the new status; None when the claim
        was lost (it expired, and the row is someone else's now), and then nothing changes."""
        attempts = message.attempts + 1
        status = FAILED if give_up or attempts >= self._max_attempts else PENDING
        released = await self._release(
            message,
            status=status,
            attempts=attempts,
            next_attempt_at=now + retry_delay(attempts),
            last_error=error[:200],
        )
        return status if released else None

    async def _release(self, message: Claimed, **values) -> bool:
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == message.id, OutboxRow.claimed_by == message.claim)
                .values(claimed_by=None, claimed_until=None, **values)
            )
        return result.rowcount == 1

    async def release_expired(self, now: datetime) -> int:
        """Claims whose holder did not finish in time (it died mid-send): the row is due
        again (the attempt counts), or `failed` when that was its last attempt."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.status.in_((PENDING, WAITING)), OutboxRow.claimed_until < now)
                .values(
                    status=case(
                        (OutboxRow.attempts + 1 >= self._max_attempts, FAILED), else_=PENDING
                    ),
                    attempts=OutboxRow.attempts + 1,
                    next_attempt_at=now,
                    claimed_by=None,
                    claimed_until=None,
                    last_error=EXPIRED,
                )
            )
            return result.rowcount

    async def wake_waiting(self, now: datetime) -> int:
        """Someone opened a chat with retbot: whatever waits for a recipient is due now."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.status == WAITING, OutboxRow.claimed_by.is_(None))
                .values(next_attempt_at=now)
            )
            return result.rowcount

    async def outcomes(self, keys: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """Status and way of sending of these notices' rows, by key."""
        if not keys:
            return {}
        async with self._sessions() as session:
            rows = await session.execute(
                select(OutboxRow.notice_key, OutboxRow.status, OutboxRow.sent_via).where(
                    OutboxRow.notice_key.in_(list(keys))
                )
            )
            return {key: (status, via) for key, status, via in rows}

    async def unsent(self) -> list[Unsent]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(OutboxRow).where(OutboxRow.status != SENT).order_by(OutboxRow.id)
            )
            return [
                Unsent(
                    r.id,
                    Target(r.channel_id, r.scope, r.scope_id),
                    r.status,
                    r.attempts,
                    r.next_attempt_at,
                    r.claimed_until,
                    r.last_error,
                    r.created_at,
                )
                for r in rows
            ]

    async def unsent_counts(self) -> Counter[tuple[str, str]]:
        """How many messages are not sent, by status and kind of recipient (kind_of)."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(OutboxRow.status, OutboxRow.channel_id, OutboxRow.scope, func.count())
                .where(OutboxRow.status != SENT)
                .group_by(OutboxRow.status, OutboxRow.channel_id, OutboxRow.scope)
            )
            counts: Counter[tuple[str, str]] = Counter()
            for status, channel_id, scope, count in rows:
                counts[status, kind_of(Target(channel_id, scope, ""))] += count
            return counts

    async def report_failing(self, now: datetime, tell: FailingRecipients) -> int:
        """Rows that failed past the fast attempts, or waited for their recipient longer
        than REPORT_AFTER, that nobody was told of yet: `tell` words the notices about their
        recipients, stored with the mark that they were told (once)."""
        async with self._sessions.begin() as session:
            rows = list(
                await session.execute(
                    select(OutboxRow.id, OutboxRow.channel_id, OutboxRow.scope, OutboxRow.scope_id)
                    .where(
                        or_(
                            OutboxRow.status.in_((PENDING, FAILED))
                            & (OutboxRow.attempts >= FAST_ATTEMPTS),
                            (OutboxRow.status == WAITING)
                            & (OutboxRow.created_at <= now - REPORT_AFTER),
                        ),
                        OutboxRow.reported_at.is_(None),
                        or_(
                            OutboxRow.notice_key.is_(None),
                            OutboxRow.notice_key.not_like(REPORT_KEY_PREFIX + "%"),
                        ),
                    )
                    .with_for_update(skip_locked=True)
                )
            )
            if not rows:
                return 0
            targets = [Target(channel, scope, scope_id) for _, channel, scope, scope_id in rows]
            add_notices(session, tell(targets), now, self.cipher)
            await session.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_([id for id, *_ in rows]))
                .values(reported_at=now)
            )
            return len(rows)

    async def retry_failed(self, now: datetime) -> int:
        """`retbot outbox retry`: every given-up message is due again, with a fresh round of
        attempts."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxRow)
                .where(OutboxRow.status == FAILED)
                .values(
                    status=PENDING,
                    attempts=0,
                    next_attempt_at=now,
                    reported_at=None,
                    claimed_by=None,
                    claimed_until=None,
                )
            )
            return result.rowcount

    async def prune(self, sent_before: datetime) -> int:
        """Removes sent messages once they are no longer worth keeping: their payloads are
        personal data. A message that did not go out is never removed here."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(OutboxRow).where(OutboxRow.status == SENT, OutboxRow.sent_at < sent_before)
            )
            return result.rowcount

    def _claimed(self, row: OutboxRow) -> Claimed:
        message, fallback, urgent = decode(self.cipher.decrypt(row.payload))
        return Claimed(
            id=row.id,
            key=row.notice_key,
            target=Target(row.channel_id, row.scope, row.scope_id),
            message=message,
            fallback=fallback,
            urgent=urgent,
            attempts=row.attempts,
            created_at=row.created_at,
            claim=row.claimed_by,
        )
