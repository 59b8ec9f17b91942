"""Random and malformed activities, card payloads and invoke values at /api/messages:
never a 5xx, never a stack trace, and a conversation in the middle of a dialog carries on.

The app runs on its own event loop in a thread, so hypothesis can drive it synchronously.
"""

import asyncio
import json
import threading
import uuid

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.chat.connector import ConnectorEndpoint
from bot.settings import Settings
from tests.support import RunningBot

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
ACTIVITY_TYPES = ["message", "invoke", "conversationUpdate", "installationUpdate", "event", "x"]
FIELDS = [
    "type",
    "text",
    "value",
    "name",
    "entities",
    "attachments",
    "membersAdded",
    "channelData",
    "conversation",
    "from",
    "recipient",
    "timestamp",
    "locale",
    "serviceUrl",
]


class ThreadedBot:
    def __init__(self, database_url: str, ret) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.bot = RunningBot(Settings(database_url=database_url), ret)
        self.connector = ConnectorEndpoint()

    def run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=30)

    def __enter__(self) -> "ThreadedBot":
        self.thread.start()
        self.run(self.bot.start())
        self.run(self.connector.start())
        return self

    def __exit__(self, *_exc) -> None:
        self.run(self.connector.stop())
        self.run(self.bot.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    def activity(self, conversation_id: str, **fields) -> dict:
        return {
            "type": "message",
            "id": uuid.uuid4().hex,
            "channelId": "msteams",
            "serviceUrl": self.connector.service_url,
            "from": {"id": "fuzz-user", "name": "Fuzz"},
            "recipient": {"id": "retbot"},
            "conversation": {"id": conversation_id},
            **fields,
        }

    def post(self, body: bytes | str, content_type: str = "application/json") -> requests.Response:
        data = body.encode() if isinstance(body, str) else body
        return requests.post(
            self.bot.messages_url, data=data, headers={"Content-Type": content_type}, timeout=30
        )


@pytest.fixture(scope="module")
def threaded(tmp_path_factory, ret):
    database = tmp_path_factory.mktemp("fuzz") / "retbot.db"
    with ThreadedBot(f"sqlite+aiosqlite:///{database}", ret) as running:
        yield running


def assert_clear_answer(response: requests.Response) -> None:
    assert response.status_code < 500, response.text
    assert "Traceback" not in response.text


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(threaded, body):
    assert_clear_answer(threaded.post(body))


@FUZZ
@given(json_values)
def test_random_json(threaded, body):
    assert_clear_answer(threaded.post(json.dumps(body)))


@FUZZ
@given(
    field=st.sampled_from(FIELDS),
    value=json_values,
    kind=st.sampled_from(ACTIVITY_TYPES),
)
def test_activity_with_one_field_replaced(threaded, field, value, kind):
    activity = threaded.activity(f"fuzz-{uuid.uuid4().hex}", type=kind)
    activity[field] = value

    assert_clear_answer(threaded.post(json.dumps(activity)))


@FUZZ
@given(value=json_values, text=st.none() | st.text(max_size=40))
def test_card_submits_with_any_value(threaded, value, text):
    activity = threaded.activity(f"fuzz-{uuid.uuid4().hex}", value=value, text=text)

    response = threaded.post(json.dumps(activity))

    assert response.status_code in (200, 201), response.text


@FUZZ
@given(
    name=st.sampled_from(["adaptiveCard/action", "composeExtension/query", "x"]), value=json_values
)
def test_invokes_with_any_value(threaded, name, value):
    activity = threaded.activity(f"fuzz-{uuid.uuid4().hex}", type="invoke", name=name, value=value)

    assert_clear_answer(threaded.post(json.dumps(activity)))


@FUZZ
@given(value=json_values)
def test_card_action_data_of_any_shape(threaded, value):
    invoke = {"action": {"type": "Action.Execute", "verb": "consult.answer", "data": value}}
    activity = threaded.activity(
        f"fuzz-{uuid.uuid4().hex}", type="invoke", name="adaptiveCard/action", value=invoke
    )

    assert_clear_answer(threaded.post(json.dumps(activity)))


def test_a_dialog_carries_on_between_fuzzed_turns(threaded):
    conversation = f"steady-{uuid.uuid4().hex}"
    asked = threaded.post(json.dumps(threaded.activity(conversation, text="taal")))
    for noise in ({"value": [1, 2]}, {"value": {"menu": 7}}, {"text": None, "value": None}):
        threaded.post(json.dumps(threaded.activity(conversation, **noise)))

    answered = threaded.post(json.dumps(threaded.activity(conversation, text="English")))

    assert asked.status_code == answered.status_code == 201
    replies = threaded.connector.received[conversation]
    assert replies[-1]["text"] == "Fine, I will speak English with you from now on."
