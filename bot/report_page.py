"""GET /rapportage/{token}.{docx|xlsx|csv}: the report over the period in a signed,
expiring link (sent to the voorzitter, procesondersteuner or admin who asked). Made when
fetched, from the report facts; a link that is not ours gets 404, an expired one 410."""

import asyncio
import tempfile
from pathlib import Path

from aiohttp import web
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.links import LinkRefused, ReportLinks
from bot.period_args import FORMATS
from dialogs.clock import now
from dialogs.texts import DEFAULT_LANGUAGE, text
from documents.house_style import HouseStyle
from documents.report import write_report
from domain.report import Report
from storage.encryption import FieldCipher
from storage.report_build import period_report

PATH = "/rapportage/{token}.{fmt}"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class ReportPage:
    def __init__(
        self,
        links: ReportLinks,
        sessions: async_sessionmaker,
        cipher: FieldCipher,
        ret_name: str,
        style: HouseStyle,
    ) -> None:
        self.links = links
        self._sessions = sessions
        self._cipher = cipher
        self._ret_name = ret_name
        self._style = style

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.download)

    async def download(self, request: web.Request) -> web.Response:
        fmt = request.match_info["fmt"]
        try:
            period = self.links.period_of(request.match_info["token"], now())
        except LinkRefused as refused:
            return _refusal("reports.link_expired" if refused.expired else "reports.link_invalid",
                            410 if refused.expired else 404)  # fmt: skip
        if fmt not in FORMATS:
            return _refusal("reports.link_invalid", 404)
        report = await period_report(self._sessions, self._cipher, self._ret_name, period, now())
        # Charts and Word take a moment of CPU: off the event loop.
        body = await asyncio.to_thread(_render, report, fmt, self._style)
        name = f"rapportage-{period.start}-{period.end}.{fmt}"
        return web.Response(
            body=body,
            content_type=CONTENT_TYPES[fmt],
            headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
        )


def _render(report: Report, fmt: str, style: HouseStyle) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"rapportage.{fmt}"
        write_report(report, fmt, out, style)
        return out.read_bytes()


def _refusal(key: str, status: int) -> web.Response:
    return web.Response(
        text=text(key, DEFAULT_LANGUAGE), status=status, charset="utf-8", headers=HEADERS
    )
