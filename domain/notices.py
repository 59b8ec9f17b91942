"""Messages a change causes, stored in the same transaction as the change (the outbox)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """A text or card for someone's own chat with the bot. Written with the change, it is
    not lost when sending fails or the process stops, and not sent for a change that did
    not happen."""

    channel_id: str
    user_id: str
    message: str | dict
