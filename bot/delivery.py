"""Proactive delivery through the outbox and stored conversation references (implements
dialogs.delivery.Delivery)."""

import logging

from bot.outbox import OutboxDispatcher
from domain.people import chairs
from domain.ret import RetConfig
from storage.references import ReferenceRepository, StoredReference

log = logging.getLogger("retbot.delivery")


class ProactiveDelivery:
    """Each message is written to the outbox and sent at once; a failed send is retried by
    the dispatcher. True means somebody can be reached, not that the message arrived yet."""

    def __init__(
        self, dispatcher: OutboxDispatcher, references: ReferenceRepository, ret: RetConfig
    ) -> None:
        self._dispatcher = dispatcher
        self._references = references
        self._ret = ret

    async def chair_card(self, card: dict) -> bool:
        return await self._send(await self._chair_conversation(), card, "voorzitter")

    async def alert_chair(self, message: str) -> bool:
        return await self._send(await self._chair_conversation(), message, "voorzitter")

    async def to_user(self, channel_id: str, user_id: str, message: str | dict) -> bool:
        target = await self._references.find(channel_id, "user", user_id)
        return await self._send(target, message, "user chat")

    async def to_member(self, aad_object_id: str, message: str | dict) -> bool:
        target = await self._references.find_user_by_aad_object_id(aad_object_id)
        return await self._send(target, message, "member chat")

    async def flush(self) -> None:
        await self._dispatcher.dispatch_due()

    async def _send(self, target: StoredReference | None, message: str | dict, whom: str) -> bool:
        if target is None:
            log.warning("no stored conversation to reach the %s", whom)
            return False
        await self._dispatcher.send_now(target, message)
        return True

    async def _chair_conversation(self) -> StoredReference | None:
        channel = await self._references.find_latest_channel()
        if channel is not None:
            return channel
        for chair in chairs(self._ret):
            if chair.aad_object_id:
                found = await self._references.find_user_by_aad_object_id(chair.aad_object_id)
                if found is not None:
                    return found
        return None
