"""A turn as the flows see it: who says what, where, and how to answer them.

The channel edge (bot/) makes one for every activity it receives; the flows never see the
Bot Framework's own objects. What the bot remembers between turns is in `state`: per user
(their language, a draft request) and per conversation (what the bot is waiting for), saved
by the edge only when the turn succeeded.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from dialogs.texts import DEFAULT_LANGUAGE, Language
from dialogs.uploads import UploadedFile
from domain.cases import Referrer
from domain.ret import Member

LANGUAGE = "language"  # the user's choice, in their state


@dataclass(frozen=True)
class Speaker:
    """Who sent the activity, by the ids their channel gives."""

    id: str
    name: str
    aad_object_id: str | None = None


@dataclass
class TurnState:
    """What the bot remembers: `user` goes with the person (in every chat), and
    `conversation` with this one chat."""

    user: dict = field(default_factory=dict)
    conversation: dict = field(default_factory=dict)

    @property
    def language(self) -> Language:
        return self.user.get(LANGUAGE, DEFAULT_LANGUAGE)

    @language.setter
    def language(self, chosen: Language) -> None:
        self.user[LANGUAGE] = chosen


class Turn(Protocol):
    channel_id: str  # "msteams", "email", "webchat", "directline", "emulator"
    conversation_id: str
    speaker: Speaker
    text: str  # what was typed, without an @mention of the bot
    value: dict  # a card's data on a submit or an action ({} for none)
    name: str | None  # an event's or an invoke's name
    personal: bool  # a 1:1 chat with the bot (not a group chat or a team channel)
    team_channel: bool  # a channel of a team (where the RET's posts go), not a group chat
    tenant_id: str | None
    upload: UploadedFile | None  # a file sent in a Teams personal chat
    state: TurnState

    @property
    def language(self) -> Language:
        """The language to answer this person in."""
        ...

    async def send(
        self, message: str | dict, choices: Sequence[str] = (), card: dict | None = None
    ) -> None:
        """A text or an Adaptive Card (a dict) in this conversation; `choices` as buttons
        under a text that the user can tap instead of typing; `card` under the text, in
        the same message."""
        ...

    async def replace_card(self, card: dict) -> bool:
        """Puts `card` where the card stood whose submit this turn is (its read-only
        result, so it cannot be sent twice), in a personal chat; False where the channel
        does not let a bot change what it sent (Web Chat, e-mail), in a group chat or a
        channel, or when the submit does not say which card."""
        ...

    async def member(self) -> Member | None:
        """The RET member who sent this, if it is one (recognising them may take a
        question to the channel, once)."""
        ...


def referrer_of(turn: Turn) -> Referrer:
    """The sender as the referrer of a request or the asker of a question."""
    speaker = turn.speaker
    return Referrer(turn.channel_id, speaker.id, speaker.name or speaker.id, speaker.aad_object_id)
