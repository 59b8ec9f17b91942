"""Files someone sends the bot in a Teams personal chat.

The edge finds the file in the activity (bot.activity_facts.uploaded_file) and fetches
it (`Files`), so the flows stay testable.
"""

from dataclasses import dataclass
from typing import Protocol

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
