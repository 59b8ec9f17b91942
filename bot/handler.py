"""The router: every activity to the flow that declared it (dialogs.routes).

One turn: the user's and the conversation's state are read, the activity goes to its
route, and the state is written back only when the turn succeeded (a failed turn leaves
it as it was; bot.adapter apologises). Which route:

- e-mail: each message on its own (dialogs.email); Web Chat: the zelf aanmelden
  conversation, or a referrer's own page, and nothing else (dialogs.web_chat);
- a message: a command (typed, or a menu card's choice) interrupts whatever was asked;
  a file goes by its kind; a card submit by its verb; typed text answers the question
  the conversation waits for, else it is taken as a question (dialogs.consult);
- an invoke: Action.Execute by its verb, other invokes by their name; anything else a
  clear 400;
- a conversation update: the welcome.
"""

from microsoft_agents.activity import Activity, ActivityTypes, InvokeResponse
from microsoft_agents.hosting.core import TurnContext

from bot.commands import command_of
from bot.email_channel import email_command
from bot.invoke_responses import CARD_ACTION_INVOKE, card_outcome, invoke_error
from bot.members import RosterMembers
from bot.turn import ChannelTurn
from dialogs.cards import BadCardData
from dialogs.consult import Ask, looks_like_a_question
from dialogs.email import EmailConversation
from dialogs.general import General
from dialogs.routes import WAITING_FOR, Routes, stop_waiting, submit_verb
from dialogs.self_apply import is_self_apply_channel
from dialogs.texts import text
from dialogs.turn import TurnState
from dialogs.web_chat import WebChat
from storage.bot_state import StateStore, state_keys

WEBCHAT_JOIN = "webchat/join"  # the event bot/static/aanmelden.js sends on connecting
EMAIL = "email"


class RetBot:
    def __init__(
        self,
        states: StateStore,
        roster: RosterMembers,
        routes: Routes,
        general: General,
        ask: Ask,
        email: EmailConversation,
        self_apply: WebChat,
    ) -> None:
        self._states = states
        self._roster = roster
        self._routes = routes
        self._general = general
        self._ask = ask
        self._email = email
        self._self_apply = self_apply

    async def on_turn(self, context: TurnContext) -> None:
        activity = context.activity
        keys = state_keys(
            str(activity.channel_id), activity.from_property.id, activity.conversation.id
        )
        loaded = await self._states.load(keys)
        turn = ChannelTurn(context, TurnState(loaded.user, loaded.conversation), self._roster)
        answer = await self._route(turn)
        if answer is not None:  # an invoke's answer goes back in the HTTP response
            await context.send_activity(Activity(type=ActivityTypes.invoke_response, value=answer))
        await self._states.save(loaded)

    async def _route(self, turn: ChannelTurn) -> InvokeResponse | None:
        activity = turn.context.activity
        if activity.type == ActivityTypes.invoke:
            return await self._invoke(turn)
        if is_self_apply_channel(turn.channel_id):  # parents and young people: only this
            await self._self_apply_turn(turn, activity)
        elif activity.type == ActivityTypes.message:
            if turn.channel_id == EMAIL:  # no cards, no waiting: each e-mail on its own
                await self._email.answer(turn, email_command(turn.text))
            else:
                await self._message(turn)
        elif activity.type == ActivityTypes.conversation_update and _welcomes(activity, turn):
            await self._general.welcome(turn)
        return None

    async def _message(self, turn: ChannelTurn) -> None:
        routes = self._routes
        command = command_of(turn.text, turn.value)
        if command == "help":  # then the question that was asked, again
            await self._general.help(turn)
            waiting = routes.waiting.get(turn.state.conversation.get(WAITING_FOR))
            if waiting is not None:
                await waiting.ask_again(turn)
            return
        if command is not None:  # commands and menu choices interrupt whatever was asked
            stop_waiting(turn)
            await routes.commands[command](turn)
            return
        if turn.upload is not None:  # a file is never an answer to a question
            handle_file = routes.files.get(turn.upload.kind)
            if handle_file is None:
                await turn.send(text("notulen.file_kind", turn.language))
            else:
                await handle_file(turn)
            return
        verb = submit_verb(turn.value, routes.submits)
        if verb is not None:
            try:
                await routes.submits[verb](turn)
            except BadCardData:
                await turn.send(text("fallback", turn.language))
            return
        waiting = routes.waiting.get(turn.state.conversation.get(WAITING_FOR))
        if waiting is not None:
            await waiting.reply(turn)
        elif looks_like_a_question(turn.text):
            await self._ask.typed(turn)
        else:
            stop_waiting(turn)  # it may have waited for a flow that is no more
            await turn.send(text("fallback", turn.language))

    async def _invoke(self, turn: ChannelTurn) -> InvokeResponse:
        """Web Chat for parents and young people has no Action.Execute cards nor files:
        every invoke is refused there."""
        if is_self_apply_channel(turn.channel_id):
            return InvokeResponse(status=400, body={"error": "unsupported invoke"})
        if turn.name == CARD_ACTION_INVOKE:
            return await self._card_action(turn)
        handle = self._routes.invokes.get(turn.name or "")
        if handle is None:
            return invoke_error(turn.name, 400, "unsupported invoke")
        try:
            await handle(turn)
        except BadCardData as bad:
            return invoke_error(turn.name, 400, str(bad))
        return InvokeResponse(status=200)

    async def _card_action(self, turn: ChannelTurn) -> InvokeResponse:
        """Action.Execute: the answer replaces the clicked card."""
        action = turn.value.get("action") if isinstance(turn.value.get("action"), dict) else {}
        verb, data = action.get("verb"), action.get("data")
        act = self._routes.actions.get(verb) if isinstance(verb, str) else None
        if act is None or not isinstance(data, dict):
            return invoke_error(CARD_ACTION_INVOKE, 400, "unknown card action")
        try:
            outcome = await act(turn, verb, data)
        except BadCardData as bad:
            return invoke_error(CARD_ACTION_INVOKE, 400, str(bad))
        return card_outcome(outcome)

    async def _self_apply_turn(self, turn: ChannelTurn, activity: Activity) -> None:
        """/aanmelden: its page says 'webchat/join' as soon as Web Chat is connected, and
        the channel may announce the applicant as well; the welcome comes once."""
        if activity.type == ActivityTypes.message:
            await self._self_apply.on_message(turn)
            return
        joined = activity.type == ActivityTypes.event and activity.name == WEBCHAT_JOIN
        announced = activity.type == ActivityTypes.conversation_update and _others_added(activity)
        if joined or announced:
            await self._self_apply.greet(turn)


def _others_added(activity: Activity) -> bool:
    bot_id = activity.recipient.id if activity.recipient else None
    return any(member.id != bot_id for member in activity.members_added or [])


def _welcomes(activity: Activity, turn: ChannelTurn) -> bool:
    """In a 1:1 chat everyone is welcomed; in a team or group only the bot's own arrival."""
    bot_id = activity.recipient.id if activity.recipient else None
    bot_was_added = any(member.id == bot_id for member in activity.members_added or [])
    return bot_was_added or (turn.personal and _others_added(activity))
