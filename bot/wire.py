"""Activities to and from their JSON wire form, without msrest's detours.

msrest's `Serializer.body` first deserialises the model it is given (so that a dict may
stand in for a model), validates it, and only then serialises it; `Model.deserialize`
tries several key extractors per attribute. For a prompt with suggested actions that is
about half a millisecond each way, a fifth of a whole turn here (bench/turns.py).

The Bot Framework models are plain: no flattened keys, subtypes, validation rules or
additional properties. So walking their `_attribute_map` gives the same JSON and the same
objects directly. Whatever is out of the ordinary (a dict where a model belongs, a number
where text belongs, a naive datetime, an unknown type) raises `Unusual`, and msrest
handles it exactly as before. tests/test_wire.py holds both paths to the same results.
"""

from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any

from botbuilder.schema import Activity
from msrest import Deserializer, Serializer
from msrest.serialization import Model

_PLAIN = {"str": str, "bool": bool, "int": int, "long": int, "float": float}
_MODELS: dict[str, type[Model]] = Activity._infer_class_models()  # what msrest resolves from


class Unusual(Exception):
    """A value the direct path does not handle; msrest's general path will."""


def to_wire(model: Model) -> dict:
    """The JSON object msrest would send for `model`."""
    wire = {}
    for attribute, spec in model._attribute_map.items():
        value = getattr(model, attribute, None)
        if value is not None:
            wire[spec["key"]] = _out(value, spec["type"])
    return wire


def _out(value: Any, kind: str) -> Any:
    if kind == "object":
        return _out_object(value)
    plain = _PLAIN.get(kind)
    if plain is not None:
        if isinstance(value, Enum) and kind == "str":
            return value.value
        if type(value) is not plain:
            raise Unusual(kind)
        return value
    if kind == "iso-8601":
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise Unusual(kind)
        return Serializer.serialize_iso(value)
    if kind.startswith("["):
        if type(value) is not list:
            raise Unusual(kind)
        return [_out(item, kind[1:-1]) for item in value]
    if kind.startswith("{"):
        if type(value) is not dict:
            raise Unusual(kind)
        return {key: _out(item, kind[1:-1]) for key, item in value.items()}
    if not isinstance(value, Model):
        raise Unusual(kind)
    return to_wire(value)


def _out_object(value: Any) -> Any:
    kind = type(value)
    if value is None or kind in (str, bool, int, float):
        return value
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise Unusual("object")
        return {key: _out_object(item) for key, item in value.items()}
    if kind is list:
        return [_out_object(item) for item in value]
    if isinstance(value, Model):
        return to_wire(value)
    raise Unusual("object")


class WireSerializer(Serializer):
    """msrest's Serializer, with the direct path for models sent as a request body."""

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        if isinstance(data, Model) and not kwargs:
            try:
                return to_wire(data)
            except Unusual:
                pass
        return super().body(data, data_type, **kwargs)


def activity_from_wire(body: dict) -> Activity:
    """The Activity msrest's `Activity().deserialize(body)` would give."""
    try:
        return _model_in(Activity, body)
    except Unusual:
        return Activity().deserialize(body)


def _model_in(model_type: type[Model], data: dict) -> Model:
    values = {}
    for attribute, spec in model_type._attribute_map.items():
        value = data.get(spec["key"])
        values[attribute] = None if value is None else _in(value, spec["type"])
    model = model_type(**values)
    unknown = data.keys() - _keys_of(model_type)
    if unknown:  # msrest keeps what the model does not describe
        model.additional_properties = {key: data[key] for key in unknown}
    return model


@cache
def _keys_of(model_type: type[Model]) -> frozenset[str]:
    return frozenset(spec["key"] for spec in model_type._attribute_map.values())


def _in(value: Any, kind: str) -> Any:
    if kind == "object":
        return value  # JSON values deserialise as themselves
    plain = _PLAIN.get(kind)
    if plain is not None:
        if type(value) is not plain:
            raise Unusual(kind)
        return value
    if kind == "iso-8601":
        if not isinstance(value, str):
            raise Unusual(kind)
        return Deserializer.deserialize_iso(value)
    if kind.startswith("["):
        if type(value) is not list:
            raise Unusual(kind)
        return [_in(item, kind[1:-1]) for item in value]
    if kind.startswith("{"):
        if type(value) is not dict:
            raise Unusual(kind)
        return {key: _in(item, kind[1:-1]) for key, item in value.items()}
    model_type = _MODELS.get(kind)
    if model_type is None or type(value) is not dict:
        raise Unusual(kind)
    return _model_in(model_type, value)
