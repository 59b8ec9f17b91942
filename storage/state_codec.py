"""JSON for dialog state: plain data as it is, SDK objects tagged with their class.

Dialog state holds botbuilder objects (DialogState, DialogInstance, PromptOptions with
their prompt Activities, Choices, enums). The SDK serialises them with jsonpickle, which
is slow and, on reading, will instantiate any class named in the data. This codec writes
compact JSON and, on reading, only creates classes from an allow-list of our own and the
SDK's packages.
"""

import importlib
import json
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any

TAG = "$t"
ALLOWED_PACKAGES = ("botbuilder.", "botframework.", "bot.", "dialogs.", "domain.")


class StateCodecError(ValueError):
    """The data names a type that may not be restored, or a value cannot be stored."""


def to_json(item: Any) -> str:
    return json.dumps(_plain(item), ensure_ascii=False, separators=(",", ":"))


def from_json(text: str) -> Any:
    return json.loads(text, object_hook=_restore)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return {TAG: "enum", "type": _type_name(type(value)), "value": value.value}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dict):
        if TAG in value or not all(isinstance(key, str) for key in value):
            return {TAG: "dict", "items": [[_plain(k), _plain(v)] for k, v in value.items()]}
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return {TAG: "tuple", "items": [_plain(item) for item in value]}
    if isinstance(value, datetime):
        return {TAG: "datetime", "value": value.isoformat()}
    if hasattr(value, "__dict__"):
        attributes = {k: _plain(v) for k, v in vars(value).items() if v is not None}
        return {TAG: "object", "type": _type_name(type(value)), "attributes": attributes}
    raise StateCodecError(f"cannot store a {type(value).__name__} in dialog state")


def _restore(data: dict) -> Any:
    kind = data.get(TAG)
    if kind is None:
        return data
    if kind == "dict":
        return {_hashable(k): v for k, v in data["items"]}
    if kind == "tuple":
        return tuple(data["items"])
    if kind == "datetime":
        return datetime.fromisoformat(data["value"])
    if kind == "enum":
        return _allowed_type(data["type"])(data["value"])
    if kind == "object":
        return _instantiate(_allowed_type(data["type"]), data["attributes"])
    raise StateCodecError(f"unknown tag {kind!r} in dialog state")


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


def _instantiate(cls: type, attributes: dict) -> Any:
    try:
        instance = cls()  # SDK models set every attribute to None in their constructor
    except TypeError:
        instance = cls.__new__(cls)
    instance.__dict__.update(attributes)
    return instance


def _type_name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


@cache
def _allowed_type(name: str) -> type:
    module_name, _, qualname = name.partition(":")
    if not module_name.startswith(ALLOWED_PACKAGES):
        raise StateCodecError(f"type {name!r} may not be restored from dialog state")
    found: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not isinstance(found, type):
        raise StateCodecError(f"{name!r} is not a class")
    return found
