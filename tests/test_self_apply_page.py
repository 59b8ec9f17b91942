"""GET /aanmelden and its token endpoint through the real app: Web Chat served by retbot,
the Direct Line secret exchanged for a token at a local Direct Line, and a clear page and
503 without a secret."""

import math

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
    assert response.status == 200
    assert response.content_type in ("text/javascript", "application/javascript")
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


async def limited_bot(database_url, ret, directline, **limits) -> RunningBot:
    settings = Settings(
        database_url=database_url,
        directline_secret=SECRET,
        directline_url=directline.url,
        **limits,
    )
    return await RunningBot(settings, ret).start()


def in_minutes(seconds: int) -> str:
    """How the message words the Retry-After: in whole minutes, rounded up."""
    minutes = math.ceil(seconds / 60)
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


async def token(http, bot: RunningBot, forwarded_for: str | None = None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    async with http.get(f"{bot.url}/aanmelden/token", headers=headers) as response:
        return response.status, response.headers, await response.json()


async def test_an_address_gets_ten_tokens_per_ten_minutes_then_a_429_in_dutch(
    set_up_bot, http, directline
):
    answers = [await token(http, set_up_bot) for _ in range(10)]

    status, headers, answer = await token(http, set_up_bot, forwarded_for="198.51.100.7")

    assert [status for status, _, _ in answers] == [200] * 10  # the default: 10 per 10 minutes
    assert status == 429
    retry_after = int(headers["Retry-After"])
    assert 1 <= retry_after <= 600
    assert headers["Cache-Control"] == "no-store"
    assert answer["error"] == (
        "Vanaf deze internetverbinding zijn net veel gesprekken gestart. Probeer het over "
        f"{in_minutes(retry_after)} opnieuw. Lukt het dan nog niet? Neem contact op met het "
        "expertteam via de website of de gemeente."
    )
    assert len(directline.requests) == 10  # the refused one never reached Direct Line


async def test_behind_a_trusted_proxy_each_client_address_counts_on_its_own(
    database_url, ret, directline, http
):
    bot = await limited_bot(
        database_url, ret, directline, token_limit_per_address="2/hour", trusted_proxies=1
    )
    try:
        # What the client wrote itself (left of the proxy's entry) does not count, nor the
        # port some proxies add.
        first = [await token(http, bot, f"10.0.0.{n}, 203.0.113.5:{5000 + n}") for n in range(3)]
        second = await token(http, bot, "203.0.113.6")
        same_64 = [await token(http, bot, f"2001:db8:1:2::{n}") for n in range(3)]
    finally:
        await bot.stop()

    assert [status for status, _, _ in first] == [200, 200, 429]
    assert second[0] == 200
    assert [status for status, _, _ in same_64] == [200, 200, 429]  # IPv6 counts per /64


async def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(
    database_url, ret, directline, http
):
    bot = await limited_bot(database_url, ret, directline, token_limit_per_address="2/hour")
    try:
        statuses = [(await token(http, bot, f"203.0.113.{n}"))[0] for n in range(3)]
    finally:
        await bot.stop()

    assert statuses == [200, 200, 429]


async def test_the_total_ceiling_holds_for_many_addresses(database_url, ret, directline, http):
    bot = await limited_bot(
        database_url, ret, directline, token_limit_total="5 per hour", trusted_proxies=1
    )
    try:
        answers = [await token(http, bot, f"203.0.113.{n}") for n in range(6)]
    finally:
        await bot.stop()

    assert [status for status, _, _ in answers] == [200] * 5 + [429]
    _, headers, answer = answers[-1]
    retry_after = int(headers["Retry-After"])
    assert 600 < retry_after <= 3600  # the hour's window, not the address's ten minutes
    expected = f"Het is nu erg druk. Probeer het over {in_minutes(retry_after)} opnieuw."
    assert answer["error"].startswith(expected)
    assert len(directline.requests) == 5


def test_a_limit_that_cannot_be_read_stops_the_start():
    with pytest.raises(ValueError, match="not a limit like '10 per 10 minutes'"):
        Settings(token_limit_per_address="veel")
