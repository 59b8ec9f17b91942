"""Proactive delivery through stored conversation references (implements
dialogs.delivery.Delivery)."""

import logging

from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot.proactive import send_proactive
from dialogs.cards import card_activity
from domain.people import chairs
from domain.ret import RetConfig
from storage.references import ReferenceRepository, StoredReference

log = logging.getLogger("retbot.delivery")


class ProactiveDelivery:
    def __init__(
        self,
        adapter: CloudAdapter,
        bot_app_id: str,
        references: ReferenceRepository,
        ret: RetConfig,
    ) -> None:
        self._adapter = adapter
        self._bot_app_id = bot_app_id
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

    async def _send(self, target: StoredReference | None, message: str | dict, whom: str) -> bool:
        if target is None:
            log.warning("no stored conversation to reach the %s", whom)
            return False
        activity: Activity | str = card_activity(message) if isinstance(message, dict) else message
        await send_proactive(self._adapter, self._bot_app_id, target, activity)
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
