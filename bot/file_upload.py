"""Uploading a file to the URL Teams gives on a file consent accept (a OneDrive upload
session): one PUT with the whole range."""

import logging

from aiohttp import ClientError, ClientSession, ClientTimeout

log = logging.getLogger("retbot.documents")
TIMEOUT = ClientTimeout(total=30)


class TeamsFileUploader:
    async def put(self, url: str, content: bytes) -> bool:
        headers = {
            "Content-Length": str(len(content)),
            "Content-Range": f"bytes 0-{len(content) - 1}/{len(content)}",
        }
        try:
            async with (
                ClientSession(timeout=TIMEOUT) as session,
                session.put(url, data=content, headers=headers) as response,
            ):
                if response.status < 300:
                    return True
                log.warning("file upload refused: HTTP %s", response.status)
        except (ClientError, TimeoutError) as error:
            log.warning("file upload failed: %s", type(error).__name__)
        return False
