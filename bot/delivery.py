"""Proactive delivery through the outbox and stored conversation references (implements
dialogs.delivery.Delivery)."""

import logging
from dataclasses import replace

from bot.email_channel import html_body, plain
from bot.outbox import OutboxDispatcher
from domain.mail import Mail
from domain.people import chairs
from domain.ret import Member, RetConfig
from storage.member_emails import MemberEmails
from storage.references import ReferenceRepository, StoredReference

log = logging.getLogger("retbot.delivery")


class ProactiveDelivery:
    """Each message is written to the outbox and sent at once; a failed send is retried by
    the dispatcher. True means somebody can be reached, not that the message arrived yet."""

    def __init__(
        self,
        dispatcher: OutboxDispatcher,
        references: ReferenceRepository,
        member_emails: MemberEmails,
        ret: RetConfig,
    ) -> None:
        self._dispatcher = dispatcher
        self._references = references
        self._member_emails = member_emails
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

    async def to_roster_member(self, member: Member, message: str | dict) -> bool:
        return await self._send(await self._personal_chat_of(member), message, "member chat")

    async def to_email(self, mail: Mail) -> bool:
        if not any(address.strip() for address in mail.to):
            log.warning("an email without a recipient was not stored")
            return False
        if mail.html is None:
            mail = replace(mail, text=plain(mail.text), html=html_body(mail.text))
        await self._dispatcher.send_email(mail)
        return True

    @property
    def sends_email(self) -> bool:
        return self._dispatcher.sends_email

    async def flush(self) -> None:
        await self._dispatcher.dispatch_due()

    async def _send(self, target: StoredReference | None, message: str | dict, whom: str) -> bool:
        if target is None:
            log.warning("no stored conversation to reach the %s", whom)
            return False
        await self._dispatcher.send_now(target, message)
        return True

    async def to_chair_privately(self, message: str | dict) -> bool:
        return await self._send(await self._chairs_own_chat(), message, "voorzitter's own chat")

    async def _chair_conversation(self) -> StoredReference | None:
        return await self._references.find_latest_channel() or await self._chairs_own_chat()

    async def _chairs_own_chat(self) -> StoredReference | None:
        """The voorzitter's personal chat, else the first stand-in's that exists."""
        for chair in chairs(self._ret):
            if (found := await self._personal_chat_of(chair)) is not None:
                return found
        return None

    async def _personal_chat_of(self, member: Member) -> StoredReference | None:
        """By the roster's AAD id; for a member listed by email only, by the id they were
        last recognised with (bot.members)."""
        aad_object_id = member.aad_object_id or await self._member_emails.aad_object_id_of(
            member.email
        )
        if aad_object_id is None:
            return None
        return await self._references.find_user_by_aad_object_id(aad_object_id)
