"""Six-digit codes that show someone reads an e-mail address: how a code is made and
checked, how long it works, how many tries and how many codes an address gets. For any
purpose (a parent applying themselves; later a professional's work address).

What is kept of a code is only its salted hash; of the address only a keyed hash
(`address_key`), enough to count its codes per day and to tie a code to it, not to read it.
"""

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from domain.meetings import AMSTERDAM
from domain.notices import Notice

CODE_LENGTH = 6
CODE_VALID = timedelta(minutes=30)
CODE_ATTEMPTS = 5  # tries of one code, right or wrong: a guess has 5 in a million chances
CODES_PER_ADDRESS_PER_DAY = 5  # a public page must not flood an inbox; 5 covers a typo and
# a mail in the junk folder, and keeps the guesses at an address to 25 a day
LINKS_PER_ADDRESS_PER_DAY = 3  # personal links to apply (a referrer mailing the RET): a lost
# mail and a second try, not a stream of mails to an address someone else typed in a From


class CodeCheck(StrEnum):
    RIGHT = "right"  # and now used: it works once
    WRONG = "wrong"
    EXPIRED = "expired"  # its 30 minutes are over, or no such code
    USED_UP = "used_up"  # its tries are over, or it was used


@dataclass(frozen=True)
class Issued:
    """A new code: its id (to check it by) and the digits to send, which are not kept."""

    id: int
    plain: str


@dataclass(frozen=True)
class Checked:
    outcome: CodeCheck
    tries_left: int


@dataclass(frozen=True)
class StoredCode:
    """What is kept of a code."""

    salt: str
    digest: str
    valid_until: datetime


class VerificationCodes(Protocol):
    async def issue(
        self,
        purpose: str,
        email: str,
        now: datetime,
        mail: Callable[[str], Sequence[Notice]] = lambda plain: (),
    ) -> tuple[Issued, list[Notice]] | None:
        """A new code for the address, counted against its codes for today, stored with
        the e-mail that carries it (`mail` words it from the digits, which are not kept);
        None when the address has had CODES_PER_ADDRESS_PER_DAY codes today already."""
        ...

    async def check(self, code_id: int, email: str, given: str, now: datetime) -> Checked:
        """Uses one try of the code, atomically, before comparing: however many checks
        arrive at once, a code answers at most CODE_ATTEMPTS of them, and RIGHT once."""
        ...


class LinkQuota(Protocol):
    async def issue(
        self, email: str, now: datetime, mail: Callable[[], Sequence[Notice]]
    ) -> list[Notice] | None:
        """Counts one personal link for the address today and stores the e-mail that
        carries it (`mail`) with the count; None when the address has had
        LINKS_PER_ADDRESS_PER_DAY links today already."""
        ...


def new_code(now: datetime) -> tuple[str, StoredCode]:
    plain = f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"
    salt = secrets.token_hex(8)
    return plain, StoredCode(salt, _digest(salt, plain), now + CODE_VALID)


def matches(code: StoredCode, given: str) -> bool:
    """Spaces in what was typed do not count ("123 456")."""
    typed = re.sub(r"\s", "", given)
    return hmac.compare_digest(_digest(code.salt, typed), code.digest)


def address_secret(secret: str) -> bytes:
    """The key of `address_key`, derived from a setting's secret (RETBOT_LINK_KEY) so that
    one secret does not serve two jobs as it is; empty without a secret."""
    if not secret:
        return b""
    return hmac.new(secret.encode(), b"retbot.verification-address", hashlib.sha256).digest()


def address_key(email: str, key: bytes) -> str:
    """HMAC-SHA256 of the address (trimmed, case-folded) with `key`; without a key a plain
    SHA-256, which hides the address from a glance but not from someone who guesses it."""
    normalised = email.strip().casefold().encode()
    if not key:
        return hashlib.sha256(normalised).hexdigest()
    return hmac.new(key, normalised, hashlib.sha256).hexdigest()


def code_day(now: datetime) -> date:
    """The day the codes are counted in: the Dutch calendar day, so 'today' is the day the
    applicant lives in."""
    return now.astimezone(AMSTERDAM).date()


def _digest(salt: str, plain: str) -> str:
    return hashlib.sha256(f"{salt}:{plain}".encode()).hexdigest()
