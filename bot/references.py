"""Remembers how to reach every user and conversation, for proactive messages later."""

from collections import OrderedDict
from collections.abc import Awaitable, Callable

from microsoft_agents.activity import Activity, ConversationReference
from microsoft_agents.hosting.core import Middleware, TurnContext

from bot.activity_facts import is_personal, tenant_of
from storage.references import ReferenceRepository, StoredReference


def references_of(activity: Activity) -> list[StoredReference]:
    """The conversation's reference and, in a 1:1 chat, the user's too."""
    if not (activity.conversation and activity.conversation.id and activity.channel_id):
        return []
    reference = activity.get_conversation_reference()
    reference.activity_id = None  # a proactive message starts fresh, not as a reply
    conversation = activity.conversation
    if conversation.conversation_type == "channel":
        reference.conversation.id = channel_itself(conversation.id)
    data = reference.model_dump(by_alias=True, exclude_none=True, mode="json")
    tenant_id = tenant_of(activity)
    user = activity.from_property
    found = [
        StoredReference(
            channel_id=activity.channel_id,
            scope="conversation",
            scope_id=reference.conversation.id,
            aad_object_id=None,
            tenant_id=tenant_id,
            conversation_type=conversation.conversation_type,
            reference=data,
        )
    ]
    if user and user.id and is_personal(activity):
        found.append(
            StoredReference(
                channel_id=activity.channel_id,
                scope="user",
                scope_id=user.id,
                aad_object_id=user.aad_object_id,
                tenant_id=tenant_id,
                conversation_type=conversation.conversation_type,
                reference=data,
            )
        )
    return found


def channel_itself(conversation_id: str) -> str:
    """In a Teams channel, a reply thread is the channel's id plus ';messageid=…': what is
    sent there lands in that thread. Proactive posts start a thread of their own."""
    return conversation_id.split(";messageid=", 1)[0]


def to_conversation_reference(stored: StoredReference) -> ConversationReference:
    return ConversationReference.model_validate(stored.reference)


class ReferenceCaptureMiddleware(Middleware):
    """Stores references on every inbound activity; skips the write when nothing changed.

    After a turn that stored a reference (someone new, or the first turn of a conversation
    since start-up), `on_stored` runs: what waited for that person can go now."""

    def __init__(
        self,
        repository: ReferenceRepository,
        on_stored: Callable[[TurnContext], Awaitable[None]] | None = None,
        remembered: int = 10_000,
    ) -> None:
        self._repository = repository
        self._on_stored = on_stored
        self._written: OrderedDict[tuple, str] = OrderedDict()
        self._remembered = remembered

    async def on_turn(
        self, context: TurnContext, logic: Callable[[TurnContext], Awaitable]
    ) -> None:
        fingerprint = _fingerprint(context.activity)
        stored = False
        if self._written.get(fingerprint[:3]) != fingerprint:
            references = references_of(context.activity)
            if references:
                await self._repository.save(references)
                stored = True
            self._remember(fingerprint)
        await logic(context)
        if stored and self._on_stored is not None:
            await self._on_stored(context)

    def _remember(self, fingerprint: tuple) -> None:
        key = fingerprint[:3]
        self._written[key] = fingerprint
        self._written.move_to_end(key)
        while len(self._written) > self._remembered:
            self._written.popitem(last=False)


def _fingerprint(activity: Activity) -> tuple:
    """Everything a stored reference is made of, cheap to compare on every turn.

    Its first three parts (channel, conversation, user) say which references it is about.
    """
    conversation = activity.conversation
    user = activity.from_property
    bot = activity.recipient
    return (
        activity.channel_id,
        conversation.id if conversation else None,
        user.id if user else None,
        activity.service_url,
        activity.locale,
        conversation.conversation_type if conversation else None,
        conversation.tenant_id if conversation else None,
        conversation.name if conversation else None,
        tenant_of(activity),
        user.name if user else None,
        user.aad_object_id if user else None,
        bot.id if bot else None,
        bot.name if bot else None,
    )
