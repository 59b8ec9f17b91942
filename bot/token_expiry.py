"""A Bot Framework token must expire: the one check the SDK leaves out.

botbuilder validates signature, issuer, audience, endorsements and, if present, `exp`; a
token without `exp` (or with one PyJWT reads as a number although it is text, "9999999999")
passes, and would be valid forever. This runs after the SDK, on the claims it has already
validated, so it needs nothing from botbuilder and can stay as is under the Agents SDK.
"""

import math
from collections.abc import Mapping


class NeverExpires(PermissionError):
    """The token has no usable `exp` claim."""


def require_expiry(claims: Mapping[str, object]) -> None:
    """NeverExpires unless `exp` is a JSON number (seconds since 1970, RFC 7519 4.1.4)."""
    expiry = claims.get("exp")
    if expiry is None:
        raise NeverExpires("token has no exp claim")
    if isinstance(expiry, bool) or not isinstance(expiry, int | float) or not math.isfinite(expiry):
        raise NeverExpires("token exp claim is not a number")
