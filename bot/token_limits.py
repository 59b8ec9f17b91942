"""How many Direct Line tokens GET /aanmelden/token hands out: per client address and in
total, each in a moving window (`limits`, kept in memory).

In memory means per process: a restart starts counting anew, and each instance counts for
itself. That is enough here: a token only opens a conversation, and what a conversation can
do that costs someone else (codes by e-mail) is counted in the database
(storage/verification.py).

The client address is the connection's peer, or, behind reverse proxies that the settings
trust (RETBOT_TRUSTED_PROXIES), the address the outermost of them put in X-Forwarded-For.
IPv6 addresses count per /64: one household or device gets a whole /64.
"""

import math
import time
from dataclasses import dataclass
from ipaddress import IPv6Address, ip_address, ip_network

from aiohttp import web
from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


@dataclass(frozen=True)
class Refusal:
    retry_after: int  # whole seconds until the window lets one more in
    total: bool  # the ceiling for everyone, rather than this address's limit


class TokenLimits:
    def __init__(self, per_address: str, total: str) -> None:
        """Limits in `limits`' notation, e.g. "10 per 10 minutes", "300/hour"."""
        self._per_address = parse(per_address)
        self._total = parse(total)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def admit(self, address: str) -> Refusal | None:
        """Counts one token for the address and in total, or says why not and how long to
        wait. Synchronous, so nothing else runs between the test and the count."""
        windows = ((self._per_address, ("address", address)), (self._total, ("total",)))
        for item, keys in windows:
            if not self._limiter.test(item, *keys):
                return Refusal(self._wait(item, keys), total=item is self._total)
        for item, keys in windows:
            self._limiter.hit(item, *keys)
        return None

    def _wait(self, item: RateLimitItem, keys: tuple[str, ...]) -> int:
        reset = self._limiter.get_window_stats(item, *keys).reset_time
        return max(1, math.ceil(reset - time.time()))


def client_address(request: web.Request, trusted_proxies: int) -> str:
    """Each proxy appends the address it saw to X-Forwarded-For; what stands left of the
    trusted ones came from the client and may be made up, so it is never read."""
    if trusted_proxies:
        forwarded = ",".join(request.headers.getall("X-Forwarded-For", []))
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= trusted_proxies:
            return _counted_as(hops[-trusted_proxies])
    return _counted_as(request.remote or "")


def _counted_as(raw: str) -> str:
    """An IPv4 address as it is, an IPv6 address as its /64; a port (Azure's proxies add
    one) is dropped."""
    host = raw.strip()
    if host.startswith("[") and "]" in host:  # [2001:db8::1]:443
        host = host[1 : host.index("]")]
    elif host.count(":") == 1:  # 192.0.2.1:5678
        host = host.split(":")[0]
    try:
        address = ip_address(host)
    except ValueError:
        return host
    if isinstance(address, IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ip_network(f"{address}/64", strict=False))
    return str(address)
