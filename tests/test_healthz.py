"""GET /healthz tells whether retbot and its database answer."""

from bot import __version__
from bot.app import RETBOT
from storage.database import create_engine


async def test_healthy(bot, http):
    async with http.get(f"{bot.url}/healthz") as response:
        assert response.status == 200
        assert await response.json() == {"status": "ok", "database": "ok", "version": __version__}


async def test_unreachable_database_is_503_with_a_reason(bot, http):
    retbot = bot.app[RETBOT]
    healthy_engine = retbot.engine
    # Nothing listens on port 9 of loopback: connecting is refused at once.
    retbot.engine = create_engine("postgresql+asyncpg://postgres@127.0.0.1:9/none")
    try:
        async with http.get(f"{bot.url}/healthz") as response:
            body = await response.json()
            status = response.status
    finally:
        await retbot.engine.dispose()
        retbot.engine = healthy_engine

    assert status == 503
    assert body["status"] == "error"
    assert body["database"].startswith("unreachable: ")
