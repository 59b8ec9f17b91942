"""GET /notulen/{token}.docx: one version of a meeting day's notulen, behind the signed,
expiring link on the notulen cards. A link that is not ours, was altered or points to
nothing gets 404, an expired one 410: plain text, never a 5xx. Each download is audited
for every case in the notulen."""

from aiohttp import web

from bot.links import LinkRefused, NotulenLinks
from dialogs.clock import now
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.documents import DOCX
from domain.notulen import NotulenRepository

PATH = "/notulen/{token}.docx"
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class NotulenPage:
    def __init__(self, links: NotulenLinks, notulen: NotulenRepository) -> None:
        self.links = links
        self._notulen = notulen

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.docx)

    async def docx(self, request: web.Request) -> web.Response:
        at = now()
        try:
            day, number = self.links.version_of(request.match_info["token"], at)
        except LinkRefused as refused:
            key = "notulen.download.expired" if refused.expired else "notulen.download.invalid"
            return _refusal(key, 410 if refused.expired else 404)
        version = await self._notulen.version(day, number)
        if version is None:
            return _refusal("notulen.download.invalid", 404)
        numbers = [b.case_number for b in await self._notulen.bookings_on(day)]
        await self._notulen.record_download(version, numbers, at)
        filename = f"Notulen-RET-overleg-{day.isoformat()}-v{number}.docx"
        return web.Response(
            body=version.content,
            content_type=DOCX,
            headers={**HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'},
        )


def _refusal(key: str, status: int) -> web.Response:
    return web.Response(
        text=text(key, DEFAULT_LANGUAGE), status=status, charset="utf-8", headers=HEADERS
    )
