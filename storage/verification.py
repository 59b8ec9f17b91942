"""Verification codes in the database (domain.verification), atomic on both databases.

- Issuing counts the address's codes for the day in one upsert that adds one only while
  the count is below the limit (`INSERT … ON CONFLICT DO UPDATE … WHERE sent < limit
  RETURNING`): two requests at once cannot both take the last code.
- Checking first takes a try with one conditional UPDATE (`tries_left > 0`, not expired,
  `RETURNING` the hash), then compares; a right code loses its remaining tries in the same
  transaction. PostgreSQL holds the row's lock until the commit and SQLite has one writer,
  so concurrent checks of one code queue on it: at most CODE_ATTEMPTS get an answer other
  than USED_UP, and only one gets RIGHT.
"""

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.notices import Notice
from domain.verification import (
    CODE_ATTEMPTS,
    CODES_PER_ADDRESS_PER_DAY,
    LINKS_PER_ADDRESS_PER_DAY,
    Checked,
    CodeCheck,
    Issued,
    StoredCode,
    address_key,
    code_day,
    matches,
    new_code,
)
from storage.encryption import PLAIN, FieldCipher
from storage.models import VerificationCodeRow, VerificationQuotaRow
from storage.outbox import add_notices
from storage.upsert import dialect_insert

Code, Quota = VerificationCodeRow, VerificationQuotaRow
LINK_KEY_PREFIX = "link:"  # a link's count is under the keyed hash of "link:<address>"


class SqlVerificationCodes:
    def __init__(
        self,
        sessions: async_sessionmaker,
        key: bytes,
        per_address_per_day: int = CODES_PER_ADDRESS_PER_DAY,
        cipher: FieldCipher = PLAIN,
    ) -> None:
        self._sessions = sessions
        self._key = key
        self._per_day = per_address_per_day
        self._cipher = cipher  # the e-mail with the code sits in the outbox

    async def issue(
        self,
        purpose: str,
        email: str,
        now: datetime,
        mail: Callable[[str], Sequence[Notice]] = lambda plain: (),
    ) -> tuple[Issued, list[Notice]] | None:
        key = address_key(email, self._key)
        async with self._sessions.begin() as session:
            if not await _count_one(session, key, now, self._per_day):
                return None
            plain, code = new_code(now)
            row = Code(
                purpose=purpose,
                address_key=key,
                salt=code.salt,
                digest=code.digest,
                tries_left=CODE_ATTEMPTS,
                valid_until=code.valid_until,
                created_at=now,
            )
            session.add(row)
            await session.flush()
            notices = list(mail(plain))
            add_notices(session, notices, now, self._cipher)
            return Issued(row.id, plain), notices

    async def check(self, code_id: int, email: str, given: str, now: datetime) -> Checked:
        mine = (Code.id == code_id, Code.address_key == address_key(email, self._key))
        async with self._sessions.begin() as session:
            taken = (
                await session.execute(
                    update(Code)
                    .where(*mine, Code.tries_left > 0, Code.valid_until > now)
                    .values(tries_left=Code.tries_left - 1)
                    .returning(Code.salt, Code.digest, Code.valid_until, Code.tries_left)
                )
            ).one_or_none()
            if taken is None:
                valid_until = await session.scalar(select(Code.valid_until).where(*mine))
                expired = valid_until is None or valid_until <= now
                return Checked(CodeCheck.EXPIRED if expired else CodeCheck.USED_UP, 0)
            salt, digest, valid_until, left = taken
            if matches(StoredCode(salt, digest, valid_until), given):
                await session.execute(update(Code).where(Code.id == code_id).values(tries_left=0))
                return Checked(CodeCheck.RIGHT, 0)
            return Checked(CodeCheck.WRONG if left else CodeCheck.USED_UP, left)


class SqlLinkQuota:
    """Personal links per address and day (domain.verification.LinkQuota), counted in the
    codes' table under a key of their own, so links and codes do not eat each other's."""

    def __init__(
        self,
        sessions: async_sessionmaker,
        key: bytes,
        per_address_per_day: int = LINKS_PER_ADDRESS_PER_DAY,
        cipher: FieldCipher = PLAIN,
    ) -> None:
        self._sessions = sessions
        self._key = key
        self._per_day = per_address_per_day
        self._cipher = cipher

    async def issue(
        self, email: str, now: datetime, mail: Callable[[], Sequence[Notice]]
    ) -> list[Notice] | None:
        key = address_key(LINK_KEY_PREFIX + email.strip(), self._key)
        async with self._sessions.begin() as session:
            if not await _count_one(session, key, now, self._per_day):
                return None
            notices = list(mail())
            add_notices(session, notices, now, self._cipher)
            return notices


async def _count_one(session: AsyncSession, key: str, now: datetime, limit: int) -> bool:
    """Adds one to the address's count for today, unless it is at `limit` (one upsert)."""
    count = (
        dialect_insert(session.bind.dialect, Quota)
        .values(address_key=key, day=code_day(now), sent=1)
        .on_conflict_do_update(
            index_elements=["address_key", "day"],
            set_={"sent": Quota.sent + 1},
            where=Quota.sent < limit,
        )
        .returning(Quota.sent)
    )
    return await session.scalar(count) is not None


async def prune_verification(sessions: async_sessionmaker, now: datetime) -> int:
    """Removes codes that no longer work and the counts of days that are over: what is left
    is today's, and nothing of it names anyone."""
    async with sessions.begin() as session:
        codes = await session.execute(delete(Code).where(Code.valid_until <= now))
        days = await session.execute(delete(Quota).where(Quota.day < code_day(now)))
        return codes.rowcount + days.rowcount
