"""How retbot reaches someone: the stored conversation in Teams (or the chat they talk to it
in), else their e-mail address from the RET file. Used by the outbox when it sends a notice
(domain.notices) and by `retbot reach`.

A roster member is found in Teams by the AAD object id the RET file gives, else by the id
they were last recognised with (bot.members keeps which roster e-mail a Teams user is).
Where Microsoft Graph is configured (bot.graph), retbot installs itself for a member it
cannot reach yet, once a day at most, and then has their chat.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from domain.notices import Chair, ChairPlace, Chat, Recipient, RosterMember
from domain.people import chairs, find_member
from domain.ret import Member, RetConfig
from storage.member_emails import MemberEmails
from storage.references import ReferenceRepository, StoredReference


class TeamsInstaller(Protocol):
    async def personal_chat(self, member: Member) -> StoredReference | None:
        """Installs retbot for the member (when it may) and returns their chat with it."""
        ...


@dataclass(frozen=True)
class MemberReach:
    """How `retbot reach` shows one roster member."""

    member: Member
    in_teams: bool
    recognised_by: str  # "aad" (RET file), "e-mail" (recognised once), "" (not yet)


class Reach:
    def __init__(
        self,
        ret: RetConfig,
        references: ReferenceRepository,
        member_emails: MemberEmails,
        installer: TeamsInstaller | None = None,
    ) -> None:
        self._ret = ret
        self._references = references
        self._member_emails = member_emails
        self._installer = installer

    async def in_teams(self, recipient: Recipient) -> StoredReference | None:
        """The conversation to post in; None when the recipient has none (yet)."""
        match recipient:
            case Chat(channel_id, user_id):
                return await self._references.find(channel_id, "user", user_id)
            case RosterMember(email):
                member = find_member(self._ret, None, email)
                return await self.member_chat(member, install=True) if member else None
            case Chair(place):
                if place is ChairPlace.TEAM:
                    channel = await self._references.find_latest_channel()
                    if channel is not None:
                        return channel
                return await self._chairs_chat()
        return None

    def email_addresses(self, recipient: Recipient, urgent: bool) -> tuple[str, ...]:
        """Where an e-mail goes instead: the member's address; for the voorzitter, theirs,
        and when it is urgent the stand-ins' too. Nothing for someone's own chat."""
        match recipient:
            case RosterMember(email):
                member = find_member(self._ret, None, email)
                return (member.email,) if member else ()
            case Chair():
                people = chairs(self._ret)
                return tuple(m.email for m in (people if urgent else people[:1]))
        return ()

    def name_of(self, recipient: Recipient) -> str | None:
        """The roster name of a member or voorzitter recipient (for greetings)."""
        match recipient:
            case RosterMember(email):
                member = find_member(self._ret, None, email)
                return member.name if member else None
            case Chair():
                return chairs(self._ret)[0].name
        return None

    async def member_chat(self, member: Member, install: bool = False) -> StoredReference | None:
        aad_object_id = member.aad_object_id or await self._member_emails.aad_object_id_of(
            member.email
        )
        if aad_object_id is not None:
            found = await self._references.find_user_by_aad_object_id(aad_object_id)
            if found is not None:
                return found
        if install and self._installer is not None:
            installed = await self._installer.personal_chat(member)
            if installed is not None and installed.aad_object_id and not member.aad_object_id:
                # Who this member is in Teams, as bot.members would learn on their first turn.
                now = datetime.now(UTC)
                await self._member_emails.remember(installed.aad_object_id, member.email, now)
            return installed
        return None

    async def roster(self) -> list[MemberReach]:
        """Every roster member, and whether retbot has a chat with them in Teams."""
        found = []
        for member in self._ret.members:
            known = member.aad_object_id or await self._member_emails.aad_object_id_of(member.email)
            how = "aad" if member.aad_object_id else ("e-mail" if known else "")
            found.append(MemberReach(member, await self.member_chat(member) is not None, how))
        return found

    async def stored(self, channel_id: str, scope: str, scope_id: str) -> StoredReference | None:
        """A stored conversation by its key (outbox rows of before the notices)."""
        return await self._references.find(channel_id, scope, scope_id)

    async def team_channel(self) -> StoredReference | None:
        return await self._references.find_latest_channel()

    async def _chairs_chat(self) -> StoredReference | None:
        """The voorzitter's own chat, else the first stand-in's that exists."""
        for chair in chairs(self._ret):
            if (found := await self.member_chat(chair, install=True)) is not None:
                return found
        return None
