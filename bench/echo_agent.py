"""The Agents SDK's own echo agent (AgentApplication, its aiohttp CloudAdapter and JWT
middleware, anonymous as in local development): the yardstick.

Built as the SDK's quickstart sample builds it, served with the SDK's stock request
handling. Needs the `bench` extra (microsoft-agents-hosting-aiohttp).
Run: python bench/echo_agent.py PORT
"""

import sys

from aiohttp import web
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import (
    CloudAdapter,
    jwt_authorization_middleware,
    start_agent_process,
)
from microsoft_agents.hosting.core import (
    AgentApplication,
    AgentAuthConfiguration,
    MemoryStorage,
    TurnContext,
    TurnState,
)


def echo_agent() -> tuple[AgentApplication, AgentAuthConfiguration]:
    local = AgentAuthConfiguration(anonymous_allowed=True)
    connections = MsalConnectionManager(connections_configurations={"SERVICE_CONNECTION": local})
    app = AgentApplication[TurnState](
        storage=MemoryStorage(),
        adapter=CloudAdapter(connection_manager=connections),
        connection_manager=connections,
    )

    @app.activity("message")
    async def on_message(context: TurnContext, _state: TurnState) -> None:
        await context.send_activity(f"Echo: {context.activity.text}")

    return app, local


def main(port: int) -> None:
    agent, configuration = echo_agent()

    async def messages(request: web.Request) -> web.Response:
        return await start_agent_process(request, agent, agent.adapter)

    app = web.Application(middlewares=[jwt_authorization_middleware])
    app["agent_configuration"] = configuration
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", lambda _request: web.json_response({"status": "ok"}))
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main(int(sys.argv[1]))
