"""Files someone sends the bot in a Teams personal chat.

Teams delivers such a file as an attachment of contentType
`application/vnd.microsoft.teams.file.download.info`, whose `content.downloadUrl` is a
short-lived link to fetch it from; its kind is `content.fileType` (else the name's
extension). Fetching happens at the edge (`Files`), so the flows stay testable.
"""

from dataclasses import dataclass
from typing import Protocol

from botbuilder.schema import Activity

FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info"
MAX_BYTES = 10 * 1024 * 1024


class FileUnavailable(Exception):
    """The download link did not give the file (expired, refused, unreachable)."""


class FileTooLarge(Exception):
    """More than MAX_BYTES."""


class Files(Protocol):
    async def fetch(self, url: str) -> bytes:
        """The file behind a Teams download link; raises FileUnavailable or FileTooLarge."""
        ...


@dataclass(frozen=True)
class UploadedFile:
    name: str
    url: str
    kind: str  # "docx", "vtt", … lower case, without the dot


def uploaded_file(activity: Activity) -> UploadedFile | None:
    """The first Teams file of a message, if it has one with a download link."""
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
