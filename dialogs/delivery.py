"""How the flows reach people outside the conversation they are in (proactive messages)."""

from typing import Protocol

from domain.mail import Mail
from domain.ret import Member


class Delivery(Protocol):
    async def chair_card(self, card: dict) -> bool:
        """Shows a card where the voorzitter works: the RET's team channel when the bot is
        installed there, else the voorzitter's (or a stand-in's) personal chat. False when
        no voorzitter can be reached. Cards there carry case number and initials only."""
        ...

    async def alert_chair(self, message: str) -> bool:
        """A short, case-free text where the voorzitter sees it."""
        ...

    async def to_user(self, channel_id: str, user_id: str, message: str | dict) -> bool:
        """A text or card in someone's own chat with the bot."""
        ...

    async def to_chair_privately(self, message: str | dict) -> bool:
        """What only the voorzitter may read (a reason, an answer link): in the voorzitter's
        own chat, else a stand-in's; never a channel. False when none can be reached."""
        ...

    async def to_roster_member(self, member: Member, message: str | dict) -> bool:
        """A text or card in the personal chat of someone on the RET's roster, also when
        the roster lists them by email only. False when they cannot be reached."""
        ...

    async def to_member(self, aad_object_id: str, message: str | dict) -> bool:
        """A text or card in the personal chat of an RET member."""
        ...

    async def to_email(self, mail: Mail) -> bool:
        """An email to people outside Teams (through the outbox). False when it has no
        recipient; without an SMTP server it waits in the outbox (see `sends_email`)."""
        ...

    @property
    def sends_email(self) -> bool:
        """Whether emails go out (an SMTP server is configured), so a flow can choose
        another way when they would only wait."""
        ...

    async def flush(self) -> None:
        """Sends, right away, what a change stored in the outbox in its own transaction
        (domain.notices); what cannot be sent now is retried later."""
        ...
