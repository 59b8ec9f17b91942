"""Signed, expiring links for people outside Teams: the follow-up answer page, the
calendar file of a RET meeting, the newest version of a document, the evaluation of a
closed case, an organisation's mandate answer to an advice, and a referrer's personal
pages to apply (with the Web Chat user id that says who they are) and to see their cases.

A link carries one id and its expiry, signed with RETBOT_LINK_KEY (itsdangerous,
HMAC-SHA1 over a URL-safe payload; each kind of link has its own salt, so one kind cannot
stand in for another): it cannot be made up or altered, only used until it expires. Without
the key a random one is made per process: fine for one local instance, but its links then
die with it.

A valid signature says the link is ours, not that its id is sane: whatever a token carries
is bounded here (an id a database column can hold, printable text of a sensible length,
a period within domain.report's bounds), so every page behind a link answers 404 for it
instead of failing in the database.
"""

import logging
import secrets
from datetime import datetime, timedelta
from functools import cache

from itsdangerous import BadData, URLSafeSerializer

from domain.report import Period
from storage.database import is_row_id

log = logging.getLogger("retbot.links")
LINK_VALID_FOR = timedelta(days=30)
SALT = "retbot.follow-up"
AGENDA_SALT = "retbot.agenda"
AGENDA_VALID_AFTER = timedelta(days=7)
DOCUMENT_SALT = "retbot.document"
REPORT_SALT = "retbot.report"
EVALUATION_SALT = "retbot.evaluation"
MANDATE_SALT = "retbot.mandate"
REPORT_VALID_FOR = timedelta(days=7)
APPLY_SALT = "retbot.referrer-apply"
APPLY_VALID_FOR = timedelta(days=7)
CASES_SALT = "retbot.referrer-cases"
QUESTION_SALT = "retbot.referrer-question"
ATTENDANCE_SALT = "retbot.referrer-attendance"
REFERRER_ID_SALT = "retbot.referrer-id"
REFERRER_ID_PREFIX = "dl_ref_"  # Direct Line wants user ids that start with "dl_"
MAX_TEXT_ID = 200  # characters; uids, "advies/RET-2026-0001", "2026-01-01/2026-03-31"


