"""What an invoke gets back: its outcome, a refusal, or word that its turn failed.

For `adaptiveCard/action` Teams documents the answer ("Universal Actions for Adaptive
Cards", response format): a bot that processed the invoke answers HTTP 200, and the body
says how it went: `statusCode` (a sub-status of 200-599), `type` and `value`. An error is
`application/vnd.microsoft.error` with an Error object `{"code", "message"}` as value, and
Teams shows that message on the card; a bare HTTP 4xx/5xx only gets a generic failure
there. The codes are the names the Bot Framework's own response factory uses.

Other invokes (file consent) have no such body: they get the HTTP status itself, with the
message in a small JSON body. Either way the answer is one the channel understands, never
the SDK's 501 for an invoke that got no response.
"""

from http import HTTPStatus

from microsoft_agents.activity import InvokeResponse

CARD_ACTION_INVOKE = "adaptiveCard/action"
CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"
ERROR = "application/vnd.microsoft.error"


def card_outcome(value: dict | str) -> InvokeResponse:
    """The card that replaces the clicked one (a dict), or a message to show (a str). The
    SDK's model types `value` as a dict, so the body is built as plain JSON."""
    kind = CARD if isinstance(value, dict) else MESSAGE
    return InvokeResponse(status=200, body={"statusCode": 200, "type": kind, "value": value})


def invoke_error(name: str | None, status: int, message: str) -> InvokeResponse:
    """An invoke that did not succeed, as `status` (400, 403, 500, ...) says."""
    if name != CARD_ACTION_INVOKE:
        return InvokeResponse(status=status, body={"error": message})
    code = HTTPStatus(status).phrase.replace(" ", "")  # "BadRequest", "InternalServerError"
    error = {"code": code, "message": message}
    return InvokeResponse(status=200, body={"statusCode": status, "type": ERROR, "value": error})
