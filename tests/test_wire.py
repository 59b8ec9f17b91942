"""The direct wire path gives exactly what msrest gives, for any activity, in both directions."""

from datetime import UTC, datetime, timedelta, timezone

from botbuilder.core import CardFactory, MessageFactory
from botbuilder.schema import Activity, CardAction, HeroCard, Mention
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msrest import Serializer
from msrest.exceptions import DeserializationError

from bot.wire import _MODELS, WireSerializer, activity_from_wire, to_wire

MSREST = Serializer(_MODELS)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
timestamps = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.isoformat().replace("+00:00", "Z"))


def well_typed(kind: str, depth: int = 0) -> st.SearchStrategy:
    """JSON that fits an attribute of msrest type `kind`."""
    if kind in ("str",):
        return st.text(max_size=12)
    if kind == "bool":
        return st.booleans()
    if kind in ("int", "long"):
        return st.integers(-(2**40), 2**40)
    if kind == "float":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "iso-8601":
        return timestamps
    if kind == "object":
        return json_values
    if kind.startswith("["):
        return st.lists(well_typed(kind[1:-1], depth + 1), max_size=2)
    if kind.startswith("{"):
        return st.dictionaries(st.text(max_size=5), well_typed(kind[1:-1], depth + 1), max_size=2)
    return model_json(_MODELS[kind], depth + 1)


def model_json(model_type, depth: int = 0) -> st.SearchStrategy:
    """A JSON object for `model_type`: some of its keys, mostly well typed, sometimes not."""
    if depth > 2:
        return st.just({})
    fields = {
        spec["key"]: well_typed(spec["type"], depth) | json_values
        if depth == 0
        else well_typed(spec["type"], depth)
        for spec in model_type._attribute_map.values()
    }
    return st.fixed_dictionaries({}, optional=fields)


def msrest_in(body: dict) -> Activity | type[Exception]:
    try:
        return Activity().deserialize(body)
    except (DeserializationError, TypeError, ValueError, AttributeError) as error:
        return type(error)


def direct_in(body: dict) -> Activity | type[Exception]:
    try:
        return activity_from_wire(body)
    except (DeserializationError, TypeError, ValueError, AttributeError) as error:
        return type(error)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model_json(Activity))
def test_reading_an_activity_gives_what_msrest_gives(body):
    assert direct_in(body) == msrest_in(body)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model_json(Activity))
def test_sending_an_activity_gives_what_msrest_gives(body):
    activity = msrest_in(body)
    if not isinstance(activity, Activity):
        return
    assert WireSerializer(_MODELS).body(activity, "Activity") == MSREST.body(activity, "Activity")


def test_what_the_bot_builds_is_sent_as_msrest_sends_it():
    choices = MessageFactory.suggested_actions(
        [CardAction(type="imBack", title="Nederlands", value="Nederlands")], "Welke taal?"
    )
    hero = MessageFactory.attachment(CardFactory.hero_card(HeroCard(title="RET")))
    card = MessageFactory.attachment(
        CardFactory.adaptive_card({"type": "AdaptiveCard", "version": "1.5", "body": []})
    )
    mention = Activity(
        type="message",
        text="<at>Marieke</at>",
        entities=[Mention(text="<at>Marieke</at>", type="mention")],
        timestamp=datetime(2026, 11, 22, 9, 30, 0, 120000, tzinfo=timezone(timedelta(hours=1))),
    )
    for activity in (choices, hero, card, mention):
        assert to_wire(activity) == MSREST.body(activity, "Activity")


def test_unusual_values_still_go_the_msrest_way():
    naive = Activity(type="message", timestamp=datetime(2026, 11, 22, 9, 30))
    numbered = {"type": "message", "text": 5, "channelId": "msteams"}

    assert WireSerializer(_MODELS).body(naive, "Activity") == MSREST.body(naive, "Activity")
    assert activity_from_wire(numbered).text == "5" == Activity().deserialize(numbered).text
