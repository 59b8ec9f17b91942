"""Facts about an inbound activity that the edge and the flows both need."""

from botbuilder.schema import Activity

PERSONAL_CONVERSATION_TYPES = {None, "personal"}


def tenant_of(activity: Activity) -> str | None:
    """The Microsoft 365 tenant: Teams puts it in channelData, the conversation may carry it."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant")
    if isinstance(tenant, dict) and tenant.get("id"):
        return tenant["id"]
    return activity.conversation.tenant_id if activity.conversation else None


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat with the bot (Teams 'personal', or a channel without conversation types)."""
    conversation = activity.conversation
    return (conversation.conversation_type if conversation else None) in PERSONAL_CONVERSATION_TYPES
