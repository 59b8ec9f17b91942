"""Turning an HTTP request into an Activity, or into a clear 4xx answer.

A gzip body is accepted (no channel is known to send one, but a proxy may): aiohttp
decodes it, and the size limit counts the decoded bytes, so a small body that inflates
beyond it gets 413, and one that does not decode 400. Any other encoding gets 415 before
its body is read; deflate too, which aiohttp would decode, but a broken deflate body can
leave aiohttp's reader waiting for ever. The JSON must be strict (no NaN or Infinity) and
at most MAX_DEPTH levels deep; its strings are cleaned of NUL and lone surrogates
(bot.clean_input) before anything reads them.
"""

import json
from collections.abc import Iterator
from urllib.parse import urlparse

from aiohttp import web
from botbuilder.schema import Activity
from msrest.exceptions import DeserializationError

from bot.clean_input import MAX_DEPTH, TooDeep, clean_json
from bot.wire import activity_from_wire

MAX_BODY_BYTES = 1024 * 1024
ENCODINGS = ("identity", "gzip")
REQUIRED_FIELDS = ("type", "channelId", "serviceUrl", "conversation.id", "from.id")


class BadActivityRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def response(self) -> web.Response:
        return web.json_response({"error": self.message}, status=self.status)


async def read_activity(request: web.Request) -> Activity:
    if request.content_type != "application/json":
        raise BadActivityRequest(415, "Content-Type must be application/json")
    if request.headers.get("Content-Encoding", "identity").strip().lower() not in ENCODINGS:
        raise BadActivityRequest(415, f"Content-Encoding must be one of {', '.join(ENCODINGS)}")
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise BadActivityRequest(413, f"body larger than {MAX_BODY_BYTES} bytes")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise BadActivityRequest(413, f"body larger than {MAX_BODY_BYTES} bytes") from None
    except (web.RequestPayloadError, ConnectionResetError):  # broken gzip or chunks, or gone
        raise BadActivityRequest(400, "body could not be read") from None
    try:
        body = clean_json(json.loads(raw, parse_constant=_not_json))
    except (RecursionError, TooDeep):  # json.loads itself stops at about 1000 levels
        raise BadActivityRequest(400, f"JSON nested deeper than {MAX_DEPTH} levels") from None
    except (ValueError, UnicodeDecodeError):
        raise BadActivityRequest(400, "body is not valid JSON") from None
    if not isinstance(body, dict):
        raise BadActivityRequest(400, "body must be a JSON object (an activity)")
    missing = [field for field in REQUIRED_FIELDS if not _present(body, field)]
    if missing:
        raise BadActivityRequest(400, f"activity misses required fields: {', '.join(missing)}")
    # They become URL paths, headers and log lines: a line break in one would forge those.
    unprintable = [field for field in REQUIRED_FIELDS if not _field(body, field).isprintable()]
    if unprintable:
        raise BadActivityRequest(400, f"not printable text: {', '.join(unprintable)}")
    if urlparse(body["serviceUrl"]).scheme not in ("http", "https"):
        raise BadActivityRequest(400, "serviceUrl must be an http(s) URL")
    try:
        activity = activity_from_wire(body)
    except (DeserializationError, TypeError, ValueError, AttributeError) as error:
        raise BadActivityRequest(400, f"activity is malformed: {_first_line(error)}") from None
    # msrest keeps a null in a list of models ("entities": [null]); the SDK then fails on it.
    holes = [key for key, items in _model_lists(activity) if None in items]
    if holes:
        raise BadActivityRequest(400, f"activity is malformed: null in {', '.join(holes)}")
    # The SDK reads every entity's type (looking for mentions): one without fails the turn.
    if any(not isinstance(entity.type, str) for entity in activity.entities or ()):
        raise BadActivityRequest(400, "activity is malformed: an entity without a type")
    return activity


def _model_lists(activity: Activity) -> Iterator[tuple[str, list]]:
    for name, spec in Activity._attribute_map.items():
        items = getattr(activity, name)
        if spec["type"].startswith("[") and items:
            yield spec["key"], items


def _not_json(constant: str) -> float:
    raise ValueError(f"{constant} is not JSON")


def _present(body: dict, dotted: str) -> bool:
    return bool(_field(body, dotted).strip())


def _field(body: dict, dotted: str) -> str:
    """The text at `dotted` ("conversation.id"); "" when there is none."""
    value: object = body
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return ""
        value = value.get(part)
    return value if isinstance(value, str) else ""


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:200] if str(error) else type(error).__name__
