"""GET /aanmelden and its token endpoint through the real app: Web Chat served by retbot,
the Direct Line secret exchanged for a token at a local Direct Line, and a clear page and
503 without a secret."""

import pytest

from bot.settings import Settings
from tests.directline_server import SECRET, DirectLineServer
from tests.support import RunningBot


@pytest.fixture
async def directline():
    server = await DirectLineServer().start()
    yield server
    await server.stop()


@pytest.fixture
async def set_up_bot(database_url, ret, directline):
    settings = Settings(
        database_url=database_url,
        directline_secret=SECRET,
        directline_url=directline.url,
        embed_origins="https://www.ret-twente.example",
    )
    running = await RunningBot(settings, ret).start()
    yield running
    await running.stop()


async def test_the_page_loads_web_chat_from_retbot_itself(set_up_bot, http, directline):
    async with http.get(f"{set_up_bot.url}/aanmelden") as response:
        page = await response.text()
        policy = response.headers["Content-Security-Policy"]
    assert response.status == 200
    assert "Zelf aanmelden bij het RET Jeugd Twente (voorbeeld)" in page
    assert '<script src="/aanmelden/webchat.js"></script>' in page
    assert "cdn" not in page.lower()
    assert "script-src 'self';" in policy
    assert f"connect-src 'self' {directline.url} ws://127.0.0.1" in policy
    assert "frame-ancestors 'self' https://www.ret-twente.example" in policy
    assert SECRET not in page

    async with http.get(f"{set_up_bot.url}/aanmelden/webchat.js") as response:
        bundle = await response.read()
    assert response.status == 200 and response.content_type == "application/javascript"
    assert b"renderWebChat" in bundle and len(bundle) > 1_000_000
    async with http.get(f"{set_up_bot.url}/aanmelden/aanmelden.js") as response:
        assert "createDirectLine" in await response.text()


async def test_the_token_endpoint_exchanges_the_secret(set_up_bot, http, directline):
    async with http.get(f"{set_up_bot.url}/aanmelden/token") as response:
        answer = await response.json()
    assert response.status == 200
    assert answer["token"].startswith("token-") and answer["expires_in"] == 3600
    assert answer["domain"] == f"{directline.url}/v3/directline"
    [request] = directline.requests
    assert request["user"]["id"] == answer["userId"] and answer["userId"].startswith("dl_")
    assert SECRET not in str(answer)
    async with http.get(f"{set_up_bot.url}/aanmelden/token") as response:
        again = await response.json()
    assert again["userId"] != answer["userId"]  # every visitor a conversation of their own


async def test_a_failing_direct_line_gives_a_clear_502(set_up_bot, http, directline):
    directline.fail_with = 500
    async with http.get(f"{set_up_bot.url}/aanmelden/token") as response:
        answer = await response.json()
    assert response.status == 502
    assert answer["error"].startswith("Het lukt nu niet om het gesprek te starten")


async def test_a_wrong_secret_is_refused_by_direct_line_and_answered_502(
    database_url, ret, directline, http
):
    settings = Settings(
        database_url=database_url, directline_secret="wrong", directline_url=directline.url
    )
    running = await RunningBot(settings, ret).start()
    try:
        async with http.get(f"{running.url}/aanmelden/token") as response:
            assert response.status == 502
    finally:
        await running.stop()


async def test_without_a_secret_the_page_says_online_applying_is_not_set_up(bot, http):
    async with http.get(f"{bot.url}/aanmelden") as response:
        page = await response.text()
    assert response.status == 200
    assert "Online aanmelden is bij het RET Jeugd Twente (voorbeeld) nog niet ingesteld" in page
    assert "webchat.js" not in page
    async with http.get(f"{bot.url}/aanmelden/token") as response:
        answer = await response.json()
    assert response.status == 503
    assert "nog niet ingesteld" in answer["error"]
