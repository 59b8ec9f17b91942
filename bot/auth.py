"""Who may post to /api/messages: the Bot Connector, with a token it signed for this bot.

The Agents SDK's validator fetches its keys from hard-coded addresses, does not require
`exp`, and leaves the token's `serviceurl` and the keys' channel endorsements unchecked;
retbot checks all of it here, with PyJWT:

- signed with RS256 by a key from the Bot Connector's OpenID metadata (kept a day, read
  again when a token names a key it does not know, at most every five minutes);
- issued by the Bot Connector, for this bot (`aud` is its app id), not expired, with an
  `exp` that is a number;
- that key endorsed for the activity's channel, and the token's `serviceurl` the
  activity's serviceUrl: a token for one channel or service cannot be replayed to another.

Without an app id (local mode) every request is anonymous, as for the Emulator.
"""

import asyncio
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass

import aiohttp
import jwt
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import ClaimsIdentity

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
LEEWAY_SECONDS = 300  # clock skew between the Bot Connector and this machine
KEYS_KEPT_SECONDS = 24 * 3600
UNKNOWN_KEY_RETRY_SECONDS = 300
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=10)


class Unauthorized(Exception):
    """The request does not carry a token this bot accepts (the reason is for the log)."""


class NeverExpires(Unauthorized):
    """The token has no usable `exp` claim."""


def require_expiry(claims: Mapping[str, object]) -> None:
    """NeverExpires unless `exp` is a JSON number (seconds since 1970, RFC 7519 4.1.4).
    PyJWT also reads text such as "9999999999" as an expiry."""
    expiry = claims.get("exp")
    if expiry is None:
        raise NeverExpires("token has no exp claim")
    if isinstance(expiry, bool) or not isinstance(expiry, int | float) or not math.isfinite(expiry):
        raise NeverExpires("token exp claim is not a number")


@dataclass(frozen=True)
class SigningKey:
    key: jwt.PyJWK
    endorsements: frozenset[str]  # the channels ("msteams", "email", …) it may sign for


class SigningKeys:
    """The Bot Connector's public keys, from its OpenID metadata."""

    def __init__(self, metadata_url: str) -> None:
        self._metadata_url = metadata_url
        self._keys: dict[str, SigningKey] = {}
        self._fetched_at = -math.inf
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> SigningKey:
        now = time.monotonic()
        stale = now - self._fetched_at > KEYS_KEPT_SECONDS
        unknown = kid not in self._keys and now - self._fetched_at > UNKNOWN_KEY_RETRY_SECONDS
        if stale or unknown:
            async with self._lock:  # one fetch for all the turns that wait for it
                if self._fetched_at < now:
                    self._keys = await self._fetch()
                    self._fetched_at = time.monotonic()
        if kid not in self._keys:
            raise Unauthorized(f"no signing key {kid!r}")
        return self._keys[kid]

    async def _fetch(self) -> dict[str, SigningKey]:
        try:
            async with aiohttp.ClientSession(timeout=FETCH_TIMEOUT) as session:
                async with session.get(self._metadata_url) as response:
                    response.raise_for_status()
                    metadata = await response.json(content_type=None)
                async with session.get(metadata["jwks_uri"]) as response:
                    response.raise_for_status()
                    jwks = await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, KeyError, ValueError, TypeError) as error:
            raise Unauthorized(f"could not read the signing keys: {error!r}") from None
        keys = {}
        for data in jwks.get("keys", []):
            try:
                key = jwt.PyJWK(data)
            except jwt.PyJWTError:
                continue  # a kind of key PyJWT cannot use; tokens signed with it fail
            endorsements = frozenset(data.get("endorsements") or ())
            keys[data.get("kid", "")] = SigningKey(key, endorsements)
        return keys


class ChannelTokens:
    """Checks the Authorization header of an inbound activity."""

    def __init__(self, app_id: str, keys: SigningKeys) -> None:
        self._app_id = app_id
        self._keys = keys

    async def identity(self, authorization: str | None, activity: Activity) -> ClaimsIdentity:
        """Raises Unauthorized for anything but a valid token for this bot."""
        if not self._app_id:
            return ClaimsIdentity({}, authentication_type="anonymous")
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Unauthorized("no bearer token")
        try:
            header = jwt.get_unverified_header(token)
            signing = await self._keys.key(str(header.get("kid", "")))
            claims = jwt.decode(
                token,
                signing.key,
                algorithms=["RS256"],
                audience=self._app_id,
                issuer=BOT_FRAMEWORK_ISSUER,
                leeway=LEEWAY_SECONDS,
                options={"require": ["iss", "aud"]},  # exp: require_expiry
            )
        except jwt.PyJWTError as error:
            raise Unauthorized(f"{type(error).__name__}: {error}") from None
        require_expiry(claims)
        if signing.endorsements and activity.channel_id not in signing.endorsements:
            raise Unauthorized(f"key not endorsed for channel {activity.channel_id}")
        if claims.get("serviceurl") != activity.service_url:
            raise Unauthorized("token for another serviceUrl")
        return ClaimsIdentity(claims, authentication_type="Bearer", security_token=token)
