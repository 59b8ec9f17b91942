"""Turning an HTTP request into an Activity, or into a clear 4xx answer."""

import json
from urllib.parse import urlparse

from aiohttp import web
from botbuilder.schema import Activity
from msrest.exceptions import DeserializationError

from bot.wire import activity_from_wire

MAX_BODY_BYTES = 1024 * 1024
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
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise BadActivityRequest(413, f"body larger than {MAX_BODY_BYTES} bytes")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise BadActivityRequest(413, f"body larger than {MAX_BODY_BYTES} bytes") from None
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise BadActivityRequest(400, "body is not valid JSON") from None
    if not isinstance(body, dict):
        raise BadActivityRequest(400, "body must be a JSON object (an activity)")
    missing = [field for field in REQUIRED_FIELDS if not _present(body, field)]
    if missing:
        raise BadActivityRequest(400, f"activity misses required fields: {', '.join(missing)}")
    if urlparse(body["serviceUrl"]).scheme not in ("http", "https"):
        raise BadActivityRequest(400, "serviceUrl must be an http(s) URL")
    try:
        return activity_from_wire(body)
    except (DeserializationError, TypeError, ValueError, AttributeError) as error:
        raise BadActivityRequest(400, f"activity is malformed: {_first_line(error)}") from None


def _present(body: dict, dotted: str) -> bool:
    value: object = body
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return False
        value = value.get(part)
    return isinstance(value, str) and bool(value.strip())


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:200] if str(error) else type(error).__name__
