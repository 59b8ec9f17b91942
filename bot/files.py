"""Fetching files people send the bot in Teams (implements dialogs.uploads.Files)."""

import aiohttp

from dialogs.uploads import MAX_BYTES, FileTooLarge, FileUnavailable

TIMEOUT = aiohttp.ClientTimeout(total=30)
CHUNK = 64 * 1024


class TeamsFiles:
    """GETs a download link (Teams makes it pre-authorised and short-lived), reading at
    most MAX_BYTES."""

    async def fetch(self, url: str) -> bytes:
        if not url.startswith(("https://", "http://")):
            raise FileUnavailable("not a web link")
        try:
            async with (
                aiohttp.ClientSession(timeout=TIMEOUT) as session,
                session.get(url, allow_redirects=True) as response,
            ):
                if response.status != 200:
                    raise FileUnavailable(f"HTTP {response.status}")
                data = bytearray()
                async for chunk in response.content.iter_chunked(CHUNK):
                    data += chunk
                    if len(data) > MAX_BYTES:
                        raise FileTooLarge(url)
                return bytes(data)
        except (aiohttp.ClientError, TimeoutError) as error:
            raise FileUnavailable(type(error).__name__) from None
