"""The floor: plain aiohttp doing only the protocol work of a turn.

Parses the activity and POSTs one reply to its serviceUrl with one shared ClientSession.
No SDK, no state: what a turn costs at the least on this machine.
Run: python bench/bare_floor.py PORT
"""

import sys
import uuid

from aiohttp import ClientSession, web


async def _client(app: web.Application):
    app["http"] = ClientSession()
    yield
    await app["http"].close()


async def messages(request: web.Request) -> web.Response:
    activity = await request.json()
    if activity.get("type") == "message":
        reply = {
            "type": "message",
            "id": uuid.uuid4().hex,
            "text": f"Echo: {activity.get('text')}",
            "from": activity["recipient"],
            "recipient": activity["from"],
            "conversation": activity["conversation"],
            "replyToId": activity.get("id"),
        }
        url = (
            f"{activity['serviceUrl'].rstrip('/')}/v3/conversations/"
            f"{activity['conversation']['id']}/activities/{activity.get('id')}"
        )
        async with request.app["http"].post(url, json=reply) as response:
            await response.read()
    return web.Response(status=201)


def main(port: int) -> None:
    app = web.Application()
    app.cleanup_ctx.append(_client)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", lambda _request: web.json_response({"status": "ok"}))
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main(int(sys.argv[1]))
