"""Facts about an inbound activity: whose tenant, which kind of chat, which file."""

from microsoft_agents.activity import Activity

from dialogs.uploads import UploadedFile

FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info"
PERSONAL_CONVERSATION_TYPES = {None, "personal"}


def tenant_of(activity: Activity) -> str | None:
    """The Microsoft 365 tenant: Teams puts it in channelData, the conversation may carry it."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant")
    if isinstance(tenant, dict) and tenant.get("id"):
        return tenant["id"]
    return activity.conversation.tenant_id if activity.conversation else None


def is_team_channel(activity: Activity) -> bool:
    conversation = activity.conversation
    return (conversation.conversation_type if conversation else None) == "channel"


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat with the bot (Teams 'personal', or a channel without conversation types)."""
    conversation = activity.conversation
    return (conversation.conversation_type if conversation else None) in PERSONAL_CONVERSATION_TYPES


def uploaded_file(activity: Activity) -> UploadedFile | None:
    """The first Teams file of a message, if it has one with a download link.

    Teams delivers a file sent in a personal chat as an attachment of contentType
    FILE_DOWNLOAD_INFO, whose `content.downloadUrl` is a short-lived link to fetch it
    from; its kind is `content.fileType` (else the name's extension)."""
    for attachment in activity.attachments or []:
        if attachment.content_type != FILE_DOWNLOAD_INFO:
            continue
        content = attachment.content if isinstance(attachment.content, dict) else {}
        url = content.get("downloadUrl")
        if not isinstance(url, str) or not url:
            continue
        name = str(attachment.name or "")
        kind = content.get("fileType") or name.rpartition(".")[2]
        return UploadedFile(name, url, str(kind).lower().lstrip("."))
    return None
