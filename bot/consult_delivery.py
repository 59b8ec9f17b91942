"""Proactive delivery: consultation cards and urgent alerts to the voorzitter, answers back
to the asker."""

import logging

from botbuilder.integration.aiohttp import CloudAdapter

from bot.proactive import send_proactive
from dialogs.cards import card_activity
from dialogs.cards.consult import chair_card
from domain.consultations import Consultation
from domain.people import chairs
from domain.ret import RetConfig
from storage.references import ReferenceRepository, StoredReference

log = logging.getLogger("retbot.consult")


class ProactiveConsultDelivery:
    """The voorzitter's card goes to the RET's team channel when the bot is installed there,
    else to the personal chat of the first voorzitter (or stand-in) who has one."""

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

    async def to_chair(self, consultation: Consultation) -> bool:
        target = await self._chair_conversation()
        if target is None:
            log.warning("consultation %s: no voorzitter reachable in Teams", consultation.id)
            return False
        card = card_activity(chair_card(consultation))
        await send_proactive(self._adapter, self._bot_app_id, target, card)
        return True

    async def alert_chair(self, message: str) -> bool:
        """A short, case-free alert (urgent requests) where the voorzitter sees it."""
        target = await self._chair_conversation()
        if target is None:
            log.warning("urgent alert: no voorzitter reachable in Teams")
            return False
        await send_proactive(self._adapter, self._bot_app_id, target, message)
        return True

    async def to_asker(self, consultation: Consultation, message: str) -> bool:
        asker = consultation.asker
        target = await self._references.find(asker.channel_id, "user", asker.user_id)
        if target is None:
            log.warning("consultation %s: asker has no stored chat", consultation.id)
            return False
        await send_proactive(self._adapter, self._bot_app_id, target, message)
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
