"""How the flows reach people outside the conversation they are in: through the outbox."""

from collections.abc import Sequence
from typing import Protocol

from domain.notices import Notice, Outcomes, Recipient


class Delivery(Protocol):
    async def flush(self, notices: Sequence[Notice]) -> Outcomes:
        """Sends, right away, the notices a change stored with it (domain.notices); returns
        what became of each. What cannot go now stays in the outbox until it can."""
        ...

    async def send(self, notices: Sequence[Notice]) -> Outcomes:
        """Stores and sends messages that no change causes (an answer to a read, a code)."""
        ...

    def flush_soon(self, notices: Sequence[Notice]) -> None:
        """Like `flush`, right after the current turn has answered (an invoke whose card
        must come back fast)."""
        ...

    async def reachable(self, recipient: Recipient) -> bool:
        """Whether the recipient can be reached in Teams now (for what is only worth
        sending now, such as a card someone asked for)."""
        ...

    @property
    def sends_email(self) -> bool:
        """Whether e-mails go out (an SMTP server is configured), so a flow can say what
        will happen when they would only wait."""
        ...
