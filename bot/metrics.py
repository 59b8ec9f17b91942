"""GET /metrics in Prometheus's text format. Counts and timings only, never who or what:
the labels are a channel, an activity type, a kind of recipient, a status, a way of sending
or a kind of document; never a name, case number, address, id or text.

Counters and the turn histogram are this process's (each instance has its own /metrics);
the outbox figures are the database's, the same on every instance."""

import hmac
import time
from collections.abc import Iterator
from contextlib import contextmanager

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

from bot import __version__
from storage.outbox import OutboxRepository, Target, kind_of

# Labels come from the activity; only known values are kept, anything else is "other".
CHANNELS = frozenset({"msteams", "email", "webchat", "directline", "emulator"})
ACTIVITY_TYPES = frozenset(
    {"message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event"}
)

TURNS = Counter("retbot_turns", "Activities retbot handled", ["channel", "type"])
TURN_SECONDS = Histogram(
    "retbot_turn_seconds",
    "How long handling one activity took, replies included",
    ["channel"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
OUTBOX = Gauge(
    "retbot_outbox_messages",
    "Messages in the outbox not sent yet, by status (pending, waiting, failed) and kind of "
    "recipient (chat, member, chair, email, job)",
    ["status", "kind"],
)
DELIVERED = Counter(
    "retbot_outbox_delivered",
    "Messages this instance delivered, by way (teams, email: the e-mails sent; job) and kind",
    ["via", "kind"],
)
ATTEMPTS_FAILED = Counter(
    "retbot_outbox_attempts_failed", "Attempts to send that failed, by kind of recipient", ["kind"]
)
BUILD = Gauge("retbot_build_info", "The running retbot's version", ["version"])
BUILD.labels(__version__).set(1)


@contextmanager
def timed_turn(channel_id: str | None, activity_type: str | None) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        channel = channel_id if channel_id in CHANNELS else "other"
        kind = activity_type if activity_type in ACTIVITY_TYPES else "other"
        TURNS.labels(channel, kind).inc()
        TURN_SECONDS.labels(channel).observe(time.perf_counter() - started)


def delivered(via: str, target: Target) -> None:
    DELIVERED.labels(via, kind_of(target)).inc()


def attempt_failed(target: Target) -> None:
    ATTEMPTS_FAILED.labels(kind_of(target)).inc()


class MetricsPage:
    """GET /metrics; with RETBOT_METRICS_TOKEN only for `Authorization: Bearer <token>`."""

    def __init__(self, outbox: OutboxRepository, token: str) -> None:
        self._outbox = outbox
        self._token = token

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/metrics", self.show)

    async def show(self, request: web.Request) -> web.Response:
        if self._token and not hmac.compare_digest(
            request.headers.get("Authorization", "").encode(), f"Bearer {self._token}".encode()
        ):
            return web.json_response({"error": "unauthorized"}, status=401)
        OUTBOX.clear()
        for (status, kind), count in (await self._outbox.unsent_counts()).items():
            OUTBOX.labels(status, kind).set(count)
        body = generate_latest()
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
