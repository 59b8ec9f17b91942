"""dialogs.turn.Turn over the SDK's TurnContext: the one place where a flow's turn meets
the Agents SDK's objects."""

from collections.abc import Sequence

from microsoft_agents.hosting.core import TurnContext

from bot.activities import card_activity, message_activity
from bot.activity_facts import is_personal, is_team_channel, tenant_of, uploaded_file
from bot.commands import typed_text
from bot.email_channel import inbound_text, is_email
from bot.members import RosterMembers
from bot.recipient_language import TEAMS, locale_language
from dialogs.texts import DEFAULT_LANGUAGE, Language
from dialogs.turn import LANGUAGE, Speaker, TurnState
from domain.ret import Member

# Channels where a bot may change a message it sent (Direct Line and e-mail cannot).
CHANNELS_THAT_UPDATE = frozenset({"msteams", "emulator"})


class ChannelTurn:
    """Implements dialogs.turn.Turn."""

    def __init__(self, context: TurnContext, state: TurnState, members: RosterMembers) -> None:
        activity = context.activity
        sender = activity.from_property
        self.context = context  # for the edge only (invoke answers, the e-mail channel)
        self.channel_id = str(activity.channel_id)
        self.conversation_id: str = activity.conversation.id
        self.speaker = Speaker(sender.id, sender.name or sender.id, sender.aad_object_id)
        self.text = inbound_text(activity) if is_email(activity) else typed_text(activity)
        self.value: dict = activity.value if isinstance(activity.value, dict) else {}
        self.name: str | None = activity.name
        self.personal = is_personal(activity)
        self.team_channel = is_team_channel(activity)
        self._others_read_along = not (self.personal or is_email(activity))
        self.tenant_id = tenant_of(activity)
        self.upload = uploaded_file(activity)
        self.state = state
        # Teams sends the language its user reads it in; a browser's (Web Chat) says less.
        self._locale = activity.locale if self.channel_id == TEAMS else None
        self._members = members

    @property
    def language(self) -> Language:
        """The person's own choice in their own chat, else their Teams locale's; in a
        group chat or a team channel, where others read along, the RET's language."""
        if self._others_read_along:
            return DEFAULT_LANGUAGE
        if LANGUAGE in self.state.user:
            return self.state.language
        return locale_language(self._locale) or DEFAULT_LANGUAGE

    async def send(
        self, message: str | dict, choices: Sequence[str] = (), card: dict | None = None
    ) -> None:
        await self.context.send_activity(message_activity(message, choices, card))

    async def replace_card(self, card: dict) -> bool:
        card_message = self.context.activity.reply_to_id
        if not card_message or self.channel_id not in CHANNELS_THAT_UPDATE:
            return False
        if not self.personal:  # a card where others read along stays as they saw it
            return False
        replacement = card_activity(card)
        replacement.id = card_message
        await self.context.update_activity(replacement)
        return True

    async def member(self) -> Member | None:
        return await self._members.member_of(self.context)
