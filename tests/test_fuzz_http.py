"""Random and malformed activities, card payloads and invoke values at /api/messages:
never a 5xx, never a stack trace, never a failed turn (a turn that fails answers 201 with
an apology, or an invoke with statusCode 500: the log says so), and a conversation in the
middle of a dialog carries on. Text includes NUL and lone surrogates, numbers go beyond
64 bits, and the PostgreSQL half runs too when RETBOT_TEST_POSTGRES_URL is set.

The app runs on its own event loop in a thread, so hypothesis can drive it synchronously.
"""

import asyncio
import gzip
import json
import logging
import threading
import uuid
import zlib
from datetime import UTC, datetime, timedelta

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import RETBOT
from bot.chat.connector import ConnectorEndpoint
from bot.clean_input import MAX_DEPTH
from bot.settings import Settings
from storage.scratch import ScratchPostgresDatabase
from tests.conftest import POSTGRES_URL
from tests.support import RunningBot

# Any code point, NUL and lone surrogates included (json.dumps escapes them as \u0000, \ud800).
any_text = st.text(st.characters(exclude_categories=()), max_size=20)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**31)
    | st.integers(max_value=-(2**63))
    | st.floats(allow_nan=False, allow_infinity=False)  # JSON has neither
    | any_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4)
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


class FailedTurns(logging.Handler):
    """Counts what the app logs when a turn or a request fails."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())


class ThreadedBot:
    def __init__(self, database_url: str, ret) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.bot = RunningBot(Settings(database_url=database_url), ret)
        self.connector = ConnectorEndpoint()
        self.failures = FailedTurns()

    def run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=30)

    def __enter__(self) -> "ThreadedBot":
        self.thread.start()
        self.run(self.bot.start())
        self.run(self.connector.start())
        for name in ("retbot.turn", "retbot.http"):
            logging.getLogger(name).addHandler(self.failures)
        return self

    def __exit__(self, *_exc) -> None:
        for name in ("retbot.turn", "retbot.http"):
            logging.getLogger(name).removeHandler(self.failures)
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

    def post(
        self, body: bytes | str, content_type: str = "application/json", **headers: str
    ) -> requests.Response:
        data = body.encode() if isinstance(body, str) else body
        return requests.post(
            self.bot.messages_url,
            data=data,
            headers={"Content-Type": content_type, **headers},
            timeout=30,
        )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def threaded(request, tmp_path_factory, ret):
    if request.param == "sqlite":
        database = tmp_path_factory.mktemp("fuzz") / "retbot.db"
        with ThreadedBot(f"sqlite+aiosqlite:///{database}", ret) as running:
            yield running
        return
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need RETBOT_TEST_POSTGRES_URL (.ci/run sets it)")
    scratch = ScratchPostgresDatabase(POSTGRES_URL)
    url = asyncio.run(scratch.__aenter__())
    try:
        with ThreadedBot(url, ret) as running:
            yield running
    finally:
        asyncio.run(scratch.__aexit__())


def assert_clear_answer(response: requests.Response) -> None:
    assert response.status_code < 500, response.text
    assert "Traceback" not in response.text


def assert_handled(threaded: ThreadedBot, response: requests.Response) -> None:
    """A clear answer, and no turn failed behind it (an invoke's body says so too)."""
    assert_clear_answer(response)
    failures = list(threaded.failures.seen)
    threaded.failures.seen.clear()
    assert failures == []
    json_answer = response.headers.get("Content-Type", "").startswith("application/json")
    body = response.json() if json_answer else {}
    assert not isinstance(body, dict) or body.get("statusCode", 200) < 500, body


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(threaded, body):
    assert_handled(threaded, threaded.post(body))


@FUZZ
@given(json_values)
def test_random_json(threaded, body):
    assert_handled(threaded, threaded.post(json.dumps(body)))


@FUZZ
@given(
    field=st.sampled_from(FIELDS),
    value=json_values,
    kind=st.sampled_from(ACTIVITY_TYPES),
)
def test_activity_with_one_field_replaced(threaded, field, value, kind):
    activity = threaded.activity(f"fuzz-{uuid.uuid4().hex}", type=kind)
    activity[field] = value

    assert_handled(threaded, threaded.post(json.dumps(activity)))


AWKWARD_VALUES = [None, 0, 1.5, True, "", "x", [], [None], {}, {"id": None}, {"id": 3}, [{}]]


@pytest.mark.parametrize("field", FIELDS)
def test_activity_with_one_field_set_to_each_awkward_value(threaded, field):
    """Every field, every kind, every awkward value: what chance may take 120 tries to find."""
    for kind in ACTIVITY_TYPES:
        for value in AWKWARD_VALUES:
            activity = threaded.activity(f"fuzz-{uuid.uuid4().hex}", type=kind)
            activity[field] = value

            assert_handled(threaded, threaded.post(json.dumps(activity)))


@FUZZ
@given(value=json_values, text=st.none() | any_text)
def test_card_submits_with_any_value(threaded, value, text):
    activity = threaded.activity(f"fuzz-{uuid.uuid4().hex}", value=value, text=text)

    response = threaded.post(json.dumps(activity))

    assert response.status_code in (200, 201), response.text
    assert_handled(threaded, response)


@FUZZ
@given(conversation=any_text, user=any_text, name=any_text, text=any_text)
def test_ids_names_and_text_of_any_characters(threaded, conversation, user, name, text):
    activity = threaded.activity(f"fuzz-{uuid.uuid4().hex}{conversation}", text=text or "hallo")
    activity["from"] = {"id": f"u-{user}", "name": name}

    assert_handled(threaded, threaded.post(json.dumps(activity)))


@FUZZ
@given(
    name=st.sampled_from(["adaptiveCard/action", "fileConsent/invoke", "composeExtension/query"]),
    value=json_values,
)
def test_invokes_with_any_value(threaded, name, value):
    activity = threaded.activity(f"fuzz-{uuid.uuid4().hex}", type="invoke", name=name, value=value)

    assert_handled(threaded, threaded.post(json.dumps(activity)))


@FUZZ
@given(action=st.sampled_from(["accept", "decline"]), version=json_values, upload=json_values)
def test_file_consent_with_any_document(threaded, action, version, upload):
    value = {"action": action, "context": {"document_version": version}, "uploadInfo": upload}
    activity = threaded.activity(
        f"fuzz-{uuid.uuid4().hex}", type="invoke", name="fileConsent/invoke", value=value
    )

    assert_handled(threaded, threaded.post(json.dumps(activity)))


@FUZZ
@given(value=json_values)
def test_card_action_data_of_any_shape(threaded, value):
    invoke = {"action": {"type": "Action.Execute", "verb": "consult.answer", "data": value}}
    activity = threaded.activity(
        f"fuzz-{uuid.uuid4().hex}", type="invoke", name="adaptiveCard/action", value=invoke
    )

    assert_handled(threaded, threaded.post(json.dumps(activity)))


@FUZZ
@given(levels=st.integers(1, 5000), opener=st.sampled_from(["[", '{"a":']))
def test_json_nested_to_any_depth(threaded, levels, opener):
    closer = "]" if opener == "[" else "}"
    activity = json.dumps(threaded.activity(f"fuzz-{uuid.uuid4().hex}", value="DEEP"))
    body = activity.replace('"DEEP"', opener * levels + "1" + closer * levels)

    response = threaded.post(body)

    assert response.status_code == (201 if levels < MAX_DEPTH else 400), response.text
    assert_handled(threaded, response)


@FUZZ
@given(
    body=st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()),
    encoding=st.sampled_from(["gzip", "deflate", "identity", "br", "compress", "gzip, gzip"]),
    compressed=st.booleans(),
)
def test_bodies_in_any_content_encoding(threaded, body, encoding, compressed):
    if compressed:
        body = gzip.compress(body) if encoding == "gzip" else zlib.compress(body)

    assert_handled(threaded, threaded.post(body, **{"Content-Encoding": encoding}))


