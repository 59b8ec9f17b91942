"""Who is writing: the flows ask this instead of reading the roster themselves, because
recognising someone may take a question to the channel (their email, in Teams)."""

from typing import Protocol

from botbuilder.core import TurnContext

from domain.ret import Member


class MemberLookup(Protocol):
    async def member_of(self, turn_context: TurnContext) -> Member | None:
        """The RET member who sent this turn's activity; None for anyone else (referrers,
        and members who cannot be recognised right now)."""
        ...