class LinkRefused(Exception):
    """The token is not one of ours, was altered, or has expired (`expired`)."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


@cache
def _process_key() -> str:
    """Without RETBOT_LINK_KEY: a key of this process alone (said once, at start)."""
    log.warning(
        "RETBOT_LINK_KEY is not set: signed links (answer pages, calendar files, documents, "
        "reports, referrer pages) work only in this process and stop when it stops"
    )
    return secrets.token_urlsafe(32)


class _SignedIds:
    """Tokens that carry `{field: id, "until": timestamp}`; the id is of type `kind`."""

    def __init__(self, key: str, base_url: str, salt: str, field: str, kind: type) -> None:
        self._serializer = URLSafeSerializer(key or _process_key(), salt=salt)
        self._base_url = base_url.rstrip("/")
        self._field = field
        self._kind = kind

    def token(self, id: int | str, expires_at: datetime) -> str:
        return self._serializer.dumps({self._field: id, "until": int(expires_at.timestamp())})

    def id_of(self, token: str, now: datetime) -> int | str:
        """The id a token is for; LinkRefused when it is not valid (now)."""
        try:
            payload = self._serializer.loads(token)
        except BadData:
            raise LinkRefused() from None
        if not isinstance(payload, dict):
            raise LinkRefused()
        id, until = payload.get(self._field), payload.get("until")
        if type(id) is not self._kind or type(until) is not int or not _sane(id):
            raise LinkRefused()
        if now.timestamp() >= until:
            raise LinkRefused(expired=True)
        return id


def _sane(id: int | str) -> bool:
    """An id that can exist: a positive database integer, or printable text (no NUL, no
    lone surrogate, no control character) of at most MAX_TEXT_ID characters."""
    if isinstance(id, int):
        return is_row_id(id)
    return 0 < len(id) <= MAX_TEXT_ID and id.isprintable()


class FollowUpLinks(_SignedIds):
    """To the answer page of one ask; an ask takes one answer (the page refuses a second)."""

    def __init__(self, key: str, base_url: str, valid_for: timedelta = LINK_VALID_FOR) -> None:
        super().__init__(key, base_url, SALT, "ask", int)
        self.valid_for = valid_for

    @property
    def valid_for_days(self) -> int:
        return self.valid_for.days

    def url(self, ask_id: int, now: datetime) -> str:
        return f"{self._base_url}/follow-up/{self.token(ask_id, now + self.valid_for)}"

    def ask_of(self, token: str, now: datetime) -> int:
        return self.id_of(token, now)


class AgendaLinks(_SignedIds):
    """To the .ics file of one booking (by its calendar UID); valid until a week after the
    meeting ends. A moved booking keeps its UID: an old link gives the new moment."""

    def __init__(self, key: str, base_url: str) -> None:
        super().__init__(key, base_url, AGENDA_SALT, "booking", str)

    def url(self, uid: str, meeting_end: datetime) -> str:
        token = self.token(uid, meeting_end + AGENDA_VALID_AFTER)
        return f"{self._base_url}/agenda/{token}.ics"


class DocumentLinks(_SignedIds):
    """To the newest version of one document ("advies/RET-2026-0001"): a link sent with the
    first version also gives the one made after the last mandate answer."""

    def __init__(self, key: str, base_url: str, valid_for: timedelta = LINK_VALID_FOR) -> None:
        super().__init__(key, base_url, DOCUMENT_SALT, "document", str)
        self.valid_for = valid_for

    @property
    def valid_for_days(self) -> int:
        return self.valid_for.days

    def url(self, kind: str, subject: str, now: datetime) -> str:
        token = self.token(f"{kind}/{subject}", now + self.valid_for)
        return f"{self._base_url}/documents/{token}"

    def document_of(self, token: str, now: datetime) -> tuple[str, str]:
        """(kind, subject); LinkRefused when the token is not valid (now)."""
        kind, _, subject = self.id_of(token, now).partition("/")
        if not kind or not subject:
            raise LinkRefused()
        return kind, subject


class ReportLinks(_SignedIds):
    """To the report over one period ("2026-01-01/2026-03-31"), made when it is fetched;
    valid for a week."""

    def __init__(self, key: str, base_url: str) -> None:
        super().__init__(key, base_url, REPORT_SALT, "period", str)

    def period_of(self, token: str, now: datetime) -> Period:
        """The period; LinkRefused when the token is not valid (now) or its period is not
        one domain.report accepts (backwards, or outside the years a report covers)."""
        try:
            return Period.from_code(self.id_of(token, now))
        except ValueError:
            raise LinkRefused() from None

    def url(self, period: str, fmt: str, now: datetime) -> str:
        return f"{self._base_url}/rapportage/{self.token(period, now + REPORT_VALID_FOR)}.{fmt}"


class _AddressLinks(_SignedIds):
    """To a page for one referrer's work address (the one the link was mailed to)."""

    path = ""

    def __init__(self, key: str, base_url: str, salt: str, valid_for: timedelta) -> None:
        super().__init__(key, base_url, salt, "referrer", str)
        self.valid_for = valid_for

    @property
    def valid_for_days(self) -> int:
        return self.valid_for.days

    def url(self, email: str, now: datetime) -> str:
        return f"{self._base_url}{self.path}/{self.token(email, now + self.valid_for)}"

    def email_of(self, token: str, now: datetime) -> str:
        """The address; LinkRefused when the token is not valid (now)."""
        return self.id_of(token, now)


class ReferrerApplyLinks(_AddressLinks):
    """To the aanmelding on retbot's own page; valid for a week."""

    path = "/verwijzers/aanmelden"

    def __init__(self, key: str, base_url: str, valid_for: timedelta = APPLY_VALID_FOR) -> None:
        super().__init__(key, base_url, APPLY_SALT, valid_for)


class ReferrerCasesLinks(_AddressLinks):
    """To the page 'Mijn casussen' of a referrer outside Teams; valid for a week."""

    path = "/verwijzers/casussen"

    def __init__(self, key: str, base_url: str, valid_for: timedelta = APPLY_VALID_FOR) -> None:
        super().__init__(key, base_url, CASES_SALT, valid_for)


