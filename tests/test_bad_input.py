"""Bad requests at the HTTP edge get a clear 4xx, never a 500 with a stack trace."""

import gzip
import json
import zlib

import pytest

from bot.clean_input import MAX_DEPTH
from bot.handler import RetBot
from bot.http_edge import MAX_BODY_BYTES
from dialogs.cards.consult import VERB_CONTACT
from dialogs.cards.documents import CONSENT_CONTEXT
from dialogs.cards.follow_up import FOLLOW_UP_KEY, PROGRESS_INPUT
from tests.test_consult_flow import CHAIR_AAD, person


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


@pytest.mark.parametrize(
    "field", ["type", "channelId", "serviceUrl", "conversation", "from", "recipient"]
)
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
    real_continue = RetBot._message

    async def crash(self, turn):
        await real_continue(self, turn)  # the dialog moves on in memory...
        raise RuntimeError("database hiccup")  # ...but the turn fails before saving

    monkeypatch.setattr(RetBot, "_message", crash)
    failed = await conversation.say("English")
    monkeypatch.setattr(RetBot, "_message", real_continue)
    retried = await conversation.say("English")

    assert failed.status < 500
    apology = failed.texts()[-1]
    assert apology.startswith("Sorry, er ging bij mij iets mis")
    assert "RuntimeError" not in apology and "database hiccup" not in apology
    assert retried.texts() == ["Fine, I will speak English with you from now on."]


def nested(conversation, levels: int) -> bytes:
    """An activity whose value nests `levels` arrays; with the activity itself, one more."""
    body = json.dumps(conversation.activity("message", value="DEEP"))
    return body.replace('"DEEP"', "[" * levels + "]" * levels).encode()


@pytest.mark.parametrize("levels", [MAX_DEPTH, 100_000], ids=["one-too-many", "beyond-python"])
async def test_json_nested_too_deep_is_400(bot, http, conversation, levels):
    status, body = await post(http, bot, nested(conversation, levels))

    assert status == 400
    assert json.loads(body) == {"error": f"JSON nested deeper than {MAX_DEPTH} levels"}


async def test_json_nested_to_the_limit_is_read(bot, http, conversation):
    status, _ = await post(http, bot, nested(conversation, MAX_DEPTH - 1))

    assert status == 201
    assert conversation.connector.received[conversation.id]  # the turn ran and answered


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
async def test_numbers_json_does_not_have_are_400(bot, http, conversation, constant):
    body = json.dumps(conversation.activity("message", value="X")).replace('"X"', constant)

    status, answer = await post(http, bot, body.encode())

    assert status == 400
    assert json.loads(answer) == {"error": "body is not valid JSON"}


async def post_encoded(http, bot, data: bytes, encoding: str):
    """(status, JSON answer or None); aiohttp closes a connection whose body broke."""
    headers = {"Content-Type": "application/json", "Content-Encoding": encoding}
    headers["Connection"] = "close"
    async with http.post(bot.messages_url, data=data, headers=headers) as response:
        text = await response.text()
        return response.status, json.loads(text) if text else None


async def test_a_gzip_body_is_read(bot, http, conversation):
    activity = conversation.activity("message", text="help")

    status, _ = await post_encoded(http, bot, gzip.compress(json.dumps(activity).encode()), "gzip")

    assert status == 201
    [reply] = conversation.connector.received[conversation.id]
    assert reply["text"].startswith("Zo werk ik")


async def test_a_broken_gzip_body_is_400(bot, http, conversation):
    whole = gzip.compress(json.dumps(conversation.activity("message", text="help")).encode())

    garbage = await post_encoded(http, bot, b"\x1f\x8b\x08 not gzip at all", "gzip")
    truncated = await post_encoded(http, bot, whole[: len(whole) // 2], "gzip")

    assert garbage == (400, {"error": "body could not be read"})
    assert truncated[0] == 400
    assert conversation.connector.received[conversation.id] == []


async def test_a_gzip_body_that_inflates_beyond_the_limit_is_413(bot, http):
    bomb = gzip.compress(b" " * (MAX_BODY_BYTES * 20))  # about 20 kB on the wire

    status, body = await post_encoded(http, bot, bomb, "gzip")

    assert len(bomb) < MAX_BODY_BYTES // 10
    assert (status, body) == (413, {"error": f"body larger than {MAX_BODY_BYTES} bytes"})


@pytest.mark.parametrize("encoding", ["deflate", "compress", "gzip, gzip", "x-unknown"])
async def test_other_content_encodings_are_415(bot, http, conversation, encoding):
    data = zlib.compress(json.dumps(conversation.activity("message", text="help")).encode())

    status, body = await post_encoded(http, bot, data, encoding)

    assert status == 415
    assert body == {"error": "Content-Encoding must be one of identity, gzip"}


@pytest.mark.parametrize(
    "change",
    [
        {"conversation": {"id": "c1\r\nX-Injected: 1"}},
        {"from": {"id": "user\n"}},
        {"channelId": "msteams\t"},
    ],
    ids=["conversation-id", "from-id", "channel-id"],
)
async def test_ids_with_control_characters_are_400(bot, http, conversation, change):
    activity = {**conversation.activity("message", text="help"), **change}

    status, body = await post(http, bot, json.dumps(activity).encode())

    assert status == 400
    assert json.loads(body)["error"].startswith("not printable text: ")


@pytest.mark.parametrize("field", ["entities", "attachments", "membersAdded"])
async def test_a_null_in_a_list_of_models_is_400(bot, http, conversation, field):
    activity = {**conversation.activity("message", text="help"), field: [None]}

    status, body = await post(http, bot, json.dumps(activity).encode())

    assert status == 400
    assert json.loads(body) == {"error": f"activity is malformed: null in {field}"}


@pytest.mark.parametrize("id", [0, -1, 2**31, 2**64, -(2**70)])
async def test_card_data_with_an_id_no_row_can_have_is_unknown(bot, connector, http, id):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    consent = {"type": "fileUpload", "action": "decline", "context": {CONSENT_CONTEXT: id}}

    consultation = await chair.execute(VERB_CONTACT, {"id": id})
    document = await chair.send(chair.activity("invoke", name="fileConsent/invoke", value=consent))
    ask = await chair.submit({FOLLOW_UP_KEY: id, PROGRESS_INPUT: "vertraagd"})

    assert consultation.body["value"] == "Deze consultatievraag bestaat niet (meer)."
    assert document.status == 200
    assert document.texts() == [
        "Dit document kan ik je niet (meer) geven. Vraag de voorzitter ernaar."
    ]
    assert ask.texts() == ["Deze follow-upvraag ken ik niet (meer)."]


@pytest.mark.parametrize("entity", [{}, {"type": None}, {"text": "@retbot help"}])
async def test_an_entity_without_a_type_is_400(bot, http, conversation, entity):
    activity = {**conversation.activity("message", text="help"), "entities": [entity]}

    status, body = await post(http, bot, json.dumps(activity).encode())

    assert status == 400
    assert json.loads(body) == {"error": "activity is malformed: an entity without a type"}
