"""What each flow answers to, declared by the flow: typed commands, card submits (by their
verb), Action.Execute verbs, files sent in the personal chat, invokes, and the replies it
waits for. The channel edge merges every flow's routes into one table (a verb declared
twice stops the start) and dispatches by it, as the Agents SDK's AgentApplication does.
"""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, fields

from dialogs.turn import Turn

Handler = Callable[[Turn], Awaitable[None]]
"""Answers a turn (a command, a card submit, a file, a typed reply)."""
CardAction = Callable[[Turn, str, dict], Awaitable[dict | str]]
"""Answers an Action.Execute verb with the card that replaces the clicked one, or a
message to show on it."""
VERB = "verb"  # every card action's data says which route it takes
WAITING_FOR = "waiting"  # in the conversation's state: the question that waits for a reply


@dataclass(frozen=True)
class Waiting:
    """A question the flow asked and waits for a typed answer to."""

    reply: Handler  # the answer arrived (any typed text while it waits)
    ask_again: Handler  # after 'help', the question again


@dataclass(frozen=True)
class Routes:
    commands: Mapping[str, Handler] = field(default_factory=dict)
    submits: Mapping[str, Handler] = field(default_factory=dict)  # by the data's verb
    actions: Mapping[str, CardAction] = field(default_factory=dict)  # Action.Execute verbs
    files: Mapping[str, Handler] = field(default_factory=dict)  # by kind: "docx", "vtt"
    invokes: Mapping[str, Handler] = field(default_factory=dict)  # by invoke name
    waiting: Mapping[str, Waiting] = field(default_factory=dict)  # by what it waits for


def merged(*all_routes: Routes) -> Routes:
    """One table from every flow's; raises ValueError when two flows declare one route."""
    tables: dict[str, dict] = {f.name: {} for f in fields(Routes)}
    for routes in all_routes:
        for name, table in tables.items():
            declared = getattr(routes, name)
            doubled = table.keys() & declared.keys()
            if doubled:
                raise ValueError(f"{name} declared twice: {sorted(doubled)}")
            table.update(declared)
    return Routes(**tables)


def submit_verb(value: dict, submits: Mapping[str, Handler]) -> str | None:
    """The route of a card submit: its verb; a card sent before submits carried one has
    its verb as a key of its data instead."""
    verb = value.get(VERB)
    if isinstance(verb, str) and verb in submits:
        return verb
    return next((key for key in submits if key in value), None)


def wait_for(turn: Turn, question: str) -> None:
    """From now on typed text in this conversation answers `question` (a Waiting route)."""
    turn.state.conversation[WAITING_FOR] = question


def stop_waiting(turn: Turn) -> None:
    turn.state.conversation.pop(WAITING_FOR, None)