class QuestionLinks(_SignedIds):
    """To the voorzitter's question about one case (its number), for a referrer outside
    Teams; the page takes one answer while the question is open."""

    def __init__(self, key: str, base_url: str, valid_for: timedelta = LINK_VALID_FOR) -> None:
        super().__init__(key, base_url, QUESTION_SALT, "case", str)
        self.valid_for = valid_for

    @property
    def valid_for_days(self) -> int:
        return self.valid_for.days

    def url(self, number: str, now: datetime) -> str:
        return f"{self._base_url}/verwijzers/vraag/{self.token(number, now + self.valid_for)}"

    def case_of(self, token: str, now: datetime) -> str:
        """The case number; LinkRefused when the token is not valid (now)."""
        return self.id_of(token, now)


class AttendanceLinks(_SignedIds):
    """To 'Ik kom / Ik kan niet' for the RET-tafel of one case (its number), for a referrer
    outside Teams; valid until a week after the meeting, like its calendar file."""

    def __init__(self, key: str, base_url: str) -> None:
        super().__init__(key, base_url, ATTENDANCE_SALT, "case", str)

    def url(self, number: str, meeting_end: datetime) -> str:
        token = self.token(number, meeting_end + AGENDA_VALID_AFTER)
        return f"{self._base_url}/verwijzers/overleg/{token}"

    def case_of(self, token: str, now: datetime) -> str:
        """The case number; LinkRefused when the token is not valid (now)."""
        return self.id_of(token, now)


class ReferrerIds:
    """The Direct Line user id of a referrer on their page: their address, signed without
    an expiry. The page's token endpoint binds a conversation to it (only for a valid
    link), the bot reads the address back from it (dialogs.web_chat), and a draft resumes
    from any later link to the same address. Not secret from its owner; unforgeable."""

    def __init__(self, key: str) -> None:
        self._serializer = URLSafeSerializer(key or _process_key(), salt=REFERRER_ID_SALT)

    def user_id(self, email: str) -> str:
        return REFERRER_ID_PREFIX + self._serializer.dumps(email.strip().casefold())

    def email_of(self, user_id: str) -> str | None:
        """The address a user id was made for; None for any other id (a family's)."""
        if not user_id.startswith(REFERRER_ID_PREFIX):
            return None
        try:
            email = self._serializer.loads(user_id.removeprefix(REFERRER_ID_PREFIX))
        except BadData:
            return None
        return email if isinstance(email, str) and _sane(email) else None


class EvaluationLinks(_SignedIds):
    """To the evaluation page of one person asked about one closed case
    ("RET-2026-0001|t.wennink@…"); the page takes one answer of them."""

    def __init__(self, key: str, base_url: str, valid_for: timedelta = LINK_VALID_FOR) -> None:
        super().__init__(key, base_url, EVALUATION_SALT, "evaluation", str)
        self.valid_for = valid_for

    @property
    def valid_for_days(self) -> int:
        return self.valid_for.days

    def url(self, number: str, respondent: str, now: datetime) -> str:
        token = self.token(f"{number}|{respondent}", now + self.valid_for)
        return f"{self._base_url}/evaluatie/{token}"

    def evaluation_of(self, token: str, now: datetime) -> tuple[str, str]:
        """(case number, respondent key); LinkRefused when the token is not valid (now)."""
        number, _, respondent = self.id_of(token, now).partition("|")
        if not number or not respondent:
            raise LinkRefused()
        return number, respondent


class MandateLinks(_SignedIds):
    """To the mandate page of one organisation's part in one advice
    ("RET-2026-0001|Gemeente Enschede"), for the contact the RET file names for it."""

    def __init__(self, key: str, base_url: str, valid_for: timedelta = LINK_VALID_FOR) -> None:
        super().__init__(key, base_url, MANDATE_SALT, "mandate", str)
        self.valid_for = valid_for

    @property
    def valid_for_days(self) -> int:
        return self.valid_for.days

    def url(self, number: str, organisation: str, now: datetime) -> str:
        token = self.token(f"{number}|{organisation}", now + self.valid_for)
        return f"{self._base_url}/mandaat/{token}"

    def mandate_of(self, token: str, now: datetime) -> tuple[str, str]:
        """(case number, organisation); LinkRefused when the token is not valid (now)."""
        number, _, organisation = self.id_of(token, now).partition("|")
        if not number or not organisation:
            raise LinkRefused()
        return number, organisation
