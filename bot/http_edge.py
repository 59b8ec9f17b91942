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
import logging
from urllib.parse import urlparse

from aiohttp import web
from microsoft_agents.activity import Activity
from pydantic import ValidationError

from bot.clean_input import MAX_DEPTH, TooDeep, clean_json

# The SDK logs a failed validation with the values it was given (a user's text, say); the
# 400 below says what was wrong without them.
logging.getLogger("microsoft_agents.activity.activity").setLevel(logging.CRITICAL)
MAX_BODY_BYTES = 1024 * 1024
ENCODINGS = ("identity", "gzip")
# Every channel names the bot as the recipient; a proactive message later is addressed from it.
REQUIRED_FIELDS = ("type", "channelId", "serviceUrl", "conversation.id", "from.id", "recipient.id")
# The activity's lists of models (`value` and `channelData` are free JSON, nulls and all).
MODEL_LISTS = (
    "attachments",
    "entities",
    "membersAdded",
    "membersRemoved",
    "reactionsAdded",
    "reactionsRemoved",
    "textHighlights",
)


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
    holes = [key for key in MODEL_LISTS if isinstance(body.get(key), list) and None in body[key]]
    if holes:
        raise BadActivityRequest(400, f"activity is malformed: null in {', '.join(holes)}")
    # The SDK reads every entity's type (looking for mentions): one without fails the turn.
    entities = body.get("entities") if isinstance(body.get("entities"), list) else []
    if any(not isinstance(e, dict) or not isinstance(e.get("type"), str) for e in entities):
        raise BadActivityRequest(400, "activity is malformed: an entity without a type")
    try:
        return Activity.model_validate(body)
    except ValidationError as error:
        where = ".".join(str(part) for part in error.errors()[0]["loc"])
        raise BadActivityRequest(400, f"activity is malformed: {where or 'the activity'}") from None


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