def signable(value: object) -> bool:
    """What a signer can sign: itsdangerous writes UTF-8, which has no lone surrogates."""
    try:
        json.dumps(value, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return False
    return True


@FUZZ
@given(
    page=st.sampled_from(["follow-up", "agenda", "documents", "rapportage", "evaluatie"]),
    carried=json_values.filter(signable)
    | st.tuples(st.dates(), st.dates()).map(lambda d: f"{d[0]}/{d[1]}"),
)
def test_signed_links_carrying_anything(threaded, page, carried):
    """The signature is valid (the app's own signer and key); what it carries is anything."""
    retbot = threaded.bot.app[RETBOT]
    signer, path = {
        "follow-up": (retbot.follow_up_page.links, "/follow-up/{}"),
        "agenda": (retbot.agenda_page.links, "/agenda/{}.ics"),
        "documents": (retbot.document_page.links, "/documents/{}"),
        "rapportage": (retbot.report_page.links, "/rapportage/{}.csv"),
        "evaluatie": (retbot.evaluation_page.links, "/evaluatie/{}"),
    }[page]
    token = signer.token(carried, datetime.now(UTC) + timedelta(days=1))
    url = threaded.bot.url + path.format(token)

    for method in ("GET", "POST") if page in ("follow-up", "evaluatie") else ("GET",):
        data = {"voortgang": "vertraagd", "score": "3", "advies": "ja"}
        response = requests.request(method, url, data=data, timeout=30)
        assert_handled(threaded, response)


def test_a_dialog_carries_on_between_fuzzed_turns(threaded):
    conversation = f"steady-{uuid.uuid4().hex}"
    asked = threaded.post(json.dumps(threaded.activity(conversation, text="taal")))
    for noise in ({"value": [1, 2]}, {"value": {"menu": 7}}, {"text": None, "value": None}):
        threaded.post(json.dumps(threaded.activity(conversation, **noise)))

    answered = threaded.post(json.dumps(threaded.activity(conversation, text="English")))

    assert asked.status_code == answered.status_code == 201
    replies = threaded.connector.received[conversation]
    assert replies[-1]["text"] == "Fine, I will speak English with you from now on."
