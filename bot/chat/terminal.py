"""`retbot chat`: a terminal conversation with a running retbot.

Bot messages are printed as they arrive (also proactive ones); buttons get numbers.
Type a number to press a button, anything else is sent as a message; an empty line
or end of input (Ctrl-D) ends the chat.
"""

import asyncio
import sys
import uuid
from collections.abc import Awaitable, Callable

from aiohttp import ClientConnectorError, ClientSession

from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation, TurnResult
from bot.chat.render import (
    ADAPTIVE,
    CardInput,
    ChatAction,
    Rendered,
    outcome_message,
    render_activity,
    render_card,
)
from bot.email_channel import plain
from domain.ret import Member

Ask = Callable[[str], Awaitable[str | None]]


async def read_line(prompt: str) -> str | None:
    print(prompt, end="", flush=True)
    line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    if not line:
        return None
    if not sys.stdin.isatty():  # piped input: echo it, so the transcript reads as a chat
        print(line.rstrip("\n"), flush=True)
    return line.rstrip("\n")


class TerminalChat:
    def __init__(self, ask: Ask = read_line) -> None:
        self.actions: list[ChatAction] = []
        self._ask = ask
        self._new_turn = False

    def begin_turn(self) -> None:
        """The bot's next message starts a fresh set of button numbers."""
        self._new_turn = True

    def show(self, rendered: Rendered) -> None:
        if self._new_turn:
            self.actions.clear()
            self._new_turn = False
        for line in rendered.lines:
            print(f"retbot> {plain(line)}")
        for action in rendered.actions:
            self.actions.append(action)
            print(f"  [{len(self.actions)}] {action.title}")
        sys.stdout.flush()

    def notice(self, line: str) -> None:
        """A line from the bot that leaves the buttons as they are."""
        print(f"retbot> {plain(line)}", flush=True)

    def on_activity(self, activity: dict) -> None:
        if activity.get("type") == "message":
            self.show(render_activity(activity))

    async def fill_inputs(self, inputs: list[CardInput]) -> dict[str, str] | None:
        values: dict[str, str] = {}
        for card_input in inputs:
            value = await self._ask_input(card_input)
            if value is None:
                return None
            values[card_input.id] = value
        return values

    async def _ask_input(self, card_input: CardInput) -> str | None:
        while True:
            if card_input.choices:
                for number, (title, _value) in enumerate(card_input.choices, 1):
                    print(f"    {number}) {title}")
            hint = " (nummers met komma's)" if card_input.multi else ""
            hint += " (j/n)" if card_input.kind == "toggle" else ""
            hint += f" [Enter: {shown}]" if (shown := _prefilled(card_input)) else ""
            answer = await self._ask(f"  {card_input.label}{hint}: ")
            if answer is None:
                return None
            value = _parse_input(card_input, answer.strip())
            if value is not None and (value or not card_input.required):
                return value
            print("  Dat antwoord past niet; probeer het nog eens.")


def _prefilled(card_input: CardInput) -> str:
    """What the form holds already (asked again, it keeps what was filled in), as shown."""
    if card_input.kind == "toggle":
        return {card_input.value_on: "j", card_input.value_off: "n"}.get(card_input.default, "")
    titles = dict((value, title) for title, value in card_input.choices)
    return ", ".join(titles.get(v, v) for v in card_input.default.split(",") if v)


def _parse_input(card_input: CardInput, answer: str) -> str | None:
    if not answer:
        return card_input.default
    if card_input.kind == "toggle":
        return (
            card_input.value_on
            if answer.lower() in ("j", "ja", "y", "yes")
            else card_input.value_off
        )
    if not card_input.choices:
        return answer
    picked = []
    for part in answer.split(","):
        part = part.strip()
        if not (part.isdigit() and 1 <= int(part) <= len(card_input.choices)):
            return None
        picked.append(card_input.choices[int(part) - 1][1])
    if len(picked) > 1 and not card_input.multi:
        return None
    return ",".join(picked)


async def perform(
    chat: TerminalChat, conversation: Conversation, action: ChatAction
) -> TurnResult | None:
    """Sends what pressing the button sends in a real client."""
    if action.kind == "open_url":
        print(f"  (open in je browser: {action.data})")
        return None
    if action.kind == "show_card":
        chat.show(render_card(action.card or {}, action.inputs))
        return None
    if action.kind == "message":
        return await conversation.send(
            conversation.activity("message", text=action.text, value=action.data)
        )
    inputs = await chat.fill_inputs(action.inputs)
    if inputs is None:
        return None
    data = {**(action.data if isinstance(action.data, dict) else {}), **inputs}
    if action.kind == "execute":
        result = await conversation.execute(action.verb, data)
        body = result.body if isinstance(result.body, dict) else {}
        if body.get("type") == ADAPTIVE and isinstance(body.get("value"), dict):
            chat.show(render_card(body["value"]))  # the card that replaces the clicked one
        elif (message := outcome_message(body)) is not None:
            chat.notice(message)  # shown with the card, which stays
        return result
    return await conversation.submit(data)


async def run_terminal_chat(
    bot_url: str,
    *,
    user_name: str,
    user_id: str | None,
    locale: str,
    member: Member | None = None,
    ask: Ask = read_line,
) -> int:
    chat = TerminalChat(ask)
    connector = ConnectorEndpoint(on_activity=chat.on_activity)
    await connector.start()
    try:
        async with ClientSession() as session:
            conversation = Conversation(
                bot_url, connector, session, user_id=user_id, user_name=user_name, locale=locale
            )
            if member is not None:
                speak_as(conversation, member)
            try:
                await _checked(await conversation.join())
            except ClientConnectorError:
                print(
                    f"retbot chat: geen bot bereikbaar op {bot_url}. Draait 'retbot serve'?",
                    file=sys.stderr,
                )
                return 1
            while (line := await ask("jij> ")) not in (None, ""):
                chat.begin_turn()
                if line.strip().isdigit() and 1 <= int(line) <= len(chat.actions):
                    result = await perform(chat, conversation, chat.actions[int(line) - 1])
                else:
                    result = await conversation.say(line)
                if result is not None:
                    await _checked(result)
    finally:
        await connector.stop()
    return 0


async def _checked(result: TurnResult) -> None:
    if result.status >= 400:
        print(
            f"retbot chat: de bot antwoordde met HTTP {result.status}: {result.body}",
            file=sys.stderr,
        )


def speak_as(conversation: Conversation, member: Member) -> None:
    """The chat as a RET member's personal chat in Teams: their AAD object id, or, for a
    member the RET file lists by e-mail only, the address Teams would give retbot."""
    key = member.aad_object_id or member.email
    conversation.channel_id = "msteams"
    conversation.user = {
        "id": f"retbot-chat-{key}",
        "name": member.name,
        "aadObjectId": member.aad_object_id or str(uuid.uuid5(uuid.NAMESPACE_URL, key)),
    }
    conversation.connector.directory[conversation.user["id"]] = member.email
    conversation.extra = {"conversation": {"id": conversation.id, "conversationType": "personal"}}
