"""The language a notice's recipient reads (domain.notices.Localized): their own choice
(the `language` command, kept in their user state), else the locale of their Teams chat,
else the language the RET file gives them, else the RET's. A post in a team channel or a
group chat, where others read along, is in the RET's language."""

import json

from dialogs.texts import DEFAULT_LANGUAGE, Language
from dialogs.turn import LANGUAGE
from domain.notices import LANGUAGES, Chair, Chat, Recipient, RosterMember
from domain.people import chairs, find_member
from domain.ret import Member, RetConfig
from storage.bot_state import StateStore, state_keys
from storage.references import StoredReference

TEAMS = "msteams"  # whose locale is the language its user reads Teams in


def locale_language(locale: str | None) -> Language | None:
    """The language of a locale ("en-US": "en"); None for one retbot does not speak."""
    if not locale:
        return None
    language = locale.replace("_", "-").split("-", 1)[0].lower()
    return language if language in LANGUAGES else None  # type: ignore[return-value]


class RecipientLanguages:
    def __init__(self, ret: RetConfig, states: StateStore | None = None) -> None:
        self._ret = ret
        self._states = states

    async def of(self, recipient: Recipient | None, reference: StoredReference | None) -> Language:
        """`reference`: where the message goes in Teams (None: by e-mail)."""
        if reference is not None and reference.scope != "user":
            return DEFAULT_LANGUAGE  # a channel or group chat: others read along
        if isinstance(recipient, Chat):
            chosen = await self._chosen(recipient.channel_id, recipient.user_id)
            if chosen:
                return chosen
        elif reference is not None:
            chosen = await self._chosen(reference.channel_id, reference.scope_id)
            if chosen:
                return chosen
        in_teams = reference is not None and reference.channel_id == TEAMS
        if in_teams and (found := locale_language(reference.reference.get("locale"))):
            return found
        member = self._member(recipient)
        return (member.language if member else None) or DEFAULT_LANGUAGE

    async def _chosen(self, channel_id: str, user_id: str) -> Language | None:
        if self._states is None:
            return None
        key = state_keys(channel_id, user_id, "").user
        stored = (await self._states.read_stored([key])).get(key)
        chosen = json.loads(stored.data).get(LANGUAGE) if stored else None
        return chosen if chosen in LANGUAGES else None

    def _member(self, recipient: Recipient | None) -> Member | None:
        match recipient:
            case RosterMember(email):
                return find_member(self._ret, None, email)
            case Chair():
                found = chairs(self._ret)
                return found[0] if found else None
        return None
