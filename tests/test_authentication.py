"""With MicrosoftAppId set, only valid Bot Framework JWTs get in, and replies carry the bot's
own token to the activity's serviceUrl. Tokens come from a local issuer; bot.auth checks them."""

import time

import jwt
import pytest
from sqlalchemy import func, select

from bot.app import RETBOT
from bot.auth import NeverExpires, require_expiry
from bot.chat.conversation import Conversation
from bot.settings import Settings
from storage.models import BotStateRow, ConversationReferenceRow
from tests.support import RunningBot
from tests.token_issuer import CHANNEL_ISSUER, IssuerConnections, TokenIssuer, new_key

APP_ID = "7d3e6a52-6c1b-4f0e-9a43-0f6d1c2b5e11"
PASSWORD = "local-test-secret"


@pytest.fixture
def issuer():
    running = TokenIssuer().start()
    yield running
    running.stop()


def bot_trusting(issuer: TokenIssuer, database_url: str, ret) -> RunningBot:
    """retbot with an identity, whose tokens in and out come from `issuer`."""
    settings = Settings(
        database_url=database_url,
        client_id=APP_ID,
        client_secret=PASSWORD,
        openid_metadata_url=issuer.metadata_url,
    )
    return RunningBot(settings, ret, IssuerConnections(issuer, APP_ID))


@pytest.fixture
async def secured_bot(database_url, ret, issuer):
    bot = await bot_trusting(issuer, database_url, ret).start()
    yield bot
    await bot.stop()


@pytest.fixture
def talk(secured_bot, connector, http) -> Conversation:
    return Conversation(secured_bot.messages_url, connector, http)


def channel_token(issuer: TokenIssuer, talk: Conversation, **overrides) -> str:
    claims = {"aud": APP_ID, "serviceurl": talk.connector.service_url, **overrides}
    return issuer.token(**claims)


async def rows_stored(bot: RunningBot) -> int:
    async with bot.app[RETBOT].engine.connect() as connection:
        states = await connection.scalar(select(func.count()).select_from(BotStateRow))
        references = await connection.scalar(
            select(func.count()).select_from(ConversationReferenceRow)
        )
    return states + references


async def test_valid_token_passes_and_the_reply_carries_the_bots_token(issuer, talk, secured_bot):
    talk.headers = {"Authorization": f"Bearer {channel_token(issuer, talk)}"}

    turn = await talk.say("help")

    assert turn.status == 201
    assert turn.texts()[0].startswith("Zo werk ik")
    scheme, _, token = talk.connector.authorizations[-1].partition(" ")
    claims = jwt.decode(
        token,
        issuer.key.public_key(),
        algorithms=["RS256"],
        audience="https://api.botframework.com",
    )
    assert scheme == "Bearer" and claims["appid"] == APP_ID
    assert await rows_stored(secured_bot) > 0


@pytest.mark.parametrize(
    "make_header",
    [
        pytest.param(lambda issuer, talk: None, id="missing"),
        pytest.param(lambda issuer, talk: "Basic dXNlcjpwdw==", id="not-bearer"),
        pytest.param(
            lambda i, t: (
                f"Bearer {channel_token(i, t, exp=1_000_000_000, iat=999_999_000, nbf=999_999_000)}"
            ),
            id="expired",
        ),
        pytest.param(
            lambda i, t: f"Bearer {channel_token(i, t, aud='another-bot')}", id="wrong-audience"
        ),
        pytest.param(
            lambda i, t: f"Bearer {channel_token(i, t, iss='https://sts.example.org/')}",
            id="wrong-issuer",
        ),
        pytest.param(lambda i, t: f"Bearer {channel_token(i, t, key=new_key())}", id="wrong-key"),
        pytest.param(lambda i, t: f"Bearer {channel_token(i, t, algorithm='none')}", id="alg-none"),
        pytest.param(
            lambda i, t: f"Bearer {channel_token(i, t, serviceurl='https://evil.example.org/')}",
            id="other-service-url",
        ),
        pytest.param(lambda i, t: "Bearer not.a.jwt", id="garbage"),
        pytest.param(lambda i, t: f"Bearer {channel_token(i, t, exp=None)}", id="no-exp"),
        pytest.param(
            lambda i, t: f"Bearer {channel_token(i, t, exp=str(int(time.time()) + 3600))}",
            id="exp-as-text",
        ),
    ],
)
async def test_bad_tokens_are_refused_and_nothing_is_stored(
    issuer, talk, secured_bot, make_header, caplog
):
    header = make_header(issuer, talk)
    talk.headers = {"Authorization": header} if header else {}

    turn = await talk.say("help")

    assert turn.status == 401
    assert turn.body == {"error": "unauthorized"}
    assert turn.replies == []
    assert await rows_stored(secured_bot) == 0
    assert any("refused unauthenticated request" in r.message for r in caplog.records)


async def test_local_mode_sends_replies_without_a_token(conversation):
    turn = await conversation.say("help")

    assert turn.status == 201
    assert conversation.connector.authorizations[-1] is None


def test_channel_issuer_is_the_sdks():
    assert CHANNEL_ISSUER == "https://api.botframework.com"


@pytest.mark.parametrize(
    ("exp", "reason"),
    [(None, "token has no exp claim"), ("9999999999", "token exp claim is not a number")],
    ids=["missing", "text"],
)
async def test_a_token_that_never_expires_is_refused_for_that_reason(
    issuer, talk, secured_bot, caplog, exp, reason
):
    token = channel_token(issuer, talk, exp=exp)
    unchecked = {"verify_aud": False, "verify_exp": False}
    signed_claims = jwt.decode(
        token, issuer.key.public_key(), algorithms=["RS256"], options=unchecked
    )
    talk.headers = {"Authorization": f"Bearer {token}"}

    turn = await talk.say("help")

    assert signed_claims.get("exp") == exp  # validly signed; only the expiry is wrong
    assert (turn.status, turn.replies) == (401, [])
    refusals = [r.getMessage() for r in caplog.records if r.name == "retbot.security"]
    assert any(f"NeverExpires: {reason}" in line for line in refusals), refusals


@pytest.mark.parametrize("exp", [True, "1700000000", float("inf"), [1700000000], None])
def test_only_a_finite_number_is_an_expiry(exp):
    with pytest.raises(NeverExpires):
        require_expiry({"exp": exp})


@pytest.mark.parametrize("exp", [1700000000, 1.7e9])
def test_a_number_is_an_expiry(exp):
    require_expiry({"exp": exp})  # no NeverExpires


async def test_a_key_not_endorsed_for_the_channel_is_refused(
    database_url, ret, connector, http, caplog
):
    """The Bot Connector's keys say which channels they sign for: a token for e-mail
    cannot be replayed as a Teams message."""
    email_only = TokenIssuer(channels=("email",)).start()
    bot = await bot_trusting(email_only, database_url, ret).start()
    try:
        talk = Conversation(bot.messages_url, connector, http)
        talk.headers = {"Authorization": f"Bearer {channel_token(email_only, talk)}"}

        turn = await talk.say("help")

        assert (turn.status, turn.replies) == (401, [])
        assert await rows_stored(bot) == 0
        assert any("not endorsed for channel emulator" in r.getMessage() for r in caplog.records)
    finally:
        await bot.stop()
        email_only.stop()
