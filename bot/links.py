"""Signed, expiring links to the follow-up answer page, for people outside Teams.

A link carries the ask's id and its expiry, signed with RETBOT_LINK_KEY (itsdangerous,
HMAC-SHA1 over a URL-safe payload): it cannot be made up or altered, only used until it
expires, and an ask takes one answer (the page refuses a second). Without the key a random
one is made per process: fine for one local instance, but its links then die with it.
"""

import logging
import secrets
from datetime import datetime, timedelta

from itsdangerous import BadData, URLSafeSerializer

log = logging.getLogger("retbot.links")
LINK_VALID_FOR = timedelta(days=30)
SALT = "retbot.follow-up"


class LinkRefused(Exception):
    """The token is not one of ours, was altered, or has expired (`expired`)."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


class FollowUpLinks:
    def __init__(self, key: str, base_url: str, valid_for: timedelta = LINK_VALID_FOR) -> None:
        if not key:
            log.warning("RETBOT_LINK_KEY is not set: answer links work only in this process")
            key = secrets.token_urlsafe(32)
        self._serializer = URLSafeSerializer(key, salt=SALT)
        self._base_url = base_url.rstrip("/")
        self.valid_for = valid_for

    @property
    def valid_for_days(self) -> int:
        return self.valid_for.days

    def token(self, ask_id: int, expires_at: datetime) -> str:
        return self._serializer.dumps({"ask": ask_id, "until": int(expires_at.timestamp())})

    def url(self, ask_id: int, now: datetime) -> str:
        return f"{self._base_url}/follow-up/{self.token(ask_id, now + self.valid_for)}"

    def ask_of(self, token: str, now: datetime) -> int:
        """The ask a token is for; LinkRefused when it is not valid (now)."""
        try:
            payload = self._serializer.loads(token)
        except BadData:
            raise LinkRefused() from None
        if not isinstance(payload, dict):
            raise LinkRefused()
        ask_id, until = payload.get("ask"), payload.get("until")
        if type(ask_id) is not int or type(until) is not int:
            raise LinkRefused()
        if now.timestamp() >= until:
            raise LinkRefused(expired=True)
        return ask_id
