"""Web Chat (channels `webchat` and `directline`) serves two pages: a referrer on their
personal page (a user id that bot.links.ReferrerIds made for their address) and, for every
other user id, parents and young people on /aanmelden."""

from typing import Protocol

from dialogs.referrer_web import ReferrerWebConversation
from dialogs.self_apply import SelfApplyConversation
from dialogs.turn import Turn


class ReferrerIdentities(Protocol):
    def email_of(self, user_id: str) -> str | None:
        """The address a referrer's user id was made for; None for anyone else."""
        ...


class WebChat:
    def __init__(
        self,
        families: SelfApplyConversation,
        referrers: ReferrerWebConversation,
        identities: ReferrerIdentities,
    ) -> None:
        self._families = families
        self._referrers = referrers
        self._identities = identities

    async def greet(self, turn: Turn) -> None:
        email = self._identities.email_of(turn.speaker.id)
        if email is None:
            await self._families.greet(turn)
        else:
            await self._referrers.greet(turn, email)

    async def on_message(self, turn: Turn) -> None:
        email = self._identities.email_of(turn.speaker.id)
        if email is None:
            await self._families.on_message(turn)
        else:
            await self._referrers.on_message(turn, email)
