"""Bad requests at the HTTP edge get a clear 4xx, never a 500 with a stack trace."""

import json

import pytest

from bot.handler import RetBot


async def post(http, bot, data: bytes, content_type: str = "application/json"):
    async with http.post(
        bot.messages_url, data=data, headers={"Content-Type": content_type}
    ) as response:
        return response.status, await response.text()


async def test_malformed_json_is_400(bot, http):
    status, body = await post(http, bot, b'{"type": "message", ')

    assert status == 400
    assert json.loads(body) == {"error": "body is not valid JSON"}


async def test_wrong_content_type_is_415(bot, http):
    status, _ = await post(http, bot, b"type=message", content_type="text/plain")

    assert status == 415


async def test_body_over_one_megabyte_is_413(bot, http, conversation):
    activity = conversation.activity("message", text="x" * (1024 * 1024 + 1))

    status, _ = await post(http, bot, json.dumps(activity).encode())

    assert status == 413


@pytest.mark.parametrize("field", ["type", "channelId", "serviceUrl", "conversation", "from"])
async def test_activity_without_a_required_field_is_400(bot, http, conversation, field):
    activity = conversation.activity("message", text="hallo")
    del activity[field]

    status, body = await post(http, bot, json.dumps(activity).encode())

    assert status == 400
    assert "required fields" in json.loads(body)["error"]


@pytest.mark.parametrize(
    "change",
    [
        {"conversation": "not-an-object"},
        {"serviceUrl": "file:///etc/passwd"},
        {"timestamp": "gisteren"},
        {"entities": "geen lijst"},
    ],
    ids=["conversation-string", "service-url-scheme", "timestamp", "entities"],
)
async def test_malformed_activity_fields_are_400(bot, http, conversation, change):
    activity = {**conversation.activity("message", text="hallo"), **change}

    status, body = await post(http, bot, json.dumps(activity).encode())

    assert status == 400, body
    assert "Traceback" not in body


async def test_json_that_is_not_an_object_is_400(bot, http):
    status, _ = await post(http, bot, b'["type", "message"]')

    assert status == 400


async def test_a_failing_turn_apologises_and_keeps_the_dialog(conversation, monkeypatch):
    await conversation.say("taal")
    real_continue = RetBot.on_message_activity

    async def crash(self, turn_context):
        await real_continue(self, turn_context)  # the dialog moves on in memory...
        raise RuntimeError("database hiccup")  # ...but the turn fails before saving

    monkeypatch.setattr(RetBot, "on_message_activity", crash)
    failed = await conversation.say("English")
    monkeypatch.setattr(RetBot, "on_message_activity", real_continue)
    retried = await conversation.say("English")

    assert failed.status < 500
    apology = failed.texts()[-1]
    assert apology.startswith("Sorry, er ging bij mij iets mis")
    assert "RuntimeError" not in apology and "database hiccup" not in apology
    assert retried.texts() == ["Fine, I will speak English with you from now on."]
