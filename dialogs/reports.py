"""Rapportage on request: the form, and links to the report over the chosen period."""

from collections.abc import Callable
from datetime import date

from dialogs.cards.reports import FROM_INPUT, REPORT_KEY, REPORT_OPEN_KEY, TO_INPUT, report_form
from dialogs.clock import now
from dialogs.routes import Routes
from dialogs.texts import Language, text
from dialogs.turn import Turn
from domain.meetings import AMSTERDAM
from domain.report import FIRST_DAY, LAST_DAY, Period, last_quarter, may_report

FORMATS = ("docx", "xlsx", "csv")
LinkFor = Callable[[str, str], str]  # (period code, format) -> signed URL


class ReportActions:
    def __init__(self, link_for: LinkFor) -> None:
        self._link_for = link_for

    def routes(self) -> Routes:
        return Routes(submits={REPORT_OPEN_KEY: self.open_form, REPORT_KEY: self.request})

    async def open_form(self, turn: Turn) -> None:
        if not await self._allowed(turn, turn.language):
            return
        today = now().astimezone(AMSTERDAM).date()
        await turn.send(report_form(last_quarter(today), turn.language))

    async def request(self, turn: Turn) -> None:
        value, language = turn.value, turn.language
        if not await self._allowed(turn, language):
            return
        try:
            period = Period(_day(value.get(FROM_INPUT)), _day(value.get(TO_INPUT)))
        except ValueError:  # not dates, backwards, or outside the years a report covers
            await turn.send(
                text("reports.bad_period", language, first=FIRST_DAY.year, last=LAST_DAY.year)
            )
            return
        links = {fmt: self._link_for(period.code, fmt) for fmt in FORMATS}
        await turn.send(text("reports.ready", language, period=period.label, **links))

    async def _allowed(self, turn: Turn, language: Language) -> bool:
        """Only the roles that report, and only in their own chat (a link is personal)."""
        if may_report(await turn.member()) and turn.personal:
            return True
        await turn.send(text("reports.not_allowed", language))
        return False


def _day(value: object) -> date:
    if not isinstance(value, str):
        raise ValueError(value)
    return date.fromisoformat(value.strip()[:10])
